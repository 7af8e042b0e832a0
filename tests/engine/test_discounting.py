"""Discount factors, annuity factors and price indices (tco.engine.discounting), by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tco.engine.discounting import annual_escalation, annuity_factor, at_instant


def test_annuity_factor_at_a_zero_and_a_positive_rate_together() -> None:
    # 0 %: P = 2 years; 10 %: 1 / 1.1 + 1 / 1.1 ** 2 = 0.909091 + 0.826446 = 1.735537.
    # The zero rate's placeholder denominator must not divide by zero (a warning is an
    # error in the tests): mutants that let 0 through as the denominator.
    got = annuity_factor(np.array([0.0, 0.10]), 2)
    assert got[0] == 2.0
    assert got[1] == pytest.approx(1.0 / 1.1 + 1.0 / 1.1**2, rel=1e-15)


def test_at_instant_begin_is_the_year_before_bit_for_bit() -> None:
    # Begin-of-year amounts of year t fall at t - 1: [v0, v0, v1] = [1, 1, 1.1], exactly.
    got = at_instant([1.0, 1.1, 1.21], "begin")
    assert got.tolist() == [1.0, 1.0, 1.1]


def test_year_end_timing_is_the_default() -> None:
    # Without a timing, amounts fall at the year's end: the year-end series itself, and the
    # price index of annual amounts is the index itself (2 %: 1, 1.02, 1.0404).
    v = [1.0, 1.02, 1.0404]
    assert at_instant(v).tolist() == v
    assert annual_escalation(np.array(v)).tolist() == v
