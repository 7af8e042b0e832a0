"""A bare YAML number reaches the value grammar as the text written, on every surface.

``quantity: 1.000`` is a Danish buyer's one thousand devices; YAML alone would read it
as 1. These tests write the same text on each surface (tender, basket, follow-up,
profiles, uncertainty) and check that it is read in the file's stated
``number_format`` or refused with both readings, in English and Danish.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import tco
from tco.cli import main

# The hand model of tests/conftest.py: at 0 % over 10 years one unit costs
# price + 10 year x power [kW] x hours [h/year] x el [DKK/kWh].
HAND_MODEL: dict[str, Any] = {
    "id": "hand",
    "title": "hand",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "power": {"unit": "W", "bid": True},
        "hours": {"unit": "h/year", "default": "1000 h/year"},
        "el": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "electricity": {"category": "use", "annual": "power * hours * el"},
    },
}
MODEL_TEXT = json.dumps(HAND_MODEL)


def _files(tmp_path: Path, **texts: str) -> dict[str, Path]:
    (tmp_path / "hand.yaml").write_text(MODEL_TEXT, encoding="utf-8")
    out = {}
    for name, text in texts.items():
        out[name] = tmp_path / f"{name}.yaml"
        out[name].write_text(text, encoding="utf-8")
    return out


def _tender(fmt: str | None, quantity: str, price: str, el: str = "2 DKK/kWh") -> str:
    stated = f"  number_format: {fmt}\n" if fmt else ""
    return (
        "model: hand.yaml\n"
        "assumptions:\n"
        f"{stated}"
        "  currency: DKK\n"
        "  discount_rate: 0 %\n"
        "  period: 10 year\n"
        f"  quantity: {quantity}\n"
        "parameters:\n"
        f"  el: {el}\n"
        "bids:\n"
        f"  - name: A\n    price: {price}\n    power: 100 W\n"
    )


def _error(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) != 0
    return capsys.readouterr().err


# -- tenders -----------------------------------------------------------------------------------


def test_a_bare_tender_quantity_is_read_as_the_same_text_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _files(
        tmp_path,
        bare=_tender(None, "1.000", "1450 DKK"),
        quoted=_tender(None, "'1.000'", "1450 DKK"),
    )
    bare = _error(capsys, ["compare", str(paths["bare"])])
    quoted = _error(capsys, ["compare", str(paths["quoted"])])
    assert "assumptions.quantity: got '1.000'" in bare
    assert "is 1 in English notation but 1000 in Danish notation" in bare
    assert bare.replace("bare.yaml", "X") == quoted.replace("quoted.yaml", "X")
    danish = _error(capsys, ["compare", str(paths["bare"]), "--lang", "da"])
    assert "'1.000' er 1 på engelsk, men 1000 på dansk" in danish


def test_a_danish_tender_reads_bare_numbers_in_danish(tmp_path: Path) -> None:
    # quantity 1.000 = 1000 units; price 1.450 = 1450 DKK; el 2,13 DKK/kWh.
    # One unit: 1450 + 10 year x 0.1 kW x 1000 h/year x 2.13 DKK/kWh = 1450 + 2130 = 3580 DKK;
    # 1000 units: 3,580,000 DKK.
    paths = _files(tmp_path, t=_tender("da", "1.000", "1.450", "2,13"))
    tender = tco.load_tender(paths["t"])
    assert tender.plan.quantity == 1000.0
    assert tender.evaluate().total[0] == pytest.approx(3_580_000.0, rel=1e-12)


def test_a_bare_price_without_a_format_is_refused_with_both_readings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _files(tmp_path, t=_tender(None, "200", "1.450"))
    err = _error(capsys, ["compare", str(paths["t"])])
    assert "bids[0].price: got '1.450'" in err
    assert "is 1.45 in English notation but 1450 in Danish notation" in err


def test_a_decimal_point_in_a_danish_tender_is_refused_not_read_as_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _files(tmp_path, t=_tender("da", "200", "1450", "2.13"))
    err = _error(capsys, ["compare", str(paths["t"])])
    assert "parameters.el: got '2.13'" in err and "write '2,13'" in err


def test_an_english_tender_reads_bare_numbers_in_english(tmp_path: Path) -> None:
    # quantity 1,000 = 1000 units; price 1,450.50 DKK; el 1.000 = 1 DKK/kWh.
    # One unit: 1450.5 + 10 x 0.1 x 1000 x 1 = 2450.5 DKK; 1000 units: 2,450,500 DKK.
    paths = _files(tmp_path, t=_tender("en", "1,000", "1,450.50", "1.000"))
    tender = tco.load_tender(paths["t"])
    assert tender.plan.quantity == 1000.0
    assert tender.evaluate().total[0] == pytest.approx(2_450_500.0, rel=1e-12)


def test_words_that_look_like_numbers_stay_text(tmp_path: Path) -> None:
    # A bid named 1.5, a title 2.0 and a model version 1.10 are names, not values.
    model = {**HAND_MODEL, "version": "VERSION"}
    (tmp_path / "hand.yaml").write_text(
        json.dumps(model).replace('"VERSION"', "1.10"), encoding="utf-8"
    )
    text = _tender(None, "200", "1450 DKK").replace("name: A", "name: 1.5")
    path = tmp_path / "t.yaml"
    path.write_text("title: 2.0\n" + text, encoding="utf-8")
    tender = tco.load_tender(path)
    assert tender.bids == ("1.5",)
    assert tender.spec.title == "2.0"
    assert tender.model.spec.version == "1.10"


# -- baskets -----------------------------------------------------------------------------------


def _basket(fmt: str | None, quantity: str) -> str:
    stated = f"  number_format: {fmt}\n" if fmt else ""
    return (
        "model: hand.yaml\n"
        "assumptions:\n"
        f"{stated}"
        "  currency: DKK\n"
        "  discount_rate: 0 %\n"
        "  period: 10 year\n"
        "lines:\n"
        f"  - name: devices\n    quantity: {quantity}\n"
        "bids:\n"
        "  - name: A\n    lines:\n      devices: {price: 1450 DKK, power: 100 W}\n"
    )


def _basket_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, Any]:
    assert main(["basket", str(path), "--format", "json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def test_a_bare_basket_quantity_is_refused_without_a_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _files(tmp_path, b=_basket(None, "1.000"))
    err = _error(capsys, ["basket", str(paths["b"])])
    assert "lines[0].quantity: got '1.000'" in err
    assert "is 1 in English notation but 1000 in Danish notation" in err
    danish = _error(capsys, ["basket", str(paths["b"]), "--lang", "da"])
    assert "lines[0].quantity: fik '1.000'" in danish and "1000 på dansk" in danish


@pytest.mark.parametrize(("fmt", "written"), [("da", "1.000"), ("en", "1,000")])
def test_a_basket_quantity_is_read_in_the_stated_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, written: str
) -> None:
    # 1000 units of 1450 + 10 x 0.1 x 1000 x 2 = 3450 DKK each: 3,450,000 DKK.
    paths = _files(tmp_path, b=_basket(fmt, written))
    doc = _basket_json(capsys, paths["b"])
    assert doc["lines"][0]["quantity"] == 1000.0
    assert doc["bids"][0]["total"] == pytest.approx(3_450_000.0, rel=1e-12)


# -- follow-up ---------------------------------------------------------------------------------


def _follow_up(fmt: str | None, distance: str) -> str:
    stated = f"number_format: {fmt}\n" if fmt else ""
    return f"tender: tender.yaml\nbid: El Mobil\n{stated}years:\n  1:\n    annual_distance: {distance}\n"


def test_a_bare_follow_up_value_is_read_as_meant_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = tmp_path / "tender.yaml"
    tender.write_bytes(tco.example_path("passenger-car").read_bytes())
    bare, danish, plain = (tmp_path / f"{n}.yaml" for n in ("bare", "danish", "plain"))
    bare.write_text(_follow_up(None, "23.000"), encoding="utf-8")
    danish.write_text(_follow_up("da", "23.000"), encoding="utf-8")
    plain.write_text(_follow_up(None, "23000 km/year"), encoding="utf-8")
    err = _error(capsys, ["follow-up", str(tender), str(bare)])
    assert "years[1].annual_distance: got '23.000'" in err
    assert "is 23 in English notation but 23000 in Danish notation" in err
    da = _error(capsys, ["follow-up", str(tender), str(bare), "--lang", "da"])
    assert "'23.000' er 23 på engelsk, men 23000 på dansk" in da
    outputs = []
    for path in (danish, plain):
        assert main(["follow-up", str(tender), str(path), "--format", "json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        doc.pop("title", None)
        outputs.append(doc["years"])
    assert outputs[0] == outputs[1]  # 23.000 under 'da' is 23000 km/year


# -- profiles ----------------------------------------------------------------------------------

PROFILES = """\
model: indoor-lighting
assumptions:
  number_format: da
  currency: DKK
  discount_rate: 4 %
  period: 15 year
  quantity: 200
  escalation:
    electricity: 1,67 %/year
  co2_price: 1.500 DKK/t
parameters:
  operating_hours: 3.000 h/year
  electricity_price: 2,13 DKK/kWh
profiles:
  sports_hall:
    weight: 1.000
    parameters: {operating_hours: 800 h/year}
  school:
    weight: 500
    parameters: {operating_hours: 2.000}
  care_home:
    weight: 500
    parameters: {operating_hours: 6.000 h/year}
bids:
  - {name: Lumen Nord, price: 1.450 DKK, power: 32 W, rated_life: 50.000 h}
  - {name: Budget Light, price: 1.100 DKK, power: 41 W, rated_life: 35.000 h}
  - {name: Premium LED, price: 1.890 DKK, power: 27 W, rated_life: 70.000 h}
"""


def test_profile_weights_and_values_are_read_in_the_stated_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROFILES, encoding="utf-8")
    assert main(["profiles", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    # The bundled example states the same tender in plain numbers (school: 2000 h/year).
    assert main(["profiles", "--example", "indoor-lighting-profiles", "--format", "json"]) == 0
    example = json.loads(capsys.readouterr().out)
    rows = {p["profile"]: p for p in doc["profiles"]}
    for row in example["profiles"]:
        assert rows[row["profile"]]["bids"] == row["bids"]
    # Weights 1000, 500, 500: shares 1000/2000 = 0.5 and 500/2000 = 0.25 each.
    shares = {"sports_hall": 0.5, "school": 0.25, "care_home": 0.25}
    for entry in doc["weighted"]:
        expected = sum(
            shares[name] * next(b["cost"] for b in rows[name]["bids"] if b["bid"] == entry["bid"])
            for name in shares
        )
        assert entry["cost"] == pytest.approx(expected, rel=1e-12)


def test_a_bare_profile_weight_without_a_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tco.example_path("indoor-lighting-profiles").read_text(encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(text.replace("weight: 3", "weight: 1.000"), encoding="utf-8")
    err = _error(capsys, ["profiles", str(path)])
    assert "profiles.school.weight: got '1.000'" in err
    assert "is 1 in English notation but 1000 in Danish notation" in err


# -- uncertainty -------------------------------------------------------------------------------


def test_a_bare_sample_count_is_read_as_meant_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tco.example_path("indoor-lighting-uncertain").read_text(encoding="utf-8")
    assert "samples: 20000" in text
    path = tmp_path / "u.yaml"
    path.write_text(text.replace("samples: 20000", "samples: 20.000"), encoding="utf-8")
    err = _error(capsys, ["validate", str(path)])
    assert "uncertainty.samples: got '20.000'" in err
    assert "is 20 in English notation but 20000 in Danish notation" in err


def test_a_danish_uncertainty_section_is_read_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _tender("da", "200", "1.450") + (
        "uncertainty:\n"
        "  samples: 20.000\n"
        "  seed: 7\n"
        "  parameters:\n"
        "    hours: {dist: uniform, low: 1.000 h/year, high: 2.000 h/year}\n"
    )
    paths = _files(tmp_path, u=text)
    assert main(["montecarlo", str(paths["u"]), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["samples"] == 20000
    # hours uniform on 1000..2000 h/year: one unit costs 1450 + 10 x 0.1 x hours x 2 DKK,
    # so between 3450 and 5450 DKK, 200 units between 690,000 and 1,090,000 DKK; at the
    # mean 1500 h/year, 200 x (1450 + 3000) = 890,000 DKK (the sample mean's standard
    # error: 200 x 2000 / sqrt(12) / sqrt(20000) = 816 DKK, so 1 % is over 10 of them).
    # The deterministic total is at the model's 1000 h/year: 200 x 3450 = 690,000 DKK.
    bid = doc["bids"][0]
    assert bid["deterministic"] == pytest.approx(690_000.0, rel=1e-12)
    assert bid["mean"] == pytest.approx(890_000.0, rel=0.01)
    values = [p["value"] for p in bid["percentiles"]]
    assert 690_000.0 <= min(values) <= max(values) <= 1_090_000.0


def test_scoring_points_and_weights_are_read_in_the_stated_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In a flow mapping ({...}) a comma separates entries, so Danish decimals go in block style.
    scoring = "scoring:\n  max_points: 10\n  weights:\n    price: 0,6\n    design: 0,4\n"
    text = _tender("da", "200", "1.450").replace(
        "power: 100 W", "power: 100 W\n    quality:\n      design: 7,5"
    )
    paths = _files(tmp_path, s=text + scoring)
    spec = tco.load_tender(paths["s"]).spec
    assert spec.scoring is not None and spec.scoring.weights == {"price": 0.6, "design": 0.4}
    assert spec.bids[0].quality == {"design": 7.5}
    bare = _tender(None, "200", "1450 DKK").replace(
        "power: 100 W", "power: 100 W\n    quality: {design: 7.500}"
    )
    paths = _files(tmp_path, b=bare + "scoring:\n  weights: {price: 1, design: 1}\n")
    err = _error(capsys, ["validate", str(paths["b"])])
    assert "bids[0].quality.design: got '7.500'" in err


# -- portfolio ---------------------------------------------------------------------------------


def test_a_portfolio_reads_each_tender_in_its_own_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The indoor-lighting example for 1000 luminaires, written three ways: in plain numbers
    # (quantity: 1000), in Danish (quantity: 1.000 under number_format: da), and with a bare
    # 1.000 and no format, which is one row with its error, not a tender of 1 luminaire.
    example = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    plain = example.replace("quantity: 200", "quantity: 1000")
    danish = (
        example.replace("  currency: DKK\n", "  currency: DKK\n  number_format: da\n")
        .replace("quantity: 200", "quantity: 1.000")
        .replace(
            "escalation: {electricity: 1.67 %/year}", "escalation:\n    electricity: 1,67 %/year"
        )
        .replace("2.13 DKK/kWh", "2,13 DKK/kWh")
    )
    bare = example.replace("quantity: 200", "quantity: 1.000")
    for name, text in (("a", plain), ("b", danish), ("c", bare)):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    assert main(["portfolio", str(tmp_path), "--format", "json"]) == 0
    rows = {Path(row["tender"]).name: row for row in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["a.yaml"]["error"] is None and rows["b.yaml"]["error"] is None
    assert rows["b.yaml"]["chosen_tco"] == pytest.approx(rows["a.yaml"]["chosen_tco"], rel=1e-12)
    assert rows["c.yaml"]["chosen_tco"] is None
    assert "is 1 in English notation but 1000 in Danish notation" in rows["c.yaml"]["error"]
