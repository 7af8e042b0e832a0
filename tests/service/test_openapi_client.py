"""A typed client generated from the OpenAPI document calls every route of a running service.

The document is the one ``tco serve`` serves at ``/openapi.json``; the client is
generated from it by openapi-python-client, as an integrating developer would; the
routes called are the document's paths (a route added to the service is called
too); every answer, the errors included, is checked against the document's schema
for its status and media type.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from service_server import running

httpx = pytest.importorskip("httpx")
jsonschema = pytest.importorskip("jsonschema")
pytest.importorskip("openapi_spec_validator")
pytest.importorskip("openapi_python_client")

JSON = "application/json"
#: How the generated client reads the downloads whose media type the generator does not know:
#: as bytes (openapi-python-client's content_type_overrides, as its documentation shows).
CONFIG = """\
project_name_override: tco-client
package_name_override: tco_client
post_hooks: []
content_type_overrides:
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: application/octet-stream
  application/vnd.openxmlformats-officedocument.wordprocessingml.document: application/octet-stream
"""


# -- the document -------------------------------------------------------------------------------
def test_the_document_is_valid_openapi_3_1() -> None:
    from openapi_spec_validator import validate

    from tco.service.app import create_app
    from tco.service.routes import ROUTES

    doc = create_app(workers=1).openapi()
    validate(doc)
    assert doc["openapi"] == "3.1.0"
    operations = {op["operationId"]: op for ops in doc["paths"].values() for op in ops.values()}
    # one operation per route of the table, under the route's readable id
    assert sorted(operations) == sorted(r.operation_id for r in ROUTES)
    assert {"evaluate", "validate", "montecarlo", "batch", "health"} <= set(operations)
    error = {"$ref": "#/components/schemas/ErrorDocument"}
    for route in ROUTES:
        op = operations[route.operation_id]
        answers = op["responses"]
        for status in ("405", "500", "default"):
            assert answers[status]["content"][JSON]["schema"] == error, route.path
        if route.request is not None:  # a body: every refusal of a body is declared
            for status in ("400", "408", "413", "415", "422", "503"):
                assert answers[status]["content"][JSON]["schema"] == error, route.path
            assert "Retry-After" in answers["503"]["headers"]
            body = op["requestBody"]["content"][JSON]
            assert body["schema"]["$ref"].startswith("#/components/schemas/")
            assert body["example"] == route.example_body()
        ok = answers["200"]["content"]
        assert list(ok) == [route.media]
        if route.media == JSON:  # a document kind of the contract, by its schema
            schema = ok[JSON]["schema"]
            refs = [s["$ref"] for s in schema.get("oneOf", [schema])]
            assert all(r.startswith("#/components/schemas/") for r in refs)
        else:  # a download: by its media type
            assert ok[route.media]["schema"]["type"] == "string"
    # the request bodies are the tender's and the batch request's schemas, as components
    schemas = doc["components"]["schemas"]
    assert schemas["Tender"]["properties"]["bids"]["items"] == {
        "$ref": "#/components/schemas/BidSpec"
    }
    assert "rows" in schemas["BatchRequest"]["required"]
    assert schemas["ResultDocument"]["properties"]["kind"]["const"] == "result"
    # the example of /evaluate is the bundled tender examples/indoor-lighting.yaml
    example = doc["paths"]["/evaluate"]["post"]["requestBody"]["content"][JSON]["example"]
    assert [b["name"] for b in example["bids"]] == ["Lumen Nord", "Budget Light", "Premium LED"]
    # the document is the same on every call, and the published copy is this one
    assert json.dumps(create_app(workers=1).openapi()) == json.dumps(doc)


# -- the generated client and a running service -------------------------------------------------
@pytest.fixture(scope="module")
def service() -> Iterator[str]:
    """A ``tco serve`` with room enough for every route's example (reports, workbooks)."""
    with running("--workers", "2", "--timeout", "120") as (url, _process):
        yield url


def _generate(doc: dict[str, Any], folder: Path) -> tuple[Any, str]:
    """Generate a client from ``doc`` into ``folder``; import it; the generator's output."""
    (folder / "openapi.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "config.yaml").write_text(CONFIG, encoding="utf-8")
    script = Path(sys.executable).parent / "openapi-python-client"
    command = [str(script) if script.exists() else shutil.which("openapi-python-client") or ""]
    command += ["generate", "--path", "openapi.json", "--config", "config.yaml"]
    done = subprocess.run(
        [*command, "--meta", "none", "--output-path", "tco_client"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    return importlib.import_module("tco_client"), said


def _warnings_are_only_other_media_types(said: str, doc: dict[str, Any]) -> None:
    """The generator's every warning is a request body type it cannot send (YAML, CSV, Arrow).

    The document declares them truthfully; the client sends the same body as JSON.
    """
    other = {
        media
        for ops in doc["paths"].values()
        for op in ops.values()
        for media in op.get("requestBody", {}).get("content", {})
        if media != JSON
    }
    allowed = (
        r"Generating \S+",
        r"Warning\(s\) encountered while generating\. .*",
        r"WARNING parsing (POST|GET) \S+ within default\.",  # not "Endpoint will not be generated"
        r"Unsupported content type (?P<media>\S+)",
        r"If you believe this was a mistake or this tool is missing a feature .*",
    )
    for line in said.splitlines():
        if not line.strip() or line[0] in " {}":  # a blank line, or the JSON the warning is about
            continue
        found = next((m for a in allowed if (m := re.fullmatch(a, line))), None)
        assert found is not None, line
        if found.groupdict().get("media"):
            assert found.group("media") in other, line


def _resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _check(
    doc: dict[str, Any], path: str, method: str, r: Any, *, status: int | None = None
) -> Any:
    """``r`` is an answer the document declares for this operation, and its body fits the schema."""
    code = r.status_code
    if status is not None:
        assert code == status, (path, method, code, r.content[:300])
    responses = doc["paths"][path][method]["responses"]
    declared = responses.get(str(code), responses["default"])
    media = r.headers["content-type"].split(";")[0].strip()
    assert media in declared["content"], (path, code, media)
    schema = declared["content"][media]["schema"]
    for header in declared.get("headers", {}):
        assert header.lower() in {h.lower() for h in r.headers}, (path, code, header)
    if media == JSON:
        body = json.loads(r.content)
        validator = jsonschema.Draft202012Validator({"components": doc["components"], **schema})
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
        assert not errors, (path, code, errors[:5])
        if code != 200 or path != "/health":
            assert code == 200 or body["kind"] == "error", (path, code)
        return body
    assert schema["type"] == "string" and r.content, (path, code)
    if schema.get("format") == "binary":
        assert r.content.startswith(b"PK\x03\x04"), path  # an Office document is a zip
    else:
        assert r.content.lstrip().lower().startswith((b"<!doctype html", b"<html")), path
    return r.content


def _typed(hint: Any, value: Any) -> Any:
    """``value`` as the generated client takes it for a parameter typed ``hint``."""
    for option in typing.get_args(hint) or (hint,):
        if isinstance(option, type) and issubclass(option, Enum):
            return option(value)
    return value


def _body(hint: Any, example: Any) -> Any:
    """The example as an object of the generated body class that writes it back unchanged."""
    for option in typing.get_args(hint) or (hint,):
        with contextlib.suppress(Exception):
            body = option.from_dict(example)
            if body.to_dict() == example:
                return body
    raise AssertionError(f"no class of {hint} reads and writes the example unchanged")


def _call(client: Any, doc: dict[str, Any], path: str, method: str, **changes: Any) -> Any:
    """Call one operation through the generated client, with the document's examples."""
    op = doc["paths"][path][method]
    module = importlib.import_module(f"tco_client.api.default.{op['operationId']}")
    hints = typing.get_type_hints(module.sync_detailed)
    kwargs: dict[str, Any] = {}
    for p in op.get("parameters", []):
        name = re.sub(r"\W", "_", p["name"]).lower()
        if "example" in p and name in hints:
            kwargs[name] = _typed(hints[name], p["example"])
    if "requestBody" in op:
        kwargs["body"] = _body(hints["body"], op["requestBody"]["content"][JSON]["example"])
    for name, value in changes.items():
        if name == "body":
            kwargs["body"] = _body(hints["body"], value)
        else:
            kwargs[name] = _typed(hints[name], value)
    return module.sync_detailed(client=client, **kwargs)


def _errors_of(client: Any, doc: dict[str, Any], path: str, method: str) -> None:
    """The refusals of one route, each an answer the document declares, in its schema."""
    op = doc["paths"][path][method]
    raw = client.get_httpx_client()  # for what a typed call cannot send
    filled = re.sub(r"\{[^}]+\}", "x", path)
    wrong = raw.request("GET" if method == "post" else "POST", filled)
    assert wrong.headers["allow"] == method.upper(), path
    _check(doc, path, method, wrong, status=405)
    if "{" in path:  # a path parameter naming nothing
        _check(doc, path, method, raw.get(filled), status=404)
    if "requestBody" not in op:
        return
    for content, media, status in (
        (b"x", "image/png", 415),
        (b"{" + b" " * (1 << 20) + b"}", JSON, 413),
        (b'{"model": ', JSON, 400),
    ):
        r = raw.post(path, content=content, headers={"content-type": media})
        _check(doc, path, method, r, status=status)
    # JSON of the wrong shape: a list where the route reads an object
    r = raw.post(path, content=b"[1, 2]", headers={"content-type": JSON})
    assert r.status_code in (400, 422), path
    _check(doc, path, method, r)
    example = op["requestBody"]["content"][JSON]["example"]
    if isinstance(example, dict) and "model" in example:  # a model the service does not have
        r = _call(client, doc, path, method, body={**example, "model": "no-such-model"})
        if op["operationId"] == "validate":  # validate reports it in a 200 document
            assert _check(doc, path, method, r, status=200)["valid"] is False
        else:
            doc_422 = _check(doc, path, method, r, status=422)
            assert doc_422["errors"][0]["error_class"] == "ModelNotFoundError", path


def test_a_generated_client_calls_every_route(service: str, tmp_path: Path) -> None:
    from tco.service.app import openapi_text

    doc = httpx.get(f"{service}/openapi.json", timeout=120).json()
    assert doc == json.loads(openapi_text())  # the published copy is the served document
    package, said = _generate(doc, tmp_path)
    _warnings_are_only_other_media_types(said, doc)
    called = []
    with package.Client(base_url=service, timeout=httpx.Timeout(120.0)) as client:
        for path, operations in doc["paths"].items():  # every route the document declares
            for method, op in operations.items():
                # its example, in English and in Danish: 200, in the document's schema
                for language in ({}, {"accept_language": "da"}):
                    r = _call(client, doc, path, method, **language)
                    _check(doc, path, method, r, status=200)
                    if r.headers["content-type"].startswith(JSON):
                        assert r.parsed is not None, path  # the client read its typed answer
                _errors_of(client, doc, path, method)
                called.append(op["operationId"])
    assert len(called) == sum(len(ops) for ops in doc["paths"].values())
    assert {"evaluate", "workbook", "report", "batch", "model_schema"} <= set(called)


def test_a_bad_query_parameter_is_a_request_error(service: str) -> None:
    import tco
    from tco.io.yamlio import read_yaml_file

    body = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    cases = [
        ("/montecarlo?samples=many", "samples"),
        ("/montecarlo?seed=1.5", "seed"),
        ("/sensitivity?percent=ten", "percent"),
        ("/sensitivity?difference=Lumen%20Nord", "difference"),
        ("/baseline", "baseline"),
    ]
    for url, name in cases:
        for headers in ({}, {"Accept-Language": "da"}):
            r = httpx.post(f"{service}{url}", json=body, headers=headers, timeout=60)
            assert r.status_code == 422, (url, r.text[:300])
            record = r.json()["errors"][0]
            # the request asks for something wrong, as for 404, 405 and 415: not the tender
            assert record["error_class"] == "RequestError", (url, record)
            assert record["path"] == name and record["location"] == [name], (url, record)
        assert r.json()["message"] != httpx.post(f"{service}{url}", json=body).json()["message"]


def test_identical_seeded_monte_carlo_requests_through_the_client_are_byte_identical(
    service: str,
) -> None:
    import tco
    from tco.io.yamlio import read_yaml_file

    body = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    url = f"{service}/montecarlo?samples=500&seed=11"
    answers = [httpx.post(url, json=body, timeout=60) for _ in range(3)]
    assert all(a.status_code == 200 for a in answers)
    assert answers[0].content == answers[1].content == answers[2].content
    # the compute time is in Server-Timing only, never in the document
    assert "seconds" not in answers[0].json()
    assert all(
        re.match(r"montecarlo;dur=[\d.]+, total;dur=[\d.]+$", a.headers["server-timing"])
        for a in answers
    )
    other = httpx.post(f"{service}/montecarlo?samples=500&seed=12", json=body, timeout=60)
    assert other.content != answers[0].content  # the seed matters: the test can fail


def test_identical_workbook_requests_are_byte_identical(service: str) -> None:
    import io
    import time

    openpyxl = pytest.importorskip("openpyxl")
    import tco
    from tco.io.yamlio import read_yaml_file

    body = read_yaml_file(tco.example_path("indoor-lighting"))
    first = httpx.post(f"{service}/workbook", json=body, timeout=120)
    time.sleep(2.1)  # past a zip member's time resolution (2 s) and a core property's (1 s)
    second = httpx.post(f"{service}/workbook", json=body, timeout=120)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content  # no time of writing in the workbook
    book = openpyxl.load_workbook(io.BytesIO(first.content))
    assert book["Summary"]["A1"].value  # still a workbook Excel and openpyxl read
