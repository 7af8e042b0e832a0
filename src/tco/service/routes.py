"""The routes of ``tco serve``, as one table: the service and its OpenAPI document read it.

Each :class:`Route` says everything about one address: its path and method,
summary and operation id, the kind of body it reads (a key of
:data:`BODIES`), the kind of document it answers (a kind of the JSON
contract, :data:`tco.views.contract.KINDS`, or a download by media type),
its parameters and the function that does its work. The application
(:mod:`tco.service.app`) registers every route of :data:`ROUTES`, and the
OpenAPI document (:mod:`tco.service.openapi`) declares every one, with the
schema of its body, its answer, every error answer, every parameter and
examples from the bundled tenders: a route added to the table has its
contract without anything else written.

A route with a body runs its ``handler`` in a worker process
(:func:`run`): ``handler(data, params, lang)`` gets the body
parsed into a mapping (or, for a body kind whose ``raw`` is set, the pair
``(bytes, media type)``), the query parameters and the language, and returns an
:data:`~tco.service.jobs.Answer`. A route without a body (``GET``) runs its
handler in the service itself, with the path parameters among ``params``:
keep those cheap.

Adding a route is one entry in :data:`ROUTES`: its handler, and the rest of its
contract. Its ``example`` (a callable; the bundled tender ``indoor-lighting`` by
default) must be a body the route answers 200 with its parameters' examples: the
tests send it to a running service through a client generated from the document.
A route reading a new kind of body adds one entry in :data:`BODIES` too: the name
of its schema among the components and a callable giving its JSON Schema
(:func:`file_schemas` gives the tender's and the model's, to refer to as
``#/$defs/Tender``). For example::

    BODIES["followup"] = Body(
        "FollowUpRequest",
        "a tender as awarded and its follow-up",
        lambda: {
            "$defs": file_schemas(),
            "type": "object",
            "properties": {"tender": {"$ref": "#/$defs/Tender"}, "followup": {"type": "object"}},
            "required": ["tender", "followup"],
        },
    )
    Route(
        "/abatement",
        "abatement",
        "Cost per tonne of CO2e avoided against ?reference=BID",
        _abatement,
        answer="abatement",
        parameters=(Parameter("reference", TEXT, "the reference bid", example="Budget Light"),),
    )
    Route("/annex/docx", "annex_docx", "The tender annex, DOCX", _annex_docx,
          answer="tender annex", media=DOCX)

Examples
--------
>>> [r.operation_id for r in ROUTES][:5]
['health', 'models', 'bases', 'model_schema', 'schema']
>>> route_named("montecarlo").path, route_named("montecarlo").request
('/montecarlo', 'tender')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from typing_extensions import TypedDict

from tco.limits import SERVICE_MAX_ROWS, SERVICE_MAX_SAMPLES, SERVICE_MAX_TENDERS
from tco.service import jobs, listing, routes_more

__all__ = [
    "BODIES",
    "DOCX",
    "FLAG",
    "HTML",
    "JSON",
    "ROUTES",
    "TEXT",
    "XLSX",
    "Body",
    "Handler",
    "HealthDocument",
    "Parameter",
    "Route",
    "example_tender",
    "file_schemas",
    "route_named",
    "run",
]

JSON = "application/json"
HTML = "text/html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV = "text/csv"
ARROW = "application/vnd.apache.arrow.stream"
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml")

#: The work of a route: ``(body, params, lang) -> (status, media type, bytes, headers)``.
Handler = Callable[[Any, Mapping[str, Any], str], jobs.Answer]

#: Schemas of common parameters.
TEXT: dict[str, Any] = {"type": "string"}
FLAG: dict[str, Any] = {"type": "string", "enum": ["true", "false", "1", "0", "yes", "no"]}


@dataclass(frozen=True)
class Parameter:
    """A query (or path) parameter of a route.

    Parameters
    ----------
    name : str
        Its name in the URL.
    schema : dict
        Its JSON Schema (as the client writes it in the URL).
    description : str
        What it does.
    required : bool
        Whether the route refuses a request without it.
    example : object, optional
        A value that works with the route's example body.
    where : {"query", "path"}
        In the query string, or a ``{name}`` in the path.
    """

    name: str
    schema: Mapping[str, Any]
    description: str
    required: bool = False
    example: Any = None
    where: Literal["query", "path"] = "query"


@dataclass(frozen=True)
class Body:
    """A kind of request body: its media types, the JSON Schema of its JSON form, an example.

    Parameters
    ----------
    component : str
        The name of its schema among the OpenAPI document's components.
    description : str
        What the body is.
    schema : callable
        Returns the JSON Schema of the body (its ``$defs`` become components too).
    media_types : tuple of str
        The media types the route reads; the first is JSON.
    other_schemas : mapping
        The schema of each media type that is not JSON or YAML (CSV, Arrow), by media type.
    raw : bool
        The handler gets ``(bytes, media type)`` rather than the body parsed into a mapping.
    """

    component: str
    description: str
    schema: Callable[[], dict[str, Any]]
    media_types: tuple[str, ...] = (JSON, *YAML_TYPES)
    other_schemas: Mapping[str, Mapping[str, Any]] | None = None
    raw: bool = False


@dataclass(frozen=True)
class Route:
    """One address of the service and everything its contract says.

    Parameters
    ----------
    path : str
        The path, with ``{name}`` for each path parameter.
    operation_id : str
        The OpenAPI operation id: the name of the method in a generated client.
    summary : str
        One line saying what it does.
    handler : callable or None
        The function that answers (see the module's text); ``None``: answered by
        the application itself (``/health``).
    method : {"post", "get"}
        The HTTP method.
    request : str or None
        The kind of body (a key of :data:`BODIES`); ``None`` for a route without one.
    answer : str or tuple of str
        The kind of the 200 answer: for a JSON answer a document kind of the JSON
        contract (several when a parameter picks one), ``health`` or ``json-schema``;
        else a name for the download.
    media : str
        The media type of the 200 answer.
    parameters : tuple of Parameter
        Its query and path parameters.
    example : callable, optional
        Returns an example body that the route answers 200 (default: the bundled
        example tender ``indoor-lighting``).
    """

    path: str
    operation_id: str
    summary: str
    handler: Handler | None
    method: Literal["post", "get"] = "post"
    request: str | None = "tender"
    answer: str | tuple[str, ...] = "result"
    media: str = JSON
    parameters: tuple[Parameter, ...] = ()
    example: Callable[[], Any] | None = None

    @property
    def answers(self) -> tuple[str, ...]:
        """The kinds of the 200 answer, as a tuple."""
        return (self.answer,) if isinstance(self.answer, str) else self.answer

    @property
    def in_worker(self) -> bool:
        """Whether the work runs in a worker process (every route with a body)."""
        return self.request is not None

    def example_body(self) -> Any:
        """An example body the route answers 200 (``None`` for a route without a body)."""
        if self.request is None:
            return None
        if self.example is not None:
            return self.example()
        return example_tender("indoor-lighting")


class HealthDocument(TypedDict):
    """What ``GET /health`` answers: 200 when the service can take a request, else 503."""

    status: Literal["ok", "unavailable"]
    version: str
    #: worker processes, and how many are ready, busy computing or starting
    workers: int
    ready: int
    busy: int
    starting: int
    #: requests waiting for a worker, and the most that may wait
    queued: int
    queue: int


@cache
def example_tender(name: str) -> Any:
    """A bundled example tender as plain data, as a client sends it in JSON.

    Examples
    --------
    >>> example_tender("indoor-lighting")["bids"][1]["name"]
    'Budget Light'
    """
    import tco
    from tco.io.yamlio import read_yaml_file

    return read_yaml_file(tco.example_path(name))


def _tender_schema() -> dict[str, Any]:
    from tco.views.schema import json_schema

    return json_schema("tender")


def file_schemas() -> dict[str, Any]:
    """The schemas of a tender and a product model, as ``$defs`` a body's schema may refer to.

    A body that holds tenders says ``{"$ref": "#/$defs/Tender"}`` (or ``Model``) and puts
    these among its ``$defs``; the OpenAPI document makes each a component of its own.

    Examples
    --------
    >>> defs = file_schemas()
    >>> defs["Tender"]["properties"]["bids"]["items"]
    {'$ref': '#/$defs/BidSpec'}
    """
    from tco.views.schema import json_schema

    tender, model = json_schema("tender"), json_schema("model")
    defs = dict(tender.pop("$defs", {}))
    for name, value in model.pop("$defs", {}).items():
        if defs.get(name, value) != value:  # pragma: no cover - they share their definitions today
            raise ValueError(f"the tender's and the model's schemas define {name} differently")
        defs[name] = value
    for doc in (tender, model):
        for key in ("$schema", "$id"):
            doc.pop(key, None)
    return {**defs, "Tender": tender, "Model": model}


def _tender_or_model_schema() -> dict[str, Any]:
    return {
        "$defs": file_schemas(),
        "anyOf": [{"$ref": "#/$defs/Tender"}, {"$ref": "#/$defs/Model"}],
        "description": "a tender, or a product model: each is checked",
    }


def _batch_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from tco.service.batch import BatchRequest

    schema = TypeAdapter(BatchRequest).json_schema()
    schema["additionalProperties"] = False
    return schema


def _batch_example() -> dict[str, Any]:
    # the bids of examples/indoor-lighting.yaml as rows, in the model's units (DKK, W, h)
    return {
        "model": "indoor-lighting",
        "assumptions": {"period": "15 year"},
        "rows": [
            {"name": "Lumen Nord", "price": 1450, "power": 32, "rated_life": 50000},
            {"name": "Budget Light", "price": 1100, "power": 41, "rated_life": 35000},
        ],
    }


def _basket_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from tco.spec.schema import BasketSpec

    schema = TypeAdapter(BasketSpec).json_schema()
    schema["description"] = (
        "a basket tender: its lines (each a bundled model's id or the model inline, never a "
        "file) and the bids on every line"
    )
    return schema


def _tender_or_basket_schema() -> dict[str, Any]:
    basket = _basket_schema()
    return {
        "$defs": {**file_schemas(), **basket.pop("$defs", {}), "Basket": basket},
        "anyOf": [{"$ref": "#/$defs/Tender"}, {"$ref": "#/$defs/Basket"}],
        "description": "a tender or a basket tender; without bids, an illustrative bid is "
        "the worked example",
    }


def _followup_schema() -> dict[str, Any]:
    return {
        "$defs": file_schemas(),
        "type": "object",
        "properties": {
            "tender": {"$ref": "#/$defs/Tender"},
            "followup": {
                "type": "object",
                "description": "the follow-up (docs/followup.md) without its 'tender:' path",
            },
        },
        "required": ["tender", "followup"],
        "additionalProperties": False,
    }


def _portfolio_schema() -> dict[str, Any]:
    return {
        "$defs": file_schemas(),
        "type": "object",
        "properties": {
            "tenders": {
                "type": "object",
                "description": "the tenders by name",
                "additionalProperties": {"$ref": "#/$defs/Tender"},
                "minProperties": 1,
                "maxProperties": SERVICE_MAX_TENDERS,
            },
            "followups": {
                "type": "object",
                "description": "the follow-ups of some of them, under the same names",
                "additionalProperties": {"type": "object"},
            },
        },
        "required": ["tenders"],
        "additionalProperties": False,
    }


def _followup_body() -> dict[str, Any]:
    # examples/follow-up/passenger-car.yaml without its tender: path, beside its tender
    import tco
    from tco.io.yamlio import read_yaml_file

    folder = tco.example_path("passenger-car").parent
    followup = dict(read_yaml_file(folder / "follow-up" / "passenger-car.yaml"))
    followup.pop("tender", None)
    return {"tender": example_tender("passenger-car"), "followup": followup}


def _portfolio_body() -> dict[str, Any]:
    body = _followup_body()
    return {"tenders": {"cars": body["tender"]}, "followups": {"cars": body["followup"]}}


def _basket_body() -> Any:
    from tco.basket import basket_example_path
    from tco.io.yamlio import read_yaml_file

    return read_yaml_file(basket_example_path("copy-print"))


def _profiles_body() -> Any:
    return example_tender("indoor-lighting-profiles")


def _car() -> Any:
    return example_tender("passenger-car")


#: The kinds of request body, by name (:attr:`Route.request`).
BODIES: dict[str, Body] = {
    "tender": Body(
        "Tender",
        "a tender (docs/schema/tender.schema.json), as JSON or YAML; its model is a bundled "
        "model's id or the model itself, never a file",
        _tender_schema,
    ),
    "tender-or-model": Body(
        "TenderOrModel",
        "a tender or a product model (docs/schema/tender.schema.json, model.schema.json)",
        _tender_or_model_schema,
    ),
    "batch": Body(
        "BatchRequest",
        f"a table of items of one model: JSON (model, assumptions and rows), or CSV or an "
        f"Arrow IPC stream of the rows with the model in ?model= (at most {SERVICE_MAX_ROWS} "
        "rows)",
        _batch_schema,
        media_types=(JSON, CSV, ARROW),
        other_schemas={
            CSV: {"type": "string", "description": "a header row, then one row per item"},
            ARROW: {"type": "string", "format": "binary", "description": "an Arrow IPC stream"},
        },
        raw=True,
    ),
    "basket": Body("Basket", "a basket tender with its lines and bids inline", _basket_schema),
    "tender-or-basket": Body(
        "TenderOrBasket",
        "a tender or a basket tender; without bids, an illustrative bid is the worked example",
        _tender_or_basket_schema,
    ),
    "followup": Body(
        "FollowUpRequest",
        '{"tender": the tender as awarded, "followup": the follow-up without its "tender:"}',
        _followup_schema,
    ),
    "portfolio": Body(
        "PortfolioRequest",
        f'{{"tenders": {{"NAME": tender, ...}}, "followups": {{"NAME": follow-up, ...}}}}: '
        f"1 to {SERVICE_MAX_TENDERS} tenders, each sent inline",
        _portfolio_schema,
    ),
}


def _batch(raw: Any, params: Mapping[str, Any], lang: str) -> jobs.Answer:
    from tco.service.batch import run_batch

    body, media = raw
    return run_batch(body, media, params, max_rows=SERVICE_MAX_ROWS)


def _uncertain() -> Any:
    return example_tender("indoor-lighting-uncertain")


#: Every route of the service, in the order of the OpenAPI document.
ROUTES: tuple[Route, ...] = (
    Route(
        "/health",
        "health",
        "Can the service take requests (200), or not (503: no worker ready, queue full)",
        None,
        method="get",
        request=None,
        answer="health",
    ),
    Route(
        "/models",
        "models",
        "The bundled product models",
        listing.models,
        method="get",
        request=None,
        answer="models",
    ),
    Route(
        "/bases",
        "bases",
        "The bundled bases of official data",
        listing.bases,
        method="get",
        request=None,
        answer="bases",
    ),
    Route(
        "/models/{model_id}/schema",
        "model_schema",
        "JSON Schema of the tenders of one model (each bid parameter checked)",
        listing.model_schema,
        method="get",
        request=None,
        answer="json-schema",
        parameters=(
            Parameter(
                "model_id",
                TEXT,
                "a bundled model's id (GET /models)",
                required=True,
                example="indoor-lighting",
                where="path",
            ),
        ),
    ),
    Route(
        "/schema/{kind}",
        "schema",
        "JSON Schema of a document kind, or of model or tender",
        listing.schema,
        method="get",
        request=None,
        answer="json-schema",
        parameters=(
            Parameter(
                "kind",
                {"type": "string", "enum": list(listing.SCHEMA_KINDS)},
                "a document kind of the JSON contract, or model or tender",
                required=True,
                example="result",
                where="path",
            ),
        ),
    ),
    Route("/evaluate", "evaluate", "Evaluate a tender and rank its bids", jobs._evaluate),
    Route(
        "/validate",
        "validate",
        "Check a tender (or a product model) and report every problem",
        jobs._validate,
        request="tender-or-model",
        answer="validation",
    ),
    Route(
        "/baseline",
        "baseline",
        "Savings, SIR, AIRR, payback against ?baseline=BID",
        jobs._baseline,
        answer="baseline",
        parameters=(
            Parameter(
                "baseline",
                TEXT,
                "the bid the others are compared with",
                required=True,
                example="Budget Light",
            ),
        ),
    ),
    Route(
        "/sensitivity",
        "sensitivity",
        "One-at-a-time sensitivity (?percent=) or ?scenarios=true",
        jobs._sensitivity,
        answer=("sensitivity", "scenarios"),
        parameters=(
            Parameter(
                "percent",
                {"type": "number", "default": 10},
                "each input changed by +-percent",
                example=10,
            ),
            Parameter(
                "difference",
                {"type": "array", "items": TEXT, "minItems": 2, "maxItems": 2},
                "two bids (?difference=A&difference=B): the sensitivity of their difference",
                example=["Lumen Nord", "Budget Light"],
            ),
            Parameter("scenarios", FLAG, "true: the scenarios document instead", example="false"),
        ),
    ),
    Route(
        "/montecarlo",
        "montecarlo",
        "Monte Carlo over the uncertainty (?samples=, ?seed=)",
        jobs._montecarlo,
        answer="montecarlo",
        parameters=(
            Parameter(
                "samples",
                {"type": "integer", "minimum": 1, "maximum": SERVICE_MAX_SAMPLES},
                "samples drawn (default: the tender's uncertainty.samples, else 1000)",
                example=200,
            ),
            Parameter(
                "seed",
                {"type": "integer"},
                "seed of the draws: equal seeds, equal answers",
                example=2026,
            ),
        ),
        example=_uncertain,
    ),
    Route(
        "/report",
        "report",
        "The award report, HTML",
        jobs._report,
        answer="award report",
        media=HTML,
        parameters=(
            Parameter(
                "charts",
                {**FLAG, "default": "true"},
                "false: no charts (faster, smaller)",
                example="false",
            ),
        ),
    ),
    Route(
        "/workbook",
        "workbook",
        "The result workbook, xlsx",
        jobs._workbook,
        answer="result workbook",
        media=XLSX,
    ),
    Route(
        "/batch",
        "batch",
        "Evaluate a table of items (JSON records, CSV or Arrow; ?model=ID)",
        _batch,
        request="batch",
        answer="batch",
        parameters=(
            Parameter(
                "model",
                TEXT,
                "the bundled model of every row of a CSV or Arrow body (a JSON body names it)",
            ),
            Parameter(
                "basis",
                {"type": "array", "items": TEXT},
                "bases of official data (repeatable; later ones win)",
            ),
            Parameter(
                "number_format",
                {"type": "string", "enum": ["en", "da"]},
                "how numbers written as text in a CSV body are read (default: from its header)",
            ),
        ),
        example=_batch_example,
    ),
    Route(
        "/basket",
        "basket",
        "Rank the bids of a basket tender on the sum over its lines",
        routes_more.basket,
        request="basket",
        answer="basket",
        example=_basket_body,
    ),
    Route(
        "/profiles",
        "profiles",
        "Rank the bids under each usage profile of the tender, and on their weighted cost",
        routes_more.usage_profiles,
        answer="profiles",
        example=_profiles_body,
    ),
    Route(
        "/annex",
        "annex",
        "The tender annex stating the life-cycle cost method, HTML",
        routes_more.annex_html,
        request="tender-or-basket",
        answer="tender annex",
        media=HTML,
    ),
    Route(
        "/annex/docx",
        "annex_docx",
        "The tender annex stating the life-cycle cost method, Word (DOCX)",
        routes_more.annex_docx,
        request="tender-or-basket",
        answer="tender annex",
        media=DOCX,
    ),
    Route(
        "/abatement",
        "abatement",
        "Cost per tonne of CO2e avoided against ?reference=BID (default: the cheapest)",
        routes_more.abatement,
        answer="abatement",
        parameters=(
            Parameter(
                "reference",
                TEXT,
                "the reference bid (default: the cheapest without priced CO2e)",
                example="Benzin Auto",
            ),
        ),
        example=_car,
    ),
    Route(
        "/followup",
        "followup",
        "A contract's cost and CO2e year by year against the awarded bid",
        routes_more.followup,
        request="followup",
        answer="followup",
        example=_followup_body,
    ),
    Route(
        "/portfolio",
        "portfolio",
        "Management information across the tenders sent, with their follow-ups",
        routes_more.portfolio,
        request="portfolio",
        answer="portfolio",
        example=_portfolio_body,
    ),
)


def route_named(operation_id: str) -> Route:
    """The route whose operation id is ``operation_id``."""
    for route in ROUTES:
        if route.operation_id == operation_id:
            return route
    raise KeyError(operation_id)


def run(
    route: str, body: bytes, media_type: str, params: Mapping[str, Any], lang: str
) -> jobs.Answer:
    """Answer one request with a body, in a worker process: its route's handler does the work.

    Parameters
    ----------
    route : str
        The operation id of a route with a body (:data:`ROUTES`):
        ``evaluate``, ``validate``, ``baseline``, ``sensitivity``, ``montecarlo``,
        ``report``, ``workbook``, ``batch``, ...
    body : bytes
        The request body.
    media_type : str
        Its media type, without parameters (``application/json``).
    params : mapping
        The query parameters.
    lang : {"en", "da", "sv"}
        The language of labels, reports and error messages.

    Returns
    -------
    tuple
        ``(status, media type, body, headers)``.
    """
    from tco.errors import JSONError, LimitError, MissingExtraError, TCOError, YAMLError
    from tco.service.jobs import error_answer, parse_body
    from tco.service.steady import OFFICE_TYPES, steady_office

    served = route_named(route)
    if served.handler is None or served.request is None:  # pragma: no cover - not a job
        raise ValueError(f"{route!r} is not a route with a body")
    try:
        data = (body, media_type) if BODIES[served.request].raw else parse_body(body, media_type)
        status, media, content, headers = served.handler(data, params, lang)
    except MissingExtraError as err:  # the server lacks a library: its fault, not the client's
        return error_answer(err, 503, lang)
    except (YAMLError, JSONError, LimitError) as err:
        return error_answer(err, 413 if "bytes" in str(err) else 400, lang)
    except TCOError as err:
        return error_answer(err, 422, lang)
    if media.split(";")[0] in OFFICE_TYPES:  # equal requests, equal bytes: no time of writing
        content = steady_office(content)
    return status, media, content, headers
