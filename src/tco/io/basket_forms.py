"""Read a basket's filled bid form: a front sheet and one sheet per line.

A basket's bid form is one workbook: the front sheet (``Basket``, ``Kurv`` in
a Danish form) holds the bidder's name and notes and lists the lines; each
line has a sheet of its own laid out as a tender's form (:mod:`tco.io.forms`:
model in ``B2``, number convention in ``B4``, one row per bid parameter of
the line's model). The sheets are named after the lines
(:func:`line_sheet_names`, shared with the writer :mod:`tco.views.basket_form`),
and read with the same checks as a tender's form
(:func:`tco.io.form_book.read_sheets`): caps before parsing, cells as shown,
formulas refused, hidden sheets, rows and columns never read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from tco.errors import FormError
from tco.io.form_book import Pick, read_sheets
from tco.io.forms import SHEETS, FormData, form_data
from tco.locale import either

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The front sheet of a basket's form, by the form's language.
BASKET_SHEETS = {"en": "Basket", "da": "Kurv"}
#: Longest sheet name Excel accepts. [characters]
SHEET_NAME_LENGTH = 31
# Characters Excel does not allow in a sheet name.
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def line_sheet_names(lines: Sequence[str]) -> list[str]:
    """The sheet of each line: its name as Excel allows it, unique, not a front sheet's.

    Characters Excel refuses become ``_``; a name is cut at 31 characters; a
    name taken already (ignoring case, as Excel does) is numbered.

    Examples
    --------
    >>> line_sheet_names(["A4 devices", "A3/A4 devices", "basket", "a4 DEVICES"])
    ['A4 devices', 'A3_A4 devices', '3 basket', '4 a4 DEVICES']
    """
    taken = {s.casefold() for s in (*BASKET_SHEETS.values(), *SHEETS.values())}
    out: list[str] = []
    for j, line in enumerate(lines, start=1):
        base = _NOT_IN_SHEET_NAME.sub("_", line).strip().strip("'") or f"line {j}"
        name = base[:SHEET_NAME_LENGTH]
        k = j
        while name.casefold() in taken:
            name = f"{k} {base}"[:SHEET_NAME_LENGTH]
            k += 1000
        taken.add(name.casefold())
        out.append(name)
    return out


def _picker(lines: Sequence[str]) -> tuple[list[str], Pick]:
    sheets = line_sheet_names(lines)

    def pick(states: dict[str, str], file: str) -> list[str]:
        have = ", ".join(repr(s) for s in states)
        fronts = [name for name in states if name in BASKET_SHEETS.values()]
        expected = either([f"'{s}'" for s in BASKET_SHEETS.values()])
        if len(fronts) != 1:
            raise FormError(
                (f"no sheet {expected}" if not fronts else f"both sheets {expected} are present")
                + f"; the workbook has {have}: fill in the basket's form written by "
                "'tco form' without renaming or adding its sheets",
                file=file,
                expected=f"one sheet named {expected}",
            ).speaks("form_no_basket_sheet", sheets=expected, have=have)
        for line, sheet in zip(lines, sheets, strict=True):
            if sheet not in states:
                shown = repr(line)  # the buyer's text: a newline in it stays on this line
                raise FormError(
                    f"no sheet '{sheet}' for the line {shown}; the workbook has {have}: fill "
                    "in the basket's form written by 'tco form' without renaming its sheets",
                    file=file,
                    sheet=sheet,
                    expected=f"a sheet named '{sheet}'",
                ).speaks("form_no_line_sheet", sheet=sheet, line=shown, have=have)
        for sheet in (fronts[0], *sheets):
            if states[sheet] != "visible":
                raise FormError(
                    f"the form's sheet is {states[sheet]}, so the values read would not be "
                    "the ones shown; unhide it (Format > Sheet > Unhide) and check its values",
                    file=file,
                    sheet=sheet,
                    value=states[sheet],
                    expected="a visible sheet",
                ).speaks("form_sheet_hidden", state=states[sheet])
        return [fronts[0], *sheets]

    return sheets, pick


def read_basket_form_data(
    path: str | Path, lines: Sequence[str]
) -> tuple[FormData, dict[str, FormData]]:
    """Read a basket's filled form: the front sheet and each line's sheet, as shown.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.
    lines : sequence of str
        The basket's line names, in order.

    Returns
    -------
    front : FormData
        The front sheet: the bid's name and notes, the number convention.
    by_line : dict of str to FormData
        Each line's sheet, by line name.

    Raises
    ------
    FormError
        Naming the file, the sheet and the cell (see
        :func:`tco.io.form_book.read_sheets`); a missing, renamed or hidden
        sheet is named with the sheets the workbook has.
    """
    sheets, pick = _picker(lines)
    grids, sha256 = read_sheets(path, pick)
    file = str(path)
    names = list(grids)
    front = form_data(grids[names[0]], file, names[0], sha256)
    by_line = {
        line: form_data(grids[sheet], file, sheet, sha256)
        for line, sheet in zip(lines, sheets, strict=True)
    }
    return front, by_line
