"""Values as written in a tender, read into plain numbers once per text.

Each function parses with the value grammar and is cached by the text (and the currency
and exchange rates where they matter), so a tender loaded again costs no
parsing; :func:`convert_money` is the one currency conversion of the plan
builder, the batch API's columns and the analyses' inputs.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from tco.errors import UnitError
from tco.units import convert_currency, currencies_of, parse_quantity, parse_value, quantity, unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


@functools.lru_cache(maxsize=4096, typed=True)
def magnitude(raw: Any, unit: str, target: str) -> float:
    """A value as written (``'15 year'``) in ``target``; ``unit`` is that of a bare number.

    Cached by the text: a tender's values are parsed once per process.
    """
    return float(parse_quantity(raw, unit).to(target).magnitude)


@functools.lru_cache(maxsize=4096, typed=True)
def rate_value(raw: Any) -> float | None:
    """A rate as written (``'4 %'``, ``'2 %/year'``) as a plain number; ``None`` if not a rate.

    A bare number is a rate only as a plain fraction (``0.04``; ``4`` is refused).
    """
    q = parse_value(raw, rate=True)
    if q.dimensionality == unit("1/year").dimensionality:
        q = q * unit("year")
    if not q.dimensionless:
        return None
    return float(q.to("dimensionless").magnitude)


@functools.lru_cache(maxsize=1024, typed=True)
def price_per_kg(raw: Any, currency: str, rates: tuple[tuple[str, float], ...]) -> float:
    """An emission price as written in ``currency`` per kg (``'1500 DKK/t'`` in a EUR tender)."""
    # Convert the currency first: '1500 DKK/t' is a valid price in a EUR tender.
    q = parse_quantity(raw)
    if not currencies_of(q) or not _per_mass(q):
        shown = raw if currencies_of(q) else f"{raw} {currency}/t"
        fix = f"'{raw} {currency}/t'" if not currencies_of(q) else f"'1500 {currency}/t'"
        raise UnitError(
            f"got '{raw}': an emission price is money per mass of emission; "
            f"write {fix} (t is the metric tonne)",
            value=shown,
            expected=f"money per mass such as '1500 {currency}/t'",
        ).speaks("emission_price", value=raw, fix=fix)
    q = convert_money(q, currency, dict(rates))
    return float(q.to(f"{currency}/kg").magnitude)


def _per_mass(q: Any) -> bool:
    """Whether ``q`` is money (one currency) per mass."""
    (code,) = currencies_of(q)[:1] or ("",)
    return bool(code) and q.dimensionality == unit(f"{code}/kg").dimensionality


def convert_money(
    q: Any, currency: str, rates: Mapping[str, float], target: str | None = None
) -> Any:
    """Express the money in ``q`` in ``target`` (``currency`` by default).

    The one currency conversion of the plan builder, the batch API's columns
    and the analyses' inputs. ``rates`` is the value of one unit of each
    other currency in ``currency`` (a tender's ``exchange_rates``).

    Raises
    ------
    CurrencyError
        If a currency has no stated rate (unlocated: the caller adds the path).

    Examples
    --------
    >>> q = parse_quantity("100 EUR/kWh")
    >>> round(float(convert_money(q, "DKK", {"EUR": 7.46}).magnitude), 6)
    746.0
    >>> round(float(convert_money(q, "DKK", {"EUR": 7.46, "SEK": 0.7}, "SEK").magnitude), 2)
    1065.71
    """
    target = target or currency
    worth = {currency: 1.0, **rates}  # value of one unit of each currency, in the tender's
    if target not in worth:
        convert_currency(quantity(1.0, target), currency, rates)  # raises with the fix
    scaled = {code: v / worth[target] for code, v in worth.items()}
    return convert_currency(q, target, scaled)
