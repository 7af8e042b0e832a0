"""The kinds of JSON document tco writes, by name, without their shapes.

:data:`KINDS` is the list :mod:`tco.views.contract` gives a shape and a JSON
Schema each (``docs/schema/<kind>.schema.json``); it lives here so that the
command line can offer ``tco schema KIND`` without importing the shapes.

Examples
--------
>>> KINDS[:3]
('result', 'validation', 'error')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: tco.views.contract.KINDS is the public name

#: Every kind of document, each with its schema ``docs/schema/<kind>.schema.json``.
KINDS: tuple[str, ...] = (
    "result",
    "validation",
    "error",
    "baseline",
    "sensitivity",
    "scenarios",
    "switch",
    "montecarlo",
    "score",
    "abatement",
    "followup",
    "models",
    "profiles",
    "basket",
    "bases",
    "basis",
    "batch",
    "portfolio",
)
