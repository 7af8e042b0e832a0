"""The tender annex as a document independent of its format, and its numbers.

:func:`tco.views.annex.build_annex` builds an :class:`AnnexDocument` of
numbered sections made of paragraphs, tables, bullet lists and formulas;
:mod:`tco.views.annex_html` and :mod:`tco.views.annex_docx` render it.
:func:`number`, :func:`localise` and :func:`short_number` write numbers in the
annex's language. :mod:`tco.views.annex` re-exports the public names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tco.views.i18n import separators

__all__ = [
    "AnnexDocument",
    "Block",
    "Bullets",
    "Formula",
    "Para",
    "Section",
    "Table",
    "localise",
    "number",
    "short_number",
]


# -- the document, independent of its format ---------------------------------------------------
@dataclass(frozen=True)
class Para:
    """A paragraph of plain text (escaped when rendered), with an optional bold lead."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells; ``numeric`` columns are aligned right."""

    head: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    caption: str = ""


@dataclass(frozen=True)
class Bullets:
    """A list of plain-text points."""

    items: list[str]


@dataclass(frozen=True)
class Formula:
    """One formula: what it gives, in words, as plain notation and as MathML."""

    label: str
    symbol: str
    words: str
    text: str
    mathml: str


Block = Para | Table | Formula | Bullets


@dataclass(frozen=True)
class Section:
    """A numbered section of the annex."""

    title: str
    blocks: list[Block]


@dataclass(frozen=True)
class AnnexDocument:
    """The annex as data: a title, a lead paragraph and numbered sections."""

    lang: str
    title: str
    lead: str
    sections: list[Section]
    footer: str
    #: The buying organisation, where the tender names it (the document's author).
    author: str = ""


def number(value: float, lang: str = "en", decimals: int = 2) -> str:
    """A number with thousands separators in the language's convention.

    Examples
    --------
    >>> number(813449.126), number(813449.126, "da"), number(0.5, "da", 3)
    ('813,449.13', '813.449,13', '0,500')
    >>> number(-0.0001, "da"), number(-1.5, "da"), number(813449.126, "sv")
    ('0,00', '-1,50', '813 449,13')
    """
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.00: a negative amount that rounds to nothing is written 0.00
    return _swap(text, lang)


_EN_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?")


def localise(text: str, lang: str) -> str:
    """A number written in English convention (``36,000.5``) in the language's.

    Other text is returned as is.

    Examples
    --------
    >>> localise("36,000.5", "da"), localise("0.05", "da"), localise("1 %", "da")
    ('36.000,5', '0,05', '1 %')
    >>> localise("36,000.5", "sv")
    '36 000,5'
    """
    if lang == "en" or not _EN_NUMBER.fullmatch(text):
        return text
    return _swap(text, lang)


def short_number(value: float, lang: str) -> str:
    """A short number (``3000``, ``5.56``) in the language's decimal sign.

    Examples
    --------
    >>> short_number(5.556, "da"), short_number(3000, "en"), short_number(36000, "da")
    ('5,556', '3000', '36.000')
    """
    text = f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return _swap(text, lang)


def _swap(text: str, lang: str) -> str:
    """``1,234.5`` in the separators of ``lang``: ``1.234,5`` in Danish, ``1 234,5`` in Swedish."""
    if lang == "en":
        return text
    group, point = separators(lang)
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)
