"""The plan: a tender as plain float64 arrays in canonical units.

A plan, built by :func:`tco.plan.compiler.compile_plan`, is the boundary between
the checked world of specs (pint, pydantic) and the numpy engine. Every
amount is in the tender's currency (per occurrence, or per year for annual
streams), every time in years, every emission in kg (per occurrence or per
year). No pint object is inside.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import (
    Timing,
    annual_escalation,
    annuity_factor,
    discount_factors,
    schedule_discount_factors,
)
from tco.errors import CurrencyError, ErrorList, SpecError
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.plan.checks import bid_names, check_lifetimes, check_timings
from tco.spec.basis import BasisStamp
from tco.spec.product import ProductModel, Stream
from tco.spec.schema import AssumptionsSpec, Text
from tco.units import (
    Quantity,
    convert_currency,
)

__all__ = ["MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream", "rebuild_plan"]

Array = NDArray[np.float64]


YEAR_S = float(Quantity(1.0, "year").to("s").magnitude)


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
    """Everything the engine needs, as plain arrays (see :func:`tco.plan.compiler.compile_plan`).

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
    bases : tuple of BasisStamp
        The bases the model and tender use: name, edition and sources.
    residual_value : {"linear", "none", "share"}
        How the last unit's remaining value is credited at the period's end.
    discount_path : ndarray, shape (T,), optional
        The discount rate of each year ``1 .. T`` when the tender gives a
        schedule by year band; ``discount_rate`` is then year 1's. [unitless]
    residual_share : float
        With ``residual_value == "share"``: the share of the initial cost
        credited (NIST BLCC). [unitless]
    externalities : {"award", "report"}
        Whether priced externalities count in the award (total, annualised
        cost, rank) or are reported beside it.
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
    discounting: Timing
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
    bases: tuple[BasisStamp, ...] = ()
    externalities: Literal["award", "report"] = "award"
    residual_share: float = 0.0
    discount_path: Array | None = field(default=None, repr=False)
    file: str | None = None

    @property
    def T(self) -> int:
        """Last year of the year axis. [year]"""
        return int(self.period.max())

    @property
    def n_bids(self) -> int:
        """Number of bids."""
        return len(self.bids)

    def residual_rule(self, s: PlanStream) -> dict[str, Any] | None:
        """The residual credit of a stream: ``None``, or the keywords of the rule.

        The keywords (``share``, ``salvage``) go to
        :func:`tco.engine.rows.residual_terms` and the functions built on it.
        A linear credit needs a lifetime and also covers the salvage of an
        ``end_of_life`` item marked ``residual: true`` that the period cuts
        short; a stated share credits the purchase items only.
        """
        if not s.residual or self.residual_value == "none":
            return None
        if self.residual_value == "share":
            if s.timing == "end_of_life":
                return None
            return {"share": self.residual_share, "salvage": False}
        if self.lifetime is None:
            return None
        return {"share": None, "salvage": s.timing == "end_of_life"}

    def discount_factors(self) -> tuple[Array, Array]:
        """Discount factor per year ``t = 0 .. T`` of events and of annual amounts.

        Events are discounted at their year's end; annual amounts by the
        tender's ``discounting`` (:func:`tco.engine.timeline.discount_factors`).
        Every engine takes its factors from here. [unitless], shape (T + 1,)
        """
        timing: Timing = self.discounting
        if self.discount_path is not None:
            event = schedule_discount_factors(self.discount_path[: self.T], "end")
            if timing == "end":
                return event, event
            return event, schedule_discount_factors(self.discount_path[: self.T], timing)
        event = discount_factors(self.discount_rate, self.T, "end")
        if timing == "end":
            return event, event
        return event, discount_factors(self.discount_rate, self.T, timing)

    def annuity_factors(self) -> Array:
        """Sum of the annual discount factors over each bid's period. [year], shape (B,)

        The uniform present value factor that turns a present value into an
        equivalent annual cost; with a discount schedule, the same sum of the
        schedule's factors.
        """
        if self.discount_path is None:
            return np.broadcast_to(
                annuity_factor(self.discount_rate, self.period, self.discounting),
                self.period.shape,
            )
        cum = np.cumsum(self.discount_factors()[1]) - 1.0  # years 1 .. t
        out: Array = cum[self.period.astype(np.intp)]
        return out


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
    who = bid_names(names)
    lifetime = lifetime_years(plan.model, env, who, None)
    env["period"] = per * YEAR_S
    errors = ErrorList()
    items, emissions = build_streams(
        plan.model,
        env,
        R,
        T,
        plan.currency,
        plan.exchange_rates,
        plan.escalation_indices,
        errors,
        None,
        discounting=plan.discounting,
        price_year=plan.price_year,
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
    model: ProductModel,
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
        lifetime: Array = np.broadcast_to(
            np.asarray(model.lifetime.evaluate(env), dtype=np.float64) / YEAR_S, (B,)
        ).copy()
    except SpecError as err:
        raise err.located(file, ("model", "lifetime")) from None
    check_lifetimes(lifetime, who, file=file, where=where)
    return lifetime


def build_streams(
    model: ProductModel,
    env: Mapping[str, Any],
    B: int,
    T: int,
    currency: str,
    rates: Mapping[str, float],
    indices: Mapping[str, Array],
    errors: ErrorList,
    file: str | None,
    *,
    discounting: str = "end",
    price_year: int = 0,
) -> tuple[tuple[PlanStream, ...], tuple[PlanStream, ...]]:
    """Evaluate every item and emission formula on parameter values in base units.

    An annual item's escalation is its group's index at the instant its
    amounts fall (:func:`tco.engine.timeline.annual_escalation`).
    """
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
            amount = amount * unit_factor(
                s.amount, s.spec.timing == "annual", kind, currency, rates
            )
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        when = start = stop = None
        try:
            if s.when is not None:
                when = _evaluate(s.when, env, B, T) / YEAR_S
            if s.start is not None:
                start = _evaluate(s.start, env, B, T) / YEAR_S
            if s.stop is not None:
                stop = _evaluate(s.stop, env, B, T) / YEAR_S
        except SpecError as err:
            errors.add(err.located(file, path))
            return None
        spec = s.spec
        if kind == "item":
            group = spec.escalation
            esc = indices.get(group, flat) if group else flat
            if group and spec.timing == "annual":
                esc = annual_escalation(esc, discounting, price_year)  # type: ignore[arg-type]
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


def _evaluate(c: Any, env: Mapping[str, Any], B: int, T: int) -> Array:
    """Evaluate a compiled formula to shape (B,) or (B, T + 1)."""
    out: Array = np.asarray(c.evaluate(env), dtype=np.float64)
    shape = (B, T + 1) if out.ndim == 2 else (B,)
    result: Array = np.broadcast_to(out, shape).copy()
    return result


def unit_factor(
    c: Any, annual: bool, kind: str, currency: str, rates: Mapping[str, float]
) -> float:
    """Factor from a formula's base-unit result to the plan's canonical unit.

    Cached by the formula's unit, the currency and the exchange rates.
    """
    return _unit_factor(c.quantity.units, annual, kind, currency, tuple(sorted(rates.items())))


@functools.lru_cache(maxsize=4096)
def _unit_factor(
    units: Any, annual: bool, kind: str, currency: str, rates: tuple[tuple[str, float], ...]
) -> float:
    base = Quantity(1.0, Quantity(1.0, units).to_base_units().units)
    if kind == "item":
        try:
            base = convert_currency(base, currency, dict(rates))
        except CurrencyError as err:
            raise CurrencyError(err.reason, expected=err.expected) from None
        target = f"{currency}/year" if annual else currency
    else:
        target = "kg/year" if annual else "kg"
    return float(base.to(target).magnitude)
