"""The generated product-model catalogue (docs/catalogue.md) and ``tco catalogue``."""

from __future__ import annotations

from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.views.catalogue import model_section, render_catalogue

DOCS = Path(__file__).resolve().parents[1] / "docs" / "catalogue.md"


def test_docs_catalogue_is_up_to_date() -> None:
    # Regenerate with: tco catalogue -o docs/catalogue.md
    assert DOCS.read_text(encoding="utf-8") == render_catalogue()


def test_every_bundled_model_has_a_section_with_a_row_per_parameter() -> None:
    page = render_catalogue()
    for model_id, path in tco.bundled_models().items():
        model = tco.load_model(path)
        section = model_section(model)
        assert f"— `{model_id}`" in section
        assert section in page
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert len(rows) == len(model.parameters) + len(model.items) + len(model.emissions)


def test_cli_writes_the_same_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "catalogue.md"
    assert main(["catalogue", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_catalogue()
    assert main(["catalogue"]) == 0
    assert capsys.readouterr().out == render_catalogue()


def test_table_cells_escape_pipes_and_newlines() -> None:
    model = tco.load_model(
        {
            "id": "pipe-model",
            "title": {"en": "Pipes", "da": "Rør"},
            "functional_unit": "unit",
            "parameters": {
                "price": {
                    "unit": "DKK",
                    "bid": True,
                    "label": {"en": "Price | VAT", "da": "Pris"},
                    "source": "line one\nline two",
                }
            },
            "items": {"purchase": {"category": "acquisition", "once": "price"}},
        }
    )
    row = next(x for x in model_section(model).splitlines() if x.startswith("| `price`"))
    assert row == "| `price` | Price \\| VAT / Pris | DKK |  |  | bid | line one line two |"


def test_the_danish_catalogue_has_danish_words_and_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re

    from test_errors_danish import ENGLISH

    assert main(["catalogue", "--lang", "da"]) == 0
    page = capsys.readouterr().out
    assert page == render_catalogue(lang="da")
    assert page.startswith("# Katalog over produktmodeller")
    assert "## Indendørs belysning (LED-armaturer) — `indoor-lighting`" in page
    assert "| `electricity_price` | Elpris | DKK/kWh | 2,13 DKK/kWh |" in page
    # What the models cite (their sources) is quoted as published; code is code. A parameter's
    # source is said in Danish (tests/test_sources_danish.py), so it is checked here too.
    for path in tco.bundled_models().values():
        model = tco.load_model(path)
        for source in sorted(model.spec.sources, key=len, reverse=True):
            page = page.replace(" ".join(source.split()).replace("|", "\\|"), " ")
    page = re.sub(
        r"`[^`]*`|\([^)]*#[^)]*\)|<[^>]*>|\bA4\b", " ", page
    )  # code, links, anchors, A4 paper
    words = set(re.findall(r"[A-Za-zæøåÆØÅ]+", page.lower()))
    assert sorted(words & ENGLISH) == []
    assert not re.search(r"(?<![\d.])\d+\.\d{1,2} (?:DKK|%|kWh)", page)  # 2,13 DKK, not 2.13
