"""The tender's compiler (tco.plan.compiler): an ambiguous number against a parameter's bounds."""

from __future__ import annotations

import pytest

import tco
from helpers import simple_model


def test_an_ambiguous_number_against_a_lower_bound_only_names_the_reading_within() -> None:
    # '1.500' is 1.5 (English) or 1500 (Danish); the parameter is at least 100 kWh/year,
    # so only 1500 lies within: the message says so, with the bound written '≥ 100 kWh/year'.
    model = simple_model(
        {
            "buy": {"category": "acquisition", "once": "first"},
            "run": {"category": "use", "annual": "energy * 1 DKK/kWh"},
        },
        {"energy": {"unit": "kWh/year", "bid": True, "min": "100 kWh/year"}},
    )
    with pytest.raises(tco.TCOError) as caught:
        tco.load_tender(
            {
                "model": model,
                "assumptions": {"currency": "DKK", "period": "5 year"},
                "bids": [{"name": "A", "first": "1 DKK", "energy": "1.500 kWh/year"}],
            }
        )
    assert str(caught.value) == (
        "bids[0].energy: got '1.500 kWh/year': '1.500' is 1.5 in English notation but 1500 in "
        "Danish notation; as '1500 kWh/year' it lies within the bounds (≥ 100 kWh/year), as "
        "'1.5 kWh/year' it does not: write '1500 kWh/year', or state the tender's "
        "'number_format: da'"
    )
