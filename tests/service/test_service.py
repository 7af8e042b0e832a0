"""The HTTP service, tested as it runs: a real server process and a real HTTP client."""

from __future__ import annotations

import io
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from service_server import client_fixture, running, server_fixture  # noqa: F401  (fixtures)

import tco
from tco.io.yamlio import read_yaml_file
from tco.limits import SERVICE_MAX_BODY, SERVICE_MAX_SAMPLES
from tco.views.contract import SCHEMA_VERSION
from tco.views.documents import dumps, result_document

httpx = pytest.importorskip("httpx")
jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
LIGHTING = tco.example_path("indoor-lighting")


def _check(response: Any, status: int = 200) -> Any:
    """The response's JSON document, checked against its published schema."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    doc = response.json()
    schema = json.loads((ROOT / "docs" / "schema" / f"{doc['kind']}.schema.json").read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert errors == [], [e.message for e in errors[:3]]
    return doc


def _tender() -> dict[str, Any]:
    return read_yaml_file(LIGHTING)


def test_evaluate_gives_the_library_result(client: Any) -> None:
    doc = _check(client.post("/evaluate", json=_tender()))
    library = json.loads(dumps(result_document(tco.load_tender(LIGHTING).evaluate())))
    assert doc == library  # every number, bit for bit
    yaml_doc = _check(
        client.post(
            "/evaluate",
            content=LIGHTING.read_bytes(),
            headers={"content-type": "application/yaml"},
        )
    )
    assert yaml_doc == library


def test_lists_and_schemas(client: Any) -> None:
    models = _check(client.get("/models"))
    assert {m["id"] for m in models["models"]} == set(tco.bundled_models())
    bases = _check(client.get("/bases"))
    assert isinstance(bases["bases"], list)
    schema = client.get("/models/indoor-lighting/schema").json()
    data = _tender()
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    data["bids"][0]["anual_energy"] = "1 kWh"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) != []
    assert (
        client.get("/schema/result").json()["$id"] == f"urn:tco-lcc:schema:result:{SCHEMA_VERSION}"
    )
    _check(client.get("/models/no-such-model/schema"), 404)
    _check(client.get("/no/such/route"), 404)


def test_validate_reports_every_problem(client: Any) -> None:
    assert _check(client.post("/validate", json=_tender()))["valid"] is True
    data = _tender()
    data["bids"][0]["power"] = "38 kg"
    data["bids"][1]["price"] = "1100 kr"
    doc = _check(client.post("/validate", json=data))
    assert doc["valid"] is False
    assert {p["path"] for p in doc["problems"]} == {"bids[0].power", "bids[1].price"}
    model = read_yaml_file(tco.bundled_models()["indoor-lighting"])
    doc = _check(client.post("/validate", json=model))
    assert (doc["document"], doc["model"], doc["valid"]) == ("model", "indoor-lighting", True)
    model["items"]["purchase"]["category"] = "purchase"
    doc = _check(client.post("/validate", json=model))
    assert doc["valid"] is False
    assert doc["problems"][0]["path"] == "items.purchase.category"


def test_user_errors_are_error_documents_with_4xx(client: Any) -> None:
    data = _tender()
    data["bids"][0]["power"] = "38 kg"
    doc = _check(client.post("/evaluate", json=data), 422)
    err = doc["errors"][0]
    assert (err["error_class"], err["path"], err["value"]) == (
        "UnitError",
        "bids[0].power",
        "38 kg",
    )
    assert err["file"] == "<request>"
    # no file-system access from a request: a model path is refused, not read
    for ref in ("../product_models/indoor-lighting.yaml", "/etc/passwd"):
        data = _tender()
        data["model"] = ref
        doc = _check(client.post("/evaluate", json=data), 422)
        assert doc["errors"][0]["error_class"] == "ModelNotFoundError"
    # an inline model is fine
    data = _tender()
    data["model"] = read_yaml_file(tco.bundled_models()["indoor-lighting"])
    assert _check(client.post("/evaluate", json=data))["ranking"][0] == "Premium LED"
    _check(
        client.post("/evaluate", content=b"a: [1", headers={"content-type": "application/json"}),
        400,
    )
    _check(client.post("/evaluate", content=b"x", headers={"content-type": "image/png"}), 415)
    _check(
        client.post("/evaluate", content=b"[1, 2]", headers={"content-type": "application/json"}),
        400,
    )


def test_oversized_and_deep_bodies_are_refused(client: Any) -> None:
    big = b"{" + b" " * SERVICE_MAX_BODY + b"}"
    doc = _check(
        client.post("/evaluate", content=big, headers={"content-type": "application/json"}), 413
    )
    assert doc["errors"][0]["error_class"] == "LimitError"

    def chunks() -> Any:  # no Content-Length: refused while it is read
        for _ in range(SERVICE_MAX_BODY // 65536 + 2):
            yield b" " * 65536

    r = client.post("/evaluate", content=chunks(), headers={"content-type": "application/json"})
    _check(r, 413)
    deep = b"[" * 100_000 + b"]" * 100_000
    _check(
        client.post("/evaluate", content=deep, headers={"content-type": "application/json"}), 400
    )
    deep_yaml = b"a: " + b"[" * 1000 + b"]" * 1000
    _check(
        client.post("/evaluate", content=deep_yaml, headers={"content-type": "application/yaml"}),
        400,
    )


def _slow_tender() -> dict[str, Any]:
    """A Monte Carlo run far past a time limit of 0.5 s (about 1.5 s of numpy work, alone).

    It stays within the library's own caps (samples x bids at most ``MAX_MC_DRAWS``,
    samples x bids x years at most ``MAX_MC_CELLS``), which would refuse it at once.
    """
    data = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    data["assumptions"]["period"] = "100 year"
    data["bids"] = [
        {"name": f"B{i}", "price": "1450 DKK", "power": "32 W", "rated_life": f"{30000 + i} h"}
        for i in range(240)
    ]
    return data


def test_a_slow_request_is_stopped_while_others_are_served() -> None:
    # its own server, with a time limit far below the slow run (about 1.5 s of numpy work
    # alone) and far above an evaluation (milliseconds)
    with running("--workers", "2", "--timeout", "0.5") as (server, _):
        _slow_and_fast(server)


def _slow_and_fast(server: str) -> None:
    slow = _slow_tender()
    fast = _tender()
    expected = json.loads(dumps(result_document(tco.load_tender(LIGHTING).evaluate())))

    def post_slow() -> tuple[int, float, Any]:
        start = time.monotonic()
        with httpx.Client(base_url=server, timeout=60) as c:
            r = c.post(f"/montecarlo?samples={SERVICE_MAX_SAMPLES}&seed=1", json=slow)
        return r.status_code, time.monotonic() - start, r.json()

    def post_fast(_: int) -> tuple[int, float, Any]:
        start = time.monotonic()
        with httpx.Client(base_url=server, timeout=60) as c:
            r = c.post("/evaluate", json=fast)
        return r.status_code, time.monotonic() - start, r.json()

    with ThreadPoolExecutor(8) as pool:
        slow_future = pool.submit(post_slow)
        time.sleep(0.1)
        fast_answers = list(pool.map(post_fast, range(40)))
        status, took, doc = slow_future.result()
    assert status == 422 and doc["errors"][0]["error_class"] == "LimitError"
    assert "limit" in doc["message"]
    assert took < 10  # the limit (0.5 s) plus queueing on a busy machine, not the full run
    assert all(s == 200 and d == expected for s, _, d in fast_answers)
    # and the service goes on: the stopped worker was replaced
    with httpx.Client(base_url=server, timeout=60) as c:
        for _ in range(4):
            assert c.post("/evaluate", json=fast).json() == expected


def test_analyses(client: Any) -> None:
    doc = _check(client.post("/baseline", params={"baseline": "Budget Light"}, json=_tender()))
    assert [r["bid"] for r in doc["bids"] if r["baseline"]] == ["Budget Light"]
    _check(client.post("/baseline", json=_tender()), 422)
    _check(client.post("/sensitivity", params={"percent": 20}, json=_tender()))
    _check(client.post("/sensitivity", params={"percent": "much"}, json=_tender()), 422)
    pair = {"difference": ["Premium LED", "Lumen Nord"]}
    doc = _check(client.post("/sensitivity", params=pair, json=_tender()))
    assert (doc["difference"]["a"], doc["difference"]["b"]) == ("Premium LED", "Lumen Nord")
    _check(client.post("/sensitivity", params={"difference": "A"}, json=_tender()), 422)
    uncertain = read_yaml_file(tco.example_path("indoor-lighting-uncertain"))
    doc = _check(client.post("/montecarlo", params={"samples": 500, "seed": 3}, json=uncertain))
    from tco.analysis.montecarlo import monte_carlo

    mc = monte_carlo(tco.load_tender(uncertain), samples=500, seed=3)
    assert [b["mean"] for b in doc["bids"]] == mc.mean.tolist()
    too_many = {"samples": SERVICE_MAX_SAMPLES + 1}
    _check(client.post("/montecarlo", params=too_many, json=uncertain), 400)


def test_report_and_workbook_downloads(client: Any) -> None:
    r = client.post("/report", params={"charts": "false"}, json=_tender())
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "attachment" in r.headers["content-disposition"]
    assert "Premium LED" in r.text
    da = client.post(
        "/report", params={"charts": "false"}, json=_tender(), headers={"Accept-Language": "da"}
    )
    assert da.status_code == 200 and 'lang="da"' in da.text
    openpyxl = pytest.importorskip("openpyxl")
    r = client.post("/workbook", json=_tender())
    assert r.status_code == 200 and r.content[:2] == b"PK"
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert book.sheetnames


def test_danish(client: Any) -> None:
    da = _check(client.get("/models", headers={"Accept-Language": "da-DK,da;q=0.9,en;q=0.5"}))
    model = tco.load_model("indoor-lighting")
    titles = {m["id"]: m["title"] for m in da["models"]}
    assert titles["indoor-lighting"] == model.spec.title.get("da")


def test_batch_json_csv_and_arrow(client: Any) -> None:
    rows = [
        {"name": "A", "price": 1450.0, "power": 32.0, "rated_life": 50000.0},
        {"name": "B", "price": 1100.0, "power": 41.0, "rated_life": 35000.0},
    ]
    body = {"model": "indoor-lighting", "assumptions": {"period": "15 year"}, "rows": rows}
    doc = _check(client.post("/batch", json=body))
    lib = tco.evaluate_batch(
        "indoor-lighting",
        {k: [r[k] for r in rows] for k in ("price", "power", "rated_life")},
        assumptions={"period": "15 year"},
    )
    assert [r["total"] for r in doc["rows"]] == lib["total"].tolist()
    assert [r["name"] for r in doc["rows"]] == ["A", "B"]
    csv_text = "name,price,power,rated_life\nA,1450,32,50000\nB,1100,41,35000\n"
    r = client.post(
        "/batch",
        params={"model": "indoor-lighting", "period": "15 year"},
        content=csv_text,
        headers={"content-type": "text/csv"},
    )
    assert [x["total"] for x in _check(r)["rows"]] == lib["total"].tolist()
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"price": [1450.0], "power": [32.0], "rated_life": [50000.0]})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    r = client.post(
        "/batch",
        params={"model": "indoor-lighting", "period": "15 year"},
        content=sink.getvalue().to_pybytes(),
        headers={"content-type": "application/vnd.apache.arrow.stream"},
    )
    assert _check(r)["rows"][0]["name"] is None
    bad = {"model": "indoor-lighting", "rows": [{"price": "lots", "power": 1, "rated_life": 1}]}
    assert _check(client.post("/batch", json=bad), 422)["errors"][0]["path"] == "rows[0].price"


def test_batch_with_a_basis_and_an_unknown_key(client: Any) -> None:
    rows = [{"price": 1450.0, "power": 32.0, "rated_life": 50000.0}]
    lib = tco.evaluate_batch(
        "indoor-lighting",
        {k: [r[k] for r in rows] for k in ("price", "power", "rated_life")},
        assumptions={"period": "15 year"},
        basis="dk-fm-2021",
    )
    body = {"model": "indoor-lighting", "basis": "dk-fm-2021", "rows": rows}
    body["assumptions"] = {"period": "15 year"}
    assert _check(client.post("/batch", json=body))["rows"][0]["total"] == lib["total"][0]
    r = client.post(
        "/batch",
        params={"model": "indoor-lighting", "basis": "dk-fm-2021", "period": "15 year"},
        content="price,power,rated_life\n1450,32,50000\n",
        headers={"content-type": "text/csv"},
    )
    assert _check(r)["rows"][0]["total"] == lib["total"][0]
    typo = {"model": "indoor-lighting", "asumptions": {"period": "15 year"}, "rows": rows}
    err = _check(client.post("/batch", json=typo), 422)["errors"][0]
    assert err["path"] == "asumptions" and "did you mean 'assumptions'" in err["message"]
