"""Residual value rules: linear, none, a stated share of the initial cost (NIST BLCC), and the
salvage of a unit whose life the study period cuts short.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import tco
from helpers import run, simple_model
from tco.batch import BatchEvaluator
from tco.engine.rows import residual_terms

PURCHASE = {"buy": {"category": "acquisition", "once": "first"}}


def test_share_of_initial_cost_without_a_lifetime() -> None:
    # NIST BLCC states the residual value as a share of the initial cost at the end of the
    # study period. Initial cost 10000, residual 20 %, 10 years at 3 %:
    # 10000 - 0.20 * 10000 * 1.03 ** -10 = 10000 - 1488.19 = 8511.81.
    r = run(
        simple_model(PURCHASE),
        {"discount_rate": "3 %", "period": "10 year", "residual_value": {"share": "20 %"}},
        [{"name": "A", "first": "10000 DKK"}],
    )
    assert r.total[0] == pytest.approx(10000 - 2000 * 1.03**-10)
    assert r.total[0] == pytest.approx(8511.81, abs=0.01)
    assert r.real[0, 0, 10] == pytest.approx(-2000.0)  # booked in year 10, undiscounted


def test_share_credits_the_last_units_price() -> None:
    # Life 4 years over 6: units bought in years 0 and 4 (escalating 10 %/year from year 0:
    # 1000 * 1.1 ** 4 = 1464.10); 25 % of the last one credited at year 6, undiscounted.
    model = simple_model(
        {"buy": {"category": "acquisition", "once": "first", "escalation": "kit"}},
        lifetime="life",
    )
    r = run(
        model,
        {
            "discount_rate": "0 %",
            "period": "6 year",
            "residual_value": {"share": "25 %"},
            "escalation": {"kit": "10 %"},
        },
        [{"name": "A", "first": "1000 DKK", "life": "4 year"}],
    )
    assert r.total[0] == pytest.approx(1000 + 1464.1 - 0.25 * 1464.1)


def test_salvage_cut_short_is_straight_line_depreciation_to_salvage() -> None:
    # Textbook straight-line depreciation with a salvage value: cost 10000, salvage 2000,
    # life 8 years; after 5 years the book value is 10000 - (10000 - 2000) * 5 / 8 = 5000.
    # Over a 5-year study period at 0 % the net cost is 10000 - 5000 = 5000: the linear
    # credit of the price, 10000 * 3/8 = 3750, plus the salvage earned within the period,
    # 2000 * (1 - 3/8) = 1250.
    model = simple_model(
        {
            **PURCHASE,
            "resale": {
                "category": "end_of_life",
                "end_of_life": "-salvage",
                "residual": True,
            },
        },
        lifetime="life",
    )
    bid = {"name": "A", "first": "10000 DKK", "salvage": "2000 DKK", "life": "8 year"}
    r = run(model, {"discount_rate": "0 %", "period": "5 year"}, [bid])
    assert r.total[0] == pytest.approx(5000.0)
    assert r.by_item["resale"][0] == pytest.approx(-1250.0)
    # At 5 %, both credits are discounted from year 5: 10000 - 5000 * 1.05 ** -5.
    r = run(model, {"discount_rate": "5 %", "period": "5 year"}, [bid])
    assert r.total[0] == pytest.approx(10000 - 5000 * 1.05**-5)
    # A life that ends at the period's end sells at the end of life: no extra credit.
    r = run(model, {"discount_rate": "0 %", "period": "8 year"}, [bid])
    assert r.total[0] == pytest.approx(10000 - 2000)
    # Without 'residual: true' the salvage cut short is lost (the previous behaviour).
    plain = simple_model(
        {**PURCHASE, "resale": {"category": "end_of_life", "end_of_life": "-salvage"}},
        lifetime="life",
    )
    r = run(plain, {"discount_rate": "0 %", "period": "5 year"}, [bid])
    assert r.total[0] == pytest.approx(10000 - 3750)


def test_residual_terms_examples() -> None:
    last, w = residual_terms([8.0], [5], salvage=True)
    assert list(last) == [5] and w[0] == pytest.approx(-(1 - 3 / 8))
    last, w = residual_terms([4.0, 3.0], [6, 6], share=0.2)
    assert list(last) == [4, 3] and list(w) == [0.2, 0.2]


@pytest.mark.parametrize(
    "assumptions",
    [
        {"residual_value": {"share": "20 %"}},
        {"residual_value": "linear"},
        {"residual_value": "none"},
    ],
)
def test_every_engine_applies_the_same_rule(assumptions: dict[str, Any]) -> None:
    from tco.analysis.variants import evaluate_variants

    model = simple_model(
        {
            **PURCHASE,
            "resale": {"category": "end_of_life", "end_of_life": "-salvage", "residual": True},
        },
        lifetime="life",
    )
    a = {"discount_rate": "4 %", "period": "10 year", **assumptions}
    bids = [
        {"name": "A", "first": "1000 DKK", "salvage": "100 DKK", "life": "7 year"},
        {"name": "B", "first": "800 DKK", "salvage": "50 DKK", "life": "4 year"},
    ]
    tender = tco.load_tender({"model": model, "assumptions": a, "bids": bids})
    r = tender.evaluate()
    assert evaluate_variants(tender.plan)[0] == pytest.approx(r.total)
    assert r.discounted.sum(axis=(1, 2)) == pytest.approx(r.total)  # yearly engine
    ev = BatchEvaluator(model, a)
    table = pd.DataFrame(
        {
            "first": [1000.0, 800.0],
            "salvage": [100.0, 50.0],
            "life": [7.0, 4.0],
            "annual": [0.0, 0.0],
        }
    )
    out = ev.arrays(table)
    assert np.asarray(out["total"]) == pytest.approx(r.total)


def test_share_out_of_range_is_an_error() -> None:
    with pytest.raises(tco.TCOError, match="from 0 % to 100 %") as e:
        run(
            simple_model(PURCHASE),
            {"period": "10 year", "residual_value": {"share": "120 %"}},
            [{"name": "A", "first": "1 DKK"}],
        )
    assert e.value.path == ("assumptions", "residual_value", "share")
