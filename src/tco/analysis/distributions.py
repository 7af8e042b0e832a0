"""Probability distributions of uncertain inputs, sampled with a numpy Generator.

Every distribution draws a whole sample axis at once. Parameters are plain
floats in whatever unit the caller uses (the Monte Carlo module passes base
units). Correlation between inputs is imposed afterwards by
:func:`gaussian_copula`, which reorders independent draws (Iman and Conover,
1982), so each input keeps exactly the distribution it was drawn from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.errors import SpecError

__all__ = ["KINDS", "Distribution", "gaussian_copula"]

Array = NDArray[np.float64]
Kind = Literal["uniform", "triangular", "normal", "lognormal", "pert", "discrete"]
#: The distributions tco knows, with the parameters each needs.
KINDS: dict[str, tuple[str, ...]] = {
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "normal": ("mean", "sd"),
    "lognormal": ("mean", "sd"),
    "pert": ("low", "mode", "high"),
    "discrete": ("values",),
}


@dataclass(frozen=True)
class Distribution:
    """A distribution of one uncertain input.

    ``uniform(low, high)``; ``triangular(low, mode, high)``;
    ``normal(mean, sd)``; ``lognormal(mean, sd)`` with the mean and
    standard deviation of the value itself (so ``sigma**2 = ln(1 +
    sd**2 / mean**2)`` and ``mu = ln(mean) - sigma**2 / 2`` for its
    logarithm); ``pert(low, mode, high)``, the beta distribution on
    ``[low, high]`` with ``alpha = 1 + shape * (mode - low) / (high - low)``
    and ``beta = 1 + shape * (high - mode) / (high - low)`` (``shape`` 4 by
    default, mean ``(low + shape * mode + high) / (shape + 2)``);
    ``discrete(values, weights)``.

    Examples
    --------
    >>> d = Distribution("pert", low=0.0, mode=1.0, high=5.0)
    >>> round(d.expected(), 6)
    1.5
    >>> x = d.sample(np.random.default_rng(1), 100_000)
    >>> bool(abs(x.mean() - 1.5) < 0.01)
    True
    """

    kind: Kind
    low: float = float("nan")
    high: float = float("nan")
    mode: float = float("nan")
    mean: float = float("nan")
    sd: float = float("nan")
    values: tuple[float, ...] = ()
    weights: tuple[float, ...] = ()
    shape: float = 4.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise SpecError(
                f"unknown distribution '{self.kind}'; distributions are " + ", ".join(KINDS),
                value=self.kind,
                expected="one of " + ", ".join(KINDS),
            ).speaks("unknown_distribution", name=self.kind, names_list=list(KINDS))
        object.__setattr__(self, "values", tuple(float(v) for v in self.values))
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights))
        self._check()

    def _check(self) -> None:
        k = self.kind

        def bad(msg: str, message_id: str) -> SpecError:
            return SpecError(f"{k} distribution: {msg}", expected=msg).speaks(message_id, kind=k)

        if k in ("uniform", "triangular", "pert"):
            if not self.low < self.high:
                raise bad("'low' must be below 'high'", "dist_low_high")
            if k != "uniform" and not self.low <= self.mode <= self.high:
                raise bad("'mode' must lie between 'low' and 'high'", "dist_mode")
        if k in ("normal", "lognormal") and not self.sd >= 0:
            raise bad("'sd' must be zero or positive", "dist_sd")
        if k == "lognormal" and not self.mean > 0:
            raise bad("'mean' must be positive", "dist_mean_positive")
        if k == "normal" and not np.isfinite(self.mean):
            raise bad("give 'mean'", "dist_give_mean")
        if k == "discrete":
            if not self.values:
                raise bad("give at least one of 'values'", "dist_values")
            if self.weights and (len(self.weights) != len(self.values) or min(self.weights) < 0):
                raise bad("give one non-negative weight per value", "dist_weights")
            if self.weights and not math.isfinite(sum(self.weights)):
                raise bad(
                    "the weights must be finite, and so must their sum", "dist_weights_finite"
                )
            if self.weights and sum(self.weights) <= 0:
                raise bad("the weights must not all be zero", "dist_weights_zero")

    def expected(self) -> float:
        """The distribution's mean (its expected value)."""
        k = self.kind
        if k == "uniform":
            return (self.low + self.high) / 2
        if k == "triangular":
            return (self.low + self.mode + self.high) / 3
        if k in ("normal", "lognormal"):
            return self.mean
        if k == "pert":
            return (self.low + self.shape * self.mode + self.high) / (self.shape + 2)
        w = np.asarray(self.weights or [1.0] * len(self.values))
        return float(np.dot(self.values, w / w.sum()))

    def sample(self, rng: np.random.Generator, size: int | tuple[int, ...]) -> Array:
        """Draw ``size`` values.

        Parameters
        ----------
        rng : numpy.random.Generator
        size : int or tuple of int

        Returns
        -------
        ndarray of shape ``size``
        """
        k = self.kind
        out: Array
        if k == "uniform":
            out = rng.uniform(self.low, self.high, size)
        elif k == "triangular":
            out = rng.triangular(self.low, self.mode, self.high, size)
        elif k == "normal":
            out = rng.normal(self.mean, self.sd, size)
        elif k == "lognormal":
            s2 = np.log1p((self.sd / self.mean) ** 2)
            out = rng.lognormal(np.log(self.mean) - s2 / 2, np.sqrt(s2), size)
        elif k == "pert":
            span = self.high - self.low
            a = 1.0 + self.shape * (self.mode - self.low) / span
            b = 1.0 + self.shape * (self.high - self.mode) / span
            out = self.low + span * rng.beta(a, b, size)
        else:
            w = np.asarray(self.weights or [1.0] * len(self.values), dtype=np.float64)
            out = np.asarray(self.values, dtype=np.float64)[
                rng.choice(len(self.values), size=size, p=w / w.sum())
            ]
        return np.asarray(out, dtype=np.float64)


def gaussian_copula(draws: Array, correlation: ArrayLike, rng: np.random.Generator) -> Array:
    """Impose a Gaussian copula on independent draws by reordering them.

    Correlated standard normals ``Z = N L^T`` (``L`` the Cholesky factor of
    the correlation matrix, ``N`` independent normals) are drawn, and each
    column of ``draws`` is rearranged to have the ranks of the matching
    column of ``Z`` (Iman and Conover, 1982). Every column keeps its values,
    so its marginal distribution is unchanged; the rank correlation between
    columns is that of the normals, ``(6 / pi) asin(rho / 2)``.

    Parameters
    ----------
    draws : ndarray, shape (S, K)
        Independent draws of ``K`` inputs.
    correlation : array_like, shape (K, K)
        Correlation matrix of the normals: symmetric, unit diagonal,
        positive definite.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray, shape (S, K)

    Raises
    ------
    SpecError
        If the matrix is not a valid correlation matrix.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.uniform(size=(20_000, 2))
    >>> y = gaussian_copula(x, [[1.0, 0.8], [0.8, 1.0]], rng)
    >>> bool(np.array_equal(np.sort(y, axis=0), np.sort(x, axis=0)))
    True
    >>> round(float(np.corrcoef(y.T)[0, 1]), 1)
    0.8
    """
    C = np.asarray(correlation, dtype=np.float64)
    S, K = draws.shape
    if C.shape != (K, K) or not np.allclose(C, C.T) or not np.allclose(np.diag(C), 1.0):
        raise SpecError(
            "a correlation matrix must be symmetric with ones on the diagonal",
            expected="correlations between -1 and 1",
        ).speaks("corr_symmetric")
    try:
        L = np.linalg.cholesky(C)
    except np.linalg.LinAlgError:
        raise SpecError(
            "the correlations are inconsistent (the matrix is not positive definite)",
            expected="correlations that can hold together",
        ).speaks("corr_inconsistent") from None
    Z = rng.standard_normal((S, K)) @ L.T
    ranks = np.argsort(np.argsort(Z, axis=0), axis=0)
    ordered = np.sort(draws, axis=0)
    out: Array = np.take_along_axis(ordered, ranks, axis=0)
    return out
