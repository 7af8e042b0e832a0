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
   very hidden sheets are never read. A value in a hidden row or column is
   refused, except the parameters' ids in column A, which a Danish form hides:
   each row's visible label (column B) must then be the model's label of the
   id, so what the bidder and the buyer see is what is read.

The result is plain data: :class:`FormData` holds, per parameter row, the value
cell, the unit cell and the default cell as shown, with their cell references.
Reading the values as quantities (the number convention, units, defaults) is
done by :mod:`tco.spec.forms`, with the one value grammar.

The layout constants here are shared with the form writer
(:mod:`tco.views.form`), so the writer and the reader cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tco.errors import FormError
from tco.io.form_book import (
    CONTACT_CELL,
    DATE_CELL,
    FORMAT_CELL,
    MODEL_CELL,
    FormCell,
    read_sheets,
)
from tco.io.xlsx import FormLimitError, check_form_archive
from tco.locale import either

__all__ = [
    "COLUMNS",
    "CONTACT_CELL",
    "CONVENTIONS",
    "CVR_ROW",
    "DATE_CELL",
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
    "form_data",
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
#: Rows of the bid's name, its notes, and the head of the parameter table.
NAME_ROW, NOTES_ROW, HEAD_ROW = 5, 6, 8
#: Row of the bidder's CVR number (Danish company number, 8 digits), in the value column.
CVR_ROW = 7


@dataclass(frozen=True)
class FormRow:
    """One parameter row: its value, unit and default cells as shown, and its label.

    ``label`` is the row's visible label (column B), or ``None`` where it was
    not read; a form whose id column is hidden is read by the label it shows.
    """

    name: str
    value: FormCell
    unit: FormCell
    default: FormCell
    label: FormCell | None = None


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
    cvr : FormCell
        The bidder's CVR number (blank in a form written before it had one).
    contact, date : FormCell
        The bidder's contact person and the date of the bid (a date typed in
        Excel is read as ``YYYY-MM-DD``).
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
    cvr: FormCell = field(default_factory=lambda: FormCell(f"D{CVR_ROW}"))
    contact: FormCell = field(default_factory=lambda: FormCell(CONTACT_CELL))
    date: FormCell = field(default_factory=lambda: FormCell(DATE_CELL))


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
    sheets, sha256 = read_sheets(path, _form_sheet, keys_may_hide=True)
    sheet, grid = next(iter(sheets.items()))
    return form_data(grid, str(path), sheet, sha256)


def _form_sheet(states: dict[str, str], file: str) -> list[str]:
    """The one form sheet of the workbook, which must be visible."""
    names = [name for name in states if name in SHEETS.values()]
    expected = either([f"'{s}'" for s in SHEETS.values()])
    if not names:
        have = ", ".join(repr(s) for s in states)
        raise FormError(
            f"no sheet {expected}; the workbook has {have}: fill in the form written by "
            "'tco form' without renaming its sheet",
            file=file,
            expected=f"a sheet named {expected}",
        ).speaks("form_no_sheet", sheets=expected, have=have)
    if len(names) > 1:
        raise FormError(
            f"both sheets {expected} are present; a form has one: delete the one that is "
            "not the bid",
            file=file,
            expected=f"one sheet named {expected}",
        ).speaks("form_two_sheets", sheets=expected)
    state = states[names[0]]
    if state != "visible":
        raise FormError(
            f"the form's sheet is {state}, so the values read would not be the ones shown; "
            "unhide it (Format > Sheet > Unhide) and check its values",
            file=file,
            sheet=names[0],
            value=state,
            expected="a visible sheet",
        ).speaks("form_sheet_hidden", state=state)
    return [names[0]]


def form_data(grid: dict[str, FormCell], file: str, sheet: str, sha256: str) -> FormData:
    """The cells of one form sheet (:func:`tco.io.form_book.read_sheets`) as a :class:`FormData`.

    Reads the model and number convention cells, the bid's name and notes and
    one :class:`FormRow` per parameter named in column A below the head row.

    Raises
    ------
    FormError
        If a parameter has two rows.
    """

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
            label=at(f"{COLUMNS['label']}{r}"),
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
        cvr=at(f"{value}{CVR_ROW}"),
        contact=at(CONTACT_CELL),
        date=at(DATE_CELL),
    )
