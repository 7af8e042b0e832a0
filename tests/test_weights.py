"""weighted_occurrences equals summing the engine's yearly occurrences times the weight."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tco.engine.flows import occurrences
from tco.engine.timeline import last_start_year, remaining_life_fraction
from tco.engine.weights import last_unit, weighted_occurrences

times = st.floats(0.05, 25.0, allow_nan=False).map(lambda x: round(x, 2))
whole = st.sampled_from([1.0, 2.0, 2.5, 3.0, 5.0, 7.5, 10.0, 12.0])


@settings(max_examples=150, deadline=None)
@given(
    timing=st.sampled_from(["once", "annual", "every", "at", "end_of_life"]),
    T=st.integers(1, 20),
    periods=st.lists(st.integers(1, 20), min_size=1, max_size=6),
    when=st.lists(st.one_of(times, whole), min_size=6, max_size=6),
    lifetime=st.one_of(st.none(), st.lists(st.one_of(times, whole), min_size=6, max_size=6)),
    start=st.floats(0.0, 6.0),
    stop=st.floats(1.0, 30.0),
    seed=st.integers(0, 2**16),
)
def test_weighted_sum_matches_occurrences(
    timing: str,
    T: int,
    periods: list[int],
    when: list[float],
    lifetime: list[float] | None,
    start: float,
    stop: float,
    seed: int,
) -> None:
    P = np.minimum(np.array(periods, dtype=float), T)
    n = len(P)
    w = np.random.default_rng(seed).uniform(-1.0, 2.0, T + 1)
    kw = {
        "when": np.array(when[:n]),
        "start": np.full(n, start),
        "stop": np.full(n, stop),
        "lifetime": None if lifetime is None else np.array(lifetime[:n]),
    }
    want = (occurrences(timing, P, T, **kw) * w).sum(axis=-1)
    got = weighted_occurrences(timing, w, P, **kw)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@given(
    lifetime=st.lists(st.one_of(times, whole), min_size=1, max_size=6),
    period=st.integers(1, 30),
)
def test_last_unit_matches_the_timeline_functions(lifetime: list[float], period: int) -> None:
    L = np.array(lifetime)
    year, frac = last_unit(L, float(period))
    np.testing.assert_array_equal(year, last_start_year(L, period))
    np.testing.assert_allclose(frac, remaining_life_fraction(L, period), rtol=1e-12, atol=1e-15)
