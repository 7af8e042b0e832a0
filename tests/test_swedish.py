"""Swedish (``--lang sv``): the command line and the outputs a buyer reads, from ``sv/LC_MESSAGES/tco.po``.

The Swedish catalogue covers the command line (help, argparse's messages, what a command prints)
and the outputs (tables, the result workbook, the award report's headings); an error message
without a Swedish text is shown in English.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import tco
from tco.cli import main
from tco.cli import parser as cli_parser
from tco.locale import LOCALE_DIR, keys, translated
from tco.views.i18n import number, percent, set_language
from test_cli_danish import COMMANDS

SWEDISH_PO = LOCALE_DIR / "sv" / "LC_MESSAGES" / "tco.po"

#: English words of the compare table that must not appear in its Swedish version ("real" and
#: "per" are Swedish too).
_ENGLISH = {
    "rank",
    "bid",
    "total",
    "present",
    "value",
    "quantity",
    "years",
    "year",
    "use",
    "acquisition",
    "externalities",
    "discounted",
    "level",
    "amount",
    "rate",
    "priced",
}


def test_compare_table_reads_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting", "--lang", "sv"]) == 0
    said = capsys.readouterr().out
    lines = said.splitlines()
    # the title: Swedish words, a decimal comma and a space before the per cent sign (CLDR sv)
    assert lines[0].endswith(": nuvärde i DKK, 4,00 % real, 15 år, antal 200")
    head = lines[1].split()
    assert head[:4] == ["plats", "anbud", "LCC", "totalt"]
    assert "anskaffning" in lines[1] and "drift" in lines[1] and "externa kostnader" in lines[1]
    assert "DKK/år" in lines[2]
    # thousands grouped by a space as Swedish writes them: 1 045 752 (the English table's
    # 1,045,752 for Budget Light; the same number, test_cli checks it)
    budget = next(line for line in lines if "Budget Light" in line)
    assert "1 045 752" in budget
    assert "vid den reala räntan 4,00 % (fast penningvärde, år 0-priser)" in said
    words = set(re.findall(r"[a-z]+", said.replace("Budget Light", "").replace("Premium LED", "")))
    assert words & _ENGLISH == set(), words & _ENGLISH


def test_compare_table_in_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting"]) == 0
    said = capsys.readouterr().out
    assert said.splitlines()[1].split()[:4] == ["rank", "bid", "total", "per"]
    assert "1,045,752" in said


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_reads_in_swedish(
    command: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_parser.untranslated.clear()
    with pytest.raises(SystemExit) as info:
        main([*([command] if command else []), "--help", "--lang", "sv"])
    assert info.value.code == 0
    said = capsys.readouterr().out
    assert said.startswith("användning: tco")
    assert "alternativ:" in said and "visa denna hjälp och avsluta" in said
    assert cli_parser.untranslated == set()


def test_argparse_says_its_errors_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "--lang", "sv"])
    assert info.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith("användning: tco validate")
    assert "tco validate: fel: följande argument krävs: fil" in said


def test_python_api_speaks_swedish() -> None:
    result = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    set_language("sv")
    try:
        shown = repr(result)
    finally:
        set_language("en")
    assert "plats" in shown and "anbud" in shown
    assert number(1045751.83, 0, "sv") == "1 045 752"
    assert percent(0.04, 2, "sv") == "4,00 %"


def test_result_workbook_in_swedish(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "resultat.xlsx"
    assert (
        main(["compare", "--example", "indoor-lighting", "--lang", "sv", "--xlsx", str(out)]) == 0
    )
    sheets = openpyxl.load_workbook(out).sheetnames
    assert sheets[:4] == ["Sammanfattning", "Fördelning", "Kassaflöden", "Förutsättningar"]


def test_award_report_headings_in_swedish(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    assert (
        main(["compare", "--example", "indoor-lighting", "--lang", "sv", "--report", str(out)]) == 0
    )
    page = out.read_text(encoding="utf-8")
    for heading in ("Metod", "Förutsättningar", "Indata", "Resultat", "Fingeravtryck"):
        assert f">{heading}<" in page, heading
    assert "tilldelningsrapport för livscykelkostnad" in page


def test_errors_without_a_swedish_text_are_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "no-such-file.yaml", "--lang", "sv"]) != 0
    said = capsys.readouterr().err
    assert "no-such-file.yaml" in said
    assert said.startswith("tco: fel:") or "fel" in said or "error" in said


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_swedish_catalogue_covers_the_command_line_and_the_outputs() -> None:
    with SWEDISH_PO.open("rb") as f:
        catalogue = read_po(f)
    translated_entries = [m for m in catalogue if m.id and m.string]
    assert len(translated_entries) > 400
    for m in translated_entries:
        assert _fields(m.id) == _fields(m.string), (m.context, m.id)
    # every help text and every word the command line and the result tables use
    help_texts = [m for m in catalogue if m.id and m.context is None]
    assert [m.id for m in help_texts if not m.string] == []
    for prefix in ("cli.", "argparse.", "report.", "sheet.", "discounting.", "group.", "input."):
        assert keys(prefix), prefix
        assert [k for k in keys(prefix) if not translated(k, "sv")] == [], prefix
    for word in ("rank", "bid", "total", "per year", "title", "present value", "year", "years"):
        assert translated(word, "sv"), word
