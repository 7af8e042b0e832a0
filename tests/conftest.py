"""Shared fixtures of the tco test suite (its helpers are in helpers.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import tco
from helpers import run
from tco.result import Result


@pytest.fixture
def evaluate() -> Callable[..., Result]:
    """The :func:`run` helper as a fixture."""
    return run


@pytest.fixture(scope="session")
def lighting_result() -> Result:
    """The bundled indoor-lighting example, evaluated."""
    return tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
