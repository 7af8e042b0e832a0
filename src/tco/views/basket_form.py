"""A basket's Excel bid form (the ``excel`` extra): one workbook, a sheet per line.

The form is one workbook: a front sheet (``Basket``, ``Kurv`` in Danish) with
the bidder's name and notes and the list of lines (name, sheet, model,
quantity), then one sheet per line laid out exactly as a tender's bid form
(:func:`tco.views.form.fill_form_sheet`: one row per bid parameter of the
line's model, with its unit, bounds as data validation, default and
description; labels locked, input cells open).

Why a sheet per line rather than one table with a line column: the lines of
a basket may use different product models (a car and a van), each with its
own parameters, so a sheet per line keeps every row of a sheet about one
product, as the supplier's data sheet for that product is; the sheet is the
form a supplier already knows from single tenders, its row count is that of
one model, and the supplier fills the lines one at a time (or has a colleague
fill one). The name is written once, on the front sheet.

:func:`load_basket_with_forms` reads filled forms back (one bid per form,
:func:`tco.io.basket_forms.read_basket_form_data`, with the checks of a
tender's form) and loads the basket with those bids; every problem is a
:class:`~tco.errors.FormError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import ErrorList, FormError, SpecError, SpecErrors
from tco.io.basket_forms import BASKET_SHEETS, line_sheet_names, read_basket_form_data
from tco.io.forms import (
    COLUMNS,
    FORMAT_CELL,
    HEAD_ROW,
    MODEL_CELL,
    NAME_ROW,
    NOTES_ROW,
    FormCell,
)
from tco.views.form import fill_form_sheet, form_convention, require_openpyxl
from tco.views.form_read import relocate_form_error
from tco.views.safe import excel_text, save_workbook

if TYPE_CHECKING:
    from tco.basket import Basket, BasketLine
    from tco.spec.forms import FormBid

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: What the front sheet's model cell holds.
BASKET_MARK = "basket"
_CONVENTION_TEXT = {
    "en": "numbers typed as text are read as 1,450.50 (comma thousands, point decimals)",
    "da": "tal skrevet som tekst læses som 1.450,50 (punktum tusinder, komma decimaler)",
}


def write_basket_form(
    lines: Sequence[BasketLine],
    path: str | Path,
    *,
    title: str | None = None,
    lang: str = "en",
    number_format: str | None = None,
) -> Path:
    """Write a blank bid form for a basket: a front sheet and one sheet per line.

    Parameters
    ----------
    lines : sequence of BasketLine
        The basket's lines (:func:`tco.basket.basket_lines`).
    path : str or path
        The ``.xlsx`` file to write.
    title : str, optional
        The basket's title.
    lang : {"en", "da"}
        The front sheet's name (``Basket`` or ``Kurv``) and, unless
        ``number_format`` is given, the number convention.
    number_format : {"en", "da"}, optional
        The basket's stated ``number_format``.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from tco.basket import basket_example_path, basket_lines
    >>> spec, lines = basket_lines(basket_example_path("car-van-fleet"))
    >>> out = write_basket_form(lines, pathlib.Path(tempfile.mkdtemp()) / "fleet.xlsx")
    >>> import openpyxl; openpyxl.load_workbook(out).sheetnames
    ['Basket', 'cars', 'vans']
    """
    convention = form_convention(lang, number_format)
    openpyxl = require_openpyxl()
    from openpyxl.styles import Font, PatternFill, Protection

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = BASKET_SHEETS[lang]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    sheets = line_sheet_names([line.name for line in lines])
    ws["A1"] = "Bid form / Tilbudsskema"
    ws["A1"].font = Font(bold=True, size=12)
    excel_text(ws["B1"], title or "")
    ws["A2"] = "model"
    ws[MODEL_CELL] = BASKET_MARK
    ws["A3"] = "product / produkt"
    ws["B3"] = f"basket of {len(lines)} lines / kurv med {len(lines)} linjer"
    ws["A4"] = "format"
    ws[FORMAT_CELL] = convention
    ws["C4"] = _CONVENTION_TEXT[convention]
    ws[f"A{NAME_ROW}"] = "name"
    ws[f"B{NAME_ROW}"] = "Bid name / Tilbudsgivers navn"
    ws[f"A{NOTES_ROW}"] = "notes"
    ws[f"B{NOTES_ROW}"] = "Notes / Bemærkninger"
    for row in (NAME_ROW, NOTES_ROW):
        cell = ws[f"{COLUMNS['value']}{row}"]
        cell.fill = fill
        cell.protection = Protection(locked=False)
    ws["B7"] = (
        "Fill in one sheet per line: the product offered for it / "
        "Udfyld ét ark pr. linje: det produkt, der tilbydes til den"
    )
    heads = ("line / linje", "sheet / ark", "model", "quantity / antal")
    for col, head in zip("BCDE", heads, strict=True):
        ws[f"{col}{HEAD_ROW}"] = head
        ws[f"{col}{HEAD_ROW}"].font = bold
    for j, (line, sheet) in enumerate(zip(lines, sheets, strict=True)):
        r = HEAD_ROW + 1 + j
        excel_text(ws[f"B{r}"], line.name)
        excel_text(ws[f"C{r}"], sheet)
        excel_text(ws[f"D{r}"], line.model.id)
        ws[f"E{r}"] = line.quantity
        quoted = sheet.replace("'", "''")  # Excel's quoting of a sheet name in a reference
        ws[f"C{r}"].hyperlink = f"#'{quoted}'!A1"
    for col, width in {"A": 26, "B": 40, "C": 26, "D": 24, "E": 16}.items():
        ws.column_dimensions[col].width = width
    # Printed or saved as PDF: one page wide, landscape, as each line's sheet.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    for line, sheet in zip(lines, sheets, strict=True):
        fill_form_sheet(
            wb.create_sheet(sheet),
            line.model,
            title=f"{title}: {line.name}" if title else line.name,
            lang=lang,
            convention=convention,
            line=(line.name, line.quantity),
        )
    return save_workbook(wb, path)


def _relocate(
    err: SpecError, read: Sequence[dict[str, FormBid]], fronts: Sequence[FormBid]
) -> SpecError:
    """Point an error about ``bids[i]...`` at the form's sheet and cell it came from."""
    p = err.path
    if len(p) >= 2 and p[0] == "bids" and isinstance(p[1], int) and p[1] < len(read):
        if len(p) >= 4 and p[2] == "lines" and p[3] in read[p[1]]:
            line = str(p[3])
            return relocate_form_error(err, [r[line] for r in read], skip=2)
        return relocate_form_error(err, fronts)
    return err


def load_basket_with_forms(
    source: str | Path | Mapping[str, Any],
    forms: Sequence[str | Path],
    *,
    allow_paths: Sequence[str | Path] = (),
) -> Basket:
    """Load a basket tender whose bids are read from filled basket forms, one bid each.

    The forms' bids replace any bids in the basket file (which may have none).

    Raises
    ------
    FormError
        For a problem in a form, naming its file, sheet and cell.
    SpecError
        For a problem in the basket itself.
    """
    from tco.basket import basket_from_data, basket_lines_of
    from tco.spec.forms import (
        FormBid,
        form_bid,
        front_format,
        in_number_format,
        stated_number_format,
    )
    from tco.tender import read_tender

    src = read_tender(source)
    data, file = src.data, src.file
    if not forms:
        raise FormError("no bid forms given", file=file, expected="one or more .xlsx files").speaks(
            "form_no_forms"
        )
    _, lines = basket_lines_of(data, file, src.base, allow_paths=allow_paths)
    names = [line.name for line in lines]
    stated = stated_number_format(data)
    errors = ErrorList()
    read: list[dict[str, FormBid]] = []
    fronts: list[FormBid] = []
    hashes: list[tuple[str, str]] = []
    said: set[tuple[int, str, str]] = set()  # (bid, line, field) a form's problem was said at
    for form in forms:
        try:
            front, by_line = read_basket_form_data(form, names)
        except SpecError as err:
            errors.add(err)
            continue
        hashes.append((str(form), front.sha256))
        shown = front.name.shown
        name = shown if isinstance(shown, str) else "" if shown is None else f"{shown:g}"
        if front.name.blank:
            errors.add(
                FormError(
                    "the bid's name is missing; fill it in",
                    file=str(form),
                    sheet=front.sheet,
                    cell=front.name.cell,
                    field="name",
                ).speaks("form_no_name")
            )
            said.add((len(read), "", "name"))
            name = Path(form).name  # said; a name for the other checks
        name_cell = FormCell(front.name.cell, name)
        cells = {"name": front.name.cell}
        fronts.append(FormBid(str(form), {"name": name}, cells, front.sheet, sha256=front.sha256))
        # The form has one number convention, the front sheet's: a line sheet stating
        # another is refused, not read in it.
        try:
            convention = front_format(front, stated)
        except SpecError as err:
            errors.add(err)
            convention = None
        bids: dict[str, FormBid] = {}
        for line in lines:
            sheet = replace(by_line[line.name], name=name_cell, notes=front.notes)
            found = ErrorList()
            # The values that read are kept, so the basket's checks report their problems too.
            bids[line.name] = form_bid(
                sheet,
                line.model,
                stated,
                front=(front.sheet, convention) if convention is not None else None,
                problems=found,
            )
            for problem in found.errors:
                errors.add(problem)
                said.add((len(read), line.name, str(getattr(problem, "field", None) or "")))
        read.append(bids)
    basket = None
    if read:
        data["bids"] = [
            {
                "name": bids[names[0]].values["name"],
                **(
                    {"notes": bids[names[0]].values["notes"]}
                    if "notes" in bids[names[0]].values
                    else {}
                ),
                "lines": {
                    line: {
                        k: in_number_format(v, stated)
                        for k, v in bid.values.items()
                        if k not in ("name", "notes")
                    }
                    for line, bid in bids.items()
                },
            }
            for bids in read
        ]
        try:
            basket = basket_from_data(
                data,
                file,
                src.base,
                allow_paths=allow_paths,
                sha256=src.sha256,
                forms=tuple(hashes),
            )
        except SpecError as err:
            for e in err.errors if isinstance(err, SpecErrors) else [err]:
                if _said_at(e.path) not in said:
                    errors.add(_relocate(e, read, fronts))
    errors.raise_if_any()
    assert basket is not None  # no problem: the basket was checked
    return basket


def _said_at(path: tuple[Any, ...]) -> tuple[Any, str, str] | None:
    """``(bid, line, field)`` of an error about a bid's value (line ``""`` for its name)."""
    if path[:1] != ("bids",) or len(path) < 3:
        return None
    if path[2] == "lines" and len(path) >= 5:
        return (path[1], str(path[3]), str(path[4]))
    return (path[1], "", str(path[2]))
