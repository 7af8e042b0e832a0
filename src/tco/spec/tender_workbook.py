"""Turn a tender workbook, read as plain cells, into a tender mapping.

:func:`tco.io.tender_workbook.read_tender_book` reads what each cell shows;
this module reads those cells as a tender with the value grammar, in the
number convention the workbook states (the row ``assumptions.number_format``
on the assumptions sheet: ``da`` reads ``1.450,50``, ``en`` reads
``1,450.50``):

- column A names the field (``assumptions.discount_rate``,
  ``assumptions.escalation.electricity``, ``parameters.operating_hours``,
  ``model``, ``title``, ...); on the bids sheet, one row per bid parameter
  and one column per bid;
- a number cell is a number in the unit of the row's unit cell; a
  percent-formatted number is the percentage shown;
- a text cell is read with the value grammar (``"1.450,50 kr."``,
  ``"0,032 kW"``); a bare number takes the row's unit; values of a year-by-year
  path are separated by ``;``; ``basis: NAME`` takes a value from the tender's
  basis; words (``lifetime``, ``real``, ``DKK``) stay words, for the tender's
  own checks;
- under ``en``, a text number that reads differently in Danish (``1.450``) is
  refused with both readings: a Danish buyer's thousands mark is not taken for
  a decimal point;
- a blank value takes the model's default; supplier text (bid names, notes)
  is text.

The mapping's values are in plain numbers (``1450.5 DKK``, never ambiguous), so
it states no ``number_format``: the convention was the workbook's, for reading
its cells.
:meth:`WorkbookTender.relocate` points an error about a field of the tender
(``bids[1].power``) at the cell it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tco.errors import ErrorList, FormError, SpecError, SpecErrors, format_path
from tco.io.form_book import FormCell
from tco.io.tender_workbook import (
    ASSUMPTION_COLUMNS,
    BID_COLUMNS,
    FIRST_BID_COLUMN,
    HEAD_ROW,
    NAME_ROW,
    NOTES_ROW,
    TenderBook,
    get_column_letter,
    read_tender_book,
)
from tco.units import canonical_value, plain_number

if TYPE_CHECKING:
    from tco.spec.product import ProductModel

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The keys of the tender's own text fields, at the top of the assumptions sheet.
HEAD_KEYS = ("model", "title", "description", "basis")
#: The unit each assumption is shown in (``{cur}``: the tender's currency); others have none.
FIELD_UNITS: dict[str, str] = {
    "discount_rate": "%",
    "inflation": "%",
    "period": "year",
    "escalation": "%/year",
    "co2_price": "{cur}/t",
    "emission_prices": "{cur}/kg",
}
_BASIS = re.compile(r"^basis\s*:\s*([A-Za-z0-9_.-]+)$")
_TRUE = {"true", "yes", "ja", "sand"}
_FALSE = {"false", "no", "nej", "falsk"}
_Path = tuple[str | int, ...]
#: The languages a tender workbook is written in; the label of a row may be in either.
_LANGS = ("en", "da")
_HEAD_WORDS = {
    "model": "model",
    "title": "tender title",
    "description": "tender description",
    "basis": "basis",
    "assumptions.number_format": "number_format",
}


def row_label(model: ProductModel, key: str, lang: str) -> str | None:
    """The label a tender workbook writes in column B beside the (hidden) id ``key``.

    ``key`` is a row's id: ``model``, ``assumptions.discount_rate``,
    ``assumptions.escalation.electricity``, ``parameters.NAME`` on the
    assumptions sheet, a bid parameter's name on the bids sheet. ``None`` for
    an id the workbook does not write (the tender's checks refuse it).

    Examples
    --------
    >>> import tco
    >>> m = tco.load_model("indoor-lighting")
    >>> row_label(m, "power", "da"), row_label(m, "assumptions.discount_rate", "en")
    ('Effekt', 'Discount rate')
    """
    from tco.locale import keyed, section
    from tco.spec.schema import AssumptionsSpec

    words = section("tender workbook.", lang)
    if key in _HEAD_WORDS:
        return words[_HEAD_WORDS[key]]
    parts = key.split(".")
    if parts[0] == "assumptions" and len(parts) == 3:  # a mapping's key: escalation.electricity
        if not isinstance(AssumptionsSpec().model_dump().get(parts[1]), dict):
            return None
        return words.get(parts[1], parts[1]).format(group=parts[2])
    if parts[0] == "assumptions" and len(parts) == 2:
        return keyed(f"tender workbook field.{parts[1]}", lang) or parts[1]
    name = parts[1] if parts[0] == "parameters" and len(parts) == 2 else key
    p = model.parameters.get(name)
    if p is None or (p.spec.bid != (name == key)):
        return None  # not a row of this model's workbook
    return p.spec.label.get(lang) if p.spec.label else name


def label_errors(book: WorkbookTender, model: ProductModel) -> list[FormError]:
    """The rows whose visible label is not the label of their (hidden) id, as errors at the label.

    A tender workbook hides its ids (column A): what the buyer reads is the
    label in column B, so a row is read only where its label is its id's (in
    English or Danish, or the id itself). A row whose id was changed or
    swapped with another's is refused at its label's cell.
    """
    out: list[FormError] = []
    for (sheet, key), cell in book.labels.items():
        labels = [row_label(model, key, lang) for lang in _LANGS]
        if labels[0] is None or cell.shown in (key, *labels):
            continue  # an id the workbook does not write is the tender's checks' to refuse
        label = "" if cell.blank else str(cell.shown)
        expected = labels[1] if sheet in ("Forudsætninger", "Tilbud") else labels[0]
        err = FormError(
            f"the row's label '{label}' is not the label of {key} ('{expected}'); the row was "
            "changed: fill in the tender workbook written by 'tco workbook' without changing "
            "its labels or its hidden column A",
            file=book.file,
            sheet=sheet,
            cell=cell.cell,
            field=key,
            value=label,
            expected=f"the label '{expected}'",
        ).speaks("book_label_changed", label=label, key=key, expected=expected)
        out.append(err)
    return out


@dataclass(frozen=True)
class WorkbookTender:
    """A tender read from a workbook: the mapping, and the cell of each field.

    Attributes
    ----------
    file : str
    data : dict
        The tender as a mapping, as a tender YAML file would hold it.
    cells : dict of tuple to (str, str)
        Field path (``("bids", 1, "power")``) -> (sheet, cell).
    sha256 : str
        The SHA-256 of the workbook's bytes.
    labels : dict of (str, str) to FormCell
        (sheet, each row's id in column A, hidden) -> its visible label cell in
        column B, checked against the model by :func:`label_errors`.
    """

    file: str
    data: dict[str, Any]
    cells: dict[_Path, tuple[str, str]] = field(default_factory=dict)
    sha256: str = ""
    labels: dict[tuple[str, str], FormCell] = field(default_factory=dict)

    def relocate(self, err: SpecError) -> SpecError:
        """An error about a field of the tender, pointed at the workbook cell it came from.

        A :class:`~tco.errors.SpecErrors` has each of its errors relocated; an
        error already naming a sheet, or about no field read from a cell, is
        returned as it is.
        """
        if isinstance(err, SpecErrors):
            return SpecErrors([self.relocate(e) for e in err.errors])
        if isinstance(err, FormError) or (err.file not in (None, self.file)):
            return err
        path = tuple(err.path)
        for n in range(len(path), 0, -1):
            where = self.cells.get(path[:n])
            if where is not None:
                out = FormError(
                    err.reason,
                    file=self.file,
                    sheet=where[0],
                    cell=where[1],
                    field=format_path(path),
                    value=err.value,
                    expected=err.expected,
                )
                if err.message_id is not None:
                    out.speaks(err.message_id, **err.params)
                return out
        return err


class _Reader:
    """Reads the cells of one workbook as a tender, collecting every problem."""

    def __init__(self, book: TenderBook) -> None:
        self.book = book
        self.errors = ErrorList()
        self.cells: dict[_Path, tuple[str, str]] = {}
        self.convention = "en"
        self.labels: dict[tuple[str, str], FormCell] = {}

    def fail(
        self,
        sheet: str,
        cell: str,
        key: str,
        message: str,
        value: Any,
        says: tuple[str | None, dict[str, Any]],
        expected: str | None = None,
    ) -> None:
        """Record a problem at ``cell``; ``says``: the message's id and params, if catalogued."""
        err = FormError(
            message,
            file=self.book.file,
            sheet=sheet,
            cell=cell,
            field=key,
            value=value,
            expected=expected or "a value as the workbook's guide describes it",
        )
        if says[0] is not None:
            err.speaks(says[0], **says[1])
        self.errors.add(err)

    # -- one value ---------------------------------------------------------------------
    def value(self, sheet: str, key: str, value: FormCell, unit: FormCell) -> Any:
        """The value of one cell (see :meth:`read`); a grammar error is reported at the cell."""
        try:
            return self.read(sheet, key, value, unit)
        except SpecError as err:
            shown = value.shown if value.shown is not None else ""
            said = (err.message_id, dict(err.params))
            self.fail(sheet, value.cell, key, err.reason, shown, said, err.expected)
            return None

    def read(self, sheet: str, key: str, value: FormCell, unit: FormCell) -> Any:
        """The value of one cell as a tender holds it, or ``None`` after an error.

        A number cell gives ``"<number> <unit>"`` (a bare number without a unit);
        a text cell is read with the value grammar in the workbook's convention.
        """
        unit_text = "" if unit.blank else str(unit.shown)
        if isinstance(unit.shown, float):
            unit_text = plain_number(unit.shown)
        shown = value.shown
        if value.percent:
            assert isinstance(shown, float)
            if unit_text and not unit_text.startswith("%"):
                self.fail(
                    sheet,
                    value.cell,
                    key,
                    f"shown as {plain_number(shown)}% but the unit cell {unit.cell} says "
                    f"'{unit_text}'; format the cell as General and type the number in "
                    f"{unit_text}",
                    f"{plain_number(shown)}%",
                    (
                        "form_percent_unit",
                        {"shown": plain_number(shown), "cell": unit.cell, "unit": unit_text},
                    ),
                    f"a number in {unit_text}",
                )
                return None
            return self.written(f"{plain_number(shown)} {unit_text or '%'}")
        if isinstance(shown, float):
            if not unit_text:
                return _bare(plain_number(shown))
            return self.written(f"{plain_number(shown)} {unit_text}")
        text = str(shown)
        if ";" in text:
            parts = [p.strip() for p in text.split(";")]
            out = [self.text(sheet, key, value.cell, p, unit_text) for p in parts if p]
            return None if any(o is None for o in out) else out
        return self.text(sheet, key, value.cell, text, unit_text)

    def text(self, sheet: str, key: str, cell: str, text: str, unit_text: str) -> Any:
        """One value typed as text: a basis reference, a word, or a number with a unit."""
        basis = _BASIS.match(text)
        if basis:
            return {"basis": basis.group(1)}
        low = text.lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
        if not any(ch.isdigit() for ch in text):
            return text  # a word (lifetime, real, DKK, award): the tender checks it
        if self.convention == "en":
            try:
                canonical_value(text, convention=None)
            except SpecError as err:
                if err.message_id == "units.ambiguous" and "." in str(err.params.get("number")):
                    # A Danish thousands mark in an English workbook: refuse, with both readings.
                    self.fail(
                        sheet,
                        cell,
                        key,
                        f"{err.reason}; the workbook states 'en' (cell of "
                        "assumptions.number_format), so type the number as a number",
                        text,
                        (err.message_id, dict(err.params)),
                        "the number typed as a number, or in the number format 'en'",
                    )
                    return None
        try:
            plain = canonical_value(text, convention=self.convention)
        except SpecError as err:
            self.fail(
                sheet,
                cell,
                key,
                err.reason.replace("the tender's number format", "the workbook's number format"),
                text,
                (err.message_id, dict(err.params)),
                err.expected or f"a number with a unit, in the number format '{self.convention}'",
            )
            return None
        plain = str(plain).strip()
        if " " not in plain:
            if unit_text:
                plain = f"{plain} {unit_text}"  # a bare number takes the row's unit
            else:
                return _bare(plain)
        return self.written(plain)

    def written(self, plain: str) -> str:
        """A value in plain numbers (``1450.5 DKK``, ``1.2340 kW``), which every tender reads alike.

        Plain numbers hold no thousands mark and a fourth decimal where three
        would be ambiguous (:func:`~tco.units.plain_number`), so the tender needs
        no stated number format to read them, and a value its bases give
        (written in plain numbers too) reads the same.
        """
        return str(canonical_value(plain, convention=None))

    def place(self, path: _Path, sheet: str, cell: str) -> None:
        self.cells[path] = (sheet, cell)


def _bare(plain: str) -> int | float | str:
    """A bare plain number as a number (an integer where it is one), as YAML reads ``200``.

    Examples
    --------
    >>> _bare("200"), _bare("0.5"), _bare("1e400")
    (200, 0.5, '1e400')
    """
    try:
        x = float(plain)
    except ValueError:  # pragma: no cover - the grammar wrote it
        return plain
    if x != x or x in (float("inf"), float("-inf")):
        return plain  # the tender's check refuses it, quoting it
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def _set(data: dict[str, Any], path: _Path, value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node.setdefault(str(part), {})
    node[str(path[-1])] = value


def tender_from_book(book: TenderBook) -> WorkbookTender:
    """The tender a workbook's cells hold (see the module's text).

    Raises
    ------
    FormError
        Naming the file, the sheet, the cell and the field (a
        :class:`~tco.errors.SpecErrors` of them when there are several).
    """
    reader = _Reader(book)
    cols = ASSUMPTION_COLUMNS
    a_sheet = book.assumptions_sheet
    rows: list[tuple[str, FormCell, FormCell, int]] = []
    last = max((int(ref.lstrip("ABCDEFGH")) for ref in book.assumptions), default=0)
    seen: dict[str, str] = {}
    for r in range(HEAD_ROW + 1, last + 1):
        key_cell = book.at("assumptions", f"{cols['key']}{r}")
        if key_cell.blank:
            continue
        key = str(key_cell.shown) if isinstance(key_cell.shown, str) else f"{key_cell.shown:g}"
        if key in seen:
            reader.fail(
                a_sheet,
                key_cell.cell,
                key,
                f"'{key}' has two rows ({seen[key]} and {key_cell.cell}); delete one of them",
                key,
                ("form_two_rows", {"name": key, "first": seen[key], "second": key_cell.cell}),
                "one row per field",
            )
            continue
        seen[key] = key_cell.cell
        reader.labels[(a_sheet, key)] = book.at("assumptions", f"{cols['label']}{r}")
        value = book.at("assumptions", f"{cols['value']}{r}")
        unit = book.at("assumptions", f"{cols['unit']}{r}")
        rows.append((key, value, unit, r))
    # The number convention first: every other value is read in it.
    for key, value, _, _ in rows:
        if key == "assumptions.number_format" and not value.blank:
            conv = str(value.shown).strip().lower()
            if conv in ("da", "en"):
                reader.convention = conv
            else:
                reader.fail(
                    a_sheet,
                    value.cell,
                    key,
                    f"got '{value.shown}', expected the number convention 'da' (1.450,50) "
                    "or 'en' (1,450.50)",
                    value.shown,
                    ("book_bad_format", {"conv": value.shown}),
                    "da or en",
                )
    data: dict[str, Any] = {}
    for key, value, unit, _ in rows:
        path: _Path = tuple(key.split("."))
        reader.place(path, a_sheet, value.cell if not value.blank else f"A{value.cell[1:]}")
        if key == "assumptions.number_format":
            continue  # the convention the cells are read in; the values read are plain
        if value.blank:
            continue
        if key in HEAD_KEYS:
            shown = value.shown
            text = shown if isinstance(shown, str) else plain_number(float(shown or 0))
            if key == "basis" and "," in text:
                _set(data, path, [b.strip() for b in text.split(",") if b.strip()])
            else:
                _set(data, path, text)
            continue
        read = reader.value(a_sheet, key, value, unit)
        if read is not None:
            _set(data, path, read)
    data["bids"] = _bids(reader, book)
    reader.errors.raise_if_any()
    return WorkbookTender(
        file=book.file, data=data, cells=reader.cells, sha256=book.sha256, labels=reader.labels
    )


def _bids(reader: _Reader, book: TenderBook) -> list[dict[str, Any]]:
    """One bid per bid column holding a value, in column order."""
    sheet = book.bids_sheet
    key_col, unit_col = BID_COLUMNS["key"], BID_COLUMNS["unit"]
    last = max((int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for ref in book.bids), default=0)
    params: list[tuple[str, int]] = []
    for r in range(NOTES_ROW + 1, last + 1):
        head = book.at("bids", f"{key_col}{r}")
        if not head.blank:
            shown = head.shown
            key = shown if isinstance(shown, str) else f"{shown:g}"
            params.append((key, r))
            reader.labels[(sheet, key)] = book.at("bids", f"{BID_COLUMNS['label']}{r}")
    bids: list[dict[str, Any]] = []
    for c in range(FIRST_BID_COLUMN, book.last_column + 1):
        col = get_column_letter(c)
        cells = [book.at("bids", f"{col}{r}") for r in range(NAME_ROW, last + 1)]
        if all(cell.blank for cell in cells):
            continue  # an empty column: no bid
        i = len(bids)
        bid: dict[str, Any] = {}
        name = book.at("bids", f"{col}{NAME_ROW}")
        reader.place(("bids", i), sheet, name.cell)
        reader.place(("bids", i, "name"), sheet, name.cell)
        if name.blank:
            reader.fail(
                sheet,
                name.cell,
                "name",
                "the bid's name is missing; fill it in",
                None,
                ("form_no_name", {}),
                "the bidder's name",
            )
        else:
            shown = name.shown
            bid["name"] = shown if isinstance(shown, str) else plain_number(float(shown or 0))
        notes = book.at("bids", f"{col}{NOTES_ROW}")
        if not notes.blank:
            shown = notes.shown
            bid["notes"] = shown if isinstance(shown, str) else plain_number(float(shown or 0))
            reader.place(("bids", i, "notes"), sheet, notes.cell)
        for key, r in params:
            value = book.at("bids", f"{col}{r}")
            reader.place(("bids", i, key), sheet, value.cell)
            if value.blank:
                continue  # the model's default
            read = reader.value(sheet, key, value, book.at("bids", f"{unit_col}{r}"))
            if read is not None:
                bid[key] = read
        bids.append(bid)
    return bids


def read_tender_workbook(path: str) -> WorkbookTender:
    """Read a tender workbook (``.xlsx``) as a tender mapping, safely.

    Reads the cells as Excel shows them (:func:`tco.io.tender_workbook.read_tender_book`)
    and then the values with the value grammar (:func:`tender_from_book`).

    Raises
    ------
    FormError
        Naming the file, the sheet and the cell of each problem.

    Examples
    --------
    >>> import tco, tempfile, pathlib
    >>> from tco.views.tender_workbook import write_tender_workbook
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> book = read_tender_workbook(str(write_tender_workbook(t, out, lang="da")))
    >>> book.data["assumptions"]["discount_rate"], book.data["bids"][0]["price"]
    ('4 %', '1450 DKK')
    """
    return tender_from_book(read_tender_book(path))
