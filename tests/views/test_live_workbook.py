"""The live calculation sheet of the result workbook: the engine as Excel formulas.

The sheet is recalculated by a real spreadsheet engine, LibreOffice headless
(``soffice --convert-to xlsx`` computes every formula on load; its values are read
back with openpyxl's ``data_only``). The reference is tco's engine: for every bundled
example every bid's total and annualised cost must agree to 1e-9 relative, and after
a buyer edits an assumption cell and a bid cell, the recalculated sheet must agree
with the engine on the tender changed the same way.

Tests needing LibreOffice are skipped where ``soffice`` is missing, except under CI
(``CI=true``), where they fail: ``.ci/run`` installs it.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.cli import main
from tco.io.yamlio import read_yaml_file
from tco.views.workbook import write_workbook

openpyxl = pytest.importorskip("openpyxl")

EXAMPLES = sorted(p.stem for p in Path(tco.example_path("indoor-lighting")).parent.glob("*.yaml"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _need_soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is missing in CI; .ci/run installs libreoffice-calc")
        pytest.skip("needs LibreOffice (Debian: apt-get install libreoffice-calc)")
    return SOFFICE


def recalculate(books: list[Path], out: Path) -> list[Path]:
    """The workbooks as LibreOffice saves them after computing every formula."""
    soffice = _need_soffice()
    profile = out / "profile"  # a profile of its own: runs in parallel do not share one
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    done = [out / b.name for b in books]
    missing = [p.name for p in done if not p.exists()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return done


def sheet_rows(path: Path, *, data_only: bool) -> tuple[Any, list[list[Any]]]:
    book = openpyxl.load_workbook(path, data_only=data_only)
    ws = book.worksheets[-1]
    return book, [list(r) for r in ws.iter_rows(values_only=True)]


def result_rows(rows: list[list[Any]], bids: int) -> dict[str, tuple[Any, ...]]:
    """The sheet's result table: bid name -> (rank, total, annualised)."""
    head = next(i for i, r in enumerate(rows) if r[0] in ("Result", "Resultat"))
    return {r[0]: (r[1], r[2], r[3]) for r in rows[head + 2 : head + 2 + bids]}


def assert_matches(path: Path, result: tco.Result) -> None:
    """Every bid's total and annualised cost as recalculated equals the engine's."""
    _, rows = sheet_rows(path, data_only=True)
    got = result_rows(rows, len(result.bids))
    for b, bid in enumerate(result.bids):
        rank, total, annualised = got[bid]
        assert isinstance(total, (int, float)), (bid, total)  # a number, not an error text
        assert total == pytest.approx(float(result.total[b]), rel=1e-9, abs=0), bid
        assert annualised == pytest.approx(float(result.annualised[b]), rel=1e-9, abs=0), bid
        assert rank == int(result.rank[b]), bid


# -- without a spreadsheet engine -------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tco.Result]:
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    data["title"] = 'Skolen\'s "LED" = 1+1'
    data["bids"][0]["name"] = '=HYPERLINK("http://evil.example/","klik")'
    data["bids"][1]["name"] = "=cmd|' /C calc'!A0"
    tender = tco.load_tender(data)
    result = tender.evaluate()
    path = tmp_path_factory.mktemp("live") / "hostile.xlsx"
    write_workbook(result, path, tender=tender, lang="da")
    return path, result


def test_the_result_workbook_has_a_calculation_sheet(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["compare", "--example", "indoor-lighting", "--xlsx", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-1] == "Calculation"
    assert book.calculation.fullCalcOnLoad  # a spreadsheet computes it when it opens the file
    assert (
        main(["compare", "--example", "indoor-lighting", "--lang", "da", "--xlsx", str(out)]) == 0
    )
    assert openpyxl.load_workbook(out).sheetnames[-1] == "Beregning"


def test_inputs_are_numbers_and_results_are_formulas(tmp_path: Path) -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    path = tmp_path / "r.xlsx"
    write_workbook(tender.evaluate(), path, tender=tender)
    _, rows = sheet_rows(path, data_only=False)
    by_label = {r[0]: r for r in rows if isinstance(r[0], str)}
    assert by_label["discount rate (real)"][2] == 0.04  # the tender's 4 %, a number
    assert by_label["quantity"][2] == 200
    assert by_label["Operating hours"][1:3] == ["h/year", 3000]
    bids = next(r for r in rows if r[0] == "parameter" and r[3] == "Lumen Nord")
    assert bids[3:6] == ["Lumen Nord", "Budget Light", "Premium LED"]
    price = by_label["Price per luminaire"]
    assert price[1] == "DKK" and price[3:6] == [1450, 1100, 1890]  # one column per bid
    # the result table: every number a formula
    got = result_rows(rows, 3)
    for rank, total, annualised in got.values():
        assert all(isinstance(v, str) and v.startswith("=") for v in (rank, total, annualised))


def test_bid_and_tender_text_is_text_never_a_formula(hostile: tuple[Path, tco.Result]) -> None:
    path, result = hostile
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[-1]
    names = set(result.bids)
    seen: set[str] = set()
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if cell.data_type == "f":
                # tco's own formulas: cell references, numbers and functions only
                assert isinstance(value, str)
                assert "HYPERLINK" not in value and "cmd" not in value and "evil" not in value
                assert all(n not in value for n in names)
            elif isinstance(value, str) and value in names | {result.plan.title}:
                assert cell.data_type == "s"
                seen.add(value)
    assert seen == names | {result.plan.title}


def test_a_formula_tco_did_not_write_is_refused() -> None:
    from tco.views.live_workbook import _Grid

    with pytest.raises(ValueError, match="not a formula tco writes"):
        _Grid().formula(1, 1, 'HYPERLINK("http://x";"a")|cmd')


def test_a_calculation_too_big_for_the_workbook_is_left_out_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tco.views.live_workbook as live
    import tco.views.workbook as workbook

    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    result = tender.evaluate()
    # room for the other sheets, not for the calculation (an upper bound of its cells)
    cap = workbook.workbook_cells(result, tender) + live.live_cells(result) - 1
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_CELLS", cap)
    path = write_workbook(result, tmp_path / "r.xlsx", tender=tender, lang="da")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Oversigt", "Fordeling", "Betalinger", "Forudsætninger"]
    rows = [r for r in book["Beregning"].iter_rows(values_only=True)]
    assert len(rows) == 2 and "Den levende beregning er udeladt" in str(rows[1][0])
    assert f"fylde {live.live_cells(result)} celler" in str(rows[1][0])


# -- recalculated by LibreOffice ----------------------------------------------------------------


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, tco.Result]]:
    """Every bundled example's result workbook, recalculated by LibreOffice in one run."""
    _need_soffice()
    folder = tmp_path_factory.mktemp("examples")
    written: dict[str, tuple[Path, tco.Result]] = {}
    for i, name in enumerate(EXAMPLES):
        tender = tco.load_tender(tco.example_path(name))
        result = tender.evaluate()
        path = folder / f"{name}.xlsx"
        write_workbook(result, path, tender=tender, lang=("en", "da")[i % 2])
        written[name] = (path, result)
    out = folder / "recalculated"
    done = recalculate([p for p, _ in written.values()], out)
    return {name: (d, r) for (name, (_, r)), d in zip(written.items(), done, strict=True)}


def test_every_bundled_example_is_covered() -> None:
    assert len(EXAMPLES) >= 24
    assert {"indoor-lighting", "passenger-car", "outdoor-lighting", "clean-vehicles-2009"} <= set(
        EXAMPLES
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_recalculated_sheet_equals_the_engine(
    name: str, examples: dict[str, tuple[Path, tco.Result]]
) -> None:
    path, result = examples[name]
    assert_matches(path, result)


def test_hostile_text_survives_recalculation(
    hostile: tuple[Path, tco.Result], tmp_path: Path
) -> None:
    path, result = hostile
    (done,) = recalculate([path], tmp_path)
    assert_matches(done, result)
    _, rows = sheet_rows(done, data_only=True)
    assert set(result_rows(rows, 3)) == set(result.bids)  # the names, as text


def _find(rows: list[list[Any]], label: str, column: int = 2) -> tuple[int, int]:
    """(row, column) of the cell in ``column`` (0-based) of the first row labelled ``label``."""
    r = next(i for i, row in enumerate(rows) if row[0] == label)
    return r + 1, column + 1


def _edit(path: Path, edits: list[tuple[str, int, float]], out: Path) -> Path:
    """Change cells of the calculation sheet as a buyer would, by their row's label."""
    book, rows = sheet_rows(path, data_only=False)
    ws = book.worksheets[-1]
    for label, column, value in edits:
        r, c = _find(rows, label, column)
        assert isinstance(ws.cell(r, c).value, (int, float)), (label, ws.cell(r, c).value)
        ws.cell(r, c).value = value
    book.save(out)
    return out


def test_editing_the_discount_rate_and_a_price_recalculates(tmp_path: Path) -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    path = tmp_path / "in.xlsx"
    write_workbook(tender.evaluate(), path, tender=tender)
    # the buyer types 5 % over the 4 % and Lumen Nord's price becomes 1600 DKK (column D)
    edited = _edit(
        path,
        [("discount rate (real)", 2, 0.05), ("Price per luminaire", 3, 1600)],
        tmp_path / "edited.xlsx",
    )
    (done,) = recalculate([edited], tmp_path / "out")
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    changed = copy.deepcopy(data)
    changed["assumptions"]["discount_rate"] = "5 %"
    changed["bids"][0]["price"] = "1600 DKK"
    expected = tco.load_tender(changed).evaluate()
    before = tender.evaluate()
    assert not np.allclose(expected.total, before.total)  # the edit changes every bid's total
    assert_matches(done, expected)


def test_editing_a_danish_car_tender_recalculates(tmp_path: Path) -> None:
    # year-1 prices, yearly emission factors, externalities reported apart, no residual value
    tender = tco.load_tender(tco.example_path("passenger-car"))
    result = tender.evaluate()
    path = tmp_path / "in.xlsx"
    write_workbook(result, path, tender=tender, lang="da")
    model = tender.model
    price = model.parameters["price"].spec.label.get("da")  # type: ignore[union-attr]
    petrol = "prisudvikling: benzin"
    edited = _edit(
        path,
        [("kalkulationsrente (real)", 2, 0.025), (petrol, 2, 0.03), (price, 4, 310000)],
        tmp_path / "edited.xlsx",
    )
    (done,) = recalculate([edited], tmp_path / "out")
    changed = copy.deepcopy(read_yaml_file(tco.example_path("passenger-car")))
    changed["assumptions"]["discount_rate"] = "2.5 %"
    changed["assumptions"]["escalation"]["petrol"] = "3 %/year"
    changed["bids"][1]["price"] = "310000 DKK"
    expected = tco.load_tender(changed).evaluate()
    assert not np.allclose(expected.total, result.total)
    assert_matches(done, expected)


# The conventions no bundled example uses, each written as formulas (or, where the sheet has
# none, as the engine's values with a note) and recalculated against the engine.
CONVENTIONS: dict[str, dict[str, Any]] = {
    "mid-year, year-1 prices": {"discounting": "mid", "price_year": 1},
    "beginning of year": {"discounting": "begin"},
    "nominal with inflation": {"rate_type": "nominal", "discount_rate": "6 %", "inflation": "2 %"},
    "annualised at the nominal rate": {
        "rate_type": "nominal",
        "discount_rate": "6 %",
        "inflation": "2 %",
        "annualise_at": "real",
    },
    "a residual share, externalities reported": {
        "residual_value": {"share": "20 %"},
        "externalities": "report",
    },
    "no residual value": {"residual_value": "none"},
    "escalation and CO2 price paths": {
        "escalation": {"electricity": [f"{1 + k / 10:.1f} %/year" for k in range(15)]},
        "co2_price": [f"{1000 + 100 * k} DKK/t" for k in range(15)],
    },
    "own timing of one item": {"item_discounting": {"electricity": "begin"}},
    "a discount schedule": {"discount_rate": [{"to": 5, "rate": "4 %"}, {"rate": "3 %"}]},
    "undiscounted": {"discount_rate": "0 %"},
    "period of each bid's lifetime": {"period": "lifetime"},
}
#: Whole-year lifetimes (rated life / 3000 h a year: 16, 12 and 20 years), for 'period: lifetime'.
WHOLE_YEARS = ["48000 h", "36000 h", "60000 h"]


def test_conventions_recalculate(tmp_path: Path) -> None:
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    books: list[Path] = []
    results: list[tco.Result] = []
    for i, extra in enumerate(CONVENTIONS.values()):
        changed = copy.deepcopy(data)
        changed["assumptions"].update(extra)
        for bid, life in zip(changed["bids"], WHOLE_YEARS, strict=True):
            bid["rated_life"] = life
        tender = tco.load_tender(changed)
        result = tender.evaluate()
        path = tmp_path / f"c{i}.xlsx"
        write_workbook(result, path, tender=tender)
        books.append(path)
        results.append(result)
    done = recalculate(books, tmp_path / "out")
    for name, path, result in zip(CONVENTIONS, done, results, strict=True):
        try:
            assert_matches(path, result)
        except AssertionError as err:
            raise AssertionError(f"{name}: {err}") from None


# A model that uses every function of the formula language and every timing: 'round(2.5)' is 2
# (half to even, as numpy rounds), 'every' and 'at' take their times from bid cells, an annual
# item runs from year 2 to the year before the period's end and is indexed at each bid's own
# rate (written as values), and an end-of-life amount is not per unit.
EVERYTHING: dict[str, Any] = {
    "id": "everything",
    "title": "Every function and timing",
    "functional_unit": "unit",
    "parameters": {
        "a": {"unit": "DKK/year", "bid": True},
        "b": {"unit": "DKK/year", "bid": True},
        "c": {"bid": True},
        "price": {"unit": "DKK", "bid": True},
        "interval": {"unit": "year", "bid": True},
        "fee": {"unit": "DKK/year", "bid": True},
        "rate": {"unit": "%/year", "bid": True, "default": "0 %/year"},
    },
    "items": {
        "functions": {
            "category": "use",
            "annual": "abs(-a) + min(a, b) + max(a, b, 5 DKK/year) + ceil(c) * a + floor(c) * b"
            " + round(c) * a + sqrt(a * b) + exp(c / 10) * a + log(c) * b + c ** 2 * a - -a",
        },
        "buy": {"category": "acquisition", "once": "price"},
        "overhaul": {"category": "maintenance", "every": "interval", "amount": "price / 4"},
        "midlife": {"category": "maintenance", "at": "interval + 0.5 year", "amount": "price / 10"},
        "service": {
            "category": "maintenance",
            "annual": "fee",
            "start": "2 year",
            "stop": "period - 1 year",
            "indexation": "rate",
        },
        "scrap": {"category": "end_of_life", "end_of_life": "price / 20", "per_unit": False},
    },
    "emissions": {"co2": {"annual": "c * 100 kg/year"}},
}
EVERY_BID = {"a": "100 DKK/year", "b": "80 DKK/year", "price": "1000 DKK", "fee": "50 DKK/year"}
EVERY_BIDS = [
    {**EVERY_BID, "name": "Half", "c": "2.5", "interval": "3 year", "rate": "2 %/year"},
    {**EVERY_BID, "name": "Odd", "c": "3.5", "interval": "2.5 year", "price": "900 DKK"},
    {**EVERY_BID, "name": "Long", "c": "1.2", "interval": "4 year", "fee": "70 DKK/year"},
]
# The same with a lifetime per bid: purchases recur, the last unit's unexpired share is credited
# and the salvage of a unit the period cuts short is booked at the period's end.
WITH_LIFETIME = {
    **EVERYTHING,
    "id": "everything-lifetime",
    "lifetime": "life",
    "parameters": {**EVERYTHING["parameters"], "life": {"unit": "year", "bid": True}},
    "items": {
        **EVERYTHING["items"],
        "scrap": {"category": "end_of_life", "end_of_life": "-price / 20", "residual": True},
    },
}
LIVES = ["4 year", "6 year", "10.5 year"]


def test_every_function_and_timing_recalculates(tmp_path: Path) -> None:
    assumptions = {
        "currency": "DKK",
        "discount_rate": "3 %",
        "period": "10 year",
        "quantity": 3,
        "co2_price": "1000 DKK/t",
        "residual_value": {"share": "10 %"},
    }
    tenders = [
        {"model": EVERYTHING, "assumptions": assumptions, "bids": EVERY_BIDS},
        {
            "model": WITH_LIFETIME,
            "assumptions": {**assumptions, "residual_value": "linear"},
            "bids": [{**b, "life": life} for b, life in zip(EVERY_BIDS, LIVES, strict=True)],
        },
    ]
    books, results = [], []
    for i, data in enumerate(tenders):
        tender = tco.load_tender(data)
        results.append(tender.evaluate())
        books.append(write_workbook(results[-1], tmp_path / f"e{i}.xlsx", tender=tender))
    _, rows = sheet_rows(books[0], data_only=False)
    text = "\n".join(str(c) for r in rows for c in r if c is not None)
    assert "ROUND(" in text and "LN(" in text and "SQRT(" in text and "EXP(" in text
    assert "a value, not a formula: each bid indexes this price at its own rate" in text
    for path, result in zip(recalculate(books, tmp_path / "out"), results, strict=True):
        assert_matches(path, result)


def test_a_formula_too_long_for_excel_is_the_engines_value(tmp_path: Path) -> None:
    # 'max' of 200 terms 'p*h*e' (1204 characters, under the model's cap of 2000): written with
    # cell references and unit factors, about 95 characters a term, more than Excel's 8192
    term = "p*h*e"
    model: dict[str, Any] = {
        "id": "long",
        "title": "Long",
        "functional_unit": "unit",
        "parameters": {
            "p": {"unit": "W", "bid": True},
            "h": {"unit": "h/year", "default": "1000 h/year"},
            "e": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
        },
        "items": {"energy": {"category": "use", "annual": f"max({term},{term})"}},
    }
    data = {
        "model": model,
        "assumptions": {"currency": "DKK", "discount_rate": "4 %", "period": "3 year"},
        "bids": [{"name": "A", "p": "10 W"}, {"name": "B", "p": "20 W"}],
    }
    short = tco.load_tender(copy.deepcopy(data))
    model["items"]["energy"]["annual"] = "max(" + ",".join([term] * 200) + ")"
    tender = tco.load_tender(data)
    result = tender.evaluate()
    # 10 W x 1000 h/year x 2 DKK/kWh = 20 DKK/year over 3 years at 4 %: 20 x 2.775091 = 55.50
    assert result.total[0] == pytest.approx(20 * sum(1.04**-t for t in (1, 2, 3)), rel=1e-12)
    np.testing.assert_allclose(result.total, short.evaluate().total, rtol=1e-12)
    path = write_workbook(result, tmp_path / "long.xlsx", tender=tender)
    _, rows = sheet_rows(path, data_only=False)
    amount = next(r for r in rows if r[0] == "energy: amount")
    assert amount[2] == pytest.approx(20.0)  # a value, not a formula
    assert "a value, not a formula" in str(amount[-1])
    _, rows = sheet_rows(write_workbook(short.evaluate(), tmp_path / "s.xlsx"), data_only=False)
    assert str(next(r for r in rows if r[0] == "energy: amount")[2]).startswith("=")
    (done,) = recalculate([path], tmp_path / "out")
    assert_matches(done, result)
