"""Every output of every command: its paths checked before any work, standard output made safe.

A command's output options (``-o/--output``, ``--xlsx``, ``--report``,
``--plot``, ``--csv``, ``--parquet``, ``--openapi``) are checked as soon as the
command line is parsed: the suffix where the writer needs one (a chart is
``.png`` or ``.svg``, an annex ``.docx`` or ``.html``), the folder exists, the
path is not a folder, two outputs are not the same file, and no output is one
of the command's inputs: every other argument naming an existing file (a
tender, ``--model FILE``, bid forms). So ``tco schema tender --model m.yaml -o
m.yaml`` is refused before anything is written, and ``tco compare t.yaml
--plot x.gif`` before the table is printed.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The options that name a file a command writes, and what the file is.
OUTPUT_OPTIONS = {
    "output": "output",
    "xlsx": "workbook",
    "report": "report",
    "plot": "chart",
    "csv": "CSV file",
    "parquet": "Parquet file",
    "openapi": "OpenAPI document",
}
#: The suffixes a writer needs, by option (and by command for ``-o``).
_SUFFIXES = {
    "plot": ((".png", ".svg"), "a chart file ending .png or .svg"),
    "annex.output": ((".docx", ".html", ".htm"), "a file ending in .docx or .html"),
}


def _inputs(args: argparse.Namespace) -> list[Path]:
    """Every argument that is not an output and names an existing file."""
    found: list[Path] = []
    for key, value in vars(args).items():
        if key in OUTPUT_OPTIONS:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str | Path) and str(item) not in ("", "-"):
                path = Path(item)
                if path.is_file():
                    found.append(path)
    return found


def check_output_args(args: argparse.Namespace) -> None:
    """Refuse, before any work, an output path a command must not or cannot write.

    Raises
    ------
    FileError
        Naming the path: a wrong suffix, a missing folder, a folder, the same
        file as another output, or one of the command's inputs.

    Examples
    --------
    >>> import argparse
    >>> check_output_args(argparse.Namespace(command="compare", plot="x.gif"))
    Traceback (most recent call last):
    ...
    tco.errors.FileError: x.gif: cannot write the chart: got a '.gif' file, expected a chart \
file ending .png or .svg
    """
    from tco.errors import FileError
    from tco.io.files import check_output_path

    inputs = _inputs(args)
    seen: dict[Path, str] = {}
    for option, what in OUTPUT_OPTIONS.items():
        path = getattr(args, option, None)
        if not isinstance(path, str | Path) or not str(path):
            continue
        check_output_path(path, inputs=inputs, what=what)
        command = getattr(args, "command", None)
        rule = _SUFFIXES.get(option) or _SUFFIXES.get(f"{command}.{option}")
        suffix = Path(path).suffix.lower()
        if rule and suffix not in rule[0]:
            raise FileError(
                f"cannot write the {what}: got a '{suffix}' file, expected {rule[1]}",
                file=str(path),
                expected=rule[1],
            ).speaks("write_suffix", what=what, suffix=suffix, want=rule[1])
        target = Path(path).resolve()
        if target in seen:
            raise FileError(
                f"cannot write the {what} and the {seen[target]} to the same file; "
                "give each its own file name",
                file=str(path),
                expected="a path no other output uses",
            ).speaks("write_same_file", what=what, other_what=seen[target])
        seen[target] = what


def output_failed(error: OSError, stdout: Any, lang: str = "en") -> int:
    """Say why standard output cannot be written in ``lang`` (nothing for a closed pipe).

    Returns the exit code.
    """
    import contextlib
    import os

    # What is still buffered is dropped, so that the exit does not fail again.
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
    if isinstance(error, BrokenPipeError):
        return 0
    from tco.views.error_text import os_reason
    from tco.views.i18n import text

    said = text("cli.output failed", lang, reason=os_reason(error.strerror or str(error), lang))
    print(f"{text('cli.error', lang)}: {said}", file=sys.stderr)
    return 1


class OutputStreamError(Exception):
    """Standard output cannot be written (a full disk, a closed pipe); ``error`` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class TerminalText(io.TextIOBase):
    r"""A text stream that writes control and bidirectional characters as escapes.

    Everything the command line prints goes through it, so that no text from
    input (a bid named ``"\x1b[2J"`` or ``"A\nB  0"``) can move the cursor,
    colour the terminal or draw a fake row; line breaks are kept.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> _ = TerminalText(buf).write("bid \x1b[31mred\u202e\n")
    >>> buf.getvalue()
    'bid \\x1b[31mred\\u202e\n'
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters escaped; a failure is an OutputStreamError."""
        from tco.views.safe import terminal

        try:
            self.stream.write(terminal(text))
        except OSError as exc:
            raise OutputStreamError(exc) from exc
        return len(text)

    def flush(self) -> None:
        """Flush the stream; a failure is an :class:`OutputStreamError`."""
        try:
            self.stream.flush()
        except OSError as exc:
            raise OutputStreamError(exc) from exc

    def isatty(self) -> bool:
        """Whether the stream is a terminal."""
        return bool(self.stream.isatty())
