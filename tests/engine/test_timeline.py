from __future__ import annotations

import numpy as np
import pytest

from tco.engine import timeline
from tco.engine.timeline import (
    annuity_factor,
    discount_factors,
    escalation_index,
    periodic_occurrences,
    remaining_life_fraction,
)


def test_annuity_factor_is_the_sum_of_discount_factors() -> None:
    # UPV = sum_{t=1..P} (1 + r)**-(t - shift) for each timing.
    for timing in ("end", "mid", "begin"):
        d = discount_factors(0.05, 12, timing)  # type: ignore[arg-type]
        assert float(annuity_factor(0.05, 12, timing)) == pytest.approx(d[1:].sum(), rel=1e-13)  # type: ignore[arg-type]


def test_annuity_factor_broadcasts_over_periods() -> None:
    # (1 - 1.1**-3) / 0.1 = 2.486852; (1 - 1.1**-6) / 0.1 = 4.355261
    np.testing.assert_allclose(annuity_factor(0.1, [3, 6]), [2.486852, 4.355261], rtol=1e-6)


def test_escalation_path_shorter_than_axis_uses_what_is_given() -> None:
    np.testing.assert_allclose(escalation_index([0.5, 0.5], 2), [1.0, 1.5, 2.25])


def test_fractional_interval_counts() -> None:
    # Every 0.4 years over 2 years: events at 0.4, 0.8 (year 1), 1.2, 1.6 (year 2); 2.0 is the end.
    np.testing.assert_allclose(periodic_occurrences([0.4], [2], 2), [[0, 2, 2]])


def test_whole_year_intervals_survive_rounding() -> None:
    # 15000 h / 3000 h/year computed in seconds is 5 years up to rounding.
    interval = (15000 * 3600) / (3000 * 3600 / (365.25 * 86400)) / (365.25 * 86400)
    assert list(np.flatnonzero(periodic_occurrences([interval], [15], 15)[0])) == [5, 10]
    assert remaining_life_fraction([interval], [15])[0] == 0.0


def test_bid_escalation_index_from_year_one_prices() -> None:
    # Mutants: T and price_year replaced by None or dropped. With prices quoted for year 1, the
    # index is 1 in year 1: 2 %/year gives 1 / 1.02 = 0.980392, 1, 1.02; 0 % gives ones.
    got = timeline.bid_escalation_index([0.02, 0.0], 2, price_year=1)
    np.testing.assert_allclose(got, [[1 / 1.02, 1.0, 1.02], [1.0, 1.0, 1.0]], rtol=1e-15)


def test_an_end_of_life_at_the_period_end_counts() -> None:
    # Mutant: until_end dropped from end_of_life_occurrences. A 3-year life over 6 years ends
    # in years 3 and 6 (k * L <= P for k = 1, 2); a replacement at 6 would not count, an end
    # of life does.
    got = timeline.end_of_life_occurrences([3.0], [6], 6)
    np.testing.assert_array_equal(got, [[0, 0, 0, 1, 0, 0, 1]])


def test_annual_occurrences_from_year_one_by_default() -> None:
    # Mutant: the default first year 1 planted as 2. An annual stream over 3 years falls in
    # years 1, 2 and 3 (DESIGN: "an annual item occurs in years 1..N").
    got = timeline.annual_occurrences([3], 4)
    np.testing.assert_array_equal(got, [[0, 1, 1, 1, 0]])
