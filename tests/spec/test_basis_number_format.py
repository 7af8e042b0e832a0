"""A basis value referenced from a tender that states ``number_format: da`` reads as the basis meant.

Bases write plain numbers (``co2_price_high: 0.04 EUR/kg`` in the EU Clean Vehicles
Directive basis). In a Danish-format tender that text used to be read in Danish, where
``0.04`` is refused as a thousands group: the tender could not be evaluated at all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import tco
from tco.cli.main import main


def _danish(text: str) -> str:
    """The tender with every decimal point of a value written as a Danish comma."""
    out = []
    for line in text.splitlines():
        code, hash_, comment = line.partition("#")
        if ":" in code and not code.lstrip().startswith("title"):
            code = re.sub(r"(?<=\d)\.(?=\d)", ",", code)
        out.append(code + hash_ + comment)
    return "\n".join(out).replace("  currency: EUR\n", "  currency: EUR\n  number_format: da\n", 1)


def _totals(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, float]:
    assert main(["compare", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    return {b["bid"]: b["total"] for b in doc["bids"]}


def test_a_danish_tender_reads_basis_values_in_the_basis_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = tco.example_path("clean-vehicles-2009")
    text = english.read_text(encoding="utf-8")
    assert "{basis: co2_price_high}" in text  # the case: a tender-level basis reference
    danish = tmp_path / "cv-da.yaml"
    danish.write_text(_danish(text), encoding="utf-8")
    assert "0,92 EUR/l" in danish.read_text(encoding="utf-8")
    # The same tender written the Danish way ranks the same bids on the same totals.
    assert _totals(danish, capsys) == pytest.approx(_totals(english, capsys), rel=1e-12)
