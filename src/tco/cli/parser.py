"""The command line's argument parser, in the buyer's language.

The language is known before the parser is built: :func:`choose_language`
reads ``--lang`` wherever it stands on the command line (before or after the
command), else the environment variable ``TCO_LANG``, else English. Every
help text, description, section heading and metavar is looked up in the help
catalogue (:mod:`tco.locale`: the English text is the msgid, without a msgctxt)
when the help is formatted; argparse's own messages (``usage:``,
"the following arguments are required", "invalid choice", ...) are said in
the language by :meth:`Parser.error` and :class:`Formatter`, from the message
catalogue's ``argparse.*`` entries.

Examples
--------
>>> choose_language(["compare", "--lang", "da"], {}), choose_language(["--lang=en"], {})
('da', 'en')
>>> choose_language(["compare"], {"TCO_LANG": "da"}), choose_language([], {})
('da', 'en')
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NoReturn

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The environment variable that chooses the language when ``--lang`` is not given.
ENV_LANG = "TCO_LANG"

#: English help texts met without a Danish text while formatting help (a test reads it).
untranslated: set[str] = set()


def choose_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of a command line: ``--lang`` (last one wins), else ``TCO_LANG``, else ``en``.

    A value that is not a language is returned as it is; the parser refuses it.
    """
    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    if chosen is None:
        chosen = environ.get(ENV_LANG, "").strip() or "en"
    return chosen


def help_text(english: str) -> str:
    """``english`` (a help text, heading or metavar) in the chosen language.

    Examples
    --------
    >>> help_text("show this help message and exit")
    'show this help message and exit'
    """
    from tco.views.i18n import get_language

    lang = get_language()
    if lang == "en" or not english:
        return english
    from tco.locale import gettext, has_text

    key = english.strip()
    if not has_text(key, lang):
        untranslated.add(english)
        return english
    return gettext(key, lang)


class Formatter(argparse.HelpFormatter):
    """Help in the chosen language: texts, headings, metavars and ``usage:``."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return help_text(action.help) if action.help else action.help

    def add_text(self, text: str | None) -> None:
        """Add a description or epilog, in the chosen language."""
        super().add_text(help_text(text) if text else text)

    def start_section(self, heading: str | None) -> None:
        """Start a section of the help under ``heading``, in the chosen language."""
        super().start_section(help_text(heading) if heading else heading)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        """Add the usage line, its ``usage:`` in the chosen language."""
        if prefix is None:
            prefix = _said("argparse.usage")
        super().add_usage(usage, actions, groups, prefix)

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        shown = super()._metavar_formatter(action, default_metavar)
        return lambda size: tuple(_metavar(m) for m in shown(size))


def _metavar(shown: Any) -> Any:
    """A metavar or argument name in the chosen language; choices and commands as they are."""
    if (
        not isinstance(shown, str)
        or shown.startswith("{")
        or (shown.islower() and not _known(shown))
    ):
        return shown
    return help_text(shown)


def _known(english: str) -> bool:
    """Whether the catalogue holds ``english`` (a help text, heading or metavar; no msgctxt)."""
    from tco.locale import texts

    return english.strip() in texts(None, "en")


class Parser(argparse.ArgumentParser):
    """An argument parser that speaks the chosen language; its errors are JSON too on request.

    ``json_errors`` (set for a command line that asks for ``--format json``)
    prints a usage error as an ``error`` document on standard output as well.
    """

    json_errors = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``message`` (argparse's) in the chosen language; exit with 2."""
        message = argparse_message(message)
        if Parser.json_errors:
            from tco.cli.source import print_document
            from tco.errors import SpecError
            from tco.views.documents import error_document

            err = SpecError(f"{self.prog}: {message}", expected=f"see '{self.prog} --help'").speaks(
                "usage_error", prog=self.prog, message=message
            )
            print_document(error_document(err))
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_said('cli.error')}: {message}\n")


#: argparse's messages (as Python 3.10 to 3.13 write them) -> catalogue key; groups as fields.
_ARGPARSE = [
    (r"the following arguments are required: (?P<names>.+)", "argparse.required"),
    (r"one of the arguments (?P<names>.+) is required", "argparse.one of"),
    (
        r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "argparse.invalid choice",
    ),
    (r"unrecognized arguments: (?P<args>.+)", "argparse.unrecognized"),
    (r"argument (?P<arg>.+?): expected one argument", "argparse.expected one"),
    (r"argument (?P<arg>.+?): expected at least one argument", "argparse.expected at least one"),
    (r"argument (?P<arg>.+?): expected at most one argument", "argparse.expected at most one"),
    (r"argument (?P<arg>.+?): expected (?P<n>\d+) arguments?", "argparse.expected n"),
    (
        r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)",
        "argparse.not allowed with",
    ),
    (r"argument (?P<arg>.+?): invalid \w+ value: (?P<value>.+)", "argparse.invalid value"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "argparse.ambiguous"),
    (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)", "argparse.ignored"),
]


def argparse_message(message: str) -> str:
    """One of argparse's error messages in the chosen language (English if it is unknown).

    Names of arguments (``tender``, ``COMMAND``) are said as the help shows them.

    Examples
    --------
    >>> argparse_message("the following arguments are required: tender")
    'the following arguments are required: tender'
    """
    from tco.views.i18n import get_language

    if get_language() == "en":
        return message
    for pattern, key in _ARGPARSE:
        said = re.fullmatch(pattern, message)
        if said:
            fields = dict(said.groupdict())
            for name in ("names", "arg", "other"):
                if name in fields:
                    fields[name] = _argument_names(fields[name])
            return _said(key, **fields)
    untranslated.add(message)
    return message


def _argument_names(names: str) -> str:
    """Argument names as the help shows them (``tender`` as its Danish metavar)."""
    return re.sub(r"(?<![-\w])[A-Za-z_]\w*", lambda m: _metavar(m.group(0)), names)


def _said(key: str, **fields: Any) -> str:
    from tco.views.i18n import text

    return text(key, **fields)
