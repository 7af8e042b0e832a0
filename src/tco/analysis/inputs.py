"""Inputs an analysis can vary: model parameters and tender assumptions.

An input is named as in the tender: a model parameter by its name
(``electricity_price``, ``power``), an assumption by its key
(``discount_rate``, ``quantity``, ``co2_price``), an escalation group as
``escalation.<group>`` and an emission price as ``emission_prices.<substance>``.
Values are written as in the tender (``"2.5 DKK/kWh"``, ``"3 %"``); a plain
number is read in the parameter's declared unit, and as a fraction for rates
(``0.03`` is 3 %).

A :class:`Change` sets an input to given values or scales its current value,
on a leading axis of variants: shape ``(n,)`` (the same for every bid) or
``(n, B)`` (one value per variant and bid).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.errors import AnalysisError, SpecError, suggest, suggest_name
from tco.plan import Plan
from tco.plan.values import convert_money
from tco.units import (
    currencies_of,
    parse_quantity,
    parse_unit,
    parse_value,
    plan_factor,
    quantity,
    to_plan,
)
from tco.units.numbers import scan_number

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Kind = Literal["parameter", "discount_rate", "quantity", "escalation", "emission_price"]

_ASSUMPTIONS = ("discount_rate", "quantity", "co2_price")


@dataclass(frozen=True)
class Input:
    """One input of a tender that an analysis can vary.

    Attributes
    ----------
    name : str
        The name as given (``co2_price`` is ``emission_prices.co2e``).
    kind : {"parameter", "discount_rate", "quantity", "escalation", "emission_price"}
    key : str
        The parameter name, escalation group or substance.
    unit : str
        Unit the values are shown in (``"%"`` for rates).
    factor : float
        Base units per shown unit: ``base = shown * factor``.
    per_bid : bool
        Whether each bid has its own value (a bid parameter).
    current : ndarray, shape (B,)
        The tender's value per bid. [plan units]
    label : str
        A readable label.
    """

    name: str
    kind: Kind
    key: str
    unit: str
    factor: float
    per_bid: bool
    current: Array = field(repr=False)
    label: str
    plan: Plan = field(repr=False)

    def parse(self, raw: Any, *, relative: bool = False) -> float:
        """Read a value written as in the tender; return it in the plan's units.

        With ``relative``, read a unitless change (``"10 %"`` or ``0.1``).

        Raises
        ------
        SpecError
            If the value has the wrong unit.
        """
        raw = bare_number(raw)
        if relative or self.kind in ("discount_rate", "escalation", "quantity"):
            # A change or a rate written bare is a fraction only below 1: '4' (4 % or 400 %?)
            # is refused; a quantity is a count.
            rate = relative or self.kind != "quantity"
            q = parse_value(raw, None, rate=rate) if rate else parse_quantity(raw)
            if q.dimensionality == quantity(1.0, "1/year").dimensionality and not relative:
                q = q * quantity(1.0, "year")
            if not q.dimensionless:
                raise SpecError(
                    f"got '{raw}' for '{self.name}', expected a plain number or a percentage",
                    value=raw,
                    expected="a plain number or a percentage such as '10 %'",
                ).speaks("input_plain_or_percent", value=raw, name=self.name)
            return float(q.to("dimensionless").magnitude)
        if self.kind == "emission_price":
            target = f"{self.plan.currency}/kg"
            q = _money(parse_quantity(raw, f"{self.plan.currency}/t"), self.plan.currency, self)
            try:
                return float(q.to(target).magnitude)
            except Exception:
                raise SpecError(
                    f"got '{raw}' for '{self.name}', expected a price per mass such as "
                    f"'1500 {self.plan.currency}/t'",
                    value=raw,
                    expected=f"a price per mass such as '1500 {self.plan.currency}/t'",
                ).speaks(
                    "input_price_per_mass",
                    value=raw,
                    name=self.name,
                    eg_q=f"1500 {self.plan.currency}/t",
                ) from None
        written = self.plan.product.parameters[self.key].unit
        declared = parse_unit(written)
        unit = written or None
        plain = isinstance(raw, (int, float))
        q = parse_quantity(raw, None if unit and currencies_of(declared) and not plain else unit)
        cur = currencies_of(declared)
        if cur and currencies_of(q) != cur:
            q = _money(q, cur[0], self)
        want = declared if hasattr(declared, "dimensionality") else quantity(1.0, "")
        if q.dimensionality != want.dimensionality:
            raise SpecError(
                f"got '{raw}' for '{self.name}', expected a value in {written or 'no unit'}",
                value=raw,
                expected=f"a value such as '1 {written}'".strip(),
            ).speaks(
                "input_unit" if written else "input_no_unit",
                value=raw,
                name=self.name,
                unit_q=written,
            )
        return to_plan(q)

    def value(self, raw: Any) -> float:
        """Read a value given in Python or on the command line; return it in the plan's units.

        A number (or a string holding only a number) is in the shown unit
        :attr:`unit` (``4`` is 4 % for a rate), so that values read from a
        result can be given back; a string with a unit is read as in the
        tender (:meth:`parse`).

        Examples
        --------
        >>> import tco
        >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
        >>> rate = resolve_input(plan, "discount_rate")
        >>> rate.value(4), rate.value("4"), rate.value("4 %"), rate.parse(0.04)
        (0.04, 0.04, 0.04, 0.04)
        """
        if isinstance(raw, str):
            raw = bare_number(raw)
            if isinstance(raw, str):
                return self.parse(raw)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise SpecError(
                f"got {raw!r} for '{self.name}', expected a number or a value with its unit",
                value=raw,
                expected=f"a number in {self.unit or 'no unit'} or a value with its unit",
            ).speaks("input_number", shown=repr(raw), name=self.name)
        return float(raw) * self.factor

    def show(self, base: ArrayLike) -> Array:
        """Express values in the plan's units in the shown unit."""
        out: Array = np.asarray(base, dtype=np.float64) / self.factor
        return out


def bare_number(raw: Any) -> Any:
    """Text that holds only a number, read by the value grammar (``1.000`` is refused).

    Anything else is returned as given.

    Examples
    --------
    >>> bare_number("2,5"), bare_number("4 %"), bare_number(3)
    (2.5, '4 %', 3)
    """
    if not isinstance(raw, str):
        return raw
    scanned = scan_number(raw.strip())
    if scanned is None or scanned[3].strip():
        return raw
    return float(parse_value(raw, "", rate=False).magnitude)


def _money(q: Any, target: str, inp: Input) -> Any:
    """Convert the money in ``q`` to ``target`` with the tender's exchange rates."""
    return convert_money(q, inp.plan.currency, inp.plan.exchange_rates, target)


def input_names(plan: Plan) -> list[str]:
    """Every input of a plan, by the name :func:`resolve_input` accepts.

    The price of CO2e is listed as ``co2_price`` (``emission_prices.co2e``
    is accepted too). A parameter the tender gives year by year is not an
    input, nor is a parameter of the lifetime when the lifetime is the study
    period (``period: lifetime``).

    Examples
    --------
    >>> import tco
    >>> names = input_names(tco.load_tender(tco.example_path("indoor-lighting")).plan)
    >>> names[:3], "escalation.electricity" in names
    (['price', 'power', 'rated_life'], True)
    """
    names = [n for n in plan.product.parameters if plan.values[n].ndim == 1]
    if plan.stated.own_life:  # the lifetime is the study period
        names = [n for n in names if n not in plan.product.lifetime_names]
    names += ["discount_rate", "quantity"]
    names += [f"escalation.{g}" for g in plan.product.escalation_groups]
    substances = sorted({e.substance for e in plan.emissions})
    names += ["co2_price"] if "co2e" in substances else []
    names += [f"emission_prices.{s}" for s in substances if s != "co2e"]
    return names


def resolve_input(plan: Plan, name: str) -> Input:
    """Find the input ``name`` in a plan.

    Raises
    ------
    SpecError
        If there is no such parameter or assumption (with the nearest name).

    Examples
    --------
    >>> import tco
    >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    >>> x = resolve_input(plan, "electricity_price")
    >>> x.unit, round(float(x.show(x.current[0])), 2)
    ('DKK/kWh', 2.13)
    >>> float(resolve_input(plan, "discount_rate").show(0.04))
    4.0
    """
    B = plan.n_bids
    model = plan.product
    if name in model.parameters:
        p = model.parameters[name]
        value = plan.values[name]
        if value.ndim == 2:
            raise AnalysisError(
                f"'{name}' is given year by year in this tender; an analysis varies a "
                "parameter with one value (give a single value in the tender to vary it)"
            ).speaks("input_by_year", name=name)
        declared = parse_unit(p.unit)
        factor = plan_factor(declared.units) if hasattr(declared, "units") else 1.0
        label = p.label.en if p.label else name
        return Input(name, "parameter", name, p.unit, factor, p.bid, value.copy(), label, plan)
    # With 'rate_type: nominal' the tender's rates are nominal; the plan's are real.
    nominal = plan.stated.rate_type == "nominal"
    kind_of_rate = " (nominal)" if nominal else ""

    def as_given(real: float) -> float:
        return (1.0 + real) * (1.0 + plan.inflation) - 1.0 if nominal else real

    if name == "discount_rate":
        cur = np.full(B, as_given(plan.discount_rate))
        label = "Discount rate" + kind_of_rate
        return Input(name, "discount_rate", name, "%", 0.01, False, cur, label, plan)
    if name == "quantity":
        cur = np.full(B, plan.quantity)
        return Input(name, "quantity", name, "", 1.0, False, cur, "Quantity", plan)
    group = name.removeprefix("escalation.")
    if name.startswith("escalation.") and group in model.escalation_groups:
        index = plan.escalation_indices.get(group, np.ones(plan.T + 1))
        T = plan.T
        rate = (index[T] / index[0]) ** (1.0 / T) - 1.0 if T else 0.0
        return Input(
            name,
            "escalation",
            group,
            "%",
            0.01,
            False,
            np.full(B, as_given(rate)),
            f"Escalation of {group}{kind_of_rate}",
            plan,
        )
    sub = "co2e" if name == "co2_price" else name.removeprefix("emission_prices.")
    substances = {e.substance for e in plan.emissions}
    if (name == "co2_price" or name.startswith("emission_prices.")) and sub in substances:
        price = plan.emission_prices.get(sub)
        cur = np.full(B, float(price[0]) if price is not None else 0.0)
        return Input(
            name,
            "emission_price",
            sub,
            f"{plan.currency}/t",
            1e-3,
            False,
            cur,
            f"Price of {sub}",
            plan,
        )
    valid = input_names(plan)
    raise SpecError(
        f"unknown input '{name}'{suggest(name, valid)}; inputs are " + ", ".join(valid),
        value=name,
        expected="a model parameter or an assumption",
    ).speaks("unknown_input", name=name, hint=suggest_name(name, valid), names_list=list(valid))


@dataclass(frozen=True)
class Change:
    """New values of one input on an axis of ``n`` variants.

    Attributes
    ----------
    input : Input
    values : ndarray, shape (n,) or (n, B)
        With ``relative=False`` the values themselves [plan units]; with
        ``relative=True`` changes, the input becomes ``current * (1 +
        values)``. [unitless]
    relative : bool
    """

    input: Input
    values: Array
    relative: bool = False

    def resolved(self, n: int) -> Array:
        """The input's value per variant and bid, shape (n, B). [plan units]"""
        B = self.input.plan.n_bids
        v = np.asarray(self.values, dtype=np.float64)
        if v.ndim == 1:
            v = v[:, None]
        v = np.broadcast_to(v, (n, B))
        if self.relative:
            out: Array = self.input.current[None, :] * (1.0 + v)
            return out
        return np.array(v, dtype=np.float64)
