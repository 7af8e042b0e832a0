"""The spread of sampled totals: the sample standard deviation and the standard error of the mean.

``std`` is the sample standard deviation (divisor ``S - 1``, numpy's ``ddof=1``) and
``standard_error`` is ``std / sqrt(S)``. Each expected number is computed independently below:
by hand for four totals, and by Python's :mod:`statistics` (its own implementation of the
sample standard deviation) for sampled totals.
"""

from __future__ import annotations

import json
import math
import statistics

import numpy as np
import pytest

import tco
from tco.analysis import MonteCarloResult, monte_carlo
from tco.cli import main

UNCERTAIN = tco.example_path("indoor-lighting-uncertain")


def test_std_and_standard_error_of_four_totals_by_hand() -> None:
    # Bid A's totals 1, 2, 3, 4 DKK: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5;
    # sample variance 5 / (4 - 1) = 5/3; std sqrt(5/3) = 1.29099...; (ddof=0 would give
    # sqrt(5/4) = 1.11803...). Standard error sqrt(5/3) / sqrt(4) = 0.645497... (over
    # sqrt(S - 1) = sqrt(3) it would be 0.745356...).
    # Bid B's totals 10, 10, 10, 14 DKK: mean 11; deviations -1, -1, -1, 3, squares sum 12;
    # variance 12 / 3 = 4; std 2; standard error 2 / 2 = 1.
    mc = MonteCarloResult(
        bids=("A", "B"),
        currency="DKK",
        totals=np.array([[1.0, 10.0], [2.0, 10.0], [3.0, 10.0], [4.0, 14.0]]),
        deterministic=np.array([2.5, 11.0]),
        inputs=("x",),
        seed=None,
    )
    assert mc.mean.tolist() == [2.5, 11.0]
    assert mc.std == pytest.approx([math.sqrt(5 / 3), 2.0], rel=1e-15)
    assert mc.standard_error == pytest.approx([math.sqrt(5 / 3) / 2, 1.0], rel=1e-15)
    assert [r["sd"] for r in mc.summary()] == pytest.approx([1.2909944487358056, 2.0])


def test_std_and_standard_error_of_sampled_totals() -> None:
    # Five samples: ddof=0 against ddof=1 differ by sqrt(5/4), 12 %.
    mc = monte_carlo(tco.load_tender(UNCERTAIN), samples=5, seed=3)
    assert mc.samples == 5
    for b in range(len(mc.bids)):
        column = [float(v) for v in mc.totals[:, b]]
        sd = statistics.stdev(column)  # the sample standard deviation, divisor S - 1
        assert mc.std[b] == pytest.approx(sd, rel=1e-12)
        assert mc.standard_error[b] == pytest.approx(sd / math.sqrt(5), rel=1e-12)
        assert mc.std[b] == pytest.approx(np.std(mc.totals[:, b], ddof=1), rel=1e-12)


def test_the_sd_the_command_line_prints(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["montecarlo", str(UNCERTAIN), "--format", "json", "--samples", "6", "--seed", "5"]
    assert main(argv) == 0
    doc = json.loads(capsys.readouterr().out)
    mc = monte_carlo(tco.load_tender(UNCERTAIN), samples=6, seed=5)
    for b, row in enumerate(doc["bids"]):
        assert row["bid"] == mc.bids[b]
        sd = statistics.stdev(float(v) for v in mc.totals[:, b])
        assert row["sd"] == pytest.approx(sd, rel=1e-12)
