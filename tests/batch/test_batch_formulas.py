"""A formula's factors on a table's rows: kept as a product, worked out by hand.

The batch API splits a formula's top-level product (``Compiled.factors``) into a plain
number, one per-row factor and one per-year factor (``tco.engine.pv.FactoredAmount``).
Every number below is written out by hand: rows a = [1, 3], b = [4, 5], c = [2, 10];
undiscounted (rate 0 %) over one year, a one-off amount at year 0 is the total.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import tco
from tco.batch import BatchEvaluator
from tco.batch.rows import amount, prepare
from tco.engine.pv import FactoredAmount


def _model(once: str, emission: str | None = None) -> dict[str, Any]:
    model: dict[str, Any] = {
        "id": "batch-factors",
        "title": "Factors",
        "functional_unit": "unit",
        "parameters": {
            "a": {"unit": "DKK", "bid": True},
            "b": {"unit": "1", "bid": True},
            "c": {"unit": "1", "bid": True},
            "factor": {"unit": "kg/DKK", "by_year": True, "default": ["1 kg/DKK", "2 kg/DKK"]},
        },
        "items": {"x": {"category": "acquisition", "once": once}},
    }
    if emission is not None:
        model["emissions"] = {"e": {"annual": emission}}
    return model


ROWS = {"a": [1.0, 3.0], "b": [4.0, 5.0], "c": [2.0, 10.0]}
FLAT = {"discount_rate": "0 %", "period": "1 year"}


@pytest.mark.parametrize(
    ("once", "want"),
    [
        # 2 * [1 * 4 / 2, 3 * 5 / 10] = 2 * [2, 1.5] = [4, 3]
        ("2 * a * b / c", [4.0, 3.0]),
        # a divisor first: 3 DKK / [2, 10] * [4, 5] = [6, 1.5]
        ("3 DKK / c * b", [6.0, 1.5]),
        # a negated product: -[1, 3] * [4, 5] = [-4, -15]
        ("-a * b", [-4.0, -15.0]),
        # a sum is one factor: [1, 3] + 0.5 DKK * [4, 5] = [3, 5.5]; over [2, 10]: [1.5, 0.55]
        ("(a + 0.5 DKK * b) / c", [1.5, 0.55]),
    ],
)
def test_row_factors_multiply_and_divide(once: str, want: list[float]) -> None:
    got = tco.evaluate_batch(_model(once), ROWS, assumptions=FLAT)
    np.testing.assert_allclose(got["total"], want, rtol=1e-12)
    # 10 units: ten times each.
    ten = tco.evaluate_batch(_model(once), ROWS, assumptions={**FLAT, "quantity": 10})
    np.testing.assert_allclose(ten["total"], np.array(want) * 10, rtol=1e-12)


def test_a_product_is_kept_apart_and_a_yearly_series_in_a_sum_is_not() -> None:
    model = _model("2 * a * b / c")
    ev = BatchEvaluator(model, {**FLAT, "period": "2 year"})
    prep = prepare(ROWS, ev.columns, ev.template)
    c = ev.model.items["x"].amount
    kept = amount(c, prep.env, prep.series, prep.T)
    assert isinstance(kept, FactoredAmount)
    assert kept.scale == 2.0 and kept.years is None
    assert kept.rows is not None and kept.rows.tolist() == [2.0, 1.5]
    # A per-row value times the series: [1, 3] DKK/year x [1, 1, 2] kg/DKK by year (year 0
    # takes year 1's value), kept as rows [1, 3] and years [1, 1, 2].
    mixed = BatchEvaluator(_model("a", "a / (1 year) * factor"), {**FLAT, "period": "2 year"})
    prep = prepare(ROWS, mixed.columns, mixed.template)
    e = amount(mixed.model.emissions["e"].amount, prep.env, prep.series, prep.T)
    assert isinstance(e, FactoredAmount)
    assert e.rows is not None and e.rows.tolist() == [1.0, 3.0]
    assert e.years is not None and e.years.tolist() == [1.0, 1.0, 2.0]
    # In a sum with a per-row value the series does not split: a year axis, by hand
    # [1, 3] x [1, 1, 2] + [4, 5] kg/year = [[5, 5, 6], [8, 8, 11]].
    summed = BatchEvaluator(
        _model("a", "a / (1 year) * factor + b * 1 kg/year"), {**FLAT, "period": "2 year"}
    )
    prep = prepare(ROWS, summed.columns, summed.template)
    full = amount(summed.model.emissions["e"].amount, prep.env, prep.series, prep.T)
    assert isinstance(full, np.ndarray)
    assert full.tolist() == [[5.0, 5.0, 6.0], [8.0, 8.0, 11.0]]
    # Its mass over the 2 years: [5 + 6, 8 + 11] = [11, 19] kg, as evaluate() gives.
    got = tco.evaluate_batch(
        _model("a", "a / (1 year) * factor + b * 1 kg/year"),
        ROWS,
        assumptions={**FLAT, "period": "2 year"},
    )
    assert got["co2e_kg"].tolist() == pytest.approx([11.0, 19.0])


def test_a_plain_number_column_declared_with_unit_1_reads_as_in_a_tender() -> None:
    # A parameter declared with unit "1" took the first row's value as '4 1' in the table's
    # one-row tender and was refused ("write the number without spaces, as '41'"); a tender
    # reads the bid's '4' as 4. The same bids as a tender: 2 * [1, 3] * [4, 5] / [2, 10].
    model = _model("2 * a * b / c")
    got = tco.evaluate_batch(model, ROWS, units={"b": "1"}, assumptions=FLAT)
    bids = [
        {"name": f"r{i}", "a": f"{a} DKK", "b": f"{b}", "c": f"{c}"}
        for i, (a, b, c) in enumerate(zip(ROWS["a"], ROWS["b"], ROWS["c"], strict=True))
    ]
    want = tco.load_tender({"model": model, "assumptions": FLAT, "bids": bids}).evaluate()
    np.testing.assert_allclose(got["total"], want.total, rtol=1e-12)
    assert got["total"].tolist() == pytest.approx([4.0, 3.0])
