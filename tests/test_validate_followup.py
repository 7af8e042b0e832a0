"""``tco validate FOLLOWUP``: a follow-up file is checked against the tender its ``tender:`` names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tco.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "follow-up" / "passenger-car.yaml"


def _folder(tmp_path: Path, follow_up: str) -> Path:
    """The portfolio layout: the tender, and the follow-up in its ``follow-up`` folder."""
    shutil.copy(ROOT / "examples" / "passenger-car.yaml", tmp_path / "passenger-car.yaml")
    (tmp_path / "follow-up").mkdir()
    path = tmp_path / "follow-up" / "car.yaml"
    path.write_text(follow_up, encoding="utf-8")
    return path


def test_the_example_follow_up_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    # Before: read as a product model, 8 problems ("id: this key is required", ...).
    assert main(["validate", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    tender = ROOT / "examples" / "passenger-car.yaml"
    assert out == (
        f"{EXAMPLE}: valid follow-up of the bid 'El Mobil' of the tender {tender} "
        "with 3 years recorded\n"
    )
    assert main(["--lang", "da", "validate", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{EXAMPLE}: gyldig opfølgning af tilbuddet 'El Mobil' i udbuddet {tender} "
        "med 3 år registreret\n"
    )


def test_the_example_follow_up_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "validation" and doc["valid"] is True
    assert doc["document"] == "followup" and doc["model"] == "passenger-car"
    assert doc["problems"] == []


def test_every_problem_of_a_follow_up_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Three problems: an unknown bid, a year past the 8-year period of the passenger-car tender,
    # a consumption in the wrong unit.
    path = _folder(
        tmp_path,
        "tender: ../passenger-car.yaml\nbid: El Mobiel\nyears:\n"
        "  1: {electricity_consumption: 17 kg}\n  40: {annual_distance: 20000 km/year}\n",
    )
    assert main(["validate", str(path), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is False and doc["document"] == "followup"
    paths = sorted(p["path"] for p in doc["problems"])
    assert paths == ["bid", "years[1].electricity_consumption", "years[40]"]
    assert all(p["file"] == str(path) for p in doc["problems"])


def test_a_problem_of_a_follow_up_in_text_and_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _folder(tmp_path, "tender: ../passenger-car.yaml\nbid: Nobody\n")
    assert main(["--lang", "da", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bid" in err and "Nobody" in err and "El Mobil" in err
    assert err.startswith("fejl:")


def test_a_follow_up_without_tender_says_how_to_name_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("bid: El Mobil\nyears: {1: {annual_distance: 20000 km/year}}\n", "utf-8")
    assert main(["validate", str(path), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    (problem,) = doc["problems"]
    assert doc["document"] == "followup" and problem["path"] == "tender"
    assert "tco follow-up TENDER FOLLOWUP" in problem["message"]
    assert main(["--lang", "da", "validate", str(path), "--format", "json"]) == 2
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert problem["message"] == f"{path}: tender: " + (
        "opfølgningen angiver intet udbud; kør 'tco follow-up TENDER FOLLOWUP', eller "
        "skriv 'tender:' som stien til udbuddet set fra opfølgningsfilen"
    )


def test_the_tender_is_read_only_within_the_follow_ups_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The follow-up lies in 'follow-up/': its tender may lie in the folder above, not further.
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(ROOT / "examples" / "passenger-car.yaml", outside / "passenger-car.yaml")
    inner = tmp_path / "box"
    inner.mkdir()
    path = _folder(inner, "tender: ../../outside/passenger-car.yaml\nbid: El Mobil\n")
    assert main(["validate", str(path), "--format", "json"]) == 2
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert "out of the folder" in problem["message"]
    # The same tender, within the folder, is read.
    path.write_text("tender: ../passenger-car.yaml\nbid: El Mobil\n", "utf-8")
    assert main(["validate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True
