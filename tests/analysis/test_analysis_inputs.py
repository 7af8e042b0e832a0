"""The inputs an analysis varies (tco.analysis.inputs): each input's value in the tender."""

from __future__ import annotations

import pytest

import tco
from tco.analysis.inputs import resolve_input


@pytest.mark.parametrize("price_year", [0, 1])
def test_an_escalation_reads_as_its_rate_whichever_year_prices_hold(price_year: int) -> None:
    # 2 % a year: the index runs 1, 1.02, ... from year-0 prices, and 1/1.02, 1, 1.02, ...
    # from year-1 prices; either way (index[T] / index[0]) ** (1 / T) - 1 = 0.02.
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {
                "currency": "DKK",
                "period": "15 year",
                "price_year": price_year,
                "escalation": {"electricity": "2 %"},
            },
            "parameters": {"operating_hours": "2500 h/year"},
            "bids": [{"name": "A", "price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"}],
        }
    )
    inp = resolve_input(t.plan, "escalation.electricity")
    assert inp.current.tolist() == pytest.approx([0.02], rel=1e-12)
