"""Usage profiles: 20 profiles x 500 bids in one vectorised pass against a loop over profiles.

The bundled indoor-lighting profiles example with 500 random bids and 20
profiles of operating hours. ``tco.analysis.profiles.profiles`` evaluates the
``20 x 500`` rows in one pass of the engine, then searches where the winner
changes between profiles in a row (``(K - 1) x 1001`` points per changing
pair, every bid). Yardstick: a Python loop evaluating the tender once per
profile with the profile's values written in (no search for the switches).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from bench_helpers import ROWS, best_time

import tco
from tco.analysis.profiles import profiles

K, B = 20, 500


def _tender() -> tuple[tco.Tender, dict[str, Any]]:
    data = tco.load_tender(tco.example_path("indoor-lighting-profiles")).spec.model_dump(
        exclude_none=True
    )
    rng = np.random.default_rng(1)
    data["bids"] = [
        {
            "name": f"Bid {i}",
            "price": f"{rng.uniform(800, 2000):.0f} DKK",
            "power": f"{rng.uniform(20, 45):.1f} W",
            "rated_life": f"{rng.uniform(30000, 70000):.0f} h",
        }
        for i in range(B)
    ]
    data["profiles"] = {
        f"p{k}": {"weight": 1 + k % 3, "parameters": {"operating_hours": f"{500 + 300 * k} h/year"}}
        for k in range(K)
    }
    return tco.load_tender(data), data


def test_profiles_20_by_500(benchmark: Any) -> None:
    tender, data = _tender()

    def loop() -> list[Any]:
        return [
            tco.load_tender(
                {**data, "profiles": {}, "parameters": {**data["parameters"], **p["parameters"]}}
            ).evaluate()
            for p in data["profiles"].values()
        ]

    start = time.perf_counter()
    results = loop()
    loop_s = time.perf_counter() - start
    table = benchmark.pedantic(profiles, args=(tender,), rounds=3, iterations=1)
    for k, r in enumerate(results):
        np.testing.assert_allclose(table.cost[k], r.total, rtol=1e-12)
    ranking_s = best_time(lambda: profiles(tender, switches=False))  # without the search
    ours = float(benchmark.stats.stats.median)
    row = {
        "case": f"profiles {K} x {B} bids (ranking alone {ranking_s * 1e3:.0f} ms; "
        f"{len(table.switches)} switches searched)",
        "batch_s": ours,
        "loop_s": loop_s,
        "loop_speedup": loop_s / ranking_s,
        "targets": "the ranking faster than a loop over profiles",
    }
    benchmark.extra_info.update(row)
    ROWS.append(row)
    assert ranking_s < loop_s
