"""tco's pint registry, loaded only when a unit name is not in the generated table.

pint is the authority on what a unit name means; :mod:`tco.units.table`
holds its answers for the names tco and its users write, so a usual run never
imports pint (importing it and reading its definitions takes longer than the
rest of a cold ``tco compare``). For any other name (``furlong``, a plural
pint knows, a prefix such as ``kEUR``) this module builds the registry on
first need, asks it, and adds the answer to the algebra's catalogue.

Each currency is its own dimension (``[currency_DKK]``); ``CO2e`` is a
dimensionless marker, so ``kg CO2e`` is a mass; ``page`` and ``sheet`` count
(1), ``pkm`` is a kilometre.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from tco.units.algebra import BASES, CATALOG, Definition, Unit, define, power_of
from tco.units.registry import CURRENCIES

__all__ = ["CURRENCIES", "base_of", "definition", "import_pint", "registry", "resolve"]


def import_pint() -> Any:
    """Import pint with dask hidden from its probe.

    pint probes for dask when it is imported and, if dask is installed, loads
    dask.base, which takes a quarter of a second. tco never gives pint dask
    arrays, so dask is hidden from that probe unless it is loaded already.
    """
    if "dask" in sys.modules or "pint" in sys.modules:
        import pint

        return pint
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["dask"]
    return pint


def cache_folder() -> Path:
    """A cache folder for pint's parsed definitions, one per pint installation.

    pint's own ``":auto:"`` folder is shared by every environment, and its
    entries name the definition files of the environment that wrote them; once
    that environment is deleted the entry fails to load. Keying the folder by
    the path and version of the installed pint avoids that.
    """
    pint = import_pint()
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    base = Path(root) if root else Path.home() / ".cache"
    key = f"{Path(pint.__file__).resolve()}|{pint.__version__}"
    return base / "tco" / f"pint-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


@functools.cache
def registry() -> Any:
    """The pint registry of tco, built on first call (with pint's cache of parsed definitions)."""
    pint = import_pint()
    options: dict[str, Any] = {"autoconvert_offset_to_baseunit": True, "on_redefinition": "raise"}
    try:  # a cache folder builds the registry in a tenth of the time
        folder = cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        ureg = pint.UnitRegistry(cache_folder=folder, **options)
    except Exception:  # pragma: no cover - an unusable cache must never stop tco
        ureg = pint.UnitRegistry(cache_folder=None, **options)
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("CO2e = 1 = CO2eq")
    ureg.define("tCO2e = metric_ton")
    ureg.define("kgCO2e = kilogram")
    ureg.define("pkm = kilometer")  # passenger-km, for clarity in rates such as g/pkm
    ureg.define("page = 1")  # printed pages and sheets, as in "25000 page/year"
    ureg.define("sheet = 1")
    return ureg


def definition(name: str) -> Definition:
    """What pint says a canonical unit name means (symbol, factor, dimension, offset)."""
    ureg = registry()
    factor, root = ureg.get_base_units(name, check_nonmult=False)
    dims = tuple(sorted((str(k), power_of(v)) for k, v in ureg.get_dimensionality(name).items()))
    zero = float(ureg.Quantity(0.0, name).to_base_units().magnitude)
    for base in root._units:  # the base units, for Quantity.to_base_units
        dims_of_base = tuple(ureg.get_dimensionality(base))
        if len(dims_of_base) == 1:  # a base unit such as 'radian' has no dimension
            BASES.setdefault(str(dims_of_base[0]), str(base))
    return Definition(str(ureg.get_symbol(name)), float(factor), dims, zero)


def resolve(name: str) -> Unit | None:
    """The unit pint reads a single name as, or ``None`` if pint knows no such unit."""
    ureg = registry()
    try:
        pint_unit = ureg.Unit(name)
    except Exception:  # pint raises several kinds for text it cannot read
        return None
    names = dict(pint_unit._units)
    for canonical in names:
        if canonical not in CATALOG:
            define(canonical, definition(canonical))
    return Unit(names)


def base_of(dim: str) -> None:
    """Record the base unit of a dimension not seen yet (from pint)."""
    ureg = registry()
    for name in ureg._units:  # pragma: no cover - only for exotic dimensions
        if ureg._units[name].is_base and str(next(iter(ureg.get_dimensionality(name)))) == dim:
            define(name, definition(name))
            BASES.setdefault(dim, name)
            return
