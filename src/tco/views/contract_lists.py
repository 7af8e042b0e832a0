"""Documents of the JSON contract that list things.

Product models, bases and one basis, baskets, usage profiles, catalogue
(batch) rows and the portfolio of tenders. Each is a typed dictionary;
:mod:`tco.views.contract` lists them among its
:data:`~tco.views.contract.KINDS` and generates their JSON Schemas.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from tco.views.contract_records import (
    CategoryValue,
    EmissionValue,
    Version,
)

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


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
    #: Present value per cost category on the line. [currency]
    by_category: dict[str, float]


class BasketBid(TypedDict):
    """One bid's basket total, in rank order."""

    rank: int
    bid: str
    total: float
    annualised: float
    #: The basket's present value per cost category, summed over the lines. [currency]
    by_category: dict[str, float]
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
    #: The profile's label in the output's language (its id where it has none).
    label: str
    #: The weight as given (a share in percent as a fraction; 1 where none are given).
    weight: float
    #: The profile's share of the weighted cost (the shares sum to 1).
    share: float
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
    #: Each input's value where the winner changes, in its unit. [unit of ``units``]
    at_values: dict[str, float]
    units: dict[str, str]


class ProfilesDocument(TypedDict):
    """``tco profiles --format json``: the bids under each usage profile."""

    schema_version: Version
    kind: Literal["profiles"]
    currency: str
    ranked_by: Literal["total", "annualised"]
    #: How the weights were given: relative weights, shares in percent, or none (equal shares).
    weights: Literal["relative", "shares", "equal"]
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


class PortfolioRow(TypedDict):
    """One tender of a portfolio: the chosen and the lowest-price bid, what was saved.

    Money in the tender's currency, masses in kg; ``null`` where a value does
    not apply (no follow-up, an undefined abatement cost, a tender that could
    not be read: then only ``tender`` and ``error`` are set).
    """

    tender: str
    title: str | None
    model: str | None
    currency: str | None
    bids: int | None
    ranked_by: Literal["total", "annualised"] | None
    chosen: str | None
    chosen_tco: float | None
    lowest_price: str | None
    lowest_price_tco: float | None
    saved: float | None
    chosen_co2e_kg: float | None
    lowest_price_co2e_kg: float | None
    co2e_avoided_kg: float | None
    abatement_cost: float | None
    abatement_reason: str | None
    followup_years: int | None
    followup_deviation: float | None
    followup_supplier_part: float | None
    followup_buyer_part: float | None
    followup_co2e_deviation_kg: float | None
    followup_clauses: float | None
    error: str | None


class PortfolioTotal(TypedDict):
    """The sums over the tenders of one currency (money in it, masses in kg)."""

    currency: str
    tenders: int
    saved: float
    co2e_avoided_kg: float
    followup_deviation: float
    followup_supplier_part: float
    followup_buyer_part: float
    followup_co2e_deviation_kg: float
    followup_clauses: float


class PortfolioDocument(TypedDict):
    """``tco portfolio FOLDER --format json``: every tender of a folder, and totals per currency."""

    schema_version: Version
    kind: Literal["portfolio"]
    tenders: int
    rows: list[PortfolioRow]
    totals: list[PortfolioTotal]
