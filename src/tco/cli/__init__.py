"""The ``tco`` command line: one module per command group.

:mod:`tco.cli.main` parses the arguments and runs ``compare``, ``models``,
``examples`` and ``validate`` (:mod:`tco.cli.validate`); :mod:`tco.cli.compare`
adds the output commands (``form``, ``schema``, ``catalogue``) and
:mod:`tco.cli.analysis` the decision-analysis commands.
"""

from tco.cli.command import EXIT_USER_ERROR
from tco.cli.main import main

__all__ = ["EXIT_USER_ERROR", "main"]
