"""Published worked examples, each with its source beside the expected value."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy_financial as npf
import pytest

import tco
from helpers import run, simple_model

REF = Path(__file__).parent / "reference"


def totals(name: str) -> dict[str, float]:
    r = tco.load_tender(REF / name).evaluate()
    return dict(zip(r.bids, r.total.tolist(), strict=True))


def test_blank_tarquin_example_5_1_equal_lives() -> None:
    t = totals("blank-tarquin-5-1.yaml")
    # Blank & Tarquin, Engineering Economy, Example 5.1: PW_electric = -5,787.53, PW_gas = -5,936.23,
    # PW_solar = -6,127 (printed; costs are positive in tco).
    assert t["Electric"] == pytest.approx(5787.53, abs=0.01)
    assert t["Gas"] == pytest.approx(5936.23, abs=0.01)
    assert t["Solar"] == pytest.approx(6127, abs=0.5)


def test_blank_tarquin_example_5_2_unequal_lives_over_lcm() -> None:
    t = totals("blank-tarquin-5-2.yaml")
    # Blank & Tarquin, Example 5.2 (a), 18-year LCM at 15 %: PW_A = -45,036, PW_B = -41,384 (printed).
    assert t["Location A"] == pytest.approx(45036, abs=1)
    assert t["Location B"] == pytest.approx(41384, abs=1)


def test_machines_with_3_and_6_year_lives() -> None:
    r = tco.load_tender(REF / "machines-3-6.yaml").evaluate()
    # Slides "Different Life Alternatives": PW_A = -68,961, PW_B = -57,100 at 10 % over 6 years.
    assert r.total[0] == pytest.approx(68961, abs=1)
    assert r.total[1] == pytest.approx(57100, abs=1)
    assert r.ranking == ["Machine B", "Machine A"]
    # The same slides print future worths FW_A = -122,168 and FW_B = -101,157: FW = PW * 1.1**6.
    np.testing.assert_allclose(r.total * 1.1**6, [122168, 101157], atol=1)


def test_replacement_in_a_given_year_with_salvage() -> None:
    t = totals("solar-replacement.yaml")
    # justaaa.com problem 206213 prints $23,256.9 and $18,648.3 from 3-digit factors, so agreement
    # is to about one dollar.
    assert t["Solar"] == pytest.approx(23256.9, abs=1)
    assert t["Conventional"] == pytest.approx(18648.3, abs=1)


def test_unequal_lives_annualised_equals_one_cycle_capital_recovery() -> None:
    # Blank & Tarquin Example 5.2: the annual worth of one life cycle equals the annual worth over the
    # 18-year LCM. Computed here: AW = PW_one_cycle * (A/P, 15 %, n).
    lcm = tco.load_tender(REF / "blank-tarquin-5-2.yaml").evaluate()
    own = tco.load_tender(
        {
            **_yaml(REF / "blank-tarquin-5-2.yaml"),
            "assumptions": {"currency": "USD", "discount_rate": "15 %", "period": "lifetime"},
        }
    ).evaluate()
    np.testing.assert_allclose(own.annualised, lcm.annualised, rtol=1e-12)
    pw_a_6 = 15000 + 3500 * (1 - 1.15**-6) / 0.15 - 1000 * 1.15**-6
    assert own.annualised[0] == pytest.approx(pw_a_6 * 0.15 / (1 - 1.15**-6), rel=1e-12)


def _yaml(path: Path) -> dict[str, object]:
    from tco.io.yamlio import read_yaml_file

    data = read_yaml_file(path)
    data["model"] = str(REF / str(data["model"]))
    return data


def test_numpy_financial_npv_documented_example() -> None:
    # numpy-financial docstring: npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) = 3065.22267,
    # with the first amount at t = 0.
    flows = [-40_000, 5_000, 8_000, 12_000, 30_000]
    assert float(tco.present_value(flows, range(5), 0.08)) == pytest.approx(3065.22267, abs=1e-5)
    assert float(tco.present_value(flows, range(5), 0.08)) == pytest.approx(
        npf.npv(0.08, flows), rel=1e-13
    )


def test_equivalent_annual_cost_matches_numpy_financial_pmt() -> None:
    # numpy-financial docstring: pmt(0.075/12, 12*15, 200000) = -1854.0247200054619.
    eac = tco.equivalent_annual_cost(200000, 0.075 / 12, 12 * 15)
    assert float(eac) == pytest.approx(1854.0247200054619, rel=1e-13)
    # numpy-financial test: pmt(0.0, 5*12, 15000) = -250.0 (the zero-rate branch).
    assert float(tco.equivalent_annual_cost(15000, 0.0, 60)) == pytest.approx(250.0)


def test_nist_uniform_present_value_factors() -> None:
    # NIST Handbook 135 (Fuller & Petersen 1995), Table A-2: UPV(3 %, 25 years) = 17.41.
    assert float(tco.annuity_factor(0.03, 25)) == pytest.approx(17.41, abs=0.005)
    # numpy-financial test: pv(0.07, 20, 12000, 0) = -127128.17 is 12000 * UPV(7 %, 20).
    assert 12000 * float(tco.annuity_factor(0.07, 20)) == pytest.approx(127128.17, abs=0.01)


def test_nist_modified_uniform_present_value_with_escalation() -> None:
    # NIST Handbook 135 / GSA P-100 Table 1-1: UPV* = (1+e)/(d-e) * [1 - ((1+e)/(1+d))**n].
    # d = 3 %, e = 2 %, n = 25 -> 22.0766 (formula evaluated here).
    d, e, n = 0.03, 0.02, 25
    upv_star = (1 + e) / (d - e) * (1 - ((1 + e) / (1 + d)) ** n)
    model = simple_model(
        {"energy": {"category": "use", "annual": "annual", "escalation": "energy"}}
    )
    r = run(
        model,
        {"discount_rate": "3 %", "period": "25 year", "escalation": {"energy": "2 %"}},
        [{"name": "A", "first": "0 DKK", "annual": "1 DKK/year"}],
    )
    assert r.total[0] == pytest.approx(upv_star, rel=1e-12)
    assert r.total[0] == pytest.approx(22.0766, abs=1e-4)


def test_engrecon_periodic_maintenance_every_third_year() -> None:
    # R package EngrEcon 1.0.0, om_distribute(0.03, 50, 3, 1000) prints 8174.547: 1000 in years
    # 3, 6, ..., 48 of a 50-year study at 3 %.
    model = simple_model(
        {"service": {"category": "maintenance", "every": "3 year", "amount": "first"}}
    )
    r = run(
        model, {"discount_rate": "3 %", "period": "50 year"}, [{"name": "A", "first": "1000 DKK"}]
    )
    assert r.total[0] == pytest.approx(8174.547, abs=5e-4)


def test_blcc_style_alternative_with_every_kind_of_cost() -> None:
    # DESIGN.md "What the format must be able to say" #1, in the manner of NIST BLCC: capital cost
    # with residual value at the end of the study period, a replacement in a given year, recurring
    # and one-off maintenance, and energy with a year-by-year escalation path. Real rate 3 %,
    # 25 years, end-of-year discounting (NIST Handbook 135 conventions).
    model = simple_model(
        {
            "capital": {"category": "acquisition", "once": "first"},
            "compressor": {"category": "maintenance", "at": "12 year", "amount": "20000 USD"},
            "service": {"category": "maintenance", "annual": "1500 USD/year"},
            "overhaul": {"category": "maintenance", "at": "8 year", "amount": "5000 USD"},
            "energy": {"category": "use", "annual": "annual", "escalation": "energy"},
        },
        parameters={
            "first": {"unit": "USD", "bid": True},
            "annual": {"unit": "USD/year", "bid": True},
        },
        lifetime="30 year",
    )
    path = ["2 %"] * 5 + ["1 %"] * 10 + ["0 %"] * 5 + ["-1 %"] * 5
    r = run(
        model,
        {
            "currency": "USD",
            "discount_rate": "3 %",
            "period": "25 year",
            "escalation": {"energy": path},
        },
        [{"name": "A", "first": "100000 USD", "annual": "10000 USD/year"}],
    )
    rates = [0.02] * 5 + [0.01] * 10 + [0.0] * 5 + [-0.01] * 5
    index, energy = 1.0, 0.0
    for t in range(1, 26):
        index *= 1 + rates[t - 1]  # year-0 prices escalated along the path
        energy += 10000 * index / 1.03**t
    capital = 100000 - 100000 * (30 - 25) / 30 / 1.03**25  # residual: 5 of 30 years left
    maintenance = 20000 / 1.03**12 + 5000 / 1.03**8 + 1500 * (1 - 1.03**-25) / 0.03
    assert r.by_category["acquisition"][0] == pytest.approx(capital, rel=1e-12)
    assert r.by_category["maintenance"][0] == pytest.approx(maintenance, rel=1e-12)
    assert r.by_category["use"][0] == pytest.approx(energy, rel=1e-12)
    assert r.total[0] == pytest.approx(capital + maintenance + energy, rel=1e-12)


def test_blcc_federal_financed_annual_values_at_the_nominal_rate() -> None:
    # NIST BLCC 5.3-19, sample project FederalFinanced.xml, Detailed LCC Analysis report
    # (usnistgov/blcc, "docs/BLCC 5.3 Reports/BLCC Detailed LCC Report.html"): a current-dollar
    # analysis at 3.1 % nominal (BLCC: (1 + 3 % real)(1 + 0.1 % inflation) - 1 = 3.103 %) over
    # 15 years. Printed: Existing PV $1,005,494, annual value $84,865; Lighting Retrofit PV
    # $666,818, annual value $56,280. BLCC's annual value is a level amount in current dollars:
    # PV times the capital recovery factor at the nominal rate.
    r = tco.load_tender(REF / "blcc-federal-financed.yaml").evaluate()
    assert r.annualised_at == "nominal"  # the analysis's own rate, as BLCC
    # BLCC discounts by day counts (365.25-day years from April 1, 2019), tco by whole years:
    # the present values agree to 0.004 %.
    np.testing.assert_allclose(r.total, [1005494, 666818], rtol=5e-5)
    nominal = 1.03 * 1.001 - 1  # 3.103 %
    upv_nominal = (1 - (1 + nominal) ** -15) / nominal  # 11.84948
    np.testing.assert_allclose(r.annualised, r.total / upv_nominal, rtol=1e-12)
    # The printed annual values, to 0.02 % (the day counts again):
    np.testing.assert_allclose(r.annualised, [84865, 56280], rtol=2e-4)
    # The rest is BLCC's study period by days: Project.getCapitalRecoveryFactor (BLCC 5.3 source)
    # annualises over (March 31, 2034 - April 1, 2019) / 365.25 = 5478 / 365.25 = 14.99795 years,
    # u = UPV(r, 14) + 0.99795 / (1 + r) ** 14.99795 = 11.84822. tco's PV times 1 / u gives the
    # printed Existing value to the dollar.
    years = 5478 / 365.25
    u = (1 - (1 + nominal) ** -14) / nominal + (years - 14) / (1 + nominal) ** years
    assert r.total[0] / u == pytest.approx(84865, abs=1)
    assert r.total[1] / u == pytest.approx(56280, abs=2.5)  # PV differs by $22 (day counts)


def test_blcc_federal_financed_annualised_at_the_real_rate_on_request() -> None:
    # The same sample with 'annualise_at: real': a level amount in constant dollars, the present
    # value over UPV(3 % real, 15) = 11.93794 (NIST Handbook 135 formula). These are the figures
    # tco printed before annualising at the analysis's own rate: 84,228 and 55,855.
    data = _yaml(REF / "blcc-federal-financed.yaml")
    data["assumptions"] = {**data["assumptions"], "annualise_at": "real"}  # type: ignore[dict-item]
    r = tco.load_tender(data).evaluate()
    assert r.annualised_at == "real"
    real = 1.03103 / 1.001 - 1  # 3 %
    np.testing.assert_allclose(r.annualised, r.total / ((1 - (1 + real) ** -15) / real), rtol=1e-12)
    np.testing.assert_allclose(r.annualised, [84228, 55855], atol=1)
