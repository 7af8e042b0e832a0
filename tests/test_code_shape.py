"""The shape of the code the project keeps: no module imports another's private names.

import-linter (``lint-imports`` in CI) keeps the layers; this keeps what it cannot see.
Modules are as large as their topic needs: there is no cap on lines, which only made
modules split apart and then import each other inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tco"
MODULES = sorted(SRC.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_private_name_is_imported(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tco"):
            private = [
                a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")
            ]
            assert not private, f"{_name(path)}:{node.lineno} imports {private} of {node.module}"
