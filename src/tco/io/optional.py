"""Optional dependencies, imported through one helper that names the extra to install.

As pandas' ``import_optional_dependency``: one place knows each extra's name
and the message, so a user who lacks a package is told the one command that
installs it (the distribution is ``tco-lcc``; the unrelated ``tco`` on the
package index is not this project).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from tco.errors import MissingExtraError

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or say which extra of ``tco-lcc`` installs it.

    Parameters
    ----------
    module : str
        The module to import (``"openpyxl"``, ``"matplotlib.backends.backend_agg"``).
    extra : str
        The extra of the ``tco-lcc`` distribution that installs it (``"excel"``).

    Returns
    -------
    module

    Raises
    ------
    MissingExtraError
        If the module cannot be imported; also an :class:`ImportError`, so code
        that catches that keeps working.

    Examples
    --------
    >>> require("json", "none").__name__
    'json'
    >>> try:
    ...     require("tco_no_such_module", "plot")
    ... except ImportError as err:
    ...     print(err)
    this needs tco_no_such_module: pip install 'tco-lcc[plot]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.partition(".")[0]
        raise MissingExtraError(f"this needs {package}: pip install 'tco-lcc[{extra}]'").speaks(
            "needs_extra", package=package, extra=extra
        ) from exc
