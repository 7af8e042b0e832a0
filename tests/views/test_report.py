"""The award report: one self-contained HTML file."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.views.fingerprint import fingerprint
from tco.views.report import method_statement, report_html

EXAMPLE = tco.example_path("indoor-lighting")


@pytest.fixture(scope="module")
def page() -> str:
    tender = tco.load_tender(EXAMPLE)
    return report_html(tender.evaluate(), tender)


def test_sections(page: str) -> None:
    assert re.findall(r"<h2>(.*?)</h2>", page) == [
        "Method",
        "Assumptions",
        "Inputs",
        "Results",
        "Charts",
        "Abatement cost of CO2e",
        "Fingerprint",
    ]
    assert page.startswith("<!DOCTYPE html>")
    assert "Lowest cost: <strong>Premium LED</strong>" in page


def test_self_contained(page: str) -> None:
    # no file or web reference: every src is inline data
    assert re.findall(r'(?:src|href)="(?!data:)', page) == []
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 4  # breakdown, cumulative, emissions, cost against CO2e
    for data in images:
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"


def test_method_states_the_conventions_used(result: tco.Result) -> None:
    text = method_statement(result)
    assert "r = 4.00 % per year, real" in text
    assert "P = 15 years, the same for every bid" in text
    assert "d(t) = (1 + r)<sup>−t</sup>" in text
    assert "electricity: 1.67 %/year" in text
    assert "year-0 prices" in text
    # lifetimes: rated life / 3000 h per year
    assert "Lumen Nord: 16.67 years, Budget Light: 11.67 years, Premium LED: 23.33 years" in text
    assert "linear residual value" in text
    assert "Q = 200 × luminaire" in text
    assert "CO2e at 1500 DKK/t" in text
    # annuity factor for 4 % and 15 years: (1 - 1.04^-15) / 0.04 = 11.1184
    assert f"{(1 - 1.04**-15) / 0.04:.4f} years" in text


def test_method_for_mid_year_nominal_rates() -> None:
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {
                "period": "10 year",
                "discount_rate": "6 %",
                "rate_type": "nominal",
                "inflation": "2 %",
                "discounting": "mid",
            },
            "bids": [{"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "50000 h"}],
        }
    )
    text = method_statement(t.evaluate())
    # Fisher: 1.06 / 1.02 - 1 = 3.92 %
    assert "r = 3.92 % per year" in text
    assert "from the nominal rate 6 % and inflation i = 2.00 %" in text
    assert "d(t) = (1 + r)<sup>−(t − 0.5)</sup>" in text


def test_results_and_crossings(page: str) -> None:
    assert "<th>total [DKK]</th>" in page
    assert "Lumen Nord cheaper than Budget Light from year 6.0" in page


def test_fingerprint_hashes_the_files(page: str, tender: tco.Tender) -> None:
    model_hash = hashlib.sha256(Path(tender.model.file or "").read_bytes()).hexdigest()
    tender_hash = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    fp = fingerprint(tender)
    assert fp["model_sha256"] == model_hash
    assert fp["tender_sha256"] == tender_hash
    assert fp["tco"] == tco.__version__
    lines = "\n".join(f"{k}={v}" for k, v in fp.items() if k != "sha256")
    assert fp["sha256"] == hashlib.sha256(lines.encode()).hexdigest()
    for value in (model_hash, tender_hash, fp["sha256"]):
        assert f"<td>{value}</td>" in page


def test_fingerprint_changes_with_the_tender(tmp_path: Path, tender: tco.Tender) -> None:
    changed = tmp_path / "t.yaml"
    changed.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("quantity: 200", "quantity: 201"),
        encoding="utf-8",
    )
    other = fingerprint(tco.load_tender(changed))
    assert other["model_sha256"] == fingerprint(tender)["model_sha256"]
    assert other["tender_sha256"] != fingerprint(tender)["tender_sha256"]
    assert other["sha256"] != fingerprint(tender)["sha256"]


def test_fingerprint_of_data() -> None:
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "15 year"},
            "bids": [{"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "50000 h"}],
        }
    )
    fp = fingerprint(t)
    assert fp["tender"] == "(data)"
    assert fp["tender_sha256"] == fingerprint(t)["tender_sha256"]  # deterministic


def test_cli_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["compare", "--example", "indoor-lighting", "--report", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<h2>Fingerprint</h2>" in text
    assert "LED luminaires for Nordskolen" in text


def test_report_in_danish(tender: tco.Tender, result: tco.Result) -> None:
    page = report_html(result, tender, lang="da", charts=False)
    assert re.findall(r"<h2>(.*?)</h2>", page) == [
        "Metode",
        "Forudsætninger",
        "Inddata",
        "Resultater",
        "Reduktionsomkostning for CO2e",
        "Fingeraftryk",
    ]
    assert "Laveste omkostning: <strong>Premium LED</strong>" in page
    text = method_statement(result, "da")
    assert "r = 4,00 % pr. år, real" in text
    assert "P = 15 år, den samme for alle tilbud" in text
    assert "Lumen Nord: 16,67 år" in text
    assert "Q = 200 × armatur" in text
    assert "CO2e til 1.500 DKK/t" in text
    assert "el: 1,67 %/år" in text


def test_method_with_each_bids_own_lifetime() -> None:
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "lifetime"},
            "bids": [
                {"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "45000 h"},
                {"name": "B", "price": "1 DKK", "power": "1 W", "rated_life": "24000 h"},
            ],
        }
    )
    text = method_statement(t.evaluate())
    # 45000 h / 3000 h/year = 15 years; 24000 / 3000 = 8 years
    assert "P = each bid's own lifetime (A: 15 years, B: 8 years)" in text
    # annuity factors at 4 %: (1 - 1.04^-8) / 0.04 and (1 - 1.04^-15) / 0.04
    f8, f15 = (1 - 1.04**-8) / 0.04, (1 - 1.04**-15) / 0.04
    assert f"{f8:.4f} years for 8 years, {f15:.4f} years for 15 years" in text
    assert "annualised cost (the bids' periods differ)" in text
