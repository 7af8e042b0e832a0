"""Baseline measures: net savings, SIR, AIRR and payback (NIST Handbook 135, 10 CFR 436)."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
import pytest

import tco
from tco.analysis.baseline import (
    adjusted_irr,
    compare_to_baseline,
    payback_year,
    savings_to_investment,
)
from tco.errors import SpecError

# A model with an investment at year 0, an annual running cost and a salvage value at the
# end of the study period: the shape of the textbook alternatives.
MODEL = {
    "id": "alternatives",
    "title": "Alternatives",
    "functional_unit": "unit",
    "parameters": {
        "first_cost": {"unit": "USD", "bid": True},
        "running": {"unit": "USD/year", "bid": True},
        "salvage": {"unit": "USD", "bid": True, "default": "0 USD"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "first_cost"},
        "operation": {"category": "use", "annual": "running"},
        "resale": {"category": "end_of_life", "end_of_life": "-salvage"},
    },
}


def tender(rate: str, years: int, bids: list[dict[str, str]]) -> tco.Tender:
    return tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {"currency": "USD", "discount_rate": rate, "period": f"{years} year"},
            "bids": bids,
        }
    )


RETROFIT = tender(
    "3 %",
    10,
    [
        {"name": "Existing", "first_cost": "0 USD", "running": "1000 USD/year"},
        {"name": "Retrofit", "first_cost": "3000 USD", "running": "500 USD/year"},
    ],
)


def test_retrofit_against_existing_installation_by_hand() -> None:
    # Hand calculation, end-of-year discounting at d = 3 % over N = 10 years:
    # UPV(3 %, 10) = (1 - 1.03**-10) / 0.03 = 8.530202836775835
    # (reference notes, NIST HB 135 UPV factor table check "UPV d = 3 %, n = 10").
    upv = (1 - 1.03**-10) / 0.03
    assert upv == pytest.approx(8.530202836775835, rel=1e-15)
    savings = 500 * upv  # 4265.1014 USD of energy saved
    extra = 3000.0  # extra investment at year 0
    c = compare_to_baseline(RETROFIT, "Existing")
    assert c.baseline == "Existing"
    assert c.savings[1] == pytest.approx(savings, rel=1e-12)
    assert c.extra_investment[1] == pytest.approx(extra, rel=1e-12)
    # 10 CFR 436.20: NS = LCC_base - LCC_alt = 10000 * upv... - (3000 + 5000 * upv... ) = S - dI
    assert c.net_savings[1] == pytest.approx(savings - extra, rel=1e-12)
    assert c.net_savings[1] == pytest.approx(1265.1014183879, abs=1e-6)
    # 10 CFR 436.21: SIR = S / dI = 4265.1014 / 3000 = 1.4217005
    assert c.sir[1] == pytest.approx(savings / extra, rel=1e-12)
    assert c.sir[1] == pytest.approx(1.4217005, abs=1e-7)
    # 10 CFR 436.22: AIRR = (1 + d) * SIR ** (1 / N) - 1
    assert c.airr[1] == pytest.approx(1.03 * (savings / extra) ** 0.1 - 1, rel=1e-12)
    # The same number from numpy-financial's MIRR with finance = reinvestment rate = 3 %
    # (investment at t = 0, savings 500 a year), an independent implementation.
    assert c.airr[1] == pytest.approx(npf.mirr([-3000.0] + [500.0] * 10, 0.03, 0.03), rel=1e-12)
    # 10 CFR 436.23 simple payback: 3000 / 500 = 6 years.
    assert c.simple_payback[1] == 6
    # Discounted payback: 500 * UPV(3 %, 6) = 2708.60 < 3000 <= 500 * UPV(3 %, 7) = 3115.14.
    assert 500 * (1 - 1.03**-6) / 0.03 < 3000 <= 500 * (1 - 1.03**-7) / 0.03
    assert c.discounted_payback[1] == 7
    # The baseline has nothing to pay back and no SIR.
    assert math.isnan(c.sir[0]) and math.isnan(c.simple_payback[0])
    assert c.net_savings[0] == 0.0


def test_blank_tarquin_equal_service_machines() -> None:
    # Blank & Tarquin, Engineering Economy, Example 5.1 (i = 10 %, 5 years), printed
    # PW electric = -5787.53 and gas = -5936.23 (reference notes section 3.1), so the
    # electric machine saves 5936.23 - 5787.53 = 148.70 against the gas one.
    t = tender(
        "10 %",
        5,
        [
            {
                "name": "Electric",
                "first_cost": "2500 USD",
                "running": "900 USD/year",
                "salvage": "200 USD",
            },
            {
                "name": "Gas",
                "first_cost": "3500 USD",
                "running": "700 USD/year",
                "salvage": "350 USD",
            },
        ],
    )
    c = compare_to_baseline(t, "Gas")
    assert c.lcc[0] == pytest.approx(5787.53, abs=0.05)
    assert c.lcc[1] == pytest.approx(5936.23, abs=0.05)
    assert c.net_savings[0] == pytest.approx(148.70, abs=0.05)
    # Electric needs less investment than gas: SIR is undefined.
    assert math.isnan(c.sir[0])
    # Against the electric machine, gas costs dI = 1000 - 150 * (P/F,10%,5) more to invest
    # and saves S = 200 * (P/A,10%,5) a year: (P/F) = 0.62092, (P/A) = 3.79079 (Riggs et al.
    # factor table, reference notes section 4), SIR = 758.16 / 906.86 = 0.8360.
    e = compare_to_baseline(t, "Electric")
    assert e.extra_investment[1] == pytest.approx(1000 - 150 * 0.62092, abs=0.01)
    assert e.savings[1] == pytest.approx(200 * 3.79079, abs=0.01)
    assert e.sir[1] == pytest.approx(758.16 / 906.86, abs=1e-4)
    assert e.net_savings[1] == pytest.approx(-148.70, abs=0.05)
    # Undiscounted, gas's cumulative difference is -1000 + 200 t, plus the 150 more salvage
    # in year 5: -200 in year 4, +150 in year 5. Discounted it ends at
    # -1000 + 758.16 + 150 * 0.62092 = -148.70 (= its net savings), never paid back.
    assert e.simple_payback[1] == 5
    assert math.isnan(e.discounted_payback[1])


def test_adjusted_irr_formula() -> None:
    # AIRR(SIR = 1.5, r = 3 %, N = 20) = 1.03 * 1.5 ** (1 / 20) - 1 = 0.0510946
    # (reference notes section 2.2, computed from the 10 CFR 436.22 definition).
    assert adjusted_irr(1.5, 0.03, 20) == pytest.approx(0.051094558258936384, rel=1e-12)
    # SIR = 1 gives AIRR = the discount rate (10 CFR 436.18(c): the tests agree).
    assert adjusted_irr(1.0, 0.04, 15) == pytest.approx(0.04, rel=1e-12)
    assert math.isnan(adjusted_irr(0.0, 0.04, 15))


def test_sir_needs_extra_investment() -> None:
    np.testing.assert_array_equal(savings_to_investment([10.0, 10.0], [5.0, -1.0]), [2.0, np.nan])


def test_payback_year() -> None:
    # -1000 then +300 a year: cumulative -700, -400, -100, +200 -> year 4.
    assert payback_year([-1000.0, 300.0, 300.0, 300.0, 300.0]) == 4
    assert math.isnan(payback_year([-1000.0, 100.0, 100.0]))
    # Two rows at once.
    np.testing.assert_array_equal(payback_year([[0.0, 1.0], [-1.0, 1.0]]), [0.0, 1.0])


def test_payback_leaves_out_residual_value() -> None:
    # A luminaire of 1000 DKK lasting 10 years over a 5-year period: half its price comes
    # back at year 5 as residual value. Against a baseline of 0 investment and 150 DKK/year
    # more electricity, the undiscounted savings reach 1000 only after 6.7 years, so
    # without the residual there is no payback within 5 years.
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "5 year", "escalation": {"electricity": "0 %"}},
            "parameters": {
                "operating_hours": "1000 h/year",
                "electricity_price": "1 DKK/kWh",
                "installation": "0 DKK",
            },
            "bids": [
                {"name": "Old", "price": "0 DKK", "power": "200 W", "rated_life": "200000 h"},
                {"name": "New", "price": "1000 DKK", "power": "50 W", "rated_life": "10000 h"},
            ],
        }
    )
    c = compare_to_baseline(t, "Old")
    # New saves 0.15 kW * 1000 h * 1 DKK = 150 DKK a year; 5 years give 750 < 1000.
    assert c.savings[1] == pytest.approx(150 * (1 - 1.04**-5) / 0.04, rel=1e-9)
    assert math.isnan(c.simple_payback[1])


def test_unknown_baseline_names_the_bids() -> None:
    with pytest.raises(SpecError, match=r"no bid named 'Existng'.*Existing"):
        compare_to_baseline(RETROFIT, "Existng")
    assert compare_to_baseline(RETROFIT, 0).baseline == "Existing"


def test_to_dict_is_plain() -> None:
    d = compare_to_baseline(RETROFIT, "Existing").to_dict()
    assert d["bids"][0]["sir"] is None
    assert d["bids"][1]["simple_payback"] == 6.0


def test_existing_installation_given_apart_from_the_bids() -> None:
    # The same retrofit with the existing installation passed as a mapping: the same numbers.
    only = tender(
        "3 %", 10, [{"name": "Retrofit", "first_cost": "3000 USD", "running": "500 USD/year"}]
    )
    c = compare_to_baseline(
        only, {"name": "Existing", "first_cost": "0 USD", "running": "1000 USD/year"}
    )
    assert c.bids == ("Retrofit", "Existing") and c.baseline == "Existing"
    d = compare_to_baseline(RETROFIT, "Existing")
    assert c.net_savings[0] == pytest.approx(d.net_savings[1], rel=1e-12)
    assert c.sir[0] == pytest.approx(d.sir[1], rel=1e-12)
    assert c.simple_payback[0] == 6
    with pytest.raises(SpecError, match="two bids are named 'Retrofit'"):
        compare_to_baseline(
            only, {"name": "Retrofit", "first_cost": "0 USD", "running": "1 USD/year"}
        )
    with pytest.raises(SpecError, match=r"bids\[1\]\.running: got '1 kg'"):
        compare_to_baseline(only, {"name": "Old", "first_cost": "0 USD", "running": "1 kg"})


def test_investment_categories() -> None:
    # Counting the energy as investment leaves no operational savings: S = 0, and the
    # extra "investment" is 3000 - 500 * UPV(3 %, 10) = -1265.10, i.e. -NS.
    c = compare_to_baseline(RETROFIT, "Existing", investment=("acquisition", "use"))
    assert c.savings[1] == 0.0
    assert c.extra_investment[1] == pytest.approx(-1265.1014183879, abs=1e-6)
    with pytest.raises(SpecError, match="unknown cost category 'energy'"):
        compare_to_baseline(RETROFIT, "Existing", investment=("energy",))


def test_payback_leaves_out_the_residual_value_of_every_unit() -> None:
    # The luminaire above, 2 of them: 2000 DKK invested, 2 * 150 = 300 DKK saved a year,
    # 1500 DKK over 5 years < 2000, and 2 * 500 = 1000 DKK of residual value at year 5 left
    # out: no payback. Mutant: the residual value taken out for one unit only, which leaves
    # 500 DKK of it in year 5 and pays back exactly then (1500 + 500 = 2000).
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {
                "period": "5 year",
                "quantity": 2,
                "escalation": {"electricity": "0 %"},
            },
            "parameters": {
                "operating_hours": "1000 h/year",
                "electricity_price": "1 DKK/kWh",
                "installation": "0 DKK",
            },
            "bids": [
                {"name": "Old", "price": "0 DKK", "power": "200 W", "rated_life": "200000 h"},
                {"name": "New", "price": "1000 DKK", "power": "50 W", "rated_life": "10000 h"},
            ],
        }
    )
    c = compare_to_baseline(t, "Old")
    assert c.savings[1] == pytest.approx(2 * 150 * (1 - 1.04**-5) / 0.04, rel=1e-9)
    assert math.isnan(c.simple_payback[1])


def test_a_baseline_without_a_name_is_said_at_the_tenders_file() -> None:
    # The existing installation given as a mapping is read as one more bid of the tender:
    # its mistakes name the tender's file.
    t = tco.load_tender(tco.example_path("indoor-lighting"))
    with pytest.raises(SpecError) as caught:
        compare_to_baseline(t, {"price": "1 DKK"})
    assert (caught.value.file, caught.value.path) == (t.file, ("name",))
    assert str(caught.value) == f"{t.file}: name: this key is required"
