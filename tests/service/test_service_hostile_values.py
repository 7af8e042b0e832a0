"""A careless buyer's and a hostile supplier's values sent to ``tco serve``, route by route.

Each is read as meant or refused with a 4xx error document naming the field, in Danish under
``Accept-Language: da``; supplier names stay text in the report and the workbook.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from service_server import client_fixture, server_fixture  # noqa: F401  (fixtures)

import tco

httpx = pytest.importorskip("httpx")

YAML = {"content-type": "application/yaml"}
JSON = {"content-type": "application/json"}
TENDER = tco.example_path("indoor-lighting").read_text(encoding="utf-8")


def _yaml(old: str, new: str) -> bytes:
    assert old in TENDER
    return TENDER.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("body", "status", "path", "says_en", "says_da"),
    [
        (
            _yaml("price: 1450 DKK", "price: 1.450 kr"),
            422,
            "bids[0].price",
            "is 1.45 in English notation but 1450 in Danish",
            "er 1.45 på engelsk, men 1450 på dansk",
        ),
        (
            _yaml("quantity: 200", "quantity: 1.000"),
            422,
            "assumptions.quantity",
            "is 1 in English notation but 1000",
            "er 1 på engelsk, men 1000",
        ),
        (
            _yaml("discount_rate: 4 %", "discount_rate: 4"),
            422,
            "assumptions.discount_rate",
            "a bare number for a rate is ambiguous",
            "tvetydigt",
        ),
        (
            _yaml("discount_rate: 4 %", "discount_rate: 3.103 %"),
            422,
            "assumptions.discount_rate",
            "'3.103' is 3.1030 in English notation",
            "'3.103' er 3.1030 på engelsk",
        ),
        (
            _yaml("price: 1450 DKK", "price: 1e309"),
            422,
            "bids[0].price",
            "got '1e309', which is not a finite number",
            "fik '1e309', som ikke er et endeligt tal",
        ),
        (
            _yaml("price: 1450 DKK", "price: -1450 DKK"),
            422,
            "bids[0].price",
            "expected at least 0 DKK",
            "forventede mindst 0 DKK",
        ),
        (
            _yaml("model: indoor-lighting", "model: ../../etc/passwd"),
            422,
            "model",
            "never a file",
            "aldrig en fil",
        ),
        (
            _yaml("  quantity: 200", "  quantity: 200\n  quantity: 300"),
            400,
            None,
            "is given again",
            "angives igen",
        ),
    ],
    ids=["1.450 kr", "1.000", "bare rate", "3.103 %", "1e309", "negative", "path", "dup key"],
)
def test_a_yaml_tender_with_a_careless_or_hostile_value(
    client: Any, body: bytes, status: int, path: str | None, says_en: str, says_da: str
) -> None:
    for lang, says in (("en", says_en), ("da", says_da)):
        answer = client.post("/evaluate", content=body, headers={**YAML, "accept-language": lang})
        assert answer.status_code == status, answer.text
        doc = answer.json()
        assert doc["kind"] == "error" and says in doc["message"], doc["message"]
        if path is not None:
            assert doc["errors"][0]["path"] == path


def test_a_tonne_written_ton_is_a_metric_tonne(client: Any) -> None:
    # 1500 DKK/ton is 1500 DKK/t: the same answer to the last digit.
    ton = client.post("/evaluate", content=_yaml("1500 DKK/t", "1500 DKK/ton"), headers=YAML)
    t = client.post("/evaluate", content=TENDER.encode(), headers=YAML)
    assert ton.status_code == t.status_code == 200
    assert ton.json()["bids"] == t.json()["bids"]


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
        b'{"model": "indoor-lighting", "model": "x"}',
    ],
    ids=["deep list", "deep object", "dup key"],
)
def test_a_hostile_json_body_is_a_400_error_document(client: Any, body: bytes) -> None:
    answer = client.post("/evaluate", content=body, headers=JSON)
    assert answer.status_code == 400
    assert answer.json()["kind"] == "error"


def test_a_batch_unit_that_holds_a_number_is_refused_at_units(client: Any) -> None:
    # Before: refused at rows[0].price suggesting '14501.450 DKK'.
    body = {
        "model": "indoor-lighting",
        "assumptions": {"period": "15 year"},
        "units": {"price": "1.450 DKK"},
        "rows": [{"name": "A", "price": 1450, "power": 32, "rated_life": 50000}],
    }
    answer = client.post("/batch", json=body, headers={"accept-language": "da"})
    assert answer.status_code == 422, answer.text
    (error,) = answer.json()["errors"]
    assert error["path"] == "units.price"
    assert "angiv enheden alene, som 'DKK'" in error["message"]


def test_supplier_names_are_text_in_the_report_and_the_workbook(client: Any) -> None:
    body = _yaml("name: Lumen Nord", 'name: "=HYPERLINK(\\"http://x\\")<b>x</b>"')
    report = client.post("/report?charts=false", content=body, headers=YAML)
    assert report.status_code == 200, report.text
    assert "<b>x</b>" not in report.text and "&lt;b&gt;x&lt;/b&gt;" in report.text
    book = client.post("/workbook", content=body, headers=YAML)
    assert book.status_code == 200
    with zipfile.ZipFile(io.BytesIO(book.content)) as z:
        names = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        names.sort(key=lambda n: int(re.sub(r"\D", "", n)))  # sheet1.xml, sheet2.xml, ...
        sheets = [z.read(n) for n in names]
    # no formula but tco's own, on the last sheet (the calculation), none with the name
    assert sheets and not [s for s in sheets[:-1] if b"<f>" in s or b"<f " in s]
    assert b"HYPERLINK" not in b"".join(re.findall(rb"<f>[^<]*</f>", sheets[-1]))
    assert any(b"=HYPERLINK" in s for s in sheets)  # there, as text
