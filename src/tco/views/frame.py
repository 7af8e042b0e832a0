"""pandas views of a result (the ``pandas`` extra; pandas is imported only when used).

:meth:`tco.result.Result.to_frame` gives the long table (one row per bid,
item and year) and the summary (one row per bid); this module adds wide
tables: bids against cost categories or items, and bids and items against
years.

Examples
--------
>>> import tco
>>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
>>> list(wide_frame(r).columns)
['acquisition', 'use', 'externalities', 'total']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from tco.io.optional import require

if TYPE_CHECKING:
    import pandas as pd

    from tco.result import Result

__all__ = ["cash_flow_frame", "wide_frame"]


def _pandas() -> Any:
    return require("pandas", "pandas")


def wide_frame(result: Result, by: str = "category") -> pd.DataFrame:
    """Present value per bid, one column per cost category (or item), and the total.

    Parameters
    ----------
    result : Result
    by : {"category", "item"}
        The columns: the cost categories that occur (in the order of
        :data:`tco.spec.schema.CATEGORIES`) or the items.

    Returns
    -------
    pandas.DataFrame
        Index ``bid`` in rank order; the columns add up to ``total``. [currency]
    """
    pdm = _pandas()
    order = np.argsort(result.rank, kind="stable")
    if by == "category":
        cols = result.by_category
    elif by == "item":
        cols = result.by_item
    else:
        raise ValueError(f"by must be 'category' or 'item', got {by!r}")
    data = {name: values[order] for name, values in cols.items()}
    data["total"] = result.total[order]
    frame: pd.DataFrame = pdm.DataFrame(
        data, index=pdm.Index([result.bids[i] for i in order], name="bid")
    )
    frame.columns.name = result.currency
    return frame


def cash_flow_frame(result: Result, kind: str = "discounted") -> pd.DataFrame:
    """Yearly cash flows, one row per bid and item, one column per year.

    Parameters
    ----------
    result : Result
    kind : {"real", "nominal", "discounted"}
        Which flows (see :class:`~tco.result.Result`).

    Returns
    -------
    pandas.DataFrame
        Index (``bid``, ``item``), columns the years 0 .. T. [currency]
    """
    pdm = _pandas()
    if kind not in ("real", "nominal", "discounted"):
        raise ValueError(f"kind must be 'real', 'nominal' or 'discounted', got {kind!r}")
    flows = getattr(result, kind)
    B, I, Y = flows.shape
    index = pdm.MultiIndex.from_product(
        [list(result.bids), list(result.items)], names=["bid", "item"]
    )
    frame: pd.DataFrame = pdm.DataFrame(
        flows.reshape(B * I, Y), index=index, columns=result.years.tolist()
    )
    frame.columns.name = "year"
    return frame
