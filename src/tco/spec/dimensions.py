"""What a formula's unit must be: money, money per year, and annual amounts per calendar time."""

from __future__ import annotations

from tco.errors import UnitError
from tco.spec.expr import Compiled, unit_words
from tco.units.registry import from_names

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def is_money(c: Compiled, per_year: bool) -> bool:
    """Whether a formula gives money in one currency (per year with ``per_year``).

    Examples
    --------
    >>> from tco.spec.expr import compile_expression
    >>> is_money(compile_expression("fee", {"fee": "DKK/year"}), per_year=True)
    True
    """
    dims = dict(c.dimensionality)
    cur = [d for d in dims if d.startswith("[currency_")]
    if len(cur) != 1 or dims.pop(cur[0]) != 1:
        return False
    return dims == ({"[time]": -1} if per_year else {})


#: Units of calendar time: an annual formula's "per time" must come from one of these.
CALENDAR_UNITS = frozenset({"year", "month", "week", "day"})


def forgets_hours(c: Compiled) -> bool:
    """Whether an annual formula is per hour or per second rather than per calendar time.

    ``power * electricity_price`` (W × DKK/kWh) has the dimension of money
    per time, like money per year, but its "per time" comes from the hour
    inside the kilowatt-hour: it is the cost of running every second of the
    year, which is almost always a forgotten operating-hours factor. The
    rule: divide the formula's unit by its calendar units (year, month, week,
    day, with their powers); what is left must have no time in it. A model
    that means continuous operation says so with a calendar unit, such as
    ``power * 8760 h/year * electricity_price``.

    Examples
    --------
    >>> from tco.spec.expr import compile_expression
    >>> from tco.units import parse_unit
    >>> u = {"power": parse_unit("W"), "hours": parse_unit("h/year"),
    ...      "price": parse_unit("DKK/kWh"), "fee": parse_unit("DKK/month")}
    >>> [forgets_hours(compile_expression(f, u)) for f in
    ...  ("power * price", "power * hours * price", "power * 8760 h/year * price", "fee")]
    [True, False, False, False]
    """
    calendar = from_names({n: p for n, p in c.quantity.unit_items() if n in CALENDAR_UNITS})
    rest = c.quantity / (1.0 * calendar)
    return bool(dict(rest.dimensionality).get("[time]", 0))


def forgotten_hours(c: Compiled, what: str) -> UnitError:
    """The error for an annual formula that is per hour or per second (:func:`forgets_hours`)."""
    return UnitError(
        f"'{c.text}' gives '{unit_words(c.quantity)}', a rate per hour or per second, not per "
        f"year: an annual amount needs a factor per year such as operating hours in 'h/year' "
        f"(if the product runs all the time, write it out: '... * 8760 h/year')",
        value=c.text,
        expected=what,
    ).speaks("forgotten_hours", formula=c.text, got_q=unit_words(c.quantity))
