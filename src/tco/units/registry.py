"""How units are shown to people, and money in more than one currency.

Each currency is its own dimension: ``DKK`` and ``EUR`` can never be added,
and converting between them needs an exchange rate stated in the tender
(:func:`convert_currency`). ``CO2e`` is a dimensionless marker, so
``kg CO2e`` is a mass.

Units are tco's own (:mod:`tco.units.algebra`), with pint's meanings. pint's
registry itself is built only on first need (:func:`tco.units.algebra.registry`);
``tco.units.ureg`` is that registry, loaded when first asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tco.errors import CurrencyError
from tco.units.algebra import CATALOG, CURRENCIES, DIMENSIONLESS, Quantity, Unit, lookup

__all__ = [
    "CURRENCIES",
    "Quantity",
    "base_factor",
    "convert_currency",
    "currencies_of",
    "plan_factor",
    "show_quantity",
    "show_unit",
    "to_base",
    "to_plan",
]


#: Names shown to people in place of pint's symbols (``year``, never ``a``).
_SHOWN: dict[str, str] = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "metric_ton": "t",
    "ton": "short_ton",
    "percent": "%",
    "liter": "l",
    "CO2e": "CO2e",
}


def show_unit(unit: Any) -> str:
    """Write a unit the way people write it: ``kWh/year``, ``DKK/t``, ``m^3``.

    Examples
    --------
    >>> from tco.units.algebra import unit
    >>> show_unit(unit("kilowatt_hour / year"))
    'kWh/year'
    >>> show_unit(unit("kg * CO2e / kWh"))
    'kg CO2e/kWh'
    >>> show_unit(unit("DKK / (metric_ton * year)"))
    'DKK/(t year)'
    """
    top: list[str] = []
    bottom: list[str] = []
    for name, power in unit.items():
        shown = _SHOWN.get(name) or CATALOG[name].symbol
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
    >>> show_quantity(Quantity(2.5, "kilowatt_hour / year"))
    '2.5 kWh/year'
    """
    unit = show_unit(q.units)
    return f"{float(q.magnitude):.15g} {unit}".strip()


def currencies_of(q: Any) -> list[str]:
    """List the currency codes in a quantity's dimension.

    Examples
    --------
    >>> currencies_of(Quantity(1.0, "DKK/kWh"))
    ['DKK']
    >>> currencies_of(Quantity(1.0, "kWh"))
    []
    """
    dims = q.dimensionality
    return [d[len("[currency_") : -1] for d in dims if d.startswith("[currency_")]


def convert_currency(q: Any, target: str, rates: Mapping[str, float]) -> Any:
    """Express a quantity's money in the ``target`` currency.

    Parameters
    ----------
    q : Quantity
        A quantity whose dimension holds at most one currency, to any power.
    target : str
        The currency code to convert to.
    rates : mapping of str to float
        Value of one unit of each currency, in the target currency
        (``{"EUR": 7.46}`` with target ``"DKK"``). [target currency per unit]

    Returns
    -------
    Quantity
        The same quantity with its currency replaced by ``target``.

    Raises
    ------
    CurrencyError
        If no rate is given for a currency the quantity holds.

    Examples
    --------
    >>> convert_currency(Quantity(100.0, "EUR/MWh"), "DKK", {"EUR": 7.46})
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
        factor = Quantity(rates[code], f"{target}/{code}") ** power
        q = q * factor
        q = q.to(_replace_currency(q, code, target))
    return q


def _replace_currency(q: Any, code: str, target: str) -> Unit:
    out = DIMENSIONLESS
    for name, power in q.units.items():
        out = out * (_currency(target) if name == code else Unit({name: 1})) ** power
    return out


def _currency(code: str) -> Unit:
    found = lookup(code)
    if found is None:  # pragma: no cover - a code of CURRENCIES is always known
        raise CurrencyError(f"unknown currency {code}", value=code, expected="a currency code")
    return found


def to_base(q: Any) -> float:
    """Magnitude of a scalar quantity in base units, as a float.

    Examples
    --------
    >>> to_base(Quantity(1.0, "kWh"))
    3600000.0
    """
    return float(q.to_base_units().magnitude)


def base_factor(unit: Any) -> float:
    """Factor from a unit to its base-unit expression (``kWh`` gives 3.6e6).

    Examples
    --------
    >>> from tco.units.algebra import unit
    >>> base_factor(unit("h"))
    3600.0
    """
    return float(Quantity(1.0, unit).to_base_units().magnitude)


def plan_factor(unit: Any) -> float:
    """Factor from a unit to the plan's units (``h`` gives 1/8766, ``DKK/year`` 1).

    The plan's units are the coherent system whose unit of time is the year
    (pint's year, 365.25 days), with SI units otherwise and one base per
    currency: a formula of values in it gives its result in it, with no
    factor, so ``W * h/year * DKK/kWh`` gives DKK per year.

    Examples
    --------
    >>> from tco.units.algebra import unit
    >>> plan_factor(unit("h")) * 8766
    1.0
    >>> plan_factor(unit("DKK/year")), plan_factor(unit("month"))
    (1.0, 0.08333333333333333)
    """
    return float(unit.plan_factor)


def to_plan(q: Any) -> float:
    """Magnitude of a scalar quantity in the plan's units (:func:`plan_factor`), as a float.

    Examples
    --------
    >>> to_plan(Quantity(3.0, "month"))
    0.25
    """
    u = q.units
    return (float(q.magnitude) * float(u.factor) + float(u.offset)) / float(u.plan_scale)
