"""Worker processes for the HTTP service, each job with a time limit.

Each request's work runs in one of a fixed number of worker processes. The
event loop waits for the worker's answer without blocking; when a job runs
past its time limit, that worker process is killed and a fresh one started
in its place, so a slow request never holds up the others for longer than
the limit, and never keeps computing after its answer was sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["JobTimeout", "WorkerPool"]


class JobTimeout(Exception):
    """A job ran past its time limit; its worker was replaced."""


def _worker_main(conn: Connection) -> None:  # pragma: no cover - runs in the child
    from tco.service.jobs import error_answer, run, warm_up

    warm_up()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer = run(*job)
        except Exception as exc:  # an unexpected failure must still be answered
            status, media, body, headers = error_answer(exc, 500)
            answer = (status, media, body, headers)
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """A fixed number of worker processes running :func:`tco.service.jobs.run`.

    Parameters
    ----------
    size : int
        Number of worker processes.
    """

    def __init__(self, size: int) -> None:
        self.size = max(1, int(size))
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child,), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.add(worker)
        return worker

    async def _ready(self, worker: _Worker) -> None:
        await self._readable(worker.conn, None)
        worker.conn.recv()
        assert self._idle is not None
        self._idle.put_nowait(worker)

    async def start(self) -> None:
        """Start the workers and wait until each has loaded the library."""
        self._idle = asyncio.Queue()
        workers = [self._spawn() for _ in range(self.size)]
        await asyncio.gather(*(self._ready(w) for w in workers))

    async def _readable(self, conn: Connection, timeout: float | None) -> bool:
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = conn.fileno()

        def wake() -> None:
            if not ready.done():
                ready.set_result(True)

        loop.add_reader(fd, wake)
        try:
            await asyncio.wait_for(ready, timeout)
            return True
        except asyncio.TimeoutError:
            return False
        finally:
            loop.remove_reader(fd)

    def _kill(self, worker: _Worker) -> None:
        self._all.discard(worker)
        with contextlib.suppress(Exception):
            worker.process.kill()
            worker.process.join(1.0)
        with contextlib.suppress(Exception):
            worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._kill(worker)
        fresh = self._spawn()
        asyncio.get_running_loop().create_task(self._ready(fresh))

    async def run(self, job: tuple[Any, ...], timeout: float) -> Any:
        """Run ``job`` in a free worker; raise :class:`JobTimeout` past ``timeout`` seconds."""
        assert self._idle is not None, "start() the pool first"
        worker = await self._idle.get()
        try:
            worker.conn.send(job)
            if not await self._readable(worker.conn, timeout):
                self._replace(worker)
                raise JobTimeout(timeout)
            answer = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise
        except BaseException:
            # cancelled while the worker computes: its answer would come to the next job
            if worker in self._all and worker.process.is_alive():
                self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        return answer

    async def close(self) -> None:
        """Stop every worker."""
        for worker in list(self._all):
            self._kill(worker)
