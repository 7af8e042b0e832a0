"""A parameter's bounds: its default and every value given for it must lie within them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tco.errors import ErrorList, SpecError
from tco.spec.schema import ParameterSpec
from tco.units import parse_quantity, show_quantity

__all__ = ["bound_error", "check_parameter_values"]


def check_parameter_values(
    spec: ParameterSpec, file: str | None, path: tuple[str | int, ...], errors: ErrorList
) -> None:
    """Record a problem with a parameter's default or bounds: not in its unit, inconsistent.

    Examples
    --------
    >>> errors = ErrorList()
    >>> spec = ParameterSpec(unit="W", min="10 W", default="5 W")
    >>> check_parameter_values(spec, None, ("parameters", "power"), errors)
    >>> str(errors.errors[0]).split(";")[0]
    "parameters.power.default: got '5 W', expected at least 10 W"
    """
    bounds = {}
    for key in ("min", "max"):
        raw = getattr(spec, key)
        if raw is None:
            continue
        try:
            bounds[key] = parse_quantity(raw, spec.unit or None)
        except SpecError as err:
            errors.add(err.located(file, (*path, key)))
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        errors.add(
            SpecError(
                f"min {spec.min} is above max {spec.max}",
                file=file,
                path=(*path, "min"),
                value=spec.min,
                expected=f"at most {spec.max}",
            ).speaks("min_above_max", min_q=str(spec.min), max_q=str(spec.max))
        )
    if spec.default is None:
        return
    values = spec.default if isinstance(spec.default, list) else [spec.default]
    if isinstance(spec.default, list) and not spec.by_year:
        errors.add(
            SpecError(
                "a list of values is allowed only for a parameter with 'by_year: true'",
                file=file,
                path=(*path, "default"),
                expected="a single value",
            ).speaks("by_year_scalar")
        )
        return
    for i, raw in enumerate(values):
        sub = (*path, "default", i) if isinstance(spec.default, list) else (*path, "default")
        try:
            q = parse_quantity(raw, spec.unit or None)
        except SpecError as err:
            errors.add(err.located(file, sub))
            continue
        outside = bound_error(q, raw, bounds)
        if outside is not None:
            errors.add(outside.located(file, sub))


def bound_error(q: Any, raw: Any, bounds: Mapping[str, Any]) -> SpecError | None:
    """Return an error if ``q`` lies outside ``bounds`` (``min``/``max`` quantities)."""
    lo, hi = bounds.get("min"), bounds.get("max")
    if lo is not None and q < lo:
        return SpecError(
            f"got '{raw}', expected at least {show_quantity(lo)}; check the number and its "
            "unit (a prefix such as m or k?)",
            value=raw,
            expected=f"at least {show_quantity(lo)}",
        ).speaks("below_minimum", value=raw, bound_q=show_quantity(lo))
    if hi is not None and q > hi:
        return SpecError(
            f"got '{raw}', expected at most {show_quantity(hi)}; check the number and its "
            "unit (a prefix such as m or k?)",
            value=raw,
            expected=f"at most {show_quantity(hi)}",
        ).speaks("above_maximum", value=raw, bound_q=show_quantity(hi))
    return None
