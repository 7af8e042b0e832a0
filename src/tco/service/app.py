"""The FastAPI application of ``tco serve``.

The event loop reads requests, enforces the body cap, and hands each
request's work to a :class:`~tco.service.pool.WorkerPool`; answers are the
documents of the JSON contract (:mod:`tco.views.contract`), errors
``error`` documents with a 4xx status. ``Accept-Language: da`` gives Danish
labels, titles, reports and error messages, ``sv`` Swedish.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Sequence
from functools import cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from tco.errors import (
    LimitError,
    RequestError,
    ServiceError,
)
from tco.limits import (
    SERVICE_BODY_TIMEOUT,
    SERVICE_MAX_BODY,
    SERVICE_QUEUE,
    SERVICE_QUEUE_WAIT,
    SERVICE_TIMEOUT,
)
from tco.locale import accepted_language
from tco.service.answers import (
    Guard,
    TooLarge,
    TooSlow,
    busy_error,
    internal_error,
    read_body,
)
from tco.service.pool import JobTimeout, PoolBusy, WorkerLost, WorkerPool
from tco.service.routes import BODIES, ROUTES, Route

__all__ = ["create_app", "openapi_text"]

JSON = "application/json"


#: The message of an HTTP error by its status and standard text (others: service_http_status).
_HTTP_SAYS = {
    (404, "Not Found"): "service_not_found",
    (405, "Method Not Allowed"): "service_method",
}


def _error(
    error: BaseException,
    status: int,
    request: Request,
    headers: dict[str, str] | None = None,
) -> Response:
    """An ``error`` document with ``status``, its message in the request's language."""
    from tco.views.documents import dumps, error_document

    body = dumps(error_document(error, language(request)), indent=None)
    return Response(body, status_code=status, media_type=JSON, headers=headers)


def language(request: Request) -> str:
    """The first language the client accepts, if tco speaks it (``da``, ``sv``), else ``en``."""
    return accepted_language(request.headers.get("accept-language", ""))


#: Where the pages of /docs and /redoc load their scripts and styles from: the service itself.
DOCS_STATIC = "/docs-static"


def _local_docs(app: FastAPI) -> None:
    """Serve ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) from the service's own files.

    The files are those of the ``fastapi_offline`` package, so the pages work on an
    intranet without internet (FastAPI's own pages load them from a CDN).
    """
    from pathlib import Path

    import fastapi_offline
    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    static = Path(fastapi_offline.__file__).parent / "static"
    app.mount(DOCS_STATIC, StaticFiles(directory=static), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = f"{request.scope.get('root_path', '')}"
        return get_swagger_ui_html(
            openapi_url=f"{root}/openapi.json",
            title="tco - Swagger UI",
            swagger_js_url=f"{root}{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_STATIC}/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = f"{request.scope.get('root_path', '')}"
        return get_redoc_html(
            openapi_url=f"{root}/openapi.json",
            title="tco - ReDoc",
            redoc_js_url=f"{root}{DOCS_STATIC}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_STATIC}/favicon.png",
            with_google_fonts=False,
        )


class _CORS(CORSMiddleware):
    """Starlette's CORS, whose refused preflight is an ``error`` document, not plain text."""

    def preflight_response(self, request_headers: Headers) -> Response:
        answer = super().preflight_response(request_headers)
        if answer.status_code == 200:
            return answer
        said = bytes(answer.body).decode("utf-8", "replace")  # "Disallowed CORS origin, ..."
        what = said.removeprefix("Disallowed CORS ")
        lang = accepted_language(request_headers.get("accept-language", ""))
        from tco.service.answers import error_bytes

        err = RequestError(
            f"the browser's request is not allowed here ({what})",
            value=request_headers.get("origin"),
            expected="an origin, method and headers tco serve --cors-origin allows",
        ).speaks("service_cors_refused", what=what)
        headers = {k: v for k, v in answer.headers.items() if k.lower() != "content-length"}
        headers["content-type"] = JSON
        return Response(error_bytes(err, lang), status_code=answer.status_code, headers=headers)


def create_app(
    *,
    workers: int | None = None,
    timeout: float = SERVICE_TIMEOUT,
    queue: int = SERVICE_QUEUE,
    queue_wait: float = SERVICE_QUEUE_WAIT,
    body_timeout: float = SERVICE_BODY_TIMEOUT,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """The service's application; the worker pool starts with the application.

    Parameters
    ----------
    workers : int, optional
        Number of worker processes (default: the number of CPUs).
    timeout : float
        Longest time one request may compute. [s]
    queue : int
        Most requests waiting for a free worker; more are answered 503.
    queue_wait : float
        Longest time a request waits for a free worker before it is answered 503. [s]
    body_timeout : float
        Longest time a client may take to send a request's body (408 past it). [s]
    cors_origins : sequence of str
        Browser origins whose pages may call the service (CORS); none by default.
    """
    from tco import __version__

    pool = WorkerPool(workers or os.cpu_count() or 1, queue=queue, queue_wait=queue_wait)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        # the OpenAPI document takes a second or more to build: built now, not on a request
        built = asyncio.get_running_loop().run_in_executor(None, _served_document)
        try:
            yield
        finally:
            await pool.close()
            with contextlib.suppress(Exception):
                await built

    app = FastAPI(
        title="tco",
        version=__version__,
        description=(
            "Total cost of ownership (life-cycle costing) of the bids in a tender. Every "
            "answer is a document of tco's versioned JSON contract (docs/schema/)."
        ),
        lifespan=lifespan,
        docs_url=None,  # served below from the package's own copies, not from a CDN
        redoc_url=None,
    )
    _local_docs(app)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail, status = str(exc.detail), exc.status_code
        headers = dict(exc.headers or {})
        allow = headers.get("Allow", "")
        if status == 405 and allow:  # the methods the address takes: in Allow and the message
            err = RequestError(
                f"{request.method} is not allowed at {request.url.path}; use {allow}",
                value=request.method,
                expected=allow,
            ).speaks(
                "service_method_allow",
                method=request.method,
                where=request.url.path,
                methods_list=[m.strip() for m in allow.split(",")],
            )
        else:
            err = RequestError(detail, value=request.url.path).speaks(
                _HTTP_SAYS.get((status, detail), "service_http_status"),
                detail=detail,
                status=status,
            )
        return _error(err, status, request, headers or None)

    @app.exception_handler(Exception)
    async def _unforeseen(request: Request, exc: Exception) -> Response:
        return _error(internal_error(), 500, request)

    @app.exception_handler(RequestValidationError)
    async def _query_error(request: Request, exc: RequestValidationError) -> Response:
        detail = str(exc.errors()[0].get("msg", ""))
        err = RequestError(f"invalid request: {detail}", value=request.url.path).speaks(
            "service_invalid_request", detail=detail
        )
        return _error(err, 422, request)

    async def work(request: Request, route: str, types: tuple[str, ...]) -> Response:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in types:
            wrong = RequestError(
                f"cannot read a body of type '{media or 'none'}'",
                value=media,
                expected=" or ".join(types),
            ).speaks("service_media_type", media=media or "none", types_list=list(types))
            return _error(wrong, 415, request)
        try:
            body = await read_body(request, SERVICE_MAX_BODY, body_timeout)
        except TooLarge as big:
            err = LimitError(
                f"the body is {big.args[0]} bytes; the service reads at most "
                f"{SERVICE_MAX_BODY} bytes",
                value=big.args[0],
                expected=f"at most {SERVICE_MAX_BODY} bytes",
            ).speaks("service_body_too_big", size_q=big.args[0], cap_q=SERVICE_MAX_BODY)
            return _error(err, 413, request, {"Connection": "close"})  # the rest is not read
        except TooSlow:
            err = LimitError(
                f"the body was not received within {body_timeout:g} s",
                expected=f"the whole body within {body_timeout:g} s",
            ).speaks("service_body_slow", limit_q=f"{body_timeout:g} s")
            return _error(err, 408, request, {"Connection": "close"})
        params: dict[str, Any] = dict(request.query_params)
        if "difference" in params:  # two bids: ?difference=A&difference=B
            params["difference"] = request.query_params.getlist("difference")
        if len(request.query_params.getlist("basis")) > 1:  # ?basis=A&basis=B: later ones win
            params["basis"] = request.query_params.getlist("basis")
        job = (route, body, media, params, language(request))
        client = request.client.host if request.client is not None else ""
        began = time.perf_counter()
        try:
            status, media_type, content, headers = await pool.run(job, timeout, client)
        except PoolBusy as busy:
            retry = {"Retry-After": str(busy.retry_after)}
            return _error(busy_error(busy), 503, request, retry)
        except WorkerLost:
            lost = ServiceError(
                "the worker computing this request stopped; it was replaced, send the request again"
            ).speaks("service_worker_lost")
            return _error(lost, 500, request)
        except JobTimeout:
            err = LimitError(
                f"the request took longer than the service's limit of {timeout:g} s; "
                "send fewer bids, samples or rows",
                expected=f"at most {timeout:g} s of work",
            ).speaks("service_timeout", limit_q=f"{timeout:g} s")
            return _error(err, 422, request)
        # timings in a header, never in the document: equal requests get equal bodies
        took = f"total;dur={(time.perf_counter() - began) * 1000:.1f}"
        timing = ", ".join(t for t in (headers.get("Server-Timing"), took) if t)
        headers = {**headers, "Server-Timing": timing}
        return Response(content, status_code=status, media_type=media_type, headers=headers)

    @app.get("/health", include_in_schema=False)
    async def health() -> JSONResponse:
        state = pool.health()
        serving = state.pop("serving")
        doc = {"status": "ok" if serving else "unavailable", "version": __version__, **state}
        if serving:
            return JSONResponse(doc)
        return JSONResponse(doc, 503, headers={"Retry-After": str(pool.retry_after())})

    def _endpoint(route: Route) -> Any:
        if route.in_worker:
            types = BODIES[route.request or ""].media_types

            async def in_worker(request: Request) -> Response:
                return await work(request, route.operation_id, types)

            return in_worker
        handler = route.handler
        assert handler is not None

        async def here(request: Request) -> Response:
            params = {**request.query_params, **request.path_params}
            status, media, content, headers = handler(None, params, language(request))
            return Response(content, status_code=status, media_type=media, headers=headers)

        return here

    for route in ROUTES:  # every route of the table, declared by its OpenAPI document
        if route.handler is not None:
            app.add_api_route(
                route.path,
                _endpoint(route),
                methods=[route.method.upper()],
                name=route.operation_id,
                include_in_schema=False,
            )

    def openapi() -> dict[str, Any]:
        if not app.openapi_schema:
            app.openapi_schema = _served_document()
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(Guard)
    if cors_origins:  # outermost, so that an error document carries the headers too
        app.add_middleware(
            _CORS,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Accept-Language"],
            expose_headers=["Retry-After", "Server-Timing", "Content-Disposition"],
            max_age=600,
        )
    return app


@cache
def _served_document() -> dict[str, Any]:
    """The OpenAPI document of every route, built once per process."""
    from tco.service.openapi import openapi_document

    return openapi_document()


def openapi_text() -> str:
    """The OpenAPI document of the service as indented JSON (``docs/schema/openapi.json``)."""
    import json

    return json.dumps(create_app(workers=1).openapi(), indent=2, ensure_ascii=False) + "\n"
