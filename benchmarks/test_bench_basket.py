"""A basket of 100 printer lines x 300 bids in one pass of the engine against a loop over lines.

The bundled copy-print basket with 100 lines (quantities and pages per year drawn at
random) and 300 random bids, each offering a device per line. ``Basket.evaluate`` stacks
the lines' compiled plans as the 30,000 rows of one plan and runs the closed-form engine
once (:func:`tco.evaluate.evaluate_plans`). Yardstick: the same lines evaluated one by one,
a loop of 100 passes over 300 rows each. Both give the same numbers (relative 1e-12).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import yaml
from bench_helpers import best_time, record

from tco.basket import Basket, basket_example_path, load_basket

L, B = 100, 300


def _basket() -> Basket:
    data = yaml.safe_load(basket_example_path("copy-print").read_text("utf-8"))
    rng = np.random.default_rng(1)
    data["lines"] = [
        {
            "name": f"line {j}",
            "quantity": int(rng.integers(1, 60)),
            "parameters": {"pages_per_year": f"{int(rng.integers(5000, 90000))} page/year"},
        }
        for j in range(L)
    ]
    data["bids"] = [
        {
            "name": f"Bid {i}",
            "lines": {
                f"line {j}": {
                    "price": f"{rng.uniform(5000, 30000):.0f} DKK",
                    "toner_cost_per_page": f"{rng.uniform(0.02, 0.2):.3f} DKK/page",
                    "service_annual": f"{rng.uniform(0, 3000):.0f} DKK/year",
                    "tec": f"{rng.uniform(0.3, 3):.2f} kWh/week",
                }
                for j in range(L)
            },
        }
        for i in range(B)
    ]
    return load_basket(data)


def test_basket_100_lines_by_300_bids(benchmark: Any) -> None:
    basket = _basket()
    result = benchmark.pedantic(basket.evaluate, rounds=5, iterations=1)
    loop = [t.evaluate() for t in basket.tenders]
    np.testing.assert_allclose(result.by_line, np.stack([r.total for r in loop]), rtol=1e-12)
    loop_s = best_time(lambda: [t.evaluate() for t in basket.tenders])
    row = record(
        benchmark,
        f"basket {L} lines x {B} bids (one pass of {L * B} rows)",
        numpy_s=None,
        loop_s=loop_s,
        targets="one pass faster than a loop over the lines",
    )
    assert row["batch_s"] < loop_s
