"""The JSON contract: the shape of every JSON document tco writes, and its JSON Schemas.

Every document carries ``schema_version`` (:data:`SCHEMA_VERSION`) and
``kind`` (one of :data:`KINDS`); its keys are the same for every product
model: cost categories, items and emissions are lists of records under
fixed keys, never keys named after a model's items or substances. The
shapes are written once, here, as typed dictionaries; the published JSON
Schemas (``docs/schema/<kind>.schema.json``) are generated from them and
:mod:`tco.views.documents` builds the documents.

A minor version (1.1) only adds keys; a client should ignore keys it does
not know. A major version (2.0) may rename or remove keys.

Examples
--------
>>> s = output_schema("result")
>>> s["properties"]["schema_version"]["const"], s["properties"]["kind"]["const"]
('1.0', 'result')
"""

from __future__ import annotations

import json
from typing import Any, Literal

from typing_extensions import NotRequired, TypedDict

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "ErrorRecord",
    "output_schema",
    "output_schema_text",
]

#: Version of the JSON contract; every document says which one it follows.
SCHEMA_VERSION: Literal["1.0"] = "1.0"
Version = Literal["1.0"]


# -- records shared by several documents ------------------------------------------------------
class CategoryValue(TypedDict):
    """Present value of one cost category. [currency]"""

    category: Literal["acquisition", "use", "maintenance", "end_of_life", "externalities"]
    present_value: float


class ItemValue(TypedDict):
    """Present value of one cost item (or priced emission stream). [currency]"""

    item: str
    category: str
    present_value: float


class EmissionValue(TypedDict):
    """Mass of one substance emitted over the period. [kg]"""

    substance: str
    mass_kg: float


class ItemInfo(TypedDict):
    """One cost stream of the result and its category."""

    item: str
    category: str


class CashFlows(TypedDict):
    """Cash flow per year 0..T, summed over items: undiscounted and discounted. [currency]"""

    real: list[float]
    discounted: list[float]


class BasisInfo(TypedDict):
    """A basis of official data the result used: name, edition and sources."""

    id: str
    title: str
    publisher: str
    edition: str
    sources: list[str]


class Percentile(TypedDict):
    """One percentile ``q`` [%] of a distribution and its value. [currency]"""

    q: float
    value: float


class ErrorRecord(TypedDict):
    """One problem: its class, where it is, what was given and what was expected."""

    error_class: str
    message: str
    reason: str
    file: str | None
    path: str
    location: list[str | int]
    value: Any
    expected: str | None
    sheet: NotRequired[str]
    cell: NotRequired[str]


# -- compare ----------------------------------------------------------------------------------
class BidResult(TypedDict):
    """One bid's numbers (``tco compare``)."""

    rank: int
    bid: str
    total: float
    annualised: float
    total_excl_externalities: float
    total_incl_externalities: float
    annualised_excl_externalities: float
    annualised_incl_externalities: float
    externalities_pv: float
    undiscounted_total: float
    period: int
    by_category: list[CategoryValue]
    by_item: list[ItemValue]
    emissions: list[EmissionValue]
    cash_flows: CashFlows


class ResultDocument(TypedDict):
    """An evaluated tender: every bid in rank order (``tco compare --format json``)."""

    schema_version: Version
    kind: Literal["result"]
    model: str
    title: str | None
    currency: str
    quantity: float
    discount_rate: float
    discounting: str
    bases: list[BasisInfo]
    externalities: Literal["award", "report"]
    ranked_by: Literal["total", "annualised"]
    years: list[int]
    categories: list[str]
    items: list[ItemInfo]
    substances: list[str]
    ranking: list[str]
    bids: list[BidResult]


# -- validate and errors ----------------------------------------------------------------------
class ValidationDocument(TypedDict):
    """The report of ``tco validate --format json``: valid or not, and every problem."""

    schema_version: Version
    kind: Literal["validation"]
    file: str | None
    valid: bool
    document: Literal["tender", "model"] | None
    model: str | None
    bids: int | None
    parameters: int | None
    items: int | None
    problems: list[ErrorRecord]


class ErrorDocument(TypedDict):
    """A user error under ``--format json`` (and every 4xx answer of the service)."""

    schema_version: Version
    kind: Literal["error"]
    message: str
    errors: list[ErrorRecord]


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
    seconds: float
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


# -- lists ------------------------------------------------------------------------------------
class ModelInfo(TypedDict):
    """One product model: its id, title and the parameters each bid gives."""

    id: str
    title: str
    functional_unit: str
    bid_parameters: list[str]


class ModelsDocument(TypedDict):
    """``tco models --format json`` (and ``GET /models`` of the service)."""

    schema_version: Version
    kind: Literal["models"]
    models: list[ModelInfo]


class BasisValue(TypedDict):
    """One value of a basis, as published, with its source."""

    value: Any
    source: str
    edition: str | None
    note: str | None


class MissingValue(TypedDict):
    """A value the basis's publisher does not give."""

    name: str
    note: str | None


class BasisDetail(TypedDict):
    """One basis of official data: its values (by name), sources and gaps."""

    id: str
    title: str
    publisher: str
    edition: str
    externalities: Any
    sources: dict[str, str]
    values: dict[str, BasisValue]
    missing: list[MissingValue]


class BasketLine(TypedDict):
    """One product line of a basket: its model and the buyer's quantity."""

    line: str
    model: str
    quantity: float


class BasketBidLine(TypedDict):
    """One bid's total on one product line."""

    line: str
    quantity: float
    total: float
    annualised: float
    rank: int


class BasketBid(TypedDict):
    """One bid's basket total, in rank order."""

    rank: int
    bid: str
    total: float
    annualised: float
    lines: list[BasketBidLine]


class BasketDocument(TypedDict):
    """``tco basket --format json``: bids ranked on a basket of product lines."""

    schema_version: Version
    kind: Literal["basket"]
    title: str | None
    currency: str
    ranked_by: Literal["total", "annualised"]
    lines: list[BasketLine]
    bids: list[BasketBid]


class BasesDocument(TypedDict):
    """``tco bases --format json`` and ``GET /bases``: the bundled bases of official data."""

    schema_version: Version
    kind: Literal["bases"]
    bases: list[BasisDetail]


class BasisDocument(BasisDetail):
    """``tco bases NAME --format json``: one basis."""

    schema_version: Version
    kind: Literal["basis"]


class ProfileBid(TypedDict):
    """One bid's cost and rank under one profile (or weighted)."""

    bid: str
    cost: float
    rank: int


class ProfileRow(TypedDict):
    """The bids under one usage profile."""

    profile: str
    weight: float
    parameters: dict[str, Any]
    bids: list[ProfileBid]
    winner: str


class ProfileSwitch(TypedDict):
    """Where the cheapest bid changes between two profiles in a row."""

    from_profile: str
    to_profile: str
    from_bid: str
    to_bid: str
    fraction: float | None
    at: dict[str, str]


class ProfilesDocument(TypedDict):
    """``tco profiles --format json``: the bids under each usage profile."""

    schema_version: Version
    kind: Literal["profiles"]
    currency: str
    ranked_by: Literal["total", "annualised"]
    profiles: list[ProfileRow]
    weighted: list[ProfileBid]
    winner: str
    winner_changes: bool
    switches: list[ProfileSwitch]


class BatchRow(TypedDict):
    """One row of a batch: its totals, categories and emissions."""

    row: int
    name: str | None
    total: float
    annualised: float
    total_excl_externalities: float
    period: int
    by_category: list[CategoryValue]
    emissions: list[EmissionValue]


class BatchDocument(TypedDict):
    """``POST /batch`` of the service: one record per row of the table sent."""

    schema_version: Version
    kind: Literal["batch"]
    model: str
    rows: list[BatchRow]


_DOCUMENTS: dict[str, Any] = {
    "result": ResultDocument,
    "validation": ValidationDocument,
    "error": ErrorDocument,
    "baseline": BaselineDocument,
    "sensitivity": SensitivityDocument,
    "scenarios": ScenariosDocument,
    "switch": SwitchDocument,
    "montecarlo": MonteCarloDocument,
    "score": ScoreDocument,
    "abatement": AbatementDocument,
    "followup": FollowUpDocument,
    "models": ModelsDocument,
    "profiles": ProfilesDocument,
    "basket": BasketDocument,
    "bases": BasesDocument,
    "basis": BasisDocument,
    "batch": BatchDocument,
}
#: Every kind of document, each with its schema ``docs/schema/<kind>.schema.json``.
KINDS: tuple[str, ...] = tuple(_DOCUMENTS)


def _closed(node: Any) -> Any:
    """Mark every object with listed properties as closed (no other keys)."""
    if isinstance(node, dict):
        out = {k: _closed(v) for k, v in node.items()}
        if out.get("type") == "object" and "properties" in out:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(node, list):
        return [_closed(v) for v in node]
    return node


def output_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of output document.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    dict
        The schema, generated from the typed dictionary of the document.
    """
    from pydantic import TypeAdapter

    if kind not in _DOCUMENTS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    body = _closed(TypeAdapter(_DOCUMENTS[kind]).json_schema())
    body["title"] = f"tco {kind} document, version {SCHEMA_VERSION}"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:tco-lcc:schema:{kind}:{SCHEMA_VERSION}",
        **body,
    }


def output_schema_text(kind: str) -> str:
    """The schema as indented JSON text ending in a newline (``tco schema KIND``)."""
    return json.dumps(output_schema(kind), indent=2, ensure_ascii=False) + "\n"
