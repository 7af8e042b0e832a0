"""Present values, annualised costs, category totals and emissions of a table's rows.

The sums of :class:`tco.batch.BatchEvaluator.arrays`: each stream's
present value per row is its factored amount times the weight the engine's
one driver gives a unit amount of the stream
(:func:`tco.engine.pv.stream_present_value`: occurrences times escalation
times discount factor, the residual credit, the quantity), the call a
tender's totals make. The factoring is an optimisation behind that call:
memory grows with rows times streams, never rows times years.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import label
from tco.batch.formulas import Amount, AtYear, RowFormulas
from tco.batch.rows import Prepared, row_streams
from tco.engine.conventions import award_total
from tco.engine.pv import quantity_scale, stream_present_value
from tco.engine.rows import residual_value
from tco.errors import ExpressionError
from tco.plan.arrays import PlanStream
from tco.spec.schema import CATEGORIES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (R,)


def row_totals(prep: Prepared, formulas: RowFormulas, *, by_item: bool) -> dict[str, NDArray[Any]]:
    """Every row's columns (see :meth:`tco.batch.BatchEvaluator.arrays`)."""
    plan = prep.plan
    n, T = prep.n, prep.T
    L, P = prep.lifetime, prep.period
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

    value = partial(stream_present_value, period=P, lifetime=L, quantity=plan.quantity)
    for s, ps, parts in row_streams(prep, formulas):
        d = plan.discount.at(plan.stream_timing(ps))
        # The engine's driver on a unit amount: the weight per row (escalation x discount
        # summed over the occurrences, the residual credit, the quantity) that the
        # factored amounts multiply; the same call as a tender's totals.
        unit = replace(ps, amount=_ONE, when=parts.when, start=parts.start, stop=parts.stop)
        year = parts.year if parts.year is not None else 1.0
        at_year = parts.at_year
        if at_year is not None:  # amounts that do not factor: year by year
            pv = _at_year(at_year, unit, ps.escalation if s.kind == "item" else None, d, prep)
            if s.kind == "item":
                add(cats, ps.category, pv)
                if by_item:
                    add(items, s.name, pv)
                continue
            add(mass, ps.substance, _at_year(at_year, unit, None, None, prep))
            price = plan.emission_prices.get(ps.substance)
            if price is not None:
                pv = _at_year(at_year, unit, price, d, prep)
                add(cats, "externalities", pv)
                if by_item:
                    add(items, s.name, pv)
            continue
        if s.kind == "item":
            pv = add_amount(cats, ps.category, parts.item, value(unit, year * ps.escalation, d))
            if by_item:
                add(items, s.name, pv)
            continue
        ones = np.ones(T + 1)
        add_amount(mass, ps.substance, parts.item, value(unit, year * ones, ones))
        price = plan.emission_prices.get(ps.substance)
        if price is not None:
            pv = add_amount(cats, "externalities", parts.item, value(unit, year * price, d))
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
    total = award_total(incl, excl, plan.externalities)
    out["total"] = total
    out["annualised"] = np.broadcast_to(plan.discount.annualise(total, P), (n,))
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


#: A unit amount: the engine's driver then gives a stream's weight per row.
_ONE = np.ones(())


def _at_year(
    at_year: AtYear,
    unit: PlanStream,
    price: Array | None,
    discount: Array | None,
    prep: Prepared,
) -> Array:
    """Present value per row of a stream whose amount does not factor, year by year.

    Each year's amount times the driver's weight of that year alone (``price``
    and ``discount`` ones for a mass), and the residual credit of the amount in
    the year the last unit is bought (:func:`tco.engine.rows.residual_value`),
    times the quantity.
    """
    n, T1 = prep.n, prep.T + 1
    e = np.ones(T1) if price is None else price
    d = np.ones(T1) if discount is None else discount
    plain = replace(unit, residual_rule=None)
    value = partial(stream_present_value, period=prep.period, lifetime=prep.lifetime)
    total = np.zeros(n)
    for t in range(T1):
        if e[t] * d[t] == 0.0:
            continue
        one = np.zeros(T1)
        one[t] = e[t]
        w = value(plain, one, d)
        if np.any(w):
            total += at_year(t) * w
    rule = unit.residual_rule
    if rule is not None and (prep.lifetime is not None or rule.share is not None):
        last, credit = residual_value(
            e, d, prep.lifetime, prep.period, share=rule.share, salvage=rule.salvage
        )
        total += at_year.at(last, n) * credit
    out: Array = total * quantity_scale(unit.per_unit, prep.plan.quantity)
    return out
