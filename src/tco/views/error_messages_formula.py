"""The catalogue's messages about a product model's formulas and numbers too large to compute.

Part of :data:`tco.views.error_messages.ERRORS`. ``{formula}`` is the
formula as the model's author wrote it (shown as written); ``{*_q}`` a unit
or a number, shown in the language (``'DKK/år'``, ``3.997``). A number too
large for a computer's floating-point numbers is said in words in Danish
("for stort til at regne med") rather than as ``1.8e+308``.

Examples
--------
>>> FORMULA_ERRORS["formula_unknown_name"]["da"]
"ukendt navn '{name}'{hint} i '{formula}'"
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: message id -> language -> template
FORMULA_ERRORS: dict[str, dict[str, str]] = {
    # -- reading a formula --
    "formula_character": {
        "en": "unexpected character {char} at position {pos} in '{formula}'",
        "da": "uventet tegn {char} på plads {pos} i '{formula}'",
    },
    "formula_expected": {
        "en": "expected '{needed}' at position {pos} but found {found} in '{formula}'",
        "da": "forventede '{needed}' på plads {pos}, men fandt {found} i '{formula}'",
    },
    "formula_expected_end": {
        "en": "expected '{needed}' at position {pos} but found the end in '{formula}'",
        "da": "forventede '{needed}' på plads {pos}, men formlen slutter i '{formula}'",
    },
    "formula_unexpected": {
        "en": "unexpected {token} at position {pos} in '{formula}'",
        "da": "uventet {token} på plads {pos} i '{formula}'",
    },
    "formula_unexpected_end": {
        "en": "unexpected the end of the formula at position {pos} in '{formula}'",
        "da": "formlen slutter for tidligt (plads {pos}) i '{formula}'",
    },
    "formula_too_deep": {
        "en": "formula is nested more than {cap} levels deep in '{formula}'",
        "da": "formlen er indlejret mere end {cap} niveauer dybt i '{formula}'",
    },
    "formula_too_tall": {
        "en": (
            "formula is nested more than {cap} levels deep (each operator is a level); "
            "split it into intermediate parameters in '{formula}'"
        ),
        "da": (
            "formlen er indlejret mere end {cap} niveauer dybt (hver regneoperation er et "
            "niveau); del den op i mellemliggende parametre i '{formula}'"
        ),
    },
    "formula_unknown_name": {
        "en": "unknown name '{name}'{hint} in '{formula}'",
        "da": "ukendt navn '{name}'{hint} i '{formula}'",
    },
    "formula_unknown_function": {
        "en": "unknown function '{name}'{hint} in '{formula}'",
        "da": "ukendt funktion '{name}'{hint} i '{formula}'",
    },
    "formula_arguments": {
        "en": "{name}() takes {count} argument(s), got {n} in '{formula}'",
        "da": "{name}() tager {count} argument(er), fik {n} i '{formula}'",
    },
    "formula_arguments_min": {
        "en": "{name}() takes at least {count} argument(s), got {n} in '{formula}'",
        "da": "{name}() tager mindst {count} argument(er), fik {n} i '{formula}'",
    },
    "formula_not_text": {
        "en": "a formula must be text, got {kind}",
        "da": "en formel skal være tekst, fik {kind}",
    },
    "formula_too_long": {
        "en": "formula is {n_q} characters long; at most {cap_q} are allowed",
        "da": "formlen er {n_q} tegn lang; højst {cap_q} er tilladt",
    },
    # -- units of a formula --
    "formula_add": {
        "en": "cannot add '{left_q}' and '{right_q}' in '{formula}': their dimensions differ",
        "da": (
            "kan ikke lægge '{left_q}' og '{right_q}' sammen i '{formula}': "
            "de har forskellig dimension"
        ),
    },
    "formula_subtract": {
        "en": "cannot subtract '{left_q}' and '{right_q}' in '{formula}': their dimensions differ",
        "da": (
            "kan ikke trække '{right_q}' fra '{left_q}' i '{formula}': de har forskellig dimension"
        ),
    },
    "formula_exponent_unit": {
        "en": (
            "the exponent in '{formula}' has unit '{unit_q}'; an exponent must be a plain number"
        ),
        "da": (
            "eksponenten i '{formula}' har enheden '{unit_q}'; en eksponent skal være et rent tal"
        ),
    },
    "formula_power_not_constant": {
        "en": "'{unit_q}' is raised to a power that is not a constant in '{formula}'",
        "da": "'{unit_q}' opløftes til en potens, der ikke er en konstant, i '{formula}'",
    },
    "formula_compare": {
        "en": (
            "{name}() in '{formula}' compares '{left_q}' with '{right_q}'; "
            "all arguments must have the same dimension"
        ),
        "da": (
            "{name}() i '{formula}' sammenligner '{left_q}' med '{right_q}'; "
            "alle argumenter skal have samme dimension"
        ),
    },
    "formula_plain_number": {
        "en": (
            "{name}() in '{formula}' needs a plain number but its argument has unit "
            "'{unit_q}'; divide by a unit first, as in {name}(x / (1 year))"
        ),
        "da": (
            "{name}() i '{formula}' kræver et rent tal, men argumentet har enheden "
            "'{unit_q}'; dividér først med en enhed, som i '{name}(x / (1 år))'"
        ),
    },
    "formula_gives": {
        "en": "'{formula}' gives '{got_q}', expected {want}",
        "da": "'{formula}' giver '{got_q}', forventede {want}",
    },
    "forgotten_hours": {
        "en": (
            "'{formula}' gives '{got_q}', a rate per hour or per second, not per year: an "
            "annual amount needs a factor per year such as operating hours in 'h/year' (if the "
            "product runs all the time, write it out: '... * 8760 h/year')"
        ),
        "da": (
            "'{formula}' giver '{got_q}', et beløb pr. time eller pr. sekund, ikke pr. år: et "
            "årligt beløb skal have en faktor pr. år, som driftstimer i 'h/år' (kører "
            "produktet hele tiden, så skriv det: '... * 8760 h/år')"
        ),
    },
    "formula_not_finite": {
        "en": "formula '{formula}' gives a non-finite result (division by zero or overflow)",
        "da": (
            "formlen '{formula}' giver et resultat, der ikke er et endeligt tal "
            "(division med nul, eller tallet bliver for stort til at regne med)"
        ),
    },
    # -- numbers too large to compute --
    "escalation_overflows": {
        "en": (
            "the price index of '{name}' over {years} years leaves the range of floating-point "
            "numbers; use a smaller rate or a shorter period"
        ),
        "da": (
            "prisindekset for '{name}' over {years} år bliver for stort til at regne med; "
            "brug en mindre sats eller en kortere periode"
        ),
    },
    "costs_overflow": {
        "en": (
            "the costs of {who} add up beyond {cap}; check the size of the bid's values, the "
            "quantity and the rates"
        ),
        "da": (
            "omkostningerne for {who} bliver tilsammen for store til at regne med; kontrollér "
            "størrelsen af tilbuddets værdier, antallet og satserne"
        ),
    },
    "emission_adds_up": {
        "en": "the emission '{label}' of {who} adds up beyond {cap}",
        "da": "udledningen '{label}' for {who} bliver tilsammen for stor til at regne med",
    },
    "pv_overflows": {
        "en": (
            "the present value of '{label}' for {who} overflows (beyond {cap}); check the size "
            "of the bid's values and the quantity"
        ),
        "da": (
            "nutidsværdien af '{label}' for {who} bliver for stor til at regne med; kontrollér "
            "størrelsen af tilbuddets værdier og antallet"
        ),
    },
}
