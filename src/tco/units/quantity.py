"""Where :class:`~tco.units.algebra.Quantity` was defined; it lives in :mod:`tco.units.algebra`."""

from __future__ import annotations

from tco.units.algebra import Quantity

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["Quantity"]
