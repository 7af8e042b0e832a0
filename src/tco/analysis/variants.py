"""Evaluate many variants of a tender at once, on a leading axis of variants.

``n`` variants of a tender with ``B`` bids are evaluated as the ``n * B``
rows of one plan (row ``k * B + b`` is variant ``k`` of bid ``b``): the
model's formulas run once on arrays of that length
(:func:`tco.plan.rebuild_plan`), so there is no Python loop over variants.

Totals are computed without year-by-year cash flows, by the engine's one
driver :func:`tco.engine.pv.stream_present_value` (a stream's weights, its
residual credit and the quantity), as a tender's are. A varied discount rate
gives discount factors per variant (:meth:`tco.engine.discounting.Discount.varied`),
a varied escalation rate a price index per variant for the streams of its
group (:func:`tco.engine.discounting.stream_escalation`), a varied quantity or
emission price one per variant; row ``k * B + b`` takes variant ``k``'s.
:func:`tco.evaluate.evaluate_plan` gives the same totals (tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
from numpy.typing import NDArray

from tco.analysis.inputs import Change
from tco.engine.conventions import counts_in_award
from tco.engine.pv import stream_present_value
from tco.engine.timeline import escalation_index, fisher_real_rate
from tco.errors import AnalysisError
from tco.evaluate import priced_streams
from tco.plan import Plan, rebuild_plan

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
    if plan.stated.own_life and plan.product.lifetime is not None:
        moved = [
            c.input.name
            for c in changes
            if c.input.kind == "parameter" and c.input.key in plan.product.lifetime_names
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

    discount = plan.discount
    quantity: Array | float = plan.quantity
    indices: dict[str, Array] = {}  # the escalation groups whose rate varies
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
        if kind in ("discount_rate", "escalation") and plan.stated.rate_type == "nominal":
            col = fisher_real_rate(col, plan.inflation)  # as compile_plan does
        if kind == "discount_rate":
            discount = discount.varied(col)
        elif kind == "quantity":
            quantity = col
        elif kind == "escalation":
            indices[c.input.key] = escalation_index(
                np.broadcast_to(col[:, None], (n, T)), T, plan.price_year
            )
        elif kind == "emission_price":
            prices[c.input.key] = np.broadcast_to(col[:, None], (n, T + 1))

    sample = np.repeat(np.arange(n), B) if n > 1 else np.zeros(R, dtype=np.intp)
    q_row = np.asarray(quantity, dtype=np.float64)
    q_row = q_row[sample] if q_row.ndim == 1 else np.full(R, float(q_row))
    value = partial(
        stream_present_value,
        period=vp.period,
        lifetime=vp.lifetime,
        quantity=q_row,
        weights={},
    )

    if externalities is None:
        externalities = counts_in_award(plan.externalities)
    total = np.zeros(R)
    for s, price, d, cost in priced_streams(vp, discount=discount, indices=indices, prices=prices):
        if not cost or (not externalities and s.category == "externalities"):
            continue  # a mass, or an externality the award leaves out (as Result.total)
        if price.ndim == 2 and price.shape[0] == R:  # each bid's own indexation: one per row
            total += value(s, price, d if d.ndim == 1 else d[sample])
        else:
            total += value(s, price, d, rows=sample)
    out: Array = total.reshape(n, B)
    return out
