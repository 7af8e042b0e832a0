"""Mutation run over the numeric core: how many planted bugs do the tests catch?

mutmut (the ``bench`` extra) plants one small change at a time (an operator, a
constant, a comparison, a keyword argument) in ``engine/``, ``plan/``, ``batch/``
and ``analysis/`` and runs the tests that reach the changed function; a mutant
the tests do not notice "survives". Not part of CI: a full run takes hours on a
shared 2-core machine.

Usage::

    pip install -c .ci/constraints.txt -e ".[test,bench]"
    python benchmarks/mutation.py                    # all four packages
    python benchmarks/mutation.py engine --max-children 1
    python benchmarks/mutation.py --report           # score of the last run only

The run works in a copy of the project (``--workdir``, by default
``/tmp/tco-mutation``), so the checkout stays clean and can be edited while it
runs. Run again with the same workdir and mutmut resumes where it stopped. The
report prints, per package, the mutants killed, survived, timed out and not
checked, the score (killed and timed out over all checked) and each survivor's
name (``mutmut show NAME`` in the workdir prints its diff).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("engine", "plan", "batch", "analysis")

#: The tests each mutant of a package may run: the package's own tests, the published
#: reference examples and conventions where they reach it, and the doctests of the mutated
#: modules (added below). Kept tight, since a surviving mutant runs every test that reaches
#: it; slow multi-process tests (a dask cluster, worker pools) are left out.
TESTS = {
    "engine": (
        "tests/engine",
        "tests/test_reference.py",
        "tests/test_conventions.py",
        "tests/test_stream_conventions.py",
        "tests/test_schedules.py",
        "tests/test_annualise.py",
        "tests/test_externalities_rule.py",
    ),
    "plan": (
        "tests/plan",
        "tests/test_reference.py",
        "tests/test_conventions.py",
        "tests/test_stream_conventions.py",
        "tests/test_schedules.py",
        "tests/test_evaluate.py",
    ),
    "batch": ("tests/batch", "tests/test_scaling.py"),
    "analysis": ("tests/analysis",),
}
#: Tests every package's mutants may run: the tests written against survivors.
ALWAYS = ("tests/test_mutation_survivors.py",)
IGNORE = (
    "tests/batch/test_batch_dask_cluster.py",
    "tests/analysis/test_portfolio_files.py",
)
COPY = ("src", "tests", "product_models", "examples", "bases", "docs", "README.md")


def prepare(workdir: Path, packages: list[str]) -> None:
    """Copy the project into ``workdir`` with a ``[tool.mutmut]`` section for ``packages``."""
    workdir.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src, dst = ROOT / name, workdir / name
        if dst.exists():
            shutil.rmtree(dst) if dst.is_dir() else dst.unlink()
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, dst)
    tests = dict.fromkeys(t for p in packages for t in (*TESTS[p], *ALWAYS))
    selection = [t for t in tests if (ROOT / t).exists()]
    selection += [f"src/tco/{p}" for p in packages]
    selection += [f"--ignore={t}" for t in IGNORE]
    config = {
        "source_paths": ["src"],
        "also_copy": [name for name in COPY if name not in ("src", "tests")],
        "only_mutate": [f"src/tco/{p}/*" for p in packages],
        "pytest_add_cli_args_test_selection": selection,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q"],
    }
    lines = ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items()]
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (workdir / "pyproject.toml").write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


FLOAT_CONVERSION = re.compile(r",\s*dtype=np\.float64")


def diff(workdir: Path, name: str, _sources: dict[Path, dict[str, str]] = {}) -> list[str]:  # noqa: B006
    """The changed lines of one mutant, ``-`` before ``+``, from mutmut's mutated sources."""
    module, _, function = name.rpartition(".")
    path = workdir / "mutants" / "src" / Path(*module.split(".")).with_suffix(".py")
    if path not in _sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8").splitlines()
        _sources[path] = {
            node.name: "\n".join(text[node.lineno - 1 : node.end_lineno])
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
    functions = _sources[path]
    original = function.rpartition("__mutmut_")[0] + "__mutmut_orig"
    if function not in functions or original not in functions:
        return []
    before = functions[original].splitlines()[1:]
    after = functions[function].splitlines()[1:]
    return [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "-+" and line[:3] not in ("---", "+++")
    ]


def float_conversion_only(lines: list[str]) -> bool:
    """Whether a mutant only drops a float64 conversion (``dtype=np.float64`` to none or None)."""
    minus = [line[1:] for line in lines if line.startswith("-")]
    plus = [line[1:] for line in lines if line.startswith("+")]
    if len(minus) != 1 or len(plus) != 1 or not FLOAT_CONVERSION.search(minus[0]):
        return False
    squeeze = "".join(plus[0].split())
    for m in FLOAT_CONVERSION.finditer(minus[0]):
        for to in (", dtype=None", ","):
            once = minus[0][: m.start()] + to + minus[0][m.end() :]
            if squeeze == "".join(once.split()):
                return True
    return False


def report(workdir: Path) -> dict[str, Counter[str]]:
    """Print and return the count of each outcome per package, and the survivors' diffs."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    counts: dict[str, Counter[str]] = {}
    survivors: dict[str, list[str]] = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name.startswith("tco."):
            continue
        package = name.split(".")[1]
        if status == "survived":
            survivors[name] = diff(workdir, name)
            if float_conversion_only(survivors[name]):
                status = "survived: float conversion"
        counts.setdefault(package, Counter())[status] += 1
    head = (
        f"{'package':10} {'killed':>7} {'timeout':>7} {'survived':>8} {'float64':>7} {'other':>6}"
    )
    print(f"{head} {'score':>7} {'score*':>7}")
    for package, c in sorted(counts.items()):
        caught = c["killed"] + c["timeout"]
        same = c["survived: float conversion"]
        checked = caught + c["survived"] + same
        other = sum(c.values()) - checked
        score = f"{100 * caught / checked:.1f} %" if checked else "-"
        score2 = f"{100 * caught / (checked - same):.1f} %" if checked > same else "-"
        row = f"{package:10} {c['killed']:7} {c['timeout']:7} {c['survived']:8} {same:7} {other:6}"
        print(f"{row} {score:>7} {score2:>7}")
    print(
        "\nfloat64: survivors that only drop a float64 conversion of an input; other: not "
        "checked (no test reaches the function) or skipped; score: killed and timed out over "
        "all checked; score*: the same without the float64 survivors.\n\nsurvivors:"
    )
    for name, lines in survivors.items():
        if not float_conversion_only(lines):
            print(f"  {name}")
            print("".join(f"      {line}\n" for line in lines), end="")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Run mutmut over the given packages in a copy of the project, then report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", default=list(PACKAGES), help=", ".join(PACKAGES))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tco-mutation"))
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--report", action="store_true", help="only report the last run")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    args = parser.parse_args(argv)
    if unknown := set(args.packages) - set(PACKAGES):
        parser.error(f"unknown packages {sorted(unknown)}, expected some of {PACKAGES}")
    if not args.report:
        if args.fresh and args.workdir.exists():
            shutil.rmtree(args.workdir)
        prepare(args.workdir, args.packages)
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
            cwd=args.workdir,
            check=False,
        )
    report(args.workdir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
