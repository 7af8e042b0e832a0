"""How prices escalate and how amounts are discounted.

Pure functions over plain float64 arrays. The year axis is always last and
runs over ``t = 0 .. T``: year 0 is the decision date, year ``t`` is the
``t``-th year of use. Per-bid inputs are arrays of shape ``(B,)``.
:mod:`tco.engine.timeline` re-exports every function here.

Conventions (``docs/concepts.md`` has the formulas):

* End-of-year discounting: a year-``t`` amount is worth ``(1 + r) ** -t``
  today; mid-year uses ``t - 0.5`` and beginning-of-year ``t - 1`` for
  annual amounts (events stay at their year's end).
* An annual amount is priced at the instant it is discounted (NIST BLCC,
  Handbook 135): with mid-year timing the year-``t`` amount of a constant
  escalation ``e`` from year-0 prices costs ``(1 + e) ** (t - 0.5)``
  (:func:`annual_escalation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.engine.conventions import TIMING, option, timing_shift
from tco.spec.schema import Timing

__all__ = [
    "ANNUALISE_AT",
    "TIMINGS",
    "TIMING_SHIFT",
    "AnnualiseAt",
    "Array",
    "Discount",
    "Timing",
    "annual_escalation",
    "annualising_rate",
    "annuity_factor",
    "at_instant",
    "discount_factors",
    "escalation_index",
    "fisher_real_rate",
    "schedule_discount_factors",
    "stream_escalation",
    "stream_timing",
    "year_axis",
]

#: A float64 array (the year axis last).
Array = NDArray[np.float64]
#: The values of :data:`Timing` (:data:`tco.spec.schema.Timing`, the one list of the
#: options): the tender's ``discounting``, an item's own ``discounting`` and the tender's
#: ``item_discounting`` take one of them.
TIMINGS: tuple[Timing, ...] = get_args(Timing)
#: How far before its year's end an annual amount falls, per timing: the one table of
#: :data:`tco.engine.conventions.TIMING`. [year]
TIMING_SHIFT: dict[str, float] = TIMING
#: The rate an equivalent annual cost is computed at: ``"real"`` gives a level
#: amount in constant money (year-0 prices), ``"nominal"`` a level amount in current
#: money (NIST BLCC for a current-dollar analysis). By default an analysis annualises
#: at its own rate: nominal for a nominal analysis, real for a real one.
AnnualiseAt = Literal["real", "nominal"]
#: The values of :data:`AnnualiseAt`.
ANNUALISE_AT: tuple[AnnualiseAt, ...] = ("real", "nominal")


def year_axis(T: int) -> Array:
    """The year axis ``t = 0 .. T`` as floats.

    Parameters
    ----------
    T : int
        Last year. [year]

    Returns
    -------
    ndarray, shape (T + 1,)
        ``0.0, 1.0, .., T``. [year]

    Examples
    --------
    >>> year_axis(3)
    array([0., 1., 2., 3.])
    """
    return np.arange(T + 1, dtype=np.float64)


def discount_factors(rate: ArrayLike, T: int, timing: Timing = "end") -> Array:
    """Present value of one unit of money per year ``t = 0 .. T``.

    Parameters
    ----------
    rate : float or array_like, shape (...,)
        Discount rate per year. [unitless, 0.04 for 4 %]
    T : int
        Last year. [year]
    timing : {"end", "mid", "begin"}
        When in year ``t`` the amount falls: at its end (``t``), in its middle
        (``t - 0.5``) or at its beginning (``t - 1``). Year 0 is always at
        time 0.

    Returns
    -------
    ndarray, shape (..., T + 1)
        Discount factor per year. [unitless]

    Examples
    --------
    >>> discount_factors(0.04, 3).round(6)
    array([1.      , 0.961538, 0.924556, 0.888996])
    >>> discount_factors(0.04, 2, "mid").round(6)
    array([1.      , 0.980581, 0.942866])
    """
    r = np.asarray(rate, dtype=np.float64)[..., None]
    t = year_axis(T)
    when = np.maximum(t - timing_shift(timing), 0.0)
    out: Array = (1.0 + r) ** -when
    return out


def annuity_factor(rate: ArrayLike, period: ArrayLike, timing: Timing = "end") -> Array:
    """Present value of one unit of money a year in years ``1 .. P``.

    The uniform present value factor (NIST Handbook 135, "UPV"); for end-of-
    year timing ``(1 - (1 + r) ** -P) / r``, and ``P`` at ``r = 0``. An
    equivalent annual cost is a present value divided by this factor.

    Parameters
    ----------
    rate : float or array_like
        Discount rate per year. [unitless]
    period : int or array_like of int
        Number of years. [year]
    timing : {"end", "mid", "begin"}
        As in :func:`discount_factors`.

    Returns
    -------
    ndarray
        The factor, broadcast over ``rate`` and ``period``. [year]

    Examples
    --------
    NIST Handbook 135 (1995), Table A-2 lists UPV = 17.41 for 3 % and 25 years:

    >>> float(annuity_factor(0.03, 25).round(2))
    17.41
    >>> float(annuity_factor(0.0, 15))
    15.0
    """
    r = np.asarray(rate, dtype=np.float64)
    p = np.asarray(period, dtype=np.float64)
    shift = timing_shift(timing)
    nonzero = np.where(r == 0.0, 1.0, r)  # any number but 0: np.where discards its quotient
    base = np.where(r == 0.0, p, (1.0 - (1.0 + r) ** -p) / nonzero)
    out: Array = np.asarray(base * (1.0 + r) ** shift, dtype=np.float64)
    return out


def fisher_real_rate(nominal: ArrayLike, inflation: ArrayLike) -> Array:
    """Real rate from a nominal rate and inflation: ``(1 + n) / (1 + i) - 1``.

    Examples
    --------
    >>> float(fisher_real_rate(0.06, 0.02).round(6))
    0.039216
    """
    out: Array = (1.0 + np.asarray(nominal, dtype=np.float64)) / (
        1.0 + np.asarray(inflation, dtype=np.float64)
    ) - 1.0
    return out


def stream_timing(annual: bool, own: Timing | None, tender: Timing) -> Timing:
    """When in its year a stream falls, and is discounted and priced.

    A one-off event falls at its year's end whatever the timing; an annual
    stream at its own timing (a lease paid in advance: ``"begin"``) or, where
    it states none, the tender's.

    Examples
    --------
    >>> stream_timing(True, "begin", "end"), stream_timing(True, None, "mid")
    ('begin', 'mid')
    >>> stream_timing(False, None, "mid")
    'end'
    """
    if not annual:
        return "end"
    return own or tender


def annualising_rate(real_rate: ArrayLike, inflation: ArrayLike, at: AnnualiseAt) -> Array:
    """The rate an equivalent annual cost is computed at (:data:`AnnualiseAt`).

    ``"real"``: the real rate ``r`` itself. ``"nominal"``: the nominal rate
    ``(1 + r) * (1 + i) - 1`` (the Fisher relation read the other way), so the
    level amount is in current money. The present value is the same either way;
    only the level amount that has it differs.

    Parameters
    ----------
    real_rate : float or array_like
        Real discount rate per year (or per year of a schedule). [unitless]
    inflation : float
        General inflation per year. [unitless]
    at : {"real", "nominal"}

    Returns
    -------
    ndarray
        [unitless per year]

    Examples
    --------
    NIST BLCC 5.3 states the nominal rate of a 3 % real rate under 0.1 % inflation
    as ``(1.03)(1.001) - 1`` = 3.103 %:

    >>> float(annualising_rate(0.03, 0.001, "nominal").round(6))
    0.03103
    >>> float(annualising_rate(0.03, 0.001, "real"))
    0.03
    """
    r = np.asarray(real_rate, dtype=np.float64)
    if not option("annualisation", at):  # an unknown one is an error
        return r
    out: Array = (1.0 + r) * (1.0 + np.asarray(inflation, dtype=np.float64)) - 1.0
    return out


def at_instant(year_end: ArrayLike, timing: Timing = "end") -> Array:
    """A year-end series moved to the instant annual amounts fall, geometric within the year.

    ``out[t] = v[t - 1] * (v[t] / v[t - 1]) ** (1 - s)`` with ``s`` = 0 (end),
    0.5 (mid) or 1 (begin); ``out[0] = v[0]``. For ``v[t] = (1 + r) ** t`` this
    is ``(1 + r) ** (t - s)``: the one timing convention of price indices
    (:func:`annual_escalation`) and discount factors
    (:func:`schedule_discount_factors`).

    Examples
    --------
    >>> at_instant([1.0, 1.1, 1.21], "mid").round(6)
    array([1.      , 1.048809, 1.15369 ])
    """
    v = np.asarray(year_end, dtype=np.float64)
    keep = 1.0 - timing_shift(timing)
    if keep == 1.0 or v.shape[-1] < 2:
        return v
    before, after = v[..., :-1], v[..., 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        moved = before * (after / before) ** keep  # x ** 0 is 1 (begin: the year's start)
    out: Array = np.concatenate([v[..., :1], moved], axis=-1)
    return out


def schedule_discount_factors(rates: ArrayLike, timing: Timing = "end") -> Array:
    """Discount factors for a rate that changes by year: ``prod over k <= t of 1 / (1 + r_k)``.

    The Danish Ministry of Finance's declining rate compounds band by band:
    an amount of year 40 under 3.5 % in years 1-35 and 2.5 % after is worth
    ``1.035 ** -35 * 1.025 ** -5`` today. Mid-year and beginning-of-year
    timing move the factor within the year as :func:`at_instant` does.

    Parameters
    ----------
    rates : array_like, shape (..., T)
        The rate of each year ``1 .. T``. [unitless]
    timing : {"end", "mid", "begin"}

    Returns
    -------
    ndarray, shape (..., T + 1)
        [unitless]; 1 in year 0.

    Examples
    --------
    >>> schedule_discount_factors([0.035, 0.035, 0.025]).round(6)
    array([1.      , 0.966184, 0.933511, 0.910743])
    >>> bool(np.allclose(schedule_discount_factors([0.04] * 3, "mid"),
    ...                  discount_factors(0.04, 3, "mid")))
    True
    """
    r = np.asarray(rates, dtype=np.float64)
    ones = np.ones((*r.shape[:-1], 1))
    end = np.concatenate([ones, np.cumprod(1.0 / (1.0 + r), axis=-1)], axis=-1)
    return at_instant(end, timing)


def annual_escalation(index: ArrayLike, timing: Timing = "end", price_year: int = 0) -> Array:
    """Price index of annual amounts, at the instant each year's amount falls.

    An annual amount of year ``t`` falls at ``t`` (end), ``t - 0.5`` (mid) or
    ``t - 1`` (begin), and is discounted there (:func:`discount_factors`); it
    is priced at the same instant. Within year ``t`` the price moves
    geometrically from ``index[t - 1]`` to ``index[t]``, so the price at
    ``t - s`` is ``index[t - 1] * (index[t] / index[t - 1]) ** (1 - s)``. For
    a constant escalation ``e`` from year-0 prices this is ``(1 + e) ** (t -
    s)``, and the present value of a year-0 price stream is NIST Handbook
    135's ``sum of ((1 + e) / (1 + d)) ** (t - s)``. With ``price_year=1`` the
    quoted price is the price of year 1's amount, so the index is 1 in year 1
    under every timing.

    Parameters
    ----------
    index : array_like, shape (..., T + 1)
        Year-end price index (:func:`escalation_index`), 1 at the quoted
        price's year. [unitless]
    timing : {"end", "mid", "begin"}
        When in the year annual amounts fall.
    price_year : {0, 1}
        The year the quoted price holds.

    Returns
    -------
    ndarray, shape (..., T + 1)
        [unitless]; entry 0 is ``index[0]`` (no annual amount falls in year 0).

    Examples
    --------
    Escalation of 2 % a year from year-0 prices, priced at mid-year:

    >>> annual_escalation(escalation_index(0.02, 2), "mid").round(6)
    array([1.     , 1.00995, 1.03015])
    >>> annual_escalation(escalation_index(0.02, 2, 1), "mid", 1).round(6)
    array([0.990148, 1.      , 1.02    ])
    """
    e = np.asarray(index, dtype=np.float64)
    if timing_shift(timing) == 0.0 or e.shape[-1] < 2:
        return e
    out = at_instant(e, timing)
    if price_year == 1:
        out = out / out[..., 1:2]
    return out


def escalation_index(rates: ArrayLike, T: int, price_year: int = 0) -> Array:
    """Price index per year for a constant or year-by-year escalation rate.

    Parameters
    ----------
    rates : float or array_like, shape (T,) or (n, T)
        Escalation rate per year: one rate for every year, or the rate of
        year ``t`` over year ``t - 1`` for ``t = 1 .. T`` (one path per row
        of a 2-D array: the variants of an analysis). [unitless per year]
    T : int
        Last year. [year]
    price_year : {0, 1}
        The year the quoted price holds: 0 (NIST BLCC) or 1 (the Danish
        EPA vehicle tool). The index is 1 in that year.

    Returns
    -------
    ndarray, shape (T + 1,) or (n, T + 1)
        The price in year ``t`` as a multiple of the quoted price. [unitless]

    Examples
    --------
    >>> escalation_index(0.02, 3).round(6)
    array([1.      , 1.02    , 1.0404  , 1.061208])
    >>> escalation_index(0.02, 3, price_year=1).round(6)
    array([0.980392, 1.      , 1.02    , 1.0404  ])
    >>> escalation_index([0.1, 0.0, -0.5], 3)
    array([1.  , 1.1 , 1.1 , 0.55])
    >>> escalation_index([[0.1, 0.1], [0.0, 0.0]], 2, price_year=1)
    array([[0.90909091, 1.        , 1.1       ],
           [1.        , 1.        , 1.        ]])
    """
    r = np.asarray(rates, dtype=np.float64)
    growth = np.full(T, 1.0 + float(r)) if r.ndim == 0 else 1.0 + r[..., :T]
    ones = np.ones((*growth.shape[:-1], 1))
    index: Array = np.concatenate((ones, np.cumprod(growth, axis=-1)), axis=-1)
    if price_year == 1 and T >= 1:
        index = index / index[..., 1:2]
    return index


def stream_escalation(index: ArrayLike, annual: bool, timing: Timing, price_year: int = 0) -> Array:
    """A stream's price index: its group's year-end index, moved for an annual stream.

    A one-off event is priced at its year's end (the index itself); an annual
    amount at the instant it falls (:func:`annual_escalation` at the stream's
    timing, :func:`stream_timing`). The one rule the tender's compiler and the
    variants of an analysis (a varied escalation rate) both use.

    Parameters
    ----------
    index : array_like, shape (..., T + 1)
        Year-end price index of the stream's escalation group. [unitless]
    annual : bool
        Whether the stream is an annual amount.
    timing : {"end", "mid", "begin"}
        When in the year the stream's annual amounts fall.
    price_year : {0, 1}

    Returns
    -------
    ndarray, shape (..., T + 1)
        [unitless]

    Examples
    --------
    >>> stream_escalation(escalation_index(0.02, 2), True, "mid").round(6)
    array([1.     , 1.00995, 1.03015])
    >>> stream_escalation(escalation_index(0.02, 2), False, "mid").round(6)
    array([1.    , 1.02  , 1.0404])
    """
    e = np.asarray(index, dtype=np.float64)
    return annual_escalation(e, timing, price_year) if annual else e


@dataclass(frozen=True)
class Discount:
    """How a study discounts and annualises: a rate or a schedule, as plain numbers.

    The one place discount factors and uniform present value factors are made
    from a tender's rate (:func:`discount_factors`) or its schedule by year band
    (:func:`schedule_discount_factors`): a tender's plan, the rows of a table
    and the variants of an analysis (a varied rate, :meth:`varied`) all take
    their factors from here. Each timing's factors are computed once.

    Attributes
    ----------
    rate : float or ndarray, shape (n,)
        Real discount rate (year 1's under a schedule), or one per variant.
        [unitless per year]
    T : int
        Last year. [year]
    timing : {"end", "mid", "begin"}
        When in its year an annual amount falls by default (the tender's
        ``discounting``); it also sets the annualising factor.
    path : ndarray, shape (T,) or (n, T), optional
        The rate of each year ``1 .. T`` under a schedule (one per variant
        when 2-D). [unitless per year]
    inflation : float
        General inflation (for annualising at the nominal rate). [unitless per year]
    annualise_at : {"real", "nominal"}
        The rate an equivalent annual cost is computed at (:data:`AnnualiseAt`).

    Examples
    --------
    >>> d = Discount(0.04, 3)
    >>> d.at("end").round(6)
    array([1.      , 0.961538, 0.924556, 0.888996])
    >>> float(d.annuity(3).round(4))
    2.7751
    >>> d.varied(np.array([0.0, 0.04])).at("end")[0].tolist()
    [1.0, 1.0, 1.0, 1.0]
    """

    rate: float | Array
    T: int
    timing: Timing = "end"
    path: Array | None = None
    inflation: float = 0.0
    annualise_at: AnnualiseAt = "real"
    _known: dict[str, Array] = field(default_factory=dict, init=False, repr=False, compare=False)

    def at(self, timing: Timing) -> Array:
        """Discount factor per year ``t = 0 .. T`` of amounts that fall at ``timing``.

        Returns
        -------
        ndarray, shape (T + 1,), or (n, T + 1) for a rate or schedule per variant
            Read-only: the factors are computed once and shared by every caller
            (copy them to change them). [unitless]
        """
        known = self._known.get(timing)
        if known is None:
            known = self._factors(timing)
            if not known.flags.owndata:  # a view of the caller's schedule: copied once
                known = known.copy()
            known.flags.writeable = False
            self._known[timing] = known
        return known

    def _factors(self, timing: Timing) -> Array:
        if self.path is not None:
            return schedule_discount_factors(self.path[..., : self.T], timing)
        r = np.asarray(self.rate, dtype=np.float64)
        if r.ndim == 0:
            return discount_factors(r, self.T, timing)
        values, index = np.unique(r, return_inverse=True)  # each distinct rate once
        out: Array = discount_factors(values, self.T, timing)[index.reshape(-1)]
        return out

    def varied(self, rate: ArrayLike) -> Discount:
        """The same discounting at a rate per variant.

        A schedule moves in parallel: year 1's rate becomes the varied value,
        every later band moves by as much.

        Parameters
        ----------
        rate : array_like, shape (n,)
            Real discount rate per variant. [unitless per year]
        """
        r = np.asarray(rate, dtype=np.float64)
        if self.path is None:
            return replace(self, rate=r)
        path = self.path[: self.T]
        return replace(self, rate=r, path=path[None, :] + (r - path[0])[:, None])

    def annualising_rate(self) -> float | None:
        """The rate of :attr:`annualise_at` per year; ``None`` under a schedule.

        The real rate, or the nominal rate ``(1 + r)(1 + i) - 1``
        (:func:`annualising_rate`). [unitless per year]
        """
        if self.path is not None:
            return None
        return float(annualising_rate(self.rate, self.inflation, self.annualise_at))

    def annuity(self, period: ArrayLike) -> Array:
        """The uniform present value factor over ``period``, at the annualising rate.

        The sum over years ``1 .. P`` of the annual discount factors (at
        :attr:`timing`) at the rate of :attr:`annualise_at`: the real rate,
        or the nominal rate ``(1 + r)(1 + i) - 1``. Under a schedule, the same
        sum of the schedule's factors (each band's rate made nominal for
        ``"nominal"``). Every annualised figure divides by this: a tender's
        result, the rows of a table and the usage profiles.

        Parameters
        ----------
        period : float or ndarray, shape (R,)
            Study period per row, whole years up to ``T``. [year]

        Returns
        -------
        ndarray, shape of ``period``
            [year]
        """
        p = np.asarray(period, dtype=np.float64)
        if self.path is None:
            rate = annualising_rate(self.rate, self.inflation, self.annualise_at)
            return np.broadcast_to(annuity_factor(rate, p, self.timing), p.shape)
        path = annualising_rate(self.path[: self.T], self.inflation, self.annualise_at)
        cum = np.cumsum(schedule_discount_factors(path, self.timing)) - 1.0  # years 1 .. t
        out: Array = cum[p.astype(np.intp)]
        return out

    def annualise(self, total: ArrayLike, period: ArrayLike) -> Array:
        """Equivalent annual cost of a present value over ``period``. [currency/year]

        ``total / annuity(period)``.

        Examples
        --------
        >>> float(Discount(0.10, 5).annualise(1.0, 5).round(5))
        0.2638
        """
        out: Array = np.asarray(np.asarray(total, dtype=np.float64) / self.annuity(period))
        return out
