"""The checks every row of a plan passes, whether it is a bid, a table's row or a variant.

A model's formulas are unit-checked when it loads, but their values depend
on the bids. These checks look at the evaluated values of every row: a
lifetime must be positive; ``period: lifetime`` needs whole-year lifetimes;
an ``at`` event must not fall before the decision date, an interval must be
positive and an annual stream must not stop before it starts (it would
silently cost nothing), unless its amount is zero: a stream that costs
nothing is no stream, whenever it stops. The tender's plan builder
(:func:`tco.plan.compiler.compile_plan`), the variants of an analysis
(:func:`tco.plan.rebuild_plan`) and the rows of a table
(:class:`tco.batch.BatchEvaluator`) run the same functions, so a row is
refused with the same message whichever way it came in.

Rows are named in messages by ``who``: a sequence of texts such as
``"bid 'A'"`` (:func:`bid_names`) or ``"row 7"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from tco.errors import ErrorList, SpecError
from tco.limits import MAX_PERIOD

if TYPE_CHECKING:
    from tco.plan import PlanStream

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Where = tuple[str | int, ...]


class bid_names(Sequence[str]):
    """How messages name each bid of a tender; computed only for the bids a message names.

    Examples
    --------
    >>> list(bid_names(["A", "B"]))
    ["bid 'A'", "bid 'B'"]
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = names

    def __getitem__(self, i: Any) -> Any:
        return f"bid '{self.names[int(i)]}'"

    def __len__(self) -> int:
        return len(self.names)


def check_lifetimes(
    lifetime: Any, who: Sequence[str], *, file: str | None, where: Callable[[int], Where]
) -> None:
    """Raise :class:`~tco.errors.SpecError` for a lifetime that is not positive.

    Parameters
    ----------
    lifetime : float or ndarray, shape (R,)
        Life of one unit per row. [year]
    who : sequence of str
        How messages name each row.
    file : str, optional
        The tender file, for messages.
    where : callable
        The field path of row ``i``.

    Examples
    --------
    >>> check_lifetimes(np.array([3.0, -1.0]), bid_names(["A", "B"]), file=None,
    ...                 where=lambda i: ("bids", i))
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: bids[1]: the lifetime of bid 'B' is -1 years; a lifetime must be ...
    """
    values = np.atleast_1d(np.asarray(lifetime, dtype=np.float64))
    bad = np.flatnonzero(~(values > 0))
    if bad.size:
        i = int(bad[0])
        raise SpecError(
            f"the lifetime of {who[i]} is {values[i]:g} years; a lifetime must be positive",
            file=file,
            path=where(i),
            expected="a positive lifetime",
        ).speaks("lifetime_positive", who=who[i], years_q=f"{values[i]:g} year")


def lifetime_periods(lifetime: Any, who: Sequence[str], *, file: str | None) -> Array:
    """Study period per row for ``period: lifetime``: each row's whole-year lifetime.

    Examples
    --------
    >>> lifetime_periods(np.array([4.0, 6.0]), bid_names(["A", "B"]), file=None)
    array([4., 6.])
    >>> lifetime_periods(np.array([16.67]), ["row 0"], file=None)
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: assumptions.period: 'period: lifetime' needs whole-year lifetimes ...
    """
    values = np.atleast_1d(np.asarray(lifetime, dtype=np.float64))
    rounded = np.round(values)
    off = np.flatnonzero((np.abs(values - rounded) > 1e-6) | (rounded < 1) | (rounded > MAX_PERIOD))
    if off.size:
        i = int(off[0])
        raise SpecError(
            f"'period: lifetime' needs whole-year lifetimes from 1 to {MAX_PERIOD}, but "
            f"{who[i]} lasts {values[i]:.4g} years; give a common study period such as "
            "'15 year' instead",
            file=file,
            path=("assumptions", "period"),
            expected="a study period such as '15 year'",
        ).speaks("lifetime_fractional", cap=MAX_PERIOD, who=who[i], years_q=f"{values[i]:.4g} year")
    out: Array = rounded
    return out


def check_indexations(
    model: Any,
    values: dict[str, Array],
    who: Sequence[str],
    *,
    file: str | None,
    plausible: tuple[float, float] | None,
) -> None:
    """Raise :class:`~tco.errors.SpecError` for a bid's indexation rate that cannot be meant.

    Each item's ``indexation`` parameter (:mod:`tco.spec.indexation`) gives a
    rate per bid; it must be above -100 %, and within ``plausible`` (the
    range of escalation rates, :data:`tco.plan.rates.PLAUSIBLE_RATES`) unless
    that is ``None`` (``allow_unusual_rates: true``).
    """
    errors = ErrorList()
    names = {s.spec.indexation for s in model.items.values() if s.spec.indexation}
    for name in sorted(names):
        rates = np.atleast_1d(values[name])
        low, high = plausible if plausible is not None else (-np.inf, np.inf)
        bad = np.flatnonzero(~((rates > -1.0) & (rates >= low) & (rates <= high)))
        if not bad.size:
            continue
        b = int(bad[0])
        pct = f"{rates[b] * 100:.4g} %"
        if not rates[b] > -1.0:
            err = SpecError(
                f"for {who[b]} the indexation of '{name}' is {pct}; a rate must be above -100 %",
                file=file,
                path=("bids", b, name),
                value=pct,
                expected="a rate above -100 %",
            ).speaks("indexation_below", who=who[b], name=name, pct_q=pct)
        else:
            err = SpecError(
                f"got '{pct}', which is {pct}: outside the plausible range {low * 100:g} % to "
                f"{high * 100:g} % of escalation; check the value (a rate is written '4 %'), or "
                "set 'allow_unusual_rates: true' under assumptions if it is meant",
                file=file,
                path=("bids", b, name),
                value=pct,
                expected=f"a rate from {low * 100:g} % to {high * 100:g} %",
            ).speaks(
                "rate_unusual",
                value=pct,
                pct_q=pct,
                low_q=f"{low * 100:g} %",
                high_q=f"{high * 100:g} %",
                kind="escalation",
            )
        errors.add(err)
    errors.raise_if_any()


def _nonzero(amount: Any) -> NDArray[np.bool_]:
    """Per row, whether an amount (shape (R,) or (R, T + 1)) is anywhere other than zero."""
    a = np.asarray(amount, dtype=np.float64)
    out: NDArray[np.bool_] = np.any(a != 0.0, axis=-1) if a.ndim == 2 else a != 0.0
    return out


def check_timings(streams: Sequence[PlanStream], who: Sequence[str], file: str | None) -> None:
    """Raise :class:`~tco.errors.SpecError` for an impossible timing of any stream.

    Parameters
    ----------
    streams : sequence of PlanStream
        The compiled items and emissions (``name``, ``timing``, ``when``,
        ``start``, ``stop``, and ``substance`` which is empty for items).
    who : sequence of str
        How messages name each row (:func:`bid_names`).
    file : str, optional
        The tender file, for messages.

    Examples
    --------
    >>> from tco.plan import PlanStream
    >>> one = np.ones(1)
    >>> ok = PlanStream("x", "use", "at", one, escalation=one, when=np.array([3.0]))
    >>> check_timings([ok], bid_names(["A"]), None)
    >>> bad = PlanStream("x", "use", "at", one, escalation=one, when=np.array([-1.0]))
    >>> check_timings([bad], bid_names(["A"]), "t.yaml")
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: t.yaml: model.items.x.at: for bid 'A' the event falls at -1 years, ...
    """
    errors = ErrorList()
    for s in streams:
        section = "emissions" if s.substance else "items"
        timing, when, start, stop = s.timing, s.when, s.start, s.stop
        path = ("model", section, s.name)
        if timing == "every" and when is not None and not np.all(when > 0):
            b = int(np.argmax(~(when > 0)))
            errors.add(
                SpecError(
                    f"for {who[b]} the interval is {when[b]:g} years; an interval must be positive",
                    file=file,
                    path=(*path, "every"),
                    value=float(when[b]),
                    expected="a positive interval",
                ).speaks("interval_positive", who=who[b], years_q=f"{when[b]:g} year")
            )
        if timing == "at" and when is not None and np.any(when < 0):
            b = int(np.argmax(when < 0))
            errors.add(
                SpecError(
                    f"for {who[b]} the event falls at {when[b]:g} years, before the "
                    "decision date (year 0)",
                    file=file,
                    path=(*path, "at"),
                    value=float(when[b]),
                    expected="a time of 0 years or more",
                ).speaks("at_before_0", who=who[b], years_q=f"{when[b]:g} year")
            )
        if timing == "annual" and stop is not None:
            first = np.broadcast_to(1.0 if start is None else start, stop.shape)
            late = np.maximum(first, 1.0) > stop + 1e-9
            if np.any(late):  # a row whose amount is zero is no stream: it may stop at will
                late &= np.broadcast_to(_nonzero(s.amount), late.shape)
            if np.any(late):
                b = int(np.argmax(late))
                errors.add(
                    SpecError(
                        f"for {who[b]} the stream stops in year {stop[b]:g}, before it "
                        f"starts (year {max(float(first[b]), 1.0):g}), so it never occurs",
                        file=file,
                        path=(*path, "stop"),
                        value=float(stop[b]),
                        expected="a stop at or after the start (and at least year 1)",
                    ).speaks(
                        "stop_before_start",
                        who=who[b],
                        stop=f"{stop[b]:g}",
                        start=f"{max(float(first[b]), 1.0):g}",
                    )
                )
    errors.raise_if_any()
