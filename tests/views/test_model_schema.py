"""A schema per product model: each bid parameter a property with its unit pattern."""

from __future__ import annotations

import json
from typing import Any

import pytest

import tco
from tco.cli import main
from tco.io.yamlio import read_yaml_file
from tco.views.model_schema import tender_schema, unit_pattern
from tco.views.schema import json_schema

jsonschema = pytest.importorskip("jsonschema")


def _errors(schema: dict[str, Any], data: Any) -> list[Any]:
    jsonschema.Draft202012Validator.check_schema(schema)
    return list(jsonschema.Draft202012Validator(schema).iter_errors(data))


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_every_example_matches_its_models_schema(name: str) -> None:
    # No false alarms: what tco accepts in the bundled examples, the editor accepts too.
    data = read_yaml_file(tco.example_path(name))
    if not isinstance(data["model"], str) or data["model"] not in tco.bundled_models():
        pytest.skip("the example's model is not a bundled model")  # pragma: no cover
    schema = tender_schema(tco.load_model(data["model"]))
    assert _errors(schema, data) == []


def _lighting() -> dict[str, Any]:
    return read_yaml_file(tco.example_path("indoor-lighting"))


@pytest.mark.parametrize("schema", ["per model", "generic"])
def test_a_misspelt_bid_field_and_a_kr_price_fail(schema: str) -> None:
    s = (
        tender_schema(tco.load_model("indoor-lighting"))
        if schema == "per model"
        else json_schema("tender")
    )
    data = _lighting()
    assert _errors(s, data) == []
    data["bids"][0]["powr"] = data["bids"][0].pop("power")
    data["bids"][1]["price"] = "1100 kr"
    errors = _errors(s, data)
    messages = " ".join(e.message for e in errors)
    assert "powr" in messages  # additional property (and 'power' missing)
    assert "1100 kr" in messages
    # tco itself refuses both too: the schema says no more than the library.
    with pytest.raises(tco.SpecError, match="powr") as info:
        tco.load_tender(data)
    assert "kr" in str(info.value)


def test_a_household_bid_with_anual_energy_fails() -> None:
    data = read_yaml_file(tco.example_path("household-dishwasher"))
    model = tco.load_model(data["model"])
    name = next(n for n in model.bid_parameters if "energy" in n)
    data["bids"][0]["anual_energy"] = data["bids"][0].pop(name)
    errors = _errors(tender_schema(model), data)
    assert any("anual_energy" in e.message for e in errors)


def test_bid_parameters_have_unit_bounds_and_description() -> None:
    model = tco.load_model("indoor-lighting")
    bid = tender_schema(model)["$defs"]["Bid"]
    assert set(bid["properties"]) == {"name", "notes", "quality", *model.bid_parameters}
    power = bid["properties"]["power"]
    assert "Unit: W." in power["description"]
    spec = model.parameters["power"].spec
    assert spec.min is not None and spec.max is not None  # the model bounds the power
    assert f"at least {spec.min}" in power["description"]
    assert f"at most {spec.max}" in power["description"]
    assert power["title"] == "Power"
    assert bid["additionalProperties"] is False


@pytest.mark.parametrize(
    ("unit", "good", "bad"),
    [
        ("W", ["32 W", "0.032 kW", "32", "3.2e1 W"], ["32 kg", "32 w", "32 Watt-ish", "W"]),
        ("DKK/kWh", ["2.13 DKK/kWh", "300 DKK / MWh", "2,13"], ["2 kr/kWh", "2 DKK/kg"]),
        ("l/100 km", ["6.5 l/100 km", "6.5 l/100km", "6.5 litre / 100 km"], ["6.5 kWh/100 km"]),
        ("%", ["4 %", "4%", "0.04"], ["4 DKK"]),
    ],
)
def test_unit_patterns(unit: str, good: list[str], bad: list[str]) -> None:
    import re

    from tco.units import parse_quantity

    pattern = re.compile(unit_pattern(unit))
    for text in good:
        assert pattern.match(text), text
        parse_quantity(text, unit)  # what the pattern accepts, tco accepts
    for text in bad:
        assert not pattern.match(text), text


def test_cli_prints_a_models_tender_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "tender", "--model", "indoor-lighting"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["model"] == {
        "const": "indoor-lighting",
        "description": "The product model's id.",
    }
    assert main(["schema", "result", "--model", "indoor-lighting"]) == 2
    assert main(["schema", "tender", "--model", "no-such-model"]) == 2
