"""Bugs found while hardening, each with the test that would have caught it."""

from __future__ import annotations

import numpy as np
import pytest

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


def test_units_starting_with_a_digit_are_not_thousands_separators() -> None:
    # '15000 1/year' is 15000 per year; '1 450 DKK' is a thousands separator (refused).
    from tco.units import parse_quantity

    assert parse_quantity("15000 1/year").to("1/year").magnitude == 15000.0
    assert parse_quantity("10 1 / h").to("1/h").magnitude == 10.0
    for text in ("1 450 DKK", "1 450"):
        with pytest.raises(tco.UnitError, match="without spaces, as '1450"):
            parse_quantity(text)
    # With both marks the last is the decimal mark in either number format.
    for text in ("1,450.50 DKK", "1.450,50 DKK"):
        assert parse_quantity(text).to("DKK").magnitude == 1450.5


def test_uncertainty_parameters_that_are_not_a_mapping() -> None:
    # 'uncertainty: {parameters: 0}' raised a bare ValueError from dict().
    import pytest

    from tco.analysis.montecarlo import monte_carlo

    tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    for junk in ("0", True, [1, 2]):
        with pytest.raises(tco.SpecError, match=r"uncertainty\.parameters: .*mapping"):
            monte_carlo(tender, {"parameters": junk}, samples=50)


def test_negative_monte_carlo_seed() -> None:
    # A negative seed reached numpy and raised a bare ValueError.
    import pytest

    from tco.analysis.montecarlo import monte_carlo

    tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    with pytest.raises(tco.SpecError, match=r"seed: got seed -1, expected a whole number"):
        monte_carlo(tender, samples=50, seed=-1)
    spec = tender.spec.uncertainty
    assert spec is not None
    with pytest.raises(
        tco.SpecError, match=r"uncertainty\.seed: got -1, expected a number of at least 0"
    ):
        monte_carlo(tender, {**spec, "seed": -1}, samples=50)


def test_a_list_as_the_co2_price_is_a_spec_error() -> None:
    # The cached price conversion raised a bare TypeError (unhashable list); found by fuzzing.
    # A list is now a price path by year: too short for the period, it is a SpecError.
    data = {
        "model": "indoor-lighting",
        "assumptions": {"period": "15 year", "co2_price": ["1500 DKK/t", "1600 DKK/t"]},
        "bids": [{"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "1000 h"}],
    }
    with pytest.raises(tco.SpecError, match=r"assumptions\.co2_price: gives 2 yearly prices"):
        tco.load_tender(data).evaluate()


@pytest.mark.parametrize("fmt", [None, "da", "en"])
def test_a_blank_bid_value_asks_for_the_parameters_own_unit(fmt: str | None) -> None:
    # Under a stated number format a blank cell was read without its parameter, so the
    # buyer was asked for "a number with its unit, such as '2.13 DKK/kWh'" for a power.
    assumptions = {"currency": "DKK", "period": "15 year"}
    if fmt:
        assumptions["number_format"] = fmt
    tender = {
        "model": "indoor-lighting",
        "assumptions": assumptions,
        "bids": [{"name": "A", "price": "1450 DKK", "power": " ", "rated_life": "50000 h"}],
    }
    with pytest.raises(tco.TCOError) as caught:
        tco.load_tender(tender)
    text = str(caught.value)
    assert "bids[0].power" in text
    assert "'38 W'" in text
    assert "DKK/kWh" not in text
