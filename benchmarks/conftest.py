"""pytest hooks of the benchmarks: the summary table at the end of the run."""

from __future__ import annotations

from typing import Any

import pytest
from bench_helpers import ROWS


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
