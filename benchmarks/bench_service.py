"""Load test of the HTTP service: many concurrent clients posting a 3-bid tender.

Run ``python benchmarks/bench_service.py`` (needs the ``service`` extra and
httpx; not part of the test run). It starts ``tco serve`` on a free port of
127.0.0.1, waits until it answers, then runs ``--clients`` threads (default
50), each with its own keep-alive connection, posting the bundled
indoor-lighting tender (3 bids) to ``/evaluate`` for ``--seconds`` (default
30), and checks every answer against the library's result. It reports
throughput, p50/p90/p99 latency, errors, and the resident memory of the
server and its workers before and after; ``--json`` prints the same as JSON.
A first phase with one client (``--latency-seconds``, default 10) measures
the latency of a request that does not queue: with 50 clients and one
server, each request waits behind the others (Little's law: 50 clients at
400 requests/s spend 125 ms per request), so the 50-client latency is the
queue, not the service. On a machine shared with other work the throughput and
latency follow the load; the CPU time per request (server and workers, and the
client) does much less, and is reported too.

Goal on the 2-core development machine: p50 <= 5 ms (one client), >= 300
requests/s (50 clients), no errors, no memory growth over the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

import tco
from tco.io.yamlio import read_yaml_file
from tco.views.documents import dumps, result_document


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children. [MiB]"""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    for p in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children so far. [s]"""
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    tick = os.sysconf("SC_CLK_TCK")
    for p in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    script = Path(sys.executable).parent / "tco"
    cmd = [str(script), "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.monotonic() + 90
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
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def run(url: str, clients: int, seconds: float, body: bytes, expected: Any) -> dict[str, Any]:
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    stop = threading.Event()
    headers = {"content-type": "application/json"}

    def client(k: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as c:
            while not stop.is_set():
                start = time.perf_counter()
                try:
                    r = c.post("/evaluate", content=body, headers=headers)
                    took = time.perf_counter() - start
                    if r.status_code != 200 or r.json() != expected:
                        errors.append(f"{r.status_code}: {r.text[:100]}")
                    else:
                        latencies[k].append(took)
                except httpx.HTTPError as exc:
                    errors.append(repr(exc))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    flat = sorted(x for per in latencies for x in per)
    q = statistics.quantiles(flat, n=100) if len(flat) > 1 else [float("nan")] * 99
    return {
        "requests": len(flat),
        "errors": len(errors),
        "first_errors": errors[:3],
        "seconds": round(elapsed, 1),
        "throughput_per_s": round(len(flat) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2),
        "p90_ms": round(q[89] * 1000, 2),
        "p99_ms": round(q[98] * 1000, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--latency-seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    body = json.dumps(data).encode("utf-8")
    expected = json.loads(dumps(result_document(tco.load_tender(data).evaluate())))
    port = free_port()
    process = start_server(port, args.workers)
    url = f"http://127.0.0.1:{port}"
    try:
        run(url, 4, 2.0, body, expected)  # warm up every worker
        single = run(url, 1, args.latency_seconds, body, expected)
        before = rss_mib(process.pid)
        cpu0, own0 = cpu_seconds(process.pid), os.times()
        out = run(url, args.clients, args.seconds, body, expected)
        cpu1, own1 = cpu_seconds(process.pid), os.times()
        after = rss_mib(process.pid)
        n = max(out["requests"], 1)
        out["server_cpu_ms_per_request"] = round((cpu1 - cpu0) / n * 1000, 3)
        client_cpu = own1.user + own1.system - own0.user - own0.system
        out["client_cpu_ms_per_request"] = round(client_cpu / n * 1000, 3)
    finally:
        stop_server(process)
    out = {f"{args.clients}_clients": out, "1_client": single}
    out.update(
        clients=args.clients,
        workers=args.workers,
        rss_before_mib=round(before, 1),
        rss_after_mib=round(after, 1),
        load_average=os.getloadavg(),
    )
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for key, value in out.items():
            print(f"{key:>18}: {value}")
    return 0 if single["errors"] == 0 and out[f"{args.clients}_clients"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
