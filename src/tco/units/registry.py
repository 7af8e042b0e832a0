"""tco's pint registry, how units are shown to people, and money in more than one currency.

pint is the unit algebra: one :class:`pint.UnitRegistry`, read from tco's own
definitions file (``tco/units/definitions.txt``: the units buyers write, each
copied from pint's own definitions, the currencies, ``CO2e``, pages, and the
Danish spellings ``år``, ``timer``, ``ton``, ...), built once, on first use
(:func:`registry`). Unit texts written in tco's code are read once per text
(:func:`unit`); people's text goes through the value grammar
(:mod:`tco.units.grammar`), never straight to pint's parser.

Each currency is its own dimension: ``DKK`` and ``EUR`` can never be added,
and converting between them needs an exchange rate stated in the tender
(:func:`convert_currency`). ``CO2e`` is a dimensionless marker, so
``kg CO2e`` is a mass.

The plan's units (:func:`plan_factor`, :func:`to_plan`) are the coherent
system whose unit of time is the year (pint's year, 365.25 days), with SI
units otherwise and one base per currency: the engine computes on plain
numbers in it, with no pint inside.
"""

from __future__ import annotations

import functools
import math
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tco.errors import CurrencyError

__all__ = [
    "CURRENCIES",
    "YEAR_S",
    "base_factor",
    "convert_currency",
    "currencies_of",
    "from_names",
    "names_of",
    "plan_factor",
    "plan_unit",
    "quantity",
    "registry",
    "show_quantity",
    "show_unit",
    "to_base",
    "to_plan",
    "unit",
]

#: Currency codes known to the registry (ISO 4217), as in ``definitions.txt``.
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
#: The year in seconds (pint's year: 365.25 days of 86400 s). [s]
YEAR_S: float = 31557600.0
#: tco's unit definitions, in pint's syntax.
DEFINITIONS: Path = Path(__file__).with_name("definitions.txt")


_BUILT: list[Any] = []
_BUILDING = threading.Lock()


def registry() -> Any:
    """The pint registry of tco, built from :data:`DEFINITIONS` on first call.

    Built once per process, also when several threads ask at once (units of two
    registries cannot be combined).
    """
    if not _BUILT:
        with _BUILDING:
            if not _BUILT:
                _BUILT.append(_build())
    return _BUILT[0]


def _build() -> Any:
    """Import pint and read the definitions.

    pint probes for dask when it is imported and, if dask is installed, loads
    dask.base, which takes a quarter of a second; tco never gives pint dask
    arrays, so dask is hidden from that probe unless it is loaded already.
    """
    if "dask" in sys.modules or "pint" in sys.modules:
        import pint
    else:
        sys.modules["dask"] = None  # type: ignore[assignment]
        try:
            import pint
        finally:
            del sys.modules["dask"]
    ureg: Any = pint.UnitRegistry(
        str(DEFINITIONS),
        cache_folder=None,  # no pickled definitions are ever read: the file is parsed
        autoconvert_offset_to_baseunit=True,
        on_redefinition="raise",
    )
    # pint unpickles into its application registry, which knows no DKK: tco's quantities
    # and units (the registry's own classes) unpickle into tco's registry instead.
    ureg.Quantity.__reduce__ = _reduce_quantity
    ureg.Unit.__reduce__ = _reduce_unit
    return ureg


def _reduce_quantity(q: Any) -> tuple[Any, ...]:
    return (_rebuild_quantity, (q.magnitude, tuple(names_of(q.units).items())))


def _reduce_unit(u: Any) -> tuple[Any, ...]:
    return (from_names, (names_of(u),))


def _rebuild_quantity(magnitude: Any, names: tuple[tuple[str, float], ...]) -> Any:
    return registry().Quantity(magnitude, from_names(dict(names)))


@functools.lru_cache(maxsize=1024)
def unit(text: str) -> Any:
    """A unit from pint-style text written in tco's code (``"DKK/year"``, ``""``), read once.

    People's text goes through :func:`tco.units.parse_unit` (the value grammar).

    Examples
    --------
    >>> unit("DKK / (metric_ton * year)")
    <Unit('DKK / metric_ton / year')>
    """
    text = text.strip()
    ureg = registry()
    if text in ("", "dimensionless", "1"):
        return ureg.dimensionless
    return ureg.Unit(text)


def quantity(value: Any = 1.0, units: Any = None) -> Any:
    """A pint quantity of tco's registry: ``value`` in ``units`` (a unit or pint-style text).

    Examples
    --------
    >>> quantity(2.5, "kWh/year")
    <Quantity(2.5, 'kilowatt_hour / year')>
    """
    if isinstance(units, str):
        units = unit(units)
    ureg = registry()
    return ureg.Quantity(value, units) if units is not None else ureg.Quantity(value)


def names_of(u: Any) -> dict[str, int | float]:
    """The named units of a unit and their powers (``{'kilowatt_hour': 1, 'year': -1}``)."""
    return dict(u._units.items())


def from_names(names: Mapping[str, float]) -> Any:
    """The unit of named units to powers (the inverse of :func:`names_of`)."""
    out = registry().dimensionless
    for name, power in names.items():
        out = out * unit(name) ** power
    return out


#: Names shown to people in place of pint's symbols (``year``, never ``a``).
_SHOWN: dict[str, str] = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "metric_ton": "t",
    "percent": "%",
    "liter": "l",
    "CO2e": "CO2e",
}


def show_unit(u: Any) -> str:
    """Write a unit the way people write it: ``kWh/year``, ``DKK/t``, ``m^3``.

    Examples
    --------
    >>> show_unit(unit("kilowatt_hour / year"))
    'kWh/year'
    >>> show_unit(unit("kg * CO2e / kWh"))
    'kg CO2e/kWh'
    >>> show_unit(unit("DKK / (metric_ton * year)"))
    'DKK/(t year)'
    """
    return _show(u)


@functools.lru_cache(maxsize=1024)
def _show(u: Any) -> str:
    top: list[str] = []
    bottom: list[str] = []
    ureg = registry()
    for name, power in names_of(u).items():
        shown = _SHOWN.get(name) or ureg.get_symbol(name)
        p = abs(int(power)) if float(power).is_integer() else abs(power)
        text = shown if p == 1 else f"{shown}^{p}"
        (top if power > 0 else bottom).append(text)
    out = " ".join(top) or ("1" if bottom else "")
    if bottom:
        out += "/" + (bottom[0] if len(bottom) == 1 else "(" + " ".join(bottom) + ")")
    return out


def show_quantity(q: Any) -> str:
    """Write a quantity the way people write it: ``1500 DKK/t``.

    Examples
    --------
    >>> show_quantity(quantity(2.5, "kilowatt_hour / year"))
    '2.5 kWh/year'
    """
    shown = show_unit(q.units)
    return f"{float(q.magnitude):.15g} {shown}".strip()


def currencies_of(q: Any) -> list[str]:
    """List the currency codes in a quantity's (or a unit's) dimension.

    Examples
    --------
    >>> currencies_of(quantity(1.0, "DKK/kWh"))
    ['DKK']
    >>> currencies_of(quantity(1.0, "kWh"))
    []
    """
    return [d[len("[currency_") : -1] for d in q.dimensionality if d.startswith("[currency_")]


def convert_currency(q: Any, target: str, rates: Mapping[str, float]) -> Any:
    """Express a quantity's money in the ``target`` currency.

    Parameters
    ----------
    q : pint.Quantity
        A quantity whose dimension holds at most one currency, to any power.
    target : str
        The currency code to convert to.
    rates : mapping of str to float
        Value of one unit of each currency, in the target currency
        (``{"EUR": 7.46}`` with target ``"DKK"``). [target currency per unit]

    Returns
    -------
    pint.Quantity
        The same quantity with its currency replaced by ``target``.

    Raises
    ------
    CurrencyError
        If no rate is given for a currency the quantity holds.

    Examples
    --------
    >>> convert_currency(quantity(100.0, "EUR/MWh"), "DKK", {"EUR": 7.46})
    <Quantity(746.0, 'DKK / megawatt_hour')>
    """
    for code in currencies_of(q):
        if code == target:
            continue
        if code not in rates:
            raise CurrencyError(
                f"got an amount in {code} but the tender's currency is {target} "
                f"and no exchange rate for {code} is stated; add "
                f"'exchange_rates: {{{code}: <rate> {target}}}' to the assumptions",
                value=show_quantity(q),
                expected=f"an amount in {target}, or an exchange rate for {code}",
            ).speaks("no_exchange_rate", code=code, target=target)
        power = q.dimensionality[f"[currency_{code}]"]
        factor = quantity(rates[code], f"{target}/{code}") ** power
        q = q * factor
        q = q.to(_replace_currency(q.units, code, target))
    return q


def _replace_currency(u: Any, code: str, target: str) -> Any:
    out = registry().dimensionless
    for name, power in names_of(u).items():
        out = out * unit(target if name == code else name) ** power
    return out


def to_base(q: Any) -> float:
    """Magnitude of a scalar quantity in base units, as a float.

    Examples
    --------
    >>> to_base(quantity(1.0, "kWh"))
    3600000.0
    """
    return float(q.to_base_units().magnitude)


def base_factor(u: Any) -> float:
    """Factor from a unit to its base-unit expression (``kWh`` gives 3.6e6).

    Examples
    --------
    >>> base_factor(unit("h"))
    3600.0
    """
    return plan_terms(u)[0]


def plan_factor(u: Any) -> float:
    """Factor from a unit to the plan's units (``h`` gives 1/8766, ``DKK/year`` 1).

    The plan's units are the coherent system whose unit of time is the year
    (pint's year, 365.25 days), with SI units otherwise and one base per
    currency: a formula of values in it gives its result in it, with no
    factor, so ``W * h/year * DKK/kWh`` gives DKK per year.

    Examples
    --------
    >>> plan_factor(unit("h")) * 8766
    1.0
    >>> plan_factor(unit("DKK/year")), plan_factor(unit("month"))
    (1.0, 0.08333333333333333)
    """
    factor, _, scale = plan_terms(u)
    return factor / scale if scale != 1.0 else factor


def to_plan(q: Any) -> float:
    """Magnitude of a scalar quantity in the plan's units (:func:`plan_factor`), as a float.

    Examples
    --------
    >>> to_plan(quantity(3.0, "month"))
    0.25
    """
    factor, offset, scale = plan_terms(q.units)
    return (float(q.magnitude) * factor + offset) / scale


@functools.lru_cache(maxsize=4096)
def plan_terms(u: Any) -> tuple[float, float, float]:
    """A unit's factor to base units, its offset there, and the plan's scale of its dimension.

    A value ``x`` in ``u`` is ``x * factor + offset`` in base units (the offset is
    non-zero only for a lone offset unit such as ``degC``); a value in base units
    divided by ``scale`` (the year in seconds to the power of the unit's time) is
    in the plan's units. A unit no plan can hold (``V^9``) has a scale of NaN.
    """
    ureg = registry()
    zero = float(ureg.Quantity(0.0, u).to_base_units().magnitude)
    factor = float(ureg.Quantity(1.0, u).to_base_units().magnitude) - zero
    time = u.dimensionality.get("[time]", 0)
    try:
        scale = float(YEAR_S**time) if time else 1.0
    except OverflowError:  # a unit no plan can hold, such as V^9
        scale = math.nan
    return factor, zero, scale if scale != 0.0 else math.nan


#: Base unit of each base dimension in the plan's units but time (SI; currencies their own).
_BASES: dict[str, str] = {
    "[length]": "meter",
    "[mass]": "kilogram",
    "[time]": "year",
    "[current]": "ampere",
    "[luminosity]": "candela",
    "[temperature]": "kelvin",
    "[substance]": "mole",
}


def plan_unit(dimensionality: Mapping[str, float]) -> Any:
    """The plan's unit of a dimension: ``DKK / year``, ``kilogram * meter ** 2 / year ** 3``.

    A value in the plan's units (:func:`plan_factor`) is a number of this unit.

    Examples
    --------
    >>> plan_unit(unit("kWh/year").dimensionality)
    <Unit('kilogram * meter ** 2 / year ** 3')>
    """
    names = {_BASES.get(d) or d[len("[currency_") : -1]: p for d, p in dict(dimensionality).items()}
    return from_names(names)
