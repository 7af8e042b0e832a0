"""A tender's assumptions read into plain numbers: currency, period, quantity, prices.

:class:`AssumptionReader` is the first half of the tender's plan builder
(:func:`tco.plan.compiler.compile_plan`): on top of the rates
(:class:`~tco.plan.rates.RateReader`) it reads the currency and exchange
rates, the study period, the quantity, the residual-value rule and the
emission prices, recording every problem with its field path. Values are
parsed once per text (:mod:`tco.plan.values`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.errors import LimitError, SpecError, suggest, suggest_name
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.plan.arrays import PlanStream
from tco.plan.rates import PLAUSIBLE_RATES, RateReader, Where
from tco.plan.values import magnitude, price_per_kg
from tco.spec.schema import ResidualShare
from tco.units import CURRENCIES, parse_quantity, parse_value

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["PLAUSIBLE_RATES", "Where"]

Array = NDArray[np.float64]
_AP: Where = ("assumptions",)


class AssumptionReader(RateReader):
    """The assumptions phases of the plan builder (the rates in :class:`RateReader`).

    Parameters
    ----------
    tender : TenderSpec
    model : ProductModel
    file : str, optional
        The tender file, for messages.
    """

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
                says=("residual_share", {"value": raw.share}),
            )
        return "share", share

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
                says=(
                    "unknown_currency",
                    {"name": currency, "hint": suggest_name(currency, CURRENCIES)},
                ),
            )
            currency = "DKK"
        self.currency = currency
        for code, raw in a.exchange_rates.items():
            path: Where = (*_AP, "exchange_rates", code)
            if code not in CURRENCIES:
                self.fail(
                    f"unknown currency '{code}'{suggest(code, CURRENCIES)}",
                    path,
                    code,
                    says=(
                        "unknown_currency",
                        {"name": code, "hint": suggest_name(code, CURRENCIES)},
                    ),
                )
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
                    says=("positive_rate", {"value": raw}),
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
            ).speaks("too_many_bids", n_q=self.B, cap_q=MAX_BIDS)
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
                says=("period_years", {"value": a.period, "cap": MAX_PERIOD}),
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
                says=("quantity_positive", {"value": raw}),
            )
            return 1.0
        return quantity

    def emission_price_values(self) -> None:
        """Read every emission price given, so that a bad one is reported with the rest.

        The first phase, before the period is known: each value of ``co2_price`` and
        ``emission_prices`` (each year's of a path) is read as money per mass;
        :meth:`emission_prices` builds the prices per year once every value reads.
        """
        a, rates = self.a, tuple(sorted(self.rates.items()))
        given = [(a.co2_price, (*_AP, "co2_price"))] if a.co2_price is not None else []
        given += [(raw, (*_AP, "emission_prices", sub)) for sub, raw in a.emission_prices.items()]
        for raw, path in given:
            values = list(enumerate(raw)) if isinstance(raw, list) else [(None, raw)]
            for t, x in values:
                if not isinstance(x, (str, int, float)) or isinstance(x, bool):
                    continue  # a mapping or a flag: emission_prices says what belongs there
                try:
                    price_per_kg(x, self.currency, rates)
                except SpecError as err:
                    self.add(err, path if t is None else (*path, t))

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
                    says=(
                        "emits_no",
                        {
                            "name": sub,
                            "hint": suggest_name(sub, substances),
                            "names_list": sorted(substances),
                        },
                    ),
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
                    says=("prices_too_short", {"n": len(raw), "years": T}),
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
