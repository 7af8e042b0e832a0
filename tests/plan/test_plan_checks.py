"""tco.plan.checks: the same row checks for a tender's bids, a table's rows and variants."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

import tco
from tco.analysis.inputs import Change, resolve_input
from tco.analysis.variants import evaluate_variants
from tco.errors import SpecError
from tco.plan import rebuild_plan
from tco.plan.checks import lifetime_periods
from tco.views.error_text import error_text

MODEL: dict[str, Any] = {
    "id": "m",
    "title": "m",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "life": {"unit": "year", "bid": True},
        "fee": {"unit": "DKK/year", "default": "10 DKK/year"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "overhaul": {"category": "maintenance", "at": "life - 8 year", "amount": "price"},
        "service": {"category": "use", "annual": "fee", "start": "2 year", "stop": "life"},
    },
}


def tender(*lives: float) -> dict[str, Any]:
    return {
        "model": copy.deepcopy(MODEL),
        "assumptions": {"period": "10 year", "discount_rate": "0 %"},
        "bids": [
            {"name": f"B{i}", "price": "100 DKK", "life": f"{life} year"}
            for i, life in enumerate(lives)
        ],
    }


def test_a_variant_is_checked_as_a_bid_would_be() -> None:
    # Regression: rebuild_plan (the variants of a sensitivity or Monte Carlo
    # study) ran none of the timing checks, so a variant whose event fell
    # before year 0 got a total without the event.
    plan = tco.load_tender(tender(10.0, 9.0)).plan
    life = resolve_input(plan, "life")
    with pytest.raises(SpecError) as caught:
        evaluate_variants(plan, [Change(life, np.array([[10.0, 7.0]]))], 1)  # [year]
    assert str(caught.value) == (
        "model.items.overhaul.at: for bid 'B1' the event falls at -1 years, before the "
        "decision date (year 0)"
    )
    with pytest.raises(SpecError) as bid:
        tco.load_tender(tender(10.0, 7.0))
    assert str(bid.value) == str(caught.value)


def test_rebuild_refuses_a_stream_that_stops_before_it_starts() -> None:
    plan = tco.load_tender(tender(10.0)).plan
    values = {**plan.values, "life": np.array([1.0])}  # plan values: a time in years
    with pytest.raises(SpecError, match="for bid 'B0' the stream stops in year 1, before it"):
        rebuild_plan(plan, values)


def test_valid_variants_give_the_hand_totals() -> None:
    # At 0 %: price 100, an overhaul of 100 if life >= 8, a fee of 10 a year in years 2..life.
    plan = tco.load_tender(tender(10.0, 9.0)).plan
    np.testing.assert_allclose(evaluate_variants(plan)[0], [100 + 100 + 90, 100 + 100 + 80])


@pytest.mark.parametrize(
    ("fee", "words"),
    [
        (None, "missing value for 'fee'"),
        ("10 kg", "got '10 kg'"),
        ("-5 kg/year", "got '-5 kg/year'"),
        ("ten", "got 'ten'"),
        ([1, 2], "a list of values is allowed only"),
    ],
)
def test_a_bad_buyer_value_is_one_message_however_many_bids(fee: Any, words: str) -> None:
    data = tender(10, 12, 14)
    if fee is None:
        del data["model"]["parameters"]["fee"]["default"]
    else:
        data["parameters"] = {"fee": fee}
    with pytest.raises(SpecError) as info:
        tco.load_tender(data).evaluate()
    err = info.value
    problems = getattr(err, "errors", [err])
    assert len(problems) == 1, str(err)
    assert words in str(err)


def test_a_fractional_lifetime_as_the_period_says_what_to_give_instead() -> None:
    # 'period: lifetime' takes each bid's lifetime as its period, in whole years: 16.67 is not.
    with pytest.raises(SpecError) as caught:
        lifetime_periods(np.array([16.67]), ["bid 'A'"], file="t.yaml")
    err = caught.value
    assert err.path == ("assumptions", "period")
    assert err.expected == "a study period such as '15 year'"
    assert "bid 'A' lasts 16.67 years" in error_text(err, "en")
