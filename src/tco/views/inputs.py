"""The inputs of a tender in each parameter's own unit, for tables and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tco.errors import SpecError

if TYPE_CHECKING:
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def magnitude_in(q: Any, unit: str) -> float:
    """The number of ``unit`` in the quantity ``q`` (also for ``"l/100 km"``).

    Examples
    --------
    >>> from tco.units import parse_quantity
    >>> magnitude_in(parse_quantity("0.065 l/km"), "l/100 km")
    6.5
    >>> magnitude_in(parse_quantity("4 %"), "")
    0.04
    """
    from tco.units import parse_unit

    target = parse_unit(unit) if unit else 1.0
    return float((q / target).to("dimensionless").magnitude)


def value_in(raw: Any, unit: str) -> float | str | list[float | str]:
    """A value as a number in ``unit``, or as written when it cannot be converted.

    Examples
    --------
    >>> value_in("1.2 kW", "W"), value_in("7 EUR", "DKK"), value_in(["1 %", "2 %"], "")
    (1200.0, '7 EUR', [0.01, 0.02])
    """
    if isinstance(raw, list):
        return [_scalar_in(r, unit) for r in raw]
    return _scalar_in(raw, unit)


def _scalar_in(raw: Any, unit: str) -> float | str:
    from tco.units import parse_quantity

    try:
        return magnitude_in(parse_quantity(raw, unit or None), unit)
    except (SpecError, ValueError, TypeError, AttributeError):
        return str(raw)


def in_unit(raw: Any, unit: str, lang: str | None = None) -> str:
    """A value as a number in ``unit`` written in ``lang``; as written if not convertible.

    Lists (year-by-year values) are written out joined by ``", "``.

    Examples
    --------
    >>> in_unit("1.2 kW", "W"), in_unit(32, "W"), in_unit("7 EUR", "DKK")
    ('1,200', '32', '7 EUR')
    >>> in_unit("6.5 l/100 km", "l/100 km"), in_unit("19900 DKK", "DKK", "da")
    ('6.5', '19.900')
    """
    from tco.views.i18n import significant

    if isinstance(raw, list):
        return ", ".join(in_unit(v, unit, lang) for v in raw)
    value = value_in(raw, unit)
    if isinstance(value, float):
        return significant(value, 10, lang)
    return str(value)


def bid_values(tender: Tender, lang: str | None = None) -> dict[str, dict[str, str]]:
    """Each bid's values of the model's bid parameters, in the parameters' units.

    A parameter a bid leaves out shows the model's default.

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> bid_values(t)["Lumen Nord"]["power"]
    '32'
    """
    model = tender.model
    out: dict[str, dict[str, str]] = {}
    # Bids repeat values (every default, a common price): each text is read and
    # converted once, so the work grows with the distinct texts, not bids x parameters.
    seen: dict[tuple[type, object, str], str] = {}
    params = [
        (name, model.parameters[name].unit_text, model.parameters[name].spec.default)
        for name in model.bid_parameters
    ]
    for bid in tender.spec.bids:
        vals = bid.values
        row: dict[str, str] = {}
        for name, unit, default in params:
            raw = vals.get(name, default)
            if raw is None:
                row[name] = ""
            elif isinstance(raw, list):
                row[name] = in_unit(raw, unit, lang)
            else:
                key = (type(raw), raw, unit)
                text = seen.get(key)
                if text is None:
                    text = seen[key] = in_unit(raw, unit, lang)
                row[name] = text
        out[bid.name] = row
    return out


def buyer_values(
    tender: Tender, lang: str | None = None, *, years: int | None = None
) -> dict[str, str]:
    """The value of each non-bid parameter used, in its unit.

    Values the tender does not set are the model's defaults. With ``years``, a
    year-by-year value shows the years ``1 .. years`` only, each with its year
    (``year 1: 0.089; year 2: 0.07``).

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> buyer_values(t)["electricity_price"]
    '2.13'
    """
    model = tender.model
    out: dict[str, str] = {}
    for name, p in model.parameters.items():
        if p.spec.bid:
            continue
        raw = tender.spec.parameters.get(name, p.spec.default)
        if years is not None and isinstance(raw, list):
            from tco.views.labels import word

            year = word("year", lang)
            out[name] = "; ".join(
                f"{year} {t}: {in_unit(v, p.unit_text, lang)}"
                for t, v in enumerate(raw[:years], start=1)
            )
            continue
        out[name] = "" if raw is None else in_unit(raw, p.unit_text, lang)
    return out
