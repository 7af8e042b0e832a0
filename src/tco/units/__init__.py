"""Units and values: pint is the unit algebra; the value grammar is tco's own.

Quantities are written the way people write them: ``38 W``, ``2.13 DKK/kWh``,
``4 %``, ``15 year``, ``30000 km/year``, ``6.5 l/100 km``, ``0.12 kg CO2e/kWh``.
:func:`parse_value` reads every value of every channel; pint's parser never
sees people's text.

Units and quantities are pint's, from one registry read from tco's definitions
file (``tco/units/definitions.txt``), built once, when a unit is first needed
(:func:`tco.units.registry.registry`, also ``tco.units.ureg``). The engine never
sees them: the plan turns every value into a plain float in the plan's units
(:func:`plan_factor`, :func:`to_plan`).

- :mod:`tco.units.registry`: tco's pint registry, currencies, showing units, and
  the plan's units (the coherent system whose unit of time is the year);
- :mod:`tco.units.grammar`: unit text to a unit (the unit grammar, with its caps and hints);
- :mod:`tco.units.numbers`: numbers in the ``en`` and ``da`` number formats;
- :mod:`tco.units.unit_reading`: units as text, and the fast path for plain values;
- :mod:`tco.units.values`: the value grammar (number + unit) and its checks;
- the grammar's messages: msgctxt ``units.*`` of the catalogue (:mod:`tco.locale`).
"""

from typing import Any

from tco.units.describe import describe
from tco.units.numbers import plain as plain_number
from tco.units.registry import (
    CURRENCIES,
    base_factor,
    convert_currency,
    currencies_of,
    plan_factor,
    quantity,
    show_quantity,
    show_unit,
    to_base,
    to_plan,
    unit,
)
from tco.units.values import (
    base_magnitude,
    canonical_value,
    parse_quantity,
    parse_unit,
    parse_value,
    plan_magnitude,
)

__all__ = [
    "CURRENCIES",
    "DimensionalityError",
    "Quantity",
    "Unit",
    "base_factor",
    "base_magnitude",
    "canonical_value",
    "convert_currency",
    "currencies_of",
    "describe",
    "parse_quantity",
    "parse_unit",
    "parse_value",
    "plain_number",
    "plan_factor",
    "plan_magnitude",
    "quantity",
    "show_quantity",
    "show_unit",
    "to_base",
    "to_plan",
    "unit",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """The pint registry ``ureg`` and its classes, built on first use (pint is not imported before).

    ``Quantity`` and ``Unit`` are the registry's; ``DimensionalityError`` is pint's.
    """
    if name in ("ureg", "Quantity", "Unit", "DimensionalityError"):
        from tco.units.registry import registry

        ureg = registry()
        if name == "DimensionalityError":
            import pint

            return pint.DimensionalityError
        return ureg if name == "ureg" else getattr(ureg, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
