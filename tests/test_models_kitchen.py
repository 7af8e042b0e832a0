"""Professional kitchen product models: cabinets, blast chillers, condensing units,
dishwashers and ovens.

For each model one bid's present value is computed by hand below, from the example's numbers,
with every factor written out; the shared conventions of the examples are in helpers.py.
"""

from __future__ import annotations

import pytest

from helpers import CO2, EL, GRID, WATER, WATER_CO2, bid_index, example, upv, upv_el


def test_refrigerated_cabinet_by_hand() -> None:
    # EcoFrost: 6 cabinets at 33000 DKK, 620 kWh/year, service 1200 DKK/year, over 15 years
    # with a 10-year service life and disposal 500 DKK per cabinet.
    r = example("refrigerated-cabinet")
    i = bid_index(r, "EcoFrost")
    purchases = 33000 * (1 + 1.04**-10)  # bought in year 0 and again in year 10
    # The second cabinet has (10 + 10 - 15) / 10 = 0.5 of its life left in year 15.
    residual = -0.5 * 33000 * 1.04**-15
    disposal = 500 * 1.04**-10  # end of the first life; the second ends after year 15
    electricity = 620 * EL * upv_el(15)
    service = 1200 * upv(15)
    co2 = 620 * GRID * CO2 * upv(15)
    expected = 6 * (purchases + residual + disposal + electricity + service + co2)
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.emissions["co2e"][i] == pytest.approx(6 * 620 * GRID * 15, rel=1e-9)


def test_blast_chiller_by_hand() -> None:
    # Frostline: 2 cabinets at 68000 DKK + 3000 DKK installation, 0.06 kWh/kg for
    # 10000 kg/year plus 900 kWh/year holding, service 2500 DKK/year, 10 years, 10-year life.
    r = example("blast-chiller")
    i = bid_index(r, "Frostline")
    kwh = 0.06 * 10000 + 900  # = 1500 kWh/year
    expected = 2 * (
        68000
        + 3000  # year 0; life = period, so no residual value
        + kwh * EL * upv_el(10)
        + 2500 * upv(10)
        + kwh * GRID * CO2 * upv(10)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)


def test_condensing_unit_by_hand() -> None:
    # Standard Kulde: 31000 DKK + 15000 DKK installation, SEPR 2.6 for 15000 kWh/year of
    # cooling, 6 kg of R449A (GWP 1397) leaking 10 %/year refilled at 400 DKK/kg,
    # service 3500 DKK/year, disposal 2000 DKK at the end of its 12-year life = the period.
    r = example("condensing-unit")
    i = bid_index(r, "Standard Kulde")
    kwh = 15000 / 2.6
    leak = 6 * 0.10  # kg/year
    co2e_per_year = kwh * GRID + leak * 1397  # kg/year
    expected = (
        31000
        + 15000
        + kwh * EL * upv_el(12)
        + 3500 * upv(12)
        + leak * 400 * upv(12)
        + 2000 * 1.04**-12
        + co2e_per_year * CO2 * upv(12)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.emissions["co2e"][i] == pytest.approx(co2e_per_year * 12, rel=1e-9)
    # The leaked R449A outweighs the propane unit's leaks: 0.6 * 1397 vs 0.15 * 3 kg/year.
    assert r.emissions["co2e"][i] > r.emissions["co2e"][bid_index(r, "Propan Kulde")]


def test_professional_dishwasher_by_hand() -> None:
    # CleanHood: 62000 DKK + 5000 DKK installation; per rack 0.45 kWh, 2.0 l water and
    # 6 g detergent at 40 DKK/kg; 3000 racks a year; service 4000 DKK/year; 10 years.
    r = example("professional-dishwasher")
    i = bid_index(r, "CleanHood")
    kwh = 0.45 * 3000  # 1350 kWh/year
    m3 = 2.0 * 3000 / 1000  # 6 m3/year
    detergent = 6 / 1000 * 3000 * 40  # 18 kg/year at 40 DKK/kg = 720 DKK/year
    expected = (
        62000
        + 5000
        + kwh * EL * upv_el(10)
        + m3 * WATER * upv(10)
        + detergent * upv(10)
        + 4000 * upv(10)
        + (kwh * GRID + m3 * WATER_CO2) * CO2 * upv(10)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)


def test_professional_oven_by_hand() -> None:
    # GreenCook: 2 ovens at 110000 DKK + 5000 DKK installation; 2.9 kW for 750 h/year in
    # hot air and 3.8 kW for 500 h/year in steam using 3 l/h; cleaning 2500 and service
    # 4500 DKK/year; 10 years.
    r = example("professional-oven")
    i = bid_index(r, "GreenCook")
    kwh = 2.9 * 750 + 3.8 * 500  # 2175 + 1900 = 4075 kWh/year
    m3 = 3 * 500 / 1000  # 1.5 m3/year
    expected = 2 * (
        110000
        + 5000
        + kwh * EL * upv_el(10)
        + m3 * WATER * upv(10)
        + (2500 + 4500) * upv(10)
        + (kwh * GRID + m3 * WATER_CO2) * CO2 * upv(10)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.by_category["use"][i] == pytest.approx(
        2 * (kwh * EL * upv_el(10) + m3 * WATER * upv(10) + 2500 * upv(10)), rel=1e-9
    )
