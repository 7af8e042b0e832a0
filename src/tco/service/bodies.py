"""The body of a request to the HTTP service as a mapping: JSON or YAML, within the caps.

JSON is read with every object's keys checked: a key given twice is refused
(as YAML's duplicate keys are), never read as its last value. Nesting and the
number of values are capped (:data:`~tco.limits.MAX_DEPTH`,
:data:`~tco.limits.MAX_NODES`).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from tco.errors import JSONError, LimitError, SpecError
from tco.limits import MAX_DEPTH, MAX_NODES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

JSON = "application/json"
BODY = "<request>"
_YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain")


class _Twice(Exception):
    """A key given twice in one JSON object (its path is found afterwards)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object from its pairs; a key given twice is refused, never read as the last one."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Twice(key)
        out[key] = value
    return out


class _Pairs(list):  # type: ignore[type-arg]
    """A JSON object kept as its pairs, in order, to find where a key is given twice."""


def _twice(body: bytes, key: str) -> JSONError:
    """The error of a JSON body that gives ``key`` twice, with the path where it does."""

    def error(path: tuple[str | int, ...]) -> JSONError:
        return JSONError(
            f"the key '{key}' appears twice in one object; give each key once",
            file=BODY,
            path=path,
            value=key,
            expected="each key once",
        ).speaks("service_duplicate_key", name=key)

    try:
        top = json.loads(body, object_pairs_hook=_Pairs)
    except RecursionError:  # nested too deeply to walk: said without the path
        return error(())
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(top, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _Pairs):
            seen: set[str] = set()
            for name, value in node:
                if name in seen:
                    return error((*path, name))
                seen.add(name)
                stack.append((value, (*path, name)))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(node))
    return error(())  # pragma: no cover - the first reading found it


def _check_shape(data: Any) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH` or holding over :data:`MAX_NODES` values."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            what = f"nested deeper than {MAX_DEPTH}" if depth > MAX_DEPTH else "too many values"
            raise LimitError(
                f"the body is {what}", file=BODY, expected=f"at most {MAX_DEPTH} levels"
            ).speaks(
                "service_too_deep" if depth > MAX_DEPTH else "service_too_many_values",
                cap_q=MAX_DEPTH,
            )
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def parse_body(body: bytes, media_type: str) -> dict[str, Any]:
    """The body as a mapping: JSON, or YAML (the default), within the caps of :mod:`tco.limits`."""
    if media_type == JSON or media_type.endswith("+json"):
        try:
            data = json.loads(body, object_pairs_hook=_no_duplicates)
        except _Twice as twice:
            raise _twice(body, str(twice.args[0])) from None
        except RecursionError:
            raise LimitError(
                "the body is nested too deeply", file=BODY, expected=f"at most {MAX_DEPTH} levels"
            ).speaks("service_nested_too_deeply", cap_q=MAX_DEPTH) from None
        except ValueError as exc:
            digits = sys.get_int_max_str_digits()
            if "Exceeds the limit" in str(exc):  # Python's message names a setting of its own
                raise LimitError(
                    f"the body holds a number with more than {digits} digits",
                    file=BODY,
                    expected="numbers of ordinary size, with their units, as '1450 DKK'",
                ).speaks("service_long_number", digits_q=digits) from None
            at = (
                {"line": exc.lineno, "column": exc.colno}
                if isinstance(exc, json.JSONDecodeError)
                else {}
            )
            raise JSONError(
                f"the body is not valid JSON: {exc}", file=BODY, expected="valid JSON"
            ).speaks(
                "service_not_json" if at else "service_not_json_text", detail=str(exc), **at
            ) from None
        _check_shape(data)
        if not isinstance(data, dict):
            raise JSONError(
                "the body must be a JSON object (a tender)", file=BODY, expected="an object"
            ).speaks("service_not_object")
        return data
    if media_type and media_type not in _YAML_TYPES:
        raise SpecError(
            f"cannot read a body of type '{media_type}'",
            file=BODY,
            value=media_type,
            expected="application/json or application/yaml",
        ).speaks(
            "service_media_type",
            media=media_type,
            types_list=["application/json", "application/yaml"],
        )
    from tco.io.yamlio import load_yaml

    return load_yaml(body, file=BODY)
