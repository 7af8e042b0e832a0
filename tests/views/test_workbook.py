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
        book.sheetnames[:-1]  # type: ignore[attr-defined]
        == list(SHEETS)
        == ["Summary", "Breakdown", "Cash flows", "Assumptions", "Bids", "Method"]
    )
    assert book.sheetnames[-1] == "Calculation"  # type: ignore[attr-defined]


def test_summary_sheet(book: object, result: tco.Result) -> None:
    rows = _table(book["Summary"])  # type: ignore[index]
    # rank, bid, the award's figures, the categories (externalities counted: rule 'award'),
    # CO2e in tonnes, then the TCO without the externalities beside it
    assert rows[0] == [
        "Rank",
        "Bid",
        "TCO [DKK]",
        "TCO per year [DKK/year]",
        "Acquisition [DKK]",
        "Use [DKK]",
        "Externalities [DKK]",
        "CO2e [t]",
        "TCO excl. externalities [DKK]",
        "TCO per year excl. externalities [DKK/year]",
    ]
    assert [r[1] for r in rows[1:]] == result.ranking
    assert [r[0] for r in rows[1:]] == [1, 2, 3]
    lumen = next(r for r in rows if r[1] == "Lumen Nord")
    assert lumen[4] == pytest.approx(LUMEN_NORD_ACQUISITION)
    assert lumen[5] == pytest.approx(electricity_pv("Lumen Nord"))
    assert lumen[7] == pytest.approx(38.88)  # 96 kWh x 0.135 kg/kWh x 200 x 15 years / 1000
    # the categories sum to the TCO that ranks the bids
    assert lumen[4] + lumen[5] + lumen[6] == pytest.approx(lumen[2])
    assert lumen[8] == pytest.approx(lumen[2] - lumen[6])


def test_summary_places_externalities_by_the_award_rule(tmp_path: Path) -> None:
    # passenger-car states 'externalities: report' (the Danish EPA tool): the categories
    # sum to the TCO without them, and they follow the emissions, beside the award
    tender = tco.load_tender(tco.example_path("passenger-car"))
    result = tender.evaluate()
    out = write_workbook(result, tmp_path / "r.xlsx", tender=tender, lang="da")
    ws = openpyxl.load_workbook(out)["Oversigt"]
    rows = _table(ws)
    assert rows[0] == [
        "Nr.",
        "Tilbud",
        "TCO [DKK]",
        "TCO pr. år [DKK/år]",
        "Anskaffelse [DKK]",
        "Forbrug [DKK]",
        "Vedligehold [DKK]",
        "Bortskaffelse [DKK]",
        "CO2e [ton]",
        "Eksterne omkostninger, ikke i tildelingen [DKK]",
        "TCO inkl. eksterne omk. [DKK]",
        "TCO pr. år inkl. eksterne omk. [DKK/år]",
    ]
    for row in rows[1:]:
        assert sum(row[4:8]) == pytest.approx(row[2])
        assert row[9] + row[2] == pytest.approx(row[10])
    b = result.bids.index(rows[1][1])
    assert rows[1][8] == pytest.approx(result.emissions["co2e"][b] / 1000)  # kg to tonnes
    # frozen head and names; Danish number formats on numbers
    assert ws.freeze_panes == "C2"
    assert ws["C2"].number_format == "[$-406]#,##0"
    assert ws["I2"].number_format == "[$-406]#,##0.0"


def test_assumptions_are_numbers_with_formats(tmp_path: Path) -> None:
    tender = tco.load_tender(tco.example_path("passenger-car"))
    out = write_workbook(tender.evaluate(), tmp_path / "r.xlsx", tender=tender, lang="da")
    ws = openpyxl.load_workbook(out)["Forudsætninger"]
    rows = {r[0].value: r[1:] for r in ws.iter_rows(min_row=2)}
    rate = rows["Kalkulationsrente"]
    # the tender's '4 %': the number 0.04 shown as a percentage, not the text '4,00 % ...'
    assert (rate[0].value, rate[0].number_format, rate[1].value) == (0.04, "[$-406]0.00%", "pr. år")
    assert rows["Priser"][0].value == "Faste priser"
    assert rows["Prisudvikling: el"][0].value == pytest.approx(0.0167)  # '1.67 %/year'
    assert rows["CO2-pris"][0].value == 1500 and rows["CO2-pris"][1].value == "DKK/t"
    # a path by year: one number per year (the model's BR18 grid factor path)
    grid = [c.value for c in rows["CO2e pr. kWh el"] if isinstance(c.value, float)]
    assert grid[:3] == [0.089, 0.07, 0.058] and len(grid) == 30
    assert rows["CO2e pr. kWh el"][1].value == "kg CO2e/kWh"
    assert ws.freeze_panes == "B2"


def test_bids_sheet_has_a_column_per_bid(tmp_path: Path) -> None:
    tender = tco.load_tender(tco.example_path("passenger-car"))
    out = write_workbook(tender.evaluate(), tmp_path / "r.xlsx", tender=tender, lang="da")
    rows = _table(openpyxl.load_workbook(out)["Tilbud"])
    assert rows[0] == ["Parameter", "Enhed", *(b.name for b in tender.spec.bids)]
    by = {r[0]: r[1:] for r in rows[1:]}
    assert by["Indkøbspris"][0] == "DKK"
    assert by["Ejerafgift"][0] == "DKK/år"
    # the example's bids: price 189000 DKK (Benzin Auto) ... as numbers
    assert by["Indkøbspris"][1] == 189000
    assert len(rows) == 1 + len(tender.model.bid_parameters)


def test_method_sheet_is_rendered_from_the_conventions(tmp_path: Path, result: tco.Result) -> None:
    from tco.views import conventions_text as ct

    out = write_workbook(result, tmp_path / "r.xlsx", lang="da")
    rows = {r[0]: r[1] for r in _table(openpyxl.load_workbook(out)["Metode"])[1:]}
    plan = result.plan
    for statement in (
        ct.discount_rate(plan, "da"),
        ct.timing(plan, "da"),
        ct.annualisation(plan, "da"),
    ):
        assert rows[statement.lead] == ct.sentence(statement.text) + "."
    assert ct.award_rule(plan, "da") in rows["Tildeling"]


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
    assert rows["Discount rate"][:2] == [0.04, "per year"]
    assert rows["Product model"][0] == "indoor-lighting"
    # Stored as numbers (a Danish Excel shows them with its own separators).
    assert rows["Electricity price"][:2] == [2.13, "DKK/kWh"]
    assert rows["Version of tco"][0] == tco.__version__
    bids = {r[0]: r[1:] for r in _table(book["Bids"])}  # type: ignore[index]
    assert bids["Power"] == ["W", 32, 41, 27]  # examples/indoor-lighting.yaml: power 32, 41, 27 W


def test_cli_writes_the_workbook(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert (
        main(["compare", "--example", "indoor-lighting", "--xlsx", str(out), "--lang", "da"]) == 0
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Oversigt",
        "Fordeling",
        "Betalinger",
        "Forudsætninger",
        "Tilbud",
        "Metode",
        "Beregning",
    ]
    summary = book["Oversigt"]
    assert [c.value for c in summary[1]][:4] == [
        "Nr.",
        "Tilbud",
        "TCO [DKK]",
        "TCO pr. år [DKK/år]",
    ]


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
