"""Excel bid forms: written from the product model, read back as bids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lighting_hand import BIDS

import tco
from tco.cli import main
from tco.views.errors import FormError
from tco.views.form import load_tender_with_forms, read_form, write_form

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE = tco.example_path("indoor-lighting")


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    return write_form(tco.load_model("indoor-lighting"), tmp_path / "form.xlsx", title="Test")


def _fill(blank: Path, out: Path, name: str, values: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(blank)
    ws = wb["Bid"]
    ws["D5"] = name
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        if key in values:
            ws[f"D{row}"] = values[key]
    wb.save(out)
    return out


def _filled(blank: Path, folder: Path) -> list[Path]:
    return [
        _fill(blank, folder / f"{i}.xlsx", name, {"price": p, "power": w, "rated_life": h})
        for i, (name, (p, w, h)) in enumerate(BIDS.items())
    ]


def test_form_has_a_row_per_bid_parameter_from_the_model(blank: Path) -> None:
    model = tco.load_model("indoor-lighting")
    ws = openpyxl.load_workbook(blank)["Bid"]
    assert ws["B2"].value == "indoor-lighting"
    assert [c.value for c in ws[8]] == [
        "parameter",
        "label / betegnelse",
        "unit / enhed",
        "value / værdi",
        "if blank / hvis tom",
        "allowed range / tilladt interval",
        "description",  # the bidder's language only: no Danish column on an English form
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=9)]
    assert [r[0] for r in rows] == list(model.bid_parameters) == ["price", "power", "rated_life"]
    power = rows[1]
    spec = model.parameters["power"].spec
    assert power[1] == "Power / Effekt"
    assert power[2] == "W"
    assert power[3] is None  # to fill in
    assert power[4] is None  # required: no default shown
    assert power[5] == "1 – 2,000 W"  # model: min 1 W, max 2000 W
    assert power[6] == spec.description.en  # type: ignore[union-attr]
    assert ws.max_column == 7  # no column H of Danish descriptions
    assert (ws["A4"].value, ws["B4"].value) == ("format", "en")


def test_form_sets_the_allowed_range_as_data_validation(blank: Path) -> None:
    ws = openpyxl.load_workbook(blank)["Bid"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert set(rules) == {"D9", "D10", "D11"}
    price, power, life = rules["D9"], rules["D10"], rules["D11"]
    # model: price min 0 DKK, max 200000 DKK; power min 1 W, max 2000 W
    assert (price.type, price.operator, float(price.formula1), float(price.formula2)) == (
        "decimal",
        "between",
        0.0,
        200000.0,
    )
    assert (power.operator, float(power.formula1), float(power.formula2)) == (
        "between",
        1.0,
        2000.0,
    )
    # model: rated_life min 1000 h, max 200000 h
    assert (float(life.formula1), float(life.formula2)) == (1000.0, 200000.0)
    assert power.showErrorMessage


def test_filled_forms_evaluate_like_the_yaml_bids(blank: Path, tmp_path: Path) -> None:
    forms = _filled(blank, tmp_path)
    from_forms = load_tender_with_forms(EXAMPLE, forms).evaluate()
    from_yaml = tco.load_tender(EXAMPLE).evaluate()
    assert from_forms.bids == from_yaml.bids
    assert from_forms.total == pytest.approx(from_yaml.total)


def test_values_may_be_text_with_their_own_unit(blank: Path, tmp_path: Path) -> None:
    form = _fill(
        blank, tmp_path / "a.xlsx", "A", {"price": 1450, "power": "0.032 kW", "rated_life": 50000}
    )
    bid = read_form(form, tco.load_model("indoor-lighting"))
    assert bid.values == {
        "name": "A",
        "price": "1450 DKK",
        "power": "0.032 kW",
        "rated_life": "50000 h",
    }
    assert bid.cells == {"name": "D5", "price": "D9", "power": "D10", "rated_life": "D11"}
    t = load_tender_with_forms(EXAMPLE, [form])
    # 0.032 kW is Lumen Nord's 32 W: same result
    ref = tco.load_tender(EXAMPLE).evaluate()
    assert t.evaluate().total[0] == pytest.approx(ref.total[ref.bids.index("Lumen Nord")])


def test_wrong_unit_names_file_sheet_and_cell(blank: Path, tmp_path: Path) -> None:
    form = _fill(
        blank, tmp_path / "a.xlsx", "A", {"price": 1450, "power": "38 kg", "rated_life": 50000}
    )
    with pytest.raises(FormError) as info:
        load_tender_with_forms(EXAMPLE, [form])
    assert str(info.value) == (
        f"{form}: sheet 'Bid', cell D10 (power): got '38 kg', expected a power such as '38 W'"
    )
    assert (info.value.file, info.value.sheet, info.value.cell) == (str(form), "Bid", "D10")
    assert isinstance(info.value, tco.TCOError)


def test_out_of_range_names_the_cell(blank: Path, tmp_path: Path) -> None:
    form = _fill(blank, tmp_path / "a.xlsx", "A", {"price": 1450, "power": 32, "rated_life": 500})
    with pytest.raises(FormError, match=r"cell D11 \(rated_life\): got '500 h', expected at least"):
        load_tender_with_forms(EXAMPLE, [form])


def test_missing_values_and_name_are_reported_together(blank: Path, tmp_path: Path) -> None:
    form = _fill(blank, tmp_path / "a.xlsx", "", {"price": 1450})
    with pytest.raises(tco.SpecErrors) as info:
        read_form(form, tco.load_model("indoor-lighting"))
    text = str(info.value)
    assert "3 problems found" in text
    assert f"{form}: sheet 'Bid', cell D5 (name): the bid's name is missing" in text
    assert "cell D10 (power): no value; fill in power [W]" in text
    assert "cell D11 (rated_life): no value" in text


def test_text_that_is_not_a_number(blank: Path, tmp_path: Path) -> None:
    form = _fill(
        blank, tmp_path / "a.xlsx", "A", {"price": "cheap", "power": 32, "rated_life": 50000}
    )
    with pytest.raises(FormError, match=r"cell D9 \(price\): got 'cheap'"):
        load_tender_with_forms(EXAMPLE, [form])


def test_form_for_another_model(blank: Path, tmp_path: Path) -> None:
    form = _fill(blank, tmp_path / "a.xlsx", "A", {"price": 1, "power": 1, "rated_life": 5000})
    wb = openpyxl.load_workbook(form)
    wb["Bid"]["B2"] = "vehicles"
    wb.save(form)
    with pytest.raises(FormError, match=r"cell B2 \(model\): the form is for model 'vehicles'"):
        read_form(form, tco.load_model("indoor-lighting"))


def test_unknown_parameter_row(blank: Path, tmp_path: Path) -> None:
    form = _fill(blank, tmp_path / "a.xlsx", "A", {"price": 1, "power": 1, "rated_life": 5000})
    wb = openpyxl.load_workbook(form)
    wb["Bid"]["A10"] = "powr"
    wb.save(form)
    with pytest.raises(tco.SpecErrors) as info:
        read_form(form, tco.load_model("indoor-lighting"))
    assert "cell A10 (powr): unknown bid parameter 'powr' (did you mean 'power'?)" in str(
        info.value
    )


def test_not_a_form(tmp_path: Path) -> None:
    model = tco.load_model("indoor-lighting")
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(
        FormError, match=r"other\.xlsx: no sheet 'Bid' or 'Bud'; the workbook has 'Sheet1'"
    ):
        read_form(tmp_path / "other.xlsx", model)
    (tmp_path / "text.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(FormError, match=r"text\.xlsx: not an Excel workbook \(\.xlsx\)"):
        read_form(tmp_path / "text.xlsx", model)
    with pytest.raises(FormError, match=r"missing\.xlsx: no such file"):
        read_form(tmp_path / "missing.xlsx", model)


def test_two_forms_with_the_same_bid_name(blank: Path, tmp_path: Path) -> None:
    a = _fill(blank, tmp_path / "a.xlsx", "Same", {"price": 1, "power": 1, "rated_life": 5000})
    b = _fill(blank, tmp_path / "b.xlsx", "Same", {"price": 2, "power": 1, "rated_life": 5000})
    with pytest.raises(tco.SpecError, match="two bids are named 'Same'"):
        load_tender_with_forms(EXAMPLE, [a, b])


def test_cli_form_and_compare_with_bids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "form.xlsx"
    assert main(["form", str(EXAMPLE), "-o", str(blank)]) == 0
    assert "3 bid parameters of 'indoor-lighting'" in capsys.readouterr().out
    assert openpyxl.load_workbook(blank)["Bid"]["B1"].value == "LED luminaires for Nordskolen"
    forms = [str(p) for p in _filled(blank, tmp_path)]
    assert main(["compare", str(EXAMPLE), "--bids", *forms, "--format", "json"]) == 0
    import json

    cap = capsys.readouterr()
    data = json.loads(cap.out)
    # The tender's own bids are not used: said on stderr, not silently.
    assert "the bids are read from 3 form(s); the 3 bid(s) written in the tender" in cap.err
    ref = tco.load_tender(EXAMPLE).evaluate()
    assert [b["bid"] for b in data["bids"]] == ref.ranking
    assert main(["form", "--model", "indoor-lighting", "-o", str(tmp_path / "m.xlsx")]) == 0


def test_cli_reports_a_bad_form_without_traceback(
    blank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = _fill(
        blank, tmp_path / "a.xlsx", "A", {"price": 1450, "power": "38 kg", "rated_life": 50000}
    )
    assert main(["compare", str(EXAMPLE), "--bids", str(form)]) == 2
    err = capsys.readouterr().err
    expected = "got '38 kg', expected a power such as '38 W'"
    assert err == f"error: {form}: sheet 'Bid', cell D10 (power): {expected}\n"


def test_cli_help_lists_the_form_and_schema_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert re.search(r"\n +form +write a blank Excel bid form for a tender's product model\n", out)
    assert re.search(r"\n +schema +print the JSON Schema of model or tender files\n", out)


def test_tender_without_bids_takes_them_from_forms(blank: Path, tmp_path: Path) -> None:
    # A tender sent out before the bids arrive has no 'bids' key.
    text = EXAMPLE.read_text(encoding="utf-8")
    head = text[: text.index("bids:")]
    tender = tmp_path / "tender.yaml"
    tender.write_text(head, encoding="utf-8")
    forms = _filled(blank, tmp_path)
    result = load_tender_with_forms(tender, forms).evaluate()
    ref = tco.load_tender(EXAMPLE).evaluate()
    assert result.ranking == ref.ranking
    assert result.total == pytest.approx(ref.total)


def test_form_ranges_in_the_parameters_own_units(tmp_path: Path) -> None:
    # product_models/van.yaml: price 0 .. 5,000,000 DKK; diesel 0 .. 40 l/100 km
    ws = openpyxl.load_workbook(write_form(tco.load_model("van"), tmp_path / "van.xlsx"))["Bid"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=9, values_only=True)}
    assert rows["price"][4:6] == (None, "0 – 5,000,000 DKK")
    assert rows["diesel_consumption"][2:6] == ("l/100 km", None, "0 l/100 km", "0 – 40 l/100 km")
    assert rows["electric_share"][4] == "100 %"  # van.yaml: default 100 %
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    row = next(r for r in range(9, ws.max_row + 1) if ws[f"A{r}"].value == "diesel_consumption")
    assert float(rules[f"D{row}"].formula2) == pytest.approx(40.0)


def test_report_fingerprint_includes_the_forms(blank: Path, tmp_path: Path) -> None:
    import hashlib

    forms = [str(p) for p in _filled(blank, tmp_path)]
    report = tmp_path / "report.html"
    assert main(["compare", str(EXAMPLE), "--bids", *forms, "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    for i, form in enumerate(forms):
        digest = hashlib.sha256(Path(form).read_bytes()).hexdigest()
        assert f"<td>form[{i}]_sha256</td><td>{digest}</td>" in text


def test_a_form_cell_error_reads_in_danish(blank: Path, tmp_path: Path) -> None:
    from tco.views.error_text import error_text

    form = _fill(
        blank, tmp_path / "a.xlsx", "", {"price": 1450, "power": "38 kg", "rated_life": 50000}
    )
    with pytest.raises(tco.SpecErrors) as info:
        load_tender_with_forms(EXAMPLE, [form])
    danish = error_text(info.value, "da")
    assert danish.startswith("2 problemer fundet:")
    assert f"{form}: ark 'Bid', celle D5 (name): tilbuddets navn mangler; udfyld det" in danish
    assert (
        f"{form}: ark 'Bid', celle D10 (power): fik '38 kg', forventede en effekt som '38 W'"
    ) in danish
    assert "sheet 'Bid', cell D10 (power): got '38 kg'" in str(info.value)


def test_every_problem_of_the_forms_and_the_tender_is_reported_at_once(
    blank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Four independent problems: a value of the wrong unit in a.xlsx (read by the form), a name
    # missing in c.xlsx (read by the form), two forms named 'Same' (checked with the tender)
    # and a power above the model's 2,000 W in b.xlsx (checked with the tender). Each is
    # reported in the one run, at its form's cell.
    a = _fill(
        blank, tmp_path / "a.xlsx", "Same", {"price": 1, "power": "32 kg", "rated_life": 5000}
    )
    b = _fill(blank, tmp_path / "b.xlsx", "Same", {"price": 2, "power": 5000, "rated_life": 5000})
    c = _fill(blank, tmp_path / "c.xlsx", "", {"price": 3, "power": 30, "rated_life": 5000})
    with pytest.raises(tco.SpecError) as info:
        load_tender_with_forms(EXAMPLE, [a, b, c])
    errors = getattr(info.value, "errors", [info.value])
    where = {(Path(e.file or "").name, getattr(e, "cell", None)) for e in errors}
    assert {("a.xlsx", "D10"), ("c.xlsx", "D5"), ("b.xlsx", "D5"), ("b.xlsx", "D10")} <= where
    said = str(info.value)
    assert "got '32 kg'" in said and "the bid's name is missing" in said
    assert "two bids are named 'Same'" in said and "'5000 W'" in said
    assert main(["compare", str(EXAMPLE), "--bids", str(a), str(b), str(c), "--lang", "da"]) != 0
    err = capsys.readouterr().err
    assert "fik '32 kg'" in err and "to tilbud hedder 'Same'" in err
