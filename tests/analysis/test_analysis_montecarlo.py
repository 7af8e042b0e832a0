"""Monte Carlo: convergence, reproducibility, outputs, the uncertainty section and speed."""

from __future__ import annotations

import time

import numpy as np
import pytest

import tco
from tco.analysis import Distribution, monte_carlo
from tco.analysis.montecarlo import DifferenceSummary
from tco.analysis.uncertainty import parse_uncertainty
from tco.errors import SpecError
from tco.views.error_text import error_text

EXAMPLE = tco.load_tender(tco.example_path("indoor-lighting"))
UNCERTAIN = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))


def with_value(name: str, value: str) -> np.ndarray:
    """Totals of the example with one buyer parameter changed, by the engine."""
    data = {
        "model": "indoor-lighting",
        "assumptions": {
            "currency": "DKK",
            "discount_rate": "4 %",
            "period": "15 year",
            "quantity": 200,
            "escalation": {"electricity": "1.67 %/year"},
            "co2_price": "1500 DKK/t",
        },
        "parameters": {
            "operating_hours": "3000 h/year",
            "electricity_price": "2.13 DKK/kWh",
            name: value,
        },
        "bids": [b.model_dump(exclude_none=True) for b in EXAMPLE.spec.bids],
    }
    return tco.load_tender(data).evaluate().total


@pytest.mark.parametrize(
    ("dist", "mean"),
    [
        # normal(mean 2.13, sd 0.4): E = 2.13
        ({"dist": "normal", "mean": "2.13 DKK/kWh", "sd": "0.4 DKK/kWh"}, "2.13 DKK/kWh"),
        # triangular(1.5, 2.0, 3.1): E = (1.5 + 2.0 + 3.1) / 3 = 2.2
        (
            {
                "dist": "triangular",
                "low": "1.5 DKK/kWh",
                "mode": "2.0 DKK/kWh",
                "high": "3.1 DKK/kWh",
            },
            "2.2 DKK/kWh",
        ),
        # PERT(1, 2, 4), shape 4: E = (1 + 4 * 2 + 4) / 6 = 13 / 6
        (
            {"dist": "pert", "low": "1 DKK/kWh", "mode": "2 DKK/kWh", "high": "4 DKK/kWh"},
            f"{13 / 6!r} DKK/kWh",
        ),
        # lognormal with mean 2.13 and sd 0.5 of the value itself: E = 2.13
        ({"dist": "lognormal", "mean": "2.13 DKK/kWh", "sd": "0.5 DKK/kWh"}, "2.13 DKK/kWh"),
        # discrete 1.8 / 2.4 with weights 1 / 3: E = (1.8 + 3 * 2.4) / 4 = 2.25
        (
            {"dist": "discrete", "values": ["1.8 DKK/kWh", "2.4 DKK/kWh"], "weights": [1, 3]},
            "2.25 DKK/kWh",
        ),
        # uniform(2, 2.5): E = 2.25
        ({"dist": "uniform", "low": "2 DKK/kWh", "high": "2.5 DKK/kWh"}, "2.25 DKK/kWh"),
    ],
)
def test_linear_model_converges_to_the_total_at_the_mean(dist, mean) -> None:
    # Every total is linear in the electricity price, so E[total] = total(E[price]);
    # the sample mean must lie within 4 standard errors of it.
    mc = monte_carlo(EXAMPLE, {"parameters": {"electricity_price": dist}}, samples=20_000, seed=1)
    expected = with_value("electricity_price", mean)
    assert np.all(np.abs(mc.mean - expected) < 4 * mc.standard_error)
    assert np.all(mc.standard_error > 0)


def test_relative_per_bid_input_converges() -> None:
    # Power uniform on -10 % .. +20 % of each bid's own value, drawn per bid: E = +5 %.
    # The electricity and CO2e streams are linear in the power; the purchase is not.
    u = {
        "parameters": {
            "power": {
                "dist": "uniform",
                "low": "-10 %",
                "high": "20 %",
                "relative": True,
                "per_bid": True,
            }
        }
    }
    mc = monte_carlo(EXAMPLE, u, samples=20_000, seed=3)
    bids = [b.model_dump(exclude_none=True) for b in EXAMPLE.spec.bids]
    for b in bids:
        b["power"] = f"{float(b['power'].split()[0]) * 1.05!r} W"
    data = EXAMPLE.spec.model_dump(exclude_none=True)
    data["bids"] = bids
    expected = tco.load_tender(data).evaluate().total
    assert np.all(np.abs(mc.mean - expected) < 4 * mc.standard_error)
    # Drawn per bid: the bids' totals are not perfectly correlated.
    assert np.corrcoef(mc.totals.T)[0, 1] < 0.99


def test_same_seed_same_result_other_seed_other_result() -> None:
    a = monte_carlo(UNCERTAIN, samples=3000, seed=11)
    b = monte_carlo(UNCERTAIN, samples=3000, seed=11)
    c = monte_carlo(UNCERTAIN, samples=3000, seed=12)
    np.testing.assert_array_equal(a.totals, b.totals)
    assert not np.array_equal(a.totals, c.totals)
    # The tender's own seed and sample count are the defaults.
    d = monte_carlo(UNCERTAIN)
    assert d.seed == 2026 and d.samples == 20_000


def test_outputs() -> None:
    mc = monte_carlo(UNCERTAIN, samples=5000)
    B = len(mc.bids)
    assert mc.probability_cheapest.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(mc.rank_probabilities.sum(axis=0), 1.0)
    np.testing.assert_allclose(mc.rank_probabilities.sum(axis=1), 1.0)
    # P(rank 1) is P(cheapest) when there are no ties.
    np.testing.assert_allclose(mc.rank_probabilities[:, 0], mc.probability_cheapest)
    p = mc.percentiles([5, 50, 95])
    assert p.shape == (3, B) and np.all(p[0] <= p[1]) and np.all(p[1] <= p[2])
    d = mc.difference("Premium LED", "Lumen Nord")
    np.testing.assert_array_equal(d, mc.totals[:, 2] - mc.totals[:, 0])
    s = mc.difference_summary("Premium LED", "Lumen Nord")
    assert s.probability_a_cheaper == pytest.approx(np.mean(d < 0))
    assert s.mean == pytest.approx(d.mean())
    data = mc.to_dict()
    assert [r["bid"] for r in data["bids"]] == list(mc.bids)
    assert data["samples"] == 5000


def test_correlation_between_inputs() -> None:
    u = parse_uncertainty(UNCERTAIN.plan, UNCERTAIN.spec.uncertainty)
    changes = u.draw(np.random.default_rng(5), 20_000)
    x = {c.input.name: c.values for c in changes}
    # Rank correlation of a Gaussian copula with rho = 0.5: (6 / pi) asin(0.25) = 0.4826.
    rx = np.argsort(np.argsort(x["electricity_price"]))
    ry = np.argsort(np.argsort(x["escalation.electricity"]))
    assert np.corrcoef(rx, ry)[0, 1] == pytest.approx(6 / np.pi * np.arcsin(0.25), abs=0.02)
    # Uncorrelated inputs stay so.
    rz = np.argsort(np.argsort(x["operating_hours"]))
    assert abs(np.corrcoef(rx, rz)[0, 1]) < 0.03


def test_distribution_objects_from_python() -> None:
    # A Distribution in the plan's units: operating hours are a plain number (3000 h/year).
    per_year = 3000 * 3600 / 31557600
    u = {
        "parameters": {
            "operating_hours": Distribution("uniform", low=0.9 * per_year, high=1.1 * per_year)
        }
    }
    mc = monte_carlo(EXAMPLE, u, samples=1000, seed=1)
    assert mc.inputs == ("operating_hours",)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {
                "parameters": {
                    "electricity_price": {
                        "dist": "uniform",
                        "low": "3 DKK/kWh",
                        "high": "2 DKK/kWh",
                    }
                }
            },
            "uncertainty.parameters.electricity_price: uniform distribution: 'low' must be below",
        ),
        (
            {
                "parameters": {
                    "electricity_price": {
                        "dist": "triangular",
                        "low": "1 DKK/kWh",
                        "high": "2 DKK/kWh",
                    }
                }
            },
            "uncertainty.parameters.electricity_price.mode: a triangular distribution needs",
        ),
        (
            {"parameters": {"electric_price": {"dist": "normal", "mean": 1, "sd": 1}}},
            "uncertainty.parameters.electric_price: unknown input 'electric_price'",
        ),
        (
            {"parameters": {"electricity_price": {"dist": "normal", "mean": "2 kg", "sd": 1}}},
            "got '2 kg' for 'electricity_price', expected a value in DKK/kWh",
        ),
        (
            {"parameters": {"operating_hours": {"dist": "gamma", "mean": 1}}},
            "uncertainty.parameters.operating_hours.dist",
        ),
        (
            {
                "parameters": {
                    "operating_hours": {"dist": "normal", "mean": 1, "sd": 1, "per_bid": True}
                }
            },
            "needs a bid parameter",
        ),
        (
            {
                "parameters": {"operating_hours": {"dist": "normal", "mean": 1, "sd": 1}},
                "correlation": [["operating_hours", "electricity_price", 0.3]],
            },
            "uncertainty.correlation[0]: 'electricity_price' is not among the uncertain inputs",
        ),
    ],
)
def test_section_errors_name_the_field(section, message) -> None:
    with pytest.raises(SpecError) as err:
        monte_carlo(EXAMPLE, section, samples=10)
    assert message in str(err.value)


def test_tender_without_section() -> None:
    with pytest.raises(SpecError, match="no 'uncertainty' section"):
        monte_carlo(EXAMPLE)


def test_inconsistent_correlations() -> None:
    u = {
        "parameters": {
            "electricity_price": {"dist": "uniform", "low": 1, "high": 2},
            "operating_hours": {"dist": "uniform", "low": 2000, "high": 3000},
            "installation": {"dist": "uniform", "low": 100, "high": 300},
        },
        "correlation": [
            ["electricity_price", "operating_hours", 0.9],
            ["electricity_price", "installation", 0.9],
            ["operating_hours", "installation", -0.9],
        ],
    }
    with pytest.raises(SpecError, match="not positive definite"):
        monte_carlo(EXAMPLE, u, samples=10, seed=1)


def test_ten_bids_hundred_thousand_samples_twenty_years() -> None:
    # The target scale: 10 bids x 100 000 samples x 20 years, 5 uncertain inputs (one per
    # bid, one changing every lifetime). Measured 0.4-0.5 s by benchmarks/bench_montecarlo.py
    # and up to 2 s in this test on a shared 2-core machine under load; the bound leaves
    # room for a slow CI machine.
    bids = [
        {
            "name": f"Bid {i}",
            "price": f"{1000 + 60 * i} DKK",
            "power": f"{24 + 2 * i} W",
            "rated_life": f"{40000 + 4000 * i} h",
        }
        for i in range(10)
    ]
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "20 year", "quantity": 200, "co2_price": "1500 DKK/t"},
            "bids": bids,
        }
    )
    u = {key: UNCERTAIN.spec.uncertainty[key] for key in ("parameters", "correlation")}
    start = time.perf_counter()
    mc = monte_carlo(t, u, samples=100_000, seed=1)
    seconds = time.perf_counter() - start
    assert mc.totals.shape == (100_000, 10)
    assert np.all(np.isfinite(mc.totals))
    assert seconds < 10.0, f"{seconds:.2f} s"


def test_chunks_give_the_same_totals(monkeypatch: pytest.MonkeyPatch) -> None:
    # 1000 samples x 3 bids in chunks of 100 samples (300 rows) and in one go.
    import tco.analysis.montecarlo as mod

    whole = monte_carlo(UNCERTAIN, samples=1000, seed=9)
    monkeypatch.setattr(mod, "MAX_ROWS", 300)
    chunked = monte_carlo(UNCERTAIN, samples=1000, seed=9)
    np.testing.assert_array_equal(chunked.totals, whole.totals)


def test_a_difference_summary_as_json_names_both_bids() -> None:
    d = DifferenceSummary("A", "B", -10.0, 2.0, {5.0: -13.0, 95.0: -7.0}, 0.99)
    assert d.to_dict() == {
        "a": "A",
        "b": "B",
        "mean": -10.0,
        "sd": 2.0,
        "percentiles": {"5.0": -13.0, "95.0": -7.0},
        "probability_a_cheaper": 0.99,
    }


def test_the_deterministic_totals_follow_the_externalities_asked_for() -> None:
    # The uncertain lighting example prices its CO2e; without externalities the deterministic
    # column is the tender's total without them.
    r = UNCERTAIN.evaluate()
    assert np.any(r.total_incl_externalities != r.total_excl_externalities)
    m = monte_carlo(UNCERTAIN, samples=50, seed=1, externalities=False)
    np.testing.assert_allclose(m.deterministic, r.total_excl_externalities, rtol=1e-12)


def test_a_negative_seed_is_refused() -> None:
    with pytest.raises(SpecError) as caught:
        monte_carlo(UNCERTAIN, samples=50, seed=-1)
    assert caught.value.expected == "a seed of 0 or more"
    assert error_text(caught.value, "da").endswith(
        "fik frøet -1, forventede et helt tal på 0 eller mere"
    )
