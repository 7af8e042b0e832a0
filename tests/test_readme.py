"""The README shows what the command really prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tco.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_sample_output_is_the_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```text\n\$ (tco [^\n]*)\n(.*?)```", README.read_text("utf-8"), re.S)
    assert blocks, "README has no ```text block starting with '$ tco ...'"
    for command, shown in blocks:
        assert main(command.split()[1:]) == 0
        assert capsys.readouterr().out == shown, command
