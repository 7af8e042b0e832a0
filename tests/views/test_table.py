"""The terminal table of tco compare: aligned, with units and currency."""

from __future__ import annotations

import re

import pytest

import tco
from tco.cli import main
from tco.views.table import result_table


def test_table_has_a_units_line_and_aligned_columns(result: tco.Result) -> None:
    lines = result_table(result).splitlines()
    assert lines[0].startswith(
        "LED luminaires for Nordskolen (indoor-lighting): present value in DKK"
    )
    head, units, rule = lines[1].split(), lines[2].split(), lines[3].split()
    assert head == [
        "rank",
        "bid",
        "total",
        "per",
        "year",
        "total",
        "excl.",
        "ext.",
        "per",
        "year",
        "excl.",
        "ext.",
        "acquisition",
        "use",
        "externalities",
        "CO2e",
    ]
    assert units == ["DKK", "DKK/year", "DKK", "DKK/year", "DKK", "DKK", "DKK", "t"]
    assert lines[-1] == "Priced externalities count in the total, per year and rank."
    # every line is as wide as the rule; numbers and units end where their rule ends
    assert len({len(line) for line in lines[1:7]}) == 1
    ends = [m.end() for m in re.finditer(r"-+", lines[3])]
    for line in [lines[2], *lines[4:7]]:
        for end in ends[2:]:
            assert line[end - 1] != " ", (line, end)
            assert end == len(line) or line[end] == " "
    lumen = next(line for line in lines if "Lumen Nord" in line)
    assert lumen.rstrip().endswith("38.9")  # 38,880 kg CO2e = 38.9 t (hand calculation)
    assert len(rule) == 10


def test_danish_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--example", "indoor-lighting", "--lang", "da"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "nutidsværdi i DKK" in out[0]
    assert out[1].split()[:4] == ["nr.", "tilbud", "TCO", "i"]
    assert out[2].split() == ["DKK", "DKK/år", "DKK", "DKK/år", "DKK", "DKK", "DKK", "t"]
