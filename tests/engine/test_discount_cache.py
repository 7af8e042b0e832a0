"""The plan's discount factors are computed once and shared: no caller can change them."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from tco.engine.discounting import Discount


def test_a_caller_cannot_corrupt_the_cached_factors() -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    before = tender.evaluate().total.copy()
    plan = tender.plan
    d_event, d_annual = plan.discount_factors()
    expected = d_event.copy()
    with pytest.raises(ValueError, match="read-only"):
        d_event *= 2.0  # a caller scaling the factors in place
    with pytest.raises(ValueError, match="read-only"):
        plan.discount_at("mid")[1] = 0.0
    assert not d_annual.flags.writeable
    assert plan.discount_factors()[0].tolist() == expected.tolist()
    # what the engine ranks by is what it was: the cache is the one every evaluation reads
    assert tender.evaluate().total.tolist() == before.tolist()


def test_the_factors_are_the_formula_and_a_copy_can_be_changed() -> None:
    d = Discount(0.04, 3)
    factors = d.at("end")
    # (1 + r) ** -t at r = 4 %: 1, 1/1.04, 1/1.04**2, 1/1.04**3
    assert np.allclose(factors, [1.0, 1 / 1.04, 1 / 1.04**2, 1 / 1.04**3], rtol=0, atol=1e-15)
    own = factors.copy()
    own *= 2.0
    assert d.at("end") is factors and factors[1] == pytest.approx(1 / 1.04, abs=1e-15)
    # each distinct rate of a variant array once, the rows shared read-only too
    varied = d.varied(np.array([0.0, 0.04])).at("mid")
    assert not varied.flags.writeable and varied[0].tolist() == [1.0, 1.0, 1.0, 1.0]
