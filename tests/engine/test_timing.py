"""Timing: an annual amount is priced at the instant it is discounted (NIST BLCC, Handbook 135).

NIST Handbook 135 (Fuller and Petersen, 1995), section 5: with a constant escalation ``e``
of a year-0 price and a discount rate ``d``, the present value of an annual amount ``A``
is ``A * sum over t of ((1 + e) / (1 + d)) ** t`` at the end of each year (UPV*), and with
mid-year discounting both the price and the discount factor are taken at ``t - 0.5``:
``A * sum of ((1 + e) / (1 + d)) ** (t - 0.5)``. NIST's published mid-year factor tables
were not in the stored material; the expected values below are the Handbook's formulas
written out, and its published end-of-year UPV (3 %, 25 years) = 17.41 (Table A-2).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tco
from helpers import run, simple_model
from tco.engine.timeline import annual_escalation, discount_factors, escalation_index

MODEL = simple_model({"energy": {"category": "use", "annual": "annual", "escalation": "energy"}})


def _pv(timing: str, d: str, e: Any, years: int, price_year: int = 0) -> float:
    r = run(
        MODEL,
        {
            "discount_rate": d,
            "period": f"{years} year",
            "escalation": {"energy": e},
            "discounting": timing,
            "price_year": price_year,
            "allow_unusual_rates": True,  # the hand calculations use a -50 % year
        },
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    return float(r.total[0])


def test_mid_year_prices_and_discounts_at_the_middle_of_the_year() -> None:
    # 100 a year at year-0 prices, e = 2 %, d = 4 %, 3 years, amounts at t - 0.5:
    # 100 * (1.02/1.04)^0.5 + 100 * (1.02/1.04)^1.5 + 100 * (1.02/1.04)^2.5
    ratio = 1.02 / 1.04
    hand = 100 * (ratio**0.5 + ratio**1.5 + ratio**2.5)  # = 291.31...
    assert _pv("mid", "4 %", "2 %", 3) == pytest.approx(hand, rel=1e-12)
    # The previous convention priced at the year's end: 100 * 1.02^t / 1.04^(t - 0.5).
    wrong = sum(100 * 1.02**t / 1.04 ** (t - 0.5) for t in (1, 2, 3))
    assert _pv("mid", "4 %", "2 %", 3) != pytest.approx(wrong, rel=1e-6)


def test_beginning_of_year_prices_and_discounts_at_the_start_of_the_year() -> None:
    # Amounts at t - 1: 100 * (1 + (1.02/1.04) + (1.02/1.04)^2).
    ratio = 1.02 / 1.04
    assert _pv("begin", "4 %", "2 %", 3) == pytest.approx(100 * (1 + ratio + ratio**2))


def test_end_of_year_is_the_nist_upv_star() -> None:
    # UPV* = (1+e)/(d-e) * [1 - ((1+e)/(1+d))^n], d = 3 %, e = 2 %, n = 25: 22.0766.
    d, e, n = 0.03, 0.02, 25
    upv_star = (1 + e) / (d - e) * (1 - ((1 + e) / (1 + d)) ** n)
    assert _pv("end", "3 %", "2 %", 25) == pytest.approx(100 * upv_star, rel=1e-12)
    # Mid-year: every term moves half a year earlier, price and discount alike, so the
    # factor is UPV* * ((1 + d) / (1 + e)) ** 0.5.
    mid = upv_star * ((1 + d) / (1 + e)) ** 0.5
    assert _pv("mid", "3 %", "2 %", 25) == pytest.approx(100 * mid, rel=1e-12)


def test_nist_upv_mid_year_without_escalation() -> None:
    # NIST Handbook 135, Table A-2: UPV(3 %, 25 years) = 17.41 (end of year). Mid-year
    # discounting of a constant amount: 17.41 * 1.03 ** 0.5 = 17.67.
    assert _pv("end", "3 %", "0 %", 25) / 100 == pytest.approx(17.41, abs=0.005)
    assert _pv("mid", "3 %", "0 %", 25) / 100 == pytest.approx(17.413 * 1.03**0.5, abs=0.005)
    assert _pv("mid", "3 %", "0 %", 25) / 100 == pytest.approx(17.67, abs=0.005)


def test_year_1_prices_hold_for_year_1_under_every_timing() -> None:
    # price_year: 1 (the Danish EPA vehicle tool): year t costs 100 * 1.02^(t - 1) whenever
    # in the year it falls; only the discounting moves.
    for timing, shift in (("end", 0.0), ("mid", 0.5), ("begin", 1.0)):
        hand = sum(100 * 1.02 ** (t - 1) / 1.04 ** (t - shift) for t in (1, 2, 3))
        assert _pv(timing, "4 %", "2 %", 3, price_year=1) == pytest.approx(hand), timing


def test_year_by_year_path_priced_within_the_year() -> None:
    # Path: +10 % in year 1, 0 % in year 2, -50 % in year 3; year-end index 1.1, 1.1, 0.55.
    # Mid-year prices: 1 * 1.1^0.5, 1.1 * 1^0.5, 1.1 * 0.5^0.5 (geometric within each year).
    prices = [1.1**0.5, 1.1, 1.1 * 0.5**0.5]
    hand = sum(100 * p / 1.04 ** (t - 0.5) for t, p in zip((1, 2, 3), prices, strict=True))
    assert _pv("mid", "4 %", ["10 %", "0 %", "-50 %"], 3) == pytest.approx(hand)
    # Beginning of year: the price at the start of year t is the index of year t - 1.
    begin = sum(100 * p / 1.04 ** (t - 1) for t, p in zip((1, 2, 3), [1, 1.1, 1.1], strict=True))
    assert _pv("begin", "4 %", ["10 %", "0 %", "-50 %"], 3) == pytest.approx(begin)


@settings(max_examples=60, deadline=None)
@given(
    rate=st.floats(min_value=-0.05, max_value=0.15),
    years=st.integers(min_value=1, max_value=60),
    timing=st.sampled_from(["end", "mid", "begin"]),
)
def test_escalation_equal_to_the_discount_rate_gives_the_undiscounted_sum(
    rate: float, years: int, timing: str
) -> None:
    # Priced and discounted at the same instant, a year-0 price escalating at the discount
    # rate is worth its undiscounted year-0 sum today, whatever the timing.
    index = annual_escalation(escalation_index(rate, years), timing)  # type: ignore[arg-type]
    d = discount_factors(rate, years, timing)  # type: ignore[arg-type]
    assert float((index * d)[1:].sum()) == pytest.approx(years, rel=1e-9)


def test_escalation_equal_to_the_discount_rate_through_a_tender() -> None:
    for timing in ("end", "mid", "begin"):
        assert _pv(timing, "4 %", "4 %", 10) == pytest.approx(1000.0), timing


def test_closed_form_analyses_price_at_the_same_instant() -> None:
    from tco.analysis.inputs import Change, resolve_input
    from tco.analysis.variants import evaluate_variants

    t = tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {
                "discount_rate": "4 %",
                "period": "3 year",
                "escalation": {"energy": "2 %"},
                "discounting": "mid",
            },
            "bids": [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
        }
    )
    base = evaluate_variants(t.plan)[0]
    assert base[0] == pytest.approx(t.evaluate().total[0])
    # Varying the escalation through the closed form gives the same as a tender at 3 %.
    inp = resolve_input(t.plan, "escalation.energy")
    varied = evaluate_variants(t.plan, [Change(inp, np.array([0.03]))], 1)[0]
    assert varied[0] == pytest.approx(_pv("mid", "4 %", "3 %", 3))
