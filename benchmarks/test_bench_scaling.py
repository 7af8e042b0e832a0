"""How the award report and the abatement cost grow with the number of bids.

``tco abatement T`` and ``tco compare T --report r.html`` (with the charts, and the report
without them through :func:`tco.views.report.report_html`) on tenders of 100, 1,000 and
10,000 random household-refrigerator bids, and on the largest tender the caps admit under
1 MB (docs/limits.md promises any input under 1 MB within 10 s): 77,198 transport-service
bids that give only a name. Each case is one run (CPU seconds, so that other jobs on the
machine count less); the table at the end shows the time per 1,000 bids, which stays about
flat when the work is linear.

Run with ``python -m pytest benchmarks/test_bench_scaling.py --benchmark-only``. The numbers
before and after the fix are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import contextlib
import io
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from bench_helpers import ROWS

import tco
from tco.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SIZES = (100, 1_000, 10_000, "largest")


def _random_tender(n: int) -> str:
    head = (EXAMPLES / "household-refrigerator.yaml").read_text(encoding="utf-8").split("bids:")[0]
    rng = np.random.default_rng(n)
    price, energy = rng.integers(2000, 9000, n), rng.integers(50, 300, n)
    bids = "".join(
        f"  - {{name: b{i}, price: {p} DKK, annual_energy: {e} kWh/year}}\n"
        for i, (p, e) in enumerate(zip(price.tolist(), energy.tolist(), strict=True))
    )
    return head + "bids:\n" + bids


def _largest_tender() -> str:
    import string

    head = (EXAMPLES / "transport-service.yaml").read_text(encoding="utf-8").split("bids:")[0]
    digits = string.ascii_letters + string.digits
    lines, size, i = [head + "bids:\n"], len(head) + 6, 0
    while True:
        k, name = i, ""
        while True:
            name, k = digits[k % 62] + name, k // 62
            if k == 0:
                break
        line = f"- name: x{name}\n"
        if size + len(line) >= 1_000_000 or i >= tco.limits.MAX_BIDS:
            return "".join(lines)
        lines.append(line)
        size, i = size + len(line), i + 1


@pytest.fixture(scope="module")
def tenders(tmp_path_factory: pytest.TempPathFactory) -> dict[object, Path]:
    folder = tmp_path_factory.mktemp("scaling")
    out: dict[object, Path] = {}
    for n in SIZES:
        path = folder / f"t{n}.yaml"
        path.write_text(_largest_tender() if n == "largest" else _random_tender(int(n)), "utf-8")
        out[n] = path
    return out


def _cli(*args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        # matplotlib's layout warning on the cumulative chart of 40 bids
        warnings.simplefilter("ignore", UserWarning)
        assert main(list(args)) == 0


def _report_without_charts(path: Path) -> None:
    from tco.views.report import report_html

    tender = tco.load_tender(path)
    report_html(tender.evaluate(), tender, charts=False)


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("case", ["abatement", "report", "report without charts"])
def test_time_grows_linearly_with_bids(
    benchmark: Any, tenders: dict[object, Path], tmp_path: Path, case: str, size: object
) -> None:
    pytest.importorskip("matplotlib")
    path = tenders[size]
    bids = len(tco.load_tender(path).plan.bids)
    run: dict[str, Any] = {
        "abatement": lambda: _cli("abatement", str(path)),
        "report": lambda: _cli("compare", str(path), "--report", str(tmp_path / "r.html")),
        "report without charts": lambda: _report_without_charts(path),
    }
    cpu: list[float] = []

    def once() -> None:
        start = time.process_time()
        run[case]()
        cpu.append(time.process_time() - start)

    benchmark.pedantic(once, rounds=1, iterations=1)
    row = {
        "case": f"{case}, {bids:,} bids ({path.stat().st_size / 1e6:.2f} MB): "
        f"{cpu[0] / bids * 1e3:.3f} s CPU per 1,000 bids",
        "batch_s": cpu[0],
        "targets": "time per bid about flat; under 10 s below 1 MB",
    }
    benchmark.extra_info.update(row)
    ROWS.append(row)
    if size == "largest":
        assert cpu[0] < 10.0
