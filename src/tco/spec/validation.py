"""A file's data read as a spec class: basis references resolved, numbers read, then checked.

:func:`validate` is how every file (a model, a tender, a basket, a basis, a form's data) becomes
its :mod:`tco.spec.schema` class. It builds on the schema, the bases
(:func:`tco.spec.basis.resolve_refs`) and :func:`tco.spec.plain.in_plain_numbers`, so it sits
above them; :func:`tco.spec.problems.checked` is the plain check they share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from tco.spec.basis import resolve_refs
from tco.spec.plain import in_plain_numbers
from tco.spec.problems import checked
from tco.spec.schema import ModelSpec, TenderSpec

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def validate(model: type[BaseModel], data: Mapping[str, Any], *, file: str | None) -> Any:
    """Validate ``data`` as ``model``; raise :class:`~tco.errors.SpecError` with paths on failure.

    In a tender or a model, every basis reference (``{basis: NAME}``) is first
    replaced by its value (:func:`tco.spec.basis.resolve_refs`). A field that holds a
    plain number (:mod:`tco.spec.number_fields`) reads text in the file's stated
    ``number_format``. A tender's values are then rewritten by
    :func:`tco.spec.plain.in_plain_numbers`.
    """
    if model is TenderSpec or model is ModelSpec:
        data, _ = resolve_refs(data, file=file)
    spec = checked(model, data, file=file)
    if isinstance(spec, TenderSpec):
        return in_plain_numbers(spec, file=file)
    return spec
