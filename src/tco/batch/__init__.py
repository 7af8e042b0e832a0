"""Catalogue evaluation: one product model over a table of many items.

:class:`BatchEvaluator` evaluates a table (pandas, polars, pyarrow or a
mapping of arrays) with the same engine and checks as a tender;
:func:`evaluate_batch` is the one-call form, and a Dask DataFrame is
evaluated partition by partition (:mod:`tco.batch.dask`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tco.batch.evaluator import BatchEvaluator
from tco.batch.template import basis_arg
from tco.spec.product import ProductModel, bundled_models
from tco.spec.schema import AssumptionsSpec

__all__ = ["BatchEvaluator", "evaluate_batch"]


def evaluate_batch(
    model: str | Path | Mapping[str, Any] | ProductModel,
    table: Any,
    *,
    units: Mapping[str, str] | None = None,
    assumptions: Mapping[str, Any] | AssumptionsSpec | None = None,
    parameters: Mapping[str, Any] | None = None,
    by_item: bool = False,
    group: str | None = None,
    basis: str | Sequence[str] | None = None,
) -> Any:
    """Evaluate one product model over a table of items.

    Parameters
    ----------
    model : str, path, mapping or ProductModel
        The product model (a bundled id such as ``"indoor-lighting"``).
    table : DataFrame, pyarrow Table or mapping of str to array_like, shape (B,)
        One row per item, one column per parameter (see
        :class:`BatchEvaluator`). A Dask DataFrame is evaluated partition by
        partition (:func:`tco.batch.dask.evaluate_dask`).
    units : mapping of str to str, optional
        Unit of each column, as ``{"power": "W"}``.
    assumptions, parameters : mapping, optional
        As in a tender.
    by_item : bool
        Also return each cost item's present value (``pv_<item>``).
    group : str, optional
        A column of the table that is not a parameter but a group (a product
        category). Adds ``group_rank``, each row's rank by annualised cost
        (TCO per year) among the rows of its group, 1 for the lowest, and
        ``group_lowest``, true for the lowest of each group (all of a tie);
        see :mod:`tco.batch.groups`.
    basis : str or list of str, optional
        Bases of official data, as a tender's ``basis:`` (``docs/bases.md``).

    Returns
    -------
    dict of str to ndarray, or a table of the kind given
        Columns ``total``, ``annualised``, ``total_excl_externalities``,
        ``total_incl_externalities``,
        ``period``, the cost categories and ``<substance>_kg``, one value per
        row (see :meth:`BatchEvaluator.arrays`).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"price": [1450.0, 1100.0], "power": [32.0, 41.0],
    ...                    "rated_life": [50000.0, 35000.0]}, index=["A", "B"])
    >>> evaluate_batch("indoor-lighting", df, assumptions={"period": "15 year"})[
    ...     ["total", "annualised"]].round(2)
         total  annualised
    A  4176.58      375.65
    B  4951.83      445.37
    """
    if group is not None:
        return _grouped(model, table, group, units, assumptions, parameters, by_item, basis)
    if type(table).__module__.split(".")[0] == "dask":
        from tco.batch.dask import evaluate_dask

        return evaluate_dask(
            model,
            table,
            units=units,
            assumptions=assumptions,
            parameters=parameters,
            by_item=by_item,
            basis=basis,
        )
    ev = _evaluator(model, assumptions, parameters, units, basis)
    return ev.evaluate(table, by_item=by_item)


def _evaluator(
    model: str | Path | Mapping[str, Any] | ProductModel,
    assumptions: Mapping[str, Any] | AssumptionsSpec | None,
    parameters: Mapping[str, Any] | None,
    units: Mapping[str, str] | None,
    basis: str | Sequence[str] | None = None,
) -> BatchEvaluator:
    """The evaluator of these arguments, reused when they are plain data seen before.

    A bundled model's id or a model mapping, with mappings of assumptions,
    parameters and units and the bases: the key is their JSON text (keys in their order), so only
    equal arguments share an evaluator (which holds no state beyond its caches).
    """
    bundled = isinstance(model, str) and model in bundled_models()
    if (bundled or isinstance(model, Mapping)) and not isinstance(assumptions, AssumptionsSpec):
        args = [model, assumptions or {}, parameters or {}, units or {}, basis_arg(basis)]
        try:
            key = json.dumps(args, allow_nan=False)
        except (TypeError, ValueError):
            key = ""
        if key and json.loads(key) == args:
            return _cached_evaluator(key)
    return BatchEvaluator(model, assumptions, parameters, units=units, basis=basis)


@functools.lru_cache(maxsize=16)
def _cached_evaluator(key: str) -> BatchEvaluator:
    model, assumptions, parameters, units, basis = json.loads(key)
    return BatchEvaluator(model, assumptions, parameters, units=units, basis=basis)


def _grouped(
    model: str | Path | Mapping[str, Any] | ProductModel,
    table: Any,
    group: str,
    units: Mapping[str, str] | None,
    assumptions: Mapping[str, Any] | AssumptionsSpec | None,
    parameters: Mapping[str, Any] | None,
    by_item: bool,
    basis: str | Sequence[str] | None,
) -> Any:
    """:func:`evaluate_batch` with a group column: the rank and lowest flag within groups."""
    import numpy as np

    from tco.batch.groups import rank_within_groups
    from tco.batch.tables import wrap
    from tco.errors import SpecError

    module = type(table).__module__.split(".")[0]
    names = list(table.column_names) if module == "pyarrow" else [str(c) for c in table]
    if module == "dask":
        raise SpecError(
            "a group column is not supported for a Dask DataFrame",
            path=("group",),
            value=group,
            expected="a pandas, polars or pyarrow table, or a mapping",
        ).speaks("batch_group_dask")
    if group not in names:
        raise SpecError(
            f"the table has no column '{group}' to group by",
            path=("group",),
            value=group,
            expected="one of the table's columns: " + ", ".join(names),
        ).speaks("batch_group_no_column", name=group)
    if module == "pandas":
        labels, rest = table[group].to_numpy(), table.drop(columns=[group])
    elif module == "polars":
        labels, rest = table.get_column(group).to_numpy(), table.drop(group)
    elif module == "pyarrow":
        labels, rest = table.column(group).to_numpy(zero_copy_only=False), table.drop([group])
    else:
        labels = np.asarray(table[group])
        rest = {k: v for k, v in table.items() if k != group}
    ev = _evaluator(model, assumptions, parameters, units, basis)
    out = ev.arrays(rest, by_item=by_item)
    out["group_rank"], out["group_lowest"] = rank_within_groups(out["annualised"], labels)
    return wrap(table, out)
