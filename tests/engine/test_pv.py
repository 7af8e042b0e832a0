"""The closed form (tco.engine.pv) equals the year-axis engine (tco.engine.flows) summed."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tco.engine.flows import occurrences, residual_credit
from tco.engine.pv import weighted_amounts, weighted_occurrences, weighted_periodic
from tco.engine.rows import amount_in_year, last_unit, residual_value
from tco.engine.timeline import last_start_year, remaining_life_fraction

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


@settings(max_examples=100, deadline=None)
@given(
    timing=st.sampled_from(["once", "annual", "every", "at", "end_of_life"]),
    T=st.integers(1, 20),
    periods=st.lists(st.integers(1, 20), min_size=1, max_size=6),
    when=st.lists(st.one_of(times, whole), min_size=6, max_size=6),
    lifetime=st.one_of(st.none(), st.lists(st.one_of(times, whole), min_size=6, max_size=6)),
    groups=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_weights_per_group_of_rows_and_amounts_per_year(
    timing: str,
    T: int,
    periods: list[int],
    when: list[float],
    lifetime: list[float] | None,
    groups: int,
    seed: int,
) -> None:
    # A weight per group of rows (a Monte Carlo sample's discount rate) and an
    # amount per row and year (a yearly price): the same as the year axis.
    rng = np.random.default_rng(seed)
    P = np.minimum(np.array(periods, dtype=float), T)
    n = len(P)
    w = rng.uniform(-1.0, 2.0, (groups, T + 1))
    rows = rng.integers(0, groups, n).astype(np.intp)
    amount = rng.uniform(0.0, 5.0, (n, T + 1))
    kw = {
        "when": np.array(when[:n]),
        "lifetime": None if lifetime is None else np.array(lifetime[:n]),
    }
    counts = occurrences(timing, P, T, **kw)
    want = (counts * w[rows]).sum(axis=-1)
    np.testing.assert_allclose(
        weighted_occurrences(timing, w, P, rows=rows, **kw), want, rtol=1e-12, atol=1e-12
    )
    np.testing.assert_allclose(
        weighted_amounts(timing, amount[:, 1], w, P, rows=rows, **kw),
        amount[:, 1] * want,
        rtol=1e-12,
        atol=1e-12,
    )
    np.testing.assert_allclose(
        weighted_amounts(timing, amount, w, P, rows=rows, **kw),
        (counts * amount * w[rows]).sum(axis=-1),
        rtol=1e-12,
        atol=1e-12,
    )


@given(
    lifetime=st.lists(st.one_of(times, whole), min_size=1, max_size=6),
    period=st.integers(1, 30),
    seed=st.integers(0, 2**16),
)
def test_residual_value_is_the_discounted_residual_credit(
    lifetime: list[float], period: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    L = np.array(lifetime)
    n, T = len(L), period
    P = np.full(n, float(period))
    e = rng.uniform(0.5, 2.0, T + 1)
    d = rng.uniform(0.1, 1.0, T + 1)
    amount = rng.uniform(0.0, 5.0, (n, T + 1))
    want = (residual_credit(amount, e, L, P, T) * d).sum(axis=-1)
    year, credit = residual_value(e, d, L, P)
    np.testing.assert_allclose(amount_in_year(amount, year) * credit, want, rtol=1e-12, atol=1e-12)


@settings(max_examples=150, deadline=None)
@given(
    timing=st.sampled_from(["once", "annual", "every", "at", "end_of_life"]),
    T=st.integers(1, 20),
    n=st.integers(1, 6),
    per_year=st.booleans(),
    per_row=st.booleans(),
    when=st.lists(st.one_of(times, whole), min_size=6, max_size=6),
    lifetime=st.one_of(st.none(), st.lists(st.one_of(times, whole), min_size=6, max_size=6)),
    share=st.one_of(st.none(), st.floats(0.0, 1.0)),
    quantity=st.sampled_from([1.0, 3.0]),
    seed=st.integers(0, 2**16),
)
def test_a_factored_amount_is_priced_as_its_array(
    timing: str,
    T: int,
    n: int,
    per_year: bool,
    per_row: bool,
    when: list[float],
    lifetime: list[float] | None,
    share: float | None,
    quantity: float,
    seed: int,
) -> None:
    # The driver's optimisation for amounts kept as products (the batch API) gives the
    # present value of the same amount written out per row and year, residual credit included.
    from types import SimpleNamespace

    from tco.engine.pv import FactoredAmount, stream_present_value
    from tco.engine.rows import Residual

    rng = np.random.default_rng(seed)
    amount = FactoredAmount(
        float(rng.uniform(-2.0, 5.0)),
        rng.uniform(0.1, 3.0, n) if per_row else None,
        rng.uniform(0.0, 2.0, T + 1) if per_year else None,
    )
    full = np.broadcast_to(amount.array(), (n, T + 1) if per_year else (n,))
    e, d = rng.uniform(0.5, 1.5, T + 1), rng.uniform(0.2, 1.0, T + 1)
    kw = {
        "period": np.full(n, float(T)),
        "lifetime": None if lifetime is None else np.array(lifetime[:n]),
        "quantity": quantity,
    }

    def stream(a: object) -> SimpleNamespace:
        return SimpleNamespace(
            timing=timing,
            amount=a,
            when=np.array(when[:n]),
            start=None,
            stop=None,
            per_unit=True,
            residual_rule=Residual(share=share),
        )

    want = stream_present_value(stream(np.array(full)), e, d, **kw)
    got = stream_present_value(stream(amount), e, d, **kw)
    np.testing.assert_allclose(np.broadcast_to(got, (n,)), want, rtol=1e-12, atol=1e-9)


# -- planted changes the mutation run found uncaught (benchmarks/mutation.py) -----------------


def test_weighted_periodic_of_no_rows_is_empty() -> None:
    # An empty table (no rows): no event and no error. Mutant: the guard on an empty
    # array's maximum dropped (``last_k.max()`` of nothing raises).
    got = weighted_periodic(np.ones(4), np.array([]), np.array([]))
    assert got.shape == (0,)


def test_weighted_periodic_one_interval_each_rows_period() -> None:
    # w = 2 ** t = [1, 2, 4, 8, 16, 32, 64]; events every 2 years strictly before the end:
    # period 4: k = 1 (year 2) -> 4; period 6: k = 1, 2 (years 2, 4) -> 4 + 16 = 20.
    # Mutant: the shape of the result taken from the interval alone (a scalar).
    got = weighted_periodic(2.0 ** np.arange(7), 2.0, np.array([4.0, 6.0]))
    assert got.tolist() == [4.0, 20.0]


def test_weighted_periodic_shared_times_weights_per_group() -> None:
    # Group 0: [1, 2, 4, 8], group 1: [1, 10, 100, 1000]; an event every 1.5 years before
    # year 3: k = 1 at t = 1.5, booked in year ceil(1.5) = 2 -> 4 (group 0) and 100 (group 1).
    # Rows [1, 0, 1] read their group's year 2: [100, 4, 100]. Mutant: the rows dropped.
    w = np.array([[1.0, 2.0, 4.0, 8.0], [1.0, 10.0, 100.0, 1000.0]])
    got = weighted_periodic(w, 1.5, 3.0, rows=np.array([1, 0, 1]))
    assert got.tolist() == [100.0, 4.0, 100.0]


def test_weighted_periodic_many_events_a_year() -> None:
    # Every half year over 2 years: events at 0.5, 1.0, 1.5 (before the end), booked in years
    # ceil: 1, 1, 2. With w = [1, 10, 100]: 10 + 10 + 100 = 120; with the end counted
    # (until_end) one more at 2.0 in year 2: 220. Per group [1, 1, 1]: 3 (and 4).
    w = np.array([1.0, 10.0, 100.0])
    assert float(weighted_periodic(w, 0.5, 2.0)) == 120.0
    assert float(weighted_periodic(w, 0.5, 2.0, until_end=True)) == 220.0
    groups = np.array([[1.0, 1.0, 1.0], [1.0, 10.0, 100.0]])
    got = weighted_periodic(groups, np.array([0.5, 0.5]), np.array([2.0, 2.0]), until_end=True)
    assert got.tolist() == [4.0, 220.0]


def test_annual_weights_stop_at_a_period_shorter_than_the_axis() -> None:
    # An annual stream over 2 years on a 4-year axis, w = [1, 2, 4, 8, 16]: years 1 and 2,
    # 2 + 4 = 6 (year 3's 8 not counted). Mutant: the last year's slice one year too long.
    w = np.array([1.0, 2.0, 4.0, 8.0, 16.0])
    assert float(weighted_occurrences("annual", w, 2.0)) == 6.0
    # Stopping at year 0 (or before): no annual amount at all, 0 (not year 1's 2).
    assert float(weighted_occurrences("annual", w, 2.0, stop=0.0)) == 0.0


def test_amounts_per_year_with_shared_weights() -> None:
    # Amounts per row and year [[0, 100, 200], [0, 10, 20]], one weight row [1, 0.5, 0.25]
    # shared by both, annual over 2 years: 100 * 0.5 + 200 * 0.25 = 100 and 10 * 0.5 +
    # 20 * 0.25 = 10.
    a = np.array([[0.0, 100.0, 200.0], [0.0, 10.0, 20.0]])
    got = weighted_amounts("annual", a, np.array([1.0, 0.5, 0.25]), np.array([2.0, 2.0]))
    assert got.tolist() == [100.0, 10.0]
