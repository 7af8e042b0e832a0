"""The catalogue's messages about the file itself: its size and its YAML.

Part of :data:`tco.views.error_messages.ERRORS`. A parser error's message
(``yaml.<problem>``) is the place, the problem in plain words, then the
line as written (the parameter ``reads``, shown in the language by
:func:`tco.views.error_text.reason_text`).

Examples
--------
>>> FILE_ERRORS["yaml_too_deep"]["da"]
'indlejret dybere end {cap_q} niveauer (linje {line})'
"""

from __future__ import annotations

from tco.limits import MAX_DEPTH

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: A parser problem's plain words: id -> language -> text (``{open}``: the line it began on).
_PLAIN: dict[str, dict[str, str]] = {
    "unclosed_list": {
        "en": "a list opened with '[' on line {open} is not closed with ']'",
        "da": "en liste åbnet med '[' på linje {open} lukkes ikke med ']'",
    },
    "unclosed_mapping": {
        "en": "a mapping opened with '{{' on line {open} is not closed with '}}'",
        "da": "en samling af nøgler åbnet med '{{' på linje {open} lukkes ikke med '}}'",
    },
    "colon": {
        "en": (
            "a ': ' appears where it cannot start a value: put the text in quotes, or move "
            "the key to its own line at the indentation of the keys beside it"
        ),
        "da": (
            "et ': ' står, hvor det ikke kan indlede en værdi: sæt teksten i anførselstegn, "
            "eller flyt nøglen til sin egen linje med samme indrykning som nøglerne ved siden af"
        ),
    },
    "reserved": {
        "en": (
            "a value starts with a character YAML reserves (a tab, '`', '@' or '%'): put the "
            "value in quotes, and indent with spaces, not tabs"
        ),
        "da": (
            "en værdi begynder med et tegn, som YAML reserverer (tabulator, '`', '@' eller '%'): "
            "sæt værdien i anførselstegn, og indryk med mellemrum, ikke tabulatorer"
        ),
    },
    "undefined_alias": {
        "en": "'*name' refers to an anchor '&name' that is not defined above it",
        "da": "'*navn' henviser til et anker '&navn', som ikke er defineret ovenfor",
    },
    "undefined_anchor": {
        "en": "'*{anchor}' refers to an anchor '&{anchor}' that is not defined above it",
        "da": "'*{anchor}' henviser til et anker '&{anchor}', som ikke er defineret ovenfor",
    },
    "unclosed_quote": {
        "en": "the quoted text begun on line {open} is never closed; add the closing quote",
        "da": (
            "teksten i anførselstegn, der begynder på linje {open}, lukkes aldrig; "
            "tilføj det afsluttende anførselstegn"
        ),
    },
    "escape": {
        "en": (
            "a backslash in double-quoted text starts an unknown escape; use single quotes, "
            "or write two backslashes"
        ),
        "da": (
            "en omvendt skråstreg i tekst i dobbelte anførselstegn indleder en ukendt "
            "escape-sekvens; brug enkelte anførselstegn, eller skriv to omvendte skråstreger"
        ),
    },
    "dash": {
        "en": (
            "the indentation is off: a line at a list's indentation does not start with '- '; "
            "indent it like the other items of the list it belongs to"
        ),
        "da": (
            "indrykningen er forkert: en linje med en listes indrykning begynder ikke med '- '; "
            "indryk den som de andre elementer i listen, den hører til"
        ),
    },
    "key": {
        "en": (
            "the indentation is off, or a line lacks its 'key:'; keys of one mapping start "
            "in the same column"
        ),
        "da": (
            "indrykningen er forkert, eller en linje mangler sin 'nøgle:'; nøglerne i en "
            "samling begynder i samme kolonne"
        ),
    },
    "no_colon": {
        "en": "a key lacks its ':' (a key may not span lines)",
        "da": "en nøgle mangler sit ':' (en nøgle kan ikke strække sig over flere linjer)",
    },
    "missing_value": {
        "en": (
            "a value is missing or starts with a character YAML reserves; put the value in quotes"
        ),
        "da": (
            "en værdi mangler eller begynder med et tegn, som YAML reserverer; "
            "sæt værdien i anførselstegn"
        ),
    },
    "tag": {
        "en": (
            "could not determine a constructor for the tag '{tag}'; tco files hold plain "
            "data only, remove the tag"
        ),
        "da": (
            "mærket '{tag}' kan ikke læses; tco-filer indeholder kun almindelige data, fjern mærket"
        ),
    },
    "deep": {
        "en": f"the text is nested far deeper than {MAX_DEPTH} levels",
        "da": f"teksten er indlejret langt dybere end {MAX_DEPTH} niveauer",
    },
    "decimal_comma": {
        "en": (
            "the number '{number}' is split in two: inside [...] or {{...}} a comma separates "
            "entries, so a decimal comma cannot be written there; put the value in quotes "
            "('{number}'), or write the entries on lines of their own (key: {number}); a "
            "comma between entries is followed by a space"
        ),
        "da": (
            "tallet '{number}' deles i to: inde i [...] eller {{...}} adskiller et komma "
            "elementerne, så et decimalkomma kan ikke skrives der; sæt værdien i "
            "anførselstegn ('{number}'), eller skriv elementerne på hver sin linje "
            "(nøgle: {number}); et komma mellem elementer efterfølges af et mellemrum"
        ),
    },
    "duplicate_anchor": {
        "en": "an anchor '&name' is defined twice; rename one of them",
        "da": "et anker '&navn' er defineret to gange; omdøb det ene",
    },
}

_AT = {"en": "line {line}, column {column}: ", "da": "linje {line}, kolonne {column}: "}

#: message id -> language -> template
FILE_ERRORS: dict[str, dict[str, str]] = {
    **{
        f"yaml.{key}": {lang: _AT[lang] + text + "{reads}" for lang, text in words.items()}
        for key, words in _PLAIN.items()
    },
    "yaml_reads": {"en": " (line {line} reads {content})", "da": " (linje {line} lyder {content})"},
    "yaml_duplicate_key": {
        "en": "the key '{key}' first given on line {first} is given again on line {again}; "
        "remove one of them",
        "da": "nøglen '{key}' fra linje {first} angives igen på linje {again}; fjern den ene",
    },
    "yaml_control_character": {
        "en": (
            "line {line}, column {column}: the control character {char} is not allowed in "
            "YAML text; remove it"
        ),
        "da": (
            "linje {line}, kolonne {column}: kontroltegnet {char} er ikke tilladt i "
            "YAML-tekst; fjern det"
        ),
    },
    "file_too_big": {
        "en": "file is {size_q} bytes; tco reads files of at most {cap_q} bytes",
        "da": "filen er på {size_q} byte; tco læser filer på højst {cap_q} byte",
    },
    "yaml_too_many_values": {
        "en": "the document expands to more than {cap_q} values (aliases?) (line {line})",
        "da": "dokumentet udfoldes til mere end {cap_q} værdier (aliaser?) (linje {line})",
    },
    "yaml_too_deep": {
        "en": "nesting deeper than {cap_q} levels (line {line})",
        "da": "indlejret dybere end {cap_q} niveauer (linje {line})",
    },
    "yaml_too_many_aliases": {
        "en": (
            "more than {cap_q} aliases; a file with that many aliases is refused to "
            "protect memory (line {line})"
        ),
        "da": (
            "mere end {cap_q} aliaser; en fil med så mange aliaser afvises for at beskytte "
            "hukommelsen (linje {line})"
        ),
    },
}
