"""The service's answers when no worker answers: a failure nobody foresaw, a busy pool, a body.

Every one is an ``error`` document of the JSON contract, in the request's
language where it is known, never ``text/plain``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.requests import Request

from tco.errors import ServiceError
from tco.limits import SERVICE_BODY_TIMEOUT
from tco.locale import accepted_language, word
from tco.service.pool import PoolBusy

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

JSON = "application/json"


class TooLarge(Exception):
    """The body is over the cap; its size so far is the argument. [bytes]"""


class TooSlow(Exception):
    """The body did not arrive within its deadline, the argument. [s]"""


def error_bytes(error: BaseException, lang: str = "en") -> bytes:
    """An ``error`` document as the bytes of a JSON answer."""
    from tco.views.documents import dumps, error_document

    return dumps(error_document(error, lang), indent=None).encode("utf-8")


def internal_error() -> ServiceError:
    """The error of a failure the service did not foresee (details go to the log only)."""
    return ServiceError(
        "the service failed to answer this request; the failure is in the server's log"
    ).speaks("service_internal")


def busy_error(busy: PoolBusy) -> ServiceError:
    """The error of a request no worker could take: the queue was full or it waited too long."""
    why = (
        word("busy reason", "its queue is full")
        if busy.reason == "full"
        else word("busy reason", "the request waited too long")
    )
    return ServiceError(f"the service is busy ({why}); try again in {busy.retry_after} s").speaks(
        "service_busy", why=why, retry_q=busy.retry_after
    )


class Guard:
    """The outermost layer of the application: a failure nobody foresaw is an error document.

    Starlette answers an unhandled exception with ``text/plain`` and raises it
    again, and uvicorn then closes the connection. Here it is answered with a
    500 ``error`` document (when no answer has begun) and logged, and the
    connection stays open.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Run the application; answer a failure it raises with a 500 ``error`` document."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            logging.getLogger("tco.service").exception("a request failed")
            if started:  # pragma: no cover - the answer has begun: nothing more can be said
                return
            headers = dict(scope.get("headers") or [])
            lang = accepted_language(headers.get(b"accept-language", b"").decode("latin-1"))
            body = error_bytes(internal_error(), lang)
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", JSON.encode()),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})


async def read_body(request: Request, limit: int, deadline: float = SERVICE_BODY_TIMEOUT) -> bytes:
    """The body, refused (413) as soon as it is known to exceed ``limit`` bytes.

    A body not received within ``deadline`` seconds is refused too (408).
    """
    announced = request.headers.get("content-length")
    if announced is not None and announced.isdigit() and int(announced) > limit:
        raise TooLarge(int(announced))
    chunks: list[bytes] = []

    async def read() -> None:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise TooLarge(size)
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), deadline)
    except asyncio.TimeoutError:
        raise TooSlow(deadline) from None
    return b"".join(chunks)
