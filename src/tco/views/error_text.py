"""An error's message in the buyer's language.

An error keeps its English message (``str(err)``, which tests and integrators
read); one that names its message in the catalogue (:meth:`tco.errors.TCOError.speaks`)
is shown here in another language, from the gettext catalogue of
:mod:`tco.locale` (the message's id is its msgctxt) and the facts the error
carries. Numbers and units of the examples in a message follow the language
(``'2,13 DKK/kWh'``, ``'3000 h/år'``); what the user wrote is shown as written.
An error without a translation is shown in English.

Parameters of a message are shown by their name: ``*_q`` is a value with its
unit (its numbers and unit words in the language), ``hint`` a suggested name
(" (did you mean 'x'?)"), ``*_list`` a list of names (each quoted), ``want_unit`` the unit a
value should have (filling ``{expected}`` with an example in that unit), ``who``
a row ("bid 'A'"), ``want`` what a value should be
(:func:`tco.views.error_phrases.phrase_text`), a :class:`tco.locale.Word` its words in
the language; others as they are.

Examples
--------
>>> from tco.errors import SpecError
>>> err = SpecError("this key is required", file="t.yaml", path=("bids",)).speaks("required")
>>> error_text(err, "da")
't.yaml: bids: nøglen skal angives'
>>> error_text(err, "en")
't.yaml: bids: this key is required'
"""

from __future__ import annotations

from typing import Any

from tco.errors import FormError, SpecError, SpecErrors, TCOError, format_path
from tco.locale import Word, keyed, pgettext, pgettext_noop
from tco.locale import translated as has_text
from tco.views.error_phrases import phrase_text
from tco.views.i18n import quantity_text, resolve

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def translated(err: BaseException, lang: str) -> bool:
    """Whether ``err`` has its own text in ``lang`` (English always has).

    Examples
    --------
    >>> from tco.errors import SpecError
    >>> translated(SpecError("odd"), "da"), translated(SpecError("odd"), "en")
    (False, True)
    """
    if lang == "en":
        return True
    if isinstance(err, SpecErrors):
        return all(translated(e, lang) for e in err.errors)
    message_id = getattr(err, "message_id", None)
    if message_id is None:
        return False
    if message_id.startswith("units."):
        return True
    params = getattr(err, "params", {})
    if "want" in params and phrase_text(params["want"], lang) is None:
        return False
    return has_text(message_id, lang)


def _param(name: str, value: Any, lang: str) -> str:
    if isinstance(value, Word):  # a word of the message, in the language
        return value.text(lang)
    if name == "hint":
        if not value:
            return ""
        return _template("did_you_mean", lang).format(name=value)
    if name == "reads":
        return (
            ""
            if not value
            else _template("yaml_reads", lang).format(line=value[0], content=value[1])
        )
    if name == "who":
        return _who(str(value), lang)
    if name.endswith("what"):  # a file a command writes
        return keyed(f"output.{value}", lang) or str(value)
    if name == "reason":  # the operating system's words
        return os_reason(str(value), lang)
    if name == "want":
        return phrase_text(value, lang) or str(value)
    if name.endswith("_q"):
        return quantity_text(value, lang)
    if name.endswith("_list"):
        return ", ".join(f"'{v}'" for v in value)
    return str(value)


def _template(message_id: str, lang: str) -> str:
    """The catalogue's text of the message ``message_id`` in ``lang``."""
    said = keyed(message_id, lang)
    if said is None:
        raise KeyError(message_id)
    return said


def os_reason(reason: str, lang: str) -> str:
    """The operating system's reason a file cannot be read or written (``strerror``) in ``lang``.

    Examples
    --------
    >>> os_reason("Permission denied", "da"), os_reason("Permission denied", "en")
    ('adgang nægtet', 'Permission denied')
    """
    return pgettext("os reason", reason, lang)


#: The words that start a row named in a message, said in the language (msgctxt "who").
_WHO = (pgettext_noop("who", "bid"), pgettext_noop("who", "row"))


def _who(who: str, lang: str) -> str:
    """A row named in a message (``"bid 'A'"``, ``"row 7"``) in ``lang``."""
    for english in _WHO:
        if who.startswith(english + " "):
            return pgettext("who", english, lang) + who.removeprefix(english)
    return who


def reason_text(err: TCOError, lang: str | None = None) -> str:
    """What is wrong, without where (``SpecError.reason``), in ``lang``; English if untranslated.

    Examples
    --------
    >>> from tco.errors import SpecError
    >>> err = SpecError("missing value for 'power' (no default); give a power such as '38 W'")
    >>> reason_text(err.speaks("missing_value", name="power", want_unit="W"), "da")
    "mangler en værdi for 'power' (ingen standardværdi); angiv en effekt som '38 W'"
    """
    lang = resolve(lang)
    english = err.reason if isinstance(err, SpecError) else str(err)
    message_id = err.message_id
    if lang == "en" or message_id is None:
        return english
    params = err.params
    if message_id.startswith("units."):
        from tco.units.values import refusal_text

        fields = {k: v for k, v in params.items() if k not in ("want_unit", "eg", "rate")}
        return refusal_text(
            message_id.removeprefix("units."), lang, expected=_expected(params, lang), **fields
        )
    if not has_text(message_id, lang):
        return english
    if "want_unit" in params:
        params = {**params, "expected": _expected(params, lang)}
    shown = {name: _param(name, value, lang) for name, value in params.items()}
    return _template(message_id, lang).format_map(_Missing(shown))


def _expected(params: dict[str, Any], lang: str) -> str:
    """What a value should be, its example's number and unit in ``lang``."""
    from tco.units.describe import expected_phrase

    if "want_unit" not in params:  # a unit written wrong (not a value): nothing expected
        return ""

    phrase = expected_phrase(params["want_unit"], lang, params.get("eg"), bool(params.get("rate")))
    return quantity_text(phrase, lang)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _where(err: SpecError, lang: str) -> str:
    if not isinstance(err, FormError):
        return ": ".join(part for part in (err.file, format_path(err.path)) if part)
    place = []
    if err.sheet:
        place.append(f"{_template('place.sheet', lang)} '{err.sheet}'")
    if err.cell:
        place.append(
            f"{_template('place.cell', lang)} {err.cell}" + (f" ({err.field})" if err.field else "")
        )
    elif err.field:
        place.append(str(err.field))
    return ": ".join(part for part in (err.file, ", ".join(place)) if part)


def error_text(err: BaseException, lang: str | None = None) -> str:
    """The message of ``err`` in ``lang``: where, then what is wrong and how to fix it.

    Parameters
    ----------
    err : BaseException
        The error; one that is not a :class:`~tco.errors.TCOError` is shown as ``str(err)``.
    lang : {"en", "da"}, optional
        The language (the chosen one when ``None``).

    Returns
    -------
    str
        ``str(err)`` in English; in another language, the catalogue's text for
        the error's message, or ``str(err)`` if it has none.
    """
    lang = resolve(lang)
    if lang == "en" or not isinstance(err, TCOError):
        return str(err)
    if isinstance(err, SpecErrors):
        head = _template("problems", lang).format(n=len(err.errors))
        return "\n".join([head] + [f"  - {error_text(e, lang)}" for e in err.errors])
    reason = reason_text(err, lang)
    if not isinstance(err, SpecError):
        return reason
    where = _where(err, lang)
    return f"{where}: {reason}" if where else reason
