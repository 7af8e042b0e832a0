"""Edge cases of the command line found by hand: empty and odd argument lists, outputs."""

from __future__ import annotations

import pytest

from tco.cli import main


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.parametrize(
    "argv",
    [[], ["--lang", "da"], ["--format", "json"], ["--format"], ["--lang"], ["-"], [""], ["--"]],
)
def test_odd_argument_lists_print_usage_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exit_code(argv) == 2
    captured = capsys.readouterr()
    assert "usage: tco" in captured.out + captured.err
    assert "Traceback" not in captured.err
