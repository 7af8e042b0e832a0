"""Basket tenders: several product lines per bid, ranked on the basket's total.

Framework agreements and assortment tenders award one supplier a basket: 40
A4 printers and 6 A3 printers, a fleet of cars and vans. The buyer states the
lines and their expected quantities; each bid offers one product per line
(its values of the line model's bid parameters)::

    model: printer
    assumptions: {currency: DKK, discount_rate: 4 %, period: 5 year}
    lines:
      - {name: A4 devices, quantity: 40}
      - {name: A3 devices, quantity: 6, parameters: {pages_per_year: 60000 page/year}}
    bids:
      - name: Supplier X
        lines:
          A4 devices: {price: 9800 DKK, ...}
          A3 devices: {price: 21000 DKK, ...}

Each line is a tender of its own (the basket's assumptions with the line's
quantity, the basket's parameters with the line's on top, one bid per
supplier), checked and compiled on its own; the engine then evaluates every
line and bid in one vectorised pass, the lines' plans stacked as the rows of
one plan (:func:`tco.evaluate.evaluate_plans`; lines of models with other
cost items in a pass of their own). The basket's cost of a bid is the sum
over its lines. Bids are ranked on the basket.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.metrics import rank
from tco.errors import ErrorList, LimitError, SpecError, SpecErrors, suggest
from tco.evaluate import evaluate_plans
from tco.io.resources import bundled_file, bundled_files
from tco.limits import MAX_LINES
from tco.result import Result
from tco.spec.schema import BasketSpec, validate
from tco.tender import Tender, load_tender, read_tender_source

__all__ = ["Basket", "BasketResult", "basket_example_path", "basket_examples", "load_basket"]

Array = NDArray[np.float64]
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Basket:
    """A checked basket tender: one :class:`~tco.tender.Tender` per line.

    Examples
    --------
    >>> import tco
    >>> b = load_basket(basket_example_path("copy-print"))
    >>> b.lines, b.bids[:2]
    (('A4 devices', 'A3 devices'), ('Nordic Print', 'Office Partner'))
    """

    spec: BasketSpec
    tenders: tuple[Tender, ...]
    file: str | None = None

    @property
    def lines(self) -> tuple[str, ...]:
        """The line names, in the order given."""
        return tuple(line.name for line in self.spec.lines)

    @property
    def bids(self) -> tuple[str, ...]:
        """The bid names, in the order given."""
        return tuple(b.name for b in self.spec.bids)

    @property
    def title(self) -> str:
        """The basket's title."""
        return self.spec.title or "basket"

    def evaluate(self) -> BasketResult:
        """Evaluate every line and bid in one pass of the engine, and sum the basket.

        The lines' plans are stacked as the rows of one plan (lines with other
        streams, of a product model with other items, in a pass of their own):
        see :func:`tco.evaluate.evaluate_plans`.
        """
        return BasketResult(self, evaluate_plans([t.plan for t in self.tenders]))


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

    @property
    def by_line(self) -> Array:
        """Present value per line and bid, each line's quantity included. [currency], (L, B)"""
        return np.stack([r.total for r in self.results])

    @property
    def annualised_by_line(self) -> Array:
        """Annualised cost per line and bid. [currency/year], shape (L, B)"""
        return np.stack([r.annualised for r in self.results])

    @property
    def total(self) -> Array:
        """Present value of the basket per bid, the sum over its lines. [currency]"""
        out: Array = self.by_line.sum(axis=0)
        return out

    @property
    def annualised(self) -> Array:
        """Annualised cost of the basket per bid, the sum over its lines. [currency/year]"""
        out: Array = self.annualised_by_line.sum(axis=0)
        return out

    @property
    def ranked_by(self) -> str:
        """``"total"``, or ``"annualised"`` when any line ranks by annualised cost."""
        return "total" if all(r.ranked_by == "total" for r in self.results) else "annualised"

    @property
    def rank(self) -> NDArray[np.int64]:
        """Rank per bid on the basket, 1 the cheapest."""
        return rank(self.total if self.ranked_by == "total" else self.annualised)

    @property
    def ranking(self) -> list[str]:
        """Bid names from cheapest to dearest basket."""
        return [self.bids[i] for i in np.argsort(self.rank, kind="stable")]

    def summary(self) -> list[dict[str, Any]]:
        """One row per bid in rank order: basket total, annualised and each line's total."""
        rows = []
        for b in np.argsort(self.rank, kind="stable"):
            rows.append(
                {
                    "rank": int(self.rank[b]),
                    "bid": self.bids[b],
                    "total": float(self.total[b]),
                    "annualised": float(self.annualised[b]),
                    "lines": [
                        {
                            "line": name,
                            "quantity": float(r.plan.quantity),
                            "total": float(r.total[b]),
                            "annualised": float(r.annualised[b]),
                            "rank": int(r.rank[b]),
                        }
                        for name, r in zip(self.lines, self.results, strict=True)
                    ],
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (for JSON)."""
        return {
            "title": self.basket.title,
            "currency": self.currency,
            "ranked_by": self.ranked_by,
            "lines": [
                {"line": name, "model": r.plan.model.id, "quantity": float(r.plan.quantity)}
                for name, r in zip(self.lines, self.results, strict=True)
            ],
            "bids": self.summary(),
        }


def _model_ref(ref: Any, base: Path) -> Any:
    """A model reference that still works when the line is loaded from a mapping."""
    if isinstance(ref, str) and (ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref):
        p = Path(ref)
        return str(p if p.is_absolute() else base / p)
    return ref


def _moved(err: SpecError, file: str | None, where: Callable[[Path_], Path_]) -> SpecError:
    """``err`` with its path mapped from a line's tender to the basket file."""
    if isinstance(err, SpecErrors):
        return SpecErrors([_moved(e, file, where) for e in err.errors])
    out = copy.copy(err)
    out.path = where(tuple(err.path))
    return out.located(file)


def load_basket(source: str | Path | Mapping[str, Any]) -> Basket:
    """Load a basket tender from a YAML file or a mapping and check every line.

    Raises
    ------
    SpecError
        With every problem found, each at its place in the basket file
        (``bids[1].lines.A3 devices.price``).
    """
    data, file, base = read_tender_source(source)
    spec: BasketSpec = validate(BasketSpec, data, file=file)
    if len(spec.lines) > MAX_LINES:
        raise LimitError(
            f"a basket holds at most {MAX_LINES} lines; this one has {len(spec.lines)}",
            file=file,
            path=("lines",),
            value=len(spec.lines),
            expected=f"at most {MAX_LINES} lines",
        )
    errors = ErrorList()
    names = [line.name for line in spec.lines]
    for j, name in enumerate(names):
        if name in names[:j]:
            errors.add(
                SpecError(f"two lines are named '{name}'", file=file, path=("lines", j, "name"))
            )
    bid_names = [b.name for b in spec.bids]
    for i, bid in enumerate(spec.bids):
        if bid.name in bid_names[:i]:
            errors.add(
                SpecError(f"two bids are named '{bid.name}'", file=file, path=("bids", i, "name"))
            )
        for offered in bid.lines:
            if offered not in names:
                errors.add(
                    SpecError(
                        f"no line named '{offered}'{suggest(offered, names)}; lines are "
                        + ", ".join(names),
                        file=file,
                        path=("bids", i, "lines", offered),
                        expected="the name of a line",
                    )
                )
        for name in names:
            if name not in bid.lines:
                errors.add(
                    SpecError(
                        f"bid '{bid.name}' offers nothing for line '{name}'",
                        file=file,
                        path=("bids", i, "lines"),
                        expected="a product for every line",
                    )
                )
    errors.raise_if_any()
    raw_lines = data["lines"]
    tenders = []
    for j, line in enumerate(spec.lines):
        raw = raw_lines[j]
        model = raw.get("model", data.get("model"))
        if model is None:
            errors.add(
                SpecError(
                    "this line has no model, and the basket names none",
                    file=file,
                    path=("lines", j, "model"),
                    expected="a model for the line or for the basket",
                )
            )
            continue
        sub: dict[str, Any] = {
            "model": _model_ref(model, base),
            "title": f"{spec.title or 'basket'}: {line.name}",
            "assumptions": {**data.get("assumptions", {}), "quantity": line.quantity},
            "parameters": {**data.get("parameters", {}), **raw.get("parameters", {})},
            "bids": [{"name": b["name"], **b["lines"][line.name]} for b in data["bids"]],
        }
        if data.get("basis") is not None:
            sub["basis"] = data["basis"]

        def where(path: Path_, j: int = j, name: str = line.name, raw: Any = raw) -> Path_:
            if path[:1] == ("bids",) and len(path) >= 2:
                return ("bids", path[1], "lines", name, *path[2:])
            if (
                path[:1] == ("parameters",)
                and len(path) >= 2
                and path[1] in raw.get("parameters", {})
            ):
                return ("lines", j, *path)
            if path[:1] == ("model",):
                return ("lines", j, "model", *path[1:]) if "model" in raw else path
            return path

        try:
            # The line is a mapping; its model path may reach the basket file's folder.
            tenders.append(load_tender(sub, allow_paths=[base]))
        except SpecError as err:
            errors.add(_moved(err, file, where))
    errors.raise_if_any()
    return Basket(spec=spec, tenders=tuple(tenders), file=file)


def basket_examples() -> dict[str, Path]:
    """Map the name of every bundled example basket to its file.

    Examples
    --------
    >>> sorted(basket_examples())
    ['car-van-fleet', 'copy-print']
    """
    return bundled_files("examples/baskets")


def basket_example_path(name: str) -> Path:
    """The file of a bundled example basket.

    Raises
    ------
    ModelNotFoundError
        If there is no such example.
    """
    return bundled_file("examples/baskets", name, "example basket")
