"""Shared helpers of the benchmarks: timing of yardsticks and the summary table.

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

import pytest

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


def _fmt(v: Any, spec: str) -> str:
    return "" if v is None else format(v, spec)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not ROWS:
        return
    tr = terminalreporter
    tr.section("tco batch benchmarks")
    tr.write_line(
        "| case | batch [s] | numpy yardstick [s] | batch / numpy | Python loop [s] "
        "| loop / batch | peak memory [MiB] | targets |"
    )
    tr.write_line("|---|---|---|---|---|---|---|---|")
    for r in ROWS:
        tr.write_line(
            f"| {r['case']} | {r['batch_s']:.3f} | {_fmt(r.get('numpy_s'), '.3f')} "
            f"| {_fmt(r.get('vs_numpy'), '.2f')} | {_fmt(r.get('loop_s'), '.1f')} "
            f"| {_fmt(r.get('loop_speedup'), '.0f')} | {_fmt(r.get('peak_mib'), '.0f')} "
            f"| {r['targets']} |"
        )


@pytest.fixture(scope="session")
def rng_seed() -> int:
    return 20261123
