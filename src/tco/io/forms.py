"""Read filled bid forms (``.xlsx``) safely, as the cells Excel shows.

A bid form comes from a supplier, so it is read as hostile input:

1. **Caps before parsing.** The file's size is checked, then the file is opened
   as a zip archive with :mod:`zipfile` and the number of files in it, each
   file's unpacked size, their total and the compression ratio are checked
   (:data:`~tco.limits.MAX_FORM_BYTES` and the other ``MAX_FORM_*`` caps).
   Every XML file is then read in chunks, without parsing, and refused if it
   declares a document type or entities (the "billion laughs" attack), is not
   UTF-8, or holds more than :data:`~tco.limits.MAX_FORM_ELEMENTS` elements.
   Only then does openpyxl parse it, with ``defusedxml`` when it is installed
   (the ``excel`` extra installs it).
2. **What Excel shows.** The workbook is read with formulas visible
   (``data_only=False``): a formula in a cell the form reads is refused with the
   cell named, never its cached value used. A number in a cell formatted as a
   percentage is read as Excel shows it (0.6 shown as ``60%`` is 60 %). A number
   format that shows something other than the number (a scale, a text, a date)
   is refused.
3. **The form's own sheet only.** The sheet the form was written on (``Bid``,
   or ``Bud`` for a Danish form) is read, and it must be visible; hidden and
   very hidden sheets are never read.

The result is plain data: :class:`FormData` holds, per parameter row, the value
cell, the unit cell and the default cell as shown, with their cell references.
Reading the values as quantities (the number convention, units, defaults) is
done by :mod:`tco.spec.forms`, with the one value grammar.

The layout constants here are shared with the form writer
(:mod:`tco.views.form`), so the writer and the reader cannot disagree.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tco.errors import FormError
from tco.io.xlsx import FormLimitError, check_form_archive, hidden_rows_and_columns
from tco.limits import MAX_FORM_ROWS

__all__ = [
    "COLUMNS",
    "CONVENTIONS",
    "FORMAT_CELL",
    "HEAD_ROW",
    "MODEL_CELL",
    "NAME_ROW",
    "NOTES_ROW",
    "SHEETS",
    "FormCell",
    "FormData",
    "FormLimitError",
    "FormRow",
    "check_form_archive",
    "read_form_data",
]

#: The form's sheet, by the form's language.
SHEETS = {"en": "Bid", "da": "Bud"}
#: Column of each field of a parameter row.
COLUMNS = {
    "name": "A",
    "label": "B",
    "unit": "C",
    "value": "D",
    "default": "E",
    "range": "F",
    "en": "G",
    "da": "H",
}
#: Number conventions a form may state in :data:`FORMAT_CELL`.
CONVENTIONS = ("da", "en")
#: The cell holding the product model's id.
MODEL_CELL = "B2"
#: The cell holding the form's number convention (``da`` or ``en``).
FORMAT_CELL = "B4"
#: Rows of the bid's name, its notes, and the head of the parameter table.
NAME_ROW, NOTES_ROW, HEAD_ROW = 5, 6, 8

# The columns read: parameter, label (only B2 and B4), unit, value, default.
_READ_COLUMNS = "ABCDE"
# Number formats that show the number itself: General, text, digits with an
# optional thousands separator, decimals, exponent and percent sign.
_PLAIN_FORMAT = re.compile(r"^(General|@|(#,##)?0+(\.[0#]+)?(E\+0+)?%?)$", re.IGNORECASE)
_FIX = "type the number itself, in a cell formatted as General"


@dataclass(frozen=True)
class FormCell:
    """One cell of a form, as Excel shows it.

    Attributes
    ----------
    cell : str
        Its reference, as ``"D10"``.
    shown : float, str or None
        A number (a percent-formatted number already times 100, as shown),
        the text as typed (stripped), or ``None`` for a blank cell.
    percent : bool
        The number is shown with a percent sign.
    """

    cell: str
    shown: float | str | None = None
    percent: bool = False

    @property
    def blank(self) -> bool:
        """The cell is empty or holds only spaces."""
        return self.shown is None or (isinstance(self.shown, str) and not self.shown)


@dataclass(frozen=True)
class FormRow:
    """One parameter row: its value, unit and default cells as shown."""

    name: str
    value: FormCell
    unit: FormCell
    default: FormCell


@dataclass(frozen=True)
class FormData:
    """A filled bid form as plain data: what each cell shows, and where it is.

    Attributes
    ----------
    file : str
        The workbook.
    sheet : str
        The sheet read.
    model : FormCell
        The product model the form is for.
    convention : FormCell
        The form's number convention (``"da"`` or ``"en"``).
    name, notes : FormCell
        The bid's name and notes.
    rows : dict of str to FormRow
        One entry per parameter row, by the parameter name in column A.
    sha256 : str
        The SHA-256 of the bytes read (for a report's fingerprint).
    """

    file: str
    sheet: str
    model: FormCell
    convention: FormCell
    name: FormCell
    notes: FormCell
    rows: dict[str, FormRow] = field(default_factory=dict)
    sha256: str = ""


def _openpyxl(file: str) -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the environment
        raise FormError(
            "reading bid forms needs openpyxl: pip install 'tco-lcc[excel]'", file=file
        ).speaks("form_needs_openpyxl") from None
    return openpyxl


def read_form_data(path: str | Path) -> FormData:
    """Read a filled bid form as the cells Excel shows, checked and capped.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.

    Returns
    -------
    FormData
        The model, number convention, name, notes and parameter rows as shown.

    Raises
    ------
    FormError
        Naming the file, the sheet and the cell: a file over a cap or not a
        workbook (see :func:`check_form_archive`), no visible form sheet, a
        formula, an error value, a date or a number format that hides the
        number in a cell the form reads, a parameter given in two rows.

    Examples
    --------
    >>> import tco, tempfile, pathlib
    >>> from tco.views.form import write_form
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "form.xlsx"
    >>> data = read_form_data(write_form(tco.load_model("indoor-lighting"), out))
    >>> data.sheet, data.convention.shown, sorted(data.rows)
    ('Bid', 'en', ['power', 'price', 'rated_life'])
    >>> data.rows["power"].unit
    FormCell(cell='C10', shown='W', percent=False)
    """
    file = str(path)
    content = check_form_archive(file)
    openpyxl = _openpyxl(file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
        try:
            wb = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=False, keep_links=False
            )
            try:
                sheet = _form_sheet(wb, file)
                grid = _grid(wb[sheet], file, sheet)
                member = getattr(wb[sheet], "_worksheet_path", None)
            finally:
                wb.close()
        except FormError:
            raise
        except Exception as exc:  # openpyxl and defusedxml raise many kinds
            root: BaseException = exc
            while root.__cause__ or root.__context__:
                root = root.__cause__ or root.__context__  # type: ignore[assignment]
            why = " ".join(str(root).split())[:200]
            raise FormError(
                f"cannot be read as an Excel workbook ({type(root).__name__}: {why}); "
                "save the form in Excel as 'Excel Workbook (.xlsx)'",
                file=file,
                expected="a bid form (.xlsx) written by 'tco form' and filled in",
            ).speaks("form_not_workbook", reason=f"{type(root).__name__}: {why}") from None
    if member is not None:
        _refuse_hidden(grid, hidden_rows_and_columns(content, str(member)), file, sheet)
    return _form_data(grid, file, sheet, hashlib.sha256(content).hexdigest())


def _refuse_hidden(
    grid: dict[str, FormCell], hidden: tuple[set[int], set[int], bool], file: str, sheet: str
) -> None:
    """Refuse a value the form reads from a row or column Excel hides."""
    rows, columns, all_rows = hidden
    if all_rows:
        raise FormError(
            "the sheet hides its rows (zero row height), so the values read would not be "
            "the ones shown; unhide all rows and check the values",
            file=file,
            sheet=sheet,
        ).speaks("form_rows_hidden")
    for ref, cell in grid.items():
        if cell.blank:
            continue
        row, column = int(ref[1:]), _READ_COLUMNS.index(ref[0]) + 1
        if row in rows or column in columns:
            what = f"row {row}" if row in rows else f"column {ref[0]}"
            what_da = f"række {row}" if row in rows else f"kolonne {ref[0]}"
            raise FormError(
                f"{what} is hidden, so the value read ({cell.shown}) is not shown; unhide it "
                "and check the value",
                file=file,
                sheet=sheet,
                cell=ref,
                value=cell.shown,
                expected="a value in a visible cell",
            ).speaks("form_cell_hidden", what=what, what_da=what_da, value=cell.shown)


def _form_sheet(wb: Any, file: str) -> str:
    """The one form sheet of the workbook, which must be visible."""
    names = [name for name in wb.sheetnames if name in SHEETS.values()]
    expected = " or ".join(f"'{s}'" for s in SHEETS.values())
    expected_da = " eller ".join(f"'{s}'" for s in SHEETS.values())
    if not names:
        have = ", ".join(repr(s) for s in wb.sheetnames)
        raise FormError(
            f"no sheet {expected}; the workbook has {have}: fill in the form written by "
            "'tco form' without renaming its sheet",
            file=file,
            expected=f"a sheet named {expected}",
        ).speaks("form_no_sheet", sheets=expected, sheets_da=expected_da, have=have)
    if len(names) > 1:
        raise FormError(
            f"both sheets {expected} are present; a form has one: delete the one that is "
            "not the bid",
            file=file,
            expected=f"one sheet named {expected}",
        ).speaks("form_two_sheets", sheets=expected, sheets_da=expected_da)
    state = wb[names[0]].sheet_state
    if state != "visible":
        raise FormError(
            f"the form's sheet is {state}, so the values read would not be the ones shown; "
            "unhide it (Format > Sheet > Unhide) and check its values",
            file=file,
            sheet=names[0],
            value=state,
            expected="a visible sheet",
        ).speaks("form_sheet_hidden", state=state)
    return str(names[0])


def _grid(ws: Any, file: str, sheet: str) -> dict[str, FormCell]:
    """The form's cells by reference, read as shown, up to :data:`MAX_FORM_ROWS` rows."""
    grid: dict[str, FormCell] = {}
    read = _READ_COLUMNS
    head = {MODEL_CELL, FORMAT_CELL}
    # max_row is given so that the sheet's <dimension> (which a file may state falsely) does
    # not decide which rows are read: Excel shows every row, and so every row is read.
    rows = ws.iter_rows(min_row=1, max_row=MAX_FORM_ROWS + 1, max_col=len(read))
    try:
        for number, row in enumerate(rows, start=1):
            if number > MAX_FORM_ROWS:
                raise FormLimitError(
                    f"the sheet has more than {MAX_FORM_ROWS} rows; a bid form has one row per "
                    "bid parameter: delete the rows below the form",
                    file=file,
                    sheet=sheet,
                    expected=f"at most {MAX_FORM_ROWS} rows",
                ).speaks("form_too_many_rows", cap_q=str(MAX_FORM_ROWS))
            for letter, cell in zip(read, row, strict=False):
                ref = f"{letter}{number}"
                if cell.value is None or (letter == "B" and ref not in head):
                    continue  # column B holds labels, except the model and the number convention
                grid[ref] = _shown(cell, ref, file, sheet)
    finally:
        rows.close()  # closes the sheet's stream in the archive now, also after an error
    return grid


def _shown(cell: Any, ref: str, file: str, sheet: str) -> FormCell:
    """What Excel shows in a cell, or a :class:`FormError` if that is not the value held."""
    value = cell.value
    fmt = str(cell.number_format or "General")

    def refuse(what: str, message_id: str, **params: object) -> FormError:
        return FormError(
            f"{what}; {_FIX}", file=file, sheet=sheet, cell=ref, value=value, expected=_FIX
        ).speaks(message_id, **params)

    if cell.data_type == "f":
        formula = str(value)[:40]
        raise refuse(
            f"holds a formula ({formula}), whose result is not read",
            "form_formula",
            formula=formula,
        )
    if cell.data_type == "e":
        raise refuse(f"holds the error value {value}", "form_error_value", value=value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = type(value).__name__
        raise refuse(
            f"holds a {kind} ({value}), not a number", "form_not_number", kind=kind, value=value
        )
    if isinstance(value, str):
        return FormCell(ref, value.strip())
    if not _PLAIN_FORMAT.match(fmt):
        raise refuse(
            f"has the number format '{fmt[:40]}', which shows {value} differently",
            "form_number_format",
            format=fmt[:40],
            value=value,
        )
    if fmt.endswith("%"):
        return FormCell(ref, float(Decimal(repr(float(value))) * 100), percent=True)
    return FormCell(ref, float(value))


def _form_data(grid: dict[str, FormCell], file: str, sheet: str, sha256: str) -> FormData:
    def at(ref: str) -> FormCell:
        return grid.get(ref, FormCell(ref))

    value = COLUMNS["value"]
    rows: dict[str, FormRow] = {}
    last = max((int(ref[1:]) for ref in grid), default=0)
    for r in range(HEAD_ROW + 1, last + 1):
        key = at(f"{COLUMNS['name']}{r}").shown
        if key is None or key == "":
            continue
        name = str(key) if isinstance(key, str) else f"{key:g}"
        if name in rows:
            raise FormError(
                f"the parameter '{name}' has two rows ({rows[name].value.cell} and "
                f"{value}{r}); delete one of them",
                file=file,
                sheet=sheet,
                cell=f"{COLUMNS['name']}{r}",
                field=name,
                value=name,
            ).speaks("form_two_rows", name=name, first=rows[name].value.cell, second=f"{value}{r}")
        rows[name] = FormRow(
            name=name,
            value=at(f"{value}{r}"),
            unit=at(f"{COLUMNS['unit']}{r}"),
            default=at(f"{COLUMNS['default']}{r}"),
        )
    return FormData(
        file=file,
        sheet=sheet,
        model=at(MODEL_CELL),
        convention=at(FORMAT_CELL),
        name=at(f"{value}{NAME_ROW}"),
        notes=at(f"{value}{NOTES_ROW}"),
        rows=rows,
        sha256=sha256,
    )
