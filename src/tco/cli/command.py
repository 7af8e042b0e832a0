"""The shape of a subcommand: how to configure its parser, how to run it, its help."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["Command"]

#: ``(configure the subparser, run with the parsed arguments -> exit code, help text)``
Command = tuple[
    Callable[[argparse.ArgumentParser], None],
    Callable[[argparse.Namespace], int],
    str,
]
