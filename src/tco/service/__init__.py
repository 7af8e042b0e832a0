"""The optional HTTP service: ``tco serve`` (needs the ``service`` extra).

Evaluate, validate and analyse tenders sent as JSON or YAML, list the bundled
models and bases, give a model's tender schema, evaluate tables in batch,
and return the award report and the result workbook as downloads. Every
answer is a document of the JSON contract (:mod:`tco.views.contract`); the
OpenAPI document is at ``/openapi.json`` (a copy in
``docs/schema/openapi.json``). Each request's work runs in a worker process
with a time limit (:mod:`tco.service.pool`); bodies, samples and rows are
capped (:mod:`tco.limits`). See ``docs/integration.md``.
"""

from __future__ import annotations

__all__ = ["serve"]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    log_level: str = "warning",
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
    """
    import uvicorn

    from tco.limits import SERVICE_TIMEOUT
    from tco.service.app import create_app

    app = create_app(workers=workers, timeout=timeout or SERVICE_TIMEOUT)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
