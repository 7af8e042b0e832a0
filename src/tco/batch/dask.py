"""The batch API on a Dask DataFrame, partition by partition.

:func:`evaluate_dask` maps :meth:`tco.BatchEvaluator.evaluate` over the
partitions of a Dask DataFrame with ``map_partitions``. Each partition is a
pandas DataFrame evaluated on its own; nothing is gathered on the client.
What travels to the workers is a small recipe (a bundled model's id or the
model itself as its checked mapping, the assumptions, the parameters and the
column units), from which each worker process builds its evaluator once and
keeps it. Nothing in it names a file of the client: a worker on another
machine needs tco, not the client's folders.

Needs the ``dask`` extra: ``pip install 'tco-lcc[dask]'``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tco.batch.evaluator import BatchEvaluator
from tco.batch.template import basis_arg
from tco.spec.product import ProductModel, bundled_models, load_model
from tco.spec.schema import CATEGORIES, AssumptionsSpec

__all__ = ["evaluate_dask", "model_mapping", "output_columns"]

_EVALUATORS: dict[str, BatchEvaluator] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class _Recipe:
    """Everything a worker needs to build the evaluator, as plain picklable data."""

    model: str | dict[str, Any]
    assumptions: dict[str, Any]
    parameters: dict[str, Any]
    units: dict[str, str]
    by_item: bool
    basis: Any = None  # as given: the tender schema checks it

    @property
    def key(self) -> str:
        return json.dumps(
            [self.model, self.assumptions, self.parameters, self.units, self.basis],
            sort_keys=True,
            default=str,
        )

    def evaluator(self) -> BatchEvaluator:
        key = self.key
        with _LOCK:
            ev = _EVALUATORS.get(key)
            if ev is None:
                ev = BatchEvaluator(
                    self.model,
                    self.assumptions,
                    self.parameters,
                    units=self.units,
                    basis=self.basis,
                )
                _EVALUATORS[key] = ev
        return ev


def _model_source(model: str | Path | Mapping[str, Any] | ProductModel) -> str | dict[str, Any]:
    """What travels to the workers for ``model``: a bundled model's id, else the model itself.

    A loaded :class:`~tco.spec.product.ProductModel` and a model file travel as the
    checked mapping (:func:`model_mapping`), compiled again on each worker: a
    worker on another machine cannot read the client's files.
    """
    if isinstance(model, Mapping):
        return dict(model)
    if isinstance(model, ProductModel):
        return model_mapping(model)
    if isinstance(model, str) and model in bundled_models():
        return model  # each worker has tco and its bundled models
    return model_mapping(load_model(model))


def model_mapping(model: ProductModel) -> dict[str, Any]:
    """A loaded model as the plain mapping it was checked from, for :func:`~tco.load_model`.

    The model as checked (``model.spec``), with each basis reference put back
    where it stood (``{basis: electricity_price}``), so that a batch's
    ``basis`` still overrides what the model takes from its bases. The
    mapping is JSON data: it pickles and travels to a worker process or
    another machine, where :func:`~tco.load_model` checks it again.

    Examples
    --------
    >>> import tco
    >>> m = tco.load_model("household-refrigerator")
    >>> data = model_mapping(m)
    >>> data["parameters"]["electricity_price"]["default"]
    {'basis': 'electricity_price'}
    >>> again = tco.load_model(data)
    >>> again.spec == m.spec and again.basis_refs == m.basis_refs
    True
    """
    data: dict[str, Any] = model.spec.model_dump(mode="json", exclude_none=True)
    for dotted, ref in model.basis_refs.items():
        *path, last = dotted.split(".")
        node: Any = data
        for key in path:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = dict(ref)
        else:
            node[last] = dict(ref)
    return data


def _partition(frame: Any, recipe: _Recipe) -> Any:
    """Evaluate one partition (a pandas DataFrame)."""
    import pandas as pd

    if len(frame) == 0:
        return pd.DataFrame(
            {c: np.array([], dtype=t) for c, t in output_columns(recipe).items()},
            index=frame.index,
        )
    return recipe.evaluator().evaluate(frame, by_item=recipe.by_item)


def output_columns(recipe: _Recipe) -> dict[str, str]:
    """The columns :meth:`BatchEvaluator.arrays` returns, with their dtypes, without data."""
    ev = recipe.evaluator()
    model = ev.model
    a = ev.template.stated
    priced = set(a.emission_prices) | ({"co2e"} if a.co2_price is not None else set())
    cats = {s.spec.category for s in model.items.values()}
    priced_streams = [n for n, s in model.emissions.items() if s.spec.substance in priced]
    if priced_streams:
        cats.add("externalities")
    out = {
        "total": "float64",
        "annualised": "float64",
        "total_excl_externalities": "float64",
        "total_incl_externalities": "float64",
        "period": "int64",
    }
    out.update({c: "float64" for c in CATEGORIES if c in cats})
    for s in model.emissions.values():
        out[f"{s.spec.substance}_kg"] = "float64"
    if recipe.by_item:
        out.update({f"pv_{n}": "float64" for n in [*model.items, *priced_streams]})
    return out


def evaluate_dask(
    model: str | Path | Mapping[str, Any] | ProductModel,
    frame: Any,
    *,
    units: Mapping[str, str] | None = None,
    assumptions: Mapping[str, Any] | AssumptionsSpec | None = None,
    parameters: Mapping[str, Any] | None = None,
    by_item: bool = False,
    basis: str | Sequence[str] | None = None,
) -> Any:
    """Evaluate a Dask DataFrame partition by partition.

    Parameters
    ----------
    model, units, assumptions, parameters, by_item, basis
        As in :func:`tco.evaluate_batch`.
    frame : dask.dataframe.DataFrame
        One row per item, one column per parameter.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy; the columns of :meth:`tco.BatchEvaluator.arrays`, with the
        input's index and partitions. Call ``.compute()`` or write it out
        (``.to_parquet(...)``).

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> df = pd.DataFrame({"price": [1450.0, 1100.0, 1890.0], "power": [32.0, 41.0, 27.0],
    ...                    "rated_life": [50000.0, 35000.0, 70000.0]})
    >>> lazy = evaluate_dask("indoor-lighting", dd.from_pandas(df, npartitions=2),
    ...                      assumptions={"period": "15 year"})
    >>> lazy.npartitions
    2
    >>> lazy.compute(scheduler="sync")["total"].round(2).tolist()
    [4176.58, 4951.83, 3884.88]
    """
    import pandas as pd

    if isinstance(assumptions, AssumptionsSpec):
        assumptions = assumptions.model_dump(exclude_defaults=True)
    recipe = _Recipe(
        _model_source(model),
        dict(assumptions or {}),
        dict(parameters or {}),
        dict(units or {}),
        by_item,
        basis_arg(basis),
    )
    meta = pd.DataFrame(
        {c: np.array([], dtype=t) for c, t in output_columns(recipe).items()},
        index=frame._meta.index,
    )
    return frame.map_partitions(_partition, recipe, meta=meta)
