"""The rows of a table as a plan: per-row values, times and amounts of every stream.

:func:`prepare` reads the columns, compiles the one-row tender the rows
share (:mod:`tco.batch.template`) and evaluates the lifetime and study
period per row; :func:`row_streams` evaluates every stream's times and
amount per row with the model's compiled formulas, the amounts kept as
products (:class:`tco.engine.pv.FactoredAmount`, :func:`amount`). Every row
passes the checks of a tender's bids (:mod:`tco.plan.checks`): bounds and
finite values (:mod:`tco.batch.columns`), a positive lifetime, whole-year
lifetimes for ``period: lifetime``, and the timings of every stream.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.columns import Columns, label
from tco.batch.template import Template, first_label
from tco.engine.pv import FactoredAmount
from tco.engine.rows import Residual
from tco.errors import SpecError
from tco.plan.arrays import Plan, PlanStream
from tco.plan.checks import check_lifetimes, check_timings, lifetime_periods
from tco.plan.streams import unit_factor
from tco.spec.expr import Compiled
from tco.spec.product import ProductModel, Stream

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (R,)


class Env(Mapping[str, Any]):
    """Values of a formula's names, in the plan's units.

    Columns are kept as given, with a factor to the plan's units (``raw`` and
    ``scale``); reading one gives it in the plan's units (computed once).
    Everything the rows share is a number (``scalars``).
    """

    def __init__(
        self, raw: dict[str, Array], scale: dict[str, float], scalars: dict[str, Any], n: int
    ) -> None:
        self.raw, self.scale, self.scalars, self.n = raw, scale, scalars, n
        self._base: dict[str, Array] = {}

    def __getitem__(self, name: str) -> Any:
        if name in self.scalars:
            return self.scalars[name]
        if name not in self._base:
            f = self.scale[name]
            self._base[name] = self.raw[name] * f if f != 1.0 else self.raw[name]
        return self._base[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**self.scalars, **self.raw})

    def __len__(self) -> int:
        return len(self.scalars) + len(self.raw)


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
class RowStream:
    """A stream of the rows, as the engine's driver reads it (:class:`tco.engine.pv.Stream`).

    The template's stream with the rows' own amount and times: ``amount`` per
    occurrence (per year for annual streams) in the plan's units, before the
    quantity, a :class:`~tco.engine.pv.FactoredAmount` or an array of shape
    (n, T + 1) where the formula does not split; ``when``, ``start``, ``stop``
    in years (a float, or one per row).
    """

    timing: str
    amount: FactoredAmount | Array
    when: Value | None
    start: Value | None
    stop: Value | None
    per_unit: bool
    residual_rule: Residual | None

    def full(self, n: int) -> Array:
        """The amount per row (and year) in full: shape (n,) or (n, T + 1)."""
        a = self.amount.array() if isinstance(self.amount, FactoredAmount) else self.amount
        shape = (n, a.shape[-1]) if a.ndim == 2 else (n,)
        out: Array = np.broadcast_to(a, shape).copy()
        return out


def prepare(table: Any, columns: Columns, template: Template) -> Prepared:
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
        {k: v[0] for k, v in plan.values.items() if k not in found and v.ndim == 1},
        n,
    )
    series = {k: v[0] for k, v in plan.values.items() if v.ndim == 2}
    who = RowNames(rows, n)
    lifetime: Value | None = None
    if model.lifetime is not None:
        lifetime = value(model.lifetime, env)
        check_lifetimes(lifetime, who, file=None, where=lambda i: ("columns",))
    if template.own_life:
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
        env.scalars["period"] = np.float64(period)
    if any(ps.escalation.ndim == 2 for ps in plan.items):  # indexed by a bid parameter
        for ps in plan.items:
            if ps.escalation.ndim == 2:
                _shared_indexation(model.items[ps.name], env)
        plan = replace(plan, items=tuple(_shared(ps) for ps in plan.items))
    return Prepared(plan, n, rows, env, series, lifetime, period, T, model)


def value(c: Compiled, env: Env) -> Value:
    """A formula's value on the rows (its compiled function): a float, or shape (n,)."""
    with np.errstate(all="ignore"):
        out = np.asarray(c.fn(env), dtype=np.float64)
    return float(out) if out.ndim == 0 else out


def amount(
    c: Compiled, env: Env, series: Mapping[str, Array], T: int, factor: float = 1.0
) -> FactoredAmount | Array:
    """A formula's amount on the rows times ``factor``, kept as a product where it splits.

    The formula's factors (:attr:`tco.spec.expr.Compiled.factors`) multiply
    into a plain number (buyer values, constants, a column's unit factor),
    one per-row factor and one per-year factor (a ``by_year`` parameter), so
    that ``distance * consumption * price`` costs one pass over the rows.
    A factor that holds both a yearly series and per-row values does not
    split: the whole formula is evaluated with a year axis, shape (n, T + 1).
    """
    scale: Any = np.float64(factor)
    rows: Array | None = None
    years: Array | None = None
    yearly = series.keys()
    with np.errstate(all="ignore"):
        for f in c.factors:
            if f.names & yearly:
                if any(name in env.raw for name in f.names):
                    return _with_years(c, env, series, T) * factor
                v = np.asarray(f.fn({**env.scalars, **series}), dtype=np.float64)
                v = v if f.power > 0 else 1.0 / v
                years = v if years is None else years * v
            elif any(name in env.raw for name in f.names):
                if f.name is not None and f.name in env.raw:
                    v = env.raw[f.name]  # a bare column: its unit factor joins the scale
                    scale = scale * env.scale[f.name] ** f.power
                else:
                    v = np.asarray(f.fn(env), dtype=np.float64)
                v = v if f.power > 0 else 1.0 / v
                rows = v if rows is None else rows * v
            else:
                s = f.fn(env)
                scale = scale * s if f.power > 0 else scale / s
    if years is not None:
        years = np.broadcast_to(years.reshape(-1), (T + 1,))
    return FactoredAmount(float(scale), rows, years)


def _with_years(c: Compiled, env: Env, series: Mapping[str, Array], T: int) -> Array:
    """A formula on the rows and years at once: shape (n, T + 1)."""
    values = {**env.scalars, **{k: env[k][:, None] for k in env.raw}}
    values.update({k: v[None, :] for k, v in series.items()})
    with np.errstate(all="ignore"):
        out = np.asarray(c.fn(values), dtype=np.float64)
    result: Array = np.broadcast_to(out, (env.n, T + 1)).copy()
    return result


def row_streams(prep: Prepared) -> dict[int, RowStream]:
    """Every stream of the rows, by the ``id`` of the template's stream it replaces.

    The rows pass the timing checks of a tender's bids.
    """
    out: dict[int, RowStream] = {}
    checked: list[PlanStream] = []
    for ps, s in _each_stream(prep):
        rs = _row_stream(ps, s, prep)
        out[id(ps)] = rs
        if rs.when is not None or rs.stop is not None:  # what the checks look at
            checked.append(_timings(ps, rs, prep.n))
    check_timings(checked, prep.who, None)
    return out


def _each_stream(prep: Prepared) -> Iterator[tuple[PlanStream, Stream]]:
    """The template's streams, each with the model's stream it was compiled from."""
    plan, model = prep.plan, prep.model
    for streams, planned in ((model.items, plan.items), (model.emissions, plan.emissions)):
        by_name = {s.name: s for s in streams.values()}
        for ps in planned:
            yield ps, by_name[ps.name]


def _row_stream(ps: PlanStream, s: Stream, prep: Prepared) -> RowStream:
    plan, env = prep.plan, prep.env
    kind = "emission" if ps.substance else "item"
    factor = unit_factor(
        s.amount, s.spec.timing == "annual", kind, plan.currency, plan.exchange_rates
    )
    return RowStream(
        ps.timing,
        amount(s.amount, env, prep.series, prep.T, factor),
        None if s.when is None else value(s.when, env),
        None if s.start is None else value(s.start, env),
        None if s.stop is None else value(s.stop, env),
        ps.per_unit,
        ps.residual_rule,
    )


def _shared(ps: PlanStream) -> PlanStream:
    """A template's stream with its escalation as the rows share it (shape (T + 1,))."""
    return replace(ps, escalation=ps.escalation[0]) if ps.escalation.ndim == 2 else ps


def _shared_indexation(s: Stream, env: Env) -> None:
    """Refuse a table whose rows each give their own indexation (not supported here yet)."""
    name = s.spec.indexation
    if name in env.raw:
        raise SpecError(
            f"the column '{name}' gives each row its own indexation of '{s.name}'; the batch "
            "path takes one indexation for every row: give it under 'parameters', or evaluate "
            "the rows as the bids of a tender",
            path=("columns", name),
            value=name,
            expected="one indexation for every row",
        ).speaks("batch_indexation_column", name=name, item=s.name)


def _timings(ps: PlanStream, rs: RowStream, n: int) -> PlanStream:
    """A stream's per-row times, for :func:`tco.plan.checks.check_timings`."""

    def rows(v: Value) -> Array | None:
        return None if v is None else np.broadcast_to(np.asarray(v, np.float64), (n,))

    # Where a stream stops, a row whose amount is zero is no stream (and may stop at will).
    amount = ps.amount if rs.stop is None else rs.full(n)
    return replace(ps, amount=amount, when=rows(rs.when), start=rows(rs.start), stop=rows(rs.stop))
