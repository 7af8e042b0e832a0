"""The evaluated tender: cash flows, present values, annualised costs, emissions, ranks.

Arrays are on named axes: bid × item × year. ``result.bids``,
``result.items`` and ``result.years`` label them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.metrics import equivalent_annual_cost, rank
from tco.engine.timeline import annuity_factor
from tco.spec.schema import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

    from tco.plan import Plan
    from tco.spec.basis import BasisStamp

__all__ = ["Result"]

Array = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Result:
    """An evaluated tender.

    Attributes
    ----------
    plan : Plan
        The compiled tender the result comes from.
    items : tuple of str
        Cost streams, along axis 1 of the cash flow arrays: the model's items,
        then the priced emission streams (category ``externalities``).
    categories : tuple of str
        Cost category of each item.
    real : ndarray, shape (B, I, T + 1)
        Undiscounted cash flow per bid, item and year, in constant prices of
        year 0 (real terms). Residual values are negative. [currency]
    discount : ndarray, shape (I, T + 1)
        Discount factor of each item's flows. [unitless]
    emission_names, substances : tuple of str
        Emission streams and the substance of each.
    mass : ndarray, shape (B, E, T + 1)
        Emissions per bid, stream and year. [kg]

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> r.bids[int(r.rank.argmin())] == r.ranking[0]
    True
    """

    plan: Plan
    items: tuple[str, ...]
    categories: tuple[str, ...]
    real: Array = field(repr=False)
    discount: Array = field(repr=False)
    emission_names: tuple[str, ...] = ()
    substances: tuple[str, ...] = ()
    mass: Array = field(default_factory=lambda: np.zeros((0, 0, 0)), repr=False)

    # -- labels -----------------------------------------------------------------------
    @property
    def bids(self) -> tuple[str, ...]:
        """Bid names, along axis 0."""
        return self.plan.bids

    @property
    def bases(self) -> tuple[BasisStamp, ...]:
        """The bases used (name, edition, sources), the model's first, then the tender's."""
        return self.plan.bases

    @property
    def currency(self) -> str:
        """The currency of every money amount."""
        return self.plan.currency

    @property
    def years(self) -> NDArray[np.int64]:
        """Years along the last axis, 0 (decision date) to T."""
        return np.arange(self.plan.T + 1)

    # -- cash flows ---------------------------------------------------------------------
    @cached_property
    def discounted(self) -> Array:
        """Discounted cash flow per bid, item and year. [currency], shape (B, I, T + 1)"""
        out: Array = self.real * self.discount[None, :, :]
        return out

    @cached_property
    def nominal(self) -> Array:
        """Cash flow in current prices, ``real * (1 + inflation) ** t``. [currency]"""
        infl = (1.0 + self.plan.inflation) ** self.years.astype(np.float64)
        out: Array = self.real * infl
        return out

    # -- present values -------------------------------------------------------------------
    @cached_property
    def present_value(self) -> Array:
        """Present value per bid and item. [currency], shape (B, I)"""
        out: Array = self.discounted.sum(axis=-1)
        return out

    @property
    def externalities_rule(self) -> str:
        """Whether priced externalities count in the award.

        ``"award"``: they count in the total, annualised cost and rank;
        ``"report"``: they are reported beside them (the Danish EPA tools).
        """
        return self.plan.externalities

    @cached_property
    def total(self) -> Array:
        """Present value per bid that the award ranks. [currency]

        With priced externalities under the rule ``award``, without them under
        ``report``.
        """
        if self.externalities_rule == "report":
            return self.total_excl_externalities
        return self.total_incl_externalities

    @cached_property
    def total_incl_externalities(self) -> Array:
        """Present value of all costs per bid, priced externalities included. [currency]"""
        out: Array = self.present_value.sum(axis=-1)
        return out

    @cached_property
    def total_excl_externalities(self) -> Array:
        """Present value per bid without priced externalities. [currency]"""
        keep = np.array([c != "externalities" for c in self.categories], dtype=bool)
        out: Array = self.present_value[:, keep].sum(axis=-1)
        return out

    @cached_property
    def externalities(self) -> Array:
        """Present value of the priced externalities per bid (0 if none is priced). [currency]"""
        out: Array = self.total_incl_externalities - self.total_excl_externalities
        return out

    @cached_property
    def by_category(self) -> dict[str, Array]:
        """Present value per bid for each cost category that occurs. [currency]"""
        out: dict[str, Array] = {}
        cats = np.array(self.categories)
        for c in CATEGORIES:
            mask = cats == c
            if mask.any():
                out[c] = self.present_value[:, mask].sum(axis=-1)
        return out

    @cached_property
    def by_item(self) -> dict[str, Array]:
        """Present value per bid for each item. [currency]"""
        return {name: self.present_value[:, i] for i, name in enumerate(self.items)}

    @cached_property
    def undiscounted_total(self) -> Array:
        """Sum of real cash flows per bid, without discounting. [currency]"""
        out: Array = self.real.sum(axis=(1, 2))
        return out

    # -- annualised ----------------------------------------------------------------------
    @cached_property
    def annuity_factor(self) -> Array:
        """Uniform present value factor per bid (its own period). [year]"""
        return annuity_factor(self.plan.discount_rate, self.plan.period, self.plan.discounting)  # type: ignore[arg-type]

    def _annualise(self, total: Array) -> Array:
        return equivalent_annual_cost(
            total,
            self.plan.discount_rate,
            self.plan.period,
            timing=self.plan.discounting,  # type: ignore[arg-type]
        )

    @cached_property
    def annualised(self) -> Array:
        """Equivalent annual cost of :attr:`total` per bid (the award figure). [currency/year]"""
        return self._annualise(self.total)

    @cached_property
    def annualised_incl_externalities(self) -> Array:
        """Equivalent annual cost with priced externalities. [currency/year]"""
        return self._annualise(self.total_incl_externalities)

    @cached_property
    def annualised_excl_externalities(self) -> Array:
        """Equivalent annual cost without priced externalities ("TCO pr. år"). [currency/year]"""
        return self._annualise(self.total_excl_externalities)

    # -- emissions -----------------------------------------------------------------------
    @cached_property
    def emissions(self) -> dict[str, Array]:
        """Total emission per bid over the period, per substance. [kg]"""
        out: dict[str, Array] = {}
        totals = self.mass.sum(axis=-1)
        for i, sub in enumerate(self.substances):
            out[sub] = out.get(sub, 0.0) + totals[:, i]
        return out

    # -- ranking --------------------------------------------------------------------------
    @property
    def ranked_by(self) -> str:
        """``"total"``, or ``"annualised"`` when the bids' periods differ."""
        p = self.plan.period
        return "total" if np.all(p == p[0]) else "annualised"

    @cached_property
    def rank(self) -> NDArray[np.int64]:
        """Rank per bid, 1 for the cheapest (equal to the cent share a rank)."""
        return rank(self.total if self.ranked_by == "total" else self.annualised)

    @property
    def ranking(self) -> list[str]:
        """Bid names from cheapest to dearest."""
        order = np.argsort(self.rank, kind="stable")
        return [self.bids[i] for i in order]

    # -- export ----------------------------------------------------------------------------
    def summary(self) -> list[dict[str, Any]]:
        """One row per bid, in rank order, with totals in plain Python numbers."""
        rows = []
        for b in np.argsort(self.rank, kind="stable"):
            row: dict[str, Any] = {
                "rank": int(self.rank[b]),
                "bid": self.bids[b],
                "total": float(self.total[b]),
                "annualised": float(self.annualised[b]),
                "total_excl_externalities": float(self.total_excl_externalities[b]),
                "total_incl_externalities": float(self.total_incl_externalities[b]),
                "annualised_excl_externalities": float(self.annualised_excl_externalities[b]),
                "annualised_incl_externalities": float(self.annualised_incl_externalities[b]),
                "externalities_pv": float(self.externalities[b]),
                "period": int(self.plan.period[b]),
            }
            for cat, values in self.by_category.items():
                row[cat] = float(values[b])
            for sub, values in self.emissions.items():
                row[f"{sub}_kg"] = float(values[b])
            rows.append(row)
        return rows

    def to_dict(self) -> dict[str, Any]:
        """All numbers as plain Python data (the CLI's ``--format json``)."""
        plan = self.plan
        return {
            "model": plan.model.id,
            "title": plan.title,
            "currency": plan.currency,
            "quantity": plan.quantity,
            "discount_rate": plan.discount_rate,
            "discounting": plan.discounting,
            "bases": [b.to_dict() for b in self.bases],
            "externalities": self.externalities_rule,
            "ranked_by": self.ranked_by,
            "years": self.years.tolist(),
            "bids": [
                {
                    **row,
                    "by_item": {
                        k: float(v[self.bids.index(row["bid"])]) for k, v in self.by_item.items()
                    },
                    "cash_flows": {
                        "real": self.real[self.bids.index(row["bid"])].sum(axis=0).tolist(),
                        "discounted": self.discounted[self.bids.index(row["bid"])]
                        .sum(axis=0)
                        .tolist(),
                    },
                }
                for row in self.summary()
            ],
        }

    def to_frame(self, kind: str = "long") -> pd.DataFrame:
        """The result as a pandas DataFrame (needs the ``pandas`` extra).

        Parameters
        ----------
        kind : {"long", "summary", "wide"}
            ``long``: one row per bid, item and year with columns ``bid``,
            ``item``, ``category``, ``year``, ``real``, ``nominal`` and
            ``discounted``. ``summary``: one row per bid (see :meth:`summary`).
            ``wide``: one row per bid, one column per cost category and the
            total (see :func:`tco.views.frame.wide_frame`).
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'tco[pandas]'") from exc
        if kind == "summary":
            return pd.DataFrame(self.summary()).set_index("bid")
        if kind == "wide":
            from tco.views.frame import wide_frame

            return wide_frame(self)
        if kind != "long":
            raise ValueError(f"kind must be 'long', 'summary' or 'wide', got {kind!r}")
        B, I, Y = self.real.shape
        return pd.DataFrame(
            {
                "bid": np.repeat(np.array(self.bids, dtype=object), I * Y),
                "item": np.tile(np.repeat(np.array(self.items, dtype=object), Y), B),
                "category": np.tile(np.repeat(np.array(self.categories, dtype=object), Y), B),
                "year": np.tile(self.years, B * I),
                "real": self.real.reshape(-1),
                "nominal": self.nominal.reshape(-1),
                "discounted": self.discounted.reshape(-1),
            }
        )

    def plot(self, kind: str = "breakdown", ax: Any = None, lang: str = "en") -> Any:
        """Draw a chart and return its matplotlib Axes (see :func:`tco.views.plot.plot`)."""
        from tco.views.plot import plot

        return plot(self, kind, ax=ax, lang=lang)

    def _repr_html_(self) -> str:
        from tco.views.html import result_html

        return result_html(self)

    def __repr__(self) -> str:
        from tco.views.table import result_table

        return result_table(self)
