"""The published OpenAPI document of the service is the one the service serves."""

from __future__ import annotations

import json
from pathlib import Path

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
