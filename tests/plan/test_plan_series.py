"""Yearly series (by_year parameters) combined with per-bid values in one formula."""

from __future__ import annotations

import numpy as np
import pytest

import tco

MODEL = {
    "id": "series-model",
    "title": "Series model",
    "functional_unit": "unit",
    "parameters": {
        "energy": {"unit": "kWh/year", "bid": True},
        "factor": {"unit": "kg CO2e/kWh", "by_year": True, "default": "0.1 kg CO2e/kWh"},
    },
    "items": {"nothing": {"category": "use", "annual": "0 DKK/year"}},
    "emissions": {"co2e": {"annual": "energy * factor"}},
}


@pytest.mark.parametrize("n_bids", [1, 4, 5])
def test_per_bid_values_times_a_yearly_series(n_bids: int) -> None:
    # 4 years, so the year axis has 5 entries: 5 bids used to broadcast bid against year.
    bids = [{"name": f"B{b}", "energy": f"{1000 * (b + 1)} kWh/year"} for b in range(n_bids)]
    r = tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {"period": "4 year"},
            "parameters": {"factor": ["0.4 kg/kWh", "0.3 kg/kWh", "0.2 kg/kWh", "0.1 kg/kWh"]},
            "bids": bids,
        }
    ).evaluate()
    # bid b uses 1000 (b + 1) kWh a year: 1000 (b + 1) * [0.4, 0.3, 0.2, 0.1] kg in years 1..4
    for b in range(n_bids):
        np.testing.assert_allclose(
            r.yearly_emissions[b, 0], [0.0, *(1000.0 * (b + 1) * np.array([0.4, 0.3, 0.2, 0.1]))]
        )
