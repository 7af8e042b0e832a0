"""Annualised cost at the analysis's own rate (nominal for a nominal analysis, as NIST BLCC).

The published reference (BLCC's FederalFinanced sample) is in ``tests/test_reference.py``; these
tests check the convention by hand on small tenders, through every path that annualises.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from helpers import run, simple_model
from tco.cli import main
from tco.errors import SpecError
from tco.views.error_text import error_text

MODEL = simple_model({"energy": {"category": "use", "annual": "annual", "escalation": "energy"}})
BIDS = [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}]
NOMINAL = {
    "discount_rate": "6.08 %",
    "rate_type": "nominal",
    "inflation": "2 %",
    "period": "5 year",
    "escalation": {"energy": "2 %"},  # nominal 2 % = inflation: 100 a year in constant money
}


def upv(rate: float, years: int) -> float:
    """Sum of (1 + r) ** -t over t = 1 .. years (NIST Handbook 135's UPV)."""
    return sum((1 + rate) ** -t for t in range(1, years + 1))


def test_a_nominal_tender_annualises_at_the_nominal_rate() -> None:
    r = run(MODEL, NOMINAL, BIDS)
    # Real rate 1.0608 / 1.02 - 1 = 4 %; the flows are 100 a year in year-0 money, so
    # PV = 100 * UPV(4 %, 5) = 445.18.
    pv = 100 * upv(0.04, 5)
    assert r.total[0] == pytest.approx(pv, rel=1e-12)
    # The level amount in current money: PV / UPV(6.08 %, 5) = 445.18 / 4.2032 = 105.91 a year
    # (above 100, because a level current-money amount loses value to inflation).
    assert r.annualised_at == "nominal"
    assert r.annualising_rate == pytest.approx(0.0608, rel=1e-12)
    assert r.annualised[0] == pytest.approx(pv / upv(0.0608, 5), rel=1e-12)
    assert r.annualised[0] == pytest.approx(105.91, abs=0.01)


def test_annualise_at_real_gives_the_level_amount_in_constant_money() -> None:
    r = run(MODEL, {**NOMINAL, "annualise_at": "real"}, BIDS)
    # PV / UPV(4 %, 5) = 100: the flows are 100 a year in constant money.
    assert r.annualised_at == "real"
    assert r.annualised[0] == pytest.approx(100.0, rel=1e-12)


def test_a_real_tender_annualises_at_the_real_rate_unless_told() -> None:
    real = {"discount_rate": "4 %", "inflation": "2 %", "period": "5 year"}
    r = run(MODEL, real, BIDS)
    assert r.annualised_at == "real"
    assert r.annualised[0] == pytest.approx(100.0, rel=1e-12)  # PV / UPV(4 %, 5)
    # 'annualise_at: nominal' on a real tender: the nominal rate 1.04 * 1.02 - 1 = 6.08 %.
    r = run(MODEL, {**real, "annualise_at": "nominal"}, BIDS)
    assert r.annualised_at == "nominal"
    assert r.annualised[0] == pytest.approx(100 * upv(0.04, 5) / upv(0.0608, 5), rel=1e-12)


def test_mid_year_nominal_annualisation_uses_the_mid_year_factor() -> None:
    r = run(MODEL, {**NOMINAL, "discounting": "mid"}, BIDS)
    # Mid-year: every factor (1 + r) ** -(t - 0.5). PV = 100 * 1.04**0.5 * UPV(4 %, 5);
    # annualised = PV / (1.0608**0.5 * UPV(6.08 %, 5)).
    pv = 100 * 1.04**0.5 * upv(0.04, 5)
    assert r.total[0] == pytest.approx(pv, rel=1e-12)
    assert r.annualised[0] == pytest.approx(pv / (1.0608**0.5 * upv(0.0608, 5)), rel=1e-12)


def test_a_schedule_annualises_at_its_nominal_bands() -> None:
    schedule = [{"to": 2, "rate": "5 %"}, {"rate": "3 %"}]
    r = run(
        MODEL,
        {**NOMINAL, "discount_rate": schedule, "period": "3 year", "inflation": "1 %"},
        [{"name": "A", "first": "0 DKK", "annual": "100 DKK/year"}],
    )
    # Nominal bands 5 %, 5 %, 3 %; escalation 2 % nominal under 1 % inflation is
    # 1.02 / 1.01 - 1 real. Discounting at the real bands 1.05 / 1.01 - 1, ...:
    # PV = sum_t 100 * (1.02 / 1.01) ** t * prod_k (1.01 / (1 + n_k)) = sum_t 100 * 1.02**t / N(t)
    nominal_factors = [1 / 1.05, 1 / 1.05**2, 1 / (1.05**2 * 1.03)]
    pv = sum(100 * 1.02 ** (t + 1) * f for t, f in enumerate(nominal_factors))
    assert r.total[0] == pytest.approx(pv, rel=1e-12)
    assert r.annualising_rate is None
    assert r.annualised[0] == pytest.approx(pv / sum(nominal_factors), rel=1e-12)


def test_the_table_says_which_rate_in_english_and_danish(tmp_path: Path) -> None:
    r = run(MODEL, NOMINAL, BIDS)
    from tco.views.table import result_table

    assert result_table(r, "en").splitlines()[-1] == (
        "Per year: the level amount with the same present value over the period, at the nominal "
        "rate 6.08 % (current money)."
    )
    assert result_table(r, "da").splitlines()[-1] == (
        "TCO pr. år: det jævne årlige beløb med samme nutidsværdi over perioden, ved den "
        "nominelle rente 6,08 % (løbende priser)."
    )
    real = run(MODEL, {**NOMINAL, "annualise_at": "real"}, BIDS)
    assert (
        result_table(real, "en")
        .splitlines()[-1]
        .endswith("at the real rate 4.00 % (constant money, year-0 prices).")
    )


def _tender_file(tmp_path: Path, **assumptions: Any) -> Path:
    path = tmp_path / f"t-{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(
        json.dumps({"model": MODEL, "assumptions": {**NOMINAL, **assumptions}, "bids": BIDS}),
        encoding="utf-8",
    )
    return path


def test_json_and_command_line_say_which_rate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _tender_file(tmp_path)
    assert main(["compare", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["annualised_at"] == "nominal"
    assert doc["bids"][0]["annualised"] == pytest.approx(100 * upv(0.04, 5) / upv(0.0608, 5))
    real = _tender_file(tmp_path, annualise_at="real")
    assert main(["compare", str(real), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["annualised_at"] == "real"
    assert main(["compare", str(path), "--lang", "da"]) == 0
    assert "ved den nominelle rente 6,08 % (løbende priser)" in capsys.readouterr().out


def test_the_workbook_and_report_state_the_rate(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from tco.views.html import assumption_rows
    from tco.views.workbook import write_workbook

    r = run(MODEL, NOMINAL, BIDS)
    assert dict(assumption_rows(r, "en"))["annualised at"] == (
        "the nominal rate: a level amount in current money"
    )
    assert dict(assumption_rows(r, "da"))["TCO pr. år beregnet ved"] == (
        "den nominelle rente: et jævnt årligt beløb i løbende priser"
    )
    out = write_workbook(r, tmp_path / "r.xlsx", lang="da")
    sheet = openpyxl.load_workbook(out)["Forudsætninger"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    # the row's words as the assumptions list writes them, with a capital first letter
    assert rows["TCO pr. år beregnet ved"] == (
        "Den nominelle rente: et jævnt årligt beløb i løbende priser"
    )


def test_the_batch_path_annualises_as_the_tender() -> None:
    batch = tco.evaluate_batch(
        MODEL,
        {"first": [0.0, 0.0], "annual": [100.0, 200.0]},
        units={"first": "DKK", "annual": "DKK/year"},
        assumptions=NOMINAL,
    )
    want = [100 * upv(0.04, 5) / upv(0.0608, 5), 200 * upv(0.04, 5) / upv(0.0608, 5)]
    np.testing.assert_allclose(batch["annualised"], want, rtol=1e-12)
    real = tco.evaluate_batch(
        MODEL,
        {"first": [0.0], "annual": [100.0]},
        units={"first": "DKK", "annual": "DKK/year"},
        assumptions={**NOMINAL, "annualise_at": "real"},
    )
    np.testing.assert_allclose(real["annualised"], [100.0], rtol=1e-12)


def test_an_unknown_annualisation_is_refused_naming_the_field() -> None:
    with pytest.raises(SpecError) as info:
        tco.load_tender(
            {"model": MODEL, "assumptions": {**NOMINAL, "annualise_at": "constant"}, "bids": BIDS}
        )
    assert "assumptions.annualise_at" in str(info.value)
    assert "'real' or 'nominal'" in str(info.value)
    assert "annualise_at" in error_text(info.value, "da")
    assert "'real' eller 'nominal'" in error_text(info.value, "da")


def test_the_basket_table_says_which_rate(capsys: pytest.CaptureFixture[str]) -> None:
    # The bundled copy-print basket is a real analysis at 4 %: the lines' annualised costs and
    # the basket's (their sum) are level amounts in constant money.
    assert main(["basket", "--example", "copy-print", "--lang", "da"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .endswith("ved den reale rente 4,00 % (faste priser, år 0).")
    )


def test_the_html_table_of_a_notebook_says_which_rate() -> None:
    r = run(MODEL, NOMINAL, BIDS)
    from tco.views.html import result_html

    assert "at the nominal rate 6.08 % (current money)." in r._repr_html_()
    assert "ved den nominelle rente 6,08 % (løbende priser)." in result_html(r, "da")
