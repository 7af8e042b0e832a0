"""Refuse stream timings that are valid formulas but cannot mean what was meant.

A model's formulas are unit-checked when it loads, but their values depend
on the bids. Once a tender is compiled, :func:`check_timings` looks at the
evaluated times: an ``at`` event before the decision date, or an annual
stream that stops before it starts, would silently cost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from tco.errors import ErrorList, SpecError

if TYPE_CHECKING:
    from tco.plan import PlanStream

__all__ = ["check_timings"]


def check_timings(streams: Sequence[PlanStream], bids: Sequence[str], file: str | None) -> None:
    """Raise :class:`~tco.errors.SpecError` for an impossible timing of any stream.

    Parameters
    ----------
    streams : sequence of PlanStream
        The compiled items and emissions (``name``, ``timing``, ``when``,
        ``start``, ``stop``, and ``substance`` which is empty for items).
    bids : sequence of str
        Bid names, for messages.
    file : str, optional
        The tender file, for messages.

    Examples
    --------
    >>> from tco.plan import PlanStream
    >>> one = np.ones(1)
    >>> ok = PlanStream("x", "use", "at", one, one, when=np.array([3.0]))
    >>> check_timings([ok], ["A"], None)
    >>> bad = PlanStream("x", "use", "at", one, one, when=np.array([-1.0]))
    >>> check_timings([bad], ["A"], "t.yaml")
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: t.yaml: model.items.x.at: for bid 'A' the event falls at -1 years, ...
    """
    errors = ErrorList()
    for s in streams:
        section = "emissions" if s.substance else "items"
        timing, when, start, stop = s.timing, s.when, s.start, s.stop
        path = ("model", section, s.name)
        if timing == "at" and when is not None and np.any(when < 0):
            b = int(np.argmax(when < 0))
            errors.add(
                SpecError(
                    f"for bid '{bids[b]}' the event falls at {when[b]:g} years, before the "
                    "decision date (year 0)",
                    file=file,
                    path=(*path, "at"),
                    value=float(when[b]),
                    expected="a time of 0 years or more",
                )
            )
        if timing == "annual" and stop is not None:
            first = np.broadcast_to(1.0 if start is None else start, stop.shape)
            late = np.maximum(first, 1.0) > stop + 1e-9
            if np.any(late):
                b = int(np.argmax(late))
                errors.add(
                    SpecError(
                        f"for bid '{bids[b]}' the stream stops in year {stop[b]:g}, before it "
                        f"starts (year {max(float(first[b]), 1.0):g}), so it never occurs",
                        file=file,
                        path=(*path, "stop"),
                        value=float(stop[b]),
                        expected="a stop at or after the start (and at least year 1)",
                    )
                )
    errors.raise_if_any()
