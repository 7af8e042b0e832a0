"""pydantic's validation errors in plain words, one per field.

A field that accepts several forms (a union: a number with its unit, a
year-by-year list, a basis reference) makes pydantic report one error per
form, under locations that name Python types (``BasisRef``,
``list[...]``). :func:`collapse` turns them into one error at the field the
user wrote; :func:`expected` says what was expected in words a buyer reads.
:func:`spec_errors` turns a whole ``ValidationError`` into tco's
:class:`~tco.errors.SpecError` (re-exported by :mod:`tco.spec.schema`), and
:func:`checked` checks data against a pydantic class; a file's data is read by
:func:`tco.spec.validation.validate`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from tco.errors import SpecError, SpecErrors, suggest, suggest_name

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Location parts that name a form of a union rather than a key of the file.
SCALAR_TAGS = frozenset(
    {"str", "int", "float", "bool", "constrained-str", "constrained-int", "constrained-float"}
)


def is_tag(part: object) -> bool:
    """Whether a pydantic location part names a form of a union (not a key the user wrote).

    Examples
    --------
    >>> is_tag("BasisRef"), is_tag("list[float]"), is_tag("float"), is_tag("price"), is_tag(0)
    (True, True, True, False, False)
    """
    return isinstance(part, str) and (
        "[" in part or part in SCALAR_TAGS or part[:1].isupper() or "-" in part
    )


def _form(tag: str) -> str:
    """A form of a union in words."""
    if tag == "bool":
        return "true or false"
    if "union[constrained-str" in tag:
        return "a number with its unit, such as '4 %' or '2.13 DKK/kWh'"
    if tag in ("str", "constrained-str"):
        return "a text"
    if tag in SCALAR_TAGS:
        return "a number"
    if tag.startswith("list[dict"):
        return "a list of 'year: value' entries"
    if tag.startswith("list["):
        return "a list with one value per year"
    if tag == "BasisRef":
        return "a reference to a basis, such as {basis: dk-fm-2021}"
    return "a mapping of keys to values"


def _join(words: Sequence[str]) -> str:
    unique = list(dict.fromkeys(words))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " or " + unique[-1]


_TYPES = {
    "dict_type": "a mapping of keys to values ('key: value' lines)",
    "model_type": "a mapping of keys to values ('key: value' lines)",
    "model_attributes_type": "a mapping of keys to values ('key: value' lines)",
    "list_type": "a list (one '- value' line per entry)",
    "string_type": "a text",
    "float_type": "a number",
    "int_type": "a whole number",
    "float_parsing": "a number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing_size": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}
_BOUNDS = {
    "greater_than": "a number above {gt}",
    "greater_than_equal": "a number of at least {ge}",
    "less_than": "a number below {lt}",
    "less_than_equal": "a number of at most {le}",
    "too_short": "at least {min_length} entries",
    "too_long": "at most {max_length} entries",
    "string_too_short": "a text of at least {min_length} characters",
    "string_too_long": "a text of at most {max_length} characters",
    "string_pattern_mismatch": "a text of the form {pattern}",
}


def expected(err: dict[str, Any]) -> str:
    """What a pydantic error (or a collapsed union error) expected, in plain words.

    Examples
    --------
    >>> expected({"type": "literal_error", "ctx": {"expected": "'end', 'mid' or 'begin'"}})
    "'end', 'mid' or 'begin'"
    >>> expected({"type": "list_type"})
    "a list (one '- value' line per entry)"
    """
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "union":
        return str(err["expected"])
    if kind == "literal_error" and "expected" in ctx:
        return str(ctx["expected"])
    if kind in _TYPES:
        return _TYPES[kind]
    if kind in _BOUNDS:
        try:
            return _BOUNDS[kind].format(**ctx)
        except (KeyError, IndexError):
            pass
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Input should be ").removeprefix("Value error, ")


def collapse(errors: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One error per field: the forms of a union reported as one.

    The location of each error is cut where pydantic names a form. Where the
    user gave a mapping and a form is a mapping, or a list and a form is a
    list, the errors inside that form are kept (they say which key or entry is
    wrong); a message of tco's own (a ``value_error``) wins over pydantic's;
    else one error says which forms were expected.

    Examples
    --------
    >>> errs = [
    ...     {"loc": ("a", "r", "float"), "type": "float_type", "input": [1]},
    ...     {"loc": ("a", "r", "BasisRef"), "type": "model_type", "input": [1]},
    ... ]
    >>> [(e["loc"], e["type"]) for e in collapse(errs)]
    [(('a', 'r'), 'union')]
    """
    groups: dict[tuple[Any, ...], list[tuple[str | None, tuple[Any, ...], dict[str, Any]]]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        cut = next((i for i, part in enumerate(loc) if is_tag(part)), None)
        if cut is None:
            groups.setdefault(loc, []).append((None, (), err))
            continue
        groups.setdefault(loc[:cut], []).append((str(loc[cut]), loc[cut + 1 :], err))
    out: list[dict[str, Any]] = []
    for field, found in groups.items():
        plain = [e for tag, _, e in found if tag is None]
        out += [dict(e, loc=field) for e in plain]
        forms = [(tag, inner, e) for tag, inner, e in found if tag is not None]
        if not forms:
            continue
        own = [e for _, _, e in forms if e["type"] == "value_error"]
        if own:
            out.append(dict(own[0], loc=field))
            continue
        given = forms[0][2].get("input")
        if isinstance(given, dict):
            branch = [f for f in forms if f[0][:1].isupper() or f[0].startswith("dict[")]
        elif isinstance(given, list):
            branch = [f for f in forms if f[0].startswith("list[")]
        else:
            branch = []
        if branch and all(inner for _, inner, _ in branch):
            out += collapse([dict(e, loc=field + inner) for _, inner, e in branch])
            continue
        tags = {tag for tag, _, _ in forms}
        if "constrained-str" in tags and tags <= {"constrained-str", "float", "int"}:
            tags = {"union[constrained-str"}  # a value: a number with its unit
            forms = [("union[constrained-str", (), forms[0][2])]
        words = _join([_form(tag) for tag, _, _ in forms])
        out.append({"type": "union", "loc": field, "input": given, "expected": words})
    return out


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The valid field names at a location, for 'did you mean' hints."""
    current: Any = model
    keyed = False  # the last field was a mapping: the next part is one of its keys
    for part in loc:
        if isinstance(part, int):
            continue
        if keyed:
            keyed = False
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            break
        annotation = fields[part].annotation
        keyed = _is_mapping(annotation)
        current = _model_in(annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _is_mapping(annotation: Any) -> bool:
    """Whether a field's type is ``dict[str, X]`` (so a location's next part is a key)."""
    import typing

    if typing.get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in getattr(annotation, "__args__", ()))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def spec_errors(
    exc: ValidationError,
    model: type[BaseModel],
    *,
    file: str | None,
    prefix: Sequence[str | int] = (),
) -> SpecError:
    """Turn a pydantic ``ValidationError`` into tco's :class:`SpecError` (or several).

    Each error names the field path, the value given and what was expected;
    a misspelt key gets the nearest valid name.
    """
    errors: list[SpecError] = []
    for err in collapse([dict(e) for e in exc.errors()]):
        loc = list(err["loc"])
        path = [*prefix, *loc]
        kind = err["type"]
        given = err.get("input")
        if kind == "extra_forbidden":
            name = str(loc[-1]) if loc else ""
            valid = _fields_at(model, loc[:-1])
            msg = f"unknown key '{name}'{suggest(name, valid)}"
            if valid:
                msg += "; valid keys are " + ", ".join(valid)
            hint = suggest_name(name, valid)
            errors.append(
                SpecError(msg, file=file, path=path, value=name, expected="a valid key").speaks(
                    "unknown_key" if valid else "unknown_key_only",
                    name=name,
                    hint=hint,
                    keys_list=list(valid),
                )
            )
            continue
        if kind == "missing":
            errors.append(
                SpecError("this key is required", file=file, path=path, expected="a value").speaks(
                    "required"
                )
            )
            continue
        own = (err.get("ctx") or {}).get("error") if kind == "value_error" else None
        if isinstance(own, SpecError):  # a refusal of tco's own (the value grammar's), placed
            errors.append(own.located(file, path))
            continue
        if kind == "value_error":
            msg = _plain(str(err["msg"]).removeprefix("Value error, "))
            error = SpecError(msg, file=file, path=path, value=given, expected=msg)
            for pattern, message_id in _VALUE_ERRORS:
                said = pattern.fullmatch(msg)
                if said:
                    error.speaks(message_id, **said.groupdict())
            errors.append(error)
            continue
        want = expected(err)
        shown = _show(given)
        text = f"got {shown}, expected {want}" if shown else f"expected {want}"
        errors.append(
            SpecError(text, file=file, path=path, value=given, expected=want).speaks(
                "got_expected" if shown else "expected_only", shown=shown, want=want
            )
        )
    # One message per path (a problem is said once).
    unique: dict[tuple[Any, ...], SpecError] = {}
    for e in errors:
        unique.setdefault(e.path, e)
    found = list(unique.values())
    return found[0] if len(found) == 1 else SpecErrors(found)


_INSTANCE_RE = re.compile(r" or instance of \w+")
#: The validators' refusals that have a message id (their texts: the catalogue, tco.locale).
_VALUE_ERRORS = [
    (re.compile(r"a tender needs at least one bid"), "no_bids"),
    (re.compile(r"two bids are named '(?P<name>.*)'; give each bid its own name"), "same_bid_name"),
    (re.compile(r"'(?P<name>.*)' gives when; add 'amount' for how much"), "every_amount"),
    (
        re.compile(r"an id is lower-case letters, digits, '-' and '_', as 'indoor-lighting'"),
        "bad_id",
    ),
    (re.compile(r"a model needs at least one cost item"), "no_items"),
    (re.compile(r"give exactly one timing of (?P<timings>.*); got (?P<got>.*)"), "one_timing"),
    (re.compile(r"give exactly one timing of (?P<timings>.*); got none"), "one_timing_none"),
    (
        re.compile(
            r"got (?P<value>True|False), a yes/no value, where a number with its unit belongs; "
            r"write the value as '4 %' or '15 year'"
        ),
        "yes_no_value",
    ),
    (
        re.compile(r"'amount' goes with 'every' or 'at'; with '(?P<name>.*)' remove it"),
        "amount_timing",
    ),
    (re.compile(r"'start' and 'stop' go with 'annual' only"), "start_stop_annual"),
    (
        re.compile(
            r"'(?P<name>.*)' is not a valid name; use letters, digits and '_', starting with a "
            r"letter, as 'electricity_price'"
        ),
        "bad_name",
    ),
    (re.compile(r"give exactly one of 'value' and 'by_year'"), "basis_value_form"),
    (re.compile(r"'by_year' needs at least one year"), "basis_by_year_empty"),
    (
        re.compile(
            r"value '(?P<name>.*)' cites source '(?P<source>.*)', which is not under 'sources'"
            r"(?: \(did you mean '(?P<hint>.*)'\?\))?"
        ),
        "basis_source",
    ),
]


def _plain(msg: str) -> str:
    """Return pydantic's message without Python class names."""
    return _INSTANCE_RE.sub("", msg).replace("valid dictionary", "mapping of keys to values")


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return ""
    text = repr(value)
    return text if len(text) < 80 else text[:77] + "..."


def checked(model: type[BaseModel], data: Mapping[str, Any], *, file: str | None) -> Any:
    """Validate ``data`` as ``model``; raise :class:`SpecError` with paths on failure.

    A field that holds a plain number (:mod:`tco.spec.number_fields`) reads text in the file's
    stated ``number_format``. Basis references are not resolved here: a tender's or a model's
    data is read by :func:`tco.spec.validation.validate`.
    """
    from tco.spec.form_text import stated_number_format
    from tco.spec.number_fields import number_context

    try:
        return model.model_validate(data, context=number_context(stated_number_format(data)))
    except ValidationError as exc:
        raise spec_errors(exc, model, file=file) from None
