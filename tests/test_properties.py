"""Properties every tender must satisfy, on random models and tenders (tests/strategies.py).

Each property is checked against an independent calculation (numpy-financial's
``npv``, a direct sum of discount factors) or against a second evaluation of a
transformed tender (more units, scaled prices, shuffled bids, another currency).
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import numpy_financial as npf
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tco
from strategies import MONEY_BID, scale_money, tenders
from tco.result import Result

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def evaluate(tender: dict[str, Any]) -> Result:
    return tco.load_tender(tender).evaluate()


def with_assumptions(tender: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(tender)
    out["assumptions"].update(changes)
    return out


def close(a: Any, b: Any, rel: float = 1e-9) -> None:
    """Equal to ``rel`` of the largest magnitude involved (flows of both signs cancel)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)), 1.0)
    np.testing.assert_allclose(a, b, rtol=0, atol=rel * scale)


@PROPERTY
@given(tenders())
def test_zero_discount_rate_gives_the_plain_sum(tender: dict[str, Any]) -> None:
    # At r = 0 every discount factor is 1 (whatever the timing convention), so the present
    # value is the plain sum of the undiscounted flows of every item and year.
    r = evaluate(with_assumptions(tender, discount_rate="0 %"))
    close(r.total, r.real.sum(axis=(1, 2)))
    close(r.total, r.undiscounted_total)
    # ... and the annualised cost is that sum spread evenly over the period.
    close(r.annualised, r.real.sum(axis=(1, 2)) / r.plan.period)


@PROPERTY
@given(tenders(), st.integers(2, 50))
def test_totals_are_linear_in_quantity(tender: dict[str, Any], k: int) -> None:
    # total(q) = a + b q: items with per_unit scale with the quantity, the others do not.
    q = tender["assumptions"]["quantity"]
    t1, t2, tk = (evaluate(with_assumptions(tender, quantity=n)).total for n in (q, 2 * q, k * q))
    close(tk - t1, (k - 1) * (t2 - t1), rel=1e-8)
    items = tender["model"]["items"].values()
    if all(i["per_unit"] for i in items):  # emissions are always per unit here
        close(tk, k * t1, rel=1e-8)


@PROPERTY
@given(tenders(min_bids=2), st.sampled_from([0.01, 0.5, 3.0, 7.46, 100.0]))
def test_ranking_is_invariant_under_common_price_scaling(
    tender: dict[str, Any], factor: float
) -> None:
    # Every money value of every bid and of the buyer times c: every cost times c.
    base, scaled = evaluate(tender), evaluate(scale_money(tender, factor))
    close(scaled.total, factor * base.total, rel=1e-9)
    close(scaled.annualised, factor * base.annualised, rel=1e-9)
    # The order is the same unless two totals tie to the cent in one of the two scales.
    gaps = np.abs(base.total[:, None] - base.total[None, :])[~np.eye(len(base.bids), dtype=bool)]
    assume(np.all(gaps * min(factor, 1.0) > 0.05))
    assert list(scaled.rank) == list(base.rank)
    assert scaled.ranking == base.ranking


@PROPERTY
@given(
    tenders(),
    st.data(),
    st.sampled_from(sorted(MONEY_BID)),
    st.sampled_from([0.01, 1.0, 250.0, 1e4]),
)
def test_raising_a_bids_price_never_lowers_its_total(
    tender: dict[str, Any], data: st.DataObject, key: str, raise_by: float
) -> None:
    # Costs are positive combinations of money values; the residual credit of a unit is at
    # most its price, discounted over a longer time (r >= 0 here), so it never outweighs it.
    b = data.draw(st.integers(0, len(tender["bids"]) - 1))
    higher = copy.deepcopy(tender)
    number, _, unit = higher["bids"][b][key].partition(" ")
    higher["bids"][b][key] = f"{float(number) + raise_by} {unit}"
    before, after = evaluate(tender), evaluate(higher)
    assert after.total[b] >= before.total[b] - 1e-9 * abs(before.total[b])
    others = [i for i in range(len(tender["bids"])) if i != b]
    close(after.total[others], before.total[others], rel=1e-12)


@PROPERTY
@given(tenders(min_bids=2), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_bid_order(tender: dict[str, Any], rnd: Any) -> None:
    shuffled = copy.deepcopy(tender)
    rnd.shuffle(shuffled["bids"])
    a, b = evaluate(tender), evaluate(shuffled)
    order = [a.bids.index(name) for name in b.bids]
    close(b.total, a.total[order], rel=1e-12)
    close(b.annualised, a.annualised[order], rel=1e-12)
    assert list(b.rank) == list(a.rank[order])
    for sub in a.emissions:
        close(b.emissions[sub], a.emissions[sub][order], rel=1e-12)


@PROPERTY
@given(tenders())
def test_cash_flows_add_up_over_the_period(tender: dict[str, Any]) -> None:
    tender = with_assumptions(tender, discounting="end")
    r = evaluate(tender)
    rate = r.plan.discount_rate
    P = int(r.plan.period[0])
    yearly = r.real.sum(axis=1)  # (B, T + 1)
    for b in range(len(r.bids)):
        # numpy-financial's npv puts its first value at year 0, as tco's year 0 is.
        close(r.total[b], npf.npv(rate, yearly[b]), rel=1e-9)
        # The yearly flows of years 0..P sum to the undiscounted total; nothing after P.
        close(yearly[b, : P + 1].sum(), r.undiscounted_total[b], rel=1e-9)
        assert not np.any(yearly[b, P + 1 :])
    # The present value splits at any year k into the years before and after it.
    k = P // 2
    close(
        r.discounted[..., : k + 1].sum(axis=(1, 2)) + r.discounted[..., k + 1 :].sum(axis=(1, 2)),
        r.total,
    )
    # By category and by item add up to the total too.
    close(sum(r.by_category.values()), r.total)
    close(sum(r.by_item.values()), r.total)


@PROPERTY
@given(tenders(), st.sampled_from([7.46, 0.5, 11.2, 1.0]))
def test_a_tender_in_another_currency_gives_the_result_divided_by_the_rate(
    tender: dict[str, Any], rate: float
) -> None:
    # Bids in DKK, tender in EUR at `rate` DKK per EUR (one DKK is worth 1/rate EUR).
    dkk = evaluate(tender)
    in_eur = with_assumptions(tender, currency="EUR", exchange_rates={"DKK": f"{1 / rate!r} EUR"})
    eur = evaluate(in_eur)
    assert eur.currency == "EUR"
    close(eur.total, dkk.total / rate, rel=1e-9)
    close(eur.real, dkk.real / rate, rel=1e-9)
    for sub in dkk.emissions:  # emissions are mass, not money
        close(eur.emissions[sub], dkk.emissions[sub], rel=1e-12)


@PROPERTY
@given(tenders(rates=st.integers(-50, 1500).map(lambda n: n / 100)))
def test_annualised_times_annuity_factor_is_the_present_value(tender: dict[str, Any]) -> None:
    r = evaluate(tender)
    rate = r.plan.discount_rate
    P = int(r.plan.period[0])
    # The annuity factor summed directly: a level amount in years 1..P, discounted at the
    # end, middle or beginning of each year.
    shift = {"end": 0.0, "mid": 0.5, "begin": 1.0}[r.plan.discounting]
    factor = sum((1.0 + rate) ** -(t - shift) for t in range(1, P + 1))
    close(r.annuity_factor, np.full(len(r.bids), factor), rel=1e-12)
    close(r.annualised * factor, r.total, rel=1e-9)
