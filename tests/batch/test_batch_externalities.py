"""The tender's externalities rule in the batch API: priced CO2e reported apart or counted.

``assumptions.externalities: report`` (the Danish EPA tools' rule) leaves priced externalities
out of the award: ``total`` and ``annualised`` are without them, and
``total_incl_externalities`` shows them beside. ``award`` counts them in ``total``. The numbers
are computed by hand below on a model without discounting (rate 0 %).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import tco

MODEL: dict[str, Any] = {
    "id": "externalities-batch-test",
    "title": "Externalities in the batch",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "energy": {"unit": "kWh/year", "bid": True},
        "el_price": {"unit": "DKK/kWh", "default": "1 DKK/kWh"},
        "factor": {"unit": "kg/kWh", "default": "0.5 kg/kWh"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "electricity": {"category": "use", "annual": "energy * el_price"},
    },
    "emissions": {"co2e": {"substance": "co2e", "annual": "energy * factor"}},
}

TABLE = {"price [DKK]": [1000.0, 4000.0], "energy [kWh/year]": [1000.0, 500.0]}

# By hand, 10 years at 0 %:
#   row 0: 1000 DKK + 10 x 1000 kWh x 1 DKK/kWh = 11,000 DKK without externalities;
#          CO2e 10 x 1000 kWh x 0.5 kg/kWh = 5,000 kg = 5 t, at 1000 DKK/t = 5,000 DKK
#   row 1: 4000 DKK + 10 x 500 kWh x 1 DKK/kWh = 9,000 DKK; CO2e 2,500 kg, 2,500 DKK
EXCL = [11_000.0, 9_000.0]
EXTERNAL = [5_000.0, 2_500.0]
INCL = [16_000.0, 11_500.0]


def _assumptions(rule: str) -> dict[str, Any]:
    return {
        "currency": "DKK",
        "discount_rate": "0 %",
        "period": "10 year",
        "co2_price": "1000 DKK/t",
        "externalities": rule,
    }


def test_report_leaves_priced_externalities_out_of_the_award() -> None:
    got = tco.evaluate_batch(MODEL, TABLE, assumptions=_assumptions("report"))
    assert got["externalities"].tolist() == pytest.approx(EXTERNAL)
    assert got["total"].tolist() == pytest.approx(EXCL)
    assert got["annualised"].tolist() == pytest.approx([1_100.0, 900.0])  # 0 %: total / 10
    assert got["total_excl_externalities"].tolist() == pytest.approx(EXCL)
    assert got["total_incl_externalities"].tolist() == pytest.approx(INCL)
    assert got["co2e_kg"].tolist() == pytest.approx([5_000.0, 2_500.0])


def test_award_counts_priced_externalities() -> None:
    got = tco.evaluate_batch(MODEL, TABLE, assumptions=_assumptions("award"))
    assert got["total"].tolist() == pytest.approx(INCL)
    assert got["annualised"].tolist() == pytest.approx([1_600.0, 1_150.0])
    assert got["total_excl_externalities"].tolist() == pytest.approx(EXCL)
    assert got["total_incl_externalities"].tolist() == pytest.approx(INCL)


@pytest.mark.parametrize("rule", ["report", "award"])
def test_the_batch_ranks_as_the_tender_does(rule: str) -> None:
    # The same two bids as a tender: its totals and annualised costs are the batch's.
    tender = tco.load_tender(
        {
            "model": MODEL,
            "assumptions": _assumptions(rule),
            "bids": [
                {"name": "A", "price": "1000 DKK", "energy": "1000 kWh/year"},
                {"name": "B", "price": "4000 DKK", "energy": "500 kWh/year"},
            ],
        }
    )
    result = tender.evaluate()
    got = tco.evaluate_batch(MODEL, pd.DataFrame(TABLE), assumptions=_assumptions(rule))
    np.testing.assert_allclose(got["total"], result.total, rtol=1e-12)
    np.testing.assert_allclose(got["annualised"], result.annualised, rtol=1e-12)
    # B is the cheaper under both rules (9,000 < 11,000 DKK; 11,500 < 16,000 DKK): the rule
    # changes the totals here, not the winner.
    assert list(result.ranking) == ["B", "A"]
