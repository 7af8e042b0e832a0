"""Externalities as a stated award rule: counted in the award, or reported beside it.

The Danish EPA vehicle tool reports the priced CO2e apart from "TCO" and "TCO pr. år" and
ranks on those (OS2fleetoptimiser, fleetmanager/model/tco_calculator.py: ``tco_beregning``
and ``omkostning_per_aar`` exclude ``co2e_omkostninger``). The bundled vehicle models follow
it through the basis dk-mst-2021 (``externalities: report``); a tender may say ``award``.
"""

from __future__ import annotations

from typing import Any

import numpy_financial as npf
import pytest

import tco

# The tool's defaults (dk-mst-2021): 4 %, 4 years, end-of-year discounting, year-1 prices.
R, N = 0.04, 4
EF_EL = [0.089, 0.070, 0.058, 0.054]  # kg CO2e/kWh, first four years of the tool's path


def d(t: int) -> float:
    return float((1 + R) ** -t)


# Two cars, one each, 25000 km a year. Hand calculation with the tool's formulas:
# Diesel: 5 l/100 km -> 1250 l/year at 10.83 DKK/l, +1.45 %/year from the year-1 price.
DIESEL_L = 25000 * 5 / 100
DIESEL_TCO = 200000 + sum(DIESEL_L * 10.83 * 1.0145 ** (t - 1) * d(t) for t in range(1, 5))
# 1250 l x 2.98 kg/l = 3725 kg a year at 1500 DKK/t.
DIESEL_CO2 = sum(DIESEL_L * 2.98 / 1000 * 1500 * d(t) for t in range(1, 5))
# Electric: 16.5 kWh/100 km -> 4125 kWh/year at 2.13 DKK/kWh, +1.67 %/year.
EV_KWH = 25000 * 16.5 / 100
EV_TCO = 226000 + sum(EV_KWH * 2.13 * 1.0167 ** (t - 1) * d(t) for t in range(1, 5))
EV_CO2 = sum(EV_KWH * EF_EL[t - 1] / 1000 * 1500 * d(t) for t in range(1, 5))


def _tender(**assumptions: Any) -> dict[str, Any]:
    return {
        "model": "passenger-car",
        "assumptions": {"co2_price": "1500 DKK/t", **assumptions},
        "parameters": {"annual_distance": "25000 km/year"},
        "bids": [
            {"name": "Diesel", "price": "200000 DKK", "diesel_consumption": "5 l/100 km"},
            {
                "name": "Electric",
                "price": "226000 DKK",
                "electricity_consumption": "16.5 kWh/100 km",
            },
        ],
    }


def test_the_hand_numbers_flip_the_winner() -> None:
    # The case the rule matters for: the diesel car is cheaper without CO2e, dearer with it.
    assert DIESEL_TCO < EV_TCO
    assert DIESEL_TCO + DIESEL_CO2 > EV_TCO + EV_CO2


def test_vehicle_model_ranks_as_the_danish_epa_tool() -> None:
    r = tco.load_tender(_tender()).evaluate()
    assert r.externalities_rule == "report"
    assert r.ranking == ["Diesel", "Electric"]  # as the tool: on TCO without CO2e
    d_, e_ = r.bids.index("Diesel"), r.bids.index("Electric")
    assert r.total[d_] == pytest.approx(DIESEL_TCO)
    assert r.total[e_] == pytest.approx(EV_TCO)
    # "TCO pr. år" is the annuity of the TCO (numpy_financial.pmt, as the tool).
    assert r.annualised[d_] == pytest.approx(-npf.pmt(R, N, DIESEL_TCO))
    # Both figures are always there.
    assert r.externalities[d_] == pytest.approx(DIESEL_CO2)
    assert r.total_incl_externalities[e_] == pytest.approx(EV_TCO + EV_CO2)
    assert r.annualised_incl_externalities[e_] == pytest.approx(-npf.pmt(R, N, EV_TCO + EV_CO2))
    assert r.annualised_excl_externalities[e_] == pytest.approx(-npf.pmt(R, N, EV_TCO))


def test_a_tender_may_count_externalities_in_the_award() -> None:
    r = tco.load_tender(_tender(externalities="award")).evaluate()
    assert r.externalities_rule == "award"
    assert r.ranking == ["Electric", "Diesel"]
    assert r.total[r.bids.index("Electric")] == pytest.approx(EV_TCO + EV_CO2)
    assert r.total_excl_externalities[r.bids.index("Electric")] == pytest.approx(EV_TCO)


def test_the_rule_and_both_figures_in_json_table_workbook_and_report(tmp_path: Any) -> None:
    tender = tco.load_tender(_tender())
    r = tender.evaluate()
    data = r.to_dict()
    assert data["externalities"] == "report"
    row = data["bids"][0]
    for key in (
        "total",
        "annualised",
        "total_incl_externalities",
        "total_excl_externalities",
        "annualised_incl_externalities",
        "annualised_excl_externalities",
        "externalities_pv",
    ):
        assert key in row
    table = repr(r)
    assert "total incl. ext." in table and "per year incl. ext." in table
    assert "reported beside" in table
    from tco.views.report import method_statement

    assert "reported beside the award" in method_statement(r)
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    from tco.views.workbook import write_workbook

    path = write_workbook(r, tmp_path / "r.xlsx", tender=tender)
    ws = load_workbook(path)["Summary"]
    head = [c.value for c in ws[1]]
    assert "TCO per year incl. externalities [DKK/year]" in head
    assert "Externalities, not in the award [DKK]" in head
    assumptions = {row[0].value: row[1].value for row in load_workbook(path)["Assumptions"]}
    assert assumptions["Externalities in the award"] == "Report"
    assert any(str(k).startswith("Basis: dk-mst-2021") for k in assumptions)


def test_analyses_follow_the_rule() -> None:
    from tco.analysis.variants import evaluate_variants

    plan = tco.load_tender(_tender()).plan
    base = evaluate_variants(plan)[0]
    assert base == pytest.approx([DIESEL_TCO, EV_TCO])
    with_ext = evaluate_variants(plan, externalities=True)[0]
    assert with_ext == pytest.approx([DIESEL_TCO + DIESEL_CO2, EV_TCO + EV_CO2])
