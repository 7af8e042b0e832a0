"""Compile a tender: check its values against the model and build the plan.

:func:`compile_plan` is the boundary between the checked world of specs (units,
pydantic) and the numpy engine: it reads every value of the tender in its
parameter's unit, checks bounds, currencies, rates and periods, reports every
problem at once, and returns a :class:`~tco.plan.Plan` of plain arrays.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import Timing, fisher_real_rate
from tco.errors import ErrorList, SpecError, UnitError, suggest, suggest_name
from tco.plan.arrays import Plan
from tco.plan.assumptions import AssumptionReader, Where
from tco.plan.checks import bid_names, check_indexations, check_timings, lifetime_periods
from tco.plan.product import plan_model, stated_assumptions
from tco.plan.rates import PLAUSIBLE_RATES
from tco.plan.streams import build_streams, lifetime_years, stream_factors
from tco.spec.bounds import bound_error, check_limits
from tco.spec.product import ProductModel
from tco.spec.schema import TenderSpec
from tco.units import (
    currencies_of,
    parse_quantity,
    plan_magnitude,
    show_quantity,
    to_plan,
)
from tco.units.values import ambiguous_in_bounds

__all__ = ["compile_plan"]

Array = NDArray[np.float64]


def compile_plan(tender: TenderSpec, model: ProductModel, *, file: str | None = None) -> Plan:
    """Check a tender against its model and build the plan.

    Every problem found is reported at once (a :class:`~tco.errors.SpecErrors`
    when there are several). The phases are the methods of :class:`_Compiler`.
    """
    return _Compiler(tender, model, file).plan()


_AP: Where = ("assumptions",)


class _Compiler(AssumptionReader):
    """The phases of :func:`compile_plan`.

    The assumptions (:class:`~tco.plan.assumptions.AssumptionReader`), then
    the parameter values, the lifetime, the period and the streams.
    """

    def check_keys(self) -> None:
        """Buyer values for buyer parameters, bid values for bid parameters; one name per bid."""
        params, tender = self.model.parameters, self.tender
        seen: set[str] = set()
        for i, name in enumerate(bid.name for bid in tender.bids):
            if name not in seen:
                seen.add(name)
            else:
                self.fail(
                    f"two bids are named '{name}'; give each bid its own name",
                    ("bids", i, "name"),
                    name,
                    "a name of its own",
                    says=("same_bid_name", {"name": name}),
                )
        for key in tender.parameters:
            if key not in params:
                self.fail(
                    f"unknown parameter '{key}'{suggest(key, params)}",
                    ("parameters", key),
                    key,
                    says=("unknown_parameter", {"name": key, "hint": suggest_name(key, params)}),
                )
            elif params[key].spec.bid:
                self.fail(
                    f"'{key}' is given by each bid, not by the buyer; move it to the bids",
                    ("parameters", key),
                    key,
                    says=("buyer_gives_bid_parameter", {"name": key}),
                )
        for i, bid in enumerate(tender.bids):
            for key in bid.values:
                if key not in params:
                    self.fail(
                        f"unknown parameter '{key}'{suggest(key, params)}; bids give "
                        + ", ".join(self.model.bid_parameters),
                        ("bids", i, key),
                        key,
                        says=(
                            "unknown_bid_parameter",
                            {
                                "name": key,
                                "hint": suggest_name(key, params),
                                "names_list": list(self.model.bid_parameters),
                            },
                        ),
                    )
                elif not params[key].spec.bid:
                    self.fail(
                        f"'{key}' is the buyer's assumption, the same for every bid; "
                        "set it under 'parameters' instead",
                        ("bids", i, key),
                        key,
                        says=("bid_gives_buyer_parameter", {"name": key}),
                    )

    def scalar_values(self) -> tuple[dict[str, Array], dict[str, tuple[Any, Where]]]:
        """Each parameter's value per bid in the plan's units; yearly lists kept for later.

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
                            says=("by_year_scalar", {}),
                        )
                        continue
                    series[name] = (raw, where)
                    continue
                raws = [(raw, where)] * B
            out = np.empty(B)
            if not p.spec.bid:
                # one buyer value: read it once, so a bad or missing value is one message
                raws = raws[:1]
            if not p.spec.bid and raws and raws[0][0] is not None:
                one = _quantity(raws[0][0], p, raws[0][1], self.file, self.errors, self.money)
                if one is not None:
                    out[:] = one
                scalars[name] = out
                continue
            # Many bids give the same text (most often the default): read each text once.
            # Only values that read are remembered, so every bad one is said where it stands.
            read: dict[tuple[type, Any], float] = {}
            for b, (raw, where) in enumerate(raws):
                key = (type(raw), raw) if isinstance(raw, (str, int, float)) else None
                if key is not None and key in read:
                    out[b] = read[key]
                    continue
                if raw is None:
                    self.fail(
                        f"missing value for '{name}' (no default); give " + _describe_param(p),
                        where,
                        expected=_describe_param(p),
                        says=("missing_value", {"name": name, "want_unit": p.spec.unit or ""}),
                    )
                    continue
                if isinstance(raw, list):
                    self.fail(
                        "a bid gives one value per parameter, not a list",
                        where,
                        expected="a single value",
                        says=("bid_list", {}),
                    )
                    continue
                q = _quantity(raw, p, where, self.file, self.errors, self.money)
                if q is not None:
                    out[b] = q
                    if key is not None:
                        read[key] = q
            scalars[name] = out
        return scalars, series

    def item_discounting(self) -> dict[str, Timing]:
        """When in their year the annual items named under ``item_discounting`` are paid."""
        return _timing_of_items(self)

    def periods(self, years: float | None, lifetime: Array | None) -> Array:
        """Study period per bid: the common one, or each bid's whole-year lifetime."""
        if years is not None:
            return np.full(self.B, float(round(years)))
        assert lifetime is not None
        return lifetime_periods(
            lifetime, bid_names([b.name for b in self.tender.bids]), file=self.file
        )

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
                    says=("by_year_too_short", {"n": len(raw), "years": T}),
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

    def plan(self) -> Plan:
        """Run the phases; raise every problem found before the arrays are built."""
        a, model, tender, errors = self.a, self.model, self.tender, self.errors
        self.currency_and_rates()
        inflation = self.rate(a.inflation, (*_AP, "inflation"), "inflation") or 0.0
        r = self.discount(a.discount_rate)
        nominal = a.rate_type == "nominal"
        if r is not None and nominal:
            r = float(fisher_real_rate(r, inflation))
        years = self.study_period()
        quantity = self.quantity()
        escalation = self.escalation_rates()
        residual = self.residual_rule()
        self.emission_price_values()
        self.check_keys()
        check_limits(tender, model, self.file, errors)
        scalars, series = self.scalar_values()
        errors.raise_if_any()

        names = [b.name for b in tender.bids]
        env: dict[str, Any] = dict(scalars)
        check_indexations(
            model,
            scalars,
            bid_names(names),
            file=self.file,
            plausible=None if a.allow_unusual_rates else PLAUSIBLE_RATES["escalation"],
        )
        factors, failed = stream_factors(model, self.currency, self.rates)
        product = plan_model(model, factors)
        lifetime = lifetime_years(product, env, bid_names(names), self.file)
        period = self.periods(years, lifetime)
        T = int(period.max())
        env.update(self.series_values(series, T))
        errors.raise_if_any()
        env["period"] = period

        indices = self.escalation_indices(escalation, T, nominal, inflation)
        items, emissions = build_streams(
            product,
            env,
            self.B,
            T,
            indices,
            errors,
            self.file,
            discounting=a.discounting or "end",
            price_year=a.price_year or 0,
            item_discounting=self.item_discounting(),
            inflation=inflation if nominal else None,
            residual=residual,
            failed=failed,
        )
        prices = self.emission_prices(emissions, T)
        errors.raise_if_any()
        check_timings((*items, *emissions), bid_names(names), self.file)

        discount_path = self.discount_path(T, nominal, inflation)
        errors.raise_if_any()
        return Plan(
            product=product,
            title=tender.title or model.title,
            bids=tuple(names),
            currency=self.currency,
            quantity=quantity,
            discount_rate=float(r if r is not None else 0.0),
            inflation=inflation,
            discounting=a.discounting or "end",
            price_year=a.price_year or 0,
            residual_value=residual[0],
            residual_share=residual[1],
            discount_path=discount_path,
            period=period,
            lifetime=lifetime,
            items=items,
            emissions=emissions,
            emission_prices=prices,
            stated=stated_assumptions(a),
            values={k: v for k, v in env.items() if k != "period"},
            exchange_rates=self.rates,
            escalation_indices=indices,
            bases=self.bases.stamps,
            externalities=a.externalities or "award",
            file=self.file,
            annualise_at=a.annualise_at or ("nominal" if nominal else "real"),
        )


def _timing_of_items(reader: AssumptionReader) -> dict[str, Timing]:
    """The tender's ``item_discounting``, each key an annual item of the model."""
    items = reader.model.items
    out: dict[str, Timing] = {}
    for name, timing in reader.a.item_discounting.items():
        path = (*_AP, "item_discounting", name)
        if name not in items:
            reader.fail(
                f"unknown item '{name}'{suggest(name, items)}; the model's items are "
                + ", ".join(items),
                path,
                name,
                says=(
                    "unknown_item",
                    {"name": name, "hint": suggest_name(name, items), "names_list": list(items)},
                ),
            )
        elif items[name].spec.timing != "annual":
            reader.fail(
                f"'{name}' is not an annual item; a one-off amount falls at its year's end",
                path,
                name,
                "an annual item",
                says=("item_discounting_annual", {"name": name}),
            )
        else:
            out[name] = timing
    return out


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
    """Parse one value of a parameter; return its magnitude in the plan's units."""
    unit = p.spec.unit or None
    fast = plan_magnitude(raw, p.spec.unit)
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
                ).speaks("units.wrong_dimension", value=raw, want_unit=unit)
        bounds = {}
        for key in ("min", "max"):
            b = getattr(p.spec, key)
            if b is not None:
                bounds[key] = parse_quantity(b, unit)
        err = bound_error(q, raw, bounds)
        if err is not None:
            raise err
    except UnitError as err:  # '1.450' for a price: say which reading lies within the bounds
        errors.add(_in_bounds(err, p, unit).located(file, where))
        return None
    except SpecError as err:
        errors.add(err.located(file, where))
        return None
    return to_plan(q)


def _in_bounds(err: UnitError, p: Any, unit: str | None) -> UnitError:
    """An ambiguous number's refusal, saying which reading lies within the parameter's bounds."""
    lo, hi = p.spec.min, p.spec.max
    if err.message_id != "units.ambiguous" or (lo is None and hi is None):
        return err
    bounds = {k: parse_quantity(b, unit) for k, b in (("min", lo), ("max", hi)) if b is not None}
    shown = [show_quantity(bounds[k]) for k in ("min", "max") if k in bounds]
    return ambiguous_in_bounds(
        err,
        lambda text: bound_error(parse_quantity(text, unit), text, bounds) is None,
        " – ".join(shown) if len(shown) == 2 else ("≥ " if lo is not None else "≤ ") + shown[0],
    )


@functools.lru_cache(maxsize=1024)
def _base_bounds(unit: str, lo: Any, hi: Any) -> tuple[float, float]:
    """A parameter's bounds in the plan's units (infinite where not given)."""
    low = to_plan(parse_quantity(lo, unit or None)) if lo is not None else -math.inf
    high = to_plan(parse_quantity(hi, unit or None)) if hi is not None else math.inf
    return low, high
