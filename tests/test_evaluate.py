"""tco.evaluate: the closed-form totals equal the year-axis reference for every convention."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

import tco
from tco.evaluate import plan_totals, yearly_flows

MODEL: dict[str, Any] = {
    "id": "m",
    "title": "m",
    "functional_unit": "unit",
    "lifetime": "life",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "fee": {"unit": "DKK/year", "bid": True},
        "life": {"unit": "year", "bid": True},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        # An annual stream with a residual credit: discounted as annual amounts are.
        "lease": {"category": "use", "annual": "fee", "residual": True, "escalation": "e"},
        "service": {"category": "maintenance", "every": "1.5 year", "amount": "price / 10"},
    },
    "escalation": {"e": "2 %"},
}


@pytest.mark.parametrize(
    ("discounting", "price_year"), list(itertools.product(["end", "mid", "begin"], [0, 1]))
)
def test_closed_form_equals_the_yearly_flows(discounting: str, price_year: int) -> None:
    tender = {
        "model": MODEL,
        "assumptions": {
            "period": "10 year",
            "discounting": discounting,
            "price_year": price_year,
            "quantity": 3,
        },
        "bids": [
            {"name": "A", "price": "100 DKK", "fee": "10 DKK/year", "life": "4 year"},
            {"name": "B", "price": "80 DKK", "fee": "12 DKK/year", "life": "3.3 year"},
        ],
    }
    plan = tco.load_tender(tender).plan
    closed = plan_totals(plan).present_value
    reference = yearly_flows(plan).present_value()
    np.testing.assert_allclose(closed, reference, rtol=1e-12)
    # The residual credit of the lease is there: without it the lease costs more.
    plain = {**MODEL, "items": {**MODEL["items"], "lease": {**MODEL["items"]["lease"]}}}
    plain["items"]["lease"]["residual"] = False
    without = plan_totals(tco.load_tender({**tender, "model": plain}).plan).present_value
    assert np.all(without[:, 1] > closed[:, 1])
