"""JSON Schemas of model and tender files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.io.yamlio import read_yaml_file
from tco.views.schema import json_schema, schema_text

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["model", "tender"])
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_bundled_models_and_examples_match_their_schemas() -> None:
    model = jsonschema.Draft202012Validator(json_schema("model"))
    tender = jsonschema.Draft202012Validator(json_schema("tender"))
    for path in tco.bundled_models().values():
        assert list(model.iter_errors(read_yaml_file(path))) == [], path
    for path in tco.bundled_examples().values():
        assert list(tender.iter_errors(read_yaml_file(path))) == [], path


def test_schema_catches_a_misspelt_key() -> None:
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    data["assumptions"]["discount_rat"] = "4 %"
    errors = list(jsonschema.Draft202012Validator(json_schema("tender")).iter_errors(data))
    assert len(errors) == 1
    assert "discount_rat" in errors[0].message
    data = read_yaml_file(tco.bundled_models()["indoor-lighting"])
    data["items"]["purchase"]["category"] = "purchase"
    errors = list(jsonschema.Draft202012Validator(json_schema("model")).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["items", "purchase", "category"]]


def test_texts_may_be_plain_strings() -> None:
    # pydantic accepts title: "x" as {en: "x"}; the schema must too.
    data = read_yaml_file(tco.bundled_models()["indoor-lighting"])
    data["title"] = "Lighting"
    data["parameters"]["price"]["label"] = "Price"
    data["parameters"]["operating_hours"]["source"] = "Assumption."
    assert list(jsonschema.Draft202012Validator(json_schema("model")).iter_errors(data)) == []
    tco.load_model(data)  # and the library agrees


@pytest.mark.parametrize("kind", ["model", "tender"])
def test_published_schema_files_are_up_to_date(kind: str) -> None:
    # docs/schema/*.schema.json are served by the docs site; regenerate with
    # `tco schema model -o docs/schema/model.schema.json` (and tender).
    published = (ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(kind)


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "tender"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "tco tender"
    with pytest.raises(SystemExit):
        main(["schema", "bids"])
    with pytest.raises(ValueError, match="kind must be 'model' or 'tender'"):
        json_schema("bids")
