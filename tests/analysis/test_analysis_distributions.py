"""Distributions: moments against their formulas, and the Gaussian copula."""

from __future__ import annotations

import numpy as np
import pytest

from tco.analysis.distributions import KINDS, Distribution, gaussian_copula
from tco.errors import SpecError

N = 400_000


@pytest.mark.parametrize(
    ("dist", "mean", "var"),
    [
        # uniform(a, b): mean (a + b) / 2, variance (b - a)**2 / 12
        (Distribution("uniform", low=2.0, high=5.0), 3.5, 9 / 12),
        # triangular(a, c, b): mean (a + b + c) / 3,
        # variance (a² + b² + c² - ab - ac - bc) / 18 = (1 + 36 + 4 - 6 - 2 - 12) / 18
        (Distribution("triangular", low=1.0, mode=2.0, high=6.0), 3.0, 21 / 18),
        (Distribution("normal", mean=-1.0, sd=2.0), -1.0, 4.0),
        # lognormal given by the mean and sd of the value
        (Distribution("lognormal", mean=3.0, sd=1.5), 3.0, 2.25),
        # PERT(a, m, b) = a + (b - a) Beta(α, β), α = 1 + 4 (m - a)/(b - a) = 1.8,
        # β = 1 + 4 (b - m)/(b - a) = 4.2: mean (a + 4m + b) / 6 = 18 / 6 = 3.0,
        # variance (b - a)² αβ / ((α + β)² (α + β + 1)) = 100 * 7.56 / (36 * 7) = 3.0
        (Distribution("pert", low=0.0, mode=2.0, high=10.0), 3.0, 3.0),
        # discrete: 1 with 1/4, 3 with 3/4: mean 2.5, variance 0.75
        (Distribution("discrete", values=[1.0, 3.0], weights=[1.0, 3.0]), 2.5, 0.75),
    ],
)
def test_moments(dist: Distribution, mean: float, var: float) -> None:
    x = dist.sample(np.random.default_rng(42), N)
    assert dist.expected() == pytest.approx(mean)
    se = np.sqrt(var / N)
    assert abs(x.mean() - mean) < 5 * se
    assert x.var() == pytest.approx(var, rel=0.02)


def test_sample_shapes() -> None:
    d = Distribution("uniform", low=0.0, high=1.0)
    assert d.sample(np.random.default_rng(0), (10, 3)).shape == (10, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "uniform", "low": 2.0, "high": 1.0}, "'low' must be below 'high'"),
        ({"kind": "triangular", "low": 0.0, "mode": 3.0, "high": 2.0}, "'mode' must lie"),
        ({"kind": "normal", "mean": 0.0, "sd": -1.0}, "'sd' must be zero or positive"),
        ({"kind": "lognormal", "mean": -1.0, "sd": 1.0}, "'mean' must be positive"),
        ({"kind": "discrete", "values": [1.0], "weights": [1.0, 2.0]}, "one non-negative weight"),
        ({"kind": "beta"}, "unknown distribution 'beta'"),
    ],
)
def test_invalid(kwargs: dict, message: str) -> None:
    rest = {k: v for k, v in kwargs.items() if k != "kind"}  # the parameter stays whole for a rerun
    with pytest.raises(SpecError, match=message):
        Distribution(kwargs["kind"], **rest)


def test_copula_keeps_marginals_and_sets_correlation() -> None:
    rng = np.random.default_rng(1)
    x = np.column_stack(
        [
            Distribution("lognormal", mean=2.0, sd=1.0).sample(rng, 50_000),
            Distribution("uniform", low=0.0, high=1.0).sample(rng, 50_000),
        ]
    )
    y = gaussian_copula(x, [[1.0, -0.6], [-0.6, 1.0]], rng)
    np.testing.assert_array_equal(np.sort(y, axis=0), np.sort(x, axis=0))
    r = np.corrcoef(np.argsort(np.argsort(y, axis=0), axis=0).T)[0, 1]
    # Spearman correlation of a Gaussian copula: (6 / pi) asin(rho / 2).
    assert r == pytest.approx(6 / np.pi * np.arcsin(-0.3), abs=0.01)


def test_copula_rejects_bad_matrices() -> None:
    rng = np.random.default_rng(1)
    with pytest.raises(SpecError, match="symmetric"):
        gaussian_copula(np.zeros((5, 2)), [[1.0, 0.5], [0.4, 1.0]], rng)
    with pytest.raises(SpecError, match="not positive definite"):
        gaussian_copula(
            np.zeros((5, 3)),
            [[1.0, 0.9, 0.9], [0.9, 1.0, -0.9], [0.9, -0.9, 1.0]],
            rng,
        )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"kind": "triangular", "low": 0.0, "mode": 3.0, "high": 2.0},
            "'mode' must lie between 'low' and 'high'",
        ),
        ({"kind": "normal", "mean": 0.0, "sd": -1.0}, "'sd' must be zero or positive"),
        ({"kind": "normal", "sd": 1.0}, "give 'mean'"),
        ({"kind": "discrete"}, "give at least one of 'values'"),
    ],
)
def test_each_mistake_in_a_distribution_says_what_to_give(
    kwargs: dict[str, object], expected: str
) -> None:
    # The whole message, and the expectation a form or the HTTP service shows beside it.
    kind = str(kwargs["kind"])
    rest = {k: v for k, v in kwargs.items() if k != "kind"}
    with pytest.raises(SpecError) as caught:
        Distribution(kind, **rest)
    assert str(caught.value) == f"{kind} distribution: {expected}"
    assert caught.value.expected == expected


def test_an_unknown_distribution_lists_the_kinds() -> None:
    with pytest.raises(SpecError) as caught:
        Distribution("beta")
    assert caught.value.expected == "one of " + ", ".join(KINDS)
