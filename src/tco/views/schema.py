"""JSON Schemas of product model and tender files, generated from the pydantic models.

Editors use them to complete keys and flag mistakes while a file is typed
(``docs/schema.md`` shows how to point the VS Code YAML extension at them).
The schema checks the shape of a file only; units and formulas are checked
when tco loads it. The schemas of the JSON documents tco writes (results,
reports, errors) are in :mod:`tco.views.contract`; :func:`schema_text` gives
either.

Schema ids are URNs (``urn:tco-lcc:schema:tender``): they name a schema
without claiming a web address; editors find the files by path
(``docs/schema/``) or from ``tco schema KIND -o FILE``.

Examples
--------
>>> s = json_schema("tender")
>>> s["title"], "bids" in s["required"]
('tco tender', True)
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["KINDS", "SCHEMA_ID", "json_schema", "schema_text"]

#: The files that have a schema.
KINDS: tuple[str, ...] = ("model", "tender")
#: The ``$id`` of each schema: a name, not a web address (no site serves them).
SCHEMA_ID = "urn:tco-lcc:schema:{kind}"

_TITLES = {
    "model": ("tco product model", "A tco product model: parameters, cost items and emissions."),
    "tender": ("tco tender", "A tco tender: the product model, the buyer's assumptions and bids."),
}


def _allow_plain_text(node: Any) -> Any:
    """Texts may be written as a plain string (English) or as ``{en, da}``."""
    if isinstance(node, dict):
        if node.get("$ref") == "#/$defs/Text":
            return {"anyOf": [{"type": "string"}, dict(node)]}
        return {k: _allow_plain_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_allow_plain_text(v) for v in node]
    return node


def json_schema(kind: str, *, per_model: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a product model or a tender file.

    Parameters
    ----------
    kind : {"model", "tender"}
    per_model : bool
        For a tender: also check the bids of a tender that names a bundled
        model against that model's parameters (``allOf`` of ``if model is
        ID then bids are $defs/bid-ID``; :mod:`tco.views.model_schema`).

    Returns
    -------
    dict
        The schema, from :class:`tco.spec.schema.ModelSpec` or
        :class:`tco.spec.schema.TenderSpec`.
    """
    from tco.spec.schema import ModelSpec, TenderSpec

    if kind not in KINDS:
        raise ValueError(f"kind must be 'model' or 'tender', got {kind!r}")
    spec = ModelSpec if kind == "model" else TenderSpec
    body = _allow_plain_text(spec.model_json_schema())
    title, description = _TITLES[kind]
    body["title"] = title
    body["description"] = description
    if kind == "tender" and per_model:
        _add_model_bids(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(kind=kind),
        **body,
    }


def _add_model_bids(body: dict[str, Any]) -> None:
    """Bids of a tender for a bundled model follow that model's bid schema."""
    from tco.spec.product import bundled_models, load_model
    from tco.views.model_schema import bid_schema

    rules = []
    for model_id, path in sorted(bundled_models().items()):
        body["$defs"][f"bid-{model_id}"] = bid_schema(load_model(path))
        rules.append(
            {
                "if": {"properties": {"model": {"const": model_id}}, "required": ["model"]},
                "then": {"properties": {"bids": {"items": {"$ref": f"#/$defs/bid-{model_id}"}}}},
            }
        )
    body["allOf"] = rules


def schema_text(kind: str, model: str | None = None) -> str:
    """The schema as JSON text, indented, ending in a newline (``tco schema KIND``).

    ``kind`` is ``model``, ``tender`` or a document of :data:`tco.views.contract.KINDS`;
    ``model`` (a bundled model's id or a model file) gives the tender schema of that
    model (:func:`tco.views.model_schema.tender_schema`).
    """
    if model is not None:
        if kind != "tender":
            raise ValueError("a model's schema is a tender schema: use kind 'tender'")
        from tco.spec.product import load_model
        from tco.views.model_schema import tender_schema

        return json.dumps(tender_schema(load_model(model)), indent=2, ensure_ascii=False) + "\n"
    if kind not in KINDS:
        from tco.views.contract import output_schema_text

        return output_schema_text(kind)
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
