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
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis.inputs import Change
from tco.engine.flows import occurrences
from tco.engine.timeline import (
    EPS,
    discount_factors,
    fisher_real_rate,
    last_start_year,
    remaining_life_fraction,
)
from tco.errors import TCOError
from tco.plan import Plan, PlanStream, rebuild_plan

__all__ = ["evaluate_variants", "variant_plan"]

Array = NDArray[np.float64]

#: Above this many occurrences per row, event streams use a year-by-year count matrix.
_MAX_LOOP = 64
#: Rows per chunk when a count matrix is needed. [rows]
_CHUNK = 65_536


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
    >>> p2.values["power"].tolist()
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
            raise TCOError(
                f"'{moved[0]}' changes the lifetime, which is this tender's study period "
                "('period: lifetime'); give a common study period such as '15 year' to vary it"
            )
    values: dict[str, Array] = {}
    for name, v in plan.values.items():
        values[name] = v if v.ndim == 2 else np.tile(v, n)
    for c in changes:
        if c.input.kind == "parameter":
            values[c.input.key] = c.resolved(n).reshape(n * B)
    if n == 1 and not any(c.input.kind == "parameter" for c in changes):
        return plan
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
            raise TCOError(f"'{changes[k].input.name}' is changed twice; change each input once")
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
            raise TCOError(
                f"'{c.input.name}' is the same for every bid; give one value per variant"
            )
        col = v[:, 0]
        if kind in ("discount_rate", "escalation") and plan.assumptions.rate_type == "nominal":
            col = fisher_real_rate(col, plan.inflation)  # as compile_plan does
        if kind == "discount_rate":
            rate = col
        elif kind == "quantity":
            quantity = col
        elif kind == "escalation":
            esc[c.input.key] = _escalation(col, T, plan.price_year)
        elif kind == "emission_price":
            prices[c.input.key] = np.broadcast_to(col[:, None], (n, T + 1))

    d_event = _discount(rate, T, "end")
    d_annual = d_event if plan.discounting == "end" else _discount(rate, T, plan.discounting)
    sample = np.repeat(np.arange(n), B) if n > 1 else np.zeros(R, dtype=np.intp)
    q_row = np.asarray(quantity, dtype=np.float64)
    q_row = q_row[sample] if q_row.ndim == 1 else np.full(R, float(q_row))
    flat = np.ones(T + 1)
    ctx = _Context(vp, sample, T)

    total = np.zeros(R)
    for s, base in zip(vp.items, plan.items, strict=True):
        group = plan.model.items[s.name].spec.escalation
        e = esc.get(group, flat) if group else flat
        d = d_annual if s.timing == "annual" else d_event
        pv = ctx.stream_pv(s, e, d)
        if s.residual and vp.residual_value == "linear" and vp.lifetime is not None:
            pv = pv + ctx.residual_pv(s, e, d)
        total += pv * q_row if base.per_unit else pv
    if externalities is None:
        externalities = plan.externalities == "award"
    if externalities:
        for s in vp.emissions:
            price = prices.get(s.substance)
            if price is None:
                continue
            d = d_annual if s.timing == "annual" else d_event
            pv = ctx.stream_pv(s, price, d)
            total += pv * q_row if s.per_unit else pv
    out: Array = total.reshape(n, B)
    return out


def _discount(rate: Array | float, T: int, timing: str) -> Array:
    """Discount factors per variant, computing each distinct rate once.

    As :func:`tco.engine.timeline.discount_factors`; shape (T + 1,) for one
    rate, (n, T + 1) for a rate per variant.
    """
    r = np.asarray(rate, dtype=np.float64)
    if r.ndim == 0:
        return discount_factors(r, T, timing)  # type: ignore[arg-type]
    values, index = np.unique(r, return_inverse=True)
    out: Array = discount_factors(values, T, timing)[index]  # type: ignore[arg-type]
    return out


def _escalation(rates: Array, T: int, price_year: int) -> Array:
    """Price index per variant for constant escalation rates, shape (n, T + 1).

    As :func:`tco.engine.timeline.escalation_index`, on an axis of rates.

    Examples
    --------
    >>> _escalation(np.array([0.02]), 2, 0).round(4)
    array([[1.    , 1.02  , 1.0404]])
    """
    growth = np.broadcast_to(1.0 + rates[:, None], (len(rates), T))
    out: Array = np.concatenate([np.ones((len(rates), 1)), np.cumprod(growth, axis=1)], axis=1)
    if price_year == 1 and T >= 1:
        out = out / out[:, 1:2]
    return out


class _Context:
    """Per-row period, lifetime and the gather of per-variant year arrays."""

    def __init__(self, plan: Plan, sample: NDArray[np.intp], T: int) -> None:
        self.plan = plan
        self.sample = sample
        self.T = T
        self.rows = np.arange(plan.n_bids)
        self.period = plan.period
        self.lifetime = plan.lifetime

    def take(self, w: Array, t: NDArray[np.intp]) -> Array:
        """``w[t]`` per row for ``w`` of shape (T + 1,) or (n, T + 1)."""
        if w.ndim == 1:
            out: Array = w[t]
            return out
        n, width = w.shape
        cols = t.reshape(n, -1)
        if n > 1 and np.array_equal(cols, np.broadcast_to(cols[0], cols.shape)):
            # The same year for every variant of a bid: take whole columns.
            out = w[:, cols[0]].reshape(-1)
            return out
        out = np.take(w.reshape(-1), self.sample * width + t)
        return out

    def amount(self, a: Array, t: NDArray[np.intp]) -> Array:
        out: Array = a if a.ndim == 1 else a[self.rows, t]
        return out

    def weights(self, e: Array, d: Array) -> Array:
        out: Array = np.asarray(e) * np.asarray(d)
        return out

    def stream_pv(self, s: PlanStream, e: Array, d: Array) -> Array:
        """Present value per row of one stream, before quantity. [currency]"""
        w = self.weights(e, d)
        P = self.period
        T = self.T
        a = s.amount
        if s.timing == "annual":
            return self._annual(s, w)
        L = self.lifetime
        if s.timing == "at":
            assert s.when is not None
            t = np.maximum(np.ceil(s.when - EPS), 0.0)
            ok = (s.when <= P + EPS) & (s.when >= -EPS)
            ti = np.minimum(t, T).astype(np.intp)
            out: Array = np.where(ok, self.amount(a, ti) * self.take(w, ti), 0.0)
            return out
        if s.timing == "once" and L is None:
            t0 = np.zeros(len(P), dtype=np.intp)
            out = self.amount(a, t0) * self.take(w, t0)
            return out
        if s.timing == "end_of_life" and L is None:
            ti = np.minimum(np.maximum(np.ceil(P - EPS), 0.0), T).astype(np.intp)
            out = self.amount(a, ti) * self.take(w, ti)
            return out
        if s.timing == "every":
            assert s.when is not None
            step, last_k, first = s.when, np.ceil(P / s.when - EPS) - 1.0, 1
        elif s.timing == "once":
            assert L is not None
            step, last_k, first = L, np.ceil(P / L - EPS) - 1.0, 0
        else:  # end_of_life with a lifetime
            assert L is not None
            step, last_k, first = L, np.floor(P / L + EPS), 1
        K = int(last_k.max()) if last_k.size else 0
        if K > _MAX_LOOP:
            return self._by_counts(s, w)
        out = np.zeros(len(P))
        if first == 0:
            t0 = np.zeros(len(P), dtype=np.intp)
            out += self.amount(a, t0) * self.take(w, t0)
        for k in range(1, K + 1):
            t = np.clip(np.ceil((k - EPS) * step), 1.0, T).astype(np.intp)
            out += np.where(k <= last_k, self.amount(a, t) * self.take(w, t), 0.0)
        return out

    def _annual(self, s: PlanStream, w: Array) -> Array:
        P = self.period
        T = self.T
        lo = np.broadcast_to(np.maximum(s.start if s.start is not None else 1.0, 1.0), P.shape)
        hi = np.minimum(P, s.stop) if s.stop is not None else P
        first = np.clip(np.ceil(lo - EPS), 0, T + 1).astype(np.intp)
        last = np.clip(np.floor(hi + EPS), -1, T).astype(np.intp)
        if s.amount.ndim == 2:
            t = np.arange(T + 1)
            mask = (t >= first[:, None]) & (t <= last[:, None])
            ww = w if w.ndim == 1 else w[self.sample]
            out: Array = np.sum(s.amount * ww * mask, axis=-1)
            return out
        cum = np.concatenate([np.zeros((*w.shape[:-1], 1)), np.cumsum(w, axis=-1)], axis=-1)
        span = self.take(cum, last + 1) - self.take(cum, np.minimum(first, last + 1))
        out = s.amount * span
        return out

    def _by_counts(self, s: PlanStream, w: Array) -> Array:
        """Fallback for many occurrences per row: count matrices in chunks."""
        R = len(self.period)
        out = np.empty(R)
        for lo in range(0, R, _CHUNK):
            sl = slice(lo, min(R, lo + _CHUNK))
            sub: dict[str, Any] = {
                k: (None if v is None else v[sl])
                for k, v in (("when", s.when), ("start", s.start), ("stop", s.stop))
            }
            counts = occurrences(
                s.timing,
                self.period[sl],
                self.T,
                lifetime=None if self.lifetime is None else self.lifetime[sl],
                **sub,
            )
            a = s.amount[sl]
            a2 = a[:, None] if a.ndim == 1 else a
            ww = w if w.ndim == 1 else w[self.sample[sl]]
            out[sl] = np.sum(a2 * counts * ww, axis=-1)
        return out

    def residual_pv(self, s: PlanStream, e: Array, d: Array) -> Array:
        """Present value of the linear residual credit of the last unit. [currency]"""
        assert self.lifetime is not None
        P = self.period
        last = last_start_year(self.lifetime, P).astype(np.intp)
        frac = remaining_life_fraction(self.lifetime, P)
        end = P.astype(np.intp)
        price = self.amount(s.amount, last)
        out: Array = -price * self.take(e, last) * frac * self.take(d, end)
        return out
