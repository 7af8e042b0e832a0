"""Cold start of ``tco compare --example indoor-lighting`` in a new process.

Yardsticks: the interpreter starting and importing numpy alone, and importing
numpy, pydantic and PyYAML (tco's dependencies other than pint).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_helpers import ROWS

_SCRIPT = Path(sys.executable).parent / "tco"  # the installed console script
COMMAND = [
    *([str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "tco.cli"]),
    "compare",
    "--example",
    "indoor-lighting",
]


# As installed: pip compiles bytecode when it installs a package, so the processes may
# write and read their bytecode caches even where PYTHONDONTWRITEBYTECODE is set.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(args: list[str], rounds: int = 7) -> float:
    """Median wall time of a command in a new process, after one warm-up run. [s]"""
    subprocess.run(args, check=True, capture_output=True, env=ENV)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_cold_start(benchmark: Any) -> None:
    benchmark.pedantic(
        subprocess.run,
        args=(COMMAND,),
        kwargs={"check": True, "capture_output": True, "env": ENV},
        rounds=7,
        warmup_rounds=1,
    )
    ours = float(benchmark.stats.stats.median)
    numpy_only = wall([sys.executable, "-c", "import numpy"])
    deps = wall([sys.executable, "-c", "import numpy, pydantic, yaml"])
    row = {
        "case": "cold start: tco compare --example indoor-lighting",
        "batch_s": ours,
        "numpy_s": deps,
        "vs_numpy": ours / deps,
        "targets": f"<= 4x python -c 'import numpy, pydantic, yaml' ({deps:.3f} s; "
        f"'import numpy' alone: {numpy_only:.3f} s)",
    }
    benchmark.extra_info.update(row)
    ROWS.append(row)
