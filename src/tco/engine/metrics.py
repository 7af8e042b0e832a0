"""Present value, equivalent annual cost and ranking.

Functions behave like numpy ufuncs: they broadcast over leading axes (bids,
samples), and the year axis is last.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.engine.conventions import timing_shift
from tco.engine.timeline import Timing, annuity_factor

__all__ = ["equivalent_annual_cost", "present_value", "rank"]

Array = NDArray[np.float64]


def present_value(
    amounts: ArrayLike, years: ArrayLike, discount_rate: ArrayLike, *, timing: Timing = "end"
) -> Array:
    """Discount cash amounts to year 0.

    Parameters
    ----------
    amounts : array_like, shape (..., T)
        Cash amount per year. [currency]
    years : array_like, shape (T,)
        Year of each column, 1 for the first year of use, 0 for the decision
        date. [year]
    discount_rate : float
        Discount rate per year. [unitless, 0.04 for 4 %]
    timing : {"end", "mid", "begin"}
        When in the year the amounts fall: at its end (``(1 + r) ** -t``), in
        its middle (``t - 0.5``) or at its beginning (``t - 1``); year 0 is
        always undiscounted.

    Returns
    -------
    ndarray, shape (...,)
        Present value. [currency]

    Examples
    --------
    >>> present_value([[100.0, 100.0]], [1, 2], 0.04).round(2)
    array([188.61])

    numpy-financial's ``npv(0.08, [-40000, 5000, 8000, 12000, 30000])`` puts
    the first amount at year 0 and gives 3065.22267:

    >>> round(float(present_value([-40000, 5000, 8000, 12000, 30000], range(5), 0.08)), 5)
    3065.22267
    """
    a = np.asarray(amounts, dtype=np.float64)
    t = np.asarray(years, dtype=np.float64)
    r = np.asarray(discount_rate, dtype=np.float64)
    when = np.maximum(t - timing_shift(timing), 0.0)  # year 0 and before: not discounted
    out: Array = np.sum(a * (1.0 + r[..., None]) ** -when, axis=-1)
    return out


def equivalent_annual_cost(
    present: ArrayLike, discount_rate: ArrayLike, period: ArrayLike, *, timing: Timing = "end"
) -> Array:
    """The level yearly amount over years ``1 .. P`` with the same present value.

    ``EAC = PV / UPV(r, P)``, with the uniform present value factor of
    :func:`~tco.engine.timeline.annuity_factor`; for end-of-year timing this
    is ``PV * r / (1 - (1 + r) ** -P)`` (the capital recovery factor), and
    ``PV / P`` when ``r = 0``.

    Parameters
    ----------
    present : array_like
        Present value. [currency]
    discount_rate : float or array_like
        [unitless per year]
    period : int or array_like
        [year]
    timing : {"end", "mid", "begin"}

    Returns
    -------
    ndarray
        [currency/year]

    Examples
    --------
    The capital recovery factor for 10 % over 5 years is 0.26380 (Riggs,
    Bedworth and Randhawa, *Engineering Economics*, factor table):

    >>> float(equivalent_annual_cost(1.0, 0.10, 5).round(5))
    0.2638
    """
    out: Array = np.asarray(present, dtype=np.float64) / annuity_factor(
        discount_rate, period, timing
    )
    return out


def rank(totals: ArrayLike, *, decimals: int = 2) -> NDArray[np.int64]:
    """Rank per bid, 1 for the lowest; equal totals (to the cent) share a rank.

    Examples
    --------
    >>> rank([300.0, 100.0, 200.0, 100.004])
    array([4, 1, 3, 1])
    """
    t = np.round(np.asarray(totals, dtype=np.float64), decimals)
    out: NDArray[np.int64] = np.searchsorted(np.sort(t), t, side="left").astype(np.int64) + 1
    return out
