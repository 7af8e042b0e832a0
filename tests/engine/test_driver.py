"""The one driver: a stream's weights, residual credit and quantity, defined once in the engine.

A tender's totals, the variants of every analysis and the rows of a table call the same
function (:func:`tco.engine.pv.stream_present_value`); the stream carries what it needs
(escalation group, timing, residual rule) as keyword-only fields; ``present_value`` names
only the metric.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

import tco
import tco.analysis.variants
import tco.batch.sums
import tco.evaluate
from tco._deprecation import deprecated
from tco.analysis.variants import evaluate_variants
from tco.batch import BatchEvaluator
from tco.engine import pv
from tco.engine.conventions import award_total
from tco.engine.discounting import Discount, discount_factors
from tco.engine.rows import Residual, residual_rule
from tco.plan import PlanStream


def _lighting() -> tco.Tender:
    return tco.load_tender(tco.example_path("indoor-lighting"))


# -- present_value is the metric; the kernel has its own name ------------------------------


def test_the_kernels_old_name_warns_and_names_the_new_one() -> None:
    with pytest.warns(FutureWarning, match=r"tco\.engine\.pv\.weighted_amounts"):
        old = pv.present_value
    assert old is pv.weighted_amounts
    assert "present_value" not in pv.__all__
    # tco.present_value is the metric, numpy-financial's npv(0.08, [-40000, 5000, 8000,
    # 12000, 30000]) = 3065.22267 with the first amount at year 0:
    got = tco.present_value([-40000, 5000, 8000, 12000, 30000], range(5), 0.08)
    assert float(got) == pytest.approx(3065.22267, abs=1e-5)


def test_deprecated_warns_at_the_callers_line() -> None:
    def old_api() -> None:
        deprecated("old_api", "new_api", "0.2")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old_api()  # the warning points here, not into old_api
    (w,) = caught
    assert w.category is FutureWarning
    assert (
        str(w.message)
        == "old_api is deprecated since tco 0.2 and will be removed; use new_api instead"
    )
    assert w.filename == __file__


# -- the stream carries its escalation group, timing and residual rule ------------------------


def test_plan_stream_fields_after_the_amount_are_keyword_only() -> None:
    one = np.ones(2)
    with pytest.raises(TypeError):
        PlanStream("x", "use", "once", one, one)  # type: ignore[misc]
    s = PlanStream("x", "use", "once", one, escalation=one)
    assert (s.escalation_group, s.residual_rule, s.discounting) == (None, None, None)


def test_a_compiled_stream_carries_its_group_and_residual_rule() -> None:
    plan = _lighting().plan
    streams = {s.name: s for s in (*plan.items, *plan.emissions)}
    # The bundled model: the purchase (acquisition, once) is credited linearly, the
    # electricity escalates with the 'electricity' group.
    assert streams["purchase"].residual_rule == Residual(share=None, salvage=False)
    assert streams["electricity"].escalation_group == "electricity"
    assert streams["electricity"].residual_rule is None
    none = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "15 year", "residual_value": "none"},
            "bids": [{"name": "A", "price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"}],
        }
    ).plan
    assert none.items[0].residual and none.items[0].residual_rule is None


@pytest.mark.parametrize(
    ("convention", "timing", "lifetime", "want"),
    [
        ("linear", "once", True, Residual()),
        ("linear", "once", False, None),  # linear needs a lifetime
        ("linear", "end_of_life", True, Residual(salvage=True)),
        ("share", "once", False, Residual(share=0.2)),
        ("share", "end_of_life", True, None),  # a share credits purchases only
        ("none", "once", True, None),
    ],
)
def test_the_residual_rule_of_a_stream(
    convention: str, timing: str, lifetime: bool, want: Residual | None
) -> None:
    got = residual_rule(convention, 0.2, credited=True, timing=timing, lifetime=lifetime)
    assert got == want
    assert residual_rule(convention, 0.2, credited=False, timing=timing, lifetime=lifetime) is None


# -- the driver's numbers, by hand -------------------------------------------------------------


def _stream(timing: str, amount: list[float], **kw: Any) -> Any:
    fields = {"when": None, "start": None, "stop": None, "per_unit": True, "residual_rule": None}
    return SimpleNamespace(timing=timing, amount=np.array(amount), **{**fields, **kw})


def test_a_purchase_with_replacement_and_residual_credit() -> None:
    # 1000 a unit, a 4-year life over 6 years at 4 %, 2 units bought:
    # bought in years 0 and 4, half the second unit's life left at year 6:
    # 2 * (1000 + 1000 * 1.04 ** -4 - 0.5 * 1000 * 1.04 ** -6)
    # = 2 * (1000 + 854.804191 - 395.157263) = 2 * 1459.646928 = 2919.293856
    s = _stream("once", [1000.0], residual_rule=Residual())
    d = discount_factors(0.04, 6)
    got = pv.stream_present_value(
        s, np.ones(7), d, period=np.array([6.0]), lifetime=np.array([4.0]), quantity=2.0
    )
    assert got.tolist() == pytest.approx([2919.293856], abs=1e-6)


def test_an_annual_stream_at_mid_year_with_escalation() -> None:
    # 100 a year for 3 years, escalating 2 % from year-0 prices, priced and discounted at
    # mid-year at 4 % (NIST Handbook 135): sum over t of 100 * (1.02 / 1.04) ** (t - 0.5)
    # = 100 * (0.990338 + 0.971293 + 0.952614) = 291.4245; not per unit.
    s = _stream("annual", [100.0], per_unit=False)
    e = 1.02 ** np.maximum(np.arange(4) - 0.5, 0.0)
    d = discount_factors(0.04, 3, "mid")
    got = pv.stream_present_value(s, e, d, period=np.array([3.0]), lifetime=None, quantity=1000.0)
    want = sum(100 * (1.02 / 1.04) ** (t - 0.5) for t in (1, 2, 3))
    assert got.tolist() == pytest.approx([want], rel=1e-12)
    assert want == pytest.approx(291.4245, abs=1e-4)


def test_discount_and_annualising_come_from_one_definition() -> None:
    # Riggs, Bedworth and Randhawa's capital recovery factor for 10 % over 5 years: 0.26380.
    assert float(Discount(0.10, 5).annualise(1.0, 5)) == pytest.approx(0.26380, abs=1e-5)
    # A varied rate per variant gives a row of factors each; a schedule moves in parallel.
    varied = Discount(0.04, 2).varied(np.array([0.0, 0.04]))
    assert varied.at("end")[0].tolist() == [1.0, 1.0, 1.0]
    path = Discount(0.035, 2, path=np.array([0.035, 0.025])).varied(np.array([0.045]))
    # Year 2: 1.045 ** -1 * 1.035 ** -1 (every band up by one point).
    assert path.at("end")[0, 2] == pytest.approx(1 / (1.045 * 1.035), rel=1e-12)


def test_the_award_total_follows_the_rule() -> None:
    assert award_total([110.0], [100.0], "report").tolist() == [100.0]
    assert award_total([110.0], [100.0], "award").tolist() == [110.0]


# -- every path is a loop over the same driver ------------------------------------------------


@pytest.mark.parametrize(
    ("module", "run"),
    [
        (tco.evaluate, lambda t: t.evaluate().total),
        (tco.analysis.variants, lambda t: evaluate_variants(t.plan)[0]),
        (
            tco.batch.sums,
            lambda t: BatchEvaluator("indoor-lighting", {"period": "15 year"}).arrays(
                {"price": [1450.0], "power": [32.0], "rated_life": [50000.0]}
            )["total"],
        ),
    ],
    ids=["tender", "variants", "batch"],
)
def test_every_path_prices_each_stream_by_the_one_driver(
    monkeypatch: pytest.MonkeyPatch, module: Any, run: Callable[[tco.Tender], Any]
) -> None:
    # A spy in place of the driver sees every cost stream of the indoor-lighting model
    # (purchase and electricity; the priced CO2e where the rule counts it).
    seen: list[str] = []
    real = pv.stream_present_value

    def spy(s: Any, *args: Any, **kw: Any) -> Any:
        seen.append(s.timing)
        return real(s, *args, **kw)

    monkeypatch.setattr(module, "stream_present_value", spy)
    run(_lighting())
    assert {"once", "annual"} <= set(seen)


def test_batch_rows_equal_the_tenders_bids_through_the_driver() -> None:
    tender = _lighting()
    bids = tender.spec.bids
    table = {
        "price": [float(str(b.values["price"]).split()[0]) for b in bids],
        "power": [float(str(b.values["power"]).split()[0]) for b in bids],
        "rated_life": [float(str(b.values["rated_life"]).split()[0]) for b in bids],
    }
    units = {"price": "DKK", "power": "W", "rated_life": "h"}
    a = tender.spec.assumptions.model_dump(exclude_defaults=True)
    got = BatchEvaluator("indoor-lighting", a, units=units).arrays(table)
    np.testing.assert_allclose(got["total"], tender.evaluate().total, rtol=1e-12)
    np.testing.assert_allclose(got["annualised"], tender.evaluate().annualised, rtol=1e-12)


def test_a_stream_of_the_plan_is_replaced_by_keyword() -> None:
    s = _lighting().plan.items[0]
    again = dataclasses.replace(s, amount=s.amount * 2)
    assert again.residual_rule == s.residual_rule and again.name == s.name


def test_the_plans_residual_rule_lookup_is_deprecated() -> None:
    plan = _lighting().plan
    with pytest.warns(FutureWarning, match=r"PlanStream\.residual_rule"):
        rule = plan.residual_rule(plan.items[0])
    assert rule == {"share": None, "salvage": False}


def test_the_timing_options_are_one_list() -> None:
    # A tender, a model and the engine accept the same options, and each has its shift.
    from typing import get_args

    from tco.engine.conventions import TIMING
    from tco.engine.discounting import TIMINGS
    from tco.spec.schema import AssumptionsSpec, ItemSpec, Timing

    assert set(get_args(Timing)) == set(TIMING) == set(TIMINGS)
    assert AssumptionsSpec.model_fields["discounting"].annotation == Timing | None
    assert ItemSpec.model_fields["discounting"].annotation == Timing | None
