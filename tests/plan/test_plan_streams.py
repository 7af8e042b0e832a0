"""A stream's price index and its checks (tco.plan.streams), by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tco.errors import SpecError
from tco.plan.streams import indexed_escalation
from tco.views.error_text import error_text


def test_indexation_of_each_row() -> None:
    # 2 %: 1, 1.02, 1.02 ** 2 = 1.0404; 0 %: ones.
    got = indexed_escalation(np.array([0.02, 0.0]), 2, 2)
    np.testing.assert_allclose(got, [[1.0, 1.02, 1.0404], [1.0, 1.0, 1.0]], rtol=1e-15)


def test_an_indexation_of_minus_100_percent_is_refused_in_both_languages() -> None:
    # A price that falls by 100 % a year is gone after a year: a rate must be above -100 %.
    with pytest.raises(SpecError) as caught:
        indexed_escalation(np.array([0.02, -1.0]), 2, 2)
    err = caught.value
    assert err.value == -1.0
    assert err.expected == "a rate above -100 %"
    assert "for row 1 the indexation is -100 %" in error_text(err, "en")
    # Danish from the catalogue (tco.po, msgctxt "indexation_below").
    assert error_text(err, "da").endswith("-100 %; en sats skal være over -100 %")
