"""The deployment recipes of docs/deployment.md: nginx in front, a systemd unit, a container.

Each file under ``deploy/`` is the one the page shows (included, not copied). The nginx
site is run in front of a running ``tco serve`` where nginx is installed; the unit is
checked with ``systemd-analyze verify``; the Dockerfile is built and run where a Docker
daemon answers, and otherwise its references are checked: the files its first stage
copies exist and are those the wheel is built from, the wheel the build makes has the
name its second stage copies and the ``service`` extra it installs, and its command is
one ``tco serve`` accepts.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_server import free_port, running

import tco
from tco.io.yamlio import read_yaml_file
from tco.limits import SERVICE_MAX_BODY

httpx = pytest.importorskip("httpx")
tomllib = pytest.importorskip("tomllib")
jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _error_doc(r: Any, status: int) -> Any:
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("application/json")
    doc = r.json()
    schema = json.loads((ROOT / "docs" / "schema" / "error.schema.json").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc)) == []
    return doc


def test_the_deployment_page_shows_the_files_that_are_tested() -> None:
    page = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for name in ("nginx.conf", "tco-serve.service", "Dockerfile"):
        assert f'--8<-- "deploy/{name}"' in page, name
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "deployment.md" in nav


# -- nginx ------------------------------------------------------------------------------------
def _site(upstream: int, listen: int) -> str:
    """deploy/nginx.conf with this test's ports, and without TLS (no certificate here)."""
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert "server 127.0.0.1:8000;" in text and "listen 443 ssl;" in text
    text = text.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};")
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{listen};")
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("ssl_"))


@contextlib.contextmanager
def _nginx(site: str, folder: Path) -> Iterator[str]:
    """nginx in the foreground, one process, with ``site`` as its only server: its URL."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    port = int(re.search(r"listen 127\.0\.0\.1:(\d+);", site).group(1))  # type: ignore[union-attr]
    (folder / "site.conf").write_text(site, encoding="utf-8")
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{}}\n"
        f"http {{\n    access_log off;\n{temp}\n    include {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    conf = str(folder / "nginx.conf")
    check = subprocess.run([nginx, "-t", "-c", conf, "-p", str(folder)], capture_output=True)
    assert check.returncode == 0, check.stderr.decode()
    log = folder / "stderr.log"
    with log.open("wb") as err:
        process = subprocess.Popen([nginx, "-c", conf, "-p", str(folder)], stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(httpx.TransportError):
                httpx.get(f"{url}/", timeout=2)
                break
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "nginx did not listen"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.skipif(
    shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
    reason="nginx is not installed (apt-get install nginx-light)",
)
def test_nginx_in_front_passes_requests_and_keeps_the_caps(tmp_path: Path) -> None:
    lighting = read_yaml_file(tco.example_path("indoor-lighting"))
    with running("--workers", "1") as (direct, _):
        upstream = int(direct.rsplit(":", 1)[1])
        with _nginx(_site(upstream, free_port()), tmp_path) as url:
            assert httpx.get(f"{url}/health", timeout=30).json()["status"] == "ok"
            ours = httpx.post(f"{url}/evaluate", json=lighting, timeout=60)
            assert ours.status_code == 200
            assert ours.content == httpx.post(f"{direct}/evaluate", json=lighting).content
            # a body of exactly the cap passes nginx and is read by tco (1 MiB: both say 1m)
            text = json.dumps(lighting).encode()
            exact = text[:-1] + b" " * (SERVICE_MAX_BODY - len(text)) + b"}"
            assert len(exact) == SERVICE_MAX_BODY
            r = httpx.post(
                f"{url}/evaluate",
                content=exact,
                headers={"content-type": "application/json"},
                timeout=60,
            )
            assert r.status_code == 200 and r.json()["ranking"] == ours.json()["ranking"]
            # one byte more: refused by nginx, with tco's error document
            over = exact[:-1] + b" }"
            r = httpx.post(
                f"{url}/evaluate",
                content=over,
                headers={"content-type": "application/json"},
                timeout=60,
            )
            doc = _error_doc(r, 413)
            assert doc["errors"][0]["error_class"] == "LimitError"
            assert doc["message"].startswith("the body is over 1048576 bytes")  # nginx's words
            # tco's own error documents pass through, in the request's language
            bad = {**lighting, "bids": [{**lighting["bids"][0], "power": "32 kg"}]}
            r = httpx.post(
                f"{url}/evaluate", json=bad, headers={"Accept-Language": "da"}, timeout=60
            )
            assert _error_doc(r, 422)["errors"][0]["path"] == "bids[0].power"
            assert "forventede" in r.json()["message"]
    # and with tco stopped, nginx says so as an error document, not a page
    with _nginx(_site(upstream, free_port()), tmp_path) as url:
        r = httpx.get(f"{url}/health", timeout=30)
        assert _error_doc(r, 503)["errors"][0]["error_class"] == "ServiceError"
        assert r.headers["retry-after"] == "5"


# -- systemd ------------------------------------------------------------------------------------
def _unit() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DEPLOY / "tco-serve.service").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def _serve_arguments(argv: list[str]) -> Any:
    """The options ``tco ARGV`` is run with, as ``tco serve`` reads them (never started)."""
    from tco.cli.main import _parser

    assert argv[0] == "serve", argv
    return _parser().parse_args(argv)


def test_the_systemd_unit_runs_tco_serve_as_its_own_user_and_restarts() -> None:
    unit = _unit()
    command = shlex.split(unit["ExecStart"])
    assert command[0] == "/opt/tco/venv/bin/tco"
    args = _serve_arguments(command[1:])
    assert (args.host, args.port, args.workers, args.timeout) == ("127.0.0.1", 8000, 4, 10.0)
    assert unit["DynamicUser"] == "yes" and unit["Restart"] == "on-failure"
    assert int(unit["LimitNOFILE"]) >= 500 + 256  # --max-connections and the workers' files
    assert unit["KillMode"] == "mixed"  # SIGTERM to the server: it stops its workers


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_finds_nothing_to_say_of_the_unit(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "tco"
    text = (DEPLOY / "tco-serve.service").read_text(encoding="utf-8")
    unit = tmp_path / "tco-serve.service"
    unit.write_text(text.replace("/opt/tco/venv/bin/tco", str(script)), encoding="utf-8")
    said = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert said.returncode == 0 and said.stderr.strip() == "", said.stderr


# -- the container --------------------------------------------------------------------------------
def _dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, as (INSTRUCTION, arguments), continuation lines joined."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n", " ", text)
    out = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for instruction in _dockerfile():
        if instruction[0] == "FROM":
            stages.append([])
        stages[-1].append(instruction)
    return stages


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def test_the_dockerfile_builds_from_what_the_wheel_is_built_from() -> None:
    build, run = _stages()
    copied = set()
    for word, rest in build:
        if word == "COPY":
            copied.update(rest.split()[:-1])
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]
    needed = {"pyproject.toml", PYPROJECT["project"]["readme"], "LICENSE", *wheel["packages"]}
    needed |= set(wheel["force-include"])
    missing = {n for n in needed if not any(n == c or n.startswith(f"{c}/") for c in copied)}
    assert not missing, missing
    for name in copied:
        assert (ROOT / name).exists(), name
    python = build[0][1].split()[0]
    assert python == run[0][1].split()[0]  # the wheel is built and run on one Python
    version = tuple(int(x) for x in re.search(r"python:(\d+)\.(\d+)", python).groups())  # type: ignore[union-attr]
    least = tuple(int(x) for x in PYPROJECT["project"]["requires-python"].strip(">=").split("."))
    assert version >= least


def test_the_container_runs_tco_serve_as_a_user_without_privileges() -> None:
    _, run = _stages()
    said = dict(run)
    command = json.loads(said["CMD"])  # exec form: tco is the container's first process
    assert command[0] == "tco"
    args = _serve_arguments(command[1:])
    assert (args.host, args.port) == ("0.0.0.0", 8000)
    assert said["EXPOSE"] == "8000"
    assert said["USER"] not in ("root", "0")
    health = said["HEALTHCHECK"]
    assert "http://127.0.0.1:8000/health" in health
    from tco.service.app import create_app

    paths = {getattr(r, "path", None) for r in create_app(workers=1).routes}
    assert "/health" in paths
    assert "[service]" in said["RUN"]
    assert "service" in PYPROJECT["project"]["optional-dependencies"]


def test_the_wheel_the_build_makes_is_the_one_the_container_installs(tmp_path: Path) -> None:
    """``pip wheel`` of the project, as the Dockerfile's first stage builds it (``build``)."""
    made = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    _, run = _stages()
    pattern = next(rest.split()[-2] for word, rest in run if word == "COPY")
    assert fnmatch.fnmatch(wheel.name, Path(pattern).name), (wheel.name, pattern)
    installed = next(rest for word, rest in run if word == "RUN")
    assert Path(re.search(r"ls (\S+)\)", installed).group(1)).name == Path(pattern).name  # type: ignore[union-attr]
    with zipfile.ZipFile(wheel) as z:
        info = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = z.read(info).decode()
        entry = z.read(info.replace("METADATA", "entry_points.txt")).decode()
        names = set(z.namelist())
    assert "Provides-Extra: service" in metadata
    for need in ("fastapi", "uvicorn", "python-docx", "openpyxl"):
        assert re.search(rf"Requires-Dist: {need}\b.*extra == .service.", metadata), need
    assert re.search(r"^tco = tco\.cli:main$", entry, re.M)
    assert "tco/product_models/indoor-lighting.yaml" in names  # the models ride in the wheel


@pytest.mark.skipif(not _docker_answers(), reason="no Docker daemon answers on this machine")
def test_the_container_builds_and_serves(tmp_path: Path) -> None:  # pragma: no cover
    tag = f"tco-serve-test:{os.getpid()}"
    built = subprocess.run(
        ["docker", "build", "-f", str(DEPLOY / "Dockerfile"), "-t", tag, str(ROOT)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    port = free_port()
    container = subprocess.run(
        ["docker", "run", "-d", "--rm", "-p", f"127.0.0.1:{port}:8000", tag],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline
            time.sleep(0.5)
        lighting = read_yaml_file(tco.example_path("indoor-lighting"))
        r = httpx.post(f"http://127.0.0.1:{port}/annex/docx", json=lighting, timeout=60)
        assert r.status_code == 200 and r.content[:2] == b"PK"
    finally:
        subprocess.run(["docker", "stop", container], capture_output=True)
        subprocess.run(["docker", "rmi", tag], capture_output=True)


# -- the allocator settings -----------------------------------------------------------------------
_MONTE_CARLO = """
import resource, tco
from tco.analysis import monte_carlo
tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
monte_carlo(tender, samples=100_000, seed=1)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(3):
    monte_carlo(tender, samples=100_000, seed=1)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(env: dict[str, str]) -> int:
    """Minor page faults of three Monte Carlo runs after a first, in a process of their own."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", _MONTE_CARLO],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the settings are glibc's")
def test_the_units_allocator_settings_spare_the_page_faults_of_fresh_arrays() -> None:
    # Both deployments set the same two glibc settings, spelled as glibc reads them: with them a
    # Monte Carlo run reuses freed memory instead of faulting in fresh pages for every large array.
    unit = dict(pair.split("=", 1) for pair in _unit()["Environment"].split())
    settings = {k: v for k, v in unit.items() if k.startswith("MALLOC_")}
    assert settings == {
        "MALLOC_MMAP_THRESHOLD_": "33554432",
        "MALLOC_TRIM_THRESHOLD_": "268435456",
    }
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert all(f"{k}={v}" in docker for k, v in settings.items())
    # 4 workers of about 150 MiB at rest, each keeping up to the trim threshold: within MemoryMax.
    assert 4 * (150 * 2**20 + int(settings["MALLOC_TRIM_THRESHOLD_"])) < 2 * 2**30
    assert _unit()["MemoryMax"] == "2G"
    default, tuned = _faults({}), _faults(settings)
    assert tuned * 3 < default, (tuned, default)
