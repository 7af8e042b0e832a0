"""The language of every output: words from one catalogue, numbers in the language's format.

Words come from the gettext catalogues of :mod:`tco.locale`: each word's
English text is its msgid, and the key the code names it by is its msgctxt.
Numbers, percentages and amounts follow the language's conventions:
``1,234,568`` and ``4.00 %`` in English, ``1.234.568`` and ``4,00 %`` in Danish.
Danish (and any language other than English) is formatted by Babel, imported only
when such a number is written, so
that the English command line starts without it.

The language of an output is the ``lang`` argument of the function that writes
it; where none is given, the one chosen with :func:`set_language` (English
until then), which is how a notebook shows results in Danish.

Examples
--------
>>> number(1234567.891), number(1234567.891, lang="da")
('1,234,568', '1.234.568')
>>> percent(0.04, lang="da"), text("year", "da")
('4,00 %', 'år')
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from typing import Any

from tco.locale import keyed, texts
from tco.views.errors import OutputError

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Languages the outputs speak.
LANGUAGES: tuple[str, ...] = ("en", "da", "sv")

_state = {"lang": "en"}
_BABEL_LOCALE = {"da": "da_DK", "sv": "sv_SE"}


def set_language(lang: str) -> None:
    """Choose the language of outputs that are not given one (a notebook's tables and charts).

    Parameters
    ----------
    lang : {"en", "da", "sv"}

    Raises
    ------
    OutputError
        For a language the catalogue does not hold.

    Examples
    --------
    >>> set_language("da"); get_language()
    'da'
    >>> set_language("en")
    """
    if lang not in LANGUAGES:
        raise _unknown(lang)
    _state["lang"] = lang


def get_language() -> str:
    """The language chosen with :func:`set_language` (``"en"`` until then)."""
    return _state["lang"]


def resolve(lang: str | None) -> str:
    """``lang``, or the chosen language when it is ``None``; unknown languages are refused.

    Examples
    --------
    >>> resolve(None), resolve("da")
    ('en', 'da')
    """
    if lang is None:
        return _state["lang"]
    if lang not in LANGUAGES:
        raise _unknown(lang)
    return lang


def _unknown(lang: object) -> OutputError:
    """The error of a language the catalogue does not hold."""
    return OutputError(f"got language {lang!r}, expected one of {', '.join(LANGUAGES)}").speaks(
        "unknown_language", shown=repr(lang), langs_list=LANGUAGES
    )


def text(key: str, lang: str | None = None, **fields: Any) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``{fields}`` filled in.

    A key missing from the catalogue is returned as it is (a name such as a
    bid's or a substance's, which is not translated).

    Examples
    --------
    >>> text("years", "da", n=15)
    '15 år'
    """
    out = keyed(key, resolve(lang))
    if out is None:
        return key
    return out.format(**fields) if fields else out


def _babel(lang: str) -> Any:
    try:
        import babel.numbers
    except ImportError as exc:  # pragma: no cover - Babel is a dependency of tco
        raise OutputError(
            f"numbers in language '{lang}' need Babel: pip install babel (or reinstall tco-lcc)"
        ) from exc
    return babel.numbers


def number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """A number with thousands separators and ``decimals`` decimals.

    Examples
    --------
    >>> number(-1234.56, 1), number(-1234.56, 1, "da")
    ('-1,234.6', '-1.234,6')
    """
    lang = resolve(lang)
    if lang == "en":
        return f"{value:,.{decimals}f}"
    if 0 <= decimals < len(_QUANTA) and math.isfinite(value) and abs(value) < 1e21:
        return _grouped(str(value), decimals, *_separators(lang))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    out: str = _babel(lang).format_decimal(
        value, format=pattern, locale=_BABEL_LOCALE.get(lang, lang)
    )
    return out.replace("\xa0", " ")


def separators(lang: str) -> tuple[str, str]:
    """The thousands separator and the decimal sign of ``lang`` (``("," , ".")`` in English).

    Examples
    --------
    >>> separators("en"), separators("da"), separators("sv")
    ((',', '.'), ('.', ','), (' ', ','))
    """
    return (",", ".") if lang == "en" else _separators(lang)


@functools.cache
def _separators(lang: str) -> tuple[str, str]:
    """The thousands separator and the decimal sign of ``lang``, from Babel's locale data."""
    babel = _babel(lang)
    locale = _BABEL_LOCALE.get(lang, lang)
    group: str = babel.get_group_symbol(locale).replace("\xa0", " ")
    point: str = babel.get_decimal_symbol(locale)
    return group, point


@functools.lru_cache(maxsize=1 << 16)
def _grouped(value: str, decimals: int, group: str, point: str) -> str:
    """What Babel's ``format_decimal(value, "#,##0.00")`` writes, without its lookups per call.

    The same steps as Babel's (in its default decimal context): the decimal
    of ``value``, the text of the number (so ``-0.0`` and ``0.0`` stay apart
    in the cache, as a table repeats its numbers), rounded half to even to
    ``decimals`` places, ``-`` for a negative sign (also of a value that
    rounds to zero), then the locale's separators. Only for finite values
    below 1e21 and at most 6 decimals (28 digits, the decimal context's
    precision). Babel looks up the locale and parses the pattern for every
    number (11 us; a report of 77,000 bids in Danish writes 2 million
    numbers); this takes about 4 us, and a number seen before far less. A
    test checks that both write the same text.
    """
    d = decimal.Decimal(value)
    sign = "-" if d.is_signed() else ""
    rounded = abs(d).normalize().quantize(_QUANTA[decimals], rounding=decimal.ROUND_HALF_EVEN)
    whole, _, frac = f"{rounded:,f}".partition(".")
    out = sign + whole.replace(",", group)
    return out + point + frac if decimals else out


#: ``1``, ``0.1``, ... ``0.000001``: the places :func:`_grouped` rounds to.
_QUANTA = tuple(decimal.Decimal(1).scaleb(-d) for d in range(7))


def percent(value: float, decimals: int = 2, lang: str | None = None) -> str:
    """A fraction as a percentage with a space before the sign (``0.04`` is ``4.00 %``).

    Examples
    --------
    >>> percent(0.0167, 1), percent(0.0167, 1, "da")
    ('1.7 %', '1,7 %')
    """
    return number(value * 100.0, decimals, lang) + " %"


def significant(value: float, digits: int = 6, lang: str | None = None) -> str:
    """A number with up to ``digits`` significant digits (as ``format(value, '.6g')``).

    Examples
    --------
    >>> significant(2.13), significant(2.13, lang="da"), significant(30000.0, lang="da")
    ('2.13', '2,13', '30.000')
    """
    lang = resolve(lang)
    plain = format(value, f".{digits}g")
    if "e" in plain or "n" in plain:  # exponent, inf, nan: as Python writes them
        return plain if lang == "en" else plain.replace(".", ",")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return number(float(plain), decimals, lang)


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])")
_UNIT_WORD = re.compile(r"[A-Za-z_]+")


def unit_text(unit: str, lang: str | None = None) -> str:
    """A unit as written in ``lang`` (``DKK/year`` is ``DKK/år`` in Danish).

    Examples
    --------
    >>> unit_text("h/year", "da"), unit_text("kWh", "da")
    ('h/år', 'kWh')
    """
    lang = resolve(lang)
    if lang == "en":
        return unit
    words = texts("unit word", lang)  # the catalogue's words of units (msgctxt "unit word")
    return _UNIT_WORD.sub(lambda m: words.get(m.group(0), m.group(0)), unit)


def quantity_text(raw: object, lang: str | None = None) -> str:
    """A value as written in a file (``"1.67 %/year"``), its numbers and units in ``lang``.

    Examples
    --------
    >>> quantity_text("1.67 %/year", "da"), quantity_text("1500 DKK/t", "da")
    ('1,67 %/år', '1.500 DKK/t')
    >>> quantity_text("1500 DKK/t")
    '1500 DKK/t'
    """
    lang = resolve(lang)
    if isinstance(raw, (list, tuple)):
        return ", ".join(quantity_text(v, lang) for v in raw)
    if isinstance(raw, float):
        return significant(raw, 10, lang)
    written = str(raw)
    if lang == "en":
        return written
    if isinstance(raw, int) and not isinstance(raw, bool):  # a count: every digit, grouped
        return number(raw, 0, lang)
    return unit_text(_NUMBER.sub(lambda m: significant(float(m.group(0)), 10, lang), written), lang)


def csv_delimiter(lang: str | None = None) -> str:
    """The CSV field separator spreadsheets of the language expect.

    ``;`` where the decimal sign is ``,``.

    Examples
    --------
    >>> csv_delimiter("en"), csv_delimiter("da")
    (',', ';')
    """
    return "," if resolve(lang) == "en" else ";"
