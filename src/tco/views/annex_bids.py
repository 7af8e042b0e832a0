"""Tenders without bids, for the annex: an illustrative bid from the model's defaults or ranges.

Helpers of :mod:`tco.views.annex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tco.spec.product import ProductModel
    from tco.tender import Tender, TenderSource

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def illustrative_bid(
    model: ProductModel,
    number_format: str | None = None,
    limits: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A bid of the model's defaults, or the middle of each allowed range.

    The buyer's ``limits`` (a tender's ``limits:``) come first: a default outside
    them is moved to the nearest limit, and a parameter with both limits and no
    default takes their middle. Values are written so that a tender of
    ``number_format`` reads them as meant (``2500000 DKK``, ``2,13 DKK/kWh`` under
    ``da``).

    Raises
    ------
    SpecError
        If a bid parameter has neither a default nor both bounds.

    Examples
    --------
    >>> import tco
    >>> illustrative_bid(tco.load_model("printer"))["service_annual"]
    '0 DKK/year'
    >>> illustrative_bid(tco.load_model("passenger-car"), "da")["price"]
    '2500000 DKK'
    >>> limits = {"price": {"min": "150.000 DKK", "max": "250.000 DKK"}}
    >>> illustrative_bid(tco.load_model("passenger-car"), "da", limits)["price"]
    '200000 DKK'
    """
    from tco.errors import SpecError
    from tco.units import canonical_value, parse_quantity
    from tco.units.numbers import plain, scan_number

    def written(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = str(canonical_value(value, convention=None))
        scanned = scan_number(text) if number_format == "da" else None
        if scanned is None:
            return text
        sign, body, exponent, rest = scanned  # plain numbers: only the decimal mark changes
        return f"{sign}{body.replace('.', ',')}{exponent}{rest}"

    def limit_of(name: str, key: str) -> str | None:
        """The buyer's limit ``key`` of ``name`` in plain numbers, or ``None``."""
        raw = (limits or {}).get(name, {}).get(key)
        return None if raw is None else str(canonical_value(raw, convention=number_format))

    def within(name: str, value: Any) -> Any:
        """``value`` moved to the nearest of the buyer's limits of ``name`` if outside them."""
        unit = model.parameters[name].unit_text or None
        try:
            q = parse_quantity(value, unit)
            lo, hi = limit_of(name, "min"), limit_of(name, "max")
            if lo is not None and q < parse_quantity(lo, unit):
                return written(lo)
            if hi is not None and q > parse_quantity(hi, unit):
                return written(hi)
        except (SpecError, ValueError, TypeError):
            pass  # not comparable: the plan names the problem
        return value

    bid: dict[str, Any] = {"name": "Illustrative bid"}
    for name in model.bid_parameters:
        p = model.parameters[name]
        if p.spec.default is not None:
            bid[name] = within(name, written(p.spec.default))
            continue
        lo_raw: Any = limit_of(name, "min")
        hi_raw: Any = limit_of(name, "max")
        if lo_raw is None or hi_raw is None:
            lo_raw, hi_raw = p.spec.min, p.spec.max
        if lo_raw is None or hi_raw is None:
            raise SpecError(
                f"the tender has no bids, and bid parameter '{name}' has no default and no "
                "range to take an illustrative value from; add one bid to the tender (it "
                "becomes the annex's worked example)",
                path=("bids",),
                expected="at least one bid, or a model whose bid parameters have defaults",
            ).speaks("annex_no_bids", name=name)
        lo = parse_quantity(lo_raw, p.unit_text or None)
        hi = parse_quantity(hi_raw, p.unit_text or None)
        mid = ((lo + hi) / 2).to(lo.units) if p.unit_text else (lo + hi) / 2
        value = float(mid.magnitude) if hasattr(mid, "magnitude") else float(mid)
        bid[name] = within(name, written(f"{plain(value)} {p.unit_text}".strip()))
    return bid


def annex_tender(
    source: str | Path | Mapping[str, Any] | TenderSource,
    *,
    allow_paths: Iterable[str | Path] = (),
) -> tuple[Tender, bool]:
    """Load a tender for its annex; a tender without bids gets an illustrative one.

    ``source`` is read once (a :class:`~tco.tender.TenderSource` is taken as read);
    ``allow_paths`` as in :func:`tco.load_tender`.

    Returns
    -------
    (Tender, bool)
        The tender, and whether its (only) bid is illustrative.
    """
    from tco.plan.compiler import compile_plan
    from tco.spec.form_text import stated_number_format
    from tco.spec.schema import TenderSpec
    from tco.spec.validation import validate
    from tco.tender import Tender, load_tender, read_tender, tender_model

    src = read_tender(source)
    if src.data.get("bids"):
        return load_tender(src, allow_paths=allow_paths), False
    model = tender_model(src.data.get("model", ""), src.base, src.file, allow_paths=allow_paths)
    limits = TenderSpec.model_validate({**src.data, "bids": [{"name": "x"}]}).limits
    bid = illustrative_bid(model, stated_number_format(src.data), limits)
    data = {**src.data, "bids": [bid]}
    spec = validate(TenderSpec, data, file=src.file)
    plan = compile_plan(spec, model, file=src.file)
    return Tender(spec=spec, model=model, plan=plan, file=src.file, sha256=src.sha256), True
