"""What a buyer pastes into tender documents carries no research notes, commands or template marks.

Every bundled example's outputs are scanned: the annex (HTML in English and Danish, DOCX in
Danish), the award report, the result workbook, the JSON of ``tco compare`` and the listing of
every basis (``tco bases NAME``, as a table and as JSON). A source says where a value comes
from in words a buyer can cite (publisher, title, edition, URL); it does not say how the
project found it ("not in the stored material", "Secondary evidence", "Stored copy: ...").
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

import tco
from tco.cli import main
from tco.views.annex import annex_html, write_annex
from tco.views.report import report_html

#: Notes about how a value was found, not where it comes from.
RESEARCH = re.compile(
    r"stored (material|copy)|named for reference|secondary( evidence| source|\))|"
    r"lagrede? (materiale|kopi)|sekundær kilde|snapshot [0-9a-f]{7}|byte-identical|pdfdrive|"
    r"was not seen|blev ikke set|not found in any|re-?implement|genimplement|\(line \d+\)|"
    r"lines \d+-\d+|not confirmed|ikke bekræftet|not verified|ikke efterprøvet|an inference",
    re.IGNORECASE,
)
#: Command lines of the tool.
COMMAND = re.compile(
    r"\btco (form|compare|annex|basket|bases|validate|score|sensitivity|montecarlo)\b|"
    r"--bids\b|\s-o \S+\.(xlsx|docx|html)"
)
#: Template marks left unfilled.
TEMPLATE = re.compile(r"\{\{|\}\}|\{[a-z_]+\}|Σ_\{")


def _problems(text: str) -> list[str]:
    return [m.group(0) for p in (RESEARCH, COMMAND, TEMPLATE) for m in p.finditer(text)]


def _html_text(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'src="data:[^"]*"', " ", html)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_every_examples_outputs_are_clean(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = tco.load_tender(tco.example_path(name))
    result = tender.evaluate()
    texts = {
        "annex en": _html_text(annex_html(tender, lang="en")),
        "annex da": _html_text(annex_html(tender, lang="da")),
        "report": _html_text(report_html(result, tender, lang="da", charts=False)),
    }
    docx = pytest.importorskip("docx")
    out = write_annex(tender, tmp_path / "bilag.docx", lang="da")
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    texts["annex docx"] = "\n".join([p.text for p in document.paragraphs] + cells)
    openpyxl = pytest.importorskip("openpyxl")
    from tco.views.workbook import write_workbook

    book = openpyxl.load_workbook(write_workbook(result, tmp_path / "r.xlsx", tender=tender))
    texts["workbook"] = "\n".join(
        str(c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and not c.value.startswith("=")
    )
    assert main(["compare", "--example", name, "--format", "json"]) == 0
    texts["json"] = "\n".join(_strings(json.loads(capsys.readouterr().out)))
    found = {where: _problems(text) for where, text in texts.items()}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_basis_listing_is_clean(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bases", "--lang", lang]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(names) >= 7
    for name in names:
        assert main(["bases", name, "--lang", lang]) == 0
        table = capsys.readouterr().out
        assert main(["bases", name, "--lang", lang, "--format", "json"]) == 0
        listing = "\n".join(_strings(json.loads(capsys.readouterr().out)))
        assert not _problems(table) and not _problems(listing), (name, _problems(listing))


def test_the_scan_finds_what_it_looks_for() -> None:
    # The notes, commands and marks the annex and the bases carried before they were cleaned.
    for text in (
        "via https://denansvarligeindkober.dk (not in the stored material; named for reference)",
        "GitHub janhalen/OS2fleetoptimiser, snapshot 563ce44e65d8, 2024-12-12. Secondary evidence.",
        "Stored copy: https://www.pdfdrive.to/dl/x",
        "'tco form passenger-car.yaml -o bid-form.xlsx'",
        "EAC_b = PV_b / Σ_{{t=1…P}} d(t)",
    ):
        assert _problems(text), text
    assert not _problems("Miljøstyrelsen, TCO tool for motor vehicles, 2021 edition: https://x")
