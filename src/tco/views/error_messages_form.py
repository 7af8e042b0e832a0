"""The catalogue's messages about a bid form (an Excel workbook a supplier sends).

Part of :data:`tco.views.error_messages.ERRORS`: the file and its archive
(:mod:`tco.io.xlsx`), its sheet and cells (:mod:`tco.io.forms`) and the bid
read from them (:mod:`tco.spec.forms`). Where the error names a sheet and a
cell, :func:`tco.views.error_text.error_text` puts them in front.

Examples
--------
>>> FORM_ERRORS["form_formula"]["da"].format(formula="=1450*2")
'indeholder en formel (=1450*2), hvis resultat ikke læses; skriv selve tallet i en celle med formatet Standard'
"""  # noqa: E501

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_SAVE = {
    "en": "save the form in Excel as 'Excel Workbook (.xlsx)'",
    "da": "gem skemaet i Excel som 'Excel-projektmappe (.xlsx)'",
}
_SEND = {
    "en": "send the form written by 'tco form'",
    "da": "send det skema, 'tco form' har skrevet",
}
_TYPE = {
    "en": "type the number itself, in a cell formatted as General",
    "da": "skriv selve tallet i en celle med formatet Standard",
}


def _with(words: dict[str, str], tail: dict[str, str]) -> dict[str, str]:
    return {lang: f"{text}; {tail[lang]}" for lang, text in words.items()}


#: message id -> language -> template
FORM_ERRORS: dict[str, dict[str, str]] = {
    # -- the file and its archive (tco.io.xlsx) --
    "form_no_file": {"en": "no such file", "da": "filen findes ikke"},
    "form_not_a_file": {"en": "not a regular file", "da": "er ikke en almindelig fil"},
    "form_unreadable": {
        "en": "cannot be read ({reason})",
        "da": "kan ikke læses ({reason})",
    },
    "form_too_big": {
        "en": (
            "the file is {size_q} bytes; a bid form may be at most {cap_q} bytes (a filled "
            "form is about 10 kB): send the form written by 'tco form'"
        ),
        "da": (
            "filen er på {size_q} byte; et tilbudsskema må højst være på {cap_q} byte (et "
            "udfyldt skema er på omkring 10 kB): send det skema, 'tco form' har skrevet"
        ),
    },
    "form_not_zip": _with(
        {
            "en": "not an Excel workbook (.xlsx): the file is not a zip archive",
            "da": "ikke en Excel-projektmappe (.xlsx): filen er ikke et zip-arkiv",
        },
        _SAVE,
    ),
    "form_too_many_members": _with(
        {
            "en": "the archive holds {count_q} files; a bid form holds at most {cap_q}",
            "da": "arkivet indeholder {count_q} filer; et tilbudsskema indeholder højst {cap_q}",
        },
        _SEND,
    ),
    "form_missing_member": _with(
        {
            "en": "not an Excel workbook (.xlsx): the archive has no {member}",
            "da": "ikke en Excel-projektmappe (.xlsx): arkivet har ingen {member}",
        },
        _SAVE,
    ),
    "form_member_too_big": _with(
        {
            "en": (
                "'{member}' in the archive unpacks to {size_q} bytes; at most {cap_q} are "
                "allowed (a zip bomb?)"
            ),
            "da": (
                "'{member}' i arkivet pakkes ud til {size_q} byte; højst {cap_q} er tilladt "
                "(en zip-bombe?)"
            ),
        },
        _SEND,
    ),
    "form_packed": _with(
        {
            "en": (
                "'{member}' in the archive is packed {ratio_q} times; at most {cap_q} is "
                "allowed (a zip bomb?)"
            ),
            "da": (
                "'{member}' i arkivet er pakket {ratio_q} gange; højst {cap_q} er tilladt "
                "(en zip-bombe?)"
            ),
        },
        _SEND,
    ),
    "form_unpacked_too_big": _with(
        {
            "en": (
                "the archive unpacks to {size_q} bytes; at most {cap_q} are allowed (a zip bomb?)"
            ),
            "da": "arkivet pakkes ud til {size_q} byte; højst {cap_q} er tilladt (en zip-bombe?)",
        },
        _SEND,
    ),
    "form_not_utf8": _with(
        {
            "en": "'{member}' in the archive is not UTF-8 XML",
            "da": "'{member}' i arkivet er ikke XML i UTF-8",
        },
        _SAVE,
    ),
    "form_entities": _with(
        {
            "en": (
                "'{member}' in the archive declares a document type or entities, which Excel "
                "never writes (an XML entity bomb?)"
            ),
            "da": (
                "'{member}' i arkivet erklærer en dokumenttype eller entiteter, hvad Excel "
                "aldrig skriver (en XML-entitetsbombe?)"
            ),
        },
        _SEND,
    ),
    "form_too_many_elements": _with(
        {
            "en": (
                "'{member}' in the archive holds more than {cap_q} XML elements; a bid form "
                "holds a few thousand"
            ),
            "da": (
                "'{member}' i arkivet indeholder mere end {cap_q} XML-elementer; et "
                "tilbudsskema indeholder nogle få tusinde"
            ),
        },
        _SEND,
    ),
    "form_unpack": _with(
        {
            "en": "'{member}' in the archive cannot be unpacked ({reason})",
            "da": "'{member}' i arkivet kan ikke pakkes ud ({reason})",
        },
        _SAVE,
    ),
    "form_not_workbook": _with(
        {
            "en": "cannot be read as an Excel workbook ({reason})",
            "da": "kan ikke læses som en Excel-projektmappe ({reason})",
        },
        _SAVE,
    ),
    "form_needs_openpyxl": {
        "en": "reading bid forms needs openpyxl: pip install 'tco-lcc[excel]'",
        "da": "indlæsning af tilbudsskemaer kræver openpyxl: pip install 'tco-lcc[excel]'",
    },
    # -- the sheet and its cells (tco.io.forms) --
    "form_no_sheet": {
        "en": (
            "no sheet {sheets}; the workbook has {have}: fill in the form written by "
            "'tco form' without renaming its sheet"
        ),
        "da": (
            "intet ark {sheets_da}; projektmappen har {have}: udfyld det skema, 'tco form' har "
            "skrevet, uden at omdøbe arket"
        ),
    },
    "form_two_sheets": {
        "en": (
            "both sheets {sheets} are present; a form has one: delete the one that is not the bid"
        ),
        "da": "begge ark {sheets_da} findes; et skema har ét: slet det, der ikke er tilbuddet",
    },
    "form_sheet_hidden": {
        "en": (
            "the form's sheet is {state}, so the values read would not be the ones shown; "
            "unhide it (Format > Sheet > Unhide) and check its values"
        ),
        "da": (
            "skemaets ark er skjult ({state}), så de værdier, der læses, ville ikke være "
            "dem, der vises; vis det (Formater > Ark > Vis) og kontrollér dets værdier"
        ),
    },
    # -- a basket's form: a front sheet and one sheet per line (tco.io.basket_forms) --
    "form_no_basket_sheet": {
        "en": (
            "no sheet {sheets}, or more than one; the workbook has {have}: fill in the "
            "basket's form written by 'tco form' without renaming or adding its sheets"
        ),
        "da": (
            "intet ark {sheets_da}, eller flere; projektmappen har {have}: udfyld kurvens "
            "skema, som 'tco form' har skrevet, uden at omdøbe arkene eller tilføje nye"
        ),
    },
    "form_no_line_sheet": {
        "en": (
            "no sheet '{sheet}' for the line {line}; the workbook has {have}: fill in the "
            "basket's form written by 'tco form' without renaming its sheets"
        ),
        "da": (
            "intet ark '{sheet}' til linjen {line}; projektmappen har {have}: udfyld kurvens "
            "skema, som 'tco form' har skrevet, uden at omdøbe arkene"
        ),
    },
    "form_no_forms": {
        "en": "no bid forms given",
        "da": "ingen tilbudsskemaer angivet",
    },
    "form_rows_hidden": {
        "en": (
            "the sheet hides its rows (zero row height), so the values read would not be the "
            "ones shown; unhide all rows and check the values"
        ),
        "da": (
            "arket skjuler sine rækker (rækkehøjde nul), så de værdier, der læses, ville ikke "
            "være dem, der vises; vis alle rækker og kontrollér værdierne"
        ),
    },
    "form_cell_hidden": {
        "en": (
            "{what} is hidden, so the value read ({value}) is not shown; unhide it and check "
            "the value"
        ),
        "da": (
            "{what_da} er skjult, så den værdi, der læses ({value}), vises ikke; vis den og "
            "kontrollér værdien"
        ),
    },
    "form_too_many_rows": {
        "en": (
            "the sheet has more than {cap_q} rows; a bid form has one row per bid parameter: "
            "delete the rows below the form"
        ),
        "da": (
            "arket har mere end {cap_q} rækker; et tilbudsskema har én række pr. "
            "tilbudsparameter: slet rækkerne under skemaet"
        ),
    },
    "form_formula": _with(
        {
            "en": "holds a formula ({formula}), whose result is not read",
            "da": "indeholder en formel ({formula}), hvis resultat ikke læses",
        },
        _TYPE,
    ),
    "form_error_value": _with(
        {"en": "holds the error value {value}", "da": "indeholder fejlværdien {value}"},
        _TYPE,
    ),
    "form_not_number": _with(
        {
            "en": "holds a {kind} ({value}), not a number",
            "da": "indeholder en værdi af typen {kind} ({value}), ikke et tal",
        },
        _TYPE,
    ),
    "form_number_format": _with(
        {
            "en": "has the number format '{format}', which shows {value} differently",
            "da": "har talformatet '{format}', som viser {value} anderledes",
        },
        _TYPE,
    ),
    "form_unknown_parameter": {
        "en": (
            "unknown bid parameter '{name}'{hint}; use a form written by 'tco form' for this tender"
        ),
        "da": (
            "ukendt tilbudsparameter '{name}'{hint}; brug et skema, 'tco form' har skrevet til "
            "dette udbud"
        ),
    },
    "form_missing_row": {
        "en": (
            "the row for '{name}' is missing; fill in the form written by 'tco form' for this "
            "tender without deleting rows"
        ),
        "da": (
            "rækken for '{name}' mangler; udfyld det skema, 'tco form' har skrevet til dette "
            "udbud, uden at slette rækker"
        ),
    },
    "form_two_rows": {
        "en": "the parameter '{name}' has two rows ({first} and {second}); delete one of them",
        "da": "parameteren '{name}' har to rækker ({first} og {second}); slet den ene",
    },
    # -- the bid read from the cells (tco.spec.forms) --
    "form_other_model": {
        "en": (
            "the form is for model '{form_model}', but the tender uses '{model}'; fill in a "
            "form written by 'tco form' for this tender"
        ),
        "da": (
            "skemaet er til modellen '{form_model}', men udbuddet bruger '{model}'; udfyld et "
            "skema, 'tco form' har skrevet til dette udbud"
        ),
    },
    "form_other_format": {
        "en": (
            "the form states the number convention '{conv}', but the tender states "
            "'number_format: {tender_format}'; write '{tender_format}' in cell {cell} and "
            "check the numbers typed as text, or fill in the form written by 'tco form' for "
            "this tender"
        ),
        "da": (
            "skemaet angiver talformatet '{conv}', men udbuddet angiver 'number_format: "
            "{tender_format}'; skriv '{tender_format}' i celle {cell} og kontrollér de tal, "
            "der er skrevet som tekst, eller udfyld det skema, 'tco form' har skrevet til "
            "dette udbud"
        ),
    },
    "form_sheet_format": {
        "en": (
            "the sheet states the number convention '{conv}', but the form's front sheet "
            "'{sheet}' states '{front}'; a form has one number convention: write '{front}' in "
            "cell {cell} and check the numbers typed as text"
        ),
        "da": (
            "arket angiver talformatet '{conv}', men skemaets forside '{sheet}' angiver "
            "'{front}'; et skema har ét talformat: skriv '{front}' i celle {cell} og kontrollér "
            "de tal, der er skrevet som tekst"
        ),
    },
    "form_bad_format": {
        "en": (
            "got '{conv}', expected the number convention 'da' (1.450,50) or 'en' (1,450.50); "
            "write one of them, as 'tco form' did"
        ),
        "da": (
            "fik '{conv}', forventede talformatet 'da' (1.450,50) eller 'en' (1,450.50); "
            "skriv et af dem, som 'tco form' gjorde"
        ),
    },
    "form_percent_unit": {
        "en": (
            "shown as {shown}% but the unit cell {cell} says '{unit}'; format the cell as "
            "General and type the number in {unit}"
        ),
        "da": (
            "vises som {shown} %, men enhedscellen {cell} siger '{unit}'; giv cellen formatet "
            "Standard og skriv tallet i {unit}"
        ),
    },
    "form_two_units": {
        "en": (
            "got '{shown}' in {own}, but the unit cell {cell} was changed to '{unit}'; write "
            "the unit once, in the unit cell or after the number"
        ),
        "da": (
            "fik '{shown}' i {own}, men enhedscellen {cell} er ændret til '{unit}'; skriv "
            "enheden én gang, i enhedscellen eller efter tallet"
        ),
    },
    "form_unit_blank": {
        "en": "the unit cell is empty; write the unit back ('{unit}')",
        "da": "enhedscellen er tom; skriv enheden igen ('{unit}')",
    },
    "form_unit_not_unit": {
        "en": (
            "the unit cell was changed from '{written}' to '{unit}', which is not a unit; "
            "write '{written}' back"
        ),
        "da": (
            "enhedscellen er ændret fra '{written}' til '{unit}', som ikke er en enhed; skriv "
            "'{written}' igen"
        ),
    },
    "form_unit_other_kind": {
        "en": (
            "the unit cell was changed from '{written}' to '{unit}', which is not a unit of "
            "the same kind; write '{written}' back, or a unit such as '{written}' with a "
            "prefix"
        ),
        "da": (
            "enhedscellen er ændret fra '{written}' til '{unit}', som ikke er en enhed af "
            "samme slags; skriv '{written}' igen, eller en enhed som '{written}' med et præfiks"
        ),
    },
}
