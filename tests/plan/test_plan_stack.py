"""Plans stacked into one pass of the engine (tco.plan.stack), by hand."""

from __future__ import annotations

from typing import Any

import numpy as np

import tco
from helpers import simple_model
from tco.evaluate import evaluate_plan, evaluate_plans

# A fee by year (10, 20, 30 DKK in years 1 to 3) beside each bid's price: amounts with a
# year axis, shape (B, T + 1).
MODEL = simple_model(
    {
        "buy": {"category": "acquisition", "once": "first"},
        "run": {"category": "use", "annual": "fee"},
    },
    {"fee": {"unit": "DKK/year", "by_year": True, "default": "0 DKK/year"}},
)


def _plan(bids: int) -> Any:
    return tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "3 year"},
            "parameters": {"fee": ["10 DKK/year", "20 DKK/year", "30 DKK/year"]},
            "bids": [{"name": f"b{i}", "first": f"{100 + i} DKK"} for i in range(bids)],
        }
    ).plan


def test_plans_with_amounts_by_year_stack_into_one_pass() -> None:
    # Undiscounted: bid i costs 100 + i + 10 + 20 + 30 = 160 + i, in either plan; stacked
    # (2 rows then 3) each plan gets its own rows back, as evaluated alone.
    two, three = _plan(2), _plan(3)
    assert np.ndim(two.items[1].amount) == 2
    a, b = evaluate_plans([two, three])
    assert a.total.tolist() == [160.0, 161.0]
    assert b.total.tolist() == [160.0, 161.0, 162.0]
    np.testing.assert_array_equal(a.total, evaluate_plan(two).total)
