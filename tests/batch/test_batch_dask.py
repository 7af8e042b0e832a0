"""The batch API on a Dask DataFrame split over several partitions."""

from __future__ import annotations

import pickle

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import tco
from tco.batch.dask import _partition, _Recipe, evaluate_dask

ASSUMPTIONS = {"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"}


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 5000
    return pd.DataFrame(
        {
            "price [DKK]": rng.uniform(500, 3000, n),
            "power [W]": rng.uniform(10, 60, n),
            "rated_life [h]": rng.uniform(20_000, 100_000, n),
        },
        index=pd.RangeIndex(1000, 1000 + n, name="sku"),
    )


def test_local_cluster_matches_pandas(catalogue: pd.DataFrame) -> None:
    want = tco.evaluate_batch("indoor-lighting", catalogue, assumptions=ASSUMPTIONS, by_item=True)
    ddf = dd.from_pandas(catalogue, npartitions=4)
    assert ddf.npartitions == 4
    with (
        LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        lazy = tco.evaluate_batch("indoor-lighting", ddf, assumptions=ASSUMPTIONS, by_item=True)
        assert lazy.npartitions == 4
        got = client.compute(lazy).result()
    assert list(got.columns) == list(want.columns)
    pd.testing.assert_frame_equal(got.sort_index(), want, check_exact=False, rtol=1e-12)


def test_threaded_scheduler_and_meta(catalogue: pd.DataFrame) -> None:
    ddf = dd.from_pandas(catalogue, npartitions=3)
    lazy = evaluate_dask("indoor-lighting", ddf, assumptions=ASSUMPTIONS)
    # The lazy frame's columns are known before anything is computed.
    assert list(lazy.columns) == [
        "total", "annualised", "total_excl_externalities", "total_incl_externalities",
            "period",
        "acquisition", "use", "externalities", "co2e_kg",
    ]  # fmt: skip
    got = lazy.compute(scheduler="threads")
    want = tco.evaluate_batch("indoor-lighting", catalogue, assumptions=ASSUMPTIONS)
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)


def test_the_work_sent_to_workers_pickles(catalogue: pd.DataFrame) -> None:
    # A real cluster runs partitions in other processes: the function and its
    # recipe must pickle, and rebuild the evaluator there.
    recipe = _Recipe("indoor-lighting", ASSUMPTIONS, {}, {}, False)
    fn, again = pickle.loads(pickle.dumps((_partition, recipe)))
    got = fn(catalogue.iloc[:10], again)
    want = tco.evaluate_batch("indoor-lighting", catalogue.iloc[:10], assumptions=ASSUMPTIONS)
    pd.testing.assert_frame_equal(got, want)
    model = tco.load_model("indoor-lighting")
    lazy = evaluate_dask(model, dd.from_pandas(catalogue, npartitions=2), assumptions=ASSUMPTIONS)
    assert lazy.compute(scheduler="sync")["total"].shape == (len(catalogue),)


def test_a_basis_reaches_the_workers_and_the_meta(catalogue: pd.DataFrame) -> None:
    # bases/dk-mst-2021.yaml gives a CO2 price (1500 DKK/t) the assumptions do not state:
    # the lazy frame must know the externalities column before anything is computed.
    assumptions = {"period": "15 year", "quantity": 200}
    ddf = dd.from_pandas(catalogue, npartitions=2)
    lazy = evaluate_dask("indoor-lighting", ddf, assumptions=assumptions, basis="dk-mst-2021")
    assert "externalities" in lazy.columns
    got = lazy.compute(scheduler="sync")
    want = tco.evaluate_batch(
        "indoor-lighting", catalogue, assumptions=assumptions, basis="dk-mst-2021"
    )
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)
    assert (want["externalities"] > 0).all()
