"""Time Monte Carlo at the target scale: 10 bids x 100 000 samples x 20 years.

Run with ``python benchmarks/bench_montecarlo.py``. It prints the time of
:func:`tco.analysis.monte_carlo` (totals from present value factors, no
year-by-year cash flows) and, for comparison, of the same rows evaluated
through the year-by-year engine (:func:`tco.evaluate.evaluate_plan`) on a
tenth of the samples.
"""

from __future__ import annotations

import time

import numpy as np

import tco
from tco.analysis import monte_carlo
from tco.analysis.uncertainty import parse_uncertainty
from tco.analysis.variants import variant_plan
from tco.evaluate import evaluate_plan

BIDS = [
    {
        "name": f"Bid {i}",
        "price": f"{1000 + 60 * i} DKK",
        "power": f"{24 + 2 * i} W",
        "rated_life": f"{40000 + 4000 * i} h",
    }
    for i in range(10)
]
TENDER = tco.load_tender(
    {
        "model": "indoor-lighting",
        "assumptions": {"period": "20 year", "quantity": 200, "co2_price": "1500 DKK/t"},
        "bids": BIDS,
    }
)
UNCERTAINTY = {
    key: tco.load_tender(tco.example_path("indoor-lighting-uncertain")).spec.uncertainty[key]  # type: ignore[index]
    for key in ("parameters", "correlation")
}
# Without the discount rate: the year-by-year engine takes one rate per plan.
PARAMETERS_ONLY = {
    "parameters": {
        k: v for k, v in UNCERTAINTY["parameters"].items() if k in ("operating_hours", "power")
    }
}


def best_of(n: int, fn: object) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    S = 100_000
    monte_carlo(TENDER, UNCERTAINTY, samples=1000, seed=0)  # warm up
    t_all = best_of(3, lambda: monte_carlo(TENDER, UNCERTAINTY, samples=S, seed=1))
    print(f"monte_carlo, 10 bids x {S:,} samples x 20 years, 5 inputs: {t_all:.3f} s")
    t_par = best_of(3, lambda: monte_carlo(TENDER, PARAMETERS_ONLY, samples=S, seed=1))
    print(f"monte_carlo, parameters only (operating hours, power):      {t_par:.3f} s")

    small = S // 10
    u = parse_uncertainty(TENDER.plan, PARAMETERS_ONLY)
    changes = u.draw(np.random.default_rng(1), small)

    def engine() -> None:
        evaluate_plan(variant_plan(TENDER.plan, changes, small)).total  # noqa: B018

    t_engine = best_of(1, engine)
    print(
        f"year-by-year engine on {small:,} samples (same inputs): {t_engine:.3f} s "
        f"(x10 = {10 * t_engine:.2f} s for {S:,})"
    )


if __name__ == "__main__":
    main()
