"""Danish numbers in outputs: tco's writer against Babel's, in one run.

A report of the largest tender under 1 MB (77,198 bids) writes about 1.4 million
numbers; through Babel each took about 11 us (15 s in all). tco writes the
common cases itself (its text is checked equal to Babel's by a hypothesis test in
``tests/views/test_danish_numbers.py``) and hands anything else to Babel.
"""

from __future__ import annotations

import time
from typing import Any

import babel.numbers
import numpy as np
from bench_helpers import ROWS

from tco.views.i18n import number

VALUES = np.random.default_rng(3).uniform(-1e7, 1e7, 20_000).tolist()


def _babel(value: float) -> str:
    return str(
        babel.numbers.format_decimal(
            value, format="#,##0.00", locale="da_DK", decimal_quantization=True
        )
    )


def _all(write: Any) -> None:
    for v in VALUES:
        write(v)


def test_danish_numbers(benchmark: Any) -> None:
    benchmark.pedantic(_all, args=(lambda v: number(v, 2, "da"),), rounds=5, warmup_rounds=1)
    ours = float(benchmark.stats.stats.median)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        _all(_babel)
        times.append(time.perf_counter() - start)
    theirs = sorted(times)[2]
    ROWS.append(
        {
            "case": "20,000 Danish numbers with 2 decimals (yardstick: Babel's format_decimal)",
            "batch_s": ours,
            "numpy_s": theirs,
            "vs_numpy": ours / theirs,
            "targets": "< 0.5x Babel",
        }
    )
