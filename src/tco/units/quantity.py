"""Where :class:`~tco.units.algebra.Quantity` was defined; it lives in :mod:`tco.units.algebra`."""

from __future__ import annotations

from tco.units.algebra import Quantity

__all__ = ["Quantity"]
