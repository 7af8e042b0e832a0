"""The plan: a tender as plain float64 arrays in canonical units.

A plan, built by :func:`tco.plan.compiler.compile_plan`, is the boundary between
the checked world of specs (units, pydantic) and the numpy engine. Every
amount is in the tender's currency (per occurrence, or per year for annual
streams), every time in years, every emission in kg (per occurrence or per
year). No unit object is inside.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco._deprecation import deprecated
from tco.engine.conventions import ExternalitiesRule
from tco.engine.discounting import AnnualiseAt, Discount, stream_timing
from tco.engine.rows import Residual
from tco.engine.timeline import Timing
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.plan.product import PlanModel, StatedAssumptions
from tco.spec.basis import BasisStamp
from tco.spec.schema import Text

__all__ = ["MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class PlanStream:
    """One cost item or emission stream of a plan.

    Everything after ``amount`` is given by keyword.

    Attributes
    ----------
    name, category, timing : str
        Its name, cost category (``"externalities"`` for emissions) and
        timing (``once``, ``annual``, ``every``, ``at``, ``end_of_life``).
    amount : ndarray, shape (B,) or (B, T + 1)
        Amount per occurrence (per year for ``annual``), before escalation
        and quantity. [currency] or [currency/year]; for emissions [kg] or
        [kg/year]
    escalation : ndarray, shape (T + 1,) or (B, T + 1)
        Real price index per year, at the instant the stream's amounts fall
        (per bid for a bid's own indexation). [unitless]
    escalation_group : str, optional
        The escalation group whose index ``escalation`` is (``None`` for none,
        or a bid's own indexation): the variants of an analysis that vary a
        group's rate price the stream again from it.
    when : ndarray, shape (B,), optional
        Interval of ``every``, time of ``at``. [year]
    start, stop : ndarray, shape (B,), optional
        First and last year of an ``annual`` stream. [year]
    per_unit : bool
        Whether the stream is multiplied by the tender's quantity.
    residual : bool
        Whether the model credits the remaining value of the last unit.
    residual_rule : Residual, optional
        How that credit is computed under the tender's ``residual_value``
        (:func:`tco.engine.rows.residual_rule`); ``None`` where nothing is credited.
    substance : str
        For emissions, the substance (``co2e``, ``nox``, ...).
    discounting : {"end", "mid", "begin"}, optional
        The stream's own timing (the item's ``discounting`` or the tender's
        ``item_discounting``); ``None`` for the tender's
        (:meth:`Plan.stream_timing`; one-off events always at their year's end).
    """

    name: str
    category: str
    timing: str
    amount: Array
    _: KW_ONLY
    escalation: Array
    escalation_group: str | None = None
    when: Array | None = None
    start: Array | None = None
    stop: Array | None = None
    per_unit: bool = True
    residual: bool = False
    residual_rule: Residual | None = None
    substance: str = ""
    label: Text | None = None
    discounting: Timing | None = None

    @property
    def annual(self) -> bool:
        """Whether the stream is an annual amount."""
        return self.timing == "annual"


@dataclass(frozen=True)
class Plan:
    """Everything the engine needs, as plain arrays (see :func:`tco.plan.compiler.compile_plan`).

    Attributes
    ----------
    product : PlanModel
        The product model as names and numbers: id, texts, parameters and
        its compiled formulas (:class:`tco.plan.product.PlanModel`).
    title : str
        The tender's title (the model's English title where it gives none).
    stated : StatedAssumptions
        The assumptions as the tender states them (period, rate type, rates
        and prices as written), for the texts that show them
        (:class:`tco.plan.product.StatedAssumptions`).
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
        Every parameter's value per bid (or per year), in the plan's units:
        the coherent system whose unit of time is the year, SI units
        otherwise, each currency in itself (:func:`tco.units.plan_factor`).
        So ``W`` is held in kg m^2/year^3, ``kWh/year`` and ``DKK/kWh``
        multiply to DKK per year with no factor, a lifetime is in years, and
        a plain number (``h/year``, ``%``) is the same number in any system.
        Money is in the currency its parameter is declared in: a model's
        formulas (with their constants) are compiled before any tender's
        rates are known, so a stream's factor is the stated exchange rate for
        a formula in another currency than the tender's (1 otherwise).
        [plan units]
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
    annualise_at : {"real", "nominal"}
        The rate the equivalent annual cost is computed at
        (:data:`tco.engine.discounting.AnnualiseAt`): the analysis's own by
        default (nominal for a nominal tender, as NIST BLCC).
    file : str, optional
        The tender file, for messages.
    """

    product: PlanModel = field(repr=False)
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
    stated: StatedAssumptions = field(default_factory=StatedAssumptions)
    values: dict[str, Array] = field(default_factory=dict, repr=False)
    exchange_rates: dict[str, float] = field(default_factory=dict, repr=False)
    escalation_indices: dict[str, Array] = field(default_factory=dict, repr=False)
    bases: tuple[BasisStamp, ...] = ()
    externalities: ExternalitiesRule = "award"
    residual_share: float = 0.0
    discount_path: Array | None = field(default=None, repr=False)
    file: str | None = None
    annualise_at: AnnualiseAt = "real"

    @property
    def T(self) -> int:
        """Last year of the year axis. [year]"""
        return int(self.period.max())

    @property
    def n_bids(self) -> int:
        """Number of bids."""
        return len(self.bids)

    @cached_property
    def discount(self) -> Discount:
        """The tender's discounting as the engine takes it: rate or schedule, timing, annualising.

        Every discount factor and annualising factor of the plan comes from
        here (:class:`tco.engine.discounting.Discount`).
        """
        return Discount(
            self.discount_rate,
            self.T,
            self.discounting,
            self.discount_path,
            self.inflation,
            self.annualise_at,
        )

    def residual_rule(self, s: PlanStream) -> dict[str, Any] | None:
        """The residual credit of a stream: ``None``, or the keywords of the rule.

        Deprecated: the stream carries its rule (:attr:`PlanStream.residual_rule`).
        """
        deprecated("Plan.residual_rule(stream)", "PlanStream.residual_rule", "0.2")
        rule = s.residual_rule
        return None if rule is None else {"share": rule.share, "salvage": rule.salvage}

    def discount_factors(self) -> tuple[Array, Array]:
        """Discount factor per year ``t = 0 .. T`` of events and of annual amounts.

        Events are discounted at their year's end; annual amounts by the
        tender's ``discounting`` (:meth:`discount_at`). [unitless], shape (T + 1,)
        """
        return self.discount.at("end"), self.discount.at(self.discounting)

    def discount_at(self, timing: Timing) -> Array:
        """Discount factor per year ``t = 0 .. T`` of amounts that fall at ``timing``. [unitless]

        By the rate or the schedule of the tender (:meth:`tco.engine.discounting.Discount.at`),
        shape (T + 1,).
        """
        return self.discount.at(timing)

    def stream_timing(self, s: PlanStream) -> Timing:
        """When in its year a stream falls, and is discounted.

        A one-off event at its year's end; an annual stream at its own timing
        (``discounting`` of the item or ``item_discounting`` of the tender) or
        the tender's ``discounting``.
        """
        return stream_timing(s.annual, s.discounting, self.discounting)

    def annualising_rate(self) -> float | None:
        """The rate of :attr:`annualise_at` per year; ``None`` under a discount schedule.

        The real rate, or the nominal rate ``(1 + r)(1 + i) - 1``
        (:meth:`tco.engine.discounting.Discount.annualising_rate`). [unitless per year]
        """
        return self.discount.annualising_rate()

    def annuity_factors(self) -> Array:
        """Sum of the annual discount factors over each bid's period. [year], shape (B,)

        The uniform present value factor that turns a present value into an
        equivalent annual cost (:meth:`annuity_factor_for` of the plan's periods).
        """
        return self.annuity_factor_for(self.period)

    def annuity_factor_for(self, period: Any) -> Array:
        """The uniform present value factor over ``period``, at the annualising rate.

        :meth:`tco.engine.discounting.Discount.annuity`: every annualised figure
        divides by this (the tender's result, the rows of a table, the profiles).

        Parameters
        ----------
        period : float or ndarray, shape (R,)
            Study period per row, whole years up to ``T``. [year]

        Returns
        -------
        ndarray, shape of ``period``
            [year]
        """
        return self.discount.annuity(period)
