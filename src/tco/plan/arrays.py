"""The plan: a tender as plain float64 arrays in canonical units.

A plan, built by :func:`tco.plan.compiler.compile_plan`, is the boundary between
the checked world of specs (units, pydantic) and the numpy engine. Every
amount is in the tender's currency (per occurrence, or per year for annual
streams), every time in years, every emission in kg (per occurrence or per
year). No unit object is inside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from tco.engine.discounting import AnnualiseAt, annualising_rate, stream_timing
from tco.engine.timeline import (
    Timing,
    annuity_factor,
    discount_factors,
    schedule_discount_factors,
)
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.spec.basis import BasisStamp
from tco.spec.product import ProductModel
from tco.spec.schema import AssumptionsSpec, Text

__all__ = ["MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream"]

Array = NDArray[np.float64]


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
    discounting : {"end", "mid", "begin"}, optional
        When in its year an annual stream is paid, discounted and priced; ``None``
        for the tender's timing (and for one-off events, always at their year's end).
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
    discounting: Timing | None = None


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
    annualise_at: AnnualiseAt = "real"

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
        event = self.discount_at("end")
        return event, event if self.discounting == "end" else self.discount_at(self.discounting)

    def discount_at(self, timing: Timing) -> Array:
        """Discount factor per year ``t = 0 .. T`` of amounts that fall at ``timing``. [unitless]

        By the rate or the schedule of the tender (:func:`tco.engine.timeline.discount_factors`,
        :func:`tco.engine.timeline.schedule_discount_factors`), shape (T + 1,).
        """
        if self.discount_path is not None:
            return schedule_discount_factors(self.discount_path[: self.T], timing)
        return discount_factors(self.discount_rate, self.T, timing)

    def stream_timing(self, s: PlanStream) -> Timing:
        """When in its year a stream falls, and is discounted.

        A one-off event at its year's end; an annual stream at its own timing
        (``discounting`` of the item or ``item_discounting`` of the tender) or
        the tender's ``discounting``.
        """
        return stream_timing(s.timing == "annual", s.discounting, self.discounting)

    def annualising_rate(self) -> float | None:
        """The rate of :attr:`annualise_at` per year; ``None`` under a discount schedule.

        The real rate, or the nominal rate ``(1 + r)(1 + i) - 1``
        (:func:`tco.engine.discounting.annualising_rate`). [unitless per year]
        """
        if self.discount_path is not None:
            return None
        return float(annualising_rate(self.discount_rate, self.inflation, self.annualise_at))

    def annuity_factors(self) -> Array:
        """Sum of the annual discount factors over each bid's period. [year], shape (B,)

        The uniform present value factor that turns a present value into an
        equivalent annual cost (:meth:`annuity_factor_for` of the plan's periods).
        """
        return self.annuity_factor_for(self.period)

    def annuity_factor_for(self, period: Any) -> Array:
        """The uniform present value factor over ``period``, at the annualising rate.

        The sum over years ``1 .. P`` of the annual discount factors (by the
        tender's ``discounting``) at the rate of :attr:`annualise_at`
        (:func:`tco.engine.discounting.annualising_rate`): the real rate, or
        the nominal rate ``(1 + r)(1 + i) - 1``. With a discount schedule, the
        same sum of the schedule's factors (each band's rate made nominal for
        ``"nominal"``). Every annualised figure divides by this: the tender's
        result, the rows of a table and the profiles.

        Parameters
        ----------
        period : float or ndarray, shape (R,)
            Study period per row, whole years up to ``T``. [year]

        Returns
        -------
        ndarray, shape of ``period``
            [year]
        """
        p = np.asarray(period, dtype=np.float64)
        if self.discount_path is None:
            rate = annualising_rate(self.discount_rate, self.inflation, self.annualise_at)
            return np.broadcast_to(annuity_factor(rate, p, self.discounting), p.shape)
        path = annualising_rate(self.discount_path[: self.T], self.inflation, self.annualise_at)
        cum = np.cumsum(schedule_discount_factors(path, self.discounting)) - 1.0  # years 1 .. t
        out: Array = cum[p.astype(np.intp)]
        return out
