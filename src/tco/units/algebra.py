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
loaded lazily on that first need (:func:`registry`). So the
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

The module holds the whole algebra, as its parts need each other: the catalogue of unit
names and :class:`Unit`; :class:`Quantity`, a magnitude in a unit; the unit grammar
(:func:`parse_unit_text`), which reads unit text into a unit; and tco's pint registry
(:func:`registry`), built only when a name is not in the generated table.

Quantities
----------
Only what tco does with quantities: ``*``, ``/``, ``**``, ``+`` and ``-`` of
one dimension, :meth:`Quantity.to`, :meth:`Quantity.to_base_units`,
comparisons and the dimension. The behaviour is
pint's (tco used pint quantities before), and so are ``repr`` and the short
format ``f"{q.units:~}"``; conversions multiply by factors taken from pint.

Examples
--------
>>> q = Quantity(2.5, "kWh/year")
>>> q
<Quantity(2.5, 'kilowatt_hour / year')>
>>> q.to("W").magnitude
0.28519279032626055
>>> (Quantity(38.0, "W") * Quantity(3000.0, "h/year")).to("kWh/year").magnitude
114.0

The unit grammar
----------------
The unit grammar: unit text to a unit of tco's algebra, never handed to pint's parser.

A unit is written from unit names, ``*`` (or a space, ``·``), ``/``, ``^`` or
``**`` with a small whole exponent (or ``²``, ``³``), and parentheses::

    unit    := term (("*" | "/" | " ") term)*       left to right
    term    := atom ("^" int | "**" int | "²" | "³")?
    atom    := name | "(" unit ")" | "1" (before "/") | number (after "/": "l/100 km")

A name is looked up on its own (:func:`tco.units.algebra.lookup`: pint's names
and prefixes, the currencies, ``CO2e``, ...); ``ton`` is the metric tonne (1000 kg) and a
US short ton is written ``short_ton``. Danish words (``år``, ``måned``,
``timer``, ``procent``, ...) are read as the unit they name; ``kr``, ``kr.``
and ``øre`` are read as Danish money only under ``number_format: da``. The
text is capped in length, nesting and number of factors, so parsing takes
bounded time whatever it is given.

The pint registry
-----------------
tco's pint registry, loaded only when a unit name is not in the generated table.

pint is the authority on what a unit name means; :mod:`tco.units.table`
holds its answers for the names tco and its users write, so a usual run never
imports pint (importing it and reading its definitions takes longer than the
rest of a cold ``tco compare``). For any other name (``furlong``, a plural
pint knows, a prefix such as ``kEUR``) this module builds the registry on
first need, asks it, and adds the answer to the algebra's catalogue.

Each currency is its own dimension (``[currency_DKK]``); ``CO2e`` is a
dimensionless marker, so ``kg CO2e`` is a mass; ``page`` and ``sheet`` count
(1), ``pkm`` is a kilometre.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Any, NamedTuple

from tco.limits import MAX_UNIT_DEPTH, MAX_UNIT_EXPONENT, MAX_UNIT_FACTORS
from tco.units import table
from tco.units.numbers import NumberProblem

__all__ = [
    "ALIASES",
    "BASES",
    "CATALOG",
    "CURRENCIES",
    "DANISH_MONEY",
    "DIMENSIONLESS",
    "YEAR_S",
    "Definition",
    "Dimensionality",
    "DimensionalityError",
    "Quantity",
    "Unit",
    "UnitProblem",
    "base_of",
    "base_unit",
    "define",
    "definition",
    "formatted",
    "hint_for",
    "import_pint",
    "lookup",
    "parse_unit_text",
    "plan_unit",
    "power_of",
    "registry",
    "resolve",
    "resolve_name",
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
    """Add a unit name (read from pint by :func:`resolve`) to the catalogue."""
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
        if isinstance(other, Quantity):
            return Quantity(1.0, self) * other
        return Quantity(other, self)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Any:
        if isinstance(other, Unit):
            return self * other**-1
        return Quantity(1.0, self) / other

    def __rtruediv__(self, other: Any) -> Any:
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
    return resolve(name)


def unit(text: str) -> Unit:
    """A unit from pint-style text (``"DKK/year"``, ``"kilowatt_hour / year"``, ``""``).

    For units written inside tco's own code; people's text goes through
    :func:`tco.units.parse_unit`. A scaling factor (``l/100 km``) is refused.

    Examples
    --------
    >>> unit("DKK / (metric_ton * year)")
    <Unit('DKK / metric_ton / year')>
    """
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
            base_of(dim)
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


# -- quantities --------------------------------------------------------------------------------


def _as_unit(units: Any) -> Unit:
    """A unit from a Unit, a Quantity (its unit), pint-style text or ``None`` (no unit)."""
    if isinstance(units, Unit):
        return units
    if isinstance(units, Quantity):
        return units.units
    if units is None:
        return DIMENSIONLESS
    if isinstance(units, str):
        return unit(units)
    raise TypeError(f"not a unit: {units!r}")


class Quantity:
    """A magnitude in a unit.

    Parameters
    ----------
    value : float or numpy.ndarray
        The magnitude.
    units : Unit or str, optional
        The unit, as a :class:`~tco.units.algebra.Unit` or pint-style text
        (``"DKK/year"``); a plain number without one.
    """

    __slots__ = ("magnitude", "units")

    def __init__(self, value: Any = 1.0, units: Any = None) -> None:
        self.magnitude: Any = value
        self.units: Unit = _as_unit(units)

    @property
    def dimensionality(self) -> Dimensionality:
        """The dimension of the unit."""
        return self.units.dimensionality

    @property
    def dimensionless(self) -> bool:
        """Whether the quantity is a plain number (``4 %``, ``3000 h/year``)."""
        return not self.units.dimensionality

    def unit_items(self) -> list[tuple[str, int | float]]:
        """The named units and their powers (``[('kilowatt_hour', 1), ('year', -1)]``)."""
        return self.units.items()

    def _base(self) -> Any:
        u = self.units
        return self.magnitude * u.factor + u.offset if u.offset else self.magnitude * u.factor

    def to(self, other: Any) -> Quantity:
        """The same quantity in another unit of its dimension.

        Raises
        ------
        DimensionalityError
            If the dimensions differ.
        """
        target = _as_unit(other)
        if target == self.units:
            return Quantity(self.magnitude, target)
        if target.dimensionality != self.units.dimensionality:
            raise DimensionalityError(
                f"cannot convert from '{self.units}' ({self.units.dimensionality}) "
                f"to '{target}' ({target.dimensionality})"
            )
        if self.units.offset or target.offset:
            return Quantity((self._base() - target.offset) / target.factor, target)
        return Quantity(self.magnitude * (self.units.factor / target.factor), target)

    def to_base_units(self) -> Quantity:
        """The same quantity in base units (SI, one base per currency)."""
        return Quantity(self._base(), base_unit(self.units.dimensionality))

    def _plain(self) -> Quantity:
        """An offset quantity in base units before arithmetic (pint's autoconversion)."""
        return self.to_base_units() if self.units.offset else self

    def __mul__(self, other: Any) -> Quantity:
        a = self._plain()
        if isinstance(other, Quantity):
            b = other._plain()
            return Quantity(a.magnitude * b.magnitude, a.units * b.units)
        if isinstance(other, Unit):
            return Quantity(a.magnitude, a.units * other)
        return Quantity(a.magnitude * other, a.units)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Quantity:
        a = self._plain()
        if isinstance(other, Quantity):
            b = other._plain()
            return Quantity(a.magnitude / b.magnitude, a.units / b.units)
        if isinstance(other, Unit):
            return Quantity(a.magnitude, a.units / other)
        return Quantity(a.magnitude / other, a.units)

    def __rtruediv__(self, other: Any) -> Quantity:
        a = self._plain()
        return Quantity(other / a.magnitude, a.units**-1)

    def __pow__(self, power: float) -> Quantity:
        a = self._plain()
        return Quantity(a.magnitude**power, a.units**power)

    def __neg__(self) -> Quantity:
        return Quantity(-self.magnitude, self.units)

    def __abs__(self) -> Quantity:
        return Quantity(abs(self.magnitude), self.units)

    def _other(self, other: Any) -> Any:
        """The magnitude of ``other`` in this quantity's unit."""
        if isinstance(other, Quantity):
            return other.to(self.units).magnitude
        if self.dimensionless:
            return Quantity(other).to(self.units).magnitude
        raise DimensionalityError(f"cannot combine '{self.units}' with the plain number {other!r}")

    def __add__(self, other: Any) -> Quantity:
        return Quantity(self.magnitude + self._other(other), self.units)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Quantity:
        return Quantity(self.magnitude - self._other(other), self.units)

    def __rsub__(self, other: Any) -> Quantity:
        return Quantity(self._other(other) - self.magnitude, self.units)

    def __eq__(self, other: object) -> Any:
        if not isinstance(other, Quantity) and not self.dimensionless:
            return False
        try:
            return self.magnitude == self._other(other)
        except DimensionalityError:
            return False

    def __hash__(self) -> int:
        return hash((self.dimensionality, float(self._base())))

    def __lt__(self, other: Any) -> Any:
        return self.magnitude < self._other(other)

    def __le__(self, other: Any) -> Any:
        return self.magnitude <= self._other(other)

    def __gt__(self, other: Any) -> Any:
        return self.magnitude > self._other(other)

    def __ge__(self, other: Any) -> Any:
        return self.magnitude >= self._other(other)

    def __float__(self) -> float:
        if not self.dimensionless:
            raise DimensionalityError(f"'{self.units}' is not a plain number")
        return float(self.to(DIMENSIONLESS).magnitude)

    def __repr__(self) -> str:
        m = self.magnitude
        shown = f"{m:.9}" if isinstance(m, float) else f"{m}"
        return f"<Quantity({shown}, '{repr(self.units)[7:-3]}')>"

    def __str__(self) -> str:
        return f"{self.magnitude} {self.units}"

    def __format__(self, spec: str) -> str:
        if "~" in spec:
            return f"{self.magnitude} {self.units:~}".rstrip()
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Quantity, (self.magnitude, self.units))


# -- the unit grammar --------------------------------------------------------------------------

#: Names read as another registry name, whatever the number format.
ALIASES: dict[str, str] = {
    "ton": "metric_ton",
    "tons": "metric_ton",
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "short_tons": "short_ton",
    "år": "year",
    "måned": "month",
    "måneder": "month",
    "md": "month",
    "mdr": "month",
    "uge": "week",
    "uger": "week",
    "dag": "day",
    "dage": "day",
    "døgn": "day",
    "time": "hour",
    "timer": "hour",
    "procent": "percent",
    "pct": "percent",
    "side": "page",
    "sider": "page",
    "ark": "sheet",
}
#: Danish money words, read as DKK under ``number_format: da`` only.
DANISH_MONEY: dict[str, tuple[float, str]] = {
    "kr": (1.0, "DKK"),
    "kr.": (1.0, "DKK"),
    "kroner": (1.0, "DKK"),
    "øre": (0.01, "DKK"),
}
#: Names a buyer might type that are not units, with the unit to write.
_HINTS: dict[str, str] = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "m2": "m^2",
    "m3": "m^3",
    "stk": "a plain number (no unit)",
    "pcs": "a plain number (no unit)",
    "kwh": "kWh",
    "mwh": "MWh",
    "kw": "kW",
}
#: Common units, for "did you mean" hints.
_COMMON = [
    "W",
    "kW",
    "MW",
    "kWh",
    "MWh",
    "GWh",
    "Wh",
    "J",
    "MJ",
    "GJ",
    "h",
    "min",
    "s",
    "day",
    "week",
    "month",
    "year",
    "km",
    "m",
    "cm",
    "mm",
    "l",
    "m^3",
    "kg",
    "g",
    "t",
    "short_ton",
    "%",
    "DKK",
    "EUR",
    "SEK",
    "NOK",
    "USD",
    "GBP",
    "CO2e",
    "page",
    "sheet",
]

#: Words for units, lower-case, with the unit to write.
_WORDS: dict[str, str] = {
    "watt": "W",
    "kilowatt": "kW",
    "hour": "h",
    "hours": "h",
    "liter": "l",
    "litre": "l",
    "kilogram": "kg",
    "tonne": "t",
    "euro": "EUR",
    "krone": "DKK",
    "kroner": "DKK",
    "percent": "%",
    "years": "year",
    "aar": "year",
}

_TOKEN_RE = re.compile(
    r"(?P<name>[^\W\d_]\w*\.?|%|‰)|(?P<number>\d+(?:\.\d+)?)|(?P<op>\*\*|[*/^()·⋅×])"
    r"|(?P<sup>[²³⁴])"
)
_SPACE_RE = re.compile(r"\s*")
_INT_RE = re.compile(r"\(?\s*([-+\u2212]?\s*\d{1,3})\s*\)?(?![\d.,])")
_ENDS_ATOM = ("name", "number", "sup", "exp")


class UnitProblem(NumberProblem):
    """A unit text that cannot be read: the message id and its fields."""


Token = tuple[str, str]


def _tokens(text: str) -> list[Token]:
    """Split unit text into tokens; a space between two atoms is a '*'."""
    out: list[Token] = []
    pos = 0
    while True:
        pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return out
        if out and out[-1] in (("op", "^"), ("op", "**")):
            exp = _INT_RE.match(text, pos)
            if exp is None:
                shown = text[pos : pos + 6].strip()
                raise UnitProblem("exponent", {"exponent": shown, "cap": str(MAX_UNIT_EXPONENT)})
            out.append(("exp", re.sub(r"\s", "", exp.group(1)).replace("\u2212", "-")))
            pos = exp.end()
            continue
        match = _TOKEN_RE.match(text, pos)
        if match is None and text[pos] in _HINTS:
            raise UnitProblem("unknown_unit", {"name": text[pos], "hint": _HINTS[text[pos]]})
        if match is None:
            raise UnitProblem("unit_syntax", {"detail": f"'{text[pos]}' is not part of a unit"})
        kind = match.lastgroup or ""
        value, end = match.group(kind), match.end()
        if kind == "name" and value.endswith(".") and value not in DANISH_MONEY:
            value, end = value[:-1], end - 1
        if kind == "op" and value in "·⋅×":
            value = "*"
        starts = kind in ("name", "number") or (kind, value) == ("op", "(")
        if starts and out and (out[-1][0] in _ENDS_ATOM or out[-1] == ("op", ")")):
            out.append(("op", "*"))
        out.append((kind, value))
        pos = end
        if len(out) > 4 * MAX_UNIT_FACTORS:
            raise UnitProblem("unit_too_long", {"cap": str(MAX_UNIT_FACTORS)})


class _Parser:
    """Recursive descent over the tokens; builds (factor, unit) pairs."""

    def __init__(self, tokens: list[Token], resolve: Callable[[str], tuple[float, Any]]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.factors = 0
        self.resolve = resolve
        self.names: set[str] = set()

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def unit(self) -> tuple[float, Any]:
        factor, unit = self.term(first=True)
        while (token := self.peek()) is not None and token[0] == "op" and token[1] in "*/":
            self.take()
            if token[1] == "*":
                f, u = self.term()
                factor, unit = factor * f, unit * u
            else:
                f, u = self.divisor()
                factor, unit = factor / f, unit / u
        return factor, unit

    def divisor(self) -> tuple[float, Any]:
        """What follows '/': a term, or a number and the term it counts ('/100 km')."""
        token = self.peek()
        if token is not None and token[0] == "number":
            self.take()
            count = float(token[1])
            if count <= 0:
                raise UnitProblem("unit_syntax", {"detail": "a unit is not divided by 0"})
            nxt = self.peek()
            if nxt == ("op", "*"):
                self.take()
                f, u = self.term()
                return count * f, u
            return count, DIMENSIONLESS
        return self.term()

    def term(self, first: bool = False) -> tuple[float, Any]:
        self.factors += 1
        if self.factors > MAX_UNIT_FACTORS:
            raise UnitProblem("unit_too_long", {"cap": str(MAX_UNIT_FACTORS)})
        token = self.peek()
        if token is None:
            raise UnitProblem("unit_syntax", {"detail": "a unit name is missing at the end"})
        self.take()
        kind, value = token
        if kind == "name":
            if value in self.names:  # 'DKK**2/DKK', 'DKK*h/h': write the unit it comes to
                raise UnitProblem("repeated_unit", {"name": value})
            self.names.add(value)
            factor, unit = self.resolve(value)
        elif kind == "number" and value == "1" and first and self.peek() in (None, ("op", "/")):
            factor, unit = 1.0, DIMENSIONLESS
        elif kind == "number" and first and self.depth > 0 and self.peek() == ("op", "*"):
            factor, unit = float(value), DIMENSIONLESS  # '(100 km)': a count of units
            if factor <= 0:
                raise UnitProblem("unit_syntax", {"detail": "a unit is not counted by 0"})
        elif kind == "op" and value == "(":
            self.depth += 1
            if self.depth > MAX_UNIT_DEPTH:
                raise UnitProblem("unit_too_deep", {"cap": str(MAX_UNIT_DEPTH)})
            factor, unit = self.unit()
            if self.peek() != ("op", ")"):
                raise UnitProblem("unit_syntax", {"detail": "a '(' is not closed"})
            self.take()
            self.depth -= 1
        elif kind == "number":
            before = self.tokens[self.i - 2][1] if self.i >= 2 else ""
            raise UnitProblem("arithmetic", {"op": before or value})
        else:
            raise UnitProblem("unit_syntax", {"detail": f"'{value}' where a unit name belongs"})
        power = self.exponent()
        if power is not None:
            factor, unit = factor**power, unit**power
        return factor, unit

    def exponent(self) -> int | None:
        token = self.peek()
        if token is None:
            return None
        if token[0] == "sup":
            self.take()
            return "²³⁴".index(token[1]) + 2
        if token not in (("op", "^"), ("op", "**")):
            return None
        self.take()
        nxt = self.peek()
        if nxt is None or nxt[0] != "exp":
            raise UnitProblem("exponent", {"exponent": "", "cap": str(MAX_UNIT_EXPONENT)})
        self.take()
        power = int(nxt[1])
        if not -MAX_UNIT_EXPONENT <= power <= MAX_UNIT_EXPONENT or power == 0:
            raise UnitProblem("exponent", {"exponent": nxt[1], "cap": str(MAX_UNIT_EXPONENT)})
        return power


def parse_unit_text(text: str, danish: bool = False) -> tuple[float, Any]:
    """Read unit text as a factor and a unit.

    Parameters
    ----------
    text : str
        The unit as written (``"DKK/kWh"``, ``"l/100 km"``), at most
        :data:`~tco.limits.MAX_VALUE_LENGTH` characters.
    danish : bool
        Read ``kr``, ``kr.`` and ``øre`` as Danish money.

    Returns
    -------
    (float, Unit)
        A factor (0.01 for ``l/100 km``) and the unit.

    Raises
    ------
    UnitProblem
        If the text is not a unit of this grammar.

    Examples
    --------
    >>> parse_unit_text("l/100 km")
    (0.01, <Unit('liter / kilometer')>)
    >>> parse_unit_text("1500 DKK/ton".split()[1])
    (1.0, <Unit('DKK / metric_ton')>)
    """
    return _parse_cached(text.strip(), danish)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, danish: bool) -> tuple[float, Any]:
    if not text:
        return 1.0, DIMENSIONLESS
    parser = _Parser(_tokens(text), functools.partial(resolve_name, danish=danish))
    factor, unit = parser.unit()
    if parser.peek() is not None:
        token = parser.peek()
        detail = "a ')' without its '('" if token == ("op", ")") else f"'{token}' is left over"
        raise UnitProblem("unit_syntax", {"detail": detail})
    for dimension, power in unit.dimensionality.items():
        if dimension.startswith("[currency_") and power not in (1, -1):
            code = dimension[len("[currency_") : -1]
            raise UnitProblem("currency_power", {"name": code, "power": f"{power:g}"})
    return factor, unit


@functools.lru_cache(maxsize=1024)
def resolve_name(name: str, danish: bool = False) -> tuple[float, Any]:
    """Look up one unit name in the registry; raise :class:`UnitProblem` with a hint.

    Examples
    --------
    >>> resolve_name("ton")
    (1.0, <Unit('metric_ton')>)
    >>> resolve_name("kr", danish=True)
    (1.0, <Unit('DKK')>)
    """
    if name in DANISH_MONEY:
        if danish:
            factor, code = DANISH_MONEY[name]
            return factor, Unit({code: 1})
        raise UnitProblem("unknown_unit", {"name": name, "krone": name})
    if name == "%":
        return 1.0, Unit({"percent": 1})
    if name == "‰":
        return 1.0, Unit({"permille": 1})
    target = ALIASES.get(name, name)
    if name not in _HINTS and re.fullmatch(r"[^\W\d_]\w*", target):
        unit = lookup(target)
        if unit is not None:
            _refuse_prefixed_currency(name, unit)
            return 1.0, unit
    raise UnitProblem("unknown_unit", {"name": name, "hint": hint_for(name)})


def _refuse_prefixed_currency(name: str, unit: Any) -> None:
    """Refuse ``mDKK`` or ``kEUR``: a currency is written by its code alone."""
    for dimension in unit.dimensionality:
        code = dimension[len("[currency_") : -1] if dimension.startswith("[currency_") else ""
        if code and name != code and name.endswith(code):
            raise UnitProblem(
                "currency_prefix", {"name": name, "prefix": name[: -len(code)], "code": code}
            )


def hint_for(name: str) -> str:
    """The unit a buyer probably meant by ``name``, or ``""``.

    Examples
    --------
    >>> hint_for("dkk"), hint_for("kwh"), hint_for("Wattz")
    ('DKK', 'kWh', 'W')
    """
    if name in _HINTS:
        return _HINTS[name]
    lower = {c.lower(): c for c in _COMMON}
    lower.update(_WORDS)
    key = name.lower().rstrip(".")
    if key in lower:
        return lower[key]
    match = get_close_matches(key, list(lower), n=1, cutoff=0.75)
    return lower[match[0]] if match else ""


# -- the pint registry, on first need ----------------------------------------------------------

#: Currency codes known to the registry (ISO 4217).
CURRENCIES: tuple[str, ...] = (
    "DKK",
    "EUR",
    "SEK",
    "NOK",
    "ISK",
    "USD",
    "GBP",
    "CHF",
    "PLN",
    "CZK",
    "HUF",
    "CAD",
    "AUD",
    "JPY",
)


def import_pint() -> Any:
    """Import pint with dask hidden from its probe.

    pint probes for dask when it is imported and, if dask is installed, loads
    dask.base, which takes a quarter of a second. tco never gives pint dask
    arrays, so dask is hidden from that probe unless it is loaded already.
    """
    if "dask" in sys.modules or "pint" in sys.modules:
        import pint

        return pint
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["dask"]
    return pint


def cache_folder() -> Path:
    """A cache folder for pint's parsed definitions, one per pint installation.

    pint's own ``":auto:"`` folder is shared by every environment, and its
    entries name the definition files of the environment that wrote them; once
    that environment is deleted the entry fails to load. Keying the folder by
    the path and version of the installed pint avoids that.
    """
    pint = import_pint()
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    base = Path(root) if root else Path.home() / ".cache"
    key = f"{Path(pint.__file__).resolve()}|{pint.__version__}"
    return base / "tco" / f"pint-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


@functools.cache
def registry() -> Any:
    """The pint registry of tco, built on first call (with pint's cache of parsed definitions)."""
    pint = import_pint()
    options: dict[str, Any] = {"autoconvert_offset_to_baseunit": True, "on_redefinition": "raise"}
    try:  # a cache folder builds the registry in a tenth of the time
        folder = cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        ureg = pint.UnitRegistry(cache_folder=folder, **options)
    except Exception:  # pragma: no cover - an unusable cache must never stop tco
        ureg = pint.UnitRegistry(cache_folder=None, **options)
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("CO2e = 1 = CO2eq")
    ureg.define("tCO2e = metric_ton")
    ureg.define("kgCO2e = kilogram")
    ureg.define("pkm = kilometer")  # passenger-km, for clarity in rates such as g/pkm
    ureg.define("page = 1")  # printed pages and sheets, as in "25000 page/year"
    ureg.define("sheet = 1")
    return ureg


def definition(name: str) -> Definition:
    """What pint says a canonical unit name means (symbol, factor, dimension, offset)."""
    ureg = registry()
    factor, root = ureg.get_base_units(name, check_nonmult=False)
    dims = tuple(sorted((str(k), power_of(v)) for k, v in ureg.get_dimensionality(name).items()))
    zero = float(ureg.Quantity(0.0, name).to_base_units().magnitude)
    for base in root._units:  # the base units, for Quantity.to_base_units
        dims_of_base = tuple(ureg.get_dimensionality(base))
        if len(dims_of_base) == 1:  # a base unit such as 'radian' has no dimension
            BASES.setdefault(str(dims_of_base[0]), str(base))
    return Definition(str(ureg.get_symbol(name)), float(factor), dims, zero)


def resolve(name: str) -> Unit | None:
    """The unit pint reads a single name as, or ``None`` if pint knows no such unit."""
    ureg = registry()
    try:
        pint_unit = ureg.Unit(name)
    except Exception:  # pint raises several kinds for text it cannot read
        return None
    names = dict(pint_unit._units)
    for canonical in names:
        if canonical not in CATALOG:
            define(canonical, definition(canonical))
    return Unit(names)


def base_of(dim: str) -> None:
    """Record the base unit of a dimension not seen yet (from pint)."""
    ureg = registry()
    for name in ureg._units:  # pragma: no cover - only for exotic dimensions
        if ureg._units[name].is_base and str(next(iter(ureg.get_dimensionality(name)))) == dim:
            define(name, definition(name))
            BASES.setdefault(dim, name)
            return
