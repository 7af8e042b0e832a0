"""A basket's outputs: the workbook, the award report and CSV, read back as a buyer would.

The numbers are checked against the basket's own result (whose per-line and basket totals are
checked by hand in tests/test_basket.py); text from the bids is checked to stay text.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tco.basket import BasketResult, basket_example_path, load_basket
from tco.cli import main
from tco.views import basket_report
from tco.views.basket import basket_csv
from tco.views.basket_report import basket_report_html
from tco.views.basket_workbook import write_basket_workbook

openpyxl = pytest.importorskip("openpyxl")

_HERE = Path(__file__).resolve().parent
HOSTILE = '=HYPERLINK("http://x","<b>click</b>")'


def _i18n() -> Any:
    spec = importlib.util.spec_from_file_location("_i18n_words", _HERE / "test_i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("_i18n_words", module)
    spec.loader.exec_module(module)
    return module


def _result(name: str = "copy-print") -> BasketResult:
    return load_basket(basket_example_path(name)).evaluate()


def _hostile() -> BasketResult:
    """The copy-print basket with its second bid renamed to a formula with markup."""
    import yaml

    data = yaml.safe_load(basket_example_path("copy-print").read_text("utf-8"))
    data["bids"][1]["name"] = HOSTILE
    return load_basket(data).evaluate()


def test_workbook_holds_the_numbers_as_numbers(tmp_path: Path) -> None:
    r = _result()
    wb = openpyxl.load_workbook(write_basket_workbook(r, tmp_path / "b.xlsx"))
    assert wb.sheetnames == ["Basket", "A4 devices", "A3 devices", "Lines", "Assumptions"]
    ws = wb["Basket"]
    head = [c.value for c in ws[1]]
    assert head[:6] == [
        "rank",
        "bid",
        "basket [DKK]",
        "per year [DKK/year]",
        "A4 devices [DKK]",
        "A3 devices [DKK]",
    ]
    for row in ws.iter_rows(min_row=2):
        b = r.bids.index(row[1].value)
        assert row[0].value == r.rank[b]
        assert row[2].data_type == "n" and row[2].number_format == "#,##0"
        assert row[2].value == pytest.approx(r.total[b], rel=1e-12)
        assert [c.value for c in row[4:6]] == pytest.approx(r.by_line[:, b].tolist(), rel=1e-12)
        # the basket by category adds up to each line's categories
        cats = [c.value for c in row[6:]]
        assert sum(cats) == pytest.approx(sum(r.by_category[c][b] for c in r.by_category))
    line = wb["A3 devices"]
    for row in line.iter_rows(min_row=2):
        b = r.bids.index(row[0].value)
        assert (row[1].value, row[2].value) == (r.rank[b], r.results[1].rank[b])
        assert row[3].value == pytest.approx(r.results[1].total[b], rel=1e-12)
    assumptions = [row[0].value for row in wb["Assumptions"].iter_rows(min_row=2)]
    assert "quantity" not in assumptions  # a line's quantity is on the Lines sheet
    assert "A3 devices: Office Partner: Price" in assumptions
    lines = list(wb["Lines"].iter_rows(min_row=2, values_only=True))
    assert lines == [
        ("A4 devices", "A4 devices", "printer", 40),
        ("A3 devices", "A3 devices", "printer", 6),
    ]


def test_workbook_in_danish_and_with_hostile_names(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_basket_workbook(_hostile(), tmp_path / "b.xlsx", lang="da"))
    assert wb.sheetnames == ["Kurv", "A4 devices", "A3 devices", "Linjer", "Forudsætninger"]
    assert [c.value for c in wb["Kurv"][1]][:4] == [
        "nr.",
        "tilbud",
        "kurv [DKK]",
        "TCO pr. år [DKK/år]",
    ]
    names = [row[1] for row in wb["Kurv"].iter_rows(min_row=2)]
    hostile = next(c for c in names if c.value == HOSTILE)
    assert hostile.data_type == "s"  # text, never a formula


def test_report_states_the_basket_and_each_line() -> None:
    r = _result("car-van-fleet")
    page = basket_report_html(r, charts=False)
    text = re.sub(r"<[^>]+>", " ", page)
    assert "Ranking on the basket" in text and "Lowest cost basket:  Combustion fleet" in text
    assert "sum over the lines" in text
    for name, total in zip(r.bids, r.total, strict=True):
        assert f"{total:,.0f}" in text and name in text
    # the lines' quantities and their differing method items are stated
    assert "Q = 10 × car" in text and "Q = 6 × van" in text
    assert "The charts are left out" not in page  # charts=False: left out on request


def test_report_without_matplotlib_says_the_chart_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(basket_report, "can_draw", lambda: False)
    page = basket_report_html(_result(), lang="da")
    assert "Diagrammerne er udeladt" in page and "data:image/png" not in page
    assert "pip install" not in page  # a buyer's document carries no command line


def test_report_chart_when_matplotlib_is_there() -> None:
    pytest.importorskip("matplotlib")
    assert "data:image/png;base64," in basket_report_html(_result())


def test_report_escapes_bid_names() -> None:
    page = basket_report_html(_hostile(), charts=False)
    assert "<b>click</b>" not in page and "&lt;b&gt;click&lt;/b&gt;" in page


def test_report_in_danish_has_no_english_word() -> None:
    words = _i18n()
    basket = load_basket(basket_example_path("copy-print"))
    text = basket_report_html(basket.evaluate(), lang="da", charts=False)
    for tender in basket.tenders:
        text = words._clean(text, tender)
    for own in (*basket.lines, "devices", "printer"):
        text = text.replace(own, " ")
    found = set(re.findall(r"[A-Za-zæøåÆØÅ']+", text.lower())) & words.ENGLISH
    assert found == set()


def test_csv_in_danish_reads_back_as_the_numbers() -> None:
    r = _hostile()
    rows = list(csv.reader(io.StringIO(basket_csv(r, "da")), delimiter=";"))
    assert rows[0][:3] == ["nr.", "tilbud", "kurv [DKK]"]
    for row in rows[1:]:
        name = row[1].removeprefix("'")  # a formula-like name is neutralised
        b = r.bids.index(name)
        assert "." not in row[2] and "," in row[2]
        got = [float(x.replace(",", ".")) for x in row[2:]]
        want = [r.total[b], r.annualised[b]]
        for j in range(len(r.lines)):
            want += [r.by_line[j, b], r.annualised_by_line[j, b]]
        np.testing.assert_allclose(got, want, rtol=1e-11)
    assert any(row[1] == "'" + HOSTILE for row in rows)
    english = list(csv.reader(io.StringIO(basket_csv(r, "en"))))
    assert english[0][2] == "basket [DKK]" and "." in english[1][2]


def test_cli_writes_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, report = tmp_path / "b.xlsx", tmp_path / "b.html"
    args = ["basket", "--example", "car-van-fleet", "--xlsx", str(book), "--report", str(report)]
    assert main([*args, "--format", "csv", "--lang", "da"]) == 0
    assert capsys.readouterr().out.startswith("nr.;tilbud;kurv [DKK]")
    assert openpyxl.load_workbook(book).sheetnames[0] == "Kurv"
    assert "Rangering på kurven" in report.read_text("utf-8")
    assert main(["basket", "--example", "copy-print", "--xlsx", str(tmp_path)]) == 2
