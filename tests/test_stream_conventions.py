"""Conventions of single streams: a stream that costs nothing; (more below as they come).

Each case goes through the tender, the variants of an analysis and the batch path, with the
expected numbers worked out by hand beside them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import tco
from tco.analysis.inputs import Change, resolve_input
from tco.analysis.variants import evaluate_variants
from tco.errors import SpecError

# A service contract of 'fee' a year in years 1 .. 'years' (BLCC's Existing alternative of the
# FederalFinanced sample has no contract: fee 0 for 0 years), and a purchase.
CONTRACT: dict[str, Any] = {
    "id": "contract",
    "title": "Contract",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "fee": {"unit": "DKK/year", "bid": True},
        "years": {"unit": "year", "bid": True},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "contract": {"category": "maintenance", "annual": "fee", "stop": "years"},
    },
}
AT_0 = {"period": "5 year", "discount_rate": "0 %"}


def test_a_zero_stream_that_stops_before_it_starts_is_no_stream() -> None:
    bids = [
        {"name": "Own", "price": "1000 DKK", "fee": "0 DKK/year", "years": "0 year"},
        {"name": "Leased", "price": "0 DKK", "fee": "300 DKK/year", "years": "3 year"},
    ]
    r = tco.load_tender({"model": CONTRACT, "assumptions": AT_0, "bids": bids}).evaluate()
    # At 0 %: Own = 1000 and no contract; Leased = 300 a year in years 1..3 = 900.
    np.testing.assert_allclose(r.total, [1000.0, 900.0])
    np.testing.assert_allclose(r.by_item["contract"], [0.0, 900.0])
    assert not r.real[0, 1].any()  # the year-axis engine: no contract flow for Own


def test_a_stream_with_an_amount_that_stops_before_it_starts_is_still_refused() -> None:
    bids = [{"name": "Odd", "price": "0 DKK", "fee": "300 DKK/year", "years": "0 year"}]
    with pytest.raises(SpecError, match="for bid 'Odd' the stream stops in year 0, before it"):
        tco.load_tender({"model": CONTRACT, "assumptions": AT_0, "bids": bids})


def test_variants_and_the_batch_path_treat_a_zero_stream_alike() -> None:
    bids = [
        {"name": "Own", "price": "1000 DKK", "fee": "0 DKK/year", "years": "0 year"},
        {"name": "Leased", "price": "0 DKK", "fee": "300 DKK/year", "years": "3 year"},
    ]
    plan = tco.load_tender({"model": CONTRACT, "assumptions": AT_0, "bids": bids}).plan
    price = resolve_input(plan, "price")
    # Variants: the price +10 %: Own 1100, Leased 900 (0 DKK + 10 % is 0).
    out = evaluate_variants(plan, [Change(price, np.array([0.1]), relative=True)], 1)
    np.testing.assert_allclose(out[0], [1100.0, 900.0])
    # A variant that gives Own a fee while its contract stops at year 0 is refused, as a bid is.
    fee = resolve_input(plan, "fee")
    with pytest.raises(SpecError, match="for bid 'Own' the stream stops in year 0"):
        evaluate_variants(plan, [Change(fee, np.array([[100.0, 300.0]]) * fee.factor)], 1)
    table = {"price": [1000.0, 0.0, 0.0], "fee": [0.0, 300.0, 300.0], "years": [0.0, 3.0, 0.0]}
    units = {"price": "DKK", "fee": "DKK/year", "years": "year"}
    with pytest.raises(SpecError, match="for row 2 the stream stops in year 0"):
        tco.evaluate_batch(CONTRACT, table, units=units, assumptions=AT_0)
    out = tco.evaluate_batch(
        CONTRACT, {k: v[:2] for k, v in table.items()}, units=units, assumptions=AT_0
    )
    np.testing.assert_allclose(out["total"], [1000.0, 900.0])
