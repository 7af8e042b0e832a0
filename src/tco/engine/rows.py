"""Per-row lookups into per-year arrays, and the residual credit of the last unit.

A weight per year is shared by every row (shape ``(T + 1,)``) or given per
group of rows (shape ``(G, T + 1)``, with ``rows[r]`` the group of row
``r``): :func:`take_years` reads it in each row's own year. The closed-form
engine (:mod:`tco.engine.pv`) and its callers use these for events, the
first unit and the last unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.engine.timeline import EPS

__all__ = [
    "Residual",
    "amount_in_year",
    "last_unit",
    "residual_rule",
    "residual_terms",
    "residual_value",
    "take_rows",
    "take_years",
]

Array = NDArray[np.float64]
Index = NDArray[np.intp]


def take_years(weight: Array, years: ArrayLike, rows: Index | None = None) -> Array:
    """``weight`` in each row's year: ``weight[years]`` or ``weight[rows, years]``.

    Parameters
    ----------
    weight : ndarray, shape (T + 1,) or (G, T + 1)
        Weight per year, shared or per group of rows. [any]
    years : array_like of int, shape (R,) or ()
        Year of each row, ``0 .. T``. [year]
    rows : ndarray of int, shape (R,), optional
        Group of each row when ``weight`` is 2-D; by default row ``r`` is
        group ``r``.

    Examples
    --------
    >>> take_years(np.array([1.0, 2.0, 3.0]), np.array([2, 0]))
    array([3., 1.])
    >>> take_years(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1, 1, 0]), np.array([0, 1, 1]))
    array([2., 4., 3.])
    """
    t = np.asarray(years, dtype=np.intp)
    if weight.ndim == 1:
        out: Array = weight[t]
        return out
    if t.ndim == 0:  # one year for every row: a column, then a row per group
        column = weight[:, int(t)]
        out = column.copy() if rows is None else column[rows]
        return out
    width = weight.shape[-1]
    if rows is None:
        rows = np.arange(weight.shape[0], dtype=np.intp)
    out = np.take(weight.reshape(-1), rows * width + t)
    return out


def take_rows(weight: Array, rows: Index | None, n: int) -> Array:
    """The weight row of each of ``n`` rows, shape (n, T + 1).

    Examples
    --------
    >>> take_rows(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1, 1]), 2)
    array([[3., 4.],
           [3., 4.]])
    """
    if weight.ndim == 1:
        return np.broadcast_to(weight, (n, weight.shape[0]))
    out: Array = weight if rows is None else weight[rows]
    return out


def amount_in_year(amount: ArrayLike, years: Index) -> Array:
    """An amount in each row's own year: ``amount`` itself, or ``amount[r, years[r]]``.

    Examples
    --------
    >>> amount_in_year(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1, 0]))
    array([2., 3.])
    >>> amount_in_year(np.array([5.0]), np.array([1]))
    array([5.])
    """
    a = np.asarray(amount, dtype=np.float64)
    if a.ndim < 2:
        return a
    out: Array = a[np.arange(a.shape[0]), years]
    return out


def last_unit(lifetime: ArrayLike, period: ArrayLike) -> tuple[Index, Array]:
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
        start = np.array(p / L, dtype=np.float64, ndmin=1)
        start -= EPS
        np.ceil(start, out=start)
        start -= 1.0
        start *= L  # the last unit's purchase time
        frac = start + L
        frac -= p
        frac /= L
    frac[np.abs(frac) < EPS] = 0.0  # within 0 .. 1: ceil(P / L - EPS) - 1 <= P / L
    start -= EPS
    np.ceil(start, out=start)
    year = np.maximum(start, 0.0).astype(np.intp)
    shape = np.broadcast_shapes(L.shape, p.shape)
    return year.reshape(shape), frac.reshape(shape)


@dataclass(frozen=True)
class Residual:
    """How a stream's last unit is credited at the period's end (:func:`residual_terms`).

    Attributes
    ----------
    share : float, optional
        A stated share of the initial cost (NIST BLCC); ``None`` for the
        linear rule, the unexpired share of the last unit's life. [unitless]
    salvage : bool
        The stream is an end-of-life amount the period cuts short (linear only).
    """

    share: float | None = None
    salvage: bool = False


def residual_rule(
    convention: str, share: float, *, credited: bool, timing: str, lifetime: bool
) -> Residual | None:
    """The residual credit of one stream under the tender's ``residual_value`` convention.

    ``None`` where nothing is credited: the stream is not marked for a
    residual value, the convention is ``none``, a stated ``share`` credits
    the purchase items only (not an end-of-life amount), and the linear rule
    needs a lifetime (it also covers the salvage of an ``end_of_life`` item
    that the period cuts short).

    Parameters
    ----------
    convention : {"linear", "share", "none"}
        The tender's rule (:data:`tco.engine.conventions.RESIDUAL_VALUE`).
    share : float
        The stated share, for ``"share"``. [unitless]
    credited : bool
        The stream is marked for a residual value.
    timing : str
        The stream's timing (``once``, ``end_of_life``, ...).
    lifetime : bool
        The model states a lifetime.

    Examples
    --------
    >>> residual_rule("linear", 0.0, credited=True, timing="once", lifetime=True)
    Residual(share=None, salvage=False)
    >>> residual_rule("share", 0.2, credited=True, timing="end_of_life", lifetime=True) is None
    True
    """
    if not credited or convention == "none":
        return None
    if convention == "share":
        return None if timing == "end_of_life" else Residual(share=share)
    if not lifetime:
        return None
    return Residual(salvage=timing == "end_of_life")


def residual_terms(
    lifetime: ArrayLike | None,
    period: ArrayLike,
    *,
    share: float | None = None,
    salvage: bool = False,
) -> tuple[Index, Array]:
    """The one residual-value rule: which year's price is credited, and what share of it.

    A credit at the period's end ``P`` is ``-a(s) * e(s) * w * d(P)`` for a
    stream of amount ``a`` and price index ``e``; this returns ``s`` and ``w``.

    * linear (``share=None``): ``s`` is the year the last unit within the
      period is bought and ``w = f``, its share of life left at ``P``.
    * a stated share of the initial cost (NIST BLCC): ``w = share`` of the
      last unit's price (the unit bought at year 0 without a lifetime).
    * salvage cut short (``salvage=True``, linear only): an end-of-life amount
      (a salvage, negative) of the last unit falls after ``P``; the part of
      it earned within the period, ``(1 - f)`` of it, is booked at ``P``:
      ``s = P`` and ``w = -(1 - f)`` (0 when the life ends at ``P``, where
      the amount already falls). With the linear credit of the purchase this
      is straight-line depreciation to a salvage value: the unit is worth
      ``f * price + (1 - f) * salvage`` at ``P``.

    Parameters
    ----------
    lifetime : array_like, shape (R,), optional
        Life of one unit. [year]
    period : array_like, shape (R,)
        Study period. [year]
    share : float, optional
        The stated share of the initial cost. [unitless, 0.2 for 20 %]
    salvage : bool
        The stream is an end-of-life amount.

    Examples
    --------
    >>> residual_terms([4.0], [6])
    (array([4]), array([0.5]))
    >>> residual_terms(None, [6], share=0.2)
    (array([0]), array([0.2]))
    >>> residual_terms([8.0], [5], salvage=True)
    (array([5]), array([-0.625]))
    """
    p = np.asarray(period, dtype=np.float64)
    if lifetime is None:
        if share is None:
            raise ValueError("a linear residual value needs a lifetime")
        year = np.zeros(p.shape, dtype=np.intp)
        return year, np.full(p.shape, float(share))
    last, frac = last_unit(lifetime, p)
    if salvage:
        end = np.broadcast_to(p, frac.shape).astype(np.intp)
        return end, np.where(frac > 0.0, frac - 1.0, 0.0)
    if share is not None:
        return last, np.full(frac.shape, float(share))
    return last, frac


def residual_value(
    escalation: ArrayLike,
    discount: ArrayLike,
    lifetime: ArrayLike | None,
    period: ArrayLike,
    *,
    rows: Index | None = None,
    share: float | None = None,
    salvage: bool = False,
) -> tuple[Index, Array]:
    """Year the last unit is bought, and the present value of its residual credit per unit price.

    The linear residual credit of :func:`tco.engine.flows.residual_credit`:
    the last unit, bought in year ``s`` for ``a(s) * e(s)``, has a share
    ``f`` of its life left at the period's end ``P``, credited there as a
    negative cost. Its present value is ``-a(s) * e(s) * f * d(P)``; this
    returns ``s`` and ``-e(s) * f * d(P)`` (the caller takes ``a(s)``).

    Parameters
    ----------
    escalation, discount : array_like, shape (T + 1,) or (G, T + 1)
        Price index and discount factor per year (per group of rows). [unitless]
    lifetime, period : array_like, shape (R,)
        Life of one unit and study period. [year]
    rows : ndarray of int, shape (R,), optional
        Group of each row, for 2-D weights.
    share, salvage
        The rule, as in :func:`residual_terms`.

    Examples
    --------
    A unit with a 4-year life over a 6-year period has half its life left:

    >>> year, factor = residual_value(np.ones(7), np.ones(7), [4.0], [6])
    >>> year, factor
    (array([4]), array([-0.5]))
    """
    e = np.asarray(escalation, dtype=np.float64)
    d = np.asarray(discount, dtype=np.float64)
    last, frac = residual_terms(lifetime, period, share=share, salvage=salvage)
    end = np.asarray(period, dtype=np.float64)
    if end.ndim and end.size and end.min() == end.max():  # a common period: one column
        end = end.flat[0]
    end = np.asarray(end).astype(np.intp)
    out: Array = -take_years(e, last, rows) * frac * take_years(d, end, rows)
    return last, out
