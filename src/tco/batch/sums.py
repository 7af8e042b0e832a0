"""Present values, annualised costs, category totals and emissions of a table's rows.

The sums of :class:`tco.batch.BatchEvaluator.arrays`: each stream's
present value per row is its factored amount times the closed-form sum of
occurrences times escalation times discount factor
(:func:`tco.engine.pv.weighted_occurrences`), so memory grows with rows
times streams, never rows times years.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import label
from tco.batch.formulas import Amount, RowFormulas
from tco.batch.rows import Parts, Prepared, row_streams
from tco.engine.pv import weighted_occurrences
from tco.engine.rows import residual_terms
from tco.errors import ExpressionError
from tco.spec.schema import CATEGORIES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (R,)


def row_totals(prep: Prepared, formulas: RowFormulas, *, by_item: bool) -> dict[str, NDArray[Any]]:
    """Every row's columns (see :meth:`tco.batch.BatchEvaluator.arrays`)."""
    plan = prep.plan
    n, T, q = prep.n, prep.T, plan.quantity
    known: dict[str, Array] = {}
    L, P = prep.lifetime, prep.period
    at_end = np.asarray(P).astype(np.intp)
    cats: dict[str, Array] = {}
    items: dict[str, Array] = {}
    mass: dict[str, Array] = {}

    def add(store: dict[str, Array], key: str, value: Value) -> None:
        if key in store:
            store[key] += value
        else:  # a fresh array of its own, unless it is also kept per item
            store[key] = value.copy() if by_item and store is cats else value

    scratch: list[Array] = []

    def add_amount(store: dict[str, Array], key: str, amount: Amount, w: Value) -> Value:
        """Add ``amount * w`` to a column; return it if it is also kept per item."""
        if by_item or key not in store or np.ndim(w):
            pv = amount.times(w)
            add(store, key, pv)
            return pv
        if not scratch:
            scratch.append(np.empty(n))
        amount.add_to(store[key], float(w), scratch[0])
        return None

    for s, ps, parts in row_streams(prep, formulas):
        timing = s.spec.timing
        when = plan.stream_timing(ps)
        d = known[when] if when in known else known.setdefault(when, plan.discount_at(when))
        scale = q if s.spec.per_unit else 1.0
        year = parts.year if parts.year is not None else 1.0

        def weigh(w: Array, parts: Parts = parts, timing: str = timing) -> Value:
            return weighted_occurrences(
                timing,
                w,
                P,
                when=parts.when,
                start=parts.start,
                stop=parts.stop,
                lifetime=L,
            )

        at_year = parts.at_year
        if at_year is not None:
            if s.kind == "item":
                pv = at_year.weighted(weigh, ps.escalation * d, n) * scale
                rule = plan.residual_rule(ps)
                if rule is not None and (L is not None or rule["share"] is not None):
                    last, frac = residual_terms(L, P, **rule)
                    bought = at_year.at(last, n) * ps.escalation[last]
                    pv -= bought * frac * d[at_end] * scale
                add(cats, s.spec.category, pv)
                if by_item:
                    add(items, s.name, pv)
                continue
            add(mass, s.spec.substance, at_year.weighted(weigh, np.ones(T + 1), n) * scale)
            price_e = plan.emission_prices.get(s.spec.substance)
            if price_e is not None:
                pv = at_year.weighted(weigh, price_e * d, n) * scale
                add(cats, "externalities", pv)
                if by_item:
                    add(items, s.name, pv)
            continue
        if s.kind == "item":
            rule = plan.residual_rule(ps)
            if rule is not None and (L is not None or rule["share"] is not None):
                pv = parts.item.times(weigh(year * ps.escalation * d) * scale)
                last, frac = residual_terms(L, P, **rule)
                y = parts.year[last] if parts.year is not None else 1.0
                pv -= parts.item.times(y * ps.escalation[last] * frac * d[at_end] * scale)
                add(cats, s.spec.category, pv)
            else:
                w = weigh(year * ps.escalation * d) * scale
                pv = add_amount(cats, s.spec.category, parts.item, w)
            if by_item:
                add(items, s.name, pv)
            continue
        w = weigh(np.broadcast_to(year, (T + 1,))) * scale
        add_amount(mass, s.spec.substance, parts.item, w)
        price = plan.emission_prices.get(s.spec.substance)
        if price is not None:
            pv = add_amount(cats, "externalities", parts.item, weigh(year * price * d) * scale)
            if by_item:
                add(items, s.name, pv)

    out: dict[str, NDArray[Any]] = {}
    present = [cats[c] for c in CATEGORIES if c in cats]
    total = present[0].copy() if present else np.zeros(n)
    for values in present[1:]:
        total += values
    excl = total - cats["externalities"] if "externalities" in cats else total.copy()
    if not np.all(np.isfinite(total)):
        bad = int(np.flatnonzero(~np.isfinite(total))[0])
        raise ExpressionError(
            f"row {label(prep.rows, bad)} gives a non-finite cost (division by zero or "
            "overflow in a formula)",
            path=("columns",),
            expected="values with a finite result",
        ).speaks("batch_not_finite", row=str(label(prep.rows, bad)))
    incl = total
    total = excl if plan.externalities == "report" else incl
    out["total"] = total
    annualised = total / plan.annuity_factor_for(P)
    out["annualised"] = np.broadcast_to(annualised, (n,))
    out["total_excl_externalities"] = excl
    out["total_incl_externalities"] = incl
    out["period"] = np.full(n, P, dtype=np.int64) if np.ndim(P) == 0 else P.astype(np.int64)
    for c in CATEGORIES:
        if c in cats:
            out[c] = cats[c]
    for sub, values in mass.items():
        out[f"{sub}_kg"] = values
    for name, values in items.items():
        out[f"pv_{name}"] = values
    return out
