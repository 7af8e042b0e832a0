from __future__ import annotations

import json
from pathlib import Path

import pytest

import tco
from tco.cli import main


def test_compare_example_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting"]) == 0
    out = capsys.readouterr().out
    assert "present value in DKK" in out
    lines = out.splitlines()
    assert lines[4].split()[:2] == ["1", "Premium"]  # title, names, units, rule, rows


def test_compare_json_has_the_same_numbers_as_python(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tco.example_path("indoor-lighting")), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    by_name = {b["bid"]: b for b in data["bids"]}
    for i, name in enumerate(r.bids):
        assert by_name[name]["total"] == pytest.approx(r.total[i], rel=1e-15)
        assert by_name[name]["annualised"] == pytest.approx(r.annualised[i], rel=1e-15)


def test_compare_csv_and_danish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("rank,bid,total,annualised")
    assert main(["compare", "--example", "indoor-lighting", "--lang", "da"]) == 0
    assert "nutidsværdi" in capsys.readouterr().out


def test_models_and_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models"]) == 0
    assert "indoor-lighting" in capsys.readouterr().out
    assert main(["validate", str(tco.example_path("indoor-lighting"))]) == 0
    assert "valid tender" in capsys.readouterr().out
    model_file = tco.bundled_models()["indoor-lighting"]
    assert main(["validate", str(model_file)]) == 0
    assert "valid product model" in capsys.readouterr().out


def test_user_errors_print_one_line_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "model: indoor-lighting\nassumptions: {period: 15 year}\n"
        "bids:\n  - {name: A, price: 1450 DKK, power: 38 kg, rated_life: 50000 h}\n"
        "  - {name: B, price: 1450 DKK, powr: 38 W, rated_life: 50000 h}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # Every problem is reported, each with file and field path.
    assert f"{bad}: bids[0].power: got '38 kg', expected a power such as '38 W'" in err
    assert f"{bad}: bids[1].powr: unknown parameter 'powr' (did you mean 'power'?)" in err


def test_validate_checks_the_uncertainty_and_scenarios_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    bad = tmp_path / "uncertain.yaml"
    bad.write_text(
        text
        + "uncertainty:\n  parameters:\n    electricty_price: {dist: uniform, low: 1 DKK/kWh, high: 3 DKK/kWh}\n"
        + "scenarios:\n  dear: {operating_hours: 5 kg}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "2 problems found" in err
    assert "uncertainty.parameters.electricty_price" in err and "electricity_price" in err
    assert "scenarios.dear.operating_hours" in err
