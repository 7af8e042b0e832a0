"""A real ``tco serve`` process on 127.0.0.1 and a real HTTP client, for the service tests.

Fixtures in a module of their own, not a ``conftest.py``: ``tests/conftest.py`` is
imported by the name ``conftest`` elsewhere, and a second one would shadow it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

#: Time limit of the test server's requests [s]: short, so that the slow request ends soon
#: (test_a_slow_request_is_stopped_while_others_are_served).
TIMEOUT = 3.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(port: int) -> list[str]:
    script = Path(sys.executable).parent / "tco"
    args = ["serve", "--port", str(port), "--workers", "2", "--timeout", str(TIMEOUT)]
    if script.exists():
        return [str(script), *args]
    found = shutil.which("tco")  # pragma: no cover - an environment without the script
    return [found, *args] if found else [sys.executable, "-m", "tco.cli.main", *args]


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and its worker processes (its own process group), whatever happens."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck shutdown
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
    with contextlib.suppress(ProcessLookupError):  # workers left behind after a hard stop
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session", name="server")
def server_fixture() -> Iterator[str]:
    """The base URL of a running ``tco serve``; stopped after the tests."""
    port = free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"tco-serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            _command(port), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"tco serve exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"tco serve not ready: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield url
    finally:
        _stop(process)
        log.unlink(missing_ok=True)


@pytest.fixture(scope="session", name="client")
def client_fixture(server: str) -> Iterator[object]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


@contextlib.contextmanager
def running(
    *args: str, wait_ready: bool = True, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A ``tco serve`` started with ``args`` (besides the port): its URL and process; stopped after.

    With ``wait_ready`` it is returned once ``/health`` says 200; without, at once. ``env``:
    variables set for the server besides this process's own.
    """
    port = free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"tco-serve-{port}.log"
    base = _command(port)
    command = [*base[: base.index("serve") + 1], "--port", str(port), *args]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while wait_ready:
            if process.poll() is not None:
                raise RuntimeError(f"tco serve exited: {log.read_text(errors='replace')}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"tco serve not ready: {log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield url, process
    finally:
        _stop(process)
        log.unlink(missing_ok=True)


def workers_of(process: subprocess.Popen[bytes]) -> list[int]:
    """The process ids of the worker processes of a running ``tco serve``."""
    pids: list[int] = []
    for task in Path(f"/proc/{process.pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                with contextlib.suppress(OSError):
                    if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                        pids.append(int(child))
    return sorted(set(pids))


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
