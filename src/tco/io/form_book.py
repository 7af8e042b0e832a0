"""Read the sheets of a bid form workbook as the cells Excel shows, checked and capped.

:func:`read_sheets` does the work every bid form reader shares: it checks the
archive before any XML is parsed (:func:`tco.io.xlsx.check_form_archive`),
opens the workbook once with formulas visible, lets the caller pick the
sheets to read from their names and states (a hidden sheet is never read),
reads each picked sheet's cells as shown (at most
:data:`~tco.limits.MAX_FORM_ROWS` rows each) and refuses a value in a row or
column Excel hides. :mod:`tco.io.forms` (a tender's form) and
:mod:`tco.io.basket_forms` (a basket's, one sheet per line) pick their sheets.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from tco.errors import FormError
from tco.io.optional import require
from tco.io.xlsx import FormLimitError, check_form_archive, hidden_rows_and_columns
from tco.limits import MAX_FORM_ROWS
from tco.locale import word

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The cell holding the product model's id.
MODEL_CELL = "B2"
#: The cell holding the form's number convention (``da`` or ``en``).
FORMAT_CELL = "B4"
#: The cells of the bidder's contact and the form's date (beside the name and the notes).
CONTACT_CELL, DATE_CELL = "F5", "F6"
#: The columns read: parameter, label, unit, value, default, and the contact and date cells.
READ_COLUMNS = "ABCDEF"
# Number formats that show the number itself: General, text, digits with an
# optional thousands separator, decimals, exponent and percent sign.
_PLAIN_FORMAT = re.compile(r"^(General|@|(#,##)?0+(\.[0#]+)?(E\+0+)?%?)$", re.IGNORECASE)
_FIX = "type the number itself, in a cell formatted as General"

#: Picks the sheets to read from ``{name: state}`` (``visible``, ``hidden``, ...) and the file.
Pick = Callable[[dict[str, str], str], list[str]]
T = TypeVar("T")


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


def read_workbook(
    file: str, content: bytes, read: Callable[[Any, dict[str, str]], T], what: str, expected: str
) -> T:
    """Open a checked workbook's bytes with openpyxl, read it, and close it.

    Formulas stay formulas and external links are dropped (the workbook is read
    as written, never as last calculated); openpyxl's warnings about extensions
    it drops are silenced; anything openpyxl or defusedxml raise on a broken
    file becomes a :class:`~tco.errors.FormError` (:func:`not_a_workbook`).

    Parameters
    ----------
    file : str
        The file, for messages.
    content : bytes
        Its bytes, checked by :func:`tco.io.xlsx.check_form_archive`.
    read : callable
        Given the open workbook and ``{sheet name: state}`` in its order,
        returns what the caller reads of it.
    what, expected : str
        As :func:`not_a_workbook` words them.
    """
    openpyxl = require("openpyxl", "excel")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
        try:
            wb = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=False, keep_links=False
            )
            try:
                return read(wb, {name: str(wb[name].sheet_state) for name in wb.sheetnames})
            finally:
                wb.close()
        except FormError:
            raise
        except Exception as exc:  # openpyxl and defusedxml raise many kinds
            raise not_a_workbook(exc, file, what, expected) from None


def read_sheets(
    path: str | Path, pick: Pick, *, keys_may_hide: bool = False
) -> tuple[dict[str, dict[str, FormCell]], str]:
    """The cells of the picked sheets of a bid form, as shown, and the SHA-256 of its bytes.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.
    pick : callable
        Given ``{sheet name: state}`` in the workbook's order and the file
        name, returns the sheets to read or raises a
        :class:`~tco.errors.FormError`.
    keys_may_hide : bool
        Column A (the parameters' ids) may be hidden: a Danish bid form hides
        it, and its reader checks each row's visible label in column B against
        the model's label of the id (:func:`tco.spec.forms.form_bid`).

    Returns
    -------
    sheets : dict of str to dict of str to FormCell
        Per picked sheet, its cells by reference (``"D10"``), blank cells left out.
    sha256 : str

    Raises
    ------
    FormError
        Naming the file, the sheet and the cell: a file over a cap or not a
        workbook, a formula, an error value, a date or a number format that
        hides the number, a value in a hidden row or column.
    """
    file = str(path)
    content = check_form_archive(file)

    def read(wb: Any, states: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
        picked = pick(states, file)
        grids = {name: _grid(wb[name], file, name) for name in picked}
        return grids, {name: getattr(wb[name], "_worksheet_path", None) for name in picked}

    grids, members = read_workbook(
        file, content, read, "the form", "a bid form (.xlsx) written by 'tco form' and filled in"
    )
    for name, member in members.items():
        if member is not None:
            hidden = hidden_rows_and_columns(content, str(member))
            refuse_hidden(grids[name], hidden, file, name, keys_may_hide=keys_may_hide)
    return grids, hashlib.sha256(content).hexdigest()


def not_a_workbook(exc: BaseException, file: str, what: str, expected: str) -> FormError:
    """The error for a file openpyxl cannot read as a workbook, naming the deepest cause.

    Parameters
    ----------
    exc : BaseException
        What openpyxl or defusedxml raised.
    file : str
        The file.
    what : str
        What to save again in Excel (``"the form"``).
    expected : str
        What the file should be.
    """
    root: BaseException = exc
    while root.__cause__ or root.__context__:
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    why = " ".join(str(root).split())[:200]
    return FormError(
        f"cannot be read as an Excel workbook ({type(root).__name__}: {why}); "
        f"save {what} in Excel as 'Excel Workbook (.xlsx)'",
        file=file,
        expected=expected,
    ).speaks("form_not_workbook", reason=f"{type(root).__name__}: {why}")


def column_number(ref: str) -> int:
    """The number of a cell reference's column: ``A1`` is 1, ``AA7`` is 27."""
    number = 0
    for char in ref.rstrip("0123456789"):
        number = number * 26 + ord(char) - 64
    return number


def refuse_hidden(
    grid: dict[str, FormCell],
    hidden: tuple[set[int], set[int], bool],
    file: str,
    sheet: str,
    *,
    keys_may_hide: bool = False,
) -> None:
    """Refuse a value read from a row or column Excel hides (bid forms and tender workbooks).

    With ``keys_may_hide``, column A (a bid form's parameter ids, checked
    against the visible labels) may be hidden; its rows may not.
    """
    rows, columns, all_rows = hidden
    if keys_may_hide:
        columns = columns - {1}
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
        letters = ref.rstrip("0123456789")
        row, column = int(ref[len(letters) :]), column_number(ref)
        if row in rows or column in columns:
            what = (
                word("form place", "row {row}", row=row)
                if row in rows
                else word("form place", "column {letters}", letters=letters)
            )
            raise FormError(
                f"{what} is hidden, so the value read ({cell.shown}) is not shown; unhide it "
                "and check the value",
                file=file,
                sheet=sheet,
                cell=ref,
                value=cell.shown,
                expected="a value in a visible cell",
            ).speaks("form_cell_hidden", what=what, value=cell.shown)


def _grid(ws: Any, file: str, sheet: str) -> dict[str, FormCell]:
    """The form's cells by reference, read as shown, up to :data:`MAX_FORM_ROWS` rows."""
    grid: dict[str, FormCell] = {}
    read = READ_COLUMNS
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
                if cell.value is None or (letter == "F" and ref not in (CONTACT_CELL, DATE_CELL)):
                    continue  # column F holds ranges, except the contact and the date
                if ref == DATE_CELL and isinstance(cell.value, (datetime.date, datetime.datetime)):
                    grid[ref] = FormCell(ref, cell.value.strftime("%Y-%m-%d"))  # a date typed
                    continue
                if letter == "B" and ref not in head:
                    # column B holds labels: text, read to check a row's label against its id
                    grid[ref] = label_cell(cell, ref)
                    continue
                grid[ref] = _shown(cell, ref, file, sheet)
    finally:
        rows.close()  # closes the sheet's stream in the archive now, also after an error
    return grid


def label_cell(cell: Any, ref: str) -> FormCell:
    """A label cell as text (a formula's text is not a label, and matches none)."""
    value = cell.value
    if cell.data_type == "f":
        return FormCell(ref, f"formula {str(value)[:40]}")
    return FormCell(ref, str(value).strip() if isinstance(value, str) else str(value))


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


#: What Excel shows in a cell, or a :class:`FormError` (for the tender workbook's reader too).
cell_shown = _shown
