"""A basket's bid form: a front sheet and one sheet per line, out and back in, and hostile copies.

Every form is written by ``tco form BASKET`` (:func:`write_basket_form`) and filled in with
openpyxl with the bids of examples/baskets/copy-print.yaml, so that the filled forms must give
exactly the example's totals; the hostile copies are changed the way a supplier could.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tco.basket import basket_example_path, basket_lines, load_basket
from tco.cli import main
from tco.errors import FormError, SpecError
from tco.io.forms import FormLimitError
from tco.limits import MAX_FORM_ROWS
from tco.views.basket_form import load_basket_with_forms, write_basket_form
from tco.views.error_text import error_text
from tco.views.i18n import unit_text

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE = basket_example_path("copy-print")
BASKET = load_basket(EXAMPLE)
_NUMBER = re.compile(r"^(-?[0-9.]+) (.+)$")


def _fill(
    tmp_path: Path,
    bid: int,
    *,
    lang: str = "en",
    edit: Callable[[Any], None] | None = None,
    file: str | None = None,
) -> Path:
    """The blank basket form filled in with bid ``bid`` of the example, changed by ``edit``."""
    spec = BASKET.spec
    _, lines = basket_lines(EXAMPLE)
    blank = write_basket_form(lines, tmp_path / f"blank-{lang}.xlsx", title=spec.title, lang=lang)
    wb = openpyxl.load_workbook(blank)
    offer = spec.bids[bid]
    wb.worksheets[0]["D5"] = offer.name
    for ws, line in zip(wb.worksheets[1:], BASKET.lines, strict=True):
        values = offer.lines[line]
        for row in range(9, ws.max_row + 1):
            key = ws[f"A{row}"].value
            if key in values:
                number, unit = _NUMBER.match(str(values[key])).groups()  # type: ignore[union-attr]
                # a number where the form's unit is the example's (a Danish form writes it in
                # Danish: DKK/side), the text with its unit otherwise
                same = unit_text(unit, lang) == ws[f"C{row}"].value
                ws[f"D{row}"] = float(number) if same else values[key]
    if edit is not None:
        edit(wb)
    out = tmp_path / (file or f"bid{bid}.xlsx")
    wb.save(out)
    return out


def test_round_trip_gives_the_examples_totals(tmp_path: Path) -> None:
    forms = [_fill(tmp_path, b) for b in range(len(BASKET.bids))]
    read = load_basket_with_forms(EXAMPLE, forms)
    assert read.bids == BASKET.bids
    assert [name for name, _ in read.forms] == [str(f) for f in forms]
    np.testing.assert_allclose(read.evaluate().by_line, BASKET.evaluate().by_line, rtol=1e-12)
    # the report's fingerprint holds the hash of each form's bytes as read
    import hashlib

    from tco.views.fingerprint import basket_fingerprint

    fp = basket_fingerprint(read)
    for i, form in enumerate(forms):
        assert fp[f"form[{i}]"] == form.name
        assert fp[f"form[{i}]_sha256"] == hashlib.sha256(form.read_bytes()).hexdigest()


def test_the_cli_reads_basket_forms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form", str(EXAMPLE), "-o", str(tmp_path / "blank.xlsx"), "--lang", "da"]) == 0
    assert "ét ark pr. linje (2 linjer)" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "blank.xlsx").sheetnames == [
        "Kurv",
        "A4 devices",
        "A3 devices",
    ]
    forms = [str(_fill(tmp_path, b)) for b in range(3)]
    assert main(["basket", str(EXAMPLE), "--bids", *forms]) == 0
    out = capsys.readouterr()
    from_forms = out.out
    assert "the bids are read from 3 form(s); the 3 bid(s) written in the tender are" in out.err
    assert main(["basket", str(EXAMPLE)]) == 0
    assert from_forms == capsys.readouterr().out


def test_the_form_is_protected_and_supplier_text_stays_text(tmp_path: Path) -> None:
    _, lines = basket_lines(EXAMPLE)
    odd = [type(line)("=HYPERLINK(1)", line.quantity, line.model) for line in lines[:1]]
    wb = openpyxl.load_workbook(write_basket_form(odd, tmp_path / "f.xlsx", title="=1+1"))
    front, sheet = wb.worksheets
    assert front["B1"].data_type == "s" and front["B1"].value == "=1+1"
    assert front["B9"].data_type == "s" and sheet["B5"].data_type == "s"
    assert sheet.title == "=HYPERLINK(1)"  # a sheet name is never a formula
    for ws in wb.worksheets:
        assert ws.protection.sheet
    assert not front["D5"].protection.locked and front["B5"].protection.locked
    price = next(r for r in range(9, sheet.max_row + 1) if sheet[f"A{r}"].value == "price")
    assert not sheet[f"D{price}"].protection.locked and sheet[f"A{price}"].protection.locked
    assert any(f"D{price}" in str(dv.sqref) for dv in sheet.data_validations.dataValidation)


def _expect(tmp_path: Path, edit: Callable[[Any], None], *words: str) -> FormError:
    form = _fill(tmp_path, 0, edit=edit, file="hostile.xlsx")
    with pytest.raises(SpecError) as err:
        load_basket_with_forms(EXAMPLE, [form])
    errors = getattr(err.value, "errors", [err.value])
    text = str(err.value)
    for word in words:
        assert word in text, text
    assert all(isinstance(e, FormError) for e in errors)
    return errors[0]  # type: ignore[no-any-return]


def test_a_formula_in_a_line_sheet_is_refused_with_its_cell(tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        wb["A3 devices"]["D9"] = "=1+2"

    err = _expect(tmp_path, edit, "holds a formula (=1+2)")
    assert (err.sheet, err.cell) == ("A3 devices", "D9")


def test_a_renamed_or_hidden_sheet_is_refused_by_name(tmp_path: Path) -> None:
    def rename(wb: Any) -> None:
        wb["A3 devices"].title = "A3"

    err = _expect(tmp_path, rename, "no sheet 'A3 devices' for the line 'A3 devices'", "'A3'")
    assert err.sheet == "A3 devices"
    assert "intet ark 'A3 devices' til linjen 'A3 devices'" in error_text(err, "da")

    def hide(wb: Any) -> None:
        wb["A4 devices"].sheet_state = "hidden"

    assert _expect(tmp_path, hide, "the form's sheet is hidden").sheet == "A4 devices"

    def front(wb: Any) -> None:
        wb["Basket"].title = "Bid"

    _expect(tmp_path, front, "no sheet 'Basket' or 'Kurv'; the workbook has 'Bid'")


def test_a_huge_line_sheet_is_refused(tmp_path: Path) -> None:
    def grow(wb: Any) -> None:
        wb["A4 devices"][f"A{MAX_FORM_ROWS + 5}"] = "x"

    form = _fill(tmp_path, 0, edit=grow, file="huge.xlsx")
    with pytest.raises(FormLimitError, match=f"more than {MAX_FORM_ROWS} rows") as err:
        load_basket_with_forms(EXAMPLE, [form])
    assert err.value.sheet == "A4 devices"


def test_a_wrong_value_or_missing_name_is_named_at_its_cell(tmp_path: Path) -> None:
    def bad(wb: Any) -> None:
        wb["A3 devices"]["D9"] = "5 kg"

    err = _expect(tmp_path, bad, "A3 devices", "D9", "price")
    assert (err.sheet, err.cell) == ("A3 devices", "D9")

    def unnamed(wb: Any) -> None:
        wb["Basket"]["D5"] = None

    err = _expect(tmp_path, unnamed, "the bid's name is missing")
    assert (err.sheet, err.cell) == ("Basket", "D5")


def test_two_forms_with_one_name_point_at_the_front_sheet(tmp_path: Path) -> None:
    a = _fill(tmp_path, 0, file="a.xlsx")
    with pytest.raises(SpecError, match="two bids are named 'Nordic Print'") as err:
        load_basket_with_forms(EXAMPLE, [a, a])
    errors = getattr(err.value, "errors", [err.value])
    assert any(getattr(e, "sheet", None) == "Basket" for e in errors)


def test_a_tenders_form_is_not_a_baskets(tmp_path: Path) -> None:
    import tco
    from tco.views.form import write_form

    single = write_form(tco.load_model("printer"), tmp_path / "single.xlsx")
    with pytest.raises(FormError, match="no sheet 'Basket' or 'Kurv'; the workbook has 'Bid'"):
        load_basket_with_forms(EXAMPLE, [single])


def test_a_form_for_the_largest_basket_reads_back(tmp_path: Path) -> None:
    from dataclasses import replace

    from tco.io.basket_forms import read_basket_form_data
    from tco.limits import MAX_LINES

    _, lines = basket_lines(EXAMPLE)
    many = [replace(lines[0], name=f"line {k}") for k in range(MAX_LINES)]
    front, by_line = read_basket_form_data(
        write_basket_form(many, tmp_path / "f.xlsx"), [line.name for line in many]
    )
    assert front.sheet == "Basket" and len(by_line) == MAX_LINES
    assert by_line["line 99"].model.shown == "printer"


def test_a_line_sheet_with_a_quote_is_linked_as_excel_quotes_it(tmp_path: Path) -> None:
    # A sheet reference quotes the name in '...' and doubles a quote inside it; '#'Kontor's
    # A4'!A1' pointed nowhere.
    from tco.io.yamlio import read_yaml_file

    data = read_yaml_file(EXAMPLE)
    data["lines"][0]["name"] = "Kontor's A4"
    for bid in data["bids"]:
        bid["lines"]["Kontor's A4"] = bid["lines"].pop("A4 devices")
    _, lines = basket_lines(data)
    out = write_basket_form(lines, tmp_path / "form.xlsx")
    front = openpyxl.load_workbook(out).worksheets[0]
    links = [c.hyperlink.target for row in front.iter_rows() for c in row if c.hyperlink]
    assert "#'Kontor''s A4'!A1" in links


def test_a_line_sheet_stating_another_number_format_than_the_front_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A Danish form: the front sheet 'Kurv' states 'da' in B4. The supplier changes the line
    # sheet's B4 to 'en' and types the price as text, '9.800 DKK': 9800 DKK in the form's
    # Danish, 9.8 DKK in English. The form has one number format, the front sheet's.
    def other_format(wb: Any) -> None:
        assert wb["Kurv"]["B4"].value == "da"
        sheet = wb["A4 devices"]
        assert sheet["B4"].value == "da" and sheet["A9"].value == "price"
        sheet["B4"] = "en"
        sheet["D9"] = "9.800 DKK"

    form = _fill(tmp_path, 0, lang="da", edit=other_format)
    with pytest.raises(FormError) as info:
        load_basket_with_forms(EXAMPLE, [form])
    err = info.value
    assert (err.sheet, err.cell) == ("A4 devices", "B4")
    assert str(err).endswith(
        "the sheet states the number convention 'en', but the form's front sheet 'Kurv' "
        "states 'da'; a form has one number convention: write 'da' in cell B4 and check the "
        "numbers typed as text"
    )
    assert error_text(err, "da").endswith(
        "arket angiver talformatet 'en', men skemaets forside 'Kurv' angiver 'da'; et skema "
        "har ét talformat: skriv 'da' i celle B4 og kontrollér de tal, der er skrevet som tekst"
    )
    assert main(["basket", str(EXAMPLE), "--bids", str(form)]) != 0
    assert "front sheet 'Kurv' states 'da'" in capsys.readouterr().err


def test_a_line_sheet_following_the_front_reads_its_danish_text(tmp_path: Path) -> None:
    # The same form with B4 left at 'da': '9.800 DKK' is 9800 DKK, the example's price, so the
    # totals are the example's.
    def danish_text(wb: Any) -> None:
        wb["A4 devices"]["D9"] = "9.800 DKK"

    form = _fill(tmp_path, 0, lang="da", edit=danish_text)
    read = load_basket_with_forms(EXAMPLE, [form])
    np.testing.assert_allclose(
        read.evaluate().by_line[:, 0], BASKET.evaluate().by_line[:, 0], rtol=1e-12
    )


def test_a_front_sheet_stating_another_format_than_the_basket_is_refused(tmp_path: Path) -> None:
    # The basket states 'number_format: en'; a Danish form (every sheet 'da') is refused at the
    # front sheet's B4 as at each line sheet's, not read in Danish.
    stated = tmp_path / "basket.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  currency: DKK\n", "  currency: DKK\n  number_format: en\n", 1
    )
    stated.write_text(text, encoding="utf-8")
    form = _fill(tmp_path, 0, lang="da")
    with pytest.raises(SpecError) as info:
        load_basket_with_forms(stated, [form])
    errors = getattr(info.value, "errors", [info.value])
    assert ("Kurv", "B4") in [(getattr(e, "sheet", None), getattr(e, "cell", None)) for e in errors]


def test_every_problem_of_the_forms_and_the_basket_is_reported_at_once(tmp_path: Path) -> None:
    # Four independent problems: a price in kg on a.xlsx's A3 sheet and a missing name on
    # c.xlsx's front sheet (read by the forms), a.xlsx and b.xlsx both named 'Nordic Print'
    # and b.xlsx's A4 price above the printer model's 1,000,000 DKK (checked with the basket).
    def kg(wb: Any) -> None:
        wb["A3 devices"]["D9"] = "5 kg"

    def dear(wb: Any) -> None:
        wb["Basket"]["D5"] = "Nordic Print"
        wb["A4 devices"]["D9"] = 2_000_000

    def unnamed(wb: Any) -> None:
        wb["Basket"]["D5"] = None

    forms = [
        _fill(tmp_path, 0, edit=kg, file="a.xlsx"),
        _fill(tmp_path, 1, edit=dear, file="b.xlsx"),
        _fill(tmp_path, 2, edit=unnamed, file="c.xlsx"),
    ]
    with pytest.raises(SpecError) as info:
        load_basket_with_forms(EXAMPLE, forms)
    errors = getattr(info.value, "errors", [info.value])
    where = {
        (Path(e.file or "").name, getattr(e, "sheet", None), getattr(e, "cell", None))
        for e in errors
    }
    assert {
        ("a.xlsx", "A3 devices", "D9"),
        ("c.xlsx", "Basket", "D5"),
        ("b.xlsx", "Basket", "D5"),
        ("b.xlsx", "A4 devices", "D9"),
    } <= where
    said = str(info.value)
    assert "got '5 kg'" in said and "the bid's name is missing" in said
    assert "two bids are named 'Nordic Print'" in said and "at most 1000000 DKK" in said
    assert "two bids are named 'Nordic Print'" in error_text(info.value, "en")
    assert "to tilbud hedder 'Nordic Print'" in error_text(info.value, "da")
