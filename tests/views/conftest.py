"""Shared fixtures: the bundled indoor-lighting example, loaded and evaluated once."""

from __future__ import annotations

import pytest

import tco


@pytest.fixture(scope="session")
def tender() -> tco.Tender:
    return tco.load_tender(tco.example_path("indoor-lighting"))


@pytest.fixture(scope="session")
def result(tender: tco.Tender) -> tco.Result:
    return tender.evaluate()
