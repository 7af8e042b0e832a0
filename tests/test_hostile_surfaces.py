"""Every input surface tried as a careless Danish buyer and as a hostile supplier would.

Each case goes through the surface a user would use (the command line in a subprocess, so that
a traceback or a hang shows, or ``tco.cli.main``) and asserts one of two outcomes: the value is
read as meant (with the number), or it is refused with exit code 2, a message naming the file,
the field path and the value, in Danish under ``--lang da``, and no traceback. Supplier text
(bid names, line names) must come out as text: no formula cell in a workbook, no leading
formula character in CSV, escaped in HTML, no control character on the terminal.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tco
from tco.cli import main

EXAMPLES = Path(tco.example_path("indoor-lighting")).parent
TIMEOUT = 60  # [s] every probe is bounded: a hang is a failure, not a stuck suite


def _tco(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``tco ARGS`` in a fresh interpreter, bounded by :data:`TIMEOUT`."""
    return subprocess.run(
        [sys.executable, "-c", "import sys, tco.cli; sys.exit(tco.cli.main(sys.argv[1:]))", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    """Refused with exit code 2, the message holding ``parts``, and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout[:500], result.stderr[:2000])
    assert "Traceback" not in result.stderr, result.stderr
    for part in parts:
        assert part in result.stderr, (part, result.stderr)


# --- follow-up ----------------------------------------------------------------------------


@pytest.fixture
def follow(tmp_path: Path) -> Path:
    """The passenger-car tender and its follow-up, in ``tmp_path`` and ``tmp_path/fu``."""
    shutil.copy(tco.example_path("passenger-car"), tmp_path / "pc.yaml")
    (tmp_path / "fu").mkdir()
    text = (EXAMPLES / "follow-up" / "passenger-car.yaml").read_text("utf-8")
    (tmp_path / "fu" / "f.yaml").write_text(
        text.replace("tender: ../passenger-car.yaml", "tender: ../pc.yaml"), "utf-8"
    )
    return tmp_path


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "da"])
def test_follow_up_bare_tolerance_is_refused_not_read_as_500_percent(
    follow: Path, lang: str
) -> None:
    # Before: 'tolerance: 5' (the buyer's 5 %) was read as the fraction 5, a tolerance of
    # 500 % of the 16.5 kWh/100 km bid, and every year's penalty (1,900 + 3,100 DKK) vanished.
    f = _edit(follow / "fu" / "f.yaml", "tolerance: 5 %", "tolerance: 5")
    result = _tco("--lang", lang, "follow-up", "pc.yaml", "fu/f.yaml", cwd=follow)
    _refused(result, str(Path("fu/f.yaml")), "clauses[0].tolerance", "'5'", "'5 %'")
    if lang == "da":
        assert "tvetydigt" in result.stderr
    # A bare fraction is unambiguous: 0.05 is 5 %, the same clauses as the example's
    # (docs/after-award.md: year 1 penalty (17.8 - 16.5 - 0.825) x 4000 = 1,900 DKK).
    _edit(f, "tolerance: 5 ", "tolerance: 0.05 ")
    ok = tco.analysis.follow_up(follow / "pc.yaml", f)
    assert ok.clauses["electricity_consumption"].tolist()[0] == pytest.approx(1900.0)
