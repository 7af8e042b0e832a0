"""Hostile and careless bid forms: each is read as Excel shows it, or refused with the cell named.

Every form here is written by ``tco form`` (:func:`write_form`) and then changed the way a
supplier could change it: with openpyxl, or by rewriting the XML inside the ``.xlsx`` zip
archive where openpyxl cannot write the attack (a stale cached formula value, an entity bomb).
The values a form should give are checked against the same bid written in YAML
(examples/indoor-lighting.yaml: Lumen Nord is 1450 DKK, 32 W, 50000 h).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tco
from tco import limits
from tco.cli import main
from tco.errors import FormError, LimitError
from tco.io import xlsx as io_xlsx
from tco.io.forms import FormLimitError, check_form_archive, read_form_data
from tco.units.registry import plan_terms
from tco.views.form import load_tender_with_forms, read_form, write_form

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE = tco.example_path("indoor-lighting")
LIGHTING = tco.load_model("indoor-lighting")
VAN = tco.load_model("van")
NORD = {"price": 1450, "power": 32, "rated_life": 50000}  # examples/indoor-lighting.yaml
SHEET_XML = "xl/worksheets/sheet1.xml"


def _form(
    tmp_path: Path,
    values: dict[str, Any],
    *,
    name: str = "Lumen Nord",
    model: Any = LIGHTING,
    lang: str = "en",
    edit: Callable[[Any], None] | None = None,
    file: str = "bid.xlsx",
) -> Path:
    """A form written by tco, filled in with ``values`` (by parameter) and changed by ``edit``."""
    blank = write_form(model, tmp_path / f"blank-{lang}.xlsx", lang=lang)
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    ws["D5"] = name
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        if key in values:
            ws[f"D{row}"] = values[key]
    if edit is not None:
        edit(wb)
    out = tmp_path / file
    wb.save(out)
    return out


def _row(ws: Any, key: str) -> int:
    return next(r for r in range(9, ws.max_row + 1) if ws[f"A{r}"].value == key)


def _rewrite(path: Path, member: str, change: Callable[[str], str]) -> Path:
    """Rewrite one XML file inside an .xlsx archive (what openpyxl cannot write)."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for filename, data in items:
            if filename == member:
                data = change(data.decode("utf-8")).encode("utf-8")
            z.writestr(filename, data)
    return path


def _bid(path: Path, model: Any = LIGHTING) -> dict[str, Any]:
    return read_form(path, model).values


def _yaml_total(bid: dict[str, str]) -> float:
    """The total of one bid written in YAML, through the tender's own reading path."""
    data = tco.io.yamlio.read_yaml_file(EXAMPLE)
    data["bids"] = [{"name": "Lumen Nord", **bid}]
    return float(tco.load_tender(data).evaluate().total[0])


# -- what Excel shows ---------------------------------------------------------------------------


def test_a_plain_form_reads_like_the_yaml_bid(tmp_path: Path) -> None:
    form = _form(tmp_path, NORD)
    assert _bid(form) == {
        "name": "Lumen Nord",
        "price": "1450 DKK",
        "power": "32 W",
        "rated_life": "50000 h",
    }
    total = load_tender_with_forms(EXAMPLE, [form]).evaluate().total[0]
    assert total == pytest.approx(
        _yaml_total({"price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"})
    )


def test_formula_in_an_input_cell_is_refused_with_the_cell(tmp_path: Path) -> None:
    def formula(wb: Any) -> None:
        wb["Bid"]["D10"] = "=16*2"

    form = _form(tmp_path, NORD, edit=formula)
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bid', cell D10: holds a formula (=16*2), whose result is not read; "
        "type the number itself, in a cell formatted as General"
    )
    assert (info.value.sheet, info.value.cell) == ("Bid", "D10")


def test_stale_cached_value_of_a_formula_is_never_used(tmp_path: Path) -> None:
    # The cell shows 32 (the cached result saved with the file), but its formula says C99*2:
    # the old reader (data_only=True) took the 32. The form is refused instead.
    def formula(wb: Any) -> None:
        wb["Bid"]["D10"] = "=C99*2"

    form = _form(tmp_path, NORD, edit=formula)
    _rewrite(
        form,
        SHEET_XML,
        lambda xml: re.sub(r"<f>C99\*2</f>(<v\s*/>)?", "<f>C99*2</f><v>32</v>", xml),
    )
    cached = openpyxl.load_workbook(form, data_only=True)["Bid"]["D10"].value
    assert cached == 32  # what a reader of cached values would use
    with pytest.raises(FormError, match=r"cell D10: holds a formula \(=C99\*2\)"):
        read_form(form, LIGHTING)


@pytest.mark.parametrize(
    "formula",
    [
        '<f t="array" ref="D10">16*2</f><v>32</v>',  # an array formula
        '<f t="shared" ref="D10:D11" si="0">16*2</f><v>32</v>',  # a shared formula
    ],
)
def test_array_and_shared_formulas_are_refused(tmp_path: Path, formula: str) -> None:
    form = _form(tmp_path, {**NORD, "power": 32})
    _rewrite(
        form,
        SHEET_XML,
        lambda xml: re.sub(r'<c r="D10"[^>]*>.*?</c>', f'<c r="D10">{formula}</c>', xml),
    )
    with pytest.raises(FormError, match=r"cell D10: holds a formula"):
        read_form(form, LIGHTING)


def test_percent_cell_reads_as_displayed(tmp_path: Path) -> None:
    # A supplier types "60%" in Excel: the cell holds 0.6 with the number format 0%.
    def percent(wb: Any) -> None:
        ws = wb["Bid"]
        ws[f"D{_row(ws, 'electric_share')}"].number_format = "0%"

    form = _form(tmp_path, {"price": 300000, "electric_share": 0.6}, model=VAN, edit=percent)
    assert _bid(form, VAN)["electric_share"] == "60 %"
    data = read_form_data(form)
    assert data.rows["electric_share"].value.percent


@pytest.mark.parametrize("typed", ["60 %", "60%", "60"])
def test_percent_as_text_or_plain_number_in_the_percent_row(tmp_path: Path, typed: str) -> None:
    # van.yaml: electric_share's unit is %; its row's unit cell says %.
    form = _form(tmp_path, {"price": 300000, "electric_share": typed}, model=VAN)
    bid = _bid(form, VAN)
    assert bid["electric_share"] in ("60 %", "60%")
    assert tco.units.parse_quantity(bid["electric_share"]).to("").magnitude == pytest.approx(0.6)


def test_percent_format_in_a_row_of_another_unit_is_refused(tmp_path: Path) -> None:
    def percent(wb: Any) -> None:
        wb["Bid"]["D10"].number_format = "0%"

    form = _form(tmp_path, {**NORD, "power": 0.32}, edit=percent)
    with pytest.raises(
        FormError, match=r"cell D10 \(power\): shown as 32% but the unit cell C10 says 'W'"
    ):
        read_form(form, LIGHTING)


def test_unit_cell_changed_to_kw_is_honoured(tmp_path: Path) -> None:
    def kw(wb: Any) -> None:
        wb["Bid"]["C10"] = "kW"

    form = _form(tmp_path, {**NORD, "power": 0.032}, edit=kw)
    bid = _bid(form)
    assert bid["power"] == "0.032 kW"
    total = load_tender_with_forms(EXAMPLE, [form]).evaluate().total[0]
    # 0.032 kW is 32 W: the same total as the YAML bid
    assert total == pytest.approx(
        _yaml_total({"price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"})
    )


def test_unit_cell_changed_to_kg_is_refused(tmp_path: Path) -> None:
    def kg(wb: Any) -> None:
        wb["Bid"]["C10"] = "kg"

    form = _form(tmp_path, NORD, edit=kg)
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bid', cell C10 (power): the unit cell was changed from 'W' to 'kg', "
        "which is not a unit of the same kind; write 'W' back, or a unit such as 'W' with a prefix"
    )
    assert info.value.value == "kg"


def test_unit_cell_cleared_is_refused(tmp_path: Path) -> None:
    def clear(wb: Any) -> None:
        wb["Bid"]["C10"] = None

    with pytest.raises(
        FormError, match=r"cell C10 \(power\): the unit cell is empty; write the unit back \('W'\)"
    ):
        read_form(_form(tmp_path, NORD, edit=clear), LIGHTING)


def test_text_unit_contradicting_a_changed_unit_cell_is_refused(tmp_path: Path) -> None:
    def kw(wb: Any) -> None:
        wb["Bid"]["C10"] = "kW"

    form = _form(tmp_path, {**NORD, "power": "32 W"}, edit=kw)
    with pytest.raises(
        FormError,
        match=r"cell D10 \(power\): got '32 W' in W, but the unit cell C10 was changed to 'kW'",
    ):
        read_form(form, LIGHTING)


def test_hidden_sheet_with_other_values_is_never_read(tmp_path: Path) -> None:
    # A hidden copy holds a cheaper price; the visible form sheet is what the buyer sees.
    def hidden_copy(wb: Any) -> None:
        ws = wb.create_sheet("Bid (2)")
        ws["D9"] = 1
        ws.sheet_state = "hidden"

    assert _bid(_form(tmp_path, NORD, edit=hidden_copy))["price"] == "1450 DKK"


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_form_sheet_hidden_is_refused(tmp_path: Path, state: str) -> None:
    # The form's own sheet hidden, a visible look-alike showing other values.
    def hide(wb: Any) -> None:
        shown = wb.copy_worksheet(wb["Bid"])
        shown.title = "Bid form"
        shown["D9"] = 999
        wb["Bid"].sheet_state = state
        wb.active = 1

    form = _form(tmp_path, NORD, edit=hide)
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bid': the form's sheet is {state}, so the values read would not be the "
        "ones shown; unhide it (Format > Sheet > Unhide) and check its values"
    )


def test_value_in_a_hidden_row_is_refused(tmp_path: Path) -> None:
    # The buyer opening the form does not see row 10 (power) or its 1 W.
    def hide(wb: Any) -> None:
        wb["Bid"].row_dimensions[10].hidden = True

    form = _form(tmp_path, {**NORD, "power": 1}, edit=hide)
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bid', cell A10: row 10 is hidden, so the value read (power) is not "
        "shown; unhide it and check the value"
    )


def test_value_in_a_zero_height_row_is_refused(tmp_path: Path) -> None:
    # openpyxl does not write a height of 0, Excel does: set it in the XML.
    form = _form(tmp_path, NORD)
    _rewrite(
        form,
        SHEET_XML,
        lambda xml: re.sub(r'<row r="9"[^>]*>', '<row r="9" ht="0" customHeight="1">', xml),
    )
    with pytest.raises(FormError, match=r"cell A9: row 9 is hidden"):
        read_form(form, LIGHTING)


def test_hidden_value_column_is_refused(tmp_path: Path) -> None:
    def hide(wb: Any) -> None:
        wb["Bid"].column_dimensions["D"].hidden = True

    with pytest.raises(
        FormError, match=r"cell D5: column D is hidden, so the value read \(Lumen Nord\)"
    ):
        read_form(_form(tmp_path, NORD, edit=hide), LIGHTING)


def test_hidden_description_column_is_fine(tmp_path: Path) -> None:
    def hide(wb: Any) -> None:
        wb["Bid"].column_dimensions["G"].hidden = True

    assert _bid(_form(tmp_path, NORD, edit=hide))["price"] == "1450 DKK"


def test_two_form_sheets_are_refused(tmp_path: Path) -> None:
    def second(wb: Any) -> None:
        wb.create_sheet("Bud")

    with pytest.raises(FormError, match="both sheets 'Bid' or 'Bud' are present"):
        read_form(_form(tmp_path, NORD, edit=second), LIGHTING)


def test_blank_required_cell_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    form = _form(tmp_path, {"price": 1450, "rated_life": 50000})
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == f"{form}: sheet 'Bid', cell D10 (power): no value; fill in power [W]"


def test_blank_optional_cell_takes_the_default_shown_beside_it(tmp_path: Path) -> None:
    # van.yaml: electric_share default 100 %, ownership_tax default 0 DKK/year, shown in column E.
    form = _form(tmp_path, {"price": 300000}, model=VAN)
    ws = openpyxl.load_workbook(form)["Bid"]
    r = _row(ws, "electric_share")
    assert (ws[f"D{r}"].value, ws[f"E{r}"].value) == (None, "100 %")
    bid = _bid(form, VAN)
    assert bid["electric_share"] == "100 %"
    assert bid["ownership_tax"] == "0 DKK/year"


def test_the_shown_default_is_the_one_used(tmp_path: Path) -> None:
    # What the form shows beside the blank cell is what is evaluated, even when edited.
    def edit(wb: Any) -> None:
        ws = wb["Bid"]
        ws[f"E{_row(ws, 'electric_share')}"] = "80 %"

    assert (
        _bid(_form(tmp_path, {"price": 300000}, model=VAN, edit=edit), VAN)["electric_share"]
        == "80 %"
    )


def test_blank_optional_cell_with_its_default_deleted_is_an_error(tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Bid"]
        ws[f"E{_row(ws, 'electric_share')}"] = None

    with pytest.raises(
        FormError, match=r"\(electric_share\): no value; fill in electric_share \[%\]"
    ):
        read_form(_form(tmp_path, {"price": 300000}, model=VAN, edit=edit), VAN)


def test_danish_text_numbers_in_a_danish_form(tmp_path: Path) -> None:
    form = _form(tmp_path, {"price": "1.450,50", "power": "32", "rated_life": "50.000"}, lang="da")
    data = read_form_data(form)
    assert (data.sheet, data.convention.shown) == ("Bud", "da")
    assert _bid(form) == {
        "name": "Lumen Nord",
        "price": "1450.5 DKK",
        "power": "32 W",
        "rated_life": "50000 h",
    }


def test_out_of_range_names_the_cell_and_what_it_shows(tmp_path: Path) -> None:
    # indoor-lighting.yaml: rated_life at least 1000 h; the Danish cell shows '500,5'
    form = _form(tmp_path, {**NORD, "rated_life": "500,5"}, lang="da")
    with pytest.raises(FormError) as info:
        load_tender_with_forms(EXAMPLE, [form])
    assert str(info.value).startswith(
        f"{form}: sheet 'Bud', cell D11 (rated_life): got '500,5' (read as '500.5 h'), expected at least"
    )


def test_danish_decimal_comma(tmp_path: Path) -> None:
    form = _form(tmp_path, {**NORD, "power": "0,032 kW"}, lang="da")
    assert _bid(form)["power"] == "0.032 kW"


def test_english_grouping_in_a_danish_form_is_refused(tmp_path: Path) -> None:
    form = _form(tmp_path, {**NORD, "price": "1,450.50"}, lang="da")
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bud', cell D9 (price): got '1,450.50': '1,450.50' is not written in the "
        "form's number convention 'da' (',' is the decimal mark, '.' groups thousands); "
        "write '1450.5'"
    )


def test_ambiguous_number_without_a_convention_is_refused_with_both_readings(
    tmp_path: Path,
) -> None:
    def no_convention(wb: Any) -> None:
        wb["Bid"]["B4"] = None

    form = _form(tmp_path, {**NORD, "price": "1.450"}, edit=no_convention)
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert str(info.value) == (
        f"{form}: sheet 'Bid', cell D9 (price): got '1.450': '1.450' is 1.45 in English notation "
        "but 1450 in Danish notation; write '1.45' or '1450', or state the form's number "
        "convention in cell B4 ('da' or 'en')"
    )
    # unambiguous ones are read without a convention
    form = _form(tmp_path, {**NORD, "price": "1450,50"}, edit=no_convention, file="b.xlsx")
    assert _bid(form)["price"] == "1450.5 DKK"


def test_danish_money_words_in_a_danish_form(tmp_path: Path) -> None:
    # A Dane types 'kr.' (in the cell or in the unit cell): the grammar reads it as DKK under da.
    def kroner(wb: Any) -> None:
        wb["Bud"]["C9"] = "kr."

    assert (
        _bid(_form(tmp_path, {**NORD, "price": "1.450,50 kr"}, lang="da"))["price"] == "1450.5 DKK"
    )
    form = _form(tmp_path, {**NORD, "price": "1.450,50"}, lang="da", edit=kroner, file="b.xlsx")
    assert _bid(form)["price"] == "1450.5 DKK"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1450 DKK + 250 DKK", "not a calculation ('+')"),
        ("32 – 35", "range"),
        ("0200", "could be read as octal"),
        ("50:00", "50 min"),
        ("cheap", "a value is a number with its unit"),
    ],
)
def test_values_that_are_not_one_number_are_refused_at_the_cell(
    tmp_path: Path, typed: str, words: str
) -> None:
    form = _form(tmp_path, {**NORD, "price": typed})
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    assert info.value.cell == "D9"
    assert words in str(info.value)


def test_unknown_convention_is_refused(tmp_path: Path) -> None:
    def sv(wb: Any) -> None:
        wb["Bid"]["B4"] = "sv"

    with pytest.raises(
        FormError, match=r"cell B4 \(format\): got 'sv', expected the number convention 'da'"
    ):
        read_form(_form(tmp_path, NORD, edit=sv), LIGHTING)


@pytest.mark.parametrize(
    ("fmt", "shows"),
    [('0" kW"', "32 kW next to W"), ("#,##0,", "a thousandth"), ("yyyy-mm-dd", "a date")],
)
def test_number_formats_that_show_another_value_are_refused(
    tmp_path: Path, fmt: str, shows: str
) -> None:
    def edit(wb: Any) -> None:
        wb["Bid"]["D10"].number_format = fmt

    with pytest.raises(FormError, match=r"cell D10: (has the number format|holds a datetime)"):
        read_form(_form(tmp_path, NORD, edit=edit), LIGHTING)


@pytest.mark.parametrize(
    ("value", "what"), [("#DIV/0!", "the error value #DIV/0!"), (True, "a bool")]
)
def test_error_and_truth_values_are_refused(tmp_path: Path, value: object, what: str) -> None:
    with pytest.raises(FormError, match=rf"cell D10: holds {re.escape(what)}"):
        read_form(_form(tmp_path, {**NORD, "power": value}), LIGHTING)


def test_parameter_given_twice_is_refused(tmp_path: Path) -> None:
    def twice(wb: Any) -> None:
        ws = wb["Bid"]
        ws["A20"], ws["C20"], ws["D20"] = "price", "DKK", 1

    with pytest.raises(
        FormError, match=r"cell A20 \(price\): the parameter 'price' has two rows \(D9 and D20\)"
    ):
        read_form(_form(tmp_path, NORD, edit=twice), LIGHTING)


# -- safe opening: caps before parsing ------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


_SKELETON = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


def test_non_zip_file_named_xlsx_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bid.xlsx"
    bad.write_text("name;price\nLumen Nord;1450\n", encoding="utf-8")
    with pytest.raises(FormError) as info:
        read_form(bad, LIGHTING)
    assert str(info.value) == (
        f"{bad}: not an Excel workbook (.xlsx): the file is not a zip archive; save the form in "
        "Excel as 'Excel Workbook (.xlsx)'"
    )


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    doc = _zip(
        tmp_path / "bid.xlsx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}
    )
    with pytest.raises(
        FormError, match=r"not an Excel workbook \(\.xlsx\): the archive has no xl/workbook\.xml"
    ):
        read_form(doc, LIGHTING)


def test_zip_bomb_member_is_refused_before_unpacking(tmp_path: Path) -> None:
    # 5 MiB of zeros pack into about 5 kB; the cap is checked from the archive's directory.
    size = limits.MAX_FORM_MEMBER_BYTES + 1024 * 1024
    bomb = _zip(tmp_path / "bomb.xlsx", {**_SKELETON, SHEET_XML: b"\0" * size})
    assert bomb.stat().st_size < 20_000
    with pytest.raises(FormLimitError) as info:
        read_form(bomb, LIGHTING)
    assert f"'{SHEET_XML}' in the archive unpacks to {size} bytes" in str(info.value)
    assert isinstance(info.value, LimitError)


def test_zip_bomb_that_understates_its_size_is_refused(tmp_path: Path) -> None:
    # The archive's directory says 1000 bytes; the data unpacks to 8 MiB. zipfile stops at the
    # stated size, so nothing beyond it is ever unpacked, and the checksum then fails.
    import struct

    real = 8 * 1024 * 1024
    bomb = _zip(tmp_path / "liar.xlsx", {**_SKELETON, SHEET_XML: b"<" * real})
    data = bomb.read_bytes()
    assert data.count(struct.pack("<I", real)) == 2  # local header and central directory
    bomb.write_bytes(data.replace(struct.pack("<I", real), struct.pack("<I", 1000)))
    with pytest.raises(
        FormError, match=rf"'{SHEET_XML}' in the archive cannot be unpacked \(Bad CRC-32"
    ):
        read_form(bomb, LIGHTING)


def test_highly_packed_member_is_refused(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.xlsx", {**_SKELETON, SHEET_XML: b" " * (2 * 1024 * 1024)})
    with pytest.raises(FormLimitError, match=r"is packed \d+ times; at most 100 is allowed"):
        check_form_archive(bomb)


def test_total_unpacked_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Four members under the per-file cap, over the total; the ratio cap is lifted to reach it.
    monkeypatch.setattr(io_xlsx, "MAX_FORM_RATIO", 10**9)
    part = b"\0" * (limits.MAX_FORM_MEMBER_BYTES - 1)
    members = {**_SKELETON, **{f"xl/media/image{i}.bin": part for i in range(5)}}
    with pytest.raises(FormLimitError, match=r"the archive unpacks to \d+ bytes; at most 16777216"):
        check_form_archive(_zip(tmp_path / "bomb.xlsx", members))


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    members = {**_SKELETON, **{f"xl/m{i}.xml": b"<a/>" for i in range(limits.MAX_FORM_MEMBERS)}}
    cap = limits.MAX_FORM_MEMBERS
    with pytest.raises(
        FormLimitError, match=rf"the archive holds {cap + 2} files; a bid form holds at most {cap}"
    ):
        check_form_archive(_zip(tmp_path / "many.xlsx", members))


def test_too_large_a_file_is_refused_before_opening(tmp_path: Path) -> None:
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK" + b"\0" * limits.MAX_FORM_BYTES)
    with pytest.raises(
        FormLimitError, match=r"the file is \d+ bytes; a bid form may be at most 2097152 bytes"
    ):
        read_form(big, LIGHTING)


_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _billion_laughs(xml: str) -> str:
    body = xml[xml.index("<worksheet") :]
    return _LAUGHS + body.replace("<v>Lumen Nord</v>", "<v>&lol9;</v>")


def test_billion_laughs_in_a_sheet_is_refused_not_expanded(tmp_path: Path) -> None:
    form = _form(tmp_path, NORD, edit=lambda wb: wb["Bid"].__setitem__("D6", "x"))
    _rewrite(form, SHEET_XML, _billion_laughs)
    with pytest.raises(
        FormError, match=rf"'{SHEET_XML}' in the archive declares a document type or entities"
    ):
        read_form(form, LIGHTING)


def test_openpyxl_itself_refuses_the_entity_bomb_with_defusedxml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defence in depth: with tco's own check switched off, openpyxl parses with defusedxml
    # (installed by the excel extra), which refuses entities instead of expanding them.
    defusedxml = pytest.importorskip("defusedxml")
    assert openpyxl.DEFUSEDXML is True
    form = _form(tmp_path, NORD)
    _rewrite(form, SHEET_XML, _billion_laughs)
    with pytest.raises(ValueError) as info:  # openpyxl wraps the parser's error
        openpyxl.load_workbook(io.BytesIO(form.read_bytes()))
    assert isinstance(info.value.__cause__ or info.value.__context__, defusedxml.EntitiesForbidden)
    monkeypatch.setattr(io_xlsx, "_scan_xml", lambda *args: None)
    with pytest.raises(FormError, match=r"cannot be read as an Excel workbook \(EntitiesForbidden"):
        read_form(form, LIGHTING)


def test_utf16_xml_is_refused(tmp_path: Path) -> None:
    form = _form(tmp_path, NORD)
    with zipfile.ZipFile(form) as z:
        items = {i.filename: z.read(i.filename) for i in z.infolist()}
    items[SHEET_XML] = items[SHEET_XML].decode().encode("utf-16")
    with pytest.raises(FormError, match="is not UTF-8 XML"):
        read_form(_zip(tmp_path / "u16.xlsx", items), LIGHTING)


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    def far(wb: Any) -> None:
        wb["Bid"].cell(row=limits.MAX_FORM_ROWS + 500, column=1, value="x")

    with pytest.raises(FormLimitError, match=r"sheet 'Bid': the sheet has more than 1000 rows"):
        read_form(_form(tmp_path, NORD, edit=far), LIGHTING)


def test_a_row_a_million_down_is_refused_quickly(tmp_path: Path) -> None:
    # The sheet's <dimension> still says A1:H11; Excel shows the far row anyway.
    form = _form(tmp_path, NORD)
    _rewrite(
        form,
        SHEET_XML,
        lambda xml: xml.replace(
            "</sheetData>",
            '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
    )
    with pytest.raises(FormLimitError, match="more than 1000 rows"):
        read_form(form, LIGHTING)


def test_too_many_cells_are_refused_before_parsing(tmp_path: Path) -> None:
    # 210,000 empty cells in 840 kB of XML: over the element cap, under the size caps.
    form = _form(tmp_path, NORD)
    cells = "<c/>" * (limits.MAX_FORM_ELEMENTS + 10_000)
    _rewrite(
        form,
        SHEET_XML,
        lambda xml: xml.replace("</sheetData>", f'<row r="999">{cells}</row></sheetData>'),
    )
    with pytest.raises(
        FormLimitError, match=rf"'{SHEET_XML}' in the archive holds more than 200000 XML elements"
    ):
        check_form_archive(form)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FormError, match=r"missing\.xlsx: no such file"):
        read_form(tmp_path / "missing.xlsx", LIGHTING)


# -- round trips through the command line --------------------------------------------------------


def _fill_all(blank: Path, folder: Path, values: dict[str, tuple[Any, Any, Any]]) -> list[str]:
    out = []
    for i, (name, (price, power, life)) in enumerate(values.items()):
        wb = openpyxl.load_workbook(blank)
        ws = wb.worksheets[0]
        ws["D5"], ws["D9"], ws["D10"], ws["D11"] = name, price, power, life
        path = folder / f"{i}.xlsx"
        wb.save(path)
        out.append(str(path))
    return out


@pytest.mark.parametrize(
    ("lang", "values"),
    [
        (
            "en",
            {
                "Lumen Nord": (1450, 32, 50000),
                "Budget Light": ("1,100", "41 W", "35,000"),
                "Premium LED": (1890, "0.027 kW", 70000),
            },
        ),
        (
            "da",
            {
                "Lumen Nord": ("1.450", 32, "50.000"),
                "Budget Light": (1100, "41", 35000),
                "Premium LED": ("1.890,00", "0,027 kW", "70.000 h"),
            },
        ),
    ],
)
def test_cli_round_trip_gives_the_yaml_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, values: dict[str, Any]
) -> None:
    import json

    blank = tmp_path / "form.xlsx"
    assert main(["form", str(EXAMPLE), "-o", str(blank), "--lang", lang]) == 0
    capsys.readouterr()
    forms = _fill_all(blank, tmp_path, values)
    assert main(["compare", str(EXAMPLE), "--bids", *forms, "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert main(["compare", str(EXAMPLE), "--format", "json"]) == 0
    want = json.loads(capsys.readouterr().out)
    assert got["bids"] == want["bids"]


def test_cli_names_the_cell_of_a_hostile_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def formula(wb: Any) -> None:
        wb["Bid"]["D9"] = "=1450"

    form = _form(tmp_path, NORD, edit=formula)
    assert main(["compare", str(EXAMPLE), "--bids", str(form)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {form}: sheet 'Bid', cell D9: holds a formula (=1450)")
    assert "Traceback" not in err


# -- the value grammar's table of hostile values, through the form channel ------------------------


def _value_cases() -> list[tuple[str, Any, Any]]:
    """The bid rows of tests/spec/test_values.py's table (the grammar's, without a number format)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "spec" / "test_values.py"
    spec = importlib.util.spec_from_file_location("value_cases", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [row for row in module.CASES if row[0].startswith("bids.0.")]


VALUE_CASES = _value_cases()
_CELLS = {"price": "D9", "power": "D10", "rated_life": "D11"}


@pytest.fixture(scope="module")
def no_convention_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An English form with the number convention removed, as the table's rows state none."""
    folder = tmp_path_factory.mktemp("grammar")
    path = folder / "blank.xlsx"
    wb = openpyxl.load_workbook(write_form(LIGHTING, folder / "written.xlsx"))
    wb["Bid"]["B4"] = None
    wb["Bid"]["D5"] = "A"
    wb.save(path)
    return path


@pytest.mark.parametrize(("path", "value", "expected"), VALUE_CASES)
def test_value_grammar_cases_through_a_form(
    path: str, value: Any, expected: Any, no_convention_form: Path, tmp_path: Path
) -> None:
    key = path.split(".")[-1]
    wb = openpyxl.load_workbook(no_convention_form)
    ws = wb["Bid"]
    for other, number in NORD.items():
        ws[_CELLS[other]] = number
    ws[_CELLS[key]] = value
    form = tmp_path / "case.xlsx"
    wb.save(form)
    if isinstance(expected, tuple):
        _, words = expected
        if isinstance(value, str) and value.startswith("="):
            words = "holds a formula"  # openpyxl stores text starting with '=' as a formula
        words = words.replace("state the tender's 'number_format: da'", "cell B4")
        with pytest.raises(FormError) as info:
            load_tender_with_forms(EXAMPLE, [form])
        assert words in str(info.value)
        assert info.value.cell == _CELLS[key]
    else:
        tender = load_tender_with_forms(EXAMPLE, [form])
        # Plan.values are in the plan's units (the year for time); the table is in SI.
        scale = plan_terms(tender.model.parameters[key].unit.units)[2]
        assert float(tender.plan.values[key][0]) * scale == pytest.approx(expected, rel=1e-12)


def test_the_form_channel_runs_the_grammar_table() -> None:
    assert len(VALUE_CASES) >= 40
