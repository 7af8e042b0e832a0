"""Error messages of the conventions a stream may state: its own payment timing and indexation.

Part of :data:`tco.views.error_messages.ERRORS`; ``id: {"en": ..., "da": ...}``.

Examples
--------
>>> CONVENTION_ERRORS["discounting_annual"]["da"]
"'discounting' hører kun til 'annual'; et engangsbeløb falder ved årets slutning"
"""

from __future__ import annotations

__all__ = ["CONVENTION_ERRORS"]

#: message id -> language -> template
CONVENTION_ERRORS: dict[str, dict[str, str]] = {
    "discounting_annual": {
        "en": "'discounting' goes with 'annual' only; a one-off amount falls at its year's end",
        "da": "'discounting' hører kun til 'annual'; et engangsbeløb falder ved årets slutning",
    },
    "unknown_item": {
        "en": "unknown item '{name}'{hint}; the model's items are {names_list}",
        "da": "ukendt post '{name}'{hint}; modellens poster er {names_list}",
    },
    "item_discounting_annual": {
        "en": "'{name}' is not an annual item; a one-off amount falls at its year's end",
        "da": "'{name}' er ikke en årlig post; et engangsbeløb falder ved årets slutning",
    },
}
