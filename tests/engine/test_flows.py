"""The year-axis engine's occurrences (tco.engine.flows), by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tco.engine import flows
from tco.engine.flows import occurrences


def test_a_one_off_without_a_lifetime_falls_in_year_0_only() -> None:
    # Bought once at the start: 1 in year 0, nothing after, for each bid.
    assert occurrences("once", [3, 2], 3).tolist() == [[1, 0, 0, 0], [1, 0, 0, 0]]


def test_an_end_of_life_without_a_lifetime_falls_at_the_period_end() -> None:
    # Periods 3 and 2 on a 3-year axis: 1 in year 3, and 1 in year 2.
    assert occurrences("end_of_life", [3, 2], 3).tolist() == [[0, 0, 0, 1], [0, 0, 1, 0]]


def test_yearly_flows_refuse_an_unknown_timing_by_name() -> None:
    # Mutant: the message of an unknown timing dropped. (A one-off without a lifetime is bought
    # once, at year 0, the yearly engine's reference case beside it.)
    np.testing.assert_array_equal(flows.occurrences("once", [3], 3), [[1, 0, 0, 0]])
    with pytest.raises(ValueError, match=r"^unknown timing 'sideways'$"):
        flows.occurrences("sideways", [3], 3)
