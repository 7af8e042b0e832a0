"""Tables in and out of the batch API: pandas, polars, pyarrow or a mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["read_columns", "wrap"]


def read_columns(table: Any) -> tuple[list[str], Any, Any]:
    """Column names, a getter of float arrays, and the row labels of a table."""
    module = type(table).__module__.split(".")[0]
    if module == "pandas":
        names = [str(c) for c in table.columns]
        cols = list(table.columns)
        return (
            names,
            lambda i: table[cols[i]].to_numpy(dtype=np.float64),
            table.index,
        )
    if module == "polars":
        return (
            list(table.columns),
            lambda i: table.get_column(table.columns[i]).to_numpy().astype(np.float64),
            None,
        )
    if module == "pyarrow":
        return (
            list(table.column_names),
            lambda i: table.column(i).to_numpy().astype(np.float64),
            None,
        )
    if isinstance(table, Mapping):
        keys = list(table)
        return ([str(k) for k in keys], lambda i: np.asarray(table[keys[i]], np.float64), None)
    raise TypeError(
        "a batch table is a pandas or polars DataFrame, a pyarrow Table or a mapping of "
        f"column name to array, not {type(table).__name__}"
    )


def wrap(table: Any, out: dict[str, NDArray[Any]]) -> Any:
    """Return ``out`` in the kind of table the input was."""
    module = type(table).__module__.split(".")[0]
    if module == "pandas":
        import pandas as pd

        # The engine's columns are arrays of their own: the frame takes them without a
        # copy, except an array that stands in two columns (total and its variant).
        return pd.DataFrame(_distinct(out), index=table.index, copy=False)
    if module == "polars":
        import polars as pl

        return pl.DataFrame(out)
    if module == "pyarrow":
        import pyarrow as pa

        return pa.table(out)
    return out


def _distinct(out: dict[str, NDArray[Any]]) -> dict[str, NDArray[Any]]:
    """The columns with every array object used once (a repeated one copied).

    Examples
    --------
    >>> a = np.zeros(2)
    >>> cols = _distinct({"x": a, "y": a})
    >>> cols["x"] is a, cols["y"] is a
    (True, False)
    """
    seen: set[int] = set()
    cols: dict[str, NDArray[Any]] = {}
    for key, values in out.items():
        cols[key] = values.copy() if id(values) in seen else values
        seen.add(id(values))
    return cols
