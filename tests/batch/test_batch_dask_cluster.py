"""A Dask cluster whose workers cannot read the client's files: the model travels with the tasks.

On a cluster of several machines a worker sees its own disk, not the client's. The model file
is deleted after the lazy frame is built and before any worker runs, so a worker that is sent
the file's path (as before: a loaded ``ProductModel`` travelled as its absolute path) fails to
read it; a worker sent the model itself evaluates it. The workers are separate processes
(``LocalCluster(processes=True)``), so everything they get is pickled, as on a real cluster.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tco
from tco.views.error_text import error_text

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
ASSUMPTIONS = {"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"}
#: Seconds the whole cluster may take to start, compute and stop (measured 3 to 10 s on
#: the busy 2-core machine).
TIMEOUT = 120


@pytest.fixture
def catalogue() -> pd.DataFrame:
    rng = np.random.default_rng(11)
    n = 2000
    return pd.DataFrame(
        {
            "price [DKK]": rng.uniform(500, 3000, n),
            "power [W]": rng.uniform(10, 60, n),
            "rated_life [h]": rng.uniform(20_000, 100_000, n),
        },
        index=pd.RangeIndex(n, name="sku"),
    )


def _own_model(folder: Path) -> Path:
    """The bundled lighting model under another id, in a folder of the client's own."""
    folder.mkdir()
    text = (ROOT / "product_models" / "indoor-lighting.yaml").read_text(encoding="utf-8")
    assert text.count("id: indoor-lighting\n") == 1
    path = folder / "our-lighting.yaml"
    path.write_text(text.replace("id: indoor-lighting\n", "id: our-lighting\n"), "utf-8")
    return path


@pytest.mark.filterwarnings("ignore:Creating scratch directories is taking:UserWarning")
@pytest.mark.parametrize("given", ["loaded model", "model file"])
def test_workers_that_cannot_read_the_model_file(
    tmp_path: Path, catalogue: pd.DataFrame, given: str
) -> None:
    path = _own_model(tmp_path / "models")
    model = tco.load_model(path)
    assert model.file == str(path.resolve())
    # The expected numbers: the same model on the pandas frame, in this process.
    want = tco.evaluate_batch(model, catalogue, assumptions=ASSUMPTIONS, by_item=True)
    ddf = dd.from_pandas(catalogue, npartitions=3)
    with (
        distributed.LocalCluster(
            processes=True,
            n_workers=1,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            local_directory=str(tmp_path / "worker"),
        ) as cluster,
        distributed.Client(cluster, timeout=TIMEOUT) as client,
    ):
        source = model if given == "loaded model" else str(path)
        lazy = tco.evaluate_batch(source, ddf, assumptions=ASSUMPTIONS, by_item=True)
        shutil.rmtree(path.parent)  # from here on, no process can read the model file
        got = client.compute(lazy).result(timeout=TIMEOUT)
        # A bad value in a partition is the same error on the client, with its facts.
        bad = catalogue.copy()
        bad.loc[1500, "price [DKK]"] = -5.0
        lazy = tco.evaluate_batch(
            model, dd.from_pandas(bad, npartitions=3), assumptions=ASSUMPTIONS
        )
        with pytest.raises(tco.SpecError, match=r"got '-5 DKK', expected at least 0 DKK") as err:
            client.compute(lazy).result(timeout=TIMEOUT)
        assert "fik '-5 DKK', forventede mindst 0 DKK" in error_text(err.value, "da")
    assert not path.exists()
    pd.testing.assert_frame_equal(got.sort_index(), want, check_exact=False, rtol=1e-12)


def test_the_recipe_names_no_file_of_the_client(tmp_path: Path, catalogue: pd.DataFrame) -> None:
    # What is pickled for the workers: a bundled model's id, or the checked mapping.
    import pickle

    path = _own_model(tmp_path / "models")
    ddf = dd.from_pandas(catalogue, npartitions=2)
    for source in (tco.load_model(path), str(path)):
        lazy = tco.evaluate_batch(source, ddf, assumptions=ASSUMPTIONS)
        assert str(tmp_path).encode() not in pickle.dumps(lazy.dask)
    lazy = tco.evaluate_batch("indoor-lighting", ddf, assumptions=ASSUMPTIONS)
    assert b"product_models" not in pickle.dumps(lazy.dask)
