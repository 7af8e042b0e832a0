"""Sums over years of a stream's occurrences times a weight, without a year axis per item.

For totals and annualised costs the yearly cash flows of a stream are not
needed, only

    W = sum over t of count[t] * weight[t]

where ``count[t]`` is the number of times the stream falls in year ``t``
(:func:`tco.engine.flows.occurrences`) and ``weight[t]`` is the same for every
item: price escalation times discount factor (times a yearly series such as
an emission factor). The present value of a stream whose amount per
occurrence is ``a`` is then ``a * W``: one multiplication per item.

The functions here compute ``W`` in closed form (cumulative sums for annual
streams) or by a loop over the events or the years that accumulates vectors
of shape ``(B,)``, never ``(B, T + 1)`` arrays. They give the same numbers as
summing :func:`~tco.engine.flows.occurrences` ``* weight`` over the year axis,
with the same booking conventions (``docs/concepts.md``): an event at time
``τ`` is booked in year ``ceil(τ)``, an annual amount falls in years
``max(1, start) .. min(P, stop)``.

Inputs that are the same for every item may be scalars; the result is then a
scalar too.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.engine.timeline import EPS

__all__ = ["last_unit", "weighted_occurrences", "weighted_periodic"]

Array = NDArray[np.float64]


def _index(x: Array, lo: int, hi: int) -> NDArray[np.intp]:
    return np.clip(x, lo, hi).astype(np.intp)


def weighted_periodic(
    weight: ArrayLike,
    interval: ArrayLike,
    period: ArrayLike,
    *,
    until_end: bool = False,
) -> Array:
    """Sum of ``weight`` over the years of events at ``k * interval``, ``k >= 1``.

    The events are those of :func:`~tco.engine.timeline.periodic_occurrences`
    with ``first=1``: ``k * interval < P`` (or ``<= P`` with ``until_end``).
    Event ``k`` is booked in year ``ceil(k * interval)`` (with a tolerance of
    1e-9 for computed whole years).

    Parameters
    ----------
    weight : array_like, shape (T + 1,)
        Weight per year ``t = 0 .. T``. [any]
    interval : float or array_like, shape (B,)
        Time between events, > 0. [year]
    period : float or array_like, shape (B,)
        Study period, at most ``T``. [year]
    until_end : bool
        Count an event that falls exactly at the period's end.

    Returns
    -------
    ndarray, shape (B,) or ()
        The weighted count per item. [any]

    Examples
    --------
    Replacements every 5 years over 15 years fall in years 5 and 10:

    >>> w = 2.0 ** np.arange(16)
    >>> float(weighted_periodic(w, 5.0, 15.0)) == float(w[5] + w[10])
    True
    >>> weighted_periodic(w, [5.0, 4.0], [15.0, 15.0], until_end=True)
    array([33824.,  4368.])
    """
    w = np.asarray(weight, dtype=np.float64)
    T = w.shape[-1] - 1
    e = np.asarray(interval, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        last_k = np.floor(p / e + EPS) if until_end else np.ceil(p / e - EPS) - 1.0
    last_k = np.maximum(last_k, 0.0)
    k_max = int(last_k.max()) if last_k.size else 0
    shape = np.broadcast_shapes(e.shape, p.shape)
    out = np.zeros(shape)
    if k_max <= T:
        # One pass per event: event k falls in the first year t with
        # floor(t / e + EPS) >= k, that is t = ceil((k - EPS) * e).
        step = np.empty(shape)
        for k in range(1, k_max + 1):
            np.multiply(e, k - EPS, out=step)
            np.ceil(step, out=step)
            got = np.take(w, step.astype(np.intp), mode="clip")
            got *= last_k >= k
            out += got
    else:
        # Many events per year (intervals under a year): one pass per year.
        before = np.minimum(np.floor(0.0 / e + EPS), last_k)
        for t in range(1, T + 1):
            upto = np.minimum(np.floor(t / e + EPS), last_k)
            out += np.maximum(upto - before, 0.0) * w[t]
            before = upto
    return out


def weighted_occurrences(
    timing: str,
    weight: ArrayLike,
    period: ArrayLike,
    *,
    when: ArrayLike | None = None,
    start: ArrayLike | None = None,
    stop: ArrayLike | None = None,
    lifetime: ArrayLike | None = None,
) -> Array:
    """Sum over years of a stream's occurrences times ``weight``.

    Equal to ``(occurrences(timing, period, T, ...) * weight).sum(axis=-1)``
    (:func:`tco.engine.flows.occurrences`) without building the ``(B, T +
    1)`` count array.

    Parameters
    ----------
    timing : {"once", "annual", "every", "at", "end_of_life"}
        As in :func:`~tco.engine.flows.occurrences`.
    weight : array_like, shape (T + 1,)
        Weight per year ``t = 0 .. T``, the same for every item: escalation
        index times discount factor, for instance. [any]
    period : float or array_like, shape (B,)
        Study period, a whole number of years up to ``T``. [year]
    when, start, stop, lifetime : float or array_like, shape (B,), optional
        As the timing needs them. [year]

    Returns
    -------
    ndarray, shape (B,) or ()
        [any]

    Examples
    --------
    Present value of 1 a year over 15 years at 4 % (the annuity factor):

    >>> from tco.engine.timeline import discount_factors
    >>> float(weighted_occurrences("annual", discount_factors(0.04, 15), 15).round(4))
    11.1184

    A purchase at year 0 and again after a 10-year life, over 15 years:

    >>> float(weighted_occurrences("once", np.ones(16), 15, lifetime=10.0))
    2.0
    """
    w = np.asarray(weight, dtype=np.float64)
    T = w.shape[-1] - 1
    p = np.asarray(period, dtype=np.float64)
    if timing == "annual":
        cum = np.concatenate(([0.0], np.cumsum(w)))  # cum[k] = w[0] + ... + w[k - 1]
        lo = np.maximum(np.asarray(1.0 if start is None else start, dtype=np.float64), 1.0)
        hi = p if stop is None else np.minimum(p, np.asarray(stop, dtype=np.float64))
        first = _index(np.ceil(lo - EPS), 0, T + 1)
        last = _index(np.floor(hi + EPS), -1, T)
        out: Array = np.where(last >= first, cum[last + 1] - cum[first], 0.0)
        return out
    if timing == "every":
        assert when is not None
        return weighted_periodic(w, when, p)
    if timing == "at":
        assert when is not None
        at = np.asarray(when, dtype=np.float64)
        year = _index(np.maximum(np.ceil(at - EPS), 0.0), 0, T)
        hit = (at <= p + EPS) & (at >= -EPS)
        out = np.where(hit, w[year], 0.0)
        return out
    if timing == "once":
        if lifetime is None:
            out = np.broadcast_to(w[0], p.shape).copy()
            return out
        out = w[0] + weighted_periodic(w, lifetime, p)
        return out
    if timing == "end_of_life":
        if lifetime is None:
            out = w[_index(np.ceil(p - EPS), 0, T)]
            return out
        return weighted_periodic(w, lifetime, p, until_end=True)
    raise ValueError(f"unknown timing {timing!r}")


def last_unit(lifetime: ArrayLike, period: ArrayLike) -> tuple[NDArray[np.intp], Array]:
    """Year the last unit within the period is bought, and its share of life left at ``P``.

    The same numbers as :func:`~tco.engine.timeline.last_start_year` and
    :func:`~tco.engine.timeline.remaining_life_fraction`, in one pass.

    Examples
    --------
    >>> year, left = last_unit([3.0, 4.0, 20.0], [6, 6, 15])
    >>> year, left.round(4)
    (array([3, 4, 0]), array([0.  , 0.5 , 0.25]))
    """
    L = np.asarray(lifetime, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        start = p / L
        start -= EPS
        np.ceil(start, out=start)
        start -= 1.0
        start *= L  # the last unit's purchase time
        frac = start + L
        frac -= p
        frac /= L
    frac[np.abs(frac) < EPS] = 0.0
    np.clip(frac, 0.0, 1.0, out=frac)
    start -= EPS
    np.ceil(start, out=start)
    year = np.maximum(start, 0.0).astype(np.intp)
    return year, frac
