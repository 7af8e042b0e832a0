"""Swedish (``--lang sv``): everything a buyer reads, from ``sv/LC_MESSAGES/tco.po``.

The Swedish catalogue covers what the Danish one does: the command line (help, argparse's
messages, what a command prints), the outputs (tables, the result workbook, the award report,
the tender annex, usage profiles, baskets, follow-up) and every error message
(``tests/test_locale.py`` fails on a message without a Swedish text).
"""

from __future__ import annotations

import re
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
EXAMPLES = Path(tco.example_path("indoor-lighting")).parent

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
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:4] == ["Sammanfattning", "Fördelning", "Kassaflöden", "Förutsättningar"]
    # the amounts carry the Swedish locale (LCID 0x41D), so that a spreadsheet following the
    # format's locale shows 1 045 752 as Swedish writes it (the Danish carry 0x406)
    summary = book["Sammanfattning"]
    formats = {c.number_format for row in summary.iter_rows(min_row=2) for c in row}
    assert "[$-41D]#,##0" in formats, formats


def test_award_report_headings_in_swedish(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    assert (
        main(["compare", "--example", "indoor-lighting", "--lang", "sv", "--report", str(out)]) == 0
    )
    page = out.read_text(encoding="utf-8")
    for heading in ("Metod", "Förutsättningar", "Indata", "Resultat", "Fingeravtryck"):
        assert f">{heading}<" in page, heading
    assert "tilldelningsrapport för livscykelkostnad" in page


def test_errors_speak_swedish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["compare", "no-such-file.yaml", "--lang", "sv"]) != 0
    said = capsys.readouterr().err
    assert said == "fel: no-such-file.yaml: kan inte läsa filen (filen finns inte)\n"
    # a tender with a bad value: what is wrong, and what to write instead, in Swedish
    tender = (EXAMPLES / "indoor-lighting.yaml").read_text(encoding="utf-8")
    tender = re.sub(r"discount_rate: .*", "discount_rate: 4 kWh", tender)
    tender = tender.replace("power: 32 W", "power: lots")
    bad = tmp_path / "upphandling.yaml"
    bad.write_text(tender, encoding="utf-8")
    assert main(["compare", str(bad), "--lang", "sv"]) != 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "fel: 2 problem hittades:"
    assert lines[1].endswith(
        "assumptions.discount_rate: fick '4 kWh', förväntade en ränta som '4 %' eller '2 %/år'"
    )
    assert lines[2].endswith(
        "bids[0].power: fick 'lots': ett värde är ett tal med sin enhet; "
        "förväntade en effekt som '38 W'"
    )


def test_tender_annex_in_swedish(tmp_path: Path) -> None:
    out = tmp_path / "bilaga.html"
    assert main(["annex", "--example", "indoor-lighting", "--lang", "sv", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for heading in (
        "1. Syfte och rättslig grund",
        "2. Kostnadsposter",
        "4. Den upphandlande myndighetens fasta förutsättningar",
        "5. Uppgifter som varje anbudsgivare ska lämna",
        "7. Räkneexempel",
        "8. Anbudsformulär",
    ):
        assert heading in page, heading
    assert "lagen (2016:1145) om offentlig upphandling" in page
    # the worked example's numbers as Swedish writes them: Lumen Nord's total present value
    # is 878,543.33 DKK (the English annex; tests/views/test_annex.py checks it against the
    # engine), its electricity 514,194.03 DKK and 38,880 kg of CO2e over the period
    assert "878 543,33" in page and "514 194,03" in page and "878,543.33" not in page
    assert "CO2e: 38 880 kg under perioden" in page


def test_annex_words_a_formula_over_the_period_in_swedish(tmp_path: Path) -> None:
    # passenger-car's charger: price × period / charger life, the period named in words
    out = tmp_path / "bilaga.html"
    assert main(["annex", "--example", "passenger-car", "--lang", "sv", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "× kalkylperioden /" in page and "the study period /" not in page


def test_usage_profiles_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--example", "indoor-lighting-profiles", "--lang", "sv"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Användningsprofiler: nuvärde i DKK per anbud (plats)")


def test_swedish_catalogue_covers_the_command_line_and_the_outputs() -> None:
    with SWEDISH_PO.open("rb") as f:
        catalogue = read_po(f)
    translated_entries = [m for m in catalogue if m.id and m.string]
    assert len(translated_entries) > 1000
    # every help text and every word the command line and the result tables use
    help_texts = [m for m in catalogue if m.id and m.context is None]
    assert [m.id for m in help_texts if not m.string] == []
    for prefix in ("cli.", "argparse.", "report.", "sheet.", "discounting.", "group.", "input."):
        assert keys(prefix), prefix
        assert [k for k in keys(prefix) if not translated(k, "sv")] == [], prefix
    for word in ("rank", "bid", "total", "per year", "title", "present value", "year", "years"):
        assert translated(word, "sv"), word
