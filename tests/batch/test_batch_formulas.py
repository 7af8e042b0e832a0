"""A formula's amount per row kept factored (tco.batch.formulas.Amount), by hand."""

from __future__ import annotations

import numpy as np

from tco.batch.formulas import Amount

# const 2 times rows a = [1, 3] and b = [4, 5], divided by c = [2, 10]:
# 2 * [1 * 4 / 2, 3 * 5 / 10] = 2 * [2, 1.5] = [4, 3].
A = np.array([1.0, 3.0])
B = np.array([4.0, 5.0])
C = np.array([2.0, 10.0])


def test_add_to_multiplies_and_divides_every_row_factor() -> None:
    # out = 1 + 10 * [4, 3] = [41, 31].
    amount = Amount(2.0, [(A, 1), (B, 1), (C, -1)], 2)
    out = np.ones(2)
    amount.add_to(out, 10.0, np.empty(2))
    assert out.tolist() == [41.0, 31.0]


def test_add_to_starts_with_a_divisor() -> None:
    # 3 / [2, 10] * [4, 5] = [6, 1.5]; out = 0 + 1 * [6, 1.5].
    amount = Amount(3.0, [(C, -1), (B, 1)], 2)
    out = np.zeros(2)
    amount.add_to(out, 1.0, np.empty(2))
    assert out.tolist() == [6.0, 1.5]


def test_scaled_and_times_give_the_same_amounts() -> None:
    # scaled(10): const 20 and one row a * b / c = [2, 1.5] -> times(1) = [40, 30];
    # times(0.5) of the unscaled amount: 0.5 * [4, 3] = [2, 1.5]; times per row [1, 2]: [4, 6].
    amount = Amount(2.0, [(A, 1), (B, 1), (C, -1)], 2)
    assert amount.scaled(10.0).times(1.0).tolist() == [40.0, 30.0]
    assert amount.times(0.5).tolist() == [2.0, 1.5]
    assert amount.times(np.array([1.0, 2.0])).tolist() == [4.0, 6.0]
    starts_divided = Amount(3.0, [(C, -1), (B, 1)], 2)
    assert starts_divided.scaled(1.0).times(1.0).tolist() == [6.0, 1.5]
