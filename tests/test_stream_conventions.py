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


# -- escalation per bid -------------------------------------------------------------------------
# A service contract of 1000 DKK a year over 3 years at r = 4 %: bidder A indexes it at
# 2 %/year (its price-indexation clause), bidder B holds a fixed price (0 %/year). The model says
# the service may be indexed ('indexation: indexation'); each bid gives its rate.
SERVICE: dict[str, Any] = {
    "id": "service",
    "title": "Service",
    "functional_unit": "unit",
    "parameters": {
        "fee": {"unit": "DKK/year", "bid": True},
        "indexation": {"unit": "%/year", "bid": True, "default": "0 %/year"},
        "price": {"unit": "DKK", "bid": True, "default": "0 DKK"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "service": {"category": "maintenance", "annual": "fee", "indexation": "indexation"},
    },
}
SERVICE_BIDS = [
    {"name": "Indexed", "fee": "1000 DKK/year", "indexation": "2 %/year"},
    {"name": "Fixed", "fee": "1020 DKK/year", "indexation": "0 %/year"},
]
YEARS3 = {"period": "3 year", "discount_rate": "4 %"}


def service(assumptions: dict[str, Any] | None = None, bids: Any = None) -> dict[str, Any]:
    return {"model": SERVICE, "assumptions": assumptions or YEARS3, "bids": bids or SERVICE_BIDS}


def test_each_bid_escalates_the_stream_at_its_own_rate() -> None:
    r = tco.load_tender(service()).evaluate()
    # Indexed: 1000 * 1.02**t / 1.04**t for t = 1..3 = 980.769 + 961.908 + 943.409 = 2886.087.
    # Fixed: 1020 / 1.04**t = 1020 * 2.775091 = 2830.593: the fixed price wins.
    indexed = sum(1000 * 1.02**t / 1.04**t for t in (1, 2, 3))
    fixed = sum(1020 / 1.04**t for t in (1, 2, 3))
    assert indexed == pytest.approx(2886.087, abs=1e-3)
    assert fixed == pytest.approx(2830.593, abs=1e-3)
    np.testing.assert_allclose(r.total, [indexed, fixed], rtol=1e-12)
    assert r.ranking == ["Fixed", "Indexed"]
    # The year-axis engine: Indexed pays 1000, 1020, 1040.40 in years 1-3.
    np.testing.assert_allclose(r.real[0, 1, 1:], [1000 * 1.02, 1000 * 1.02**2, 1000 * 1.02**3])
    np.testing.assert_allclose(r.discounted.sum(axis=(1, 2)), r.total, rtol=1e-12)


def test_a_bids_indexation_in_a_nominal_tender_is_nominal_and_priced_mid_year() -> None:
    nominal = {
        "period": "3 year",
        "discount_rate": "6.08 %",
        "rate_type": "nominal",
        "inflation": "2 %",
        "discounting": "mid",
    }
    r = tco.load_tender(service(nominal)).evaluate()
    # Real rate 1.0608 / 1.02 - 1 = 4 %; Indexed's 2 % nominal is 0 % real; at mid-year each
    # year's amount is priced and discounted at t - 0.5 (NIST): 1000 * 1.04 ** -(t - 0.5).
    indexed = sum(1000 / 1.04 ** (t - 0.5) for t in (1, 2, 3))
    # Fixed: 0 % nominal is 1 / 1.02 - 1 real: 1020 * (1 / 1.02) ** (t - 0.5) / 1.04 ** (t - 0.5).
    fixed = sum(1020 / 1.02 ** (t - 0.5) / 1.04 ** (t - 0.5) for t in (1, 2, 3))
    np.testing.assert_allclose(r.total, [indexed, fixed], rtol=1e-12)


def test_variants_index_each_bid_and_the_batch_path_shares_one_rate() -> None:
    plan = tco.load_tender(service()).plan
    indexed = sum(1000 * 1.02**t / 1.04**t for t in (1, 2, 3))
    fixed = sum(1020 / 1.04**t for t in (1, 2, 3))
    np.testing.assert_allclose(evaluate_variants(plan)[0], [indexed, fixed], rtol=1e-12)
    # Two variants: the fee +0 % and +10 %; the indexation of each bid stays its own.
    fee = resolve_input(plan, "fee")
    out = evaluate_variants(plan, [Change(fee, np.array([0.0, 0.1]), relative=True)], 2)
    np.testing.assert_allclose(out, [[indexed, fixed], [1.1 * indexed, 1.1 * fixed]], rtol=1e-12)
    # The indexation varied per bid: Indexed at 3 %, Fixed at 1 %.
    rate = resolve_input(plan, "indexation")
    out = evaluate_variants(plan, [Change(rate, np.array([[0.03, 0.01]]))], 1)  # plan units
    want = [
        sum(1000 * 1.03**t / 1.04**t for t in (1, 2, 3)),
        sum(1020 * 1.01**t / 1.04**t for t in (1, 2, 3)),
    ]
    np.testing.assert_allclose(out[0], want, rtol=1e-12)
    # The batch path: rows that share the model's default indexation (0 %/year) are priced as a
    # tender prices them; a column giving each row its own indexation is refused, saying why.
    units = {"fee": "DKK/year", "indexation": "%/year"}
    out = tco.evaluate_batch(SERVICE, {"fee": [1000.0, 1020.0]}, units=units, assumptions=YEARS3)
    np.testing.assert_allclose(out["total"], [fixed * 1000 / 1020, fixed], rtol=1e-12)
    with pytest.raises(SpecError) as info:
        tco.evaluate_batch(
            SERVICE,
            {"fee": [1000.0, 1020.0], "indexation": [2.0, 0.0]},
            units=units,
            assumptions=YEARS3,
        )
    assert "the column 'indexation' gives each row its own indexation of 'service'" in str(
        info.value
    )
    assert "kolonnen 'indexation' giver hver række sin egen prisregulering" in error_text(
        info.value, "da"
    )


def test_a_bids_indexation_is_checked_as_a_rate() -> None:
    bids = [{"name": "Odd", "fee": "1000 DKK/year", "indexation": "45 %/year"}]
    with pytest.raises(SpecError) as info:
        tco.load_tender(service(bids=bids))
    assert "bids[0].indexation: got '45 %', which is 45 %: outside the plausible range" in str(
        info.value
    )
    ok = tco.load_tender(service({**YEARS3, "allow_unusual_rates": True}, bids)).evaluate()
    assert ok.total[0] == pytest.approx(sum(1000 * 1.45**t / 1.04**t for t in (1, 2, 3)))
    bids = [{"name": "Odd", "fee": "1000 DKK/year", "indexation": "-100 %/year"}]
    with pytest.raises(SpecError) as info:
        tco.load_tender(service({**YEARS3, "allow_unusual_rates": True}, bids))
    assert str(info.value) == (
        "bids[0].indexation: for bid 'Odd' the indexation of 'indexation' is -100 %; a rate must "
        "be above -100 %"
    )
    assert "en sats skal være over -100 %" in error_text(info.value, "da")


@pytest.mark.parametrize(
    ("change", "words", "danish"),
    [
        (
            {"indexation": "fee"},
            "'fee' has unit 'DKK/year'; an indexation is a rate per year such as '%/year'",
            "en prisregulering er en sats pr. år",
        ),
        (
            {"indexation": "indexatoin"},
            "'indexatoin' is not a bid parameter of the model (did you mean 'indexation'?)",
            "er ikke en tilbudsparameter i modellen",
        ),
        (
            {"indexation": "indexation", "escalation": "service"},
            "give either 'escalation' (a group's rate, set by the tender) or 'indexation'",
            "angiv enten 'escalation'",
        ),
    ],
)
def test_the_model_names_a_bid_rate_to_index_by(
    change: dict[str, str], words: str, danish: str
) -> None:
    item = {"category": "maintenance", "annual": "fee", **change}
    model = {**SERVICE, "items": {**SERVICE["items"], "service": item}}
    with pytest.raises(SpecError) as info:
        tco.load_model(model)
    assert "items.service.indexation" in str(info.value)
    assert words in str(info.value)
    assert danish in error_text(info.value, "da")


def test_an_indexed_purchase_recurs_and_is_credited_at_its_indexed_price() -> None:
    model = {
        **SERVICE,
        "lifetime": "2 year",
        "items": {
            "purchase": {"category": "acquisition", "once": "price", "indexation": "indexation"}
        },
    }
    bids = [{"name": "A", "price": "1000 DKK", "fee": "0 DKK/year", "indexation": "10 %/year"}]
    tender = tco.load_tender(
        {"model": model, "assumptions": {"period": "3 year", "discount_rate": "0 %"}, "bids": bids}
    )
    r = tender.evaluate()
    # At 0 %: bought in year 0 for 1000 and in year 2 for 1000 * 1.1**2 = 1210; at the end of
    # year 3 the second unit has half its 2-year life left: credited -0.5 * 1210 = -605.
    assert r.total[0] == pytest.approx(1000 + 1210 - 605, rel=1e-12)
    np.testing.assert_allclose(r.real[0, 0], [1000, 0, 1210, -605], rtol=1e-12)
    np.testing.assert_allclose(evaluate_variants(tender.plan)[0], [1605.0], rtol=1e-12)
    # Two plans stacked in one pass of the engine (the lines of a basket) give the same.
    from tco.evaluate import evaluate_plans

    a, b = evaluate_plans([tender.plan, tender.plan])
    np.testing.assert_allclose([a.total[0], b.total[0]], [1605.0, 1605.0], rtol=1e-12)
