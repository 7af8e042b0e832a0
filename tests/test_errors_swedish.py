"""Every error of the catalogue of user mistakes reads in Swedish under ``sv``, as in Danish.

Each mistake of ``test_errors_catalogue.py`` is raised, rendered in Swedish
(:func:`tco.views.error_text.error_text`) and searched for English words of tco's own
(those of ``test_errors_danish.py``, less the words Swedish writes the same), after
removing what the user wrote or named (quoted text, the file, field paths).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tco
from tco.cli.main import main
from tco.errors import SpecError, SpecErrors, TCOError, format_path
from tco.views.error_text import error_text, translated
from test_errors_catalogue import MISTAKES, Mistake, trigger
from test_errors_danish import ENGLISH

#: English words that are Swedish words as well ("per år", "period", "ett prefix").
_SWEDISH_TOO = frozenset({"per", "period", "prefix"})


def english_words(message: str, err: TCOError) -> set[str]:
    """tco's own English words in a Swedish ``message``, what the user wrote or named left out.

    As ``test_errors_danish.english_words``, with words of Swedish letters (``något`` is
    one word, not ``n`` and ``got``).
    """
    if isinstance(err, SpecError):
        message = message.replace(f"{err.file}: ", "", 1).replace(
            f"{format_path(err.path)}: ", "", 1
        )
    message = re.sub(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}", " ", message)  # quoted: the user's
    message = re.sub(r"(?<![\w.])[/\\][^\s(),;]*", " ", message)  # paths: the user's files
    words = re.findall(r"[^\W\d_]+", message)
    return {w for w in words if w.lower() in ENGLISH and w.lower() not in _SWEDISH_TOO}


@pytest.fixture(scope="module")
def raised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, TCOError]:
    folder = tmp_path_factory.mktemp("mistakes-sv")
    return {m.id: trigger(m, folder) for m in MISTAKES}


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_every_mistake_reads_in_swedish(mistake: Mistake, raised: dict[str, TCOError]) -> None:
    err = raised[mistake.id]
    swedish = error_text(err, "sv")
    assert error_text(err, "en") == str(err)
    assert translated(err, "sv"), f"{mistake.id} has no Swedish text: {swedish}"
    assert swedish != error_text(err, "da")
    assert not english_words(swedish, err), f"{mistake.id}: {swedish}"
    if err.file:
        assert swedish.startswith(f"{err.file}: ")
    if mistake.path:
        assert f": {mistake.path}: " in swedish, swedish


def test_the_english_words_are_found_in_a_message_left_in_english(
    raised: dict[str, TCOError],
) -> None:
    # the check above can fail: the English message has English words
    err = raised["not-a-number"]
    assert english_words(str(err), err)


def test_examples_in_swedish_messages_use_swedish_numbers_and_units(
    raised: dict[str, TCOError],
) -> None:
    # the English '2.13 DKK/kWh', 'h/year', 'at most 2,000 W' and '15 year', as Swedish
    # writes them: a decimal comma, a space between thousands, 'år' for year
    assert "'2,13 DKK/kWh'" in error_text(raised["not-a-number"], "sv")
    assert "'h/år'" in error_text(raised["unknown-unit"], "sv")
    assert "högst 2 000 W" in error_text(raised["above-maximum"], "sv")
    assert "'15 år'" in error_text(raised["period-wrong-unit"], "sv")
    fractional = error_text(raised["period-lifetime-fractional"], "sv")
    assert "men anbud 'A' håller 16,67 år" in fractional, fractional


def test_several_problems_have_a_swedish_header() -> None:
    errs = SpecErrors(
        [
            SpecError("this key is required", path=("bids",)).speaks("required"),
            SpecError("this key is required", path=("model",)).speaks("required"),
        ]
    )
    assert error_text(errs, "sv").splitlines() == [
        "2 problem hittades:",
        "  - bids: nyckeln måste anges",
        "  - model: nyckeln måste anges",
    ]


def test_the_command_line_says_the_error_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    path.write_text(text.replace("power: 32 W", "power: 38 kg", 1), encoding="utf-8")
    assert main(["compare", str(path), "--lang", "sv"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("fel: ") and "fick '38 kg', förväntade en effekt som '38 W'" in said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "vilket bara är 1450500 i talformatet 'da'; skriv '1450500 h/year'"),
        ("da", "hvilket kun er 1450500 i talformatet 'da'; skriv '1450500 h/year'"),
    ],
)
def test_a_number_grouped_in_one_notation_names_it_in_the_buyers_words(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1.450.500 groups thousands with '.', as Danish does: the English message names the
    # notation 'Danish'; Danish and Swedish name it by its code (they said "Danish" before)
    path = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"operating_hours: .*", "operating_hours: 1.450.500 h/year", text), encoding="utf-8"
    )
    assert main(["compare", str(path), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert said in err and "Danish" not in err, err
    assert main(["compare", str(path)]) == 2
    assert "which is 1450500 in Danish notation only" in capsys.readouterr().err
