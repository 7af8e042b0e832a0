"""Danish and English texts of the errors about a bidder's details in a bid form.

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
}
