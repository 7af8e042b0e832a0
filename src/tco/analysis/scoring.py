"""Tender scoring: price points from totals, weighted with quality points (MEAT).

Price models (``P`` a bid's total, ``L`` the lowest total, ``M`` the
maximum points; points are clipped to ``[0, M]``):

``proportional``
    ``M * L / P``. The Norwegian procurement agency's "forholdsmessig
    modell" (DFØ, *Veileder i evaluering av tilbud*, "Regne om pris til
    poeng": ``10 x Pb / Pe``).
``linear_slope``
    ``M * (1 - k * (P - L) / L)``, ``k`` the stated slope: a bid
    ``x`` % above the lowest loses ``k * x`` % of the points. With ``k = 1``
    and ``M = 10`` this is DFØ's basic linear model ``10 - 10 x (Pe - Pb) /
    Pb``; Danish tenders state ``k`` (Danish: "lineær model med fast
    hældning", e.g. "1 point less per 10 % above the lowest price").
``linear_ceiling``
    ``M * (C - P) / (C - L)``: linear from ``M`` at the lowest total to 0 at
    a stated ceiling ``C`` (a maximum price or budget).
``linear_range``
    ``M * (H - P) / (H - L)``: linear from ``M`` at the lowest to 0 at the
    highest total ``H`` (every bid ``M`` when all are equal).

Weighted score (the most economically advantageous tender, EU Directive
2014/24/EU, Art. 67): with weights ``w_c`` normalised to sum to 1 over the
price criterion and the quality criteria, ``score = sum_c w_c * points_c``;
quality points are given on the same ``0 .. M`` scale. The highest score
ranks first.

The Danish conversion model (Konkurrence- og Forbrugerstyrelsen's
*Tilbudsvælgeren*: quality points are turned into an amount added to the
price) is :func:`conversion_price`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.errors import SpecError
from tco.result import Result
from tco.tender import Tender

__all__ = [
    "METHODS",
    "ScoreTable",
    "conversion_price",
    "price_points",
    "score",
    "weighted_score",
]

Array = NDArray[np.float64]
Method = Literal["proportional", "linear_slope", "linear_ceiling", "linear_range"]
#: The price models, by name.
METHODS: tuple[str, ...] = ("proportional", "linear_slope", "linear_ceiling", "linear_range")


def price_points(
    totals: ArrayLike,
    method: str = "proportional",
    *,
    max_points: float = 10.0,
    slope: float = 1.0,
    ceiling: float | None = None,
) -> Array:
    """Points for each bid's total under a price model.

    Parameters
    ----------
    totals : array_like, shape (B,)
        The prices compared, such as each bid's life-cycle cost. [currency]
    method : {"proportional", "linear_slope", "linear_ceiling", "linear_range"}
    max_points : float
        Points of the lowest total. [points]
    slope : float
        ``k`` of ``linear_slope``. [unitless]
    ceiling : float, optional
        ``C`` of ``linear_ceiling``. [currency]

    Returns
    -------
    ndarray, shape (B,)
        [points]

    Examples
    --------
    Totals 100, 125 and 200 with 10 points:

    >>> price_points([100.0, 125.0, 200.0])
    array([10., 8., 5.])
    >>> price_points([100.0, 125.0, 200.0], "linear_slope", slope=0.5)
    array([10.  , 8.75, 5.  ])
    >>> price_points([100.0, 125.0, 200.0], "linear_range")
    array([10. , 7.5, 0. ])
    """
    P = np.asarray(totals, dtype=np.float64)
    L = float(P.min())
    M = float(max_points)
    if method == "proportional":
        if L <= 0:
            raise SpecError(
                f"the proportional model needs positive totals; the lowest is {L:g}",
                value=L,
                expected="positive totals",
            ).speaks("scoring_positive", lowest_q=f"{L:g}")
        out = M * L / P
    elif method == "linear_slope":
        if L <= 0:
            raise SpecError(
                "the linear model relative to the lowest needs positive totals; "
                f"the lowest is {L:g}",
                value=L,
                expected="positive totals",
            ).speaks("scoring_linear_positive", lowest_q=f"{L:g}")
        out = M * (1.0 - slope * (P - L) / L)
    elif method == "linear_ceiling":
        if ceiling is None or not ceiling > L:
            raise SpecError(
                f"the linear model to a ceiling needs a ceiling above the lowest total ({L:.2f}); "
                f"got {ceiling}",
                value=ceiling,
                expected=f"a ceiling above {L:.2f}",
            ).speaks("scoring_ceiling", lowest_q=f"{L:.2f}", ceiling_q=str(ceiling))
        out = M * (ceiling - P) / (ceiling - L)
    elif method == "linear_range":
        H = float(P.max())
        out = np.full_like(P, M) if H == L else M * (H - P) / (H - L)
    else:
        raise SpecError(
            f"unknown price model '{method}'; models are " + ", ".join(METHODS),
            value=method,
            expected="one of " + ", ".join(METHODS),
        ).speaks("unknown_price_model", name=method, names_list=list(METHODS))
    result: Array = np.clip(out, 0.0, M)
    return result


def weighted_score(points: Mapping[str, ArrayLike], weights: Mapping[str, float]) -> Array:
    """``sum_c w_c * points_c`` with the weights normalised to sum to 1.

    Examples
    --------
    >>> weighted_score({"price": [10.0, 8.0], "quality": [5.0, 10.0]},
    ...                {"price": 60, "quality": 40})
    array([8. , 8.8])
    """
    missing = [c for c in weights if c not in points]
    if missing:
        raise SpecError(
            f"no points for criterion '{missing[0]}'; criteria with points are "
            + ", ".join(points),
            value=missing[0],
            expected="a criterion with points",
        ).speaks("no_points", name=missing[0], names_list=list(points))
    total = float(sum(weights.values()))
    if not total > 0 or any(w < 0 for w in weights.values()):
        raise SpecError(
            "weights must be zero or positive and not all zero",
            value=dict(weights),
            expected="non-negative weights",
        ).speaks("weights_nonnegative")
    out: Array = sum(  # type: ignore[assignment]
        (w / total) * np.asarray(points[c], dtype=np.float64) for c, w in weights.items()
    )
    return np.asarray(out, dtype=np.float64)


def conversion_price(
    totals: ArrayLike, quality_score: ArrayLike, *, per_point: float, max_points: float = 10.0
) -> Array:
    """Evaluated price of the conversion model: ``P + (M - Q) * v``.

    Each quality point short of the maximum ``M`` adds ``v`` (the stated
    value of one point) to the price; the lowest evaluated price wins.

    Parameters
    ----------
    totals : array_like, shape (B,)
        [currency]
    quality_score : array_like, shape (B,)
        Weighted quality points. [points]
    per_point : float
        Value of one quality point. [currency/point]
    max_points : float
        [points]

    Examples
    --------
    >>> conversion_price([100.0, 125.0], [5.0, 10.0], per_point=10.0)
    array([150., 125.])
    """
    out: Array = np.asarray(totals, dtype=np.float64) + (
        max_points - np.asarray(quality_score, dtype=np.float64)
    ) * float(per_point)
    return out


@dataclass(frozen=True, eq=False)
class ScoreTable:
    """Points, weighted score and rank of every bid.

    Attributes
    ----------
    bids : tuple of str
    totals : ndarray, shape (B,)
        The totals the price points come from. [currency]
    method : str
    max_points : float
    points : dict of str to ndarray, shape (B,)
        Points per criterion, ``"price"`` first. [points]
    weights : dict of str to float
        Normalised weights (summing to 1).
    score : ndarray, shape (B,)
        Weighted score. [points]
    """

    bids: tuple[str, ...]
    totals: Array
    method: str
    max_points: float
    points: dict[str, Array]
    weights: dict[str, float]
    score: Array
    currency: str = ""
    parameters: dict[str, float] = field(default_factory=dict)

    @property
    def rank(self) -> NDArray[np.int64]:
        """Rank per bid, 1 for the highest score; equal scores (to 1e-9) share a rank."""
        s = -np.round(self.score, 9)
        out: NDArray[np.int64] = np.searchsorted(np.sort(s), s, side="left").astype(np.int64) + 1
        return out

    def rows(self) -> list[dict[str, Any]]:
        """One row per bid, best first."""
        out = []
        for b in np.argsort(self.rank, kind="stable"):
            row: dict[str, Any] = {"bid": self.bids[b], "total": float(self.totals[b])}
            for c, p in self.points.items():
                row[c] = float(p[b])
            row["score"] = float(self.score[b])
            row["rank"] = int(self.rank[b])
            out.append(row)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (for JSON)."""
        return {
            "method": self.method,
            "max_points": self.max_points,
            "parameters": self.parameters,
            "currency": self.currency,
            "weights": self.weights,
            "bids": self.rows(),
        }


def score(
    tender: Tender | Result | Sequence[float] | Array,
    method: str | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    quality: Mapping[str, Mapping[str, float]] | None = None,
    bids: Sequence[str] | None = None,
    max_points: float | None = None,
    slope: float | None = None,
    ceiling: float | None = None,
) -> ScoreTable:
    """Score every bid: price points from its total, weighted with quality points.

    Parameters
    ----------
    tender : Tender, Result or array_like
        Where the totals come from (a result's :attr:`~tco.result.Result.total`),
        or the totals themselves (then give ``bids``).
    method : str, optional
        The price model (:data:`METHODS`). By default the tender's
        ``scoring.method`` (the award rule its annex states), else
        ``"proportional"``.
    weights : mapping of str to float, optional
        Criterion -> weight; ``"price"`` is the price criterion. By default
        the tender's ``scoring.weights``, else price only.
    quality : mapping, optional
        Bid -> {criterion: points}. By default each bid's ``quality:`` in
        the tender.
    bids : sequence of str, optional
        Bid names when ``tender`` is an array.
    max_points, slope, ceiling
        As in :func:`price_points`; by default the tender's ``scoring`` values,
        else 10, 1 and none.

    Returns
    -------
    ScoreTable

    Examples
    --------
    >>> t = score([100.0, 125.0, 200.0], bids=["A", "B", "C"],
    ...           weights={"price": 60, "service": 40},
    ...           quality={"A": {"service": 5}, "B": {"service": 10}, "C": {"service": 8}})
    >>> [(r["bid"], round(r["score"], 2)) for r in t.rows()]
    [('B', 8.8), ('A', 8.0), ('C', 6.2)]
    """
    currency = ""
    rule = tender.spec.scoring if isinstance(tender, Tender) else None
    if rule is not None:  # the award rule stated in the tender (and its annex)
        method = method or rule.method
        weights = weights if weights is not None else rule.weights
        max_points = rule.max_points if max_points is None else max_points
        slope = rule.slope if slope is None else slope
        ceiling = rule.ceiling if ceiling is None else ceiling
    method = method or "proportional"
    max_points = 10.0 if max_points is None else max_points
    slope = 1.0 if slope is None else slope
    file = tender.file if isinstance(tender, Tender) else None  # named in a quality error
    if isinstance(tender, Tender):
        if quality is None:
            quality = {b.name: dict(b.quality) for b in tender.spec.bids if b.quality is not None}
        tender = tender.evaluate()
    if isinstance(tender, Result):
        totals = tender.total
        names = tender.bids
        currency = tender.currency
    else:
        totals = np.asarray(tender, dtype=np.float64)
        names = (
            tuple(bids) if bids is not None else tuple(f"bid {k + 1}" for k in range(len(totals)))
        )
        if len(names) != len(totals):
            raise SpecError(
                f"{len(names)} bid names for {len(totals)} totals",
                value=len(names),
                expected=f"{len(totals)} names",
            ).speaks("names_count", n=len(names), count=len(totals))
    quality = quality or {}
    for name in quality:
        if name not in names:
            raise SpecError(
                f"quality points for '{name}', which is not a bid; bids are " + ", ".join(names),
                value=name,
                expected="the name of a bid",
            ).speaks("quality_not_bid", name=name, names_list=list(names))
    weights = dict(weights) if weights else {"price": 1.0}
    points: dict[str, Array] = {
        "price": price_points(totals, method, max_points=max_points, slope=slope, ceiling=ceiling)
    }
    for c in weights:
        if c == "price":
            continue
        vals = []
        for name in names:
            given = quality.get(name, {})
            if c not in given:
                raise SpecError(
                    f"bid '{name}' has no quality points for '{c}'",
                    file=file,
                    path=("bids", names.index(name), "quality", c),
                    expected=f"points from 0 to {max_points:g}",
                ).speaks("no_quality_points", bid=name, name=c)
            p = float(given[c])
            if not 0.0 <= p <= max_points:
                raise SpecError(
                    f"bid '{name}' has {p:g} points for '{c}', outside 0 .. {max_points:g}",
                    file=file,
                    path=("bids", names.index(name), "quality", c),
                    value=p,
                    expected=f"points from 0 to {max_points:g}",
                ).speaks(
                    "points_outside", bid=name, name=c, points_q=f"{p:g}", max_q=f"{max_points:g}"
                )
            vals.append(p)
        points[c] = np.array(vals)
    total_w = float(sum(weights.values()))
    s = weighted_score(points, weights)
    params: dict[str, float] = {}
    if method == "linear_slope":
        params["slope"] = slope
    if method == "linear_ceiling" and ceiling is not None:
        params["ceiling"] = float(ceiling)
    return ScoreTable(
        bids=tuple(names),
        totals=np.asarray(totals, dtype=np.float64),
        method=method,
        max_points=max_points,
        points=points,
        weights={c: w / total_w for c, w in weights.items()},
        score=s,
        currency=currency,
        parameters=params,
    )
