from __future__ import annotations

import numpy as np
import pytest

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
