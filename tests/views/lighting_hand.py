"""Hand calculations of the bundled indoor-lighting example (examples/indoor-lighting.yaml).

Inputs from the example and its model (product_models/indoor-lighting.yaml):
200 luminaires, 15 years, 4 % real discount rate, end-of-year discounting,
3000 h/year at 2.13 DKK/kWh rising 1.67 %/year from year-0 prices,
installation 250 DKK per luminaire, grid factor 0.135 kg CO2e/kWh,
CO2e priced at 1500 DKK/t.
"""

from __future__ import annotations

Q = 200  # luminaires
P = 15  # years
R = 0.04  # real discount rate
HOURS = 3000.0  # h/year
PRICE_KWH = 2.13  # DKK/kWh
ESC = 0.0167  # electricity escalation per year
INSTALL = 250.0  # DKK per luminaire
GRID = 0.135  # kg CO2e/kWh
CO2_PRICE = 1.5  # DKK/kg (1500 DKK/t)

BIDS = {  # name: (price DKK, power W, rated life h)
    "Lumen Nord": (1450.0, 32.0, 50000.0),
    "Budget Light": (1100.0, 41.0, 35000.0),
    "Premium LED": (1890.0, 27.0, 70000.0),
}


def electricity_per_year(bid: str) -> float:
    """Year-0 price of a year's electricity for all luminaires: W x h / 1000 x DKK/kWh x Q."""
    return BIDS[bid][1] * HOURS / 1000.0 * PRICE_KWH * Q


def electricity_pv(bid: str) -> float:
    """Sum over t = 1..15 of the yearly cost x 1.0167^t x 1.04^-t."""
    return sum(electricity_per_year(bid) * (1 + ESC) ** t / (1 + R) ** t for t in range(1, P + 1))


def co2e_kg(bid: str) -> float:
    """kWh per year x 0.135 kg/kWh x 200 luminaires x 15 years."""
    return BIDS[bid][1] * HOURS / 1000.0 * GRID * Q * P


# Lumen Nord lasts 50000 / 3000 = 16.67 years, longer than 15: one purchase of
# (1450 + 250) x 200 = 340,000 DKK in year 0, and 1.67 / 16.67 = 10 % of it
# (34,000 DKK) credited in year 15: 340000 - 34000 x 1.04^-15.
LUMEN_NORD_ACQUISITION = 340000.0 - 34000.0 * 1.04**-15
