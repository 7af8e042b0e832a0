"""The shape of the code the project keeps: small modules and classes, no private imports.

import-linter (``lint-imports`` in CI) keeps the layers; these keep what it cannot see.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tco"
#: Generated from pint by ``python -m tco.units.build_table`` (and checked against it).
GENERATED = {"units/table.py"}
MODULES = sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).as_posix() not in GENERATED)
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 250


def _name(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_module_has_a_few_hundred_lines_at_most(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_classes_are_small_and_no_private_name_is_imported(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{_name(path)}: class {node.name} has {size} lines"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tco"):
            private = [
                a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")
            ]
            assert not private, f"{_name(path)}:{node.lineno} imports {private} of {node.module}"
