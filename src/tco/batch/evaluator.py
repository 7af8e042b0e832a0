"""Evaluate one product model over a table of items: a catalogue, a sample.

A tender compares a handful of bids; a catalogue or a Monte Carlo sample has
a million rows. :func:`evaluate_batch` takes the rows as a table with one
column per parameter (a pandas or polars DataFrame, a pyarrow Table or a
mapping of column name to array), the units once per column, and the
tender's assumptions, and returns the present value, annualised cost,
category totals and emissions of every row as columns. The numbers are those
of :meth:`tco.Tender.evaluate` for the same inputs.

Totals need no yearly cash flows: for each stream, the sum over years of
occurrences times escalation times discount factor is a weight computed once
(or per row, in closed form, when the timing differs per row; see
:mod:`tco.engine.pv`), and a row's present value is its amount times
that weight. Memory grows with rows times streams, not rows times years.
Yearly cash flows are built only on request (:meth:`BatchEvaluator.result`).

Examples
--------
>>> import numpy as np
>>> import tco
>>> out = tco.evaluate_batch(
...     "indoor-lighting",
...     {"price": [1450.0, 1100.0], "power": [32.0, 41.0], "rated_life": [50.0, 35.0]},
...     units={"price": "DKK", "power": "W", "rated_life": "kh"},
...     assumptions={"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"},
... )
>>> sorted(out)[:4]
['acquisition', 'annualised', 'co2e_kg', 'externalities']
>>> out["total"].round(-2)
array([ 878500., 1045800.])
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.formulas import ZERO, Amount, AtYear, Env, Factor, Mixed, YearView, factors
from tco.batch.tables import read_columns, wrap
from tco.engine.metrics import equivalent_annual_cost
from tco.engine.pv import last_unit, weighted_occurrences
from tco.engine.timeline import discount_factors
from tco.errors import ErrorList, ExpressionError, SpecError, SpecErrors, UnitError, suggest
from tco.plan.arrays import MAX_PERIOD, YEAR_S, Plan, PlanStream, unit_factor
from tco.plan.checks import check_timings
from tco.plan.compiler import compile_plan
from tco.result import Result
from tco.spec.expr import Compiled, build, names_in, parse
from tco.spec.product import BUILTINS, ProductModel, Stream, load_model
from tco.spec.schema import CATEGORIES, AssumptionsSpec, TenderSpec, validate
from tco.units import Quantity, convert_currency, currencies_of, parse_quantity, parse_unit

__all__ = ["BatchEvaluator"]

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (B,)

_UNIT_IN_NAME = re.compile(r"^\s*(?P<name>[^\[\]]+?)\s*\[(?P<unit>[^\[\]]*)\]\s*$")
_TEMPLATE = "__row__"


@dataclass(frozen=True)
class _Column:
    """One parameter given as a column, in base units."""

    label: str  # the column's name in the table
    name: str  # the parameter
    unit: str  # the unit the column is in
    raw: Array  # as given
    scale: float  # factor to base units (the plan's units)


class BatchEvaluator:
    """One product model and one set of assumptions, applied to tables of items.

    Parameters
    ----------
    model : str, path, mapping or ProductModel
        A bundled model's id, a model file, a model mapping or a loaded model.
    assumptions : mapping or AssumptionsSpec, optional
        The tender's ``assumptions`` (currency, discount rate, period,
        quantity, escalation, CO2 price, ...). The model's own defaults apply
        where not given.
    parameters : mapping, optional
        The tender's ``parameters``: the buyer's values of the model's
        non-bid parameters, the same for every row.
    units : mapping of str to str, optional
        Unit of each column (``{"power": "W"}``). A column may also carry its
        unit in its name (``"power [W]"``); otherwise it is in the
        parameter's declared unit.

    Notes
    -----
    A column names a parameter of the model: each bid parameter, and any
    buyer parameter that should vary per row (operating hours sampled in a
    Monte Carlo study, say). Bid parameters with a default may be left out.
    Parameters with yearly values (``by_year``) cannot be columns.

    Examples
    --------
    >>> ev = BatchEvaluator("indoor-lighting", {"period": "15 year"})
    >>> out = ev.evaluate({"price [DKK]": [1450.0], "power [W]": [32.0],
    ...                    "rated_life [h]": [50000.0]})
    >>> out["total"].round(2)
    array([4176.58])
    """

    def __init__(
        self,
        model: str | Path | Mapping[str, Any] | ProductModel,
        assumptions: Mapping[str, Any] | AssumptionsSpec | None = None,
        parameters: Mapping[str, Any] | None = None,
        *,
        units: Mapping[str, str] | None = None,
    ) -> None:
        self.model = model if isinstance(model, ProductModel) else load_model(model)
        if isinstance(assumptions, AssumptionsSpec):
            assumptions = assumptions.model_dump(exclude_defaults=True)
        self.assumptions: dict[str, Any] = dict(assumptions or {})
        self.parameters: dict[str, Any] = dict(parameters or {})
        self.units: dict[str, str] = dict(units or {})
        # Checks the shape of the assumptions and parameters once.
        self._spec({}, {})
        params = self.model.parameters
        self._units_q = {n: p.unit / p.unit.magnitude for n, p in params.items()}
        self._units_q.update({n: parse_unit(u) for n, u in BUILTINS.items()})
        self._by_year = {n for n, p in params.items() if p.spec.by_year}
        self._factor_cache: dict[str, list[Factor]] = {}
        self._plans: dict[Any, tuple[Plan, dict[str, float]]] = {}
        self._scales: dict[Any, tuple[float, dict[str, float]]] = {}

    # -- the tender the rows stand in for ---------------------------------------------------
    def _spec(self, bid: Mapping[str, Any], buyer: Mapping[str, Any]) -> TenderSpec:
        data = {
            "model": self.model.id,
            "assumptions": self.assumptions,
            "parameters": {**self.parameters, **buyer},
            "bids": [{"name": _TEMPLATE, **bid}],
        }
        spec: TenderSpec = validate(TenderSpec, data, file=None)
        return spec

    def _template(
        self, columns: Mapping[str, _Column], period: str | None = None, first: str = "row 0"
    ) -> tuple[Plan, dict[str, float]]:
        """Compile a one-row tender for everything rows share (cached).

        Its row holds each column's default, or the first row's value where
        the parameter has no default.
        """
        bid: dict[str, Any] = {}
        buyer: dict[str, Any] = {}
        for name, col in columns.items():
            spec = self.model.parameters[name].spec
            raw = spec.default
            if raw is None or isinstance(raw, list) or self.model.lifetime is not None:
                raw = f"{float(col.raw[0])!r} {col.unit}".strip()
            (bid if spec.bid else buyer)[name] = raw
        key = (repr(sorted(bid.items())), repr(sorted(buyer.items())), period)
        if key not in self._plans:
            self._plans[key] = self._compile(bid, buyer, columns, period, first)
        return self._plans[key]

    def _compile(
        self,
        bid: dict[str, Any],
        buyer: dict[str, Any],
        columns: Mapping[str, _Column],
        period: str | None,
        first: str,
    ) -> tuple[Plan, dict[str, float]]:
        spec = self._spec(bid, buyer)
        if period is not None:
            a = spec.assumptions.model_dump(exclude_defaults=True)
            spec = spec.model_copy(
                update={"assumptions": AssumptionsSpec.model_validate({**a, "period": period})}
            )
        try:
            plan = compile_plan(spec, self.model)
        except SpecError as err:
            raise _first_row(err, columns, first) from None
        rates: dict[str, float] = {}
        for code, raw in plan.assumptions.exchange_rates.items():
            rates[code] = float(parse_quantity(raw, plan.currency).to(plan.currency).magnitude)
        return plan, rates

    # -- columns -------------------------------------------------------------------------------
    def _read(self, table: Any) -> tuple[dict[str, _Column], int, Any]:
        labels, get, index = read_columns(table)
        params = self.model.parameters
        errors = ErrorList()
        found: dict[str, _Column] = {}
        n = -1
        for i, label in enumerate(labels):
            m = _UNIT_IN_NAME.match(label)
            name, unit = (m["name"], m["unit"].strip()) if m else (label.strip(), None)
            if label in self.units:
                unit = self.units[label]
            elif name in self.units:
                unit = self.units[name]
            path = ("columns", label)
            if name not in params:
                errors.add(
                    SpecError(
                        f"no parameter '{name}'{suggest(name, params)} in model "
                        f"'{self.model.id}'; columns are parameters such as "
                        + ", ".join(self.model.bid_parameters),
                        path=path,
                        value=label,
                        expected="a parameter of the model",
                    )
                )
                continue
            p = params[name]
            if name in found:
                errors.add(SpecError(f"two columns give '{name}'", path=path, value=label))
                continue
            if name in self.parameters:
                errors.add(
                    SpecError(
                        f"'{name}' is given both as a column and in parameters; give it once",
                        path=path,
                        value=label,
                    )
                )
                continue
            if p.spec.by_year:
                errors.add(
                    SpecError(
                        f"'{name}' has yearly values (by_year) and cannot vary per row; "
                        "give it in parameters",
                        path=path,
                        value=label,
                    )
                )
                continue
            unit = p.spec.unit if unit is None else unit
            try:
                raw = get(i)
            except (TypeError, ValueError) as exc:
                errors.add(
                    SpecError(f"cannot read as numbers ({exc})", path=path, expected="numbers")
                )
                continue
            if raw.ndim != 1 or (n >= 0 and raw.shape[0] != n):
                errors.add(
                    SpecError(
                        f"has shape {raw.shape}; every column needs one value per row",
                        path=path,
                        expected=f"{n} values" if n >= 0 else "a 1-d column",
                    )
                )
                continue
            n = raw.shape[0]
            found[name] = _Column(label, name, unit, raw, 1.0)
        errors.raise_if_any()
        missing = [
            name
            for name in self.model.bid_parameters
            if name not in found and params[name].spec.default is None
        ]
        if missing:
            raise SpecError(
                "missing column for " + ", ".join(f"'{m}'" for m in missing) + " (no default)",
                path=("columns",),
                expected="a column for each bid parameter without a default",
            )
        return found, max(n, 0), index

    def _scale(
        self, name: str, unit: str, currency: str, rates: Mapping[str, float]
    ) -> tuple[float, dict[str, float]]:
        """Factor from a column's unit to base units, and the bounds in the column's unit."""
        p = self.model.parameters[name]
        q = parse_quantity(f"1 {unit}".strip())
        target = currencies_of(p.unit)
        if target and currencies_of(q) != target:
            worth = {currency: 1.0, **rates}
            if target[0] not in worth:
                convert_currency(Quantity(1.0, target[0]), currency, rates)
            scaled = {c: v / worth[target[0]] for c, v in worth.items()}
            q = convert_currency(q, target[0], scaled)
        if q.dimensionality != p.unit.dimensionality:
            from tco.units import describe

            raise UnitError(
                f"unit '{unit}' does not fit '{name}'; expected " + describe(p.unit, p.spec.unit),
                value=unit,
                expected=describe(p.unit, p.spec.unit),
            )
        factor = float(q.to_base_units().magnitude)
        limits: dict[str, float] = {}
        for key in ("min", "max"):
            bound = getattr(p.spec, key)
            if bound is not None:
                base = float(parse_quantity(bound, p.spec.unit or None).to_base_units().magnitude)
                # In the column's unit, with a tolerance for the unit conversion.
                limit = base / factor
                limits[key] = limit + (-1e-12 if key == "min" else 1e-12) * abs(limit)
        return factor, limits

    def _to_base(
        self,
        columns: dict[str, _Column],
        currency: str,
        rates: Mapping[str, float],
        rows: Any,
    ) -> dict[str, _Column]:
        """Convert columns to base units and check them against the parameters' bounds."""
        errors = ErrorList()
        out: dict[str, _Column] = {}
        for name, col in columns.items():
            p = self.model.parameters[name]
            path: tuple[str | int, ...] = ("columns", col.label)
            key_ = (name, col.unit, currency, tuple(sorted(rates.items())))
            try:
                if key_ not in self._scales:
                    self._scales[key_] = self._scale(name, col.unit, currency, rates)
            except SpecError as err:
                errors.add(err.located(None, path))
                continue
            factor, limits = self._scales[key_]
            # Two reductions check finiteness and both bounds; rows are located on failure.
            lo, hi = (float(col.raw.min()), float(col.raw.max())) if col.raw.size else (0, 0)
            if not (np.isfinite(lo) and np.isfinite(hi)):
                bad = int(np.flatnonzero(~np.isfinite(col.raw))[0])
                errors.add(_row_error(col, rows, bad, "which is not a finite number"))
                continue
            for key, limit in limits.items():
                bound = getattr(p.spec, key)
                if (lo < limit) if key == "min" else (hi > limit):
                    outside = col.raw < limit if key == "min" else col.raw > limit
                    word = "at least" if key == "min" else "at most"
                    bad = int(np.flatnonzero(outside)[0])
                    errors.add(_row_error(col, rows, bad, f"expected {word} {bound}"))
            out[name] = _Column(col.label, name, col.unit, col.raw, factor)
        errors.raise_if_any()
        return out

    # -- evaluation ------------------------------------------------------------------------------
    def _prepare(self, table: Any) -> _Prepared:
        columns, n, rows = self._read(table)
        if n == 0:
            raise SpecError("the table has no rows", path=("columns",), expected="rows")
        plan, rates = self._template(columns, first=_first_label(rows))
        columns = self._to_base(columns, plan.currency, rates, rows)
        env = Env(
            {name: c.raw for name, c in columns.items()},
            {name: c.scale for name, c in columns.items()},
            {k: float(v[0]) for k, v in plan.values.items() if k not in columns and v.ndim == 1},
            n,
        )
        series = {k: v[0] for k, v in plan.values.items() if v.ndim == 2}
        lifetime: Value | None = None
        if self.model.lifetime is not None:
            lifetime = self._value(self.model.lifetime, env, 1.0 / YEAR_S)
            bad = np.flatnonzero(np.atleast_1d(lifetime) <= 0)
            if bad.size:
                raise SpecError(
                    f"row {_label(rows, int(bad[0]))} has a lifetime of "
                    f"{float(np.atleast_1d(lifetime)[bad[0]]):g} years; "
                    "a lifetime must be positive",
                    path=("columns",),
                    expected="a positive lifetime",
                )
        if plan.assumptions.period is None or str(plan.assumptions.period).strip() == "lifetime":
            assert lifetime is not None
            period: Value = np.round(lifetime)
            off = np.flatnonzero(
                np.atleast_1d(
                    (np.abs(lifetime - period) > 1e-6) | (period < 1) | (period > MAX_PERIOD)
                )
            )
            if off.size:
                raise SpecError(
                    f"'period: lifetime' needs whole-year lifetimes from 1 to {MAX_PERIOD}, but "
                    f"row {_label(rows, int(off[0]))} lasts "
                    f"{float(np.atleast_1d(lifetime)[off[0]]):.4g} years; give a common study "
                    "period such as '15 year' instead",
                    path=("assumptions", "period"),
                    expected="a study period such as '15 year'",
                )
            T = int(np.max(period))
            if T != plan.T:
                plan, _ = self._template(columns, f"{T} year", _first_label(rows))
                series = {k: v[0] for k, v in plan.values.items() if v.ndim == 2}
        else:
            period = float(plan.period[0])
            T = plan.T
        if np.ndim(period):
            env.raw["period"], env.scale["period"] = period, YEAR_S
        else:
            env.scalars["period"] = float(period) * YEAR_S
        return _Prepared(plan, n, rows, env, series, lifetime, period, T, rates)

    def _streams(self, prep: _Prepared) -> list[tuple[Stream, PlanStream, _Parts]]:
        """Every stream's per-row parts, after the timing checks of a tender on every row."""
        out = list(self._each_stream(prep))
        check_timings(
            [_row_stream(ps, parts, prep.n) for _, ps, parts in out],
            _RowNames(prep.rows, prep.n),
            None,
        )
        return out

    def _each_stream(self, prep: _Prepared) -> Iterator[tuple[Stream, PlanStream, _Parts]]:
        plan = prep.plan
        model = self.model
        for kind, streams, planned in (
            ("item", model.items, plan.items),
            ("emission", model.emissions, plan.emissions),
        ):
            by_name = {s.name: s for s in planned}
            for name, s in streams.items():
                ps = by_name[name]
                factor = unit_factor(
                    s.amount, s.spec.timing == "annual", kind, plan.currency, prep.rates
                )
                when = start = stop = None
                if s.when is not None:
                    when = self._value(s.when, prep.env, 1.0 / YEAR_S)
                    if s.spec.timing == "every":
                        bad = np.flatnonzero(np.atleast_1d(when) <= 0)
                        if bad.size:
                            raise SpecError(
                                f"'every: {s.spec.every}' gives "
                                f"{float(np.atleast_1d(when)[bad[0]]):g} years in row "
                                f"{_label(prep.rows, int(bad[0]))}; an interval must be positive",
                                path=("model", "items", name, "every"),
                                expected="a positive interval",
                            )
                if s.start is not None:
                    start = self._value(s.start, prep.env, 1.0 / YEAR_S)
                if s.stop is not None:
                    stop = self._value(s.stop, prep.env, 1.0 / YEAR_S)
                try:
                    item, year = self._amount(s.amount, prep.env, prep.series, prep.T)
                except Mixed:  # no per-row times per-year split: evaluated year by year
                    yield (
                        s,
                        ps,
                        _Parts(
                            ZERO,
                            None,
                            when,
                            start,
                            stop,
                            AtYear(s.amount, prep.env, prep.series, factor),
                        ),
                    )
                    continue
                yield s, ps, _Parts(item.scaled(factor), year, when, start, stop)

    def _factors(self, c: Compiled) -> list[Factor]:
        """The factors of a formula's top-level product, each with its own function."""
        found = self._factor_cache.get(c.text)
        if found is None:
            tree = parse(c.text, frozenset(self._units_q))
            found = [
                Factor(
                    frozenset(names_in(node)),
                    power,
                    build(node, self._units_q, c.text)[1],
                    node.name if node.kind == "name" else None,
                )
                for node, power in factors(tree, 1)
            ]
            self._factor_cache[c.text] = found
        return found

    def _amount(
        self, c: Compiled, env: Env, series: Mapping[str, Array], T: int
    ) -> tuple[Amount, Array | None]:
        """Split a formula into a per-row part and a per-year part (their product).

        Scalars are multiplied first and a column's unit factor is folded into
        them, so a formula such as ``distance * consumption * price`` costs one
        pass over the rows.
        """
        const = 1.0
        rows: list[tuple[Array, int]] = []
        year: Array | None = None
        with np.errstate(all="ignore"):
            for f in self._factors(c):
                if f.names & self._by_year:
                    if f.names & env.per_row:
                        raise Mixed
                    v = np.asarray(f.fn(YearView(env, series)), dtype=np.float64)
                    v = v if f.power > 0 else 1.0 / v
                    year = v if year is None else year * v
                elif f.names & env.per_row:
                    if f.name is not None and f.name in env.raw:
                        rows.append((env.raw[f.name], f.power))
                        const *= env.scale[f.name] ** f.power
                    else:
                        rows.append((np.asarray(f.fn(env), dtype=np.float64), f.power))
                else:
                    s = float(f.fn(env))
                    const = const * s if f.power > 0 else const / s
        if year is not None:
            year = np.broadcast_to(year.reshape(-1), (T + 1,))
        return Amount(const, rows, env.n), year

    def _value(self, c: Compiled, env: Env, factor: float = 1.0) -> Value:
        """A formula's value times ``factor``: a float, or an array of shape (B,)."""
        amount, _ = self._amount(c, env, {}, 0)
        amount = amount.scaled(factor)
        return amount.const if not amount.rows else amount.times(1.0)

    def arrays(self, table: Any, *, by_item: bool = False) -> dict[str, NDArray[Any]]:
        """Evaluate every row; return columns as numpy arrays.

        Parameters
        ----------
        table : DataFrame, pyarrow Table or mapping of str to array_like
            One row per item, one column per parameter.
        by_item : bool
            Also return the present value of each cost item, as
            ``pv_<item>``.

        Returns
        -------
        dict of str to ndarray, shape (B,)
            ``total`` (present value the award ranks: priced externalities
            included unless the rule is ``report``) [currency],
            ``total_excl_externalities`` and ``total_incl_externalities``
            [currency],
            ``annualised`` [currency/year], ``period`` [year], one column per
            cost category that occurs [currency] and ``<substance>_kg`` per
            emitted substance [kg].
        """
        prep = self._prepare(table)
        plan = prep.plan
        n, T, q = prep.n, prep.T, plan.quantity
        d_event = discount_factors(plan.discount_rate, T, "end")
        d_annual = discount_factors(plan.discount_rate, T, plan.discounting)
        L, P = prep.lifetime, prep.period
        linear = plan.residual_value == "linear" and L is not None
        if L is not None and linear:
            last, frac = last_unit(L, P)
            at_end = np.asarray(P).astype(np.intp)
        cats: dict[str, Array] = {}
        items: dict[str, Array] = {}
        mass: dict[str, Array] = {}

        def add(store: dict[str, Array], key: str, value: Value) -> None:
            if key in store:
                store[key] += value
            else:  # a fresh array of its own, unless it is also kept per item
                store[key] = value.copy() if by_item and store is cats else value

        for s, ps, parts in self._streams(prep):
            timing = s.spec.timing
            d = d_annual if timing == "annual" else d_event
            scale = q if s.spec.per_unit else 1.0
            year = parts.year if parts.year is not None else 1.0

            def weigh(w: Array, parts: _Parts = parts, timing: str = timing) -> Value:
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
                    if ps.residual and linear:
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
                pv = parts.item.times(weigh(year * ps.escalation * d) * scale)
                if ps.residual and linear:
                    y = parts.year[last] if parts.year is not None else 1.0
                    pv -= parts.item.times(y * ps.escalation[last] * frac * d[at_end] * scale)
                add(cats, s.spec.category, pv)
                if by_item:
                    add(items, s.name, pv)
                continue
            add(
                mass,
                s.spec.substance,
                parts.item.times(weigh(np.broadcast_to(year, (T + 1,))) * scale),
            )
            price = plan.emission_prices.get(s.spec.substance)
            if price is not None:
                pv = parts.item.times(weigh(year * price * d) * scale)
                add(cats, "externalities", pv)
                if by_item:
                    add(items, s.name, pv)

        out: dict[str, NDArray[Any]] = {}
        total = np.zeros(n)
        for c in CATEGORIES:
            if c in cats:
                total += cats[c]
        excl = total - cats["externalities"] if "externalities" in cats else total.copy()
        if not np.all(np.isfinite(total)):
            bad = int(np.flatnonzero(~np.isfinite(total))[0])
            raise ExpressionError(
                f"row {_label(prep.rows, bad)} gives a non-finite cost (division by zero or "
                "overflow in a formula)",
                path=("columns",),
                expected="values with a finite result",
            )
        incl = total
        total = excl if plan.externalities == "report" else incl
        out["total"] = total
        out["annualised"] = np.broadcast_to(
            equivalent_annual_cost(
                total,
                plan.discount_rate,
                P,
                timing=plan.discounting,
            ),
            (n,),
        )
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

    def evaluate(self, table: Any, *, by_item: bool = False) -> Any:
        """Evaluate every row; return the columns in the kind of table given.

        A pandas DataFrame gives a pandas DataFrame (with the same index), a
        polars DataFrame a polars DataFrame, a pyarrow Table a pyarrow Table,
        and a mapping a dict of numpy arrays (see :meth:`arrays`).
        """
        return wrap(table, self.arrays(table, by_item=by_item))

    def result(self, table: Any) -> Result:
        """Evaluate every row with yearly cash flows, as a :class:`~tco.result.Result`.

        The rows are the result's bids (named by the row labels). Memory grows
        with rows times items times years: use it for slices of a catalogue.

        Examples
        --------
        >>> ev = BatchEvaluator("indoor-lighting", {"period": "15 year"})
        >>> r = ev.result({"price": [1450.0], "power": [32.0], "rated_life": [50000.0]})
        >>> r.real.shape
        (1, 2, 16)
        """
        from tco.evaluate import evaluate_plan

        prep = self._prepare(table)
        plan, n, T = prep.plan, prep.n, prep.T

        def full(v: Value | None) -> Array | None:
            return None if v is None else np.broadcast_to(np.asarray(v, np.float64), (n,)).copy()

        streams: dict[str, list[PlanStream]] = {"item": [], "emission": []}
        for s, ps, parts in self._streams(prep):
            if parts.at_year is not None:
                amount = np.stack(
                    [np.broadcast_to(parts.at_year(t), (n,)) for t in range(T + 1)], axis=1
                )
            else:
                item = parts.item.times(1.0)
                amount = item[:, None] * parts.year[None, :] if parts.year is not None else item

            streams[s.kind].append(
                PlanStream(
                    ps.name,
                    ps.category,
                    ps.timing,
                    amount,
                    ps.escalation,
                    full(parts.when),
                    full(parts.start),
                    full(parts.stop),
                    ps.per_unit,
                    ps.residual,
                    ps.substance,
                    ps.label,
                )
            )
        labels = range(n) if prep.rows is None else prep.rows
        values = {
            k: v if v.ndim == 2 else np.broadcast_to(v[:1], (n,)).copy()
            for k, v in plan.values.items()
        }
        values.update({k: np.asarray(prep.env[k], dtype=np.float64) for k in prep.env.raw})
        values.pop("period", None)
        batch = replace(
            plan,
            bids=tuple(str(x) for x in labels),
            period=np.asarray(full(prep.period)),
            lifetime=full(prep.lifetime),
            items=tuple(streams["item"]),
            emissions=tuple(streams["emission"]),
            values=values,
        )
        assert batch.T == T
        return evaluate_plan(batch)


@dataclass(frozen=True)
class _Prepared:
    plan: Plan
    n: int
    rows: Any
    env: Env
    series: dict[str, Array]
    lifetime: Value | None
    period: Value
    T: int
    rates: dict[str, float]


@dataclass(frozen=True)
class _Parts:
    item: Amount  # per-row amount in the plan's units (without quantity)
    year: Array | None  # per-year factor, shape (T + 1,)
    when: Value | None
    start: Value | None
    stop: Value | None
    at_year: AtYear | None = None  # instead of item * year, when they do not split


class _RowNames(Sequence[str]):
    """The label of each row as text, computed only for the rows a message names."""

    def __init__(self, rows: Any, n: int) -> None:
        self.rows, self.n = rows, n

    def __getitem__(self, i: Any) -> Any:
        return str(_label(self.rows, int(i)))

    def __len__(self) -> int:
        return self.n


def _row_stream(ps: PlanStream, parts: _Parts, n: int) -> PlanStream:
    """A stream's per-row times, for :func:`tco.plan.checks.check_timings`."""

    def rows(v: Value) -> Array | None:
        return None if v is None else np.broadcast_to(np.asarray(v, np.float64), (n,))

    return replace(ps, when=rows(parts.when), start=rows(parts.start), stop=rows(parts.stop))


def _first_label(rows: Any) -> str:
    return "row 0" if rows is None else f"bid '{_label(rows, 0)}'"


def _label(rows: Any, i: int) -> Any:
    return i if rows is None else rows[i]


def _row_error(col: _Column, rows: Any, i: int, expected: str) -> SpecError:
    label = _label(rows, i)
    got = f"{col.raw[i]:g} {col.unit}".strip()
    return SpecError(
        f"got '{got}', {expected}",
        path=("columns", col.label, label if isinstance(label, (int, str)) else str(label)),
        value=got,
        expected=expected.removeprefix("expected "),
    )


def _first_row(err: SpecError, columns: Mapping[str, _Column], first: str) -> SpecError:
    """Point an error in the one-row tender at the column and row it came from."""
    members = err.errors if isinstance(err, SpecErrors) else [err]
    for e in members:
        p = e.path
        if p[:2] == ("bids", 0) and len(p) > 2 and p[2] in columns:
            e.path = ("columns", columns[str(p[2])].label, 0, *p[3:])
        elif p[:1] == ("parameters",) and len(p) > 1 and p[1] in columns:
            e.path = ("columns", columns[str(p[1])].label, 0, *p[2:])
        # A labelled row is named as a tender names a bid; a row of a mapping by its number.
        e.reason = e.reason.replace(f"bid '{_TEMPLATE}'", first)
        e.args = (str(e),)
    return SpecErrors(members) if isinstance(err, SpecErrors) else err
