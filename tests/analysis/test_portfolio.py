"""Management information across tenders: TCO saved against the lowest price, CO2e avoided.

The tenders use the model of test_abatement.py (no discounting): a bid's TCO is
its price plus 10 years of electricity at 1 DKK/kWh, its CO2e 10 years of
0.5 kg CO2e/kWh. Every expected number is written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
import yaml
from test_abatement import MODEL

import tco
from helpers import simple_model
from tco.analysis.portfolio import find_tenders, portfolio, portfolio_of
from tco.cli import main
from tco.views.portfolio import portfolio_csv


def _tender(bids: list[tuple[str, int, int]]) -> dict[str, object]:
    return {
        "model": "models/abatement-test.yaml",
        "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "10 year"},
        "bids": [{"name": n, "price": f"{p} DKK", "energy": f"{e} kWh/year"} for n, p, e in bids],
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "abatement-test.yaml").write_text(yaml.safe_dump(MODEL), "utf-8")
    one = _tender([("A", 1000, 1000), ("C", 9000, 500), ("F", 500, 1200)])
    two = _tender([("B", 4000, 800), ("E", 5000, 900)])
    (tmp_path / "one.yaml").write_text(yaml.safe_dump(one), "utf-8")
    (tmp_path / "two.yaml").write_text(yaml.safe_dump(two), "utf-8")
    (tmp_path / "broken.yaml").write_text("model: models/abatement-test.yaml\nbids: []\n", "utf-8")
    (tmp_path / "follow-up").mkdir()
    (tmp_path / "follow-up" / "one.yaml").write_text(
        "tender: ../one.yaml\nbid: A\nyears:\n  1: {energy: 1100 kWh/year}\n", "utf-8"
    )
    return tmp_path


def test_rows_and_totals_by_hand(folder: Path) -> None:
    p = portfolio(folder, workers=1)
    rows = {Path(r["tender"]).stem: r for r in p.rows}
    assert sorted(rows) == ["broken", "one", "two"]
    one, two = rows["one"], rows["two"]
    # one: A 1000 + 10 x 1000 = 11000 DKK, 5 t; C 9000 + 5000 = 14000, 2.5 t;
    # F 500 + 12000 = 12500, 6 t. Chosen A (lowest TCO), lowest price F (500 DKK).
    assert (one["chosen"], one["lowest_price"]) == ("A", "F")
    assert one["saved"] == pytest.approx(12500 - 11000)
    assert one["co2e_avoided_kg"] == pytest.approx(6000 - 5000)
    assert one["abatement_cost"] == pytest.approx((11000 - 12500) / (6 - 5))  # -1500 DKK/t
    # Follow-up of A, year 1: 100 kWh more x 1 DKK/kWh = 100 DKK, 50 kg, all the supplier's.
    assert one["followup_deviation"] == pytest.approx(100.0)
    assert one["followup_supplier_part"] == pytest.approx(100.0)
    assert one["followup_co2e_deviation_kg"] == pytest.approx(50.0)
    # two: B 4000 + 8000 = 12000 (4 t) is both the cheapest and the lowest price.
    assert (two["chosen"], two["lowest_price"], two["saved"]) == ("B", "B", 0.0)
    assert two["abatement_cost"] is None and two["followup_years"] is None
    assert "at least one bid" in rows["broken"]["error"]
    (total,) = p.totals()
    assert (total["tenders"], total["saved"]) == (2, pytest.approx(1500.0))
    assert total["co2e_avoided_kg"] == pytest.approx(1000.0)


def test_parallel_gives_the_same_rows(folder: Path) -> None:
    serial, parallel = portfolio(folder, workers=1), portfolio(folder, workers=2)
    assert parallel.workers == 2
    assert parallel.rows == serial.rows


def test_follow_ups_are_not_tenders(folder: Path) -> None:
    found = dict(find_tenders(folder))
    assert found[str(folder / "one.yaml")] == str(folder / "follow-up" / "one.yaml")
    assert len(found) == 3


def test_csv_is_safe_and_danish(folder: Path) -> None:
    spec = _tender([("=HYPERLINK(1)", 1000, 1000)])
    spec["title"] = "=cmd|' /C calc'!A0"
    (folder / "evil.yaml").write_text(yaml.safe_dump(spec), "utf-8")
    p = portfolio(folder, workers=1)
    rows = list(csv.DictReader(io.StringIO(portfolio_csv(p))))
    evil = next(r for r in rows if r["tender"].endswith("evil.yaml"))
    assert evil["title"].startswith("'=") and evil["chosen"].startswith("'=")
    da = portfolio_csv(p, "da").splitlines()
    one = next(line for line in da if line.startswith(str(folder / "one.yaml"))).split(";")
    saved = one[list(rows[0]).index("saved")]
    assert float(saved.replace(",", ".")) == pytest.approx(1500.0)  # a decimal comma


def test_cli(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_csv, png = tmp_path / "p.csv", tmp_path / "p.png"
    assert main(["portfolio", str(folder), "--csv", str(out_csv), "--plot", str(png)]) == 0
    text = capsys.readouterr().out
    assert "total of 2 tenders in DKK: TCO saved 1,500, CO2e avoided 1.0 t" in text
    assert "error: " in text and png.read_bytes()[:4] == b"\x89PNG"
    assert out_csv.read_text("utf-8").startswith("tender,title,model")
    assert main(["portfolio", str(folder / "missing")]) == 2
    assert main(["portfolio", str(folder), "--workers", "0"]) == 2
    json.dumps(portfolio(folder, workers=1).totals())  # plain data


def test_parquet(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from tco.views.portfolio import write_parquet

    out = write_parquet(portfolio(folder, workers=1), tmp_path / "p.parquet")
    assert len(pd.read_parquet(out)) == 3


def test_parquet_without_pyarrow_names_the_extra(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tco.errors import MissingExtraError
    from tco.views.portfolio import write_parquet

    p = portfolio(folder, workers=1)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(MissingExtraError, match=r"pip install 'tco-lcc\[parquet\]'"):
        write_parquet(p, tmp_path / "p.parquet")
    assert not (tmp_path / "p.parquet").exists()


def _plain() -> tco.Tender:
    return tco.load_tender(
        {
            "model": simple_model(
                {
                    "buy": {"category": "acquisition", "once": "first"},
                    "run": {"category": "use", "annual": "annual"},
                }
            ),
            "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "5 year"},
            "bids": [
                {"name": "A", "first": "100 DKK", "annual": "10 DKK/year"},
                {"name": "B", "first": "90 DKK", "annual": "20 DKK/year"},
            ],
        }
    )


def test_a_tender_without_emissions_avoids_nothing() -> None:
    # No emission in the model: every bid's CO2e is 0 kg, so 0 avoided; A (100 + 5 * 10 = 150)
    # against the lowest price B (90 + 5 * 20 = 190, undiscounted): 40 DKK saved.
    # The evaluation's wall time is its own: well under a minute, and not negative.
    p = portfolio_of({"plain": _plain()})
    (row,) = p.rows
    assert (row["chosen"], row["lowest_price"], row["saved"]) == ("A", "B", 40.0)
    assert (row["chosen_co2e_kg"], row["co2e_avoided_kg"]) == (0.0, 0.0)
    assert 0.0 <= p.seconds < 60.0


def test_follow_ups_that_name_no_tender_or_a_tender_twice_are_rows(folder: Path) -> None:
    # follow-up/one.yaml follows one.yaml already; a second for it and one for a tender the
    # folder does not have are each a row with the error, and one.yaml keeps its first.
    up = folder / "follow-up"
    (up / "second.yaml").write_text("tender: ../one.yaml\nbid: A\nyears: {}\n", "utf-8")
    (up / "lost.yaml").write_text("tender: ../three.yaml\nbid: A\nyears: {}\n", "utf-8")
    rows = {Path(r["tender"]).name: r for r in portfolio(folder, workers=1).rows}
    assert "has a follow-up already" in rows["second.yaml"]["error"]
    assert str(up / "one.yaml") in rows["second.yaml"]["error"]
    assert (
        "names the tender '../three.yaml', which is not a tender of" in rows["lost.yaml"]["error"]
    )
    assert rows["one.yaml"]["followup_deviation"] == pytest.approx(100.0)


def test_a_tender_without_bids_is_a_tender_row_not_a_follow_up(folder: Path) -> None:
    # A file of the folder itself with neither 'bids' nor 'years' is a (broken) tender.
    (folder / "nobids.yaml").write_text("model: models/abatement-test.yaml\n", "utf-8")
    rows = {Path(r["tender"]).name: r for r in portfolio(folder, workers=1).rows}
    assert rows["nobids.yaml"]["error"]
    assert "follow-up" not in rows["nobids.yaml"]["error"]


def test_a_list_of_tender_files_is_evaluated_as_given(folder: Path) -> None:
    # Only two.yaml: one row, B chosen (see above), no follow-up looked for.
    p = portfolio([str(folder / "two.yaml")], workers=1)
    assert [(Path(r["tender"]).name, r["chosen"]) for r in p.rows] == [("two.yaml", "B")]


def test_a_follow_up_given_by_name_is_said_at_its_place_in_the_request() -> None:
    # A follow-up passed as a mapping (the HTTP service's request): its mistake is said at
    # followups.NAME, not at the follow-up's own top level.
    p = portfolio_of({"plain": _plain()}, {"plain": {"bid": "Z", "years": {}}}, file="request")
    assert p.rows[0]["error"] == "request: followups.plain.bid: no bid named 'Z'"
