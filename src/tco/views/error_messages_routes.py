"""The catalogue's messages of the service's routes for baskets, follow-ups and portfolios.

Part of :data:`tco.views.error_messages.ERRORS` (ids ``service_*``, answered in
the language of the request's ``Accept-Language``): what a body sent to
``/basket``, ``/followup``, ``/portfolio`` or ``/annex`` names that the service
does not read (a file), and the caps of a portfolio request.

Examples
--------
>>> ROUTE_ERRORS["service_not_mapping"]["da"].format(what_da="udbuddet")
'forventede selve udbuddet, som en mapping'
"""

from __future__ import annotations

__all__ = ["ROUTE_ERRORS"]

#: message id -> language -> template
ROUTE_ERRORS: dict[str, dict[str, str]] = {
    "service_inline_only": {
        "en": (
            "names a file ({shown}); the service reads no file: send the {what} itself "
            "inline, as a mapping"
        ),
        "da": (
            "angiver en fil ({shown}); tjenesten læser ingen filer: send selve {what_da} "
            "i forespørgslen, som en mapping"
        ),
    },
    "service_not_mapping": {
        "en": "expected the {what} itself, as a mapping",
        "da": "forventede selve {what_da}, som en mapping",
    },
    "service_followup_tender": {
        "en": (
            "names the tender's file ({shown}); the service reads no file: leave it out, "
            "and send the tender itself beside the follow-up"
        ),
        "da": (
            "angiver udbuddets fil ({shown}); tjenesten læser ingen filer: udelad den, og "
            "send selve udbuddet ved siden af opfølgningen"
        ),
    },
    "service_followup_of_nothing": {
        "en": "a follow-up of '{name}', which is not a tender of this request{hint}",
        "da": "en opfølgning på '{name}', som ikke er et udbud i denne forespørgsel{hint}",
    },
    "service_portfolio_tenders": {
        "en": "{n_q} tenders; a portfolio request holds 1 to {cap_q}",
        "da": "{n_q} udbud; en portefølje-forespørgsel rummer 1 til {cap_q}",
    },
}
