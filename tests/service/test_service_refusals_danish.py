"""The refusals of a connection (before the application sees a request) follow Accept-Language.

Too many open connections (503), a head over the cap (431), a head too slow (408) and
a request that is not HTTP (400) are answered by the server's protocol itself; each
is an ``error`` document in the language the request's head asks for.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from service_server import running

httpx = pytest.importorskip("httpx")

DA = b"Accept-Language: da-DK,da;q=0.9,en;q=0.5\r\n"
EN = b"Accept-Language: en-GB\r\n"


@pytest.fixture(scope="module")
def small() -> Iterator[str]:
    args = ["--loop", "asyncio", "--workers", "1", "--max-connections", "2"]
    args += ["--header-timeout", "2", "--body-timeout", "20"]
    with running(*args) as (url, _process):
        yield url


def _connect(url: str) -> socket.socket:
    host, port = url.rsplit("/", 1)[1].split(":")
    return socket.create_connection((host, int(port)), timeout=15)


def _answer(sock: socket.socket) -> tuple[int, dict[str, str], dict[str, Any]]:
    chunks = []
    with contextlib.suppress(OSError):
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


def _refused(url: str, send: bytes, status: int) -> dict[str, Any]:
    with _connect(url) as s:
        s.sendall(send)
        got, headers, doc = _answer(s)
    assert (got, headers["content-type"], doc["kind"]) == (status, "application/json", "error")
    return doc


def test_too_many_connections_is_said_in_the_requests_language(small: str) -> None:
    held = []
    try:
        for _ in range(2):  # --max-connections 2, each answering a request whose body is coming
            s = _connect(small)
            s.sendall(
                b"POST /evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 1000\r\n\r\n{"model": '
            )
            held.append(s)
        time.sleep(0.5)
        answers = {}
        for lang, header in (("da", DA), ("en", EN)):
            with _connect(small) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n" + header + b"\r\n")
                status, headers, doc = _answer(s)
            assert (status, headers["retry-after"]) == (503, "1"), doc
            answers[lang] = doc["message"]
    finally:
        for s in held:
            s.close()
    # tco.views.error_messages_api: service_too_many_connections, with --max-connections 2
    assert answers["da"] == "tjenesten har 2 åbne forbindelser, sit maksimum; prøv igen om 1 s"
    assert answers["en"] == "the service has 2 open connections, its most; try again in 1 s"
    time.sleep(0.5)
    assert httpx.get(f"{small}/health", timeout=10).status_code == 200


def test_a_head_too_big_too_slow_or_not_http_is_said_in_the_requests_language(
    small: str,
) -> None:
    big = b"GET /health HTTP/1.1\r\nHost: x\r\n%sX-Big: %s"  # and more to come
    cases = [
        # tco.limits.SERVICE_MAX_HEADER: 16 KiB
        (lambda h: big % (h, b"a" * 20000), 431, "fylder mere end 16.384 byte"),
        (lambda h: b"NOT HTTP AT ALL\r\n" + h + b"\r\n", 400, "er ikke gyldig HTTP/1.1"),
        # the head stops before its blank line: 408 after --header-timeout 2
        (lambda h: b"GET /health HTTP/1.1\r\n" + h, 408, "inden for 2 s"),
    ]
    for send, status, danish in cases:
        da = _refused(small, send(DA), status)
        en = _refused(small, send(EN), status)
        assert danish in da["message"], da
        assert da["errors"][0]["reason"] == en["errors"][0]["reason"]
        assert da["message"] != en["message"] and danish not in en["message"]
