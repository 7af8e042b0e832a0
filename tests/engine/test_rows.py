"""Per-row lookups and the last unit's share of life (tco.engine.rows), by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tco.engine import rows
from tco.engine.rows import last_unit, take_rows, take_years


def test_last_unit_one_lifetime_each_rows_period() -> None:
    # A 4-year life over periods 6 and 8: the last unit is bought in year 4 both times
    # (units at 0 and 4); at year 6 it has (4 + 4 - 6) / 4 = 0.5 of its life left, at year 8
    # none. Mutant: the result's shape taken from the lifetime alone (a scalar).
    year, left = last_unit(4.0, np.array([6.0, 8.0]))
    assert year.tolist() == [4, 4]
    assert left.tolist() == [0.5, 0.0]


def test_last_unit_share_left_is_between_none_and_all() -> None:
    # Period 10, lives 3, 4, 5, 7, 10, 20: last purchases at 9, 8, 5, 7, 0, 0; life left
    # (start + L - P) / L = 2/3, 2/4, 0, 4/7, 0, 10/20.
    year, left = last_unit([3.0, 4.0, 5.0, 7.0, 10.0, 20.0], np.full(6, 10.0))
    assert year.tolist() == [9, 8, 5, 7, 0, 0]
    assert left.round(12).tolist() == [round(2 / 3, 12), 0.5, 0.0, round(4 / 7, 12), 0.0, 0.5]


def test_take_years_one_year_for_every_row_of_a_group() -> None:
    # Weights per group [[1, 2], [3, 4]], year 1 for every row; rows [1, 0, 1] -> [4, 2, 4].
    w = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert take_years(w, 1, np.array([1, 0, 1])).tolist() == [4.0, 2.0, 4.0]
    assert take_years(w, 0).tolist() == [1.0, 3.0]


def test_take_rows_broadcasts_a_shared_row() -> None:
    # One weight row [1, 2, 3] for 2 rows: [[1, 2, 3], [1, 2, 3]], shape (2, 3).
    got = take_rows(np.array([1.0, 2.0, 3.0]), None, 2)
    assert got.shape == (2, 3)
    assert got.tolist() == [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]


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
