"""Load test of the HTTP service: honest and hostile clients together, under uvloop and asyncio.

Run ``python benchmarks/bench_service.py`` (needs the ``service`` extra and
httpx; not part of the test run). For each event loop (``--loops``, default
``uvloop asyncio``) it starts ``tco serve --loop LOOP`` on a free port of
127.0.0.1 and runs ``--clients`` threads (default 50), each with its own
keep-alive connection from its own loopback address (127.0.0.10, .11, ...: as
many hosts), for ``--seconds`` (default 60) or ``--max-requests`` requests in
all, whichever comes first.

Honest clients send requests of every size up to the caps, in turn: the
3-bid and a 10-bid tender to ``/evaluate`` (about 18 KB of answer), a 2,000-bid
tender (about 3 MB), the award report of the 10-bid tender with its charts
(about 260 KB), ``/validate`` of an 800 KB tender, and a 20,000-row CSV
``/batch`` (about 6 MB of answer). Every answer is checked: the ``result`` documents equal
``tco compare --format json`` of the same tender, the batch totals equal
``tco.evaluate_batch``, the report is HTML naming every bid. Hostile clients
(``--hostile``, default 5) send bodies over the 1 MiB cap, JSON nested 100,000
deep, a tender with a power in kilograms, and Monte Carlo runs past the time
limit, and must get their 4xx, and requests that time out at the client: it
gives up after 0.2 s of waiting for a report and closes the connection. The
Monte Carlo runs (20,000 samples x 240 bids x 100 years, at the library's own
caps) reach the service's time limit (``--timeout``, default 10 s, the
service's own default) only when the machine is loaded; one client sends
them, and one the requests it gives up on, one every ``--pause`` seconds
(default 5).

The server runs with ``--queue-wait`` (default 120 s, the service's default
is 20 s): with 50 clients that each send their next request as soon as the
last is answered, every request waits behind about 49 others, and on a
shared, loaded machine that can take longer than 20 s; with the default, such
requests are answered 503 with ``Retry-After`` (tested in
``tests/service/test_service_holds.py``), here they are answered.

Printed for each loop: honest requests per second, p50 and p99 latency, the
honest answers with a 5xx status, connection errors (resets), wrong answers,
the hostile answers by status, and the resident memory of the server and its
workers after the warm-up (``--warmup``, default 10 s), at the end, at its
peak, and the medians of the first and the last 10 s of the run (sampled
each second). The
exit status is 0 only if every honest answer was right, with no 5xx and no
reset.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

import tco
from tco.cli import main as cli
from tco.io.yamlio import read_yaml_file


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int, children: bool = True) -> float:
    """Resident memory of a process and (``children``) its children. [MiB]"""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        if not children:
            raise OSError
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    for p in set(pids):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def start_server(port: int, loop: str, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    script = Path(sys.executable).parent / "tco"
    cmd = [str(script), "serve", "--port", str(port), "--loop", loop]
    cmd += ["--workers", str(args.workers), "--timeout", str(args.timeout)]
    cmd += ["--queue-wait", str(args.queue_wait)]
    process = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        if process.poll() is not None:
            break
        time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("tco serve did not start")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


# -- the requests ----------------------------------------------------------------------------------
def _tender(bids: int) -> dict[str, Any]:
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    if bids != 3:
        data["bids"] = [
            {
                "name": f"Supplier {i}",
                "price": f"{900 + i % 700} DKK",
                "power": f"{20 + i % 30} W",
                "rated_life": f"{30000 + 10 * i} h",
            }
            for i in range(bids)
        ]
    return data


def _cli_result(data: dict[str, Any], folder: Path) -> Any:
    """``tco compare --format json`` of the tender ``data``, as the command line prints it."""
    path = folder / f"tender-{len(data['bids'])}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli(["compare", str(path), "--format", "json"]) == 0
    return json.loads(out.getvalue())


class Requests:
    """The honest and hostile requests of the run, and what each honest one must answer."""

    def __init__(self, folder: Path) -> None:
        three, ten, many = _tender(3), _tender(10), _tender(2000)
        big = _tender(3)
        big["title"] = "x" * 800_000
        rows = [
            {"price": 900.0 + i % 700, "power": 20.0 + i % 30, "rated_life": 30000.0 + i}
            for i in range(20_000)
        ]
        csv = "price,power,rated_life\n" + "".join(
            f"{r['price']:.0f},{r['power']:.0f},{r['rated_life']:.0f}\n" for r in rows
        )
        table = {k: [r[k] for r in rows] for k in ("price", "power", "rated_life")}
        totals = tco.evaluate_batch("indoor-lighting", table, assumptions={"period": "15 year"})
        self.want_batch = totals["total"].tolist()
        self.want = {3: _cli_result(three, folder), 10: _cli_result(ten, folder)}
        self.want[2000] = _cli_result(many, folder)
        self.ten_names = [b["name"] for b in ten["bids"]]
        dump = lambda d: json.dumps(d).encode()  # noqa: E731
        js = {"content-type": "application/json"}
        batch_url = "/batch?model=indoor-lighting&period=15%20year"
        small = [("evaluate-3", "/evaluate", dump(three), js)] * 8
        small += [("evaluate-10", "/evaluate", dump(ten), js)] * 6
        #: (name, path, body, headers), in the honest clients' turn; small ones more often
        self.honest: list[tuple[str, str, bytes, dict[str, str]]] = [
            *small[:5],
            ("report-10", "/report", dump(ten), js),
            *small[5:9],
            ("validate-800k", "/validate", dump(big), js),
            ("evaluate-2000", "/evaluate", dump(many), js),
            *small[9:],
            ("batch-20000", batch_url, csv.encode(), {"content-type": "text/csv"}),
            ("validate-800k", "/validate", dump(big), js),
        ]
        wrong_unit = _tender(3)
        wrong_unit["bids"][0]["power"] = "38 kg"
        slow = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
        slow["assumptions"]["period"] = "100 year"
        slow["bids"] = [
            {"name": f"B{i}", "price": "1450 DKK", "power": "32 W", "rated_life": f"{3e4 + i} h"}
            for i in range(240)
        ]
        #: name -> (path, body, the status it must get)
        self.hostile = [
            ("over-cap", "/evaluate", b"{" + b" " * (1024 * 1024 + 10) + b"}", 413),
            ("deep", "/evaluate", b"[" * 100_000 + b"]" * 100_000, 400),
            ("wrong-unit", "/evaluate", dump(wrong_unit), 422),
        ]
        self.timing_out = ("/montecarlo?samples=20000&seed=1", dump(slow))

    def right(self, name: str, r: httpx.Response) -> bool:
        """Whether the answer to the honest request ``name`` is the right one."""
        if r.status_code != 200:
            return False
        kind = name.split("-")[0]
        if kind == "evaluate":
            return bool(r.json() == self.want[int(name.split("-")[1])])
        if kind == "report":
            text = r.text
            return text.startswith("<!DOCTYPE html>") and all(n in text for n in self.ten_names)
        if kind == "validate":
            return bool(r.json()["valid"] is True)
        return [x["total"] for x in r.json()["rows"]] == self.want_batch


_JSON = {"content-type": "application/json"}


# -- the run -------------------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: list[float] = []
        self.by_name: Counter[str] = Counter()
        self.honest_5xx = 0
        self.resets = 0
        self.wrong: list[str] = []
        self.hostile: Counter[str] = Counter()
        self.sent = 0


def run_clients(url: str, reqs: Requests, args: argparse.Namespace, tally: Tally) -> float:
    stop = threading.Event()
    deadline = time.monotonic() + args.seconds

    def take() -> bool:
        with tally.lock:
            if tally.sent >= args.max_requests or time.monotonic() > deadline:
                stop.set()
                return False
            tally.sent += 1
            return True

    def honest(k: int) -> None:
        address = f"127.0.0.{10 + k}"
        transport = httpx.HTTPTransport(local_address=address)
        turn = itertools.islice(itertools.cycle(reqs.honest), k, None)
        with httpx.Client(base_url=url, timeout=120, transport=transport) as c:
            for name, path, body, headers in turn:
                if stop.is_set() or not take():
                    return
                start = time.perf_counter()
                try:
                    r = c.post(path, content=body, headers=headers)
                except httpx.TransportError as exc:
                    with tally.lock:
                        tally.resets += 1
                        tally.wrong.append(f"{name}: {exc!r}")
                    continue
                took = time.perf_counter() - start
                ok = reqs.right(name, r)
                with tally.lock:
                    if r.status_code >= 500:
                        tally.honest_5xx += 1
                    if ok:
                        tally.latency.append(took)
                        tally.by_name[name] += 1
                    else:
                        tally.wrong.append(f"{name}: {r.status_code} {r.text[:120]}")

    def hostile(k: int) -> None:
        address = f"127.0.0.{10 + k}"
        transport = httpx.HTTPTransport(local_address=address)
        times_out = k == args.clients - 1
        gives_up = k == args.clients - 2
        with httpx.Client(base_url=url, timeout=120, transport=transport) as c:
            for name, path, body, status in itertools.cycle(reqs.hostile):
                if times_out:
                    name, (path, body), status = "time-limit", reqs.timing_out, 422
                if stop.is_set() or not take():
                    return
                try:
                    if gives_up:  # waits 0.2 s for a report, then closes the connection
                        name, path, body = reqs.honest[5][:3]
                        name = "gives-up"
                        r = c.post(path, content=body, headers=_JSON, timeout=0.2)
                    else:
                        r = c.post(path, content=body, headers=_JSON)
                    got = f"{name} {r.status_code}" + ("" if r.status_code == status else " !")
                except httpx.TransportError as exc:
                    got = f"{name} {type(exc).__name__}"
                with tally.lock:
                    tally.hostile[got] += 1
                if times_out or gives_up:
                    stop.wait(args.pause)

    threads = [
        threading.Thread(target=hostile if k >= args.clients - args.hostile else honest, args=(k,))
        for k in range(args.clients)
    ]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start


def bench(loop: str, reqs: Requests, args: argparse.Namespace) -> dict[str, Any]:
    port = free_port()
    process = start_server(port, loop, args)
    url = f"http://127.0.0.1:{port}"
    tally = Tally()
    try:
        warm = argparse.Namespace(**{**vars(args), "seconds": args.warmup, "hostile": 0})
        warm.max_requests = 10**9
        run_clients(url, reqs, warm, Tally())  # every request kind once or more, every worker
        rss_start = rss_mib(process.pid)
        server_start = rss_mib(process.pid, children=False)
        peak = [rss_start]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(1.0):
                peak.append(rss_mib(process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        elapsed = run_clients(url, reqs, args, tally)
        done.set()
        sampler.join()
        rss_end = rss_mib(process.pid)
        server_end = rss_mib(process.pid, children=False)
        first, last = peak[1:11] or [rss_start], peak[-10:]
    finally:
        stop_server(process)
    flat = sorted(tally.latency)
    q = statistics.quantiles(flat, n=100) if len(flat) > 1 else [float("nan")] * 99
    return {
        "loop": loop,
        "seconds": round(elapsed, 1),
        "honest_requests": len(flat),
        "requests_per_s": round(len(flat) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "honest_5xx": tally.honest_5xx,
        "resets": tally.resets,
        "wrong": len(tally.wrong),
        "first_wrong": tally.wrong[:3],
        "by_request": dict(sorted(tally.by_name.items())),
        "hostile": dict(sorted(tally.hostile.items())),
        "rss_start_mib": round(rss_start, 1),
        "rss_end_mib": round(rss_end, 1),
        "rss_peak_mib": round(max(peak), 1),
        "rss_event_loop_process_mib": [round(server_start, 1), round(server_end, 1)],
        "rss_first_10s_median_mib": round(statistics.median(first), 1),
        "rss_last_10s_median_mib": round(statistics.median(last), 1),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--loops", nargs="+", default=["uvloop", "asyncio"])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--hostile", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--pause", type=float, default=5.0)
    parser.add_argument("--queue-wait", type=float, default=120.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        reqs = Requests(Path(folder))
    results = [bench(loop, reqs, args) for loop in args.loops]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for out in results:
            print(f"== {out['loop']}")
            for key, value in out.items():
                if key != "loop":
                    print(f"{key:>16}: {value}")
    good = all(o["honest_5xx"] == 0 and o["resets"] == 0 and o["wrong"] == 0 for o in results)
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
