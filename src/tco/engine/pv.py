"""The closed-form present-value engine: sums over years without a year axis per row.

Every total tco reports (a tender's present values, a catalogue's columns,
the variants of a sensitivity or Monte Carlo study) is a sum over the years
``t = 0 .. T`` of a stream's occurrences times a weight,

    W = sum over t of count[t] * weight[t],

where ``count[t]`` is the number of times the stream falls in year ``t``
(:func:`tco.engine.flows.occurrences`, the year-axis reference) and
``weight[t]`` is a per-year array: escalation index times discount factor
for money, an emission price times a discount factor for priced emissions,
ones for a mass. The present value of a stream whose amount per occurrence
is ``a`` is ``a * W``. The weights are whatever :mod:`tco.engine.timeline`
produced (a discount factor per year, a price index per year): this module
never derives them from a rate.

A weight is shared by every row (shape ``(T + 1,)``) or given per group of
rows (shape ``(G, T + 1)`` with ``rows[r]`` the group of row ``r``; by
default row ``r`` has its own weight row). The sums are computed in closed
form (a difference of cumulative sums for annual streams) or by a loop over
the events that accumulates vectors of shape ``(R,)``; no ``(R, T + 1)``
array is built unless the amount itself has a year axis.

The booking conventions are those of :mod:`tco.engine.timeline`: an event at
time ``τ`` is booked in year ``ceil(τ)``, an annual amount falls in years
``max(1, start) .. min(P, stop)``; the linear residual credit is that of
:func:`tco.engine.flows.residual_credit` (:func:`tco.engine.rows.residual_value`).

:func:`stream_present_value` is the one driver: a stream's weights
(escalation times discount factor), its residual credit and the quantity,
called by a tender's totals (:func:`tco.evaluate.plan_totals`), the variants
of every analysis (:func:`tco.analysis.variants.evaluate_variants`) and the
rows of a table (:mod:`tco.batch`, whose amounts are kept as products,
:class:`FactoredAmount`: an optimisation behind the same call).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco._deprecation import deprecated
from tco.engine.rows import Residual, amount_in_year, residual_value, take_rows, take_years
from tco.engine.timeline import EPS

__all__ = [
    "Stream",
    "quantity_scale",
    "stream_present_value",
    "weighted_amounts",
    "weighted_occurrences",
    "weighted_periodic",
]

Array = NDArray[np.float64]
Index = NDArray[np.intp]


def _index(x: Array, lo: int, hi: int) -> Index:
    return np.clip(x, lo, hi).astype(np.intp)


def _uniform(x: Array) -> Array:
    """``x`` as a scalar when all its values are equal (the common study period)."""
    if x.ndim and x.size and x.min() == x.max():
        return np.asarray(x.flat[0])
    return x


def _grouped_shape(weight: Array, rows: Index | None, shape: tuple[int, ...]) -> tuple[int, ...]:
    if weight.ndim == 1:
        return shape
    n = len(rows) if rows is not None else weight.shape[0]
    return np.broadcast_shapes(shape, (n,))


def weighted_periodic(
    weight: ArrayLike,
    interval: ArrayLike,
    period: ArrayLike,
    *,
    until_end: bool = False,
    rows: Index | None = None,
) -> Array:
    """Sum of ``weight`` over the years of events at ``k * interval``, ``k >= 1``.

    The events are those of :func:`~tco.engine.timeline.periodic_occurrences`
    with ``first=1``: ``k * interval < P`` (or ``<= P`` with ``until_end``).
    Event ``k`` is booked in year ``ceil(k * interval)`` (with a tolerance of
    1e-9 for computed whole years).

    Parameters
    ----------
    weight : array_like, shape (T + 1,) or (G, T + 1)
        Weight per year ``t = 0 .. T``, shared or per group of rows. [any]
    interval : float or array_like, shape (R,)
        Time between events, > 0. [year]
    period : float or array_like, shape (R,)
        Study period, at most ``T``. [year]
    until_end : bool
        Count an event that falls exactly at the period's end.
    rows : ndarray of int, shape (R,), optional
        Group of each row, for a 2-D ``weight`` (see :func:`take_years`).

    Returns
    -------
    ndarray, shape (R,) or ()
        The weighted count per row. [any]

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
    shape = _grouped_shape(w, rows, np.broadcast_shapes(e.shape, p.shape))
    out = np.zeros(shape)
    if k_max <= T:
        # One pass per event: event k falls in the first year t with
        # floor(t / e + EPS) >= k, that is t = ceil((k - EPS) * e).
        step = np.empty(np.broadcast_shapes(e.shape, p.shape))
        offset = None
        if w.ndim == 2 and step.ndim:  # index the flattened weights: row offset + year
            group = rows if rows is not None else np.arange(w.shape[0], dtype=np.intp)
            offset = np.broadcast_to(group * (T + 1), step.shape)
        # Buffers reused by every event: a run of many rows allocates them once.
        index = np.empty(step.shape, dtype=np.intp)
        got = np.empty(shape) if offset is not None and shape == step.shape else None
        for k in range(1, k_max + 1):
            np.multiply(e, k - EPS, out=step)
            np.ceil(step, out=step)
            np.minimum(step, T, out=step)  # ceil((k - EPS) * e) >= 1 for k >= 1, e > 0
            np.copyto(index, step, casting="unsafe")  # whole years from 1 to T
            if offset is None:
                value = take_years(w, index, rows)
            elif got is None:
                value = np.take(w, offset + index)  # np.take reads w flattened
            else:
                np.add(index, offset, out=index)
                value = np.take(w, index, out=got)
            value *= last_k >= k
            out += value
    else:
        # Many events per year (intervals under a year): one pass per year.
        before = np.zeros_like(last_k)  # no event before year 1 (k >= 1)
        for t in range(1, T + 1):
            upto = np.minimum(np.floor(t / e + EPS), last_k)
            wt = take_years(w, np.full(shape, t), rows)
            out += np.maximum(upto - before, 0.0) * wt
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
    rows: Index | None = None,
) -> Array:
    """Sum over years of a stream's occurrences times ``weight``.

    Equal to ``(occurrences(timing, period, T, ...) * weight).sum(axis=-1)``
    (:func:`tco.engine.flows.occurrences`) without building the ``(R, T +
    1)`` count array.

    Parameters
    ----------
    timing : {"once", "annual", "every", "at", "end_of_life"}
        As in :func:`~tco.engine.flows.occurrences`.
    weight : array_like, shape (T + 1,) or (G, T + 1)
        Weight per year ``t = 0 .. T``: escalation index times discount
        factor, for instance; shared by every row or one per group of rows
        (``rows``). [any]
    period : float or array_like, shape (R,)
        Study period, a whole number of years up to ``T``. [year]
    when, start, stop, lifetime : float or array_like, shape (R,), optional
        As the timing needs them. [year]
    rows : ndarray of int, shape (R,), optional
        Group of each row, for a 2-D ``weight``; by default row ``r`` uses
        ``weight[r]``.

    Returns
    -------
    ndarray, shape (R,) or ()
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

    Two groups of weights, rows 0 and 2 in the first, row 1 in the second:

    >>> w = np.array([[1.0, 1.0, 1.0], [1.0, 10.0, 100.0]])
    >>> weighted_occurrences("annual", w, [2, 2, 1], rows=np.array([0, 1, 0]))
    array([  2., 110.,   1.])
    """
    w = np.asarray(weight, dtype=np.float64)
    T = w.shape[-1] - 1
    p = np.asarray(period, dtype=np.float64)
    if timing == "annual":
        lo = np.maximum(np.asarray(1.0 if start is None else start, dtype=np.float64), 1.0)
        hi = _uniform(p) if stop is None else np.minimum(p, np.asarray(stop, dtype=np.float64))
        first = _index(np.ceil(lo - EPS), 0, T + 1)
        last = _index(np.floor(hi + EPS), -1, T)
        shape = _grouped_shape(w, rows, p.shape)
        if first.ndim == last.ndim == 0:  # the same years for every row: one sum per group
            span = w[..., int(first) : int(last) + 1].sum(axis=-1)
            if w.ndim == 2 and rows is not None:
                span = span[rows]  # a new array, one value per row
            if span.shape == shape:
                fresh: Array = span
                return fresh
            return np.array(np.broadcast_to(span, shape), dtype=np.float64)
        zero = np.zeros((*w.shape[:-1], 1))
        cum = np.concatenate((zero, np.cumsum(w, axis=-1)), axis=-1)  # cum[k] = w[0] + .. w[k-1]
        first, last = np.broadcast_arrays(first, last)
        span = take_years(cum, last + 1, rows) - take_years(cum, np.minimum(first, last + 1), rows)
        out: Array = np.where(last >= first, span, 0.0)
        return out
    if timing == "every":
        assert when is not None
        return weighted_periodic(w, when, p, rows=rows)
    if timing == "at":
        assert when is not None
        at = np.asarray(when, dtype=np.float64)
        year = _index(np.maximum(np.ceil(at - EPS), 0.0), 0, T)
        hit = (at <= p + EPS) & (at >= -EPS)
        out = np.where(hit, take_years(w, year, rows), 0.0)
        return out
    zeros = np.zeros(np.broadcast_shapes(p.shape), dtype=np.intp)
    if timing == "once":
        first_unit = take_years(w, zeros, rows)
        if lifetime is None:
            out = np.array(first_unit, dtype=np.float64)
            return out
        out = weighted_periodic(w, lifetime, p, rows=rows)
        if out.shape == np.broadcast_shapes(out.shape, np.shape(first_unit)):
            out += first_unit  # in place: the replacements are a new array
            return out
        return out + first_unit
    if timing == "end_of_life":
        if lifetime is None:
            out = take_years(w, _index(np.ceil(p - EPS), 0, T), rows)
            return out
        return weighted_periodic(w, lifetime, p, until_end=True, rows=rows)
    raise ValueError(f"unknown timing {timing!r}")


def weighted_amounts(
    timing: str,
    amount: ArrayLike,
    weight: ArrayLike,
    period: ArrayLike,
    *,
    when: ArrayLike | None = None,
    start: ArrayLike | None = None,
    stop: ArrayLike | None = None,
    lifetime: ArrayLike | None = None,
    rows: Index | None = None,
) -> Array:
    """Sum over years of a stream's amount times occurrences times ``weight``, per row.

    Parameters
    ----------
    timing : {"once", "annual", "every", "at", "end_of_life"}
        As in :func:`~tco.engine.flows.occurrences`.
    amount : array_like, shape (R,) or (R, T + 1)
        Amount per occurrence (per year for annual streams), per row or per
        row and year. [currency] or [kg]
    weight : array_like, shape (T + 1,) or (G, T + 1)
        As in :func:`weighted_occurrences`. [unitless]
    period, when, start, stop, lifetime, rows
        As in :func:`weighted_occurrences`.

    Returns
    -------
    ndarray, shape (R,)
        [currency] or [kg]

    Examples
    --------
    100 a year in years 1 and 2, and a yearly amount of 100 then 200:

    >>> weighted_amounts("annual", [100.0], np.ones(3), [2])
    array([200.])
    >>> weighted_amounts("annual", [[0.0, 100.0, 200.0]], np.ones(3), [2])
    array([300.])
    """
    a = np.asarray(amount, dtype=np.float64)
    w = np.asarray(weight, dtype=np.float64)
    if a.ndim == 2:  # a year axis: fold the amount into a weight per row
        w = a * take_rows(w, rows, a.shape[0])
        rows = None
    sums = weighted_occurrences(
        timing, w, period, when=when, start=start, stop=stop, lifetime=lifetime, rows=rows
    )
    out: Array = sums if a.ndim == 2 else a * sums
    return out


@dataclass(frozen=True)
class FactoredAmount:
    """A stream's amount kept as a product: ``scale * rows[r] * years[t]``.

    A cost formula is mostly a product (``annual_distance * consumption *
    fuel_price``): over a million rows it costs one pass when its plain numbers
    multiply first (into ``scale``), and a factor that is a yearly series
    (``grid_factor``) is a per-year part shared by every row. The driver
    (:func:`stream_present_value`) takes such an amount in place of an array:
    the per-year part joins the price, a unit amount is weighed as any other,
    and the rows multiply the weight once. An optimisation only: the present
    value is that of :meth:`array`, the amount in full (tested). The product is
    the amount per occurrence (per year for annual streams). [currency] or [kg]

    Attributes
    ----------
    scale : float
        The product's plain factor. [plan units]
    rows : ndarray, shape (R,), optional
        The per-row factor (none: every row the same). [plan units]
    years : ndarray, shape (T + 1,), optional
        The per-year factor (none: every year the same). [plan units]

    Examples
    --------
    >>> a = FactoredAmount(2.0, np.array([1.0, 3.0]), np.array([0.0, 1.0, 0.5]))
    >>> a.array()
    array([[0., 2., 1.],
           [0., 6., 3.]])
    >>> a.times(10.0)
    array([20., 60.])
    """

    scale: float = 1.0
    rows: Array | None = None
    years: Array | None = None

    def times(self, weight: ArrayLike) -> Array:
        """``scale * rows * weight`` as a new array, ``weight`` a float or of shape (R,)."""
        w = np.asarray(weight, dtype=np.float64)
        if self.rows is None:
            out: Array = w * self.scale
            return out
        if w.ndim == 0:
            return self.rows * (self.scale * float(w))
        out = self.rows * self.scale
        out *= w
        return out

    def array(self) -> Array:
        """The amount in full: shape (R,), (R, T + 1), (1, T + 1) or ()."""
        out = np.asarray(self.scale, dtype=np.float64)
        if self.rows is not None:
            out = self.rows * self.scale
        if self.years is not None:
            out = np.atleast_1d(out)[:, None] * self.years
        return out


#: A unit amount: the driver's weight of a stream, which a factored amount multiplies.
_ONE = np.ones(())


class Stream(Protocol):
    """What the engine reads of a stream (:class:`tco.plan.PlanStream` is one).

    ``timing`` is the kind of stream (``once``, ``annual``, ``every``, ``at``,
    ``end_of_life``); ``amount`` per occurrence [currency] or [kg], shape
    ``(R,)``, ``(R, T + 1)`` or ``()`` (a unit amount), or a :class:`FactoredAmount`;
    ``when``, ``start``, ``stop`` its times [year]; ``per_unit`` whether the quantity
    multiplies it; ``residual`` its residual-credit rule (:class:`tco.engine.rows.Residual`).
    """

    @property
    def timing(self) -> str:
        """The kind of stream: once, annual, every, at, end_of_life."""

    @property
    def amount(self) -> Any:
        """Amount per occurrence (per year for annual). [currency] or [kg]"""

    @property
    def when(self) -> Any:
        """Interval of ``every``, time of ``at``. [year]"""

    @property
    def start(self) -> Any:
        """First year of an annual stream. [year]"""

    @property
    def stop(self) -> Any:
        """Last year of an annual stream. [year]"""

    @property
    def per_unit(self) -> bool:
        """Whether the quantity multiplies the stream."""

    @property
    def residual_rule(self) -> Residual | None:
        """How the last unit is credited, if it is."""


def quantity_scale(per_unit: bool, quantity: ArrayLike) -> Any:
    """What a stream's per-unit amounts are multiplied by: the quantity, or 1.

    The tender's quantity (per row for a basket's lines or an analysis's
    variants) multiplies every stream the model marks ``per_unit`` (the
    default); a stream for the whole purchase (a one-off fee) is taken once.

    Examples
    --------
    >>> quantity_scale(True, 200.0), quantity_scale(False, 200.0)
    (200.0, 1.0)
    """
    return quantity if per_unit else 1.0


def stream_present_value(
    s: Stream,
    price: ArrayLike,
    discount: ArrayLike,
    *,
    period: ArrayLike,
    lifetime: ArrayLike | None,
    quantity: ArrayLike = 1.0,
    rows: Index | None = None,
    weights: dict[tuple[int, int], tuple[Any, Any, Array]] | None = None,
) -> Array:
    """Present value per row of one stream: its amounts, weights, residual credit and quantity.

    ``PV = q * (sum over years of a * count * price * discount + a(s) * credit)``,
    with ``count`` the stream's occurrences (:func:`weighted_amounts`), ``credit``
    the present value of the last unit's residual value per unit of its price
    (:func:`tco.engine.rows.residual_value`, when ``s.residual_rule`` is one and
    the rule applies) and ``q`` the quantity for a per-unit stream
    (:func:`quantity_scale`). With a price of ones and a discount of ones it is
    the mass a stream of emissions gives off over the period.

    Parameters
    ----------
    s : Stream
        The stream (its timing, amount, times, ``per_unit`` and ``residual_rule``);
        its amount an array or a :class:`FactoredAmount`.
    price : array_like, shape (T + 1,) or (G, T + 1)
        Price index per year (an item's escalation, an emission's price per kg,
        ones for a mass), shared or per group of rows. [unitless] or [currency/kg]
    discount : array_like, shape (T + 1,) or (G, T + 1)
        Discount factor per year at the stream's timing. [unitless]
    period, lifetime : array_like, shape (R,) or ()
        Study period and the life of one unit. [year]
    quantity : float or array_like, shape (R,)
        The tender's quantity (per row). [count]
    rows : ndarray of int, shape (R,), optional
        Group of each row, for a 2-D ``price`` or ``discount``.
    weights : dict, optional
        A cache of the products ``price * discount`` by the two arrays' ids:
        streams that share both (the variants of an analysis) compute it once.

    Returns
    -------
    ndarray, shape (R,) or ()
        [currency], or [kg] for a mass

    Examples
    --------
    A purchase of 1000 with a 4-year life over 6 years, undiscounted: two units
    bought, half the second's life left at the end, for 2 units each:

    >>> from types import SimpleNamespace
    >>> s = SimpleNamespace(timing="once", amount=np.array([1000.0]), when=None, start=None,
    ...                     stop=None, per_unit=True, residual_rule=Residual())
    >>> stream_present_value(s, np.ones(7), np.ones(7), period=np.array([6.0]),
    ...                      lifetime=np.array([4.0]), quantity=2.0)
    array([3000.])
    """
    e = np.asarray(price, dtype=np.float64)
    d = np.asarray(discount, dtype=np.float64)
    amount = s.amount
    factored = amount if isinstance(amount, FactoredAmount) else None
    if factored is not None:  # the weight of a unit amount, which the rows multiply once
        amount = _ONE
        if factored.years is not None:  # the per-year factor is part of the price
            e = e * factored.years
            weights = None
    if weights is None:
        w = e * d
    else:
        key = (id(price), id(discount))
        known = weights.get(key)
        if known is None:  # kept with the two arrays, so that their ids stay theirs
            known = weights[key] = (price, discount, e * d)
        w = known[2]
    group = rows if w.ndim == 2 else None
    pv = weighted_amounts(
        s.timing,
        amount,
        w,
        period,
        when=s.when,
        start=s.start,
        stop=s.stop,
        lifetime=lifetime,
        rows=group,
    )
    rule = s.residual_rule
    if rule is not None and (lifetime is not None or rule.share is not None):
        # Discounted as its stream is (the year-axis reference discounts the credit with it).
        last, credit = residual_value(
            e,
            d,
            lifetime,
            period,
            rows=rows if max(e.ndim, d.ndim) == 2 else None,
            share=rule.share,
            salvage=rule.salvage,
        )
        credited = amount_in_year(amount, last) * credit
        if _fresh(pv, credited):
            pv += credited
        else:
            pv = pv + credited
        del credited
    scale = quantity_scale(s.per_unit, quantity)
    if np.ndim(scale) or scale != 1.0:
        if _fresh(pv, scale):
            pv *= scale
        else:
            pv = pv * scale
    return pv if factored is None else factored.times(pv)


def _fresh(a: Array, b: ArrayLike) -> bool:
    """Whether ``a op= b`` may update ``a`` in place: its own float64 array of the shape."""
    return (
        a.dtype == np.float64
        and a.flags.owndata
        and a.flags.writeable
        and a.shape == np.broadcast_shapes(a.shape, np.shape(b))
    )


def __getattr__(name: str) -> Any:
    if name == "present_value":  # its old name; ``tco.present_value`` is the metric
        deprecated("tco.engine.pv.present_value", "tco.engine.pv.weighted_amounts", "0.2")
        return weighted_amounts
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
