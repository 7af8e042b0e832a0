"""Build plain data from YAML parser events, with every cap checked as it goes.

This module holds the event-stream side of :mod:`tco.io.yamlio`: the choice of
parser (libyaml's when PyYAML was built with it), the YAML 1.2 reading of plain
scalars, and :class:`Builder`, which turns the parser's events into dicts,
lists and scalars in one pass while enforcing the caps on nesting depth,
aliases and expanded values (:data:`~tco.limits.MAX_DEPTH`,
:data:`~tco.limits.MAX_ALIASES`, :data:`~tco.limits.MAX_NODES`). Reading
files and wording syntax errors stay in :mod:`tco.io.yamlio`.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from tco.errors import LimitError
from tco.limits import MAX_ALIASES, MAX_DEPTH, MAX_NODES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Whether libyaml's C parser is used (``False``: PyYAML's pure-Python parser).
FAST = bool(getattr(yaml, "__with_libyaml__", False))

#: The YAML event parser: libyaml's ``CParser`` when :data:`FAST`, else PyYAML's.
Parser: Any
if FAST:
    Parser = yaml.cyaml.CParser  # type: ignore[attr-defined]
else:  # pragma: no cover - PyYAML without libyaml

    class Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        """PyYAML's pure-Python event parser, without a constructor."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


_TAG = "tag:yaml.org,2002:"
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_MERGE = object()


def _plain(value: str) -> Any:
    """Resolve a plain (bare) scalar: as YAML 1.2 does, but a number with a mark stays text.

    A bare number holding a ``.`` (``1.000``, ``2.13``, ``1.5e3``) reads differently in
    the ``en`` and ``da`` number formats (one thousand or one), so it is kept as the
    text written, for the value grammar (:mod:`tco.units`) to read in the file's
    stated ``number_format``. A whole number (``200``, ``2030``) and an exponent
    without a mark (``2e3``) read the same in every format and become numbers, so
    that years, counts and bands keep their type, unless they are beyond a float
    (``1e309``: kept as the text written); ``.inf`` and ``.nan`` become the floats
    every value check refuses.

    Examples
    --------
    >>> _plain("1.000"), _plain("200"), _plain("2e3"), _plain("true"), _plain("~")
    ('1.000', 200, 2000.0, True, None)
    >>> _plain("1e309")  # beyond a float: the text, for the value grammar to refuse by name
    '1e309'
    """
    if not value or value[0] in "-+.0123456789":
        if _INT.fullmatch(value):
            try:
                return int(value)
            except ValueError:  # more digits than Python converts
                return value
        if value and _FLOAT.fullmatch(value):
            low = value.lower()
            if low[-3:] in ("inf", "nan"):
                return float(low.replace(".", ""))
            if "." in value or math.isinf(float(low)):  # a mark, or beyond float: the text
                return value
            return float(low)
    if value in _BOOL:
        return _BOOL[value]
    if value in _NULL:
        return None
    if value == "<<":
        return _MERGE
    return value


def _typed(value: str) -> Any:
    """Resolve a tagged scalar the YAML 1.2 way: ``!!float 1.000`` is the float 1.0."""
    resolved = _plain(value)
    if isinstance(resolved, str) and resolved and _FLOAT.fullmatch(resolved):
        return float(resolved)
    return resolved


def _scalar(event: Any) -> Any:
    """The value of a scalar event, with its tag (if any) honoured or refused."""
    tag = event.tag
    if tag is None or tag == "!":
        return _plain(event.value) if event.implicit[0] and tag is None else event.value
    if tag == _TAG + "str":
        return event.value
    kind = {_TAG + "int": int, _TAG + "float": float, _TAG + "bool": bool, _TAG + "null": None}
    if tag not in kind:
        raise _tag_error(event)
    value = _typed(event.value)
    want = kind[tag]
    if want is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if (value is None and want is None) or (want is not None and type(value) is want):
        return value
    raise yaml.constructor.ConstructorError(
        None, None, f"'{event.value}' cannot be read as !!{tag[len(_TAG) :]}", event.start_mark
    )


def _tag_error(event: Any) -> Exception:
    return yaml.constructor.ConstructorError(
        None, None, f"could not determine a constructor for the tag '{event.tag}'", event.start_mark
    )


class Builder:
    """Build plain data from parser events, enforcing every cap as it goes.

    One pass, no intermediate node tree: the caps on depth, aliases and values
    (aliases counted as the size of what they name, so that a "billion laughs"
    document is refused after a few hundred events) hold while the file is read.
    """

    def __init__(self, file: str | None, text: str = "") -> None:
        self.file = file
        self.text = text
        self.flow = 0  # open flow collections ([...], {...})
        self.after = -2  # where the last plain scalar ending in a digit ended, in a flow
        self.after_value = ""  # and what it was
        self.total = 0
        self.aliases = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        # Each open collection: [container, anchor, total before, key or _NO_KEY, key marks,
        # merge sources].
        self.stack: list[list[Any]] = []
        self.root: Any = None

    def run(self, parser: Any) -> Any:
        """Consume every event of ``parser`` and return the document built."""
        documents = 0
        get_event, scalar_event = parser.get_event, yaml.ScalarEvent
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                self.total += 1
                if self.total > MAX_NODES:
                    self._count(0, event)
                tag = event.tag
                value = (
                    _plain(event.value)
                    if tag is None and event.implicit[0]
                    else event.value
                    if tag is None or tag == "!"
                    else _scalar(event)
                )
                if self.flow:
                    self._decimal_comma(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                top = self.stack[-1][0] if self.stack else None
                if type(top) is list:
                    top.append(value)
                else:
                    self._add(value, event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._open(event, {} if kind is yaml.MappingStartEvent else [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._close(event)
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise yaml.composer.ComposerError(
                        None,
                        None,
                        "the file holds more than one YAML document ('---'); keep one",
                        event.start_mark,
                    )
            elif kind is yaml.StreamEndEvent:
                return self.root

    def _decimal_comma(self, event: Any) -> None:
        """Refuse ``{price: 0,6}``: in a flow collection a comma splits a decimal number.

        YAML reads ``[2,13 DKK/kWh]`` as the two entries ``2`` and ``13 DKK/kWh``: a
        Danish decimal comma inside ``[...]`` or ``{...}`` would silently give other
        numbers, so a plain entry starting with a digit right after a ``,`` that follows
        a plain entry ending in a digit is refused, with the fix.
        """
        start, value = event.start_mark.index, event.value
        if (
            start == self.after + 1
            and not event.style
            and value[:1].isdigit()
            and self.text[self.after : start] == ","
        ):
            number = f"{self.after_value},{value}"
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the number '{number}' is split in two: inside [...] or {{...}} a comma "
                "separates entries",
                event.start_mark,
            )
        self.after = event.end_mark.index if not event.style and value[-1:].isdigit() else -2
        self.after_value = value

    def _count(self, n: int, event: Any) -> None:
        self.total += n
        if self.total > MAX_NODES:
            raise _limit(
                f"the document expands to more than {MAX_NODES} values (aliases?)",
                event,
                f"at most {MAX_NODES} values",
                self.file,
            ).speaks("yaml_too_many_values", cap_q=str(MAX_NODES), line=event.start_mark.line + 1)

    def _open(self, event: Any, container: Any) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in (_TAG + "map", _TAG + "seq"):
            raise _tag_error(event)
        self._count(1, event)
        if len(self.stack) + 1 > MAX_DEPTH:
            raise _limit(
                f"nesting deeper than {MAX_DEPTH} levels",
                event,
                f"at most {MAX_DEPTH} levels of nesting",
                self.file,
            ).speaks("yaml_too_deep", cap_q=str(MAX_DEPTH), line=event.start_mark.line + 1)
        self.stack.append(
            [container, event.anchor, self.total - 1, _NO_KEY, {}, [], event.flow_style]
        )
        self.flow += bool(event.flow_style)

    def _close(self, event: Any) -> None:
        container, anchor, before, _, _, merges, flow = self.stack.pop()
        self.flow -= bool(flow)
        if merges:
            merged: dict[Any, Any] = {}
            for source in merges:
                for key, value in source.items():
                    merged.setdefault(key, value)
            merged.update(container)
            container = merged
        if anchor is not None:
            self.anchors[anchor] = (container, self.total - before)
        self._add(container, event)

    def _alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _limit(
                f"more than {MAX_ALIASES} aliases; a file with that many aliases is "
                "refused to protect memory",
                event,
                f"at most {MAX_ALIASES} aliases",
                self.file,
            ).speaks(
                "yaml_too_many_aliases", cap_q=str(MAX_ALIASES), line=event.start_mark.line + 1
            )
        if event.anchor not in self.anchors:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"'*{event.anchor}' refers to an anchor '&{event.anchor}' that is not "
                "defined above it",
                event.start_mark,
            )
        value, size = self.anchors[event.anchor]
        self._count(size, event)
        self._add(value, event)

    def _add(self, value: Any, event: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
            return
        key = frame[3]
        if key is _NO_KEY:
            if value is not _MERGE and not isinstance(value, (str, int, float, bool, type(None))):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", event.start_mark
                )
            seen = frame[4]
            if value in seen:
                first = seen[value]
                shown = "<<" if value is _MERGE else value
                raise yaml.constructor.ConstructorError(
                    f"the key '{shown}' first given on line {first.line + 1}",
                    first,
                    f"is given again on line {event.start_mark.line + 1}; remove one of them",
                    event.start_mark,
                )
            seen[value] = event.start_mark
            frame[3] = value
            return
        frame[3] = _NO_KEY
        if key is _MERGE:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                raise yaml.constructor.ConstructorError(
                    None, None, "'<<' merges a mapping or a list of mappings", event.start_mark
                )
            frame[5].extend(sources)
        else:
            container[key] = value


_NO_KEY = object()


def _limit(reason: str, event: Any, expected: str, file: str | None) -> LimitError:
    return LimitError(f"{reason} (line {event.start_mark.line + 1})", file=file, expected=expected)
