"""Bugs found while hardening, each with the test that would have caught it."""

from __future__ import annotations

import numpy as np

import tco


def test_co2_price_in_another_currency_is_converted() -> None:
    # A CO2 price in DKK in a EUR tender was refused as "expected a value in 'EUR/kg'"
    # although the DKK rate was stated. 1500 DKK/t = 1.5 DKK/kg; at 0.134 EUR per DKK
    # that is 1.5 * 0.134 = 0.201 EUR/kg.
    tender = {
        "model": "indoor-lighting",
        "assumptions": {
            "period": "3 year",
            "currency": "EUR",
            "exchange_rates": {"DKK": "0.134 EUR"},
            "co2_price": "1500 DKK/t",
        },
        "bids": [{"name": "A", "price": "1 DKK", "power": "1000 W", "rated_life": "50000 h"}],
    }
    np.testing.assert_allclose(tco.load_tender(tender).plan.emission_prices["co2e"], 0.201)
