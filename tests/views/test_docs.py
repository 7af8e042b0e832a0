"""The documentation's examples run: the tutorial notebook and the how-to files."""

from __future__ import annotations

from pathlib import Path

import pytest

import tco
from tco.views.schema import json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(
    ("name", "files", "table_word"),
    [
        ("tutorial.ipynb", "['report.html', 'results.xlsx']", "per year"),
        ("kom-i-gang.ipynb", "['rapport.html', 'resultater.xlsx']", "TCO pr. år"),
    ],
)
def test_notebook_runs_and_shows_its_charts(name: str, files: str, table_word: str) -> None:
    """Execute the notebook in a Jupyter kernel, as a reader would, and look at its outputs."""
    import warnings

    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(DOCS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] for c in code), f"{name} has stored outputs; clear them"
    sources = "\n".join(c.source for c in code)
    assert "tco." in sources
    assert "from tco." not in sources and "import tco." not in sources, "public API only"
    assert "%matplotlib" not in sources
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the kernel machinery's own deprecations
        client = nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(DOCS)}}
        )
        client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "the charts must show as images, with no magic command"
    for o in images:
        assert o["data"]["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any(table_word in t for t in tables)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert files in printed


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
    "page",
    ["index.md", "kom-i-gang.md", "howto/product-model.md", "howto/unequal-lifetimes.md"],
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
