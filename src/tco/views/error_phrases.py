"""What a value should be, in the buyer's language: the phrases of :mod:`tco.spec.problems`.

A file's value of the wrong kind is refused with "got X, expected WANT",
WANT made of the phrases below, choices the user may write (quoted, or
numbers) and "or". :func:`phrase_text` says WANT in another language, or
gives ``None`` for a phrase it does not know (the message then stays English).

Examples
--------
>>> phrase_text("a text or a mapping of keys to values", "da")
'en tekst eller nøgler med værdier'
>>> phrase_text("'end', 'mid' or 'begin'", "da")
"'end', 'mid' eller 'begin'"
>>> phrase_text("a number of at least 1000", "da")
'et tal på mindst 1.000'
>>> phrase_text("something new", "da") is None
True
"""

from __future__ import annotations

import re

from tco.views.i18n import quantity_text

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_DA = {
    "a mapping of keys to values ('key: value' lines)": (
        "nøgler med værdier ('nøgle: værdi'-linjer)"
    ),
    "a list (one '- value' line per entry)": "en liste (én '- værdi'-linje pr. element)",
    "a number with its unit, such as '4 %' or '2.13 DKK/kWh'": (
        "et tal med sin enhed, som '4 %' eller '2,13 DKK/kWh'"
    ),
    "a reference to a basis, such as {basis: dk-fm-2021}": (
        "en henvisning til et grundlag, som '{basis: dk-fm-2021}'"
    ),
    "a list of 'year: value' entries": "en liste af 'år: værdi'-linjer",
    "a list with one value per year": "en liste med én værdi pr. år",
    "a mapping of keys to values": "nøgler med værdier",
    "money per year such as 'DKK/year'": "penge pr. år som 'DKK/år'",
    "money such as 'DKK'": "penge som 'DKK'",
    "a mass per year such as 'kg/year'": "en masse pr. år som 'kg/år'",
    "a mass such as 'kg'": "en masse som 'kg'",
    "a time such as '5 year'": "en tid som '5 år'",
    "a chart file ending .png or .svg": "en diagramfil, der ender på .png eller .svg",
    "a file ending in .docx or .html": "en fil, der ender på .docx eller .html",
    "a whole number": "et helt tal",
    "a number": "et tal",
    "a text": "en tekst",
    "true or false": "true eller false",
}
_NUM = r"(-?[0-9.]+)"
_BOUNDS_DA = [
    (rf"a number above {_NUM}", "et tal over {}"),
    (rf"a number of at least {_NUM}", "et tal på mindst {}"),
    (rf"a number below {_NUM}", "et tal under {}"),
    (rf"a number of at most {_NUM}", "et tal på højst {}"),
    (rf"at least {_NUM} entries", "mindst {} elementer"),
    (rf"at most {_NUM} entries", "højst {} elementer"),
    (rf"a text of at least {_NUM} characters", "en tekst på mindst {} tegn"),
    (rf"a text of at most {_NUM} characters", "en tekst på højst {} tegn"),
]
_QUOTED = re.compile(r"'[^']*'")


def phrase_text(want: str, lang: str) -> str | None:
    """``want`` (an English phrase of what was expected) in ``lang``; ``None`` if unknown."""
    if lang == "en":
        return want
    if lang != "da":
        return None
    for pattern, words in _BOUNDS_DA:
        said = re.fullmatch(pattern, want)
        if said:
            return words.format(quantity_text(said.group(1), lang))
    parts: list[str] = []
    rest = want
    while rest:
        known = next((p for p in sorted(_DA, key=len, reverse=True) if rest.startswith(p)), None)
        quoted = _QUOTED.match(rest)
        number = re.match(r"-?[0-9][0-9.]*", rest)
        if known is not None:
            parts.append(_DA[known])
            rest = rest[len(known) :]
        elif quoted:
            parts.append(quoted.group(0))
            rest = rest[quoted.end() :]
        elif number:
            parts.append(number.group(0))
            rest = rest[number.end() :]
        else:
            return None
        if rest.startswith(" or "):
            parts.append(" eller ")
            rest = rest[4:]
        elif rest.startswith(", "):
            parts.append(", ")
            rest = rest[2:]
        elif rest:
            return None
    return "".join(parts)
