"""Tests written against mutants that survived the mutation run (benchmarks/mutation.py).

Each test names the planted change it catches and checks a number from a hand
calculation written beside it, through the public functions (``tco.*`` and the
documented ``tco.engine`` modules).
"""

from __future__ import annotations

import numpy as np
import pytest

import tco
import tco.engine.metrics
from tco.engine import discounting, flows, rows, timeline

# -- present value and equivalent annual cost under each timing --------------------------------


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


# -- year-end series moved to the instant of the year -------------------------------------------


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


# -- each bid's own indexation -----------------------------------------------------------------


def test_bid_escalation_index_from_year_one_prices() -> None:
    # Mutants: T and price_year replaced by None or dropped. With prices quoted for year 1, the
    # index is 1 in year 1: 2 %/year gives 1 / 1.02 = 0.980392, 1, 1.02; 0 % gives ones.
    got = timeline.bid_escalation_index([0.02, 0.0], 2, price_year=1)
    np.testing.assert_allclose(got, [[1 / 1.02, 1.0, 1.02], [1.0, 1.0, 1.0]], rtol=1e-15)


# -- residual credit when the rows' periods differ -------------------------------------------


def test_residual_value_each_row_at_its_own_period() -> None:
    # Mutants: the shortcut for a common period taken when the periods differ. A 4-year unit
    # over 6 years is bought again in year 4 and has (4 + 4 - 6) / 4 = 0.5 of its life left in
    # year 6; over 5 years it has (8 - 5) / 4 = 0.75 left in year 5. With no escalation and 10 %
    # discounting the credit per unit price is -0.5 / 1.1**6 = -0.282237 and
    # -0.75 / 1.1**5 = -0.465690.
    years, factor = rows.residual_value(
        np.ones(7), 1.1 ** -np.arange(7.0), np.array([4.0, 4.0]), np.array([6.0, 5.0])
    )
    np.testing.assert_array_equal(years, [4, 4])
    np.testing.assert_allclose(factor, [-0.5 / 1.1**6, -0.75 / 1.1**5], rtol=1e-12)


def test_residual_value_per_group_of_rows() -> None:
    # Mutants: the rows' groups dropped when the price index or the discount factor is taken.
    # Two groups of weights: group 0 escalates 10 %/year (index 1.1**t), group 1 not; group 0
    # discounts nothing, group 1 at 10 %. Rows 0 and 1 are in groups 1 and 0. A 4-year unit
    # over 6 years, bought again in year 4, has half its life left at year 6:
    # row 0 (group 1): -1 * 0.5 / 1.1**6 = -0.282237; row 1 (group 0): -1.1**4 * 0.5 = -0.73205.
    t = np.arange(7.0)
    escalation = np.stack([1.1**t, np.ones(7)])
    discount = np.stack([np.ones(7), 1.1**-t])
    years, factor = rows.residual_value(
        escalation, discount, np.array([4.0, 4.0]), np.array([6.0, 6.0]), rows=np.array([1, 0])
    )
    np.testing.assert_array_equal(years, [4, 4])
    np.testing.assert_allclose(factor, [-0.5 / 1.1**6, -0.5 * 1.1**4], rtol=1e-12)


def test_residual_terms_without_a_lifetime_needs_a_stated_share() -> None:
    # Mutant: the message of the refusal changed. A linear residual credit is the share of
    # life left, which needs a life; only a stated share (NIST BLCC) does without one.
    with pytest.raises(ValueError, match=r"^a linear residual value needs a lifetime$"):
        rows.residual_terms(None, [6])


def test_last_unit_scalar_in_scalar_out() -> None:
    # Mutant: the result not reshaped to the inputs' shape. Like a numpy ufunc, scalars give
    # 0-d arrays: a 4-year unit over 6 years is bought again in year 4, half its life left.
    year, left = rows.last_unit(4.0, 6)
    assert year.shape == () and left.shape == ()
    assert int(year) == 4 and float(left) == 0.5


def test_take_rows_shares_one_weight_row_or_keeps_the_rows() -> None:
    # Mutants: the shared (1-D) weight not broadcast to n rows, or a 2-D weight indexed by
    # rows that are not given. 1-D weights repeat for each of 3 rows; 2-D weights without
    # rows are one row per group already.
    shared = np.array([1.0, 0.5, 0.25])
    np.testing.assert_array_equal(rows.take_rows(shared, None, 3), [shared] * 3)
    grouped = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(rows.take_rows(grouped, None, 2), grouped)


def test_annual_escalation_end_is_the_index_itself() -> None:
    # Mutants: the default timing "end" replaced; the early return for "end" taken only for
    # short series. End-of-year amounts are priced at the year-end index itself: 2 %/year
    # over 30 years, unchanged bit for bit.
    index = discounting.escalation_index(0.02, 30)
    np.testing.assert_array_equal(discounting.annual_escalation(index), index)
    np.testing.assert_array_equal(discounting.annual_escalation(index, "end", 0), index)


# -- when events fall ---------------------------------------------------------------------------


def test_an_end_of_life_at_the_period_end_counts() -> None:
    # Mutant: until_end dropped from end_of_life_occurrences. A 3-year life over 6 years ends
    # in years 3 and 6 (k * L <= P for k = 1, 2); a replacement at 6 would not count, an end
    # of life does.
    got = timeline.end_of_life_occurrences([3.0], [6], 6)
    np.testing.assert_array_equal(got, [[0, 0, 0, 1, 0, 0, 1]])


def test_escalation_index_from_year_one_prices_over_one_year() -> None:
    # Mutants: "T >= 1" planted as "T > 1" or "T >= 2". Prices quoted for year 1 at 2 %/year
    # over one year: the index is 1 in year 1 and 1 / 1.02 = 0.980392 in year 0.
    got = discounting.escalation_index(0.02, 1, price_year=1)
    np.testing.assert_allclose(got, [1 / 1.02, 1.0], rtol=1e-15)


def test_rank_rounds_to_the_cent_before_ranking() -> None:
    # Mutant: the rounding to `decimals` dropped. 100.004 and 100.00 are equal to the cent
    # and share rank 1; 100.01 is a cent dearer, rank 3.
    got = tco.engine.metrics.rank([100.004, 100.0, 100.01])
    np.testing.assert_array_equal(got, [1, 1, 3])


def test_annual_occurrences_from_year_one_by_default() -> None:
    # Mutant: the default first year 1 planted as 2. An annual stream over 3 years falls in
    # years 1, 2 and 3 (DESIGN: "an annual item occurs in years 1..N").
    got = timeline.annual_occurrences([3], 4)
    np.testing.assert_array_equal(got, [[0, 1, 1, 1, 0]])


def test_yearly_flows_refuse_an_unknown_timing_by_name() -> None:
    # Mutant: the message of an unknown timing dropped. (A one-off without a lifetime is bought
    # once, at year 0, the yearly engine's reference case beside it.)
    np.testing.assert_array_equal(flows.occurrences("once", [3], 3), [[1, 0, 0, 0]])
    with pytest.raises(ValueError, match=r"^unknown timing 'sideways'$"):
        flows.occurrences("sideways", [3], 3)
