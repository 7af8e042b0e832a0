"""The queue of jobs waiting for a worker of the HTTP service: bounded, and fair between clients.

A free worker goes to the waiting client (by address) that was given one
longest ago, or never: a client that floods the service with requests waits
its turn behind the others' first requests, not the other way round. When the
queue is full, the newest job of the client holding the most places gives its
place to a client holding at least two fewer; otherwise the new job is
refused. Behind a reverse proxy every client has the proxy's address, and the
queue is first come, first served.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
from typing import Generic, TypeVar

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

T = TypeVar("T")


class QueueFull(Exception):
    """The queue is full, and the client holds no fewer places than the others."""


class FairQueue(Generic[T]):
    """Futures of waiting jobs, by client.

    Parameters
    ----------
    size : int
        Most jobs waiting at once.
    """

    def __init__(self, size: int) -> None:
        self.size = max(0, int(size))
        #: client -> its waiting jobs, oldest first
        self._waiting: dict[str, collections.deque[asyncio.Future[T]]] = {}
        #: client -> when it was last given a worker (a count of workers given)
        self._served: dict[str, int] = {}
        self._given = 0

    def __len__(self) -> int:
        return sum(len(q) for q in self._waiting.values())

    def served(self, client: str) -> None:
        """Note that ``client`` was just given a worker."""
        self._given += 1
        self._served[client] = self._given
        if len(self._served) > 4 * self.size + 1024:  # forget clients that wait no more
            self._served = {c: n for c, n in self._served.items() if c in self._waiting}

    def join(self, client: str, refused: BaseException) -> asyncio.Future[T]:
        """A place for a job of ``client``: a future given the worker when its turn comes.

        Raises :class:`QueueFull` when there is no place; a job that gives its place to
        ``client`` gets ``refused`` as its future's exception.
        """
        if len(self) >= self.size:
            mine = len(self._waiting.get(client, ()))
            heavy = max(self._waiting, key=lambda c: len(self._waiting[c]), default=None)
            if heavy is None or len(self._waiting[heavy]) <= mine + 1:
                raise QueueFull
            victim = self._waiting[heavy].pop()
            if not self._waiting[heavy]:
                del self._waiting[heavy]
            if not victim.done():
                victim.set_exception(refused)
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(client, collections.deque()).append(future)
        return future

    def give(self, item: T) -> bool:
        """Give ``item`` to the next waiting job (of the client served longest ago)."""
        while self._waiting:
            client = min(self._waiting, key=lambda c: self._served.get(c, 0))
            waiting = self._waiting[client]
            future = waiting.popleft()
            if not waiting:
                del self._waiting[client]
            if not future.done():
                self.served(client)
                future.set_result(item)
                return True
        return False

    def leave(self, client: str, future: asyncio.Future[T]) -> None:
        """Take the job of ``future`` out of the queue (it waited too long, or was cancelled)."""
        waiting = self._waiting.get(client)
        if waiting is not None:
            with contextlib.suppress(ValueError):
                waiting.remove(future)
            if not waiting:
                del self._waiting[client]
        future.cancel()

    def refuse_all(self, refused: BaseException) -> None:
        """Refuse every waiting job with ``refused``."""
        for waiting in self._waiting.values():
            for future in waiting:
                if not future.done():
                    future.set_exception(refused)
        self._waiting.clear()
