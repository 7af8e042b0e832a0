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

from tco.locale import TRANSLATED, pgettext, pgettext_noop, texts
from tco.views.i18n import quantity_text

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: What a bound says, its number as ``{}`` (msgctxt "expected" of the catalogue).
_BOUNDS = (
    pgettext_noop("expected", "a number above {}"),
    pgettext_noop("expected", "a number of at least {}"),
    pgettext_noop("expected", "a number below {}"),
    pgettext_noop("expected", "a number of at most {}"),
    pgettext_noop("expected", "at least {} entries"),
    pgettext_noop("expected", "at most {} entries"),
    pgettext_noop("expected", "a text of at least {} characters"),
    pgettext_noop("expected", "a text of at most {} characters"),
)
_NUM = r"(-?[0-9.]+)"
_BOUND_PATTERNS = [(re.escape(b).replace(r"\{\}", _NUM), b) for b in _BOUNDS]
_QUOTED = re.compile(r"'[^']*'")


def phrase_text(want: str, lang: str) -> str | None:
    """``want`` (an English phrase of what was expected) in ``lang``; ``None`` if unknown."""
    if lang == "en":
        return want
    if lang not in TRANSLATED:
        return None
    for pattern, english in _BOUND_PATTERNS:
        said = re.fullmatch(pattern, want)
        if said:
            return pgettext("expected", english, lang).format(quantity_text(said.group(1), lang))
    phrases = texts("expected", lang)  # the catalogue's phrases (msgctxt "expected")
    or_word = pgettext("expected", " or ", lang)
    parts: list[str] = []
    rest = want
    while rest:
        known = next(
            (p for p in sorted(phrases, key=len, reverse=True) if rest.startswith(p)), None
        )
        quoted = _QUOTED.match(rest)
        number = re.match(r"-?[0-9][0-9.]*", rest)
        if known is not None:
            parts.append(phrases[known])
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
            parts.append(or_word)
            rest = rest[4:]
        elif rest.startswith(", "):
            parts.append(", ")
            rest = rest[2:]
        elif rest:
            return None
    return "".join(parts)
