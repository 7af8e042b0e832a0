"""Tables in and out of the batch API: pandas, polars, pyarrow or a mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def read_columns(table: Any) -> tuple[list[str], Any, Any]:
    """Column names, a getter of float arrays, and the row labels of a table.

    A column of text or of truth values is refused by the getter (``ValueError``):
    converting it would read ``'1.450'`` as 1.45 and ``True`` as 1.
    """
    module = type(table).__module__.split(".")[0]
    if module == "pandas":
        from pandas.api.types import is_bool_dtype, is_numeric_dtype

        cols = list(table.columns)

        def pandas_column(i: int) -> NDArray[np.float64]:
            col = table.iloc[:, i]  # by position: a label given twice is refused, not a frame
            if not is_numeric_dtype(col.dtype) or is_bool_dtype(col.dtype):
                raise ValueError(_not_numbers(col.to_numpy()))
            out: NDArray[np.float64] = col.to_numpy(dtype=np.float64)
            return out

        return [str(c) for c in cols], pandas_column, table.index
    if module == "polars":
        return (
            list(table.columns),
            lambda i: floats(table.get_column(table.columns[i]).to_numpy()),
            None,
        )
    if module == "pyarrow":
        return list(table.column_names), lambda i: floats(table.column(i).to_numpy()), None
    if isinstance(table, Mapping):
        keys = list(table)
        return [str(k) for k in keys], lambda i: floats(table[keys[i]]), None
    raise TypeError(
        "a batch table is a pandas or polars DataFrame, a pyarrow Table or a mapping of "
        f"column name to array, not {type(table).__name__}"
    )


def floats(values: Any) -> NDArray[np.float64]:
    """A column of numbers as float64; text or truth values raise ``ValueError``.

    Examples
    --------
    >>> floats([1450, 2.13]).tolist()
    [1450.0, 2.13]
    >>> floats(["1.450"])
    Traceback (most recent call last):
    ...
    ValueError: it holds text such as '1.450', not numbers: convert the column to numbers first
    """
    arr = np.asarray(values)
    if arr.dtype.kind not in "iuf":
        raise ValueError(_not_numbers(arr))
    return arr.astype(np.float64, copy=False)


def _not_numbers(arr: Any) -> str:
    first = arr.flat[0] if arr.size else None
    first = first.item() if isinstance(first, np.generic) else first
    what = "true/false values" if arr.dtype.kind == "b" else "text"
    return f"it holds {what} such as {first!r}, not numbers: convert the column to numbers first"


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
