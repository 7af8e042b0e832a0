"""The optional HTTP service: ``tco serve`` (needs the ``service`` extra).

Evaluate, validate and analyse tenders sent as JSON or YAML, list the bundled
models and bases, give a model's tender schema, evaluate tables in batch,
rank baskets and usage profiles, give abatement costs, follow-ups and
portfolios (:mod:`tco.service.routes_more`), and return the award report, the
result workbook and the tender annex as downloads. Every
answer is a document of the JSON contract (:mod:`tco.views.contract`); the
OpenAPI document is at ``/openapi.json`` (a copy in
``docs/schema/openapi.json``). Each request's work runs in a worker process
with a time limit (:mod:`tco.service.pool`); bodies, samples and rows are
capped (:mod:`tco.limits`). See ``docs/integration.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["serve"]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    log_level: str = "warning",
    loop: str = "auto",
    queue: int | None = None,
    queue_wait: float | None = None,
    max_connections: int | None = None,
    header_timeout: float | None = None,
    body_timeout: float | None = None,
    cors_origins: Sequence[str] = (),
    lang: str = "en",
) -> None:
    """Run the service until interrupted.

    Parameters
    ----------
    host : str
        The address to listen on (``127.0.0.1``: this machine only).
    port : int
        The TCP port.
    workers : int, optional
        Worker processes that compute (default: the number of CPUs).
    timeout : float, optional
        Longest time one request may compute (default
        :data:`tco.limits.SERVICE_TIMEOUT`). [s]
    log_level : str
        uvicorn's log level.
    loop : {"auto", "uvloop", "asyncio"}
        The event loop: uvloop when it is installed (``auto``), or the one named.
    queue : int, optional
        Most requests waiting for a free worker; more are answered 503 with
        ``Retry-After`` (default :data:`tco.limits.SERVICE_QUEUE`).
    queue_wait : float, optional
        Longest time a request waits for a free worker before it is answered
        503 (default :data:`tco.limits.SERVICE_QUEUE_WAIT`). [s]
    max_connections : int, optional
        Most open connections (default :data:`tco.limits.SERVICE_MAX_CONNECTIONS`).
    header_timeout : float, optional
        Longest time a client may take to send a request's line and headers (default
        :data:`tco.limits.SERVICE_HEADER_TIMEOUT`). [s]
    body_timeout : float, optional
        Longest time a client may take to send a request's body (default
        :data:`tco.limits.SERVICE_BODY_TIMEOUT`). [s]
    cors_origins : sequence of str
        Browser origins (``https://intranet.example``) whose pages may call the
        service; none by default, so a browser refuses a page of another origin.
    lang : {"en", "da"}
        The language of the line printed once the service listens.
    """
    from tco import limits
    from tco.service.server import serve as run_server

    run_server(
        host,
        port,
        workers=workers,
        timeout=timeout,
        log_level=log_level,
        loop=loop,
        queue=limits.SERVICE_QUEUE if queue is None else queue,
        queue_wait=limits.SERVICE_QUEUE_WAIT if queue_wait is None else queue_wait,
        max_connections=(
            limits.SERVICE_MAX_CONNECTIONS if max_connections is None else max_connections
        ),
        header_timeout=limits.SERVICE_HEADER_TIMEOUT if header_timeout is None else header_timeout,
        body_timeout=limits.SERVICE_BODY_TIMEOUT if body_timeout is None else body_timeout,
        cors_origins=cors_origins,
        lang=lang,
    )
