"""Every error of the catalogue of user mistakes reads in Danish under ``da``.

Each mistake of ``test_errors_catalogue.py`` is raised, rendered in Danish
(:func:`tco.views.error_text.error_text`) and searched for English words of
tco's own, after removing what the user wrote or named (quoted text, the file,
field paths), which is not translated. The English words are those of the
Danish-output test (``tests/views/test_i18n.py``) and the words of error
messages. Every mistake has its Danish text: none is left in English.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import pickle
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
import tco.errors
from tco.cli.main import main
from tco.errors import SpecError, SpecErrors, TCOError, UnitError, format_path
from tco.views.error_text import error_text, translated
from test_errors_catalogue import MISTAKES, Mistake, trigger

_spec = importlib.util.spec_from_file_location(
    "_i18n_words", Path(__file__).parent / "views" / "test_i18n.py"
)
assert _spec is not None and _spec.loader is not None
_i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_i18n)

#: English words of error messages, besides those of every output.
_ERROR_WORDS = """
got expected unknown missing key keys required write such as number file empty
mapping top level must give bids folder found problems valid did you mean least most
check prefix cannot read not a no has section profiles usage default uncertainty
"""
ENGLISH = frozenset(_i18n.ENGLISH) | frozenset(_ERROR_WORDS.split())


def english_words(message: str, err: TCOError) -> set[str]:
    """tco's own English words in ``message``, what the user wrote or named left out."""
    if isinstance(err, SpecError):
        message = message.replace(f"{err.file}: ", "", 1).replace(
            f"{format_path(err.path)}: ", "", 1
        )
    message = re.sub(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}", " ", message)  # quoted: the user's
    message = re.sub(r"(?<![\w.])[/\\][^\s(),;]*", " ", message)  # paths: the user's files
    return {w for w in re.findall(r"[A-Za-z]+", message) if w.lower() in ENGLISH}


#: Every error class of tco.errors: calling one makes an error.
RAISERS = frozenset(
    name
    for name, value in vars(tco.errors).items()
    if isinstance(value, type) and issubclass(value, TCOError) and name != "SpecErrors"
)


def unspoken(
    path: Path, *, also: frozenset[str] = frozenset(), builders: tuple[str, ...] = ()
) -> list[str]:
    """The places in ``path`` that make an error without naming its message (``.speaks``).

    ``also``: other functions that make an error; ``builders``: functions that build one
    for their callers (what they make is named where they are called).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = {
        id(node.func.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "speaks"
    }
    inside = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name in builders
        for inner in ast.walk(node)
    }
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in inside:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in RAISERS | also and id(node) not in named:
            out.append(f"{path.parent.name}/{path.name}:{node.lineno}")
    return out


@pytest.fixture(scope="module")
def raised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, TCOError]:
    folder = tmp_path_factory.mktemp("mistakes-da")
    return {m.id: trigger(m, folder) for m in MISTAKES}


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_every_mistake_reads_in_danish(mistake: Mistake, raised: dict[str, TCOError]) -> None:
    err = raised[mistake.id]
    danish = error_text(err, "da")
    assert error_text(err, "en") == str(err)
    assert translated(err, "da"), f"{mistake.id} has no Danish text: {danish}"
    assert not english_words(danish, err), f"{mistake.id}: {danish}"
    if err.file:
        assert danish.startswith(f"{err.file}: ")
    if mistake.path:
        assert f": {mistake.path}: " in danish, danish


def test_examples_in_danish_messages_use_danish_numbers_and_units(
    raised: dict[str, TCOError],
) -> None:
    assert "'2,13 DKK/kWh'" in error_text(raised["not-a-number"], "da")
    assert "'2.13 DKK/kWh'" in str(raised["not-a-number"])
    assert "'h/år'" in error_text(raised["unknown-unit"], "da")
    assert "højst 2.000 W" in error_text(raised["above-maximum"], "da")
    assert "'15 år'" in error_text(raised["period-wrong-unit"], "da")
    fractional = error_text(raised["period-lifetime-fractional"], "da")
    assert "men tilbud 'A' holder 16,67 år" in fractional, fractional


def test_an_error_keeps_its_message_id_when_pickled(raised: dict[str, TCOError]) -> None:
    err = raised["missing-bid-value"]
    back = pickle.loads(pickle.dumps(err))
    assert (back.message_id, back.params) == (err.message_id, err.params)
    assert error_text(back, "da") == error_text(err, "da")
    unit_err = raised["rate-bare-number"]
    assert isinstance(unit_err, UnitError)
    assert error_text(pickle.loads(pickle.dumps(unit_err)), "da") == error_text(unit_err, "da")


def test_several_problems_have_a_danish_header() -> None:
    errs = SpecErrors(
        [
            SpecError("this key is required", path=("bids",)).speaks("required"),
            SpecError("this key is required", path=("model",)).speaks("required"),
        ]
    )
    assert str(errs).startswith("2 problems found:")
    assert error_text(errs, "da").splitlines() == [
        "2 problemer fundet:",
        "  - bids: nøglen skal angives",
        "  - model: nøglen skal angives",
    ]


def _bad_tender(tmp_path: Path) -> Path:
    path = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    path.write_text(text.replace("power: 32 W", "power: 38 kg", 1), encoding="utf-8")
    assert "38 kg" in path.read_text(encoding="utf-8")
    return path


def test_the_command_line_says_the_error_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_tender(tmp_path)
    assert main(["compare", str(path), "--lang", "da"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("fejl: ") and "fik '38 kg', forventede en effekt som '38 W'" in said
    assert main(["compare", str(path)]) == 2
    assert "got '38 kg', expected a power such as '38 W'" in capsys.readouterr().err


def test_the_json_error_document_follows_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from tco.views.contract import output_schema

    path = _bad_tender(tmp_path)
    assert main(["compare", str(path), "--lang", "da", "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(output_schema("error")).validate(doc)
    assert "fik '38 kg'" in doc["message"]
    assert "fik '38 kg'" in doc["errors"][0]["message"]
    assert doc["errors"][0]["reason"].startswith("got '38 kg'")  # the facts stay English


def test_a_value_error_pickles_with_the_problem_it_was_raised_from() -> None:
    # The grammar's own exception is the context of every UnitError of a value; a pickler
    # that keeps the context (tblib, as Dask workers use) pickles it too.
    from tco.units.numbers import NumberProblem

    back = pickle.loads(pickle.dumps(NumberProblem("rate_bare", {"fix": "4 %"})))
    assert (back.key, back.fields) == ("rate_bare", {"fix": "4 %"})


def test_money_of_the_wrong_dimension_and_a_missing_value_read_in_danish(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    path.write_text(
        text.replace("price: 1100 DKK", "price: 4 kg").replace("power: 32 W, ", ""),
        encoding="utf-8",
    )
    with pytest.raises(SpecErrors) as info:
        tco.load_tender(path).evaluate()
    danish = error_text(info.value, "da")
    assert danish.startswith("2 problemer fundet:")
    assert "bids[1].price: fik '4 kg', forventede en værdi i 'DKK' som '1.450 DKK'" in danish
    assert "bids[0].power: mangler en værdi for 'power' (ingen standardværdi)" in danish


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2\n",
        "a: b: c\n",
        "a: '1\n",
        "a: *x\n",
        'a: "\\q"\n',
        "a:\n  - 1\n  b: 2\n",
        "a: @b\n",
        "a: &x 1\nb: &x 2\nc: [1, *x, &x 3, &x 4]\nd: x\n  e: f\n",
    ],
)
def test_yaml_syntax_errors_read_in_danish(text: str) -> None:
    from tco.errors import YAMLError
    from tco.io.yamlio import load_yaml

    with pytest.raises(YAMLError) as info:
        load_yaml(text, file="t.yaml")
    err = info.value
    assert translated(err, "da"), str(err)
    danish = error_text(err, "da")
    assert danish.startswith("t.yaml: linje "), danish
    assert not english_words(danish, err), danish


@pytest.mark.parametrize(
    "formula",
    [
        "price ** power",
        "power ** price",
        "max(price, power)",
        "min(price)",
        "max()",
        "price +",
        "price )",
        "(price",
        "price ; 2",
        "sqrt(price, price)",
        "price - power",
        "-" * 70 + "price",
        "price + 2",
    ],
)
def test_every_formula_error_reads_in_danish(formula: str) -> None:
    from tco.spec.expr import compile_expression

    with pytest.raises(TCOError) as info:
        compile_expression(formula, {"price": "DKK", "power": "W"})
    err = info.value
    assert translated(err, "da"), str(err)
    danish = error_text(err, "da")
    assert not english_words(danish, err), danish
    assert f"'{formula}'" in danish or "tegn" in danish
    assert "dimensionless" not in danish


def test_a_formula_of_the_wrong_type_reads_in_danish() -> None:
    from tco.spec.parsing import parse

    with pytest.raises(TCOError) as info:
        parse(12, set())  # type: ignore[arg-type]
    assert error_text(info.value, "da") == "en formel skal være tekst, fik int"


def test_an_overflow_says_too_large_in_words_not_as_a_float(raised: dict[str, TCOError]) -> None:
    from tco.plan.finite import check_finite, check_rates

    with pytest.raises(SpecError) as info:
        check_finite(
            bids=["A"],
            items=["x"],
            cash=np.full((1, 1, 3), 1e308),
            discount=np.ones((1, 3)),
            mass=np.zeros((1, 0, 3)),
            emissions=[],
            rate=0.0,
            inflation=0.0,
            file=None,
        )
    with pytest.raises(SpecError) as rates:
        check_rates(np.full((2, 3), np.inf), rate=-0.999, inflation=0.0, T=2, file=None)
    assert "1.8e+308" in str(info.value)  # English keeps the exact cap
    for err in (info.value, rates.value, raised["escalation-overflows"]):
        danish = error_text(err, "da")
        assert "for stor" in danish and "e+" not in danish and "1,8" not in danish, danish
        assert not english_words(danish, err), danish


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("parameters", "operating_hours", True), "fik 'True', en ja/nej-værdi"),
        (("model_item", "amount", "price"), "'amount' hører til 'every' eller 'at'"),
        (("model_item", "start", "1 year", "once"), "'start' og 'stop' hører kun til 'annual'"),
        (("model_parameter", "2bad"), "'2bad' er ikke et gyldigt navn"),
    ],
)
def test_validators_refusals_read_in_danish(change: tuple[Any, ...], words: str) -> None:
    import yaml

    model = yaml.safe_load(
        (Path(tco.__file__).parents[2] / "product_models" / "indoor-lighting.yaml").read_text(
            encoding="utf-8"
        )
    )
    data: dict[str, Any] = {
        "model": model,
        "assumptions": {"period": "15 year"},
        "bids": [{"name": "A", "price": "1 DKK", "power": "1 W", "rated_life": "1000 h"}],
    }
    if change[0] == "parameters":
        data["parameters"] = {change[1]: change[2]}
    elif change[0] == "model_item":
        item = model["items"]["purchase"]
        if len(change) > 3:
            item.pop(next(k for k in ("once", "annual") if k in item))
            item[change[3]] = "price"
        item[change[1]] = change[2]
    else:
        model["parameters"][change[1]] = {"unit": "DKK", "default": "1 DKK"}
    with pytest.raises(SpecError) as info:
        tco.load_tender(data).evaluate()
    err = info.value
    assert translated(err, "da"), str(err)
    danish = error_text(err, "da")
    assert words in danish, danish
    assert not english_words(danish, err), danish
