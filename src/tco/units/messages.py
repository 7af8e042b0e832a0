"""The messages of the value grammar, in English and Danish, keyed by id.

Every refusal of :mod:`tco.units.values` is built from this one table, so the
wording can be moved into an app-wide message catalogue as it is. Each entry
is a :meth:`str.format` template; the fields are named in the template.

Examples
--------
>>> message("rate_bare", "en", value="4", fix="4 %", whole="400")
"got '4': a bare number for a rate is ambiguous (4 % or 400 %?); write '4 %'"
>>> message("rate_bare", "da", value="4", fix="4 %", whole="400")[:40]
"fik '4': et tal uden enhed er tvetydigt "
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Languages of the messages.
LANGUAGES: tuple[str, ...] = ("en", "da")

#: Message templates by id, then by language.
MESSAGES: dict[str, dict[str, str]] = {
    "type": {
        "en": "got {shown} of type {kind}; expected {expected}",
        "da": "fik {shown} af typen {kind}; forventede {expected}",
    },
    "too_long": {
        "en": "the value is {n} characters long; at most {cap} are allowed",
        "da": "værdien er {n} tegn lang; højst {cap} er tilladt",
    },
    "empty": {
        "en": "got an empty value; expected {expected}",
        "da": "fik en tom værdi; forventede {expected}",
    },
    "no_number": {
        "en": "got '{value}': a value is a number with its unit; expected {expected}",
        "da": "fik '{value}': en værdi er et tal med sin enhed; forventede {expected}",
    },
    "boolean": {
        "en": "got '{value}', which is a yes/no word, not a number; expected {expected}",
        "da": "fik '{value}', som er et ja/nej-ord og ikke et tal; forventede {expected}",
    },
    "not_finite": {
        "en": "got '{value}', which is not a finite number; expected {expected}",
        "da": "fik '{value}', som ikke er et endeligt tal; forventede {expected}",
    },
    "arithmetic": {
        "en": (
            "got '{value}': a value is one number with its unit, not a calculation "
            "('{op}'); work the number out and write it, as '{example}'"
        ),
        "da": (
            "fik '{value}': en værdi er ét tal med sin enhed, ikke en beregning "
            "('{op}'); regn tallet ud og skriv det, som '{example}'"
        ),
    },
    "range": {
        "en": (
            "got '{value}': '{op}' makes a range or a tolerance, not one value; "
            "write the one number the bid stands by, as '{example}'"
        ),
        "da": (
            "fik '{value}': '{op}' angiver et interval eller en tolerance, ikke én værdi; "
            "skriv det ene tal, buddet står ved, som '{example}'"
        ),
    },
    "dash_sign": {
        "en": "got '{value}': write a negative number with '-', as '{fixed}'",
        "da": "fik '{value}': skriv et negativt tal med '-', som '{fixed}'",
    },
    "thousands_mark": {
        "en": "got '{value}': write the number without the thousands mark ({mark}), as '{fixed}'",
        "da": "fik '{value}': skriv tallet uden tusindtalsskilletegnet ({mark}), som '{fixed}'",
    },
    "spaced_number": {
        "en": "got '{value}': write the number without spaces, as '{fixed}'",
        "da": "fik '{value}': skriv tallet uden mellemrum, som '{fixed}'",
    },
    "ambiguous": {
        "en": (
            "got '{value}': '{number}' is {en} in English notation but {da} in Danish "
            "notation; write '{fix_en}' or '{fix_da}', or state the tender's "
            "'number_format: en' or 'number_format: da'"
        ),
        "da": (
            "fik '{value}': '{number}' er {en} på engelsk, men {da} på dansk; skriv "
            "'{fix_en}' eller '{fix_da}', eller angiv udbuddets 'number_format: da' "
            "eller 'number_format: en'"
        ),
    },
    "grouped": {
        "en": (
            "got '{value}': '{number}' uses '{mark}' to group thousands, which is "
            "{reading} in {name} notation only; write '{fix}', or state the tender's "
            "'number_format: {convention}'"
        ),
        "da": (
            "fik '{value}': '{number}' bruger '{mark}' til at gruppere tusinder, hvilket "
            "kun er {reading} med {name} talformat; skriv '{fix}', eller angiv udbuddets "
            "'number_format: {convention}'"
        ),
    },
    "not_grouping": {
        "en": (
            "got '{value}': in the tender's number format '{convention}', '{mark}' groups "
            "thousands and must be followed by exactly three digits; for a decimal, write "
            "'{fix}'"
        ),
        "da": (
            "fik '{value}': i udbuddets talformat '{convention}' grupperer '{mark}' tusinder "
            "og skal efterfølges af præcis tre cifre; skriv et decimaltal som '{fix}'"
        ),
    },
    "exponent_mark": {
        "en": (
            "got '{value}': in the tender's number format '{convention}' the decimal mark is "
            "'{decimal}'; write '{fix}'"
        ),
        "da": (
            "fik '{value}': i udbuddets talformat '{convention}' er decimaltegnet '{decimal}'; "
            "skriv '{fix}'"
        ),
    },
    "against_convention": {
        "en": (
            "got '{value}': '{number}' is not written in the tender's number format "
            "'{convention}' ('{d}' is the decimal mark, '{g}' groups thousands); write '{fix}'"
        ),
        "da": (
            "fik '{value}': '{number}' er ikke skrevet i udbuddets talformat "
            "'{convention}' ('{d}' er decimaltegn, '{g}' grupperer tusinder); skriv '{fix}'"
        ),
    },
    "bad_number": {
        "en": "got '{value}': '{number}' is not a number as people write it; write '{fix}'",
        "da": "fik '{value}': '{number}' er ikke et tal, som man skriver det; skriv '{fix}'",
    },
    "leading_zero": {
        "en": (
            "got '{value}': a number does not start with 0 ('{number}' could be read "
            "as octal); write '{fix}'"
        ),
        "da": (
            "fik '{value}': et tal starter ikke med 0 ('{number}' kan læses som oktaltal); "
            "skriv '{fix}'"
        ),
    },
    "colon": {
        "en": (
            "got '{value}': ':' makes a time of day or a ratio, not one value; write one "
            "number with its unit, as '{example}'"
        ),
        "da": (
            "fik '{value}': ':' angiver et klokkeslæt eller et forhold, ikke én værdi; "
            "skriv ét tal med sin enhed, som '{example}'"
        ),
    },
    "unknown_unit": {
        "en": (
            "unknown unit '{name}' in '{value}'{hint}; write units such as 'DKK/kWh', "
            "'h/year' or 'kWh/year'"
        ),
        "da": (
            "ukendt enhed '{name}' i '{value}'{hint}; skriv enheder som 'DKK/kWh', "
            "'h/år' eller 'kWh/år'"
        ),
    },
    "currency_prefix": {
        "en": (
            "got '{value}': a currency takes no prefix ('{prefix}'); write '{code}' and the "
            "whole amount, as '1450 {code}'"
        ),
        "da": (
            "fik '{value}': en valuta har intet præfiks ('{prefix}'); skriv '{code}' og hele "
            "beløbet, som '1450 {code}'"
        ),
    },
    "repeated_unit": {
        "en": (
            "got '{value}': '{name}' appears more than once in the unit; write the unit it "
            "comes to, once, as 'DKK' or 'DKK/kWh'"
        ),
        "da": (
            "fik '{value}': '{name}' står mere end én gang i enheden; skriv den enhed, det "
            "giver, én gang, som 'DKK' eller 'DKK/kWh'"
        ),
    },
    "currency_power": {
        "en": (
            "got '{value}': '{name}' has the power {power}, but a currency's power is 1 or -1; "
            "write an amount ('1450 {name}') or a price per unit ('2.13 {name}/kWh')"
        ),
        "da": (
            "fik '{value}': '{name}' har potensen {power}, men en valutas potens er 1 eller -1; "
            "skriv et beløb ('1450 {name}') eller en pris pr. enhed ('2,13 {name}/kWh')"
        ),
    },
    "did_you_mean": {"en": " (did you mean '{name}'?)", "da": " (mente du '{name}'?)"},
    "krone": {
        "en": (
            " ('{name}' names no one currency: write 'DKK' for Danish kroner, 'SEK' or "
            "'NOK', or state the tender's 'number_format: da' to read '{name}' as DKK)"
        ),
        "da": (
            " ('{name}' er ikke én bestemt valuta: skriv 'DKK' for danske kroner, 'SEK' "
            "eller 'NOK', eller angiv udbuddets 'number_format: da' for at læse '{name}' "
            "som DKK)"
        ),
    },
    "unit_syntax": {
        "en": (
            "got '{value}': cannot read the unit '{unit}' ({detail}); a unit is made of "
            "unit names, '*', '/', '^' and parentheses, as 'DKK/kWh' or 'kg CO2e/kWh'"
        ),
        "da": (
            "fik '{value}': kan ikke læse enheden '{unit}' ({detail}); en enhed består af "
            "enhedsnavne, '*', '/', '^' og parenteser, som 'DKK/kWh' eller 'kg CO2e/kWh'"
        ),
    },
    "exponent": {
        "en": (
            "got '{value}': the exponent '{exponent}' is not allowed; a unit's exponent is "
            "a whole number from -{cap} to {cap}, as 'm^3'"
        ),
        "da": (
            "fik '{value}': eksponenten '{exponent}' er ikke tilladt; en enheds eksponent er "
            "et helt tal fra -{cap} til {cap}, som 'm^3'"
        ),
    },
    "unit_too_deep": {
        "en": "got '{value}': the unit nests parentheses deeper than {cap} levels",
        "da": "fik '{value}': enheden har parenteser i mere end {cap} niveauer",
    },
    "unit_too_long": {
        "en": "got '{value}': the unit has more than {cap} factors",
        "da": "fik '{value}': enheden har mere end {cap} faktorer",
    },
    "rate_bare": {
        "en": (
            "got '{value}': a bare number for a rate is ambiguous ({fix} or "
            "{whole} %?); write '{fix}'"
        ),
        "da": (
            "fik '{value}': et tal uden enhed er tvetydigt for en rente eller sats "
            "({fix} eller {whole} %?); skriv '{fix}'"
        ),
    },
    "wrong_dimension": {
        "en": "got '{value}', expected {expected}",
        "da": "fik '{value}', forventede {expected}",
    },
    "ambiguous_bounds": {
        "en": (
            "got '{value}': '{number}' is {en} in English notation but {da} in Danish "
            "notation; as '{inside}' it lies within the bounds ({bounds}), as '{outside}' it "
            "does not: write '{inside}', or state the tender's 'number_format: {convention}'"
        ),
        "da": (
            "fik '{value}': '{number}' er {en} på engelsk, men {da} på dansk; som '{inside}' "
            "ligger den inden for grænserne ({bounds}), som '{outside}' gør den ikke: skriv "
            "'{inside}', eller angiv udbuddets 'number_format: {convention}'"
        ),
    },
    "whole": {
        "en": "got '{value}', which is {reading}; expected a whole number",
        "da": "fik '{value}', som er {reading}; forventede et helt tal",
    },
}


def message(key: str, lang: str | None = "en", /, **fields: object) -> str:
    """The message ``key`` in ``lang`` (English where that language has none).

    Parameters
    ----------
    key : str
        The id of the message in :data:`MESSAGES`.
    lang : {"en", "da"}, optional
        The language of the message.
    **fields
        The values of the template's fields.
    """
    texts = MESSAGES[key]
    return texts.get(lang or "en", texts["en"]).format_map(_Fields(fields))


class _Fields(dict[str, object]):
    """Template fields; a field a caller left out shows as '?' rather than failing."""

    def __missing__(self, key: str) -> str:
        return "?"
