"""The one value grammar: a value is a number with an optional unit, nothing else.

Every channel (YAML tenders, Python mappings, Excel forms, table columns, command
line options) reads its values with :func:`parse_value`. The number is read by
:mod:`tco.units.numbers` in the stated number format, the unit by
:func:`tco.units.grammar.parse_unit_text`; pint's parser never sees the text.
Arithmetic (``+``, ``-``, ``±``, ranges), thousands marks other than the format's own,
leading zeros, times of day and yes/no words are refused, each with the value to write
instead. A bare number for a rate (a unit in ``%``, or ``rate=True``) is read
as a fraction only when it plainly is one (below 1 in size: ``0.04`` is 4 %);
``4`` is refused with ``write '4 %'``. Units alone are read by
:mod:`tco.units.unit_reading` (:func:`parse_unit`, :func:`base_magnitude`),
re-exported here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from tco.errors import CurrencyError, UnitError
from tco.limits import MAX_VALUE_LENGTH
from tco.locale import message
from tco.units.describe import expected_phrase
from tco.units.grammar import DANISH_MONEY, parse_unit_text
from tco.units.numbers import CONVENTIONS, NumberProblem, plain, read_number, scan_number
from tco.units.registry import currencies_of, names_of, quantity, show_unit
from tco.units.unit_reading import base_magnitude, parse_unit, plan_magnitude

__all__ = [
    "ambiguous_in_bounds",
    "base_magnitude",
    "canonical_value",
    "parse_quantity",
    "parse_unit",
    "parse_value",
    "plan_magnitude",
    "refusal_text",
]

_BOOLEANS = frozenset({"yes", "no", "on", "off", "true", "false", "y", "n", "ja", "nej"})
_NOT_FINITE = frozenset({"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity"})
_DASHES = "\u2013\u2014\u2012\u2010"
_THOUSANDS = "'\u2019`\u00b4"
_OPERATOR_RE = re.compile(r"(?<!\^)(?<!\*\*)(?<!\^\()(?<!\*\*\()(?<![eE])\s*([-+\u2212=<>])")
_SPACED_RE = re.compile(r"\s+\d")


def parse_value(
    value: object,
    unit: str | None = None,
    *,
    convention: str | None = None,
    rate: bool | None = None,
    lang: str = "en",
    path: Sequence[str | int] = (),
    file: str | None = None,
    example: object = None,
) -> Any:
    """Read one value, as written by a person, into a quantity.

    Parameters
    ----------
    value : str, int or float
        A number, or a number followed by its unit (``"2.13 DKK/kWh"``).
    unit : str, optional
        The unit the value must have the dimension of; a bare number is read
        in this unit. ``""`` asks for a plain number.
    convention : {"en", "da"}, optional
        The stated number format (``da``: ``1.450,50``). Without one, a number
        that reads differently in the two formats is refused. ``da`` also reads
        ``kr``, ``kr.`` and ``øre`` as Danish money.
    rate : bool, optional
        Whether the value is a rate, for which a bare number is read only as a
        plain fraction (``0.04`` is 4 %; ``4`` is refused). By default, a
        value is a rate when ``unit`` holds ``%``.
    lang : {"en", "da"}
        The language of error messages.
    path, file : optional
        Where the value stands, for the error message.
    example : str or float, optional
        A value to show in messages as an example (a parameter's default).

    Returns
    -------
    Quantity

    Raises
    ------
    UnitError
        If the value is not one number with a known unit of the right dimension
        (a :class:`~tco.errors.CurrencyError` for a currency other than ``unit``'s).

    Examples
    --------
    >>> parse_value("1.450,50 kr", "DKK", convention="da")
    <Quantity(1450.5, 'DKK')>
    >>> parse_value(0.04, "%")
    <Quantity(4.0, 'percent')>
    >>> parse_value("1450 DKK + 250 DKK", "DKK")
    Traceback (most recent call last):
    ...
    tco.errors.UnitError: got '1450 DKK + 250 DKK': a value is one number ... as '1450 DKK'
    """
    if convention is not None and convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}, not {convention!r}")

    def refuse(key: str, **fields: object) -> UnitError:
        expected = expected_phrase(unit, lang, example, bool(rate))
        text = refusal_text(key, lang, value=value, expected=expected, **fields)
        err = UnitError(text, file=file, path=path, value=value, expected=expected)
        eg = example if isinstance(example, (str, int, float)) else None
        return err.speaks(
            f"units.{key}", value=value, want_unit=unit, eg=eg, rate=bool(rate), **fields
        )

    try:
        q = _read(value, unit, convention, rate)
    except NumberProblem as problem:
        raise refuse(problem.key, **problem.fields) from None
    if unit is not None:
        target = parse_unit(unit)
        if q.dimensionality != target.dimensionality:
            got, want = currencies_of(q), currencies_of(target)
            err = refuse("wrong_dimension")
            if got and want and got != want:
                err = CurrencyError(
                    err.reason, file=file, path=path, value=value, expected=err.expected
                ).speaks(err.message_id or "", **err.params)
            raise err
    return q


def refusal_text(key: str, lang: str, /, **fields: Any) -> str:
    """The message ``units.KEY`` of the catalogue (:mod:`tco.locale`) in ``lang``, filled in.

    An unknown unit's ``name``, ``krone`` and ``hint`` fields become the hint
    after the unit ("did you mean 'W'?", or what 'kr' means).

    Examples
    --------
    >>> refusal_text("unknown_unit", "da", name="Wattz", value="32 Wattz", hint="W")[:45]
    "ukendt enhed 'Wattz' i '32 Wattz' (mente du '"
    """
    if key == "unknown_unit":
        fields = dict(fields)
        krone = fields.pop("krone", None)
        hint = fields.pop("hint", "")
        fields["hint"] = (
            message("units.krone", lang, name=krone)
            if krone
            else message("units.did_you_mean", lang, name=hint)
            if hint
            else ""
        )
    return message(f"units.{key}", lang, **fields)


def _kind(value: object) -> str:
    return type(value).__name__


def _read(value: object, unit: str | None, convention: str | None, rate: bool | None) -> Any:
    """Read ``value``; raise :class:`NumberProblem` naming the message and its fields."""
    if isinstance(value, bool):
        raise NumberProblem("boolean", {})
    if isinstance(value, (int, float)):
        number, unit_text = float(value), ""
    elif isinstance(value, str):
        number, unit_text = _split(value, convention)
    else:
        raise NumberProblem("type", {"kind": _kind(value), "shown": repr(value)[:40]})
    if not math.isfinite(number):
        raise NumberProblem("not_finite", {})
    if unit_text:
        try:
            factor, parsed = parse_unit_text(unit_text, convention == "da")
        except NumberProblem as problem:
            fields = {**problem.fields, "unit": unit_text}
            if problem.key == "arithmetic":
                name = re.match(r"[^\W\d_]\w*", unit_text)
                fields["example"] = f"{plain(number)} {name.group(0) if name else ''}".strip()
            raise NumberProblem(problem.key, fields) from None
        q = quantity(number * factor, parsed)
    else:
        target = parse_unit(unit) if unit else quantity(1.0)
        percent = "percent" in names_of(target.units)
        is_rate = rate if rate is not None else percent
        if is_rate and number != 0:
            if abs(number) >= 1:
                raise NumberProblem(
                    "rate_bare", {"fix": f"{plain(number)} %", "whole": plain(number * 100)}
                )
            if percent:
                number *= 100.0
            else:
                number /= float(target.magnitude)
        q = quantity(number * float(target.magnitude), target.units)
    if not math.isfinite(float(q.magnitude)):
        raise NumberProblem("not_finite", {})
    return q


def _split(value: str, convention: str | None) -> tuple[float, str]:
    """Split value text into its number and its unit text, refusing what is not one value."""
    if len(value) > MAX_VALUE_LENGTH:
        raise NumberProblem("too_long", {"n": str(len(value)), "cap": str(MAX_VALUE_LENGTH)})
    text = value.strip()
    if not text:
        raise NumberProblem("empty", {})
    if text.lower() in _BOOLEANS:
        raise NumberProblem("boolean", {})
    if text.lower().split()[0] in _NOT_FINITE:
        raise NumberProblem("not_finite", {})
    if text[0] in _DASHES:
        raise NumberProblem("dash_sign", {"fixed": "-" + text[1:].lstrip()})
    for ch in "±" + _DASHES:
        if ch in text:
            raise NumberProblem("range", {"op": ch, "example": _first(text, convention)})
    scanned = scan_number(text)
    if scanned is None:
        raise NumberProblem("no_number", {})
    sign, body, exponent, rest = scanned
    if rest[:1] in _THOUSANDS and rest[1:2].isdigit():
        fixed = re.sub(r"[" + _THOUSANDS + r"]", "", text)
        raise NumberProblem("thousands_mark", {"mark": rest[0], "fixed": fixed})
    if rest[:1] == ":" and rest[1:2].isdigit():
        raise NumberProblem("colon", {"example": "50 min"})
    operator = _OPERATOR_RE.search(rest)
    if operator is not None:
        op = operator.group(1)
        after = rest[operator.end() :].lstrip()
        key = (
            "range"
            if op in "-\u2212" and after[:1].isdigit() and not rest[: operator.start()].strip()
            else "arithmetic"
        )
        raise NumberProblem(key, {"op": op, "example": _first(text, convention)})
    glued = re.match(r"\s*(\*\*|[*/^×·])\s*[0-9]", rest)
    if glued is not None:
        raise NumberProblem("arithmetic", {"op": glued.group(1), "example": _first(text, None)})
    if _SPACED_RE.match(rest) and not re.match(r"\s+1\s*/", rest):
        digits = re.match(r"[\d\s.,]*\d", text[len(sign) :])
        joined = sign + re.sub(r"\s", "", digits.group(0) if digits else body)
        raise NumberProblem(
            "spaced_number",
            {"fixed": joined + text[len(sign) + len(digits.group(0) if digits else body) :]},
        )
    try:
        number = read_number(sign, body, exponent, convention)
    except NumberProblem as problem:
        fields = dict(problem.fields)
        tail = rest.rstrip()
        for key in ("fix", "en", "da"):
            if key in fields:
                fields["fix_" + key if key != "fix" else key] = fields[key] + tail
        raise NumberProblem(problem.key, fields) from None
    return number, rest.strip()


def _first(text: str, convention: str | None) -> str:
    """The first number of ``text`` with its unit, for the fix in a message."""
    scanned = scan_number(text)
    if scanned is None:
        return "1450 DKK"
    rest = scanned[3]
    unit = re.match(r"\s*([^\W\d_][\w/%.]*)", rest)
    if unit is None:
        unit = re.search(r"([^\W\d_][\w/%.]*)\s*$", rest)
    shown = unit.group(1) if unit else ""
    return f"{scanned[0]}{scanned[1]}{scanned[2]} {shown}".strip()


def parse_quantity(value: object, unit: str | None = None) -> Any:
    """Read a value such as ``"2.13 DKK/kWh"`` or ``4`` (see :func:`parse_value`).

    Examples
    --------
    >>> parse_quantity("4 %").to("dimensionless").magnitude
    0.04
    >>> parse_quantity("6.5 l/100km").to("l/km").magnitude
    0.065
    >>> parse_quantity(3000, "h/year")
    <Quantity(3000.0, 'hour / year')>
    """
    return parse_value(value, unit)


def canonical_value(
    value: object,
    *,
    convention: str | None,
    lang: str = "en",
    path: Sequence[str | int] = (),
    file: str | None = None,
) -> object:
    """Rewrite a value so that it reads the same without a stated number format.

    Numbers pass unchanged; text is read with :func:`parse_value` (so that a
    bad value is refused here, with its path) and written back with a plain
    decimal point, and with ``kr``/``øre`` as DKK.

    Examples
    --------
    >>> canonical_value("1.450,50 kr", convention="da")
    '1450.5 DKK'
    >>> canonical_value("2,13 DKK/kWh", convention="da")
    '2.13 DKK/kWh'
    >>> canonical_value("lifetime", convention="da")
    'lifetime'
    """
    if not isinstance(value, str) or not value.strip():
        return value  # a blank: the field's own check names the unit it expects
    try:
        number, unit_text = _split(value, convention)
    except NumberProblem as problem:
        if problem.key == "no_number":
            return value  # a word such as 'lifetime': the field's own check decides
        parse_value(value, convention=convention, lang=lang, path=path, file=file)
        raise AssertionError("unreachable") from None  # pragma: no cover
    parse_value(value, convention=convention, lang=lang, path=path, file=file)
    if unit_text and any(
        re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", unit_text) for w in DANISH_MONEY
    ):
        factor, parsed = parse_unit_text(unit_text, True)
        return f"{plain(number * factor)} {show_unit(parsed)}"
    return f"{plain(number)} {unit_text}".strip()


def ambiguous_in_bounds(err: UnitError, inside: Callable[[str], bool], bounds: str) -> UnitError:
    """A number refused as ambiguous, saying which of its two readings lies within bounds.

    A published rate such as ``3.103 %`` is 3.103 % in English notation and
    3103 % in Danish; where a value has bounds (a parameter's ``min`` and ``max``,
    a rate's plausible range) and only one reading lies within them, the refusal
    says so, with the value to write. The value stays refused: which format a file
    is written in is stated, never guessed.

    Parameters
    ----------
    err : UnitError
        The grammar's refusal (any other refusal is returned as it is).
    inside : callable
        Whether a value written plainly (``"3.1030 %"``) lies within the bounds.
    bounds : str
        The bounds as shown in the message (``"-5 % – 20 %"``).

    Examples
    --------
    >>> try:
    ...     parse_value("3.103 %", "%")
    ... except UnitError as refused:
    ...     err = ambiguous_in_bounds(refused, lambda t: parse_value(t, "%").magnitude <= 20,
    ...                               "-5 % – 20 %")
    >>> print(err.reason)  # doctest: +NORMALIZE_WHITESPACE
    got '3.103 %': '3.103' is 3.1030 in English notation but 3103 in Danish notation; as
    '3.1030 %' it lies within the bounds (-5 % – 20 %), as '3103 %' it does not: write
    '3.1030 %', or state the tender's 'number_format: en'
    """
    if err.message_id != "units.ambiguous":
        return err
    readings = {"en": err.params.get("fix_en"), "da": err.params.get("fix_da")}
    within: dict[str, bool] = {}
    for convention, text in readings.items():
        try:
            within[convention] = isinstance(text, str) and bool(inside(text))
        except (UnitError, ValueError):
            within[convention] = False
    if within["en"] == within["da"]:
        return err
    convention = "en" if within["en"] else "da"
    fields = {
        **{k: v for k, v in err.params.items() if k not in ("want_unit", "eg", "rate")},
        "inside": readings[convention],
        "outside": readings["da" if convention == "en" else "en"],
        "bounds": bounds,
        "convention": convention,
    }
    out = UnitError(
        message("units.ambiguous_bounds", "en", **fields),
        file=err.file,
        path=err.path,
        value=err.value,
        expected=err.expected,
    )
    return out.speaks("units.ambiguous_bounds", **{**err.params, **fields})
