"""The one orchestrator: plan in, result out.

:func:`evaluate_plan` runs the engine's pure functions over every stream of
a :class:`~tco.plan.Plan` and assembles a :class:`~tco.result.Result`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tco.engine.flows import occurrences, residual_credit, stream_flows
from tco.engine.timeline import discount_factors
from tco.limits import check_result_size
from tco.plan import Plan, PlanStream
from tco.plan.finite import check_finite
from tco.result import Result

__all__ = ["evaluate_plan"]

Array = NDArray[np.float64]


def _counts(s: PlanStream, plan: Plan) -> Array:
    return occurrences(
        s.timing,
        plan.period,
        plan.T,
        when=s.when,
        start=s.start,
        stop=s.stop,
        lifetime=plan.lifetime,
    )


def evaluate_plan(plan: Plan) -> Result:
    """Evaluate every bid of a plan.

    Parameters
    ----------
    plan : Plan
        A compiled tender (:func:`tco.plan.compiler.compile_plan`).

    Returns
    -------
    Result
        Yearly cash flows per bid, item and year, present values,
        annualised costs, emissions and ranks.
    """
    streams = len(plan.items) + sum(e.substance in plan.emission_prices for e in plan.emissions)
    check_result_size(plan.n_bids, streams + len(plan.emissions), plan.T + 1, file=plan.file)
    with np.errstate(over="ignore", invalid="ignore"):
        result = _evaluate(plan)
    check_finite(
        bids=plan.bids,
        items=result.items,
        cash=result.real,
        discount=result.discount,
        mass=result.mass,
        emissions=result.emission_names,
        rate=plan.discount_rate,
        inflation=plan.inflation,
        file=plan.file,
    )
    return result


def _evaluate(plan: Plan) -> Result:
    T = plan.T
    B = plan.n_bids
    q = plan.quantity
    d_event = discount_factors(plan.discount_rate, T, "end")
    d_annual = discount_factors(plan.discount_rate, T, plan.discounting)  # type: ignore[arg-type]

    names: list[str] = []
    categories: list[str] = []
    flows: list[Array] = []
    discounts: list[Array] = []
    for s in plan.items:
        counts = _counts(s, plan)
        f = stream_flows(s.amount, counts, s.escalation)
        if s.residual and plan.residual_value == "linear" and plan.lifetime is not None:
            f = f + residual_credit(s.amount, s.escalation, plan.lifetime, plan.period, T)
        flows.append(f * q if s.per_unit else f)
        names.append(s.name)
        categories.append(s.category)
        discounts.append(d_annual if s.timing == "annual" else d_event)

    emission_flows: list[Array] = []
    substances: list[str] = []
    for e in plan.emissions:
        mass = stream_flows(e.amount, _counts(e, plan), 1.0)
        mass = mass * q if e.per_unit else mass
        emission_flows.append(mass)
        substances.append(e.substance)
        price = plan.emission_prices.get(e.substance)
        if price is not None:
            flows.append(mass * price)
            names.append(e.name)
            categories.append("externalities")
            discounts.append(d_annual if e.timing == "annual" else d_event)

    cash = np.stack(flows, axis=1) if flows else np.zeros((B, 0, T + 1))
    disc = np.stack(discounts, axis=0) if discounts else np.zeros((0, T + 1))
    mass_flows = np.stack(emission_flows, axis=1) if emission_flows else np.zeros((B, 0, T + 1))
    # Years after a bid's own period are empty (only with 'period: lifetime').
    return Result(
        plan=plan,
        items=tuple(names),
        categories=tuple(categories),
        real=cash,
        discount=disc,
        emission_names=tuple(e.name for e in plan.emissions),
        substances=tuple(substances),
        mass=mass_flows,
    )
