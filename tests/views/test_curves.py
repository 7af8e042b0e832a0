"""Cumulative cost curves and their crossings."""

from __future__ import annotations

import numpy as np
import pytest
from lighting_hand import BIDS, CO2_PRICE, ESC, GRID, HOURS, Q, R, electricity_per_year

import tco
from tco.views.curves import crossings, cumulative_discounted, find_crossings


def test_no_crossing_when_one_curve_stays_below() -> None:
    assert find_crossings([[1, 2, 3], [2, 3, 4]], [0, 1, 2], ("A", "B")) == []


def test_touching_without_changing_order_is_no_crossing() -> None:
    # B touches A in year 1 and stays above it
    assert find_crossings([[0, 1, 2], [1, 1, 3]], [0, 1, 2], ("A", "B")) == []


def test_crossing_after_running_together_is_at_the_first_touch() -> None:
    # A above B in year 0, equal in years 1-2, below in year 3
    (c,) = find_crossings([[5, 3, 4, 5], [1, 3, 4, 9]], [0, 1, 2, 3], ("A", "B"))
    assert (c.cheaper, c.dearer, c.year, c.value) == ("A", "B", 1.0, 3.0)


def test_curves_that_cross_twice_give_two_crossings() -> None:
    # difference A - B: 1, -1, 1 -> crossings at 0.5 and 1.5
    found = find_crossings([[1, 0, 2], [0, 1, 1]], [0, 1, 2], ("A", "B"))
    assert [(c.cheaper, c.year) for c in found] == [("A", 0.5), ("B", 1.5)]


def test_cumulative_ends_at_the_total(result: tco.Result) -> None:
    curves = cumulative_discounted(result)
    assert curves.shape == (3, 16)
    assert np.allclose(curves[:, -1], result.total)
    # year 0 of Lumen Nord: its purchase, (1450 + 250) DKK x 200
    assert curves[result.bids.index("Lumen Nord"), 0] == pytest.approx(340000.0)


def test_lumen_nord_overtakes_budget_light_in_year_six(result: tco.Result) -> None:
    # Hand calculation: Budget Light starts 70,000 DKK cheaper ((1450 - 1100) x 200).
    # It draws 9 W more: 27 kWh a year per luminaire, so for 200 luminaires
    # 11,502 DKK of electricity (year-0 prices, rising 1.67 %/year) and
    # 27 x 0.135 x 1.5 x 200 = 1,093.5 DKK of priced CO2e a year, discounted at 4 %.
    # The crossing is where the cumulative extra cost reaches 70,000, by linear
    # interpolation between whole years.
    start_gap = (BIDS["Lumen Nord"][0] - BIDS["Budget Light"][0]) * Q
    assert start_gap == 70000.0
    extra_kwh = (BIDS["Budget Light"][1] - BIDS["Lumen Nord"][1]) * HOURS / 1000.0 * Q
    power = electricity_per_year("Budget Light") - electricity_per_year("Lumen Nord")
    co2 = extra_kwh * GRID * CO2_PRICE
    assert (power, co2) == pytest.approx((11502.0, 1093.5))
    gain = np.cumsum([(power * (1 + ESC) ** t + co2) / (1 + R) ** t for t in range(1, 16)])
    n = int(np.argmax(gain >= start_gap))  # gain[n] is the gain up to year n + 1
    year = n + (start_gap - gain[n - 1]) / (gain[n] - gain[n - 1])
    first = crossings(result)[0]
    assert (first.cheaper, first.dearer) == ("Lumen Nord", "Budget Light")
    assert first.year == pytest.approx(year)
    assert 6.0 < first.year < 6.1
    # Lumen Nord's cumulative cost there is its purchase plus the discounted running cost
    # up to that year: above 340,000 DKK.
    assert first.value > 340000.0


def test_crossings_are_sorted_by_year(result: tco.Result) -> None:
    years = [c.year for c in crossings(result)]
    assert years == sorted(years)
    assert len(years) == 3  # each of the three pairs crosses once (see docs/img/cumulative.png)
