"""Numbers as people write them: ``1450``, ``1.450,50`` (Danish), ``1,450.50`` (English).

A number is digits with at most one decimal mark and, optionally, marks that
group the thousands. Which of ``.`` and ``,`` is which is the *number format*
(``en``: ``1,450.50``; ``da``: ``1.450,50``). Read without a stated format, a
number is taken as meant only where both formats read it the same:

- ``2,13`` and ``1.45`` hold one mark that cannot group thousands (not three
  digits after it), so it is the decimal mark in both: 2.13 and 1.45;
- ``1,450.50`` and ``1.450,50`` hold both marks: the last one is the decimal
  mark, and the number is 1450.5;
- ``1.450``, ``24,500`` and ``1.450.000`` read differently in the two formats
  (1.45 or 1450; 24.5 or 24500; 1450000 or nothing), so they are refused with
  both readings unless the format is stated.

Under a stated format a number must be valid in it: the thousands mark (``.``
in ``da``, ``,`` in ``en``) is followed by groups of exactly three digits, so
``1.45`` under ``da`` and ``2,13`` under ``en`` are refused with the number
written in the format (``1,45``; ``2.13``), never read another way.

A whole number never starts with 0 (``0200`` is refused: YAML 1.1 reads it as
octal 128). An exponent (``1.5e3``) goes with a plain decimal point only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The number formats a tender may state (``number_format``).
CONVENTIONS: tuple[str, ...] = ("en", "da")

_DECIMAL = {"en": ".", "da": ","}
_GROUP = {"en": ",", "da": "."}
_NAME = {"en": "English", "da": "Danish"}
_SIGNS = {"-": -1.0, "+": 1.0, "\u2212": -1.0}

#: A number at the start of a value: sign, digits with marks, exponent.
_NUMBER_RE = re.compile(
    r"([-+\u2212]?)([0-9][0-9.,]*|[.,][0-9][0-9.,]*)([eE][-+]?[0-9]{1,6}(?![0-9.,]))?"
)


@dataclass
class NumberProblem(Exception):
    """A number that cannot be read as meant: the message id and its fields."""

    key: str
    fields: dict[str, str]


def plain(x: float) -> str:
    """Write a float so that every number format reads it back the same.

    Examples
    --------
    >>> plain(1450.0), plain(2.13), plain(1.25e-7)
    ('1450', '2.13', '1.25e-07')
    >>> plain(1.234)  # '1.234' would be ambiguous; a fourth decimal is not
    '1.2340'
    >>> plain(float("inf"))  # as Python writes it, for the value grammar to refuse
    'inf'
    """
    if math.isfinite(x) and x == int(x) and abs(x) < 1e16:
        return str(int(x))
    text = repr(x)
    if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        text += "0"
    return text


def scan_number(text: str) -> tuple[str, str, str, str] | None:
    """Split ``text`` into sign, digits with marks, exponent and the rest.

    Examples
    --------
    >>> scan_number("-1.450,5 kr")
    ('-', '1.450,5', '', ' kr')
    >>> scan_number("kWh") is None
    True
    """
    match = _NUMBER_RE.match(text)
    if match is None:
        return None
    sign, body, exponent = match.group(1), match.group(2), match.group(3) or ""
    return sign, body, exponent, text[match.end() :]


def read_number(sign: str, body: str, exponent: str, convention: str | None) -> float:
    """Read a scanned number in ``convention`` (``None``: only what both formats agree on).

    Parameters
    ----------
    sign, body, exponent : str
        The parts of the number found by :func:`scan_number`.
    convention : {"en", "da"} or None
        The stated number format.

    Returns
    -------
    float

    Raises
    ------
    NumberProblem
        If the number is ambiguous, badly grouped, or written against the stated format.

    Examples
    --------
    >>> read_number("", "1.450,50", "", None)
    1450.5
    >>> read_number("", "2,13", "", None)
    2.13
    >>> read_number("", "1.450", "", "da")
    1450.0
    >>> read_number("", "1.450", "", None)
    Traceback (most recent call last):
    ...
    tco.units.numbers.NumberProblem: ...
    """
    factor = _SIGNS[sign] if sign else 1.0
    number = sign + body + exponent
    marks = [c for c in body if c in ".,"]
    if not marks:
        _check_leading_zero(body, number)
        return factor * float(body + exponent)
    if exponent:
        if len(marks) > 1:
            raise NumberProblem("bad_number", {"number": number, "fix": "1.5e3"})
        whole, frac = re.split(r"[.,]", body)
        _check_leading_zero(whole, number)
        if convention is not None and marks[0] == _GROUP[convention]:
            # '1.500e3' under 'da': '.' groups thousands there, so it is no decimal mark
            raise NumberProblem(
                "exponent_mark",
                {
                    "number": number,
                    "convention": convention,
                    "decimal": _DECIMAL[convention],
                    "fix": number.replace(marks[0], _DECIMAL[convention]),
                },
            )
        return factor * float(f"{whole or 0}.{frac}{exponent}")
    if "." in marks and "," in marks:
        decimal = marks[-1]
        implied = "en" if decimal == "." else "da"
        value = _grouped(body, _GROUP[implied], decimal, number)
        if convention is not None and convention != implied:
            raise _against(number, convention, factor * value)
        return factor * value
    mark = marks[0]
    if len(marks) > 1:  # 1.450.000: groups of thousands, in one format only
        implied = "en" if mark == "," else "da"
        value = _grouped(body, mark, None, number)
        if convention is None:
            raise NumberProblem(
                "grouped",
                {
                    "number": number,
                    "mark": mark,
                    "reading": plain(factor * value),
                    "name": _NAME[implied],
                    "fix": plain(factor * value),
                    "convention": implied,
                },
            )
        if convention != implied:
            raise _against(number, convention, factor * value)
        return factor * value
    whole, frac = body.split(mark)
    _check_leading_zero(whole, number)
    as_decimal = float(f"{whole or 0}.{frac or 0}")
    could_group = len(frac) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0")
    if not could_group and convention is not None and mark == _GROUP[convention]:
        # '1.45' under 'da': '.' groups thousands there, so it is not read as a decimal mark
        raise NumberProblem(
            "not_grouping",
            {
                "number": number,
                "convention": convention,
                "mark": mark,
                "fix": number.replace(mark, _DECIMAL[convention]),
            },
        )
    if not could_group:
        return factor * as_decimal
    as_group = float(whole + frac)
    if convention is None:
        readings = {"en": as_decimal if mark == "." else as_group}
        readings["da"] = as_group if mark == "." else as_decimal
        raise NumberProblem(
            "ambiguous",
            {
                "number": number,
                "en": plain(factor * readings["en"]),
                "da": plain(factor * readings["da"]),
            },
        )
    return factor * (as_group if mark == _GROUP[convention] else as_decimal)


def _check_leading_zero(whole: str, number: str) -> None:
    if len(whole) > 1 and whole.startswith("0"):
        raise NumberProblem(
            "leading_zero",
            {"number": number, "fix": number.replace(whole, whole.lstrip("0") or "0", 1)},
        )


def _grouped(body: str, group: str, decimal: str | None, number: str) -> float:
    """Read ``1,450,000.5`` with the given marks; refuse misplaced groups."""
    whole, _, frac = body.partition(decimal) if decimal else (body, "", "")
    if decimal and (decimal in frac or group in frac):
        raise NumberProblem("bad_number", {"number": number, "fix": _digits(body)})
    groups = whole.split(group)
    good = (
        1 <= len(groups[0]) <= 3
        and not (groups[0].startswith("0") and len(groups) > 1)
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
        and groups[0].isdigit()
    )
    if not good:
        raise NumberProblem("bad_number", {"number": number, "fix": _digits(body)})
    return float("".join(groups) + ("." + frac if frac else ""))


def _digits(body: str) -> str:
    """A guess at the number meant, with the last mark as decimal point, for a message."""
    cut = max(body.rfind("."), body.rfind(","))
    whole = re.sub(r"\D", "", body[:cut]) if cut >= 0 else body
    frac = re.sub(r"\D", "", body[cut + 1 :]) if cut >= 0 else ""
    return f"{whole or 0}.{frac}" if frac else (whole or "0")


def _against(number: str, convention: str, value: float) -> NumberProblem:
    return NumberProblem(
        "against_convention",
        {
            "number": number,
            "convention": convention,
            "d": _DECIMAL[convention],
            "g": _GROUP[convention],
            "fix": plain(value),
        },
    )
