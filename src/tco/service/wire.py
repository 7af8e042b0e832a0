"""The messages between the service and its worker processes, and the worker's loop.

A message is an 8-byte big-endian length and a pickle of that many bytes; a
worker acknowledges each job with one byte as soon as it has read it, so a job
sent to a worker that had just died is known not to have been taken. The
worker reads and writes its end of the socket pair blocking; the service uses
its event loop's own non-blocking socket calls (``sock_sendall``,
``sock_recv_into``), so a message of any size passes under uvloop and under the
plain asyncio loop alike (``multiprocessing.Connection`` on a descriptor the
loop had made non-blocking failed with ``BlockingIOError`` past 16 KiB).
"""

from __future__ import annotations

import asyncio
import os
import pickle
import socket
import struct
import sys
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_HEAD = struct.Struct("!Q")
#: What a worker sends as soon as it has read a job, before it computes.
ACK = b"\x06"
#: Largest message between the service and a worker. [bytes]
_MAX_MESSAGE = 1 << 31


def _recv_exactly(sock: socket.socket, n: int) -> bytearray:  # pragma: no cover - in the child
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:])
        if k == 0:
            raise EOFError
        got += k
    return buf


def _send_blocking(sock: socket.socket, obj: Any) -> None:  # pragma: no cover - in the child
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_HEAD.pack(len(data)))
    sock.sendall(data)


def _recv_blocking(sock: socket.socket) -> Any:  # pragma: no cover - in the child
    (n,) = _HEAD.unpack(_recv_exactly(sock, _HEAD.size))
    return pickle.loads(_recv_exactly(sock, n))


def worker_main(sock: socket.socket) -> None:  # pragma: no cover - runs in the child
    """The loop of a worker process: start, say ready, then answer each job in turn."""
    import traceback

    from tco.service.jobs import internal_error_answer, warm_up
    from tco.service.routes import run

    sock.setblocking(True)
    warm_up()
    _send_blocking(sock, ("ready", os.getpid()))
    while True:
        try:
            job = _recv_blocking(sock)
            sock.sendall(ACK)  # the job is here: from now on it is this worker's
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer = run(*job)
        except Exception:  # an unforeseen failure is still answered, as an error document
            traceback.print_exc(file=sys.stderr)
            answer = internal_error_answer(job[4] if len(job) > 4 else "en")
        try:
            _send_blocking(sock, answer)
        except OSError:
            return
        del job, answer
        trim()  # give the memory of a large job back, so a worker's size stays flat


def _libc_trim() -> Any:  # pragma: no cover - in the child
    """The ``malloc_trim`` of the C library (glibc), or ``None`` where there is none."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = None


def trim() -> None:  # pragma: no cover - in the child
    """Return the free memory of this process's heap to the system (glibc only)."""
    global _TRIM
    if _TRIM is None:
        _TRIM = _libc_trim() or (lambda _: 0)
    _TRIM(0)


async def send(sock: socket.socket, obj: Any) -> None:
    """Send ``obj`` to the other end of ``sock`` (a non-blocking socket)."""
    loop = asyncio.get_running_loop()
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    await loop.sock_sendall(sock, _HEAD.pack(len(data)))
    await loop.sock_sendall(sock, data)


async def _read_exactly(sock: socket.socket, n: int) -> bytearray:
    loop = asyncio.get_running_loop()
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = await loop.sock_recv_into(sock, view[got:])
        if k == 0:
            raise EOFError("the worker closed its end")
        got += k
    return buf


async def acknowledged(sock: socket.socket) -> None:
    """Wait until the worker at the other end of ``sock`` says it has the job just sent.

    Raises :class:`EOFError` if it stopped before: the job was not taken, and may be
    given to another worker.
    """
    if bytes(await _read_exactly(sock, len(ACK))) != ACK:
        raise EOFError("a worker answered before it took the job")


async def receive(sock: socket.socket) -> Any:
    """The next message from the other end of ``sock`` (a non-blocking socket)."""
    (n,) = _HEAD.unpack(await _read_exactly(sock, _HEAD.size))
    if n > _MAX_MESSAGE:
        raise EOFError(f"a message of {n} bytes from a worker")
    return pickle.loads(await _read_exactly(sock, n))
