"""Read YAML files safely, quickly and with size limits.

Only plain data is built (mappings, lists, strings, numbers, booleans, null):
YAML tags that construct Python objects are refused, duplicate keys are an
error, and the size of a file, the number of aliases, the nesting depth and the
number of values (aliases expanded) are capped *while the file is read*, so that
a hostile file cannot exhaust memory or time. libyaml (``yaml.CSafeLoader``) is
used when PyYAML was built with it.

Plain scalars are resolved as YAML 1.2 does, not as YAML 1.1: only plain
decimal numbers (``42``, ``-1.5``, ``2e3``) become numbers and only ``true`` and
``false`` become booleans. ``0200`` (a YAML 1.1 octal 128), ``50:00`` (a YAML 1.1
sexagesimal 3000), ``0x10``, ``1_000``, ``yes``, ``no``, ``on``, ``off`` and
dates stay text, so that the value grammar can refuse them with a message.

This module holds the reading of files and the wording of syntax errors; the
event-stream builder that enforces the caps is in :mod:`tco.io.yamlbuild`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tco.errors import LimitError, YAMLError
from tco.io.files import read_input_bytes, sha256_hex
from tco.io.yamlbuild import FAST, Builder, Parser
from tco.limits import MAX_ALIASES, MAX_BYTES, MAX_DEPTH
from tco.locale import word

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["FAST", "MAX_ALIASES"]


def load_yaml(text: str | bytes, *, file: str | None = None) -> dict[str, Any]:
    r"""Parse a YAML document that must be a mapping.

    Parameters
    ----------
    text : str or bytes
        The document. Bytes must be UTF-8.
    file : str, optional
        The file name, for messages.

    Returns
    -------
    dict
        The document.

    Raises
    ------
    YAMLError
        If the text is not UTF-8, not valid YAML, empty, or not a mapping.
    LimitError
        If it exceeds :data:`MAX_BYTES`, :data:`MAX_ALIASES`,
        :data:`MAX_DEPTH` or :data:`MAX_NODES`.

    Examples
    --------
    >>> load_yaml("a: 1\nb: [2, 3]")
    {'a': 1, 'b': [2, 3]}

    YAML 1.1's octal, sexagesimal and yes/no readings are not made:

    >>> load_yaml("quantity: 0200\nhours: 50:00\nled: yes\non: true")
    {'quantity': '0200', 'hours': '50:00', 'led': 'yes', 'on': True}
    >>> load_yaml("a: 1\na: 2")
    Traceback (most recent call last):
    ...
    tco.errors.YAMLError: the key 'a' first given on line 1 is given again on line 2; ...
    """
    size = len(text)
    if size > MAX_BYTES:
        raise LimitError(
            f"file is {size} bytes; tco reads files of at most {MAX_BYTES} bytes",
            file=file,
            expected=f"at most {MAX_BYTES} bytes",
        ).speaks("file_too_big", size_q=str(size), cap_q=str(MAX_BYTES))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise YAMLError(
                f"file is not UTF-8 text (byte {exc.start}: {text[exc.start : exc.start + 1]!r}); "
                "save it as UTF-8",
                file=file,
                expected="UTF-8 text",
            ).speaks("not_utf8", at=exc.start, byte=repr(text[exc.start : exc.start + 1])) from None
    data = _parse(text, file)
    if data is None:
        raise YAMLError(
            "file is empty; expected a mapping of keys to values such as 'model: indoor-lighting'",
            file=file,
            expected="a mapping such as 'model: indoor-lighting'",
        ).speaks("file_empty")
    if not isinstance(data, dict):
        kind = _KINDS.get(_kind(data)) or _kind(data)
        raise YAMLError(
            f"the top level is a {kind}, but it must be a mapping of keys to values",
            file=file,
            value=data if not isinstance(data, (list, dict)) else None,
            expected="a mapping such as 'model: indoor-lighting'",
        ).speaks("top_level", kind=kind)
    return data


def _parse(text: str, file: str | None) -> Any:
    """Build the data from the parser's events, the caps checked as it goes."""
    try:
        parser = Parser(text)
    except yaml.reader.ReaderError as exc:  # a control character such as NUL
        raise _reader_error(text, exc, file) from None
    try:
        return Builder(file, text).run(parser)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc, file) from None
    except yaml.MarkedYAMLError as exc:
        message, message_id, params = _yaml_message(exc, text)
        raise YAMLError(message, file=file, expected="valid YAML").speaks(
            message_id, **params
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error is marked
        raise YAMLError(f"not valid YAML: {exc}", file=file, expected="valid YAML") from None
    finally:
        parser.dispose()


def _reader_error(text: str, exc: Any, file: str | None) -> YAMLError:
    position = max(int(getattr(exc, "position", 0)), 0)
    before = text[:position]
    line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    char = getattr(exc, "character", None)
    shown = repr(chr(char)) if isinstance(char, int) else "a control character"
    return YAMLError(
        f"line {line}, column {column}: the control character {shown} "
        "is not allowed in YAML text; remove it",
        file=file,
        expected="printable text",
    ).speaks("yaml_control_character", line=line, column=column, char=shown)


#: The kinds of value the top level can be, as words of the message (in Danish with their article).
_KINDS = {
    "list": word("value kind", "list"),
    "text": word("value kind", "text"),
    "number": word("value kind", "number"),
    "boolean": word("value kind", "boolean"),
}


def _kind(data: Any) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "boolean"}.get(
        type(data), type(data).__name__
    )


#: libyaml's and PyYAML's problems, said in plain words. ``{open}`` is the line
#: where the construct the parser was reading began.
_PLAIN = [
    (
        "expected ',' or ']'",
        "unclosed_list",
        "a list opened with '[' on line {open} is not closed with ']'",
    ),
    (
        "expected ',' or '}'",
        "unclosed_mapping",
        "a mapping opened with '{{' on line {open} is not closed with '}}'",
    ),
    (
        "mapping values are not allowed",
        "colon",
        "a ': ' appears where it cannot start a value: put the "
        "text in quotes, or move the key to its own line at the indentation of the keys beside it",
    ),
    (
        "cannot start any token",
        "reserved",
        "a value starts with a character YAML reserves (a tab, '`', "
        "'@' or '%'): put the value in quotes, and indent with spaces, not tabs",
    ),
    ("is not defined above it", "undefined_anchor", "{problem}"),
    (
        "undefined alias",
        "undefined_alias",
        "'*name' refers to an anchor '&name' that is not defined above it",
    ),
    (
        "found unexpected end of stream",
        "unclosed_quote",
        "the quoted text begun on line {open} is never closed; add the closing quote",
    ),
    (
        "unknown escape character",
        "escape",
        "a backslash in double-quoted text starts an unknown escape; "
        "use single quotes, or write two backslashes",
    ),
    (
        "expected '-' indicator",
        "dash",
        "the indentation is off: a line at a list's indentation does "
        "not start with '- '; indent it like the other items of the list it belongs to",
    ),
    (
        "<block end>",
        "dash",
        "the indentation is off: a line at a list's indentation does not start "
        "with '- '; indent it like the other items of the list it belongs to",
    ),
    (
        "expected key",
        "key",
        "the indentation is off, or a line lacks its 'key:'; keys of one "
        "mapping start in the same column",
    ),
    ("could not find expected ':'", "no_colon", "a key lacks its ':' (a key may not span lines)"),
    (
        "expected node content",
        "missing_value",
        "a value is missing or starts with a character YAML reserves; put the value in quotes",
    ),
    (
        "is split in two",
        "decimal_comma",
        "the number '{number}' is split in two: inside [...] or {{...}} a comma separates "
        "entries, so a decimal comma cannot be written there; put the value in quotes "
        "('{number}'), or write the entries on lines of their own (key: {number}); a comma "
        "between entries is followed by a space",
    ),
    (
        "could not determine a constructor",
        "tag",
        "{problem}; tco files hold plain data only, remove the tag",
    ),
    ("maximum nesting depth", "deep", f"the text is nested far deeper than {MAX_DEPTH} levels"),
    (
        "found duplicate anchor",
        "duplicate_anchor",
        "an anchor '&name' is defined twice; rename one of them",
    ),
]


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str, dict[str, Any]]:
    """Say a parser error in plain words, with the line, column and the line's text.

    Returns the message, its id in the catalogue of messages and its parameters.
    """
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.problem_mark is not None and "is given again" in problem:
        first = re.match(r"the key '(.*)' first given on line (\d+)", exc.context, re.DOTALL)
        params = {
            "key": first.group(1) if first else "?",
            "first": first.group(2) if first else "?",
        }
        params["again"] = exc.problem_mark.line + 1
        return f"{exc.context} {problem}", "yaml_duplicate_key", params
    begun = exc.context_mark or mark
    opened = begun.line + 1 if begun is not None else "?"
    found = next(((key, words) for _, key, words in _PLAIN if _ in problem), None)
    number = re.search(r"the number '([^']*)'", problem)
    plain = (
        found[1] if found else f"{problem} ({exc.context})" if exc.context else problem
    ).format(open=opened, problem=problem, number=number.group(1) if number else "?")
    tag = re.search(r"tag '([^']*)'", problem)
    anchor = re.match(r"'\*([^']*)'", problem)
    params = {
        "open": opened,
        "tag": tag.group(1) if tag else "?",
        "anchor": anchor.group(1) if anchor else "?",
        "number": number.group(1) if number else "?",
        "reads": None,
    }
    message_id = f"yaml.{found[0]}" if found else "yaml.other"
    if mark is None:  # pragma: no cover - every parser error is marked
        return plain, message_id, params
    lines = text.splitlines()
    shown_line = mark.line if mark.line < len(lines) and lines[mark.line].strip() else None
    if shown_line is None and exc.context_mark is not None:
        shown_line = exc.context_mark.line
    line, column = mark.line, mark.column
    if line > text.count("\n"):  # libyaml marks the end of a text without a final newline
        line, column = text.count("\n"), len(text) - (text.rfind("\n") + 1)
    params.update(line=line + 1, column=column + 1)
    where = f"line {line + 1}, column {column + 1}: {plain}"
    if shown_line is not None and shown_line < len(lines):
        content = lines[shown_line]
        content = content if len(content) <= 80 else content[:77] + "..."
        where += f" (line {shown_line + 1} reads {content!r})"
        params["reads"] = (shown_line + 1, repr(content))
    return where, message_id, params


def read_yaml_file(path: str | Path) -> dict[str, Any]:
    """Read and parse a YAML file (see :func:`load_yaml` and :func:`read_yaml_source`).

    Raises
    ------
    FileError
        If the path is not a readable regular file.
    YAMLError
        If the file is not valid YAML.
    LimitError
        If it is too large.
    """
    return read_yaml_source(path)[0]


def read_yaml_source(path: str | Path) -> tuple[dict[str, Any], str]:
    """Read and parse a YAML file, with the SHA-256 of the very bytes parsed.

    The file must be a regular file of at most :data:`MAX_BYTES` bytes, checked
    before it is read (a device, FIFO or folder is refused). It is read once:
    the hash is of what was evaluated, whatever happens to the file later.

    Returns
    -------
    (dict, str)
        The document and the SHA-256 of its bytes in hex.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.yaml"
    >>> _ = p.write_bytes(b"a: 1")
    >>> read_yaml_source(p)
    ({'a': 1}, '16c3c6d78678d53d39ab2c7a5a7bc4596567b46a1a57000a2d707334f779b824')
    """
    raw = read_input_bytes(path)
    return load_yaml(raw, file=str(path)), sha256_hex(raw)
