"""The answers of the service's routes without a body: models, bases, schemas.

Each is a handler of :mod:`tco.service.routes` (``(data, params, lang) ->
Answer``, ``data`` unused) run in the service itself, not in a worker: the
documents are small and cached.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from tco.service.jobs import JSON, Answer, error_answer

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _schema_kinds() -> tuple[str, ...]:
    from tco.views.contract import KINDS

    return (*KINDS, "model", "tender")


#: The kinds ``GET /schema/{kind}`` answers: every document kind, and model and tender.
SCHEMA_KINDS: tuple[str, ...] = _schema_kinds()


def _encode(document: Any) -> bytes:
    from tco.views.documents import dumps

    return dumps(document, indent=None).encode("utf-8")


@cache
def _models_bytes(lang: str) -> bytes:
    import tco
    from tco.views.documents import models_document

    found = [tco.load_model(p) for _, p in sorted(tco.bundled_models().items())]
    return _encode(models_document(found, lang))


@cache
def _bases_bytes() -> bytes:
    from tco.cli.bases import basis_rows
    from tco.spec.basis import bundled_bases
    from tco.views.contract import SCHEMA_VERSION

    rows = [basis_rows(name) for name in sorted(bundled_bases())]
    return _encode({"schema_version": SCHEMA_VERSION, "kind": "bases", "bases": rows})


def models(data: Any, params: Mapping[str, Any], lang: str) -> Answer:
    """``GET /models``: the ``models`` document, titles in ``lang``."""
    return 200, JSON, _models_bytes(lang), {}


def bases(data: Any, params: Mapping[str, Any], lang: str) -> Answer:
    """``GET /bases``: the ``bases`` document."""
    return 200, JSON, _bases_bytes(), {}


def model_schema(data: Any, params: Mapping[str, Any], lang: str) -> Answer:
    """``GET /models/{model_id}/schema``: the JSON Schema of one model's tenders; 404 if none."""
    import tco
    from tco.errors import ModelNotFoundError
    from tco.views.model_schema import tender_schema

    model_id = str(params.get("model_id", ""))
    if model_id not in tco.bundled_models():
        err = ModelNotFoundError(
            f"no bundled model '{model_id}'", value=model_id, expected="GET /models"
        ).speaks("service_no_model", name=model_id)
        return error_answer(err, 404, lang)
    return 200, JSON, _encode(tender_schema(tco.load_model(model_id), lang)), {}


def schema(data: Any, params: Mapping[str, Any], lang: str) -> Answer:
    """``GET /schema/{kind}``: the JSON Schema of a document kind, or of model or tender."""
    from tco.errors import RequestError
    from tco.views.contract import KINDS, output_schema
    from tco.views.schema import json_schema

    kind = str(params.get("kind", ""))
    if kind in ("model", "tender"):
        return 200, JSON, _encode(json_schema(kind)), {}
    if kind not in KINDS:
        err = RequestError(
            f"no schema '{kind}'", value=kind, expected=", ".join(SCHEMA_KINDS)
        ).speaks("service_no_schema", kind=kind, kinds_list=list(SCHEMA_KINDS))
        return error_answer(err, 404, lang)
    return 200, JSON, _encode(output_schema(kind)), {}
