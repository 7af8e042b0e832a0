r"""Babel extraction methods for tco's template (``pybabel extract -F babel.cfg``).

Two sources make the template ``tco.pot``:

- the code (:func:`extract_code`): every English text the code writes out and
  translates, that is the literal message of ``gettext(...)``,
  ``pgettext(context, ...)``, ``N_(...)``, ``pgettext_noop(context, ...)`` and
  ``word(context, ...)`` (marked where written, translated where shown), and the command line's help
  texts, descriptions, titles and metavars (``help=``, ``description=``, ``metavar=``, ``title=``
  of argparse's calls, ``parser.description = ...``, the help of a module's
  ``COMMANDS`` table), looked up by their English text; and the English of an
  error raised as ``Error(message, ...).speaks(id, **params)`` where the message
  is the template filled with the params (:func:`raised_template`): msgctxt
  ``id``, msgid the raise site's English;
- ``keys.pot`` (:func:`extract_keys`): the English of every message the code
  names by a key (an error's id, an output word's key: the msgctxt), and of the
  few texts no line of tco writes (argparse's own words, the operating
  system's reasons), each written there once.

Examples
--------
>>> import io
>>> code = b'p.add_argument("--x", help="the x")\npgettext("unit word", "year", lang)\n'
>>> [(line, func, msg) for line, func, msg, _ in extract_code(io.BytesIO(code), [], [], {})]
[(1, 'gettext', 'the x'), (2, 'pgettext', ('unit word', 'year'))]
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Calls whose first two arguments are a msgctxt and its English.
_CONTEXTUAL = frozenset({"pgettext", "pgettext_noop", "word"})
#: Keyword arguments of argparse whose text the command line shows in the chosen language.
HELP_KEYWORDS = frozenset({"help", "description", "metavar", "title", "epilog"})
#: argparse's calls that take them.
_ARGPARSE = frozenset(
    {"ArgumentParser", "Parser", "add_argument", "add_argument_group", "add_parser"}
)

_Extracted = tuple[int, str, Any, list[str]]


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
        return node.value
    return None


def extract_code(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[_Extracted]:
    """The English texts a Python module translates, in line order (a Babel extraction method).

    Yields ``(line, "gettext", msgid, [])`` and ``(line, "pgettext", (msgctxt, msgid), [])``.
    """
    tree = ast.parse(fileobj.read())
    found: list[_Extracted] = []
    for node in ast.walk(tree):
        found.extend(_assigned(node))
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        args = [_literal(a) for a in node.args[:2]]
        if name in ("gettext", "N_") and args and args[0]:
            found.append((node.lineno, "gettext", args[0], []))
        elif name in _CONTEXTUAL and len(args) == 2 and args[0] and args[1]:
            found.append((node.lineno, "pgettext", (args[0], args[1]), []))
        if name == "speaks" and args and args[0]:
            english = raised_template(node)
            if english is not None:
                found.append((node.lineno, "pgettext", (args[0], english), []))
        for kw in node.keywords if name in _ARGPARSE else ():
            if kw.arg not in HELP_KEYWORDS:
                continue
            values = kw.value.elts if isinstance(kw.value, ast.Tuple) else [kw.value]
            for value in values:
                said = _literal(value)
                if said is not None:
                    found.append((value.lineno, "gettext", said.strip(), []))
    yield from sorted(found, key=lambda f: f[0])


def raised_template(speaks: ast.Call) -> str | None:
    """The English template of an error raised as ``Error(MESSAGE, ...).speaks(ID, **params)``.

    ``MESSAGE`` is a literal, or an f-string each of whose fields is exactly the
    expression of one of ``params`` (``f"unknown model '{name}'"`` with
    ``name=name``): that field becomes ``{param}``, so the raise site's English is
    the catalogue's msgid. ``None`` where the message is built otherwise (a field
    the params do not carry, a format spec, a joined list): such a message's
    English is written in ``keys.pot``.

    Examples
    --------
    >>> code = "SpecError(f'unknown model {m!r}', file=f).speaks('no_model', name=m)"
    >>> raised_template(ast.parse(code).body[0].value) is None  # !r: not the param as it is
    True
    >>> code = "SpecError(f'no model {m} in {{x}}').speaks('no_model', name=m)"
    >>> raised_template(ast.parse(code).body[0].value)
    'no model {name} in {{x}}'
    """
    func = speaks.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)):
        return None
    raised = func.value
    if not raised.args:
        return None
    message = raised.args[0]
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        return message.value.replace("{", "{{").replace("}", "}}")
    if not isinstance(message, ast.JoinedStr):
        return None
    by_expression = {ast.dump(kw.value): kw.arg for kw in speaks.keywords if kw.arg}
    parts: list[str] = []
    for part in message.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            parts.append(part.value.replace("{", "{{").replace("}", "}}"))
        elif (
            isinstance(part, ast.FormattedValue)
            and part.conversion == -1
            and part.format_spec is None
            and ast.dump(part.value) in by_expression
        ):
            parts.append("{" + by_expression[ast.dump(part.value)] + "}")
        else:
            return None
    return "".join(parts)


def _assigned(node: ast.AST) -> Iterator[_Extracted]:
    """Help set by assignment: ``parser.description = "..."``, and a ``COMMANDS`` table's help.

    A module of the command line lists its subcommands as ``COMMANDS = {name: (configure,
    run, help)}``.
    """
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            said = _literal(node.value) if node.value is not None else None
            if isinstance(target, ast.Attribute) and target.attr in HELP_KEYWORDS and said:
                yield (node.lineno, "gettext", said.strip(), [])
            if isinstance(target, ast.Name) and target.id == "COMMANDS":
                table = node.value
                for entry in table.values if isinstance(table, ast.Dict) else []:
                    if isinstance(entry, ast.Tuple) and len(entry.elts) == 3:
                        said = _literal(entry.elts[2])
                        if said:
                            yield (entry.elts[2].lineno, "gettext", said.strip(), [])


def extract_keys(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[_Extracted]:
    """The messages of ``keys.pot``: English by key (a Babel extraction method)."""
    from babel.messages.pofile import read_po

    for n, message in enumerate(m for m in read_po(fileobj) if m.id):
        if message.context:
            yield (n + 1, "pgettext", (message.context, message.id), [])
        else:
            yield (n + 1, "gettext", message.id, [])
