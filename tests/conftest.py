"""Shared fixtures and helpers for the tco test suite."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import tco
from tco.result import Result


def simple_model(
    items: dict[str, Any], parameters: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    """A product model mapping with money parameters ``first``, ``annual`` and ``salvage``."""
    params = {
        "first": {"unit": "DKK", "bid": True},
        "annual": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "salvage": {"unit": "DKK", "bid": True, "default": "0 DKK"},
        "life": {"unit": "year", "bid": True, "default": "100 year"},
    }
    params.update(parameters or {})
    return {
        "id": "test-model",
        "title": "Test model",
        "functional_unit": "unit",
        "parameters": params,
        "items": items,
        **extra,
    }


def run(
    model: dict[str, Any], assumptions: dict[str, Any], bids: list[dict[str, Any]], **tender: Any
) -> Result:
    """Evaluate an inline tender."""
    return tco.load_tender(
        {"model": model, "assumptions": assumptions, "bids": bids, **tender}
    ).evaluate()


@pytest.fixture
def evaluate() -> Callable[..., Result]:
    """The :func:`run` helper as a fixture."""
    return run


@pytest.fixture(scope="session")
def lighting_result() -> Result:
    """The bundled indoor-lighting example, evaluated."""
    return tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
