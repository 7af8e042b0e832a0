"""Totals beyond floating point range are refused with the bid named (tco.plan.finite)."""

from __future__ import annotations

import pytest

import tco
from helpers import simple_model
from tco.errors import SpecError
from tco.views.error_text import error_text


def test_costs_that_only_add_up_beyond_the_range_name_the_bid() -> None:
    # Quantity 1e308 with 1 DKK once and 1 DKK a year: every year's flow is 1e308 (within
    # the range of 1.8e308), but their sum over 3 years is 4e308: beyond it.
    model = simple_model(
        {
            "buy": {"category": "acquisition", "once": "first"},
            "run": {"category": "use", "annual": "annual"},
        }
    )
    tender = tco.load_tender(
        {
            "model": model,
            "assumptions": {"discount_rate": "0 %", "period": "3 year", "quantity": 1e308},
            "bids": [{"name": "Huge", "first": "1 DKK", "annual": "1 DKK/year"}],
        }
    )
    with pytest.raises(SpecError) as caught:
        tender.evaluate()
    err = caught.value
    assert err.path == ("bids", 0)
    assert "the costs of bid 'Huge' add up beyond 1.8e+308" in error_text(err, "en")
    # Danish from the catalogue (tco.po, msgctxt "costs_overflow").
    assert "omkostningerne for tilbud 'Huge' bliver tilsammen for store" in error_text(err, "da")
