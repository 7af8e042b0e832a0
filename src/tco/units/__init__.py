"""Units and values: the one pint registry and the one value grammar.

Quantities are written the way people write them: ``38 W``, ``2.13 DKK/kWh``,
``4 %``, ``15 year``, ``30000 km/year``, ``6.5 l/100 km``, ``0.12 kg CO2e/kWh``.
:func:`parse_value` reads every value of every channel; pint never sees the text.

- :mod:`tco.units.registry`: the registry, currencies, showing units;
- :mod:`tco.units.numbers`: numbers in the ``en`` and ``da`` number formats;
- :mod:`tco.units.grammar`: unit text to a pint unit;
- :mod:`tco.units.unit_reading`: units as text, and the fast path for plain values;
- :mod:`tco.units.values`: the value grammar (number + unit) and its checks;
- :mod:`tco.units.messages`: the grammar's messages in English and Danish.
"""

from tco.units.describe import describe
from tco.units.numbers import plain as plain_number
from tco.units.registry import (
    CURRENCIES,
    Quantity,
    base_factor,
    convert_currency,
    currencies_of,
    show_quantity,
    show_unit,
    to_base,
    ureg,
)
from tco.units.values import (
    base_magnitude,
    canonical_value,
    parse_quantity,
    parse_unit,
    parse_value,
)

__all__ = [
    "CURRENCIES",
    "Quantity",
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
    "show_quantity",
    "show_unit",
    "to_base",
    "ureg",
]
