"""Outdoor lighting, flushing toilets and vending machines.

Each bundled model loads, carries Danish and English texts and sourced buyer defaults,
and its example tender evaluates. For each model one bid's present value is computed
by hand below, from the example's numbers, with every factor written out.

Shared conventions of the examples (tco defaults, see docs): end-of-year discounting at
r = 4 %, prices quoted in year 0, electricity escalating 1.67 %/year so its price in year t
is 2.13 * 1.0167**t DKK/kWh, CO2e priced at 1500 DKK/t = 1.5 DKK/kg and grid factor
0.135 kg CO2e/kWh (BR18 2025), water 55 DKK/m3 and 0.32 kg CO2e/m3 (model defaults).
"""

from __future__ import annotations

import math

import pytest

import tco

R = 0.04  # discount rate of every example
G = 0.0167  # real escalation of the electricity price
EL = 2.13  # DKK/kWh
GRID = 0.135  # kg CO2e/kWh
CO2 = 1.5  # DKK/kg (1500 DKK/t)
WATER = 55.0  # DKK/m3
WATER_CO2 = 0.32  # kg CO2e/m3

MODELS = ["outdoor-lighting", "flushing-toilet", "vending-machine"]


def upv(n: int) -> float:
    """Present value of 1 DKK a year in years 1..n."""
    return sum((1 + R) ** -t for t in range(1, n + 1))


def upv_el(n: int) -> float:
    """Present value of 1 DKK a year in years 1..n escalating at the electricity rate."""
    return sum(((1 + G) / (1 + R)) ** t for t in range(1, n + 1))


def example(name: str) -> tco.Result:
    return tco.load_tender(tco.example_path(name)).evaluate()


def bid_index(result: tco.Result, name: str) -> int:
    return result.bids.index(name)


@pytest.mark.parametrize("model_id", MODELS)
def test_model_loads_with_texts_and_sourced_defaults(model_id: str) -> None:
    model = tco.load_model(model_id)
    assert model.id == model_id
    assert model.spec.title.da and model.spec.description and model.spec.description.da
    assert model.lifetime is not None  # purchases recur and residual value is credited
    for name, p in model.parameters.items():
        spec = p.spec
        assert spec.label is not None and spec.label.da, name
        assert spec.description is not None and spec.description.da, name
        if not spec.bid:
            assert spec.default is not None and spec.source, name
    categories = {s.spec.category for s in model.items.values()}
    assert {"acquisition", "use", "maintenance", "end_of_life"} <= categories
    assert model.emissions


@pytest.mark.parametrize("model_id", MODELS)
def test_example_evaluates(model_id: str) -> None:
    result = example(model_id)
    assert len(result.bids) >= 3
    assert all(math.isfinite(x) and x > 0 for x in result.total)
    assert all(x > 0 for x in result.emissions["co2e"])
    assert sorted(result.rank.tolist()) == list(range(1, len(result.bids) + 1))


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
