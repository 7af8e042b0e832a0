"""The plan's units: the coherent system whose unit of time is the year.

Plan.values are in it, so a formula gives money per year and a lifetime in
years with no factor; the stream factor is 1 in the tender's currency (the
exchange rate otherwise). Hand values: pint's year is 365.25 days =
31557600 s = 8766 h.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tco
from tco.plan.streams import unit_factor
from tco.spec.expr import compile_expression
from tco.units import base_factor, plan_factor, plan_magnitude, quantity, to_base, to_plan
from tco.units.grammar import lookup
from tco.units.registry import YEAR_S, plan_terms, plan_unit

YEAR = 31557600.0  # s (365.25 days of 86400 s)


def test_the_year_is_pints_year() -> None:
    assert YEAR_S == YEAR


def test_plan_values_are_in_years_and_money_per_year() -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    plan = tender.plan
    # Lumen Nord: rated life 50000 h = 50000 / 8766 years; 3000 h/year of operation.
    assert plan.values["rated_life"][0] == pytest.approx(50000 / 8766, rel=1e-15)
    assert plan.values["operating_hours"][0] == pytest.approx(3000 / 8766, rel=1e-15)
    # The lifetime (rated_life / operating_hours) is 50000 h / 3000 h/year = 16.67 years.
    assert plan.lifetime is not None
    assert plan.lifetime[0] == pytest.approx(50000 / 3000, rel=1e-14)
    assert plan.values["price"][0] == 1450.0  # DKK
    # Every money stream of a DKK model in a DKK tender needs no factor.
    for c in tender.model.items.values():
        assert unit_factor(c.amount, c.spec.timing == "annual", "item", "DKK", {}) == 1.0
    assert [s.factor for s in plan.product.items] == [1.0] * len(tender.model.items)


def test_a_formula_on_plan_values_gives_money_per_year() -> None:
    c = compile_expression(
        "power * hours * price", {"power": "W", "hours": "h/year", "price": "DKK/kWh"}
    )
    values = {
        "power": to_plan(quantity(38.0, "W")),
        "hours": to_plan(quantity(3000.0, "h/year")),
        "price": to_plan(quantity(2.13, "DKK/kWh")),
    }
    # 38 W x 3000 h/year = 114 kWh/year; at 2.13 DKK/kWh that is 242.82 DKK/year.
    assert float(c.evaluate(values)) == pytest.approx(242.82, rel=1e-14)
    life = compile_expression("rated / hours", {"rated": "h", "hours": "h/year"})
    years = life.evaluate({"rated": to_plan(quantity(50000.0, "h")), "hours": values["hours"]})
    assert float(years) == pytest.approx(50000 / 3000, rel=1e-14)


def test_a_formula_in_another_currency_is_converted_at_the_stream() -> None:
    c = compile_expression("fee", {"fee": "EUR/year"})
    assert unit_factor(c, True, "item", "DKK", {"EUR": 7.46}) == 7.46
    kg = compile_expression("mass", {"mass": "t/year"})
    # A mass is in kg in the plan's units (SI but for time): a formula in t/year gives kg/year.
    assert unit_factor(kg, True, "emission", "DKK", {}) == 1.0


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("6 month", "year", 0.5),  # 6 x 30.4375 days
        ("15 year", "year", 15.0),
        ("2.5 DKK/year", "DKK/year", 2.5),
        ("10 DKK/week", "DKK/year", 10 * 365.25 / 7),
        ("4 %", "%", 0.04),
        ("3000 h/year", "h/year", 3000 / 8766),
        ("32 W", "W", 32 * YEAR**3),
    ],
)
def test_values_in_the_plans_units(text: str, unit: str, value: float) -> None:
    assert to_plan(tco.units.parse_quantity(text, unit)) == pytest.approx(value, rel=1e-14)
    fast = plan_magnitude(text, unit)
    assert fast == to_plan(tco.units.parse_quantity(text, unit))  # the same on both paths


#: Unit names tco's models, tenders, bases and docs write (all without an offset).
WRITTEN = (
    *("W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh", "J", "kJ", "MJ", "GJ", "TJ"),
    *("g", "kg", "t", "kt", "Mt", "m", "km", "cm", "mm", "l", "L", "cl", "dl", "ml", "s", "ms"),
    *("h", "hour", "min", "minute", "day", "week", "month", "year", "a", "yr", "ton", "tonne"),
    *("metric_ton", "short_ton", "percent", "permille", "ppm", "K", "A", "V", "Ah", "kVA", "VA"),
    *("lm", "lx", "ha", "are", "bar", "Pa", "DKK", "EUR", "SEK", "NOK", "USD", "GBP"),
    *("CO2e", "tCO2e", "kgCO2e", "pkm", "page", "sheet", "år", "timer", "furlong"),
)
names = st.sampled_from(
    [n for n in WRITTEN if lookup(n) is not None and not plan_terms(lookup(n))[1]]
)
powers = st.sampled_from([-3, -2, -1, 1, 2])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(names, powers), min_size=1, max_size=4),
    st.floats(-1e6, 1e6).filter(lambda v: v == 0 or abs(v) > 1e-6),  # no underflow
)
def test_plan_units_are_si_with_the_year_for_time(pairs: list, x: float) -> None:
    u = quantity(1.0).units
    for name, power in pairs:
        found = lookup(name)
        assert found is not None
        u = u * found**power
    t = u.dimensionality["[time]"]
    assume(abs(t) <= 9 and 1e-150 < abs(base_factor(u)) < 1e150)  # units a plan can hold
    q = quantity(x, u)
    assert to_plan(q) == pytest.approx(to_base(q) / YEAR**t, rel=1e-12)
    assert plan_factor(u) == pytest.approx(base_factor(u) / YEAR**t, rel=1e-12)
    # A value in the plan's units is a number of the plan's unit of its dimension.
    assert quantity(to_plan(q), plan_unit(u.dimensionality)).to(u).magnitude == pytest.approx(
        x, rel=1e-9, abs=1e-300
    )


def test_totals_do_not_depend_on_how_a_time_is_written(tmp_path: Path) -> None:
    path = tco.example_path("indoor-lighting")
    text = path.read_text(encoding="utf-8")
    assert "rated_life: 50000 h}" in text
    written = tmp_path / "years.yaml"
    # 50000 h = 50000 / 8766 years = 5.703855806525211 years
    written.write_text(text.replace("rated_life: 50000 h}", "rated_life: 5.703855806525211 year}"))
    same = tco.load_tender(written).evaluate()
    np.testing.assert_allclose(same.total, tco.load_tender(path).evaluate().total, rtol=1e-12)
