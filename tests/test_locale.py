"""The gettext catalogues: complete, compiled from their sources, and holding every key the code names.

Every non-English word tco writes comes from ``src/tco/locale/LANG/LC_MESSAGES/tco.mo``;
these tests fail when a Danish translation is missing, when a shipped ``.mo`` is older than
its ``.po``, and when the code names a message (``text("key")``, ``.speaks("id")``,
``section("prefix.")``, ``message("units.id")``) that the catalogue does not hold.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import tco
from tco.locale import GROUPS, LOCALE_DIR, TRANSLATED, has_key, keyed, keys, translations
from tco.locale._extract import extract_code

SRC = Path(tco.__file__).parent


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "tco.po"


def _catalogue(lang: str) -> Catalog:
    with _po(lang).open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_shipped_mo_is_compiled_from_its_po(lang: str) -> None:
    # the .mo is what tco reads: compiling the .po again must give the same bytes
    # (after editing a .po: pybabel compile -d src/tco/locale -D tco)
    out = io.BytesIO()
    write_mo(out, _catalogue(lang), use_fuzzy=False)
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / "tco.mo").read_bytes()
    assert shipped == out.getvalue(), f"{lang}: run pybabel compile -d src/tco/locale -D tco"


def test_every_message_has_a_danish_translation_and_none_is_fuzzy_or_obsolete() -> None:
    catalogue = _catalogue("da")
    messages = [m for m in catalogue if m.id]
    assert len(messages) > 1000
    untranslated = [(m.context, m.id) for m in messages if not m.string]
    fuzzy = [(m.context, m.id) for m in messages if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert list(catalogue.obsolete) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_fuzzy_or_obsolete_entries(lang: str) -> None:
    catalogue = _catalogue(lang)
    assert [m.id for m in catalogue if m.id and m.fuzzy] == []
    assert list(catalogue.obsolete) == []


#: The functions that name a message by its key (msgctxt) as their first argument.
_BY_KEY = ("text", "speaks", "message", "_said", "has_key")


def _named_keys() -> list[tuple[str, int, str, str]]:
    """(file, line, function, key) of every literal key the source names a message by."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            # text(...) and message(...) as functions; speaks(...) as a method
            name = (
                func.attr
                if isinstance(func, ast.Attribute) and func.attr == "speaks"
                else getattr(func, "id", None)
            )
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in (*_BY_KEY, "section") and literal and first.value:
                out.append((str(path.relative_to(SRC)), node.lineno, name, first.value))
    return out


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = _named_keys()
    assert len(named) > 500  # text(), .speaks(), section(), message() all seen
    missing = []
    for where, line, func, key in named:
        if func == "section":
            found = bool(keys(key))
        elif func == "speaks":  # a refusal of the value grammar keeps its id without units.
            found = has_key(key) or has_key(f"units.{key}")
        else:
            found = has_key(key)
        if not found:
            missing.append(f"{where}:{line}: {func}({key!r})")
    assert missing == []


def test_every_keyed_message_speaks_danish_through_the_loader() -> None:
    # the compiled catalogue, read as tco reads it, gives every key's Danish
    catalogue = _catalogue("da")
    for m in catalogue:
        if m.id and m.context and m.context not in GROUPS:
            assert keyed(m.context, "da") == m.string, m.context
            assert keyed(m.context, "en") == m.id, m.context
        elif m.id and m.context:
            assert translations("da").pgettext(m.context, m.id) == m.string
        elif m.id:
            assert translations("da").gettext(m.id) == m.string


def test_english_is_the_msgid_without_a_catalogue() -> None:
    assert keyed("year", "en") == "year"
    assert keyed("required", "en") == "this key is required"
    assert translations("en").gettext("options") == "options"


# -- the template: pybabel extract -F babel.cfg ----------------------------------------------
ROOT = SRC.parent.parent
_MESSAGE = tuple[str | None, str]


@functools.cache
def _extracted() -> dict[_MESSAGE, frozenset[str]]:
    """What ``pybabel extract -F babel.cfg`` finds, by (msgctxt, msgid), with the files it is in."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    cfg = ROOT / "babel.cfg"
    if not cfg.exists():
        pytest.skip("babel.cfg is in a source checkout, not in an installed wheel")
    with cfg.open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    out: dict[_MESSAGE, frozenset[str]] = {}
    for filename, _, message, _, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        assert isinstance(message, str)
        out[context, message] = out.get((context, message), frozenset()) | {filename}
    return out


def _ids(catalogue: Catalog) -> set[_MESSAGE]:
    return {(m.context, m.id) for m in catalogue if m.id and isinstance(m.id, str)}


def test_every_extracted_message_is_in_the_catalogue_and_no_other() -> None:
    # a text the code translates (a help text, a pgettext call) or a key of keys.pot missing
    # from da.po: run pybabel extract and pybabel update (docs/translations.md)
    extracted = _extracted()
    assert len(extracted) > 1000
    danish = _ids(_catalogue("da"))
    missing = sorted(f"{sorted(extracted[m])}: {m}" for m in set(extracted) - danish)
    stale = sorted(str(m) for m in danish - set(extracted))
    assert missing == []
    assert stale == []


def test_the_committed_template_is_the_extracted_one() -> None:
    with (LOCALE_DIR / "tco.pot").open("rb") as f:
        template = read_po(f)
    assert _ids(template) == set(_extracted())


def test_english_written_in_the_code_is_not_written_again_in_keys_pot() -> None:
    # keys.pot holds only the English no line of code writes: a text the code translates by
    # its English (a help text, pgettext_noop) must not be copied there, where it could drift
    with (LOCALE_DIR / "keys.pot").open("rb") as f:
        keyed_english = _ids(read_po(f))
    in_code = {m for m, where in _extracted().items() if any(w.endswith(".py") for w in where)}
    assert sorted(map(str, keyed_english & in_code)) == []


def test_one_english_text_per_key() -> None:
    # a key (an error's id) raised with two different English texts would show one of them in
    # every other language: each msgctxt has one msgid, whether written at the raise site or in
    # keys.pot
    by_key: dict[str, set[str]] = {}
    for context, english in _extracted():
        if context is not None and context not in GROUPS:
            by_key.setdefault(context, set()).add(english)
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}


def test_errors_take_their_english_from_the_raise_site() -> None:
    # Error(f"... '{name}' ...").speaks(id, name=name): the raise site's text is the msgid, so
    # the English is written once and the catalogue follows it (at least the 146 errors raised
    # this way); such a key is not written again in keys.pot
    from_raise_sites = set()
    for path in sorted(SRC.rglob("*.py")):
        with path.open("rb") as f:
            for _, func, message, _ in extract_code(f, [], [], {}):
                if func == "pgettext" and message[0] not in GROUPS:
                    from_raise_sites.add(message[0])
    assert len(from_raise_sites) >= 140
    with (LOCALE_DIR / "keys.pot").open("rb") as f:
        in_keys_pot = {m.context for m in read_po(f) if m.id and m.context}
    assert from_raise_sites & in_keys_pot == set()
    # cli/award.py: SpecError(f"got --workers {args.workers}", ...).speaks("workers",
    # n=args.workers); the catalogue said "got --workers {n}, expected 1 or more" before
    assert "workers" in from_raise_sites
    assert keyed("workers", "en") == "got --workers {n}"


# -- every language complete, and every translation with the English's placeholders -----------
@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_translation(lang: str) -> None:
    # Swedish as Danish: a message without a translation would be shown in English
    messages = [m for m in _catalogue(lang) if m.id]
    assert len(messages) > 1000
    assert [(m.context, m.id) for m in messages if not m.string] == []


#: Fields of the English a translation may leave out, and why.
_MAY_LEAVE_OUT = {
    # the English words of a parser or an HTTP library (json, pandas, pyarrow): a translation
    # says what is wrong in its own words, or where (line and column), instead
    "detail",
    # the largest number a float holds (1.8e308): "too large to compute with" says it
    "cap",
}

#: Fields of the English one message's translations leave out, and why.
_LEFT_OUT_BY_KEY = {
    # {name} is the English name of a notation ("Danish"); the translation names the
    # notation by its code, {convention} ('da'), which the message gives as well
    "units.grouped": {"name"},
}

#: Fields a raise site passes through ``**`` that the source does not name: bodies.py's
#: ``speaks("service_not_json", detail=..., **at)``, ``at`` being the line and column.
_SPREAD = {"service_not_json": {"line", "column"}}


@functools.cache
def _raise_site_params() -> dict[str, frozenset[str]]:
    """The params each ``.speaks(id, **params)`` of the source gives its message, by id."""
    out: dict[str, set[str]] = {k: set(v) for k, v in _SPREAD.items()}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "speaks"
                and node.args
            ):
                continue
            # a literal id, or ids in an expression (a default of .get, both arms of an if)
            ids = [
                c.value
                for c in ast.walk(node.args[0])
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            ]
            names = {k.arg for k in node.keywords if k.arg}
            for message_id in ids:
                out.setdefault(message_id, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


def _brace_fields(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


_HTML_TAG = re.compile(r"</?(?:strong|code|em|b|i|br|a|p|span|sup|sub|ul|ol|li)\b[^>]*>")
_PERCENT = re.compile(r"%\(\w+\)[sdf]|%%")


def _shape(text: str) -> dict[str, object]:
    """What a translation keeps of its English exactly: markup, %-fields, code, lines, edges."""
    return {
        "html tags": sorted(_HTML_TAG.findall(text)),
        "%-fields": sorted(_PERCENT.findall(text)),
        "backticks": text.count("`"),
        "lines": text.count("\n"),
        "leading spaces": len(text) - len(text.lstrip(" ")),
        "trailing spaces": len(text) - len(text.rstrip(" ")),
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_english(lang: str) -> None:
    # a field the code does not give is shown as '?' (error_text's format_map), a field
    # left out loses the value, markup or a newline out of place breaks the output
    params = _raise_site_params()
    wrong = []
    for m in _catalogue(lang):
        if not (m.id and m.string):
            continue
        english, said = _brace_fields(m.id), _brace_fields(m.string)
        given = english | params.get(m.context or "", frozenset())
        if said - given:
            wrong.append((m.context, m.id, "fields the code does not give", sorted(said - given)))
        if english - said - _MAY_LEAVE_OUT - _LEFT_OUT_BY_KEY.get(m.context or "", set()):
            wrong.append((m.context, m.id, "fields left out", sorted(english - said)))
        if _shape(m.id) != _shape(m.string):
            wrong.append((m.context, m.id, _shape(m.id), _shape(m.string)))
    assert wrong == []


def test_the_placeholder_check_can_fail() -> None:
    # the checks above, on translations written wrong
    params = _raise_site_params()
    assert params["workers"] == {"n"}
    assert {"status", "detail"} <= params["service_http_status"]
    assert _brace_fields("fick {nmae}") - _brace_fields("got {name}") == {"nmae"}
    assert _shape(" (menade du '{name}'?)") != _shape("(did you mean '{name}'?)")
    assert _shape("<strong>Kalkylperiod.</strong>") == _shape("<strong>Study period.</strong>")
    assert _shape("År 0") != _shape("Year 0\n")
