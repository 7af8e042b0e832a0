"""One million passenger cars, after the Danish EPA vehicle TCO tool.

The model follows the method of the Danish EPA's TCO tool for motor vehicles
(2021): a 4-year period, fuel and electricity priced in year-1 prices
escalating from year 1, annual fixed costs, 4 % end-of-year discounting, a
buy-back credited at the period's end, "TCO per year" as the annuity of the
present value, and CO2e with a year-by-year electricity emission factor,
priced at 1500 DKK/t. Defaults as in the tool's background data (see
product_models/passenger-car.yaml on main for the sources).
"""

from __future__ import annotations

import resource
import tracemalloc
from typing import Any

import numpy as np
import pytest
from bench_helpers import best_time, loop_time, record

from tco.batch import BatchEvaluator

N = 1_000_000
GRID = [0.089, 0.070, 0.058, 0.054]  # kg CO2e/kWh, years 1..4 (Danish EPA tool 2021)

CAR_MODEL: dict[str, Any] = {
    "id": "passenger-car-bench",
    "title": "Passenger car (purchase), Danish EPA method",
    "functional_unit": "car",
    "residual_value": "none",
    "assumptions": {"currency": "DKK", "discount_rate": "4 %", "period": "4 year", "price_year": 1},
    "escalation": {"petrol": "1.39 %/year", "electricity": "1.67 %/year"},
    "parameters": {
        "price": {"unit": "DKK", "bid": True, "min": "0 DKK"},
        "petrol_consumption": {"unit": "l/100 km", "bid": True, "default": "0 l/100 km"},
        "electricity_consumption": {"unit": "kWh/100 km", "bid": True, "default": "0 kWh/100 km"},
        "ownership_tax": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "insurance": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "service": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "buy_back_price": {"unit": "DKK", "bid": True, "default": "0 DKK"},
        "annual_distance": {"unit": "km/year", "default": "30000 km/year"},
        "petrol_price": {"unit": "DKK/l", "default": "12.33 DKK/l"},
        "electricity_price": {"unit": "DKK/kWh", "default": "2.13 DKK/kWh"},
        "petrol_emission_factor": {"unit": "kg CO2e/l", "default": "2.52 kg CO2e/l"},
        "grid_factor": {
            "unit": "kg CO2e/kWh",
            "by_year": True,
            "default": [f"{g} kg CO2e/kWh" for g in GRID],
        },
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "petrol": {
            "category": "use",
            "annual": "annual_distance * petrol_consumption * petrol_price",
            "escalation": "petrol",
        },
        "electricity": {
            "category": "use",
            "annual": "annual_distance * electricity_consumption * electricity_price",
            "escalation": "electricity",
        },
        "ownership_tax": {"category": "use", "annual": "ownership_tax"},
        "insurance": {"category": "use", "annual": "insurance"},
        "service": {"category": "maintenance", "annual": "service"},
        "buy_back": {"category": "end_of_life", "at": "period", "amount": "-buy_back_price"},
    },
    "emissions": {
        "petrol_co2e": {"annual": "annual_distance * petrol_consumption * petrol_emission_factor"},
        "electricity_co2e": {"annual": "annual_distance * electricity_consumption * grid_factor"},
    },
}
ASSUMPTIONS = {"co2_price": "1500 DKK/t", "quantity": 1}
UNITS = {
    "price": "DKK",
    "petrol_consumption": "l/100 km",
    "electricity_consumption": "kWh/100 km",
    "ownership_tax": "DKK/year",
    "insurance": "DKK/year",
    "service": "DKK/year",
    "buy_back_price": "DKK",
}


def make_cars(n: int, seed: int) -> dict[str, np.ndarray]:
    """A catalogue of petrol, electric and plug-in hybrid cars."""
    rng = np.random.default_rng(seed)
    kind = rng.integers(0, 3, n)  # 0 petrol, 1 electric, 2 plug-in hybrid
    price = rng.uniform(150_000, 400_000, n)
    return {
        "price": price,
        "petrol_consumption": np.where(kind == 1, 0.0, rng.uniform(1.0, 8.0, n)),
        "electricity_consumption": np.where(kind == 0, 0.0, rng.uniform(12.0, 22.0, n)),
        "ownership_tax": rng.uniform(700, 3000, n),
        "insurance": rng.uniform(4000, 8000, n),
        "service": rng.uniform(2000, 5000, n),
        "buy_back_price": price * rng.uniform(0.35, 0.55, n),
    }


# -- yardsticks: the same formula, written by hand ----------------------------------------------
R, T, G_PETROL, G_EL = 0.04, 4, 0.0139, 0.0167
KM, P_PETROL, P_EL, EF_PETROL, CO2_PRICE = 30000.0, 12.33, 2.13, 2.52, 1.5  # CO2: DKK/kg


def numpy_cars(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Closed form: each stream's year-1 amount times a precomputed factor."""
    t = np.arange(1, T + 1)
    d = (1 + R) ** -t.astype(float)
    f_petrol = ((1 + G_PETROL) ** (t - 1) * d).sum()
    f_el = ((1 + G_EL) ** (t - 1) * d).sum()
    a = d.sum()
    petrol_l = KM * c["petrol_consumption"] / 100  # l/year
    el_kwh = KM * c["electricity_consumption"] / 100  # kWh/year
    use = (
        petrol_l * (P_PETROL * f_petrol)
        + el_kwh * (P_EL * f_el)
        + (c["ownership_tax"] + c["insurance"]) * a
    )
    maintenance = c["service"] * a
    end = c["buy_back_price"] * -d[-1]
    ext = petrol_l * (EF_PETROL * CO2_PRICE * a) + el_kwh * (CO2_PRICE * (np.array(GRID) @ d))
    co2 = petrol_l * (EF_PETROL * T) + el_kwh * sum(GRID)
    excl = c["price"] + use + maintenance + end
    total = excl + ext
    return {"total": total, "annualised": total / a, "co2e_kg": co2, "use": use}


def loop_cars(c: dict[str, np.ndarray], n: int) -> list[tuple[float, float]]:
    """The spreadsheet way: item by item, year by year."""
    price, cp, ce = c["price"], c["petrol_consumption"], c["electricity_consumption"]
    tax, ins, srv, bb = c["ownership_tax"], c["insurance"], c["service"], c["buy_back_price"]
    totals = []
    for i in range(n):
        total = float(price[i])
        co2 = 0.0
        for year in range(1, T + 1):
            d = (1 + R) ** -year
            petrol_l = KM * cp[i] / 100
            el_kwh = KM * ce[i] / 100
            cost = petrol_l * P_PETROL * (1 + G_PETROL) ** (year - 1)
            cost += el_kwh * P_EL * (1 + G_EL) ** (year - 1)
            cost += tax[i] + ins[i] + srv[i]
            kg = petrol_l * EF_PETROL + el_kwh * GRID[year - 1]
            co2 += kg
            total += (cost + kg * CO2_PRICE) * d
            if year == T:
                total -= bb[i] * d
        annualised = total * R / (1 - (1 + R) ** -T)
        totals.append((annualised, co2))
    return totals


@pytest.fixture(scope="module")
def cars(rng_seed: int) -> dict[str, np.ndarray]:
    return make_cars(N, rng_seed)


def test_million_cars(benchmark: Any, cars: dict[str, np.ndarray]) -> None:
    ev = BatchEvaluator(CAR_MODEL, ASSUMPTIONS, units=UNITS)
    out = benchmark(ev.arrays, cars)
    want = numpy_cars(cars)
    for key in want:
        np.testing.assert_allclose(out[key], want[key], rtol=1e-9, err_msg=key)
    sub = 20_000
    loop = loop_cars(cars, sub)
    np.testing.assert_allclose([a for a, _ in loop], want["annualised"][:sub], rtol=1e-9)
    np.testing.assert_allclose([kg for _, kg in loop], want["co2e_kg"][:sub], rtol=1e-9)
    # Peak memory of one evaluation, traced by numpy's allocations.
    tracemalloc.start()
    ev.arrays(cars)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    row = record(
        benchmark,
        "1,000,000 passenger cars (4 years)",
        numpy_s=best_time(lambda: numpy_cars(cars)),
        loop_s=loop_time(lambda n: loop_cars(cars, n), sub, N),
        targets="≤ 3× numpy, ≥ 500× loop, peak < 1 GiB",
        peak_mib=peak / 2**20,
        maxrss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    assert row["peak_mib"] < 1024
