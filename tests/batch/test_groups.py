"""Catalogue grouping: rank within a product category and the lowest-TCO item of each."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tco
from tco.batch.groups import group_codes, rank_within_groups
from tco.errors import SpecError


def test_rank_by_hand() -> None:
    # Group a: 30, 10, 20, 10.004 -> 10 and 10.004 are equal to the cent: both rank 1, then
    # 20 is third (two items are cheaper) and 30 fourth. Group b: 5 alone ranks 1.
    rank, lowest = rank_within_groups([30.0, 10.0, 20.0, 5.0, 10.004], ["a", "a", "a", "b", "a"])
    assert rank.tolist() == [4, 1, 3, 1, 1]
    assert lowest.tolist() == [False, True, False, True, True]


def test_missing_groups_and_nan_values() -> None:
    assert group_codes([2.0, np.nan, 1.0, np.nan]).tolist() == [1, 2, 0, 2]
    assert group_codes([0.0, np.nan]).tolist() == [0, 1]  # a missing group is not group 0.0
    rank, _ = rank_within_groups([np.nan, 3.0, 1.0], ["x", "x", "x"])
    assert rank.tolist() == [3, 2, 1]  # NaN after every number
    with pytest.raises(ValueError, match="one group per row"):
        rank_within_groups([1.0, 2.0], ["a"])


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 50)),
        min_size=1,
        max_size=60,
    )
)
def test_matches_pandas_groupby_rank(rows: list[tuple[str, int]]) -> None:
    groups = [g for g, _ in rows]
    values = np.array([v / 4 for _, v in rows], dtype=float)  # ties are common
    rank, lowest = rank_within_groups(values, groups)
    want = pd.Series(values).groupby(groups).rank(method="min").astype(int).to_numpy()
    assert rank.tolist() == want.tolist()
    mins = pd.Series(values).groupby(groups).transform("min").to_numpy()
    assert lowest.tolist() == (values == mins).tolist()


def test_evaluate_batch_with_a_group_column() -> None:
    df = pd.DataFrame(
        {
            "price": [1450.0, 1100.0, 1890.0, 900.0],
            "power": [32.0, 41.0, 27.0, 60.0],
            "rated_life": [50000.0, 35000.0, 70000.0, 20000.0],
            "category": ["office", "office", "office", "corridor"],
        },
        index=["A", "B", "C", "D"],
    )
    out = tco.evaluate_batch(
        "indoor-lighting", df, assumptions={"period": "15 year"}, group="category"
    )
    plain = tco.evaluate_batch(
        "indoor-lighting", df.drop(columns="category"), assumptions={"period": "15 year"}
    )
    np.testing.assert_array_equal(out["annualised"], plain["annualised"])
    # Office: C < A < B by annualised cost (the lighting tender's ranking of the same bids).
    office = plain["annualised"][["A", "B", "C"]]
    assert office.idxmin() == "C"
    assert out["group_rank"].to_dict() == {"A": 2, "B": 3, "C": 1, "D": 1}
    assert out["group_lowest"].tolist() == [False, False, True, True]
    as_mapping = tco.evaluate_batch(
        "indoor-lighting",
        {c: df[c].to_numpy() for c in df},
        assumptions={"period": "15 year"},
        group="category",
    )
    assert as_mapping["group_rank"].tolist() == [2, 3, 1, 1]
    with pytest.raises(SpecError, match="no column 'kind'"):
        tco.evaluate_batch("indoor-lighting", df, assumptions={"period": "15 year"}, group="kind")


def test_group_codes_of_text_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fallback where pandas is not installed: rows 0 and 2 ("b") share a code, "a" and
    # the missing group have codes of their own; three groups, codes 0 .. 2.
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    codes = group_codes(["b", "a", "b", None]).tolist()
    assert codes[0] == codes[2]
    assert sorted({codes[0], codes[1], codes[3]}) == [0, 1, 2]


def test_a_group_column_keeps_the_units_and_the_items() -> None:
    # The same table with lives in kh (thousands of hours) and a group column: the same numbers
    # as without the group in hours, and with by_item one column per item (pv_...) as without
    # the group.
    df = pd.DataFrame(
        {
            "price": [1450.0, 1100.0],
            "power": [32.0, 41.0],
            "rated_life": [50.0, 35.0],
            "category": ["office", "office"],
        },
        index=["A", "B"],
    )
    period = {"period": "15 year"}
    out = tco.evaluate_batch(
        "indoor-lighting",
        df,
        assumptions=period,
        group="category",
        units={"rated_life": "kh"},
        by_item=True,
    )
    in_hours = df.drop(columns="category").assign(rated_life=[50000.0, 35000.0])
    plain = tco.evaluate_batch("indoor-lighting", in_hours, assumptions=period, by_item=True)
    np.testing.assert_allclose(out["annualised"], plain["annualised"], rtol=1e-12)
    items = [c for c in plain.columns if c.startswith("pv_")]
    assert items and [c for c in out.columns if c.startswith("pv_")] == items
    np.testing.assert_allclose(out[items], plain[items], rtol=1e-12)
