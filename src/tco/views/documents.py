"""Build the JSON documents of the contract (:mod:`tco.views.contract`) from results.

Each builder takes a result object of the library and returns plain Python
data that :func:`dumps` writes as JSON: the command line's ``--format json``
and the HTTP service write exactly these documents. Numbers that are not
finite (an undefined ratio) are written as ``null``.

This module builds the result, error, validation and models documents; the
analysis documents are built by :mod:`tco.views.analysis_documents` and the
JSON text written by :mod:`tco.views.jsontext`, both re-exported here.

Examples
--------
>>> import tco
>>> doc = result_document(tco.load_tender(tco.example_path("indoor-lighting")).evaluate())
>>> doc["schema_version"], doc["kind"], doc["ranking"][0]
('1.1', 'result', 'Premium LED')
>>> [c["category"] for c in doc["bids"][0]["by_category"]]
['acquisition', 'use', 'externalities']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from tco.engine.conventions import counts_in_award
from tco.errors import RequestError, SpecError, SpecErrors, TCOError, format_path
from tco.views.analysis_documents import analysis_document
from tco.views.contract import (
    SCHEMA_VERSION,
    ErrorRecord,
)
from tco.views.error_text import error_text
from tco.views.jsontext import dumps

if TYPE_CHECKING:
    from tco.result import Result
    from tco.spec.product import ProductModel
    from tco.views.contract import (
        BidResult,
        ErrorDocument,
        ResultDocument,
        ValidationDocument,
    )
    from tco.views.contract_lists import ModelsDocument

__all__ = [
    "analysis_document",
    "dumps",
    "error_document",
    "error_records",
    "models_document",
    "result_document",
    "validation_document",
]


# -- results ----------------------------------------------------------------------------------
def result_document(result: Result) -> ResultDocument:
    """The evaluated tender as a ``result`` document: every bid in rank order.

    Parameters
    ----------
    result : Result

    Returns
    -------
    dict
        See ``docs/schema/result.schema.json``.
    """
    plan = result.plan
    categories = list(result.by_category)
    cat_pv = np.stack([result.by_category[c] for c in categories], axis=1)  # (B, C)
    pv = result.pv_by_item  # (B, I)
    real = result.real.sum(axis=1)  # (B, T + 1)
    disc = result.discounted.sum(axis=1)
    emissions = result.emissions
    substances = list(emissions)
    mass = np.stack([emissions[s] for s in substances], axis=1) if substances else None
    total, annualised = result.total, result.annualised
    excl, undiscounted = result.total_excl_externalities, result.undiscounted_total
    # every per-bid array read once (a property computes its array anew on each read)
    rank, names, periods = result.rank, result.bids, plan.period
    incl = result.total_incl_externalities
    annualised_excl = result.annualised_excl_externalities
    annualised_incl = result.annualised_incl_externalities
    externalities = result.externalities
    bids: list[BidResult] = []
    for b in np.argsort(rank, kind="stable").tolist():
        bids.append(
            {
                "rank": int(rank[b]),
                "bid": names[b],
                "total": float(total[b]),
                "annualised": float(annualised[b]),
                "total_excl_externalities": float(excl[b]),
                "total_incl_externalities": float(incl[b]),
                "annualised_excl_externalities": float(annualised_excl[b]),
                "annualised_incl_externalities": float(annualised_incl[b]),
                "externalities_pv": float(externalities[b]),
                "undiscounted_total": float(undiscounted[b]),
                "period": int(periods[b]),
                "by_category": [
                    {"category": c, "present_value": v}  # type: ignore[typeddict-item]
                    for c, v in zip(categories, cat_pv[b].tolist(), strict=True)
                ],
                "by_item": [
                    {"item": i, "category": c, "present_value": v}
                    for i, c, v in zip(result.items, result.categories, pv[b].tolist(), strict=True)
                ],
                "emissions": [
                    {"substance": s, "mass_kg": m}
                    for s, m in zip(
                        substances, mass[b].tolist() if mass is not None else [], strict=True
                    )
                ],
                "cash_flows": {"real": real[b].tolist(), "discounted": disc[b].tolist()},
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "result",
        "model": plan.product.id,
        "title": plan.title,
        "currency": plan.currency,
        "quantity": float(plan.quantity),
        "discount_rate": float(plan.discount_rate),
        "discounting": plan.discounting,
        "bases": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "edition": s.edition,
                "sources": list(s.sources),
            }
            for s in result.bases
        ],
        "externalities": "award" if counts_in_award(result.externalities_rule) else "report",
        "ranked_by": "total" if result.ranked_by == "total" else "annualised",
        "years": result.years.tolist(),
        "categories": categories,
        "items": [
            {"item": i, "category": c} for i, c in zip(result.items, result.categories, strict=True)
        ],
        "substances": substances,
        "ranking": [b["bid"] for b in bids],
        "bids": bids,
        "annualised_at": "nominal" if result.annualised_at == "nominal" else "real",
    }


# -- errors and validation --------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """A value as JSON data: scalars, lists and mappings as they are, anything else as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def error_records(error: BaseException, lang: str = "en") -> list[ErrorRecord]:
    """One record per problem of an error (each member of a :class:`~tco.errors.SpecErrors`).

    A record's ``message`` is in ``lang`` (:func:`~tco.views.error_text.error_text`);
    its ``reason`` stays English, as do the other facts.

    Examples
    --------
    >>> from tco.errors import UnitError
    >>> r = error_records(UnitError("got '38 kg', expected a power", file="t.yaml",
    ...                             path=("bids", 1, "power"), value="38 kg",
    ...                             expected="a power such as '38 W'"))[0]
    >>> r["error_class"], r["path"], r["value"]
    ('UnitError', 'bids[1].power', '38 kg')
    """
    if isinstance(error, SpecErrors):
        return [r for e in error.errors for r in error_records(e, lang)]
    if not isinstance(error, SpecError):
        # a request the service does not take names what it gave and what it takes
        asked = error if isinstance(error, RequestError) else None
        return [
            {
                "error_class": type(error).__name__,
                "message": error_text(error, lang),
                "reason": str(error),
                "file": None,
                "path": format_path(asked.path) if asked else "",
                "location": list(asked.path) if asked else [],
                "value": _plain(asked.value) if asked else None,
                "expected": asked.expected if asked else None,
            }
        ]
    record: ErrorRecord = {
        "error_class": type(error).__name__,
        "message": error_text(error, lang),
        "reason": error.reason,
        "file": error.file,
        "path": format_path(error.path),
        "location": list(error.path),
        "value": _plain(error.value),
        "expected": error.expected,
    }
    sheet, cell = getattr(error, "sheet", None), getattr(error, "cell", None)
    if sheet:
        record["sheet"] = str(sheet)
    if cell:
        record["cell"] = str(cell)
    return [record]


def error_document(error: BaseException, lang: str = "en") -> ErrorDocument:
    """A user error as an ``error`` document (``--format json``, the service's 4xx answers).

    Its ``message`` and each record's are in ``lang``; the other facts are not translated.

    Examples
    --------
    >>> from tco.errors import SpecError
    >>> doc = error_document(SpecError("this key is required", path=("bids",)))
    >>> doc["kind"], doc["errors"][0]["path"], doc["message"]
    ('error', 'bids', 'bids: this key is required')
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "error",
        "message": error_text(error, lang),
        "errors": error_records(error, lang),
    }


def validation_document(
    file: str | None,
    *,
    document: Literal["tender", "model", "basket", "followup"] | None = None,
    model: str | None = None,
    bids: int | None = None,
    parameters: int | None = None,
    items: int | None = None,
    error: TCOError | None = None,
    lang: str = "en",
) -> ValidationDocument:
    """The report of ``tco validate --format json``: ``valid`` and every problem found.

    Examples
    --------
    >>> validation_document("t.yaml", document="tender", model="indoor-lighting",
    ...                     bids=3)["valid"]
    True
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "validation",
        "file": file,
        "valid": error is None,
        "document": document,
        "model": model,
        "bids": bids,
        "parameters": parameters,
        "items": items,
        "problems": error_records(error, lang) if error is not None else [],
    }


def models_document(models: Sequence[ProductModel], lang: str = "en") -> ModelsDocument:
    """The ``models`` document: id, title and bid parameters of each product model."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "models",
        "models": [
            {
                "id": m.id,
                "title": m.spec.title.get(lang),
                "functional_unit": m.spec.functional_unit.get(lang),
                "bid_parameters": list(m.bid_parameters),
            }
            for m in models
        ],
    }
