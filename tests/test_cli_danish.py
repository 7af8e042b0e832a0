"""The command line in Danish: ``--lang`` anywhere, ``TCO_LANG``, and argparse's own words.

Every command's ``--help`` under ``da`` is searched for the English words of
the Danish-output test (``tests/views/test_i18n.py``) and of error messages
(``tests/test_errors_danish.py``), after removing what the user types as it
is: command names, option names (``--format``) and the values an option takes
(``{table,json}``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tco
from tco.cli import parser as cli_parser
from tco.cli.main import main
from test_errors_danish import ENGLISH

COMMANDS = [
    "compare",
    "models",
    "examples",
    "validate",
    "form",
    "schema",
    "catalogue",
    "sensitivity",
    "switch",
    "montecarlo",
    "score",
    "baseline",
    "bases",
    "annex",
    "profiles",
    "basket",
    "serve",
    "abatement",
    "follow-up",
    "portfolio",
    "workbook",
]


def _english(said: str) -> set[str]:
    """English words of tco's own in ``said``, what the user types left out."""
    said = re.sub(r"\{[^}]*\}", " ", said)  # choices: values typed as they are
    said = re.sub(r"--?[\w-]+", " ", said)  # option names
    said = re.sub(r"\b[A-Z]\b", " ", said)  # placeholders: bids A and B
    said = re.sub(r"'[^']*'", " ", said)  # quoted: keys and values as typed
    said = re.sub(r"\b[\w.-]+\.(?:yaml|json|md|xlsx|png|svg|html|docx)\b", " ", said)
    words = set(re.findall(r"[A-Za-zæøåÆØÅ]+", said.lower()))
    return (words - set(COMMANDS)) & ENGLISH


def test_the_commands_listed_are_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = re.findall(r"^    ([a-z-]+)\s", capsys.readouterr().out, flags=re.M)
    assert listed == COMMANDS


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_reads_in_danish(
    command: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_parser.untranslated.clear()
    with pytest.raises(SystemExit) as info:
        main([*([command] if command else []), "--help", "--lang", "da"])
    assert info.value.code == 0
    said = capsys.readouterr().out
    assert said.startswith("brug: tco")
    assert "tilvalg:" in said and "vis denne hjælp og afslut" in said
    assert cli_parser.untranslated == set()
    assert _english(said) == set(), said


def test_english_help_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    said = capsys.readouterr().out
    assert said.startswith("usage: tco compare")
    assert "evaluate" not in said and "run a bundled example tender" in said
    assert "show this help message and exit" in said


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["compare"], "tco compare: fejl: et af argumenterne udbud --example skal angives"),
        (["comp"], "tco: fejl: argument KOMMANDO: ugyldigt valg: 'comp' (vælg mellem 'compare'"),
        (["compare", "--format", "xml", "x"], "argument --format: ugyldigt valg: 'xml'"),
        (["models", "--nope"], "tco: fejl: ukendte argumenter: --nope"),
        (["switch", "--example", "x", "--input"], "argument --input: forventede én værdi"),
        (["sensitivity", "--percent", "abc"], "argument --percent: ugyldig værdi: 'abc'"),
        (["compare", "x", "--example", "y"], "ikke bruges sammen med argument udbud"),
        (["validate"], "tco validate: fejl: følgende argumenter skal angives: fil"),
        (["switch", "--example", "x"], "følgende argumenter skal angives: --input, --bids"),
        (["--lang", "da", "compare", "--bids"], "argument --bids: forventede mindst én værdi"),
    ],
)
def test_argparse_says_its_errors_in_danish(
    args: list[str], danish: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_parser.untranslated.clear()
    with pytest.raises(SystemExit) as info:
        main([*args, "--lang", "da"])
    assert info.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith("brug: tco"), said
    assert danish in said, said
    assert "error" not in said and "usage" not in said
    assert cli_parser.untranslated == set()
    assert _english(said) == set(), said


def test_lang_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting", "--lang", "da"]) == 0
    after = capsys.readouterr().out
    assert main(["--lang", "da", "compare", "--example", "indoor-lighting"]) == 0
    before = capsys.readouterr().out
    assert main(["--lang=da", "compare", "--example", "indoor-lighting"]) == 0
    assert capsys.readouterr().out == before == after
    assert "nutidsværdi i DKK, 4,00 % real rente" in before


def test_tco_lang_chooses_the_language_and_the_option_wins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TCO_LANG", "da")
    assert main(["compare", "--example", "indoor-lighting"]) == 0
    assert "4,00 % real rente" in capsys.readouterr().out
    assert main(["compare", "--example", "indoor-lighting", "--lang", "en"]) == 0
    assert "4.00 % real" in capsys.readouterr().out
    assert main(["--lang", "en", "compare", "--example", "indoor-lighting"]) == 0
    assert "4.00 % real" in capsys.readouterr().out
    monkeypatch.setenv("TCO_LANG", "en")
    assert main(["compare", "--example", "indoor-lighting", "--lang", "da"]) == 0
    assert "4,00 % real rente" in capsys.readouterr().out
    assert tco.views.i18n.get_language() == "en"  # the command line leaves it as it was


def test_an_unknown_tco_lang_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TCO_LANG", "fr")
    with pytest.raises(SystemExit) as info:
        main(["models"])
    assert info.value.code == 2
    assert "the environment variable TCO_LANG is 'fr'; expected one of en, da" in (
        capsys.readouterr().err
    )
    assert main(["models", "--lang", "da"]) == 0  # the option wins over a bad variable


def test_an_unknown_lang_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", "fr", "models"])
    assert info.value.code == 2
    assert "argument --lang: invalid choice: 'fr'" in capsys.readouterr().err


def test_a_usage_error_under_json_is_a_danish_error_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    with pytest.raises(SystemExit):
        main(["compare", "--format", "json", "--lang", "da"])
    doc = json.loads(capsys.readouterr().out)
    assert "et af argumenterne udbud --example skal angives" in doc["message"]


def test_bases_are_listed_with_danish_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bases", "--lang", "da"]) == 0
    listed = capsys.readouterr().out
    assert "Finansministeriets samfundsøkonomiske diskonteringsrente, 2021" in listed
    assert "Danish Ministry of Finance" not in listed
    assert main(["bases"]) == 0
    assert "Danish Ministry of Finance discount rate, 2021" in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(tco.spec.basis.bundled_bases()))
def test_a_basis_reads_in_danish_with_danish_numbers(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tco.spec.basis import load_basis

    assert main(["bases", name, "--lang", "da"]) == 0
    said = capsys.readouterr().out
    spec = load_basis(name).spec
    head, _, sources = said.partition("\nKilder:\n")
    assert sources, said
    assert "Ikke angivet i det offentliggjorte materiale:" in head or not spec.missing
    assert "udgave " in head and "edition " not in head.replace(spec.edition, "")
    for m in spec.missing:
        assert m.note_da, m  # a name that is not a key has its Danish name too
        assert m.name_da or re.fullmatch(r"[a-z0-9_]+", m.name), m
        assert f"  {m.name_in('da')}: " in head
    # The publisher and the edition are named as published; the values are the file's keys.
    shown = head.replace(spec.publisher, " ").replace(spec.edition, " ")
    shown = "\n".join(
        line for line in shown.splitlines() if not line.startswith("  ") or ": " in line
    )
    assert _english(re.sub(r"^  \S+ ", " ", shown, flags=re.M)) == set(), shown
    assert not re.search(r"\d\.\d+ %", head), head  # 3,5 %, not 3.5 %


def test_a_missing_value_note_may_be_english_only() -> None:
    from tco.spec.basis_spec import Missing

    plain = Missing(name="x", note="not seen")
    both = Missing.model_validate({"name": {"en": "x", "da": "y"}, "note": {"en": "a", "da": "b"}})
    assert (plain.name_in("da"), plain.note_in("da")) == ("x", "not seen")
    assert (both.name, both.name_in("da"), both.note_in("en"), both.note_in("da")) == (
        "x",
        "y",
        "a",
        "b",
    )


def test_a_written_annex_is_said_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bilag.html"
    assert (
        main(["annex", str(tco.example_path("indoor-lighting")), "-o", str(out), "--lang", "da"])
        == 0
    )
    assert capsys.readouterr().err == f"skrev {out}\n"


def test_the_danish_annex_writes_every_value_in_danish_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import html

    out = tmp_path / "bilag.html"
    tender = str(tco.example_path("indoor-lighting"))
    assert main(["annex", tender, "-o", str(out), "--lang", "da"]) == 0
    said = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out.read_text("utf-8"))).split())
    assert "Pris pr. armatur price 1.450 DKK" in said  # the example bid, not '1,450'
    assert "Nominel levetid rated_life 50.000 h" in said
    assert "Driftstimer operating_hours 3.000 h/år" in said or "3.000" in said
    assert "2,13" in said and "1,450" not in said and "3,000" not in said and "2.13" not in said
