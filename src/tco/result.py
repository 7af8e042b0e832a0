"""The evaluated tender: cash flows, present values, annualised costs, emissions, ranks.

Arrays are on named axes: bid × item × year. ``result.bids``,
``result.items`` and ``result.years`` label them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from tco._deprecation import deprecated_alias
from tco.engine.conventions import award_total
from tco.engine.metrics import rank
from tco.spec.schema import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

    from tco.plan import Plan
    from tco.spec.basis import BasisStamp

__all__ = ["RankedBid", "Result", "ResultAxes", "YearlyFlows", "result_frame", "summary_rows"]

Array = NDArray[np.float64]


class RankedBid(NamedTuple):
    """One bid's name with its numbers: a row of :meth:`Result.ranked`.

    Attributes
    ----------
    rank : int
        1 for the cheapest (bids equal to the cent share a rank).
    bid : str
        The bid's name.
    total : float
        Present value that the award ranks. [currency]
    annualised : float
        Equivalent annual cost of ``total``. [currency/year]
    """

    rank: int
    bid: str
    total: float
    annualised: float


@dataclass(frozen=True)
class YearlyFlows:
    """Yearly cash flows and emissions, built by the year-axis engine on request.

    Attributes
    ----------
    real : ndarray, shape (B, I, T + 1)
        Undiscounted cash flow per bid, item and year. [currency]
    discount : ndarray, shape (I, T + 1)
        Discount factor of each item's flows. [unitless]
    mass : ndarray, shape (B, E, T + 1)
        Emissions per bid, stream and year. [kg]
    """

    real: Array
    discount: Array
    mass: Array

    def present_value(self) -> Array:
        """Present value per bid and item, summed over the years. [currency], shape (B, I)

        Examples
        --------
        >>> f = YearlyFlows(np.ones((1, 1, 3)), np.array([[1.0, 0.5, 0.25]]), np.zeros((1, 0, 3)))
        >>> f.present_value()
        array([[1.75]])
        """
        out: Array = (self.real * self.discount[None, :, :]).sum(axis=-1)
        return out


@dataclass(frozen=True, eq=False)
class ResultAxes:
    """The labels of a result's axes, from its plan (the base of :class:`Result`).

    Attributes
    ----------
    plan : Plan
        The compiled tender the result comes from.
    """

    plan: Plan

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

    @property
    def annualised_at(self) -> str:
        """``"real"`` or ``"nominal"``: the rate of the annualised costs (Plan.annualise_at)."""
        return self.plan.annualise_at

    @property
    def annualising_rate(self) -> float | None:
        """That rate per year, ``None`` under a discount schedule. [unitless per year]"""
        return self.plan.annualising_rate()


@dataclass(frozen=True, eq=False)
class Result(ResultAxes):
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
    pv_by_item : ndarray, shape (B, I)
        Present value per bid and item, from the closed-form engine (the
        same numbers as :attr:`by_item`, as one array). [currency]
    emission_streams, substances : tuple of str
        Emission streams, along axis 1 of the emission arrays, and the
        substance of each.
    emissions_by_stream : ndarray, shape (B, E)
        Mass emitted per bid and emission stream over the period. [kg]
    flows : callable
        Builds the yearly cash flows (:class:`YearlyFlows`) when one of
        :attr:`real`, :attr:`discount`, :attr:`yearly_emissions` is first read.

    Notes
    -----
    Emissions have one name in three shapes: :attr:`emissions` (per
    substance, summed over the streams), :attr:`emissions_by_stream` and
    :attr:`yearly_emissions`. The names of tco 0.1 (``present_value``,
    ``emission_names``, ``emitted``, ``mass``) still read the same arrays, with
    a ``FutureWarning``.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> r.bids[int(r.rank.argmin())] == r.ranking[0]
    True
    """

    items: tuple[str, ...]
    categories: tuple[str, ...]
    pv_by_item: Array = field(repr=False)
    emission_streams: tuple[str, ...]
    substances: tuple[str, ...]
    emissions_by_stream: Array = field(repr=False)
    flows: Callable[[], YearlyFlows] = field(repr=False)

    # -- names of tco 0.1 ---------------------------------------------------------------
    present_value = deprecated_alias[Array]("pv_by_item", since="0.2")
    emission_names = deprecated_alias[tuple[str, ...]]("emission_streams", since="0.2")
    emitted = deprecated_alias[Array]("emissions_by_stream", since="0.2")
    mass = deprecated_alias[Array]("yearly_emissions", since="0.2")

    # -- cash flows ---------------------------------------------------------------------
    @cached_property
    def yearly(self) -> YearlyFlows:
        """The yearly cash flows and emissions (built on first use)."""
        return self.flows()

    @property
    def real(self) -> Array:
        """Undiscounted cash flow per bid, item and year, in constant prices of year 0.

        Residual values are negative. [currency], shape (B, I, T + 1)
        """
        return self.yearly.real

    @property
    def discount(self) -> Array:
        """Discount factor of each item's flows. [unitless], shape (I, T + 1)"""
        return self.yearly.discount

    @property
    def yearly_emissions(self) -> Array:
        """Emissions per bid, stream and year. [kg], shape (B, E, T + 1)"""
        return self.yearly.mass

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
        return award_total(
            self.total_incl_externalities, self.total_excl_externalities, self.externalities_rule
        )

    @cached_property
    def total_incl_externalities(self) -> Array:
        """Present value of all costs per bid, priced externalities included. [currency]"""
        out: Array = self.pv_by_item.sum(axis=-1)
        return out

    @cached_property
    def total_excl_externalities(self) -> Array:
        """Present value per bid without priced externalities. [currency]"""
        keep = np.array([c != "externalities" for c in self.categories], dtype=bool)
        out: Array = self.pv_by_item[:, keep].sum(axis=-1)
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
                out[c] = self.pv_by_item[:, mask].sum(axis=-1)
        return out

    @cached_property
    def by_item(self) -> dict[str, Array]:
        """Present value per bid for each item. [currency]"""
        return {name: self.pv_by_item[:, i] for i, name in enumerate(self.items)}

    @cached_property
    def undiscounted_total(self) -> Array:
        """Sum of real cash flows per bid, without discounting. [currency]"""
        out: Array = self.real.sum(axis=(1, 2))
        return out

    # -- annualised ----------------------------------------------------------------------
    @cached_property
    def annuity_factor(self) -> Array:
        """Uniform present value factor per bid (its own period). [year]"""
        return self.plan.annuity_factors()

    def _annualise(self, total: Array) -> Array:
        return np.asarray(total / self.annuity_factor, dtype=np.float64)

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
        totals = self.emissions_by_stream
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

    def ranked(self) -> list[RankedBid]:
        """Each bid's name with its rank, total and annualised cost, cheapest first.

        :attr:`total`, :attr:`annualised` and :attr:`rank` are arrays in bid
        order (the order of :attr:`bids`, as in the tender file), while
        :attr:`ranking` is cheapest first: pairing ``ranking`` with ``total``
        pairs names with the wrong numbers. Each row here carries its name.

        Returns
        -------
        list of RankedBid
            ``(rank, bid, total, annualised)`` in rank order. [currency], [currency/year]

        Examples
        --------
        >>> import tco
        >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
        >>> r.bids
        ('Lumen Nord', 'Budget Light', 'Premium LED')
        >>> for row in r.ranked():
        ...     print(row.rank, row.bid, round(row.total))
        1 Premium LED 813449
        2 Lumen Nord 878543
        3 Budget Light 1045752
        >>> dict(zip(r.bids, r.total.round()))["Premium LED"]
        np.float64(813449.0)
        """
        order = np.argsort(self.rank, kind="stable").tolist()
        rank, total, annual = self.rank.tolist(), self.total.tolist(), self.annualised.tolist()
        return [RankedBid(int(rank[b]), self.bids[b], total[b], annual[b]) for b in order]

    # -- export ----------------------------------------------------------------------------
    def summary(self) -> list[dict[str, Any]]:
        """One row per bid, in rank order, with totals in plain Python numbers."""
        return summary_rows(self)

    def to_dict(self) -> dict[str, Any]:
        """All numbers as plain Python data: the ``result`` document of the JSON contract.

        The same document as ``tco compare --format json``, with
        ``schema_version`` and ``kind``; its shape is
        ``docs/schema/result.schema.json`` (see :mod:`tco.views.documents`).
        """
        from tco.views.documents import result_document

        return dict(result_document(self))

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
        return result_frame(self, kind)

    def plot(self, kind: str = "breakdown", ax: Any = None, lang: str | None = None) -> Any:
        """Draw a chart and return its matplotlib Axes (see :func:`tco.views.plot.plot`).

        In a notebook the Axes shows itself as the chart's image. ``lang``
        defaults to the language chosen with :func:`tco.set_language`.
        """
        from tco.views.plot import plot

        return plot(self, kind, ax=ax, lang=lang)

    def _repr_html_(self) -> str:
        from tco.views.html import result_html

        return result_html(self)

    def __repr__(self) -> str:
        from tco.views.table import result_table

        return result_table(self)


def summary_rows(result: Result) -> list[dict[str, Any]]:
    """The rows of :meth:`Result.summary`, each array converted to Python numbers once."""
    columns: dict[str, list[Any]] = {
        "rank": result.rank.tolist(),
        "bid": list(result.bids),
        "total": result.total.tolist(),
        "annualised": result.annualised.tolist(),
        "total_excl_externalities": result.total_excl_externalities.tolist(),
        "total_incl_externalities": result.total_incl_externalities.tolist(),
        "annualised_excl_externalities": result.annualised_excl_externalities.tolist(),
        "annualised_incl_externalities": result.annualised_incl_externalities.tolist(),
        "externalities_pv": result.externalities.tolist(),
        "period": result.plan.period.astype(np.int64).tolist(),
    }
    for cat, values in result.by_category.items():
        columns[cat] = values.tolist()
    for sub, values in result.emissions.items():
        columns[f"{sub}_kg"] = np.asarray(values, dtype=np.float64).tolist()
    keys = list(columns)
    return [
        {k: columns[k][b] for k in keys} for b in np.argsort(result.rank, kind="stable").tolist()
    ]


def result_frame(result: Result, kind: str = "long") -> pd.DataFrame:
    """The result as a pandas DataFrame (see :meth:`Result.to_frame`)."""
    from tco.io.optional import require

    pd = require("pandas", "pandas")
    if kind == "summary":
        return pd.DataFrame(result.summary()).set_index("bid")
    if kind == "wide":
        from tco.views.frame import wide_frame

        return wide_frame(result)
    if kind != "long":
        raise ValueError(f"kind must be 'long', 'summary' or 'wide', got {kind!r}")
    B, I, Y = result.real.shape
    return pd.DataFrame(
        {
            "bid": np.repeat(np.array(result.bids, dtype=object), I * Y),
            "item": np.tile(np.repeat(np.array(result.items, dtype=object), Y), B),
            "category": np.tile(np.repeat(np.array(result.categories, dtype=object), Y), B),
            "year": np.tile(result.years, B * I),
            "real": result.real.reshape(-1),
            "nominal": result.nominal.reshape(-1),
            "discounted": result.discounted.reshape(-1),
        }
    )
