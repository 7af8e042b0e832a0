"""A portfolio reads only the files of its folder, each whole, and a broken one is a row, not a stop.

The folder is the one of test_portfolio.py (a tender ``one.yaml`` of bids A and F and its
follow-up); each test adds what a careless buyer or a hostile supplier might leave in it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_abatement import MODEL

from tco.analysis.portfolio import portfolio
from tco.cli import main

HASH = "root:$6$rounds=5000$saltsalt$Qm9vYmFyYmF6cXV4:19000:0:99999:7:::"
SECRET_TITLE = "Lot 2: confidential bids of the other lot"


def _tender(model: str, title: str = "Lot 1") -> dict[str, object]:
    return {
        "model": model,
        "title": title,
        "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "10 year"},
        "bids": [
            {"name": "A", "price": "1000 DKK", "energy": "1000 kWh/year"},
            {"name": "F", "price": "500 DKK", "energy": "1200 kWh/year"},
        ],
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """``tmp_path/pf``: one tender and its follow-up; ``tmp_path/outside``: what is not the buyer's."""
    pf = tmp_path / "pf"
    (pf / "models").mkdir(parents=True)
    (pf / "follow-up").mkdir()
    (pf / "models" / "m.yaml").write_text(yaml.safe_dump(MODEL), "utf-8")
    (pf / "one.yaml").write_text(yaml.safe_dump(_tender("models/m.yaml")), "utf-8")
    (pf / "follow-up" / "one.yaml").write_text(
        "tender: ../one.yaml\nbid: A\nyears:\n  1: {energy: 1100 kWh/year}\n", "utf-8"
    )
    out = tmp_path / "outside"
    out.mkdir()
    (out / "shadow.yaml").write_text(HASH + "\n", "utf-8")
    (out / "m.yaml").write_text(yaml.safe_dump(MODEL), "utf-8")
    (out / "lot2.yaml").write_text(yaml.safe_dump(_tender("m.yaml", SECRET_TITLE)), "utf-8")
    return pf


def _run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["portfolio", str(folder), *args]) == 0
    got = capsys.readouterr()
    return got.out, got.err


def _rows(folder: Path) -> dict[str, dict[str, object]]:
    return {
        str(Path(str(r["tender"])).relative_to(folder)): r
        for r in portfolio(folder, workers=1).rows
    }


def test_symbolic_links_out_of_the_folder_are_not_followed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the password-hash line was printed in the error of its row, and the other lot's
    # tender was evaluated and its title shown.
    os.symlink(folder.parent / "outside" / "shadow.yaml", folder / "shadow.yaml")
    os.symlink("../outside/lot2.yaml", folder / "lot2.yaml")
    os.symlink(folder.parent / "outside", folder / "follow-up" / "linked.yaml")
    for out in (_run(folder, capsys)[0], _run(folder, capsys, "--format", "json")[0]):
        assert "saltsalt" not in out and "Qm9v" not in out and SECRET_TITLE not in out
    err = _run(folder, capsys)[0]  # the table lists each row's error under it
    assert (
        "shadow.yaml: is a symbolic link (or in a linked folder) leading out of the folder" in err
    )
    assert "lot2.yaml: is a symbolic link (or in a linked folder) leading out of the folder" in err
    assert main(["--lang", "da", "portfolio", str(folder)]) == 0
    assert "shadow.yaml: er et symbolsk link" in capsys.readouterr().out
    doc = json.loads(_run(folder, capsys, "--format", "json")[0])
    errors = {Path(r["tender"]).name: r["error"] for r in doc["rows"] if r["error"]}
    assert sorted(errors) == ["linked.yaml", "lot2.yaml", "shadow.yaml"]
    rows = _rows(folder)
    assert rows["one.yaml"]["chosen"] == "A" and rows["one.yaml"]["followup_years"] == 1
    assert rows["lot2.yaml"]["title"] is None
    # A link within the folder is read.
    os.symlink("one.yaml", folder / "same.yaml")
    assert _rows(folder)["same.yaml"]["chosen"] == "A"


def test_a_fifo_named_like_a_follow_up_does_not_hang(folder: Path) -> None:
    # Before: reading the head of follow-up/x.yaml waited forever for a writer. Run in a
    # process of its own with a deadline, so a regression fails instead of hanging the suite.
    os.mkfifo(folder / "follow-up" / "x.yaml")
    os.mkfifo(folder / "y.yaml")
    code = "import sys; from tco.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "portfolio", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = {Path(r["tender"]).name: r for r in json.loads(done.stdout)["rows"]}
    assert "is a FIFO (named pipe), not a file" in rows["x.yaml"]["error"]
    assert "is a FIFO (named pipe), not a file" in rows["y.yaml"]["error"]
    assert rows["one.yaml"]["followup_years"] == 1


def test_a_folder_named_yaml_is_a_row_not_a_traceback(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "notes.yaml").mkdir()
    (folder / "follow-up" / "notes.yaml").mkdir()
    err = _run(folder, capsys)[0]  # the table lists each row's error under it
    assert "notes.yaml: is a folder, not a file" in err
    rows = _rows(folder)
    assert "is a folder, not a file" in str(rows["notes.yaml"]["error"])
    assert "is a folder, not a file" in str(rows["follow-up/notes.yaml"]["error"])
    assert rows["one.yaml"]["error"] is None


def test_a_follow_up_is_read_whole_not_by_its_head(folder: Path) -> None:
    # Before: only the first 4,096 bytes were searched for 'years:'; after 4 KB of comments the
    # follow-up was left out without a word. Year 1: 100 kWh more x 1 DKK/kWh = 100 DKK.
    comments = "".join(f"# note {k:03d}: " + "x" * 88 + "\n" for k in range(50))  # 5,000 bytes
    (folder / "follow-up" / "one.yaml").write_text(
        comments + "tender: ../one.yaml\nbid: A\nyears:\n  1: {energy: 1100 kWh/year}\n", "utf-8"
    )
    assert len(comments) > 4096
    one = _rows(folder)["one.yaml"]
    assert one["followup_years"] == 1
    assert one["followup_deviation"] == pytest.approx(100.0)


def test_a_broken_follow_up_is_a_row_and_the_others_are_evaluated(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: one follow-up with a YAML error stopped the whole portfolio (exit code 2).
    (folder / "two.yaml").write_text(yaml.safe_dump(_tender("models/m.yaml", "Lot 3")), "utf-8")
    (folder / "follow-up" / "two.yaml").write_text(
        "tender: ../two.yaml\nbid: A\nyears:\n  1: {energy: [1100 kWh/year\n", "utf-8"
    )
    (folder / "follow-up" / "stray.yaml").write_text(
        "tender: ../gone.yaml\nbid: A\nyears: {}\n", "utf-8"
    )
    err = _run(folder, capsys, "--csv", str(tmp_path / "p.csv"))[0]
    assert "follow-up/two.yaml: line 5, column 1: a list opened with '['" in err
    assert "follow-up/stray.yaml: tender: the follow-up names the tender '../gone.yaml'" in err
    rows = _rows(folder)
    assert rows["two.yaml"]["chosen"] == "A" and rows["two.yaml"]["followup_years"] is None
    assert rows["one.yaml"]["followup_years"] == 1
    assert "a list opened with '['" in str(rows["follow-up/two.yaml"]["error"])
    csv_text = (tmp_path / "p.csv").read_text("utf-8")
    assert "a list opened with '['" in csv_text and "../gone.yaml" in csv_text
    doc = json.loads(_run(folder, capsys, "--format", "json")[0])
    assert sum(1 for r in doc["rows"] if r["error"]) == 2
    assert doc["totals"][0]["tenders"] == 2
    # In Danish too.
    assert main(["--lang", "da", "portfolio", str(folder)]) == 0
    assert "som ikke er et udbud i mappen" in capsys.readouterr().out


def test_a_follow_up_folder_linked_out_is_not_listed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The names of the files out there are not shown either: the linked folder is one row.
    (folder / "follow-up" / "one.yaml").unlink()
    (folder / "follow-up").rmdir()
    os.symlink(folder.parent / "outside", folder / "follow-up")
    rows = _rows(folder)
    assert sorted(rows) == ["follow-up", "one.yaml"]
    assert "leading out of the folder" in str(rows["follow-up"]["error"])
    out = _run(folder, capsys, "--format", "json")[0]
    assert "shadow" not in out and "lot2" not in out and SECRET_TITLE not in out


def test_a_follow_up_goes_to_the_tender_it_names_not_to_a_link_to_it(folder: Path) -> None:
    os.symlink("one.yaml", folder / "a-link.yaml")  # sorts before one.yaml, same file
    rows = _rows(folder)
    assert rows["one.yaml"]["followup_years"] == 1
    assert rows["a-link.yaml"]["followup_years"] is None and rows["a-link.yaml"]["chosen"] == "A"
