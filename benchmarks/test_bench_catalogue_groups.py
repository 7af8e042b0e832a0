"""A webshop catalogue of 1,000,000 luminaires in 1,000 categories: TCO per year and rank.

``tco.evaluate_batch(..., group="category")`` against the same call without a
group (the cost of the grouping) and a plain pandas ``groupby().rank()`` on the
result (the yardstick for the ranking).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd
from bench_helpers import ROWS

import tco

N = 1_000_000
GROUPS = 1_000
ASSUMPTIONS = {"period": "15 year", "quantity": 1, "co2_price": "1500 DKK/t"}


def catalogue(n: int = N) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "price": rng.uniform(400, 4000, n),
            "power": rng.uniform(10, 80, n),
            "rated_life": rng.uniform(20000, 100000, n),
            "category": np.char.add("cat-", rng.integers(0, GROUPS, n).astype(str)).astype(object),
        }
    )


def test_catalogue_of_1m_items_in_groups(benchmark: Any) -> None:
    df = catalogue()
    plain_df = df.drop(columns="category")
    start = time.perf_counter()
    plain = tco.evaluate_batch("indoor-lighting", plain_df, assumptions=ASSUMPTIONS)
    plain_s = time.perf_counter() - start
    out = benchmark.pedantic(
        tco.evaluate_batch,
        args=("indoor-lighting", df),
        kwargs={"assumptions": ASSUMPTIONS, "group": "category"},
        rounds=3,
        iterations=1,
    )
    start = time.perf_counter()
    want = (
        pd.Series(np.round(plain["annualised"].to_numpy(), 2))
        .groupby(df["category"].to_numpy())
        .rank(method="min")
    )
    pandas_s = time.perf_counter() - start
    assert out["group_rank"].to_numpy().tolist() == want.astype(int).tolist()
    assert int(out["group_lowest"].sum()) >= GROUPS
    ours = float(benchmark.stats.stats.median)
    row = {
        "case": f"catalogue of {N:,} items in {GROUPS:,} groups: TCO per year, rank, lowest",
        "batch_s": ours,
        "numpy_s": plain_s,
        "vs_numpy": ours / plain_s,
        "loop_s": pandas_s,
        "targets": "batch speed (numpy column: the same batch without a group; "
        "loop column: pandas groupby rank alone)",
    }
    benchmark.extra_info.update(row)
    ROWS.append(row)
