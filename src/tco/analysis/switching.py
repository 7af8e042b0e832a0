"""Switching values: the value of an input at which two bids cost the same.

For the difference ``f(x) = total_a(x) - total_b(x)`` as a function of one
input ``x`` (all else as in the tender):

1. ``f`` is evaluated at the low end, the middle and the high end of the
   bounds. If the middle value lies on the straight line through the ends
   (to ``1e-9`` of the totals), ``f`` is taken as linear and the switching
   value is ``x* = lo - f(lo) (hi - lo) / (f(hi) - f(lo))``; ``f(x*)`` is
   evaluated to confirm it, else step 2 is used.
2. Otherwise ``f`` is evaluated on a grid of :data:`GRID` points over the
   bounds, and each sign change is narrowed by bisection (all at once,
   :data:`ITERATIONS` halvings). Every crossing is reported; ``value`` is
   the one nearest the tender's value. A crossing where ``f`` jumps (a
   replacement moving to another year) is reported with ``jump=True``.

If ``f`` keeps its sign within the bounds the answer is "never within
bounds" (``value`` is ``None``; for a linear ``f`` the crossing outside the
bounds is given as ``outside``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis._common import bid_index, plan_of
from tco.analysis.inputs import Change, Input, resolve_input
from tco.analysis.variants import evaluate_variants
from tco.errors import SpecError, TCOError
from tco.plan import Plan
from tco.tender import Tender

__all__ = ["GRID", "ITERATIONS", "SwitchingValue", "difference_at", "switching_value"]

Array = NDArray[np.float64]

#: Points of the grid searched for sign changes when the difference is not linear.
GRID = 129
#: Bisection halvings of each bracket.
ITERATIONS = 60


@dataclass(frozen=True)
class SwitchingValue:
    """Where two bids' totals are equal, as a function of one input.

    Attributes
    ----------
    input, unit : str
        The input and the unit of every value below.
    a, b : str
        The two bids.
    varied : tuple of str
        The bids whose value of the input is varied (all bids for an input
        that is the same for every bid; bid ``a`` by default for a bid
        parameter).
    current : float
        The tender's value (of the first varied bid). [unit]
    value : float or None
        The switching value within the bounds nearest ``current``; ``None``
        if the totals never cross within the bounds. [unit]
    crossings : tuple of float
        Every switching value found within the bounds. [unit]
    bounds : tuple of float
        The interval searched. [unit]
    method : {"linear", "bisection"}
    jump : bool
        The totals jump past each other at ``value`` instead of crossing.
    outside : float or None
        For a linear difference that does not cross within the bounds,
        where it would cross. [unit]
    difference : float
        ``total_a - total_b`` at the tender's values. [currency]
    """

    input: str
    unit: str
    a: str
    b: str
    varied: tuple[str, ...]
    current: float
    value: float | None
    crossings: tuple[float, ...]
    bounds: tuple[float, float]
    method: str
    jump: bool = False
    outside: float | None = None
    difference: float = 0.0

    def describe(self) -> str:
        """The answer in one sentence."""
        unit = f" {self.unit}" if self.unit else ""
        if self.value is None:
            extra = (
                f" (the totals would be equal at {self.outside:.6g}{unit})"
                if (self.outside is not None)
                else ""
            )
            return (
                f"'{self.a}' and '{self.b}' never cost the same for {self.input} between "
                f"{self.bounds[0]:.6g} and {self.bounds[1]:.6g}{unit}{extra}"
            )
        how = "jump past each other" if self.jump else "are equal"
        return (
            f"'{self.a}' and '{self.b}' {how} at {self.input} = {self.value:.6g}{unit} "
            f"(now {self.current:.6g}{unit})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Every field as plain Python values (for JSON)."""
        return {
            "input": self.input,
            "unit": self.unit,
            "a": self.a,
            "b": self.b,
            "varied": list(self.varied),
            "current": self.current,
            "value": self.value,
            "crossings": list(self.crossings),
            "bounds": list(self.bounds),
            "method": self.method,
            "jump": self.jump,
            "outside": self.outside,
            "difference": self.difference,
            "text": self.describe(),
        }


def difference_at(
    tender: Tender | Plan,
    name: str,
    values: Sequence[Any] | Array,
    a: str | int,
    b: str | int,
    *,
    bid: str | int | None = None,
    externalities: bool | None = None,
) -> Array:
    """``total_a - total_b`` with the input set to each of ``values``.

    Parameters
    ----------
    values : sequence
        Values written as in the tender (strings with units, or numbers in
        the input's shown unit).

    Returns
    -------
    ndarray, shape (len(values),)
        [currency]
    """
    plan = plan_of(tender)
    inp = resolve_input(plan, name)
    xs = np.array([inp.value(v) for v in values])
    cols = _varied(plan, inp, a, bid)
    return _difference(plan, inp, cols, xs, a, b, externalities)


def _varied(plan: Plan, inp: Input, a: str | int, bid: str | int | None) -> list[int]:
    if inp.per_bid:
        return [bid_index(plan.bids, a if bid is None else bid)]
    return list(range(plan.n_bids))


def _difference(
    plan: Plan,
    inp: Input,
    cols: list[int],
    xs: Array,
    a: str | int,
    b: str | int,
    externalities: bool | None,
) -> Array:
    m = len(xs)
    values = np.tile(inp.current, (m, 1))
    values[:, cols] = xs[:, None]
    totals = evaluate_variants(plan, [Change(inp, values)], m, externalities=externalities)
    i, j = bid_index(plan.bids, a), bid_index(plan.bids, b)
    out: Array = totals[:, i] - totals[:, j]
    return out


def _default_bounds(inp: Input, current: float) -> tuple[float, float]:
    """Bounds from the model's min/max, else 0 and 10 times the value. [plan units]"""
    lo = hi = None
    if inp.kind == "parameter":
        p = inp.plan.product.parameters[inp.key]
        lo = inp.parse(p.minimum) if p.minimum is not None else None
        hi = inp.parse(p.maximum) if p.maximum is not None else None
    if lo is None:
        lo = 0.0 if current >= 0 else 10.0 * current
    if hi is None:
        hi = 10.0 * abs(current) if current != 0 else 1.0
    return lo, hi


def switching_value(
    tender: Tender | Plan,
    name: str,
    a: str | int,
    b: str | int,
    *,
    bid: str | int | None = None,
    bounds: tuple[Any, Any] | None = None,
    externalities: bool | None = None,
) -> SwitchingValue:
    """Find the value of an input at which bids ``a`` and ``b`` cost the same.

    Parameters
    ----------
    tender : Tender or Plan
    name : str
        The input (see :mod:`tco.analysis.inputs`).
    a, b : str or int
        The two bids.
    bid : str or int, optional
        For a bid parameter, the bid whose value is varied (``a`` by default).
    bounds : (low, high), optional
        The interval to search, written as in the tender (strings with
        units, or numbers in the input's unit). By default the model's
        ``min``/``max`` for the parameter, else 0 and 10 times the tender's
        value.
    externalities : bool, optional
        Include priced emissions in the totals; by default as the tender's rule
        (``assumptions.externalities``) says.

    Returns
    -------
    SwitchingValue

    Examples
    --------
    The electricity price at which the cheapest luminaire of the example
    loses its lead over the cheapest to buy:

    >>> import tco
    >>> tender = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> s = switching_value(tender, "electricity_price", "Premium LED", "Lumen Nord")
    >>> s.method, s.value is not None
    ('linear', True)
    """
    plan = plan_of(tender)
    inp = resolve_input(plan, name)
    cols = _varied(plan, inp, a, bid)
    current = float(inp.current[cols[0]])
    if bounds is None:
        lo, hi = _default_bounds(inp, current)
    else:
        lo, hi = (inp.value(v) for v in bounds)
    if not lo < hi:
        raise SpecError(
            f"bounds {bounds!r} for '{name}': the low end must be below the high end",
            value=bounds,
            expected="(low, high) with low < high",
        ).speaks("switch_bounds", shown=repr(bounds), name=name)

    def f(xs: Array) -> Array:
        return _difference(plan, inp, cols, np.asarray(xs, dtype=np.float64), a, b, externalities)

    # The model may be undefined at a bound (operating hours of 0 give an infinite
    # life), so the ends are taken a hair inside.
    lo_out, hi_out = lo, hi
    lo, hi = lo + 1e-9 * (hi_out - lo_out), hi - 1e-9 * (hi_out - lo_out)

    ends = f(np.array([lo, 0.5 * (lo + hi), hi, current]))
    base = float(ends[3])
    scale = float(np.abs(evaluate_variants(plan, externalities=externalities)).max())
    tol = 1e-9 * max(scale, 1.0)

    def show(x: float) -> float:
        return float(inp.show(x))

    common: dict[str, Any] = {
        "input": name,
        "unit": inp.unit,
        "a": plan.bids[bid_index(plan.bids, a)],
        "b": plan.bids[bid_index(plan.bids, b)],
        "varied": tuple(plan.bids[c] for c in cols),
        "current": show(current),
        "bounds": (show(lo_out), show(hi_out)),
        "difference": base,
    }
    f_lo, f_mid, f_hi = (float(x) for x in ends[:3])
    if abs(f_mid - 0.5 * (f_lo + f_hi)) <= tol:
        slope = (f_hi - f_lo) / (hi - lo)
        if abs(f_hi - f_lo) <= tol:
            return SwitchingValue(value=None, crossings=(), method="linear", **common)
        x = lo - f_lo / slope
        try:
            confirmed = abs(float(f(np.array([x]))[0])) <= 1e3 * tol
        except TCOError:  # the model is undefined there (outside the bounds)
            confirmed = not lo_out <= x <= hi_out
        if confirmed:
            if lo_out <= x <= hi_out:
                return SwitchingValue(
                    value=show(x), crossings=(show(x),), method="linear", **common
                )
            return SwitchingValue(
                value=None, crossings=(), method="linear", outside=show(x), **common
            )
    grid = np.unique(np.append(np.linspace(lo, hi, GRID), current))
    fg = f(grid)
    zero = fg == 0.0
    change = np.flatnonzero(np.sign(fg[:-1]) * np.sign(fg[1:]) < 0)
    roots = list(grid[zero])
    jumps = [False] * len(roots)
    if change.size:
        left, right = grid[change].copy(), grid[change + 1].copy()
        f_left = fg[change].copy()
        for _ in range(ITERATIONS):
            mid = 0.5 * (left + right)
            fm = f(mid)
            same = np.sign(fm) == np.sign(f_left)
            left = np.where(same, mid, left)
            f_left = np.where(same, fm, f_left)
            right = np.where(same, right, mid)
        found = 0.5 * (left + right)
        f_found = f(found)
        roots += list(found)
        jumps += [bool(abs(v) > 1e3 * tol) for v in f_found]
    if not roots:
        return SwitchingValue(value=None, crossings=(), method="bisection", **common)
    order = np.argsort(roots)
    roots_sorted = [roots[k] for k in order]
    jumps_sorted = [jumps[k] for k in order]
    nearest = int(np.argmin(np.abs(np.asarray(roots_sorted) - current)))
    return SwitchingValue(
        value=show(roots_sorted[nearest]),
        crossings=tuple(show(r) for r in roots_sorted),
        method="bisection",
        jump=jumps_sorted[nearest],
        **common,
    )
