"""Numeric edge cases: each result is exact (to rounding) or a TCOError, never a silent NaN.

Every expected number is computed by hand in the test, next to it.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

import tco
from helpers import run, simple_model
from tco.result import Result

ANNUAL = {"running": {"category": "use", "annual": "annual", "escalation": "energy"}}
ONCE = {"purchase": {"category": "acquisition", "once": "first"}}


def one_bid(**values: str) -> list[dict[str, Any]]:
    return [{"name": "A", "first": "0 DKK", **values}]


# -- discount rate equal to the escalation rate ------------------------------------------------


@pytest.mark.parametrize("rate", ["0 %", "3 %", "12.5 %", "-2 %"])
@pytest.mark.parametrize("period", [1, 20, 200])
def test_discount_rate_equal_to_escalation_rate(rate: str, period: int) -> None:
    # The uniform present value with escalation, A * sum_t ((1 + e) / (1 + r)) ** t, has the
    # closed form A * q (1 - q**P) / (1 - q) with q = (1 + e) / (1 + r), singular at q = 1.
    # There every term is A, so PV = P * A exactly: 1000 DKK/year gives 1000 * P.
    r = run(
        simple_model(ANNUAL),
        {
            "allow_unusual_rates": True,
            "discount_rate": rate,
            "period": f"{period} year",
            "escalation": {"energy": rate},
        },
        one_bid(annual="1000 DKK/year"),
    )
    assert r.total[0] == pytest.approx(1000.0 * period, rel=1e-12)
    # Each year's discounted flow is the amount itself.
    np.testing.assert_allclose(r.discounted[0, 0, 1:], 1000.0, rtol=1e-12)


def test_escalation_a_hair_above_the_discount_rate_is_continuous() -> None:
    # q = 1.03 / 1.0299999 differs from 1 by 1e-7: over 20 years the PV differs from
    # 20 * 1000 by about 1000 * sum_t t * 1e-7 = 1000 * 210 * 0.97e-7, i.e. ~0.02 DKK.
    r = run(
        simple_model(ANNUAL),
        {
            "allow_unusual_rates": True,
            "discount_rate": "2.99999 %",
            "period": "20 year",
            "escalation": {"energy": "3 %"},
        },
        one_bid(annual="1000 DKK/year"),
    )
    assert r.total[0] == pytest.approx(20_000.0, abs=0.05)
    assert r.total[0] > 20_000.0


# -- rates near -100 % ------------------------------------------------------------------------


def test_discount_rate_of_minus_99_percent_is_exact() -> None:
    # (1 - 0.99) ** -t = 100 ** t: 1 DKK a year for 10 years is worth sum_{t=1..10} 100**t
    # = (100**11 - 100) / 99 = 1.0101...e20 DKK.
    r = run(
        simple_model(ANNUAL),
        {"allow_unusual_rates": True, "discount_rate": "-99 %", "period": "10 year"},
        one_bid(annual="1 DKK/year"),
    )
    expected = sum(100.0**t for t in range(1, 11))
    assert r.total[0] == pytest.approx(expected, rel=1e-12)
    assert np.isfinite(r.annualised[0])


def test_discount_rate_just_above_minus_100_percent_over_200_years_is_an_error() -> None:
    # (1 - 0.999) ** -200 = 1e600 is beyond float range: an error, not inf.
    with pytest.raises(tco.SpecError, match=r"assumptions\.discount_rate: .*further from -100 %"):
        run(
            simple_model(ANNUAL),
            {"allow_unusual_rates": True, "discount_rate": "-99.9 %", "period": "200 year"},
            one_bid(annual="1 DKK/year"),
        )


def test_escalation_near_minus_100_percent_shrinks_prices_to_almost_nothing() -> None:
    # Prices fall 99.99 % a year: year t costs 1000 * 1e-4 ** t; at r = 0 the sum over
    # 5 years is 1000 * (1e-4 + 1e-8 + 1e-12 + 1e-16 + 1e-20) = 0.10000100001 DKK.
    r = run(
        simple_model(ANNUAL),
        {
            "allow_unusual_rates": True,
            "discount_rate": "0 %",
            "period": "5 year",
            "escalation": {"energy": "-99.99 %"},
        },
        one_bid(annual="1000 DKK/year"),
    )
    assert r.total[0] == pytest.approx(1000 * sum(1e-4**t for t in range(1, 6)), rel=1e-9)


@pytest.mark.parametrize("rate", ["-100 %", "-100.5 %"])
def test_escalation_at_or_below_minus_100_percent_is_an_error(rate: str) -> None:
    with pytest.raises(tco.SpecError, match="above -100 %"):
        run(
            simple_model(ANNUAL),
            {"period": "5 year", "escalation": {"energy": rate}},
            one_bid(annual="1 DKK/year"),
        )


# -- very long periods ----------------------------------------------------------------------


def test_200_year_period() -> None:
    # 100 DKK a year at 4 % for 200 years: 100 * (1 - 1.04**-200) / 0.04 = 2499.0... DKK.
    # A unit of 7 years bought for 1000 DKK at k * 7 < 200: k = 0..28, 29 purchases; the last,
    # bought at 196, has (196 + 7 - 200) / 7 = 3/7 of its life left at year 200.
    r = run(
        simple_model({**ONCE, "running": {"category": "use", "annual": "annual"}}, lifetime="life"),
        {"allow_unusual_rates": True, "discount_rate": "4 %", "period": "200 year"},
        [{"name": "A", "first": "1000 DKK", "annual": "100 DKK/year", "life": "7 year"}],
    )
    assert r.by_item["running"][0] == pytest.approx(100 * (1 - 1.04**-200) / 0.04, rel=1e-12)
    purchases = r.real[0, 0]
    assert np.count_nonzero(purchases > 0) == 29
    np.testing.assert_allclose(np.flatnonzero(purchases > 0), np.arange(0, 197, 7))
    assert purchases[200] == pytest.approx(-1000 * 3 / 7, rel=1e-12)
    expected = sum(1000 * 1.04 ** -(7 * k) for k in range(29)) - 1000 * 3 / 7 * 1.04**-200
    assert r.by_item["purchase"][0] == pytest.approx(expected, rel=1e-12)


def test_period_of_201_years_is_an_error() -> None:
    with pytest.raises(tco.SpecError, match="from 1 to 200"):
        run(simple_model(ONCE), {"period": "201 year"}, [{"name": "A", "first": "1 DKK"}])


# -- lifetimes -----------------------------------------------------------------------------


@pytest.mark.parametrize("life", ["0 year", "-1 year", "0 h"])
def test_zero_or_negative_life_is_an_error(life: str) -> None:
    with pytest.raises(tco.SpecError, match="a lifetime must be positive"):
        run(
            simple_model(ONCE, lifetime="life"),
            {"period": "10 year"},
            [{"name": "A", "first": "1 DKK", "life": life}],
        )


def test_infinite_life_from_a_division_by_zero_is_an_error() -> None:
    # The lighting model's life is rated_life / operating_hours; 0 h/year gives infinity.
    with pytest.raises(tco.ExpressionError, match="non-finite"):
        tco.load_tender(
            {
                "model": "indoor-lighting",
                "assumptions": {"period": "15 year"},
                "parameters": {"operating_hours": "0 h/year"},
                "bids": [{"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "5e4 h"}],
            }
        )


def test_fractional_lifetimes() -> None:
    # Over 10 years, at r = 0, a price of 700 DKK:
    # life 2.5: bought at 0, 2.5, 5, 7.5 (booked 0, 3, 5, 8); the last ends at exactly 10,
    #           so no residual: 4 * 700 = 2800.
    # life 3.5: bought at 0, 3.5, 7 (booked 0, 4, 7); the last would last to 10.5, so
    #           0.5 / 3.5 = 1/7 of it is credited at year 10: 3 * 700 - 100 = 2000.
    r = run(
        simple_model(ONCE, lifetime="life"),
        {"allow_unusual_rates": True, "discount_rate": "0 %", "period": "10 year"},
        [
            {"name": "2.5", "first": "700 DKK", "life": "2.5 year"},
            {"name": "3.5", "first": "700 DKK", "life": "3.5 year"},
        ],
    )
    np.testing.assert_allclose(np.flatnonzero(r.real[0, 0] > 0), [0, 3, 5, 8])
    np.testing.assert_allclose(np.flatnonzero(r.real[1, 0] > 0), [0, 4, 7])
    np.testing.assert_allclose(r.total, [2800.0, 2000.0], rtol=1e-12)
    assert r.real[1, 0, 10] == pytest.approx(-100.0, rel=1e-12)


def test_lifetime_equal_to_the_period_has_no_residual_and_one_end_of_life() -> None:
    # L = P = 10: one purchase (k * 10 < 10 only for k = 0), nothing left at year 10, and the
    # end of life falls at year 10 (k * 10 <= 10 for k = 1): 1000 + 50 at r = 0.
    items = {**ONCE, "disposal": {"category": "end_of_life", "end_of_life": "salvage"}}
    r = run(
        simple_model(items, lifetime="life"),
        {"allow_unusual_rates": True, "discount_rate": "0 %", "period": "10 year"},
        [{"name": "A", "first": "1000 DKK", "salvage": "50 DKK", "life": "10 year"}],
    )
    np.testing.assert_allclose(r.real[0, 0], [1000.0] + [0.0] * 10)
    np.testing.assert_allclose(r.real[0, 1], [0.0] * 10 + [50.0])
    assert r.total[0] == pytest.approx(1050.0)


def test_lifetime_longer_than_the_period() -> None:
    # L = 40 over P = 10: one purchase, 30/40 of it credited at year 10: 1000 - 750 = 250.
    r = run(
        simple_model(ONCE, lifetime="life"),
        {"allow_unusual_rates": True, "discount_rate": "0 %", "period": "10 year"},
        [{"name": "A", "first": "1000 DKK", "life": "40 year"}],
    )
    assert r.total[0] == pytest.approx(250.0, rel=1e-12)


# -- events at the period's end, intervals longer than it -----------------------------------


@pytest.mark.parametrize(
    ("at", "year"),
    [
        ("15 year", 15),  # exactly at the end: booked in year 15
        ("period", 15),  # the built-in period, as a buy-back would use
        ("14.2 year", 15),  # booked in the year it falls: ceil(14.2) = 15
        ("0 year", 0),  # at the decision date
        ("15.5 year", None),  # after the period: not counted
    ],
)
def test_event_at_the_last_year(at: str, year: int | None) -> None:
    r = run(
        simple_model({"x": {"category": "maintenance", "at": at, "amount": "first"}}),
        {"allow_unusual_rates": True, "discount_rate": "0 %", "period": "15 year"},
        [{"name": "A", "first": "100 DKK"}],
    )
    expected = np.zeros(16)
    if year is not None:
        expected[year] = 100.0
    np.testing.assert_allclose(r.real[0, 0], expected)


@pytest.mark.parametrize(
    ("every", "years"),
    [
        ("20 year", []),  # longer than the period: never
        ("15 year", []),  # exactly the period: k * 15 < 15 never holds
        ("7.5 year", [8]),  # 7.5 only (15 is the end); booked in year 8
        ("5 year", [5, 10]),  # not 15: the unit is retired at the period's end
    ],
)
def test_every_interval_against_the_period(every: str, years: list[int]) -> None:
    r = run(
        simple_model({"x": {"category": "maintenance", "every": every, "amount": "first"}}),
        {"allow_unusual_rates": True, "discount_rate": "0 %", "period": "15 year"},
        [{"name": "A", "first": "100 DKK"}],
    )
    np.testing.assert_allclose(np.flatnonzero(r.real[0, 0]), years)


def test_end_of_life_without_lifetime_is_at_the_period_end() -> None:
    # 200 DKK at year 15, discounted at 4 %: 200 / 1.04**15 = 111.05 DKK.
    r = run(
        simple_model({"x": {"category": "end_of_life", "end_of_life": "first"}}),
        {"allow_unusual_rates": True, "discount_rate": "4 %", "period": "15 year"},
        [{"name": "A", "first": "200 DKK"}],
    )
    assert r.total[0] == pytest.approx(200 / 1.04**15, rel=1e-12)


# -- never a silent NaN ----------------------------------------------------------------------


def _finite_or_error(
    model: dict[str, Any], assumptions: dict[str, Any], bid: dict[str, Any]
) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would be a silent inf
        try:
            r: Result = run(model, assumptions, [{"name": "A", **bid}])
        except tco.TCOError:
            return "error"
        arrays = [r.total, r.annualised, r.real, r.discounted, r.nominal, r.annuity_factor]
        assert all(np.all(np.isfinite(a)) for a in arrays)
        return "finite"


@pytest.mark.parametrize("rate", ["-99.99 %", "-99 %", "-50 %", "0 %", "1e-12 %", "4 %", "1000 %"])
@pytest.mark.parametrize("period", ["1 year", "37 year", "200 year"])
@pytest.mark.parametrize("life", ["0.01 year", "0.5 year", "200 year", "1e6 year"])
def test_extreme_but_valid_inputs_are_finite_or_an_error(rate: str, period: str, life: str) -> None:
    items = {
        **ONCE,
        "running": {"category": "use", "annual": "annual", "escalation": "energy"},
        "service": {"category": "maintenance", "every": "life / 3", "amount": "first"},
        "disposal": {"category": "end_of_life", "end_of_life": "salvage"},
    }
    outcome = _finite_or_error(
        simple_model(items, lifetime="life"),
        {"allow_unusual_rates": True, "discount_rate": rate, "period": period, "escalation": {"energy": rate},
         "inflation": "2 %", "quantity": 1e6},
        {"first": "1e9 DKK", "annual": "1e7 DKK/year", "salvage": "-1e6 DKK", "life": life},
    )  # fmt: skip
    # Only a rate within a hair of -100 % over long periods leaves float range.
    if rate not in ("-99.99 %", "-99 %"):
        assert outcome == "finite"
