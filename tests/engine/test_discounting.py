"""Discount factors, annuity factors and price indices (tco.engine.discounting), by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tco.engine import discounting
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


def test_at_instant_end_is_the_series_itself_bit_for_bit() -> None:
    # Mutants: the default timing "end" replaced; the early return for "end" taken only for
    # short series or for keep == 2. Year-end values are already at the end of the year:
    # before * (after / before) ** 1 is the same number only up to rounding, so "end" must
    # return the values unchanged.
    v = 1.1 ** np.arange(40.0)
    np.testing.assert_array_equal(discounting.at_instant(v), v)
    np.testing.assert_array_equal(discounting.at_instant(v, "end"), v)


def test_schedule_discount_factors_one_schedule_per_row() -> None:
    # Mutant: the concatenation of year 0 with the products over the years on a flattened axis.
    # Two rows, each its own schedule: row 0 at 10 % then 0 %, row 1 at 0 % then 10 %:
    # row 0: 1, 1 / 1.1, 1 / 1.1; row 1: 1, 1, 1 / 1.1.
    got = discounting.schedule_discount_factors([[0.10, 0.0], [0.0, 0.10]])
    np.testing.assert_allclose(got, [[1.0, 1 / 1.1, 1 / 1.1], [1.0, 1.0, 1 / 1.1]], rtol=1e-15)


def test_annual_escalation_end_is_the_index_itself() -> None:
    # Mutants: the default timing "end" replaced; the early return for "end" taken only for
    # short series. End-of-year amounts are priced at the year-end index itself: 2 %/year
    # over 30 years, unchanged bit for bit.
    index = discounting.escalation_index(0.02, 30)
    np.testing.assert_array_equal(discounting.annual_escalation(index), index)
    np.testing.assert_array_equal(discounting.annual_escalation(index, "end", 0), index)


def test_escalation_index_from_year_one_prices_over_one_year() -> None:
    # Mutants: "T >= 1" planted as "T > 1" or "T >= 2". Prices quoted for year 1 at 2 %/year
    # over one year: the index is 1 in year 1 and 1 / 1.02 = 0.980392 in year 0.
    got = discounting.escalation_index(0.02, 1, price_year=1)
    np.testing.assert_allclose(got, [1 / 1.02, 1.0], rtol=1e-15)
