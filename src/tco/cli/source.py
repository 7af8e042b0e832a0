"""Where a command's tender comes from, and how its JSON output and errors are written.

A tender argument is a file, ``-`` for standard input (``cat t.yaml | tco
compare -``), or a bundled example with ``--example NAME``. Under ``--format
json`` every command writes one JSON document of the contract
(:mod:`tco.views.contract`) on standard output: its result, or, for a user
error, an ``error`` document (exit code 2, the one-line message also on
standard error for people).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The argument that means "read the tender from standard input".
STDIN = "-"
#: The file name errors give for standard input.
STDIN_NAME = "<stdin>"


def check_output(path: str | Path, inputs: list[str | Path], what: str) -> None:
    """Refuse an output path that is an input, a folder or in a missing folder."""
    from tco.io.files import check_output_path

    check_output_path(path, inputs=inputs, what=what)


def read_stdin() -> dict[str, Any]:
    """Read a YAML (or JSON) document from standard input, within the size cap."""
    from tco.io.yamlio import load_yaml
    from tco.limits import MAX_BYTES

    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    return load_yaml(raw, file=STDIN_NAME)


def example_file(name: str) -> str:
    """The file of a bundled example: a basket's if ``name`` is one, else a tender's.

    Raises
    ------
    ModelNotFoundError
        If there is no such example (the message lists the tender examples).
    """
    import tco
    from tco.basket import basket_example_path, basket_examples

    if name in basket_examples():
        return str(basket_example_path(name))
    return str(tco.example_path(name))


def source_of(args: argparse.Namespace, name: str = "tender") -> Path | dict[str, Any]:
    """The tender a command reads: a bundled example, standard input, or a file."""
    import tco

    if getattr(args, "example", None):
        return tco.example_path(args.example)
    arg = getattr(args, name)
    if arg == STDIN:
        return read_stdin()
    return Path(arg)


def load_tender_arg(args: argparse.Namespace) -> Tender:
    """Load the tender of a command (see :func:`source_of`); errors name ``<stdin>``."""
    import tco
    from tco.errors import SpecError

    source = source_of(args)
    if isinstance(source, Path) and getattr(args, "plot", None):
        check_output(args.plot, [source], "chart")
    try:
        return tco.load_tender(source, allow_paths=getattr(args, "allow_path", None) or ())
    except SpecError as err:
        if isinstance(source, dict):
            raise err.located(STDIN_NAME) from None
        raise


def print_document(document: Any) -> None:
    """Print a JSON document of the contract on standard output."""
    from tco.views.documents import dumps
    from tco.views.safe import json_text

    print(json_text(dumps(document)))
