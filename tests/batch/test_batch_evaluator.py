"""The batch API gives the numbers of tender.evaluate() for the same inputs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import tco
from tco.batch import BatchEvaluator, evaluate_batch
from tco.evaluate import evaluate_plan
from tco.io.yamlio import read_yaml_file
from tco.plan import rebuild_plan
from tco.result import Result

RTOL = 1e-11


def expected_columns(r: Result) -> dict[str, np.ndarray]:
    """The batch columns, as tender.evaluate() computes them."""
    out: dict[str, np.ndarray] = {
        "total": r.total,
        "annualised": r.annualised,
        "total_excl_externalities": r.total_excl_externalities,
        "total_incl_externalities": r.total_incl_externalities,
        "period": r.plan.period,
        **r.by_category,
    }
    for sub, kg in r.emissions.items():
        out[f"{sub}_kg"] = kg
    for name, pv in r.by_item.items():
        out[f"pv_{name}"] = pv
    return out


def assert_same(batch: dict[str, Any], r: Result) -> None:
    want = expected_columns(r)
    assert set(batch) == set(want)
    for key, values in want.items():
        np.testing.assert_allclose(batch[key], values, rtol=RTOL, atol=1e-6, err_msg=key)


def bids_as_columns(tender: dict[str, Any], names: list[str]) -> dict[str, list[Any]]:
    """The bids of a tender as columns of numbers, with units taken from the text."""
    cols: dict[str, list[Any]] = {}
    for name in names:
        cols[name] = [tco.units.parse_quantity(b[name]).magnitude for b in tender["bids"]]
    return cols


# -- the bundled indoor-lighting example --------------------------------------------------------
def test_indoor_lighting_example_matches_tender() -> None:
    path = tco.example_path("indoor-lighting")
    tender = read_yaml_file(path)
    r = tco.load_tender(path).evaluate()
    table = {
        "price": [1450.0, 1100.0, 1890.0],
        "power": [32.0, 41.0, 27.0],
        "rated_life": [50000.0, 35000.0, 70000.0],
    }
    # The example's bids, as written in examples/indoor-lighting.yaml.
    assert [b["price"] for b in tender["bids"]] == ["1450 DKK", "1100 DKK", "1890 DKK"]
    out = evaluate_batch(
        "indoor-lighting",
        table,
        units={"price": "DKK", "power": "W", "rated_life": "h"},
        assumptions=tender["assumptions"],
        parameters=tender["parameters"],
        by_item=True,
    )
    assert_same(out, r)
    # Budget Light (35000 h / 3000 h/year = 11.67 years) is replaced in year 12 and the
    # second unit's remaining value is credited; the others only get a residual credit.
    assert r.real[1, 0, 12] > 0
    assert np.all(r.real[:, 0, 15] < 0)


# -- a model with every timing, replacements and residual values -------------------------------
MODEL: dict[str, Any] = {
    "id": "batch-test",
    "title": "Every timing",
    "functional_unit": "unit",
    "lifetime": "life",
    "escalation": {
        "energy": "2 %/year",
        "labour": ["1 %", "3 %", "0 %", "2 %", "5 %", "1 %", "4 %"],
    },
    "parameters": {
        "price": {"unit": "DKK", "bid": True, "min": "0 DKK"},
        "life": {"unit": "year", "bid": True, "min": "1 year"},
        "power": {"unit": "W", "bid": True, "default": "10 W"},
        "service_every": {"unit": "year", "bid": True, "default": "2 year"},
        "fee": {"unit": "DKK/year", "bid": True, "default": "0 DKK/year"},
        "hours": {"unit": "h/year", "default": "2000 h/year"},
        "energy_price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
        "factor": {"unit": "kg/kWh", "by_year": True, "default": "0.2 kg/kWh"},
        "labour": {"unit": "DKK", "default": "300 DKK"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price + 100 DKK"},
        "energy": {
            "category": "use",
            "annual": "power * hours * energy_price",
            "escalation": "energy",
        },
        "fee": {"category": "use", "annual": "fee", "start": "2 year", "stop": "5 year"},
        "service": {
            "category": "maintenance",
            "every": "service_every",
            "amount": "labour + 0.05 * price",
            "escalation": "labour",
        },
        "overhaul": {"category": "maintenance", "at": "3.5 year", "amount": "0.1 * price"},
        "disposal": {"category": "end_of_life", "end_of_life": "50 DKK", "per_unit": False},
        "scrap": {"category": "end_of_life", "end_of_life": "-0.02 * price"},
        # A yearly series and per-row values in one sum: no per-row x per-year split.
        "offset": {
            "category": "externalities",
            "annual": "power * hours * factor * 100 DKK/kg + fee",
            "escalation": "energy",
        },
        "refit": {
            "category": "acquisition",
            "once": "price * 0.1 + factor * 1000 DKK kWh/kg",
            "residual": True,
        },
    },
    "emissions": {
        "co2": {"annual": "power * hours * factor"},
        "nox": {"substance": "nox", "annual": "power * hours * 0.001 kg/kWh"},
        "making": {"once": "5 kg + price * 0.01 kg/DKK"},
        "mixed": {"substance": "nox", "annual": "power * hours * factor * 0.01 + 1 kg/year"},
    },
}

ROWS = {
    "price": [1000.0, 250.0, 4000.0, 1200.0, 80.0],
    "life": [4.0, 2.5, 7.0, 6.0, 1.5],
    "power": [10.0, 25.0, 5.0, 40.0, 60.0],
    "service_every": [2.0, 0.4, 3.0, 1.0, 6.0],
    "fee": [0.0, 50.0, 120.0, 10.0, 0.0],
}
UNITS = {"price": "DKK", "life": "year", "power": "W", "service_every": "year", "fee": "DKK/year"}


def one_by_one(
    model: dict[str, Any], rows: dict[str, list[float]], units: dict[str, str], **tender: Any
) -> list[Result]:
    """Evaluate each row as a tender of its own."""
    n = len(next(iter(rows.values())))
    out = []
    for i in range(n):
        bid = {"name": f"row {i}", **{k: f"{v[i]!r} {units[k]}" for k, v in rows.items()}}
        out.append(tco.load_tender({"model": model, "bids": [bid], **tender}).evaluate())
    return out


def assert_rows(batch: dict[str, Any], results: list[Result]) -> None:
    for i, r in enumerate(results):
        want = expected_columns(r)
        assert set(batch) == set(want)
        for key, values in want.items():
            np.testing.assert_allclose(
                batch[key][i], values[0], rtol=RTOL, atol=1e-6, err_msg=f"{key}, row {i}"
            )


ASSUMPTION_SETS: list[dict[str, Any]] = [
    {"period": "6 year", "co2_price": "1000 DKK/t"},
    {
        "period": "6 year",
        "discount_rate": "6 %",
        "rate_type": "nominal",
        "inflation": "2 %",
        "discounting": "mid",
        "price_year": 1,
        "quantity": 3,
        "co2_price": "1500 DKK/t",
        "emission_prices": {"nox": "50 DKK/kg"},
    },
    {"period": "lifetime", "discounting": "begin", "residual_value": "none"},
    {"period": "5 year", "discount_rate": "0 %", "escalation": {"energy": "5 %/year"}},
]


@pytest.mark.parametrize("assumptions", ASSUMPTION_SETS)
def test_every_timing_matches_tender(assumptions: dict[str, Any]) -> None:
    rows = dict(ROWS)
    params = {
        "factor": [
            "0.3 kg/kWh",
            "0.25 kg/kWh",
            "0.2 kg/kWh",
            "0.1 kg/kWh",
            "0.1 kg/kWh",
            "0.05 kg/kWh",
            "0.05 kg/kWh",
        ]
    }
    if assumptions["period"] == "lifetime":
        rows["life"] = [4.0, 3.0, 7.0, 6.0, 2.0]  # whole years
    results = one_by_one(MODEL, rows, UNITS, assumptions=assumptions, parameters=params)
    out = evaluate_batch(
        MODEL, rows, units=UNITS, assumptions=assumptions, parameters=params, by_item=True
    )
    assert_rows(out, results)
    # The rows do replace units and get residual credits, and service falls several
    # times a year for an interval of 0.4 years.
    r1 = results[1]
    if assumptions["period"] != "lifetime":  # a 2.5-year life is renewed in year 3
        assert r1.real[0, 0, 3] > 0
    # Two services in year 1 (at 0.4 and 0.8 years) of 300 + 0.05 * 250 = 312.5 DKK each.
    assert r1.real[0, r1.items.index("service"), 1] > 2 * 312.5 * 0.99


# -- tables, units and yearly cash flows -------------------------------------------------------
LIGHT = {"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"}
TABLE = {
    "price": [1450.0, 1100.0, 1890.0],
    "power": [32.0, 41.0, 27.0],
    "rated_life": [50.0, 35.0, 70.0],
}
TABLE_UNITS = {"price": "DKK", "power": "W", "rated_life": "kh"}


def test_kinds_of_table_give_the_same_numbers() -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    ev = BatchEvaluator("indoor-lighting", LIGHT, units=TABLE_UNITS)
    want = ev.arrays(TABLE)
    frame = ev.evaluate(pd.DataFrame(TABLE, index=["a", "b", "c"]))
    assert isinstance(frame, pd.DataFrame) and list(frame.index) == ["a", "b", "c"]
    polars = ev.evaluate(pl.DataFrame(TABLE))
    assert isinstance(polars, pl.DataFrame)
    arrow = ev.evaluate(pa.table(TABLE))
    assert isinstance(arrow, pa.Table)
    for key, values in want.items():
        np.testing.assert_array_equal(frame[key].to_numpy(), values)
        np.testing.assert_array_equal(polars[key].to_numpy(), values)
        np.testing.assert_array_equal(arrow.column(key).to_numpy(), values)


def test_units_in_column_names_and_other_currencies() -> None:
    assumptions = {**LIGHT, "exchange_rates": {"EUR": "7.5 DKK"}}
    want = BatchEvaluator("indoor-lighting", assumptions, units=TABLE_UNITS).arrays(TABLE)
    # Prices in EUR at 7.5 DKK/EUR (1450 DKK = 193.33 EUR), power in kW, life in hours.
    got = BatchEvaluator(
        "indoor-lighting", assumptions, units={"power": "kW", "rated_life": "h"}
    ).arrays(
        {
            "price [EUR]": [p / 7.5 for p in TABLE["price"]],
            "power": [w / 1000 for w in TABLE["power"]],
            "rated_life": [h * 1000 for h in TABLE["rated_life"]],
        }
    )
    for key, values in want.items():
        np.testing.assert_allclose(got[key], values, rtol=1e-12, err_msg=key)


def test_result_gives_yearly_cash_flows_with_the_same_totals() -> None:
    ev = BatchEvaluator(MODEL, ASSUMPTION_SETS[1], {"factor": "0.2 kg/kWh"}, units=UNITS)
    out = ev.arrays(ROWS, by_item=True)
    r = ev.result(ROWS)
    # 5 rows; 9 items and 4 priced emission streams (co2 and making as co2e, 2 of nox);
    # years 0..6
    assert r.real.shape == (5, 13, 7)
    assert_same(out, r)


def test_a_buyer_parameter_may_vary_per_row() -> None:
    # Two rows with 2000 and 4000 operating hours equal two one-bid tenders.
    hours = [2000.0, 4000.0]
    ev = BatchEvaluator(
        "indoor-lighting", LIGHT, units={**TABLE_UNITS, "operating_hours": "h/year"}
    )
    out = ev.arrays({**{k: v[:2] for k, v in TABLE.items()}, "operating_hours": hours})
    for i, h in enumerate(hours):
        r = tco.load_tender(
            {
                "model": "indoor-lighting",
                "assumptions": LIGHT,
                "parameters": {"operating_hours": f"{h} h/year"},
                "bids": [
                    {
                        "name": "x",
                        "price": f"{TABLE['price'][i]} DKK",
                        "power": f"{TABLE['power'][i]} W",
                        "rated_life": f"{TABLE['rated_life'][i]} kh",
                    }
                ],
            }
        ).evaluate()
        np.testing.assert_allclose(out["total"][i], r.total[0], rtol=RTOL)
        np.testing.assert_allclose(out["co2e_kg"][i], r.emissions["co2e"][0], rtol=RTOL)


# -- mistakes ------------------------------------------------------------------------------------
def test_unknown_column_is_named_with_a_suggestion() -> None:
    with pytest.raises(tco.SpecError) as info:
        evaluate_batch("indoor-lighting", {**TABLE, "pwer": [1.0, 2.0, 3.0]}, units=TABLE_UNITS)
    assert str(info.value).startswith("columns.pwer: no parameter 'pwer' (did you mean 'power'?)")


def test_value_out_of_bounds_names_column_and_row() -> None:
    import pandas as pd

    frame = pd.DataFrame({**TABLE, "power": [32.0, 2500.0, 27.0]}, index=["a", "b", "c"])
    with pytest.raises(tco.SpecError) as info:
        evaluate_batch("indoor-lighting", frame, units=TABLE_UNITS, assumptions=LIGHT)
    # The model says max: 2000 W for power.
    assert str(info.value) == "columns.power.b: got '2500 W', expected at most 2000 W"


def test_missing_column_and_wrong_unit() -> None:
    with pytest.raises(tco.SpecError, match="missing column for 'rated_life'"):
        evaluate_batch("indoor-lighting", {"price": [1.0], "power": [1.0]})
    with pytest.raises(tco.UnitError, match=r"columns.power\[0\]: got '32 kg', expected a power"):
        evaluate_batch("indoor-lighting", TABLE, units={**TABLE_UNITS, "power": "kg"})
    with pytest.raises(tco.SpecError, match="not a finite number"):
        evaluate_batch(
            "indoor-lighting",
            {**TABLE, "price": [1.0, float("nan"), 2.0]},
            units=TABLE_UNITS,
            assumptions=LIGHT,
        )
    # Without a period, the model's lifetime is the period; it must be whole years.
    with pytest.raises(tco.SpecError, match=r"but row 0 lasts 16\.67 years"):
        evaluate_batch("indoor-lighting", TABLE, units=TABLE_UNITS)


def test_result_keeps_the_values_rates_and_indices_of_its_plan() -> None:
    # Regression: BatchEvaluator.result() rebuilt its Plan field by field and
    # lost values, exchange_rates and escalation_indices, so an analysis of
    # the result (which rebuilds the plan from its values) saw no parameters.
    assumptions = {**LIGHT, "exchange_rates": {"EUR": "7.5 DKK"}, "escalation": {}}
    ev = BatchEvaluator("indoor-lighting", assumptions, units=TABLE_UNITS)
    r = ev.result(TABLE)
    bids = [
        {
            "name": str(i),
            "price": f"{TABLE['price'][i]} DKK",
            "power": f"{TABLE['power'][i]} W",
            "rated_life": f"{TABLE['rated_life'][i]} kh",
        }
        for i in range(3)
    ]
    tender = tco.load_tender({"model": "indoor-lighting", "assumptions": assumptions, "bids": bids})
    want = tender.plan
    assert r.plan.exchange_rates == want.exchange_rates == {"EUR": 7.5}
    assert set(r.plan.escalation_indices) == set(want.escalation_indices)
    for name, index in want.escalation_indices.items():
        np.testing.assert_allclose(r.plan.escalation_indices[name], index, rtol=1e-15)
    assert set(r.plan.values) == set(want.values)
    for name, values in want.values.items():
        np.testing.assert_allclose(r.plan.values[name], values, rtol=1e-12, err_msg=name)
    again = rebuild_plan(r.plan, r.plan.values)
    np.testing.assert_allclose(evaluate_plan(again).total, tender.evaluate().total, rtol=1e-12)


def test_a_data_frame_result_has_columns_of_its_own() -> None:
    # The output frame takes the engine's arrays without copying them; the
    # total, which is also one of its variants, must still be a column of
    # its own.
    import pandas as pd

    table = pd.DataFrame(TABLE, index=["a", "b", "c"])
    for rule in ("award", "report"):
        out = evaluate_batch(
            "indoor-lighting",
            table,
            units=TABLE_UNITS,
            assumptions={**LIGHT, "externalities": rule},
        )
        want = out["total"].to_numpy().copy()
        out.loc["a", "total_excl_externalities"] = -1.0
        out.loc["a", "total_incl_externalities"] = -1.0
        np.testing.assert_array_equal(out["total"].to_numpy(), want)


@pytest.mark.parametrize("bounds", [{}, {"min": "0 DKK"}, {"max": "1e9 DKK"}])
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_a_value_that_is_not_finite_is_named_whatever_the_bounds(
    bounds: dict[str, str], bad: float
) -> None:
    model = {
        "id": "m",
        "title": "m",
        "functional_unit": "unit",
        "parameters": {"price": {"unit": "DKK", "bid": True, **bounds}},
        "items": {"purchase": {"category": "acquisition", "once": "price"}},
    }
    with pytest.raises(tco.SpecError) as info:
        evaluate_batch(model, {"price": [1.0, 2.0, bad]}, assumptions={"period": "5 year"})
    message = str(info.value)
    if bad < 0 and "min" in bounds:  # -inf is below the minimum: either message is right
        assert "columns.price[2]" in message
    else:
        assert message.startswith("columns.price[2]: got '") and "not a finite number" in message
    if "max" in bounds:
        return
    # Large finite values whose sum overflows are not mistaken for infinity.
    out = evaluate_batch(
        model, {"price": [1e308, 1e308]}, assumptions={"period": "5 year", "discount_rate": "0 %"}
    )
    np.testing.assert_array_equal(out["total"], [1e308, 1e308])


def test_cached_models_and_evaluators_are_keyed_by_their_whole_content() -> None:
    import copy

    from tco.spec.product import load_model

    model = {
        "id": "m",
        "title": "m",
        "functional_unit": "unit",
        "parameters": {"price": {"unit": "DKK", "bid": True}},
        "items": {"purchase": {"category": "acquisition", "once": "price"}},
    }
    assert load_model(model) is load_model(copy.deepcopy(model))
    dearer = copy.deepcopy(model)
    dearer["items"]["purchase"]["once"] = "2 * price"
    assert load_model(dearer) is not load_model(model)
    a = {"period": "5 year", "discount_rate": "0 %"}
    one = evaluate_batch(model, {"price": [10.0]}, assumptions=a)
    two = evaluate_batch(dearer, {"price": [10.0]}, assumptions=a)
    np.testing.assert_array_equal([one["total"][0], two["total"][0]], [10.0, 20.0])
    # A model mapping that JSON cannot hold exactly (a tuple) is compiled each time.
    odd = {**model, "items": {"purchase": {"category": "acquisition", "once": "price"}}}
    odd["tags"] = ("a",)
    with pytest.raises(tco.SpecError):
        load_model(odd)


def test_a_basis_applies_to_every_row_as_in_a_tender() -> None:
    # bases/dk-fm-2021.yaml: the Ministry of Finance schedule replaces the tender's 4 %;
    # the batch API must give the numbers of the same tender with 'basis: dk-fm-2021'.
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    data["basis"] = "dk-fm-2021"
    del data["assumptions"]["discount_rate"]
    result = tco.load_tender(data).evaluate()
    assert [b.id for b in result.bases][-1] == "dk-fm-2021"
    table = bids_as_columns(data, ["price", "power", "rated_life"])
    units = {"price": "DKK", "power": "W", "rated_life": "h"}
    common = {"units": units, "assumptions": data["assumptions"], "parameters": data["parameters"]}
    batch = evaluate_batch("indoor-lighting", table, basis="dk-fm-2021", **common)
    np.testing.assert_allclose(batch["total"], result.total, rtol=RTOL)
    without = evaluate_batch("indoor-lighting", table, **common)
    assert not np.allclose(without["total"], batch["total"])  # the basis changed the rate
    with pytest.raises(tco.SpecError, match="no-such-basis"):
        BatchEvaluator("indoor-lighting", basis="no-such-basis")
    with pytest.raises(tco.SpecError, match="a basis id or a list of them"):
        BatchEvaluator("indoor-lighting", basis=123)  # type: ignore[arg-type]


@pytest.mark.parametrize("column", [["1.450"], [True], np.array(["1450"])])
def test_a_column_of_text_or_truth_values_is_refused_not_converted(column: Any) -> None:
    # np.asarray(["1.450"], float) is 1.45 and True is 1: a Danish '1.450' would be read as
    # 1.45 DKK without a word.
    table = {"price": column, "power": [32.0], "rated_life": [50000.0]}
    with pytest.raises(tco.SpecError, match=r"columns\.price: cannot read as numbers"):
        evaluate_batch("indoor-lighting", table, assumptions={"period": "15 year"})
