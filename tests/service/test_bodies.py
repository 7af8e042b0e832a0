"""Bodies the service cannot read are plain error documents: no Python hints, a JSON class."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from tco.errors import LimitError, SpecError
from tco.service.jobs import parse_body
from tco.views.documents import error_document

HUGE = "9" * 5000  # over Python's 4300-digit limit for reading an integer


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (
            f'{{"model": "indoor-lighting", "assumptions": {{"quantity": {HUGE}}}}}',
            "application/json",
        ),
    ],
)
def test_a_5000_digit_number_is_a_plain_limit_error(body: str, media: str) -> None:
    with pytest.raises(LimitError) as caught:
        parse_body(body.encode(), media)
    message = str(caught.value)
    assert "sys." not in message and "set_int_max_str_digits" not in message
    assert "4300 digits" in message


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]"])
def test_bad_json_is_a_json_error(body: bytes) -> None:
    with pytest.raises(SpecError) as caught:
        parse_body(body, "application/json")
    document = error_document(caught.value)
    assert document["errors"][0]["error_class"] == "JSONError"
    assert "YAML" not in str(document)


# -- batch cells: read by the value grammar, never by float() --------------------------------
# The price of Lumen Nord in examples/indoor-lighting.yaml is 1450 DKK (32 W, 50000 h).
_CSV_MODEL = {"model": "indoor-lighting", "period": "15 year"}


def _total(body: bytes, **query: str) -> float:
    import json

    from tco.service.batch import run_batch

    doc = json.loads(run_batch(body, "text/csv", {**_CSV_MODEL, **query}, max_rows=10)[2])
    return float(doc["rows"][0]["total"])


@pytest.mark.parametrize(
    ("body", "query", "price"),
    [
        (b"price;power;rated_life\n1.450;32;50000\n", {}, 1450.0),  # Danish Excel: ';' and '.'
        (b"price;power;rated_life\n1450,5;32;50000\n", {}, 1450.5),  # decimal comma
        (b"price,power,rated_life\n1450,32,50000\n", {}, 1450.0),
        (b'price,power,rated_life\n"2,13",32,50000\n', {}, 2.13),
        (b"price,power,rated_life\n1.450,32,50000\n", {"number_format": "da"}, 1450.0),
    ],
)
def test_batch_csv_reads_numbers_as_a_danish_buyer_writes_them(
    body: bytes, query: dict[str, str], price: float
) -> None:
    import tco

    table = {"price": [price], "power": [32.0], "rated_life": [50000.0]}
    want = tco.evaluate_batch("indoor-lighting", table, assumptions={"period": "15 year"})
    assert _total(body, **query) == want["total"][0]


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("1.450", "1.45 in English notation but 1450"),  # float() read 1.45 silently
        ("1_000", "expected a number"),  # float() read 1000
        ("nan", "expected a number"),
        ("32 W", "expected a number"),
        ("=HYPERLINK(1)", "expected a number"),
    ],
)
def test_batch_csv_refuses_what_float_would_have_guessed(cell: str, said: str) -> None:
    from tco.service.batch import run_batch

    body = f"price,power,rated_life\n{cell},32,50000\n".encode()
    with pytest.raises(SpecError, match=said):
        run_batch(body, "text/csv", _CSV_MODEL, max_rows=10)
