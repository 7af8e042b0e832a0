"""Helpers of the tco test suite: inline models and tenders, and the example tenders' conventions.

Imported by the tests as ``from helpers import ...`` (``tests/`` is on the path, as the
directory of the suite's ``conftest.py``); the fixtures stay in ``conftest.py``.
"""

from __future__ import annotations

from typing import Any

import tco
from tco.result import Result


def simple_model(
    items: dict[str, Any], parameters: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    """A product model mapping with money parameters ``first``, ``annual`` and ``salvage``."""
    params = {
        "first": {"unit": "DKK", "bid": True},
        "annual": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "salvage": {"unit": "DKK", "bid": True, "default": "0 DKK"},
        "life": {"unit": "year", "bid": True, "default": "100 year"},
    }
    params.update(parameters or {})
    return {
        "id": "test-model",
        "title": "Test model",
        "functional_unit": "unit",
        "parameters": params,
        "items": items,
        **extra,
    }


def run(
    model: dict[str, Any], assumptions: dict[str, Any], bids: list[dict[str, Any]], **tender: Any
) -> Result:
    """Evaluate an inline tender."""
    return tco.load_tender(
        {"model": model, "assumptions": assumptions, "bids": bids, **tender}
    ).evaluate()


# Shared conventions of the example tenders of the product models: end-of-year discounting at
# r = 4 %, prices quoted in year 0, electricity at 2.13 DKK/kWh rising 1.67 %/year (Danish EPA
# vehicle tool 2021), CO2e priced at 1500 DKK/t, grid factor 0.135 kg CO2e/kWh (BR18 2025), water
# 55 DKK/m3 and 0.32 kg CO2e/m3 (model defaults).
R = 0.04  # discount rate of every example
G = 0.0167  # real escalation of the electricity price
EL = 2.13  # DKK/kWh
GRID = 0.135  # kg CO2e/kWh
CO2 = 1.5  # DKK/kg (1500 DKK/t)
WATER = 55.0  # DKK/m3
WATER_CO2 = 0.32  # kg CO2e/m3


def d(t: int, r: float = R) -> float:
    """End-of-year discount factor (1 + r) ** -t."""
    return float((1.0 + r) ** -t)


def upv(n: int) -> float:
    """Present value of 1 DKK a year in years 1..n."""
    return sum((1 + R) ** -t for t in range(1, n + 1))


def upv_el(n: int) -> float:
    """Present value of 1 DKK a year in years 1..n escalating at the electricity rate."""
    return sum(((1 + G) / (1 + R)) ** t for t in range(1, n + 1))


def example(name: str) -> Result:
    """A bundled example tender, evaluated."""
    return tco.load_tender(tco.example_path(name)).evaluate()


def bid_index(result: Result, name: str) -> int:
    """Position of a bid by name."""
    return result.bids.index(name)


# A model whose totals are easy by hand: one unit, a price, and electricity of
# power x hours x 2 DKK/kWh (used with no discounting by the profile and basket tests).
HAND_MODEL: dict[str, Any] = {
    "id": "hand",
    "title": "hand",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "power": {"unit": "W", "bid": True},
        "hours": {"unit": "h/year", "default": "1000 h/year"},
        "el": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "electricity": {"category": "use", "annual": "power * hours * el"},
    },
}
