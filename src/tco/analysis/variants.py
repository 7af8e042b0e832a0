"""Evaluate many variants of a tender at once, on a leading axis of variants.

``n`` variants of a tender with ``B`` bids are evaluated as the ``n * B``
rows of one plan (row ``k * B + b`` is variant ``k`` of bid ``b``): the
model's formulas run once on arrays of that length
(:func:`tco.plan.rebuild_plan`), so there is no Python loop over variants.

Totals are computed without year-by-year cash flows. A stream's present
value is its amount times a present value factor,

    PV = q * sum over occurrences k of a(t_k) * e(t_k) * d(t_k),

with ``q`` the quantity, ``a`` the amount, ``e`` the escalation index, ``d``
the discount factor and ``t_k`` the year the ``k``-th occurrence is booked
(the conventions of :mod:`tco.engine.timeline`). An annual stream's factor
is a difference of cumulative sums of ``e * d``; an event stream's is a sum
over its (few) occurrences. The residual value of the last unit is
``-a(s) * e(s) * f * d(P)`` (:func:`tco.engine.flows.residual_credit`).
:func:`tco.evaluate.evaluate_plan` gives the same totals (tested).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from tco.analysis.inputs import Change
from tco.engine.rows import amount_in_year, residual_value
from tco.engine.timeline import (
    Timing,
    annual_escalation,
    discount_factors,
    escalation_index,
    fisher_real_rate,
    schedule_discount_factors,
)
from tco.errors import AnalysisError
from tco.evaluate import stream_present_value
from tco.plan import Plan, PlanStream, rebuild_plan

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


def variant_plan(plan: Plan, changes: Sequence[Change], n: int) -> Plan:
    """The plan of ``n`` variants of every bid, as ``n * B`` rows.

    Parameter changes are applied to the values the model's formulas run
    on; assumption changes (discount rate, quantity, escalation, emission
    prices) are not part of a plan and are applied by
    :func:`evaluate_variants`.

    Examples
    --------
    >>> import numpy as np, tco
    >>> from tco.analysis.inputs import Change, resolve_input
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> x = resolve_input(plan, "power")
    >>> p2 = variant_plan(plan, [Change(x, np.array([0.0, 0.5]), relative=True)], 2)
    >>> (p2.values["power"] / x.factor).tolist()  # in W
    [32.0, 41.0, 27.0, 48.0, 61.5, 40.5]
    """
    B = plan.n_bids
    period = plan.assumptions.period
    if (period is None or str(period).strip() == "lifetime") and plan.model.lifetime is not None:
        moved = [
            c.input.name
            for c in changes
            if c.input.kind == "parameter" and c.input.key in plan.model.lifetime.names
        ]
        if moved:
            raise AnalysisError(
                f"'{moved[0]}' changes the lifetime, which is this tender's study period "
                "('period: lifetime'); give a common study period such as '15 year' to vary it"
            ).speaks("vary_lifetime_period", name=moved[0])
    changed = {c.input.key: c for c in changes if c.input.kind == "parameter"}
    if n == 1 and not changed:
        return plan
    values: dict[str, Array] = {}
    for name, v in plan.values.items():
        if name in changed:
            values[name] = changed[name].resolved(n).reshape(n * B)
        else:
            values[name] = v if v.ndim == 2 else np.tile(v, n)
    return rebuild_plan(plan, values, bids=plan.bids * n)


def evaluate_variants(
    plan: Plan,
    changes: Sequence[Change] = (),
    n: int = 1,
    *,
    externalities: bool | None = None,
) -> Array:
    """Present value of all costs per variant and bid.

    Parameters
    ----------
    plan : Plan
        A compiled tender.
    changes : sequence of Change
        Inputs to change, each with values of shape ``(n,)`` or ``(n, B)``.
    n : int
        Number of variants.
    externalities : bool, optional
        Include priced emissions; by default as the tender's rule says (as
        :attr:`tco.result.Result.total`).

    Returns
    -------
    ndarray, shape (n, B)
        [currency]

    Examples
    --------
    The example's totals, and with electricity 10 % dearer:

    >>> import numpy as np, tco
    >>> from tco.analysis.inputs import Change, resolve_input
    >>> tender = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> x = resolve_input(tender.plan, "electricity_price")
    >>> out = evaluate_variants(tender.plan, [Change(x, np.array([0.0, 0.1]), True)], 2)
    >>> bool(np.allclose(out[0], tender.evaluate().total))
    True
    >>> bool(np.all(out[1] > out[0]))
    True
    """
    B = plan.n_bids
    T = plan.T
    keys = [(c.input.kind, c.input.key) for c in changes]
    for k, key in enumerate(keys):
        if key in keys[:k]:
            raise AnalysisError(
                f"'{changes[k].input.name}' is changed twice; change each input once"
            ).speaks("changed_twice", name=changes[k].input.name)
    vp = variant_plan(plan, changes, n)
    R = n * B

    rate: Array | float = plan.discount_rate
    quantity: Array | float = plan.quantity
    esc: dict[str, Array] = dict(plan.escalation_indices)
    prices: dict[str, Array] = dict(plan.emission_prices)
    for c in changes:
        kind = c.input.kind
        if kind == "parameter":
            continue
        v = c.resolved(n)
        if not np.all(v == v[:, :1]):
            raise AnalysisError(
                f"'{c.input.name}' is the same for every bid; give one value per variant"
            ).speaks("same_for_every_bid", name=c.input.name)
        col = v[:, 0]
        if kind in ("discount_rate", "escalation") and plan.assumptions.rate_type == "nominal":
            col = fisher_real_rate(col, plan.inflation)  # as compile_plan does
        if kind == "discount_rate":
            rate = col
        elif kind == "quantity":
            quantity = col
        elif kind == "escalation":
            esc[c.input.key] = escalation_index(
                np.broadcast_to(col[:, None], (n, T)), T, plan.price_year
            )
        elif kind == "emission_price":
            prices[c.input.key] = np.broadcast_to(col[:, None], (n, T + 1))

    known: dict[str, Array] = {}

    def discount(s: PlanStream) -> Array:
        """Discount factors at the stream's timing (:meth:`Plan.stream_timing`), once each."""
        timing = plan.stream_timing(s)
        if timing not in known:
            known[timing] = (
                _schedule(plan, rate, timing)
                if plan.discount_path is not None
                else _discount(rate, T, timing)
            )
        return known[timing]

    sample = np.repeat(np.arange(n), B) if n > 1 else np.zeros(R, dtype=np.intp)
    q_row = np.asarray(quantity, dtype=np.float64)
    q_row = q_row[sample] if q_row.ndim == 1 else np.full(R, float(q_row))
    flat = np.ones(T + 1)

    total = np.zeros(R)
    weights: dict[tuple[int, int], Array] = {}
    for s, base in zip(vp.items, plan.items, strict=True):
        group = plan.model.items[s.name].spec.escalation
        e = esc.get(group, flat) if group else flat
        if group and s.timing == "annual":
            e = annual_escalation(e, plan.stream_timing(s), plan.price_year)
        d = discount(s)
        rows: NDArray[np.intp] | None = sample
        if s.escalation.ndim == 2:  # each bid's own indexation: a price index per row
            e, d, rows = s.escalation, (d if d.ndim == 1 else d[sample]), None
            pv = stream_present_value(vp, s, e * d)
        else:
            pv = _stream_pv(vp, s, e, d, sample, weights)
        rule = vp.residual_rule(s)
        if rule is not None:
            # A weight per year shared by every row ignores ``rows``.
            last, credit = residual_value(e, d, vp.lifetime, vp.period, rows=rows, **rule)
            pv = pv + amount_in_year(s.amount, last) * credit
        total += pv * q_row if base.per_unit else pv
    if externalities is None:
        externalities = plan.externalities == "award"
    if externalities:
        for s in vp.emissions:
            price = prices.get(s.substance)
            if price is None:
                continue
            d = discount(s)
            pv = _stream_pv(vp, s, price, d, sample, weights)
            total += pv * q_row if s.per_unit else pv
    out: Array = total.reshape(n, B)
    return out


def _stream_pv(
    plan: Plan,
    s: PlanStream,
    e: Array,
    d: Array,
    sample: NDArray[np.intp],
    weights: dict[tuple[int, int], Array],
) -> Array:
    """Present value per row of one stream before quantity, by the closed-form engine.

    ``weights`` keeps the product ``e * d`` of each pair already met.
    """
    key = (id(e), id(d))
    if key not in weights:
        weights[key] = e * d  # (T + 1,), or (n, T + 1) when either is per variant
    weight = weights[key]
    return stream_present_value(plan, s, weight, rows=None if weight.ndim == 1 else sample)


def _discount(rate: Array | float, T: int, timing: Timing) -> Array:
    """Discount factors per variant, computing each distinct rate once.

    As :func:`tco.engine.timeline.discount_factors`; shape (T + 1,) for one
    rate, (n, T + 1) for a rate per variant.
    """
    r = np.asarray(rate, dtype=np.float64)
    if r.ndim == 0:
        return discount_factors(r, T, timing)
    values, index = np.unique(r, return_inverse=True)
    out: Array = discount_factors(values, T, timing)[index]
    return out


def _schedule(plan: Plan, rate: Array | float, timing: Timing) -> Array:
    """Discount factors at ``timing`` of a plan with a schedule by year band.

    A varied discount rate moves the whole schedule in parallel: year 1's
    rate becomes the varied value, every later band moves by as much.
    """
    if np.ndim(rate) == 0:
        return plan.discount_at(timing)
    assert plan.discount_path is not None
    path = plan.discount_path[: plan.T]
    shifted = path[None, :] + (np.asarray(rate, dtype=np.float64) - path[0])[:, None]
    return schedule_discount_factors(shifted, timing)
