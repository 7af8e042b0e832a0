"""One million luminaires over 15 years, and a Monte Carlo study of 10 bids.

Both use the bundled indoor-lighting model: a luminaire lasts its rated life
divided by the operating hours, is replaced at each end of life within the
period, and the remaining value of the last one is credited linearly at the
period's end; electricity escalates 1.67 %/year; CO2e at 0.135 kg/kWh priced
at 1500 DKK/t; 4 % end-of-year discounting.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from bench_helpers import best_time, loop_time, record

from tco.batch import BatchEvaluator

N = 1_000_000
ASSUMPTIONS = {"period": "15 year", "quantity": 1, "co2_price": "1500 DKK/t"}
UNITS = {"price": "DKK", "power": "W", "rated_life": "h"}
INSTALL, HOURS, EL_PRICE, ESC, R, GRID, CO2_PRICE = 250.0, 3000.0, 2.13, 0.0167, 0.04, 0.135, 1.5
EPS = 1e-9


def numpy_lighting(
    price: np.ndarray,
    power: np.ndarray,
    rated_life: np.ndarray,
    *,
    T: int,
    hours: np.ndarray | float = HOURS,
    el_price: np.ndarray | float = EL_PRICE,
) -> dict[str, np.ndarray]:
    """Closed form: purchases at k L < T (booked in year ceil(k L)), residual, energy."""
    t = np.arange(T + 1, dtype=float)
    d = (1 + R) ** -t
    esc = (1 + ESC) ** t
    life = rated_life / hours  # years
    unit = price + INSTALL
    n_buys = np.ceil(T / life - EPS)  # units bought: k = 0 .. n_buys - 1
    acq = unit.copy()  # the first, at year 0
    for k in range(1, int(n_buys.max())):
        year = np.minimum(np.ceil((k - EPS) * life), T).astype(np.intp)
        acq += np.where(k < n_buys, unit * d[year], 0.0)
    frac = np.clip((n_buys * life - T) / life, 0.0, 1.0)
    acq -= unit * frac * d[T]
    kwh = power * hours / 1000.0
    use = kwh * el_price * (esc[1:] * d[1:]).sum()
    co2 = kwh * (GRID * T)
    ext = kwh * (GRID * CO2_PRICE * d[1:].sum())
    total = acq + use + ext
    return {"total": total, "acquisition": acq, "use": use, "co2e_kg": co2}


def loop_lighting(
    price: Any, power: Any, rated_life: Any, n: int, T: int, hours: Any = None, el_price: Any = None
) -> list[float]:
    """Item by item, year by year, as in a spreadsheet."""
    out = []
    for i in range(n):
        h = HOURS if hours is None else hours[i]
        p_el = EL_PRICE if el_price is None else el_price[i]
        life = rated_life[i] / h
        unit = price[i] + INSTALL
        total = unit
        k = 1
        while k * life < T - EPS:
            total += unit * (1 + R) ** -math.ceil(k * life - EPS)
            k += 1
        frac = (k * life - T) / life
        total -= unit * frac * (1 + R) ** -T
        for year in range(1, T + 1):
            kwh = power[i] * h / 1000.0
            total += kwh * p_el * (1 + ESC) ** year * (1 + R) ** -year
            total += kwh * GRID * CO2_PRICE * (1 + R) ** -year
        out.append(total)
    return out


@pytest.fixture(scope="module")
def luminaires(rng_seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(rng_seed)
    return {
        "price": rng.uniform(500, 3000, N),
        "power": rng.uniform(10, 60, N),
        "rated_life": rng.uniform(20_000, 100_000, N),  # 6.7 to 33 years at 3000 h/year
    }


def test_million_luminaires(benchmark: Any, luminaires: dict[str, np.ndarray]) -> None:
    ev = BatchEvaluator("indoor-lighting", ASSUMPTIONS, units=UNITS)
    out = benchmark(ev.arrays, luminaires)
    c = luminaires
    want = numpy_lighting(c["price"], c["power"], c["rated_life"], T=15)
    for key in want:
        np.testing.assert_allclose(out[key], want[key], rtol=1e-9, err_msg=key)
    sub = 20_000
    loop = loop_lighting(c["price"], c["power"], c["rated_life"], sub, 15)
    np.testing.assert_allclose(loop, want["total"][:sub], rtol=1e-9)
    record(
        benchmark,
        "1,000,000 luminaires (15 years, replacements)",
        numpy_s=best_time(lambda: numpy_lighting(c["price"], c["power"], c["rated_life"], T=15)),
        loop_s=loop_time(
            lambda n: loop_lighting(c["price"], c["power"], c["rated_life"], n, 15), sub, N
        ),
        targets="≤ 3× numpy, ≥ 500× loop",
    )


BIDS = [  # 10 bids: price [DKK], power [W], rated life [h]
    (1450, 32, 50_000),
    (1100, 41, 35_000),
    (1890, 27, 70_000),
    (1250, 36, 40_000),
    (990, 45, 30_000),
    (1600, 30, 60_000),
    (2100, 24, 80_000),
    (1350, 34, 45_000),
    (1750, 29, 65_000),
    (1200, 38, 42_000),
]
SAMPLES = 100_000


@pytest.fixture(scope="module")
def monte_carlo(rng_seed: int) -> dict[str, np.ndarray]:
    """10 bids x 100,000 samples of operating hours and electricity price: 1,000,000 rows."""
    rng = np.random.default_rng(rng_seed + 1)
    bids = np.array(BIDS, dtype=float)
    hours = rng.uniform(2500, 3500, SAMPLES)
    el_price = rng.lognormal(np.log(2.13), 0.2, SAMPLES)
    return {
        "price": np.repeat(bids[:, 0], SAMPLES),
        "power": np.repeat(bids[:, 1], SAMPLES),
        "rated_life": np.repeat(bids[:, 2], SAMPLES),
        "operating_hours": np.tile(hours, len(BIDS)),
        "electricity_price": np.tile(el_price, len(BIDS)),
    }


def test_monte_carlo(benchmark: Any, monte_carlo: dict[str, np.ndarray]) -> None:
    ev = BatchEvaluator(
        "indoor-lighting",
        {**ASSUMPTIONS, "period": "20 year"},
        units={**UNITS, "operating_hours": "h/year", "electricity_price": "DKK/kWh"},
    )
    out = benchmark(ev.arrays, monte_carlo)
    c = monte_carlo
    args = (c["price"], c["power"], c["rated_life"])
    kw = {"hours": c["operating_hours"], "el_price": c["electricity_price"]}
    want = numpy_lighting(*args, T=20, **kw)
    for key in want:
        np.testing.assert_allclose(out[key], want[key], rtol=1e-9, err_msg=key)
    sub = 10_000
    idx = np.arange(0, N, N // sub)  # every bid, a spread of samples
    loop = loop_lighting(
        *(a[idx] for a in args), sub, 20, hours=kw["hours"][idx], el_price=kw["el_price"][idx]
    )
    np.testing.assert_allclose(loop, want["total"][idx], rtol=1e-9)
    totals = out["total"].reshape(len(BIDS), SAMPLES)
    wins = np.bincount(totals.argmin(axis=0), minlength=len(BIDS)) / SAMPLES
    assert abs(wins.sum() - 1.0) < 1e-12
    record(
        benchmark,
        "Monte Carlo: 10 bids × 100,000 samples × 20 years",
        numpy_s=best_time(lambda: numpy_lighting(*args, T=20, **kw)),
        loop_s=loop_time(
            lambda n: loop_lighting(
                *(a[idx] for a in args), n, 20, hours=kw["hours"][idx], el_price=kw["el_price"][idx]
            ),
            sub,
            N,
        ),
        targets="< 1 s",
    )
    assert benchmark.stats.stats.median < 1.0
