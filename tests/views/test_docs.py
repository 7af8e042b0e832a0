"""The documentation's examples run: the tutorial notebook and the how-to files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tco
from tco.views.schema import json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_tutorial_notebook_runs_in_order() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    pytest.importorskip("openpyxl")
    nb = json.loads((DOCS / "tutorial.ipynb").read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 8
    scope: dict[str, object] = {"__name__": "__tutorial__"}
    for n, cell in enumerate(cells):
        assert cell["outputs"] == [], f"cell {n} has stored outputs; clear them"
        source = "".join(cell["source"])
        exec(compile(source, f"tutorial.ipynb[{n}]", "exec"), scope)
    assert sorted(p.name for p in Path(str(scope["out"])).iterdir()) == [
        "report.html",
        "results.xlsx",
    ]


def test_product_model_howto_files() -> None:
    howto = DOCS / "howto"
    result = tco.load_tender(howto / "office-coffee.yaml").evaluate()
    acq = dict(zip(result.bids, result.by_category["acquisition"], strict=True))
    # Hand calculation (docs/howto/product-model.md): BrewMaster, 12 x 9800 DKK in year 0,
    # lasting the whole 8 years.
    assert acq["BrewMaster"] == pytest.approx(12 * 9800.0)
    # CafeLite lasts 5 years: bought in years 0 and 5, 40 % of the second set credited in year 8.
    by_hand = 64800.0 + 64800.0 * 1.04**-5 - 0.4 * 64800.0 * 1.04**-8
    assert acq["CafeLite"] == pytest.approx(by_hand)
    assert round(by_hand) == 99121  # the figure the page quotes
    end = dict(zip(result.bids, result.by_category["end_of_life"], strict=True))
    assert end["BrewMaster"] == pytest.approx(12 * 150.0 * 1.04**-8)  # disposal in year 8


def test_unequal_lifetimes_howto_ranks_by_annualised_cost() -> None:
    result = tco.load_tender(DOCS / "howto" / "office-coffee-lifetime.yaml").evaluate()
    assert result.ranked_by == "annualised"
    assert list(result.plan.period) == [8.0, 5.0]
    i = result.bids.index("CafeLite")
    factor = (1 - 1.04**-5) / 0.04  # annuity factor for 5 years at 4 %, as on the page
    assert round(factor, 4) == 4.4518
    assert result.annualised[i] == pytest.approx(result.total[i] / factor)
    assert result.ranking == ["BrewMaster", "CafeLite"]


def test_howto_files_match_the_schemas() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from tco.io.yamlio import read_yaml_file

    howto = DOCS / "howto"
    model = read_yaml_file(howto / "coffee-machines.yaml")
    assert list(jsonschema.Draft202012Validator(json_schema("model")).iter_errors(model)) == []
    for name in ("office-coffee.yaml", "office-coffee-lifetime.yaml"):
        data = read_yaml_file(howto / name)
        validator = jsonschema.Draft202012Validator(json_schema("tender"))
        assert list(validator.iter_errors(data)) == []


def _console_blocks(page: Path) -> list[tuple[list[str], list[str]]]:
    """(command, expected output lines) of each `$ tco compare` in a page's console blocks."""
    import re
    import shlex

    found = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ tco compare"):
                out = []
                for nxt in lines[i + 1 :]:
                    if nxt.startswith("$ "):
                        break
                    out.append(nxt)
                found.append((shlex.split(line[2:])[1:], out))
    return found


@pytest.mark.parametrize(
    "page", ["index.md", "howto/product-model.md", "howto/unequal-lifetimes.md"]
)
def test_console_output_in_the_docs_is_current(
    page: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tco.cli import main

    path = DOCS / page
    monkeypatch.chdir(path.parent)
    blocks = _console_blocks(path)
    assert blocks, f"{page} shows no `tco compare` output"
    for args, expected in blocks:
        assert main(args) == 0
        assert capsys.readouterr().out.splitlines() == expected, (page, args)
