"""A parameter's bounds: its default and every value given for it must lie within them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tco.errors import ErrorList, SpecError
from tco.spec.schema import ParameterSpec, TenderSpec
from tco.units import parse_quantity, show_quantity

if TYPE_CHECKING:
    from tco.spec.product import ProductModel

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


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


def check_limits(
    tender: TenderSpec, model: ProductModel, file: str | None, errors: ErrorList
) -> None:
    """Record each bid value outside the buyer's admissibility limits (``limits:``).

    A limit names a bid parameter and a ``min``, a ``max`` or both, in the
    parameter's unit. A value that cannot be read is left to the plan's own
    check, which names it.

    Examples
    --------
    >>> import tco
    >>> from tco.spec.schema import TenderSpec
    >>> t = TenderSpec.model_validate({"model": "indoor-lighting",
    ...     "limits": {"power": {"max": "35 W"}},
    ...     "bids": [{"name": "A", "price": "1 DKK", "power": "38 W", "rated_life": "5 h"}]})
    >>> errors = ErrorList()
    >>> check_limits(t, tco.load_model("indoor-lighting"), None, errors)
    >>> str(errors.errors[0])[:68]
    "bids[0].power: got '38 W'; the tender admits at most 35 W (limits.po"
    """
    for name, limit in tender.limits.items():
        p = model.parameters.get(name)
        if p is None or not p.spec.bid:
            names = ", ".join(model.bid_parameters)
            errors.add(
                SpecError(
                    f"'{name}' is not a bid parameter of the model; a limit applies to what a "
                    f"bid gives: {names}",
                    file=file,
                    path=("limits", name),
                    value=name,
                    expected=f"one of {names}",
                ).speaks("limit_not_bid", name=name, names_list=list(model.bid_parameters))
            )
            continue
        unit = p.spec.unit or None
        stated: dict[str, Any] = {str(k): v for k, v in limit.items()}
        bounds = {}
        for key in ("min", "max"):
            raw = stated.get(key)
            if raw is None:
                continue
            try:
                bounds[key] = parse_quantity(raw, unit)
            except SpecError as err:
                errors.add(err.located(file, ("limits", name, key)))
        if not bounds:
            continue
        for i, bid in enumerate(tender.bids):
            raw = bid.values.get(name, p.spec.default)
            try:
                q = parse_quantity(raw, unit)
                lo, hi = bounds.get("min"), bounds.get("max")
                below = lo is not None and q < lo
                above = hi is not None and q > hi
            except (SpecError, ValueError, TypeError, ArithmeticError):
                continue  # the plan names a value that cannot be read
            if below or above:
                key = "min" if below else "max"
                limit_q = str(stated[key])  # as the buyer wrote it, in plain numbers
                word = "at least" if below else "at most"
                errors.add(
                    SpecError(
                        f"got '{raw}'; the tender admits {word} {limit_q} (limits.{name}.{key}); "
                        "a bid outside the buyer's limits does not conform",
                        file=file,
                        path=("bids", i, name),
                        value=raw,
                        expected=f"{word} {limit_q}",
                    ).speaks(f"outside_limit_{key}", value=str(raw), bound_q=limit_q, name=name)
                )
