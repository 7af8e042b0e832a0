"""The catalogue of error messages: each message's text by language, keyed by id.

An error names its message with :meth:`tco.errors.TCOError.speaks`; the
English text is the one the error was raised with (``str(err)``), kept here
too so that the two can be read side by side. Texts are :meth:`str.format`
templates whose ``{fields}`` are the error's ``params`` (see
:mod:`tco.views.error_text` for how each is shown). The value grammar's
refusals have their own table, :mod:`tco.units.messages` (ids ``units.*``).

Examples
--------
>>> ERRORS["required"]["da"]
'nøglen skal angives'
"""

from __future__ import annotations

from tco.views.error_messages_analysis import ANALYSIS_ERRORS
from tco.views.error_messages_api import API_ERRORS
from tco.views.error_messages_conventions import CONVENTION_ERRORS
from tco.views.error_messages_file import FILE_ERRORS
from tco.views.error_messages_form import FORM_ERRORS
from tco.views.error_messages_formula import FORMULA_ERRORS
from tco.views.error_messages_outputs import OUTPUT_ERRORS
from tco.views.error_messages_workbook import WORKBOOK_ERRORS

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_CHECK_UNIT = {
    "en": "check the number and its unit (a prefix such as m or k?)",
    "da": "kontrollér tallet og dets enhed (et præfiks som m eller k?)",
}

#: message id -> language -> template
ERRORS: dict[str, dict[str, str]] = {
    "problems": {"en": "{n} problems found:", "da": "{n} problemer fundet:"},
    "did_you_mean": {"en": " (did you mean '{name}'?)", "da": " (mente du '{name}'?)"},
    # -- keys --
    "required": {"en": "this key is required", "da": "nøglen skal angives"},
    "unknown_key": {
        "en": "unknown key '{name}'{hint}; valid keys are {keys_list}",
        "da": "ukendt nøgle '{name}'{hint}; gyldige nøgler er {keys_list}",
    },
    "unknown_key_only": {
        "en": "unknown key '{name}'{hint}",
        "da": "ukendt nøgle '{name}'{hint}",
    },
    "unknown_parameter": {
        "en": "unknown parameter '{name}'{hint}",
        "da": "ukendt parameter '{name}'{hint}",
    },
    "unknown_bid_parameter": {
        "en": "unknown parameter '{name}'{hint}; bids give {names_list}",
        "da": "ukendt parameter '{name}'{hint}; tilbuddene angiver {names_list}",
    },
    "buyer_gives_bid_parameter": {
        "en": "'{name}' is given by each bid, not by the buyer; move it to the bids",
        "da": "'{name}' angives af hvert tilbud, ikke af ordregiver; flyt den til tilbuddene",
    },
    "bid_gives_buyer_parameter": {
        "en": (
            "'{name}' is the buyer's assumption, the same for every bid; "
            "set it under 'parameters' instead"
        ),
        "da": (
            "'{name}' er ordregivers forudsætning, ens for alle tilbud; "
            "angiv den under 'parameters' i stedet"
        ),
    },
    # -- values --
    "by_year_scalar": {
        "en": "a list of values is allowed only for a parameter with 'by_year: true'",
        "da": "en liste af værdier er kun tilladt for en parameter med 'by_year: true'",
    },
    "by_year_too_short": {
        "en": "gives {n} yearly values but the period has {years} years; give one per year",
        "da": "angiver {n} årlige værdier, men perioden har {years} år; angiv én pr. år",
    },
    "rates_too_short": {
        "en": "gives {n} yearly rates but the period has {years} years; give one per year",
        "da": "angiver {n} årlige satser, men perioden har {years} år; angiv én pr. år",
    },
    "lifetime_positive": {
        "en": "the lifetime of {who} is {years_q}s; a lifetime must be positive",
        "da": "levetiden for {who} er {years_q}; en levetid skal være positiv",
    },
    "interval_positive": {
        "en": "for {who} the interval is {years_q}s; an interval must be positive",
        "da": "for {who} er intervallet {years_q}; et interval skal være positivt",
    },
    "at_before_0": {
        "en": "for {who} the event falls at {years_q}s, before the decision date (year 0)",
        "da": "for {who} falder hændelsen på {years_q}, før beslutningstidspunktet (år 0)",
    },
    "stop_before_start": {
        "en": (
            "for {who} the stream stops in year {stop}, before it starts (year {start}), "
            "so it never occurs"
        ),
        "da": (
            "for {who} stopper posten i år {stop}, før den begynder (år {start}), "
            "så den forekommer aldrig"
        ),
    },
    "flow_overflows": {
        "en": (
            "the cash flow of item '{label}' for {who} in year {year} overflows (beyond {cap}); "
            "check the size of the bid's values and the quantity"
        ),
        "da": (
            "pengestrømmen for posten '{label}' for {who} i år {year} bliver for stor til at "
            "regne med; "
            "kontrollér størrelsen af tilbuddets værdier og antallet"
        ),
    },
    "mass_overflows": {
        "en": (
            "the mass of emission '{label}' for {who} in year {year} overflows (beyond {cap}); "
            "check the size of the bid's values and the quantity"
        ),
        "da": (
            "massen af udledningen '{label}' for {who} i år {year} bliver for stor til at "
            "regne med; "
            "kontrollér størrelsen af tilbuddets værdier og antallet"
        ),
    },
    "discount_overflows": {
        "en": (
            "a real discount rate of {pct_q} over {years} years gives discount factors "
            "(1 + r) ** -t beyond {cap}; use a rate further from -100 % or a shorter period"
        ),
        "da": (
            "en real diskonteringsrente på {pct_q} over {years} år giver diskonteringsfaktorer "
            "(1 + r) ** -t, der er for store til at regne med; brug en rente længere fra "
            "-100 % eller en kortere periode"
        ),
    },
    "inflation_overflows": {
        "en": (
            "inflation of {pct_q} over {years} years gives a price level beyond {cap}; "
            "use a smaller inflation or a shorter period"
        ),
        "da": (
            "en inflation på {pct_q} over {years} år giver et prisniveau, der er for stort til "
            "at regne med; "
            "brug en mindre inflation eller en kortere periode"
        ),
    },
    "lifetime_fractional": {
        "en": (
            "'period: lifetime' needs whole-year lifetimes from 1 to {cap}, but {who} lasts "
            "{years_q}s; give a common study period such as '15 year' instead"
        ),
        "da": (
            "'period: lifetime' kræver levetider i hele år fra 1 til {cap}, men {who} holder "
            "{years_q}; angiv i stedet en fælles analyseperiode som '15 år'"
        ),
    },
    "got_expected": {"en": "got {shown}, expected {want}", "da": "fik {shown}, forventede {want}"},
    "expected_only": {"en": "expected {want}", "da": "forventede {want}"},
    "missing_value": {
        "en": "missing value for '{name}' (no default); give {expected}",
        "da": "mangler en værdi for '{name}' (ingen standardværdi); angiv {expected}",
    },
    "below_minimum": {
        "en": "got '{value}', expected at least {bound_q}; " + _CHECK_UNIT["en"],
        "da": "fik '{value}', forventede mindst {bound_q}; " + _CHECK_UNIT["da"],
    },
    "above_maximum": {
        "en": "got '{value}', expected at most {bound_q}; " + _CHECK_UNIT["en"],
        "da": "fik '{value}', forventede højst {bound_q}; " + _CHECK_UNIT["da"],
    },
    "bid_list": {
        "en": "a bid gives one value per parameter, not a list",
        "da": "et tilbud angiver én værdi pr. parameter, ikke en liste",
    },
    # -- assumptions --
    "rate_expected": {
        "en": "got '{value}', expected a rate such as '4 %' or '2 %/year'",
        "da": "fik '{value}', forventede en sats som '4 %' eller '2 %/år'",
    },
    "rate_above_minus_100": {
        "en": "got '{value}', a rate must be above -100 %",
        "da": "fik '{value}'; en sats skal være over -100 %",
    },
    "rate_unusual": {
        "en": (
            "got '{value}', which is {pct_q}: outside the plausible range {low_q} to "
            "{high_q} of {kind}; check the value (a rate is written '4 %'), or set "
            "'allow_unusual_rates: true' under assumptions if it is meant"
        ),
        "da": (
            "fik '{value}', som er {pct_q}: uden for det sandsynlige interval {low_q} til "
            "{high_q} for '{kind}'; kontrollér værdien (en sats skrives '4 %'), eller angiv "
            "'allow_unusual_rates: true' under 'assumptions', hvis den er ment sådan"
        ),
    },
    "unknown_escalation": {
        "en": "unknown escalation '{name}'{hint}; the model's escalations are {names_list}",
        "da": "ukendt prisudvikling '{name}'{hint}; modellens prisudviklinger er {names_list}",
    },
    "unknown_currency": {
        "en": "unknown currency '{name}'{hint}",
        "da": "ukendt valuta '{name}'{hint}",
    },
    "positive_rate": {
        "en": "got '{value}', expected a positive rate",
        "da": "fik '{value}', forventede en positiv kurs",
    },
    "period_years": {
        "en": "got '{value}', expected a whole number of years from 1 to {cap}",
        "da": "fik '{value}', forventede et helt antal år fra 1 til {cap}",
    },
    "quantity_positive": {
        "en": "got {value}, expected a number of units above 0 such as '200'",
        "da": "fik {value}, forventede et antal enheder over 0, som '200'",
    },
    "emits_no": {
        "en": "the model emits no '{name}'{hint}; it emits {names_list}",
        "da": "modellen udleder ikke '{name}'{hint}; den udleder {names_list}",
    },
    "emission_price": {
        "en": (
            "got '{value}': an emission price is money per mass of emission; "
            "write {fix} (t is the metric tonne)"
        ),
        "da": (
            "fik '{value}': en emissionspris er penge pr. masse udledning; "
            "skriv {fix} (t er et metrisk ton)"
        ),
    },
    "no_exchange_rate": {
        "en": (
            "got an amount in {code} but the tender's currency is {target} and no exchange "
            "rate for {code} is stated; add 'exchange_rates: {{{code}: <rate> {target}}}' "
            "to the assumptions"
        ),
        "da": (
            "fik et beløb i {code}, men udbuddets valuta er {target}, og der er ingen "
            "vekselkurs for {code}; tilføj 'exchange_rates: {{{code}: <kurs> {target}}}' "
            "under 'assumptions'"
        ),
    },
    # -- bids --
    "no_bids": {
        "en": "a tender needs at least one bid",
        "da": "et udbud skal have mindst ét tilbud",
    },
    "residual_share": {
        "en": "got '{value}', expected a share of the initial cost from 0 % to 100 %",
        "da": "fik '{value}', forventede en andel af anskaffelsesprisen fra 0 % til 100 %",
    },
    "same_bid_name": {
        "en": "two bids are named '{name}'; give each bid its own name",
        "da": "to tilbud hedder '{name}'; giv hvert tilbud sit eget navn",
    },
    # -- bid forms --
    "form_no_name": {
        "en": "the bid's name is missing; fill it in",
        "da": "tilbuddets navn mangler; udfyld det",
    },
    "form_no_value": {
        "en": "no value; fill in {name} [{unit}]",
        "da": "ingen værdi; udfyld {name} [{unit}]",
    },
    # -- the model --
    "one_timing": {
        "en": "give exactly one timing of {timings}; got {got}",
        "da": "angiv præcis ét tidspunkt blandt '{timings}'; fik '{got}'",
    },
    "one_timing_none": {
        "en": "give exactly one timing of {timings}; got none",
        "da": "angiv præcis ét tidspunkt blandt '{timings}'; der er intet angivet",
    },
    "builtin_name": {
        "en": "'{name}' is a built-in name; call the parameter something else",
        "da": "'{name}' er et indbygget navn; kald parameteren noget andet",
    },
    "by_year_timing": {
        "en": "a timing cannot use a parameter that varies by year (by_year: true)",
        "da": "et tidspunkt kan ikke bruge en parameter, der varierer fra år til år "
        "('by_year: true')",
    },
    "min_above_max": {
        "en": "min {min_q} is above max {max_q}",
        "da": "'min' {min_q} er over 'max' {max_q}",
    },
    "every_amount": {
        "en": "'{name}' gives when; add 'amount' for how much",
        "da": "'{name}' angiver hvornår; tilføj 'amount' for hvor meget",
    },
    "bad_id": {
        "en": "an id is lower-case letters, digits, '-' and '_', as 'indoor-lighting'",
        "da": "et id består af små bogstaver, cifre, '-' og '_', som 'indoor-lighting'",
    },
    "no_items": {
        "en": "a model needs at least one cost item",
        "da": "en model skal have mindst én omkostningspost",
    },
    "no_bundled": {
        "en": "no {noun} '{name}'{hint}; examples are {names}",
        "da": "intet {noun_da} '{name}'{hint}; eksemplerne er {names}",
    },
    "no_model": {
        "en": (
            "no product model '{name}'{hint}; expected the id of a bundled model "
            "('tco models' lists them) or the path of a model file"
        ),
        "da": (
            "ingen produktmodel '{name}'{hint}; forventede id'et på en medfølgende model "
            "('tco models' viser dem) eller stien til en modelfil"
        ),
    },
    "no_model_file": {
        "en": (
            "no model file '{name}' (looked for {looked}); a relative path is read "
            "from the tender's folder"
        ),
        "da": (
            "ingen modelfil '{name}' (ledte efter '{looked}'); en relativ sti læses "
            "fra udbuddets mappe"
        ),
    },
    # -- the file --
    "file_missing": {
        "en": "cannot read the file (No such file or directory)",
        "da": "kan ikke læse filen (den findes ikke)",
    },
    "file_unreadable": {
        "en": "cannot read the file ({reason})",
        "da": "kan ikke læse filen ({reason})",
    },
    "not_a_file": {
        "en": "is not a regular file; give the path of a file",
        "da": "er ikke en almindelig fil; angiv stien til en fil",
    },
    "write_folder": {
        "en": "cannot write the output: this is a folder; give a file name inside it",
        "da": "kan ikke skrive filen: stien er en mappe; angiv et filnavn i den",
    },
    "write_no_folder": {
        "en": "cannot write the output: the folder {folder} does not exist",
        "da": "kan ikke skrive filen: mappen {folder} findes ikke; opret den først, "
        "eller skriv et andet sted",
    },
    "outside_folder": {
        "en": (
            "the model path '{name}' leads outside the tender's folder ({base}); a tender may "
            "name a bundled model or a model file in its own folder or below. To allow "
            "another folder, pass allow_paths=[...] to load_tender (command line: "
            "--allow-path FOLDER)"
        ),
        "da": (
            "modelstien '{name}' fører uden for udbuddets mappe ({base}); et udbud kan "
            "angive en medfølgende model eller en modelfil i sin egen mappe eller derunder. "
            "Tillad en anden mappe med allow_paths=[...] til load_tender (kommandolinjen: "
            "--allow-path MAPPE)"
        ),
    },
    "file_empty": {
        "en": (
            "file is empty; expected a mapping of keys to values such as 'model: indoor-lighting'"
        ),
        "da": "filen er tom; forventede nøgler med værdier som 'model: indoor-lighting'",
    },
    "top_level": {
        "en": "the top level is a {kind}, but it must be a mapping of keys to values",
        "da": "øverste niveau er {kind_da}, men skal være nøgler med værdier",
    },
    "not_utf8": {
        "en": "file is not UTF-8 text (byte {at}: {byte}); save it as UTF-8",
        "da": "filen er ikke UTF-8-tekst (byte {at}: {byte}); gem den som UTF-8",
    },
    # -- analyses --
    "no_uncertainty": {
        "en": "the tender has no 'uncertainty' section; add one or pass the uncertain inputs",
        "da": (
            "udbuddet har ingen 'uncertainty'-sektion; tilføj en, eller angiv de usikre størrelser"
        ),
    },
    "no_profiles": {
        "en": "the tender has no usage profiles",
        "da": "udbuddet har ingen brugsprofiler",
    },
    **ANALYSIS_ERRORS,
    **OUTPUT_ERRORS,
    **API_ERRORS,
    **FILE_ERRORS,
    **FORM_ERRORS,
    **FORMULA_ERRORS,
    **CONVENTION_ERRORS,
    **WORKBOOK_ERRORS,
}
