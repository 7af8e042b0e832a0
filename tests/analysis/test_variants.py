"""The variants of an analysis price every stream as the tender's totals do (one list of streams)."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from helpers import simple_model
from tco.analysis.inputs import Change, resolve_input
from tco.analysis.variants import evaluate_variants


def _tender(rule: str) -> tco.Tender:
    # An item the model files under 'externalities' (a carbon levy the buyer pays per unit),
    # beside a purchase: under 'report' the award leaves it out, as it leaves out priced emissions.
    model = simple_model(
        {
            "purchase": {"category": "acquisition", "once": "first"},
            "levy": {"category": "externalities", "annual": "annual"},
        }
    )
    return tco.load_tender(
        {
            "model": model,
            "assumptions": {"discount_rate": "4 %", "period": "2 year", "externalities": rule},
            "bids": [
                {"name": "A", "first": "1000 DKK", "annual": "100 DKK/year"},
                {"name": "B", "first": "900 DKK", "annual": "200 DKK/year"},
            ],
        }
    )


@pytest.mark.parametrize("rule", ["award", "report"])
def test_no_change_gives_the_award_total(rule: str) -> None:
    tender = _tender(rule)
    out = evaluate_variants(tender.plan)
    # By hand: levy PV = a/1.04 + a/1.04^2 = a * 1.886095; award: 1000 + 188.6095, 900 + 377.2189;
    # report: the purchase alone.
    levy = 1 / 1.04 + 1 / 1.04**2
    want = [1000.0 + 100 * levy, 900.0 + 200 * levy] if rule == "award" else [1000.0, 900.0]
    np.testing.assert_allclose(out[0], want, rtol=1e-12)
    np.testing.assert_allclose(out[0], tender.evaluate().total, rtol=1e-12)


def test_a_varied_discount_rate_prices_every_stream_again() -> None:
    tender = _tender("award")
    x = resolve_input(tender.plan, "discount_rate")
    out = evaluate_variants(tender.plan, [Change(x, np.array([0.04, 0.0]), False)], 2)
    # At 0 %: 1000 + 2 * 100 and 900 + 2 * 200.
    np.testing.assert_allclose(out[1], [1200.0, 1300.0], rtol=1e-12)
