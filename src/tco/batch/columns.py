"""The columns of a table of items: which parameter each gives, its unit, its bounds.

A column names a parameter of the model, with its unit in the column's name
(``"power [W]"``), in ``units`` or the parameter's declared unit. Values are
kept as given with a factor to the plan's units, and checked against the
parameter's bounds and for finiteness as a tender's values are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.batch.tables import read_columns
from tco.errors import ErrorList, SpecError, UnitError, suggest, suggest_name
from tco.plan.values import convert_money
from tco.spec.product import ProductModel
from tco.units import currencies_of, describe, parse_quantity, plain_number, to_plan

#: A unit that starts with a number and a space, as a value does ('1.450 DKK', '2 W'); a
#: unit such as '1/year' or 'kWh/100 km' does not.
_NUMBER_IN_UNIT = re.compile(r"\s*[-+]?\d[\d.,]*(?:[eE][-+]?\d+)?\s+(?=\S)")

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]

_UNIT_IN_NAME = re.compile(r"^\s*(?P<name>[^\[\]]+?)\s*\[(?P<unit>[^\[\]]*)\]\s*$")


@dataclass(frozen=True)
class Column:
    """One parameter given as a column.

    Attributes
    ----------
    label : str
        The column's name in the table.
    name : str
        The parameter.
    unit : str
        The unit the column is in.
    raw : ndarray, shape (R,)
        The values as given. [unit]
    scale : float
        Factor from the column's unit to the plan's units.
    """

    label: str
    name: str
    unit: str
    raw: Array
    scale: float


class Columns:
    """Read the columns of tables for one model, with each unit's factor cached.

    Parameters
    ----------
    model : ProductModel
    units : mapping of str to str
        Unit of a column, by column or parameter name.
    parameters : mapping of str to object
        The buyer's values given once (not allowed as columns too).
    """

    def __init__(
        self, model: ProductModel, units: Mapping[str, str], parameters: Mapping[str, Any]
    ) -> None:
        self.model = model
        self.units = dict(units)
        self.parameters = dict(parameters)
        self.scales: dict[Any, tuple[float, dict[str, float]]] = {}

    def read(self, table: Any) -> tuple[dict[str, Column], int, Any]:
        """The columns that name parameters, their number of rows and the row labels."""
        labels, get, index = read_columns(table)
        params = self.model.parameters
        errors = ErrorList()
        found: dict[str, Column] = {}
        n = -1
        for i, label in enumerate(labels):
            m = _UNIT_IN_NAME.match(label)
            name, unit = (m["name"], m["unit"].strip()) if m else (label.strip(), None)
            if label in self.units:
                unit = self.units[label]
            elif name in self.units:
                unit = self.units[name]
            path = ("columns", label)
            if name not in params:
                errors.add(
                    SpecError(
                        f"no parameter '{name}'{suggest(name, params)} in model "
                        f"'{self.model.id}'; columns are parameters such as "
                        + ", ".join(self.model.bid_parameters),
                        path=path,
                        value=label,
                        expected="a parameter of the model",
                    ).speaks(
                        "batch_no_parameter",
                        name=name,
                        hint=suggest_name(name, params),
                        model=self.model.id,
                        names_list=list(self.model.bid_parameters),
                    )
                )
                continue
            p = params[name]
            number = _NUMBER_IN_UNIT.match(unit or "")
            if number:  # a value given as the unit ('1.450 DKK'): the number would be lost
                fix = (unit or "")[number.end() :].strip()
                errors.add(
                    UnitError(
                        f"the unit '{unit}' of '{name}' holds a number; give the unit alone, "
                        f"as '{fix}'",
                        path=(
                            ("units", label if label in self.units else name)
                            if label in self.units or name in self.units
                            else path
                        ),
                        value=unit,
                        expected=f"a unit such as '{fix}'",
                    ).speaks("batch_unit_is_value", unit=unit, name=name, fix=fix)
                )
                continue
            if name in found:
                errors.add(
                    SpecError(f"two columns give '{name}'", path=path, value=label).speaks(
                        "batch_two_columns", name=name
                    )
                )
                continue
            if name in self.parameters:
                errors.add(
                    SpecError(
                        f"'{name}' is given both as a column and in parameters; give it once",
                        path=path,
                        value=label,
                    ).speaks("batch_column_and_parameter", name=name)
                )
                continue
            if p.spec.by_year:
                errors.add(
                    SpecError(
                        f"'{name}' has yearly values (by_year) and cannot vary per row; "
                        "give it in parameters",
                        path=path,
                        value=label,
                    ).speaks("batch_column_by_year", name=name)
                )
                continue
            unit = p.spec.unit if unit is None else unit
            try:
                raw = get(i)
            except (TypeError, ValueError) as exc:
                errors.add(
                    SpecError(
                        f"cannot read as numbers ({exc})", path=path, expected="numbers"
                    ).speaks("batch_not_numbers", detail=str(exc))
                )
                continue
            if raw.ndim != 1 or (n >= 0 and raw.shape[0] != n):
                errors.add(
                    SpecError(
                        f"has shape {raw.shape}; every column needs one value per row",
                        path=path,
                        expected=f"{n} values" if n >= 0 else "a 1-d column",
                    ).speaks("batch_column_shape", shape=raw.shape)
                )
                continue
            n = raw.shape[0]
            found[name] = Column(label, name, unit, raw, 1.0)
        errors.raise_if_any()
        missing = [
            name
            for name in self.model.bid_parameters
            if name not in found and params[name].spec.default is None
        ]
        if missing:
            raise SpecError(
                "missing column for " + ", ".join(f"'{m}'" for m in missing) + " (no default)",
                path=("columns",),
                expected="a column for each bid parameter without a default",
            ).speaks("batch_missing_columns", names_list=missing)
        return found, max(n, 0), index

    def scale(
        self, name: str, unit: str, currency: str, rates: Mapping[str, float]
    ) -> tuple[float, dict[str, float]]:
        """Factor from a column's unit to the plan's units, and the bounds in the column's unit."""
        p = self.model.parameters[name]
        q = parse_quantity(value_text(1.0, unit))
        target = currencies_of(p.unit)
        if target and currencies_of(q) != target:
            q = convert_money(q, currency, rates, target[0])
        if q.dimensionality != p.unit.dimensionality:
            raise UnitError(
                f"unit '{unit}' does not fit '{name}'; expected " + describe(p.unit, p.spec.unit),
                value=unit,
                expected=describe(p.unit, p.spec.unit),
            ).speaks("batch_unit_not_fit", unit=unit, name=name, want_unit=p.spec.unit)
        factor = to_plan(q)
        limits: dict[str, float] = {}
        for key in ("min", "max"):
            bound = getattr(p.spec, key)
            if bound is not None:
                base = to_plan(parse_quantity(bound, p.spec.unit or None))
                # In the column's unit, with a tolerance for the unit conversion.
                limit = base / factor
                limits[key] = limit + (-1e-12 if key == "min" else 1e-12) * abs(limit)
        return factor, limits

    def to_plan(
        self,
        columns: dict[str, Column],
        currency: str,
        rates: Mapping[str, float],
        rows: Any,
    ) -> dict[str, Column]:
        """Convert columns to the plan's units and check them against the parameters' bounds."""
        errors = ErrorList()
        out: dict[str, Column] = {}
        for name, col in columns.items():
            p = self.model.parameters[name]
            path: tuple[str | int, ...] = ("columns", col.label)
            key_ = (name, col.unit, currency, tuple(sorted(rates.items())))
            try:
                if key_ not in self.scales:
                    self.scales[key_] = self.scale(name, col.unit, currency, rates)
            except SpecError as err:
                errors.add(err.located(None, path))
                continue
            factor, limits = self.scales[key_]
            lo, hi, finite = _extremes(col.raw, limits)
            if not finite:
                bad = int(np.flatnonzero(~np.isfinite(col.raw))[0])
                errors.add(
                    row_error(col, rows, bad, "which is not a finite number").speaks(
                        "batch_row_not_finite", value=_got(col, bad)
                    )
                )
                continue
            for key, limit in limits.items():
                bound = getattr(p.spec, key)
                if (lo < limit) if key == "min" else (hi > limit):
                    outside = col.raw < limit if key == "min" else col.raw > limit
                    word = "at least" if key == "min" else "at most"
                    bad = int(np.flatnonzero(outside)[0])
                    errors.add(
                        row_error(col, rows, bad, f"expected {word} {bound}").speaks(
                            "batch_row_below" if key == "min" else "batch_row_above",
                            value=_got(col, bad),
                            bound_q=bound,
                        )
                    )
            out[name] = Column(col.label, name, col.unit, col.raw, factor)
        errors.raise_if_any()
        return out


def _extremes(raw: Array, limits: Mapping[str, float]) -> tuple[float, float, bool]:
    """The smallest and largest value where a bound needs them, and whether all are finite.

    As few passes over the column as the bounds allow: a column with both
    bounds takes a minimum and a maximum (NaN or infinity shows in one of
    them); otherwise a sum shows a non-finite value (an overflowing sum is
    checked value by value), then the one bound given is checked.

    Examples
    --------
    >>> _extremes(np.array([1.0, 5.0]), {"min": 0.0})
    (1.0, inf, True)
    >>> _extremes(np.array([1.0, np.inf]), {})[2]
    False
    >>> _extremes(np.array([1e308, 1e308]), {})[2]
    True
    """
    if not raw.size:
        return 0.0, 0.0, True
    if "min" in limits and "max" in limits:
        lo, hi = float(raw.min()), float(raw.max())
        return lo, hi, math.isfinite(lo) and math.isfinite(hi)
    with np.errstate(all="ignore"):
        total = float(np.add.reduce(raw))
    if not (math.isfinite(total) or bool(np.isfinite(raw).all())):
        return 0.0, 0.0, False
    lo = float(raw.min()) if "min" in limits else -math.inf
    hi = float(raw.max()) if "max" in limits else math.inf
    return lo, hi, True


def value_text(x: float, unit: str) -> str:
    """A column's value as a tender writes it: the number and the column's unit.

    A plain number's unit (``""`` or ``"1"``) is left out: ``"4 1"`` reads as a
    number written with a space.

    Examples
    --------
    >>> value_text(4.0, "W"), value_text(4.0, "1"), value_text(0.5, "")
    ('4 W', '4', '0.5')
    """
    unit = unit.strip()
    return plain_number(x) if unit in ("", "1") else f"{plain_number(x)} {unit}"


def label(rows: Any, i: int) -> Any:
    """The label of row ``i``: its index label, or its number."""
    return i if rows is None else rows[i]


def row_error(col: Column, rows: Any, i: int, expected: str) -> SpecError:
    """A value of a column that is out of bounds or not finite, naming column and row."""
    at = label(rows, i)
    got = _got(col, i)
    return SpecError(
        f"got '{got}', {expected}",
        path=("columns", col.label, at if isinstance(at, (int, str)) else str(at)),
        value=got,
        expected=expected.removeprefix("expected "),
    )


def _got(col: Column, i: int) -> str:
    """The value of row ``i`` of ``col`` as a message shows it (``'5e+06 W'``)."""
    return f"{col.raw[i]:g} {col.unit}".strip()
