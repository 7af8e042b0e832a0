"""The cost of each tonne of CO2e avoided, and the bids that are efficient in cost and emissions.

For every bid ``b`` against a reference bid ``r`` (``docs/abatement.md``)::

    abatement cost = (TCO_b - TCO_r) / (CO2e_r - CO2e_b)        [currency/t]

``TCO`` is the present value of the costs *without* priced externalities
(pricing the CO2e in the numerator too would count it twice), ``CO2e`` the
mass of the substance ``co2e`` emitted over the period, in tonnes. The
reference is the cheapest bid by that TCO unless one is named. Where the
bids' periods differ, the comparison is per year: annualised TCO and
emissions per year of each bid's own period.

The ratio is defined only where the bid emits less than the reference. A bid
that emits as much (within a relative tolerance) or more has no abatement cost:
its value is NaN (``None`` in :meth:`AbatementCost.to_dict`) with the reason
``"emits as much"`` or ``"emits more"``; the reference itself has the reason
``"reference"``. A negative abatement cost means the bid is cheaper *and*
emits less (possible against a named reference).

A bid is *efficient* (on the Pareto front) when no other bid costs as much or
less and emits as much or less, with one of the two strictly less.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.analysis._common import bid_index
from tco.errors import AnalysisError
from tco.result import Result
from tco.tender import Tender

__all__ = ["REASONS", "AbatementCost", "abatement_cost", "pareto_front"]

Array = NDArray[np.float64]

#: Why a bid has no abatement cost: it is the reference, or it avoids nothing.
REASONS: tuple[str, ...] = ("reference", "emits as much", "emits more")

#: Emissions within this share of the reference's count as equal. [unitless]
RELATIVE_TOLERANCE = 1e-9


def pareto_front(cost: ArrayLike, emissions: ArrayLike) -> NDArray[np.bool_]:
    """Which points no other point dominates in both cost and emissions.

    Point ``j`` dominates ``i`` when ``cost[j] <= cost[i]`` and
    ``emissions[j] <= emissions[i]``, one of them strictly. Equal points do
    not dominate each other: both are efficient.

    Parameters
    ----------
    cost : array_like, shape (B,)
        [currency]
    emissions : array_like, shape (B,)
        [t]

    Returns
    -------
    ndarray of bool, shape (B,)

    Examples
    --------
    Bid 1 is dearer and dirtier than bid 0; bid 2 is dearer but cleaner.

    >>> pareto_front([100.0, 120.0, 130.0], [10.0, 12.0, 5.0])
    array([ True, False,  True])
    """
    c = np.asarray(cost, dtype=np.float64).ravel()
    e = np.asarray(emissions, dtype=np.float64).ravel()
    if c.shape != e.shape:
        raise ValueError(f"cost and emissions differ in length: {c.size} and {e.size}")
    # One sort instead of comparing every pair (B log B, not B**2 in time and memory).
    # NaN compares false both ways, so a point with a NaN is neither dominated nor
    # dominates: it is left out of the sweep and counted efficient.
    out: NDArray[np.bool_] = np.ones(c.size, dtype=bool)
    known = np.flatnonzero(~(np.isnan(c) | np.isnan(e)))
    if known.size == 0:
        return out
    order = known[np.lexsort((e[known], c[known]))]  # by cost, then by emissions
    cs, es = c[order], e[order]
    starts = np.flatnonzero(np.r_[True, cs[1:] != cs[:-1]])  # first of each equal cost
    group = np.cumsum(np.r_[True, cs[1:] != cs[:-1]]) - 1
    least = es[starts]  # least emissions at each cost (sorted within a cost)
    # Dominated by a cheaper point that emits as much or less ...
    before = np.minimum.accumulate(least)
    cheaper = group > 0
    by_cheaper = np.zeros(cs.size, dtype=bool)
    by_cheaper[cheaper] = before[group[cheaper] - 1] <= es[cheaper]
    # ... or by a point of the same cost that emits strictly less.
    dominated = by_cheaper | (least[group] < es)
    out[order] = ~dominated
    return out


@dataclass(frozen=True, eq=False)
class AbatementCost:
    """Every bid's cost per tonne of CO2e avoided against a reference bid.

    Attributes
    ----------
    bids : tuple of str
        In the order of the tender.
    reference : str
        The bid every other is measured against.
    chosen : {"cheapest", "named"}
        How the reference was chosen.
    currency : str
    per : {"period", "year"}
        ``"period"``: present values and emissions over the period;
        ``"year"``: annualised cost and emissions per year (unequal periods).
    cost : ndarray, shape (B,)
        TCO without priced externalities. [currency] or [currency/year]
    co2e : ndarray, shape (B,)
        CO2e emitted. [t] or [t/year]
    """

    bids: tuple[str, ...]
    reference: str
    chosen: Literal["cheapest", "named"]
    currency: str
    per: Literal["period", "year"]
    cost: Array
    co2e: Array

    @cached_property
    def _r(self) -> int:
        return self.bids.index(self.reference)

    @property
    def extra_cost(self) -> Array:
        """``TCO_bid - TCO_reference``. [currency]"""
        out: Array = self.cost - self.cost[self._r]
        return out

    @property
    def avoided(self) -> Array:
        """``CO2e_reference - CO2e_bid``; negative where the bid emits more. [t]"""
        out: Array = self.co2e[self._r] - self.co2e
        return out

    @cached_property
    def reasons(self) -> tuple[str | None, ...]:
        """Per bid: ``None`` where the abatement cost is defined, else one of :data:`REASONS`."""
        ref = self.co2e[self._r]
        tol = RELATIVE_TOLERANCE * max(abs(float(ref)), float(np.abs(self.co2e).max()), 1e-12)
        avoided = self.avoided
        why = np.full(avoided.shape, None, dtype=object)
        why[avoided < 0] = "emits more"
        why[np.abs(avoided) <= tol] = "emits as much"
        why[self._r] = "reference"
        return tuple(why.tolist())

    @property
    def cost_per_tonne(self) -> Array:
        """Abatement cost per bid; NaN where :attr:`reasons` says why not. [currency/t]"""
        ok = np.array([r is None for r in self.reasons], dtype=bool)
        avoided = np.where(ok, self.avoided, 1.0)
        out: Array = np.where(ok, self.extra_cost / avoided, np.nan)
        return out

    @property
    def efficient(self) -> NDArray[np.bool_]:
        """Whether each bid is on the Pareto front of cost and CO2e (:func:`pareto_front`)."""
        return pareto_front(self.cost, self.co2e)

    def rows(self) -> list[dict[str, Any]]:
        """One row per bid, in the tender's order (NaN as ``None``)."""
        r, reasons = self._r, self.reasons
        columns = zip(
            self.cost.tolist(),
            self.co2e.tolist(),
            self.extra_cost.tolist(),
            self.avoided.tolist(),
            self.cost_per_tonne.tolist(),
            self.efficient.tolist(),
            strict=True,
        )
        return [
            {
                "bid": name,
                "reference": b == r,
                "cost": cost,
                "co2e_t": co2e,
                "extra_cost": extra,
                "avoided_t": avoided,
                "cost_per_t": per_t if math.isfinite(per_t) else None,
                "reason": reasons[b],
                "efficient": efficient,
            }
            for b, (name, (cost, co2e, extra, avoided, per_t, efficient)) in enumerate(
                zip(self.bids, columns, strict=True)
            )
        ]

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (the body of the ``abatement`` document).

        Examples
        --------
        >>> import tco
        >>> a = abatement_cost(tco.load_tender(tco.example_path("indoor-lighting")))
        >>> d = a.to_dict()
        >>> d["reference"], d["chosen"], d["per"], [r["reason"] for r in d["bids"]]
        ('Premium LED', 'cheapest', 'period', ['emits more', 'emits more', 'reference'])
        """
        return {
            "reference": self.reference,
            "chosen": self.chosen,
            "currency": self.currency,
            "per": self.per,
            "bids": self.rows(),
        }


def abatement_cost(
    tender: Tender | Result,
    reference: str | int | None = None,
    *,
    substance: str = "co2e",
) -> AbatementCost:
    """The cost per tonne of CO2e avoided of every bid against a reference bid.

    Parameters
    ----------
    tender : Tender or Result
    reference : str or int, optional
        The reference bid by name or position. Default: the cheapest bid by
        TCO without priced externalities (the first of equals).
    substance : str
        The emitted substance counted (``co2e`` in every bundled model).

    Returns
    -------
    AbatementCost

    Raises
    ------
    AnalysisError
        If the product model emits no ``substance``.
    SpecError
        If ``reference`` names no bid.

    Examples
    --------
    The electric car costs 124,330 DKK more than the petrol car over 4 years
    and emits 129.94 t less: about 957 DKK per tonne.

    >>> import tco
    >>> a = abatement_cost(tco.load_tender(tco.example_path("passenger-car")))
    >>> a.reference, round(float(a.cost_per_tonne[a.bids.index("El Mobil")]))
    ('Benzin Auto', 957)
    """
    result = tender.evaluate() if isinstance(tender, Tender) else tender
    if substance not in result.emissions:
        raise AnalysisError(
            f"the product model '{result.plan.product.id}' emits no '{substance}'; "
            "an abatement cost needs emissions of it"
            + (f" (it emits {', '.join(result.emissions)})" if result.emissions else "")
        ).speaks(
            "abatement_no_emission_emits" if result.emissions else "abatement_no_emission",
            model=result.plan.product.id,
            name=substance,
            names_list=list(result.emissions),
        )
    mass_t = np.asarray(result.emissions[substance], dtype=np.float64) / 1000.0
    per: Literal["period", "year"]
    if result.ranked_by == "total":
        per, cost, co2e = "period", result.total_excl_externalities, mass_t
    else:
        per, cost = "year", result.annualised_excl_externalities
        co2e = mass_t / result.plan.period
    if reference is None:
        r, chosen = int(np.argmin(cost)), "cheapest"
    else:
        r, chosen = bid_index(result.bids, reference), "named"
    return AbatementCost(
        bids=result.bids,
        reference=result.bids[r],
        chosen="cheapest" if chosen == "cheapest" else "named",
        currency=result.currency,
        per=per,
        cost=np.asarray(cost, dtype=np.float64).copy(),
        co2e=np.asarray(co2e, dtype=np.float64).copy(),
    )
