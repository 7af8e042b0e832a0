"""The result workbook: summary, breakdown, yearly cash flows, assumptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from lighting_hand import LUMEN_NORD_ACQUISITION, P, electricity_pv

import tco
from tco.cli import main
from tco.views.workbook import SHEETS, write_workbook

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> object:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    path = tmp_path_factory.mktemp("wb") / "results.xlsx"
    write_workbook(tender.evaluate(), path, tender=tender)
    return openpyxl.load_workbook(path)


def _table(ws: object) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_sheets(book: object) -> None:
    assert (
        book.sheetnames
        == list(SHEETS)
        == [  # type: ignore[attr-defined]
            "Summary",
            "Breakdown",
            "Cash flows",
            "Assumptions",
        ]
    )


def test_summary_sheet(book: object, result: tco.Result) -> None:
    rows = _table(book["Summary"])  # type: ignore[index]
    assert rows[0][:6] == [
        "rank",
        "bid",
        "total [DKK]",
        "per year [DKK/year]",
        "total excl. externalities [DKK]",
        "period [year]",
    ]
    assert rows[0][6:9] == [
        "total incl. externalities [DKK]",
        "per year excl. externalities [DKK/year]",
        "per year incl. externalities [DKK/year]",
    ]
    assert rows[0][9:] == ["acquisition [DKK]", "use [DKK]", "externalities [DKK]", "CO2e [kg]"]
    assert [r[1] for r in rows[1:]] == result.ranking
    lumen = next(r for r in rows if r[1] == "Lumen Nord")
    assert lumen[9] == pytest.approx(LUMEN_NORD_ACQUISITION)
    assert lumen[10] == pytest.approx(electricity_pv("Lumen Nord"))
    assert lumen[12] == pytest.approx(38880.0)  # 96 kWh x 0.135 kg/kWh x 200 x 15 years
    assert lumen[5] == P


def test_breakdown_sheet(book: object) -> None:
    rows = _table(book["Breakdown"])  # type: ignore[index]
    assert rows[0] == ["bid", "item", "description", "category", "present value [DKK]"]
    assert len(rows) == 1 + 3 * 3  # 3 bids x 3 items
    pv = {(r[0], r[1]): r[4] for r in rows[1:]}
    assert pv["Lumen Nord", "electricity"] == pytest.approx(electricity_pv("Lumen Nord"))


def test_cash_flow_sheet(book: object) -> None:
    rows = _table(book["Cash flows"])  # type: ignore[index]
    assert rows[0][:5] == ["bid", "item", "category", "cash flow [DKK]", "year 0"]
    assert rows[0][-1] == f"year {P}"
    assert len(rows) == 1 + 2 * 3 * 3  # real and discounted, 3 bids x 3 items
    real = {(r[0], r[1]): r[4:] for r in rows[1:] if r[3] == "real"}
    disc = {(r[0], r[1]): r[4:] for r in rows[1:] if r[3] == "discounted"}
    # Lumen Nord bought in year 0: (1450 + 250) x 200 = 340,000 DKK; 10 % credited in year 15
    assert real["Lumen Nord", "purchase"][0] == pytest.approx(340000.0)
    assert real["Lumen Nord", "purchase"][P] == pytest.approx(-34000.0)
    assert sum(disc["Lumen Nord", "electricity"]) == pytest.approx(electricity_pv("Lumen Nord"))


def test_assumptions_sheet(book: object) -> None:
    rows = {r[0]: r[1:] for r in _table(book["Assumptions"])}  # type: ignore[index]
    assert rows["discount rate"][0] == "4.00 % real"
    assert rows["model"][0] == "indoor-lighting"
    # Stored as numbers (a Danish Excel shows them with its own separators).
    assert rows["Electricity price"] == [2.13, "DKK/kWh"]
    assert rows["Lumen Nord: Power"] == [32, "W"]
    assert rows["tco"][0] == tco.__version__


def test_cli_writes_the_workbook(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert (
        main(["compare", "--example", "indoor-lighting", "--xlsx", str(out), "--lang", "da"]) == 0
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Oversigt", "Fordeling", "Betalinger", "Forudsætninger"]
    summary = book["Oversigt"]
    assert [c.value for c in summary[1]][:3] == ["nr.", "tilbud", "TCO i alt [DKK]"]


def test_danish_cash_flows_name_items_by_the_models_danish_label(
    tmp_path: Path, result: tco.Result
) -> None:
    from tco.views.labels import item_label

    out = tmp_path / "r.xlsx"
    write_workbook(result, out, lang="da")
    flows = openpyxl.load_workbook(out)["Betalinger"]
    shown = {row[1] for row in flows.iter_rows(min_row=2, values_only=True)}
    assert "Elforbrug" in shown and "electricity" not in shown
    assert shown == {item_label(result, name, "da") for name in result.items}


def test_every_sheet_of_the_danish_workbook_names_items_by_label(tmp_path: Path) -> None:
    from tco.views.labels import item_label

    tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    result = tender.evaluate()
    out = tmp_path / "r.xlsx"
    write_workbook(result, out, tender=tender, lang="da")
    book = openpyxl.load_workbook(out)
    ids = {*result.items, *(e.name for e in result.plan.emissions)}
    labels = {item_label(result, name, "da") for name in result.items}
    for ws in book:
        cells = {c for row in ws.iter_rows(values_only=True) for c in row if c is not None}
        assert not cells & ids, (ws.title, cells & ids)
    rows = [list(r) for r in book["Fordeling"].iter_rows(values_only=True)]
    assert rows[0] == ["tilbud", "post", "kategori", "nutidsværdi [DKK]"]
    assert {r[1] for r in rows[1:]} == labels
    assert "Elforbrug" in labels and "Armaturer og installation" in labels
    pv = {(r[0], r[1]): r[3] for r in rows[1:]}
    assert pv["Lumen Nord", "Elforbrug"] == pytest.approx(
        float(result.pv_by_item[0, result.items.index("electricity")])
    )
    assert book["Fordeling"].cell(2, 4).number_format == book["Oversigt"].cell(2, 3).number_format
