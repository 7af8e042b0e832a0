"""tco's message catalogues: gettext, one domain ``tco``, the English text as msgid.

Every word tco writes that is not English comes from a compiled gettext
catalogue, ``tco/locale/LANG/LC_MESSAGES/tco.mo``, built from its ``tco.po``
(see the docs' page on translations). English needs no catalogue: it is the
msgid. A message the code names by a key (an error's id, an output's word such
as ``"year"``) has that key as its msgctxt; a message the code writes out in
English (a help text of the command line) has no key, or a msgctxt naming the
kind of text (``"unit"``, ``"expected"``).

Each language's catalogue is read once and kept (:func:`translations`). A
message missing from a language's catalogue is shown in English.

Examples
--------
>>> keyed("year", "da"), keyed("year", "en")
('år', 'year')
>>> gettext("show this help message and exit", "da")
'vis denne hjælp og afslut'
>>> pgettext("unit word", "year", "da"), pgettext("unit word", "year", "en")
('år', 'year')
>>> keyed("no such key", "da") is None
True
"""

from __future__ import annotations

import functools
import gettext as _gettext
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The gettext domain of tco's messages.
DOMAIN = "tco"
#: The folder of the catalogues (``LANG/LC_MESSAGES/tco.mo``).
LOCALE_DIR = Path(__file__).parent
#: Languages with a catalogue (English is the msgids).
TRANSLATED: tuple[str, ...] = ("da", "sv")

#: msgctxts that name a kind of text (many messages each), not one message's key.
GROUPS = frozenset({"expected", "os reason", "unit word", "who"}) | frozenset(
    {"value kind", "bundled file", "busy reason", "form place", "body part", "either"}
)


def accepted_language(header: str) -> str:
    """The language of an answer: the first one an ``Accept-Language`` header names, if translated.

    Only the first language counts (as a browser sends the user's own first); a
    language without a catalogue, or none, is answered in English.

    Examples
    --------
    >>> accepted_language("sv-SE,sv;q=0.9,en;q=0.5"), accepted_language("da")
    ('sv', 'da')
    >>> accepted_language("de-DE,da;q=0.5"), accepted_language("")
    ('en', 'en')
    """
    first = header.split(",")[0].split(";")[0].strip().lower()
    return next((lang for lang in TRANSLATED if first.startswith(lang)), "en")


# gettext joins a msgctxt and its msgid with this character in a catalogue's keys.
_CONTEXT_MARK = "\x04"


class _Catalogue(_gettext.GNUTranslations):
    """A compiled catalogue that also lists its messages (for lookups by key)."""

    def messages(self) -> dict[object, str]:
        """Msgid (``msgctxt`` U+0004 ``msgid`` for a message with a context) -> msgstr."""
        catalog: dict[object, str] = getattr(self, "_catalog", {})
        return catalog


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``, read once; English (or a language without one) translates nothing.

    Examples
    --------
    >>> translations("da").gettext("options")
    'tilvalg'
    """
    if lang not in TRANSLATED:
        return _gettext.NullTranslations()
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        return _Catalogue(f)


def gettext(message: str, lang: str) -> str:
    """``message`` (its English text) in ``lang``; English where the catalogue has none."""
    return translations(lang).gettext(message)


def pgettext_noop(context: str, message: str) -> str:
    """``message``, marked for the template as of the kind ``context`` (translated where shown).

    Examples
    --------
    >>> pgettext_noop("expected", "a power")
    'a power'
    """
    return message


class Word(str):
    """A word of a message's params: its English, translated where the message is shown.

    A :class:`str` (the English, its ``{fields}`` filled in), so the English message
    reads as before; :func:`tco.views.error_text.error_text` shows it in the buyer's
    language (:meth:`text`), from the catalogue's message ``english`` of the kind
    ``context``. Fields that are words are translated too. Made by :func:`word`,
    which marks the English for the template.

    Examples
    --------
    >>> w = word("form place", "row {row}", row=7)
    >>> str(w), w.text("da")
    ('row 7', 'række 7')
    """

    context: str
    english: str
    fields: dict[str, Any]

    def __new__(cls, context: str, english: str, /, **fields: Any) -> Word:
        self = super().__new__(cls, english.format(**fields) if fields else english)
        self.context, self.english, self.fields = context, english, fields
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str, str], dict[str, Any]]:
        return (self.context, self.english), self.fields

    def text(self, lang: str) -> str:
        """The word in ``lang`` (English where the catalogue has none)."""
        said = pgettext(self.context, self.english, lang)
        if not self.fields:
            return said
        return said.format(
            **{k: v.text(lang) if isinstance(v, Word) else v for k, v in self.fields.items()}
        )


def word(context: str, english: str, /, **fields: Any) -> Word:
    """A :class:`Word` of the kind ``context``, its English marked for the template.

    Examples
    --------
    >>> word("busy reason", "its queue is full").text("da")
    'køen er fuld'
    """
    return Word(context, english, **fields)


def either(names: Sequence[str]) -> Word:
    """``'a' or 'b' or 'c'`` as a :class:`Word`: each name as it is, ``or`` in the language.

    Examples
    --------
    >>> either(["'Bid'", "'Tilbud'"]).text("da")
    "'Bid' eller 'Tilbud'"
    """
    first, *rest = names
    out: Word | str = first
    for name in rest:
        out = word("either", "{first} or {second}", first=out, second=name)
    return out if isinstance(out, Word) else Word("either", out)


def pgettext(context: str, message: str, lang: str) -> str:
    """``message`` of the kind ``context`` in ``lang``; English where the catalogue has none."""
    return translations(lang).pgettext(context, message)


@functools.cache
def _by_key(lang: str) -> dict[str, str]:
    """Msgctxt -> text in ``lang``: the translation, else the English msgid."""
    out: dict[str, str] = {}
    for other in TRANSLATED:  # the English of every key: the msgids of every catalogue
        for ident in _messages(other):
            context, mark, english = ident.partition(_CONTEXT_MARK)
            if mark and context not in GROUPS:
                out.setdefault(context, english)
    if lang != "en":
        for ident, said in _messages(lang).items():
            context, mark, _ = ident.partition(_CONTEXT_MARK)
            if mark and context not in GROUPS:
                out[context] = said
    return out


def _messages(lang: str) -> dict[str, str]:
    catalogue = translations(lang)
    if not isinstance(catalogue, _Catalogue):
        return {}
    return {k: v for k, v in catalogue.messages().items() if isinstance(k, str)}


def keyed(key: str, lang: str) -> str | None:
    """The message with msgctxt ``key`` in ``lang`` (English where untranslated); ``None`` if none.

    Examples
    --------
    >>> keyed("required", "da")
    'nøglen skal angives'
    """
    return _by_key(lang).get(key)


def has_key(key: str) -> bool:
    """Whether a message has the msgctxt ``key``."""
    return key in _by_key("en")


def keys(prefix: str = "") -> list[str]:
    """The msgctxts starting with ``prefix``, sorted.

    Examples
    --------
    >>> "annex.doc title" in keys("annex.")
    True
    """
    return sorted(k for k in _by_key("en") if k.startswith(prefix))


def translated(key: str, lang: str) -> bool:
    """Whether the message with msgctxt ``key`` has its own text in ``lang`` (English always has).

    Examples
    --------
    >>> translated("required", "da"), translated("no such key", "da")
    (True, False)
    """
    if lang == "en":
        return has_key(key)
    return key in _translated_keys(lang)


@functools.cache
def _translated_keys(lang: str) -> frozenset[str]:
    return frozenset(
        ident.partition(_CONTEXT_MARK)[0] for ident in _messages(lang) if _CONTEXT_MARK in ident
    )


def message(key: str, lang: str | None = "en", /, **fields: object) -> str:
    """The message with msgctxt ``key`` in ``lang`` (English where untranslated), filled in.

    Parameters
    ----------
    key : str
        The message's msgctxt (``"units.rate_bare"``).
    lang : str, optional
        The language (English when ``None``).
    **fields
        The values of the template's ``{fields}``; one left out shows as ``?``.

    Raises
    ------
    KeyError
        For a key no message has.

    Examples
    --------
    >>> message("units.whole", "da", value="2.5", reading="2.5")
    "fik '2.5', som er 2.5; forventede et helt tal"
    """
    said = keyed(key, lang or "en")
    if said is None:
        raise KeyError(key)
    return said.format_map(_Fields(fields))


class _Fields(dict[str, object]):
    """Template fields; a field a caller left out shows as '?' rather than failing."""

    def __missing__(self, key: str) -> str:
        return "?"


@functools.cache
def texts(context: str | None, lang: str) -> dict[str, str]:
    """English msgid -> text in ``lang`` of every message of the kind ``context``.

    ``context=None`` gives the messages without a msgctxt (the command line's help).
    A message ``lang`` does not translate is given in English.

    Examples
    --------
    >>> texts("unit word", "da")["year"]
    'år'
    >>> texts(None, "da")["options"]
    'tilvalg'
    """
    english = sorted({e for other in TRANSLATED for e in _of_context(other, context)})
    if context is None:
        return {e: gettext(e, lang) for e in english}
    return {e: pgettext(context, e, lang) for e in english}


@functools.cache
def _of_context(lang: str, context: str | None) -> dict[str, str]:
    """English msgid -> translation of the messages of ``context`` that ``lang`` translates."""
    out = {}
    for ident, said in _messages(lang).items():
        ctxt, mark, english = ident.partition(_CONTEXT_MARK)
        if context is None and not mark and ident:
            out[ident] = said
        elif mark and ctxt == context:
            out[english] = said
    return out


def has_text(message: str, lang: str, context: str | None = None) -> bool:
    """Whether ``message`` (English, of the kind ``context``) has its own text in ``lang``.

    Examples
    --------
    >>> has_text("options", "da"), has_text("no such text", "da"), has_text("options", "en")
    (True, False, True)
    """
    if lang == "en":
        return True
    return message in _of_context(lang, context)


@functools.cache
def section(prefix: str, lang: str) -> Mapping[str, str]:
    """The messages whose msgctxt starts with ``prefix``, by the rest of their key, in ``lang``.

    A document's words (``section("annex.", "da")["doc title"]``); English where
    ``lang`` does not translate one.

    Examples
    --------
    >>> section("annex.", "da")["doc title"]
    'Bilag: metode for livscyklusomkostninger'
    """
    by_key = _by_key(lang)
    return MappingProxyType({k.removeprefix(prefix): by_key[k] for k in keys(prefix)})
