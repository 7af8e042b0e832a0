"""The single unit registry of tco.

Quantities are written the way people write them: ``38 W``, ``2.13 DKK/kWh``,
``4 %``, ``15 year``, ``30000 km/year``, ``6.5 l/100 km``, ``0.12 kg CO2e/kWh``.

Each currency is its own dimension: ``DKK`` and ``EUR`` can never be added,
and converting between them needs an exchange rate stated in the tender
(:func:`convert_currency`). ``CO2e`` is a dimensionless marker, so
``kg CO2e`` is a mass.

pint is used at the edges only: values are parsed and checked here, then
turned into plain floats in base units (:func:`to_base`) for the engine.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tco.errors import CurrencyError, UnitError
from tco.limits import MAX_VALUE_LENGTH

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
    "convert_currency",
    "currencies_of",
    "describe",
    "parse_quantity",
    "parse_unit",
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

_MAX_TEXT = MAX_VALUE_LENGTH
_NUMBER = r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?"
_VALUE_RE = re.compile(rf"^\s*({_NUMBER})\s*(.*?)\s*$")
# What is left after the number starts with more digits ("1 450 DKK", "1,450.50 DKK"):
# a thousands separator. A unit such as "1/year" is allowed.
_SEPARATED_RE = re.compile(r"^(?:[,.]\d|\d[\d.,]*(?!\s*/|[\d.,]))")
# "l/100 km" and "l/100km" mean litres per hundred kilometres, not (l/100)*km.
_PER_NUMBER_RE = re.compile(r"/\s*(\d+(?:\.\d+)?)\s*([A-Za-zµ°]\w*)")

# Names and examples for the dimensions a user meets, for error messages.
_KNOWN: dict[str, tuple[str, str]] = {
    "[mass] * [length] ** 2 / [time] ** 3": ("a power", "38 W"),
    "[mass] * [length] ** 2 / [time] ** 2": ("an energy", "120 kWh"),
    "[time]": ("a time", "15 year"),
    "[length]": ("a length", "30000 km"),
    "[mass]": ("a mass", "1.2 t"),
    "[length] ** 3": ("a volume", "1.5 m**3"),
    "[length] / [time]": ("a distance per time", "30000 km/year"),
    "[mass] / [time]": ("a mass per time", "1.2 t/year"),
    "1 / [time]": ("a rate per time", "2 %/year"),
    "dimensionless": ("a plain number or percentage", "4 %"),
}


def parse_unit(text: str) -> Any:
    """Parse a unit written as text.

    Parameters
    ----------
    text : str
        A unit such as ``"DKK/kWh"``, ``"h/year"`` or ``"l/100 km"``.

    Returns
    -------
    pint.Quantity
        The unit as a quantity of magnitude 1 in that unit, or with the
        magnitude of a numeric factor (``"l/100 km"`` gives ``0.01 l/km``).

    Raises
    ------
    UnitError
        If the text is not a unit tco knows.

    Examples
    --------
    >>> parse_unit("DKK/kWh").units
    <Unit('DKK / kilowatt_hour')>
    >>> parse_unit("l/100 km")
    <Quantity(0.01, 'liter / kilometer')>
    """
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        raise UnitError(
            "a unit must be a short text", value=text, expected="a unit such as 'DKK/kWh'"
        )
    return _parse_unit(text)


@functools.lru_cache(maxsize=4096)
def _parse_unit(text: str) -> Any:
    """Parse a checked unit text (cached: the same text gives the same quantity object)."""
    cleaned = _PER_NUMBER_RE.sub(r"/(\1 \2)", text.strip())
    if not cleaned:
        return Quantity(1.0, "dimensionless")
    try:
        q = ureg.parse_expression(cleaned)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError) as exc:
        raise UnitError(
            f"unknown unit '{text}' ({exc}); write units as in '2.13 DKK/kWh' or '3000 h/year'",
            value=text,
            expected="a known unit",
        ) from None
    except Exception as exc:  # pint's tokenizer can raise odd errors on garbage
        raise UnitError(
            f"cannot read '{text}' as a unit ({type(exc).__name__})",
            value=text,
            expected="a known unit",
        ) from None
    if not isinstance(q, ureg.Quantity):
        q = Quantity(float(q), "dimensionless")
    return q


def parse_quantity(value: object, unit: str | None = None) -> Any:
    """Parse a value such as ``"2.13 DKK/kWh"`` or ``4`` into a quantity.

    Parameters
    ----------
    value : str or float
        A number, or a number followed by its unit. A plain number is
        dimensionless unless ``unit`` is given.
    unit : str, optional
        The unit the value must be compatible with. A plain number is read
        in this unit.

    Returns
    -------
    pint.Quantity

    Raises
    ------
    UnitError
        If the text is not a number with a known unit, or its dimension does
        not match ``unit``.

    Examples
    --------
    >>> parse_quantity("4 %").to("dimensionless").magnitude
    0.04
    >>> parse_quantity("6.5 l/100km").to("l/km").magnitude
    0.065
    >>> parse_quantity(3000, "h/year")
    <Quantity(3000.0, 'hour / year')>
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise UnitError(
            f"got {value!r} of type {type(value).__name__}, expected {_expected_phrase(unit)}",
            value=value,
            expected=_expected_phrase(unit),
        )
    if isinstance(value, (int, float)):
        magnitude = float(value)
        q = Quantity(magnitude, unit) if unit else Quantity(magnitude, "dimensionless")
    else:
        if len(value) > _MAX_TEXT:
            raise UnitError(
                f"value text is {len(value)} characters long; at most {_MAX_TEXT} are allowed",
                value=value[:40] + "...",
                expected=_expected_phrase(unit),
            )
        match = _VALUE_RE.match(value)
        if match is None:
            raise UnitError(
                f"got '{value}', expected {_expected_phrase(unit)}",
                value=value,
                expected=_expected_phrase(unit),
            )
        number, unit_text = match.groups()
        if _SEPARATED_RE.match(unit_text):
            # "1 450 DKK", "1,450.50 DKK": pint would read 1 * 450 or 1.45 * ... silently.
            raise UnitError(
                f"got '{value}'; write the number without thousands separators, as in '1450.5 DKK'",
                value=value,
                expected=_expected_phrase(unit),
            )
        magnitude = float(number.replace(",", "."))
        if unit_text:
            u = parse_unit(unit_text)
            q = u * magnitude
        elif unit:
            q = Quantity(magnitude, unit)
        else:
            q = Quantity(magnitude, "dimensionless")
    if not math.isfinite(float(q.magnitude)):
        raise UnitError(
            f"got '{value}', which is not a finite number; expected {_expected_phrase(unit)}",
            value=value,
            expected=_expected_phrase(unit),
        )
    if unit is not None:
        target = parse_unit(unit)
        if q.dimensionality != target.dimensionality:
            raise _mismatch(value, q, target, unit)
    return q


def base_magnitude(value: object, unit: str) -> float | None:
    """Magnitude in base units of a plainly written value, or ``None``.

    A fast path for loading many bids: it reads a number followed by a unit
    (or a plain number) whose dimension is that of ``unit`` and whose unit has
    no offset, using a cached conversion factor and no pint arithmetic. For
    anything else (another currency, a wrong unit, odd text) it returns
    ``None``, and the caller uses :func:`parse_quantity`, which gives the
    error or handles the case.

    Examples
    --------
    >>> base_magnitude("1.5 kWh", "kWh")
    5400000.0
    >>> base_magnitude("38 kg", "W") is None
    True
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number, unit_text = float(value), unit
    elif isinstance(value, str) and len(value) <= _MAX_TEXT:
        match = _VALUE_RE.match(value)
        if match is None or _SEPARATED_RE.match(match.group(2)):
            return None
        number = float(match.group(1).replace(",", "."))
        unit_text = match.group(2) or unit
    else:
        return None
    factor = _base_factor(unit_text, unit)
    if factor is None or not math.isfinite(number):
        return None
    out = number * factor
    return out if math.isfinite(out) else None


@functools.lru_cache(maxsize=4096)
def _base_factor(unit_text: str, unit: str) -> float | None:
    """Factor from ``unit_text`` to base units if it has the dimension of ``unit``."""
    try:
        have, want = parse_unit(unit_text), parse_unit(unit)
    except UnitError:
        return None
    if have.dimensionality != want.dimensionality:
        return None
    if float(Quantity(0.0, have.units).to_base_units().magnitude) != 0.0:
        return None  # an offset unit such as degC
    return float(have.to_base_units().magnitude)


def _mismatch(value: object, q: Any, target: Any, unit: str) -> UnitError:
    got_cur, want_cur = currencies_of(q), currencies_of(target)
    cls = CurrencyError if got_cur and want_cur and got_cur != want_cur else UnitError
    return cls(
        f"got '{value}', expected {_expected_phrase(unit)}",
        value=value,
        expected=_expected_phrase(unit),
    )


def _expected_phrase(unit: str | None) -> str:
    if unit is None:
        return "a number with a unit such as '2.13 DKK/kWh'"
    try:
        return describe(parse_unit(unit), unit)
    except UnitError:
        return f"a value in '{unit}'"


def describe(q: Any, unit: str | None = None) -> str:
    """Name the dimension of a quantity in words, with an example.

    Examples
    --------
    >>> describe(parse_unit("W"), "W")
    "a power such as '38 W'"
    >>> describe(parse_unit("DKK/year"), "DKK/year")
    "a value in 'DKK/year' such as '1 DKK/year'"
    """
    key = str(q.dimensionality)
    if key in _KNOWN:
        name, example = _KNOWN[key]
        return f"{name} such as '{example}'"
    shown = unit if unit is not None else f"{q.units:~}"
    return f"a value in '{shown}' such as '1 {shown}'"


def currencies_of(q: Any) -> list[str]:
    """List the currency codes in a quantity's dimension.

    Examples
    --------
    >>> currencies_of(parse_unit("DKK/kWh"))
    ['DKK']
    >>> currencies_of(parse_unit("kWh"))
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
    >>> convert_currency(parse_quantity("100 EUR/MWh"), "DKK", {"EUR": 7.46})
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
                value=f"{q:~}",
                expected=f"an amount in {target}, or an exchange rate for {code}",
            )
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
    >>> to_base(parse_quantity("1 kWh"))
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
