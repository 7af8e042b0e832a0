"""No import cycles among tco's modules, imports inside functions included.

``lint-imports`` checks the layers from the imports it sees; this test also counts the imports
written inside functions (which only run later) and fails naming every strongly connected component
of more than one module. Imports under ``if TYPE_CHECKING:`` are left out: they never run.

The one exception is the documented accessor pattern (``[tool.importlinter] ignore_imports`` in
pyproject.toml): a result, a tender, the usage-profile table and a basket show themselves through
``tco.views``, imported inside those methods only, on first use. The list below names each such
method; any other import of the views from those modules counts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tco

SRC = Path(tco.__file__).resolve().parent

# The accessor pattern, the only imports left out: (importing module, the function or method the
# import is written in, the package it imports from). Each imports a view inside the method, on
# first use; any other import of the views from these modules counts.
ACCESSORS: frozenset[tuple[str, str, str]] = frozenset(
    {
        # A result shows itself: Result.to_dict(), .plot(), ._repr_html_(), repr() and
        # Result.to_frame() (through result_frame).
        ("tco.result", "Result.to_dict", "tco.views"),
        ("tco.result", "Result.plot", "tco.views"),
        ("tco.result", "Result._repr_html_", "tco.views"),
        ("tco.result", "Result.__repr__", "tco.views"),
        ("tco.result", "result_frame", "tco.views"),
        # A tender writes its annex (Tender.annex()) and shows itself in a notebook.
        ("tco.tender", "Tender.annex", "tco.views"),
        ("tco.tender", "Tender._repr_html_", "tco.views"),
        # The table of the usage profiles: repr, _repr_html_, plot.
        ("tco.analysis.profiles", "ProfileTable.__repr__", "tco.views"),
        ("tco.analysis.profiles", "ProfileTable._repr_html_", "tco.views"),
        ("tco.analysis.profiles", "ProfileTable.plot", "tco.views"),
        # A basket writes its annex (Basket.annex()).
        ("tco.basket.load", "Basket.annex", "tco.views"),
    }
)


def _modules(src: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its ``__init__``)."""
    out: dict[str, Path] = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _type_checking(tree: ast.AST) -> set[int]:
    """The ids of every node inside an ``if TYPE_CHECKING:`` block."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(child) for child in ast.walk(node))
    return skip


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[str, str]]:
    """``(enclosing function or "", imported dotted name)`` for every import in the module."""
    out: list[tuple[str, str]] = []
    skip = _type_checking(tree)

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            if id(child) in skip:
                continue
            if isinstance(child, ast.Import):
                out.extend((where, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = module.split(".")
                    anchor = anchor[: len(anchor) - child.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                out.extend((where, f"{base}.{alias.name}") for alias in child.names)
            inner = where
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = f"{where}.{child.name}" if where else child.name
            visit(child, inner)

    visit(tree, "")
    return out


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module a dotted import name lands in (``tco.x.f`` is in ``tco.x``)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _allowed(module: str, where: str, target: str) -> tuple[str, str, str] | None:
    """The accessor an import is, or ``None``."""
    for accessor in ACCESSORS:
        mod, func, prefix = accessor
        if module == mod and where == func and (target + ".").startswith(prefix + "."):
            return accessor
    return None


def import_graph(
    src: Path = SRC, used: set[tuple[str, str, str]] | None = None
) -> dict[str, set[str]]:
    """Module -> the tco modules it imports anywhere, the accessor imports left out.

    The accessors met are added to ``used``.
    """
    modules = _modules(src)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for where, name in _imports(tree, module, path.name == "__init__.py"):
            if name != "tco" and not name.startswith("tco."):
                continue
            target = _resolve(name, modules)
            if target is None or target == module:
                continue
            accessor = _allowed(module, where, target)
            if accessor is not None:
                if used is not None:
                    used.add(accessor)
                continue
            graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def _describe(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    edges = [f"{a} -> {b}" for a in component for b in sorted(graph[a] & members)]
    return f"{', '.join(component)}\n    " + "\n    ".join(edges)


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles among tco's modules:\n" + "\n".join(
        _describe(c, graph) for c in found
    )


def test_every_listed_accessor_is_still_an_import() -> None:
    """The list of exceptions names only imports that exist (a stale entry is removed)."""
    used: set[tuple[str, str, str]] = set()
    import_graph(used=used)
    assert sorted(ACCESSORS - used) == []


def test_the_check_finds_a_lazy_cycle(tmp_path: Path) -> None:
    """Two modules importing each other inside functions are a cycle; TYPE_CHECKING is not."""
    pkg = tmp_path / "tco"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from tco.b import g\n    return g\n")
    (pkg / "b.py").write_text("def g():\n    from tco import a\n    return a\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tco.a import f\n"
    )
    (pkg / "d.py").write_text("import tco.c\n")
    graph = import_graph(pkg)
    assert cycles(graph) == [["tco.a", "tco.b"]]
    assert graph["tco.c"] == set()
    assert graph["tco.d"] == {"tco.c"}


def test_an_accessor_import_outside_its_method_counts(tmp_path: Path) -> None:
    """The accessor exception holds inside a function only, not for a module-level import."""
    pkg = tmp_path / "tco"
    (pkg / "views").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "views" / "__init__.py").write_text("from tco.result import Result\n")
    (pkg / "result.py").write_text("from tco.views import show\n")
    assert cycles(import_graph(pkg)) == [["tco.result", "tco.views"]]
    (pkg / "result.py").write_text(
        "class Result:\n    def plot(self):\n        from tco.views import show\n"
    )
    assert cycles(import_graph(pkg)) == []
    # a method not in the list counts
    (pkg / "result.py").write_text(
        "class Result:\n    def other(self):\n        from tco.views import show\n"
    )
    assert cycles(import_graph(pkg)) == [["tco.result", "tco.views"]]
