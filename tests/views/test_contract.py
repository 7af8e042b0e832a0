"""The JSON contract: every JSON output of every bundled example matches its published schema."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import tco
from tco.cli import main
from tco.io.yamlio import read_yaml_file
from tco.views.contract import KINDS, SCHEMA_VERSION, output_schema
from tco.views.schema import schema_text

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(tco.bundled_examples())


def _validator(kind: str) -> Any:
    schema = json.loads((ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


VALIDATORS = {kind: _validator(kind) for kind in KINDS}


def _run(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> Any:
    assert main(list(argv)) == code, argv
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert doc["schema_version"] == SCHEMA_VERSION
    errors = list(VALIDATORS[doc["kind"]].iter_errors(doc))
    assert errors == [], (argv, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:3]])
    return doc


@pytest.mark.parametrize("kind", KINDS)
def test_published_output_schemas_are_up_to_date(kind: str) -> None:
    # Regenerate with `tco schema KIND -o docs/schema/KIND.schema.json`.
    published = (ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(kind)
    assert output_schema(kind)["$id"] == f"urn:tco-lcc:schema:{kind}:{SCHEMA_VERSION}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_json_output_of_every_example_matches_its_schema(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = tco.load_tender(tco.example_path(name))
    bids = list(tender.bids)
    ex = ["--example", name, "--format", "json"]
    doc = _run(capsys, "compare", *ex)
    assert doc["kind"] == "result" and doc["ranking"] == tender.evaluate().ranking
    path = str(tco.example_path(name))
    doc = _run(capsys, "validate", path, "--format", "json")
    assert doc["kind"] == "validation" and doc["valid"] and doc["bids"] == len(bids)
    assert _run(capsys, "baseline", *ex, "--baseline", bids[-1])["kind"] == "baseline"
    assert _run(capsys, "score", *ex)["kind"] == "score"
    if "co2e" in tender.evaluate().emissions:
        assert _run(capsys, "abatement", *ex)["kind"] == "abatement"
    assert _run(capsys, "sensitivity", *ex, "--percent", "20")["kind"] == "sensitivity"
    if len(bids) > 1:
        doc = _run(capsys, "sensitivity", *ex, "--difference", bids[0], bids[1])
        assert doc["difference"]["a"] == bids[0]
        doc = _run(capsys, "switch", *ex, "--input", "discount_rate", "--bids", *bids[:2])
        assert doc["kind"] == "switch"
    if tender.spec.scenarios:
        assert _run(capsys, "sensitivity", *ex, "--scenarios")["kind"] == "scenarios"
    if tender.spec.profiles:
        doc = _run(capsys, "profiles", *ex)
        assert [p["profile"] for p in doc["profiles"]] == list(tender.spec.profiles)
    if tender.spec.uncertainty:
        extra = ["--difference", *bids[:2]] if len(bids) > 1 else []
        doc = _run(capsys, "montecarlo", *ex, "--samples", "200", "--seed", "1", *extra)
        assert doc["samples"] == 200


def test_every_bundled_model_validates_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    for model_id, path in tco.bundled_models().items():
        doc = _run(capsys, "validate", str(path), "--format", "json")
        assert (doc["document"], doc["model"], doc["valid"]) == ("model", model_id, True)
    doc = _run(capsys, "models", "--format", "json")
    assert {m["id"] for m in doc["models"]} == set(tco.bundled_models())


def test_baskets_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    from tco.basket import basket_examples

    for name in basket_examples():
        doc = _run(capsys, "basket", "--example", name, "--format", "json")
        assert doc["bids"][0]["rank"] == 1


def test_bases_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    from tco.spec.basis import bundled_bases

    doc = _run(capsys, "bases", "--format", "json")
    assert [b["id"] for b in doc["bases"]] == sorted(bundled_bases())
    for name in bundled_bases():
        assert _run(capsys, "bases", name, "--format", "json")["id"] == name


def test_keys_are_the_same_for_every_model(capsys: pytest.CaptureFixture[str]) -> None:
    # Cars emit CO2, NOx and particulates, lighting CO2e only: the keys must not follow them.
    shapes = set()
    for name in EXAMPLES:
        doc = _run(capsys, "compare", "--example", name, "--format", "json")
        shapes.add((tuple(doc), tuple(doc["bids"][0])))
        for bid in doc["bids"]:
            assert [e["substance"] for e in bid["emissions"]] == doc["substances"]
            assert [i["item"] for i in bid["by_item"]] == [i["item"] for i in doc["items"]]
    assert len(shapes) == 1


def test_result_document_has_the_library_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    doc = _run(capsys, "compare", "--example", "indoor-lighting", "--format", "json")
    assert doc == json.loads(json.dumps(r.to_dict()))
    for bid in doc["bids"]:
        b = r.bids.index(bid["bid"])
        assert bid["total"] == r.total[b]
        assert bid["rank"] == r.rank[b]
        assert sum(c["present_value"] for c in bid["by_category"]) == pytest.approx(r.total[b])
        assert {e["substance"]: e["mass_kg"] for e in bid["emissions"]} == {
            s: v[b] for s, v in r.emissions.items()
        }
        assert bid["cash_flows"]["discounted"] == r.discounted[b].sum(axis=0).tolist()


def _bad_tender(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "model: indoor-lighting\nassumptions: {period: 15 year}\n"
        "bids:\n  - {name: A, price: 1450 kr, power: 38 kg, rated_life: 50000 h}\n",
        encoding="utf-8",
    )
    return bad


def test_errors_under_format_json_are_error_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_tender(tmp_path)
    for argv in (["compare", str(bad)], ["baseline", str(bad), "--baseline", "A"]):
        assert main([*argv, "--format", "json"]) == 2
        captured = capsys.readouterr()
        doc = json.loads(captured.out)
        assert list(VALIDATORS["error"].iter_errors(doc)) == []
        assert captured.err.startswith("error: ")  # the text stays on stderr for people
        by_path = {e["path"]: e for e in doc["errors"]}
        power = by_path["bids[0].power"]
        assert power["error_class"] == "UnitError"
        assert power["file"] == str(bad)
        assert power["value"] == "38 kg"
        assert power["location"] == ["bids", 0, "power"]
        assert "power" in power["expected"]
        assert "kr" in by_path["bids[0].price"]["value"]


def test_validate_format_json_reports_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_tender(tmp_path)
    doc = _run(capsys, "validate", str(bad), "--format", "json", code=2)
    assert doc["valid"] is False and doc["document"] == "tender"
    assert {p["path"] for p in doc["problems"]} == {"bids[0].price", "bids[0].power"}
    doc = _run(capsys, "validate", str(tmp_path / "missing.yaml"), "--format", "json", code=2)
    assert doc["problems"][0]["error_class"] == "FileError"


def test_dash_reads_the_tender_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tco.example_path("indoor-lighting").read_bytes()

    def stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    stdin(text)
    doc = _run(capsys, "compare", "-", "--format", "json")
    assert doc["ranking"] == tco.load_tender(tco.example_path("indoor-lighting")).evaluate().ranking
    stdin(text)
    assert _run(capsys, "validate", "-", "--format", "json")["file"] == "<stdin>"
    stdin(text)
    assert _run(capsys, "baseline", "-", "--baseline", "Budget Light", "--format", "json")
    stdin(_bad_tender(tmp_path).read_bytes())
    doc = _run(capsys, "compare", "-", "--format", "json", code=2)
    assert {e["file"] for e in doc["errors"]} == {"<stdin>"}
    stdin(json.dumps(read_yaml_file(tco.example_path("indoor-lighting"))).encode())
    assert _run(capsys, "compare", "-", "--format", "json")["kind"] == "result"


def test_usage_errors_under_format_json_are_error_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", "--example", "indoor-lighting", "--format", "json", "--no-such-option"])
    assert info.value.code == 2
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert list(VALIDATORS["error"].iter_errors(doc)) == []
    assert "--no-such-option" in doc["message"]
    assert "usage:" in captured.err  # the text for people, as before
    with pytest.raises(SystemExit):
        main(["compare", "--no-such-option"])
    assert capsys.readouterr().out == ""


def test_portfolio_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    from tco.analysis.portfolio import COLUMNS

    folder = ROOT / "examples"
    doc = _run(capsys, "portfolio", str(folder), "--format", "json", "--workers", "1")
    assert doc["tenders"] == len(doc["rows"]) == len(list(folder.glob("*.yaml")))
    car = next(r for r in doc["rows"] if r["tender"].endswith("passenger-car.yaml"))
    assert list(car) == list(COLUMNS)
    # The chosen bid is the engine's rank 1; its figure is the engine's total.
    r = tco.load_tender(car["tender"]).evaluate()
    assert car["chosen"] == r.ranking[0]
    assert car["chosen_tco"] == r.total[r.bids.index(r.ranking[0])]
    assert car["followup_years"] is not None  # examples/follow-up/passenger-car.yaml
    dkk = next(t for t in doc["totals"] if t["currency"] == "DKK")
    rows = [x for x in doc["rows"] if x["currency"] == "DKK"]
    assert dkk["tenders"] == len(rows)
    assert dkk["saved"] == pytest.approx(sum(x["saved"] for x in rows))


def test_every_kind_is_listed_in_the_integration_guide() -> None:
    guide = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"(schema/{kind}.schema.json)" in guide, kind


def test_kinds_are_the_documents_with_a_shape() -> None:
    # tco.views.kinds names the kinds without importing their shapes: the two lists agree
    from tco.views.contract import _DOCUMENTS

    assert tuple(_DOCUMENTS) == KINDS


def test_tco_compare_does_not_import_the_document_shapes() -> None:
    # `tco schema KIND` is offered on every start; the shapes are imported only when used
    import subprocess

    code = (
        "import io, sys, contextlib\n"
        "from tco.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['compare', '--example', 'indoor-lighting'])\n"
        "print('tco.views.contract' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
