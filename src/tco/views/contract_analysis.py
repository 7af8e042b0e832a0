"""Documents of the JSON contract written by the analyses.

Baseline comparison, sensitivity (tornado), named scenarios, switching
values, Monte Carlo, scoring (MEAT), and after the award: abatement cost and
follow-up. Each is a typed dictionary; :mod:`tco.views.contract` lists them
among its :data:`~tco.views.contract.KINDS` and generates their JSON Schemas.
"""

from __future__ import annotations

from typing import Literal

from typing_extensions import NotRequired, TypedDict

from tco.views.contract_records import (
    Percentile,
    Version,
)

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


# -- analyses ---------------------------------------------------------------------------------
class BaselineRow(TypedDict):
    """One bid against the baseline; ``null`` where a ratio is undefined."""

    bid: str
    baseline: bool
    lcc: float
    net_savings: float
    extra_investment: float
    savings: float
    sir: float | None
    airr: float | None
    simple_payback: float | None
    discounted_payback: float | None


class BaselineDocument(TypedDict):
    """``tco baseline --format json``."""

    schema_version: Version
    kind: Literal["baseline"]
    baseline: str
    currency: str
    discount_rate: float
    bids: list[BaselineRow]


class TornadoRow(TypedDict):
    """One input moved to its low and high value, for one bid."""

    input: str
    label: str
    unit: str
    low: float
    high: float
    total_low: float
    total_high: float
    swing: float


class BidTornado(TypedDict):
    """The tornado of one bid, the widest swing first."""

    bid: str
    base: float
    bars: list[TornadoRow]


class DifferenceRow(TypedDict):
    """One input moved to its low and high value, for ``total[a] - total[b]``."""

    input: str
    label: str
    unit: str
    low: float
    high: float
    difference_low: float
    difference_high: float
    base: float
    swing: float
    switches: bool


class TornadoDifference(TypedDict):
    """The tornado of ``total[a] - total[b]``."""

    a: str
    b: str
    rows: list[DifferenceRow]


class SensitivityDocument(TypedDict):
    """``tco sensitivity --format json``."""

    schema_version: Version
    kind: Literal["sensitivity"]
    currency: str
    bids: list[BidTornado]
    difference: NotRequired[TornadoDifference]


class BidTotal(TypedDict):
    """One bid's total. [currency]"""

    bid: str
    total: float


class ScenarioRow(TypedDict):
    """Every bid's total under one named scenario."""

    scenario: str
    totals: list[BidTotal]
    cheapest: str


class ScenariosDocument(TypedDict):
    """``tco sensitivity --scenarios --format json``."""

    schema_version: Version
    kind: Literal["scenarios"]
    currency: str
    bids: list[str]
    scenarios: list[ScenarioRow]


class SwitchDocument(TypedDict):
    """``tco switch --format json``: where two bids cost the same."""

    schema_version: Version
    kind: Literal["switch"]
    input: str
    unit: str
    a: str
    b: str
    varied: list[str]
    current: float | None
    value: float | None
    crossings: list[float]
    bounds: list[float]
    method: str
    jump: bool
    outside: float | None
    difference: float
    text: str


class MonteCarloBid(TypedDict):
    """One bid's sampled total."""

    bid: str
    deterministic: float
    mean: float
    sd: float
    percentiles: list[Percentile]
    p_cheapest: float
    rank_probabilities: list[float]


class MonteCarloDifference(TypedDict):
    """The sampled ``total[a] - total[b]``."""

    a: str
    b: str
    mean: float
    sd: float
    percentiles: list[Percentile]
    probability_a_cheaper: float


class MonteCarloDocument(TypedDict):
    """``tco montecarlo --format json``."""

    schema_version: Version
    kind: Literal["montecarlo"]
    currency: str
    samples: int
    seed: int | None
    inputs: list[str]
    #: compute time [s]; absent from the service's answers (its Server-Timing header has it),
    #: so that identical seeded requests are answered byte for byte alike
    seconds: NotRequired[float]
    bids: list[MonteCarloBid]
    difference: NotRequired[MonteCarloDifference]


class CriterionWeight(TypedDict):
    """The normalised weight of one award criterion."""

    criterion: str
    weight: float


class CriterionPoints(TypedDict):
    """A bid's points on one award criterion."""

    criterion: str
    points: float


class ScoreRow(TypedDict):
    """One bid's points, score and rank."""

    bid: str
    total: float
    points: list[CriterionPoints]
    score: float
    rank: int


class ScoreDocument(TypedDict):
    """``tco score --format json``."""

    schema_version: Version
    kind: Literal["score"]
    method: str
    max_points: float
    parameters: dict[str, float]
    currency: str
    weights: list[CriterionWeight]
    bids: list[ScoreRow]


# -- after the award --------------------------------------------------------------------------
class AbatementRow(TypedDict):
    """One bid against the reference; ``cost_per_t`` is ``null`` where ``reason`` says why."""

    bid: str
    reference: bool
    cost: float
    co2e_t: float
    extra_cost: float
    avoided_t: float
    cost_per_t: float | None
    reason: Literal["reference", "emits as much", "emits more"] | None
    efficient: bool


class AbatementDocument(TypedDict):
    """``tco abatement --format json``: cost per tonne of CO2e avoided [currency/t]."""

    schema_version: Version
    kind: Literal["abatement"]
    reference: str
    chosen: Literal["cheapest", "named"]
    currency: str
    per: Literal["period", "year"]
    bids: list[AbatementRow]


class ParameterValue(TypedDict):
    """A value of a product model's parameter. [the parameter's unit; a fraction for %]"""

    parameter: str
    value: float


class FollowUpYear(TypedDict):
    """One recorded year: cost [currency] and CO2e [kg], planned and actual, and who answers."""

    year: int
    planned: float
    actual: float
    deviation: float
    supplier_part: float
    buyer_part: float
    cumulative_deviation: float
    cumulative_supplier_part: float
    cumulative_buyer_part: float
    planned_co2e_kg: float
    actual_co2e_kg: float
    co2e_deviation_kg: float
    co2e_supplier_part_kg: float
    co2e_buyer_part_kg: float
    cumulative_co2e_deviation_kg: float
    clauses: float


class RecordedYear(TypedDict):
    """The values recorded for one year."""

    year: int
    values: list[ParameterValue]


class ClauseAmounts(TypedDict):
    """A clause's penalty (+) or bonus (-) per recorded year, and in total. [currency]"""

    parameter: str
    amounts: list[float]
    total: float


class FollowUpDocument(TypedDict):
    """``tco follow-up --format json``: the contract against the awarded bid, year by year."""

    schema_version: Version
    kind: Literal["followup"]
    title: str | None
    bid: str
    currency: str
    bid_values: list[ParameterValue]
    years: list[FollowUpYear]
    recorded: list[RecordedYear]
    clauses: list[ClauseAmounts]
