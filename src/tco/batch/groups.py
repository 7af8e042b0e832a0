"""Rank catalogue items within their group (a product category), vectorised.

A webshop shows each item's TCO per year beside its price, its rank among the
items of its category and a mark on the lowest-TCO item of each category.
:func:`rank_within_groups` does this for a million rows with one
``numpy.lexsort`` by (group, value): no Python loop over groups.

Ranks follow :func:`tco.engine.metrics.rank`: 1 for the lowest, and values equal
to the cent share a rank (so every item of a tie for the lowest is marked).
Items are ranked by their annualised cost (equivalent annual cost), the fair
comparison between items of unequal lifetimes; where the lifetimes are equal
it ranks as the present value does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.errors import SpecError

__all__ = ["group_codes", "rank_within_groups"]


def group_codes(groups: Any) -> NDArray[np.int64]:
    """An integer code per row, equal for rows of the same group.

    Missing groups (``None``, NaN) form one group of their own.

    Examples
    --------
    >>> group_codes(["b", "a", "b", None]).tolist()
    [1, 0, 1, 2]
    """
    values = np.asarray(groups)
    if values.dtype.kind in "iub":
        _, codes = np.unique(values, return_inverse=True)
        out: NDArray[np.int64] = codes.astype(np.int64).reshape(-1)
        return out
    if values.dtype.kind == "f":
        missing = np.isnan(values)
        known = np.unique(values[~missing])
        out = np.where(missing, len(known), np.searchsorted(known, values)).astype(np.int64)
        return out
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is in the test environment
        keys = np.array(["\0none" if v is None else str(v) for v in values.tolist()])
        _, codes = np.unique(keys, return_inverse=True)
        out = codes.astype(np.int64).reshape(-1)
        return out
    codes, _ = pd.factorize(pd.Series(values, dtype=object), sort=True, use_na_sentinel=True)
    codes = np.asarray(codes, dtype=np.int64)
    out = np.where(codes < 0, codes.max(initial=-1) + 1, codes)
    return out


def rank_within_groups(
    values: ArrayLike, groups: Any, *, decimals: int = 2
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """Rank of each row among the rows of its group, and whether it is the group's lowest.

    Parameters
    ----------
    values : array_like, shape (n,)
        The figure ranked, lowest first (annualised cost). [currency/year]
    groups : array_like, shape (n,)
        The group of each row (any hashable values).
    decimals : int
        Values equal after rounding to this many decimals share a rank.

    Returns
    -------
    rank : ndarray of int64, shape (n,)
        1 for the lowest of its group. A NaN value ranks after every number.
    lowest : ndarray of bool, shape (n,)
        ``rank == 1`` (all of a tie for the lowest).

    Raises
    ------
    SpecError
        When ``groups`` and ``values`` differ in length (also a ``ValueError``).

    Examples
    --------
    >>> r, low = rank_within_groups([30.0, 10.0, 20.0, 5.0, 10.004], ["a", "a", "a", "b", "a"])
    >>> r.tolist(), low.tolist()
    ([4, 1, 3, 1, 1], [False, True, False, True, True])
    """
    v = np.round(np.asarray(values, dtype=np.float64), decimals)
    codes = group_codes(groups)
    n = v.shape[0]
    if codes.shape[0] != n:
        raise SpecError(
            f"got {codes.shape[0]} groups for {n} values; give one group per row",
            value=int(codes.shape[0]),
            expected=f"{n} groups",
        ).speaks("batch_group_count", groups_q=int(codes.shape[0]), n_q=n)
    order = np.lexsort((v, codes))
    c, s = codes[order], v[order]
    idx = np.arange(n, dtype=np.int64)
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = c[1:] != c[:-1]
    new_value = new_group.copy()
    same = s[1:] == s[:-1]
    both_nan = np.isnan(s[1:]) & np.isnan(s[:-1])
    new_value[1:] |= ~(same | both_nan)
    group_first = np.maximum.accumulate(np.where(new_group, idx, 0))
    tie_first = np.maximum.accumulate(np.where(new_value, idx, 0))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = tie_first - group_first + 1
    lowest: NDArray[np.bool_] = rank == 1
    return rank, lowest
