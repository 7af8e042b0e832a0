"""Danish and English texts of the errors about a bidder's details and labels in a bid form.

>>> BIDDER_ERRORS["form_cvr"]["da"].format(value="1234")
"CVR-nummeret '1234' er ikke 8 cifre; skriv virksomhedens CVR-nummer, fx 12345678"
"""

from __future__ import annotations

__all__ = ["BIDDER_ERRORS"]

#: message id -> language -> template
BIDDER_ERRORS: dict[str, dict[str, str]] = {
    "form_cvr": {
        "en": "the CVR number '{value}' is not 8 digits; write the company's CVR number, "
        "such as 12345678",
        "da": "CVR-nummeret '{value}' er ikke 8 cifre; skriv virksomhedens CVR-nummer, fx 12345678",
    },
    "form_date": {
        "en": "the date '{value}' is not a date; type it as a date in Excel, or as "
        "2026-12-07 or 7.12.2026",
        "da": "datoen '{value}' er ikke en dato; skriv den som en dato i Excel, eller som "
        "2026-12-07 eller 7.12.2026",
    },
    "form_label_changed": {
        "en": "the row's label '{label}' is not the label of {name} ('{expected}'); the "
        "row was changed: fill in the form written by 'tco form' without changing its labels",
        "da": "rækkens betegnelse '{label}' er ikke betegnelsen for {name} ('{expected}'); "
        "rækken er ændret: udfyld det skema, 'tco form' har skrevet, uden at ændre "
        "betegnelserne",
    },
}
