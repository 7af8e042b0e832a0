"""The service as an intranet runs it: honest refusals, a start-up line, CORS, local API docs."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_server import free_port, running

httpx = pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parents[2]


def _error_doc(response: Any, status: int) -> dict[str, Any]:
    """The ``error`` document of ``response``, checked against its published schema."""
    import jsonschema

    assert response.status_code == status, response.text[:300]
    doc = response.json()
    schema = json.loads((ROOT / "docs" / "schema" / "error.schema.json").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc)) == []
    return doc


#: The origin of the page allowed to call the CORS server below.
PAGE = f"http://127.0.0.1:{free_port()}"


def _log(url: str) -> str:
    """What the server at ``url`` has printed (see service_server.running)."""
    port = url.rsplit(":", 1)[1]
    return (Path(os.environ.get("TMPDIR", "/tmp")) / f"tco-serve-{port}.log").read_text()


@pytest.fixture(scope="module", name="plain")
def plain_fixture() -> Iterator[str]:
    """A ``tco serve`` with its defaults (one worker): no CORS."""
    with running("--workers", "1", "--lang", "da") as (url, _):
        yield url


@pytest.fixture(scope="module", name="cors")
def cors_fixture() -> Iterator[str]:
    """A ``tco serve`` whose pages of ``PAGE`` may call it."""
    with running(
        "--workers", "1", "--cors-origin", PAGE, "--cors-origin", "https://intranet.example"
    ) as (url, _):
        yield url


@pytest.fixture(scope="module", name="app_client")
def app_client_fixture(plain: str) -> Iterator[Any]:
    with httpx.Client(base_url=plain, timeout=30) as c:
        yield c


def test_no_such_address_is_a_request_error(app_client: Any) -> None:
    doc = _error_doc(app_client.get("/no/such/route"), 404)
    (record,) = doc["errors"]
    assert record["error_class"] == "RequestError"
    assert record["value"] == "/no/such/route"
    da = _error_doc(app_client.get("/nowhere", headers={"Accept-Language": "da"}), 404)
    assert da["message"] == "adressen findes ikke"
    unknown = _error_doc(app_client.get("/schema/no-such-kind"), 404)
    assert unknown["errors"][0]["error_class"] == "RequestError"


def test_a_method_not_allowed_says_which_are_allowed(app_client: Any) -> None:
    response = app_client.get("/evaluate")
    doc = _error_doc(response, 405)
    assert response.headers["allow"] == "POST"
    (record,) = doc["errors"]
    assert record["error_class"] == "RequestError"
    assert (record["value"], record["expected"]) == ("GET", "POST")
    assert "POST" in doc["message"]
    da = app_client.delete("/models", headers={"Accept-Language": "da"})
    assert da.headers["allow"] == "GET"
    assert _error_doc(da, 405)["message"] == "metoden DELETE er ikke tilladt på /models; brug 'GET'"


def test_a_body_type_not_read_is_a_request_error(app_client: Any) -> None:
    response = app_client.post("/evaluate", content=b"x", headers={"content-type": "text/plain"})
    (record,) = _error_doc(response, 415)["errors"]
    assert record["error_class"] == "RequestError"
    assert record["value"] == "text/plain"
    assert "application/json" in record["expected"]


def test_the_start_up_line_says_where_and_with_which_limits(plain: str, cors: str) -> None:
    # --lang da of the main parser: the line is Danish; limits are tco.limits' defaults
    # (SERVICE_MAX_BODY = 1024 * 1024 = 1.048.576 byte, SERVICE_QUEUE = 64,
    # SERVICE_TIMEOUT = 10 s) and the one worker asked for.
    (line,) = [x for x in _log(plain).splitlines() if x.startswith("tco serve")]
    assert line.startswith(f"tco serve lytter på {plain} (")
    assert "arbejdsprocesser: 1;" in line
    assert "forespørgsler højst 1.048.576 byte, kø højst 64, tidsgrænse 10 s" in line
    assert line.endswith("CORS: ingen)")
    assert "uvloop" in line or "asyncio" in line
    (line,) = [x for x in _log(cors).splitlines() if x.startswith("tco serve")]
    assert line.startswith(f"tco serve listening on {cors} (")
    assert "workers: 1; bodies at most 1,048,576 bytes, queue at most 64, time limit 10 s" in line
    assert line.endswith(f"CORS: {PAGE}, https://intranet.example)")


def test_serve_takes_no_option_it_would_ignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tco.cli import main

    # --openapi: the command ends at once instead of serving, whatever happens
    out = str(tmp_path / "openapi.json")
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--allow-path", "/tmp", "--openapi", out])
    assert stop.value.code == 2
    assert "--allow-path" in capsys.readouterr().err
    assert main(["serve", "--cors-origin", "intranet.example", "--openapi", out]) == 2
    assert "'intranet.example' is not a browser origin" in capsys.readouterr().err
    assert main(["serve", "--lang", "da", "--cors-origin", "ftp://x/y", "--openapi", out]) == 2
    assert "er ikke en browser-oprindelse" in capsys.readouterr().err
    assert not Path(out).exists()


def test_cors_only_for_the_origins_given(plain: str, cors: str) -> None:
    preflight = {
        "Origin": PAGE,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    # without --cors-origin: no CORS header, the preflight is not answered as one
    refused = httpx.options(f"{plain}/evaluate", headers=preflight)
    assert refused.status_code == 405
    assert "access-control-allow-origin" not in refused.headers
    got = httpx.get(f"{plain}/models", headers={"Origin": PAGE})
    assert got.status_code == 200
    assert "access-control-allow-origin" not in got.headers
    # with it: the preflight is allowed and every answer names the origin, errors too
    allowed = httpx.options(f"{cors}/evaluate", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == PAGE
    assert "POST" in allowed.headers["access-control-allow-methods"]
    got = httpx.get(f"{cors}/models", headers={"Origin": PAGE})
    assert got.headers["access-control-allow-origin"] == PAGE
    missing = httpx.get(f"{cors}/nowhere", headers={"Origin": PAGE})
    assert missing.status_code == 404
    assert missing.headers["access-control-allow-origin"] == PAGE
    # an origin not given is not allowed
    other = httpx.options(f"{cors}/evaluate", headers={**preflight, "Origin": "http://evil.test"})
    assert "access-control-allow-origin" not in other.headers
    (record,) = _error_doc(other, 400)["errors"]  # an error document, as every refusal
    assert (record["error_class"], record["value"]) == ("RequestError", "http://evil.test")
    assert "origin" in record["message"]


def test_the_api_pages_load_nothing_from_outside_the_service(plain: str) -> None:
    import re

    for page, needed in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        html = httpx.get(f"{plain}{page}").text
        refs = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", html)
        assert any(r.endswith(needed) for r in refs), (page, refs)
        for ref in refs:
            # every script, style, icon and the OpenAPI document: the service's own origin
            assert ref.startswith("/") and not ref.startswith("//"), (page, ref)
            assert httpx.get(f"{plain}{ref}").status_code == 200, (page, ref)
        assert "http://" not in html and "https://" not in html, page
    assert "SwaggerUIBundle" in httpx.get(f"{plain}/docs-static/swagger-ui-bundle.js").text


def test_identical_requests_get_byte_identical_answers(plain: str) -> None:
    import tco
    from tco.io.yamlio import read_yaml_file

    uncertain = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    lighting = read_yaml_file(tco.example_path("indoor-lighting"))
    bids = [b["name"] for b in lighting["bids"]]
    routes = [
        ("/montecarlo?samples=2000&seed=7", uncertain),  # the route that takes a seed
        ("/evaluate", lighting),
        ("/validate", lighting),
        (f"/baseline?baseline={bids[0]}", lighting),
        ("/sensitivity?percent=10", lighting),
        ("/sensitivity?scenarios=true", lighting),
        ("/report?charts=false", lighting),
    ]
    with httpx.Client(base_url=plain, timeout=60) as client:
        for route, body in routes:
            first, second = (client.post(route, json=body) for _ in range(2))
            assert first.status_code == second.status_code == 200, (route, first.text[:300])
            assert first.content == second.content, route
            # the time taken is in the Server-Timing header, not in the document
            assert "total;dur=" in first.headers["server-timing"], route
        mc = client.post("/montecarlo?samples=2000&seed=7", json=uncertain)
        assert "seconds" not in mc.json()
        assert mc.headers["server-timing"].startswith("montecarlo;dur=")
        other = client.post("/montecarlo?samples=2000&seed=8", json=uncertain)
        assert other.content != mc.content  # the seed does count


def test_a_library_missing_on_the_server_is_a_server_error(tmp_path: Path) -> None:
    import tco
    from tco.io.yamlio import read_yaml_file

    # a server where openpyxl and pyarrow cannot be imported (as with an incomplete install)
    for name in ("openpyxl", "pyarrow"):
        (tmp_path / f"{name}.py").write_text(f'raise ImportError("No module named {name}")\n')
    lighting = read_yaml_file(tco.example_path("indoor-lighting"))
    path = os.pathsep.join(p for p in (str(tmp_path), os.environ.get("PYTHONPATH")) if p)
    with running("--workers", "1", env={"PYTHONPATH": path}) as (url, _):
        workbook = httpx.post(f"{url}/workbook", json=lighting, timeout=60)
        (record,) = _error_doc(workbook, 503)["errors"]
        assert record["error_class"] == "MissingExtraError"
        assert "openpyxl" in record["message"]
        arrow = httpx.post(
            f"{url}/batch?model=indoor-lighting",
            content=b"ARROW1",
            headers={"content-type": "application/vnd.apache.arrow.stream"},
            timeout=60,
        )
        assert _error_doc(arrow, 503)["errors"][0]["error_class"] == "MissingExtraError"
        assert httpx.post(f"{url}/evaluate", json=lighting, timeout=60).status_code == 200


def test_the_service_extra_holds_what_every_route_needs() -> None:
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["service"]
    names = {e.split(">")[0].split("[")[0].split("=")[0] for e in extra}
    # /workbook: openpyxl (defusedxml reads xlsx safely); /report's charts: matplotlib;
    # /batch's Arrow bodies: pyarrow; /docs, /redoc: fastapi-offline
    assert {"openpyxl", "defusedxml", "matplotlib", "pyarrow", "fastapi-offline"} <= names


@contextlib.contextmanager
def _page(html: str, folder: Path) -> Iterator[str]:
    """A web page served from ``PAGE`` (another origin than the service's): its URL."""
    import functools
    import http.server
    import threading

    (folder / "index.html").write_text(html, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    port = int(PAGE.rsplit(":", 1)[1])
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as pages:
        thread = threading.Thread(target=pages.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"{PAGE}/index.html"
        finally:
            pages.shutdown()


def _browser_says(url: str, profile: Path) -> str:
    """What headless Chromium shows in the page's ``out`` paragraph once its scripts ran."""
    import re
    import shutil
    import subprocess

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium is not None
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    found = re.search(r'<p id="out">([^<]*)</p>', dom)
    assert found is not None, dom[:500]
    return found.group(1)


@pytest.mark.skipif(
    not any(shutil.which(b) for b in ("chromium", "chromium-browser")),
    reason="needs Chromium (Debian: apt-get install chromium)",
)
def test_a_browser_page_of_another_origin_calls_the_service_only_if_allowed(
    plain: str, cors: str, tmp_path: Path
) -> None:
    import tco
    from tco.io.yamlio import read_yaml_file

    tender = json.dumps(read_yaml_file(tco.example_path("indoor-lighting")))
    # a JSON POST: the browser asks first (a preflight), then sends the tender
    script = """
    <!doctype html><html><body><p id="out">waiting</p><script>
    fetch("SERVICE/evaluate", {method: "POST", body: JSON.stringify(TENDER),
          headers: {"Content-Type": "application/json", "Accept-Language": "da"}})
      .then(r => r.json())
      .then(d => { document.getElementById("out").textContent = "OK " + d.ranking[0]; })
      .catch(e => { document.getElementById("out").textContent = "REFUSED " + e.name; });
    </script></body></html>
    """
    first = tco.load_tender(tco.example_path("indoor-lighting")).evaluate().ranking[0]
    for service, expected in ((cors, f"OK {first}"), (plain, "REFUSED TypeError")):
        html = script.replace("SERVICE", service).replace("TENDER", tender)
        folder = tmp_path / service.rsplit(":", 1)[1]
        folder.mkdir()
        with _page(html, folder) as url:
            assert _browser_says(url, tmp_path / "profile") == expected, service


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_the_curl_example_of_the_docs_runs(plain: str, tmp_path: Path) -> None:
    import re
    import subprocess

    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    block = text.split("### curl", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    script = block.replace("$ ", "").replace("http://127.0.0.1:8000", plain)
    assert script.count("curl ") == 3
    # every curl also prints the answer's status on a line of its own
    wrapped = "set -e\ncurl() { command curl -w '\\n%{http_code}\\n' \"$@\"; }\n" + script
    done = subprocess.run(
        ["bash", "-c", wrapped],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert re.findall(r"^(\d{3})$", done.stdout, re.M) == ["200"] * 3, done.stdout[-600:]
    assert (tmp_path / "award-report.html").read_text(encoding="utf-8").startswith("<!")
