"""Command-line subcommands of the analysis package.

``tco sensitivity``, ``tco switch``, ``tco montecarlo``, ``tco score`` and
``tco baseline``; each reads a tender file (or ``--example NAME``) and prints
a table, or JSON with ``--format json``. They are registered with
:func:`tco.cli.register` when :mod:`tco.cli` imports this module.

This module collects them: ``sensitivity`` and ``switch`` are defined in
:mod:`tco.cli.sensitivity`, ``montecarlo`` in :mod:`tco.cli.montecarlo`,
``score`` and ``baseline`` in :mod:`tco.cli.score`, and their shared helpers
in :mod:`tco.cli.analysis_args`.
"""

from __future__ import annotations

from tco.cli import montecarlo, score, sensitivity
from tco.cli.command import Command
from tco.views.analysis_text import table

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["table"]

#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    **sensitivity.COMMANDS,
    **montecarlo.COMMANDS,
    **score.COMMANDS,
}
