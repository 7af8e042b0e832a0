"""A follow-up file is read as the buyer meant it, or refused at its own file and field.

Each case through the command line (``tco follow-up TENDER FOLLOWUP``) and the Python API
(:func:`tco.analysis.follow_up`), on a copy of the passenger-car example and its follow-up.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tco
from tco.analysis import follow_up
from tco.cli import main

EXAMPLES = Path(tco.example_path("passenger-car")).parent


@pytest.fixture
def lots(tmp_path: Path) -> Path:
    """Two lots in one folder: lot1.yaml (the passenger cars) and lot2.yaml (the vans)."""
    shutil.copy(tco.example_path("passenger-car"), tmp_path / "lot1.yaml")
    shutil.copy(tco.example_path("van"), tmp_path / "lot2.yaml")
    (tmp_path / "follow-up").mkdir()
    return tmp_path


def _follow_up(lots: Path, text: str) -> Path:
    path = lots / "follow-up" / "lot1.yaml"
    path.write_text(text, "utf-8")
    return path


def _refused(tender: Path, f: Path, capsys: pytest.CaptureFixture[str], lang: str = "en") -> str:
    assert main(["--lang", lang, "follow-up", str(tender), str(f)]) == 2
    return capsys.readouterr().err


_YEAR = "years:\n  1: {electricity_consumption: 18 kWh/100 km}\n"
_CLAUSE = (
    "clauses:\n  - {parameter: electricity_consumption, tolerance: 5 %, per: 1 kWh/100 km, "
    "penalty: PENALTY, bonus: 2000 DKK}\n"
)


def test_a_negative_penalty_is_refused_not_paid_by_the_buyer(
    lots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: -4000 DKK turned year 1's penalty of (18 - 16.5 - 0.825) x 4000 = 2,700 DKK,
    # paid by the supplier, into 2,700 DKK paid by the buyer.
    f = _follow_up(
        lots,
        "tender: ../lot1.yaml\nbid: El Mobil\n" + _YEAR + _CLAUSE.replace("PENALTY", "-4000 DKK"),
    )
    err = _refused(lots / "lot1.yaml", f, capsys)
    assert "follow-up/lot1.yaml: clauses[0].penalty: got '-4000 DKK'" in err
    assert "a penalty is what the supplier pays the buyer" in err
    assert "en bod er det, leverandøren betaler køberen" in _refused(
        lots / "lot1.yaml", f, capsys, "da"
    )
    with pytest.raises(tco.SpecError) as caught:
        follow_up(lots / "lot1.yaml", f)
    assert caught.value.path == ("clauses", 0, "penalty") and caught.value.file == str(f)
    # Written positive, the supplier pays: (18 - 16.5 - 0.825) x 4000 = 2,700 DKK, positive.
    f = _follow_up(
        lots,
        "tender: ../lot1.yaml\nbid: El Mobil\n" + _YEAR + _CLAUSE.replace("PENALTY", "4000 DKK"),
    )
    ok = follow_up(lots / "lot1.yaml", f)
    assert ok.clauses["electricity_consumption"].tolist() == pytest.approx([2700.0])


def test_a_follow_up_of_another_lot_is_refused(
    lots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: a follow-up of lot 2 compared with lot 1 was evaluated without a word.
    f = _follow_up(lots, "tender: ../lot2.yaml\nbid: El Mobil\n" + _YEAR)
    err = _refused(lots / "lot1.yaml", f, capsys)
    assert "follow-up/lot1.yaml: tender: the follow-up is of the tender '../lot2.yaml'" in err
    assert str((lots / "lot1.yaml").resolve()) in err
    assert "opfølgningen hører til udbuddet '../lot2.yaml'" in _refused(
        lots / "lot1.yaml", f, capsys, "da"
    )
    with pytest.raises(tco.SpecError) as caught:
        follow_up(tco.load_tender(lots / "lot1.yaml"), f)
    assert caught.value.path == ("tender",)
    # Its own tender, named relative to the follow-up, is accepted.
    f = _follow_up(lots, "tender: ../lot1.yaml\nbid: El Mobil\n" + _YEAR)
    assert main(["follow-up", str(lots / "lot1.yaml"), str(f)]) == 0


def test_the_awarded_bid_must_be_named(lots: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Before: without 'bid:' the cheapest bid (Benzin Auto) was followed, though the contract
    # was awarded to El Mobil on more than price.
    f = _follow_up(lots, "tender: ../lot1.yaml\n" + _YEAR)
    err = _refused(lots / "lot1.yaml", f, capsys)
    assert "follow-up/lot1.yaml: bid: the follow-up names no bid" in err
    assert "'bid: NAME' (one of Benzin Auto, El Mobil, Plugin Hybrid, Diesel HVO)" in err
    assert "skriv det vindende tilbud som 'bid: NAVN'" in _refused(
        lots / "lot1.yaml", f, capsys, "da"
    )
    with pytest.raises(tco.SpecError) as caught:
        follow_up(lots / "lot1.yaml", f)
    assert caught.value.path == ("bid",)


def test_a_value_out_of_range_is_said_at_the_follow_ups_year(
    lots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "lot1.yaml: parameters.annual_distance: got '-5.0'", the tender's place and a
    # number the buyer never wrote.
    f = _follow_up(
        lots,
        "tender: ../lot1.yaml\nbid: El Mobil\nyears:\n  1: {annual_distance: 25000 km/year}\n"
        "  2: {annual_distance: -5 km/year}\n  3: {electricity_consumption: -3 kWh/100 km}\n",
    )
    err = _refused(lots / "lot1.yaml", f, capsys)
    assert "follow-up/lot1.yaml: years[2].annual_distance: got '-5 km/year'" in err
    assert "follow-up/lot1.yaml: years[3].electricity_consumption: got '-3 kWh/100 km'" in err
    assert "parameters.annual_distance" not in err and "bids[" not in err
    with pytest.raises(tco.SpecErrors) as caught:
        follow_up(lots / "lot1.yaml", f)
    assert [(e.file, e.path) for e in caught.value.errors] == [
        (str(f), ("years", 2, "annual_distance")),
        (str(f), ("years", 3, "electricity_consumption")),
    ]


def test_a_value_the_tender_cannot_evaluate_is_said_at_the_follow_ups_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 0 h/year is within the model's range, but the lamps are replaced every
    # rated_life / operating_hours years: a division by zero, found when the year is
    # evaluated. Before, it was said at the tender's place; now at the follow-up's year.
    shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "lighting.yaml")
    f = tmp_path / "follow-up.yaml"
    f.write_text(
        "tender: lighting.yaml\nbid: Lumen Nord\nyears:\n  1: {operating_hours: 2500 h/year}\n"
        "  2: {operating_hours: 0 h/year}\n",
        "utf-8",
    )
    err = _refused(tmp_path / "lighting.yaml", f, capsys)
    assert f"{f}: years[2]: formula 'rated_life / operating_hours' gives a non-finite" in err
    with pytest.raises(tco.SpecError) as caught:
        follow_up(tmp_path / "lighting.yaml", f)
    assert (caught.value.file, caught.value.path) == (str(f), ("years", 2))


def test_a_year_written_as_text_is_that_year(
    lots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A quoted year key ('2': ...) is read as text by YAML; it is the year 2, in order.
    f = _follow_up(
        lots,
        "tender: ../lot1.yaml\nbid: El Mobil\nyears:\n  '2': {annual_distance: 27000 km/year}\n"
        "  1: {annual_distance: 27000 km/year}\n",
    )
    assert follow_up(lots / "lot1.yaml", f).years.tolist() == [1, 2]
    assert main(["follow-up", str(lots / "lot1.yaml"), str(f), "--format", "json"]) == 0
    assert '"year": 2' in capsys.readouterr().out
