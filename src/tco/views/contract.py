"""The JSON contract: the shape of every JSON document tco writes, and its JSON Schemas.

Every document carries ``schema_version`` (:data:`SCHEMA_VERSION`) and
``kind`` (one of :data:`KINDS`); its keys are the same for every product
model: cost categories, items and emissions are lists of records under
fixed keys, never keys named after a model's items or substances. The
shapes are written once, here, as typed dictionaries; the published JSON
Schemas (``docs/schema/<kind>.schema.json``) are generated from them and
:mod:`tco.views.documents` builds the documents.

This module holds the result, validation and error documents, the list of
:data:`KINDS` and the schema generation; the records they share are in
:mod:`tco.views.contract_records`, the analysis documents in
:mod:`tco.views.contract_analysis` and the listing documents in
:mod:`tco.views.contract_lists`.

A minor version (1.1) only adds keys; a client should ignore keys it does
not know. A major version (2.0) may rename or remove keys.

Examples
--------
>>> s = output_schema("result")
>>> s["properties"]["schema_version"]["const"], s["properties"]["kind"]["const"]
('1.1', 'result')
"""

from __future__ import annotations

import json
from typing import Any, Literal

from typing_extensions import TypedDict

from tco.views.contract_analysis import (
    AbatementDocument,
    BaselineDocument,
    FollowUpDocument,
    MonteCarloDocument,
    ScenariosDocument,
    ScoreDocument,
    SensitivityDocument,
    SwitchDocument,
)
from tco.views.contract_lists import (
    BasesDocument,
    BasisDocument,
    BasketDocument,
    BatchDocument,
    ModelsDocument,
    PortfolioDocument,
    ProfilesDocument,
)
from tco.views.contract_records import (
    SCHEMA_VERSION,
    BasisInfo,
    CashFlows,
    CategoryValue,
    EmissionValue,
    ErrorRecord,
    ItemInfo,
    ItemValue,
    Version,
)
from tco.views.kinds import KINDS

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "ErrorRecord",
    "output_schema",
    "output_schema_text",
]


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
    #: The rate the annualised costs are computed at: ``real`` (constant money) or ``nominal``
    #: (current money).
    annualised_at: Literal["real", "nominal"]


# -- validate and errors ----------------------------------------------------------------------
class ValidationDocument(TypedDict):
    """The report of ``tco validate --format json``: valid or not, and every problem."""

    schema_version: Version
    kind: Literal["validation"]
    file: str | None
    valid: bool
    document: Literal["tender", "model", "basket", "followup"] | None
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
    "portfolio": PortfolioDocument,
}


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
