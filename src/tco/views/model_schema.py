"""Where the tender schema of one product model was written; it is in :mod:`tco.views.schema`."""

from __future__ import annotations

from tco.views.schema import (
    UNIT_SPELLINGS,
    bid_schema,
    buyer_parameters_schema,
    tender_schema,
    unit_pattern,
)

__all__ = [
    "UNIT_SPELLINGS",
    "bid_schema",
    "buyer_parameters_schema",
    "tender_schema",
    "unit_pattern",
]
