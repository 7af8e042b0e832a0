"""``Accept-Language: sv``: the service answers in Swedish, as ``da`` answers in Danish.

The bad requests of ``test_service_danish.py`` are run in this process and their error
documents read for English words of tco's own (those of ``tests/test_errors_swedish.py``);
the application's own answers go through its ASGI interface; a real ``tco serve`` answers
an unknown route, a mistake in a batch request, an award report and a tender annex.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from service_server import client_fixture, server_fixture  # noqa: F401  (fixtures)
from test_service_danish import BAD, DA, JSON, ROWS, _answer, _App, _tender

from tco.errors import SpecError, TCOError

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

_spec = importlib.util.spec_from_file_location(
    "_errors_swedish_service", Path(__file__).resolve().parent.parent / "test_errors_swedish.py"
)
assert _spec is not None and _spec.loader is not None
_swedish = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_swedish)
english_words: Callable[[str, TCOError], set[str]] = _swedish.english_words

SV = {"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5"}


def assert_swedish(doc: dict[str, Any]) -> None:
    """An error document whose every message is Swedish: no English word of tco's own."""
    assert doc["kind"] == "error"
    for record in doc["errors"]:
        where = SpecError("", file=record["file"], path=(record["path"],) if record["path"] else ())
        words = english_words(record["message"], where)
        assert not words, record["message"]
        assert record["message"] != record["reason"] or not record["reason"], record


@pytest.mark.parametrize("name", BAD)
def test_a_bad_request_is_answered_in_swedish(name: str) -> None:
    from tco.service.routes import run

    route, body, media, params, status = BAD[name]
    if media.endswith("arrow.stream"):
        pytest.importorskip("pyarrow")
    got, media_type, swedish, _ = run(route, body, media, params, "sv")
    assert (got, media_type) == (status, JSON)
    doc = json.loads(swedish)
    assert_swedish(doc)
    danish = json.loads(run(route, body, media, params, "da")[2])
    english = json.loads(run(route, body, media, params, "en")[2])
    assert doc["message"] not in (danish["message"], english["message"])
    assert doc["errors"][0]["reason"] == english["errors"][0]["reason"]


@pytest.fixture(scope="module")
def app_client() -> _App:
    return _App()


def test_the_applications_answers_are_in_swedish(app_client: _App) -> None:
    cases = [
        (lambda h: app_client.get("/no/such/route", headers=h), 404, "adressen finns inte"),
        (lambda h: app_client.get("/evaluate", headers=h), 405, "metoden GET är inte tillåten"),
        (
            lambda h: app_client.get("/schema/no-such-kind", headers=h),
            404,
            "det finns inget schema 'no-such-kind'; välj ett av",
        ),
        (
            lambda h: app_client.post(
                "/evaluate", content=b"x", headers={**h, "content-type": "image/png"}
            ),
            415,
            "kan inte läsa innehåll av typen 'image/png'; skicka",
        ),
    ]
    for send, status, said in cases:
        swedish, danish, english = (_answer(send(h), status) for h in (SV, DA, {}))
        assert_swedish(swedish)
        assert said in swedish["message"], swedish["message"]
        assert swedish["message"] not in (danish["message"], english["message"])
        assert swedish["errors"][0]["reason"] == english["errors"][0]["reason"]
        # only the first language named counts: Swedish second is answered in English
        assert _answer(send({"Accept-Language": "en-GB,sv;q=0.5"}), status) == english
        assert _answer(send({"Accept-Language": "sv"}), status) == swedish


def test_the_time_limit_is_said_in_swedish(
    app_client: _App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tco.service.pool import JobTimeout, WorkerPool

    async def too_slow(self: Any, job: Any, timeout: float, client: str = "") -> Any:
        raise JobTimeout(timeout)

    monkeypatch.setattr(WorkerPool, "run", too_slow)
    doc = _answer(
        app_client.post("/evaluate", content=_tender(), headers={**SV, "content-type": JSON}),
        422,
    )
    assert_swedish(doc)
    assert doc["message"].startswith("förfrågan tog längre tid än tjänstens gräns på")


def test_a_refusal_before_the_application_is_said_in_swedish() -> None:
    # the server's own answers (a head too big, too slow, not HTTP) read the raw head
    from tco.errors import LimitError
    from tco.service.answers import error_bytes
    from tco.service.server import head_language

    head = b"GET /health HTTP/1.1\r\nHost: x\r\nAccept-Language: sv-SE,sv;q=0.9\r\n"
    assert head_language(head) == "sv"
    err = LimitError("the request's line and headers are over 16384 bytes").speaks(
        "service_head_too_big", cap_q=16384
    )
    doc = json.loads(error_bytes(err, head_language(head)))
    assert doc["message"] == "förfrågans första rad och huvuden är större än 16 384 byte"


# -- a real server -------------------------------------------------------------------------------
def test_a_running_service_answers_in_swedish(client: Any) -> None:
    unknown = client.get("/no/such/route", headers=SV)
    assert unknown.status_code == 404
    assert unknown.json()["message"] == "adressen finns inte"
    typo = {"model": "indoor-lighting", "asumptions": {}, "rows": ROWS}
    r = client.post("/batch", json=typo, headers=SV)
    assert r.status_code == 422
    doc = r.json()
    assert_swedish(doc)
    assert doc["errors"][0]["message"].startswith(
        "<request>: asumptions: okänd nyckel 'asumptions' (menade du 'assumptions'?)"
    )


def test_a_running_service_writes_its_outputs_in_swedish(client: Any) -> None:
    body = json.loads(_tender())
    report = client.post("/report", params={"charts": "false"}, json=body, headers=SV)
    assert report.status_code == 200 and 'lang="sv"' in report.text
    assert "tilldelningsrapport för livscykelkostnad" in report.text
    assert ">Metod<" in report.text and ">Förutsättningar<" in report.text
    annex = client.post("/annex", json=body, headers=SV)
    assert annex.status_code == 200
    assert "Syfte och rättslig grund" in annex.text
    assert "Uppgifter som varje anbudsgivare ska lämna" in annex.text


def test_the_openapi_document_says_swedish_is_spoken() -> None:
    from tco.service.app import create_app

    doc = create_app(workers=1).openapi()
    header = next(
        p for p in doc["paths"]["/evaluate"]["post"]["parameters"] if p["name"] == "Accept-Language"
    )
    assert header["in"] == "header"
    assert header["description"].startswith("da: Danish labels, titles, reports and error")
    assert "sv: Swedish" in header["description"]
