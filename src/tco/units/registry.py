"""The single unit registry of tco, and how units are shown to people.

Each currency is its own dimension: ``DKK`` and ``EUR`` can never be added,
and converting between them needs an exchange rate stated in the tender
(:func:`convert_currency`). ``CO2e`` is a dimensionless marker, so
``kg CO2e`` is a mass.

pint is used at the edges only: values are read by the value grammar
(:mod:`tco.units.values`), never by pint's own parser, then turned into plain
floats in base units (:func:`to_base`) for the engine.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tco.errors import CurrencyError

# pint probes for dask when it is imported and, if dask is installed, loads dask.base,
# which takes a quarter of a second. tco never gives pint dask arrays, so dask is
# hidden from that probe unless it is loaded already.
if "dask" in sys.modules:
    import pint
else:
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["dask"]

__all__ = [
    "CURRENCIES",
    "Quantity",
    "base_factor",
    "convert_currency",
    "currencies_of",
    "show_quantity",
    "show_unit",
    "to_base",
    "ureg",
]

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


def _cache_folder() -> Path:
    """A cache folder for pint's parsed definitions, one per pint installation.

    pint's own ``":auto:"`` folder is shared by every environment, and its
    entries name the definition files of the environment that wrote them; once
    that environment is deleted the entry fails to load. Keying the folder by
    the path and version of the installed pint avoids that.
    """
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    base = Path(root) if root else Path.home() / ".cache"
    key = f"{Path(pint.__file__).resolve()}|{pint.__version__}"
    return base / "tco" / f"pint-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def _registry() -> Any:
    """Build the registry, with pint's cache of parsed definitions where it can be kept."""
    options: dict[str, Any] = {"autoconvert_offset_to_baseunit": True, "on_redefinition": "raise"}
    try:  # a cache folder builds the registry in a tenth of the time
        folder = _cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        return pint.UnitRegistry(cache_folder=folder, **options)
    except Exception:  # pragma: no cover - an unusable cache must never stop tco
        return pint.UnitRegistry(cache_folder=None, **options)


ureg: Any = _registry()
for _code in CURRENCIES:
    ureg.define(f"{_code} = [currency_{_code}]")
ureg.define("CO2e = 1 = CO2eq")
ureg.define("tCO2e = metric_ton")
ureg.define("kgCO2e = kilogram")
ureg.define("pkm = kilometer")  # passenger-km, for clarity in rates such as g/pkm
ureg.define("page = 1")  # printed pages and sheets, as in "25000 page/year" or "0.05 DKK/sheet"
ureg.define("sheet = 1")

Quantity: Any = ureg.Quantity

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
    >>> show_unit(ureg.Unit("kilowatt_hour / year"))
    'kWh/year'
    >>> show_unit(ureg.Unit("kg * CO2e / kWh"))
    'kg CO2e/kWh'
    >>> show_unit(ureg.Unit("DKK / (metric_ton * year)"))
    'DKK/(t year)'
    """
    top: list[str] = []
    bottom: list[str] = []
    for name, power in unit._units.items():
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


def _replace_currency(q: Any, code: str, target: str) -> Any:
    units = q.units
    out = ureg.dimensionless
    for name, power in units._units.items():
        out = out * (ureg.Unit(target) if name == code else ureg.Unit(name)) ** power
    return out


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
    >>> base_factor(ureg.Unit("h"))
    3600.0
    """
    return float(Quantity(1.0, unit).to_base_units().magnitude)
