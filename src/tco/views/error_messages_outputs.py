"""The catalogue's messages of outputs, bases, files, baskets and the commands' own checks.

Part of :data:`tco.views.error_messages.ERRORS`. :data:`OUTPUT_WORDS` names
the file a command writes (``{what}`` of a message, in the definite form in
Danish); :data:`OS_REASONS` says the operating system's reason a file cannot
be written in Danish.

Examples
--------
>>> OUTPUT_WORDS["report"]["da"], OS_REASONS["Permission denied"]
('rapporten', 'adgang nægtet')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: what a command writes -> language -> the word (the file that cannot be written)
OUTPUT_WORDS: dict[str, dict[str, str]] = {
    "output": {"en": "output", "da": "filen"},
    "table": {"en": "table", "da": "tabellen"},
    "workbook": {"en": "workbook", "da": "regnearket"},
    "report": {"en": "report", "da": "rapporten"},
    "chart": {"en": "chart", "da": "diagrammet"},
    "CSV file": {"en": "CSV file", "da": "CSV-filen"},
    "Parquet file": {"en": "Parquet file", "da": "Parquet-filen"},
    "OpenAPI document": {"en": "OpenAPI document", "da": "OpenAPI-dokumentet"},
    "schema": {"en": "schema", "da": "skemaet"},
    "annex": {"en": "annex", "da": "bilaget"},
}

#: the operating system's reason a file cannot be written (its English strerror) -> Danish
OS_REASONS: dict[str, str] = {
    "No such file or directory": "filen eller mappen findes ikke",
    "Permission denied": "adgang nægtet",
    "No space left on device": "der er ikke mere plads på enheden",
    "Is a directory": "stien er en mappe",
    "Not a directory": "en del af stien er ikke en mappe",
    "Read-only file system": "filsystemet er skrivebeskyttet",
    "File name too long": "filnavnet er for langt",
    "Disk quota exceeded": "diskkvoten er opbrugt",
}


#: message id -> language -> template
OUTPUT_ERRORS: dict[str, dict[str, str]] = {
    # -- outputs --
    "annex_suffix": {
        "en": "cannot write an annex as '{name}'; expected a file ending in .docx or .html",
        "da": "kan ikke skrive et bilag som '{name}'; forventede en fil, der ender på .docx "
        "eller .html",
    },
    "needs_extra": {
        "en": "this needs {package}: pip install 'tco-lcc[{extra}]'",
        "da": "dette kræver {package}: pip install 'tco-lcc[{extra}]'",
    },
    "annex_no_bids": {
        "en": (
            "the tender has no bids, and bid parameter '{name}' has no default and no range to "
            "take an illustrative value from; add one bid to the tender (it becomes the "
            "annex's worked example)"
        ),
        "da": (
            "udbuddet har ingen tilbud, og tilbudsparameteren '{name}' har hverken en "
            "standardværdi eller et interval at tage en illustrativ værdi fra; tilføj ét tilbud "
            "til udbuddet (det bliver bilagets regneeksempel)"
        ),
    },
    "no_forms": {"en": "no bid forms given", "da": "ingen tilbudsskemaer angivet"},
    "workbook_too_big": {
        "en": (
            "the workbook would hold {n_q} cells; a result workbook holds at most {cap_q}: write "
            "fewer bids or a shorter period, or use --format csv for the summary"
        ),
        "da": (
            "regnearket ville have {n_q} celler; et resultatregneark har højst {cap_q}: skriv "
            "færre tilbud eller en kortere periode, eller brug --format csv til oversigten"
        ),
    },
    "needs_pyarrow": {
        "en": "a Parquet file needs pyarrow: pip install pyarrow",
        "da": "en Parquet-fil kræver pyarrow: pip install pyarrow",
    },
    "portfolio_nothing": {
        "en": "no tender of the portfolio could be evaluated: nothing to chart",
        "da": "intet udbud i porteføljen kunne beregnes: der er intet at vise i et diagram",
    },
    "workbook_cells": {
        "en": "the workbook would hold {n_q} cells; a result workbook holds at most {cap_q}",
        "da": "regnearket ville have {n_q} celler; et resultatregneark har højst {cap_q}",
    },
    "write_not_file": {
        "en": "cannot write the {what}: this is not a regular file",
        "da": "kan ikke skrive {what}: stien er ikke en almindelig fil",
    },
    "write_over_input": {
        "en": "cannot write the {what} over an input file; give another file name",
        "da": "kan ikke skrive {what} oven i en inddatafil; angiv et andet filnavn",
    },
    "too_many_bids": {
        "en": "{n_q} bids; a tender holds at most {cap_q} (use the batch API for catalogues)",
        "da": "{n_q} tilbud; et udbud har højst {cap_q} (brug batch-API'et til kataloger)",
    },
    # -- bases --
    "basis_no_value": {
        "en": "basis '{basis}' has no value '{name}'{hint}; give the value itself instead",
        "da": "grundlaget '{basis}' har ingen værdi '{name}'{hint}; angiv i stedet selve værdien",
    },
    "basis_not_by_year": {
        "en": "basis value '{name}' of '{basis}' is not given by calendar year; remove 'from' "
        "and 'year'",
        "da": "værdien '{name}' i grundlaget '{basis}' er ikke angivet pr. kalenderår; fjern "
        "'from' og 'year'",
    },
    "basis_by_year": {
        "en": "basis value '{name}' of '{basis}' is given by calendar year ({first}-{last}); "
        "say which, as {{basis: {name}, from: {first}}} or {{basis: {name}, year: {first}}}",
        "da": "værdien '{name}' i grundlaget '{basis}' er angivet pr. kalenderår ({first}-{last}); "
        "sig hvilket, som '{{basis: {name}, from: {first}}}' for et forløb fra første brugsår "
        "eller '{{basis: {name}, year: {first}}}'",
    },
    "basis_outside": {
        "en": "basis value '{name}' of '{basis}' covers {first}-{last}; {year} is outside it",
        "da": "værdien '{name}' i grundlaget '{basis}' dækker {first}-{last}; {year} ligger "
        "uden for",
    },
    "basis_id_file": {
        "en": "basis id '{name}' differs from its file name '{stem}'",
        "da": "grundlagets id '{name}' afviger fra filnavnet '{stem}'",
    },
    "basis_year": {
        "en": "'{key}' of a basis reference is a calendar year such as 2026, got {shown}",
        "da": "'{key}' i en henvisning til et grundlag er et kalenderår som 2026, fik {shown}",
    },
    "basis_none": {
        "en": "refers to basis value '{name}' but selects no basis; add 'basis: NAME'",
        "da": "henviser til grundlagsværdien '{name}', men vælger intet grundlag; tilføj "
        "'basis: NAVN' ('tco bases' viser dem)",
    },
    "basis_kind": {
        "en": "'basis' is a basis id or a list of them",
        "da": "'basis' er et grundlags id eller en liste af dem",
    },
    "basis_value_form": {
        "en": "give exactly one of 'value' and 'by_year'",
        "da": "angiv præcis én af 'value' og 'by_year'",
    },
    "basis_by_year_empty": {
        "en": "'by_year' needs at least one year",
        "da": "'by_year' skal have mindst ét år",
    },
    "basis_source": {
        "en": "value '{name}' cites source '{source}', which is not under 'sources'{hint}",
        "da": "værdien '{name}' henviser til kilden '{source}', som ikke står under "
        "'sources'{hint}",
    },
    # -- model and tender files --
    "yes_no_value": {
        "en": (
            "got {value}, a yes/no value, where a number with its unit belongs; write the "
            "value as '4 %' or '15 year'"
        ),
        "da": (
            "fik '{value}', en ja/nej-værdi, hvor et tal med sin enhed hører hjemme; skriv "
            "værdien som '4 %' eller '15 år'"
        ),
    },
    "amount_timing": {
        "en": "'amount' goes with 'every' or 'at'; with '{name}' remove it",
        "da": "'amount' hører til 'every' eller 'at'; fjern den ved '{name}'",
    },
    "start_stop_annual": {
        "en": "'start' and 'stop' go with 'annual' only",
        "da": "'start' og 'stop' hører kun til 'annual'",
    },
    "bad_name": {
        "en": (
            "'{name}' is not a valid name; use letters, digits and '_', starting with a "
            "letter, as 'electricity_price'"
        ),
        "da": (
            "'{name}' er ikke et gyldigt navn; brug bogstaver, cifre og '_', begyndende med et "
            "bogstav, som 'electricity_price'"
        ),
    },
    # -- baskets --
    "tender_is_basket": {
        "en": (
            "this is a basket tender (it has 'lines'); rank it with 'tco basket FILE' or "
            "tco.basket.load_basket"
        ),
        "da": (
            "dette er et kurveudbud (det har 'lines'); rangér det med 'tco basket FIL' eller "
            "tco.basket.load_basket"
        ),
    },
    "basket_lines_max": {
        "en": "a basket holds at most {cap_q} lines; this one has {n_q}",
        "da": "en kurv har højst {cap_q} linjer; denne har {n_q}",
    },
    "basket_same_line": {
        "en": "two lines are named '{name}'",
        "da": "to linjer hedder '{name}'",
    },
    "basket_no_model": {
        "en": "this line has no model, and the basket names none",
        "da": "linjen har ingen model, og kurven angiver ingen",
    },
    "basket_no_bids": {
        "en": "a basket tender needs at least one bid",
        "da": "et kurvudbud skal have mindst ét tilbud",
    },
    "basket_no_line": {
        "en": "no line named '{name}'{hint}; lines are {names_list}",
        "da": "ingen linje hedder '{name}'{hint}; linjerne er {names_list}",
    },
    "basket_line_missing": {
        "en": "bid '{bid}' offers nothing for line '{name}'",
        "da": "tilbuddet '{bid}' tilbyder intet til linjen '{name}'",
    },
    # -- the command line's own checks --
    "samples_whole": {
        "en": "got {shown}, expected a whole number of samples of at least 1",
        "da": "fik {shown}, forventede et helt antal stikprøver på mindst 1",
    },
    "samples_max": {
        "en": "{n_q} samples; at most {cap_q} are allowed",
        "da": "{n_q} stikprøver; højst {cap_q} er tilladt",
    },
    "usage_error": {"en": "{prog}: {message}", "da": "{prog}: {message}"},
    "workers": {
        "en": "got --workers {n}, expected 1 or more",
        "da": "fik --workers {n}, forventede 1 eller flere",
    },
    "name_value": {
        "en": "got '{value}' for {option}, expected NAME=VALUE",
        "da": "fik '{value}' for {option}, forventede NAVN=VÆRDI",
    },
    "percentiles": {
        "en": "got '{value}' for --percentiles, expected numbers such as 5,50,95",
        "da": "fik '{value}' for --percentiles, forventede tal som 5,50,95",
    },
    "low_and_high": {
        "en": "give both --low and --high",
        "da": "angiv både --low og --high",
    },
    "schema_model": {
        "en": "--model goes with 'tco schema tender'",
        "da": "--model hører til 'tco schema tender'",
    },
    "cannot_write": {
        "en": "cannot write the {what} ({reason})",
        "da": "kan ikke skrive {what} ({reason})",
    },
    "write_suffix": {
        "en": "cannot write the {what}: got a '{suffix}' file, expected {want}",
        "da": "kan ikke skrive {what}: fik en '{suffix}'-fil, forventede {want}",
    },
    "write_same_file": {
        "en": (
            "cannot write the {what} and the {other_what} to the same file; "
            "give each its own file name"
        ),
        "da": ("kan ikke skrive {what} og {other_what} til samme fil; giv hver sit eget filnavn"),
    },
    "serve_needs": {
        "en": "tco serve needs {names_list}: pip install 'tco-lcc[service]'",
        "da": "tco serve kræver {names_list}: pip install 'tco-lcc[service]'",
    },
    "unknown_convention": {
        "en": "unknown convention {value!r}; expected one of {options}",
        "da": "ukendt konvention {value!r}; forventede en af {options}",
    },
    # -- the buyer's limits (a tender's limits:) --
    "outside_limit_min": {
        "en": "got '{value}'; the tender admits at least {bound_q} (limits.{name}.min); a bid "
        "outside the buyer's limits does not conform",
        "da": "fik '{value}'; udbuddet tillader mindst {bound_q} (limits.{name}.min); et tilbud "
        "uden for ordregiverens grænser er ukonditionsmæssigt",
    },
    "outside_limit_max": {
        "en": "got '{value}'; the tender admits at most {bound_q} (limits.{name}.max); a bid "
        "outside the buyer's limits does not conform",
        "da": "fik '{value}'; udbuddet tillader højst {bound_q} (limits.{name}.max); et tilbud "
        "uden for ordregiverens grænser er ukonditionsmæssigt",
    },
    "limit_not_bid": {
        "en": "'{name}' is not a bid parameter of the model; a limit applies to what a bid "
        "gives: {names_list}",
        "da": "'{name}' er ikke en tilbudsparameter i modellen; en grænse gælder det, et tilbud "
        "angiver: {names_list}",
    },
}
