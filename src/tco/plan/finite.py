"""Refuse results that left the range of floating-point numbers.

A tender whose numbers are individually valid can still overflow: a
quantity of 1e308, a discount rate of -99.9 % over 200 years, a price index
escalated by 5000 % a year. numpy would then return ``inf`` or ``nan`` with
only a ``RuntimeWarning``. :func:`check_finite` turns that into a
:class:`~tco.errors.SpecError` that names the bid and item (or the rate)
responsible, so a result is either finite or an error, never silently NaN.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from tco.errors import SpecError

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Largest finite float64; amounts beyond it are refused. [unitless]
FLOAT_MAX = float(np.finfo(np.float64).max)

Array = NDArray[np.float64]


def _first_bad(a: Array) -> tuple[int, ...]:
    """Index of the first non-finite element of ``a``."""
    return tuple(int(i) for i in np.argwhere(~np.isfinite(a))[0])


def check_finite(
    *,
    bids: Sequence[str],
    items: Sequence[str],
    cash: Array,
    discount: Array,
    mass: Array,
    emissions: Sequence[str],
    rate: float,
    inflation: float,
    file: str | None,
) -> None:
    """Raise :class:`~tco.errors.SpecError` if any cash flow, discounted value or mass overflows.

    Parameters
    ----------
    bids, items, emissions : sequence of str
        Labels of the axes of ``cash`` and ``mass``.
    cash : ndarray, shape (B, I, T + 1)
        Undiscounted cash flows. [currency]
    discount : ndarray, shape (I, T + 1)
        Discount factor of each item per year. [unitless]
    mass : ndarray, shape (B, E, T + 1)
        Emissions. [kg]
    rate, inflation : float
        The real discount rate and inflation, for messages. [unitless per year]
    file : str, optional
        The tender file, for messages.

    Examples
    --------
    >>> check_finite(bids=["A"], items=["x"], cash=np.ones((1, 1, 3)),
    ...              discount=np.ones((1, 3)), mass=np.zeros((1, 0, 3)), emissions=[],
    ...              rate=0.04, inflation=0.0, file=None)
    >>> check_finite(bids=["A"], items=["x"], cash=np.full((1, 1, 3), np.inf),
    ...              discount=np.ones((1, 3)), mass=np.zeros((1, 0, 3)), emissions=[],
    ...              rate=0.04, inflation=0.0, file="t.yaml")
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: t.yaml: bids[0]: the cash flow of item 'x' for bid 'A' in year 0 ...
    """
    T = cash.shape[-1] - 1
    too_big = f"a number of at most {FLOAT_MAX:.3g} in magnitude"
    growth = check_rates(discount, rate=rate, inflation=inflation, T=T, file=file)
    for name, arr in (("cash flow", cash), ("mass", mass)):
        if arr.size and not np.all(np.isfinite(arr)):
            b, i, t = _first_bad(arr)
            label = items[i] if name == "cash flow" else emissions[i]
            kind = "item" if name == "cash flow" else "emission"
            raise SpecError(
                f"the {name} of {kind} '{label}' for bid '{bids[b]}' in year {t} overflows "
                f"(beyond {FLOAT_MAX:.3g}); check the size of the bid's values and the quantity",
                file=file,
                path=("bids", b),
                expected=too_big,
            ).speaks(
                "flow_overflows" if name == "cash flow" else "mass_overflows",
                label=label,
                who=f"bid '{bids[b]}'",
                year=t,
                cap=f"{FLOAT_MAX:.3g}",
            )
    with np.errstate(over="ignore", invalid="ignore"):
        discounted = cash * discount[None, :, :]
        nominal = cash * growth
        totals = (discounted.sum(axis=(1, 2)), nominal.sum(axis=(1, 2)), cash.sum(axis=(1, 2)))
        mass_totals = mass.sum(axis=-1)
    for arr in (discounted, nominal, *totals):
        if arr.size and not np.all(np.isfinite(arr)):
            b = _first_bad(arr)[0]
            raise SpecError(
                f"the costs of bid '{bids[b]}' add up beyond {FLOAT_MAX:.3g}; check the size "
                "of the bid's values, the quantity and the rates",
                file=file,
                path=("bids", b),
                expected=too_big,
            ).speaks("costs_overflow", who=f"bid '{bids[b]}'", cap=f"{FLOAT_MAX:.3g}")
    if mass_totals.size and not np.all(np.isfinite(mass_totals)):
        b, e = _first_bad(mass_totals)
        raise SpecError(
            f"the emission '{emissions[e]}' of bid '{bids[b]}' adds up beyond {FLOAT_MAX:.3g}",
            file=file,
            path=("bids", b),
            expected=too_big,
        ).speaks(
            "emission_adds_up", label=emissions[e], who=f"bid '{bids[b]}'", cap=f"{FLOAT_MAX:.3g}"
        )


def check_rates(
    discount: Array, *, rate: float, inflation: float, T: int, file: str | None
) -> float:
    """Raise :class:`~tco.errors.SpecError` if discount factors or the price level overflow.

    Parameters
    ----------
    discount : ndarray, shape (..., T + 1)
        Discount factors per year. [unitless]
    rate, inflation : float
        The real discount rate and inflation, for messages. [unitless per year]
    T : int
        Last year. [year]
    file : str, optional
        The tender file, for messages.

    Returns
    -------
    float
        The price level of year ``T``, ``(1 + inflation) ** T``. [unitless]

    Examples
    --------
    >>> check_rates(np.ones(3), rate=0.04, inflation=0.0, T=2, file=None)
    1.0
    """
    if discount.size and not np.all(np.isfinite(discount)):
        raise SpecError(
            f"a real discount rate of {rate * 100:.6g} % over {T} years gives discount factors "
            f"(1 + r) ** -t beyond {FLOAT_MAX:.3g}; use a rate further from -100 % "
            "or a shorter period",
            file=file,
            path=("assumptions", "discount_rate"),
            value=rate,
            expected="a rate and period whose discount factors stay finite",
        ).speaks("discount_overflows", pct_q=f"{rate * 100:.6g} %", years=T, cap=f"{FLOAT_MAX:.3g}")
    with np.errstate(over="ignore", invalid="ignore"):
        growth = (1.0 + inflation) ** float(T)
    if not np.isfinite(growth):
        raise SpecError(
            f"inflation of {inflation * 100:.6g} % over {T} years gives a price level beyond "
            f"{FLOAT_MAX:.3g}; use a smaller inflation or a shorter period",
            file=file,
            path=("assumptions", "inflation"),
            value=inflation,
            expected="an inflation whose price level stays finite",
        ).speaks(
            "inflation_overflows", pct_q=f"{inflation * 100:.6g} %", years=T, cap=f"{FLOAT_MAX:.3g}"
        )
    return float(growth)
