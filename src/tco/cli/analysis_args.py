"""Helpers shared by the analysis subcommands of the command line.

The tender source arguments (a file, ``-`` or ``--example NAME``), loading
the tender, input labels, printing a JSON contract document and splitting
``NAME=VALUE`` arguments; used by :mod:`tco.cli.sensitivity`,
:mod:`tco.cli.montecarlo` and :mod:`tco.cli.score`.
"""

from __future__ import annotations

import argparse
from typing import Any

from tco.errors import SpecError

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def tender_labels(tender: Any) -> dict[str, str]:
    """The display label of each input of the tender's model."""
    from tco.views.labels import input_labels

    return input_labels(tender.model)


def add_source(parser: argparse.ArgumentParser) -> None:
    """Add the tender source (file, ``-`` or ``--example``) and ``--format`` arguments."""
    src = parser.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="use a bundled example tender")
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )


def load_tender(args: argparse.Namespace) -> Any:
    """Load the tender the parsed arguments name."""
    from tco.cli.source import load_tender_arg

    return load_tender_arg(args)


def print_json(kind: str, obj: Any, **extra: Any) -> None:
    """Print an analysis result as its document of the JSON contract."""
    from tco.cli.source import print_document
    from tco.views.documents import analysis_document

    print_document(analysis_document(kind, obj, **extra))


def split_pair(text: str, what: str) -> tuple[str, str]:
    """Split a ``NAME=VALUE`` argument; a :class:`~tco.errors.SpecError` without ``=``."""
    if "=" not in text:
        raise SpecError(
            f"got '{text}' for {what}, expected NAME=VALUE",
            value=text,
            expected="NAME=VALUE",
        ).speaks("name_value", value=text, option=what)
    name, value = text.split("=", 1)
    return name.strip(), value.strip()
