"""Danish and English texts of the tender workbook's errors (``tco workbook``, ``.xlsx`` tenders).

>>> WORKBOOK_ERRORS["book_too_many_columns"]["da"].format(cap_q="500")
'et udbudsark har højst 500 tilbud (kolonner); fordel tilbuddene på flere udbudsark'
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: message id -> language -> template
WORKBOOK_ERRORS: dict[str, dict[str, str]] = {
    "book_no_sheet": {
        "en": (
            "expected one sheet {sheets}; the workbook has {have}: fill in the tender "
            "workbook written by 'tco workbook' without renaming its sheets"
        ),
        "da": (
            "forventede ét ark {sheets_da}; projektmappen har {have}: udfyld det udbudsark, "
            "'tco workbook' har skrevet, uden at omdøbe dets ark"
        ),
    },
    "book_too_many_columns": {
        "en": (
            "a tender workbook holds at most {cap_q} bids (columns); split the bids over "
            "several workbooks"
        ),
        "da": (
            "et udbudsark har højst {cap_q} tilbud (kolonner); fordel tilbuddene på flere udbudsark"
        ),
    },
    "book_value_not_cell": {
        "en": (
            "the value {value} cannot be written in one cell of a tender workbook; keep "
            "this tender in YAML"
        ),
        "da": (
            "værdien {value} kan ikke skrives i én celle i et udbudsark; behold dette udbud i YAML"
        ),
    },
    "book_bad_format": {
        "en": "got '{conv}', expected the number convention 'da' (1.450,50) or 'en' (1,450.50)",
        "da": "fik '{conv}', forventede talformatet 'da' (1.450,50) eller 'en' (1,450.50)",
    },
    "book_not_carried": {
        "en": (
            "the tender has {keys}, which a tender workbook does not hold; keep this tender in YAML"
        ),
        "da": "udbuddet har {keys}, som et udbudsark ikke kan rumme; behold dette udbud i YAML",
    },
    "book_to_yaml_model": {
        "en": "--to-yaml converts a tender (a filled workbook); a model has no tender yet",
        "da": "--to-yaml omskriver et udbud (et udfyldt udbudsark); en model er endnu intet udbud",
    },
}
