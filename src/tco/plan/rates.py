"""A tender's rates read into plain numbers: the discount rate or its schedule, escalation.

:class:`RateReader` holds what the phases of the plan builder share (the
tender, its model, the assumptions merged over its basis and the model's
defaults, the problems found) and reads the rates;
:class:`~tco.plan.assumptions.AssumptionReader` adds the other assumptions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.engine.timeline import escalation_index, fisher_real_rate
from tco.errors import ErrorList, SpecError, UnitError, suggest, suggest_name
from tco.plan.bases import basis_inputs
from tco.plan.values import convert_money, rate_value
from tco.spec.product import ProductModel
from tco.spec.schema import AssumptionsSpec, TenderSpec
from tco.units.values import ambiguous_in_bounds

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

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


class RateReader:
    """The rates of a tender: discount rate or schedule, escalation; with the shared state.

    The base of :class:`AssumptionReader`: the tender, its model, the merged
    assumptions and the list of problems found.

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
        self,
        message: str,
        path: Sequence[str | int],
        value: Any = None,
        expected: str = "",
        *,
        says: tuple[str, dict[str, Any]] | None = None,
    ) -> None:
        """Record a problem at ``path`` (``says``: its message id and params, see ``speaks``)."""
        err = SpecError(message, file=self.file, path=path, value=value, expected=expected or None)
        self.errors.add(err.speaks(says[0], **says[1]) if says else err)

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
        except SpecError as err:  # '3.103 %': say which reading is plausible
            plausible = isinstance(err, UnitError) and not self.a.allow_unusual_rates
            self.add(_plausible_reading(err, kind) if plausible else err, path)
            return None
        if value is None:
            self.fail(
                f"got '{raw}', expected a rate such as '4 %' or '2 %/year'",
                path,
                raw,
                says=("rate_expected", {"value": raw}),
            )
            return None
        if value <= -1.0:
            self.fail(
                f"got '{raw}', a rate must be above -100 %",
                path,
                raw,
                "a rate above -100 %",
                says=("rate_above_minus_100", {"value": raw}),
            )
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
                says=(
                    "rate_unusual",
                    {
                        "value": raw,
                        "pct_q": f"{value * 100:.4g} %",
                        "low_q": f"{low * 100:g} %",
                        "high_q": f"{high * 100:g} %",
                        "kind": kind,
                    },
                ),
            )
            return None
        return value

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
                    says=(
                        "unknown_escalation",
                        {"name": name, "hint": suggest_name(name, groups), "names_list": groups},
                    ),
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
                        says=("rates_too_short", {"n": len(raw), "years": T}),
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
                    says=("escalation_overflows", {"name": name, "years": T}),
                )
                continue
            indices[name] = index
        return indices


def _plausible_reading(err: SpecError, kind: str) -> SpecError:
    """An ambiguous rate's refusal, naming the reading within the plausible range of ``kind``."""
    low, high = PLAUSIBLE_RATES[kind]
    if not isinstance(err, UnitError):
        return err
    return ambiguous_in_bounds(
        err,
        lambda text: low <= (rate_value(text) or math.nan) <= high,
        f"{low * 100:g} % – {high * 100:g} %",
    )
