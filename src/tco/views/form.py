"""Excel bid forms (the ``excel`` extra): write a blank form, read filled ones as bids.

A form has one sheet, ``Bid`` (``Bud`` for a Danish form), with the bidder's
name and notes at the top and then one row per bid parameter of the product
model: its name, label, unit, the cell to fill in, the default used when the
cell is left blank (optional parameters only), the allowed range (also set as
the cell's data validation, so Excel refuses a value out of range) and the
description in the form's language (Danish on a Danish form, English where the
model has no Danish text). Everything in the form comes from the
product model. Cell ``B4`` states the form's number convention (``en``:
``1,450.50``; ``da``: ``1.450,50``), used for numbers typed as text.

Reading a filled form is input, not a view: :mod:`tco.io.forms` reads the
cells as Excel shows them, safely, and :mod:`tco.spec.forms` turns them into a
bid with the value grammar; :mod:`tco.views.form_read` (whose
:func:`read_form` and :func:`load_tender_with_forms` this module re-exports)
puts the two together with a tender. Every problem is a
:class:`~tco.errors.FormError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.io.forms import (
    COLUMNS,
    CONTACT_CELL,
    CVR_ROW,
    DATE_CELL,
    FORMAT_CELL,
    HEAD_ROW,
    MODEL_CELL,
    NAME_ROW,
    NOTES_ROW,
    SHEETS,
)
from tco.io.optional import require
from tco.views.errors import OutputError
from tco.views.form_read import load_tender_with_forms, read_form
from tco.views.i18n import unit_text
from tco.views.safe import excel_text, save_workbook

if TYPE_CHECKING:
    from tco.spec.product import ProductModel

__all__ = [
    "SHEET",
    "bound_in_unit",
    "fill_form_sheet",
    "form_convention",
    "load_tender_with_forms",
    "range_text",
    "read_form",
    "write_form",
]

#: Name of an English form's worksheet (a Danish form's is ``SHEETS["da"]``).
SHEET = SHEETS["en"]
_HEAD = {
    "name": "parameter",
    "label": "label / betegnelse",
    "unit": "unit / enhed",
    "value": "value / værdi",
    "default": "if blank / hvis tom",
    "range": "allowed range / tilladt interval",
    "en": "description",
}
#: A Danish form's words (an English form keeps its bilingual heads).
_DANISH = {
    "title": "Tilbudsskema",
    "model": "produktmodel (udfyldes ikke)",
    "product": "Produkt",
    "format": "Talformat",
    "bidder": "Tilbudsgivers navn",
    "remarks": "Bemærkninger",
    "cvr": "CVR-nummer (8 cifre)",
    "contact": "Kontaktperson",
    "date": "Dato",
    "name": "parameter (id)",
    "legend": "Gule celler udfyldes af tilbudsgiver; de øvrige celler er låst.",
    "label": "betegnelse",
    "unit": "enhed",
    "value": "værdi",
    "default": "hvis tom",
    "range": "tilladt interval",
    "en": "beskrivelse",
}
#: An English form's words for the bidder's fields (Danish beside them).
_ENGLISH = {
    "bidder": "Bid name / Tilbudsgivers navn",
    "remarks": "Notes / Bemærkninger",
    "cvr": "CVR number (8 digits) / CVR-nummer",
    "contact": "Contact / Kontaktperson",
    "date": "Date / Dato",
    "legend": "Yellow cells are filled in by the bidder / Gule celler udfyldes af tilbudsgiver",
}
_CONVENTION_TEXT = {
    "en": "numbers typed as text are read as 1,450.50 (comma thousands, point decimals)",
    "da": "tal skrevet som tekst læses som 1.450,50 (punktum tusinder, komma decimaler)",
}


def require_openpyxl() -> Any:
    return require("openpyxl", "excel")


def _bound(model: ProductModel, name: str, key: str) -> float | None:
    from tco.units import parse_quantity
    from tco.views.inputs import magnitude_in

    p = model.parameters[name]
    raw = getattr(p.spec, key)
    if raw is None:
        return None
    unit = p.unit_text
    return magnitude_in(parse_quantity(raw, unit or None), unit)


def _number(x: float, lang: str, *, group: bool = True) -> str:
    """A number as the form's convention writes it (``1,450.5`` or ``1.450,5``)."""
    text = f"{x:,.10g}" if group else f"{x:.10g}"
    if lang == "da":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _range_text(lo: float | None, hi: float | None, unit: str, lang: str = "en") -> str:
    u = f" {unit}" if unit else ""
    if lo is not None and hi is not None:
        return f"{_number(lo, lang)} – {_number(hi, lang)}{u}"
    if lo is not None:
        return f"≥ {_number(lo, lang)}{u}"
    if hi is not None:
        return f"≤ {_number(hi, lang)}{u}"
    return ""


def default_text(model: ProductModel, name: str, lang: str = "en", *, unit_lang: str = "en") -> str:
    """The default of a bid parameter as the form shows it, or ``""`` if it has none.

    The number is written in the parameter's unit without thousands separators,
    with the form's decimal sign, followed by the unit; the reader reads exactly
    this text when the value cell is left blank.

    Examples
    --------
    >>> import tco
    >>> van = tco.load_model("van")
    >>> default_text(van, "electric_share"), default_text(van, "price")
    ('100 %', '')
    >>> default_text(van, "service", "da", unit_lang="da")
    '0 DKK/år'
    """
    from tco.units import parse_quantity
    from tco.views.inputs import magnitude_in

    p = model.parameters[name]
    if p.spec.default is None:
        return ""
    unit = p.unit_text
    x = magnitude_in(parse_quantity(p.spec.default, unit or None), unit)
    return f"{_number(x, lang, group=False)} {unit_text(unit, unit_lang)}".strip()


def write_form(
    model: ProductModel,
    path: str | Path,
    *,
    title: str | None = None,
    lang: str = "en",
    number_format: str | None = None,
) -> Path:
    """Write a blank bid form for a product model.

    Parameters
    ----------
    model : ProductModel
    path : str or path
        The ``.xlsx`` file to write.
    title : str, optional
        The tender's title, shown at the top.
    lang : {"en", "da"}
        The form's language: its sheet's name (``Bid`` or ``Bud``), and its
        number convention unless ``number_format`` is given.
    number_format : {"en", "da"}, optional
        The number convention for numbers typed as text (``en``: ``1,450.50``;
        ``da``: ``1.450,50``): the tender's stated ``number_format``, which the
        form must follow whatever its language; default ``lang``.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tco, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "form.xlsx"
    >>> write_form(tco.load_model("indoor-lighting"), out).name
    'form.xlsx'
    """
    convention = form_convention(lang, number_format)
    openpyxl = require_openpyxl()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEETS[lang]
    fill_form_sheet(ws, model, title=title, lang=lang, convention=convention)
    return save_workbook(wb, path)


def form_convention(lang: str, number_format: str | None) -> str:
    """The number convention a form is written in: ``number_format``, else the form's language.

    Raises
    ------
    OutputError
        If either is not ``"en"`` or ``"da"``.

    Examples
    --------
    >>> form_convention("da", None), form_convention("en", "da")
    ('da', 'da')
    """
    if lang not in SHEETS:
        raise OutputError(f"got lang={lang!r}, expected one of {', '.join(SHEETS)}").speaks(
            "lang_argument", shown=repr(lang), langs_list=list(SHEETS)
        )
    convention = number_format or lang
    if convention not in SHEETS:
        raise OutputError(f"got number_format={number_format!r}, expected 'en' or 'da'").speaks(
            "number_format_argument", shown=repr(number_format)
        )
    return convention


def fill_form_sheet(
    ws: Any,
    model: ProductModel,
    *,
    title: str | None = None,
    lang: str = "en",
    convention: str = "en",
    line: tuple[str, float] | None = None,
) -> None:
    """Write a bid form's layout for ``model`` on the openpyxl worksheet ``ws``.

    The layout :mod:`tco.io.forms` reads: model in ``B2``, number convention
    in ``B4``, the bid's name and notes in rows 5 and 6 (for a basket's
    ``line``, given as ``(name, quantity)``, the line instead: the name and
    notes are on the basket's front sheet), then one row per bid parameter
    with its unit, the value cell (with the parameter's bounds as data
    validation), the default and the description. The sheet is protected
    without a password: only the cells a supplier fills (name, notes, value,
    unit) are open.
    """
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    open_cell = Protection(locked=False)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    danish = lang == "da"
    # A Danish bid form hides the parameters' ids (column A, read back and checked against the
    # labels in column B): the bidder reads Danish labels, and column B labels every row.
    hide_ids = danish and line is None
    product = (
        model.spec.title.get("da")
        if danish
        else f"{model.spec.title.en} / {model.spec.title.get('da')}"
    )
    version = model.spec.version or ""
    # Every text from the tender or the model goes in as text, never a formula.
    if hide_ids:
        excel_text(ws["B1"], f"{_DANISH['title']}: {title or model.spec.title.get(lang)}")
        ws["B1"].font = Font(bold=True, size=12)
        excel_text(ws[MODEL_CELL], model.id)
        excel_text(ws["C2"], f"← {_DANISH['model']}, version {version}")
        excel_text(ws["B3"], product)
        ws[FORMAT_CELL] = convention
        ws["C4"] = f"← {_DANISH['format'].lower()}: {_CONVENTION_TEXT[convention]}"
    else:
        ws["A1"] = "Bid form / Tilbudsskema"
        ws["A1"].font = Font(bold=True, size=12)
        excel_text(ws["B1"], title or model.spec.title.get(lang))
        ws["A2"] = "model"
        excel_text(ws[MODEL_CELL], model.id)
        excel_text(ws["C2"], version)
        ws["A3"] = "product / produkt"
        excel_text(ws["B3"], product)
        ws["A4"] = "format"
        ws[FORMAT_CELL] = convention
        ws["C4"] = _CONVENTION_TEXT[convention]
    if line is None:
        words = _DANISH if danish else _ENGLISH
        if not hide_ids:
            ws[f"A{NAME_ROW}"], ws[f"A{NOTES_ROW}"], ws[f"A{CVR_ROW}"] = "name", "notes", "cvr"
        ws[f"B{NAME_ROW}"] = words["bidder"]
        ws[f"B{NOTES_ROW}"] = words["remarks"]
        ws[f"B{CVR_ROW}"] = words["cvr"]
        ws[CONTACT_CELL.replace("F", "E")] = words["contact"]
        ws[DATE_CELL.replace("F", "E")] = words["date"]
        cells = [f"{COLUMNS['value']}{row}" for row in (NAME_ROW, NOTES_ROW, CVR_ROW)]
        for ref in [*cells, CONTACT_CELL, DATE_CELL]:
            ws[ref].fill = fill
            ws[ref].protection = open_cell
        ws[f"{COLUMNS['value']}{CVR_ROW}"].number_format = "@"  # a CVR number is a code
        ws[DATE_CELL].number_format = "DD-MM-YYYY"
        # the legend: which cells the bidder fills
        legend = ws[f"E{CVR_ROW}"]
        legend.value = words["legend"]
        legend.fill = fill
        legend.font = Font(italic=True)
    else:  # a basket's line: the name and notes are on the front sheet
        ws[f"A{NAME_ROW}"] = "line / linje"
        excel_text(ws[f"B{NAME_ROW}"], line[0])
        ws[f"A{NOTES_ROW}"] = "quantity / antal"
        ws[f"B{NOTES_ROW}"] = line[1]
        ws[f"B{NOTES_ROW}"].alignment = Alignment(horizontal="left")
    if hide_ids:
        ws.column_dimensions["A"].hidden = True
    for key, col in COLUMNS.items():
        if key == "da":
            continue  # one description column, in the form's language (column G)
        cell = ws[f"{col}{HEAD_ROW}"]
        cell.value = _DANISH[key] if danish else _HEAD[key]
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.font = bold
    for n, name in enumerate(model.bid_parameters):
        r = HEAD_ROW + 1 + n
        spec = model.parameters[name].spec
        unit = unit_text(spec.unit, lang)  # DKK/år in a Danish form; read back as DKK/year
        lo, hi = _bound(model, name, "min"), _bound(model, name, "max")
        shown = _range_text(lo, hi, unit, convention)
        excel_text(ws[f"A{r}"], name)
        label = name
        if spec.label:
            label = str(spec.label.get("da") if danish else spec.label.en)
            excel_text(
                ws[f"B{r}"], label if danish else f"{spec.label.en} / {spec.label.get('da')}"
            )
        excel_text(ws[f"C{r}"], unit)
        value = ws[f"{COLUMNS['value']}{r}"]
        value.fill = fill
        value.number_format = "General"
        # the supplier fills the value and may change the unit (kW for W); the rest is locked
        value.protection = open_cell
        ws[f"C{r}"].protection = open_cell
        default = default_text(model, name, convention, unit_lang=lang)
        if default:
            excel_text(ws[f"{COLUMNS['default']}{r}"], default)
        excel_text(ws[f"{COLUMNS['range']}{r}"], shown)
        if spec.description:
            # the bidder's language only: Danish on a Danish form (English where the model
            # has no Danish text), English on an English form
            said = spec.description.get("da") if danish else spec.description.en
            excel_text(ws[f"{COLUMNS['en']}{r}"], said)
            # wrapped text: a row tall enough for the description (about 55 per line)
            ws.row_dimensions[r].height = 15 * max(1, -(-len(said) // 55))
        if lo is not None or hi is not None:
            if lo is not None and hi is not None:
                dv = DataValidation(type="decimal", operator="between", formula1=lo, formula2=hi)
            elif lo is not None:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=lo)
            else:
                dv = DataValidation(type="decimal", operator="lessThanOrEqual", formula1=hi)
            dv.allow_blank = True
            dv.showErrorMessage = True
            # A warning, not a stop: a value typed as text ('0,032 kW', '1.450 kr') or in
            # another unit than the range's is what the form asks for; tco checks it on reading.
            dv.errorStyle = "warning"
            # the titles in words of the form's language (Excel cuts them at 32 characters)
            dv.errorTitle = label[:32]
            dv.error = f"{label}: {shown}"
            dv.promptTitle = label[:32]
            dv.prompt = ("Tilladt interval: " if danish else "Allowed range: ") + shown
            dv.showInputMessage = True
            ws.add_data_validation(dv)
            dv.add(value.coordinate)
    longest = max((len(name) for name in model.bid_parameters), default=0)
    widths = {"A": max(30, longest + 2), "B": 40, "C": 14, "D": 18, "E": 18, "F": 32}
    widths.update({"G": 60})
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    # Printed or saved as PDF: one page wide, landscape, so the value column is beside its row.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for row in ws.iter_rows(min_row=HEAD_ROW + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.column > 6, vertical="top")
    # Locked labels, open input cells; no password: it guards against slips, not intent
    # (the reader checks every cell it reads whatever the protection).
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


#: A parameter's ``min`` or ``max`` in its own unit, or None (for the tender workbook too).
bound_in_unit = _bound
#: An allowed range as a form shows it (``≥ 0 DKK``, ``1 – 5 h``), in a number convention.
range_text = _range_text
