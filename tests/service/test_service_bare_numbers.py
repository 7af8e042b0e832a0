"""A YAML body's bare numbers are read as the text written, as a file's are (docs/spec.md)."""

from __future__ import annotations

from typing import Any

import pytest
from service_server import client_fixture, server_fixture  # noqa: F401  (fixtures)

import tco

httpx = pytest.importorskip("httpx")

YAML = {"content-type": "application/yaml"}


def _body(quantity: str, stated: str = "") -> bytes:
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    if stated:
        text = (
            text.replace("  currency: DKK\n", f"  currency: DKK\n  number_format: {stated}\n")
            .replace(
                "escalation: {electricity: 1.67 %/year}",
                "escalation:\n    electricity: 1,67 %/year",
            )
            .replace("2.13 DKK/kWh", "2,13 DKK/kWh")
        )
    return text.replace("quantity: 200", f"quantity: {quantity}").encode()


def test_a_bare_quantity_in_a_yaml_body_is_read_in_the_stated_format(client: Any) -> None:
    # 1.000 under number_format: da is 1000 luminaires: the result of the example with
    # quantity 1000 written plainly.
    danish = client.post("/evaluate", content=_body("1.000", "da"), headers=YAML)
    plain = client.post("/evaluate", content=_body("1000"), headers=YAML)
    assert danish.status_code == plain.status_code == 200
    assert danish.json()["quantity"] == plain.json()["quantity"] == 1000.0
    assert danish.json()["bids"] == plain.json()["bids"]


def test_a_bare_quantity_in_a_yaml_body_without_a_format_is_refused(client: Any) -> None:
    answer = client.post("/evaluate", content=_body("1.000"), headers=YAML)
    assert answer.status_code == 422
    (error,) = answer.json()["errors"]
    assert error["path"] == "assumptions.quantity"
    assert "is 1 in English notation but 1000 in Danish notation" in error["reason"]
