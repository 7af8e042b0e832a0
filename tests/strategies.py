"""Hypothesis strategies: valid product models and tenders, and junk for fuzzing.

:func:`tenders` draws a tender with its product model inline: random
parameter values, a random subset of cost items with random timings
(``once``, ``annual`` with optional start and stop, ``every``, ``at``,
``end_of_life``), an optional lifetime per bid, an optional emission with a
CO2 price, random rates, period, quantity and conventions, and one to five
bids.

Every money amount enters through a parameter (``price``, ``fee``,
``running``, ``energy_price``) or the CO2 price, and every formula is
homogeneous of degree one in them, with positive coefficients; so scaling
all of them by ``c`` scales every cost by ``c`` (:func:`scale_money`), and
raising a bid's money value never lowers a cost. Values are written with
two decimals, as a user would.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from tco.units import plain_number

__all__ = [
    "MONEY_BID",
    "MONEY_BUYER",
    "formulas",
    "junk",
    "scale_money",
    "tenders",
]

#: Bid parameters in money (unit, as in the model).
MONEY_BID = {"price": "DKK", "fee": "DKK", "running": "DKK/year"}
#: Buyer parameters in money.
MONEY_BUYER = {"energy_price": "DKK/kWh"}

PARAMETERS: dict[str, Any] = {
    "price": {"unit": "DKK", "bid": True, "min": "0 DKK"},
    "fee": {"unit": "DKK", "bid": True, "min": "0 DKK"},
    "running": {"unit": "DKK/year", "bid": True, "min": "0 DKK/year"},
    "consumption": {"unit": "kWh/year", "bid": True, "min": "0 kWh/year"},
    "life": {"unit": "year", "bid": True, "default": "10 year"},
    "energy_price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
    "grid": {"unit": "kg/kWh", "default": "0.1 kg/kWh"},
}


def _num(lo: float, hi: float) -> st.SearchStrategy[float]:
    """A number with two decimals in ``[lo, hi]``."""
    return st.integers(round(lo * 100), round(hi * 100)).map(lambda n: n / 100)


_coef = st.sampled_from(["1", "1.5", "2", "0.25"])


@st.composite
def _items(draw: st.DrawFn) -> dict[str, Any]:
    """A non-empty random subset of cost items with random timings and coefficients."""
    items: dict[str, Any] = {}
    per_unit = st.booleans()
    if draw(st.booleans()):
        items["purchase"] = {
            "category": "acquisition",
            "once": f"{draw(_coef)} * price",
            "per_unit": draw(per_unit),
        }
    if draw(st.booleans()):
        item: dict[str, Any] = {
            "category": "use",
            "annual": "running + consumption * energy_price",
            "escalation": "energy",
            "per_unit": draw(per_unit),
        }
        if draw(st.booleans()):
            start = draw(st.integers(1, 10))
            item["start"] = f"{start} year"
            item["stop"] = f"{start + draw(st.integers(0, 30))} year"
        items["running"] = item
    if draw(st.booleans()):
        items["service"] = {
            "category": "maintenance",
            "every": f"{draw(_num(0.5, 45))} year",
            "amount": f"{draw(_coef)} * fee",
            "per_unit": draw(per_unit),
        }
    if draw(st.booleans()):
        items["overhaul"] = {
            "category": "maintenance",
            "at": f"{draw(_num(0, 45))} year",
            "amount": f"max(fee, {draw(_coef)} * price)",
            "per_unit": draw(per_unit),
        }
    if draw(st.booleans()) or not items:
        items["disposal"] = {
            "category": "end_of_life",
            "end_of_life": f"{draw(_coef)} * fee",
            "per_unit": draw(per_unit),
        }
    return items


@st.composite
def tenders(
    draw: st.DrawFn,
    *,
    max_period: int = 40,
    min_bids: int = 1,
    max_bids: int = 5,
    rates: st.SearchStrategy[float] | None = None,
) -> dict[str, Any]:
    """A valid tender mapping with its product model inline.

    Parameters
    ----------
    max_period : int
        Longest study period drawn. [year]
    min_bids, max_bids : int
        Number of bids.
    rates : strategy of float, optional
        Discount rates in percent (default 0 to 12 %).
    """
    model: dict[str, Any] = {
        "id": "random",
        "title": "Random model",
        "functional_unit": "unit",
        "parameters": copy.deepcopy(PARAMETERS),
        "items": draw(_items()),
        "escalation": {"energy": "0 %"},
    }
    with_life = draw(st.booleans())
    if with_life:
        model["lifetime"] = "life"
    if draw(st.booleans()):
        model["emissions"] = {"co2": {"annual": "consumption * grid"}}
    period = draw(st.integers(1, max_period))
    assumptions: dict[str, Any] = {
        "currency": "DKK",
        "discount_rate": f"{draw(rates if rates is not None else _num(0, 12))} %",
        "period": f"{period} year",
        "quantity": draw(st.integers(1, 500)),
        "discounting": draw(st.sampled_from(["end", "mid", "begin"])),
        "price_year": draw(st.sampled_from([0, 1])),
    }
    if draw(st.booleans()):
        assumptions["escalation"] = {"energy": f"{draw(_num(-5, 10))} %"}
    else:
        assumptions["escalation"] = {
            "energy": [
                f"{x} %" for x in draw(st.lists(_num(-5, 10), min_size=period, max_size=period))
            ]
        }
    if "emissions" in model and draw(st.booleans()):
        assumptions["co2_price"] = f"{draw(_num(0, 2000))} DKK/t"
    n = draw(st.integers(min_bids, max_bids))
    bids = []
    for i in range(n):
        bid = {
            "name": f"bid {i + 1}",
            "price": f"{draw(_num(0, 100_000))} DKK",
            "fee": f"{draw(_num(0, 5_000))} DKK",
            "running": f"{draw(_num(0, 10_000))} DKK/year",
            "consumption": f"{draw(_num(0, 20_000))} kWh/year",
        }
        if with_life:
            bid["life"] = f"{draw(_num(0.5, 45))} year"
        bids.append(bid)
    return {
        "model": model,
        "assumptions": assumptions,
        "parameters": {"energy_price": f"{draw(_num(0, 5))} DKK/kWh"},
        "bids": bids,
    }


def _scale(text: str, factor: float) -> str:
    number, _, unit = text.partition(" ")
    return f"{plain_number(float(number) * factor)} {unit}"


def scale_money(tender: dict[str, Any], factor: float) -> dict[str, Any]:
    """The tender with every money value (bids', buyer's, CO2 price) times ``factor``.

    Examples
    --------
    >>> t = {"assumptions": {}, "parameters": {"energy_price": "2 DKK/kWh"},
    ...      "bids": [{"name": "a", "price": "10 DKK", "power": "3 W"}]}
    >>> s = scale_money(t, 2.0)
    >>> s["bids"][0]["price"], s["bids"][0]["power"], s["parameters"]["energy_price"]
    ('20 DKK', '3 W', '4 DKK/kWh')
    """
    out = copy.deepcopy(tender)
    for bid in out["bids"]:
        for key in MONEY_BID:
            if key in bid:
                bid[key] = _scale(bid[key], factor)
    for key in MONEY_BUYER:
        if key in out.get("parameters", {}):
            out["parameters"][key] = _scale(out["parameters"][key], factor)
    if "co2_price" in out["assumptions"]:
        out["assumptions"]["co2_price"] = _scale(out["assumptions"]["co2_price"], factor)
    return out


# -- junk, for fuzzing ----------------------------------------------------------------------

#: Pieces formulas are made of, valid and not.
FORMULA_TOKENS = [
    "price", "fee", "power", "hours", "period", "x", "pr1ce", "_", "__import__",
    "+", "-", "*", "/", "**", "^", "(", ")", ",", "%", ".", ";", "'", "=", "[", "]",
    "0", "1", "2.5", "1e308", "1e-308", "1e999", ".5", "3.", "0.0",
    "DKK", "EUR", "W", "kWh", "h", "year", "km", "l/100 km", "kg CO2e", "%/year", "Wattz",
    "min", "max", "ceil", "floor", "round", "abs", "sqrt", "exp", "log", "eval",
    " ", "  ", "\t", "²", "µ", "°",
]  # fmt: skip


def formulas(max_tokens: int = 25) -> st.SearchStrategy[str]:
    """Random formulas built from :data:`FORMULA_TOKENS`."""
    return st.lists(st.sampled_from(FORMULA_TOKENS), max_size=max_tokens).map(" ".join) | st.lists(
        st.sampled_from(FORMULA_TOKENS), max_size=max_tokens
    ).map("".join)


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | formulas(6)
    | st.sampled_from(["15 year", "4 %", "1450 DKK", "32 W", "lifetime", "indoor-lighting"])
)


def junk(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Random nested mappings and lists of random scalars."""
    return st.recursive(
        _scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "model",
                        "bids",
                        "name",
                        "price",
                        "assumptions",
                        "period",
                        "items",
                        "parameters",
                        "unit",
                        "annual",
                        "once",
                        "id",
                        "title",
                        "functional_unit",
                        "category",
                    ]
                )
                | st.text(max_size=8),
                inner,
                max_size=4,
            )
        ),
        max_leaves=max_leaves,
    )
