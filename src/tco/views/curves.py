"""Cumulative cost curves and the years where two bids' curves cross.

Pure numpy, so that charts, reports and tests share one computation.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.limits import MAX_CHART_BIDS

if TYPE_CHECKING:
    from tco.result import Result

__all__ = [
    "Crossing",
    "crossings",
    "cumulative_discounted",
    "cumulative_steps",
    "find_crossings",
    "one_off_items",
]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Crossing:
    """The point where one bid's cumulative cost overtakes another's.

    Attributes
    ----------
    cheaper : str
        The bid that is cheaper after the crossing.
    dearer : str
        The bid that is cheaper before the crossing and dearer after it.
    year : float
        Where the curves meet, interpolated linearly between whole years. [year]
    value : float
        Cumulative cost of both bids at that point. [currency]
    residual : bool
        The order changes only through the residual value credited at the
        end of the period: the curves do not cross while the units are in use.
    """

    cheaper: str
    dearer: str
    year: float
    value: float
    residual: bool = False


def cumulative_discounted(result: Result) -> Array:
    """Cumulative discounted cost per bid up to and including each year.

    Returns
    -------
    ndarray, shape (B, T + 1)
        Sum of every item's discounted flows in years ``0 .. t``. [currency]

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> bool(abs(cumulative_discounted(r)[:, -1] - r.total).max() < 1e-6)
    True
    """
    out: Array = np.cumsum(result.discounted.sum(axis=1), axis=-1)
    return out


#: Timings of items that fall at an instant (a step in the cumulative cost), not over a year.
ONE_OFF_TIMINGS = frozenset({"once", "every", "at", "end_of_life"})


def one_off_items(result: Result) -> NDArray[np.bool_]:
    """Which items fall at an instant (purchase, replacement, disposal, residual value).

    The others accrue over each year.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> dict(zip(r.items, one_off_items(r).tolist()))
    {'purchase': True, 'electricity': False, 'electricity_co2e': False}
    """
    timing = {s.name: s.timing for s in result.plan.items}
    return np.array([timing.get(name, "annual") in ONE_OFF_TIMINGS for name in result.items])


def cumulative_steps(result: Result) -> tuple[Array, Array]:
    """Cumulative discounted cost as a line with steps at one-off events.

    Annual amounts accrue over their year; one-off amounts (a purchase, a
    replacement, the residual value) are a step at the end of the year they
    are booked in, as the engine books them.

    Returns
    -------
    x : ndarray, shape (2 (T + 1),)
        Each year twice: ``0, 0, 1, 1, ...``. [year]
    y : ndarray, shape (B, 2 (T + 1))
        Cumulative cost before and after each year's one-off amounts. [currency]

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> x, y = cumulative_steps(r)
    >>> x[:4].tolist(), bool(abs(y[:, -1] - r.total).max() < 1e-6)
    ([0.0, 0.0, 1.0, 1.0], True)
    """
    flows = result.discounted
    once = one_off_items(result)
    annual = flows[:, ~once, :].sum(axis=1)
    total = flows.sum(axis=1)
    after = np.cumsum(total, axis=-1)
    before = np.concatenate([np.zeros((after.shape[0], 1)), after[:, :-1]], axis=1) + annual
    years = np.asarray(result.years, dtype=np.float64)
    x = np.repeat(years, 2)
    y = np.empty((after.shape[0], x.size))
    y[:, 0::2] = before
    y[:, 1::2] = after
    return x, y


def find_crossings(curves: ArrayLike, years: ArrayLike, names: tuple[str, ...]) -> list[Crossing]:
    """Find where pairs of curves cross, by linear interpolation.

    A crossing is a change of sign of the difference between two curves from
    one year to the next (a touch without a change of order is not one).

    Parameters
    ----------
    curves : array_like, shape (B, T + 1)
        One curve per bid. [currency]
    years : array_like, shape (T + 1,)
        The year of each column. [year]
    names : tuple of str
        Bid names, one per row.

    Returns
    -------
    list of Crossing
        In order of year.

    Examples
    --------
    Bid A costs 100 at once and 10 a year; bid B 50 at once and 30 a year.
    Their difference, 50 - 20 t, is zero at t = 2.5:

    >>> c = find_crossings([[100, 110, 120, 130], [50, 80, 110, 140]], [0, 1, 2, 3], ("A", "B"))
    >>> c[0].cheaper, c[0].dearer, c[0].year, c[0].value
    ('A', 'B', 2.5, 125.0)
    """
    y = np.asarray(curves, dtype=np.float64)
    t = np.asarray(years, dtype=np.float64)
    found: list[Crossing] = []
    for a in range(y.shape[0]):
        for b in range(a + 1, y.shape[0]):
            d = y[a] - y[b]
            scale = max(float(np.abs(y[a]).max()), float(np.abs(y[b]).max()), 1.0)
            sign = np.where(np.abs(d) <= 1e-9 * scale, 0.0, np.sign(d))
            # Compare each nonzero sign with the previous nonzero sign.
            idx = np.flatnonzero(sign)
            for i0, i1 in itertools.pairwise(idx):
                if sign[i0] == sign[i1]:
                    continue
                if i1 - i0 > 1:  # the curves run together for a while: cross at the first touch
                    x = float(t[i0 + 1])
                    v = float(y[a][i0 + 1])
                else:
                    frac = d[i0] / (d[i0] - d[i1])
                    x = float(t[i0] + frac * (t[i1] - t[i0]))
                    v = float(y[a][i0] + frac * (y[a][i1] - y[a][i0]))
                later_a_cheaper = sign[i1] < 0
                cheaper, dearer = (names[a], names[b]) if later_a_cheaper else (names[b], names[a])
                found.append(Crossing(cheaper=cheaper, dearer=dearer, year=x, value=v))
    return sorted(found, key=lambda c: (c.year, c.cheaper, c.dearer))


def crossings(result: Result, limit: int = MAX_CHART_BIDS) -> list[Crossing]:
    """Where the bids' cumulative discounted costs cross, with one-off events as steps.

    The curves are those of :func:`cumulative_steps`, so a replacement that
    makes a bid dearer crosses at the year it falls in. A crossing at the
    period's end, where the only one-off amount is the residual value credited,
    is marked :attr:`Crossing.residual`: the curves do not cross while the
    units are in use.

    Only the ``limit`` cheapest bids are compared (every pair of them,
    :data:`~tco.limits.MAX_CHART_BIDS` by default), so that the work stays
    bounded whatever the number of bids.

    Only the ``limit`` cheapest bids are compared (every pair of them), so that
    the work stays bounded whatever the number of bids.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> [(c.cheaper, c.dearer, c.residual) for c in crossings(r)][0]
    ('Lumen Nord', 'Budget Light', False)
    """
    x, y = cumulative_steps(result)
    order = np.argsort(result.rank, kind="stable")[:limit]
    found = find_crossings(y[order], x, tuple(result.bids[int(b)] for b in order))
    end = float(x[-1])
    once = one_off_items(result)
    credited = any(s.residual for s in result.plan.items) and bool(
        (result.real[:, once, -1] < 0).any()
    )
    if not credited:
        return found
    return [
        Crossing(c.cheaper, c.dearer, c.year, c.value, residual=True) if c.year == end else c
        for c in found
    ]
