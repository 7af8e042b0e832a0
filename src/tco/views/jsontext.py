"""JSON text of the contract's documents.

:func:`dumps` writes a document as JSON, and :func:`finite` replaces the
numbers that are not finite (an undefined ratio) by ``None`` so that they are
written as ``null``. Used by :mod:`tco.views.documents` and
:mod:`tco.views.analysis_documents`.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def finite(x: Any) -> Any:
    """Replace non-finite floats by ``None``, recursively (JSON has no NaN).

    Examples
    --------
    >>> finite({"a": [1.0, float("inf")]})
    {'a': [1.0, None]}
    """
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [finite(v) for v in x]
    return x


def dumps(document: Any, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 characters kept, ``NaN`` refused).

    Examples
    --------
    >>> dumps({"a": float("nan")}, indent=None)
    '{"a": null}'
    """
    try:  # the common case: every number finite, no copy needed
        return json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(document), indent=indent, ensure_ascii=False, allow_nan=False)
