"""tco's own exact unit algebra: units as named factors over base dimensions.

A :class:`Unit` is the product of named units to whole (or, for a square
root, fractional) powers, as written: ``kilowatt_hour / year``. From the
names it knows its factor to base units (SI, one base per currency) and its
:class:`Dimensionality`. The names are kept, so a unit is shown exactly as
it was written (``kWh/year``, never ``J/s``); units of the same dimension are
never merged behind the user's back, as with pint.

What each name means is pint's answer: the definitions come from
:mod:`tco.units.table`, which is generated from tco's pint registry and
checked against it by the tests, and any other name is asked of pint itself,
loaded lazily on that first need (:mod:`tco.units.fallback`). So the
algebra covers exactly what pint covers, and a cold run never imports pint.

Examples
--------
>>> u = unit("kWh") / unit("year")
>>> u
<Unit('kilowatt_hour / year')>
>>> u.factor
0.11407711613050421
>>> str(u.dimensionality)
'[length] ** 2 * [mass] / [time] ** 3'
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from tco.units import table

__all__ = [
    "BASES",
    "CATALOG",
    "DIMENSIONLESS",
    "YEAR_S",
    "Definition",
    "Dimensionality",
    "DimensionalityError",
    "Unit",
    "base_unit",
    "define",
    "formatted",
    "lookup",
    "plan_unit",
    "power_of",
    "unit",
]

Power = int | float


class Definition(NamedTuple):
    """What one unit name means: its symbol, factor to base units, dimension and offset.

    ``offset`` is non-zero only for units such as ``degC``, whose zero is not
    the base unit's zero: a value in base units is ``value * factor + offset``.
    """

    symbol: str
    factor: float
    dims: tuple[tuple[str, Power], ...]
    offset: float = 0.0


#: Every unit name the algebra knows, from the generated table and from pint as asked.
CATALOG: dict[str, Definition] = {
    name: Definition(symbol, factor, dims) for name, (symbol, factor, dims) in table.UNITS.items()
}
#: Base unit of each dimension (``[length]``: ``meter``).
BASES: dict[str, str] = dict(table.BASES)
#: The year in seconds (pint's year: 365.25 days). [s]
YEAR_S: float = CATALOG["year"].factor


class DimensionalityError(ValueError):
    """Two units of different dimensions were converted or added (a bug, not a user mistake)."""


def define(name: str, definition: Definition) -> None:
    """Add a unit name (read from pint by :mod:`tco.units.fallback`) to the catalogue."""
    CATALOG.setdefault(name, definition)


def power_of(p: float) -> Power:
    """An exponent as pint keeps it: a whole number as an ``int``, else a ``float``.

    Examples
    --------
    >>> power_of(2.0), power_of(0.5)
    (2, 0.5)
    """
    return int(p) if float(p).is_integer() else float(p)


def formatted(items: Any, *, sort: bool = False) -> str:
    """Write ``(name, power)`` pairs as pint does: ``kilogram * meter ** 2 / second ** 2``.

    Examples
    --------
    >>> formatted([("DKK", 1), ("metric_ton", -1), ("year", -1)])
    'DKK / metric_ton / year'
    >>> formatted([("year", -1)])
    '1 / year'
    """
    pairs = sorted(items, key=lambda kv: kv[0]) if sort else list(items)
    top = [n if p == 1 else f"{n} ** {abs(p):n}" for n, p in pairs if p > 0]
    bottom = [n if p == -1 else f"{n} ** {abs(p):n}" for n, p in pairs if p < 0]
    out = " * ".join(top) or "1"
    return " / ".join([out, *bottom]) if bottom else out


class Dimensionality(Mapping[str, Power]):
    """A dimension: base dimensions (``[length]``, ``[currency_DKK]``) to powers.

    Equal dimensions compare equal whatever order they were built in; a
    missing dimension has power 0, as in pint.
    """

    __slots__ = ("_dims", "_hash")

    def __init__(self, dims: Mapping[str, float] | None = None) -> None:
        self._dims = {k: power_of(v) for k, v in sorted((dims or {}).items()) if v != 0}
        self._hash = hash(tuple(self._dims.items()))

    def __getitem__(self, key: str) -> Power:
        return self._dims.get(key, 0)

    def __contains__(self, key: object) -> bool:
        return key in self._dims

    def __iter__(self) -> Iterator[str]:
        return iter(self._dims)

    def __len__(self) -> int:
        return len(self._dims)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Dimensionality):
            return self._dims == other._dims
        return NotImplemented

    def __hash__(self) -> int:
        return self._hash

    def __mul__(self, other: Dimensionality) -> Dimensionality:
        out = dict(self._dims)
        for k, v in other._dims.items():
            out[k] = out.get(k, 0) + v
        return Dimensionality(out)

    def __truediv__(self, other: Dimensionality) -> Dimensionality:
        return self * other**-1

    def __pow__(self, power: float) -> Dimensionality:
        return Dimensionality({k: v * power for k, v in self._dims.items()})

    def __str__(self) -> str:
        return formatted(self._dims.items()) if self._dims else "dimensionless"

    def __repr__(self) -> str:
        return f"<Dimensionality('{self}')>"


class Unit:
    """A product of named units to powers, with its factor to base units and its dimension.

    Build one with :func:`unit` (a name or pint-style text) and ``*``, ``/``
    and ``**``; a number times a unit is a :class:`~tco.units.quantity.Quantity`.

    Attributes
    ----------
    factor : float
        Value of one of this unit in base units (``kWh``: 3.6e6). [base units]
    dimensionality : Dimensionality
        The dimension.
    plan_factor : float
        Value of one of this unit in the plan's units: the coherent system
        whose unit of time is the year (SI otherwise, one base per currency),
        so ``DKK/year`` is 1 and ``h`` is 1/8766. It is ``factor / plan_scale``.
        [plan units]
    plan_scale : float
        The plan's unit of this dimension in base units: the year in seconds
        to the power of the unit's time (1 for a unit without time). A value
        in base units divided by it is in the plan's units. [base units]
    offset : float
        The offset of a lone offset unit (``degC``: 273.15), else 0. [base units]
    """

    __slots__ = (
        "_hash",
        "_names",
        "dimensionality",
        "factor",
        "offset",
        "plan_factor",
        "plan_scale",
    )

    def __init__(self, names: Mapping[str, float] | None = None) -> None:
        self._names = {n: power_of(p) for n, p in (names or {}).items() if p != 0}
        factor = 1.0
        dims: dict[str, float] = {}
        for name, power in self._names.items():
            d = CATALOG[name]
            factor *= d.factor**power
            for dim, p in d.dims:
                dims[dim] = dims.get(dim, 0) + p * power
        self.factor = factor
        self.dimensionality = Dimensionality(dims)
        time = self.dimensionality["[time]"]
        try:
            self.plan_scale = YEAR_S**time if time else 1.0
            self.plan_factor = factor / self.plan_scale if time else factor
        except (OverflowError, ZeroDivisionError):  # a unit no plan can hold, such as V^9
            self.plan_scale = self.plan_factor = math.nan
        only = next(iter(self._names.items())) if len(self._names) == 1 else None
        self.offset = CATALOG[only[0]].offset if only and only[1] == 1 else 0.0
        self._hash = hash(frozenset(self._names.items()))

    @property
    def names(self) -> Mapping[str, Power]:
        """The named units and their powers, in the order they were written."""
        return dict(self._names)

    def items(self) -> list[tuple[str, Power]]:
        """``(name, power)`` pairs in the order they were written."""
        return list(self._names.items())

    @property
    def dimensionless(self) -> bool:
        """Whether the unit has no dimension (``%`` and ``h/year`` have none)."""
        return not self.dimensionality

    def __mul__(self, other: Any) -> Any:
        if isinstance(other, Unit):
            out = dict(self._names)
            for k, v in other._names.items():
                out[k] = out.get(k, 0) + v
            return Unit(out)
        from tco.units.quantity import Quantity

        if isinstance(other, Quantity):
            return Quantity(1.0, self) * other
        return Quantity(other, self)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Any:
        if isinstance(other, Unit):
            return self * other**-1
        from tco.units.quantity import Quantity

        return Quantity(1.0, self) / other

    def __rtruediv__(self, other: Any) -> Any:
        from tco.units.quantity import Quantity

        return Quantity(other, self**-1)

    def __pow__(self, power: float) -> Unit:
        return Unit({n: p * power for n, p in self._names.items()})

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Unit):
            return self._names == other._names
        return NotImplemented

    def __hash__(self) -> int:
        return self._hash

    def __str__(self) -> str:
        return formatted(self._names.items(), sort=True) if self._names else "dimensionless"

    def __repr__(self) -> str:
        body = formatted(self._names.items()) if self._names else "dimensionless"
        return f"<Unit('{body}')>"

    def __format__(self, spec: str) -> str:
        if "~" not in spec:
            return str(self)
        pairs = sorted(self._names.items())
        return formatted((CATALOG[n].symbol, p) for n, p in pairs) if pairs else ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (tuple(self._names.items()),))


def _rebuild(items: tuple[tuple[str, Power], ...]) -> Unit:
    for name, _ in items:
        if name not in CATALOG:
            lookup(name)
    return Unit(dict(items))


#: The unit of a plain number.
DIMENSIONLESS = Unit()


def lookup(name: str) -> Unit | None:
    """The unit a single name stands for, as pint reads it, or ``None`` if pint knows none.

    The generated table answers for the names tco and its users write; any
    other name is asked of pint (imported on this first need).

    Examples
    --------
    >>> lookup("kWh")
    <Unit('kilowatt_hour')>
    >>> lookup("a")
    <Unit('year')>
    """
    canonical = table.NAMES.get(name)
    if canonical is not None:
        return Unit({canonical: 1})
    from tco.units import fallback

    return fallback.resolve(name)


def unit(text: str) -> Unit:
    """A unit from pint-style text (``"DKK/year"``, ``"kilowatt_hour / year"``, ``""``).

    For units written inside tco's own code; people's text goes through
    :func:`tco.units.parse_unit`. A scaling factor (``l/100 km``) is refused.

    Examples
    --------
    >>> unit("DKK / (metric_ton * year)")
    <Unit('DKK / metric_ton / year')>
    """
    from tco.units.grammar import parse_unit_text

    text = text.strip()
    if text in ("", "dimensionless", "1"):
        return DIMENSIONLESS
    factor, out = parse_unit_text(text)
    if factor != 1.0:
        raise ValueError(f"unit text {text!r} has a scaling factor")
    result: Unit = out
    return result


def base_unit(dimensionality: Dimensionality) -> Unit:
    """The base unit of a dimension: ``kilogram * meter ** 2 / second ** 2`` for an energy."""
    for dim in dimensionality:
        if dim not in BASES:
            from tco.units import fallback

            fallback.base_of(dim)
    return Unit({BASES[d]: p for d, p in dimensionality.items()})


def plan_unit(dimensionality: Dimensionality) -> Unit:
    """The plan's unit of a dimension: ``DKK / year``, ``meter ** 2 * kilogram / year ** 2``.

    A value in the plan's units (:attr:`Unit.plan_factor`) is a number of this unit.

    Examples
    --------
    >>> plan_unit(unit("kWh/year").dimensionality)
    <Unit('meter ** 2 * kilogram / year ** 3')>
    """
    base_unit(dimensionality)  # every dimension's base unit known
    return Unit({"year" if d == "[time]" else BASES[d]: p for d, p in dimensionality.items()})
