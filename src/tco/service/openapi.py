"""The OpenAPI 3.1 document of ``tco serve``, generated from the route table and the contract.

Every route of :data:`tco.service.routes.ROUTES` is declared with its readable
operation id, its parameters and ``Accept-Language``, its request body (the JSON
Schema of the tender, or of the batch request, as components, with an example
from the bundled tenders), its answer (the schema of its document kind, from the
typed dictionaries of :mod:`tco.views.contract`; a download by media type) and
every error answer (an ``error`` document) with its headers. The schemas'
``$defs`` become components of their own; nothing is written by hand beside the
table, so a route added to the table is declared at once.

Examples
--------
>>> doc = openapi_document()
>>> doc["paths"]["/evaluate"]["post"]["operationId"]
'evaluate'
>>> doc["paths"]["/evaluate"]["post"]["requestBody"]["content"]["application/json"]["schema"]
{'$ref': '#/components/schemas/Tender'}
>>> doc["paths"]["/evaluate"]["post"]["responses"]["422"]["content"]["application/json"]
{'schema': {'$ref': '#/components/schemas/ErrorDocument'}}
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from tco.limits import SERVICE_MAX_BODY
from tco.service.routes import BODIES, JSON, ROUTES, YAML_TYPES, HealthDocument, Route

__all__ = ["ACCEPT_LANGUAGE", "ERROR_ANSWERS", "component_name", "openapi_document"]

#: ``Accept-Language``, read by every route.
ACCEPT_LANGUAGE: dict[str, Any] = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "example": "da",
    "description": (
        "da: Danish labels, titles, reports and error messages; sv: Swedish; otherwise "
        "English (the first language named counts: sv-SE,sv;q=0.9,en;q=0.5 is Swedish)"
    ),
}

#: What each error status means, as the service answers it (every one an ``error`` document).
ERROR_ANSWERS: dict[str, str] = {
    "400": "the body is not JSON or YAML, or is nested too deeply, or gives a key twice",
    "404": "no such model or schema",
    "405": "the method is not one this path takes (answered to another method here; "
    "Allow names the methods it takes)",
    "408": "the body did not arrive within the service's time for it (tco serve --body-timeout)",
    "413": f"the body is over {SERVICE_MAX_BODY} bytes, refused before it is read",
    "415": "the body's Content-Type is not one this route reads",
    "422": "a mistake in the body or in a query parameter, a cap of the service (samples, "
    "rows), or a request that computed past the time limit",
    "500": "a worker that stopped while computing (send the request again), or a failure "
    "nobody foresaw; the details are in the server's log",
    "503": "the service is busy: its queue is full or the request waited too long "
    "(Retry-After says when to try again); or a library the route needs is not installed "
    "on the server",
    "default": "any other refusal of the connection: a request that is not HTTP (400), a "
    "request's line and headers too slow (408) or over 16 KiB (431), too many open "
    "connections (503, Retry-After)",
}

_RETRY_AFTER = {
    "Retry-After": {
        "description": "seconds to wait before sending the request again",
        "schema": {"type": "integer", "minimum": 0},
    }
}
_SERVER_TIMING = {
    "Server-Timing": {
        "description": "how long the request took in the service (total;dur=, in ms), and "
        "the sampling of a Monte Carlo run (montecarlo;dur=): timings are never in the body",
        "schema": {"type": "string"},
    }
}
_DOWNLOAD = {
    "Content-Disposition": {
        "description": "attachment, with a file name",
        "schema": {"type": "string"},
    }
}
_ALLOW = {
    "Allow": {
        "description": "the methods this path takes",
        "schema": {"type": "string"},
    }
}
_JSON_SCHEMA = {
    "type": "object",
    "title": "JSON Schema",
    "description": "a JSON Schema, draft 2020-12",
    "additionalProperties": True,
}


def component_name(kind: str) -> str:
    """The component name of the schema of a document kind (``result`` -> ``ResultDocument``).

    Examples
    --------
    >>> component_name("montecarlo"), component_name("json-schema")
    ('MontecarloDocument', 'JsonSchema')
    """
    if kind == "json-schema":
        return "JsonSchema"
    return "".join(p.capitalize() for p in re.split(r"[-_ ]", kind)) + "Document"


class _Components:
    """The schemas of the document's components, each added once, ``$defs`` lifted out."""

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}
        self._originals: dict[str, Any] = {}

    def add(self, name: str, schema: Callable[[], dict[str, Any]]) -> dict[str, str]:
        """Add the schema ``schema()`` as the component ``name``, its ``$defs`` too.

        Returns a reference to it; ``schema`` is called only if ``name`` is new.
        """
        ref = {"$ref": f"#/components/schemas/{name}"}
        if name in self.schemas:
            return ref
        body = copy.deepcopy(schema())
        defs = body.pop("$defs", {})
        for key in ("$schema", "$id"):
            body.pop(key, None)
        names: dict[str, str] = {}
        for d, value in defs.items():
            seen = self._originals.get(d)
            names[d] = d if seen is None or seen == value else f"{name}{d}"
        for d, value in defs.items():
            if names[d] not in self.schemas:
                self._originals[names[d]] = value
                self.schemas[names[d]] = _titled(_rewrite(value, names, name), names[d])
        self._originals.setdefault(name, body)
        self.schemas[name] = _titled(_rewrite(body, names, name), name)
        return ref


def _titled(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """``schema`` titled by its component name (a generated client names its class so).

    The name does not change with the contract's version, so neither does the class of a
    client generated from the document; a title that said more becomes the description.
    """
    title = schema.get("title")
    out = {"title": name, **{k: v for k, v in schema.items() if k != "title"}}
    if title and title != name and "description" not in out:
        out["description"] = title
    return out


def _rewrite(node: Any, names: dict[str, str], root: str) -> Any:
    """``node`` with its references pointing at the components."""
    if isinstance(node, dict):
        out = {k: _rewrite(v, names, root) for k, v in node.items()}
        ref = out.get("$ref")
        if isinstance(ref, str):
            if ref == "#":
                out["$ref"] = f"#/components/schemas/{root}"
            elif ref.startswith("#/$defs/"):
                out["$ref"] = f"#/components/schemas/{names[ref[len('#/$defs/') :]]}"
        return out
    if isinstance(node, list):
        return [_rewrite(v, names, root) for v in node]
    return node


def _answer_schema(components: _Components, kind: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    from tco.views.contract import KINDS, output_schema

    if kind in KINDS:
        return components.add(component_name(kind), partial(output_schema, kind))
    if kind == "health":
        schema = TypeAdapter(HealthDocument).json_schema
        return components.add("HealthDocument", lambda: {**schema(), "additionalProperties": False})
    if kind == "json-schema":
        return components.add("JsonSchema", lambda: _JSON_SCHEMA)
    raise ValueError(f"no schema for answers of kind {kind!r}")


def _error(components: _Components, status: str, headers: dict[str, Any] | None = None) -> Any:
    answer: dict[str, Any] = {
        "description": ERROR_ANSWERS[status],
        "content": {JSON: {"schema": components.add("ErrorDocument", _error_schema)}},
    }
    if headers:
        answer["headers"] = headers
    return answer


def _error_schema() -> dict[str, Any]:
    from tco.views.contract import output_schema

    return output_schema("error")


def _parameters(route: Route) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in route.parameters:
        declared: dict[str, Any] = {
            "name": p.name,
            "in": p.where,
            "required": True if p.where == "path" else p.required,
            "description": p.description,
            "schema": dict(p.schema),
        }
        if p.schema.get("type") == "array":  # ?difference=A&difference=B
            declared["style"] = "form"
            declared["explode"] = True
        if p.example is not None:
            declared["example"] = p.example
        out.append(declared)
    out.append(dict(ACCEPT_LANGUAGE))  # every route answers (its errors at least) in it
    return out


def _request_body(components: _Components, route: Route) -> dict[str, Any]:
    assert route.request is not None
    body = BODIES[route.request]
    ref = components.add(body.component, body.schema)
    example = route.example_body()
    content: dict[str, Any] = {}
    for media in body.media_types:
        if media == JSON:
            content[media] = {"schema": ref, "example": example}
        elif media in YAML_TYPES:
            content[media] = {"schema": ref}  # the same document, written in YAML
        else:
            content[media] = {"schema": dict((body.other_schemas or {})[media])}
    return {"description": body.description, "required": True, "content": content}


def _ok(components: _Components, route: Route) -> dict[str, Any]:
    if route.media == JSON:
        schemas = [_answer_schema(components, k) for k in route.answers]
        schema = schemas[0] if len(schemas) == 1 else {"oneOf": schemas}
        names = " or ".join(f"a {k} document" for k in route.answers)
        answer: dict[str, Any] = {"description": names, "content": {JSON: {"schema": schema}}}
    else:
        binary = not route.media.startswith("text/")
        schema = {"type": "string", "format": "binary"} if binary else {"type": "string"}
        answer = {
            "description": f"the {route.answer}, {route.media}, as a download",
            "content": {route.media: {"schema": schema}},
            "headers": dict(_DOWNLOAD),
        }
    if route.in_worker:
        answer["headers"] = {**answer.get("headers", {}), **_SERVER_TIMING}
    return answer


def _responses(components: _Components, route: Route) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": _ok(components, route)}
    if route.operation_id == "health":
        health = _answer_schema(components, "health")
        responses["503"] = {
            "description": "the service cannot take a request now: no worker is ready, or "
            "its queue is full",
            "content": {JSON: {"schema": health}},
            "headers": dict(_RETRY_AFTER),
        }
    statuses = ["405", "500"]
    if any(p.where == "path" for p in route.parameters):
        statuses.append("404")
    if route.in_worker:
        statuses += ["400", "408", "413", "415", "422", "503"]
    for status in sorted(statuses):
        headers = _RETRY_AFTER if status == "503" else _ALLOW if status == "405" else None
        if status not in responses:
            responses[status] = _error(components, status, dict(headers) if headers else None)
    responses["default"] = _error(components, "default")
    return responses


def openapi_document(routes: tuple[Route, ...] = ROUTES) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service.

    Parameters
    ----------
    routes : tuple of Route
        The routes to declare (default: every route of the service).

    Returns
    -------
    dict
        The document, ready for ``json.dumps``; equal calls give equal documents.
    """
    from tco import __version__

    components = _Components()
    components.add("ErrorDocument", _error_schema)
    paths: dict[str, Any] = {}
    for route in routes:
        operation: dict[str, Any] = {
            "operationId": route.operation_id,
            "summary": route.summary,
            "parameters": _parameters(route),
        }
        if route.request is not None:
            operation["requestBody"] = _request_body(components, route)
        operation["responses"] = _responses(components, route)
        paths.setdefault(route.path, {})[route.method] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tco",
            "version": __version__,
            "description": (
                "Total cost of ownership (life-cycle costing) of the bids in a tender. Every "
                "answer is a document of tco's versioned JSON contract (docs/schema/); every "
                "error an error document."
            ),
        },
        "paths": paths,
        "components": {"schemas": dict(sorted(components.schemas.items()))},
    }
