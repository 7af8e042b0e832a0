"""Outdoor lighting, flushing toilets and vending machines.

For each model one bid's present value is computed by hand below, from the example's numbers,
with every factor written out; the shared conventions of the examples are in helpers.py.
"""

from __future__ import annotations

import pytest

from helpers import CO2, EL, GRID, WATER, WATER_CO2, bid_index, example, upv, upv_el


def test_outdoor_lighting_by_hand() -> None:
    # Budget Street: 500 luminaires at 2600 DKK, 45 W, rated life 60000 h, driver life
    # 50000 h at 500 DKK; 4000 burning hours a year dimmed to 77 % on average; mounting
    # 500 DKK, driver labour 400 DKK and lift 350 DKK per visit; 25 years.
    r = example("outdoor-lighting")
    i = bid_index(r, "Budget Street")
    # One luminaire lasts 60000 / 4000 = 15 years: bought in year 0 and in year 15.
    purchase = 2600 + 500 + 350
    purchases = purchase * (1 + 1.04**-15)
    # The second one has (15 + 15 - 25) / 15 = 1/3 of its life left in year 25.
    residual = -purchase / 3 * 1.04**-25
    # A driver lasts 50000 / 4000 = 12.5 years: replaced once, at 12.5 years, booked in
    # year 13 (the next replacement, at 25 years, is the period's end and not counted).
    driver = (500 + 400 + 350) * 1.04**-13
    kwh = 45 / 1000 * 0.77 * 4000  # 138.6 kWh/year
    expected = 500 * (
        purchases + residual + driver + kwh * EL * upv_el(25) + kwh * GRID * CO2 * upv(25)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.by_item["driver_replacement"][i] == pytest.approx(500 * driver, rel=1e-9)


def test_outdoor_lighting_driver_outlasting_luminaire_is_never_replaced() -> None:
    # Nordlys Vej's driver lives as long as the luminaire (100000 h = 25 years): no driver
    # replacement; Premium Road's 80000 h driver is replaced once at 20 years.
    r = example("outdoor-lighting")
    assert r.by_item["driver_replacement"][bid_index(r, "Nordlys Vej")] == 0.0
    premium = bid_index(r, "Premium Road")
    assert r.by_item["driver_replacement"][premium] == pytest.approx(
        500 * (700 + 400 + 350) * 1.04**-20, rel=1e-9
    )


def test_flushing_toilet_by_hand() -> None:
    # Sanitet B: 40 toilets at 1600 DKK + 2500 DKK installation; 6 l full and 3 l reduced
    # flush with 75 % reduced flushes; 25 flushes a day on 200 days a year; maintenance
    # 80 DKK/year; 25 years with a 25-year life.
    r = example("flushing-toilet")
    i = bid_index(r, "Sanitet B")
    flush = 0.25 * 6 + 0.75 * 3  # 3.75 l average flush
    m3 = flush * 25 * 200 / 1000  # 18.75 m3/year
    expected = 40 * (
        1600 + 2500 + m3 * WATER * upv(25) + 80 * upv(25) + m3 * WATER_CO2 * CO2 * upv(25)
    )
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    assert r.emissions["co2e"][i] == pytest.approx(40 * m3 * WATER_CO2 * 25, rel=1e-9)


def test_vending_machine_by_hand() -> None:
    # Automat Syd: 4 machines at 29000 DKK; 380 W for 3000 h/year in normal mode and
    # 190 W for 5760 h/year in energy-saving mode; service 2500 DKK/year; 8 years.
    r = example("vending-machine")
    i = bid_index(r, "Automat Syd")
    kwh = 0.380 * 3000 + 0.190 * 5760  # 1140 + 1094.4 = 2234.4 kWh/year
    expected = 4 * (29000 + kwh * EL * upv_el(8) + 2500 * upv(8) + kwh * GRID * CO2 * upv(8))
    assert r.total[i] == pytest.approx(expected, rel=1e-9)
    # A bid that declares its annual energy instead: Automat Nord, 1400 kWh/year.
    nord = bid_index(r, "Automat Nord")
    assert r.by_item["electricity"][nord] == pytest.approx(4 * 1400 * EL * upv_el(8), rel=1e-9)
