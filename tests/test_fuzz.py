"""Bounded fuzzing: on any input, tco raises TCOError or nothing, never anything else.

The loaders (YAML, tender, model) and the formula parser get random text,
random bytes, YAML-shaped noise, random nested mappings and lists, valid
tenders with one value replaced by junk, and random formulas built from the
token alphabet of :data:`strategies.FORMULA_TOKENS`; the Monte Carlo run gets
the example tender's uncertainty section with one value replaced by junk.
Two more targets build valid tenders (of every bundled model, and random inline models) so that
``evaluate()`` runs in most examples, and check invariants of every result.
Each test runs :data:`FUZZ_EXAMPLES` examples (half that for Monte Carlo; set
``TCO_FUZZ_EXAMPLES`` for a longer run).
"""

from __future__ import annotations

import copy
import math
import os
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import tco
import tco.spec.product
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


# -- valid tenders that reach evaluate() -------------------------------------------------------
#
# The targets above mostly feed tco input that is refused while it is read, so evaluate() seldom
# runs. These build tenders that are valid by construction, for every bundled product model: its
# example tender's assumptions with random rates, period, quantity and conventions, and one to
# six bids whose every bid parameter is drawn within the model's bounds, in the parameter's own
# unit (a parameter with a default is sometimes left out). Each example is evaluated and checked
# against invariants; the share that reaches evaluate() is asserted.

MODELS = sorted(tco.spec.product.bundled_models())
#: Share of examples that must get past validation to evaluate(): 90 % are drawn valid. [-]
MIN_EVALUATED = 0.75


def _bounds(parameter: Any) -> tuple[int, int]:
    """The parameter's bounds in hundredths of its own unit (values are written with 2 decimals)."""
    from tco.views.inputs import value_in

    unit = parameter.unit_text
    lo = value_in(parameter.spec.min, unit) if parameter.spec.min is not None else 0.0
    hi = value_in(parameter.spec.max, unit) if parameter.spec.max is not None else None
    assert isinstance(lo, float) and (hi is None or isinstance(hi, float))
    top = hi if hi is not None else max(lo, 1.0) * 1000.0
    return math.ceil(lo * 100), math.floor(top * 100)


@st.composite
def bundled_tenders(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A tender of a bundled model, as a mapping (see the comment above), and whether it is spoilt.

    One tender in ten is spoilt: one bid value just above its parameter's maximum, or in a
    unit of another dimension (``m^2``). A spoilt tender must be refused.
    """
    model_id = draw(st.sampled_from(MODELS))
    model = tco.load_model(model_id)
    tender = load_yaml(tco.example_path(model_id).read_bytes())
    for key in ("uncertainty", "scenarios", "profiles", "scoring"):
        tender.pop(key, None)
    a = tender.setdefault("assumptions", {})
    a["discount_rate"] = f"{draw(st.integers(0, 1200)) / 100:.2f} %"
    if draw(st.booleans()):
        a["period"] = f"{draw(st.integers(1, 30))} year"  # model paths by year run 30 years
    a["quantity"] = draw(st.integers(1, 500))
    a["discounting"] = draw(st.sampled_from(["end", "mid", "begin"]))
    a["price_year"] = draw(st.sampled_from([0, 1]))
    a["externalities"] = draw(st.sampled_from(["award", "report"]))
    if draw(st.booleans()):
        a["co2_price"] = f"{draw(st.integers(0, 300_000)) / 100:.2f} {a.get('currency', 'DKK')}/t"
    bids = []
    for i in range(draw(st.integers(1, 6))):
        bid: dict[str, Any] = {"name": f"Bid {i + 1}"}
        for name in model.bid_parameters:
            p = model.parameters[name]
            if p.spec.default is not None and draw(st.booleans()):
                continue  # the model's default
            lo, hi = _bounds(p)
            value = draw(st.integers(lo, hi)) / 100
            bid[name] = f"{value:.2f} {p.unit_text}".strip()
        bids.append(bid)
    tender["bids"] = bids
    spoil = draw(st.sampled_from([""] * 18 + ["above", "unit"]))
    name = draw(st.sampled_from(model.bid_parameters))
    p = model.parameters[name]
    if spoil == "above" and p.spec.max is not None:
        bids[0][name] = f"{(_bounds(p)[1] + 1) / 100:.2f} {p.unit_text}".strip()
    elif spoil == "unit":
        bids[0][name] = "1.00 m^2"
    else:
        spoil = ""
    event(f"spoilt: {spoil}" if spoil else "valid")
    return tender, bool(spoil)


def check_invariants(result: Any) -> None:
    """What holds for every evaluated tender, whatever its numbers."""
    bids = list(result.bids)
    for name in ("total", "annualised", "total_excl_externalities", "total_incl_externalities"):
        values = np.asarray(getattr(result, name))
        assert values.shape == (len(bids),) and np.isfinite(values).all(), name
    # The ranking is a permutation of the bids, cheapest first by what the tender ranks; ranks
    # run from 1 and do not fall along it (totals equal to the cent share a rank).
    assert sorted(result.ranking) == sorted(bids)
    order = [bids.index(b) for b in result.ranking]
    rank = np.asarray(result.rank)[order]
    assert rank[0] == 1 and (np.diff(rank) >= 0).all() and rank[-1] <= len(bids)
    key = np.asarray(result.total if result.ranked_by == "total" else result.annualised)[order]
    assert (np.diff(key) >= -0.01 - 1e-9 * np.abs(key[1:])).all()
    # Total = the sum of the categories; priced externalities in it only under 'award'.
    cats = {c: np.asarray(v) for c, v in result.by_category.items()}
    for values in cats.values():
        assert np.isfinite(values).all()
    incl = sum(cats.values(), np.zeros(len(bids)))
    excl = incl - cats.get("externalities", 0.0)
    scale = np.maximum(1.0, np.abs(np.asarray(result.total_incl_externalities)))
    assert np.all(np.abs(incl - result.total_incl_externalities) <= 1e-9 * scale)
    assert np.all(np.abs(excl - result.total_excl_externalities) <= 1e-9 * scale)
    want = incl if result.externalities_rule == "award" else excl
    assert np.all(np.abs(want - result.total) <= 1e-9 * scale)


def _evaluate_counting(tender: dict[str, Any], counts: dict[str, int], spoilt: bool) -> None:
    counts["examples"] += 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = tco.load_tender(tender).evaluate()
        except TCOError as err:
            event(f"refused: {type(err).__name__}")
            assert spoilt, f"a valid tender refused: {err}"
            return
    assert not spoilt, "a bid value out of bounds or in a wrong unit was evaluated"
    counts["evaluated"] += 1
    event("evaluated")
    check_invariants(result)


def test_valid_tenders_of_every_bundled_model_reach_evaluate() -> None:
    counts = {"examples": 0, "evaluated": 0}

    @FUZZ
    @given(bundled_tenders())
    def run(drawn: tuple[dict[str, Any], bool]) -> None:
        tender, spoilt = drawn
        _evaluate_counting(tender, counts, spoilt)

    run()
    assert counts["examples"] >= min(FUZZ_EXAMPLES, 50)
    assert counts["evaluated"] >= MIN_EVALUATED * counts["examples"], counts


def test_random_valid_tenders_reach_evaluate() -> None:
    # strategies.tenders: random models (items, timings, lifetimes, emissions) and tenders.
    counts = {"examples": 0, "evaluated": 0}

    @FUZZ
    @given(tenders(max_period=30, max_bids=5))
    def run(tender: dict[str, Any]) -> None:
        _evaluate_counting(tender, counts, spoilt=False)

    run()
    assert counts["examples"] >= min(FUZZ_EXAMPLES, 50)
    assert counts["evaluated"] >= MIN_EVALUATED * counts["examples"], counts
