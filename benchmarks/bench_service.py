"""Load test of the HTTP service: honest and hostile clients together, under uvloop and asyncio.

Run ``python benchmarks/bench_service.py`` (needs the ``service`` extra and
httpx; not part of the test run). For each event loop (``--loops``, default
``uvloop asyncio``) it starts ``tco serve --loop LOOP`` on a free port of
127.0.0.1 and runs ``--clients`` threads (default 50), each with its own
keep-alive connection from its own loopback address (127.0.0.10, .11, ...: as
many hosts), for ``--seconds`` (default 60) or ``--max-requests`` requests in
all, whichever comes first.

Honest clients ask every route of the service (``/health``, ``/models``,
``/bases``, a model's and a kind's schema, ``/evaluate``, ``/validate``,
``/baseline``, ``/sensitivity``, ``/montecarlo``, ``/report``, ``/workbook``,
``/batch``, ``/basket``, ``/profiles``, ``/abatement``, ``/annex``,
``/annex/docx``, ``/followup`` and ``/portfolio``), in turn: small requests
often (the 3- and 10-bid lighting tenders, the bundled basket, profiles, car and
follow-up, a 2-tender portfolio, a 500-sample Monte Carlo run), and after every
three a large one, up to the caps: the award report of the 10-bid tender with
its charts (about 260 KB), ``/validate`` of an 800 KB tender, a 2,000-bid tender
(about 3 MB of answer), a 20,000-row CSV ``/batch`` (about 6 MB), a basket of
300 bids, a portfolio of 52 tenders and the Word annex of a basket. Every answer
is checked: a JSON answer equals the command line's document for the same input
(``tco compare``, ``basket``, ``profiles``, ``abatement``, ``follow-up``,
``portfolio``, ``baseline``, ``sensitivity``, ``montecarlo``, ``models`` with
``--format json``), the HTML annex is ``tco annex``'s file byte for byte, the
batch totals equal ``tco.evaluate_batch``, the report and the Word annex name the
bids. Hostile clients (``--hostile``, default 5) send bodies over the 1 MiB cap
(to ``/evaluate`` and ``/portfolio``), JSON nested 100,000 deep, a tender with a
power in kilograms, a follow-up naming a file, a basket whose model is a path, and
Monte Carlo runs past the time limit, and must get their 4xx; one gives up after
0.2 s of waiting for a report and closes the connection. The Monte Carlo runs
(20,000 samples x 240 bids x 100 years, at the library's own
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
same per route, the honest answers with a 5xx status, connection errors (resets),
wrong answers, the hostile answers by status, and the resident memory of the
server and its workers after the warm-up (``--warmup``, default 10 s), at the end,
at its peak, and the medians of the first and the last 10 s of the run (sampled
each second). The exit status is 0 only if every honest answer was right, with no
5xx and no reset, every route of the service was asked and answered right at
least once under each loop; otherwise each failure is printed as ``ERROR``.
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
import zipfile
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
    return _cli_json("compare", str(path))


def _cli_json(*args: str) -> Any:
    """What ``tco ARGS --format json`` prints, as a document."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert cli([*args, "--format", "json"]) == 0, args
    return json.loads(out.getvalue())


def _cli_file(*args: str, out: Path) -> bytes:
    """The file ``tco ARGS -o OUT`` writes."""
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli([*args, "-o", str(out)]) == 0, args
    return out.read_bytes()


def _write(data: Any, path: Path) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _big_basket(bids: int) -> dict[str, Any]:
    """The copy-print basket with ``bids`` bids (each line's offer varied)."""
    from tco.basket import basket_example_path

    data = read_yaml_file(basket_example_path("copy-print"))
    first = data["bids"][0]
    data["bids"] = [
        {
            "name": f"Supplier {i}",
            "lines": {
                line: {**offer, "price": f"{int(offer['price'].split()[0]) + 10 * i} DKK"}
                for line, offer in first["lines"].items()
            },
        }
        for i in range(bids)
    ]
    return data


#: An honest request: name, method, path, body, headers.
Request = tuple[str, str, str, bytes, dict[str, str]]


class Requests:
    """The honest and hostile requests of the run, and what each honest one must answer.

    Every route of the service is asked, small requests often and large ones (up to the
    caps) now and then; each answer is checked against the command line's answer to the
    same input, or the library's.
    """

    def __init__(self, folder: Path) -> None:
        from tco.basket import basket_example_path

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
        self.ten_names = [b["name"] for b in ten["bids"]]
        t3 = _write(three, folder / "three.json")
        uncertain = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
        basket = read_yaml_file(basket_example_path("copy-print"))
        basket_big = _big_basket(300)
        profiles = read_yaml_file(tco.example_path("indoor-lighting-profiles"))
        car = read_yaml_file(tco.example_path("passenger-car"))
        follow_file = tco.example_path("passenger-car").parent / "follow-up" / "passenger-car.yaml"
        follow = read_yaml_file(follow_file)
        del follow["tender"]
        # a portfolio of every bundled example tender (26), twice over under other names
        examples = {
            name: read_yaml_file(path)
            for name, path in sorted(tco.bundled_examples().items())
            if "lines" not in read_yaml_file(path)
        }
        portfolio_big = {f"{n}-{k}": t for k in (1, 2) for n, t in examples.items()}
        pdir = folder / "portfolio"
        pdir.mkdir()
        for name, t in portfolio_big.items():
            _write(t, pdir / f"{name}.yaml")  # JSON is YAML; tco portfolio reads *.yaml
        pdir_small = folder / "portfolio-small"
        (pdir_small / "follow-up").mkdir(parents=True)
        _write(car, pdir_small / "cars.yaml")
        _write(three, pdir_small / "lights.yaml")
        _write({**follow, "tender": "../cars.yaml"}, pdir_small / "follow-up" / "cars.yaml")

        def by_name(doc: Any) -> Any:  # the command names a tender by its file
            assert doc["tenders"] > 0, doc
            for row in doc["rows"]:
                row["tender"] = Path(row["tender"]).stem
            return doc

        mc = _cli_json(
            "montecarlo", _write(uncertain, folder / "mc.json"), "--samples", "500", "--seed", "1"
        )
        del mc["seconds"]
        #: name -> the document its answer must be (JSON routes)
        self.want: dict[str, Any] = {
            "evaluate-3": _cli_result(three, folder),
            "evaluate-10": _cli_result(ten, folder),
            "evaluate-2000": _cli_result(many, folder),
            "models": _cli_json("models"),
            "baseline": _cli_json("baseline", t3, "--baseline", "Budget Light"),
            "sensitivity": _cli_json("sensitivity", t3),
            "montecarlo-500": mc,
            "basket-3": _cli_json("basket", _write(basket, folder / "basket.json")),
            "basket-300": _cli_json("basket", _write(basket_big, folder / "basket-300.json")),
            "profiles": _cli_json("profiles", _write(profiles, folder / "profiles.json")),
            "abatement": _cli_json("abatement", _write(car, folder / "car.json")),
            "followup": _cli_json(
                "follow-up",
                str(folder / "car.json"),
                _write({**follow, "tender": "car.json"}, folder / "follow.json"),
            ),
            "portfolio-2": by_name(_cli_json("portfolio", str(pdir_small))),
            "portfolio-52": by_name(_cli_json("portfolio", str(pdir))),
        }
        self.want_annex = _cli_file("annex", t3, out=folder / "annex.html")
        dump = lambda d: json.dumps(d).encode()  # noqa: E731
        js = {"content-type": "application/json"}
        batch_url = "/batch?model=indoor-lighting&period=15%20year"

        def post(name: str, path: str, body: Any, headers: dict[str, str] = js) -> Request:
            return (name, "POST", path, body if isinstance(body, bytes) else dump(body), headers)

        def get(name: str, path: str) -> Request:
            return (name, "GET", path, b"", {})

        small = [
            post("evaluate-3", "/evaluate", three),
            post("evaluate-10", "/evaluate", ten),
            get("health", "/health"),
            get("models", "/models"),
            get("bases", "/bases"),
            get("model-schema", "/models/indoor-lighting/schema"),
            get("schema", "/schema/result"),
            post("validate-3", "/validate", three),
            post("baseline", "/baseline?baseline=Budget%20Light", three),
            post("sensitivity", "/sensitivity", three),
            post("montecarlo-500", "/montecarlo?samples=500&seed=1", uncertain),
            post("workbook", "/workbook", three),
            post("basket-3", "/basket", basket),
            post("profiles", "/profiles", profiles),
            post("abatement", "/abatement", car),
            post("annex", "/annex", three),
            post("annex-docx", "/annex/docx", three),
            post("followup", "/followup", {"tender": car, "followup": follow}),
            post(
                "portfolio-2",
                "/portfolio",
                {"tenders": {"cars": car, "lights": three}, "followups": {"cars": follow}},
            ),
        ]
        large = [
            post("report-10", "/report", ten),
            post("validate-800k", "/validate", big),
            post("evaluate-2000", "/evaluate", many),
            post("batch-20000", batch_url, csv.encode(), {"content-type": "text/csv"}),
            post("basket-300", "/basket", basket_big),
            post("portfolio-52", "/portfolio", {"tenders": portfolio_big}),
            post("annex-docx-basket", "/annex/docx", basket),
        ]
        #: in the honest clients' turn: every small request, then one large one, and so on
        self.honest: list[Request] = []
        for k, one in enumerate(large):
            self.honest += small[k * 3 : k * 3 + 3] or small[:3]
            self.honest.append(one)
        self.honest += small[len(large) * 3 :]
        assert {r[0] for r in small + large} <= {r[0] for r in self.honest}
        #: every route the service has, asked by the honest clients
        self.routes = sorted({r[2].split("?")[0] for r in self.honest})
        wrong_unit = _tender(3)
        wrong_unit["bids"][0]["power"] = "38 kg"
        slow = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
        slow["assumptions"]["period"] = "100 year"
        slow["bids"] = [
            {"name": f"B{i}", "price": "1450 DKK", "power": "32 W", "rated_life": f"{3e4 + i} h"}
            for i in range(240)
        ]
        over = b"{" + b" " * (1024 * 1024 + 10) + b"}"
        #: name -> (path, body, the status it must get)
        self.hostile = [
            ("over-cap", "/evaluate", over, 413),
            ("deep", "/evaluate", b"[" * 100_000 + b"]" * 100_000, 400),
            ("wrong-unit", "/evaluate", dump(wrong_unit), 422),
            ("over-cap-portfolio", "/portfolio", over, 413),
            ("file-named", "/followup", dump({"tender": "../etc/passwd", "followup": {}}), 422),
            ("model-path", "/basket", dump({**basket, "model": "/etc/passwd"}), 422),
        ]
        self.timing_out = ("/montecarlo?samples=20000&seed=1", dump(slow))

    def right(self, name: str, r: httpx.Response) -> bool:
        """Whether the answer to the honest request ``name`` is the right one."""
        if r.status_code != 200:
            return False
        if name in self.want:
            return bool(r.json() == self.want[name])
        if name == "report-10":
            text = r.text
            return text.startswith("<!DOCTYPE html>") and all(n in text for n in self.ten_names)
        if name == "annex":
            return r.content == self.want_annex
        if name.startswith("annex-docx"):
            with zipfile.ZipFile(io.BytesIO(r.content)) as z:
                xml = z.read("word/document.xml").decode()
            return ("A3 devices" if name.endswith("basket") else "Lumen Nord") in xml
        if name == "workbook":
            return r.content[:2] == b"PK" and len(r.content) > 5000
        if name.startswith("validate"):
            return bool(r.json()["valid"] is True)
        if name == "health":
            return bool(r.json()["status"] == "ok")
        if name == "bases":
            return bool(r.json()["kind"] == "bases" and r.json()["bases"])
        if name == "model-schema":
            return "bids" in r.json()["properties"]
        if name == "schema":
            return bool(r.json()["$id"].startswith("urn:tco-lcc:schema:result:"))
        return [x["total"] for x in r.json()["rows"]] == self.want_batch


_JSON = {"content-type": "application/json"}


# -- the run -------------------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: list[float] = []
        self.by_route: dict[str, list[float]] = {}
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
            for name, method, path, body, headers in turn:
                if stop.is_set() or not take():
                    return
                start = time.perf_counter()
                try:
                    r = c.request(method, path, content=body or None, headers=headers)
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
                        tally.by_route.setdefault(path.split("?")[0], []).append(took)
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
                        report = next(r for r in reqs.honest if r[0] == "report-10")
                        path, body, name = report[2], report[3], "gives-up"
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


def _percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p99 of ``times`` [s], in milliseconds."""
    if len(times) < 2:
        return (round(times[0] * 1000, 1),) * 2 if times else (float("nan"), float("nan"))
    q = statistics.quantiles(sorted(times), n=100)
    return round(q[49] * 1000, 1), round(q[98] * 1000, 1)


def service_routes() -> list[str]:
    """Every route of the service's API (the interactive documentation's pages left out)."""
    from tco.service.app import create_app

    skip = ("/docs", "/redoc", "/openapi.json", "/docs-static")
    paths = {getattr(r, "path", "") for r in create_app(workers=1).routes}
    return sorted(p for p in paths if p and not p.startswith(skip))


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
    q = _percentiles(flat)
    by_route = {
        route: {"n": len(times), "p50_ms": _percentiles(times)[0], "p99_ms": _percentiles(times)[1]}
        for route, times in sorted(tally.by_route.items())
    }
    return {
        "loop": loop,
        "seconds": round(elapsed, 1),
        "honest_requests": len(flat),
        "requests_per_s": round(len(flat) / elapsed, 1),
        "p50_ms": q[0],
        "p99_ms": q[1],
        "honest_5xx": tally.honest_5xx,
        "resets": tally.resets,
        "wrong": len(tally.wrong),
        "first_wrong": tally.wrong[:3],
        "by_request": dict(sorted(tally.by_name.items())),
        "by_route": by_route,
        "routes_not_answered": [r for r in reqs.routes if r not in by_route],
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
    asked = {
        r.replace("indoor-lighting", "{model_id}").replace("/result", "/{kind}")
        for r in reqs.routes
    }
    unasked = [r for r in service_routes() if r not in asked]
    errors = [
        f"{o['loop']}: {o['honest_5xx']} honest 5xx, {o['resets']} resets, {o['wrong']} wrong "
        f"answers, routes without a right answer: {o['routes_not_answered']}"
        for o in results
        if o["honest_5xx"] or o["resets"] or o["wrong"] or o["routes_not_answered"]
    ]
    if unasked:
        errors.append(f"routes of the service the load does not ask: {unasked}")
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
