"""Where the tender schema of one product model was written; it is in :mod:`tco.views.schema`."""

from __future__ import annotations

from tco.views.schema import (
    UNIT_SPELLINGS,
    bid_schema,
    buyer_parameters_schema,
    tender_schema,
    unit_pattern,
)

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = [
    "UNIT_SPELLINGS",
    "bid_schema",
    "buyer_parameters_schema",
    "tender_schema",
    "unit_pattern",
]
