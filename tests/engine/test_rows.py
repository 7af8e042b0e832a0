"""Per-row lookups and the last unit's share of life (tco.engine.rows), by hand."""

from __future__ import annotations

import numpy as np

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
