"""Error messages of the conventions a stream may state: its own payment timing and indexation.

Part of :data:`tco.views.error_messages.ERRORS`; ``id: {"en": ..., "da": ...}``.

Examples
--------
>>> CONVENTION_ERRORS["discounting_annual"]["da"]
"'discounting' hører kun til 'annual'; et engangsbeløb falder ved årets slutning"
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

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
    "indexation_and_escalation": {
        "en": (
            "give either 'escalation' (a group's rate, set by the tender) or 'indexation' (each "
            "bid's own rate), not both"
        ),
        "da": (
            "angiv enten 'escalation' (en gruppes sats, fastsat i udbuddet) eller 'indexation' "
            "(hvert tilbuds egen sats), ikke begge"
        ),
    },
    "indexation_parameter": {
        "en": (
            "'{name}' is not a bid parameter of the model{hint}; 'indexation' names the bid "
            "parameter that gives the stream's price indexation per year, as "
            "'indexation: {{unit: %/year, bid: true}}'"
        ),
        "da": (
            "'{name}' er ikke en tilbudsparameter i modellen{hint}; 'indexation' angiver den "
            "tilbudsparameter, der giver postens prisregulering pr. år, som "
            "'indexation: {{unit: %/year, bid: true}}'"
        ),
    },
    "indexation_unit": {
        "en": "'{name}' has unit '{unit}'; an indexation is a rate per year such as '%/year'",
        "da": "'{name}' har enheden '{unit}'; en prisregulering er en sats pr. år som '%/year'",
    },
    "indexation_below": {
        "en": "for {who} the indexation of '{name}' is {pct_q}; a rate must be above -100 %",
        "da": "for {who} er prisreguleringen af '{name}' {pct_q}; en sats skal være over -100 %",
    },
    "batch_indexation_column": {
        "en": (
            "the column '{name}' gives each row its own indexation of '{item}'; the batch path "
            "takes one indexation for every row: give it under 'parameters', or evaluate the "
            "rows as the bids of a tender"
        ),
        "da": (
            "kolonnen '{name}' giver hver række sin egen prisregulering af '{item}'; "
            "batch-beregningen tager én prisregulering for alle rækker: angiv den under "
            "'parameters', eller beregn rækkerne som tilbud i et udbud"
        ),
    },
    "item_discounting_annual": {
        "en": "'{name}' is not an annual item; a one-off amount falls at its year's end",
        "da": "'{name}' er ikke en årlig post; et engangsbeløb falder ved årets slutning",
    },
}
