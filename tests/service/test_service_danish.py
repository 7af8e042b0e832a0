"""The service answers every user error in the request's language (``Accept-Language``).

The work of a request (:func:`tco.service.routes.run`) is run in this process for
a sample of bad requests; the application's own answers (unknown routes, body
type and size, the time limit, unknown models and schemas) through its ASGI
interface with no worker started; and two answers of a real ``tco serve``. Each
Danish error document is read for English words (those of
``tests/test_errors_danish.py``), and the English answers stay as they were.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from service_server import client_fixture, server_fixture  # noqa: F401  (fixtures)

import tco
from tco.errors import SpecError, TCOError
from tco.io.yamlio import read_yaml_file
from tco.limits import SERVICE_MAX_BODY, SERVICE_MAX_SAMPLES

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "_errors_danish_service", _HERE.parent / "test_errors_danish.py"
)
assert _spec is not None and _spec.loader is not None
_danish = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_danish)
english_words: Callable[[str, TCOError], set[str]] = _danish.english_words

DA = {"Accept-Language": "da-DK,da;q=0.9,en;q=0.5"}
JSON = "application/json"
LIGHTING = tco.example_path("indoor-lighting")
ROWS = [{"price": 1450.0, "power": 32.0, "rated_life": 50000.0}]


def _tender(**changes: Any) -> bytes:
    data = read_yaml_file(LIGHTING)
    data.update(changes)
    return json.dumps(data).encode()


def _batch(**body: Any) -> bytes:
    return json.dumps({"model": "indoor-lighting", "rows": ROWS, **body}).encode()


def assert_danish(doc: dict[str, Any]) -> None:
    """An error document whose every message is Danish: no English word of tco's own."""
    assert doc["kind"] == "error"
    for record in doc["errors"]:
        where = SpecError("", file=record["file"], path=(record["path"],) if record["path"] else ())
        words = english_words(record["message"], where)
        assert not words, record["message"]
        assert record["message"] != record["reason"] or not record["reason"], record


#: A bad request: route, body, media type, query parameters; the status it is answered with.
BAD: dict[str, tuple[str, bytes, str, dict[str, Any], int]] = {
    "not JSON": ("evaluate", b"{not json", JSON, {}, 400),
    "not an object": ("evaluate", b"[1, 2]", JSON, {}, 400),
    "body type": ("evaluate", b"x", "image/png", {}, 422),
    "too deep": ("evaluate", b"[" * 200 + b"]" * 200, JSON, {}, 400),
    "long number": ("evaluate", b'{"a": ' + b"9" * 5000 + b"}", JSON, {}, 400),
    "unknown model": ("evaluate", _tender(model="no-such-model"), JSON, {}, 422),
    "no baseline": ("baseline", _tender(), JSON, {}, 422),
    "one difference": ("sensitivity", _tender(), JSON, {"difference": ["A"]}, 422),
    "percent": ("sensitivity", _tender(), JSON, {"percent": "lots"}, 422),
    "percent infinite": ("sensitivity", _tender(), JSON, {"percent": "inf"}, 422),
    "samples": ("montecarlo", _tender(), JSON, {"samples": "many"}, 422),
    "too many samples": (
        "montecarlo",
        _tender(),
        JSON,
        {"samples": str(SERVICE_MAX_SAMPLES + 1)},
        400,
    ),
    "batch model": ("batch", _batch(model="no-such-model"), JSON, {}, 422),
    "batch key": ("batch", _batch(asumptions={}), JSON, {}, 422),
    "rows not a list": ("batch", _batch(rows={"a": 1}), JSON, {}, 422),
    "no rows": ("batch", _batch(rows=[]), JSON, {}, 422),
    "row not an object": ("batch", _batch(rows=[1]), JSON, {}, 422),
    "row keys": ("batch", _batch(rows=[*ROWS, {"price": 1.0}]), JSON, {}, 422),
    "not a number": ("batch", _batch(rows=[{**ROWS[0], "price": "lots"}]), JSON, {}, 422),
    "not finite": ("batch", _batch(rows=[{**ROWS[0], "price": "nan"}]), JSON, {}, 422),
    "CSV not UTF-8": ("batch", b"price\n\xff\xfe\n", "text/csv", {}, 422),
    "not Arrow": ("batch", b"not arrow", "application/vnd.apache.arrow.stream", {}, 422),
    "key twice": ("evaluate", b'{"model": "a", "model": "b"}', JSON, {}, 400),
    "CSV column twice": (
        "batch",
        b"price,power,price\n1,2,3\n",
        "text/csv",
        {"model": "indoor-lighting"},
        422,
    ),
    "CSV cell too long": (
        "batch",
        b"name,price\n" + b"x" * 20_000 + b",1\n",
        "text/csv",
        {"model": "indoor-lighting"},
        400,
    ),
    "batch out of bounds": (
        "batch",
        _batch(rows=[{**ROWS[0], "power": 1e6}], assumptions={"period": "15 year"}),
        JSON,
        {},
        422,
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_request_is_answered_in_danish(name: str) -> None:
    from tco.service.routes import run

    route, body, media, params, status = BAD[name]
    if media.endswith("arrow.stream"):
        pytest.importorskip("pyarrow")
    got, media_type, danish, _ = run(route, body, media, params, "da")
    assert (got, media_type) == (status, JSON)
    assert_danish(json.loads(danish))
    english = json.loads(run(route, body, media, params, "en")[2])
    for record in english["errors"]:  # the English message is the error's own
        assert record["message"].endswith(record["reason"]), record
    assert json.loads(danish)["errors"][0]["reason"] == english["errors"][0]["reason"]


def test_too_many_rows_is_said_in_danish() -> None:
    from tco.errors import LimitError
    from tco.service.batch import run_batch
    from tco.views.error_text import error_text

    with pytest.raises(LimitError) as caught:
        run_batch(_batch(rows=ROWS * 3), JSON, {}, max_rows=2)
    assert str(caught.value).endswith("rows: 3 rows; the service evaluates at most 2 per request")
    assert error_text(caught.value, "da").endswith(
        "rows: 3 rækker; tjenesten beregner højst 2 pr. forespørgsel"
    )


_EXPECTED = "expected a value in 'DKK/furlong' such as '1 DKK/furlong'"


def test_a_validated_inline_model_is_reported_in_danish() -> None:
    from tco.service.routes import run

    model = read_yaml_file(tco.bundled_models()["indoor-lighting"])
    model["parameters"]["price"]["unit"] = "DKK/furlong"
    body = json.dumps(model).encode()
    doc = json.loads(run("validate", body, JSON, {}, "da")[2])
    assert doc["valid"] is False
    assert doc["problems"][0]["message"].startswith("<request>: parameters.price.min: fik '0 DKK'")
    english = json.loads(run("validate", body, JSON, {}, "en")[2])
    assert english["problems"][0]["message"].endswith(": got '0 DKK', " + _EXPECTED)


# -- the application's own answers ---------------------------------------------------------------
class _App:
    """The application through its ASGI interface; no worker is started (no lifespan)."""

    def __init__(self) -> None:
        from tco.service.app import create_app

        self.app = create_app(workers=1)

    def request(self, method: str, url: str, **kw: Any) -> Any:
        import httpx

        async def send() -> Any:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://tco") as c:
                return await c.request(method, url, **kw)

        return asyncio.run(send())

    def get(self, url: str, **kw: Any) -> Any:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        return self.request("POST", url, **kw)


@pytest.fixture(scope="module")
def app_client() -> _App:
    return _App()


def _answer(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(JSON)
    doc: dict[str, Any] = response.json()
    return doc


def test_the_applications_answers_are_in_the_requests_language(app_client: _App) -> None:
    cases = [
        (lambda h: app_client.get("/no/such/route", headers=h), 404),
        (lambda h: app_client.get("/evaluate", headers=h), 405),
        (lambda h: app_client.get("/models/no-such-model/schema", headers=h), 404),
        (lambda h: app_client.get("/schema/no-such-kind", headers=h), 404),
        (
            lambda h: app_client.post(
                "/evaluate", content=b"x", headers={**h, "content-type": "image/png"}
            ),
            415,
        ),
        (
            lambda h: app_client.post(
                "/evaluate",
                content=b"{" + b" " * SERVICE_MAX_BODY + b"}",
                headers={**h, "content-type": JSON},
            ),
            413,
        ),
    ]
    for send, status in cases:
        danish, english = _answer(send(DA), status), _answer(send({}), status)
        assert_danish(danish)
        assert danish["message"] != english["message"]
        assert danish["errors"][0]["reason"] == english["errors"][0]["reason"]
        assert _answer(send({"Accept-Language": "en-GB,da;q=0.5"}), status) == english


def test_the_time_limit_is_said_in_danish(
    app_client: _App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tco.service.pool import JobTimeout, WorkerPool

    async def too_slow(self: Any, job: Any, timeout: float, client: str = "") -> Any:
        raise JobTimeout(timeout)

    monkeypatch.setattr(WorkerPool, "run", too_slow)
    send = lambda h: app_client.post(  # noqa: E731
        "/evaluate", content=_tender(), headers={**h, "content-type": JSON}
    )
    danish, english = _answer(send(DA), 422), _answer(send({}), 422)
    assert_danish(danish)
    assert "the service's limit of" in english["message"]
    assert danish["message"].startswith("beregningen tog længere end tjenestens grænse på")


# -- a real server -------------------------------------------------------------------------------
def test_a_running_service_answers_errors_in_danish(client: Any) -> None:
    unknown = client.get("/no/such/route", headers=DA)
    assert unknown.status_code == 404
    assert unknown.json()["message"] == "adressen findes ikke"
    typo = {"model": "indoor-lighting", "asumptions": {}, "rows": ROWS}
    r = client.post("/batch", json=typo, headers=DA)
    assert r.status_code == 422
    doc = r.json()
    assert_danish(doc)
    assert doc["errors"][0]["message"].startswith(
        "<request>: asumptions: ukendt nøgle 'asumptions' (mente du 'assumptions'?)"
    )


@pytest.mark.parametrize("failure", ["busy", "lost", "unforeseen"])
def test_the_services_own_failures_are_said_in_danish(
    app_client: _App, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    from tco.service.pool import PoolBusy, WorkerLost, WorkerPool

    raised = {
        "busy": PoolBusy("full", 5),
        "lost": WorkerLost("end of file"),
        "unforeseen": RuntimeError("nobody foresaw this"),
    }[failure]
    status = {"busy": 503, "lost": 500, "unforeseen": 500}[failure]

    async def fails(self: Any, job: Any, timeout: float, client: str = "") -> Any:
        raise raised

    monkeypatch.setattr(WorkerPool, "run", fails)
    send = lambda h: app_client.post(  # noqa: E731
        "/evaluate", content=_tender(), headers={**h, "content-type": JSON}
    )
    danish, english = _answer(send(DA), status), _answer(send({}), status)
    assert_danish(danish)
    assert english["errors"][0]["error_class"] == "ServiceError"
    assert "nobody foresaw" not in json.dumps(english)
