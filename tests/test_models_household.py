"""Household appliance and laundry product models: refrigerators, dishwashers, washing
machines, ovens and professional washing machines.

For each model one bid's present value is computed by hand below, from the example's numbers,
with every factor written out; the shared conventions of the examples are in helpers.py.
"""

from __future__ import annotations

import pytest

import tco
from helpers import CO2, EL, GRID, WATER, WATER_CO2, bid_index, example, upv, upv_el


def test_household_refrigerator_by_hand() -> None:
    # Hvidevare B: 20 fridges at 3200 DKK using 180 kWh/year (energy label), 15 years.
    r = example("household-refrigerator")
    i = bid_index(r, "Hvidevare B")
    expected = 20 * (3200 + 180 * EL * upv_el(15) + 180 * GRID * CO2 * upv(15))
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.emissions["co2e"][i] == pytest.approx(20 * 180 * GRID * 15, rel=1e-9)


def test_household_refrigerator_replaced_when_life_is_shorter() -> None:
    # The same tender with a 10-year service life: each fridge is bought in year 0 and in
    # year 10, and the second one has (10 + 10 - 15) / 10 = 0.5 of its life left in year 15.
    path = tco.example_path("household-refrigerator")
    tender = tco.load_tender(path)
    data = tender.spec.model_dump(exclude_defaults=True)
    data["parameters"]["service_life"] = "10 year"
    r = tco.load_tender(data).evaluate()
    i = bid_index(r, "Hvidevare B")
    acquisition = 20 * 3200 * (1 + 1.04**-10 - 0.5 * 1.04**-15)
    assert r.by_category["acquisition"][i] == pytest.approx(acquisition, rel=1e-9)


def test_household_dishwasher_by_hand() -> None:
    # Opvask C: 15 machines at 5400 DKK; 64 kWh per 100 cycles and 9.5 l per cycle;
    # 500 cycles/year; detergent 1.50 DKK/cycle; 12 years.
    r = example("household-dishwasher")
    i = bid_index(r, "Opvask C")
    kwh = 64 / 100 * 500  # 320 kWh/year
    m3 = 9.5 * 500 / 1000  # 4.75 m3/year
    expected = 15 * (
        5400
        + kwh * EL * upv_el(12)
        + m3 * WATER * upv(12)
        + 1.50 * 500 * upv(12)
        + (kwh * GRID + m3 * WATER_CO2) * CO2 * upv(12)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)


def test_washing_machine_by_hand() -> None:
    # Vask A: 10 machines at 7200 DKK; 48 kWh per 100 cycles and 46 l per cycle;
    # 400 cycles/year; detergent 2.00 DKK/cycle; 12 years.
    r = example("washing-machine")
    i = bid_index(r, "Vask A")
    kwh = 48 / 100 * 400  # 192 kWh/year
    m3 = 46 * 400 / 1000  # 18.4 m3/year
    expected = 10 * (
        7200
        + kwh * EL * upv_el(12)
        + m3 * WATER * upv(12)
        + 2.00 * 400 * upv(12)
        + (kwh * GRID + m3 * WATER_CO2) * CO2 * upv(12)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.emissions["co2e"][i] == pytest.approx(
        10 * (kwh * GRID + m3 * WATER_CO2) * 12, rel=1e-9
    )


def test_household_oven_by_hand() -> None:
    # Ovn B: 12 ovens at 3900 DKK using 0.95 kWh per cycle, 300 cycles/year, 15 years.
    r = example("household-oven")
    i = bid_index(r, "Ovn B")
    kwh = 0.95 * 300  # 285 kWh/year
    expected = 12 * (3900 + kwh * EL * upv_el(15) + kwh * GRID * CO2 * upv(15))
    assert r.total[i] == pytest.approx(expected, rel=1e-9)


def test_professional_washing_machine_by_hand() -> None:
    # WashLine: 2 machines at 110000 DKK + 5000 DKK installation; per kg of laundry
    # 0.26 kWh, 11 l water and 15 g detergent at 30 DKK/kg; 15000 kg/year;
    # service 6000 DKK/year; 12 years.
    r = example("professional-washing-machine")
    i = bid_index(r, "WashLine")
    kwh = 0.26 * 15000  # 3900 kWh/year
    m3 = 11 * 15000 / 1000  # 165 m3/year
    detergent = 15 / 1000 * 15000 * 30  # 225 kg/year at 30 DKK/kg = 6750 DKK/year
    expected = 2 * (
        110000
        + 5000
        + kwh * EL * upv_el(12)
        + m3 * WATER * upv(12)
        + detergent * upv(12)
        + 6000 * upv(12)
        + (kwh * GRID + m3 * WATER_CO2) * CO2 * upv(12)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
