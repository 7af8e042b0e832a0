"""Compile a tender: check its values against the model and build the plan.

:func:`compile_plan` is the boundary between the checked world of specs (pint,
pydantic) and the numpy engine: it reads every value of the tender in its
parameter's unit, checks bounds, currencies, rates and periods, reports every
problem at once, and returns a :class:`~tco.plan.Plan` of plain arrays.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import escalation_index, fisher_real_rate
from tco.errors import ErrorList, LimitError, SpecError, suggest
from tco.limits import MAX_BIDS, MAX_PERIOD
from tco.plan.arrays import (
    YEAR_S,
    Plan,
    PlanStream,
    build_streams,
    lifetime_years,
)
from tco.plan.bases import basis_inputs
from tco.plan.checks import check_timings
from tco.spec.product import ProductModel, bound_error
from tco.spec.schema import AssumptionsSpec, TenderSpec
from tco.units import (
    CURRENCIES,
    Quantity,
    base_magnitude,
    convert_currency,
    currencies_of,
    parse_quantity,
    ureg,
)

__all__ = ["compile_plan"]

Array = NDArray[np.float64]

_DEFAULTS = AssumptionsSpec(
    discount_rate="4 %",
    rate_type="real",
    inflation=0.0,
    quantity=1.0,
    discounting="end",
    price_year=0,
)


def compile_plan(tender: TenderSpec, model: ProductModel, *, file: str | None = None) -> Plan:
    """Check a tender against its model and build the plan.

    Every problem found is reported at once (a :class:`~tco.errors.SpecErrors`
    when there are several). The phases are the methods of :class:`_Compiler`.
    """
    return _Compiler(tender, model, file).plan()


Where = tuple[str | int, ...]
_AP: Where = ("assumptions",)


class _Compiler:
    """The phases of :func:`compile_plan`, sharing the tender, model and errors."""

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
        return _money(q, self.currency, self.rates, target)

    def rate(self, raw: Any, path: Sequence[str | int]) -> float | None:
        """A rate per year (``4 %`` or ``2 %/year``) as a plain number above -1."""
        try:
            value = _rate(raw)
        except SpecError as err:
            self.add(err, path)
            return None
        if value is None:
            self.fail(f"got '{raw}', expected a rate such as '4 %' or '2 %/year'", path, raw)
            return None
        if value <= -1.0:
            self.fail(f"got '{raw}', a rate must be above -100 %", path, raw, "a rate above -100 %")
            return None
        return value

    def discount(self, raw: Any) -> float | None:
        """The discount rate (a schedule of bands is not supported here yet)."""
        path = (*_AP, "discount_rate")
        if isinstance(raw, list):
            self.fail(
                "a discount-rate schedule by year band is not supported in this version; "
                "give one rate such as '3.5 %'",
                path,
                raw,
                "one rate such as '3.5 %'",
            )
            return None
        return self.rate(raw, path)

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
                value = _magnitude(raw, currency, currency)
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
            years = _magnitude(a.period, "year", "year")
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
        quantity = float(self.a.quantity if self.a.quantity is not None else 1.0)
        if not math.isfinite(quantity):
            self.fail(f"got {quantity}, expected a finite quantity", (*_AP, "quantity"), quantity)
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

    def check_keys(self) -> None:
        """Buyer values for buyer parameters, bid values for bid parameters."""
        params, tender = self.model.parameters, self.tender
        for key in tender.parameters:
            if key not in params:
                self.fail(
                    f"unknown parameter '{key}'{suggest(key, params)}", ("parameters", key), key
                )
            elif params[key].spec.bid:
                self.fail(
                    f"'{key}' is given by each bid, not by the buyer; move it to the bids",
                    ("parameters", key),
                    key,
                )
        for i, bid in enumerate(tender.bids):
            for key in bid.values:
                if key not in params:
                    self.fail(
                        f"unknown parameter '{key}'{suggest(key, params)}; bids give "
                        + ", ".join(self.model.bid_parameters),
                        ("bids", i, key),
                        key,
                    )
                elif not params[key].spec.bid:
                    self.fail(
                        f"'{key}' is the buyer's assumption, the same for every bid; "
                        "set it under 'parameters' instead",
                        ("bids", i, key),
                        key,
                    )

    def scalar_values(self) -> tuple[dict[str, Array], dict[str, tuple[Any, Where]]]:
        """Each parameter's value per bid in base units; yearly lists kept for later.

        The year axis needs the period, and with ``period: lifetime`` the period
        needs the lifetime, which may depend on bid values: so scalars first.
        """
        tender, B = self.tender, self.B
        scalars: dict[str, Array] = {}
        series: dict[str, tuple[Any, Where]] = {}
        for name, p in self.model.parameters.items():
            raws: list[tuple[Any, Where]]
            default = self.bases.defaults.get(name, p.spec.default)
            if p.spec.bid:
                raws = [
                    (bid.values.get(name, default), ("bids", i, name))
                    for i, bid in enumerate(tender.bids)
                ]
            else:
                raw = tender.parameters.get(name, default)
                where: Where = (
                    ("parameters", name)
                    if name in tender.parameters
                    else ("model", "parameters", name, "default")
                )
                if isinstance(raw, list):
                    if not p.spec.by_year:
                        self.fail(
                            "a list of values is allowed only for a parameter with 'by_year: true'",
                            where,
                            expected="a single value",
                        )
                        continue
                    series[name] = (raw, where)
                    continue
                raws = [(raw, where)] * B
            out = np.empty(B)
            for b, (raw, where) in enumerate(raws):
                if raw is None:
                    self.fail(
                        f"missing value for '{name}' (no default); give " + _describe_param(p),
                        where,
                        expected=_describe_param(p),
                    )
                    continue
                if isinstance(raw, list):
                    self.fail(
                        "a bid gives one value per parameter, not a list",
                        where,
                        expected="a single value",
                    )
                    continue
                q = _quantity(raw, p, where, self.file, self.errors, self.money)
                if q is not None:
                    out[b] = q
            scalars[name] = out
        return scalars, series

    def periods(self, years: float | None, lifetime: Array | None) -> Array:
        """Study period per bid: the common one, or each bid's whole-year lifetime."""
        if years is not None:
            return np.full(self.B, float(round(years)))
        assert lifetime is not None
        rounded = np.round(lifetime)
        off = np.flatnonzero(
            (np.abs(lifetime - rounded) > 1e-6) | (rounded < 1) | (rounded > MAX_PERIOD)
        )
        if off.size:
            raise SpecError(
                f"'period: lifetime' needs whole-year lifetimes from 1 to {MAX_PERIOD}, but bid "
                f"'{self.tender.bids[off[0]].name}' lasts {lifetime[off[0]]:.4g} years; give a "
                "common study period such as '15 year' instead",
                file=self.file,
                path=(*_AP, "period"),
                expected="a study period such as '15 year'",
            )
        out: Array = rounded
        return out

    def series_values(self, series: dict[str, tuple[Any, Where]], T: int) -> dict[str, Array]:
        """Yearly values of ``by_year`` parameters, shape (1, T + 1); year 0 takes year 1's."""
        out: dict[str, Array] = {}
        for name, (raw, where) in series.items():
            p = self.model.parameters[name]
            if len(raw) < T:
                self.fail(
                    f"gives {len(raw)} yearly values but the period has {T} years; "
                    "give one per year",
                    where,
                    expected=f"at least {T} values",
                )
                continue
            vals = np.empty(T + 1)
            for t in range(T):
                q = _quantity(raw[t], p, (*where, t), self.file, self.errors, self.money)
                if q is not None:
                    vals[t + 1] = q
            vals[0] = vals[1] if T >= 1 else 0.0
            out[name] = vals[None, :]
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
        """Price per kg of each priced substance, per year. [currency/kg]"""
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
            try:
                price = _price_per_kg(raw, currency, tuple(sorted(self.rates.items())))
                prices[sub] = np.full(T + 1, price)
            except SpecError as err:
                self.add(err, path)
        return prices

    # -- all of it ----------------------------------------------------------------------------
    def plan(self) -> Plan:
        """Run the phases; raise every problem found before the arrays are built."""
        a, model, tender, errors = self.a, self.model, self.tender, self.errors
        self.currency_and_rates()
        inflation = self.rate(a.inflation, (*_AP, "inflation")) or 0.0
        r = self.discount(a.discount_rate)
        nominal = a.rate_type == "nominal"
        if r is not None and nominal:
            r = float(fisher_real_rate(r, inflation))
        years = self.study_period()
        quantity = self.quantity()
        escalation = self.escalation_rates()
        self.check_keys()
        scalars, series = self.scalar_values()
        errors.raise_if_any()

        names = [b.name for b in tender.bids]
        env: dict[str, Any] = dict(scalars)
        lifetime = lifetime_years(model, env, names, self.file)
        period = self.periods(years, lifetime)
        T = int(period.max())
        env.update(self.series_values(series, T))
        errors.raise_if_any()
        env["period"] = period * YEAR_S

        indices = self.escalation_indices(escalation, T, nominal, inflation)
        items, emissions = build_streams(
            model, env, self.B, T, self.currency, self.rates, indices, errors, self.file
        )
        prices = self.emission_prices(emissions, T)
        errors.raise_if_any()
        check_timings((*items, *emissions), names, self.file)

        return Plan(
            model=model,
            title=tender.title or model.title,
            bids=tuple(names),
            currency=self.currency,
            quantity=quantity,
            discount_rate=float(r if r is not None else 0.0),
            inflation=inflation,
            discounting=a.discounting or "end",
            price_year=a.price_year or 0,
            residual_value=a.residual_value or model.spec.residual_value,
            period=period,
            lifetime=lifetime,
            items=items,
            emissions=emissions,
            emission_prices=prices,
            assumptions=a,
            values={k: v for k, v in env.items() if k != "period"},
            exchange_rates=self.rates,
            escalation_indices=indices,
            bases=self.bases.stamps,
            externalities=a.externalities or "award",
            file=self.file,
        )


@functools.lru_cache(maxsize=4096, typed=True)
def _magnitude(raw: Any, unit: str, target: str) -> float:
    """A value as written (``'15 year'``) in ``target``; ``unit`` is that of a bare number.

    Cached by the text: a tender's values are parsed by pint once per process.
    """
    return float(parse_quantity(raw, unit).to(target).magnitude)


@functools.lru_cache(maxsize=4096, typed=True)
def _rate(raw: Any) -> float | None:
    """A rate as written (``'4 %'``, ``'2 %/year'``) as a plain number; ``None`` if not a rate."""
    q = parse_quantity(raw)
    if q.dimensionality == ureg.Unit("1/year").dimensionality:
        q = q * ureg.year
    if not q.dimensionless:
        return None
    return float(q.to("dimensionless").magnitude)


@functools.lru_cache(maxsize=1024, typed=True)
def _price_per_kg(raw: Any, currency: str, rates: tuple[tuple[str, float], ...]) -> float:
    """An emission price as written in ``currency`` per kg (``'1500 DKK/t'`` in a EUR tender)."""
    # Convert the currency first: '1500 DKK/t' is a valid price in a EUR tender.
    q = parse_quantity(raw)
    if currencies_of(q):
        q = _money(q, currency, dict(rates))
    else:
        q = parse_quantity(raw, f"{currency}/kg")
    if q.dimensionality != ureg.Unit(f"{currency}/kg").dimensionality:
        q = parse_quantity(raw, f"{currency}/kg")  # raises, naming what was expected
    return float(q.to(f"{currency}/kg").magnitude)


def _money(q: Any, currency: str, rates: dict[str, float], target: str | None = None) -> Any:
    """Express the money in ``q`` in ``target`` (``currency`` by default).

    ``rates`` is the value of one unit of each other currency in ``currency``.
    """
    target = target or currency
    worth = {currency: 1.0, **rates}  # value of one unit of each currency, in the tender's
    if target not in worth:
        convert_currency(Quantity(1.0, target), currency, rates)  # raises with the fix
    scaled = {code: v / worth[target] for code, v in worth.items()}
    return convert_currency(q, target, scaled)


def _describe_param(p: Any) -> str:
    from tco.units import describe

    unit = p.spec.unit
    return describe(p.unit, unit) if unit else "a plain number"


def _quantity(
    raw: Any,
    p: Any,
    where: tuple[str | int, ...],
    file: str | None,
    errors: ErrorList,
    money: Any,
) -> float | None:
    """Parse one value of a parameter; return its magnitude in base units."""
    unit = p.spec.unit or None
    fast = base_magnitude(raw, p.spec.unit)
    if fast is not None:
        lo, hi = _base_bounds(p.spec.unit, p.spec.min, p.spec.max)
        if lo <= fast <= hi:
            return fast
    try:
        q = parse_quantity(raw, None if unit and currencies_of(p.unit) else unit)
        if currencies_of(p.unit):
            target = p.unit
            if currencies_of(q) != currencies_of(target):
                q = money(q, currencies_of(target)[0])
            if q.dimensionality != target.dimensionality:
                from tco.units import describe

                raise SpecError(
                    f"got '{raw}', expected {describe(target, unit)}",
                    value=raw,
                    expected=describe(target, unit),
                )
        bounds = {}
        for key in ("min", "max"):
            b = getattr(p.spec, key)
            if b is not None:
                bounds[key] = parse_quantity(b, unit)
        err = bound_error(q, raw, bounds)
        if err is not None:
            raise err
    except SpecError as err:
        errors.add(err.located(file, where))
        return None
    return float(q.to_base_units().magnitude)


@functools.lru_cache(maxsize=1024)
def _base_bounds(unit: str, lo: Any, hi: Any) -> tuple[float, float]:
    """A parameter's bounds in base units (infinite where not given)."""
    low = (
        float(parse_quantity(lo, unit or None).to_base_units().magnitude)
        if lo is not None
        else -math.inf
    )
    high = (
        float(parse_quantity(hi, unit or None).to_base_units().magnitude)
        if hi is not None
        else math.inf
    )
    return low, high
