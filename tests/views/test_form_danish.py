"""The Danish bid form in Danish: units, labels, validation titles, the CVR number, a legend."""

from __future__ import annotations

from pathlib import Path

import pytest

import tco
from tco.errors import FormError
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
    head = [c.value for c in ws[1]] + [c.value for c in ws[4]] + [c.value for c in ws[8]]
    assert "Tilbudsskema" in head and "Talformat" in head and "enhed" in head
    assert not {"model", "format", "name", "notes", "unit / enhed"} & set(
        c.value for row in ws.iter_rows(max_row=8) for c in row
    )
    # the validation's titles are the parameter's Danish label, not its id
    titles = {dv.promptTitle for dv in ws.data_validations.dataValidation}
    assert "Indkøbspris" in titles and "price" not in titles
    # which cells the bidder fills: the fill colour, and a legend that says so
    assert ws["D7"].fill.fgColor.rgb == ws["D5"].fill.fgColor.rgb == ws["E5"].fill.fgColor.rgb
    assert "Gule celler udfyldes af tilbudsgiver" in ws["E5"].value
    assert ws["A7"].value == "CVR-nummer" and not ws["D7"].protection.locked


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
