"""Measures of each bid against a baseline, as in NIST Handbook 135 and 10 CFR 436.

The baseline is one of the tender's bids: an existing installation written
as a bid (price 0, its running costs), or the bid to beat. Costs are split
into investment-related costs (categories ``acquisition`` and
``end_of_life`` by default: purchase, replacements, residual value,
disposal) and operational costs (``use``, ``maintenance`` and priced
``externalities``: energy, water, operation, maintenance and repair). All
present values are those of :class:`tco.result.Result` (real terms,
discounted at the tender's real rate). Formulas, with ``b`` the baseline and
``a`` the alternative (``docs/analysis.md``):

* net savings ``NS = LCC_b - LCC_a`` (10 CFR 436.20);
* ``dI = I_a - I_b`` (extra investment), ``S = O_b - O_a`` (operational
  savings), so ``NS = S - dI``;
* savings-to-investment ratio ``SIR = S / dI`` (10 CFR 436.21), defined
  for ``dI > 0``;
* adjusted internal rate of return ``AIRR = (1 + r) * SIR ** (1 / N) - 1``
  (10 CFR 436.22), ``r`` the discount rate and ``N`` the study period;
* simple payback: the first year ``t`` in which the cumulative undiscounted
  difference in cash flow ``sum_{k <= t} (c_b,k - c_a,k)`` is zero or more
  (10 CFR 436.23); discounted payback the same with discounted cash flows.
  The residual value credited at the period's end is left out of both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.analysis._common import bid_index
from tco.engine.pv import quantity_scale
from tco.errors import AnalysisError, SpecError
from tco.evaluate import residual_flows
from tco.plan.compiler import compile_plan
from tco.result import Result
from tco.spec.schema import CATEGORIES, BidSpec, TenderSpec
from tco.spec.validation import validate
from tco.tender import Tender

__all__ = [
    "INVESTMENT_CATEGORIES",
    "BaselineComparison",
    "adjusted_irr",
    "compare_to_baseline",
    "payback_year",
    "savings_to_investment",
]

Array = NDArray[np.float64]

#: Categories counted as investment-related costs (NIST Handbook 135: I + Repl - Res).
INVESTMENT_CATEGORIES: tuple[str, ...] = ("acquisition", "end_of_life")


def savings_to_investment(savings: ArrayLike, extra_investment: ArrayLike) -> Array:
    """``SIR = S / dI``; NaN where the extra investment is not positive.

    Parameters
    ----------
    savings : array_like
        Present value of operational savings. [currency]
    extra_investment : array_like
        Present value of the additional investment-related costs. [currency]

    Returns
    -------
    ndarray
        [unitless]

    Examples
    --------
    >>> savings_to_investment([4500.0, 100.0], [3000.0, 0.0])
    array([1.5, nan])
    """
    s = np.asarray(savings, dtype=np.float64)
    d = np.asarray(extra_investment, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out: Array = np.where(d > 0, s / np.where(d > 0, d, 1.0), np.nan)
    return out


def adjusted_irr(sir: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Array:
    """``AIRR = (1 + r) * SIR ** (1 / N) - 1`` (10 CFR 436.22); NaN unless SIR > 0.

    The savings are reinvested at the discount rate ``r`` to the end of the
    study period of ``N`` years; AIRR is the rate that makes that terminal
    value worth the investment.

    Examples
    --------
    SIR 1.5 over 20 years at 3 %: ``1.03 * 1.5 ** 0.05 - 1``.

    >>> round(float(adjusted_irr(1.5, 0.03, 20)), 7)
    0.0510946
    """
    s = np.asarray(sir, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out: Array = np.where(
            s > 0,
            (1.0 + np.asarray(rate, dtype=np.float64))
            * np.where(s > 0, s, 1.0) ** (1.0 / np.asarray(years, dtype=np.float64))
            - 1.0,
            np.nan,
        )
    return out


def payback_year(differences: ArrayLike, *, tolerance: float = 1e-6) -> Array:
    """First year in which the cumulative difference is zero or more.

    Parameters
    ----------
    differences : array_like, shape (..., T + 1)
        Baseline cash flow minus alternative cash flow per year, year 0
        first. [currency]
    tolerance : float
        Cumulative values above ``-tolerance`` count as paid back. [currency]

    Returns
    -------
    ndarray, shape (...)
        The year, NaN if never within the years given. [year]

    Examples
    --------
    3000 invested, 500 saved a year: paid back in year 6.

    >>> float(payback_year([-3000.0] + [500.0] * 10))
    6.0
    >>> float(payback_year([-3000.0] + [200.0] * 10))
    nan
    """
    d = np.asarray(differences, dtype=np.float64)
    ok = np.cumsum(d, axis=-1) >= -tolerance
    out: Array = np.where(ok.any(axis=-1), np.argmax(ok, axis=-1), np.nan).astype(np.float64)
    return out


@dataclass(frozen=True, eq=False)
class BaselineComparison:
    """Every bid measured against the baseline.

    Attributes
    ----------
    baseline : str
    bids : tuple of str
    currency : str
    rate : float
        Real discount rate. [unitless]
    period : ndarray, shape (B,)
        [year]
    lcc : ndarray, shape (B,)
        Life-cycle cost (present value of all costs). [currency]
    investment, operational : ndarray, shape (B,)
        Present value of investment-related and of operational costs. [currency]
    simple_payback, discounted_payback : ndarray, shape (B,)
        Payback year against the baseline, NaN if never (and for the
        baseline itself). [year]
    """

    baseline: str
    bids: tuple[str, ...]
    currency: str
    rate: float
    period: Array
    lcc: Array
    investment: Array
    operational: Array
    simple_payback: Array
    discounted_payback: Array

    @property
    def _b(self) -> int:
        return self.bids.index(self.baseline)

    @cached_property
    def net_savings(self) -> Array:
        """``LCC_baseline - LCC_bid``. [currency]"""
        out: Array = self.lcc[self._b] - self.lcc
        return out

    @cached_property
    def extra_investment(self) -> Array:
        """``I_bid - I_baseline``. [currency]"""
        out: Array = self.investment - self.investment[self._b]
        return out

    @cached_property
    def savings(self) -> Array:
        """Operational savings ``O_baseline - O_bid``. [currency]"""
        out: Array = self.operational[self._b] - self.operational
        return out

    @cached_property
    def sir(self) -> Array:
        """Savings-to-investment ratio; NaN without extra investment. [unitless]"""
        return savings_to_investment(self.savings, self.extra_investment)

    @cached_property
    def airr(self) -> Array:
        """Adjusted internal rate of return. [unitless per year]"""
        return adjusted_irr(self.sir, self.rate, self.period)

    def rows(self) -> list[dict[str, Any]]:
        """One row per bid."""
        out = []
        for b, name in enumerate(self.bids):
            out.append(
                {
                    "bid": name,
                    "baseline": b == self._b,
                    "lcc": float(self.lcc[b]),
                    "net_savings": float(self.net_savings[b]),
                    "extra_investment": float(self.extra_investment[b]),
                    "savings": float(self.savings[b]),
                    "sir": _num(self.sir[b]),
                    "airr": _num(self.airr[b]),
                    "simple_payback": _num(self.simple_payback[b]),
                    "discounted_payback": _num(self.discounted_payback[b]),
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (NaN as None, for JSON)."""
        return {
            "baseline": self.baseline,
            "currency": self.currency,
            "discount_rate": self.rate,
            "bids": self.rows(),
        }


def _num(x: float) -> float | None:
    return None if not np.isfinite(x) else float(x)


def compare_to_baseline(
    tender: Tender | Result,
    baseline: str | int | Mapping[str, Any],
    *,
    investment: Sequence[str] = INVESTMENT_CATEGORIES,
) -> BaselineComparison:
    """Net savings, SIR, AIRR and payback of every bid against a baseline bid.

    Parameters
    ----------
    tender : Tender or Result
    baseline : str, int or mapping
        The baseline bid, by name or position; or a bid that is not in the
        tender, as a mapping like an entry of its ``bids`` (the existing
        installation: ``{"name": "Existing", "price": "0 DKK", ...}``),
        which is evaluated with the tender's assumptions and listed last.
    investment : sequence of str
        Cost categories counted as investment-related.

    Returns
    -------
    BaselineComparison

    Examples
    --------
    >>> import tco
    >>> c = compare_to_baseline(tco.load_tender(tco.example_path("indoor-lighting")),
    ...                         "Budget Light")
    >>> [round(x) for x in c.net_savings]
    [167208, 0, 232303]
    """
    unknown = [c for c in investment if c not in CATEGORIES]
    if unknown:
        raise SpecError(
            f"unknown cost category '{unknown[0]}'; categories are " + ", ".join(CATEGORIES),
            value=unknown[0],
            expected="one of " + ", ".join(CATEGORIES),
        ).speaks("unknown_category", name=unknown[0], names_list=list(CATEGORIES))
    which: str | int
    if isinstance(baseline, Mapping):
        if not isinstance(tender, Tender):
            raise AnalysisError(
                "a baseline given as a mapping needs the Tender, not its Result"
            ).speaks("baseline_needs_tender")
        extra = validate(BidSpec, baseline, file=tender.file)
        spec = tender.spec.model_copy(update={"bids": [*tender.spec.bids, extra]})
        validate(TenderSpec, spec.model_dump(), file=tender.file)  # unique names
        tender = Tender(spec, tender.model, compile_plan(spec, tender.model, file=tender.file))
        which = extra.name
    else:
        which = baseline
    result = tender.evaluate() if isinstance(tender, Tender) else tender
    plan = result.plan
    b0 = bid_index(result.bids, which)
    cats = np.array(result.categories)
    inv = np.isin(cats, list(investment))
    pv = result.pv_by_item
    real = result.real.copy()
    # Residual values are left out of payback: subtract them from the flows.
    for k, s in enumerate(plan.items):
        credit = residual_flows(s, plan)
        if credit is not None:
            real[:, k] -= credit * quantity_scale(s.per_unit, plan.quantity)
    flows = real.sum(axis=1)
    disc = (real * result.discount[None]).sum(axis=1)
    simple = payback_year(flows[b0][None] - flows)
    discounted = payback_year(disc[b0][None] - disc)
    simple[b0] = discounted[b0] = np.nan
    return BaselineComparison(
        baseline=result.bids[b0],
        bids=result.bids,
        currency=result.currency,
        rate=plan.discount_rate,
        period=plan.period.copy(),
        lcc=result.total.copy(),
        investment=pv[:, inv].sum(axis=1),
        operational=pv[:, ~inv].sum(axis=1),
        simple_payback=simple,
        discounted_payback=discounted,
    )
