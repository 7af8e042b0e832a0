"""The work of each request of the HTTP service, as plain functions run in a worker process.

:func:`run` takes what the request sent (the route, the raw body, its media
type, the query parameters, the language) and returns what to answer: a
status code, a media type, the body bytes and extra headers. It never
touches the file system on behalf of the request: a tender's ``model`` is a
bundled model's id or the model itself, inline; a path is refused. Every
user error is answered as an ``error`` document of the JSON contract with a
4xx status.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from tco.errors import (
    LimitError,
    ModelNotFoundError,
    RequestError,
    SpecError,
    TCOError,
)
from tco.limits import (
    SERVICE_MAX_SAMPLE_CELLS,
    SERVICE_MAX_SAMPLES,
)
from tco.service.bodies import parse_body

__all__ = [
    "JSON",
    "Answer",
    "error_answer",
    "internal_error_answer",
    "parse_body",
    "tender_from",
    "warm_up",
]

#: Media type of every JSON answer.
JSON = "application/json"
#: What a job answers: status code, media type, body, extra headers.
Answer = tuple[int, str, bytes, dict[str, str]]
#: The name errors give for the request's body.
BODY = "<request>"


def warm_up() -> None:
    """Import the library and compile the bundled models once, before the first request."""
    import tco

    for path in tco.bundled_models().values():
        tco.load_model(path)
    tco.load_tender(tco.example_path("indoor-lighting")).evaluate().to_dict()


def _encode(document: Any) -> bytes:
    from tco.views.documents import dumps

    return dumps(document, indent=None).encode("utf-8")


def error_answer(error: BaseException, status: int = 422, lang: str = "en") -> Answer:
    """An ``error`` document with a 4xx status, its message in ``lang``."""
    from tco.views.documents import error_document

    return status, JSON, _encode(error_document(error, lang)), {}


def internal_error_answer(lang: str = "en") -> Answer:
    """The answer to a request whose work failed in a way nobody foresaw: a 500 ``error`` document.

    It says nothing of the failure itself (that goes to the server's log), so no
    memory or file content reaches the client.
    """
    from tco.errors import ServiceError

    err = ServiceError(
        "the service failed to answer this request; the failure is in the server's log"
    ).speaks("service_internal")
    return error_answer(err, 500, lang)


def tender_from(data: Mapping[str, Any]) -> Any:
    """Load a tender sent to the service: its model by id or inline, never a file."""
    import tco

    model = data.get("model")
    if isinstance(model, str) and model not in tco.bundled_models():
        from tco.errors import suggest, suggest_name

        raise ModelNotFoundError(
            f"no bundled model '{model}'{suggest(model, tco.bundled_models())}; the service "
            "takes a bundled model's id or the model itself as a mapping, never a file",
            file=BODY,
            path=("model",),
            value=model,
            expected="a bundled model's id (GET /models) or an inline model",
        ).speaks("service_tender_model", name=model, hint=suggest_name(model, tco.bundled_models()))
    try:
        return tco.load_tender(data)
    except SpecError as err:
        raise err.located(BODY) from None


def _param(params: Mapping[str, Any], name: str, kind: Callable[[str], Any], default: Any) -> Any:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise RequestError(
            f"got '{raw}' for the query parameter '{name}'",
            path=(name,),
            value=raw,
            expected="a whole number" if kind is int else "a number",
        ).speaks(
            "service_query_whole" if kind is int else "service_query_number", value=raw, name=name
        ) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise RequestError(
            f"'{name}' must be finite", path=(name,), value=raw, expected="a finite number"
        ).speaks("service_query_finite", name=name)
    return value


# -- the routes -------------------------------------------------------------------------------
def _evaluate(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    from tco.views.documents import result_document

    return 200, JSON, _encode(result_document(tender_from(data).evaluate())), {}


def _validate(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    from tco.views.documents import validation_document

    if "bids" not in data and "id" in data and "items" in data:  # a product model
        return 200, JSON, _encode(_validate_model(data, lang)), {}
    try:
        tender = tender_from(data)
    except TCOError as err:
        doc = validation_document(BODY, document="tender", error=err, lang=lang)
    else:
        doc = validation_document(
            BODY, document="tender", model=tender.model.id, bids=len(tender.bids)
        )
    return 200, JSON, _encode(doc), {}


def _validate_model(data: dict[str, Any], lang: str) -> Any:
    import tco
    from tco.views.documents import validation_document

    try:
        model = tco.load_model(data)
    except TCOError as err:
        if isinstance(err, SpecError):
            err = err.located(BODY)
        return validation_document(BODY, document="model", error=err, lang=lang)
    return validation_document(
        BODY,
        document="model",
        model=model.id,
        parameters=len(model.parameters),
        items=len(model.items),
    )


def _baseline(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    from tco.analysis.baseline import compare_to_baseline
    from tco.views.documents import analysis_document

    name = params.get("baseline")
    if not name:
        raise RequestError(
            "give the baseline bid as ?baseline=NAME", path=("baseline",), expected="a bid name"
        ).speaks("service_baseline")
    doc = analysis_document("baseline", compare_to_baseline(tender_from(data), name))
    return 200, JSON, _encode(doc), {}


def _sensitivity(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    from tco.analysis.oneway import scenarios, sensitivity
    from tco.views.documents import analysis_document

    tender = tender_from(data)
    if _param(params, "scenarios", str, "") in ("1", "true", "yes"):
        return 200, JSON, _encode(analysis_document("scenarios", scenarios(tender))), {}
    percent = _param(params, "percent", float, 10.0)
    pair = params.get("difference")
    if pair is not None and (not isinstance(pair, list) or len(pair) != 2):
        raise RequestError(
            "give two bids: ?difference=A&difference=B",
            path=("difference",),
            value=pair,
            expected="two bid names",
        ).speaks("service_difference")
    t = sensitivity(tender, percent=percent)
    difference = (pair[0], pair[1]) if pair else None
    doc = analysis_document("sensitivity", t, difference=difference)
    return 200, JSON, _encode(doc), {}


def _montecarlo(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    from tco.analysis.montecarlo import monte_carlo
    from tco.views.documents import analysis_document

    tender = tender_from(data)
    uncertainty = tender.spec.uncertainty or {}
    asked = _param(params, "samples", int, None)
    samples = asked if asked is not None else uncertainty.get("samples", 1000)
    if not isinstance(samples, int) or not 1 <= samples <= SERVICE_MAX_SAMPLES:
        raise LimitError(
            f"{samples} samples; the service draws at most {SERVICE_MAX_SAMPLES} per request",
            path=("samples",),
            value=samples,
            expected=f"1 to {SERVICE_MAX_SAMPLES} samples",
        ).speaks("service_samples", n_q=samples, cap_q=SERVICE_MAX_SAMPLES)
    if samples * len(tender.bids) > SERVICE_MAX_SAMPLE_CELLS:
        raise LimitError(
            f"{samples} samples x {len(tender.bids)} bids; the service holds at most "
            f"{SERVICE_MAX_SAMPLE_CELLS} sampled totals per request",
            path=("samples",),
            value=samples,
            expected="fewer samples or bids",
        ).speaks(
            "service_sample_cells",
            n_q=samples,
            bids_q=len(tender.bids),
            cap_q=SERVICE_MAX_SAMPLE_CELLS,
        )
    seed = _param(params, "seed", int, None)
    mc = monte_carlo(tender, samples=samples, seed=seed)
    doc = analysis_document("montecarlo", mc)
    # a timing, not a fact of the tender: in a header, so equal requests get equal documents
    timing = {"Server-Timing": f"montecarlo;dur={doc.pop('seconds') * 1000:.1f}"}
    return 200, JSON, _encode(doc), timing


def _report(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    import importlib.util

    from tco.views.report import report_html

    tender = tender_from(data)
    wanted = _param(params, "charts", str, "true").lower() not in ("0", "false", "no")
    charts = wanted and importlib.util.find_spec("matplotlib") is not None
    html = report_html(tender.evaluate(), tender, lang=lang, charts=charts)
    headers = {"Content-Disposition": 'attachment; filename="award-report.html"'}
    return 200, "text/html; charset=utf-8", html.encode("utf-8"), headers


def _workbook(data: dict[str, Any], params: Mapping[str, Any], lang: str) -> Answer:
    import tempfile
    from pathlib import Path

    from tco.views.workbook import write_workbook

    tender = tender_from(data)
    with tempfile.TemporaryDirectory() as folder:
        out = write_workbook(
            tender.evaluate(), Path(folder) / "result.xlsx", tender=tender, lang=lang
        )
        body = out.read_bytes()
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return 200, media, body, {"Content-Disposition": 'attachment; filename="result.xlsx"'}
