"""``tco validate`` reports every problem of a file in one run, as docs/errors.md says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tco.cli import main

# Five independent problems: a bare discount rate, a bare CO2 price, a residual share above
# 100 %, two bids named 'A', and a power in kg.
TENDER = """\
model: indoor-lighting
assumptions:
  currency: DKK
  discount_rate: 4
  period: 15 year
  quantity: 200
  co2_price: 1500
  residual_value: {share: 150 %}
bids:
  - {name: A, price: 1450 DKK, power: 32 W, rated_life: 50000 h}
  - {name: A, price: 1100 DKK, power: 41 kg, rated_life: 35000 h}
  - {name: C, price: 1890 DKK, power: 27 W, rated_life: 70000 h}
"""

PATHS = {
    "assumptions.discount_rate",
    "assumptions.co2_price",
    "assumptions.residual_value.share",
    "bids[1].name",
    "bids[1].power",
}


def test_every_problem_of_a_tender_is_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TENDER, encoding="utf-8")
    assert main(["validate", str(path), "--format", "json"]) != 0
    doc = json.loads(capsys.readouterr().out)
    assert {e["path"] for e in doc["problems"]} == PATHS
    assert main(["validate", str(path)]) != 0
    err = capsys.readouterr().err
    assert "5 problems found" in err
    assert "write '4 %'" in err and "write '1500 DKK/t'" in err
    assert "two bids are named 'A'" in err and "got '41 kg'" in err and "got '150 %'" in err
    assert main(["validate", str(path), "--lang", "da"]) != 0
    danish = capsys.readouterr().err
    assert "5 problemer fundet" in danish
    assert "to tilbud hedder 'A'" in danish and "fik '150 %'" in danish
    assert "en emissionspris er penge pr. masse" in danish


BASKET = """\
model: printer
assumptions:
  currency: DKK
  discount_rate: 4
  period: 5 year
  co2_price: 1500
lines:
  - {name: A4, quantity: 40}
bids:
  - name: Same
    lines:
      A4: {price: 9800 DKK, toner_cost_per_page: 0.11 DKK/page, service_annual: 900 DKK/year, tec: 0.62 kWh/week}
  - name: Same
    lines:
      A4: {price: 8600 kg, toner_cost_per_page: 0.07 DKK/page, service_annual: 1200 DKK/year, tec: 0.7 kWh/week}
"""


def test_every_problem_of_a_basket_is_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(BASKET, encoding="utf-8")
    assert main(["validate", str(path), "--format", "json"]) != 0
    doc = json.loads(capsys.readouterr().out)
    assert {e["path"] for e in doc["problems"]} == {
        "assumptions.discount_rate",
        "assumptions.co2_price",
        "bids[1].name",
        "bids[1].lines.A4.price",
    }
