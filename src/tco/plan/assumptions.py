"""A tender's assumptions read into plain numbers: currency, rates, period, escalation, prices.

:class:`AssumptionReader` is the first half of the tender's plan builder
(:func:`tco.plan.compiler.compile_plan`): it reads the assumptions of a
tender (merged over its basis and the model's defaults), records every
problem with its field path, and parses each value as written once per
process (the caches below), so a tender loaded again costs no pint work.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import escalation_index, fisher_real_rate
from tco.errors import ErrorList, LimitError, SpecError, suggest
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.plan.arrays import PlanStream
from tco.plan.bases import basis_inputs
from tco.plan.values import convert_money, magnitude, price_per_kg, rate_value
from tco.spec.product import ProductModel
from tco.spec.schema import AssumptionsSpec, ResidualShare, TenderSpec
from tco.units import (
    CURRENCIES,
    parse_quantity,
    parse_value,
)

__all__ = ["PLAUSIBLE_RATES", "AssumptionReader", "Where"]

#: Plausible range of each kind of rate (as fractions per year); a rate outside it is
#: refused unless the tender sets ``allow_unusual_rates: true`` (docs/spec.md).
PLAUSIBLE_RATES: dict[str, tuple[float, float]] = {
    "discount_rate": (-0.05, 0.20),
    "inflation": (-0.05, 0.20),
    "escalation": (-0.20, 0.30),
}

Array = NDArray[np.float64]
Where = tuple[str | int, ...]
_AP: Where = ("assumptions",)

_DEFAULTS = AssumptionsSpec(
    discount_rate="4 %",
    rate_type="real",
    inflation=0.0,
    quantity=1.0,
    discounting="end",
    price_year=0,
)


class AssumptionReader:
    """The assumptions phases of the plan builder, sharing the tender, model and errors.

    Parameters
    ----------
    tender : TenderSpec
    model : ProductModel
    file : str, optional
        The tender file, for messages.
    """

    def __init__(self, tender: TenderSpec, model: ProductModel, file: str | None) -> None:
        self.tender = tender
        self.model = model
        self.file = file
        self.errors = ErrorList()
        self.bases = basis_inputs(tender, model, file)
        self.a = _DEFAULTS.merged(self.bases.assumptions).merged(tender.assumptions)
        self.B = len(tender.bids)
        self.currency = "DKK"
        self.rates: dict[str, float] = {}

    # -- helpers ------------------------------------------------------------------------
    def fail(
        self, message: str, path: Sequence[str | int], value: Any = None, expected: str = ""
    ) -> None:
        """Record a problem at ``path``."""
        self.errors.add(
            SpecError(message, file=self.file, path=path, value=value, expected=expected or None)
        )

    def add(self, err: SpecError, path: Sequence[str | int]) -> None:
        """Record an error raised by a parser, located at ``path``."""
        self.errors.add(err.located(self.file, path))

    def money(self, q: Any, target: str | None = None) -> Any:
        """Express the money in ``q`` in ``target`` (the tender's currency by default).

        A :class:`CurrencyError` is raised unlocated; the caller adds the path.
        """
        return convert_money(q, self.currency, self.rates, target)

    def rate(self, raw: Any, path: Sequence[str | int], kind: str = "escalation") -> float | None:
        """A rate per year (``4 %`` or ``2 %/year``) as a plain number above -1.

        A bare number is a rate only as a plain fraction (``0.04``); a rate outside the
        plausible range of its ``kind`` (:data:`PLAUSIBLE_RATES`) is refused unless the
        tender says ``allow_unusual_rates: true``.
        """
        try:
            value = rate_value(raw)
        except SpecError as err:
            self.add(err, path)
            return None
        if value is None:
            self.fail(f"got '{raw}', expected a rate such as '4 %' or '2 %/year'", path, raw)
            return None
        if value <= -1.0:
            self.fail(f"got '{raw}', a rate must be above -100 %", path, raw, "a rate above -100 %")
            return None
        low, high = PLAUSIBLE_RATES[kind]
        if not low <= value <= high and not self.a.allow_unusual_rates:
            self.fail(
                f"got '{raw}', which is {value * 100:.4g} %: outside the plausible range "
                f"{low * 100:g} % to {high * 100:g} % of {kind.replace('_', ' ')}; check the "
                "value (a rate is written '4 %'), or set 'allow_unusual_rates: true' under "
                "assumptions if it is meant",
                path,
                raw,
                f"a rate from {low * 100:g} % to {high * 100:g} %",
            )
            return None
        return value

    def residual_rule(self) -> tuple[str, float]:
        """The residual-value rule, and the stated share for ``{share: 20 %}``."""
        raw = self.a.residual_value or self.model.spec.residual_value
        if not isinstance(raw, ResidualShare):
            return str(raw), 0.0
        path = (*_AP, "residual_value", "share")
        try:
            q = parse_quantity(raw.share)
        except SpecError as err:
            self.add(err, path)
            return "share", 0.0
        share = float(q.to("dimensionless").magnitude) if q.dimensionless else math.nan
        if not 0.0 <= share <= 1.0:
            self.fail(
                f"got '{raw.share}', expected a share of the initial cost from 0 % to 100 %",
                path,
                raw.share,
                "a share such as '20 %'",
            )
        return "share", share

    def discount(self, raw: Any) -> float | None:
        """The discount rate; for a schedule of bands, year 1's (the bands kept for later).

        A schedule is a list of bands ``{to: 35, rate: 3.5 %}``, the years
        ``1 .. to`` after the previous band; the last band may omit ``to`` to
        run to the end of the period.
        """
        path = (*_AP, "discount_rate")
        self.bands: list[tuple[int | None, float]] = []
        if not isinstance(raw, list):
            return self.rate(raw, path, "discount_rate")
        previous = 0
        for k, band in enumerate(raw):
            where = (*path, k)
            unknown = set(band) - {"to", "rate"}
            if unknown or "rate" not in band:
                self.fail(
                    "a band of a discount-rate schedule is {to: YEAR, rate: RATE}, as "
                    "{to: 35, rate: 3.5 %} (the last band may omit 'to')",
                    where,
                    band,
                    "{to: YEAR, rate: RATE}",
                )
                continue
            to = band.get("to")
            if to is not None and (
                isinstance(to, bool) or not isinstance(to, int) or to <= previous
            ):
                self.fail(
                    f"got 'to: {to}', expected a whole year after {previous} (bands in order)",
                    (*where, "to"),
                    to,
                    f"a year after {previous}",
                )
                continue
            if to is None and k != len(raw) - 1:
                self.fail(
                    "only the last band may omit 'to'", where, band, "a 'to' year on this band"
                )
                continue
            r = self.rate(band["rate"], (*where, "rate"), "discount_rate")
            if r is None:
                continue
            self.bands.append((to, r))
            previous = to or previous
        if not raw:
            self.fail("a discount-rate schedule needs at least one band", path, raw)
        return self.bands[0][1] if self.bands else None

    def discount_path(self, T: int, nominal: bool, inflation: float) -> Array | None:
        """The rate of each year ``1 .. T`` of a schedule (``None`` for one rate)."""
        if not self.bands:
            return None
        out = np.empty(T)
        start = 0
        for to, r in self.bands:
            end = T if to is None else min(to, T)
            out[start:end] = r
            start = max(start, end)
        if start < T:
            last = self.bands[-1][0]
            self.fail(
                f"the discount-rate schedule gives rates for years 1-{last} only, but the period "
                f"has {T} years; add a last band without 'to' for the later years (a basis that "
                "does not confirm them, such as dk-fm-2021 after year 70, leaves them to you)",
                (*_AP, "discount_rate"),
                expected=f"rates for years 1-{T}",
            )
            return None
        if nominal:
            out = fisher_real_rate(out, inflation)
        return out

    # -- phases ---------------------------------------------------------------------------
    def currency_and_rates(self) -> None:
        """The tender's currency and its exchange rates."""
        a, model = self.a, self.model
        currency = a.currency
        if currency is None:
            currency = model.currencies[0] if len(model.currencies) == 1 else "DKK"
        if currency not in CURRENCIES:
            self.fail(
                f"unknown currency '{currency}'{suggest(currency, CURRENCIES)}",
                (*_AP, "currency"),
                currency,
                "one of " + ", ".join(CURRENCIES),
            )
            currency = "DKK"
        self.currency = currency
        for code, raw in a.exchange_rates.items():
            path: Where = (*_AP, "exchange_rates", code)
            if code not in CURRENCIES:
                self.fail(f"unknown currency '{code}'{suggest(code, CURRENCIES)}", path, code)
                continue
            try:
                value = magnitude(raw, currency, currency)
            except SpecError as err:
                self.add(err, path)
                continue
            if not value > 0:
                self.fail(
                    f"got '{raw}', expected a positive rate",
                    path,
                    raw,
                    f"a rate such as '7.46 {currency}'",
                )
                continue
            self.rates[code] = value

    def study_period(self) -> float | None:
        """The common study period in years, or ``None`` for ``period: lifetime``."""
        a = self.a
        if self.B > MAX_BIDS:
            raise LimitError(
                f"{self.B} bids; a tender holds at most {MAX_BIDS} (use the batch API for "
                "catalogues)",
                file=self.file,
                path=("bids",),
            )
        path = (*_AP, "period")
        if a.period is None or str(a.period).strip() == "lifetime":
            if self.model.lifetime is not None:
                return None
            self.fail(
                "the model has no lifetime, so the tender must give a study period such as "
                "'15 year'",
                path,
                a.period,
                "a period such as '15 year'",
            )
            return 1.0
        try:
            years = magnitude(a.period, "year", "year")
        except SpecError as err:
            self.add(err, path)
            return 1.0
        if not (abs(years - round(years)) < 1e-9 and 1 <= round(years) <= MAX_PERIOD):
            self.fail(
                f"got '{a.period}', expected a whole number of years from 1 to {MAX_PERIOD}",
                path,
                a.period,
                f"a whole number of years from 1 to {MAX_PERIOD}",
            )
            return 1.0
        return years

    def quantity(self) -> float:
        """The number of functional units bought."""
        raw = self.a.quantity if self.a.quantity is not None else 1.0
        try:
            quantity = float(parse_value(raw, "", path=(*_AP, "quantity")).magnitude)
        except SpecError as err:
            self.add(err, ())
            return 1.0
        if not (math.isfinite(quantity) and quantity > 0):
            self.fail(
                f"got {raw}, expected a number of units above 0 such as '200'",
                (*_AP, "quantity"),
                raw,
                "a number above 0",
            )
            return 1.0
        return quantity

    def escalation_rates(self) -> dict[str, Any]:
        """Each escalation group's rate or path as written, the tender's over the model's."""
        groups = self.model.escalation_groups
        out: dict[str, Any] = dict(self.bases.escalation)
        for name, raw in self.a.escalation.items():
            if name not in groups:
                self.fail(
                    f"unknown escalation '{name}'{suggest(name, groups)}; the model's "
                    "escalations are " + (", ".join(groups) or "none"),
                    (*_AP, "escalation", name),
                    name,
                )
                continue
            out[name] = raw
        return out

    def escalation_indices(
        self, rates: dict[str, Any], T: int, nominal: bool, inflation: float
    ) -> dict[str, Array]:
        """Real price index per year of each escalation group."""
        a = self.a
        indices: dict[str, Array] = {}
        for name in self.model.escalation_groups:
            raw = rates.get(name, 0.0)
            path: Where = (
                (*_AP, "escalation", name)
                if name in a.escalation
                else ("model", "escalation", name)
            )
            if isinstance(raw, list):
                if len(raw) < T:
                    self.fail(
                        f"gives {len(raw)} yearly rates but the period has {T} years; "
                        "give one per year",
                        path,
                        expected=f"at least {T} rates",
                    )
                    continue
                rs = [self.rate(x, (*path, k)) for k, x in enumerate(raw[:T])]
                if any(x is None for x in rs):
                    continue
                values = np.array(rs, dtype=np.float64)
            else:
                one = self.rate(raw, path)
                if one is None:
                    continue
                values = np.full(T, one)
            if nominal:
                values = fisher_real_rate(values, inflation)
            with np.errstate(over="ignore", invalid="ignore"):
                index = escalation_index(values, T, a.price_year or 0)
            if not np.all(np.isfinite(index)) or not np.all(index > 0):
                self.fail(
                    f"the price index of '{name}' over {T} years leaves the range of "
                    "floating-point numbers; use a smaller rate or a shorter period",
                    path,
                    raw,
                    "an escalation whose price index stays finite",
                )
                continue
            indices[name] = index
        return indices

    def emission_prices(self, emissions: Sequence[PlanStream], T: int) -> dict[str, Array]:
        """Price per kg of each priced substance, per year. [currency/kg]

        A price is one value for every year or a path: a list of one price per
        year ``1 .. T`` (year 0 takes year 1's), as a CO2 price path by year.
        """
        a, currency = self.a, self.currency
        given: dict[str, tuple[Any, Where]] = {}
        if a.co2_price is not None:
            given["co2e"] = (a.co2_price, (*_AP, "co2_price"))
        for sub, raw in a.emission_prices.items():
            given[sub] = (raw, (*_AP, "emission_prices", sub))
        substances = {e.substance for e in emissions}
        prices: dict[str, Array] = {}
        for sub, (raw, path) in given.items():
            if sub not in substances and sub != "co2e":
                self.fail(
                    f"the model emits no '{sub}'{suggest(sub, substances)}; it emits "
                    + (", ".join(sorted(substances)) or "nothing"),
                    path,
                    sub,
                )
                continue
            rates = tuple(sorted(self.rates.items()))
            if not isinstance(raw, list):
                try:
                    if not isinstance(raw, (str, int, float)):
                        parse_quantity(raw)  # a mapping: raises, saying a value belongs here
                    prices[sub] = np.full(T + 1, price_per_kg(raw, currency, rates))
                except SpecError as err:
                    self.add(err, path)
                continue
            if len(raw) < T:
                self.fail(
                    f"gives {len(raw)} yearly prices but the period has {T} years; give one "
                    "per year",
                    path,
                    expected=f"at least {T} prices",
                )
                continue
            path_prices = np.empty(T + 1)
            ok = True
            for t, x in enumerate(raw[:T]):
                try:
                    path_prices[t + 1] = price_per_kg(x, currency, rates)
                except SpecError as err:
                    self.add(err, (*path, t))
                    ok = False
            if ok:
                path_prices[0] = path_prices[1] if T else 0.0
                prices[sub] = path_prices
        return prices

    # -- all of it ----------------------------------------------------------------------------
