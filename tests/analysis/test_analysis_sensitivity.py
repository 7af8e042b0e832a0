"""Tornado data and scenarios, checked against the tender evaluated again."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from tco.analysis.oneway import scenarios, sensitivity
from tco.errors import SpecError
from tco.views.error_text import error_text

EXAMPLE = tco.load_tender(tco.example_path("indoor-lighting"))
UNCERTAIN = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))


def rewritten(parameters=None, assumptions=None, bids=None) -> np.ndarray:
    data = EXAMPLE.spec.model_dump(exclude_none=True)
    data["parameters"].update(parameters or {})
    data["assumptions"].update({"number_format": "en", **(assumptions or {})})
    for b in data["bids"]:
        b.update((bids or {}).get(b["name"], {}))
    return tco.load_tender(data).evaluate().total


def test_percent_variation_of_a_buyer_parameter() -> None:
    t = sensitivity(EXAMPLE, {"electricity_price": 10})
    (bar,) = t.bars
    # 2.13 DKK/kWh -10 % = 1.917, +10 % = 2.343
    np.testing.assert_allclose(bar.low, 1.917)
    np.testing.assert_allclose(bar.high, 2.343)
    np.testing.assert_allclose(bar.total_low, rewritten({"electricity_price": "1.917 DKK/kWh"}))
    np.testing.assert_allclose(bar.total_high, rewritten({"electricity_price": "2.343 DKK/kWh"}))
    np.testing.assert_allclose(t.base, EXAMPLE.evaluate().total)


def test_percent_variation_of_a_bid_parameter_moves_each_bid() -> None:
    t = sensitivity(EXAMPLE, {"price": "20 %"})
    (bar,) = t.bars
    # Each bid's own price -20 % / +20 %: 1450 -> 1160 / 1740, 1100 -> 880 / 1320, ...
    np.testing.assert_allclose(bar.low, [1160.0, 880.0, 1512.0])
    want = rewritten(
        bids={
            "Lumen Nord": {"price": "1160 DKK"},
            "Budget Light": {"price": "880 DKK"},
            "Premium LED": {"price": "1512 DKK"},
        }
    )
    np.testing.assert_allclose(bar.total_low, want)


def test_low_high_values_and_assumptions() -> None:
    t = sensitivity(EXAMPLE, {"discount_rate": ("2 %", "6 %"), "co2_price": (0, "3000 DKK/t")})
    rate, co2 = t.bars
    np.testing.assert_allclose(rate.low, 2.0) and np.testing.assert_allclose(rate.high, 6.0)
    np.testing.assert_allclose(rate.total_low, rewritten(assumptions={"discount_rate": "2 %"}))
    np.testing.assert_allclose(rate.total_high, rewritten(assumptions={"discount_rate": "6 %"}))
    np.testing.assert_allclose(co2.total_low, EXAMPLE.evaluate().total_excl_externalities)
    np.testing.assert_allclose(co2.total_high, rewritten(assumptions={"co2_price": "3000 DKK/t"}))


def test_rows_sorted_by_swing_and_difference() -> None:
    t = sensitivity(EXAMPLE)
    rows = t.for_bid("Premium LED")
    swings = [r["swing"] for r in rows]
    assert swings == sorted(swings, reverse=True)
    # Every input of the example but the quantity is varied by default (all are non-zero).
    assert {r["input"] for r in rows} == {
        "price",
        "power",
        "rated_life",
        "installation",
        "operating_hours",
        "electricity_price",
        "grid_factor",
        "discount_rate",
        "escalation.electricity",
        "co2_price",
    }
    diff = {r["input"]: r for r in t.difference("Premium LED", "Lumen Nord")}
    bar = next(x for x in t.bars if x.input == "electricity_price")
    assert diff["electricity_price"]["difference_low"] == pytest.approx(
        bar.total_low[2] - bar.total_low[0]
    )
    assert diff["electricity_price"]["base"] == pytest.approx(t.base[2] - t.base[0])
    assert not diff["electricity_price"]["switches"]
    # A wide electricity range changes the order (the switching value is 0.40 DKK/kWh).
    wide = sensitivity(EXAMPLE, {"electricity_price": ("0.1 DKK/kWh", "3 DKK/kWh")})
    assert wide.difference("Premium LED", "Lumen Nord")[0]["switches"]
    assert set(t.to_dict()["bids"]) == set(EXAMPLE.bids)


def test_scenarios_side_by_side() -> None:
    s = scenarios(UNCERTAIN)
    assert s.names == ("base", "cheap power", "dear power", "evenings only")
    np.testing.assert_allclose(s.totals[0], UNCERTAIN.evaluate().total)
    np.testing.assert_allclose(
        s.totals[1],
        rewritten({"electricity_price": "1.2 DKK/kWh"}, {"escalation": {"electricity": "0 %"}}),
    )
    np.testing.assert_allclose(s.totals[3], rewritten({"operating_hours": "1000 h/year"}))
    assert [r["cheapest"] for r in s.rows()] == [
        UNCERTAIN.bids[int(np.argmin(x))] for x in s.totals
    ]
    assert s.ranks.shape == (4, 3)


def test_errors_name_the_field() -> None:
    with pytest.raises(SpecError, match=r"scenarios\.bad\.electricity_price: got '3 kg'"):
        scenarios(EXAMPLE, {"bad": {"electricity_price": "3 kg"}})
    with pytest.raises(SpecError, match="expected a percentage or a pair"):
        sensitivity(EXAMPLE, {"electricity_price": (1, 2, 3)})


def test_plain_numbers_are_in_the_shown_unit() -> None:
    # 2 and 6 for a rate are percentages, as the tornado shows them.
    a = sensitivity(EXAMPLE, {"discount_rate": (2, 6)}).bars[0]
    b = sensitivity(EXAMPLE, {"discount_rate": ("2 %", "6 %")}).bars[0]
    np.testing.assert_array_equal(a.total_low, b.total_low)
    np.testing.assert_array_equal(a.total_high, b.total_high)
    np.testing.assert_allclose(a.low, 2.0)


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_every_bundled_example(name: str) -> None:
    # The default tornado of every bundled example (other product models, currencies,
    # escalation paths, 'period: lifetime'): base totals as the engine's, finite totals at
    # both ends of every input.
    t = tco.load_tender(tco.example_path(name))
    tornado = sensitivity(t)
    np.testing.assert_allclose(tornado.base, t.evaluate().total, rtol=1e-10)
    assert tornado.bars
    for bar in tornado.bars:
        assert np.all(np.isfinite(bar.total_low)) and np.all(np.isfinite(bar.total_high))


def test_scenarios_with_or_without_the_priced_externalities() -> None:
    # The lighting example prices its CO2e: the base scenario's totals are the tender's total
    # including externalities by default (and with True), the total without them with False.
    r = EXAMPLE.evaluate()
    assert np.any(r.total_incl_externalities != r.total_excl_externalities)
    np.testing.assert_allclose(scenarios(EXAMPLE, {}).totals[0], r.total_incl_externalities)
    without = scenarios(EXAMPLE, {}, externalities=False)
    np.testing.assert_allclose(without.totals[0], r.total_excl_externalities, rtol=1e-12)


def test_varying_the_lifetime_that_is_the_period_is_refused_in_danish_too() -> None:
    # Without a study period the lifetime (rated_life / operating_hours) is the period:
    # varying rated_life would move the period itself.
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"currency": "DKK"},
            "parameters": {"operating_hours": "2500 h/year"},
            "bids": [
                {"name": "A", "price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"},
                {"name": "B", "price": "1100 DKK", "power": "41 W", "rated_life": "35000 h"},
            ],
        }
    )
    with pytest.raises(tco.TCOError) as caught:
        sensitivity(t, {"rated_life": ("40000 h", "60000 h")})
    assert str(caught.value).startswith("'rated_life' changes the lifetime")
    # Danish from the catalogue (tco.po, msgctxt "vary_lifetime_period").
    assert error_text(caught.value, "da").startswith(
        "'rated_life' ændrer levetiden, som er dette udbuds analyseperiode"
    )
