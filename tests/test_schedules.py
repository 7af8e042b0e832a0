"""Rates and prices that change over time: a discount-rate schedule by year band (the Danish
Ministry of Finance's declining rate) and emission prices as a path by year.

Finansministeriet, 7 January 2021: 3.5 % in years 0-35 and 2.5 % in years 36-70; its 2018 note
(FIU spm. 418, Tabel 1 and the note under it): a year-t amount is discounted band by band, so
the factor of year t is the product of 1 / (1 + r_k) over k = 1 .. t.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import tco
from helpers import simple_model
from tco.batch import BatchEvaluator

MODEL = simple_model(
    {"energy": {"category": "use", "annual": "annual"}},
)


def fm2021(t: int) -> float:
    """Discount factor of year t under 3.5 % (years 1-35), then 2.5 % (years 36-70)."""
    return float(1.035 ** -min(t, 35) * 1.025 ** -max(t - 35, 0))


def _tender(years: int, **extra: Any) -> dict[str, Any]:
    assumptions = {"period": f"{years} year", **extra.pop("assumptions", {})}
    return {
        "model": MODEL,
        "assumptions": assumptions,
        "bids": [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
        **extra,
    }


def test_ministry_of_finance_schedule_from_its_basis() -> None:
    r = tco.load_tender(_tender(40, basis="dk-fm-2021")).evaluate()
    # 100 a year for 40 years: years 1-35 at 3.5 %, years 36-40 at 2.5 % on top of 1.035^-35.
    hand = sum(100 * fm2021(t) for t in range(1, 41))
    assert r.total[0] == pytest.approx(hand, rel=1e-12)
    assert r.plan.discount_rate == pytest.approx(0.035)
    # Year 40 by hand: 1.035^-35 * 1.025^-5 = 0.29998... * 0.88385... = 0.26514...
    assert r.discount[0, 40] == pytest.approx(1.035**-35 * 1.025**-5)
    # Annualised: the present value over the sum of the schedule's factors.
    assert r.annualised[0] == pytest.approx(hand / sum(fm2021(t) for t in range(1, 41)))
    assert r.annualised[0] == pytest.approx(100.0)


def test_a_schedule_written_in_the_tender() -> None:
    bands = [{"to": 2, "rate": "10 %"}, {"rate": "0 %"}]
    r = tco.load_tender(_tender(4, assumptions={"discount_rate": bands})).evaluate()
    # 100/1.1 + 100/1.1^2 + 100/1.1^2 + 100/1.1^2
    assert r.total[0] == pytest.approx(100 / 1.1 + 3 * 100 / 1.1**2)


def test_mid_year_timing_under_a_schedule() -> None:
    r = tco.load_tender(_tender(40, basis="dk-fm-2021", assumptions={"discounting": "mid"}))
    res = r.evaluate()
    # Year 36 at mid-year: the factor of year 35 times 1.025^-0.5.
    assert res.discount[0, 36] == pytest.approx(1.035**-35 * 1.025**-0.5)
    assert res.discount[0, 1] == pytest.approx(1.035**-0.5)


def test_the_schedule_must_cover_the_period() -> None:
    # dk-fm-2021 gives no confirmed rate after year 70.
    with pytest.raises(tco.TCOError, match=r"years 1-70 only.*dk-fm-2021") as e:
        tco.load_tender(_tender(75, basis="dk-fm-2021"))
    assert e.value.path == ("assumptions", "discount_rate")
    # The 2013-2020 schedule (dk-fm-2013) has 2 % after year 70 (Finansministeriet, 2013).
    r = tco.load_tender(_tender(75, basis="dk-fm-2013")).evaluate()
    hand = sum(
        100 * 1.04 ** -min(t, 35) * 1.03 ** -min(max(t - 35, 0), 35) * 1.02 ** -max(t - 70, 0)
        for t in range(1, 76)
    )
    assert r.total[0] == pytest.approx(hand, rel=1e-12)


def test_bands_are_checked() -> None:
    bad = [{"to": 35, "rate": "3.5 %"}, {"to": 20, "rate": "2.5 %"}]
    with pytest.raises(tco.TCOError, match="a whole year after 35"):
        tco.load_tender(_tender(10, assumptions={"discount_rate": bad}))
    with pytest.raises(tco.TCOError, match="only the last band may omit 'to'"):
        tco.load_tender(
            _tender(10, assumptions={"discount_rate": [{"rate": "3 %"}, {"rate": "2 %"}]})
        )


def test_every_engine_uses_the_schedule() -> None:
    from tco.analysis.inputs import Change, resolve_input
    from tco.analysis.variants import evaluate_variants

    tender = tco.load_tender(_tender(40, basis="dk-fm-2021"))
    r = tender.evaluate()
    assert evaluate_variants(tender.plan)[0] == pytest.approx(r.total)
    # A varied rate moves the schedule in parallel: 4.5 % then 3.5 %.
    inp = resolve_input(tender.plan, "discount_rate")
    moved = evaluate_variants(tender.plan, [Change(inp, np.array([0.045]))], 1)[0]
    hand = sum(100 * 1.045 ** -min(t, 35) * 1.035 ** -max(t - 35, 0) for t in range(1, 41))
    assert moved[0] == pytest.approx(hand)
    bands = [{"to": 35, "rate": "3.5 %"}, {"to": 70, "rate": "2.5 %"}]
    ev = BatchEvaluator(MODEL, {"period": "40 year", "discount_rate": bands})
    out = ev.arrays(pd.DataFrame({"first": [0.0], "annual": [100.0]}))
    assert out["total"][0] == pytest.approx(r.total[0])
    assert out["annualised"][0] == pytest.approx(r.annualised[0])


def test_co2_price_path_by_year() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual"}},
        emissions={"co2": {"annual": "1000 kg/year"}},
    )
    prices = ["100 DKK/t", "200 DKK/t", "300 DKK/t"]
    r = tco.load_tender(
        {
            "model": model,
            "assumptions": {"period": "3 year", "discount_rate": "0 %", "co2_price": prices},
            "bids": [{"name": "A", "first": "0 DKK"}],
        }
    ).evaluate()
    # 1 t a year at 100, 200 and 300 DKK/t, undiscounted.
    assert r.by_category["externalities"][0] == pytest.approx(600.0)
    assert list(r.real[0, -1]) == pytest.approx([0.0, 100.0, 200.0, 300.0])


def test_co2_price_path_from_a_basis_by_calendar_year() -> None:
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual"}},
        emissions={"co2": {"annual": "1000 kg/year"}},
    )
    r = tco.load_tender(
        {
            "model": model,
            "basis": "us-epa-scghg-2023",
            "assumptions": {
                "currency": "DKK",
                "exchange_rates": {"USD": "6.86 DKK"},
                "period": "2 year",
                "discount_rate": "2 %",
                "co2_price": {"basis": "co2_price", "from": 2026},
            },
            "bids": [{"name": "A", "first": "0 DKK"}],
        }
    ).evaluate()
    # EPA 2023, 2.0 %: 2025 210 and 2030 230 USD/t; 2026 and 2027 interpolated: 214, 218,
    # at 6.86 DKK/USD (the SØB25 rate for 2025, as a stated exchange rate).
    hand = (214 / 1.02 + 218 / 1.02**2) * 6.86
    assert r.by_category["externalities"][0] == pytest.approx(hand)
    assert [b.id for b in r.bases] == ["us-epa-scghg-2023"]
