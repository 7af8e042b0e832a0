"""Compile a tender into a plan: plain float64 arrays in canonical units.

The plan is the boundary between the checked world of specs (pint, pydantic)
and the numpy engine. Every amount is in the tender's currency (per
occurrence, or per year for annual streams), every time in years, every
emission in kg (per occurrence or per year). No pint object is inside.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import escalation_index, fisher_real_rate
from tco.errors import CurrencyError, ErrorList, LimitError, SpecError, suggest
from tco.spec.model import ProductModel, Stream, bound_error
from tco.spec.models import AssumptionsSpec, TenderSpec, Text
from tco.timing_checks import check_timings
from tco.units import (
    CURRENCIES,
    Quantity,
    base_magnitude,
    convert_currency,
    currencies_of,
    parse_quantity,
    ureg,
)

__all__ = ["MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream", "compile_plan", "rebuild_plan"]

Array = NDArray[np.float64]

#: Longest study period tco evaluates. [year]
MAX_PERIOD = 200
#: Most bids in one tender.
MAX_BIDS = 100_000

_YEAR_S = float(Quantity(1.0, "year").to("s").magnitude)


@dataclass(frozen=True)
class PlanStream:
    """One cost item or emission stream of a plan.

    Attributes
    ----------
    name, category, timing : str
        Its name, cost category (``"externalities"`` for emissions) and
        timing (``once``, ``annual``, ``every``, ``at``, ``end_of_life``).
    amount : ndarray, shape (B,) or (B, T + 1)
        Amount per occurrence (per year for ``annual``), before escalation
        and quantity. [currency] or [currency/year]; for emissions [kg] or
        [kg/year]
    when : ndarray, shape (B,), optional
        Interval of ``every``, time of ``at``. [year]
    start, stop : ndarray, shape (B,), optional
        First and last year of an ``annual`` stream. [year]
    escalation : ndarray, shape (T + 1,)
        Real price index per year. [unitless]
    per_unit : bool
        Whether the stream is multiplied by the tender's quantity.
    residual : bool
        Whether the remaining value of the last unit is credited.
    substance : str
        For emissions, the substance (``co2e``, ``nox``, ...).
    """

    name: str
    category: str
    timing: str
    amount: Array
    escalation: Array
    when: Array | None = None
    start: Array | None = None
    stop: Array | None = None
    per_unit: bool = True
    residual: bool = False
    substance: str = ""
    label: Text | None = None


@dataclass(frozen=True)
class Plan:
    """Everything the engine needs, as plain arrays (see :func:`compile_plan`).

    Attributes
    ----------
    period : ndarray, shape (B,)
        Study period per bid (the same for all unless ``period: lifetime``). [year]
    lifetime : ndarray, shape (B,), optional
        Life of one unit; purchases recur at each end of life. [year]
    discount_rate : float
        Real discount rate. [unitless per year]
    inflation : float
        General inflation, for current-price cash flows. [unitless per year]
    emission_prices : dict of str to ndarray, shape (T + 1,)
        Price of each priced substance per year. [currency/kg]
    values : dict of str to ndarray, shape (B,) or (1, T + 1)
        Every parameter's value per bid (or per year), in base units.
    exchange_rates : dict of str to float
        Value of one unit of each other currency. [tender currency]
    escalation_indices : dict of str to ndarray, shape (T + 1,)
        Price index of each escalation group. [unitless]
    file : str, optional
        The tender file, for messages.
    """

    model: ProductModel
    title: str
    bids: tuple[str, ...]
    currency: str
    quantity: float
    discount_rate: float
    inflation: float
    discounting: str
    price_year: int
    residual_value: str
    period: Array
    lifetime: Array | None
    items: tuple[PlanStream, ...]
    emissions: tuple[PlanStream, ...]
    emission_prices: dict[str, Array] = field(default_factory=dict)
    assumptions: AssumptionsSpec = field(default_factory=AssumptionsSpec)
    values: dict[str, Array] = field(default_factory=dict, repr=False)
    exchange_rates: dict[str, float] = field(default_factory=dict, repr=False)
    escalation_indices: dict[str, Array] = field(default_factory=dict, repr=False)
    file: str | None = None

    @property
    def T(self) -> int:
        """Last year of the year axis. [year]"""
        return int(self.period.max())

    @property
    def n_bids(self) -> int:
        """Number of bids."""
        return len(self.bids)


_DEFAULTS = AssumptionsSpec(
    discount_rate="4 %",
    rate_type="real",
    inflation=0.0,
    quantity=1.0,
    discounting="end",
    price_year=0,
)


def compile_plan(tender: TenderSpec, model: ProductModel, *, file: str | None = None) -> Plan:
    """Check a tender against its model and build the plan.

    Every problem found is reported at once (a :class:`~tco.errors.SpecErrors`
    when there are several).
    """
    errors = ErrorList()
    a = _DEFAULTS.merged(model.spec.assumptions).merged(tender.assumptions)
    ap = ("assumptions",)

    def fail(
        message: str, path: Sequence[str | int], value: Any = None, expected: str = ""
    ) -> None:
        errors.add(SpecError(message, file=file, path=path, value=value, expected=expected or None))

    # -- currency and exchange rates ----------------------------------------------
    currency = a.currency
    if currency is None:
        currency = model.currencies[0] if len(model.currencies) == 1 else "DKK"
    if currency not in CURRENCIES:
        fail(
            f"unknown currency '{currency}'{suggest(currency, CURRENCIES)}",
            (*ap, "currency"),
            currency,
            "one of " + ", ".join(CURRENCIES),
        )
        currency = "DKK"
    rates: dict[str, float] = {}
    raw: Any
    where: tuple[str | int, ...]
    for code, raw in a.exchange_rates.items():
        path: tuple[str | int, ...] = (*ap, "exchange_rates", code)
        if code not in CURRENCIES:
            fail(f"unknown currency '{code}'{suggest(code, CURRENCIES)}", path, code)
            continue
        try:
            q = parse_quantity(raw, currency)
        except SpecError as err:
            errors.add(err.located(file, path))
            continue
        if not q.magnitude > 0:
            fail(
                f"got '{raw}', expected a positive rate",
                path,
                raw,
                f"a rate such as '7.46 {currency}'",
            )
            continue
        rates[code] = float(q.to(currency).magnitude)

    def money(q: Any, target: str | None = None) -> Any:
        """Express the money in ``q`` in ``target`` (the tender's currency by default).

        A :class:`CurrencyError` is raised unlocated; the caller adds the path.
        """
        target = target or currency
        worth = {currency: 1.0, **rates}  # value of one unit of each currency, in the tender's
        if target not in worth:
            convert_currency(Quantity(1.0, target), currency, rates)  # raises with the fix
        scaled = {code: v / worth[target] for code, v in worth.items()}
        return convert_currency(q, target, scaled)

    # -- rates -----------------------------------------------------------------------
    def rate(raw: Any, path: Sequence[str | int]) -> float | None:
        try:
            q = parse_quantity(raw)
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        if q.dimensionality == ureg.Unit("1/year").dimensionality:
            q = q * ureg.year
        if not q.dimensionless:
            fail(f"got '{raw}', expected a rate such as '4 %' or '2 %/year'", path, raw)
            return None
        value = float(q.to("dimensionless").magnitude)
        if value <= -1.0:
            fail(f"got '{raw}', a rate must be above -100 %", path, raw, "a rate above -100 %")
            return None
        return value

    inflation = rate(a.inflation, (*ap, "inflation")) or 0.0
    r = rate(a.discount_rate, (*ap, "discount_rate"))
    nominal = a.rate_type == "nominal"
    if r is not None and nominal:
        r = float(fisher_real_rate(r, inflation))

    # -- period, quantity ---------------------------------------------------------
    B = len(tender.bids)
    if B > MAX_BIDS:
        raise LimitError(
            f"{B} bids; a tender holds at most {MAX_BIDS} (use the batch API for catalogues)",
            file=file,
            path=("bids",),
        )
    period_lifetime = a.period is None or str(a.period).strip() == "lifetime"
    period_years: float | None = None
    if not period_lifetime:
        try:
            pq = parse_quantity(a.period, "year")
            period_years = float(pq.to("year").magnitude)
        except SpecError as err:
            errors.add(err.located(file, (*ap, "period")))
            period_years = 1.0
        if period_years is not None and not (
            abs(period_years - round(period_years)) < 1e-9
            and 1 <= round(period_years) <= MAX_PERIOD
        ):
            fail(
                f"got '{a.period}', expected a whole number of years from 1 to {MAX_PERIOD}",
                (*ap, "period"),
                a.period,
                f"a whole number of years from 1 to {MAX_PERIOD}",
            )
            period_years = 1.0
    elif model.lifetime is None:
        fail(
            "the model has no lifetime, so the tender must give a study period such as '15 year'",
            (*ap, "period"),
            a.period,
            "a period such as '15 year'",
        )
        period_years = 1.0
    quantity = float(a.quantity if a.quantity is not None else 1.0)
    if not math.isfinite(quantity):
        fail(f"got {quantity}, expected a finite quantity", (*ap, "quantity"), quantity)
        quantity = 1.0

    # -- escalation groups --------------------------------------------------------
    esc_raw: dict[str, Any] = dict(model.spec.escalation)
    for name, raw in a.escalation.items():
        if name not in model.escalation_groups:
            fail(
                f"unknown escalation '{name}'{suggest(name, model.escalation_groups)}; the model's "
                "escalations are " + (", ".join(model.escalation_groups) or "none"),
                (*ap, "escalation", name),
                name,
            )
            continue
        esc_raw[name] = raw

    # -- parameter values per bid ----------------------------------------------------
    params = model.parameters
    for key in tender.parameters:
        if key not in params:
            fail(f"unknown parameter '{key}'{suggest(key, params)}", ("parameters", key), key)
        elif params[key].spec.bid:
            fail(
                f"'{key}' is given by each bid, not by the buyer; move it to the bids",
                ("parameters", key),
                key,
            )
    for i, bid in enumerate(tender.bids):
        for key in bid.values:
            if key not in params:
                fail(
                    f"unknown parameter '{key}'{suggest(key, params)}; bids give "
                    + ", ".join(model.bid_parameters),
                    ("bids", i, key),
                    key,
                )
            elif not params[key].spec.bid:
                fail(
                    f"'{key}' is the buyer's assumption, the same for every bid; "
                    "set it under 'parameters' instead",
                    ("bids", i, key),
                    key,
                )

    # The year axis needs the period; with 'period: lifetime' it needs the lifetime,
    # which may depend on bid values. Parse scalars first, series after.
    scalar_values: dict[str, Array] = {}
    series_raw: dict[str, tuple[Any, tuple[str | int, ...]]] = {}
    for name, p in params.items():
        if p.spec.bid:
            raws: list[tuple[Any, tuple[str | int, ...]]] = [
                (bid.values.get(name, p.spec.default), ("bids", i, name))
                for i, bid in enumerate(tender.bids)
            ]
        else:
            raw = tender.parameters.get(name, p.spec.default)
            where = (
                ("parameters", name)
                if name in tender.parameters
                else ("model", "parameters", name, "default")
            )
            if isinstance(raw, list):
                if not p.spec.by_year:
                    fail(
                        "a list of values is allowed only for a parameter with 'by_year: true'",
                        where,
                        expected="a single value",
                    )
                    continue
                series_raw[name] = (raw, where)
                continue
            raws = [(raw, where)] * B
        out = np.empty(B)
        for b, (raw, where) in enumerate(raws):
            if raw is None:
                fail(
                    f"missing value for '{name}' (no default); give " + _describe_param(p),
                    where,
                    expected=_describe_param(p),
                )
                continue
            if isinstance(raw, list):
                fail(
                    "a bid gives one value per parameter, not a list",
                    where,
                    expected="a single value",
                )
                continue
            q = _quantity(raw, p, where, file, errors, money)
            if q is not None:
                out[b] = q
        scalar_values[name] = out
    errors.raise_if_any()

    env: dict[str, Any] = dict(scalar_values)
    lifetime = _lifetime(model, env, [b.name for b in tender.bids], file)
    if period_years is None:
        assert lifetime is not None
        rounded = np.round(lifetime)
        off = np.flatnonzero(
            (np.abs(lifetime - rounded) > 1e-6) | (rounded < 1) | (rounded > MAX_PERIOD)
        )
        if off.size:
            raise SpecError(
                f"'period: lifetime' needs whole-year lifetimes from 1 to {MAX_PERIOD}, but bid "
                f"'{tender.bids[off[0]].name}' lasts {lifetime[off[0]]:.4g} years; give a common "
                "study period such as '15 year' instead",
                file=file,
                path=(*ap, "period"),
                expected="a study period such as '15 year'",
            )
        period = rounded
    else:
        period = np.full(B, float(round(period_years)))
    T = int(period.max())

    for name, (raw, where) in series_raw.items():
        p = params[name]
        if len(raw) < T:
            fail(
                f"gives {len(raw)} yearly values but the period has {T} years; give one per year",
                where,
                expected=f"at least {T} values",
            )
            continue
        vals = np.empty(T + 1)
        for t in range(T):
            q = _quantity(raw[t], p, (*where, t), file, errors, money)
            if q is not None:
                vals[t + 1] = q
        vals[0] = vals[1] if T >= 1 else 0.0
        env[name] = vals[None, :]
    errors.raise_if_any()
    env["period"] = period * _YEAR_S

    # -- escalation indices -------------------------------------------------------
    indices: dict[str, Array] = {}
    for name in model.escalation_groups:
        raw = esc_raw.get(name, 0.0)
        path = (*ap, "escalation", name) if name in a.escalation else ("model", "escalation", name)
        if isinstance(raw, list):
            if len(raw) < T:
                fail(
                    f"gives {len(raw)} yearly rates but the period has {T} years; "
                    "give one per year",
                    path,
                    expected=f"at least {T} rates",
                )
                continue
            rs = [rate(x, (*path, k)) for k, x in enumerate(raw[:T])]
            if any(x is None for x in rs):
                continue
            values = np.array(rs, dtype=np.float64)
        else:
            one = rate(raw, path)
            if one is None:
                continue
            values = np.full(T, one)
        if nominal:
            values = fisher_real_rate(values, inflation)
        with np.errstate(over="ignore", invalid="ignore"):
            index = escalation_index(values, T, a.price_year or 0)
        if not np.all(np.isfinite(index)) or not np.all(index > 0):
            fail(
                f"the price index of '{name}' over {T} years leaves the range of "
                "floating-point numbers; use a smaller rate or a shorter period",
                path,
                raw,
                "an escalation whose price index stays finite",
            )
            continue
        indices[name] = index

    # -- streams --------------------------------------------------------------------
    items, emissions = _streams(model, env, B, T, currency, rates, indices, errors, file)

    # -- emission prices ---------------------------------------------------------------
    prices_raw: dict[str, tuple[Any, tuple[str | int, ...]]] = {}
    if a.co2_price is not None:
        prices_raw["co2e"] = (a.co2_price, (*ap, "co2_price"))
    for sub, raw in a.emission_prices.items():
        prices_raw[sub] = (raw, (*ap, "emission_prices", sub))
    substances = {e.substance for e in emissions}
    emission_prices: dict[str, Array] = {}
    for sub, (raw, path) in prices_raw.items():
        if sub not in substances and sub != "co2e":
            fail(
                f"the model emits no '{sub}'{suggest(sub, substances)}; it emits "
                + (", ".join(sorted(substances)) or "nothing"),
                path,
                sub,
            )
            continue
        try:
            # Convert the currency first: '1500 DKK/t' is a valid price in a EUR tender.
            given = parse_quantity(raw)
            q = money(given) if currencies_of(given) else parse_quantity(raw, f"{currency}/kg")
            if q.dimensionality != ureg.Unit(f"{currency}/kg").dimensionality:
                q = parse_quantity(raw, f"{currency}/kg")  # raises, naming what was expected
            emission_prices[sub] = np.full(T + 1, float(q.to(f"{currency}/kg").magnitude))
        except SpecError as err:
            errors.add(err.located(file, path))
    errors.raise_if_any()
    check_timings((*items, *emissions), [b.name for b in tender.bids], file)

    return Plan(
        model=model,
        title=tender.title or model.title,
        bids=tuple(b.name for b in tender.bids),
        currency=currency,
        quantity=quantity,
        discount_rate=float(r if r is not None else 0.0),
        inflation=inflation,
        discounting=a.discounting or "end",
        price_year=a.price_year or 0,
        residual_value=a.residual_value or model.spec.residual_value,
        period=period,
        lifetime=lifetime,
        items=items,
        emissions=emissions,
        emission_prices=emission_prices,
        assumptions=a,
        values={k: v for k, v in env.items() if k != "period"},
        exchange_rates=rates,
        escalation_indices=indices,
        file=file,
    )


def rebuild_plan(
    plan: Plan,
    values: Mapping[str, Array],
    *,
    bids: Sequence[str] | None = None,
    period: Array | None = None,
) -> Plan:
    """Build a plan from parameter values that are already parsed.

    The model's formulas (lifetime, amounts, intervals) are evaluated again
    on ``values``; everything else (assumptions, escalation, emission prices)
    is taken from ``plan``. Sensitivity and Monte Carlo analyses use this to
    evaluate many variants of a tender as the rows of one plan.

    Parameters
    ----------
    plan : Plan
        A compiled tender.
    values : mapping of str to ndarray, shape (R,) or (1, T + 1)
        Every parameter's value per row, in base units, as in
        ``plan.values``. [base units]
    bids : sequence of str, optional
        A label per row; by default the plan's bids (then ``R = B``).
    period : ndarray, shape (R,), optional
        Study period per row; by default the plan's, repeated when ``R`` is
        a multiple of ``B`` (rows ``k * B + b`` are variants of bid ``b``).
        [year]

    Returns
    -------
    Plan
        With ``R`` rows.

    Examples
    --------
    >>> import numpy as np, tco
    >>> p = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> doubled = {k: np.tile(v, 2) if v.ndim == 1 else v for k, v in p.values.items()}
    >>> rebuild_plan(p, doubled, bids=p.bids * 2).n_bids
    6
    """
    names = tuple(bids) if bids is not None else plan.bids
    R = len(names)
    if period is None and R % plan.n_bids == 0:
        per = np.tile(plan.period, R // plan.n_bids)
    else:
        per = plan.period if period is None else np.asarray(period, dtype=np.float64)
    if per.shape != (R,):
        raise ValueError(f"period has shape {per.shape}, expected ({R},)")
    T = plan.T
    env: dict[str, Any] = dict(values)
    lifetime = _lifetime(plan.model, env, names, None)
    env["period"] = per * _YEAR_S
    errors = ErrorList()
    items, emissions = _streams(
        plan.model,
        env,
        R,
        T,
        plan.currency,
        plan.exchange_rates,
        plan.escalation_indices,
        errors,
        None,
    )
    errors.raise_if_any()
    return replace(
        plan,
        bids=names,
        period=per,
        lifetime=lifetime,
        items=items,
        emissions=emissions,
        values={k: v for k, v in env.items() if k != "period"},
    )


def _lifetime(
    model: ProductModel, env: Mapping[str, Any], bids: Sequence[str], file: str | None
) -> Array | None:
    """Life of one unit per bid, from the model's lifetime formula. [year]"""
    if model.lifetime is None:
        return None
    B = len(bids)
    try:
        lifetime: Array = np.broadcast_to(
            np.asarray(model.lifetime.evaluate(env), dtype=np.float64) / _YEAR_S, (B,)
        ).copy()
    except SpecError as err:
        raise err.located(file, ("model", "lifetime")) from None
    bad = np.flatnonzero(lifetime <= 0)
    if bad.size:
        raise SpecError(
            f"the lifetime of bid '{bids[bad[0]]}' is {lifetime[bad[0]]:g} years; "
            "a lifetime must be positive",
            file=file,
            path=("bids", int(bad[0])),
            expected="a positive lifetime",
        )
    return lifetime


def _streams(
    model: ProductModel,
    env: Mapping[str, Any],
    B: int,
    T: int,
    currency: str,
    rates: Mapping[str, float],
    indices: Mapping[str, Array],
    errors: ErrorList,
    file: str | None,
) -> tuple[tuple[PlanStream, ...], tuple[PlanStream, ...]]:
    """Evaluate every item and emission formula on parameter values in base units."""
    flat = np.ones(T + 1)
    # A yearly series is (1, T + 1); per-bid values must then be (B, 1) so that
    # amounts broadcast to (B, T + 1) whatever B and T are.
    series = any(np.ndim(v) == 2 for v in env.values())
    amount_env: Mapping[str, Any] = (
        {k: v[:, None] if np.ndim(v) == 1 else v for k, v in env.items()} if series else env
    )

    def stream(s: Stream, kind: str) -> PlanStream | None:
        path: tuple[str | int, ...] = ("model", "items" if kind == "item" else "emissions", s.name)
        try:
            amount = _evaluate(s.amount, amount_env, B, T)
            amount = amount * _unit_factor(
                s.amount, s.spec.timing == "annual", kind, currency, rates
            )
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        when = start = stop = None
        try:
            if s.when is not None:
                when = _evaluate(s.when, env, B, T) / _YEAR_S
                if s.spec.timing == "every" and np.any(when <= 0):
                    raise SpecError(
                        f"'every: {s.spec.every}' gives {when.min():g} years; "
                        "an interval must be positive",
                        path=("every",),
                        expected="a positive interval",
                    )
            if s.start is not None:
                start = _evaluate(s.start, env, B, T) / _YEAR_S
            if s.stop is not None:
                stop = _evaluate(s.stop, env, B, T) / _YEAR_S
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        spec = s.spec
        if kind == "item":
            group = spec.escalation
            esc = indices.get(group, flat) if group else flat
            residual = (
                spec.residual
                if spec.residual is not None
                else (spec.timing == "once" and spec.category == "acquisition")
            )
            return PlanStream(
                s.name,
                spec.category,
                spec.timing,
                amount,
                esc,
                when,
                start,
                stop,
                spec.per_unit,
                residual,
                "",
                spec.label,
            )
        return PlanStream(
            s.name,
            "externalities",
            spec.timing,
            amount,
            flat,
            when,
            start,
            stop,
            spec.per_unit,
            False,
            spec.substance,
            spec.label,
        )

    items = tuple(x for s in model.items.values() if (x := stream(s, "item")) is not None)
    emissions = tuple(
        x for s in model.emissions.values() if (x := stream(s, "emission")) is not None
    )
    return items, emissions


def _describe_param(p: Any) -> str:
    from tco.units import describe

    unit = p.spec.unit
    return describe(p.unit, unit) if unit else "a plain number"


def _quantity(
    raw: Any,
    p: Any,
    where: tuple[str | int, ...],
    file: str | None,
    errors: ErrorList,
    money: Any,
) -> float | None:
    """Parse one value of a parameter; return its magnitude in base units."""
    unit = p.spec.unit or None
    fast = base_magnitude(raw, p.spec.unit)
    if fast is not None:
        lo, hi = _base_bounds(p.spec.unit, p.spec.min, p.spec.max)
        if lo <= fast <= hi:
            return fast
    try:
        q = parse_quantity(raw, None if unit and currencies_of(p.unit) else unit)
        if currencies_of(p.unit):
            target = p.unit
            if currencies_of(q) != currencies_of(target):
                q = money(q, currencies_of(target)[0])
            if q.dimensionality != target.dimensionality:
                from tco.units import describe

                raise SpecError(
                    f"got '{raw}', expected {describe(target, unit)}",
                    value=raw,
                    expected=describe(target, unit),
                )
        bounds = {}
        for key in ("min", "max"):
            b = getattr(p.spec, key)
            if b is not None:
                bounds[key] = parse_quantity(b, unit)
        err = bound_error(q, raw, bounds)
        if err is not None:
            raise err
    except SpecError as err:
        errors.add(err.located(file, where))
        return None
    return float(q.to_base_units().magnitude)


@functools.lru_cache(maxsize=1024)
def _base_bounds(unit: str, lo: Any, hi: Any) -> tuple[float, float]:
    """A parameter's bounds in base units (infinite where not given)."""
    low = (
        float(parse_quantity(lo, unit or None).to_base_units().magnitude)
        if lo is not None
        else -math.inf
    )
    high = (
        float(parse_quantity(hi, unit or None).to_base_units().magnitude)
        if hi is not None
        else math.inf
    )
    return low, high


def _evaluate(c: Any, env: Mapping[str, Any], B: int, T: int) -> Array:
    """Evaluate a compiled formula to shape (B,) or (B, T + 1)."""
    out: Array = np.asarray(c.evaluate(env), dtype=np.float64)
    shape = (B, T + 1) if out.ndim == 2 else (B,)
    result: Array = np.broadcast_to(out, shape).copy()
    return result


def _unit_factor(
    c: Any, annual: bool, kind: str, currency: str, rates: Mapping[str, float]
) -> float:
    """Factor from a formula's base-unit result to the plan's canonical unit."""
    base = Quantity(1.0, c.quantity.to_base_units().units)
    if kind == "item":
        try:
            base = convert_currency(base, currency, rates)
        except CurrencyError as err:
            raise CurrencyError(err.reason, expected=err.expected) from None
        target = f"{currency}/year" if annual else currency
    else:
        target = "kg/year" if annual else "kg"
    return float(base.to(target).magnitude)
