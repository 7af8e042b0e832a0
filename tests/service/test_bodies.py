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
