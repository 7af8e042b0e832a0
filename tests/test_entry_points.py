"""The three entry points give the same numbers and the same errors.

A random model and tender (tests/strategies.py), with an extra item whose
timing depends on each bid's lifetime (so that some bids are refused: an
event before year 0, or an annual stream that stops before it starts), goes
through :meth:`tco.Tender.evaluate`, :func:`tco.evaluate_batch` (one row per
bid) and the variants engine with no spread
(:func:`tco.analysis.variants.evaluate_variants`). The totals, categories
and emissions must agree, and where one refuses the tender the other must
refuse it with the same message. The year-axis engine
(:func:`tco.evaluate.yearly_flows`) is the independent reference for the
totals.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tco
from strategies import tenders
from tco.analysis.variants import evaluate_variants
from tco.errors import SpecError
from tco.evaluate import yearly_flows
from tco.spec.schema import CATEGORIES

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def risky_tenders(draw: st.DrawFn) -> dict[str, Any]:
    """A tender from :func:`strategies.tenders`, sometimes with a timing some bids cannot meet."""
    tender = draw(tenders())
    kind = draw(st.sampled_from(["none", "at", "stop"]))
    shift = draw(st.integers(0, 20))
    items = tender["model"]["items"]
    if kind == "at":  # an overhaul some years before the end of a unit's life
        items["late"] = {"category": "maintenance", "at": f"life - {shift} year", "amount": "fee"}
    elif kind == "stop":  # a service window from a fixed year to the end of life
        items["window"] = {
            "category": "use",
            "annual": "running",
            "start": f"{shift} year",
            "stop": "life",
        }
    return tender


def _number(text: str) -> tuple[float, str]:
    number, _, unit = text.partition(" ")
    return float(number), unit


def _batch(tender: dict[str, Any]) -> Any:
    """The tender's bids as the rows of a table, through evaluate_batch."""
    bids = tender["bids"]
    keys = [k for k in bids[0] if k != "name"]
    columns = {k: [_number(b[k])[0] for b in bids] for k in keys}
    units = {k: _number(bids[0][k])[1] for k in keys}
    table = pd.DataFrame(columns, index=[b["name"] for b in bids])
    return tco.evaluate_batch(
        copy.deepcopy(tender["model"]),
        table,
        units=units,
        assumptions=tender["assumptions"],
        parameters=tender["parameters"],
    )


def _outcome(run: Any) -> tuple[Any, SpecError | None]:
    try:
        return run(), None
    except SpecError as err:
        return None, err


def close(a: Any, b: Any, rel: float = 1e-9) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)), 1.0)
    np.testing.assert_allclose(a, b, rtol=0, atol=rel * scale)


@PROPERTY
@given(risky_tenders())
def test_tender_batch_and_variants_agree(tender: dict[str, Any]) -> None:
    result, tender_error = _outcome(lambda: tco.load_tender(copy.deepcopy(tender)).evaluate())
    frame, batch_error = _outcome(lambda: _batch(tender))
    if tender_error is not None or batch_error is not None:
        assert type(batch_error) is type(tender_error)
        assert str(batch_error) == str(tender_error)
        return
    assert result is not None
    plan = result.plan
    # The closed form against the year-axis reference.
    close(result.pv_by_item, yearly_flows(plan).present_value())
    close(result.total, result.discounted.sum(axis=(1, 2)))
    # The catalogue engine.
    close(frame["total"].to_numpy(), result.total)
    close(frame["total_excl_externalities"].to_numpy(), result.total_excl_externalities)
    close(frame["annualised"].to_numpy(), result.annualised)
    for category, values in result.by_category.items():
        close(frame[category].to_numpy(), values)
    assert {c for c in frame.columns if c in CATEGORIES} == set(result.by_category)
    for substance, mass in result.emissions.items():
        close(frame[f"{substance}_kg"].to_numpy(), mass)
    # The variants engine with no spread.
    close(evaluate_variants(plan)[0], result.total)
    close(evaluate_variants(plan, externalities=False)[0], result.total_excl_externalities)


def test_a_refused_row_names_the_row_as_a_tender_names_the_bid() -> None:
    # Regression: evaluate_batch checked the timings of its one-row template
    # only, so a row with an event before year 0 got a total (without the
    # event) while load_tender refused the same bid.
    model = {
        "id": "m",
        "title": "m",
        "functional_unit": "unit",
        "parameters": {
            "price": {"unit": "DKK", "bid": True},
            "life": {"unit": "year", "bid": True},
        },
        "items": {
            "purchase": {"category": "acquisition", "once": "price"},
            "overhaul": {"category": "maintenance", "at": "life - 8 year", "amount": "price"},
        },
    }
    bids = [{"name": "A", "price": "100 DKK", "life": "10 year"}]
    bids.append({"name": "B", "price": "100 DKK", "life": "7 year"})
    tender = {"model": model, "assumptions": {"period": "10 year"}, "bids": bids}
    with np.testing.assert_raises(SpecError) as caught:
        tco.load_tender(copy.deepcopy(tender))
    assert "for bid 'B' the event falls at -1 years" in str(caught.exception)
    with np.testing.assert_raises(SpecError) as batch:
        _batch({**tender, "parameters": {}})
    assert str(batch.exception) == str(caught.exception)


def test_a_row_whose_stream_stops_before_it_starts_is_refused() -> None:
    model = {
        "id": "m",
        "title": "m",
        "functional_unit": "unit",
        "parameters": {
            "fee": {"unit": "DKK/year", "bid": True},
            "end": {"unit": "year", "bid": True},
        },
        "items": {
            "service": {"category": "use", "annual": "fee", "start": "3 year", "stop": "end"}
        },
    }
    table = {"fee": [10.0, 10.0, 10.0], "end": [5.0, 2.0, 3.0]}
    units = {"fee": "DKK/year", "end": "year"}
    with np.testing.assert_raises(SpecError) as caught:
        tco.evaluate_batch(model, table, units=units, assumptions={"period": "10 year"})
    assert "for row 1 the stream stops in year 2, before it starts (year 3)" in str(
        caught.exception
    )
    # The valid rows: years 3..5 and year 3 only.
    out = tco.evaluate_batch(
        model,
        {k: v[::2] for k, v in table.items()},
        units=units,
        assumptions={"period": "10 year", "discount_rate": "0 %"},
    )
    np.testing.assert_allclose(out["total"], [30.0, 10.0])
