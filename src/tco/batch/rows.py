"""The rows of a table as a plan: per-row values, times and amounts of every stream.

:func:`prepare` reads the columns, compiles the one-row tender the rows
share (:mod:`tco.batch.template`) and evaluates the lifetime and study
period per row; :func:`row_streams` evaluates every stream's times and
amount per row, kept factored (:mod:`tco.batch.formulas`). Every row passes
the checks of a tender's bids (:mod:`tco.plan.checks`): bounds and finite
values (:mod:`tco.batch.columns`), a positive lifetime, whole-year lifetimes
for ``period: lifetime``, and the timings of every stream.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import Columns, label
from tco.batch.formulas import ZERO, Amount, AtYear, Env, Mixed, RowFormulas
from tco.batch.template import Template, first_label
from tco.errors import SpecError
from tco.plan.arrays import Plan, PlanStream
from tco.plan.checks import check_lifetimes, check_timings, lifetime_periods
from tco.plan.streams import unit_factor
from tco.spec.product import ProductModel, Stream

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (R,)


class RowNames(Sequence[str]):
    """How messages name each row: as a tender names a bid (labelled rows) or by number.

    Computed only for the rows a message names.

    Examples
    --------
    >>> RowNames(None, 3)[2], RowNames(["A", "B"], 2)[1]
    ('row 2', "bid 'B'")
    """

    def __init__(self, rows: Any, n: int) -> None:
        self.rows, self.n = rows, n

    def __getitem__(self, i: Any) -> Any:
        i = int(i)
        return f"row {i}" if self.rows is None else f"bid '{label(self.rows, i)}'"

    def __len__(self) -> int:
        return self.n


@dataclass(frozen=True)
class Prepared:
    """A table's rows with everything they share.

    Attributes
    ----------
    plan : Plan
        The one-row tender the rows stand in for.
    n : int
        Number of rows.
    rows : index or None
        Row labels (a DataFrame's index), if any.
    env : Env
        Every parameter's value: per row (columns) or shared.
    series : dict of str to ndarray, shape (T + 1,)
        Yearly values of ``by_year`` parameters.
    lifetime, period : float or ndarray, shape (n,)
        Life of one unit and study period per row (or shared). [year]
    T : int
        Last year. [year]
    model : ProductModel
        The product model the rows evaluate (its formulas, kept factored).
    """

    plan: Plan
    n: int
    rows: Any
    env: Env
    series: dict[str, Array]
    lifetime: Value | None
    period: Value
    T: int
    model: ProductModel

    @property
    def who(self) -> RowNames:
        """How messages name each row."""
        return RowNames(self.rows, self.n)


@dataclass(frozen=True)
class Parts:
    """A stream's amount and times per row.

    ``item`` is the amount per row in the plan's units (before quantity),
    ``year`` a per-year factor of shape (T + 1,) (their product is the
    amount); where the two do not split, ``at_year`` gives the amount in each
    year. ``when``, ``start`` and ``stop`` are in years.
    """

    item: Amount
    year: Array | None
    when: Value | None
    start: Value | None
    stop: Value | None
    at_year: AtYear | None = None


def prepare(table: Any, columns: Columns, template: Template, formulas: RowFormulas) -> Prepared:
    """Read a table's columns and evaluate what its rows share, per row where it differs."""
    model = columns.model
    found, n, rows = columns.read(table)
    if n == 0:
        raise SpecError("the table has no rows", path=("columns",), expected="rows").speaks(
            "batch_no_rows"
        )
    first = first_label(rows)
    plan = template.plan(found, first=first)
    found = columns.to_plan(found, plan.currency, plan.exchange_rates, rows)
    env = Env(
        {name: c.raw for name, c in found.items()},
        {name: c.scale for name, c in found.items()},
        {k: float(v[0]) for k, v in plan.values.items() if k not in found and v.ndim == 1},
        n,
    )
    series = {k: v[0] for k, v in plan.values.items() if v.ndim == 2}
    who = RowNames(rows, n)
    lifetime: Value | None = None
    if model.lifetime is not None:
        lifetime = formulas.value(model.lifetime, env, 1.0)
        check_lifetimes(lifetime, who, file=None, where=lambda i: ("columns",))
    if plan.stated.period is None or str(plan.stated.period).strip() == "lifetime":
        assert lifetime is not None
        period: Value = lifetime_periods(lifetime, who, file=None)
        if np.ndim(lifetime) == 0:
            period = float(period[0])
        T = int(np.max(period))
        if T != plan.T:
            plan = template.plan(found, f"{T} year", first)
            series = {k: v[0] for k, v in plan.values.items() if v.ndim == 2}
    else:
        period = float(plan.period[0])
        T = plan.T
    if np.ndim(period):
        env.raw["period"], env.scale["period"] = period, 1.0
    else:
        env.scalars["period"] = float(period)
    return Prepared(plan, n, rows, env, series, lifetime, period, T, model)


def row_streams(prep: Prepared, formulas: RowFormulas) -> list[tuple[Stream, PlanStream, Parts]]:
    """Every stream's per-row parts, after the timing checks of a tender on every row."""
    out = list(_each_stream(prep, formulas))
    check_timings([_row_stream(ps, parts, prep.n, prep.T) for _, ps, parts in out], prep.who, None)
    return out


def _each_stream(
    prep: Prepared, formulas: RowFormulas
) -> Iterator[tuple[Stream, PlanStream, Parts]]:
    plan, model = prep.plan, prep.model
    for kind, streams, planned in (
        ("item", model.items, plan.items),
        ("emission", model.emissions, plan.emissions),
    ):
        by_name = {s.name: s for s in planned}
        for name, s in streams.items():
            ps = by_name[name]
            if ps.escalation.ndim == 2:  # indexed by a bid parameter the rows share
                _shared_indexation(s, prep)
                ps = replace(ps, escalation=ps.escalation[0])
            factor = unit_factor(
                s.amount, s.spec.timing == "annual", kind, plan.currency, plan.exchange_rates
            )
            when = start = stop = None
            if s.when is not None:
                when = formulas.value(s.when, prep.env, 1.0)
            if s.start is not None:
                start = formulas.value(s.start, prep.env, 1.0)
            if s.stop is not None:
                stop = formulas.value(s.stop, prep.env, 1.0)
            try:
                item, year = formulas.amount(s.amount, prep.env, prep.series, prep.T)
            except Mixed:  # no per-row times per-year split: evaluated year by year
                at_year = AtYear(s.amount, prep.env, prep.series, factor)
                yield s, ps, Parts(ZERO, None, when, start, stop, at_year)
                continue
            yield s, ps, Parts(item.scaled(factor), year, when, start, stop)


def _shared_indexation(s: Stream, prep: Prepared) -> None:
    """Refuse a table whose rows each give their own indexation (not supported here yet)."""
    name = s.spec.indexation
    if name in prep.env.per_row:
        raise SpecError(
            f"the column '{name}' gives each row its own indexation of '{s.name}'; the batch "
            "path takes one indexation for every row: give it under 'parameters', or evaluate "
            "the rows as the bids of a tender",
            path=("columns", name),
            value=name,
            expected="one indexation for every row",
        ).speaks("batch_indexation_column", name=name, item=s.name)


def _row_stream(ps: PlanStream, parts: Parts, n: int, T: int) -> PlanStream:
    """A stream's per-row times, for :func:`tco.plan.checks.check_timings`."""

    def rows(v: Value) -> Array | None:
        return None if v is None else np.broadcast_to(np.asarray(v, np.float64), (n,))

    amount = ps.amount
    if parts.stop is not None:  # zero on a row where the amount is: no stream, whenever it stops
        amount = _row_amounts(parts, T, n)
    return replace(
        ps, amount=amount, when=rows(parts.when), start=rows(parts.start), stop=rows(parts.stop)
    )


def _row_amounts(parts: Parts, T: int, n: int) -> Array:
    """1 where a row's amount is other than zero in some year, else 0. Shape (n,)."""
    out = np.zeros(n)
    if parts.at_year is not None:
        for t in range(T + 1):
            out[np.broadcast_to(parts.at_year(t), (n,)) != 0] = 1.0
    elif parts.year is None or np.any(parts.year):
        out[parts.item.times(1.0) != 0] = 1.0
    return out
