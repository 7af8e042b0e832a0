"""Present values, annualised costs, category totals and emissions of a table's rows.

The sums of :class:`tco.batch.BatchEvaluator.arrays`: a loop over the
streams of the one-row tender the rows stand in for, each with the price and
discount factors a tender's totals give it (:func:`tco.evaluate.priced_streams`),
priced by the engine's one driver (:func:`tco.engine.pv.stream_present_value`:
occurrences times escalation times discount factor, the residual credit, the
quantity) on the rows' own amounts and times (:func:`tco.batch.rows.row_streams`).
The amounts are kept as products (:class:`tco.engine.pv.FactoredAmount`), an
optimisation behind the same call: memory grows with rows times streams, not
rows times years, unless a formula mixes a yearly series with per-row values.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import label
from tco.batch.rows import Prepared, row_streams
from tco.engine.conventions import award_total
from tco.engine.pv import stream_present_value
from tco.errors import ExpressionError
from tco.evaluate import priced_streams
from tco.spec.schema import CATEGORIES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


def row_totals(prep: Prepared, *, by_item: bool) -> dict[str, NDArray[Any]]:
    """Every row's columns (see :meth:`tco.batch.BatchEvaluator.arrays`)."""
    plan, n, P = prep.plan, prep.n, prep.period
    streams = row_streams(prep)
    cats: dict[str, Array] = {}
    items: dict[str, Array] = {}
    mass: dict[str, Array] = {}

    def add(store: dict[str, Array], key: str, v: Array, kept: bool = False) -> None:
        if key in store:
            store[key] += v
        elif np.shape(v) == (n,) and not kept:  # the driver's own new array
            store[key] = v
        else:
            store[key] = np.array(np.broadcast_to(v, (n,)), dtype=np.float64)

    value = partial(stream_present_value, period=P, lifetime=prep.lifetime, quantity=plan.quantity)
    with np.errstate(all="ignore"):
        for ps, price, discount, cost in priced_streams(plan):
            v = value(streams[id(ps)], price, discount)
            if not cost:
                add(mass, ps.substance, v)
                continue
            add(cats, ps.category, v, kept=by_item)
            if by_item:
                add(items, ps.name, v)
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
    out: dict[str, NDArray[Any]] = {}
    out["total"] = award_total(total, excl, plan.externalities)
    out["annualised"] = np.broadcast_to(plan.discount.annualise(out["total"], P), (n,))
    out["total_excl_externalities"] = excl
    out["total_incl_externalities"] = total
    out["period"] = np.full(n, P, dtype=np.int64) if np.ndim(P) == 0 else P.astype(np.int64)
    for c in CATEGORIES:
        if c in cats:
            out[c] = cats[c]
    for sub, values in mass.items():
        out[f"{sub}_kg"] = values
    for name, values in items.items():
        out[f"pv_{name}"] = values
    return out
