"""Worker processes for the HTTP service: a pool that keeps its size, with a bounded queue.

Each request's work runs in one of a fixed number of worker processes. The
event loop talks to a worker over a socket pair with length-prefixed
messages, using the loop's own non-blocking socket calls
(``sock_sendall``, ``sock_recv_into``), so a request or an answer of any size
passes under uvloop and under the plain asyncio loop alike.

The pool keeps its size: a worker that dies, while it starts, while it waits
or while it computes, is replaced (a worker that keeps dying while it
starts is retried less and less often). When a job runs past its time limit,
its worker is killed and replaced, so a slow request never keeps computing
after its answer was sent. Requests wait for a free worker in a bounded
queue; a free worker goes to the client (by address) served longest ago, so
one client's flood does not push everybody else's requests to the back. When
the queue is full, or a request has waited longer than its limit, it is
refused with :class:`PoolBusy` (answered 503 with ``Retry-After``), never left
to hang.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import math
import multiprocessing
import pickle
import socket
import time
from dataclasses import dataclass, field
from typing import Any

from tco.limits import SERVICE_QUEUE, SERVICE_QUEUE_WAIT
from tco.service.fairness import FairQueue, QueueFull
from tco.service.wire import acknowledged, receive, send, worker_main

__all__ = ["JobTimeout", "PoolBusy", "WorkerLost", "WorkerPool"]

#: Longest time a worker may take to start (import tco, load the bundled models). [s]
START_TIMEOUT = 120.0
#: How often the pool looks for workers that died while waiting. [s]
CHECK_EVERY = 0.2


class JobTimeout(Exception):
    """A job ran past its time limit; its worker was replaced."""


class WorkerLost(Exception):
    """The worker computing a job stopped before it answered; it was replaced."""


class PoolBusy(Exception):
    """No worker could take the job: the queue is full or the job waited too long.

    Parameters
    ----------
    reason : {"full", "waited"}
        Why the job was refused.
    retry_after : int
        Seconds after which the client may try again. [s]
    """

    def __init__(self, reason: str, retry_after: int) -> None:
        super().__init__(reason, retry_after)
        self.reason = reason
        self.retry_after = retry_after


class _NotDelivered(Exception):
    """The job could not be sent: the worker had already stopped."""


@dataclass(eq=False)
class _Worker:
    process: Any
    sock: socket.socket
    ready: bool = False
    busy: bool = False
    started: float = field(default_factory=time.monotonic)
    task: asyncio.Task[None] | None = None


def _alive(worker: _Worker) -> bool:
    """Whether a worker that waits for work (or starts) is alive.

    An idle worker never writes, so its end of the socket pair is readable only at
    its end (end of file): that is checked as well as the process, whose exit
    status may have been collected elsewhere (``is_alive`` then says it runs).
    """
    if not worker.process.is_alive():
        return False
    try:
        return worker.sock.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


class WorkerPool:
    """A fixed number of worker processes running :func:`tco.service.routes.run`.

    Parameters
    ----------
    size : int
        Number of worker processes.
    queue : int
        Most jobs waiting for a free worker; one more is refused with :class:`PoolBusy`.
    queue_wait : float
        Longest time a job waits for a free worker before it is refused. [s]
    """

    def __init__(
        self, size: int, *, queue: int = SERVICE_QUEUE, queue_wait: float = SERVICE_QUEUE_WAIT
    ) -> None:
        self.size = max(1, int(size))
        self.queue = max(0, int(queue))
        self.queue_wait = float(queue_wait)
        self._ctx = multiprocessing.get_context("spawn")
        self._workers: set[_Worker] = set()
        self._idle: collections.deque[_Worker] = collections.deque()
        self._queue: FairQueue[_Worker] = FairQueue(self.queue)
        self._supervisor: asyncio.Task[None] | None = None
        self._failures = 0  # workers in a row that died before they were ready
        self._next_spawn = 0.0
        self._closed = False
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- workers ---------------------------------------------------------------------------------
    def _spawn(self) -> None:
        parent, child = socket.socketpair()
        process = self._ctx.Process(target=worker_main, args=(child,), daemon=True)
        try:
            process.start()
        finally:
            child.close()
        parent.setblocking(False)
        worker = _Worker(process, parent)
        self._workers.add(worker)
        worker.task = asyncio.get_running_loop().create_task(self._await_ready(worker))

    async def _await_ready(self, worker: _Worker) -> None:
        try:
            await asyncio.wait_for(receive(worker.sock), START_TIMEOUT)
        except asyncio.CancelledError:
            raise
        except Exception:  # died or hung while it started: replaced by the supervisor
            self._failures += 1
            self._discard(worker)
            return
        worker.ready = True
        self._failures = 0
        self._release(worker)

    def _discard(self, worker: _Worker) -> None:
        """Stop ``worker`` and forget it; the supervisor starts another in its place."""
        self._workers.discard(worker)
        with contextlib.suppress(ValueError):
            self._idle.remove(worker)
        with contextlib.suppress(Exception):
            worker.process.kill()
        with contextlib.suppress(Exception):
            worker.sock.close()
        # reap the process without blocking the loop (it was killed: this is quick)
        task = asyncio.get_running_loop().create_task(self._reap(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if worker.task is not None and worker.task is not asyncio.current_task():
            worker.task.cancel()

    @staticmethod
    async def _reap(worker: _Worker) -> None:
        for _ in range(100):
            if not worker.process.is_alive():
                break
            await asyncio.sleep(0.05)
        with contextlib.suppress(Exception):
            worker.process.join(0)
            worker.process.close()

    def _fill(self) -> None:
        """Start workers until the pool is at its size (slower after failed starts)."""
        now = time.monotonic()
        if now < self._next_spawn:
            return
        while len(self._workers) < self.size and not self._closed:
            self._spawn()
        if self._failures >= 3:  # a worker that cannot start: try again, less often
            self._next_spawn = now + min(30.0, 0.5 * 2 ** min(self._failures - 3, 6))

    async def _supervise(self) -> None:
        while not self._closed:
            for worker in list(self._workers):
                if not worker.busy and worker.ready and not _alive(worker):
                    self._discard(worker)  # died while it waited for work
            self._fill()
            await asyncio.sleep(CHECK_EVERY)

    # -- the queue -------------------------------------------------------------------------------
    def _release(self, worker: _Worker) -> None:
        """``worker`` is free: give it to a waiting job (of the client served longest ago)."""
        worker.busy = False
        if worker not in self._workers:
            return
        worker.busy = True
        if not self._queue.give(worker):
            worker.busy = False
            self._idle.append(worker)

    def retry_after(self) -> int:
        """Seconds a refused client should wait before it tries again. [s]"""
        return max(1, math.ceil(self.queue_wait / 4))

    async def _acquire(self, client: str) -> _Worker:
        while self._idle:
            worker = self._idle.popleft()
            if _alive(worker):
                worker.busy = True
                self._queue.served(client)
                return worker
            self._discard(worker)
        try:
            future = self._queue.join(client, PoolBusy("full", self.retry_after()))
        except QueueFull:
            raise PoolBusy("full", self.retry_after()) from None
        try:
            await asyncio.wait({future}, timeout=self.queue_wait)
        except BaseException:  # cancelled while it waited: give back a worker it was given
            if future.done() and not future.cancelled() and future.exception() is None:
                self._release(future.result())
            else:
                self._queue.leave(client, future)
            raise
        if not future.done():
            self._queue.leave(client, future)
            raise PoolBusy("waited", self.retry_after())
        return future.result()  # a worker, or PoolBusy when it gave up its place

    # -- the public interface --------------------------------------------------------------------
    async def start(self, wait: float = START_TIMEOUT) -> None:
        """Start the workers and wait (at most ``wait`` seconds) until each is ready.

        A worker that dies while it starts is replaced. If the pool is not full when
        ``wait`` has passed, or workers keep dying as they start (twice the pool's size
        in a row), the service starts anyway, goes on trying to start workers, and says
        that it cannot serve in :meth:`health` until one is ready.
        """
        self._closed = False
        self._fill()
        self._supervisor = asyncio.get_running_loop().create_task(self._supervise())
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and self.ready() < self.size:
            if self._failures >= 2 * self.size:
                break
            await asyncio.sleep(0.05)

    def ready(self) -> int:
        """The number of workers that are ready and alive."""
        return sum(1 for w in self._workers if w.ready and (w.busy or _alive(w)))

    def health(self) -> dict[str, Any]:
        """The pool's state: ``serving`` (a job would be taken) and the counts behind it."""
        ready = self.ready()
        busy = sum(1 for w in self._workers if w.busy and w.ready)
        queued = len(self._queue)
        return {
            "serving": ready > 0 and queued < self.queue and not self._closed,
            "workers": self.size,
            "ready": ready,
            "busy": busy,
            "starting": sum(1 for w in self._workers if not w.ready),
            "queued": queued,
            "queue": self.queue,
        }

    async def run(self, job: tuple[Any, ...], timeout: float, client: str = "") -> Any:
        """Run ``job`` in a free worker and return its answer.

        Parameters
        ----------
        job : tuple
            The arguments of :func:`tco.service.routes.run`.
        timeout : float
            Longest time the job may compute. [s]
        client : str
            The client's address: a free worker goes to the client served longest ago.

        Raises
        ------
        PoolBusy
            No worker took the job (queue full, or waited too long).
        JobTimeout
            The job computed longer than ``timeout``; its worker was replaced.
        WorkerLost
            The worker stopped while it computed; it was replaced.
        """
        for _ in range(3):  # a worker found dead when the job is sent: try another
            worker = await self._acquire(client)
            try:
                answer = await asyncio.wait_for(self._exchange(worker, job), timeout)
            except _NotDelivered:
                self._discard(worker)
                continue
            except asyncio.TimeoutError:
                self._discard(worker)
                raise JobTimeout(timeout) from None
            except (EOFError, OSError, pickle.UnpicklingError) as exc:
                self._discard(worker)
                raise WorkerLost(str(exc)) from None
            except BaseException:  # cancelled while the worker computes: its answer is lost
                self._discard(worker)
                raise
            self._release(worker)
            return answer
        raise WorkerLost("no worker took the job")

    @staticmethod
    async def _exchange(worker: _Worker, job: tuple[Any, ...]) -> Any:
        try:
            await send(worker.sock, job)
            await acknowledged(worker.sock)
        except (OSError, EOFError) as exc:  # it stopped before it took the job
            raise _NotDelivered(str(exc)) from None
        return await receive(worker.sock)

    async def close(self) -> None:
        """Stop every worker and refuse every waiting job."""
        self._closed = True
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
        self._queue.refuse_all(PoolBusy("full", self.retry_after()))
        for worker in list(self._workers):
            self._discard(worker)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
