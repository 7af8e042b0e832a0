"""Fields of the schema that hold a plain number, read with the one value grammar.

A bare YAML number with a mark (``1.000``, ``2,13``, ``0.5``) reaches the schema as
the text written (:mod:`tco.io.yamlbuild`). Where a schema class wants a plain
number (a basket line's ``quantity``, scoring points, the samples of a Monte Carlo
study), its field is typed :data:`Number` or :data:`Whole`: text is read by
:func:`tco.units.parse_value` in the file's stated ``number_format``, exactly as a
value of the tender is, so ``1.000`` is one thousand under ``da``, one under ``en``,
and refused with both readings where no format is stated. pydantic's own reading of
text as a number (which takes ``1.000`` for 1) is never used.

The file's format travels in pydantic's validation context
(:func:`number_context`); a grammar refusal keeps its English and Danish text and
gets its place in the file from :func:`tco.spec.problems.spec_errors`.

Examples
--------
>>> from pydantic import BaseModel
>>> class Line(BaseModel):
...     quantity: Number
>>> Line.model_validate({"quantity": "1.000"}, context=number_context("da")).quantity
1000.0
>>> Line.model_validate({"quantity": "1.000"}, context=number_context("en")).quantity
1.0
>>> Line.model_validate({"quantity": 40}).quantity
40.0
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo

from tco.errors import UnitError
from tco.locale import message
from tco.units import parse_value
from tco.units.numbers import plain

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_KEY = "number_format"


def number_context(convention: str | None) -> dict[str, str | None]:
    """The validation context that reads text numbers in ``convention`` (``"en"``, ``"da"``).

    Examples
    --------
    >>> number_context("da")
    {'number_format': 'da'}
    """
    return {_KEY: convention if convention in ("en", "da") else None}


def read_number_field(value: Any, convention: str | None, *, whole: bool = False) -> Any:
    """Read a number field's value: text through the value grammar, anything else unchanged.

    Parameters
    ----------
    value : object
        The value as given: text (a bare YAML number, a quoted one) or a number.
    convention : {"en", "da"} or None
        The file's stated ``number_format``.
    whole : bool
        Whether the field wants a whole number (a count); ``20.000`` under ``da``
        is 20000, ``2,5`` is refused.

    Returns
    -------
    float or int or object
        The number read from text; any other value as given, for the field's own check.

    Raises
    ------
    UnitError
        If the text is not a plain number in the format (ambiguous, a unit, two numbers).

    Examples
    --------
    >>> read_number_field("2,5", None), read_number_field("20.000", "da", whole=True)
    (2.5, 20000)
    >>> read_number_field("1.450", None)
    Traceback (most recent call last):
    ...
    tco.errors.UnitError: got '1.450': '1.450' is 1.45 in English notation but 1450 ...
    """
    if isinstance(value, float) and not math.isfinite(value):
        parse_value(value, "", rate=False)  # refused as not finite ('.inf', '.nan'), by name
    if not isinstance(value, str):
        return value
    q = parse_value(value, "", convention=convention, rate=False)
    number = float(q.to("dimensionless").magnitude)
    if not whole:
        return number
    if number != int(number):
        reading = plain(number)
        raise UnitError(
            message("units.whole", "en", value=value, reading=reading),
            value=value,
            expected="a whole number",
        ).speaks("units.whole", value=value, reading=reading)
    return int(number)


def _number(value: Any, info: ValidationInfo) -> Any:
    return read_number_field(value, _convention(info))


def _whole(value: Any, info: ValidationInfo) -> Any:
    return read_number_field(value, _convention(info), whole=True)


def _convention(info: ValidationInfo) -> str | None:
    context = info.context
    stated = context.get(_KEY) if isinstance(context, dict) else None
    return stated if stated in ("en", "da") else None


#: A plain number, read from text with the value grammar in the file's ``number_format``.
Number = Annotated[float, BeforeValidator(_number)]
#: A number above zero, read as :data:`Number`.
Positive = Annotated[float, Field(gt=0), BeforeValidator(_number)]
#: A whole number (a count, a seed), read as :data:`Number` and refused if not whole.
Whole = Annotated[int, BeforeValidator(_whole)]
