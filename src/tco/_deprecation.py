"""Old names that keep working for a deprecation period (internal).

One helper for every renamed name, as ``pvlib._deprecation``: reading an old
name gives the new name's value and a :class:`FutureWarning` that names the new
name and the release that deprecated the old one. ``FutureWarning`` and not
``DeprecationWarning``, because the users of a result are people in notebooks
and scripts, who do not see a ``DeprecationWarning`` outside ``__main__``.

Examples
--------
>>> import warnings
>>> class Box:
...     size = 3
...     width = deprecated_alias("size", since="0.2")
>>> with warnings.catch_warnings(record=True) as seen:
...     warnings.simplefilter("always")
...     Box().width
3
>>> print(seen[0].message)
Box.width is deprecated since tco 0.2 and will be removed; use Box.size instead
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__: list[str] = []

T = TypeVar("T")


def warn_deprecated(old: str, new: str, since: str, *, stacklevel: int = 3) -> None:
    """Warn that ``old`` is deprecated in favour of ``new``.

    Parameters
    ----------
    old, new : str
        The old and the new name as a user writes them (``"Result.emitted"``).
    since : str
        The tco release that deprecated ``old``.
    stacklevel : int
        Passed to :func:`warnings.warn`; the default points at the caller of
        the function that calls this one.
    """
    warnings.warn(
        f"{old} is deprecated since tco {since} and will be removed; use {new} instead",
        FutureWarning,
        stacklevel=stacklevel,
    )


def deprecated(old: str, new: str, since: str) -> None:
    """Warn, from a deprecated function or method, that ``old`` is retired for ``new``.

    As :func:`warn_deprecated`, attributed to the code that called the
    deprecated function.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     deprecated("old_name", "new_name", "0.2")
    >>> print(caught[0].category.__name__, caught[0].message)
    FutureWarning old_name is deprecated since tco 0.2 and will be removed; use new_name instead
    """
    warn_deprecated(old, new, since, stacklevel=4)


class deprecated_alias(Generic[T]):  # a lower-case name, as property
    """A class attribute that reads another attribute of the instance, with a warning.

    Parameters
    ----------
    new : str
        The name of the attribute to read.
    since : str
        The tco release that deprecated the old name.

    Notes
    -----
    The old name is the name the alias is assigned to in the class body.
    Reading it on the class (``Result.emitted``) returns the alias itself,
    without a warning, so that documentation tools and ``help`` can list it.
    """

    def __init__(self, new: str, *, since: str) -> None:
        self.new = new
        self.since = since
        self.old = new

    def __set_name__(self, owner: type, name: str) -> None:
        self.old = name
        self.__doc__ = f"Deprecated since tco {self.since}: use :attr:`{self.new}`."

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> deprecated_alias[T]: ...

    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> Any: ...

    def __get__(self, obj: object | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        owner = type(obj).__name__
        warn_deprecated(f"{owner}.{self.old}", f"{owner}.{self.new}", self.since)
        return getattr(obj, self.new)


def deprecated_function(old: str, func: Callable[..., T], *, since: str) -> Callable[..., T]:
    """``func`` under its old name ``old``: the same call, with a warning.

    Parameters
    ----------
    old : str
        The old name as a user writes it (``"tco.engine.pv.present_value"``).
    func : callable
        The function under its new name.
    since : str
        The tco release that deprecated the old name.

    Examples
    --------
    >>> import warnings
    >>> def total(x):
    ...     return sum(x)
    >>> add_up = deprecated_function("add_up", total, since="0.2")
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     add_up([1, 2])
    3
    >>> print(seen[0].message)
    add_up is deprecated since tco 0.2 and will be removed; use total instead
    """
    new = f"{func.__module__}.{func.__qualname__}" if "." in old else func.__qualname__

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        warn_deprecated(old, new, since)
        return func(*args, **kwargs)

    wrapper.__doc__ = f"Deprecated since tco {since}: use :func:`{new}`."
    return wrapper
