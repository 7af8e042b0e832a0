"""Generate :mod:`tco.units.table` from tco's pint registry: ``python -m tco.units.build_table``.

The table holds pint's answers for the unit names tco and its users write
(:data:`WRITTEN`): the canonical unit each name stands for, and for each
canonical unit its symbol, its factor to base units and its dimension. A test
generates the table again and requires it to be identical to the one in the
package, so it can never drift from pint.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tco.units import algebra
from tco.units.registry import CURRENCIES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_PREFIXED = {
    "": ("W", "Wh", "J", "g", "m", "l", "L", "s", "t"),
    "k": ("W", "Wh", "J", "g", "m", "l", "t", "gCO2e"),
    "M": ("W", "Wh", "J", "g", "t"),
    "G": ("W", "Wh", "J", "g", "t"),
    "T": ("Wh", "J"),
    "c": ("m", "l"),
    "d": ("l",),
    "m": ("W", "Wh", "J", "g", "m", "l", "L", "s"),
}
#: Every unit name in the table: what tco's models, tenders, bases, docs and tests write.
WRITTEN: tuple[str, ...] = (
    *sorted({p + u for p, units in _PREFIXED.items() for u in units}),
    *("watt", "kilowatt", "megawatt", "watt_hour", "kilowatt_hour", "megawatt_hour"),
    *("joule", "kilojoule", "megajoule", "gigajoule"),
    *("h", "hour", "hours", "hr", "min", "minute", "minutes", "second", "seconds"),
    *("day", "days", "week", "weeks", "month", "months", "year", "years", "a", "yr"),
    *("gram", "kilogram", "tonne", "tonnes", "metric_ton", "ton", "short_ton"),
    *("meter", "metre", "kilometer", "kilometre", "km", "liter", "litre", "liters", "litres"),
    *("percent", "permille", "ppm", "degC", "K", "kelvin"),
    *("A", "V", "Ah", "kVA", "VA", "lm", "lx", "lumen", "lux", "ha", "are", "bar", "Pa"),
    *CURRENCIES,
    *("CO2e", "CO2eq", "tCO2e", "kgCO2e", "pkm", "page", "pages", "sheet", "sheets"),
)


def render() -> str:
    """The text of ``tco/units/table.py``, from pint's answers for :data:`WRITTEN`."""
    ureg = algebra.registry()
    names: dict[str, str] = {}
    units: dict[str, tuple[str, float, tuple[tuple[str, int | float], ...]]] = {}
    for name in WRITTEN:
        (canonical, power), *rest = dict(ureg.Unit(name)._units).items()
        if rest or power != 1:
            raise ValueError(f"{name!r} is not one unit in pint")
        names[name] = str(canonical)
    roots: set[str] = set()
    for canonical in {*names.values()}:
        names.setdefault(canonical, canonical)
        roots.update(str(r) for r in ureg.get_base_units(canonical)[1]._units)
    for canonical in sorted({*names.values(), *roots}):
        d = algebra.definition(canonical)
        if d.offset:  # offset units (degC) are read from pint, with their offset
            names = {k: v for k, v in names.items() if v != canonical}
            continue
        units[canonical] = (d.symbol, d.factor, d.dims)
    bases = {
        str(next(iter(ureg.get_dimensionality(r)))): r
        for r in sorted(roots)
        if r in units and len(ureg.get_dimensionality(r)) == 1
    }
    lines = [
        '"""pint\'s answers for the unit names tco writes: generated, do not edit.',
        "",
        "Made by ``python -m tco.units.build_table`` from tco's pint registry",
        f"(pint {algebra.import_pint().__version__}); a test checks it against pint.",
        '"""',
        "",
        "#: Unit name as written -> canonical (pint) unit name.",
        "NAMES: dict[str, str] = {",
        *(f"    {k!r}: {v!r}," for k, v in sorted(names.items()) if v in units),
        "}",
        "#: Canonical unit -> (symbol, factor to base units, dimension powers).",
        "UNITS: dict[str, tuple[str, float, tuple[tuple[str, int | float], ...]]] = {",
        *(f"    {k!r}: {v!r}," for k, v in sorted(units.items())),
        "}",
        "#: Base dimension -> its base unit.",
        "BASES: dict[str, str] = {",
        *(f"    {k!r}: {v!r}," for k, v in sorted(bases.items())),
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Write the table next to this module (or print it with ``--print``)."""
    text = render()
    if "--print" in sys.argv:
        sys.stdout.write(text)
        return
    Path(__file__).with_name("table.py").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
