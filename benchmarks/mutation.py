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
    python benchmarks/mutation.py --sample 150 --seed 1   # 150 random mutants per package
    python benchmarks/mutation.py --rerun NAME ...   # these mutants again, after new tests

The run works in a copy of the project (``--workdir``, by default
``/tmp/tco-mutation``), so the checkout stays clean and can be edited while it
runs. Run again with the same workdir and mutmut resumes where it stopped. The
report prints, per package, the mutants killed, survived, timed out and not
checked, the score (killed and timed out over all checked) and each survivor's
name (``mutmut show NAME`` in the workdir prints its diff).

``--sample N --seed S`` tests a seeded uniform random sample of ``N`` mutants of
each package instead of all of them (mutmut generates every mutant, then runs
only the named ones); the report then counts the sample only, calls it a sample
and gives each score with its 95 % Wilson confidence interval. The sample is
kept in ``sample.json`` in the workdir, so ``--report`` and ``--rerun`` (the
survivors again, once tests are written against them) read it back.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import math
import os
import random
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
IGNORE = (
    "tests/batch/test_batch_dask_cluster.py",
    "tests/analysis/test_portfolio_files.py",
)
#: Tests that read the package's source text (every raise names its message): mutmut's
#: trampolined copy of a module is not the source they check.
DESELECT = (
    "tests/batch/test_batch_errors_danish.py::test_every_batch_and_service_error_names_its_message",
    "tests/analysis/test_analysis_errors_danish.py::"
    "test_every_error_of_the_analyses_and_the_command_line_names_its_message",
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
    tests = dict.fromkeys(t for p in packages for t in TESTS[p])
    selection = [t for t in tests if (ROOT / t).exists()]
    selection += [f"src/tco/{p}" for p in packages]
    selection += [f"--ignore={t}" for t in IGNORE]
    selection += [f"--deselect={t}" for t in DESELECT]
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


GENERATE = """
import os
import mutmut.__main__ as m
m.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir()
m.copy_also_copy_files()
m.setup_source_paths()
m.create_mutants(1)
"""


def mutant_names(workdir: Path) -> dict[str, list[str]]:
    """Generate the mutants in ``workdir`` and return their names per package, sorted."""
    subprocess.run([sys.executable, "-c", GENERATE], cwd=workdir, check=True, capture_output=True)
    names: dict[str, list[str]] = {}
    for meta in sorted((workdir / "mutants" / "src" / "tco").glob("*/*.py.meta")):
        keys = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        package = meta.parent.name
        names.setdefault(package, []).extend(keys)
    return {package: sorted(keys) for package, keys in names.items()}


def sample(workdir: Path, packages: list[str], n: int, seed: int) -> list[str]:
    """A seeded uniform random sample of ``n`` mutants of each package, kept in ``sample.json``.

    A package sampled before with the same seed keeps its sample, cut down to ``n`` at
    random where ``n`` is smaller (a random part of a random sample is one too), so the
    results of its mutants checked already count. Returns the sampled mutants not yet
    checked: a run that stopped resumes where it stopped.
    """
    names = mutant_names(workdir)
    path = workdir / "sample.json"
    record = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if record.get("seed") != seed:
        record = {"seed": seed, "n": {}, "population": {}, "mutants": {}}
    for package in packages:
        rng = random.Random(f"{seed}:{package}:{n}")
        before = record["mutants"].get(package)
        if before is not None and len(before) >= n:
            chosen = rng.sample(sorted(before), n)
        else:
            chosen = rng.sample(names.get(package, []), min(n, len(names.get(package, []))))
        record["mutants"][package] = sorted(chosen)
        record["n"][package] = len(chosen)
        record["population"][package] = len(names.get(package, []))
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")
    checked: dict[str, object] = {}
    for meta in (workdir / "mutants" / "src" / "tco").glob("*/*.py.meta"):
        checked.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return [
        name
        for package in packages
        for name in record["mutants"][package]
        if checked.get(name) is None
    ]


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``k / n`` (95 % for the default ``z``)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


FLOAT_CONVERSION = re.compile(r",\s*dtype=np\.float64|\.astype\(np\.float64\)")


def diff(workdir: Path, name: str, _sources: dict[Path, dict[str, str]] = {}) -> list[str]:  # noqa: B006
    """The changed lines of one mutant, ``-`` before ``+``, from mutmut's mutated sources."""
    module, _, function = name.rpartition(".")
    path = workdir / "mutants" / "src" / Path(*module.split(".")).with_suffix(".py")
    if not path.exists():  # a package's own mutants live in its __init__.py
        path = path.with_suffix("") / "__init__.py"
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
    """Whether a mutant only drops a float64 conversion.

    ``dtype=np.float64`` dropped or made ``None``, or ``.astype(np.float64)`` made
    ``.astype(None)``: numpy's default dtype is float64, so for an input that is
    already float64 (or a boolean mask made a count) nothing changes.
    """
    minus = [line[1:] for line in lines if line.startswith("-")]
    plus = [line[1:] for line in lines if line.startswith("+")]
    if len(minus) != 1 or len(plus) != 1 or not FLOAT_CONVERSION.search(minus[0]):
        return False
    squeeze = "".join(plus[0].split())
    for m in FLOAT_CONVERSION.finditer(minus[0]):
        dropped = (".astype(None)",) if m.group()[0] == "." else (", dtype=None", ",", "")
        for to in dropped:
            once = minus[0][: m.start()] + to + minus[0][m.end() :]
            if squeeze == "".join(once.split()):
                return True
    return False


#: Survivors judged equivalent by reading them (no input the package accepts gives another
#: result), by name, with the reason; kept beside this script, for the run it records.
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.json")


def equivalents() -> dict[str, str]:
    """The survivors judged equivalent: mutant name -> why no result can change."""
    if not EQUIVALENT.exists():
        return {}
    reasons: dict[str, list[str]] = json.loads(EQUIVALENT.read_text(encoding="utf-8"))
    return {name: why for why, names in reasons.items() for name in names}


#: Survivors of the recorded run and the test file of the checkout that catches each: a test
#: written against it since, or one outside the run's tight selection. The report runs
#: each mutant against its file and counts it killed only if the file fails under it.
KILLED_BY = Path(__file__).with_name("mutation_killed_by.json")


def caught_by(workdir: Path, name: str, test: str) -> bool:
    """Whether ``test`` (a test file of the checkout) fails with mutant ``name`` active."""
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": "src"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(ROOT / test), "-x", "-q", "-p", "no:cacheprovider"],
        cwd=workdir / "mutants",
        env=env,
        capture_output=True,
        check=False,
    )
    return run.returncode == 1


def report(workdir: Path) -> dict[str, Counter[str]]:
    """Print and return the count of each outcome per package, and the survivors' diffs.

    A survivor that only drops a float64 conversion, or one listed in
    ``mutation_equivalent.json``, counts as equivalent. After a ``--sample`` run only
    the sampled mutants count, a mutant no test reaches counts as survived, and each
    score comes with its 95 % Wilson interval.
    """
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    record = workdir / "sample.json"
    chosen: set[str] | None = None
    if record.exists():
        drawn = json.loads(record.read_text(encoding="utf-8"))
        chosen = {name for names in drawn["mutants"].values() for name in names}
    known = equivalents()
    killers: dict[str, str] = (
        json.loads(KILLED_BY.read_text(encoding="utf-8")) if KILLED_BY.exists() else {}
    )
    counts: dict[str, Counter[str]] = {}
    survivors: dict[str, list[str]] = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name.startswith("tco.") or (chosen is not None and name not in chosen):
            continue
        package = name.split(".")[1]
        if status == "no tests" and chosen is not None:
            status = "survived"
        test = killers.get(name)
        if status == "survived" and test and caught_by(workdir, name, test):
            status = "killed since"
        if status == "survived":
            survivors[name] = diff(workdir, name)
            if name in known or float_conversion_only(survivors[name]):
                status = "equivalent"
        counts.setdefault(package, Counter())[status] += 1
    head = f"{'package':9} {'checked':>7} {'killed':>6} {'timeout':>7} {'survived':>8} {'equiv':>5}"
    print(f"{head} {'score':>7} {'score*':>7}" + ("  95 % interval of score*" if chosen else ""))
    for package, c in sorted(counts.items()):
        caught = c["killed"] + c["timeout"] + c["killed since"]
        same = c["equivalent"]
        checked = caught + c["survived"] + same
        score = f"{100 * caught / checked:.1f} %" if checked else "-"
        score2 = f"{100 * caught / (checked - same):.1f} %" if checked > same else "-"
        killed = c["killed"] + c["killed since"]
        row = f"{package:9} {checked:7} {killed:6} {c['timeout']:7} {c['survived']:8} {same:5}"
        low, high = wilson(caught, checked - same)
        interval = f"  {100 * low:.1f} % to {100 * high:.1f} %" if chosen else ""
        print(f"{row} {score:>7} {score2:>7}{interval}")
    if chosen is not None:
        print(
            f"\nA SAMPLE: {drawn['n']} mutants drawn at random (seed {drawn['seed']}) from the "
            f"packages' {drawn['population']}; checked: those of them run so far."
        )
    print(
        "\nequiv: survivors that cannot change a result (a float64 conversion of a float64 "
        "input, or listed in mutation_equivalent.json); killed: by the run's tests, or now by the "
        "test file mutation_killed_by.json names for it; score: killed and "
        "timed out over all checked; score*: the same without the equivalent ones."
        "\n\nsurvivors:"
    )
    for name, lines in survivors.items():
        mark = f"  [equivalent: {known[name]}]" if name in known else ""
        if not float_conversion_only(lines):
            print(f"  {name}{mark}")
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
    parser.add_argument("--sample", type=int, metavar="N", help="run N random mutants a package")
    parser.add_argument("--seed", type=int, default=0, help="seed of the --sample draw")
    parser.add_argument(
        "--rerun", nargs="+", metavar="NAME", help="run these mutants again (after new tests)"
    )
    args = parser.parse_args(argv)
    if unknown := set(args.packages) - set(PACKAGES):
        parser.error(f"unknown packages {sorted(unknown)}, expected some of {PACKAGES}")
    if not args.report:
        if args.fresh and args.workdir.exists():
            shutil.rmtree(args.workdir)
        # A sample draws from packages one at a time; mutmut keeps its results only while
        # the test selection stays the same, so the workdir is set up for every package.
        prepare(args.workdir, list(PACKAGES) if args.sample else args.packages)
        names: list[str] = []
        if args.rerun:
            mutant_names(args.workdir)  # mutants of the sources as they are now
            names = args.rerun
        elif args.sample:
            names = sample(args.workdir, args.packages, args.sample, args.seed)
            if not names:
                report(args.workdir)
                return 0
        else:
            (args.workdir / "sample.json").unlink(missing_ok=True)
        command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)]
        subprocess.run(
            [*command, *names],
            cwd=args.workdir,
            check=False,
        )
    report(args.workdir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
