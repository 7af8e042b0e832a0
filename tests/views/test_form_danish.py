"""The Danish bid form in Danish: units, labels, validation titles, the CVR number, a legend."""

from __future__ import annotations

from pathlib import Path

import pytest

import tco
from tco.errors import FormError, SpecErrors
from tco.views.error_text import error_text
from tco.views.form import load_tender_with_forms, read_form, write_form
from tco.views.inputs import value_in

openpyxl = pytest.importorskip("openpyxl")

CAR = tco.example_path("passenger-car")


def _filled(tmp_path: Path, bid: int, cvr: object) -> Path:
    """The blank Danish form filled in with bid ``bid`` of the passenger-car example."""
    tender = tco.load_tender(CAR)
    blank = write_form(tender.model, tmp_path / "blank.xlsx", lang="da")
    wb = openpyxl.load_workbook(blank)
    ws = wb["Bud"]
    spec = tender.spec.bids[bid]
    ws["D5"], ws["D7"] = spec.name, cvr
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        if key in spec.values:
            unit = tender.model.parameters[key].unit_text
            ws[f"D{row}"] = value_in(spec.values[key], unit)  # a number in the row's own unit
    out = tmp_path / f"bid{bid}.xlsx"
    wb.save(out)
    return out


def test_the_danish_form_speaks_danish(tmp_path: Path) -> None:
    model = tco.load_model("passenger-car")
    ws = openpyxl.load_workbook(write_form(model, tmp_path / "f.xlsx", lang="da"))["Bud"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=9, values_only=True)}
    # units in Danish (DKK/year on an English form), labels in Danish
    assert rows["insurance"][1:3] == ("Forsikring", "DKK/år")
    assert rows["insurance"][4] == "0 DKK/år"  # the default, read back as '0 DKK/year'
    # the ids are in column A, hidden; every visible cell is Danish words or the bidder's
    assert ws.column_dimensions["A"].hidden
    visible = {c.value for row in ws.iter_rows() for c in row if c.column > 1 and c.value}
    assert not {"model", "format", "name", "notes", "price", "insurance"} & visible
    assert {"Tilbudsgivers navn", "Kontaktperson", "Dato", "CVR-nummer (8 cifre)"} <= visible
    assert ws["B1"].value == "Tilbudsskema: Personbil (køb)"
    assert [c.value for c in ws[8]][1:6] == [
        "betegnelse",
        "enhed",
        "værdi",
        "hvis tom",
        "tilladt interval",
    ]
    # the validation's titles are the parameter's Danish label, not its id
    titles = {dv.promptTitle for dv in ws.data_validations.dataValidation}
    assert "Indkøbspris" in titles and "price" not in titles
    # which cells the bidder fills: the fill colour, open cells, and a legend that says so
    filled = ["D5", "D6", "D7", "F5", "F6", "D9"]
    assert {ws[ref].fill.fgColor.rgb for ref in [*filled, "E7"]} == {"00FFF2CC"}
    assert not any(ws[ref].protection.locked for ref in filled)
    assert "Gule celler udfyldes af tilbudsgiver" in ws["E7"].value


def test_danish_forms_read_back_as_the_tender(tmp_path: Path) -> None:
    forms = [_filled(tmp_path, b, f"1234567{b}") for b in range(4)]
    from_forms = load_tender_with_forms(CAR, forms)
    from_yaml = tco.load_tender(CAR)
    # the same bids as in the YAML (DKK/år on the form read back as DKK/year)
    for got, want in zip(from_forms.spec.bids, from_yaml.spec.bids, strict=True):
        assert got.values["insurance"] == "{:g} DKK/year".format(
            float(str(want.values["insurance"]).split()[0])
        )
    assert from_forms.evaluate().total == pytest.approx(from_yaml.evaluate().total, rel=1e-12)


@pytest.mark.parametrize(
    ("typed", "read"),
    [("12345678", "12345678"), ("DK 1234 5678", "12345678"), (12345678, "12345678")],
)
def test_the_cvr_number_is_read(tmp_path: Path, typed: object, read: str) -> None:
    bid = read_form(_filled(tmp_path, 0, typed), tco.load_model("passenger-car"))
    assert bid.cvr == read
    assert "cvr" not in bid.values  # not part of the tender's bid


@pytest.mark.parametrize("typed", ["1234567", "123456789", "12a45678", "１２３４５６７８"])
def test_a_cvr_number_not_of_8_digits_is_refused_in_both_languages(
    tmp_path: Path, typed: str
) -> None:
    with pytest.raises(FormError) as info:
        read_form(_filled(tmp_path, 0, typed), tco.load_model("passenger-car"))
    err = info.value
    assert (err.sheet, err.cell) == ("Bud", "D7")
    assert f"the CVR number '{typed}' is not 8 digits" in str(err)
    assert f"CVR-nummeret '{typed}' er ikke 8 cifre" in error_text(err, "da")


def test_contact_and_date_are_read(tmp_path: Path) -> None:
    import datetime

    form = _filled(tmp_path, 0, "12345678")
    wb = openpyxl.load_workbook(form)
    wb["Bud"]["F5"], wb["Bud"]["F6"] = "Jens Hansen, jh@benzin.dk", datetime.datetime(2026, 12, 7)
    wb.save(form)
    bid = read_form(form, tco.load_model("passenger-car"))
    assert (bid.contact, bid.date) == ("Jens Hansen, jh@benzin.dk", "2026-12-07")
    for typed, read in (("7.12.2026", "2026-12-07"), ("2026-12-07", "2026-12-07")):
        wb["Bud"]["F6"] = typed
        wb.save(form)
        assert read_form(form, tco.load_model("passenger-car")).date == read


@pytest.mark.parametrize("typed", ["31.2.2026", "i morgen", "7.12.26"])
def test_a_date_that_is_no_date_is_refused(tmp_path: Path, typed: str) -> None:
    form = _filled(tmp_path, 0, "12345678")
    wb = openpyxl.load_workbook(form)
    wb["Bud"]["F6"] = typed
    wb.save(form)
    with pytest.raises(FormError) as info:
        read_form(form, tco.load_model("passenger-car"))
    assert info.value.cell == "F6"
    assert f"datoen '{typed}' er ikke en dato" in error_text(info.value, "da")


def test_swapped_hidden_ids_are_refused_by_the_labels_shown(tmp_path: Path) -> None:
    # A bidder unhides column A and swaps the ids of two rows: the row labelled 'Forsikring'
    # would be read as the service contract. The visible label decides: refused.
    form = _filled(tmp_path, 0, "12345678")
    wb = openpyxl.load_workbook(form)
    ws = wb["Bud"]
    rows = {ws[f"A{r}"].value: r for r in range(9, ws.max_row + 1)}
    ws[f"A{rows['insurance']}"], ws[f"A{rows['service']}"] = "service", "insurance"
    wb.save(form)
    with pytest.raises(SpecErrors) as info:
        read_form(form, tco.load_model("passenger-car"))
    text = str(info.value)
    assert "the row's label 'Serviceaftale' is not the label of insurance ('Forsikring')" in text
    assert (
        f"cell B{rows['insurance']} (service): the row's label 'Forsikring' is not the label of service"
        in text
    )
    danish = error_text(info.value, "da")
    assert (
        "rækkens betegnelse 'Forsikring' er ikke betegnelsen for service ('Serviceaftale')"
        in danish
    )


def test_a_hidden_value_column_is_still_refused(tmp_path: Path) -> None:
    form = _filled(tmp_path, 0, "12345678")
    wb = openpyxl.load_workbook(form)
    wb["Bud"].column_dimensions["D"].hidden = True
    wb.save(form)
    with pytest.raises(FormError, match="column D is hidden"):
        read_form(form, tco.load_model("passenger-car"))


def test_the_danish_form_describes_in_danish_only(tmp_path: Path) -> None:
    model = tco.load_model("passenger-car")
    ws = openpyxl.load_workbook(write_form(model, tmp_path / "f.xlsx", lang="da"))["Bud"]
    heads = [c.value for c in ws[8]]
    assert heads[6:] == ["beskrivelse"]  # one description column, no 'description (English)'
    rows = {r[0]: r for r in ws.iter_rows(min_row=9, values_only=True)}
    for name in model.bid_parameters:
        text = model.parameters[name].spec.description
        if text is not None:
            assert rows[name][6] == text.da  # the model's Danish text
            assert text.en not in {c for r in rows.values() for c in r}  # no English beside it


def test_the_danish_form_falls_back_to_english_where_the_model_has_no_danish(
    tmp_path: Path,
) -> None:
    import yaml

    data = yaml.safe_load(Path(str(tco.load_model("indoor-lighting").file)).read_text("utf-8"))
    english = data["parameters"]["power"]["description"]["en"]
    data["parameters"]["power"]["description"] = {"en": english}  # no Danish text
    model = tco.load_model(data)
    ws = openpyxl.load_workbook(write_form(model, tmp_path / "f.xlsx", lang="da"))["Bud"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=9, values_only=True)}
    assert rows["power"][6] == english  # English only where the model has no Danish
    assert rows["price"][6] == model.parameters["price"].spec.description.da  # type: ignore[union-attr]
    assert ws["H8"].value is None
