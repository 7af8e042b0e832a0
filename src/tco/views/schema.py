"""JSON Schemas of product model and tender files, generated from the pydantic models.

Editors use them to complete keys and flag mistakes while a file is typed
(``docs/schema.md`` shows how to point the VS Code YAML extension at them).
The schema checks the shape of a file only; units and formulas are checked
when tco loads it.

Examples
--------
>>> s = json_schema("tender")
>>> s["title"], "bids" in s["required"]
('tco tender', True)
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["KINDS", "SCHEMA_URL", "json_schema", "schema_text"]

#: The files that have a schema.
KINDS: tuple[str, ...] = ("model", "tender")
#: Where the published schemas live (the docs site serves ``docs/schema/``).
SCHEMA_URL = "https://tco.readthedocs.io/en/latest/schema/{kind}.schema.json"

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


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a product model or a tender file.

    Parameters
    ----------
    kind : {"model", "tender"}

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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL.format(kind=kind),
        **body,
    }


def schema_text(kind: str) -> str:
    """The schema as JSON text, indented, ending in a newline (``tco schema KIND``)."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
