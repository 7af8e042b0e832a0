"""Monte Carlo: totals of every bid under uncertain inputs.

``S`` samples of ``B`` bids are evaluated as ``S * B`` rows of one plan
(:func:`tco.analysis.variants.evaluate_variants`), in chunks of at most
:data:`MAX_ROWS` rows, with no Python loop over samples. Draws come from a
seeded :class:`numpy.random.Generator`, so the same seed gives the same
result.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis._common import bid_index, plan_of
from tco.analysis.inputs import Change
from tco.analysis.uncertainty import Uncertainty, parse_uncertainty
from tco.analysis.variants import evaluate_variants
from tco.errors import SpecError
from tco.limits import check_monte_carlo, check_samples
from tco.plan import Plan
from tco.tender import Tender

__all__ = ["MAX_ROWS", "DifferenceSummary", "MonteCarloResult", "monte_carlo"]

Array = NDArray[np.float64]

#: Most rows (samples × bids) evaluated at once; larger runs go in chunks. [rows]
MAX_ROWS = 500_000


@dataclass(frozen=True)
class DifferenceSummary:
    """The distribution of ``total[a] - total[b]`` over the samples.

    Attributes
    ----------
    a, b : str
        The two bids.
    mean, sd : float
        Mean and standard deviation of the difference. [currency]
    percentiles : dict of float to float
        Percentile -> difference. [currency]
    probability_a_cheaper : float
        Share of samples where ``a`` costs less than ``b``.
    """

    a: str
    b: str
    mean: float
    sd: float
    percentiles: dict[float, float]
    probability_a_cheaper: float

    def to_dict(self) -> dict[str, Any]:
        """The numbers as plain Python values."""
        return {
            "a": self.a,
            "b": self.b,
            "mean": self.mean,
            "sd": self.sd,
            "percentiles": {str(k): v for k, v in self.percentiles.items()},
            "probability_a_cheaper": self.probability_a_cheaper,
        }


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """Sampled totals of every bid.

    Attributes
    ----------
    bids : tuple of str
    currency : str
    totals : ndarray, shape (S, B)
        Present value of all costs per sample and bid. [currency]
    deterministic : ndarray, shape (B,)
        The totals with every input at the tender's value. [currency]
    inputs : tuple of str
        The uncertain inputs.
    seed : int or None
    seconds : float
        Time spent drawing and evaluating. [s]
    """

    bids: tuple[str, ...]
    currency: str
    totals: Array = field(repr=False)
    deterministic: Array
    inputs: tuple[str, ...]
    seed: int | None
    seconds: float = 0.0

    @property
    def samples(self) -> int:
        """Number of samples."""
        return int(self.totals.shape[0])

    @cached_property
    def mean(self) -> Array:
        """Mean total per bid. [currency]"""
        out: Array = self.totals.mean(axis=0)
        return out

    @cached_property
    def std(self) -> Array:
        """Standard deviation of the total per bid. [currency]"""
        out: Array = self.totals.std(axis=0, ddof=1)
        return out

    @property
    def standard_error(self) -> Array:
        """Standard error of :attr:`mean`, ``std / sqrt(S)``. [currency]"""
        out: Array = self.std / np.sqrt(self.samples)
        return out

    def percentiles(self, q: Sequence[float] = (5.0, 50.0, 95.0)) -> Array:
        """Percentiles of each bid's total, shape (len(q), B). [currency]"""
        out: Array = np.percentile(self.totals, list(q), axis=0)
        return out

    @cached_property
    def probability_cheapest(self) -> Array:
        """Share of samples in which each bid has the lowest total (ties share).

        Sums to 1 over the bids.
        """
        low = self.totals.min(axis=1, keepdims=True)
        hit = np.isclose(self.totals, low, rtol=1e-12, atol=0.0)
        out: Array = (hit / hit.sum(axis=1, keepdims=True)).mean(axis=0)
        return out

    @cached_property
    def rank_probabilities(self) -> Array:
        """``[b, k]``: share of samples in which bid ``b`` ranks ``k + 1``, shape (B, B).

        Ranks are by total, 1 the lowest; equal totals are ranked in bid order.
        """
        B = len(self.bids)
        order = np.argsort(self.totals, axis=1, kind="stable")
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.arange(B)[None, :], axis=1)
        counts = np.stack([np.bincount(ranks[:, b], minlength=B) for b in range(B)])
        out: Array = counts / self.samples
        return out

    def difference(self, a: str | int, b: str | int) -> Array:
        """``total[a] - total[b]`` per sample, shape (S,). [currency]"""
        i, j = bid_index(self.bids, a), bid_index(self.bids, b)
        out: Array = self.totals[:, i] - self.totals[:, j]
        return out

    def difference_summary(
        self, a: str | int, b: str | int, q: Sequence[float] = (5.0, 50.0, 95.0)
    ) -> DifferenceSummary:
        """Mean, spread and percentiles of ``total[a] - total[b]``."""
        d = self.difference(a, b)
        pct = np.percentile(d, list(q))
        return DifferenceSummary(
            self.bids[bid_index(self.bids, a)],
            self.bids[bid_index(self.bids, b)],
            float(d.mean()),
            float(d.std(ddof=1)),
            {float(k): float(v) for k, v in zip(q, pct, strict=True)},
            float(np.mean(d < 0)),
        )

    def summary(self, q: Sequence[float] = (5.0, 50.0, 95.0)) -> list[dict[str, Any]]:
        """One row per bid: deterministic total, mean, sd, percentiles, P(cheapest)."""
        pct = self.percentiles(q)
        rows = []
        for b, name in enumerate(self.bids):
            row: dict[str, Any] = {
                "bid": name,
                "deterministic": float(self.deterministic[b]),
                "mean": float(self.mean[b]),
                "sd": float(self.std[b]),
            }
            for k, qq in enumerate(q):
                row[f"p{qq:g}"] = float(pct[k, b])
            row["p_cheapest"] = float(self.probability_cheapest[b])
            rows.append(row)
        return rows

    def to_dict(self, q: Sequence[float] = (5.0, 50.0, 95.0)) -> dict[str, Any]:
        """Every summary number as plain Python values (for JSON)."""
        return {
            "currency": self.currency,
            "samples": self.samples,
            "seed": self.seed,
            "inputs": list(self.inputs),
            "seconds": self.seconds,
            "bids": self.summary(q),
            "rank_probabilities": {
                name: self.rank_probabilities[b].tolist() for b, name in enumerate(self.bids)
            },
        }


def monte_carlo(
    tender: Tender | Plan,
    uncertainty: Uncertainty | Mapping[str, Any] | None = None,
    *,
    samples: int | None = None,
    seed: int | None = None,
    externalities: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarloResult:
    """Sample the totals of every bid under uncertain inputs.

    Parameters
    ----------
    tender : Tender or Plan
    uncertainty : Uncertainty or mapping, optional
        The uncertain inputs: an :class:`~tco.analysis.uncertainty.Uncertainty`,
        or a mapping shaped like a tender's ``uncertainty:`` section (whose
        ``parameters`` may also map names to
        :class:`~tco.analysis.distributions.Distribution` objects in base
        units). By default the tender's own section.
    samples : int, optional
        Number of samples; by default the section's (10 000).
    seed : int, optional
        Seed of the random generator; by default the section's.
    externalities : bool, optional
        Include priced emissions in the totals; by default as the tender's rule
        (``assumptions.externalities``) says.
    progress : callable, optional
        Called as ``progress(done, samples)`` after each batch of samples (the
        CLI draws a progress bar with it).

    Returns
    -------
    MonteCarloResult

    Examples
    --------
    >>> import tco
    >>> tender = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> mc = monte_carlo(tender, {"parameters": {"electricity_price": {
    ...     "dist": "uniform", "low": "1.5 DKK/kWh", "high": "3 DKK/kWh"}}},
    ...     samples=2000, seed=1)
    >>> mc.totals.shape
    (2000, 3)
    >>> float(mc.probability_cheapest.sum())
    1.0
    """
    plan = plan_of(tender)
    file = tender.file if isinstance(tender, Tender) else None
    if uncertainty is None:
        data = tender.spec.uncertainty if isinstance(tender, Tender) else None
        if not data:
            raise SpecError(
                "the tender has no 'uncertainty' section; add one or pass the uncertain inputs",
                file=file,
                path=("uncertainty",),
                expected="an 'uncertainty' section with 'parameters'",
            ).speaks("no_uncertainty")
        uncertainty = data
    u = (
        uncertainty
        if isinstance(uncertainty, Uncertainty)
        else parse_uncertainty(plan, uncertainty, file=file)
    )
    S = int(samples if samples is not None else u.samples)
    if S < 2:
        raise SpecError(
            f"got {S} samples, expected at least 2", value=S, expected="2 or more"
        ).speaks("samples_min", n=S)
    where = ("uncertainty", "samples") if samples is None else ("samples",)
    check_samples(S, file=file if samples is None else None, path=where)
    years = int(np.asarray(plan.period).max()) + 1
    check_monte_carlo(S, plan.n_bids, years, file=file, path=where)
    seed = seed if seed is not None else u.seed
    if seed is not None and seed < 0:
        raise SpecError(
            f"got seed {seed}, expected a whole number of 0 or more",
            path=("seed",),
            value=seed,
            expected="a seed of 0 or more",
        ).speaks("seed", n=seed)
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    changes = u.draw(rng, S)
    B = plan.n_bids
    step = max(1, MAX_ROWS // B)
    totals = np.empty((S, B))
    for lo in range(0, S, step):
        hi = min(S, lo + step)
        part = [Change(c.input, c.values[lo:hi], c.relative) for c in changes]
        totals[lo:hi] = evaluate_variants(plan, part, hi - lo, externalities=externalities)
        if progress is not None:
            progress(hi, S)
    seconds = time.perf_counter() - start
    deterministic = evaluate_variants(plan, externalities=externalities)[0]
    return MonteCarloResult(
        bids=plan.bids,
        currency=plan.currency,
        totals=totals,
        deterministic=deterministic,
        inputs=tuple(x.input.name for x in u.inputs),
        seed=seed,
        seconds=seconds,
    )
