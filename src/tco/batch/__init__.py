"""Catalogue evaluation: one product model over a table of many items.

:class:`BatchEvaluator` evaluates a table (pandas, polars, pyarrow or a
mapping of arrays) with the same engine and checks as a tender;
:func:`evaluate_batch` is the one-call form, and a Dask DataFrame is
evaluated partition by partition (:mod:`tco.batch.dask`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tco.batch.evaluator import BatchEvaluator
from tco.spec.product import ProductModel
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
    if type(table).__module__.split(".")[0] == "dask":
        from tco.batch.dask import evaluate_dask

        return evaluate_dask(
            model,
            table,
            units=units,
            assumptions=assumptions,
            parameters=parameters,
            by_item=by_item,
        )
    ev = BatchEvaluator(model, assumptions, parameters, units=units)
    return ev.evaluate(table, by_item=by_item)
