"""Records shared by several documents of the JSON contract, and its version.

Cost categories, items, emissions, cash flows, bases, percentiles and error
records, each a typed dictionary used inside the documents of
:mod:`tco.views.contract`, :mod:`tco.views.contract_analysis` and
:mod:`tco.views.contract_lists`; and :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import NotRequired, TypedDict

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Version of the JSON contract; every document says which one it follows.
SCHEMA_VERSION: Literal["1.1"] = "1.1"
Version = Literal["1.1"]


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
