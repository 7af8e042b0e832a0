"""The streams of a plan: a model's formulas evaluated on parameter values.

:func:`build_streams` evaluates every item and emission formula into the
arrays of :class:`~tco.plan.PlanStream` (amounts in the tender's currency,
times in years), :func:`lifetime_years` the lifetime, and
:func:`rebuild_plan` does both again for changed values (the variants of an
analysis), with the row checks of a tender (:mod:`tco.plan.checks`). The
formulas are the plan's own (:class:`tco.plan.product.PlanModel`), so a plan
is evaluated again without its product model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.discounting import stream_escalation
from tco.engine.rows import residual_rule
from tco.engine.timeline import Timing, bid_escalation_index
from tco.errors import CurrencyError, ErrorList, SpecError
from tco.plan.arrays import Plan, PlanStream
from tco.plan.checks import bid_names, check_lifetimes, check_timings
from tco.plan.product import PlanModel, StreamFormulas
from tco.spec.product import ProductModel
from tco.units import convert_currency, quantity
from tco.units.registry import plan_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


def rebuild_plan(
    plan: Plan,
    values: Mapping[str, Array],
    *,
    bids: Sequence[str] | None = None,
    period: Array | None = None,
) -> Plan:
    """Build a plan from parameter values that are already parsed.

    The model's formulas (lifetime, amounts, intervals), which the plan
    holds (:attr:`Plan.product`), are evaluated again on ``values``;
    everything else (assumptions, escalation, emission prices) is taken from
    ``plan``. Sensitivity and Monte Carlo analyses use this to
    evaluate many variants of a tender as the rows of one plan.

    Parameters
    ----------
    plan : Plan
        A compiled tender.
    values : mapping of str to ndarray, shape (R,) or (1, T + 1)
        Every parameter's value per row, in the plan's units, as in
        ``plan.values``. [plan units]
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
    who = bid_names(names)
    lifetime = lifetime_years(plan.product, env, who, None)
    env["period"] = per
    errors = ErrorList()
    items, emissions = build_streams(
        plan.product,
        env,
        R,
        T,
        plan.escalation_indices,
        errors,
        None,
        discounting=plan.discounting,
        price_year=plan.price_year,
        item_discounting={s.name: s.discounting for s in plan.items if s.discounting},
        inflation=plan.inflation if plan.stated.rate_type == "nominal" else None,
        residual=(plan.residual_value, plan.residual_share),
    )
    errors.raise_if_any()
    check_timings((*items, *emissions), who, None)
    return replace(
        plan,
        bids=names,
        period=per,
        lifetime=lifetime,
        items=items,
        emissions=emissions,
        values={k: v for k, v in env.items() if k != "period"},
    )


def lifetime_years(
    model: PlanModel,
    env: Mapping[str, Any],
    who: Sequence[str],
    file: str | None,
    where: Callable[[int], tuple[str | int, ...]] = lambda i: ("bids", i),
) -> Array | None:
    """Life of one unit per row, from the model's lifetime formula (checked positive). [year]

    ``who`` names each row in messages (:func:`tco.plan.checks.bid_names`),
    ``where`` gives its field path.
    """
    if model.lifetime is None:
        return None
    B = len(who)
    try:
        lifetime: Array = np.asarray(model.lifetime.evaluate(env), dtype=np.float64)
        if lifetime.shape != (B,) or not _fresh(lifetime, env):
            lifetime = np.broadcast_to(lifetime, (B,)).copy()
    except SpecError as err:
        raise err.located(file, ("model", "lifetime")) from None
    check_lifetimes(lifetime, who, file=file, where=where)
    return lifetime


def build_streams(
    model: PlanModel,
    env: Mapping[str, Any],
    B: int,
    T: int,
    indices: Mapping[str, Array],
    errors: ErrorList,
    file: str | None,
    *,
    discounting: Timing = "end",
    price_year: int = 0,
    item_discounting: Mapping[str, Timing] | None = None,
    inflation: float | None = None,
    residual: tuple[str, float] = ("linear", 0.0),
    failed: Mapping[str, SpecError] | None = None,
) -> tuple[tuple[PlanStream, ...], tuple[PlanStream, ...]]:
    """Evaluate every item and emission formula on parameter values in the plan's units.

    Each amount is multiplied by its stream's factor to the tender's currency
    (:attr:`tco.plan.product.StreamFormulas.factor`); ``failed`` holds the
    streams whose factor could not be found (a currency without a stated
    exchange rate), each reported after its amount.

    An annual item's escalation is its group's index at the instant its
    amounts fall (:func:`tco.engine.timeline.annual_escalation`): its own
    timing (the tender's ``item_discounting``, else the item's
    ``discounting``), else the tender's ``discounting``. An item indexed by a bid
    (``indexation``) has a price index per row (:func:`indexed_escalation`); with
    ``inflation`` (a nominal tender) the bids' rates are nominal. ``residual`` is
    the tender's ``residual_value`` rule and its stated share: each item carries
    its residual credit (:func:`tco.engine.rows.residual_rule`).
    """
    convention, share = residual
    own = item_discounting or {}
    flat = np.ones(T + 1)
    # A yearly series is (1, T + 1); per-bid values must then be (B, 1) so that
    # amounts broadcast to (B, T + 1) whatever B and T are.
    series = any(np.ndim(v) == 2 for v in env.values())
    amount_env: Mapping[str, Any] = (
        {k: v[:, None] if np.ndim(v) == 1 else v for k, v in env.items()} if series else env
    )

    def stream(s: StreamFormulas) -> PlanStream | None:
        item = s.kind == "item"
        path: tuple[str | int, ...] = ("model", "items" if item else "emissions", s.name)
        try:
            amount = _evaluate(s.amount, amount_env, B, T)
            if failed and s.name in failed:
                raise failed[s.name]
            if s.factor != 1.0:
                amount *= s.factor  # the stream's own array (_evaluate)
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        when = start = stop = None
        try:
            if s.when is not None:
                when = _evaluate(s.when, env, B, T)
            if s.start is not None:
                start = _evaluate(s.start, env, B, T)
            if s.stop is not None:
                stop = _evaluate(s.stop, env, B, T)
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        if item:
            group = s.escalation
            esc = indices.get(group, flat) if group else flat
            timing: Timing | None = None
            if s.timing == "annual":
                timing = own.get(s.name) or s.discounting
            if s.indexation:
                try:
                    esc = indexed_escalation(env[s.indexation], B, T, price_year, inflation)
                except SpecError as err:
                    errors.add(err.located(file, ("bids",)))
                    return None
            if group or s.indexation:
                esc = stream_escalation(
                    esc, s.timing == "annual", timing or discounting, price_year
                )
            credited = (
                s.residual
                if s.residual is not None
                else (s.timing == "once" and s.category == "acquisition")
            )
            return PlanStream(
                s.name,
                s.category,
                s.timing,
                amount,
                escalation=esc,
                escalation_group=None if s.indexation else (group or None),
                when=when,
                start=start,
                stop=stop,
                per_unit=s.per_unit,
                residual=credited,
                residual_rule=residual_rule(
                    convention,
                    share,
                    credited=credited,
                    timing=s.timing,
                    lifetime=model.lifetime is not None,
                ),
                label=s.label,
                discounting=timing,
            )
        return PlanStream(
            s.name,
            "externalities",
            s.timing,
            amount,
            escalation=flat,
            when=when,
            start=start,
            stop=stop,
            per_unit=s.per_unit,
            substance=s.substance,
            label=s.label,
        )

    items = tuple(x for s in model.items if (x := stream(s)) is not None)
    emissions = tuple(x for s in model.emissions if (x := stream(s)) is not None)
    return items, emissions


def stream_factors(
    model: ProductModel,
    currency: str,
    rates: Mapping[str, float],
) -> tuple[dict[str, float], dict[str, SpecError]]:
    """Each stream's factor to the tender's currency where it is not 1, and those that fail.

    :func:`unit_factor` of every item's and emission's amount: the factors
    of a tender's :class:`~tco.plan.product.PlanModel`, and the streams whose
    currency has no stated exchange rate (reported by :func:`build_streams`).
    """
    factors: dict[str, float] = {}
    failed: dict[str, SpecError] = {}
    for kind, streams in (("item", model.items), ("emission", model.emissions)):
        for s in streams.values():
            try:
                f = unit_factor(s.amount, s.spec.timing == "annual", kind, currency, rates)
            except SpecError as err:
                failed[s.name] = err
                continue
            if f != 1.0:
                factors[s.name] = f
    return factors, failed


def indexed_escalation(
    rate: Any, B: int, T: int, price_year: int = 0, inflation: float | None = None
) -> Array:
    """Price index per row and year of a stream each bid indexes at its own rate.

    ``rate[b]`` is bid ``b``'s indexation per year (its ``indexation``
    parameter, ``0.02`` for ``2 %/year``):
    :func:`tco.engine.timeline.bid_escalation_index`, after refusing a rate
    of -100 % or below.

    Returns
    -------
    ndarray, shape (B, T + 1)
        [unitless]

    Raises
    ------
    SpecError
        If a rate is -100 % or below.

    Examples
    --------
    >>> indexed_escalation(np.array([0.02, 0.0]), 2, 2).round(4)
    array([[1.    , 1.02  , 1.0404],
           [1.    , 1.    , 1.    ]])
    """
    r = np.broadcast_to(np.asarray(rate, dtype=np.float64), (B,))
    low = np.flatnonzero(~(r > -1.0))  # checked with the bid's name by the tender's compiler
    if low.size:
        b = int(low[0])
        raise SpecError(
            f"for row {b} the indexation is {r[b] * 100:.4g} %; a rate must be above -100 %",
            value=float(r[b]),
            expected="a rate above -100 %",
        ).speaks("indexation_below", who=f"row {b}", name="", pct_q=f"{r[b] * 100:.4g} %")
    return bid_escalation_index(r, T, price_year, inflation)


def _evaluate(c: Any, env: Mapping[str, Any], B: int, T: int) -> Array:
    """A compiled formula evaluated to shape (B,) or (B, T + 1): an array of its own."""
    out: Array = np.asarray(c.evaluate(env), dtype=np.float64)
    shape = (B, T + 1) if out.ndim == 2 else (B,)
    if out.shape == shape and _fresh(out, env):
        return out
    result: Array = np.broadcast_to(out, shape).copy()
    return result


def _fresh(out: Array, env: Mapping[str, Any]) -> bool:
    """Whether a formula's result is a new array of its own (not one of its inputs, nor a view)."""
    return (
        out.flags.owndata
        and out.flags.writeable
        and not any(v is out for v in env.values() if isinstance(v, np.ndarray))
    )


def unit_factor(
    c: Any, annual: bool, kind: str, currency: str, rates: Mapping[str, float]
) -> float:
    """Factor from a formula's result (in the plan's units) to its stream's unit.

    A stream is in the tender's currency (per year for ``annual``), or in kg
    (per year): 1 for a formula in the tender's currency or in kg, else the
    exchange rate. Cached by the formula's unit, the currency and the rates.
    """
    return _unit_factor(c.quantity.units, annual, kind, currency, tuple(sorted(rates.items())))


@functools.lru_cache(maxsize=4096)
def _unit_factor(
    units: Any, annual: bool, kind: str, currency: str, rates: tuple[tuple[str, float], ...]
) -> float:
    base = quantity(1.0, plan_unit(units.dimensionality))
    if kind == "item":
        try:
            base = convert_currency(base, currency, dict(rates))
        except CurrencyError as err:
            again = CurrencyError(err.reason, expected=err.expected)
            raise again.speaks(err.message_id, **err.params) if err.message_id else again from None
        target = f"{currency}/year" if annual else currency
    else:
        target = "kg/year" if annual else "kg"
    return float(base.to(target).magnitude)
