"""One way to retire a public name: a warning that names its replacement.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     deprecated("old_name", "new_name", "0.2")
>>> print(caught[0].category.__name__, caught[0].message)
FutureWarning old_name is deprecated since tco 0.2; use new_name instead
"""

from __future__ import annotations

import warnings

__all__ = ["deprecated"]


def deprecated(old: str, new: str, since: str) -> None:
    """Warn that ``old`` is deprecated since version ``since`` in favour of ``new``.

    A :class:`FutureWarning` (shown to users by default, unlike
    :class:`DeprecationWarning`), attributed to the code that used the old name.

    Parameters
    ----------
    old, new : str
        The retired name and the name to use instead.
    since : str
        The version of tco that retired it.
    """
    warnings.warn(
        f"{old} is deprecated since tco {since}; use {new} instead",
        FutureWarning,
        stacklevel=3,
    )
