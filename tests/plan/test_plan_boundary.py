"""The plan is a boundary: names and numbers inside, no spec object; it pickles whole.

A plan is what crosses from the checked world of specs (pydantic, pint, the
product model) to the engine, the analyses and the views. These tests walk
every compiled plan of the bundled examples and of the basket examples and
refuse any pydantic model (but ``Text``, a plain pair of names), any
:class:`~tco.spec.product.ProductModel`, :class:`~tco.spec.schema.ModelSpec`
or unit object inside; and they send plans through pickle, as a process pool
does, and evaluate and analyse the copy.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pydantic import BaseModel

import tco
from tco.analysis import monte_carlo, sensitivity
from tco.analysis.switching import switching_value
from tco.basket import basket_example_path, load_basket
from tco.evaluate import evaluate_plan
from tco.plan import Plan, rebuild_plan
from tco.spec.product import ProductModel
from tco.spec.schema import ModelSpec, Text
from tco.units import Quantity

EXAMPLES = sorted((Path(tco.example_path("indoor-lighting")).parent).glob("*.yaml"))


def _inside(value: Any, path: str = "plan") -> Iterator[tuple[str, Any]]:
    """Every value reachable from ``value`` through dataclass fields, mappings and sequences."""
    yield path, value
    if isinstance(value, np.ndarray) or (callable(value) and not dataclasses.is_dataclass(value)):
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _inside(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _inside(k, f"{path}[{k!r}] (key)")
            yield from _inside(v, f"{path}[{k!r}]")
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            yield from _inside(v, f"{path}[{i}]")
    elif isinstance(value, BaseModel) and not isinstance(value, Text):
        return  # reported by the caller; nothing below it matters


def _spec_objects(plan: Plan) -> list[str]:
    found = []
    for path, value in _inside(plan):
        if isinstance(value, (ProductModel, ModelSpec, Quantity)) or (
            isinstance(value, BaseModel) and not isinstance(value, Text)
        ):
            found.append(f"{path}: {type(value).__name__}")
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_compiled_plan_holds_no_spec_object(path: Path) -> None:
    plan = tco.load_tender(path).plan
    assert _spec_objects(plan) == []
    # The walk sees the plan's fields: the model's id and formulas are there, as plain data.
    paths = [p for p, _ in _inside(plan)]
    assert "plan.product.id" in paths
    assert any(p.startswith("plan.product.items[0].amount") for p in paths)


def test_the_walk_finds_a_spec_object_where_one_is() -> None:
    # The check itself can fail: a plan with the tender's model put back in is refused.
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    spoiled = dataclasses.replace(tender.plan, title=tender.model)  # type: ignore[arg-type]
    found = _spec_objects(spoiled)
    assert found[0] == "plan.title: ProductModel"
    assert "plan.title.spec: ModelSpec" in found
    with_spec = dataclasses.replace(tender.plan, title=tender.spec.assumptions)  # type: ignore[arg-type]
    assert _spec_objects(with_spec) == ["plan.title: AssumptionsSpec"]


def test_basket_lines_and_variant_plans_hold_no_spec_object() -> None:
    result = load_basket(basket_example_path("car-van-fleet")).evaluate()
    for r in result.results:
        assert _spec_objects(r.plan) == []
    plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    doubled = {k: np.tile(v, 2) if v.ndim == 1 else v for k, v in plan.values.items()}
    assert _spec_objects(rebuild_plan(plan, doubled, bids=plan.bids * 2)) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_plan_pickles_and_evaluates_the_same(path: Path) -> None:
    tender = tco.load_tender(path)
    again = pickle.loads(pickle.dumps(tender.plan))
    assert isinstance(again, Plan)
    assert again.product.id == tender.model.id
    # The copy's formulas are compiled again from their text: the same numbers, bit for bit.
    before, after = tender.evaluate(), evaluate_plan(again)
    np.testing.assert_array_equal(after.total, before.total)
    np.testing.assert_array_equal(after.nominal, before.nominal)
    rebuilt = rebuild_plan(again, again.values)
    for s, t in zip(rebuilt.items, tender.plan.items, strict=True):
        np.testing.assert_array_equal(s.amount, t.amount)


def test_analyses_of_a_pickled_plan_equal_the_tenders() -> None:
    # What a worker process receives is the plan alone: sensitivity, switching values and
    # Monte Carlo run the model's formulas again from it (the plan's own compiled formulas).
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    plan = pickle.loads(pickle.dumps(tender.plan))
    a, b = sensitivity(tender), sensitivity(plan)
    assert a.to_dict() == b.to_dict()
    s1 = switching_value(tender, "power", 0, 1)
    s2 = switching_value(plan, "power", 0, 1)
    assert s1.value == s2.value
    u = {
        "parameters": {
            "power": {"dist": "uniform", "low": "-10 %", "high": "10 %", "relative": True},
        }
    }
    m1 = monte_carlo(tender, u, samples=400, seed=7)
    m2 = monte_carlo(plan, u, samples=400, seed=7)
    np.testing.assert_array_equal(m1.totals, m2.totals)
