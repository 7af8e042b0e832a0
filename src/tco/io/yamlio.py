"""Read YAML files safely, with size limits.

Only plain data is built (mappings, lists, strings, numbers, booleans, null):
YAML tags that construct Python objects are refused, duplicate keys are an
error, and the size of a file, the number of aliases and the nesting depth are
capped so that a hostile file cannot exhaust memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tco.errors import LimitError, YAMLError
from tco.limits import MAX_ALIASES, MAX_BYTES, MAX_DEPTH, MAX_NODES

__all__ = ["MAX_ALIASES", "MAX_BYTES", "MAX_DEPTH", "load_yaml", "read_yaml_file"]


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts aliases, caps depth and refuses duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise LimitError(
                    f"more than {MAX_ALIASES} aliases (line {mark.line + 1}); "
                    "a file with that many aliases is refused to protect memory",
                    expected=f"at most {MAX_ALIASES} aliases",
                )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise LimitError(
                f"nesting deeper than {MAX_DEPTH} levels (line {mark.line + 1})",
                expected=f"at most {MAX_DEPTH} levels of nesting",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    f"the key '{key}' first given on line {seen[key].line + 1}",
                    seen[key],
                    f"is given again on line {key_node.start_mark.line + 1}; remove one of them",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def _count_nodes(data: Any, limit: int) -> int:
    """Count nodes with aliases expanded, stopping past ``limit``."""
    stack = [data]
    count = 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return count
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


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
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise YAMLError(
                f"file is not UTF-8 text (byte {exc.start}: {text[exc.start : exc.start + 1]!r}); "
                "save it as UTF-8",
                file=file,
                expected="UTF-8 text",
            ) from None
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # a control character such as NUL
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise YAMLError(
            f"line {line}, column {column}: the control character {chr(exc.character)!r} "
            "is not allowed in YAML text; remove it",
            file=file,
            expected="printable text",
        ) from None
    try:
        data = loader.get_single_data()
    except LimitError as err:
        raise err.located(file) from None
    except yaml.MarkedYAMLError as exc:
        raise YAMLError(_yaml_message(exc), file=file, expected="valid YAML") from None
    except yaml.YAMLError as exc:
        raise YAMLError(f"not valid YAML: {exc}", file=file, expected="valid YAML") from None
    except RecursionError:
        raise LimitError(
            "the file is nested too deeply to read", file=file, expected="a flatter document"
        ) from None
    finally:
        loader.dispose()
    if data is None:
        raise YAMLError(
            "file is empty; expected a mapping of keys to values such as 'model: indoor-lighting'",
            file=file,
            expected="a mapping such as 'model: indoor-lighting'",
        )
    if not isinstance(data, dict):
        raise YAMLError(
            f"the top level is a {_kind(data)}, but it must be a mapping of keys to values",
            file=file,
            value=data if not isinstance(data, (list, dict)) else None,
            expected="a mapping such as 'model: indoor-lighting'",
        )
    if _count_nodes(data, MAX_NODES) > MAX_NODES:
        raise LimitError(
            f"the document expands to more than {MAX_NODES} values (aliases?)",
            file=file,
            expected=f"at most {MAX_NODES} values",
        )
    return data


def _kind(data: Any) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "boolean"}.get(
        type(data), type(data).__name__
    )


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.problem_mark is not None and "is given again" in problem:
        return f"{exc.context} {problem}"
    if "could not determine a constructor" in problem:
        problem += "; tco files hold plain data only, remove the tag"
    return f"{where}{problem}".strip()


def read_yaml_file(path: str | Path) -> dict[str, Any]:
    """Read and parse a YAML file (see :func:`load_yaml`).

    Raises
    ------
    YAMLError
        If the file cannot be read.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LimitError(
                f"file is {size} bytes; tco reads files of at most {MAX_BYTES} bytes",
                file=str(path),
                expected=f"at most {MAX_BYTES} bytes",
            )
        raw = p.read_bytes()
    except OSError as exc:
        raise YAMLError(
            f"cannot read the file ({exc.strerror or exc})",
            file=str(path),
            expected="a readable YAML file",
        ) from None
    return load_yaml(raw, file=str(path))
