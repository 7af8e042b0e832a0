"""Excel bid forms (the ``excel`` extra): write a blank form, read filled ones as bids.

A form has one sheet, ``Bid``, with the bidder's name and notes at the top
and then one row per bid parameter of the product model: its name, label,
unit, the cell to fill in, the allowed range (also set as the cell's data
validation, so Excel refuses a value out of range) and the description in
English and Danish. Everything in the form comes from the product model.

A filled value is a number in the stated unit, or a text with its own unit
(``"1.2 kW"``). Every problem found while reading forms is a
:class:`~tco.views.errors.FormError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import ErrorList, SpecError, SpecErrors
from tco.views.errors import FormError, OutputError

if TYPE_CHECKING:
    from tco.spec.product import ProductModel
    from tco.tender import Tender

__all__ = ["SHEET", "FormBid", "load_tender_with_forms", "read_form", "write_form"]

#: Name of the form's worksheet.
SHEET = "Bid"
#: Column of each field (parameter name, label, unit, value, range, description en, da).
COLUMNS = {"name": "A", "label": "B", "unit": "C", "value": "D", "range": "E", "en": "F", "da": "G"}
_HEAD = {
    "name": "parameter",
    "label": "label / betegnelse",
    "unit": "unit / enhed",
    "value": "value / værdi",
    "range": "allowed range / tilladt interval",
    "en": "description",
    "da": "beskrivelse",
}
_MODEL_CELL = "B2"
_NAME_ROW, _NOTES_ROW, _HEAD_ROW = 5, 6, 8


def require_openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OutputError("Excel files need openpyxl: pip install 'tco-lcc[excel]'") from exc
    return openpyxl


def _bound(model: ProductModel, name: str, key: str) -> float | None:
    from tco.units import parse_quantity
    from tco.views.inputs import magnitude_in

    p = model.parameters[name]
    raw = getattr(p.spec, key)
    if raw is None:
        return None
    unit = p.unit_text
    return magnitude_in(parse_quantity(raw, unit or None), unit)


def _range_text(lo: float | None, hi: float | None, unit: str) -> str:
    u = f" {unit}" if unit else ""
    if lo is not None and hi is not None:
        return f"{lo:,.10g} – {hi:,.10g}{u}"
    if lo is not None:
        return f"≥ {lo:,.10g}{u}"
    if hi is not None:
        return f"≤ {hi:,.10g}{u}"
    return ""


def write_form(model: ProductModel, path: str | Path, *, title: str | None = None) -> Path:
    """Write a blank bid form for a product model.

    Parameters
    ----------
    model : ProductModel
    path : str or path
        The ``.xlsx`` file to write.
    title : str, optional
        The tender's title, shown at the top.

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
    openpyxl = require_openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    ws["A1"] = "Bid form / Tilbudsskema"
    ws["A1"].font = Font(bold=True, size=14)
    ws["B1"] = title or model.spec.title.en
    ws["A2"] = "model"
    ws[_MODEL_CELL] = model.id
    ws["C2"] = model.spec.version or ""
    ws["A3"] = "product / produkt"
    ws["B3"] = f"{model.spec.title.en} / {model.spec.title.get('da')}"
    ws[f"A{_NAME_ROW}"] = "name"
    ws[f"B{_NAME_ROW}"] = "Bid name / Tilbudsgivers navn"
    ws[f"A{_NOTES_ROW}"] = "notes"
    ws[f"B{_NOTES_ROW}"] = "Notes / Bemærkninger"
    for row in (_NAME_ROW, _NOTES_ROW):
        ws[f"{COLUMNS['value']}{row}"].fill = fill
    for key, col in COLUMNS.items():
        cell = ws[f"{col}{_HEAD_ROW}"]
        cell.value = _HEAD[key]
        cell.font = bold
    for n, name in enumerate(model.bid_parameters):
        r = _HEAD_ROW + 1 + n
        spec = model.parameters[name].spec
        unit = spec.unit
        lo, hi = _bound(model, name, "min"), _bound(model, name, "max")
        ws[f"A{r}"] = name
        if spec.label:
            ws[f"B{r}"] = f"{spec.label.en} / {spec.label.get('da')}"
        ws[f"C{r}"] = unit
        value = ws[f"{COLUMNS['value']}{r}"]
        value.fill = fill
        ws[f"E{r}"] = _range_text(lo, hi, unit)
        if spec.description:
            ws[f"F{r}"] = spec.description.en
            ws[f"G{r}"] = spec.description.da or ""
        if lo is not None or hi is not None:
            if lo is not None and hi is not None:
                dv = DataValidation(type="decimal", operator="between", formula1=lo, formula2=hi)
            elif lo is not None:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=lo)
            else:
                dv = DataValidation(type="decimal", operator="lessThanOrEqual", formula1=hi)
            dv.allow_blank = True
            dv.showErrorMessage = True
            dv.errorTitle = name
            dv.error = f"{name}: {_range_text(lo, hi, unit)}"
            dv.promptTitle = name
            dv.prompt = _range_text(lo, hi, unit)
            dv.showInputMessage = True
            ws.add_data_validation(dv)
            dv.add(value.coordinate)
    widths = {"A": 16, "B": 34, "C": 14, "D": 16, "E": 22, "F": 50, "G": 50}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=_HEAD_ROW + 1):
        for cell in row[5:7]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = Path(path)
    wb.save(out)
    return out


@dataclass(frozen=True)
class FormBid:
    """One bid read from a form, with where each value came from.

    Attributes
    ----------
    file : str
        The workbook.
    values : dict
        The bid as a tender's ``bids`` entry: ``name``, ``notes`` and the
        parameter values with their units.
    cells : dict of str to str
        The cell each field was read from (``"name"`` included).
    """

    file: str
    values: dict[str, Any]
    cells: dict[str, str] = field(default_factory=dict)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_form(path: str | Path, model: ProductModel) -> FormBid:
    """Read a filled bid form.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.
    model : ProductModel
        The tender's product model; the form must be for it.

    Returns
    -------
    FormBid

    Raises
    ------
    FormError
        Naming the file, sheet and cell of each problem (a
        :class:`~tco.errors.SpecErrors` of them when there are several).
    """
    openpyxl = require_openpyxl()
    file = str(path)
    try:
        wb = openpyxl.load_workbook(file, data_only=True)
    except FileNotFoundError:
        raise FormError("no such file", file=file, expected="a bid form (.xlsx)") from None
    except Exception as exc:  # openpyxl raises several kinds for files it cannot read
        raise FormError(
            f"cannot be read as an Excel workbook ({type(exc).__name__}: {exc})",
            file=file,
            expected="a bid form (.xlsx) written by 'tco form'",
        ) from None
    if SHEET not in wb.sheetnames:
        raise FormError(
            f"no sheet '{SHEET}'; the workbook has " + ", ".join(repr(s) for s in wb.sheetnames),
            file=file,
            expected=f"a sheet named '{SHEET}' as written by 'tco form'",
        )
    ws = wb[SHEET]
    errors = ErrorList()

    def fail(message: str, cell: str | None, name: str | None = None, value: Any = None) -> None:
        errors.add(FormError(message, file=file, sheet=SHEET, cell=cell, field=name, value=value))

    form_model = _text(ws[_MODEL_CELL].value)
    if form_model != model.id:
        fail(
            f"the form is for model '{form_model}', but the tender uses '{model.id}'",
            _MODEL_CELL,
            "model",
            form_model,
        )
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    vcol = COLUMNS["value"]
    name_cell = f"{vcol}{_NAME_ROW}"
    name = _text(ws[name_cell].value)
    cells["name"] = name_cell
    if not name:
        fail("the bid's name is missing; fill it in", name_cell, "name")
    values["name"] = name
    notes = _text(ws[f"{vcol}{_NOTES_ROW}"].value)
    if notes:
        values["notes"] = notes
        cells["notes"] = f"{vcol}{_NOTES_ROW}"
    expected = set(model.bid_parameters)
    for r in range(_HEAD_ROW + 1, ws.max_row + 1):
        key = _text(ws[f"A{r}"].value)
        if not key:
            continue
        cell = f"{vcol}{r}"
        if key not in model.parameters or key not in expected:
            from tco.errors import suggest

            fail(
                f"unknown bid parameter '{key}'{suggest(key, expected)}",
                f"A{r}",
                key,
                key,
            )
            continue
        expected.discard(key)
        raw = ws[cell].value
        p = model.parameters[key]
        cells[key] = cell
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if p.spec.default is None:
                fail(f"no value; fill in {key} [{p.unit_text}]", cell, key)
            continue
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            fail(
                f"got {raw!r}, expected a number in {p.unit_text or 'plain numbers'}",
                cell,
                key,
                raw,
            )
            continue
        if isinstance(raw, (int, float)):
            values[key] = f"{float(raw):.15g} {p.unit_text}".strip()
        else:
            values[key] = raw.strip()
    for key in sorted(expected):
        if model.parameters[key].spec.default is None:
            fail(f"the row for '{key}' is missing; use a form written by 'tco form'", None, key)
    errors.raise_if_any()
    return FormBid(file=file, values=values, cells=cells)


def _relocate(err: SpecError, forms: Sequence[FormBid]) -> SpecError:
    """Point an error about ``bids[i].key`` at the form cell it came from."""
    path = err.path
    if len(path) >= 2 and path[0] == "bids" and isinstance(path[1], int) and path[1] < len(forms):
        form = forms[path[1]]
        key = str(path[2]) if len(path) > 2 else "name"
        return FormError(
            err.reason,
            file=form.file,
            sheet=SHEET,
            cell=form.cells.get(key),
            field=key,
            value=err.value,
            expected=err.expected,
        )
    return err


def load_tender_with_forms(
    tender: str | Path | Mapping[str, Any], forms: Sequence[str | Path]
) -> Tender:
    """Load a tender whose bids are read from filled bid forms.

    The forms' bids replace any bids in the tender file (which may have none).

    Parameters
    ----------
    tender : str, path or mapping
        The tender file (or mapping).
    forms : sequence of str or path
        Filled forms, one bid each, in the order given.

    Raises
    ------
    FormError
        For a problem in a form, naming its file, sheet and cell.
    SpecError
        For a problem in the tender itself.
    """
    from tco.plan.compiler import compile_plan
    from tco.spec.schema import TenderSpec, validate
    from tco.tender import Tender, read_tender_source, tender_model

    data, file, base = read_tender_source(tender)
    if not forms:
        raise FormError("no bid forms given", file=file, expected="one or more .xlsx files")
    if "model" not in data:
        raise SpecError("this key is required", file=file, path=("model",), expected="a model")
    model = tender_model(data["model"], base, file)
    errors = ErrorList()
    read: list[FormBid] = []
    for form in forms:
        try:
            read.append(read_form(form, model))
        except SpecError as err:
            errors.add(err)
    errors.raise_if_any()
    data["bids"] = [f.values for f in read]
    try:
        spec: TenderSpec = validate(TenderSpec, data, file=file)
        plan = compile_plan(spec, model, file=file)
    except SpecErrors as many:
        raise SpecErrors([_relocate(e, read) for e in many.errors]) from None
    except SpecError as err:
        raise _relocate(err, read) from None
    return Tender(spec=spec, model=model, plan=plan, file=file)
