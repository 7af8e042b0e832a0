"""The published OpenAPI document of the service is the one the service serves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

ROOT = Path(__file__).resolve().parents[2]


def test_published_openapi_document_is_current() -> None:
    # Regenerate with `tco serve --openapi docs/schema/openapi.json`.
    from tco.service.app import openapi_text

    published = (ROOT / "docs" / "schema" / "openapi.json").read_text(encoding="utf-8")
    assert published == openapi_text()
    doc = json.loads(published)
    assert {"/evaluate", "/validate", "/models", "/batch", "/report"} <= set(doc["paths"])
    body = doc["paths"]["/evaluate"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/yaml"} <= set(body)


def test_cli_writes_the_openapi_document(tmp_path: Path) -> None:
    from tco.cli import main
    from tco.service.app import openapi_text

    out = tmp_path / "openapi.json"
    assert main(["serve", "--openapi", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == openapi_text()


def test_query_parameters_and_accept_language_are_declared() -> None:
    from tco.service.app import create_app

    doc = create_app(workers=1).openapi()

    def declared(path: str, method: str) -> dict[str, dict[str, Any]]:
        params = doc["paths"][path][method].get("parameters", [])
        return {p["name"]: p for p in params}

    # the query parameters the routes read (tco.service.jobs, tco.service.batch)
    reads = {
        "/baseline": {"baseline"},
        "/sensitivity": {"percent", "difference", "scenarios"},
        "/montecarlo": {"samples", "seed"},
        "/report": {"charts"},
        "/batch": {"model", "basis", "number_format"},
    }
    for path, names in reads.items():
        got = declared(path, "post")
        assert names <= set(got), path
        assert all(got[n]["in"] == "query" for n in names), path
    assert declared("/baseline", "post")["baseline"]["required"] is True
    # tco.limits.SERVICE_MAX_SAMPLES = 20_000 samples a request
    assert declared("/montecarlo", "post")["samples"]["schema"]["maximum"] == 20_000
    for path, operations in doc["paths"].items():
        for method in operations:
            if path != "/health":
                assert declared(path, method)["Accept-Language"]["in"] == "header", path
