"""The evaluated basket: each line's result and the basket's sums, ranked on the basket."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.metrics import rank
from tco.result import Result
from tco.spec.schema import CATEGORIES

if TYPE_CHECKING:
    from tco.basket.load import Basket

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class BasketResult:
    """An evaluated basket: a :class:`~tco.result.Result` per line and the basket's sums.

    Attributes
    ----------
    basket : Basket
    results : tuple of Result
        One per line, its bids in the basket's order.
    """

    basket: Basket
    results: tuple[Result, ...]

    @property
    def bids(self) -> tuple[str, ...]:
        """Bid names."""
        return self.basket.bids

    @property
    def lines(self) -> tuple[str, ...]:
        """Line names."""
        return self.basket.lines

    @property
    def currency(self) -> str:
        """The currency of every amount."""
        return self.results[0].currency

    @cached_property
    def by_line(self) -> Array:
        """Present value per line and bid, each line's quantity included. [currency], (L, B)"""
        return np.stack([r.total for r in self.results])

    @cached_property
    def annualised_by_line(self) -> Array:
        """Annualised cost per line and bid. [currency/year], shape (L, B)"""
        return np.stack([r.annualised for r in self.results])

    @cached_property
    def total(self) -> Array:
        """Present value of the basket per bid, the sum over its lines. [currency]"""
        out: Array = self.by_line.sum(axis=0)
        return out

    @cached_property
    def annualised(self) -> Array:
        """Annualised cost of the basket per bid, the sum over its lines. [currency/year]"""
        out: Array = self.annualised_by_line.sum(axis=0)
        return out

    @cached_property
    def by_category(self) -> dict[str, Array]:
        """Present value of the basket per cost category and bid, summed over the lines.

        The categories in the order of :data:`tco.spec.schema.CATEGORIES` that
        any line has. [currency], each of shape (B,)
        """
        out: dict[str, Array] = {}
        for r in self.results:
            for cat, values in r.by_category.items():
                out[cat] = out.get(cat, np.zeros(len(self.bids))) + values
        return {c: out[c] for c in CATEGORIES if c in out}

    @property
    def quantities(self) -> tuple[float, ...]:
        """The buyer's quantity of each line."""
        return tuple(float(r.plan.quantity) for r in self.results)

    @property
    def ranked_by(self) -> str:
        """``"total"``, or ``"annualised"`` when any line ranks by annualised cost."""
        return "total" if all(r.ranked_by == "total" for r in self.results) else "annualised"

    @cached_property
    def rank(self) -> NDArray[np.int64]:
        """Rank per bid on the basket, 1 the cheapest."""
        return rank(self.total if self.ranked_by == "total" else self.annualised)

    @property
    def ranking(self) -> list[str]:
        """Bid names from cheapest to dearest basket."""
        return [self.bids[i] for i in np.argsort(self.rank, kind="stable")]

    def summary(self) -> list[dict[str, Any]]:
        """One row per bid in rank order: the basket's and each line's totals and categories.

        Each row: ``rank``, ``bid``, ``total``, ``annualised``, ``by_category``
        (the basket's present value per cost category) and ``lines``, one entry
        per line with its ``quantity``, ``total``, ``annualised``, ``rank`` on
        the line and ``by_category``. [currency]
        """
        basket_cats = self.by_category
        line_cats = [r.by_category for r in self.results]
        rows = []
        for b in np.argsort(self.rank, kind="stable"):
            rows.append(
                {
                    "rank": int(self.rank[b]),
                    "bid": self.bids[b],
                    "total": float(self.total[b]),
                    "annualised": float(self.annualised[b]),
                    "by_category": {c: float(v[b]) for c, v in basket_cats.items()},
                    "lines": [
                        {
                            "line": name,
                            "quantity": float(r.plan.quantity),
                            "total": float(r.total[b]),
                            "annualised": float(r.annualised[b]),
                            "rank": int(r.rank[b]),
                            "by_category": {c: float(v[b]) for c, v in cats.items()},
                        }
                        for name, r, cats in zip(self.lines, self.results, line_cats, strict=True)
                    ],
                }
            )
        return rows

    def __repr__(self) -> str:
        """A short summary: lines, bids and the cheapest basket.

        Examples
        --------
        >>> from tco.basket import basket_example_path, load_basket
        >>> load_basket(basket_example_path("copy-print")).evaluate()
        <BasketResult 'Kopi og print, rammeaftale (40 A4 + 6 A3)': 2 lines, 3 bids, DKK, cheapest basket 'Office Partner' (1,847,461 DKK)>
        """  # noqa: E501
        best = self.ranking[0]
        value = self.total if self.ranked_by == "total" else self.annualised
        unit = self.currency if self.ranked_by == "total" else f"{self.currency}/year"
        return (
            f"<BasketResult {self.basket.title!r}: {len(self.lines)} lines, {len(self.bids)} "
            f"bids, {self.currency}, cheapest basket {best!r} "
            f"({value[self.bids.index(best)]:,.0f} {unit})>"
        )

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (for JSON)."""
        return {
            "title": self.basket.title,
            "currency": self.currency,
            "ranked_by": self.ranked_by,
            "lines": [
                {"line": name, "model": r.plan.product.id, "quantity": float(r.plan.quantity)}
                for name, r in zip(self.lines, self.results, strict=True)
            ],
            "bids": self.summary(),
        }
