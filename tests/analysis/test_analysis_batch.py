"""Totals of many variants at once agree with the year-by-year engine."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from tco.analysis.inputs import Change, input_names, resolve_input
from tco.analysis.variants import evaluate_variants, variant_plan
from tco.errors import SpecError, TCOError
from tco.evaluate import evaluate_plan

# Every timing of the spec language, with a lifetime (purchases recur, residual value).
MODEL = {
    "id": "timings",
    "title": "Every timing",
    "functional_unit": "unit",
    "lifetime": "life",
    "escalation": {"energy": "2 %"},
    "parameters": {
        "price": {"unit": "EUR", "bid": True},
        "life": {"unit": "year", "bid": True},
        "power": {"unit": "kW", "bid": True},
        "energy_price": {"unit": "EUR/kWh", "default": "0.2 EUR/kWh"},
        "hours": {"unit": "h/year", "default": "2000 h/year"},
        "interval": {"unit": "year", "default": "3 year"},
        "service": {"unit": "EUR", "default": "120 EUR"},
        "overhaul_at": {"unit": "year", "default": "7.5 year"},
        "fee": {"unit": "EUR", "default": "80 EUR"},
        "factor": {"unit": "kg/kWh", "default": "0.3 kg/kWh", "by_year": True},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "energy": {
            "category": "use",
            "annual": "power * hours * energy_price",
            "escalation": "energy",
            "start": "2 year",
            "stop": "11 year",
        },
        "service": {"category": "maintenance", "every": "interval", "amount": "service"},
        "overhaul": {"category": "maintenance", "at": "overhaul_at", "amount": "3 * service"},
        "disposal": {"category": "end_of_life", "end_of_life": "fee"},
        "contract": {"category": "maintenance", "annual": "50 EUR/year", "per_unit": False},
    },
    "emissions": {"co2": {"annual": "power * hours * factor"}},
}


def make(rate: str = "5 %", discounting: str = "end", price_year: int = 0, **params: str):
    return tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {
                "currency": "EUR",
                "discount_rate": rate,
                "period": "12 year",
                "quantity": 3,
                "co2_price": "100 EUR/t",
                "discounting": discounting,
                "price_year": price_year,
            },
            "parameters": params,
            "bids": [
                {"name": "A", "price": "1000 EUR", "life": "5 year", "power": "0.5 kW"},
                {"name": "B", "price": "1500 EUR", "life": "8 year", "power": "0.3 kW"},
                {"name": "C", "price": "600 EUR", "life": "2.5 year", "power": "0.7 kW"},
            ],
        }
    )


@pytest.mark.parametrize(("discounting", "price_year"), [("end", 0), ("mid", 1), ("begin", 0)])
def test_unchanged_totals_equal_the_engine(discounting: str, price_year: int) -> None:
    t = make(discounting=discounting, price_year=price_year)
    np.testing.assert_allclose(evaluate_variants(t.plan)[0], t.evaluate().total, rtol=1e-12)
    np.testing.assert_allclose(
        evaluate_variants(t.plan, externalities=False)[0],
        t.evaluate().total_excl_externalities,
        rtol=1e-12,
    )


@pytest.mark.parametrize("series", [False, True])
def test_random_parameter_variants_equal_the_engine(series: bool) -> None:
    # The engine builds year-by-year count matrices; the batch sums factors over
    # occurrences. Both must give the same totals for any values. With a year-by-year
    # parameter every amount is a (rows, years) array.
    t = make(factor=[f"{0.3 - 0.02 * k} kg/kWh" for k in range(12)]) if series else make()
    rng = np.random.default_rng(7)
    n = 200
    names = ["life", "interval", "overhaul_at", "hours", "price", "power", "service", "fee"]
    changes = []
    for name in names:
        inp = resolve_input(t.plan, name)
        shape = (n, 3) if inp.per_bid else (n,)
        changes.append(Change(inp, rng.uniform(-0.6, 0.8, shape), relative=True))
    # Whole-year intervals and lives, where booking tolerances matter most.
    changes[0] = Change(resolve_input(t.plan, "life"), rng.integers(1, 13, (n, 3)) * 31557600.0)
    fast = evaluate_variants(t.plan, changes, n)
    full = evaluate_plan(variant_plan(t.plan, changes, n)).total.reshape(n, 3)
    np.testing.assert_allclose(fast, full, rtol=1e-11)


@pytest.mark.parametrize(
    ("name", "raw", "tender_key"),
    [
        ("discount_rate", "2.5 %", ("assumptions", "discount_rate")),
        ("quantity", 7, ("assumptions", "quantity")),
        ("escalation.energy", "4 %", ("assumptions", "escalation")),
        ("co2_price", "250 EUR/t", ("assumptions", "co2_price")),
    ],
)
def test_assumption_changes_equal_a_changed_tender(name, raw, tender_key) -> None:
    for price_year in (0, 1):
        t = make(price_year=price_year)
        inp = resolve_input(t.plan, name)
        got = evaluate_variants(t.plan, [Change(inp, np.array([inp.parse(raw)]))], 1)[0]
        data = {
            "model": MODEL,
            "assumptions": {
                "currency": "EUR",
                "discount_rate": "5 %",
                "period": "12 year",
                "quantity": 3,
                "co2_price": "100 EUR/t",
                "price_year": price_year,
            },
            "bids": [dict(b.model_dump(exclude_none=True)) for b in t.spec.bids],
        }
        key = tender_key[1]
        data["assumptions"][key] = {"energy": raw} if key == "escalation" else raw
        want = tco.load_tender(data).evaluate().total
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_many_occurrences_use_count_matrices() -> None:
    # A service every 0.1 year: 120 events, above the loop limit of 64.
    t = make(interval="0.1 year")
    np.testing.assert_allclose(evaluate_variants(t.plan)[0], t.evaluate().total, rtol=1e-12)


def test_inputs_and_errors() -> None:
    t = make()
    assert "escalation.energy" in input_names(t.plan)
    with pytest.raises(
        SpecError, match=r"unknown input 'lif' \(did you mean 'life'\?\); inputs are price, life"
    ):
        resolve_input(t.plan, "lif")
    inp = resolve_input(t.plan, "energy_price")
    with pytest.raises(SpecError, match="expected a value in EUR/kWh"):
        inp.parse("3 kg")
    # A plain number is read in the declared unit, into the plan's units (the year for time):
    # 0.25 EUR/kWh = 0.25 / 3.6e6 EUR/J, and 1 J = 1 kg m^2/s^2 = 31557600^2 kg m^2/year^2.
    assert inp.parse(0.25) == pytest.approx(0.25 / (3.6e6 * 31557600.0**2))
    rate = resolve_input(t.plan, "discount_rate")
    with pytest.raises(TCOError, match="changed twice"):
        evaluate_variants(t.plan, [Change(rate, np.array([0.03])), Change(rate, np.array([0.04]))])
    with pytest.raises(TCOError, match="same for every bid"):
        evaluate_variants(t.plan, [Change(rate, np.array([[0.03, 0.04, 0.05]]))])


def test_lifetime_period_cannot_follow_a_changed_lifetime() -> None:
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "lifetime"},
            "bids": [{"name": "A", "price": "100 DKK", "power": "10 W", "rated_life": "30000 h"}],
        }
    )
    price = resolve_input(t.plan, "price")
    got = evaluate_variants(t.plan, [Change(price, np.array([0.0, 0.5]), relative=True)], 2)
    assert got[0, 0] == pytest.approx(t.evaluate().total[0])
    life = resolve_input(t.plan, "rated_life")
    with pytest.raises(TCOError, match="changes the lifetime, which is this tender's study"):
        evaluate_variants(t.plan, [Change(life, np.array([0.1]), relative=True)], 1)


def test_year_by_year_parameter_stays_a_series() -> None:
    # A grid factor given per year (a series) next to varied per-bid values.
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "4 year", "co2_price": "1500 DKK/t"},
            "parameters": {
                "grid_factor": ["0.2 kg/kWh", "0.15 kg/kWh", "0.1 kg/kWh", "0.05 kg/kWh"]
            },
            "bids": [
                {"name": "A", "price": "100 DKK", "power": "10 W", "rated_life": "30000 h"},
                {"name": "B", "price": "80 DKK", "power": "20 W", "rated_life": "30000 h"},
            ],
        }
    )
    np.testing.assert_allclose(evaluate_variants(t.plan)[0], t.evaluate().total, rtol=1e-12)
    power = resolve_input(t.plan, "power")
    changes = [Change(power, np.array([[0.0, 0.0], [0.5, -0.5]]), relative=True)]
    fast = evaluate_variants(t.plan, changes, 2)
    full = evaluate_plan(variant_plan(t.plan, changes, 2)).total.reshape(2, 2)
    np.testing.assert_allclose(fast, full, rtol=1e-12)
    with pytest.raises(TCOError, match="'grid_factor' is given year by year"):
        resolve_input(t.plan, "grid_factor")
    assert "grid_factor" not in input_names(t.plan)
    # The default sensitivity varies every other input.
    from tco.analysis import sensitivity

    assert "power" in {b.input for b in sensitivity(t).bars}


def test_nominal_rates_are_varied_as_nominal() -> None:
    # A tender with nominal rates and 2 % inflation: the inputs are the nominal rates, and
    # setting them gives the totals of the tender written with those nominal rates.
    def nominal(rate: str, escalation: str) -> tco.Tender:
        return tco.load_tender(
            {
                "model": MODEL,
                "assumptions": {
                    "currency": "EUR",
                    "period": "12 year",
                    "rate_type": "nominal",
                    "inflation": "2 %",
                    "discount_rate": rate,
                    "escalation": {"energy": escalation},
                },
                "bids": [{"name": "A", "price": "1000 EUR", "life": "5 year", "power": "0.5 kW"}],
            }
        )

    t = nominal("6 %", "3 %")
    rate = resolve_input(t.plan, "discount_rate")
    esc = resolve_input(t.plan, "escalation.energy")
    assert rate.current[0] == pytest.approx(0.06) and esc.current[0] == pytest.approx(0.03)
    assert rate.label == "Discount rate (nominal)"
    got = evaluate_variants(
        t.plan, [Change(rate, np.array([rate.parse("8 %")])), Change(esc, np.array([0.05]))]
    )[0]
    np.testing.assert_allclose(got, nominal("8 %", "5 %").evaluate().total, rtol=1e-12)
