"""Usage profiles: the same bids ranked under each profile, weighted, and where the winner changes."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

import tco
from helpers import HAND_MODEL
from tco.analysis.profiles import profiles
from tco.cli import main
from tco.views.profiles import profiles_text

# A model whose totals are easy by hand: no discounting, 10 years, one unit.
MODEL = HAND_MODEL


def _tender(**extra: Any) -> tco.Tender:
    return tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "10 year"},
            "bids": [
                {"name": "A", "price": "1000 DKK", "power": "100 W"},
                {"name": "B", "price": "1500 DKK", "power": "50 W"},
            ],
            "profiles": {
                "low": {"weight": 1, "parameters": {"hours": "400 h/year"}},
                "high": {"weight": 3, "parameters": {"hours": "2000 h/year"}},
            },
            **extra,
        }
    )


def test_hand_computed_costs_ranks_and_weighted_ranking() -> None:
    t = profiles(_tender())
    # total = price + 10 years x power [kW] x hours x 2 DKK/kWh
    # low (400 h):   A = 1000 + 10 x 0.1 x 400 x 2 = 1800;   B = 1500 + 10 x 0.05 x 400 x 2 = 1900
    # high (2000 h): A = 1000 + 10 x 0.1 x 2000 x 2 = 5000;  B = 1500 + 10 x 0.05 x 2000 x 2 = 3500
    np.testing.assert_allclose(t.cost, [[1800.0, 1900.0], [5000.0, 3500.0]])
    assert t.winners == ("A", "B") and t.winner_changes
    # weights 1 and 3 -> 0.25 and 0.75: A = 450 + 3750 = 4200; B = 475 + 2625 = 3100
    np.testing.assert_allclose(t.weights, [0.25, 0.75])
    np.testing.assert_allclose(t.weighted, [4200.0, 3100.0])
    assert t.winner == "B" and t.weighted_rank.tolist() == [2, 1]
    assert t.ranks.tolist() == [[1, 2], [2, 1]]


def test_where_the_winner_changes() -> None:
    (switch,) = profiles(_tender()).switches
    # A = 1000 + 2 h and B = 1500 + h are equal at h = 500 h/year; the grid from 400 to 2000
    # has a point every 1.6 h, so the first point where B is cheaper lies within 1.6 h above 500.
    assert switch["from_bid"] == "A" and switch["to_bid"] == "B"
    hours = float(switch["at"]["hours"].split()[0])
    assert 500.0 < hours <= 501.6
    assert switch["at"]["hours"].endswith("h/year")


def test_each_profile_equals_the_tender_evaluated_with_its_values() -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting-profiles"))
    t = profiles(tender)
    data = tender.spec.model_dump(exclude_none=True)
    for k, (name, p) in enumerate(tender.spec.profiles.items()):
        alone = tco.load_tender(
            {**data, "profiles": {}, "parameters": {**data["parameters"], **p.parameters}}
        ).evaluate()
        np.testing.assert_allclose(t.cost[k], alone.total, rtol=1e-12, err_msg=name)


def test_no_winner_change_says_so() -> None:
    t = profiles(_tender(), {"a": {"hours": "2000 h/year"}, "b": {"hours": "3000 h/year"}})
    assert t.winners == ("B", "B") and not t.winner_changes and t.switches == []
    assert "The same bid is cheapest under every profile: B." in profiles_text(t)


def test_assumptions_may_vary_too() -> None:
    t = profiles(_tender(), {"one": {"quantity": 1}, "two": {"quantity": 2}})
    np.testing.assert_allclose(t.cost[1], 2 * t.cost[0])


@pytest.mark.parametrize(
    ("setting", "match"),
    [
        ({"price": "1 DKK"}, "'price' is a bid parameter"),
        ({"hourz": "1 h/year"}, "unknown input 'hourz'"),
        ({"hours": "1 kg"}, "got '1 kg'"),
    ],
)
def test_mistakes_name_the_field(setting: dict[str, str], match: str) -> None:
    tender = _tender(profiles={"p": {"parameters": setting}})
    with pytest.raises(tco.SpecError, match=match) as err:
        profiles(tender)
    assert err.value.path[:3] == ("profiles", "p", "parameters")


def test_weights_zero_or_negative_and_no_profiles() -> None:
    with pytest.raises(tco.SpecError, match="positive number"):
        profiles(_tender(profiles={"p": {"weight": 0, "parameters": {}}}))
    with pytest.raises(tco.SpecError, match="no usage profiles"):
        profiles(tco.load_tender(tco.example_path("indoor-lighting")))
    with pytest.raises(tco.SpecError, match="positive number") as err:
        profiles(_tender(profiles={"p": {"weight": -1}}))
    assert err.value.path == ("profiles", "p", "weight")


def test_cli_table_json_and_compare(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--example", "indoor-lighting-profiles"]) == 0
    out = capsys.readouterr().out
    assert "weighted" in out and "From Sports hall to School: Lumen Nord" in out
    assert "sports_hall" not in out  # labels, not ids
    assert main(["profiles", "--example", "indoor-lighting-profiles", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "profiles" and doc["winner"] == "Premium LED"
    assert [p["winner"] for p in doc["profiles"]] == ["Lumen Nord", "Premium LED", "Premium LED"]
    assert (doc["profiles"][0]["profile"], doc["profiles"][0]["label"]) == (
        "sports_hall",
        "Sports hall",
    )
    assert main(["compare", "--example", "indoor-lighting-profiles", "--lang", "da"]) == 0
    assert "Brugsprofiler" in capsys.readouterr().out
    assert main(["profiles", "--example", "indoor-lighting"]) == 2


def test_bid_names_cannot_move_the_cursor() -> None:
    tender = _tender(bids=[{"name": "A\x1b[2J", "price": "1 DKK", "power": "1 W"}])
    assert "\x1b" not in profiles_text(profiles(tender))


def test_docs_page_shows_the_commands_output(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "profiles.md").read_text("utf-8")
    assert main(["profiles", "--example", "indoor-lighting-profiles"]) == 0
    assert capsys.readouterr().out.strip() in page


def test_each_profile_row_names_its_own_settings() -> None:
    # The table's rows (JSON, the workbook) repeat each profile's settings as given.
    # Mutant: every row's parameters read under no name (all empty).
    t = profiles(_tender(), {"a": {"hours": "2000 h/year"}, "b": {"hours": "3000 h/year"}})
    rows = t.rows()
    assert [r["parameters"] for r in rows] == [{"hours": "2000 h/year"}, {"hours": "3000 h/year"}]
