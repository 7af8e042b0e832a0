"""The HTTP server of ``tco serve``: uvicorn, with limits on what each connection may hold.

uvicorn reads requests; its HTTP protocol (httptools, or h11 without it) is
extended here so that a client cannot hold the server with slow or oversized
requests:

- a request's line and headers must arrive within
  :data:`~tco.limits.SERVICE_HEADER_TIMEOUT` seconds of the connection's start
  (or of the previous answer on a keep-alive connection), and hold at most
  :data:`~tco.limits.SERVICE_MAX_HEADER` bytes: otherwise 408 or 431, and the
  connection is closed;
- an idle keep-alive connection is closed after
  :data:`~tco.limits.SERVICE_KEEP_ALIVE` seconds;
- at most ``max_connections`` connections are open; one more closes the
  connection that has waited longest for a request's head (a slow client,
  never a request being answered), or, if every connection is busy, is
  answered 503 with ``Retry-After``;
- a request the parser cannot read is answered 400.

Every such answer is an ``error`` document of the JSON contract. The body's
own deadline (:data:`~tco.limits.SERVICE_BODY_TIMEOUT`) is kept by the
application (:func:`tco.service.app.read_body`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import re
import resource
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tco.errors import LimitError, ServiceError, SpecError
from tco.limits import (
    SERVICE_BODY_TIMEOUT,
    SERVICE_HEADER_TIMEOUT,
    SERVICE_KEEP_ALIVE,
    SERVICE_MAX_BODY,
    SERVICE_MAX_CONNECTIONS,
    SERVICE_MAX_HEADER,
    SERVICE_QUEUE,
    SERVICE_QUEUE_WAIT,
    SERVICE_TIMEOUT,
)
from tco.locale import accepted_language

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The event loops ``tco serve --loop`` runs on: uvloop if installed (``auto``), or the named one.
LOOPS = ("auto", "uvloop", "asyncio")

_REASONS = {
    400: b"Bad Request",
    408: b"Request Timeout",
    431: b"Request Header Fields Too Large",
    503: b"Service Unavailable",
}


#: Longest time a connection refused for want of room is held for its request's head, so that
#: the refusal is said in the language the head asks for. [s]
_REFUSAL_WAIT = 1.0
_ACCEPT_LANGUAGE = re.compile(rb"\r\naccept-language:[ \t]*([^\r\n]*)", re.IGNORECASE)


def head_language(head: bytes) -> str:
    r"""The language the ``Accept-Language`` of a request's head asks for first (``en`` if none).

    Examples
    --------
    >>> head_language(b"GET / HTTP/1.1\r\nAccept-Language: da-DK,en;q=0.5\r\n")
    'da'
    >>> head_language(b"GET / HTTP/1.1\r\naccept-language: sv\r\n")
    'sv'
    >>> head_language(b"GET / HTTP/1.1\r\nHost: x\r\n")
    'en'
    """
    found = _ACCEPT_LANGUAGE.search(head)
    return accepted_language(found.group(1).decode("latin-1") if found else "")


def _answer(
    status: int, error: BaseException, retry_after: int | None = None, lang: str = "en"
) -> bytes:
    """A whole HTTP/1.1 answer carrying ``error`` as an ``error`` document; the connection ends."""
    from tco.service.answers import error_bytes

    body = error_bytes(error, lang)
    head = [
        b"HTTP/1.1 %d %s" % (status, _REASONS[status]),
        b"content-type: application/json",
        b"content-length: %d" % len(body),
        b"connection: close",
    ]
    if retry_after is not None:
        head.append(b"retry-after: %d" % retry_after)
    return b"\r\n".join(head) + b"\r\n\r\n" + body


@dataclass
class _Gate:
    """The limits of the connections of one server, and the connections waiting for a head."""

    max_connections: int
    max_header: int = SERVICE_MAX_HEADER
    header_timeout: float = SERVICE_HEADER_TIMEOUT
    #: connections waiting for a request's head, longest-waiting first
    waiting: collections.OrderedDict[Any, None] = field(default_factory=collections.OrderedDict)


class _Limited(asyncio.Protocol):
    """What the two HTTP protocols share: the head's deadline and size, the connection cap.

    Mixed in before uvicorn's protocol class (``class P(_Limited, HttpToolsProtocol)``);
    ``super()`` is uvicorn's protocol.
    """

    gate: _Gate
    # uvicorn's per-connection state, read here
    transport: asyncio.Transport
    connections: set[Any]
    cycle: Any
    loop: asyncio.AbstractEventLoop

    _head_bytes = 0
    #: the head read so far (at most max_header bytes): its Accept-Language says the language
    #: of a refusal
    _head = b""
    _head_timer: asyncio.TimerHandle | None = None
    _seen: Any = None
    _refused = False
    #: the refusal of a connection over the cap, said once its head is read
    _refusal: ServiceError | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        gate = self.gate
        if len(self.connections) > gate.max_connections:
            victim = next(iter(gate.waiting), None)
            if victim is None:  # every connection is being answered: refuse this one
                self._refusal = ServiceError(
                    f"the service has {gate.max_connections} open connections, its most; "
                    "try again in 1 s"
                ).speaks("service_too_many_connections", cap_q=gate.max_connections, retry_q=1)
                self._refused = True  # nothing of it reaches the application
                wait = min(_REFUSAL_WAIT, gate.header_timeout)
                self._head_timer = self.loop.call_later(wait, self._refuse_busy)
                return
            victim._late(evicted=True)
        self._wait_head()

    def _refuse_busy(self) -> None:
        """Refuse a connection over the cap: 503, in the language its head asked for."""
        refusal, self._refusal = self._refusal, None
        if refusal is not None:
            self._refuse(_answer(503, refusal, 1, head_language(self._head)))

    def _wait_head(self) -> None:
        self._head_bytes = 0
        self._head = b""
        gate = self.gate
        gate.waiting.pop(self, None)
        gate.waiting[self] = None
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._head_timer = self.loop.call_later(gate.header_timeout, self._late)

    def _head_done(self) -> None:
        self.gate.waiting.pop(self, None)
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _late(self, evicted: bool = False) -> None:
        """The head did not come in time (or room was needed): 408, or a quiet close if idle."""
        self._head_done()
        if self.transport.is_closing():
            return
        if self._head_bytes == 0 and (evicted or self._seen is not None):
            self._refuse(b"")  # an idle keep-alive connection: closed without a word
            return
        limit = f"{self.gate.header_timeout:g} s"
        err = LimitError(
            f"the request's line and headers were not received within {limit}",
            expected=f"a request's line and headers within {limit}",
        ).speaks("service_head_slow", limit_q=limit)
        self._refuse(_answer(408, err, lang=head_language(self._head)))

    def _refuse(self, answer: bytes) -> None:
        self._refused = True
        self._head_done()
        with contextlib.suppress(Exception):
            if answer:
                self.transport.write(answer)
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            if self._refusal is not None:  # over the cap: its head, for the refusal's language
                self._head = (self._head + data)[: self.gate.max_header]
                if b"\r\n\r\n" in self._head or len(self._head) >= self.gate.max_header:
                    self._refuse_busy()
            return
        waiting = self in self.gate.waiting
        if waiting and len(self._head) < self.gate.max_header:
            self._head = (self._head + data)[: self.gate.max_header]
        # the rest of a body the application did not read is the old request's, not a head
        draining = self.cycle is not None and bool(getattr(self.cycle, "more_body", False))
        super().data_received(data)
        if not waiting or draining or self.transport.is_closing():
            return
        if self.cycle is not None and self.cycle is not self._seen:  # a head is complete
            self._seen = self.cycle
            self._head_done()
            return
        self._head_bytes += len(data)
        if self._head_bytes > self.gate.max_header:
            cap = self.gate.max_header
            err = LimitError(
                f"the request's line and headers are over {cap} bytes",
                value=self._head_bytes,
                expected=f"at most {cap} bytes",
            ).speaks("service_head_too_big", cap_q=cap)
            self._refuse(_answer(431, err, lang=head_language(self._head)))

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        if self.transport.is_closing():
            return
        if self.cycle is not self._seen:  # a pipelined request's head was already read
            self._seen = self.cycle
        elif self.cycle is None or self.cycle.response_complete:
            self._wait_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_done()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        err = SpecError(f"the request is not valid HTTP/1.1: {msg}").speaks("service_bad_http")
        self._refuse(_answer(400, err, lang=head_language(self._head)))


def protocol_class(
    max_connections: int = SERVICE_MAX_CONNECTIONS, header_timeout: float = SERVICE_HEADER_TIMEOUT
) -> type[asyncio.Protocol]:
    """The HTTP protocol of uvicorn (httptools, else h11) with the limits of this module.

    Parameters
    ----------
    max_connections : int
        Most open connections.
    header_timeout : float
        Longest time a client may take to send a request's line and headers. [s]
    """
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as base
    except ImportError:  # pragma: no cover - uvicorn without httptools
        from uvicorn.protocols.http.h11_impl import H11Protocol as base  # type: ignore[assignment]
    gate = _Gate(max_connections=max_connections, header_timeout=header_timeout)
    return type("LimitedHTTPProtocol", (_Limited, base), {"gate": gate})


def _open_files(needed: int) -> None:
    """Raise this process's limit of open files to ``needed`` if the system allows it."""
    with contextlib.suppress(ValueError, OSError):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != resource.RLIM_INFINITY and soft < needed:
            top = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
            resource.setrlimit(resource.RLIMIT_NOFILE, (top, hard))


def startup_line(
    url: str,
    loop: str,
    workers: int,
    *,
    timeout: float,
    queue: int,
    max_body: int,
    cors_origins: Sequence[str] = (),
    lang: str = "en",
) -> str:
    """The line ``tco serve`` prints once it listens: where, on which loop, with which limits.

    Parameters
    ----------
    url : str
        Where the service listens.
    loop : str
        The event loop it runs on (``uvloop`` or ``asyncio``).
    workers : int
        Worker processes that compute.
    timeout : float
        Longest time one request may compute. [s]
    queue : int
        Most requests waiting for a free worker.
    max_body : int
        Largest request body. [bytes]
    cors_origins : sequence of str
        The browser origins allowed to call it (none: no CORS headers).
    lang : {"en", "da"}
        The language of the line.

    Examples
    --------
    >>> startup_line("http://127.0.0.1:8000", "uvloop", 2, timeout=10, queue=64,
    ...              max_body=1048576, lang="da")  # doctest: +NORMALIZE_WHITESPACE
    'tco serve lytter på http://127.0.0.1:8000 (uvloop, arbejdsprocesser: 2; forespørgsler
    højst 1.048.576 byte, kø højst 64, tidsgrænse 10 s pr. forespørgsel; CORS: ingen)'
    """
    from tco.views.i18n import number, separators, text

    return text(
        "cli.serve listening",
        lang,
        url=url,
        loop=loop,
        workers=workers,
        body=number(max_body, 0, lang),
        queue=number(queue, 0, lang),
        timeout=f"{timeout:g}".replace(".", separators(lang)[1]),
        cors=", ".join(cors_origins) if cors_origins else text("cli.serve no cors", lang),
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    log_level: str = "warning",
    loop: str = "auto",
    queue: int = SERVICE_QUEUE,
    queue_wait: float = SERVICE_QUEUE_WAIT,
    max_connections: int = SERVICE_MAX_CONNECTIONS,
    header_timeout: float = SERVICE_HEADER_TIMEOUT,
    body_timeout: float = SERVICE_BODY_TIMEOUT,
    cors_origins: Sequence[str] = (),
    lang: str = "en",
) -> None:
    """Run the service until interrupted (see :func:`tco.service.serve`)."""
    import os
    import sys

    import uvicorn

    from tco.service.app import create_app

    processes = workers or os.cpu_count() or 1
    limit = timeout or SERVICE_TIMEOUT
    app = create_app(
        workers=processes,
        timeout=limit,
        queue=queue,
        queue_wait=queue_wait,
        body_timeout=body_timeout,
        cors_origins=cors_origins,
    )
    _open_files(max_connections + 256)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        loop="uvloop" if loop == "uvloop" else ("asyncio" if loop == "asyncio" else "auto"),
        http=protocol_class(max_connections, header_timeout),
        timeout_keep_alive=SERVICE_KEEP_ALIVE,
        # h11's own cap above ours, so that the head is refused by ours (431), as with httptools
        h11_max_incomplete_event_size=SERVICE_MAX_HEADER + 256 * 1024,
    )

    class Server(uvicorn.Server):
        """uvicorn's server, which says where it listens once it does."""

        async def startup(self, sockets: list[Any] | None = None) -> None:
            await super().startup(sockets)
            if not self.started:  # it could not listen: uvicorn has said why
                return
            running = type(asyncio.get_running_loop()).__module__.split(".")[0]
            line = startup_line(
                f"http://{host}:{port}",
                "uvloop" if running == "uvloop" else "asyncio",
                processes,
                timeout=limit,
                queue=queue,
                max_body=SERVICE_MAX_BODY,
                cors_origins=cors_origins,
                lang=lang,
            )
            print(line, file=sys.stderr, flush=True)

    Server(config).run()
