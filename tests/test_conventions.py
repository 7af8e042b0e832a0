"""One test per convention of DESIGN.md "Meaning of the numbers", each with its hand calculation."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from helpers import run, simple_model

CAPEX_OPEX = {
    "purchase": {"category": "acquisition", "once": "first"},
    "running": {"category": "use", "annual": "annual"},
}


# -- Time -------------------------------------------------------------------------------------
def test_acquisition_at_year_0_and_annual_items_in_years_1_to_n() -> None:
    r = run(
        simple_model(CAPEX_OPEX),
        {"discount_rate": "0 %", "period": "3 year"},
        [{"name": "A", "first": "1000 DKK", "annual": "100 DKK/year"}],
    )
    # purchase: 1000 at year 0 only; running: 100 in years 1, 2, 3 and nothing in year 0.
    np.testing.assert_allclose(r.real[0, 0], [1000.0, 0.0, 0.0, 0.0])
    np.testing.assert_allclose(r.real[0, 1], [0.0, 100.0, 100.0, 100.0])


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        # 100 a year for 2 years at 10 %:
        ("end", 100 / 1.1 + 100 / 1.1**2),  # = 173.553719
        ("mid", 100 / 1.1**0.5 + 100 / 1.1**1.5),  # = 182.024195
        ("begin", 100 + 100 / 1.1),  # = 190.909091
    ],
)
def test_discounting_timing(timing: str, expected: float) -> None:
    r = run(
        simple_model({"running": {"category": "use", "annual": "annual"}}),
        {"discount_rate": "10 %", "period": "2 year", "discounting": timing},
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    assert r.total[0] == pytest.approx(expected, rel=1e-12)


def test_one_off_events_stay_at_year_end_under_mid_year_discounting() -> None:
    r = run(
        simple_model({"overhaul": {"category": "maintenance", "at": "2 year", "amount": "first"}}),
        {"discount_rate": "10 %", "period": "3 year", "discounting": "mid"},
        [{"name": "A", "first": "121 DKK"}],
    )
    # 121 at the end of year 2: 121 / 1.1**2 = 100.
    assert r.total[0] == pytest.approx(100.0, rel=1e-12)


def test_acquisition_recurs_at_end_of_life_with_linear_residual_value() -> None:
    r = run(
        simple_model(CAPEX_OPEX, lifetime="life"),
        {"discount_rate": "10 %", "period": "6 year"},
        [{"name": "A", "first": "1000 DKK", "life": "4 year"}],
    )
    # Purchases at years 0 and 4; the second unit has (4 + 4 - 6) / 4 = 50 % of its life left at
    # year 6, so 500 is credited then:
    # 1000 + 1000 / 1.1**4 - 500 / 1.1**6 = 1000 + 683.013455 - 282.236972 = 1400.776483
    np.testing.assert_allclose(r.real[0, 0], [1000, 0, 0, 0, 1000, 0, -500])
    assert r.total[0] == pytest.approx(1000 + 1000 / 1.1**4 - 500 / 1.1**6, rel=1e-12)


def test_residual_value_none_credits_nothing() -> None:
    r = run(
        simple_model(CAPEX_OPEX, lifetime="life"),
        {"discount_rate": "0 %", "period": "6 year", "residual_value": "none"},
        [{"name": "A", "first": "1000 DKK", "life": "4 year"}],
    )
    # Two purchases (years 0 and 4), no credit: 2000.
    assert r.total[0] == pytest.approx(2000.0)


def test_replacement_every_rated_life_booked_in_the_year_it_falls() -> None:
    model = simple_model(
        {"lamp": {"category": "maintenance", "every": "rated / hours", "amount": "first"}},
        parameters={
            "rated": {"unit": "h", "bid": True},
            "hours": {"unit": "h/year", "default": "3000 h/year"},
        },
    )
    r = run(
        model,
        {"discount_rate": "0 %", "period": "15 year"},
        [{"name": "A", "first": "100 DKK", "rated": "10000 h"}],
    )
    # Every 10000 / 3000 = 3.33 years: at 3.33, 6.67, 10, 13.33 -> booked in years 4, 7, 10, 14.
    assert list(np.flatnonzero(r.real[0, 0])) == [4, 7, 10, 14]


def test_unequal_lives_are_ranked_by_annualised_cost_over_their_own_lives() -> None:
    r = run(
        simple_model(CAPEX_OPEX, lifetime="life"),
        {"discount_rate": "10 %", "period": "lifetime"},
        [
            {"name": "short", "first": "1000 DKK", "life": "3 year"},
            {"name": "long", "first": "1700 DKK", "life": "6 year"},
        ],
    )
    # Capital recovery: 1000 * 0.1 / (1 - 1.1**-3) = 402.114804; 1700 * 0.1 / (1 - 1.1**-6) = 390.336
    assert r.annualised[0] == pytest.approx(1000 * 0.1 / (1 - 1.1**-3), rel=1e-12)
    assert r.annualised[1] == pytest.approx(1700 * 0.1 / (1 - 1.1**-6), rel=1e-12)
    assert r.ranked_by == "annualised"
    assert r.ranking == ["long", "short"]  # although 'short' has the lower present value
    assert r.total[0] < r.total[1]


def test_annualised_cost_is_reported_beside_present_value() -> None:
    r = run(
        simple_model(CAPEX_OPEX),
        {"discount_rate": "4 %", "period": "4 year"},
        [{"name": "A", "first": "10000 DKK", "annual": "500 DKK/year"}],
    )
    # PV = 10000 + 500 * (1 - 1.04**-4) / 0.04 = 10000 + 1814.947553 = 11814.947553
    # EAC = PV * 0.04 / (1 - 1.04**-4) = 11814.947553 * 0.275490045 = 3254.90
    pv = 10000 + 500 * (1 - 1.04**-4) / 0.04
    assert r.total[0] == pytest.approx(pv, rel=1e-12)
    assert r.annualised[0] == pytest.approx(pv * 0.04 / (1 - 1.04**-4), rel=1e-12)


# -- Rates -------------------------------------------------------------------------------------
def test_constant_escalation_from_year_0_prices() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual", "escalation": "energy"}}
    )
    r = run(
        model,
        {"discount_rate": "0 %", "period": "3 year", "escalation": {"energy": "10 %/year"}},
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    # Year-0 prices: 100 * 1.1, 100 * 1.1**2, 100 * 1.1**3 = 110, 121, 133.1
    np.testing.assert_allclose(r.real[0, 0, 1:], [110.0, 121.0, 133.1])


def test_escalation_from_year_1_prices() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual", "escalation": "energy"}}
    )
    r = run(
        model,
        {
            "discount_rate": "0 %",
            "period": "3 year",
            "price_year": 1,
            "escalation": {"energy": "10 %"},
        },
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    # Year-1 prices (Danish EPA vehicle tool): 100, 110, 121
    np.testing.assert_allclose(r.real[0, 0, 1:], [100.0, 110.0, 121.0])


def test_year_by_year_escalation_path() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual", "escalation": "energy"}}
    )
    r = run(
        model,
        {
            "discount_rate": "0 %",
            "period": "3 year",
            "escalation": {"energy": ["10 %", "0 %", "-50 %"]},
            "allow_unusual_rates": True,
        },
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    # 100 * 1.1 = 110; 110 * 1.0 = 110; 110 * 0.5 = 55
    np.testing.assert_allclose(r.real[0, 0, 1:], [110.0, 110.0, 55.0])


def test_nominal_rate_with_inflation_equals_real_analysis() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual", "escalation": "energy"}}
    )
    bids = [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}]
    nominal = run(
        model,
        {
            "discount_rate": "6.08 %",
            "rate_type": "nominal",
            "inflation": "2 %",
            "period": "5 year",
            "escalation": {"energy": "3.02 %"},
        },
        bids,
    )
    # Fisher: real rate (1.0608 / 1.02) - 1 = 4 %; real escalation (1.0302 / 1.02) - 1 = 1 %.
    # PV = sum_t 100 * 1.01**t / 1.04**t for t = 1..5
    expected = sum(100 * 1.01**t / 1.04**t for t in range(1, 6))
    assert nominal.total[0] == pytest.approx(expected, rel=1e-12)
    # Current-price cash flows are the real ones inflated: year 1 is 100 * 1.01 * 1.02 = 103.02.
    assert nominal.nominal[0, 0, 1] == pytest.approx(103.02, rel=1e-12)


# -- Sign ----------------------------------------------------------------------------------------
def test_resale_is_a_negative_cost() -> None:
    model = simple_model(
        {
            "purchase": {"category": "acquisition", "once": "first"},
            "buy_back": {"category": "end_of_life", "at": "period", "amount": "-salvage"},
        }
    )
    r = run(
        model,
        {"discount_rate": "4 %", "period": "4 year"},
        [{"name": "A", "first": "200000 DKK", "salvage": "90000 DKK"}],
    )
    # 200000 - 90000 / 1.04**4 = 200000 - 76933.77 = 123066.23
    assert r.by_item["buy_back"][0] == pytest.approx(-90000 / 1.04**4, rel=1e-12)
    assert r.total[0] == pytest.approx(200000 - 90000 / 1.04**4, rel=1e-12)


# -- Externalities --------------------------------------------------------------------------------
EMITTING = simple_model(
    {"energy": {"category": "use", "annual": "energy * price"}},
    parameters={
        "energy": {"unit": "kWh/year", "bid": True},
        "price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
        "factor": {"unit": "kg CO2e/kWh", "default": "0.5 kg CO2e/kWh", "by_year": True},
    },
    emissions={"co2e": {"annual": "energy * factor"}},
)


def test_emissions_reported_always_priced_only_with_a_price() -> None:
    bids = [{"name": "A", "first": "0 DKK", "energy": "1000 kWh/year"}]
    unpriced = run(EMITTING, {"discount_rate": "0 %", "period": "2 year"}, bids)
    # 1000 kWh/year * 0.5 kg/kWh * 2 years = 1000 kg
    assert unpriced.emissions["co2e"][0] == pytest.approx(1000.0)
    assert "externalities" not in unpriced.by_category
    priced = run(
        EMITTING, {"discount_rate": "0 %", "period": "2 year", "co2_price": "1500 DKK/t"}, bids
    )
    # 1000 kg * 1.5 DKK/kg = 1500 DKK on top of 2 * 1000 * 2 = 4000 DKK of energy
    assert priced.by_category["externalities"][0] == pytest.approx(1500.0)
    assert priced.total[0] == pytest.approx(5500.0)
    assert priced.total_excl_externalities[0] == pytest.approx(4000.0)


def test_year_by_year_emission_factor_path() -> None:
    r = run(
        EMITTING,
        {"discount_rate": "0 %", "period": "3 year"},
        [{"name": "A", "first": "0 DKK", "energy": "1000 kWh/year"}],
        parameters={"factor": ["0.089 kg/kWh", "0.070 kg/kWh", "0.058 kg/kWh"]},
    )
    # 1000 * (0.089 + 0.070 + 0.058) = 217 kg
    np.testing.assert_allclose(r.yearly_emissions[0, 0, 1:], [89.0, 70.0, 58.0])
    assert r.emissions["co2e"][0] == pytest.approx(217.0)


# -- Quantity ---------------------------------------------------------------------------------------
def test_everything_scales_with_quantity_except_per_unit_false() -> None:
    model = simple_model(
        {
            **CAPEX_OPEX,
            "tender_fee": {"category": "acquisition", "once": "5000 DKK", "per_unit": False},
        }
    )
    r = run(
        model,
        {"discount_rate": "0 %", "period": "2 year", "quantity": 200},
        [{"name": "A", "first": "100 DKK", "annual": "10 DKK/year"}],
    )
    # 200 * (100 + 2 * 10) + 5000 = 29000
    assert r.total[0] == pytest.approx(29000.0)


# -- Money and currency -------------------------------------------------------------------------------
def test_mixing_currencies_without_a_rate_is_an_error() -> None:
    with pytest.raises(tco.CurrencyError, match=r"bids\[0\]\.first.*exchange rate for EUR"):
        run(
            simple_model(CAPEX_OPEX),
            {"currency": "DKK", "period": "2 year"},
            [{"name": "A", "first": "100 EUR"}],
        )


def test_exchange_rate_converts_bid_prices() -> None:
    r = run(
        simple_model(CAPEX_OPEX),
        {"currency": "DKK", "period": "2 year", "exchange_rates": {"EUR": "7.46 DKK"}},
        [{"name": "A", "first": "100 EUR"}, {"name": "B", "first": "700 DKK"}],
    )
    # 100 EUR * 7.46 DKK/EUR = 746 DKK
    assert r.total[0] == pytest.approx(746.0)
    assert r.ranking == ["B", "A"]


def test_result_in_another_currency_than_the_model() -> None:
    r = run(
        simple_model(CAPEX_OPEX),
        {"currency": "EUR", "period": "2 year", "exchange_rates": {"DKK": "0.134 EUR"}},
        [{"name": "A", "first": "1000 DKK"}],
    )
    # 1000 DKK * 0.134 EUR/DKK = 134 EUR
    assert r.currency == "EUR"
    assert r.total[0] == pytest.approx(134.0)


def test_zero_discount_rate_gives_the_plain_sum() -> None:
    r = run(
        simple_model(CAPEX_OPEX),
        {"discount_rate": "0 %", "period": "10 year"},
        [{"name": "A", "first": "1000 DKK", "annual": "150 DKK/year"}],
    )
    # 1000 + 10 * 150 = 2500, and the annualised cost is 2500 / 10 = 250.
    assert r.total[0] == pytest.approx(2500.0)
    assert r.annualised[0] == pytest.approx(250.0)
