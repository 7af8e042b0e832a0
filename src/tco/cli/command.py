"""The shape of a subcommand: how to configure its parser, how to run it, its help."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The exit code of a user error (a mistake in what was given, said in one message).
EXIT_USER_ERROR = 2

#: ``(configure the subparser, run with the parsed arguments -> exit code, help text)``
Command = tuple[
    Callable[[argparse.ArgumentParser], None],
    Callable[[argparse.Namespace], int],
    str,
]
