"""Yearly cash flows of one stream, vectorised over bids.

Pure functions over float64 arrays; shapes are ``(B,)`` per bid and
``(B, T + 1)`` per bid and year (``t = 0 .. T``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.engine.rows import residual_terms
from tco.engine.timeline import (
    annual_occurrences,
    end_of_life_occurrences,
    event_occurrences,
    periodic_occurrences,
    start_of_life_occurrences,
)

__all__ = ["occurrences", "residual_credit", "stream_flows"]

Array = NDArray[np.float64]


def occurrences(
    timing: str,
    period: ArrayLike,
    T: int,
    *,
    when: ArrayLike | None = None,
    start: ArrayLike | None = None,
    stop: ArrayLike | None = None,
    lifetime: ArrayLike | None = None,
) -> Array:
    """Number of times a stream falls in each year.

    Parameters
    ----------
    timing : {"once", "annual", "every", "at", "end_of_life"}
        ``once``: at the start of each life within the period (year 0 only
        without a lifetime). ``annual``: every year ``1 .. P`` (within
        ``start .. stop``). ``every``: at ``k * when`` before the period's
        end. ``at``: once at time ``when`` if within the period.
        ``end_of_life``: at the end of each life within the period (at the
        period's end without a lifetime).
    period : array_like, shape (B,)
        Study period per bid. [year]
    T : int
        Last year of the axis. [year]
    when, start, stop, lifetime : array_like, shape (B,), optional
        As the timing needs them. [year]

    Returns
    -------
    ndarray, shape (B, T + 1)
        Count per bid and year. [count]

    Examples
    --------
    >>> occurrences("once", [6], 6, lifetime=[4.0])
    array([[1., 0., 0., 0., 1., 0., 0.]])
    >>> occurrences("end_of_life", [6], 6)
    array([[0., 0., 0., 0., 0., 0., 1.]])
    """
    p = np.asarray(period, dtype=np.float64)
    if timing == "annual":
        return annual_occurrences(
            p, T, 1.0 if start is None else start, np.inf if stop is None else stop
        )
    if timing == "every":
        assert when is not None
        return periodic_occurrences(when, p, T)
    if timing == "at":
        assert when is not None
        return event_occurrences(when, p, T)
    if timing == "once":
        if lifetime is None:
            return event_occurrences(np.zeros_like(p), p, T)
        return start_of_life_occurrences(lifetime, p, T)
    if timing == "end_of_life":
        if lifetime is None:
            return event_occurrences(p, p, T)
        return end_of_life_occurrences(lifetime, p, T)
    raise ValueError(f"unknown timing {timing!r}")


def stream_flows(amount: ArrayLike, counts: ArrayLike, escalation: ArrayLike) -> Array:
    """Undiscounted cash flow of a stream per bid and year.

    Parameters
    ----------
    amount : array_like, shape (B,) or (B, T + 1)
        Amount per occurrence (per year for annual streams). [currency]
    counts : array_like, shape (B, T + 1)
        Occurrences per year, from :func:`occurrences`. [count]
    escalation : array_like, shape (T + 1,)
        Price index per year. [unitless]

    Returns
    -------
    ndarray, shape (B, T + 1)
        [currency]

    Examples
    --------
    >>> stream_flows([10.0], [[0.0, 1.0, 1.0]], [1.0, 1.1, 1.21])
    array([[ 0. , 11. , 12.1]])
    """
    a = np.asarray(amount, dtype=np.float64)
    if a.ndim == 1:
        a = a[:, None]
    out: Array = a * np.asarray(counts, dtype=np.float64) * np.asarray(escalation, dtype=np.float64)
    return out


def residual_credit(
    amount: ArrayLike,
    escalation: ArrayLike,
    lifetime: ArrayLike | None,
    period: ArrayLike,
    T: int,
    *,
    share: float | None = None,
    salvage: bool = False,
) -> Array:
    """Remaining value of the last unit, credited at the period's end.

    Linear by default: the last unit within the period is bought at ``s``
    (the last ``k L < P``) for ``amount * escalation[s]``; at ``P`` it has
    ``(s + L - P) / L`` of its life left, and that share of its price is
    credited as a negative cost in year ``P``. ``share`` and ``salvage`` are
    the other rules of :func:`tco.engine.rows.residual_terms`.

    Returns
    -------
    ndarray, shape (B, T + 1)
        Zero except in year ``P`` of each bid. [currency]

    Examples
    --------
    A unit of 1000 with a 4-year life over a 6-year period: the second unit,
    bought in year 4, has half its life left at year 6.

    >>> residual_credit([1000.0], [1.0] * 7, [4.0], [6], 6)
    array([[   0.,    0.,    0.,    0.,    0.,    0., -500.]])
    """
    a = np.asarray(amount, dtype=np.float64)
    esc = np.asarray(escalation, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    B = p.shape[0]
    s, frac = residual_terms(lifetime, p, share=share, salvage=salvage)
    s = np.broadcast_to(s, (B,))
    rows = np.arange(B)
    price = a[rows, s] if a.ndim == 2 else np.broadcast_to(a, (B,))
    out = np.zeros((B, T + 1))
    index = esc[rows, s] if esc.ndim == 2 else esc[s]  # a price index per row, or shared
    out[rows, p.astype(np.intp)] = -price * index * frac
    return out
