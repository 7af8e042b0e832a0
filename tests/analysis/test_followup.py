"""Contract follow-up: the deviation from the awarded bid, split by who answers for it.

The model below has no discounting and no escalation, so every expected number is
written out by hand: a year's cost is consumption x distance x electricity price +
service, its CO2e consumption x distance x 0.1 kg/kWh.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.analysis.followup import follow_up
from tco.analysis.followup_file import read_follow_up
from tco.cli import main
from tco.errors import SpecError, SpecErrors

ROOT = Path(__file__).resolve().parents[2]

MODEL: dict[str, Any] = {
    "id": "follow-up-test",
    "title": "Follow-up test",
    "functional_unit": "car",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "consumption": {"unit": "kWh/km", "bid": True},
        "service": {"unit": "DKK/year", "bid": True},
        "distance": {"unit": "km/year", "default": "10000 km/year"},
        "el_price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
        "factor": {"unit": "kg/kWh", "default": "0.1 kg/kWh"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "electricity": {"category": "use", "annual": "consumption * distance * el_price"},
        "service": {"category": "maintenance", "annual": "service"},
    },
    "emissions": {"co2e": {"substance": "co2e", "annual": "consumption * distance * factor"}},
}

TENDER = tco.load_tender(
    {
        "model": MODEL,
        "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "3 year"},
        "bids": [
            {"name": "Won", "price": "100000 DKK", "consumption": "0.2 kWh/km",
             "service": "1000 DKK/year"},
            {"name": "Lost", "price": "95000 DKK", "consumption": "0.3 kWh/km",
             "service": "1000 DKK/year"},
        ],
    }
)  # fmt: skip

FOLLOW_UP: dict[str, Any] = {
    "bid": "Won",
    "years": {
        1: {"consumption": "0.25 kWh/km", "distance": "12000 km/year"},
        2: {"el_price": "3 DKK/kWh", "service": "1200 DKK/year"},
        3: {"consumption": "0.17 kWh/km"},
    },
    "clauses": [
        {"parameter": "consumption", "tolerance": "10 %", "per": "0.01 kWh/km",
         "penalty": "100 DKK", "bonus": "50 DKK"},
    ],
}  # fmt: skip


def test_deviation_split_by_hand() -> None:
    f = follow_up(TENDER, FOLLOW_UP)
    assert f.years.tolist() == [1, 2, 3]
    # Planned, every year: 0.2 kWh/km x 10000 km x 2 DKK/kWh + 1000 DKK = 5000 DKK; 200 kg.
    np.testing.assert_allclose(f.planned, [5000, 5000, 5000])
    # Year 1: supplier 0.25 x 10000 x 2 + 1000 = 6000; actual 0.25 x 12000 x 2 + 1000 = 7000.
    # Year 2: supplier 0.2 x 10000 x 2 + 1200 = 5200; actual 0.2 x 10000 x 3 + 1200 = 7200.
    # Year 3: 0.17 x 10000 x 2 + 1000 = 4400 both ways (nothing of the buyer's changed).
    np.testing.assert_allclose(f.supplier, [6000, 5200, 4400])
    np.testing.assert_allclose(f.actual, [7000, 7200, 4400])
    np.testing.assert_allclose(f.supplier_part, [1000, 200, -600])
    np.testing.assert_allclose(f.buyer_part, [1000, 2000, 0])
    np.testing.assert_allclose(f.deviation, f.supplier_part + f.buyer_part)
    rows = f.rows()
    assert [r["cumulative_deviation"] for r in rows] == pytest.approx([2000, 4200, 3600])
    # CO2e: planned 0.2 x 10000 x 0.1 = 200 kg; year 1 supplier 0.25 x 10000 x 0.1 = 250,
    # actual 0.25 x 12000 x 0.1 = 300; year 2 unchanged; year 3 0.17 x 10000 x 0.1 = 170.
    np.testing.assert_allclose(f.planned_co2e, [200, 200, 200])
    np.testing.assert_allclose(f.co2e_supplier_part, [50, 0, -30])
    np.testing.assert_allclose(f.co2e_buyer_part, [50, 0, 0])
    # Clause: tolerance 10 % of 0.2 = 0.02 kWh/km. Year 1: 0.25 - 0.2 - 0.02 = 0.03 above,
    # 3 steps of 0.01 x 100 DKK = 300 DKK penalty. Year 2: none recorded, no deviation.
    # Year 3: 0.2 - 0.17 - 0.02 = 0.01 below, 1 step x 50 DKK = 50 DKK bonus (negative).
    np.testing.assert_allclose(f.clauses["consumption"], [300, 0, -50])
    assert f.bid_values == {"consumption": pytest.approx(0.2), "service": 1000.0}


def test_the_awarded_bid_is_followed_and_must_be_named() -> None:
    f = follow_up(TENDER, {"bid": "Won", "years": {1: {"distance": "11000 km/year"}}})
    assert f.bid == "Won"
    # 0.2 x 1000 km more x 2 DKK/kWh = 400 DKK, all the buyer's.
    assert (f.supplier_part[0], f.buyer_part[0]) == (0.0, pytest.approx(400.0))
    # Without 'bid:' the cheapest bid was assumed; after an award on more than price
    # (MEAT) the awarded bid need not be the cheapest, so it must be named.
    with pytest.raises(tco.SpecError, match="names no bid") as err:
        follow_up(TENDER, {"years": {1: {"distance": "11000 km/year"}}})
    assert err.value.path == ("bid",)


def test_every_problem_is_reported_with_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "f.yaml"
    bad.write_text(
        "bid: Wonn\nyears:\n  1: {consumption: 0.25 kg, speed: 3 km/h}\n  9: {service: 1 DKK/year}\n"
        "clauses:\n  - {parameter: distance, penalty: 1 DKK}\ncolour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecErrors) as caught:
        read_follow_up(bad, TENDER)
    paths = {e.path for e in caught.value.errors}
    assert paths == {
        ("colour",),
        ("bid",),
        ("years", 1, "consumption"),
        ("years", 1, "speed"),
        ("years", 9),
        ("clauses", 0, "parameter"),
    }
    assert {e.file for e in caught.value.errors} == {str(bad)}
    assert "Won" in str(caught.value)  # the nearest bid name is suggested


def test_danish_numbers_in_a_danish_follow_up() -> None:
    danish = {"bid": "Won", "number_format": "da", "years": {1: {"el_price": "2,50 DKK/kWh"}}}
    f = follow_up(TENDER, danish)
    # 0.2 x 10000 x (2.50 - 2) = 1000 DKK more, the buyer's.
    assert f.buyer_part[0] == pytest.approx(1000.0)
    with pytest.raises(SpecError, match="2,500"):  # 2.5 in Danish, 2500 in English: refused
        follow_up(TENDER, {"bid": "Won", "years": {1: {"el_price": "2,500 DKK/kWh"}}})


def test_cli_example_table_json_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    ex = [
        str(tco.example_path("passenger-car")),
        str(ROOT / "examples/follow-up/passenger-car.yaml"),
    ]
    png = tmp_path / "f.png"
    assert main(["follow-up", *ex, "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "supplier's part" in out and png.read_bytes()[:4] == b"\x89PNG"
    assert main(["follow-up", *ex, "--lang", "da"]) == 0
    assert "leverandørens del" in capsys.readouterr().out
    assert main(["follow-up", *ex, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "docs/schema/followup.schema.json").read_text("utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc)) == []
    # Year 1 clause of the example: (17.8 - 16.5 - 0.05 x 16.5) x 4000 DKK = 1900 DKK.
    assert doc["years"][0]["clauses"] == pytest.approx(1900.0)


def test_docs_page_shows_the_current_output(capsys: pytest.CaptureFixture[str]) -> None:
    # Regenerate: cd examples && tco follow-up passenger-car.yaml follow-up/passenger-car.yaml
    ex = [
        str(tco.example_path("passenger-car")),
        str(ROOT / "examples/follow-up/passenger-car.yaml"),
    ]
    assert main(["follow-up", *ex]) == 0
    shown = ROOT / "docs" / "img" / "follow-up.txt"
    assert capsys.readouterr().out == shown.read_text(encoding="utf-8")


def test_docs_page_quotes_the_example_file() -> None:
    page = (ROOT / "docs" / "after-award.md").read_text(encoding="utf-8")
    assert (ROOT / "examples/follow-up/passenger-car.yaml").read_text(encoding="utf-8") in page


def test_workbook_reads_back(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from tco.views.followup import write_followup_workbook

    f = follow_up(TENDER, {**FOLLOW_UP, "bid": "Won"})
    out = write_followup_workbook(f, tmp_path / "f.xlsx", lang="da")
    wb = openpyxl.load_workbook(out)
    years, recorded = wb["Opfølgning"], wb["Registreret"]
    rows = list(years.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == [1, 2, 3]
    # Columns after the year follow FollowUp.rows(): planned, actual, deviation, supplier, buyer.
    assert [r[1:6] for r in rows] == [
        pytest.approx((5000, 7000, 2000, 1000, 1000)),
        pytest.approx((5000, 7200, 2200, 200, 2000)),
        pytest.approx((5000, 4400, -600, -600, 0)),
    ]
    assert rows[0][-1] == pytest.approx(300.0)  # the clause's penalty in year 1
    assert "[DKK]" in str(years["B2"].value)
    first = next(recorded.iter_rows(min_row=2, values_only=True))
    assert first == (1, "consumption", pytest.approx(0.25), pytest.approx(0.2))


def test_an_unknown_key_in_a_follow_up_lists_the_keys() -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    with pytest.raises(tco.SpecError) as caught:
        read_follow_up({"bid": "Lumen Nord", "years": {}, "yeras": 1}, tender)
    assert str(caught.value) == "yeras: unknown key 'yeras' (did you mean 'years'?)"
    assert caught.value.expected == "one of tender, bid, title, number_format, years, clauses"
