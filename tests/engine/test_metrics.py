"""Present values, equivalent annual costs and ranks (tco.engine.metrics), by hand."""

from __future__ import annotations

import numpy as np
import pytest

import tco
import tco.engine.metrics


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        # end: 100 / 1.04 + 100 / 1.04**2 = 96.153846 + 92.455621 = 188.609467
        ("end", 188.609467),
        # mid: 100 / 1.04**0.5 + 100 / 1.04**1.5 = 98.058068 + 94.286604 = 192.344672
        ("mid", 192.344672),
        # begin: 100 / 1.04**0 + 100 / 1.04**1 = 100 + 96.153846 = 196.153846
        ("begin", 196.153846),
    ],
)
def test_present_value_moves_each_year_by_its_timing(timing: str, expected: float) -> None:
    # Mutants: "t - shift" planted as "t + shift"; the floor of the exponent 0.0 planted as 1.0.
    got = tco.present_value([100.0, 100.0], [1, 2], 0.04, timing=timing)
    assert float(got) == pytest.approx(expected, abs=1e-6)


def test_present_value_year_zero_is_never_discounted() -> None:
    # Year 0 is the decision date under every timing: 50 + 100 / 1.1**(1 - 1) = 150 (begin).
    got = tco.present_value([50.0, 100.0], [0, 1], 0.10, timing="begin")
    assert float(got) == pytest.approx(150.0, abs=1e-12)


@pytest.mark.parametrize(
    ("timing", "factor"),
    [
        # end: (1 - 1.1**-2) / 0.1 = 1.735537
        ("end", 1.0 / 1.1 + 1.0 / 1.1**2),
        # mid: the end factor x 1.1**0.5 = 1.735537 x 1.048809 = 1.820248
        ("mid", (1.0 / 1.1 + 1.0 / 1.1**2) * 1.1**0.5),
        # begin (an annuity due): 1 + 1 / 1.1 = 1.909091
        ("begin", 1.0 + 1.0 / 1.1),
    ],
)
def test_equivalent_annual_cost_uses_the_timing_it_is_given(timing: str, factor: float) -> None:
    # Mutant: the timing argument dropped from the annuity factor (every timing read as "end").
    # A present value of exactly the factor is one unit a year over the two years.
    got = tco.equivalent_annual_cost(factor, 0.10, 2, timing=timing)
    assert float(got) == pytest.approx(1.0, abs=1e-12)


def test_rank_rounds_to_the_cent_before_ranking() -> None:
    # Mutant: the rounding to `decimals` dropped. 100.004 and 100.00 are equal to the cent
    # and share rank 1; 100.01 is a cent dearer, rank 3.
    got = tco.engine.metrics.rank([100.004, 100.0, 100.01])
    np.testing.assert_array_equal(got, [1, 1, 3])
