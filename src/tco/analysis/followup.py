"""Contract follow-up: what the awarded bid cost and emitted each year, against what was bid.

For each recorded year ``t`` the awarded bid is evaluated three times with the
tender's engine, and the year's undiscounted cash flow (constant prices of the
tender, the ``real`` flows of :class:`tco.result.Result`) and CO2e are taken:

* **planned** ``P_t``: the bid's values and the tender's assumptions;
* **supplier** ``S_t``: the values recorded for the bid's own parameters
  (consumption, service price, ...) with the tender's values for the buyer's;
* **actual** ``A_t``: every recorded value.

The deviation ``A_t - P_t`` splits into the part the supplier answers for,
``S_t - P_t`` (the product used more energy than bid, at the planned use and
prices), and the part it does not, ``A_t - S_t`` (use and prices changed; this
part also holds the interaction of the two). The same split is made for
CO2e. Contract clauses (:class:`~tco.analysis.followup_file.Clause`) turn
deviations of a bid parameter beyond a tolerance into a penalty or bonus.

Recorded values are in the tender's terms: prices in the tender's price basis,
before the tender's escalation (a value for year ``t`` replaces the tender's
value, and the tender's escalation still applies to it). See
``docs/after-award.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis.followup_file import FollowUpFile, bid_value, read_follow_up
from tco.errors import SpecError, SpecErrors
from tco.plan.compiler import compile_plan
from tco.spec.schema import BidSpec
from tco.tender import Tender, load_tender

__all__ = ["FollowUp", "follow_up"]

Array = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class FollowUp:
    """The follow-up of an awarded bid, per recorded year.

    Attributes
    ----------
    bid : str
        The awarded bid.
    currency : str
    years : ndarray of int, shape (n,)
        [year]
    planned, supplier, actual : ndarray, shape (n,)
        Cash flow of the year as planned, with the supplier's recorded values,
        and with every recorded value. [currency]
    planned_co2e, supplier_co2e, actual_co2e : ndarray, shape (n,)
        CO2e emitted in the year, the same three ways. [kg]
    clauses : dict of str to ndarray, shape (n,)
        Per clause (by parameter), the penalty (positive: the supplier pays) or
        bonus (negative) of each year. [currency]
    recorded : tuple of dict
        The values recorded in each year. [parameter's unit]
    bid_values : dict of str to float
        The bid's values of the parameters recorded. [parameter's unit]
    """

    bid: str
    currency: str
    years: NDArray[np.int64]
    planned: Array
    supplier: Array
    actual: Array
    planned_co2e: Array
    supplier_co2e: Array
    actual_co2e: Array
    clauses: dict[str, Array] = field(default_factory=dict)
    recorded: tuple[dict[str, float], ...] = ()
    bid_values: dict[str, float] = field(default_factory=dict)
    title: str | None = None

    @property
    def deviation(self) -> Array:
        """``actual - planned`` per year. [currency]"""
        out: Array = self.actual - self.planned
        return out

    @property
    def supplier_part(self) -> Array:
        """``supplier - planned``: what the product's own values changed. [currency]"""
        out: Array = self.supplier - self.planned
        return out

    @property
    def buyer_part(self) -> Array:
        """``actual - supplier``: what use and prices changed. [currency]"""
        out: Array = self.actual - self.supplier
        return out

    @property
    def co2e_deviation(self) -> Array:
        """``actual_co2e - planned_co2e`` per year. [kg]"""
        out: Array = self.actual_co2e - self.planned_co2e
        return out

    @property
    def co2e_supplier_part(self) -> Array:
        """CO2e the product's own values changed. [kg]"""
        out: Array = self.supplier_co2e - self.planned_co2e
        return out

    @property
    def co2e_buyer_part(self) -> Array:
        """CO2e that use and prices changed. [kg]"""
        out: Array = self.actual_co2e - self.supplier_co2e
        return out

    @property
    def clause_total(self) -> Array:
        """Sum of the clauses per year; positive: the supplier pays. [currency]"""
        out: Array = np.zeros(len(self.years))
        for v in self.clauses.values():
            out = out + v
        return out

    def rows(self) -> list[dict[str, Any]]:
        """One row per recorded year, with cumulative deviations."""
        cols = {
            "planned": self.planned,
            "actual": self.actual,
            "deviation": self.deviation,
            "supplier_part": self.supplier_part,
            "buyer_part": self.buyer_part,
            "cumulative_deviation": np.cumsum(self.deviation),
            "cumulative_supplier_part": np.cumsum(self.supplier_part),
            "cumulative_buyer_part": np.cumsum(self.buyer_part),
            "planned_co2e_kg": self.planned_co2e,
            "actual_co2e_kg": self.actual_co2e,
            "co2e_deviation_kg": self.co2e_deviation,
            "co2e_supplier_part_kg": self.co2e_supplier_part,
            "co2e_buyer_part_kg": self.co2e_buyer_part,
            "cumulative_co2e_deviation_kg": np.cumsum(self.co2e_deviation),
            "clauses": self.clause_total,
        }
        lists = {k: v.tolist() for k, v in cols.items()}
        return [
            {"year": int(y), **{k: lists[k][n] for k in lists}}
            for n, y in enumerate(self.years.tolist())
        ]

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (the body of the ``followup`` document).

        Examples
        --------
        >>> import tco
        >>> t = tco.load_tender(tco.example_path("passenger-car"))
        >>> f = follow_up(t, {"bid": "El Mobil",
        ...                   "years": {1: {"annual_distance": "30000 km/year"}}})
        >>> row = f.to_dict()["years"][0]
        >>> row["supplier_part"], row["buyer_part"] > 0
        (0.0, True)
        """
        return {
            "title": self.title,
            "bid": self.bid,
            "currency": self.currency,
            "bid_values": [{"parameter": k, "value": v} for k, v in self.bid_values.items()],
            "years": self.rows(),
            "recorded": [
                {"year": int(y), "values": [{"parameter": k, "value": v} for k, v in r.items()]}
                for y, r in zip(self.years.tolist(), self.recorded, strict=True)
            ],
            "clauses": [
                {"parameter": k, "amounts": v.tolist(), "total": float(v.sum())}
                for k, v in self.clauses.items()
            ],
        }


def _year_flows(
    tender: Tender, bid: BidSpec, buyer: Mapping[str, float], years: list[int]
) -> tuple[Array, Array]:
    """Money and CO2e of one bid in each of ``years``, ``buyer`` values on top. [currency, kg]"""
    params = {**tender.spec.parameters, **buyer}
    spec = tender.spec.model_copy(
        update={"bids": [bid], "parameters": params, "profiles": {}, "scenarios": {}}
    )
    result = Tender(
        spec, tender.model, compile_plan(spec, tender.model, file=tender.file)
    ).evaluate()
    money = result.real[0].sum(axis=0)  # (T + 1,)
    co2 = [k for k, s in enumerate(result.substances) if s == "co2e"]
    mass = result.yearly_emissions[0, co2].sum(axis=0) if co2 else np.zeros_like(money)
    idx = np.asarray(years, dtype=np.int64)
    return money[idx], mass[idx]


def follow_up(
    tender: Tender | str | Path,
    source: str | Path | Mapping[str, Any] | FollowUpFile,
    *,
    file: str | None = None,
) -> FollowUp:
    """Compare what a contract cost and emitted with what the awarded bid promised.

    Parameters
    ----------
    tender : Tender or path
        The tender as awarded.
    source : path, mapping or FollowUpFile
        The follow-up (see :func:`~tco.analysis.followup_file.read_follow_up`).
    file : str, optional
        The file a mapping ``source`` was read from.

    Returns
    -------
    FollowUp

    Examples
    --------
    The electric car used 18 kWh/100 km instead of the 16.5 bid, in year 1:
    25,000 km x 1.5 kWh/100 km = 375 kWh more, each car, ten cars: 3,750 kWh at
    the grid factor of year 1 in the tender's basis, 0.089 kg CO2e/kWh.

    >>> import tco
    >>> t = tco.load_tender(tco.example_path("passenger-car"))
    >>> f = follow_up(t, {"bid": "El Mobil",
    ...                   "years": {1: {"electricity_consumption": "18 kWh/100 km"}}})
    >>> round(float(f.co2e_supplier_part[0]), 3), float(f.buyer_part[0])
    (333.75, 0.0)
    """
    if not isinstance(tender, Tender):
        tender = load_tender(tender)
    f = source if isinstance(source, FollowUpFile) else read_follow_up(source, tender, file=file)
    own = next(b for b in tender.spec.bids if b.name == f.bid)
    bid_params = set(tender.model.bid_parameters)
    years = list(f.years)
    n = len(years)
    out = {k: np.zeros(n) for k in ("P", "S", "A", "Pc", "Sc", "Ac")}
    if n:
        out["P"], out["Pc"] = _year_flows(tender, own, {}, years)
    for k, (year, values) in enumerate(zip(years, f.values, strict=True)):
        mine = {p: v for p, v in values.items() if p in bid_params}
        theirs = {p: v for p, v in values.items() if p not in bid_params}
        try:
            bid = BidSpec.model_validate({**own.model_dump(), **_as_written(tender, mine)})
            s, sc = _year_flows(tender, bid, {}, [year])
            a, ac = (
                _year_flows(tender, bid, _as_written(tender, theirs), [year]) if theirs else (s, sc)
            )
        except SpecError as err:  # said at the follow-up's year, not at the tender
            raise _at_year(err, f.file, year, values) from None
        out["S"][k], out["Sc"][k], out["A"][k], out["Ac"][k] = s[0], sc[0], a[0], ac[0]
    recorded = {p for v in f.values for p in v}
    bid_values = {p: bid_value(tender, f.bid, p) for p in sorted(recorded & bid_params)}
    clauses: dict[str, Array] = {}
    for c in f.clauses:
        promised = bid_value(tender, f.bid, c.parameter)
        clauses[c.parameter] = np.array(
            [c.amount(promised, v.get(c.parameter, promised)) for v in f.values]
        )
    return FollowUp(
        bid=f.bid,
        currency=tender.plan.currency,
        years=np.asarray(years, dtype=np.int64),
        planned=out["P"],
        supplier=out["S"],
        actual=out["A"],
        planned_co2e=out["Pc"],
        supplier_co2e=out["Sc"],
        actual_co2e=out["Ac"],
        clauses=clauses,
        recorded=f.values,
        bid_values=bid_values,
        title=f.title or tender.plan.title,
    )


def _at_year(err: SpecError, file: str | None, year: int, values: Mapping[str, float]) -> SpecError:
    """``err``, raised by the tender's checks of a recorded value, moved to ``years[year].NAME``."""
    if isinstance(err, SpecErrors):
        return SpecErrors([_at_year(e, file, year, values) for e in err.errors])
    name = next((p for p in reversed(err.path) if isinstance(p, str) and p in values), None)
    out = copy.copy(err)
    out.file = file
    out.path = ("years", year) if name is None else ("years", year, name)
    out.args = (out._render(),)
    return out


def _as_written(tender: Tender, values: Mapping[str, float]) -> dict[str, Any]:
    """Checked values as the tender's parser reads them: a number in the parameter's unit."""
    return {name: float(v) for name, v in values.items() if name in tender.model.parameters}
