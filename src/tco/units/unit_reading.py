"""Units written as text, and the fast path for plainly written values.

:func:`parse_unit` reads a unit (``"DKK/kWh"``, ``"l/100 km"``) with
:func:`tco.units.grammar.parse_unit_text` into a quantity, cached; :func:`base_magnitude`
reads a plain number with such a unit straight into base units when nothing
else needs checking. :mod:`tco.units.values` (the value grammar) builds on
both and re-exports them.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from tco.errors import UnitError
from tco.limits import MAX_VALUE_LENGTH
from tco.locale import message
from tco.units.grammar import parse_unit_text
from tco.units.numbers import NumberProblem
from tco.units.registry import plan_terms, quantity

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def parse_unit(text: str) -> Any:
    """Read a unit written as text, as a quantity (its factor in the unit).

    Examples
    --------
    >>> parse_unit("DKK/kWh").units
    <Unit('DKK / kilowatt_hour')>
    >>> parse_unit("l/100 km")
    <Quantity(0.01, 'liter / kilometer')>
    """
    if not isinstance(text, str) or len(text) > MAX_VALUE_LENGTH:
        raise UnitError(
            "a unit must be a short text", value=text, expected="a unit such as 'DKK/kWh'"
        )
    return _unit_quantity(text.strip())


@functools.lru_cache(maxsize=4096)
def _unit_quantity(text: str) -> Any:
    try:
        factor, unit = parse_unit_text(text)
    except NumberProblem as problem:
        fields = dict(problem.fields)
        if problem.key == "unknown_unit":
            hint = fields.get("hint") or ("DKK" if fields.get("krone") else "")
            extra = message("units.did_you_mean", "en", name=hint) if hint else ""
            text_ = message("units.unknown_unit", "en", name=fields["name"], value=text, hint=extra)
        else:
            text_ = message(f"units.{problem.key}", "en", value=text, unit=text, **fields)
        err = UnitError(text_, value=text, expected="a known unit")
        extra_fields = {} if problem.key == "unknown_unit" else {"unit": text}
        raise err.speaks(f"units.{problem.key}", value=text, **extra_fields, **fields) from None
    return quantity(factor, unit)


def base_magnitude(value: object, unit: str) -> float | None:
    """Magnitude in base units of a plainly written value, or ``None``.

    A fast path for loading many bids: a plain number, or a number and a unit
    whose dimension is that of ``unit`` and which has no offset, read with a
    cached conversion factor. Anything else (another currency, a wrong unit,
    a number that needs a stated format, a bare number for a rate) gives
    ``None``, and the caller uses :func:`tco.units.values.parse_value`, which gives the error
    or handles the case.

    Examples
    --------
    >>> base_magnitude("1.5 kWh", "kWh")
    5400000.0
    >>> base_magnitude("38 kg", "W") is None
    True
    >>> base_magnitude("1.450 DKK", "DKK") is None
    True
    """
    return _fast(value, unit, plan=False)


def plan_magnitude(value: object, unit: str) -> float | None:
    """Magnitude in the plan's units of a plainly written value, or ``None``.

    As :func:`base_magnitude`, in the units of :func:`tco.units.registry.plan_factor`
    (the year for time).

    Examples
    --------
    >>> plan_magnitude("6 month", "year"), plan_magnitude("2.5 DKK/year", "DKK/year")
    (0.5, 2.5)
    """
    return _fast(value, unit, plan=True)


def _fast(value: object, unit: str, plan: bool) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number, unit_text = float(value), unit
        if "%" in unit and number != 0:
            return None
    elif isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH:
        match = _FAST_RE.match(value)
        if match is None or _AMBIGUOUS_RE.match(match.group(1)):
            return None
        number = float(match.group(1).replace(",", "."))
        unit_text = match.group(2) or ""
        if not unit_text:
            if "%" in unit and number != 0:
                return None
            unit_text = unit
    else:
        return None
    factors = _base_factor(unit_text, unit)
    if factors is None or not math.isfinite(number):
        return None
    out = number * factors[0]
    if plan:  # as to_plan: base units first, then the year for time
        out /= factors[1]
    return out if math.isfinite(out) else None


_FAST_RE = re.compile(
    r"\s*(-?(?:0|[1-9]\d*)(?:[.,]\d+)?)(?:\s*([^\s\d+\-±'’:,.][^+\-±'’:]*?))?\s*$"
)
_AMBIGUOUS_RE = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}$")


@functools.lru_cache(maxsize=4096)
def _base_factor(unit_text: str, unit: str) -> tuple[float, float] | None:
    """Factor from ``unit_text`` to base units if it has the dimension of ``unit``, and plan_scale.

    A value in base units divided by ``plan_scale`` is in the plan's units.
    """
    try:
        have, want = parse_unit(unit_text), parse_unit(unit)
    except UnitError:
        return None
    if have.dimensionality != want.dimensionality:
        return None
    factor, offset, scale = plan_terms(have.units)
    if offset:
        return None  # an offset unit such as degC
    return float(have.magnitude) * factor, scale
