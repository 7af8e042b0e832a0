"""Say what a value should look like: the expected unit, with an example in it.

The phrase is taken from the parameter's own unit as the model writes it
(``kWh/year`` asks for "a value in 'kWh/year' such as '180 kWh/year'", never for
"a power"); a simple unit of a well-known dimension is named (``W``: "a power
such as '38 W'").
"""

from __future__ import annotations

import functools
from typing import Any

from tco.errors import UnitError
from tco.locale import pgettext, pgettext_noop
from tco.units.numbers import plain
from tco.units.registry import show_unit, unit
from tco.units.unit_reading import parse_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

# Names of the dimensions a buyer meets, by a unit of that dimension, for messages.
# (their words in other languages: msgctxt "expected" of the catalogue, tco.locale)
_KNOWN: dict[str, str] = {
    "W": pgettext_noop("expected", "a power"),
    "J": pgettext_noop("expected", "an energy"),
    "s": pgettext_noop("expected", "a time"),
    "m": pgettext_noop("expected", "a length"),
    "kg": pgettext_noop("expected", "a mass"),
    "m^3": pgettext_noop("expected", "a volume"),
}


@functools.cache
def _known_names() -> dict[Any, str]:
    """The names of :data:`_KNOWN`, by dimension."""
    return {unit(text).dimensionality: names for text, names in _KNOWN.items()}


_EXAMPLES: dict[str, str] = {
    "W": "38",
    "kW": "3.5",
    "kWh": "120",
    "kWh/year": "180",
    "DKK": "1450",
    "DKK/kWh": "2.13",
    "DKK/year": "500",
    "h": "50000",
    "h/year": "3000",
    "year": "15",
    "km": "30000",
    "km/year": "30000",
    "kg": "1.2",
    "t": "1.2",
    "l/100 km": "6.5",
    "kWh/100 km": "18",
    "kg CO2e/kWh": "0.135",
    "%": "4",
    "%/year": "2",
}
_SPECIAL = {
    None: pgettext_noop("expected", "a number with its unit, such as '2.13 DKK/kWh'"),
    "": pgettext_noop("expected", "a plain number such as '200'"),
    "%": pgettext_noop("expected", "a percentage such as '4 %'"),
}


def describe(q: Any, unit: str | None = None, *, example: object = None, lang: str = "en") -> str:
    """Say what a value of ``unit`` looks like, with an example in that unit.

    Parameters
    ----------
    q : Quantity or Unit
        The unit, parsed.
    unit : str, optional
        The unit as the model writes it; shown as is (``kWh/year``).
    example : str or float, optional
        A value to show as the example (a parameter's default).
    lang : {"en", "da"}
        The language of the phrase.

    Examples
    --------
    >>> from tco.units import parse_unit
    >>> describe(parse_unit("W"), "W")
    "a power such as '38 W'"
    >>> describe(parse_unit("kWh/year"), "kWh/year")
    "a value in 'kWh/year' such as '180 kWh/year'"
    >>> describe(parse_unit("DKK/year"), "DKK/year", example="1200 DKK/year")
    "a value in 'DKK/year' such as '1200 DKK/year'"
    """
    if q is None or (unit in _SPECIAL and example is None):
        return pgettext("expected", _SPECIAL[unit], lang)
    shown = unit if unit is not None else show_unit(getattr(q, "units", q))
    if isinstance(example, str):
        sample = example.strip()
    else:
        number = plain(float(example)) if isinstance(example, (int, float)) else None
        sample = f"{number or _EXAMPLES.get(shown, '1')} {shown}".strip()
    name = _known_names().get(getattr(q, "dimensionality", None))
    if name and "/" not in shown:
        said = pgettext("expected", "{name} such as '{sample}'", lang)
        return said.format(name=pgettext("expected", name, lang), sample=sample)
    said = pgettext("expected", "a value in '{unit}' such as '{sample}'", lang)
    return said.format(unit=shown, sample=sample)


def expected_phrase(unit: str | None, lang: str, example: object = None, rate: bool = False) -> str:
    """The phrase for what a value of ``unit`` should be (a rate: a percentage)."""
    if rate and unit is None:
        return describe(None, "%", lang=lang)
    if unit is None or unit == "":
        return describe(None, unit, lang=lang)
    try:
        return describe(parse_unit(unit), unit, example=example, lang=lang)
    except UnitError:
        return f"a value in '{unit}'"
