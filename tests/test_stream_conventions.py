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
from tco.views.error_text import error_text

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


# -- payment timing per stream ------------------------------------------------------------------
# A lease paid in advance ('discounting: begin' on the item) beside energy paid in arrears (the
# tender's end-of-year timing), r = 4 %, 3 years, year-0 prices.
LEASE: dict[str, Any] = {
    "id": "lease",
    "title": "Lease",
    "functional_unit": "unit",
    "escalation": {"lease": "0 %", "energy": "0 %"},
    "parameters": {
        "rent": {"unit": "DKK/year", "bid": True},
        "energy": {"unit": "DKK/year", "bid": True},
    },
    "items": {
        "lease": {
            "category": "acquisition",
            "annual": "rent",
            "discounting": "begin",
            "escalation": "lease",
        },
        "energy": {"category": "use", "annual": "energy", "escalation": "energy"},
    },
}
LEASE_BIDS = [{"name": "A", "rent": "1000 DKK/year", "energy": "100 DKK/year"}]
THREE = {
    "period": "3 year",
    "discount_rate": "4 %",
    "escalation": {"lease": "3 %", "energy": "2 %"},
}


def lease_tender(**assumptions: Any) -> dict[str, Any]:
    return {"model": LEASE, "assumptions": {**THREE, **assumptions}, "bids": LEASE_BIDS}


def hand(shift_lease: float, shift_energy: float, r: float = 0.04) -> tuple[float, float]:
    """PV of the lease and the energy, each priced and discounted at t - shift (NIST)."""
    lease = sum(1000 * 1.03 ** (t - shift_lease) / (1 + r) ** (t - shift_lease) for t in (1, 2, 3))
    energy = sum(
        100 * 1.02 ** (t - shift_energy) / (1 + r) ** (t - shift_energy) for t in (1, 2, 3)
    )
    return lease, energy


def test_a_lease_paid_in_advance_beside_energy_paid_in_arrears() -> None:
    r = tco.load_tender(lease_tender()).evaluate()
    # Lease at the beginning of each year: 1000 * (1.03 / 1.04) ** (t - 1) for t = 1, 2, 3
    # = 1000 + 990.385 + 980.862 = 2971.247; energy at the end: 100 * (1.02 / 1.04) ** t
    # = 98.077 + 96.191 + 94.341 = 288.609.
    lease, energy = hand(1.0, 0.0)
    assert lease == pytest.approx(2971.247, abs=1e-3)
    assert energy == pytest.approx(288.609, abs=1e-3)
    np.testing.assert_allclose([r.by_item["lease"][0], r.by_item["energy"][0]], [lease, energy])
    # The year-axis engine agrees: the lease's flows discounted at t - 1.
    np.testing.assert_allclose(r.discounted.sum(axis=-1)[0], [lease, energy], rtol=1e-12)
    np.testing.assert_allclose(r.discount[0, 1:], 1.04 ** -np.arange(0.0, 3.0), rtol=1e-12)


def test_the_tender_times_an_item_over_the_model_and_the_tender_wide_timing() -> None:
    r = tco.load_tender(
        lease_tender(discounting="mid", item_discounting={"lease": "end"})
    ).evaluate()
    # The lease at the end of the year (the tender's item_discounting), the energy mid-year (the
    # tender's discounting): priced and discounted at t and t - 0.5.
    np.testing.assert_allclose(
        [r.by_item["lease"][0], r.by_item["energy"][0]], hand(0.0, 0.5), rtol=1e-12
    )


def test_variants_and_the_batch_path_honour_the_stream_timing() -> None:
    plan = tco.load_tender(lease_tender()).plan
    np.testing.assert_allclose(evaluate_variants(plan)[0], [sum(hand(1.0, 0.0))], rtol=1e-12)
    rate = resolve_input(plan, "discount_rate")
    out = evaluate_variants(plan, [Change(rate, np.array([0.05]))], 1)
    np.testing.assert_allclose(out[0], [sum(hand(1.0, 0.0, 0.05))], rtol=1e-12)
    batch = tco.evaluate_batch(
        LEASE,
        {"rent": [1000.0, 2000.0], "energy": [100.0, 0.0]},
        units={"rent": "DKK/year", "energy": "DKK/year"},
        assumptions=THREE,
    )
    lease, energy = hand(1.0, 0.0)
    np.testing.assert_allclose(batch["total"], [lease + energy, 2 * lease], rtol=1e-12)


def test_a_one_off_item_cannot_state_a_timing() -> None:
    model = {
        **LEASE,
        "items": {
            **LEASE["items"],
            "deposit": {"category": "acquisition", "once": "500 DKK", "discounting": "begin"},
        },
    }
    with pytest.raises(SpecError) as info:
        tco.load_model(model)
    assert "items.deposit" in str(info.value)
    assert "'discounting' goes with 'annual' only" in str(info.value)
    assert "'discounting' hører kun til 'annual'" in error_text(info.value, "da")


def test_the_tender_names_an_annual_item_of_the_model() -> None:
    with pytest.raises(SpecError) as info:
        tco.load_tender(lease_tender(item_discounting={"leas": "begin"}))
    assert str(info.value) == (
        "assumptions.item_discounting.leas: unknown item 'leas' (did you mean 'lease'?); "
        "the model's items are lease, energy"
    )
    assert "ukendt post 'leas' (mente du 'lease'?)" in error_text(info.value, "da")
