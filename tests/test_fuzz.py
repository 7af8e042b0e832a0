"""Bounded fuzzing: on any input, tco raises TCOError or nothing, never anything else.

The loaders (YAML, tender, model) and the formula parser get random text,
random bytes, YAML-shaped noise, random nested mappings and lists, valid
tenders with one value replaced by junk, and random formulas built from the
token alphabet of :data:`strategies.FORMULA_TOKENS`; the Monte Carlo run gets
the example tender's uncertainty section with one value replaced by junk.
Each test runs :data:`FUZZ_EXAMPLES` examples (half that for Monte Carlo; set
``TCO_FUZZ_EXAMPLES`` for a longer run).
"""

from __future__ import annotations

import copy
import os
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tco
from strategies import formulas, junk, tenders
from tco.errors import TCOError
from tco.io.yamlio import load_yaml
from tco.spec.expr import compile_expression

#: Examples per fuzz test.
FUZZ_EXAMPLES = int(os.environ.get("TCO_FUZZ_EXAMPLES", "200"))

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

YAML_TOKENS = [
    "model", "bids", "name", "a", "1", "1.5", ".nan", ".inf", "~", "null", "yes", ":", ": ",
    " ", "  ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!python/object ",
    "!!binary ", "!!str ", "!foo ", "'", '"', "#", "|", ">", "? ", "%YAML 1.1\n", "---\n",
    "...\n", "\t", "\\u0000", "\x00", "\ufeff", "ø", "€",
]  # fmt: skip


def only_tco_errors(fn: Any, *args: Any) -> Any:
    """Call ``fn``; a TCOError is fine, any other exception or a warning fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return fn(*args)
        except TCOError:
            return None


def load_and_evaluate(data: Any) -> None:
    tco.load_tender(data).evaluate()


@FUZZ
@given(st.text(max_size=400))
def test_yaml_loader_on_random_text(text: str) -> None:
    out = only_tco_errors(load_yaml, text)
    assert out is None or isinstance(out, dict)


@FUZZ
@given(st.binary(max_size=400))
def test_yaml_loader_on_random_bytes(raw: bytes) -> None:
    out = only_tco_errors(load_yaml, raw)
    assert out is None or isinstance(out, dict)


@FUZZ
@given(st.lists(st.sampled_from(YAML_TOKENS), max_size=60).map("".join))
def test_yaml_loader_on_yaml_shaped_noise(text: str) -> None:
    out = only_tco_errors(load_yaml, text)
    assert out is None or isinstance(out, dict)


@FUZZ
@given(st.dictionaries(st.sampled_from(["model", "bids", "assumptions", "parameters"]), junk()))
def test_tender_loader_on_random_mappings(data: dict[str, Any]) -> None:
    only_tco_errors(load_and_evaluate, data)


@FUZZ
@given(junk())
def test_model_loader_on_random_data(data: Any) -> None:
    if isinstance(data, dict):
        only_tco_errors(tco.load_model, data)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in a nested mapping/list."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@FUZZ
@given(tenders(max_period=12, max_bids=3), st.data())
def test_valid_tender_with_one_value_replaced_by_junk(
    tender: dict[str, Any], data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(_paths(tender)))
    mutated = copy.deepcopy(tender)
    node: Any = mutated
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = data.draw(junk(max_leaves=5))
    only_tco_errors(load_and_evaluate, mutated)


UNITS = {"price": "DKK", "fee": "EUR", "power": "W", "hours": "h/year", "x": "", "period": "year"}


@FUZZ
@given(formulas(), st.lists(st.floats(-1e6, 1e6), min_size=6, max_size=6))
def test_formula_parser_on_random_formulas(text: str, values: list[float]) -> None:
    compiled = only_tco_errors(compile_expression, text, UNITS)
    if compiled is not None:
        env = {name: np.array([v, 0.0, -v]) for name, v in zip(UNITS, values, strict=True)}
        only_tco_errors(compiled.evaluate, env)


@FUZZ
@given(formulas(max_tokens=12))
def test_formulas_inside_a_model(text: str) -> None:
    model = {
        "id": "fuzz",
        "title": "Fuzz",
        "functional_unit": "unit",
        "parameters": {"price": {"unit": "DKK", "bid": True}, "hours": {"unit": "h/year"}},
        "items": {"x": {"category": "use", "annual": text}},
    }
    tender = {
        "model": model,
        "assumptions": {"period": "5 year"},
        "parameters": {"hours": "10 h/year"},
        "bids": [{"name": "a", "price": "10 DKK"}, {"name": "b", "price": "0 DKK"}],
    }
    only_tco_errors(load_and_evaluate, tender)


@pytest.mark.parametrize(
    "text",
    [
        "1e999 DKK",  # a number that overflows to infinity
        "max(" * 30 + "price" + ", price)" * 30,
        "((((((((((price))))))))))" * 10,
        "price ** 1e308",
        "2 ** 2 ** 2 ** 2 ** 2 ** 2",
        "price / 0 DKK",
        "sqrt(-1)",
    ],
)
def test_formula_corner_cases(text: str) -> None:
    compiled = only_tco_errors(compile_expression, text, UNITS)
    if compiled is not None:
        env = {name: np.array([2.0, 0.0]) for name in UNITS}
        only_tco_errors(compiled.evaluate, env)


UNCERTAIN_PATHS = [
    ("uncertainty",),
    ("uncertainty", "samples"),
    ("uncertainty", "seed"),
    ("uncertainty", "parameters"),
    ("uncertainty", "parameters", "electricity_price"),
    ("uncertainty", "parameters", "electricity_price", "dist"),
    ("uncertainty", "parameters", "electricity_price", "low"),
    ("uncertainty", "parameters", "operating_hours", "sd"),
    ("uncertainty", "correlation"),
    ("scenarios",),
    ("bids", 0, "quality"),
]


UNCERTAIN = load_yaml(tco.example_path("indoor-lighting-uncertain").read_bytes())


@settings(FUZZ, max_examples=max(1, FUZZ_EXAMPLES // 2))  # each runs a small Monte Carlo
@given(st.sampled_from(UNCERTAIN_PATHS), junk(max_leaves=5))
def test_uncertainty_section_with_one_value_replaced_by_junk(
    path: tuple[Any, ...], value: Any
) -> None:
    from tco.analysis.montecarlo import monte_carlo

    tender = copy.deepcopy(UNCERTAIN)
    node: Any = tender
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value

    def run() -> None:
        monte_carlo(tco.load_tender(tender), samples=50)

    only_tco_errors(run)
