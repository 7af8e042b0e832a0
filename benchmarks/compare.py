"""Before and after, in one run: the speed targets of the engine, timed on two installs of tco.

Run ``python benchmarks/compare.py --before /path/to/old/venv/bin/python``.
Each case runs in a fresh process of each interpreter (the one running this
script is "after"), alternating, and the table at the end gives, per case,
the median time within the fastest process, and the ratios. ``--clock cpu``
times the process's CPU time instead of the wall clock: steadier when other
work shares the machine. ``python benchmarks/compare.py --json`` runs the cases
in this interpreter only and prints their times as JSON (what the parent
reads from each child).

Cases (the targets of the engine's design, ``benchmarks/README.md``):

- ``cars_pandas``: :func:`tco.evaluate_batch` on a pandas DataFrame of
  1,000,000 cars (the Danish EPA vehicle method of ``test_bench_cars.py``),
  and its ratio to the hand-written numpy closed form; target ≤ 2×.
- ``tender_3``: a 3-bid tender given as a mapping, load and evaluate;
  target ≤ 1 ms.
- ``tender_2000_yaml``: a 2,000-bid tender read from a YAML file, load and
  evaluate; target ≤ 0.2 s.
- ``to_dict_N``: :meth:`tco.Result.to_dict` of an N-bid tender (N = 2,000
  and 8,000); linear in N (today quadratic).
- ``montecarlo``: :func:`tco.analysis.monte_carlo`, 10 bids × 100,000
  samples × 20 years; target ≤ 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}


def _median(fn: Callable[[], Any], rounds: int, warm: int = 1) -> float:
    """Median time of ``fn`` by the clock chosen with ``--clock``. [s]"""
    clock = CLOCK[os.environ.get("TCO_BENCH_CLOCK", "wall")]
    for _ in range(warm):
        fn()
    times = []
    for _ in range(rounds):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def _bids(n: int) -> list[dict[str, str]]:
    return [
        {
            "name": f"Bid {i}",
            "price": f"{1000 + (37 * i) % 900} DKK",
            "power": f"{24 + (i % 20)} W",
            "rated_life": f"{40000 + 100 * (i % 300)} h",
        }
        for i in range(n)
    ]


def _tender(n: int) -> dict[str, Any]:
    return {
        "model": "indoor-lighting",
        "assumptions": {"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"},
        "bids": _bids(n),
    }


def run_cases() -> dict[str, float]:
    """Time every case in this interpreter. [s]"""
    sys.path.insert(0, str(HERE))
    import numpy as np
    import pandas as pd
    import yaml
    from test_bench_cars import ASSUMPTIONS, CAR_MODEL, UNITS, make_cars, numpy_cars

    import tco
    from tco.analysis import monte_carlo

    out: dict[str, float] = {}
    cars = make_cars(1_000_000, 20261123)
    frame = pd.DataFrame(cars)
    got = tco.evaluate_batch(CAR_MODEL, frame, units=UNITS, assumptions=ASSUMPTIONS)
    want = numpy_cars(cars)
    np.testing.assert_allclose(got["total"].to_numpy(), want["total"], rtol=1e-9)
    out["cars_pandas"] = _median(
        lambda: tco.evaluate_batch(CAR_MODEL, frame, units=UNITS, assumptions=ASSUMPTIONS), 5
    )
    out["cars_numpy"] = _median(lambda: numpy_cars(cars), 5)
    del got, want

    small = _tender(3)
    out["tender_3"] = _median(lambda: tco.load_tender(small).evaluate().total, 200, warm=5)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(yaml.safe_dump(_tender(2000)), encoding="utf-8")
        out["tender_2000_yaml"] = _median(lambda: tco.load_tender(path).evaluate().total, 5)

    for n in (2000, 8000):
        result = tco.load_tender(_tender(n)).evaluate()
        out[f"to_dict_{n}"] = _median(result.to_dict, 3)

    bids = _tender(10)
    bids["assumptions"]["period"] = "20 year"
    ten = tco.load_tender(bids)
    uncertain = tco.load_tender(tco.example_path("indoor-lighting-uncertain")).spec.uncertainty
    assert uncertain is not None
    section = {key: uncertain[key] for key in ("parameters", "correlation")}
    out["montecarlo"] = _median(
        lambda: monte_carlo(ten, section, samples=100_000, seed=1), 5, warm=1
    )
    return out


def _child(python: str, clock: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "TCO_BENCH_CLOCK": clock}
    proc = subprocess.run(
        [python, str(Path(__file__).resolve()), "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


TARGETS = {
    "cars_pandas / cars_numpy": "≤ 2",
    "tender_3": "≤ 0.001 s",
    "tender_2000_yaml": "≤ 0.2 s",
    "to_dict_8000 / to_dict_2000": "≈ 4 (linear)",
    "montecarlo": "≤ 0.2 s",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="time here, print JSON")
    parser.add_argument("--before", help="python of the install to compare against")
    parser.add_argument("--rounds", type=int, default=2, help="processes per install")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCK),
        default="wall",
        help="wall time, or the process's CPU time (steadier on a shared machine)",
    )
    args = parser.parse_args()
    if args.json:
        print(json.dumps(run_cases()))
        return
    runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    for _ in range(args.rounds):
        if args.before:
            runs["before"].append(_child(args.before, args.clock))
        runs["after"].append(_child(sys.executable, args.clock))
    table: dict[str, dict[str, float]] = {}
    for side, results in runs.items():
        if results:
            # The fastest process: the others were slowed by other work on the machine.
            table[side] = {k: min(r[k] for r in results) for k in results[0]}
    for side in table.values():
        side["cars_pandas / cars_numpy"] = side["cars_pandas"] / side["cars_numpy"]
        side["to_dict_8000 / to_dict_2000"] = side["to_dict_8000"] / side["to_dict_2000"]
    print(f"clock: {args.clock}, {args.rounds} processes per install, fastest process shown")
    print("| case | before | after | before / after | target |")
    print("|---|---|---|---|---|")
    for key in table["after"]:
        after = table["after"][key]
        before = table.get("before", {}).get(key)
        speedup = f"{before / after:.1f}" if before else ""
        unit = "" if "/" in key else " s"
        b = f"{before:.4g}{unit}" if before else ""
        print(f"| {key} | {b} | {after:.4g}{unit} | {speedup} | {TARGETS.get(key, '')} |")


if __name__ == "__main__":
    main()
