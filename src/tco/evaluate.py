"""The one orchestrator: plan in, result out.

:func:`evaluate_plan` computes every bid's present values and emissions with
the closed-form engine (:mod:`tco.engine.pv`) and returns a
:class:`~tco.result.Result` that builds the yearly cash flows with the
year-axis engine (:mod:`tco.engine.flows`) only when they are asked for.
:func:`yearly_flows` is that year-axis engine over a whole plan: the
reference the closed form is tested against.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from numpy.typing import NDArray

from tco.engine.discounting import Discount, stream_escalation
from tco.engine.flows import occurrences, residual_credit, stream_flows
from tco.engine.pv import quantity_scale, stream_present_value
from tco.errors import SpecError
from tco.limits import check_result_size
from tco.plan import Plan, PlanStream
from tco.plan.finite import FLOAT_MAX, check_finite, check_rates
from tco.plan.stack import stack_key, stack_plans
from tco.result import Result, YearlyFlows

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Totals:
    """Present values and emissions of a plan's rows, without a year axis.

    Attributes
    ----------
    items, categories : tuple of str
        Cost streams (the model's items, then the priced emissions) and the
        category of each.
    present_value : ndarray, shape (B, I)
        Present value per row and cost stream. [currency]
    emission_names, substances : tuple of str
        Emission streams and the substance of each.
    emitted : ndarray, shape (B, E)
        Mass emitted per row and emission stream over the period. [kg]
    """

    items: tuple[str, ...]
    categories: tuple[str, ...]
    present_value: Array
    emission_names: tuple[str, ...]
    substances: tuple[str, ...]
    emitted: Array


def priced_streams(
    plan: Plan,
    *,
    discount: Discount | None = None,
    indices: Mapping[str, Array] | None = None,
    prices: Mapping[str, Array] | None = None,
) -> Iterator[tuple[PlanStream, Array, Array, bool]]:
    """Each stream of a plan with the price and discount factors its present value takes.

    The one list of what :func:`tco.engine.pv.stream_present_value` weighs each
    stream by, for a tender's totals, the rows of a table (:mod:`tco.batch`)
    and the variants of an analysis
    (:func:`tco.analysis.variants.evaluate_variants`): an item at its
    escalation and the discount factors of its timing
    (:meth:`Plan.stream_timing`); an emission at ones (its mass) and, where its
    substance has a price, at that price and the discount factors of its timing
    (a cost of category ``externalities``).

    Parameters
    ----------
    plan : Plan
    discount : Discount, optional
        The discounting, by default the plan's (:attr:`Plan.discount`); an
        analysis passes one with a rate per variant (:meth:`Discount.varied`).
    indices : mapping of str to ndarray, shape (n, T + 1), optional
        Price index per variant of the escalation groups whose rate an analysis
        varies: an item of such a group is priced again from it
        (:func:`tco.engine.discounting.stream_escalation`). [unitless]
    prices : mapping of str to ndarray, optional
        Price per kg of each substance, by default the plan's
        (``plan.emission_prices``). [currency/kg]

    Yields
    ------
    stream : PlanStream
    price : ndarray, shape (T + 1,) or (B, T + 1)
        Price index per year [unitless], the emission price [currency/kg], or
        ones for a mass.
    discount : ndarray, shape (T + 1,)
        Discount factor per year; ones for a mass. [unitless]
    cost : bool
        Whether the value is a present value [currency], not a mass [kg].

    Examples
    --------
    >>> import tco
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> [(s.name, cost) for s, _, _, cost in priced_streams(plan)][1:]
    [('electricity', True), ('electricity_co2e', False), ('electricity_co2e', True)]
    """
    d = plan.discount if discount is None else discount
    for s in plan.items:
        timing = plan.stream_timing(s)
        index = s.escalation
        group = s.escalation_group
        if indices and group is not None and group in indices:  # its rate varies: priced again
            index = stream_escalation(indices[group], s.annual, timing, plan.price_year)
        yield s, index, d.at(timing), True
    ones = np.ones(plan.T + 1)
    known = plan.emission_prices if prices is None else prices
    for e in plan.emissions:
        yield e, ones, ones, False
        price = known.get(e.substance)
        if price is not None:
            yield e, price, d.at(plan.stream_timing(e)), True


def plan_totals(plan: Plan, quantity: Array | None = None) -> Totals:
    """Present value per row and cost stream, and emissions, by the closed-form engine.

    A loop over the plan's streams, each priced by the one driver
    :func:`tco.engine.pv.stream_present_value` (weights, residual credit,
    quantity) at its timing's discount factors (:attr:`Plan.discount`); the
    quantity is the plan's, or ``quantity`` per row (shape ``(B,)``, the lines
    of a basket stacked by :func:`tco.plan.stack.stack_plans`).

    Examples
    --------
    >>> import tco
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> t = plan_totals(plan)
    >>> bool(np.allclose(t.present_value.sum(axis=1), yearly_flows(plan).present_value().sum(1)))
    True
    """
    q: Array | float = plan.quantity if quantity is None else quantity
    value = partial(stream_present_value, period=plan.period, lifetime=plan.lifetime, quantity=q)
    names: list[str] = []
    categories: list[str] = []
    pvs: list[Array] = []
    masses: list[Array] = []
    for s, price, discount, cost in priced_streams(plan):
        v = value(s, price, discount)
        if cost:
            pvs.append(v)
            names.append(s.name)
            categories.append(s.category)
        else:
            masses.append(v)
    return Totals(
        items=tuple(names),
        categories=tuple(categories),
        present_value=_stack(pvs, plan.n_bids),
        emission_names=tuple(e.name for e in plan.emissions),
        substances=tuple(e.substance for e in plan.emissions),
        emitted=_stack(masses, plan.n_bids),
    )


def _stack(columns: list[Array], B: int) -> Array:
    out: Array = (
        np.stack([np.broadcast_to(c, (B,)) for c in columns], axis=1)
        if columns
        else np.zeros((B, 0))
    )
    return out


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


def residual_flows(s: PlanStream, plan: Plan) -> Array | None:
    """The residual credit of a stream's last unit per row and year, before quantity, or ``None``.

    Under the stream's rule (:func:`tco.engine.rows.residual_rule`), by
    :func:`tco.engine.flows.residual_credit`: the year-axis cash flows count it
    (:func:`yearly_flows`), and a payback period leaves it out
    (:mod:`tco.analysis.baseline`). [currency], shape (B, T + 1)
    """
    rule = s.residual_rule
    if rule is None:
        return None
    out: Array = residual_credit(
        s.amount,
        s.escalation,
        plan.lifetime,
        plan.period,
        plan.T,
        share=rule.share,
        salvage=rule.salvage,
    )
    return out


def yearly_flows(plan: Plan) -> YearlyFlows:
    """Cash flows and emissions per row, stream and year, by the year-axis engine.

    The reference the closed form (:func:`plan_totals`) is tested against:
    the same streams in the same order, with their yearly occurrences
    (:func:`tco.engine.flows.occurrences`) built in full.

    Examples
    --------
    >>> import tco
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> yearly_flows(plan).real.shape
    (3, 3, 16)
    """
    T = plan.T
    B = plan.n_bids
    q = plan.quantity
    flows: list[Array] = []
    discounts: list[Array] = []
    for s in plan.items:
        counts = _counts(s, plan)
        f = stream_flows(s.amount, counts, s.escalation)
        credit = residual_flows(s, plan)
        if credit is not None:
            f = f + credit
        flows.append(f * quantity_scale(s.per_unit, q))
        discounts.append(plan.discount.at(plan.stream_timing(s)))
    emission_flows: list[Array] = []
    for e in plan.emissions:
        mass = stream_flows(e.amount, _counts(e, plan), 1.0) * quantity_scale(e.per_unit, q)
        emission_flows.append(mass)
        price = plan.emission_prices.get(e.substance)
        if price is not None:
            flows.append(mass * price)
            discounts.append(plan.discount.at(plan.stream_timing(e)))
    return YearlyFlows(
        real=np.stack(flows, axis=1) if flows else np.zeros((B, 0, T + 1)),
        discount=np.stack(discounts, axis=0) if discounts else np.zeros((0, T + 1)),
        mass=np.stack(emission_flows, axis=1) if emission_flows else np.zeros((B, 0, T + 1)),
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
        Present values, annualised costs, emissions and ranks; yearly cash
        flows per bid, item and year on request.

    Raises
    ------
    SpecError
        If a number leaves the range of floating-point numbers (naming the
        bid, item and year, see :func:`tco.plan.finite.check_finite`).
    """
    return _checked(plan, [plan])[0]


def evaluate_plans(plans: Sequence[Plan]) -> tuple[Result, ...]:
    """Evaluate several plans, those with the same streams in one pass of the engine.

    The plans are grouped by :func:`tco.plan.stack.stack_key`; each group's
    rows are stacked (:func:`tco.plan.stack.stack_plans`) and their totals
    computed by one call of :func:`plan_totals`, with each row's own
    quantity. Each plan's result is its slice of those rows, equal to
    :func:`evaluate_plan` of that plan alone (tested). A basket tender's
    lines are evaluated this way.

    Parameters
    ----------
    plans : sequence of Plan

    Returns
    -------
    tuple of Result
        One per plan, in order.

    Examples
    --------
    >>> import tco
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> a, b = evaluate_plans([plan, plan])
    >>> bool(np.allclose(a.total, evaluate_plan(plan).total)), a.total.shape
    (True, (3,))
    """
    groups: dict[Hashable, list[int]] = {}
    for j, plan in enumerate(plans):
        groups.setdefault(stack_key(plan), []).append(j)
    out: list[Result | None] = [None] * len(plans)
    for members in groups.values():
        stacked, quantity = stack_plans([plans[j] for j in members], grouped=True)
        results = _checked(stacked, [plans[j] for j in members], quantity)
        for j, result in zip(members, results, strict=True):
            out[j] = result
    return tuple(r for r in out if r is not None)


def _checked(plan: Plan, parts: Sequence[Plan], quantity: Array | None = None) -> list[Result]:
    """The results of ``parts``, whose rows ``plan`` stacks, from one pass of the engine."""
    streams = len(plan.items) + sum(e.substance in plan.emission_prices for e in plan.emissions)
    T = plan.T
    check_result_size(plan.n_bids, streams + len(plan.emissions), T + 1, file=plan.file)
    with np.errstate(over="ignore", invalid="ignore"):
        d_event, d_annual = plan.discount_factors()
        totals = plan_totals(plan, quantity)
    check_rates(
        np.stack([d_event, d_annual]),
        rate=plan.discount_rate,
        inflation=plan.inflation,
        T=T,
        file=plan.file,
    )
    results = []
    start = 0
    for part in parts:
        stop = start + part.n_bids
        pv, emitted = totals.present_value[start:stop], totals.emitted[start:stop]
        if not (np.all(np.isfinite(pv)) and np.all(np.isfinite(emitted))):
            with np.errstate(over="ignore", invalid="ignore"):
                _refuse(part, plan_totals(part))
        results.append(
            Result(
                plan=part,
                items=totals.items,
                categories=totals.categories,
                pv_by_item=pv,
                emission_streams=totals.emission_names,
                substances=totals.substances,
                emissions_by_stream=emitted,
                flows=partial(yearly_flows, part),
            )
        )
        start = stop
    return results


def _refuse(plan: Plan, totals: Totals) -> None:
    """Raise for a non-finite total, naming the year from the yearly flows where one overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        flows = yearly_flows(plan)
    check_finite(
        bids=plan.bids,
        items=totals.items,
        cash=flows.real,
        discount=flows.discount,
        mass=flows.mass,
        emissions=totals.emission_names,
        rate=plan.discount_rate,
        inflation=plan.inflation,
        file=plan.file,
    )
    bad = np.argwhere(~np.isfinite(totals.present_value))
    b, i = (int(x) for x in bad[0]) if bad.size else (0, 0)
    label = totals.items[i] if bad.size else "emissions"
    raise SpecError(
        f"the present value of '{label}' for bid '{plan.bids[b]}' overflows (beyond "
        f"{FLOAT_MAX:.3g}); check the size of the bid's values and the quantity",
        file=plan.file,
        path=("bids", b),
        expected=f"a number of at most {FLOAT_MAX:.3g} in magnitude",
    ).speaks("pv_overflows", label=label, who=f"bid '{plan.bids[b]}'", cap=f"{FLOAT_MAX:.3g}")
