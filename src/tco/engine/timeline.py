"""When amounts fall, how prices escalate and how they are discounted.

Pure functions over plain float64 arrays. The year axis is always last and
runs over ``t = 0 .. T``: year 0 is the decision date, year ``t`` is the
``t``-th year of use. Per-bid inputs are arrays of shape ``(B,)``. The
discounting and escalation functions live in :mod:`tco.engine.discounting`
and are re-exported here.

Conventions (``docs/concepts.md`` has the formulas):

* An event at time ``τ`` (years) is booked in year ``ceil(τ)``: a
  replacement after 11.67 years is paid in year 12.
* An annual amount occurs in years ``1 .. P``.
* End-of-year discounting: a year-``t`` amount is worth ``(1 + r) ** -t``
  today; mid-year uses ``t - 0.5`` and beginning-of-year ``t - 1`` for
  annual amounts (events stay at their year's end).
* An annual amount is priced at the instant it is discounted (NIST BLCC,
  Handbook 135): with mid-year timing the year-``t`` amount of a constant
  escalation ``e`` from year-0 prices costs ``(1 + e) ** (t - 0.5)``
  (:func:`annual_escalation`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tco.engine.discounting import (
    Array,
    annual_escalation,
    annuity_factor,
    at_instant,
    discount_factors,
    escalation_index,
    fisher_real_rate,
    schedule_discount_factors,
    year_axis,
)
from tco.engine.discounting import (
    Timing as Timing,
)

__all__ = [
    "annual_escalation",
    "annual_occurrences",
    "annuity_factor",
    "at_instant",
    "bid_escalation_index",
    "discount_factors",
    "end_of_life_occurrences",
    "escalation_index",
    "event_occurrences",
    "fisher_real_rate",
    "periodic_occurrences",
    "schedule_discount_factors",
    "start_of_life_occurrences",
]

#: Tolerance when a computed time should be a whole year (15000 h / 3000 h/year). [year]
EPS = 1e-9


def annual_occurrences(
    period: ArrayLike, T: int, start: ArrayLike = 1.0, stop: ArrayLike = np.inf
) -> Array:
    """1 in each year ``t`` with ``max(1, start) <= t <= min(P, stop)``, else 0.

    Parameters
    ----------
    period : array_like, shape (B,)
        Study period per bid. [year]
    T : int
        Last year of the axis. [year]
    start, stop : array_like, shape (B,)
        First and last year of the stream. [year]

    Returns
    -------
    ndarray, shape (B, T + 1)

    Examples
    --------
    >>> annual_occurrences([2, 3], 3)
    array([[0., 1., 1., 0.],
           [0., 1., 1., 1.]])
    """
    p = np.asarray(period, dtype=np.float64)[..., None]
    lo = np.maximum(np.asarray(start, dtype=np.float64), 1.0)[..., None]
    hi = np.asarray(stop, dtype=np.float64)[..., None]
    t = year_axis(T)
    mask = (t >= lo - EPS) & (t <= np.minimum(p, hi) + EPS)
    return mask.astype(np.float64)


def _book(times: Array) -> Array:
    """Year in which an event at ``times`` is booked: ``ceil`` with tolerance."""
    return np.ceil(times - EPS)


def periodic_occurrences(
    interval: ArrayLike,
    period: ArrayLike,
    T: int,
    *,
    first: int = 1,
    until_end: bool = False,
) -> Array:
    """Count events at ``k * interval`` per year.

    Parameters
    ----------
    interval : array_like, shape (B,)
        Time between events, > 0. [year]
    period : array_like, shape (B,)
        Study period per bid. [year]
    T : int
        Last year of the axis. [year]
    first : int
        Smallest ``k``: 0 counts an event at time 0, 1 starts after one
        interval.
    until_end : bool
        Count an event that falls exactly at the period's end (``k * interval
        == P``). Replacements do not (the unit is retired then); ends of life
        do.

    Returns
    -------
    ndarray, shape (B, T + 1)
        Number of events booked in each year (an interval under a year
        gives several). [count]

    Examples
    --------
    Replacement every 5 years over 15 years: years 5 and 10, not 15.

    >>> periodic_occurrences([5.0], [15], 15)[0].nonzero()[0]
    array([ 5, 10])
    >>> periodic_occurrences([0.5], [2], 2)
    array([[0., 2., 1.]])
    """
    e = np.asarray(interval, dtype=np.float64)[..., None]
    p = np.asarray(period, dtype=np.float64)[..., None]
    t = year_axis(T)
    # Events strictly before the end (or up to it): k * e < P  (or <= P).
    last_k = np.floor(p / e + EPS) if until_end else np.ceil(p / e - EPS) - 1.0
    # Events booked in year t: those with t - 1 < k e <= t, i.e. k in (.., ..].
    upto = np.minimum(np.floor(t / e + EPS), last_k)
    before = np.minimum(np.floor((t - 1.0) / e + EPS), last_k)
    counts = np.where(t >= 1, upto - before, 0.0)
    if first == 0:
        counts = counts + (t == 0)
    out: Array = np.maximum(counts, 0.0)
    return out


def event_occurrences(when: ArrayLike, period: ArrayLike, T: int) -> Array:
    """1 in the year an event at ``when`` is booked, if ``when <= P``.

    Examples
    --------
    >>> event_occurrences([0.0, 8.0, 12.0], [10, 10, 10], 10)[:, [0, 8]]
    array([[1., 0.],
           [0., 1.],
           [0., 0.]])
    """
    w = np.asarray(when, dtype=np.float64)[..., None]
    p = np.asarray(period, dtype=np.float64)[..., None]
    t = year_axis(T)
    hit = (t == np.maximum(_book(w), 0.0)) & (w <= p + EPS) & (w >= -EPS)
    out: Array = hit.astype(np.float64)
    return out


def start_of_life_occurrences(lifetime: ArrayLike, period: ArrayLike, T: int) -> Array:
    """Purchases at the start of each life within the period: ``k L < P``, k >= 0.

    Examples
    --------
    >>> start_of_life_occurrences([3.0, 6.0], [6, 6], 6)
    array([[1., 0., 0., 1., 0., 0., 0.],
           [1., 0., 0., 0., 0., 0., 0.]])
    """
    return periodic_occurrences(lifetime, period, T, first=0)


def end_of_life_occurrences(lifetime: ArrayLike, period: ArrayLike, T: int) -> Array:
    """Ends of life within the period: ``k L <= P``, k >= 1.

    Examples
    --------
    >>> end_of_life_occurrences([3.0, 4.0], [6, 6], 6)
    array([[0., 0., 0., 1., 0., 0., 1.],
           [0., 0., 0., 0., 1., 0., 0.]])
    """
    return periodic_occurrences(lifetime, period, T, until_end=True)


def remaining_life_fraction(lifetime: ArrayLike, period: ArrayLike) -> Array:
    """Share of the last unit's life left at the end of the period.

    The last unit is bought at ``s = max{k L < P}`` and would last to
    ``s + L``; the share left at ``P`` is ``(s + L - P) / L``.

    Examples
    --------
    >>> remaining_life_fraction([3.0, 4.0, 20.0], [6, 6, 15]).round(4)
    array([0.  , 0.5 , 0.25])
    """
    L = np.asarray(lifetime, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    last_start = (np.ceil(p / L - EPS) - 1.0) * L
    frac = (last_start + L - p) / L
    # Within 0 .. 1 (ceil(P / L - EPS) - 1 <= P / L); a rounding remainder snapped to 0.
    out: Array = np.where(np.abs(frac) < EPS, 0.0, frac)
    return out


def last_start_year(lifetime: ArrayLike, period: ArrayLike) -> Array:
    """Year in which the last unit within the period is bought (booked year).

    Examples
    --------
    >>> last_start_year([3.0, 4.0, 20.0], [6, 6, 15])
    array([3., 4., 0.])
    """
    L = np.asarray(lifetime, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    out: Array = np.maximum(_book((np.ceil(p / L - EPS) - 1.0) * L), 0.0)
    return out


def bid_escalation_index(
    rates: ArrayLike, T: int, price_year: int = 0, inflation: float | None = None
) -> Array:
    """Price index per row of a stream each bid indexes at its own constant rate.

    ``rates[b]`` is bid ``b``'s indexation per year (a price-indexation
    clause, ``0.02`` for ``2 %/year``) from the year the quoted price holds,
    as :func:`escalation_index` of a constant rate. With ``inflation`` (a
    nominal analysis) the rates are nominal and made real by the Fisher
    relation (:func:`fisher_real_rate`), as the tender's escalation rates are.

    Parameters
    ----------
    rates : array_like, shape (B,)
        Each bid's rate, above -1. [unitless per year]
    T : int
        Last year. [year]
    price_year : {0, 1}
    inflation : float, optional
        General inflation of a nominal analysis. [unitless per year]

    Returns
    -------
    ndarray, shape (B, T + 1)
        [unitless]

    Examples
    --------
    >>> bid_escalation_index([0.02, 0.0], 2).round(4)
    array([[1.    , 1.02  , 1.0404],
           [1.    , 1.    , 1.    ]])
    >>> bid_escalation_index([0.02], 1, inflation=0.02).round(4)
    array([[1., 1.]])
    """
    r = np.atleast_1d(np.asarray(rates, dtype=np.float64))
    if inflation is not None:
        r = fisher_real_rate(r, inflation)
    return escalation_index(np.broadcast_to(r[:, None], (r.shape[0], T)), T, price_year)
