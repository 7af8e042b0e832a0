"""The service holds under load and hostile clients: a real ``tco serve`` on 127.0.0.1.

Each case was seen failing before: answers over 16 KiB and bodies over 245 kB
were a plain-text 500 under uvloop (the worker's pipe left non-blocking), a
worker that died was not replaced, a full queue hung, slow or oversized
requests held the server, bodies that say one thing twice were read on the
last one, and an Arrow stream could show the worker's memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from service_server import (  # noqa: F401  (fixtures)
    alive,
    client_fixture,
    running,
    server_fixture,
    workers_of,
)

import tco
from tco.io.yamlio import read_yaml_file
from tco.views.documents import dumps, result_document

httpx = pytest.importorskip("httpx")

LIGHTING = tco.example_path("indoor-lighting")
JSON = "application/json"
ARROW = "application/vnd.apache.arrow.stream"


def _tender(bids: int = 3) -> dict[str, Any]:
    data = read_yaml_file(LIGHTING)
    if bids != 3:
        data["bids"] = [
            {"name": f"B{i}", "price": f"{1000 + i} DKK", "power": "32 W", "rated_life": "50000 h"}
            for i in range(bids)
        ]
    return data


def _library(data: dict[str, Any]) -> Any:
    return json.loads(dumps(result_document(tco.load_tender(data).evaluate())))


def _error(r: Any, status: int, error_class: str | None = None) -> dict[str, Any]:
    """The answer is an ``error`` document with ``status`` (and ``error_class``)."""
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith(JSON), r.headers
    doc: dict[str, Any] = r.json()
    assert doc["kind"] == "error"
    if error_class is not None:
        assert doc["errors"][0]["error_class"] == error_class, doc
    return doc


def _slow_tender() -> dict[str, Any]:
    """A Monte Carlo run of many seconds (within the library's caps), to hold a worker."""
    data = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    data["assumptions"]["period"] = "100 year"
    data["bids"] = [
        {"name": f"B{i}", "price": "1450 DKK", "power": "32 W", "rated_life": f"{30000 + i} h"}
        for i in range(240)
    ]
    return data


SLOW = "/montecarlo?samples=20000&seed=1"


# -- big answers and bodies, under uvloop (the session's server) and plain asyncio -------------------
def _big_requests(url: str) -> None:
    """Many concurrent requests whose bodies or answers are over 16 KiB and 245 kB."""
    ten = _tender(10)  # a result document of 10 bids is about 18 KB
    big = _tender(3)
    big["title"] = "x" * 820_000  # an 820 KB body (the cap is 1 MiB)
    rows = [{"price": 1000.0 + i, "power": 32.0, "rated_life": 50000.0} for i in range(5000)]
    batch = {"model": "indoor-lighting", "assumptions": {"period": "15 year"}, "rows": rows}
    want_ten = _library(ten)
    want_batch = tco.evaluate_batch(
        "indoor-lighting",
        {k: [r[k] for r in rows] for k in ("price", "power", "rated_life")},
        assumptions={"period": "15 year"},
    )["total"].tolist()

    def client(k: int) -> list[str]:
        wrong: list[str] = []
        with httpx.Client(base_url=url, timeout=60) as c:  # one keep-alive connection
            for j in range(4):
                case = (k + j) % 4
                if case == 0:
                    r = c.post("/evaluate", json=ten)
                    ok = r.status_code == 200 and len(r.content) > 16 * 1024
                    ok = ok and r.json() == want_ten
                elif case == 1:
                    r = c.post("/report", json=ten)  # with charts: about 170 KB
                    ok = r.status_code == 200 and len(r.content) > 100_000
                elif case == 2:
                    r = c.post("/validate", json=big)
                    ok = r.status_code == 200 and r.json()["valid"] is True
                else:
                    r = c.post("/batch", json=batch)  # a 5000-row answer is about 1.6 MB
                    ok = r.status_code == 200
                    ok = ok and [x["total"] for x in r.json()["rows"]] == want_batch
                if not ok:
                    wrong.append(f"{case}: {r.status_code} {r.text[:80]}")
        return wrong

    with ThreadPoolExecutor(6) as pool:
        wrong = [w for ws in pool.map(client, range(6)) for w in ws]
    assert wrong == []


@pytest.fixture(scope="module", params=["uvloop", "asyncio"])
def roomy(request: pytest.FixtureRequest) -> Any:
    """A server with the default time limit, under uvloop and under plain asyncio."""
    if request.param == "uvloop":
        pytest.importorskip("uvloop")
    with running("--loop", request.param, "--workers", "2") as (url, _process):
        yield url


def test_big_answers_and_bodies_under_uvloop_and_asyncio(roomy: str) -> None:
    _big_requests(roomy)


# -- bodies that say one thing twice, or too much -------------------------------------------------
def test_a_json_key_given_twice_is_refused(client: Any) -> None:
    body = json.dumps(_tender())[:-1] + ', "model": "no-such-model"}'  # "model" twice
    r = client.post("/evaluate", content=body, headers={"content-type": JSON})
    doc = _error(r, 400, "JSONError")
    assert "'model' appears twice" in doc["message"] and doc["errors"][0]["path"] == "model"
    da = client.post("/evaluate", content=body, headers={"content-type": JSON, **DA})
    assert "står to gange" in _error(da, 400)["message"]
    price = b'{"model": "indoor-lighting", "rows": [{"price": 1, "price": 2, "power": 1}]}'
    r = client.post("/batch", content=price, headers={"content-type": JSON})
    assert _error(r, 400, "JSONError")["errors"][0]["path"] == "rows[0].price"


DA = {"Accept-Language": "da"}
_CSV = {"model": "indoor-lighting", "period": "15 year"}


def test_a_csv_column_given_twice_and_a_huge_cell_are_refused(client: Any) -> None:
    twice = "price,power,rated_life,price\n1450,32,50000,1\n"
    r = client.post("/batch", params=_CSV, content=twice, headers={"content-type": "text/csv"})
    assert "'price' appears twice" in _error(r, 422, "SpecError")["message"]
    for size in (20_000, 200_000):  # over the cap, and over the csv module's own field limit
        huge = "name,price,power,rated_life\n" + "A" * size + ",1450,32,50000\n"
        r = client.post("/batch", params=_CSV, content=huge, headers={"content-type": "text/csv"})
        assert "over 10000 characters" in _error(r, 400, "LimitError")["message"]


def _arrow(table: Any, compression: str | None = None) -> bytes:
    pa = pytest.importorskip("pyarrow")
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression=compression)
    with pa.ipc.new_stream(sink, table.schema, options=options) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def test_an_arrow_stream_is_checked_before_and_after_it_is_read(client: Any) -> None:
    pa = pytest.importorskip("pyarrow")
    np = pytest.importorskip("numpy")
    names = ["Lumen Nord", "Budget Light"]
    table = pa.table(
        {
            "name": names,
            "price": [1450.0, 1100.0],
            "power": [32.0, 41.0],
            "rated_life": [5e4, 3.5e4],
        }
    )
    good = client.post("/batch", params=_CSV, content=_arrow(table, "zstd"), headers=_ARROW)
    assert [r["name"] for r in good.json()["rows"]] == names
    # offsets that point past the names' buffer: refused, never read from the worker's memory
    stream = bytearray(_arrow(table))
    at = stream.find(bytes([0, 0, 0, 0, 10, 0, 0, 0, 22, 0, 0, 0]))  # the names' offsets
    assert at > 0
    stream[at + 8 : at + 12] = (40_000).to_bytes(4, "little")
    r = client.post("/batch", params=_CSV, content=bytes(stream), headers=_ARROW)
    assert "not consistent" in _error(r, 422, "SpecError")["message"]
    # 3 million rows in a few kilobytes: refused from the metadata, before decompressing
    n = 3_000_000
    bomb = _arrow(pa.table({k: np.zeros(n) for k in ("price", "power", "rated_life")}), "zstd")
    assert len(bomb) < 10_000
    start = time.monotonic()
    r = client.post("/batch", params=_CSV, content=bomb, headers=_ARROW)
    assert "declares 3000000 rows" in _error(r, 400, "LimitError")["message"]
    assert time.monotonic() - start < 5
    # rows within the cap, but names that unpack to 400 MB
    wide = pa.table({"name": ["x" * 4_000_000] * 100, "price": np.ones(100)})
    r = client.post("/batch", params=_CSV, content=_arrow(wide, "zstd"), headers=_ARROW)
    assert "unpacks to over" in _error(r, 413, "LimitError")["message"]


_ARROW = {"content-type": ARROW}


# -- a failure nobody foresaw -----------------------------------------------------------------
def test_an_unforeseen_failure_is_an_error_document_on_a_kept_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The application under uvicorn in this process, its pool replaced by one that fails."""
    import uvicorn
    from service_server import free_port

    from tco.service.app import create_app
    from tco.service.pool import WorkerPool
    from tco.service.server import protocol_class

    async def start(self: Any, wait: float = 0) -> None:
        return None

    async def run(self: Any, job: Any, timeout: float, client: str = "") -> Any:
        raise RuntimeError("a failure nobody foresaw, with a secret: 0xdeadbeef")

    monkeypatch.setattr(WorkerPool, "start", start)
    monkeypatch.setattr(WorkerPool, "run", run)
    port = free_port()
    config = uvicorn.Config(
        create_app(workers=1),
        port=port,
        log_level="critical",
        http=protocol_class(),
        loop="asyncio",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as c:
            for _ in range(3):  # the same connection each time: never reset
                r = c.post("/evaluate", json=_tender())
                doc = _error(r, 500, "ServiceError")
                assert "deadbeef" not in r.text and "server's log" in doc["message"]
            assert c.get("/models").status_code == 200
    finally:
        server.should_exit = True
        thread.join(30)


# -- a server with small limits, under the plain asyncio loop -----------------------------------
@pytest.fixture(scope="module")
def limited() -> Any:
    args = ["--loop", "asyncio", "--workers", "1", "--timeout", "3", "--queue", "3"]
    args += ["--queue-wait", "30", "--header-timeout", "1", "--body-timeout", "1.5"]
    args += ["--max-connections", "16"]
    with running(*args) as (url, _process):
        yield url


def _raw(url: str) -> socket.socket:
    host, port = url.rsplit("/", 1)[1].split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    with contextlib.suppress(OSError):
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(answer: bytes) -> tuple[int, dict[str, str], Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


def test_an_oversized_header_is_refused_while_it_is_read(limited: str) -> None:
    with _raw(limited) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ")
        with contextlib.suppress(OSError):  # the server stops reading: a send may fail
            for _ in range(512):  # up to 32 MB, as the client that was read whole
                s.sendall(b"a" * 65536)
        status, headers, doc = _parse(_read_all(s))
    assert (status, headers["content-type"], doc["kind"]) == (431, JSON, "error")
    assert httpx.get(f"{limited}/health", timeout=10).status_code == 200


def test_bad_http_is_an_error_document(limited: str) -> None:
    with _raw(limited) as s:
        s.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        status, _, doc = _parse(_read_all(s))
    assert (status, doc["kind"]) == (400, "error")


_TRICKLE = b"GET /health HTTP/1.1\r\nHost: x\r\n"


def test_slow_clients_are_cut_off_and_do_not_lock_out_others(limited: str) -> None:
    slow: list[socket.socket] = []
    try:
        for _ in range(40):  # more than --max-connections 16, each sending a byte at a time
            s = _raw(limited)
            s.sendall(_TRICKLE[:1])
            slow.append(s)
        start = time.monotonic()
        r = httpx.get(f"{limited}/health", timeout=10)
        assert r.status_code == 200
        assert time.monotonic() - start < 5
        for k in range(1, 4):
            time.sleep(0.3)
            for s in slow:
                with contextlib.suppress(OSError):
                    s.sendall(_TRICKLE[k : k + 1])
        time.sleep(1.0)  # past --header-timeout 1: every slow connection was answered and closed
        for s in slow:
            s.settimeout(5)
            answer = _read_all(s)
            assert answer == b"" or _parse(answer)[0] == 408
    finally:
        for s in slow:
            s.close()
    with _raw(limited) as s:  # one that sends part of a head and stops: 408 after 1 s
        s.sendall(b"GET /health HTTP/1.1\r\n")
        start = time.monotonic()
        status, _, doc = _parse(_read_all(s))
        assert status == 408 and doc["errors"][0]["error_class"] == "LimitError"
        assert time.monotonic() - start < 5


def test_a_slow_body_is_cut_off(limited: str) -> None:
    with _raw(limited) as s:
        s.sendall(
            b"POST /evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 1000\r\n\r\n{"model": '
        )
        start = time.monotonic()
        status, headers, doc = _parse(_read_all(s))
    assert (status, headers["connection"], doc["kind"]) == (408, "close", "error")
    assert "1.5 s" in doc["message"]
    assert time.monotonic() - start < 8


def test_a_full_queue_is_503_and_one_client_cannot_crowd_out_another(limited: str) -> None:
    """One worker, a queue of 3: a client's flood of slow requests fills it.

    The next request of that client is refused at once (503, ``Retry-After``) and
    ``/health`` says the service cannot take more; a request from another address
    takes the place of the flood's newest and is answered next, not after the flood.
    """
    slow = _slow_tender()

    def post_slow(_: int) -> Any:
        with httpx.Client(base_url=limited, timeout=60) as c:
            return c.post(SLOW, json=slow)

    with ThreadPoolExecutor(4) as pool:
        flood = [pool.submit(post_slow, k) for k in range(4)]  # 1 computes, 3 wait
        deadline = time.monotonic() + 20
        while httpx.get(f"{limited}/health", timeout=10).json()["queued"] < 3:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        start = time.monotonic()
        r = httpx.post(f"{limited}{SLOW}", json=slow, timeout=30)
        assert time.monotonic() - start < 2
        _error(r, 503, "ServiceError")
        assert int(r.headers["retry-after"]) >= 1
        health = httpx.get(f"{limited}/health", timeout=10)
        assert health.status_code == 503 and health.json()["status"] == "unavailable"
        # another client (another loopback address) is not locked out by the flood
        other = httpx.Client(
            base_url=limited,
            timeout=60,
            transport=httpx.HTTPTransport(local_address="127.0.0.2"),
        )
        with other:
            r = other.post("/evaluate", json=_tender())
            done = sum(f.done() for f in flood)
        assert r.status_code == 200 and r.json() == _library(_tender())
        # answered next: after the flood's running request (and the one that gave its place),
        # before the flood's two others still waiting (first come, first served: after all)
        assert done <= 2
        statuses = sorted(f.result().status_code for f in flood)
    # one gave its place; the others finished or were stopped at the time limit (422)
    assert statuses.count(503) == 1 and set(statuses) <= {200, 422, 503}
    _wait(lambda: httpx.get(f"{limited}/health", timeout=10).status_code == 200)


# -- workers that die, at any time ------------------------------------------------------------
def _wait(what: Any, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.05)


def _ready(url: str, n: int) -> bool:
    with contextlib.suppress(httpx.TransportError):
        r = httpx.get(f"{url}/health", timeout=5)
        return bool(r.status_code == 200 and r.json()["ready"] == n)
    return False


def test_the_pool_keeps_its_size_whenever_a_worker_dies() -> None:
    fast = _tender()
    want = _library(fast)
    with running("--workers", "2", "--timeout", "5", wait_ready=False) as (url, process):
        # killed while it starts: replaced, and the service starts with two workers
        _wait(lambda: len(workers_of(process)) == 2)
        first = workers_of(process)[0]
        os.kill(first, signal.SIGKILL)
        _wait(lambda: _ready(url, 2), 120)
        pids = workers_of(process)
        assert len(pids) == 2 and first not in pids
        assert httpx.post(f"{url}/evaluate", json=fast, timeout=30).json() == want

        # killed while it waits for work: replaced before the next request needs it
        with httpx.Client(base_url=url, timeout=60) as c:
            idle = workers_of(process)
            os.kill(idle[0], signal.SIGKILL)
            for _ in range(6):
                r = c.post("/evaluate", json=fast)
                assert r.status_code == 200 and r.json() == want
            _wait(lambda: _ready(url, 2))

            # both killed: /health says so (503), requests wait for the replacements
            both = workers_of(process)
            for pid in both:
                os.kill(pid, signal.SIGKILL)
            _wait(lambda: not any(alive(p) for p in both), 10)
            assert c.get("/health").status_code == 503
            r = c.post("/evaluate", json=fast)
            assert r.status_code == 200 and r.json() == want
            _wait(lambda: _ready(url, 2))

            # killed while it computes: that request alone is lost (a 500 document)
            slow = _slow_tender()
            for _ in range(3):  # again if the job ended before the kill (a fast machine)
                with ThreadPoolExecutor(1) as pool:
                    held = pool.submit(lambda: httpx.post(f"{url}{SLOW}", json=slow, timeout=60))
                    _wait(lambda: c.get("/health").json()["busy"] == 1, 30)
                    busy = _busiest(workers_of(process))
                    os.kill(busy, signal.SIGKILL)
                    lost = held.result()
                    r = c.post("/evaluate", json=fast)  # the other worker goes on serving
                    assert r.status_code == 200 and r.json() == want
                _wait(lambda: _ready(url, 2))
                if lost.status_code != 200:
                    break
            _error(lost, 500, "ServiceError")
            assert len(workers_of(process)) == 2 and busy not in workers_of(process)
            assert c.post("/evaluate", json=fast).json() == want


def _cpu(pid: int) -> int:
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    return 0


def _busiest(pids: list[int]) -> int:
    """The process among ``pids`` that uses the CPU (the one computing)."""
    before = {p: _cpu(p) for p in pids}
    time.sleep(0.2)
    return max(pids, key=lambda p: _cpu(p) - before[p])


def test_a_service_whose_workers_cannot_start_says_so_and_does_not_hang(tmp_path: Path) -> None:
    """Every worker dies as it starts (a broken install): /health 503, requests 503, no hang."""
    hook = tmp_path / "sitecustomize.py"
    hook.write_text(  # in the worker processes only (multiprocessing's spawn marks them)
        "import os, sys\nif '--multiprocessing-fork' in sys.argv:\n    os._exit(3)\n",
        encoding="utf-8",
    )
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
    args = ("--workers", "2", "--queue-wait", "2")
    with _environment(PYTHONPATH=path), running(*args, wait_ready=False) as (url, _process):
        _wait(lambda: _answers(url), 90)
        health = httpx.get(f"{url}/health", timeout=10)
        assert health.status_code == 503 and health.json()["ready"] == 0
        assert int(health.headers["retry-after"]) >= 1
        start = time.monotonic()
        r = httpx.post(f"{url}/evaluate", json=_tender(), timeout=30)
        _error(r, 503, "ServiceError")
        assert "waited too long" in r.json()["message"]
        assert time.monotonic() - start < 10


def _answers(url: str) -> bool:
    with contextlib.suppress(httpx.TransportError):
        httpx.get(f"{url}/health", timeout=5)
        return True
    return False


@contextlib.contextmanager
def _environment(**values: str) -> Any:
    before = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
