"""Turn a filled bid form, read as plain cells, into a bid of a product model.

:func:`tco.io.forms.read_form_data` reads what each cell of a form shows;
this module reads those cells as values with the value grammar and the
form's own number convention:

- a number cell is a number in the unit shown in the row's unit cell; a
  percent-formatted number is the percentage shown (``60%`` is 60 %);
- a text cell (``"1.450,50"``, ``"60 %"``, ``"0,032 kW"``) is read with the
  form's number convention (cell ``B4``: ``da`` or ``en``); without one, a
  number that reads differently in the two (``1.450``) is refused with both
  readings;
- a unit cell changed by the supplier (``kW`` for ``W``) is honoured, or
  refused when it is not a unit of the same kind (``kg`` for a power);
- a blank value cell takes the default the form shows beside it, and is an
  error when the form shows none (a required parameter).

Every problem is a :class:`~tco.errors.FormError` naming the file, the sheet,
the cell and the parameter, the value and what was expected.
"""

from __future__ import annotations

from typing import Any

from tco.errors import ErrorList, FormError, SpecError, suggest, suggest_name
from tco.io.forms import FormCell, FormData
from tco.spec.form_format import front_format, sheet_format
from tco.spec.form_text import (
    FormBid,
    for_form,
    in_number_format,
    shown_text,
    stated_number_format,
)
from tco.spec.product import ProductModel
from tco.units import (
    canonical_value,
    currencies_of,
    parse_unit,
    parse_value,
    plain_number,
)
from tco.units.registry import names_of

__all__ = [
    "FormBid",
    "form_bid",
    "front_format",
    "in_number_format",
    "shown_text",
    "stated_number_format",
]


class _Reader:
    """Reads the cells of one form as a bid of one model, collecting every problem."""

    def __init__(
        self,
        data: FormData,
        model: ProductModel,
        tender_format: str | None,
        front: tuple[str, str] | None = None,
    ) -> None:
        self.data = data
        self.model = model
        self.errors = ErrorList()
        self.tender_format = tender_format
        self.front = front
        self.convention: str | None = tender_format or (front[1] if front else None)

    def fail(
        self,
        message: str,
        cell: str | None,
        name: str | None = None,
        value: Any = None,
        *,
        like: SpecError | None = None,
        says: tuple[str, dict[str, Any]] | None = None,
        **kw: Any,
    ) -> None:
        """Record a problem at ``cell``.

        ``like``: the error whose message this rewords; ``says``: the message's id
        and params (:meth:`~tco.errors.TCOError.speaks`).
        """
        err = FormError(
            message,
            file=self.data.file,
            sheet=self.data.sheet,
            cell=cell,
            field=name,
            value=value,
            **kw,
        )
        if like is not None and like.message_id is not None:
            err.speaks(like.message_id, **{**like.params, "value": value})
        if says is not None:
            err.speaks(says[0], **says[1])
        self.errors.add(err)

    def head(self) -> None:
        """Check the form's model (``B2``) and number convention (``B4``)."""
        d, model = self.data, self.model
        form_model = str(d.model.shown or "")
        if form_model != model.id:
            self.fail(
                f"the form is for model '{form_model}', but the tender uses '{model.id}'; "
                f"fill in a form written by 'tco form' for this tender",
                d.model.cell,
                "model",
                form_model,
                expected=model.id,
                says=("form_other_model", {"form_model": form_model, "model": model.id}),
            )
        self.head_format()

    def head_format(self) -> None:
        """Check the number convention the sheet states (``B4``) and take it."""
        try:
            self.convention = sheet_format(self.data, self.tender_format, self.front)
        except FormError as err:
            self.errors.add(err)

    def quantity(self, name: str, value: FormCell, unit: FormCell) -> str | None:
        """The value of one parameter as plain text with its unit, or None after an error.

        The value is composed as Excel shows it (the number, and the unit cell's
        unit when the number has none) and read with the value grammar in the
        form's number convention; the result is written back in plain numbers
        (:func:`~tco.units.canonical_value`), which every tender reads the same.
        """
        p = self.model.parameters[name]
        written = p.unit_text
        unit_text = "" if unit.blank else str(unit.shown)
        if isinstance(unit.shown, float):
            unit_text = plain_number(unit.shown)
        unit_text = _as_written(unit_text, written)
        shown = value.shown
        if isinstance(shown, str):
            shown = _with_unit_as_written(shown, written)
        expected = f"a number in {written or 'plain numbers'}"
        if value.percent:
            assert isinstance(shown, float)
            if unit_text not in ("", "%"):
                self.fail(
                    f"shown as {plain_number(shown)}% but the unit cell {unit.cell} says "
                    f"'{unit_text}'; format the cell as General and type the number in "
                    f"{unit_text}",
                    value.cell,
                    name,
                    f"{plain_number(shown)}%",
                    expected=f"a number in {unit_text}",
                    says=(
                        "form_percent_unit",
                        {"shown": plain_number(shown), "cell": unit.cell, "unit": unit_text},
                    ),
                )
                return None
            own, composed, read_in = "%", f"{plain_number(shown)} %", None
        elif isinstance(shown, float):
            own, composed = "", f"{plain_number(shown)} {unit_text}".strip()
            read_in = None  # a number cell, written back in plain numbers
        else:
            text = str(shown)
            try:
                q = parse_value(text, None, convention=self.convention)
            except SpecError as err:
                self.fail(for_form(err.reason), value.cell, name, text, expected=expected, like=err)
                return None
            bare = not names_of(q.units)
            own = "" if bare else self.unit_of(text)
            composed = f"{text} {unit_text}".strip() if bare else text
            read_in = self.convention
        if own and unit_text and unit_text != written and own != unit_text:
            self.fail(
                f"got '{shown}' in {own}, but the unit cell {unit.cell} was changed to "
                f"'{unit_text}'; write the unit once, in the unit cell or after the number",
                value.cell,
                name,
                shown,
                expected=f"a number in {unit_text}",
                says=(
                    "form_two_units",
                    {"shown": shown, "own": own, "cell": unit.cell, "unit": unit_text},
                ),
            )
            return None
        if not own and unit.blank and written:
            self.fail(
                f"the unit cell is empty; write the unit back ('{written}')",
                unit.cell,
                name,
                None,
                expected=f"a unit such as '{written}'",
                says=("form_unit_blank", {"unit": written}),
            )
            return None
        if not own and unit_text != written:
            problem = self.unit_problem(name, unit_text)
            if problem:
                self.fail(
                    problem[1],
                    unit.cell,
                    name,
                    unit_text,
                    expected=f"a unit such as {written}",
                    says=(problem[0], {"written": written, "unit": unit_text}),
                )
                return None
        try:
            return str(canonical_value(composed, convention=read_in))
        except SpecError as err:
            self.fail(for_form(err.reason), value.cell, name, composed, expected=expected, like=err)
            return None

    def unit_of(self, text: str) -> str:
        """The unit written after the number in ``text`` (``"kW"`` in ``"0,032 kW"``)."""
        canonical = str(canonical_value(text, convention=self.convention))
        return canonical.split(" ", 1)[1] if " " in canonical else ""

    def unit_problem(self, name: str, unit_text: str) -> tuple[str, str] | None:
        """Why a changed unit cell cannot hold this parameter (message id, English), or None."""
        p = self.model.parameters[name]
        written = p.unit_text
        try:  # read with the grammar, so that a Danish form's 'kr.' is DKK
            have = parse_value(f"1 {unit_text}", None, convention=self.convention)
        except SpecError:
            return (
                "form_unit_not_unit",
                f"the unit cell was changed from '{written}' to '{unit_text}', which is not "
                f"a unit; write '{written}' back",
            )
        if currencies_of(p.unit):
            return None  # another currency is converted (or refused) with the tender's rates
        if have.dimensionality != parse_unit(written or "1").dimensionality:
            return (
                "form_unit_other_kind",
                f"the unit cell was changed from '{written}' to '{unit_text}', which is not "
                f"a unit of the same kind; write '{written}' back, or a unit such as "
                f"'{written}' with a prefix",
            )
        return None

    def check(self, name: str, text: str, source: FormCell, unit: FormCell) -> bool:
        """Refuse a value of the wrong kind here, at its cell (bounds are the tender's)."""
        p = self.model.parameters[name]
        if currencies_of(p.unit):
            return True
        try:
            parse_value(text, p.unit_text or None)
        except SpecError as err:
            shown = shown_text(source, unit)
            reason = err.reason.replace(f"'{text}'", f"'{shown}'")
            self.fail(reason, source.cell, name, shown, expected=err.expected, like=err)
            return False
        return True


#: At most this many characters of a contact are kept (a name, an e-mail, a telephone number).
_MAX_CONTACT = 200


def _plain(shown: float | str | None) -> str:
    """A cell's text (a number as written plainly)."""
    return plain_number(shown) if isinstance(shown, float) else str(shown or "")


def row_labels(model: ProductModel, key: str) -> tuple[str, ...]:
    """The labels a form may show for bid parameter ``key``: English, Danish, both, or the id.

    Examples
    --------
    >>> import tco
    >>> row_labels(tco.load_model("indoor-lighting"), "power")
    ('power', 'Power', 'Effekt', 'Power / Effekt')
    """
    label = model.parameters[key].spec.label
    if not label:
        return (key,)
    en, da = label.en, label.get("da")
    return (key, en, da, f"{en} / {da}")


def _label_matches(cell: FormCell | None, model: ProductModel, key: str, reader: _Reader) -> bool:
    """Whether a row's visible label is its parameter's (a form may hide the ids in column A)."""
    if cell is None:
        return True  # not read (a form given as data, not a file)
    shown = _plain(cell.shown)
    labels = row_labels(model, key)
    if shown in labels:
        return True
    # the label as the form writes it: Danish on a Danish form ('Bud'), both on an English one
    expected = labels[2] if len(labels) > 1 and reader.data.sheet == "Bud" else labels[-1]
    reader.fail(
        f"the row's label '{shown}' is not the label of {key} ('{expected}'); the row was "
        "changed: fill in the form written by 'tco form' without changing its labels",
        cell.cell,
        key,
        shown,
        expected=f"the label '{expected}'",
        says=("form_label_changed", {"label": shown, "name": key, "expected": expected}),
    )
    return False


def _date(cell: FormCell, reader: _Reader) -> str:
    """The bid's date as ``YYYY-MM-DD``: a date typed in Excel, ``2026-12-07`` or ``7.12.2026``."""
    import datetime
    import re

    if cell.blank:
        return ""
    text = _plain(cell.shown)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text, re.ASCII)
    danish = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", text, re.ASCII)
    try:
        if iso:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if danish:
            return datetime.date(int(danish[3]), int(danish[2]), int(danish[1])).isoformat()
    except ValueError:
        pass  # 31.2.2026: not a date
    reader.fail(
        f"the date '{text}' is not a date; type it as a date in Excel, or as 2026-12-07 "
        "or 7.12.2026",
        cell.cell,
        "date",
        text,
        expected="a date such as 2026-12-07",
        says=("form_date", {"value": text}),
    )
    return ""


def _cvr(cell: FormCell, reader: _Reader) -> str:
    """The bidder's CVR number as 8 digits (spaces and a ``DK`` prefix allowed), or ``""``."""
    if cell.blank:
        return ""
    shown = cell.shown
    text = plain_number(shown) if isinstance(shown, float) else str(shown)
    digits = text.replace(" ", "").upper().removeprefix("DK")
    if len(digits) == 8 and digits.isascii() and digits.isdigit():
        return digits
    reader.fail(
        f"the CVR number '{text}' is not 8 digits; write the company's CVR number, "
        "such as 12345678",
        cell.cell,
        "cvr",
        text,
        expected="a CVR number of 8 digits",
        says=("form_cvr", {"value": text}),
    )
    return ""


def _as_written(unit_text: str, written: str) -> str:
    """The model's own unit where a cell names the same unit in other words (``DKK/år``).

    A Danish form shows units in Danish (:func:`tco.views.i18n.unit_text`); read
    back, a unit that is exactly the model's is written as the model writes it,
    so that the bid reads the same as from an English form.
    """
    if not unit_text or unit_text == written or not written:
        return unit_text
    try:
        same = parse_unit(unit_text) == parse_unit(written)
    except SpecError:
        return unit_text
    except Exception:  # pint's own errors for text that is no unit: not the model's unit
        return unit_text
    return written if same else unit_text


def _with_unit_as_written(text: str, written: str) -> str:
    """``text`` ending in the model's unit in other words (``'10 år'``) written as the model's."""
    number, _, unit = text.partition(" ")
    if not unit or not written:
        return text
    as_written = _as_written(unit.strip(), written)
    return f"{number} {as_written}" if as_written == written else text


def form_bid(
    data: FormData,
    model: ProductModel,
    tender_format: str | None = None,
    *,
    front: tuple[str, str] | None = None,
    problems: ErrorList | None = None,
) -> FormBid:
    """Read a form's cells as a bid of ``model``.

    Parameters
    ----------
    data : FormData
        The cells, from :func:`tco.io.forms.read_form_data`.
    model : ProductModel
        The tender's product model; the form must be for it.
    tender_format : {"en", "da"}, optional
        The tender's stated ``number_format``. A form stating another
        convention in ``B4`` is refused; a form stating none is read in it.
    front : (str, str), optional
        For a line sheet of a basket's form: the front sheet's name and the
        number convention it states (:func:`front_format`). The form has one
        convention: a sheet stating another is refused, one stating none is
        read in the front sheet's.
    problems : ErrorList, optional
        Where to add the problems found instead of raising them; the bid is then
        returned with the values that read (so that the tender's own checks can
        report their problems in the same run).

    Returns
    -------
    FormBid

    Raises
    ------
    FormError
        Naming the file, the sheet, the cell and the parameter (a
        :class:`~tco.errors.SpecErrors` of them when there are several).

    Examples
    --------
    >>> import tco
    >>> from tco.io.forms import FormCell, FormData, FormRow
    >>> cells = dict(file="f.xlsx", sheet="Bud", model=FormCell("B2", "indoor-lighting"),
    ...     convention=FormCell("B4", "da"), name=FormCell("D5", "Nord"), notes=FormCell("D6"))
    >>> rows = {"price": FormRow("price", FormCell("D9", "1.450,50"), FormCell("C9", "DKK"),
    ...                          FormCell("E9")),
    ...         "power": FormRow("power", FormCell("D10", 0.032), FormCell("C10", "kW"),
    ...                          FormCell("E10")),
    ...         "rated_life": FormRow("rated_life", FormCell("D11", 50000.0), FormCell("C11", "h"),
    ...                               FormCell("E11"))}
    >>> form_bid(FormData(rows=rows, **cells), tco.load_model("indoor-lighting")).values
    {'name': 'Nord', 'price': '1450.5 DKK', 'power': '0.032 kW', 'rated_life': '50000 h'}
    """
    reader = _Reader(data, model, tender_format, front)
    reader.head()
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    shown: dict[str, str] = {}
    name = data.name.shown
    cells["name"] = data.name.cell
    if data.name.blank:
        reader.fail(
            "the bid's name is missing; fill it in",
            data.name.cell,
            "name",
            says=("form_no_name", {}),
        )
    values["name"] = "" if name is None else name if isinstance(name, str) else f"{name:g}"
    if not data.notes.blank:
        notes = data.notes.shown
        values["notes"] = notes if isinstance(notes, str) else f"{notes:g}"
        cells["notes"] = data.notes.cell
    cvr = _cvr(data.cvr, reader)
    date = _date(data.date, reader)
    contact = "" if data.contact.blank else _plain(data.contact.shown)[:_MAX_CONTACT]
    expected = set(model.bid_parameters)
    for key, row in data.rows.items():
        if key not in expected:
            reader.fail(
                f"unknown bid parameter '{key}'{suggest(key, expected)}; use a form written "
                "by 'tco form' for this tender",
                f"A{row.value.cell[1:]}",
                key,
                key,
                says=("form_unknown_parameter", {"name": key, "hint": suggest_name(key, expected)}),
            )
            continue
        if not _label_matches(row.label, model, key, reader):
            continue
        p = model.parameters[key]
        cells[key] = row.value.cell
        source = row.value
        if row.value.blank:
            if row.default.blank:
                reader.fail(
                    f"no value; fill in {key} [{p.unit_text}]",
                    row.value.cell,
                    key,
                    expected=f"a number in {p.unit_text or 'plain numbers'}",
                    says=("form_no_value", {"name": key, "unit": p.unit_text}),
                )
                continue
            source = row.default  # the default the form shows beside the blank cell
        text = reader.quantity(key, source, row.unit)
        if text is None:
            continue
        if not reader.check(key, text, source, row.unit):
            continue
        values[key] = text
        shown[key] = shown_text(source, row.unit)
    for key in model.bid_parameters:
        if key not in data.rows:
            reader.fail(
                f"the row for '{key}' is missing; fill in the form written by 'tco form' "
                "for this tender without deleting rows",
                None,
                key,
                says=("form_missing_row", {"name": key}),
            )
    if problems is None:
        reader.errors.raise_if_any()
    else:
        for err in reader.errors.errors:
            problems.add(err)
    return FormBid(
        file=data.file,
        values=values,
        cells=cells,
        sheet=data.sheet,
        shown=shown,
        sha256=data.sha256,
        cvr=cvr,
        contact=contact,
        date=date,
    )
