"""Shared helpers of the benchmarks: timing of yardsticks and the rows of the summary table.

Run with ``python -m pytest benchmarks --benchmark-only`` (needs the ``bench``
extra). Each benchmark times the batch API with pytest-benchmark and two
yardsticks written beside it: a plain per-item Python loop of the same
formula (timed on a subset and scaled to the full size) and a hand-written
closed-form numpy version. The table at the end lists the ratios.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

ROWS: list[dict[str, Any]] = []


def best_time(fn: Callable[[], Any], rounds: int = 5) -> float:
    """Median wall time of ``fn`` over ``rounds`` runs, after one warm-up. [s]"""
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def loop_time(fn: Callable[[int], Any], subset: int, total: int) -> float:
    """Time of a per-item loop over ``subset`` items, scaled to ``total`` items. [s]"""
    start = time.perf_counter()
    fn(subset)
    return (time.perf_counter() - start) * total / subset


def record(
    benchmark: Any,
    case: str,
    *,
    numpy_s: float | None,
    loop_s: float | None,
    targets: str,
    **extra: Any,
) -> dict[str, Any]:
    """Store the ratios in the benchmark's extra info and the summary table."""
    ours = float(benchmark.stats.stats.median)
    row: dict[str, Any] = {"case": case, "batch_s": ours, "targets": targets, **extra}
    if numpy_s is not None:
        row["numpy_s"] = numpy_s
        row["vs_numpy"] = ours / numpy_s
    if loop_s is not None:
        row["loop_s"] = loop_s
        row["loop_speedup"] = loop_s / ours
    benchmark.extra_info.update(row)
    ROWS.append(row)
    return row
