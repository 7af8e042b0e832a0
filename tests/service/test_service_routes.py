"""The service's routes for baskets, profiles, the annex, abatement, follow-up and portfolios.

Each is called on a running ``tco serve`` through a real HTTP client and must answer what its
command answers (``tco basket``, ``tco profiles``, ``tco annex``, ``tco abatement``,
``tco follow-up``, ``tco portfolio``) for the same input: the expected documents are the
command line's own output, so every number's source is the library run by the CLI. Hostile
bodies (over the cap, nested deep, of another media type, naming a file, a supplier's markup)
get their 4xx error documents or stay text, and Danish numbers are read as meant.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_server import TIMEOUT, running, server_fixture  # noqa: F401  (fixture)

import tco
from tco.basket import basket_example_path
from tco.cli import main as cli
from tco.io.yamlio import read_yaml_file
from tco.limits import SERVICE_MAX_BODY, SERVICE_MAX_TENDERS

httpx = pytest.importorskip("httpx")
jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = tco.example_path("indoor-lighting").parent
CAR = tco.example_path("passenger-car")
FOLLOW_UP = EXAMPLES / "follow-up" / "passenger-car.yaml"
COPY_PRINT = basket_example_path("copy-print")
PROFILES = tco.example_path("indoor-lighting-profiles")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DA = {"Accept-Language": "da"}

#: Every new route, and a body it answers 200.
ROUTES = ("basket", "profiles", "annex", "annex/docx", "abatement", "followup", "portfolio")


@pytest.fixture(scope="module", name="client")
def client_fixture() -> Iterator[Any]:
    """A client of a running ``tco serve`` with the service's own time limit (10 s).

    The shared test server stops requests after 3 s, which an annex of a basket in
    Word can take on a loaded machine.
    """
    with running("--workers", "2") as (url, _), httpx.Client(base_url=url, timeout=60) as c:
        yield c


def _check(response: Any, status: int = 200) -> Any:
    """The response's JSON document, checked against its published schema."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    doc = response.json()
    schema = json.loads((ROOT / "docs" / "schema" / f"{doc['kind']}.schema.json").read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert errors == [], [e.message for e in errors[:3]]
    return doc


def _cli_json(*args: str) -> Any:
    """What ``tco ARGS --format json`` prints, as a document."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli([*args, "--format", "json"]) == 0
    return json.loads(out.getvalue())


def _follow_up() -> dict[str, Any]:
    """The bundled follow-up, without its ``tender:`` path (the tender is sent beside it)."""
    data = read_yaml_file(FOLLOW_UP)
    del data["tender"]
    return data


def _bodies() -> dict[str, dict[str, Any]]:
    car = read_yaml_file(CAR)
    return {
        "basket": read_yaml_file(COPY_PRINT),
        "profiles": read_yaml_file(PROFILES),
        "annex": read_yaml_file(tco.example_path("indoor-lighting")),
        "annex/docx": read_yaml_file(tco.example_path("indoor-lighting")),
        "abatement": car,
        "followup": {"tender": car, "followup": _follow_up()},
        "portfolio": {"tenders": {"cars": car}, "followups": {"cars": _follow_up()}},
    }


# -- each route answers what its command answers -------------------------------------------------
def test_basket_answers_what_tco_basket_answers(client: Any) -> None:
    expected = _cli_json("basket", str(COPY_PRINT))
    assert _check(client.post("/basket", json=read_yaml_file(COPY_PRINT))) == expected
    yaml = client.post(
        "/basket", content=COPY_PRINT.read_bytes(), headers={"content-type": "application/yaml"}
    )
    assert _check(yaml) == expected
    winner = next(b["bid"] for b in expected["bids"] if b["rank"] == 1)
    assert winner == "Office Partner"  # the bundled example's winner (tests/test_basket.py)


def test_profiles_answers_what_tco_profiles_answers_in_either_language(client: Any) -> None:
    body = read_yaml_file(PROFILES)
    assert _check(client.post("/profiles", json=body)) == _cli_json("profiles", str(PROFILES))
    danish = _cli_json("profiles", str(PROFILES), "--lang", "da")
    assert _check(client.post("/profiles", json=body, headers=DA)) == danish
    assert danish != _cli_json("profiles", str(PROFILES))  # the labels are Danish
    no_profiles = read_yaml_file(tco.example_path("indoor-lighting"))
    err = _check(client.post("/profiles", json=no_profiles, headers=DA), 422)
    assert "udbuddet har ingen brugsprofiler" in err["message"]


def test_abatement_answers_what_tco_abatement_answers(client: Any) -> None:
    body = read_yaml_file(CAR)
    assert _check(client.post("/abatement", json=body)) == _cli_json("abatement", str(CAR))
    other = _cli_json("abatement", str(CAR), "--reference", "El Mobil")
    got = _check(client.post("/abatement", params={"reference": "El Mobil"}, json=body))
    assert got == other and got["reference"] == "El Mobil"
    err = _check(client.post("/abatement", params={"reference": "Nobody"}, json=body), 422)
    assert "Nobody" in err["message"]


def _cli_file(tmp_path: Path, *args: str, suffix: str) -> bytes:
    out = tmp_path / f"out{suffix}"
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli([*args, "-o", str(out)]) == 0
    return out.read_bytes()


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(
    "source",
    [tco.example_path("indoor-lighting"), COPY_PRINT],
    ids=["tender", "basket"],
)
def test_annex_answers_what_tco_annex_writes(client: Any, tmp_path: Path, source: Path) -> None:
    body = read_yaml_file(source)
    html = client.post("/annex", json=body, headers=DA)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert 'filename="annex.html"' in html.headers["content-disposition"]
    expected = _cli_file(tmp_path, "annex", str(source), "--lang", "da", suffix=".html")
    assert html.content == expected  # byte for byte
    docx = client.post("/annex/docx", json=body)
    assert docx.status_code == 200 and docx.headers["content-type"] == DOCX
    word = _cli_file(tmp_path, "annex", str(source), suffix=".docx")
    assert _docx_text(docx.content) == _docx_text(word)


def test_annex_of_a_tender_without_bids_has_an_illustrative_bid(client: Any) -> None:
    body = read_yaml_file(tco.example_path("indoor-lighting"))
    del body["bids"]
    html = client.post("/annex", json=body)
    assert html.status_code == 200, html.text[:300]
    assert "Illustrative bid" in html.text or "illustrative" in html.text.lower()


def test_followup_answers_what_tco_follow_up_answers(client: Any) -> None:
    expected = _cli_json("follow-up", str(CAR), str(FOLLOW_UP))
    body = {"tender": read_yaml_file(CAR), "followup": _follow_up()}
    assert _check(client.post("/followup", json=body)) == expected
    # a mistake in the follow-up is said at its place in the body
    body["followup"]["years"][2]["electricity_price"] = "2.45 kg"
    err = _check(client.post("/followup", json=body), 422)["errors"][0]
    assert err["path"] == "followup.years[2].electricity_price"
    body = {"tender": read_yaml_file(CAR), "followup": _follow_up(), "tenderr": {}}
    err = _check(client.post("/followup", json=body), 422)["errors"][0]
    assert err["path"] == "tenderr" and "did you mean 'tender'" in err["message"]


def _folder(tmp_path: Path) -> Path:
    """A folder for ``tco portfolio``: two tenders and the follow-up of one."""
    folder = tmp_path / "portfolio"
    (folder / "follow-up").mkdir(parents=True)
    shutil.copy(CAR, folder / "cars.yaml")
    shutil.copy(tco.example_path("indoor-lighting"), folder / "lights.yaml")
    text = FOLLOW_UP.read_text(encoding="utf-8").replace("../passenger-car.yaml", "../cars.yaml")
    (folder / "follow-up" / "cars.yaml").write_text(text, encoding="utf-8")
    return folder


def test_portfolio_answers_what_tco_portfolio_answers(client: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    expected = _cli_json("portfolio", str(folder))
    for row in expected["rows"]:  # the command names each tender by its file, a request by name
        row["tender"] = Path(row["tender"]).stem
    body = {
        "tenders": {"cars": read_yaml_file(CAR), "lights": read_yaml_file(LIGHTING)},
        "followups": {"cars": _follow_up()},
    }
    doc = _check(client.post("/portfolio", json=body))
    assert doc == expected
    assert doc["rows"][0]["followup_years"] == 3  # the bundled follow-up records years 1-3


LIGHTING = tco.example_path("indoor-lighting")


def test_portfolio_keeps_a_broken_tender_in_its_row(client: Any) -> None:
    broken = read_yaml_file(LIGHTING)
    broken["bids"][0]["power"] = "32 kg"
    body = {"tenders": {"cars": read_yaml_file(CAR), "lights": broken}}
    doc = _check(client.post("/portfolio", json=body))
    rows = {r["tender"]: r for r in doc["rows"]}
    assert rows["cars"]["error"] is None and rows["cars"]["chosen"] == "Benzin Auto"
    assert rows["lights"]["error"].startswith("<request>: tenders.lights.bids[0].power: ")
    assert doc["totals"][0]["tenders"] == 1
    err = _check(client.post("/portfolio", json={"tenders": {}}), 400)["errors"][0]
    assert err["error_class"] == "LimitError"
    many = {f"t{i}": {"model": "van"} for i in range(SERVICE_MAX_TENDERS + 1)}
    err = _check(client.post("/portfolio", json={"tenders": many}), 400)["errors"][0]
    assert str(SERVICE_MAX_TENDERS) in err["message"]
    lost = {"tenders": {"cars": read_yaml_file(CAR)}, "followups": {"car": _follow_up()}}
    err = _check(client.post("/portfolio", json=lost), 422)["errors"][0]
    assert err["path"] == "followups.car" and "did you mean 'cars'" in err["message"]


# -- hostile bodies, route by route ------------------------------------------------------------
@pytest.mark.parametrize("route", ROUTES)
def test_an_oversized_body_is_refused(client: Any, route: str) -> None:
    big = b"{" + b" " * SERVICE_MAX_BODY + b"}"
    r = client.post(f"/{route}", content=big, headers={"content-type": "application/json"})
    assert _check(r, 413)["errors"][0]["error_class"] == "LimitError"


@pytest.mark.parametrize("route", ROUTES)
def test_deep_yaml_is_refused(client: Any, route: str) -> None:
    deep = b"tenders: " + b"[" * 1000 + b"]" * 1000
    r = client.post(f"/{route}", content=deep, headers={"content-type": "application/yaml"})
    assert _check(r, 400)["errors"][0]["error_class"] in ("YAMLError", "LimitError")


@pytest.mark.parametrize("route", ROUTES)
def test_a_body_of_another_media_type_is_refused(client: Any, route: str) -> None:
    r = client.post(f"/{route}", content=b"<x/>", headers={"content-type": "application/xml"})
    err = _check(r, 415)["errors"][0]
    assert err["value"] == "application/xml"


def _with_model(body: dict[str, Any], route: str, ref: str) -> tuple[dict[str, Any], str]:
    """``body`` with a model named by a file path, and where the error must say it is."""
    body = copy.deepcopy(body)
    if route == "followup":
        body["tender"]["model"] = ref
        return body, "tender.model"
    if route == "portfolio":
        body["tenders"]["cars"]["model"] = ref
        return body, "tenders.cars.model"
    if route == "basket":
        body["lines"][1]["model"] = ref
        return body, "lines[1].model"
    body["model"] = ref
    return body, "model"


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("ref", ["/etc/passwd", "../product_models/van.yaml"])
def test_a_model_named_by_a_file_is_refused(client: Any, route: str, ref: str) -> None:
    body, path = _with_model(_bodies()[route], route, ref)
    err = _check(client.post(f"/{route}", json=body, headers=DA), 422)["errors"][0]
    assert (err["error_class"], err["path"], err["value"]) == ("ModelNotFoundError", path, ref)
    assert "aldrig en fil" in err["message"]  # said in Danish: never a file


@pytest.mark.parametrize(
    ("route", "body", "path", "says"),
    [
        ("followup", {"tender": "passenger-car.yaml", "followup": {}}, "tender", "names a file"),
        (
            "followup",
            {"tender": {}, "followup": "follow-up/passenger-car.yaml"},
            "followup",
            "names a file",
        ),
        (
            "followup",
            {"tender": {}, "followup": {"tender": "../passenger-car.yaml"}},
            "followup.tender",
            "names the tender's file",
        ),
        ("portfolio", {"tenders": "/srv/tenders/"}, "tenders", "names a file"),
        ("portfolio", {"tenders": {"cars": "cars.yaml"}}, "tenders.cars", "names a file"),
        (
            "portfolio",
            {"tenders": {"cars": {}}, "followups": {"cars": "follow-up/cars.yaml"}},
            "followups.cars",
            "names a file",
        ),
        ("portfolio", {"tenders": ["cars.yaml"]}, "tenders", "expected the tenders by name"),
    ],
)
def test_a_file_named_where_a_document_belongs_is_refused(
    client: Any, route: str, body: dict[str, Any], path: str, says: str
) -> None:
    err = _check(client.post(f"/{route}", json=body), 422)["errors"][0]
    assert (err["path"], err["file"]) == (path, "<request>")
    assert says in err["message"]
    file_named = not says.startswith("expected")
    assert ("the service reads no file" in err["message"]) is file_named
    danish = _check(client.post(f"/{route}", json=body, headers=DA), 422)["errors"][0]
    assert danish["path"] == path
    danish_says = "tjenesten læser ingen filer" if file_named else "forventede selve"
    assert danish_says in danish["message"]


#: A supplier's bid name written to break a spreadsheet, a page and a terminal.
HOSTILE = '=HYPERLINK("http://evil.example","x")<script>alert(1)</script>\x1b[2J'


def _hostile(route: str) -> dict[str, Any]:
    body = _bodies()[route]
    if route == "followup":
        body["tender"]["bids"][1]["name"] = HOSTILE
        body["followup"]["bid"] = HOSTILE
    elif route == "portfolio":  # the chosen bid, named in its row
        body["tenders"]["cars"]["bids"][0]["name"] = HOSTILE
    else:
        body["bids"][0]["name"] = HOSTILE
    return body


@pytest.mark.parametrize("route", ["basket", "profiles", "abatement", "followup", "portfolio"])
def test_a_hostile_bid_name_is_text_in_a_json_answer(client: Any, route: str) -> None:
    doc = _check(client.post(f"/{route}", json=_hostile(route)))
    text = json.dumps(doc, ensure_ascii=False)
    assert HOSTILE in _strings(doc)  # the name as the supplier wrote it, a JSON string
    assert "<script>" not in client.post(f"/{route}", json=_hostile(route)).headers["content-type"]
    assert text.count("=HYPERLINK") == sum(s.count("=HYPERLINK") for s in _strings(doc))


def _strings(doc: Any) -> list[str]:
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        return [s for v in doc.values() for s in _strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in _strings(v)]
    return []


def test_a_hostile_bid_name_is_text_in_the_annex(client: Any) -> None:
    body = _hostile("annex")
    html = client.post("/annex", json=body)
    assert html.status_code == 200, html.text[:300]
    assert "<script>alert(1)</script>" not in html.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.text
    assert "\x1b" not in html.text
    docx = client.post("/annex/docx", json=body)
    assert docx.status_code == 200
    xml = _docx_text(docx.content)
    assert "<script>" not in xml and "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "\x1b" not in xml
    assert "=HYPERLINK(" in xml  # a word of the text, not a field code: Word computes no field
    assert "fldSimple" not in xml and "instrText" not in xml


# -- Danish numbers ----------------------------------------------------------------------------
_NUMBER = re.compile(r"^(-?)(\d+)(?:\.(\d+))?( .*)?$")


def _danish(value: Any) -> Any:
    """Every value as a Danish buyer writes it: '1450 DKK' as '1.450 kr', '0.05' as '0,05'."""
    if isinstance(value, dict):
        return {k: _danish(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_danish(v) for v in value]
    match = _NUMBER.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    sign, whole, decimals, unit = match.groups()
    grouped = f"{int(whole):,}".replace(",", ".")
    unit = (unit or "").replace("DKK", "kr")
    return f"{sign}{grouped}{',' + decimals if decimals else ''}{unit}"


def test_the_danish_writing_of_the_tests_is_danish() -> None:
    assert _danish({"a": ["1450 DKK", "0.05 DKK/sheet", "27500 km/year", "4 %", "x 1.5"]}) == {
        "a": ["1.450 kr", "0,05 kr/sheet", "27.500 km/year", "4 %", "x 1.5"]
    }


def _stated(tender: dict[str, Any]) -> dict[str, Any]:
    out = _danish(tender)
    out["assumptions"]["number_format"] = "da"
    return out


def test_danish_numbers_in_a_basket_are_read_as_meant(client: Any) -> None:
    plain = _check(client.post("/basket", json=read_yaml_file(COPY_PRINT)))
    danish = _stated(read_yaml_file(COPY_PRINT))
    assert danish["bids"][0]["lines"]["A4 devices"]["price"] == "9.800 kr"
    assert danish["lines"][0]["parameters"]["paper_price"] == "0,05 kr/sheet"
    assert _check(client.post("/basket", json=danish)) == plain  # 9.800 kr is 9800 DKK
    del danish["assumptions"]["number_format"]
    err = _check(client.post("/basket", json=danish), 422)["errors"]
    said = {e["path"]: e["message"] for e in err}
    assert (
        "is 9.8 in English notation but 9800 in Danish" in (said["bids[0].lines.A4 devices.price"])
    )


def test_danish_numbers_in_a_follow_up_are_read_as_meant(client: Any) -> None:
    plain = {"tender": read_yaml_file(CAR), "followup": _follow_up()}
    danish = {"tender": _stated(read_yaml_file(CAR)), "followup": _danish(_follow_up())}
    assert danish["followup"]["years"][2] == {
        "electricity_consumption": "18,1 kWh/100 km",
        "annual_distance": "27.500 km/year",
        "electricity_price": "2,45 kr/kWh",
        "service": "2.900 kr/year",
    }
    assert _check(client.post("/followup", json=danish)) == _check(
        client.post("/followup", json=plain)
    )
    # the follow-up may state its own format, the tender written in English
    own = {"tender": read_yaml_file(CAR), "followup": {**danish["followup"], "number_format": "da"}}
    assert _check(client.post("/followup", json=own)) == _check(
        client.post("/followup", json=plain)
    )
    unstated = {"tender": read_yaml_file(CAR), "followup": danish["followup"]}
    err = _check(client.post("/followup", json=unstated, headers=DA), 422)["errors"]
    said = {e["path"]: e["message"] for e in err}
    assert "er 2.9 på engelsk, men 2900 på dansk" in said["followup.years[2].service"]


def test_danish_numbers_in_a_portfolio_are_read_as_meant(client: Any) -> None:
    danish = _stated(read_yaml_file(CAR))
    assert danish["bids"][0]["price"] == "189.000 kr"
    one = _check(client.post("/portfolio", json={"tenders": {"cars": read_yaml_file(CAR)}}))
    two = _check(client.post("/portfolio", json={"tenders": {"cars": danish}}))
    assert one == two and one["rows"][0]["error"] is None


def test_the_openapi_document_declares_every_new_route() -> None:
    from tco.service.app import create_app

    doc = create_app(workers=1).openapi()
    media = {
        "/basket": "application/json",
        "/profiles": "application/json",
        "/annex": "text/html",
        "/annex/docx": DOCX,
        "/abatement": "application/json",
        "/followup": "application/json",
        "/portfolio": "application/json",
    }
    for path, kind in media.items():
        post = doc["paths"][path]["post"]
        assert kind in post["responses"]["200"]["content"], path
        assert {"application/json", "application/yaml"} <= set(post["requestBody"]["content"])
        assert {"400", "413", "415", "422"} <= set(post["responses"]), path
    names = {p["name"]: p for p in doc["paths"]["/abatement"]["post"]["parameters"]}
    assert names["reference"]["in"] == "query" and not names["reference"]["required"]


def test_identical_requests_get_identical_answers(client: Any) -> None:

    for route, body in _bodies().items():
        first = client.post(f"/{route}", json=body)
        time.sleep(2.1)  # a zip member's time has a resolution of two seconds
        second = client.post(f"/{route}", json=body)
        assert first.status_code == second.status_code == 200, (route, first.text[:300])
        assert first.content == second.content, route
        assert "total;dur=" in first.headers["server-timing"], route


def test_the_service_extra_holds_what_the_annex_needs() -> None:
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["service"]
    names = {e.split(">")[0].split("[")[0].split("=")[0] for e in extra}
    assert "python-docx" in names  # /annex/docx writes Word with python-docx


def _hundred_line_basket() -> dict[str, Any]:
    """The copy-print basket with 100 lines (tco.limits.MAX_LINES) and 3 bids, 60 KB of JSON."""
    data = read_yaml_file(COPY_PRINT)
    line = data["lines"][0]
    data["lines"] = [{**line, "name": f"L{i}"} for i in range(100)]
    offer = data["bids"][0]["lines"]["A4 devices"]
    data["bids"] = [
        {"name": f"B{k}", "lines": {f"L{i}": offer for i in range(100)}} for k in range(3)
    ]
    return data


def test_a_new_route_past_the_time_limit_is_stopped_and_the_service_goes_on(server: str) -> None:
    # The shared test server stops a request after TIMEOUT (3 s); the Word annex of a
    # 100-line basket takes far longer (minutes on a loaded 2-core machine).
    body = _hundred_line_basket()
    with httpx.Client(base_url=server, timeout=120) as c:
        start = time.monotonic()
        r = c.post("/annex/docx", json=body, headers=DA)
        took = time.monotonic() - start
        err = _check(r, 422)["errors"][0]
        assert err["error_class"] == "LimitError"
        said = r.json()["message"]  # in Danish: 3 s
        assert f"{TIMEOUT:g} s".replace(".", ",") in said and "tjenestens grænse" in said
        assert took < 30  # the limit plus a worker's replacement, not the whole annex
        # the worker was replaced: the next request is answered
        assert _check(c.post("/basket", json=read_yaml_file(COPY_PRINT)))["kind"] == "basket"


def test_portfolio_names_written_as_numbers_in_yaml_are_names(client: Any) -> None:
    car = CAR.read_text(encoding="utf-8")
    lights = LIGHTING.read_text(encoding="utf-8")
    indent = lambda text: "".join(f"    {line}\n" for line in text.splitlines())  # noqa: E731
    body = f"tenders:\n  2024:\n{indent(car)}  lights:\n{indent(lights)}"
    r = client.post("/portfolio", content=body, headers={"content-type": "application/yaml"})
    assert [row["tender"] for row in _check(r)["rows"]] == ["2024", "lights"]


@pytest.mark.parametrize(("route", "source"), [("profiles", PROFILES), ("abatement", CAR)])
def test_danish_numbers_in_a_tender_are_read_as_meant(
    client: Any, route: str, source: Path
) -> None:
    plain = _check(client.post(f"/{route}", json=read_yaml_file(source)))
    danish = _stated(read_yaml_file(source))
    assert danish != read_yaml_file(source)
    assert _check(client.post(f"/{route}", json=danish)) == plain
