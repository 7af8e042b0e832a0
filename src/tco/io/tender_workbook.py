"""Read a tender workbook (``.xlsx``) as the cells Excel shows, checked and capped.

A tender workbook (written by :mod:`tco.views.tender_workbook`) has three
sheets, named in English or Danish: the buyer's assumptions
(``Assumptions`` / ``Forudsætninger``), the bids (``Bids`` / ``Tilbud``: one
column per bid, one row per bid parameter) and a guide (``Guide`` /
``Vejledning``, not read). It is read like a supplier's bid form
(:mod:`tco.io.form_book`), since a workbook passes through many hands:

1. the archive is checked before any XML is parsed
   (:func:`tco.io.xlsx.check_form_archive`: size, members, ratio, entities);
2. cells are read as Excel shows them: a formula, an error value, a date or a
   number format that hides the number is refused with the cell named; a
   percent-formatted number is read as the percentage shown;
3. only visible sheets are read, and a value in a hidden row or column is
   refused; at most :data:`~tco.limits.MAX_FORM_ROWS` rows and
   :data:`~tco.limits.MAX_WORKBOOK_BIDS` bid columns are read.

The result is plain data (:class:`TenderBook`): the cells of the key, value
and unit columns of each sheet, by reference. Reading the values with the
value grammar is :mod:`tco.spec.tender_workbook`'s work. The layout constants
here are shared with the writer, so the two cannot disagree.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from tco.errors import FormError
from tco.io.form_book import (
    FormCell,
    cell_shown,
    column_number,
    label_cell,
    read_workbook,
    refuse_hidden,
)
from tco.io.xlsx import FormLimitError, check_form_archive
from tco.limits import MAX_FORM_ROWS, MAX_WORKBOOK_BIDS
from tco.locale import either

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The sheets by role and language.
SHEETS: dict[str, dict[str, str]] = {
    "guide": {"en": "Guide", "da": "Vejledning"},
    "assumptions": {"en": "Assumptions", "da": "Forudsætninger"},
    "bids": {"en": "Bids", "da": "Tilbud"},
}
#: Columns of the assumptions sheet: key, label, value, unit, default, source, range, description.
ASSUMPTION_COLUMNS = {
    "key": "A",
    "label": "B",
    "value": "C",
    "unit": "D",
    "default": "E",
    "source": "F",
    "range": "G",
    "description": "H",
}
#: Columns of the bids sheet before the bids: key, label, unit, if blank, range.
BID_COLUMNS = {"key": "A", "label": "B", "unit": "C", "default": "D", "range": "E"}
#: The first bid's column on the bids sheet (one column per bid from here on).
FIRST_BID_COLUMN = 6
#: The row of the column heads on both sheets; values start below it.
HEAD_ROW = 3
#: Rows of the bid's name and its notes on the bids sheet (parameters follow).
NAME_ROW, NOTES_ROW = 4, 5


@dataclass(frozen=True)
class TenderBook:
    """A tender workbook as plain data: what each read cell shows, and where.

    Attributes
    ----------
    file : str
        The workbook.
    assumptions_sheet, bids_sheet : str
        The names of the two sheets read.
    assumptions : dict of str to FormCell
        The key, value and unit cells of the assumptions sheet, by reference.
    bids : dict of str to FormCell
        The key and unit cells and every bid cell of the bids sheet, by reference.
    last_column : int
        The last bid column holding a value (1-based).
    sha256 : str
        The SHA-256 of the bytes read.
    """

    file: str
    assumptions_sheet: str
    bids_sheet: str
    assumptions: dict[str, FormCell] = field(default_factory=dict)
    bids: dict[str, FormCell] = field(default_factory=dict)
    last_column: int = FIRST_BID_COLUMN - 1
    sha256: str = ""

    def at(self, sheet: str, ref: str) -> FormCell:
        """The cell ``ref`` of the ``"assumptions"`` or ``"bids"`` sheet (blank if not read)."""
        grid = self.assumptions if sheet == "assumptions" else self.bids
        return grid.get(ref, FormCell(ref))


def _pick(states: dict[str, str], file: str) -> tuple[str, str]:
    """The assumptions and bids sheets, in one language, both visible."""
    picked = []
    for role in ("assumptions", "bids"):
        names = [n for n in SHEETS[role].values() if n in states]
        wanted = either([f"'{n}'" for n in SHEETS[role].values()])
        if len(names) != 1:
            have = ", ".join(repr(s) for s in states)
            raise FormError(
                f"expected one sheet {wanted}; the workbook has {have}: fill in the tender "
                "workbook written by 'tco workbook' without renaming its sheets",
                file=file,
                expected=f"a sheet named {wanted}",
            ).speaks("book_no_sheet", sheets=wanted, have=have)
        state = states[names[0]]
        if state != "visible":
            raise FormError(
                f"the sheet is {state}, so the values read would not be the ones shown; "
                "unhide it and check its values",
                file=file,
                sheet=names[0],
                value=state,
                expected="a visible sheet",
            ).speaks("book_sheet_hidden", state=state)
        picked.append(names[0])
    return picked[0], picked[1]


def read_tender_book(path: str | Path) -> TenderBook:
    """Read a tender workbook's cells as Excel shows them, checked and capped.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.

    Returns
    -------
    TenderBook

    Raises
    ------
    FormError
        Naming the file, the sheet and the cell: a file over a cap or not a
        workbook, a missing or hidden sheet, a formula, an error value, a date
        or a number format that hides the number, a value in a hidden row or
        column, more rows or bid columns than the caps.

    Examples
    --------
    >>> import tco, tempfile, pathlib
    >>> from tco.views.tender_workbook import write_tender_workbook
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> book = read_tender_book(write_tender_workbook(tco.load_model("indoor-lighting"), out))
    >>> book.assumptions_sheet, book.bids_sheet, book.at("assumptions", "C4").shown
    ('Assumptions', 'Bids', 'indoor-lighting')
    """
    file = str(path)
    content = check_form_archive(file)
    last = FIRST_BID_COLUMN - 1 + MAX_WORKBOOK_BIDS

    def read(wb: Any, states: dict[str, str]) -> tuple[str, str, Grid, Grid, dict[str, Any]]:
        a_name, b_name = _pick(states, file)
        cols = ASSUMPTION_COLUMNS
        a_read = {cols["key"], cols["label"], cols["value"], cols["unit"]}
        a_grid = _grid(wb[a_name], file, a_name, len(cols), a_read)
        b_read = {BID_COLUMNS["key"], BID_COLUMNS["label"], BID_COLUMNS["unit"]}
        b_read |= {get_column_letter(c) for c in range(FIRST_BID_COLUMN, last + 1)}
        b_grid = _grid(wb[b_name], file, b_name, last, b_read)
        members = {name: getattr(wb[name], "_worksheet_path", None) for name in (a_name, b_name)}
        return a_name, b_name, a_grid, b_grid, members

    a_name, b_name, a_grid, b_grid, members = read_workbook(
        file,
        content,
        read,
        "it",
        "a tender workbook (.xlsx) written by 'tco workbook' and filled in",
    )
    for name, grid in ((a_name, a_grid), (b_name, b_grid)):
        member = members[name]
        if member is None:  # pragma: no cover - openpyxl always names a sheet's file
            continue
        hidden, beyond = _scan_sheet(content, str(member), last)
        if beyond is not None and name == b_name:
            raise FormLimitError(
                f"a value in cell {beyond}: a tender workbook holds at most "
                f"{MAX_WORKBOOK_BIDS} bids (columns up to {get_column_letter(last)}); "
                "split the bids over several workbooks",
                file=file,
                sheet=name,
                cell=beyond,
                expected=f"at most {MAX_WORKBOOK_BIDS} bid columns",
            ).speaks("book_too_many_columns", cap_q=str(MAX_WORKBOOK_BIDS))
        # the ids (column A) are hidden; each row's visible label is checked against its id
        refuse_hidden(grid, hidden, file, name, keys_may_hide=True)
    used = [column_number(ref) for ref, c in b_grid.items() if not c.blank]
    return TenderBook(
        file=file,
        assumptions_sheet=a_name,
        bids_sheet=b_name,
        assumptions=a_grid,
        bids=b_grid,
        last_column=max([FIRST_BID_COLUMN - 1, *used]),
        sha256=hashlib.sha256(content).hexdigest(),
    )


#: A sheet's cells by reference, as shown.
Grid = dict[str, FormCell]


def get_column_letter(number: int) -> str:
    """The letters of the 1-based column ``number`` (``1`` is ``A``, ``27`` is ``AA``).

    Examples
    --------
    >>> get_column_letter(1), get_column_letter(26), get_column_letter(27)
    ('A', 'Z', 'AA')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _grid(ws: Any, file: str, sheet: str, max_col: int, read: set[str]) -> dict[str, FormCell]:
    """The sheet's cells in the columns ``read``, as shown, up to the row cap."""
    grid: dict[str, FormCell] = {}
    letters = [get_column_letter(c) for c in range(1, max_col + 1)]
    # max_row and max_col are given so that a sheet's stated <dimension> decides nothing.
    rows = ws.iter_rows(min_row=1, max_row=MAX_FORM_ROWS + 1, max_col=max_col)
    try:
        for number, row in enumerate(rows, start=1):
            if number > MAX_FORM_ROWS:
                raise FormLimitError(
                    f"the sheet has more than {MAX_FORM_ROWS} rows; a tender workbook has one "
                    "row per assumption or bid parameter: delete the rows below",
                    file=file,
                    sheet=sheet,
                    expected=f"at most {MAX_FORM_ROWS} rows",
                ).speaks("form_too_many_rows", cap_q=str(MAX_FORM_ROWS))
            for letter, cell in zip(letters, row, strict=False):
                if cell.value is None or letter not in read:
                    continue  # defaults, ranges and descriptions are tco's, not read
                ref = f"{letter}{number}"
                if letter == "B" and number > HEAD_ROW:
                    grid[ref] = label_cell(cell, ref)  # a label: text, checked against the id
                    continue
                grid[ref] = cell_shown(cell, ref, file, sheet)
    finally:
        rows.close()
    return grid


_TRUE = ("1", "true")


def _zero(size: str | None) -> bool:
    try:
        return size is not None and float(size) == 0.0
    except ValueError:
        return False


def _scan_sheet(
    content: bytes, member: str, max_col: int
) -> tuple[tuple[set[int], set[int], bool], str | None]:
    """The rows and columns a worksheet hides, and the first value beyond column ``max_col``.

    Read with a streaming parser from the archive checked by
    :func:`~tco.io.xlsx.check_form_archive` (no entities, bounded size and
    element count). Hidden columns are those up to ``max_col`` that are
    hidden or of zero width; hidden rows those hidden or of zero height.
    """
    rows: set[int] = set()
    columns: set[int] = set()
    all_rows = False
    beyond: str | None = None
    with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(member) as stream:
        for _, element in iterparse(stream, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            attrib = element.attrib
            if tag == "sheetFormatPr":
                all_rows = attrib.get("zeroHeight") in _TRUE
            elif tag == "col" and (attrib.get("hidden") in _TRUE or _zero(attrib.get("width"))):
                first, last = int(attrib.get("min", 1)), int(attrib.get("max", 1))
                columns.update(range(first, min(last, max_col) + 1))
            elif tag == "row" and "r" in attrib:
                if attrib.get("hidden") in _TRUE or (
                    attrib.get("customHeight") in _TRUE and _zero(attrib.get("ht"))
                ):
                    rows.add(int(attrib["r"]))
                element.clear()  # its cells are read: free them
            elif tag == "c" and beyond is None and len(element):
                ref = attrib.get("r", "")
                if ref and column_number(ref) > max_col:
                    beyond = ref
    return (rows, columns, all_rows), beyond
