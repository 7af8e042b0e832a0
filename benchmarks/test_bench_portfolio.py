"""A portfolio of 1,000 tenders: ``tco.analysis.portfolio`` serially and in worker processes.

The tenders are generated into a temporary folder: the bundled indoor-lighting
example with each bid's price, power and rated life varied per tender, plus a
follow-up of three recorded years for every tenth tender. Yardstick: the same
folder evaluated in this process (``workers=1``), a plain loop over the tenders.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from bench_helpers import ROWS

import tco
from tco.analysis.portfolio import portfolio

N = 1000


def make_folder(root: Path, n: int = N) -> Path:
    """Write ``n`` tenders (and a follow-up for every tenth) into ``root``. [files]"""
    base = yaml.safe_load(tco.example_path("indoor-lighting").read_text("utf-8"))
    rng = np.random.default_rng(1)
    (root / "follow-up").mkdir(parents=True, exist_ok=True)
    for k in range(n):
        spec = dict(base, title=f"Tender {k:04d}")
        spec["bids"] = [
            {
                "name": f"Bid {b}",
                "price": f"{rng.uniform(900, 2200):.0f} DKK",
                "power": f"{rng.uniform(20, 45):.1f} W",
                "rated_life": f"{rng.uniform(30000, 80000):.0f} h",
            }
            for b in range(3)
        ]
        (root / f"t{k:04d}.yaml").write_text(yaml.safe_dump(spec), "utf-8")
        if k % 10 == 0:
            follow = {
                "tender": f"../t{k:04d}.yaml",
                "bid": "Bid 0",
                "years": {y: {"operating_hours": f"{2800 + 100 * y} h/year"} for y in (1, 2, 3)},
            }
            (root / "follow-up" / f"t{k:04d}.yaml").write_text(yaml.safe_dump(follow), "utf-8")
    return root


def test_portfolio_of_1000_tenders(benchmark: Any, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "tenders")
    start = time.perf_counter()
    serial = portfolio(folder, workers=1)
    serial_s = time.perf_counter() - start
    result = benchmark.pedantic(portfolio, args=(folder,), rounds=1, iterations=1)
    assert result.rows == serial.rows
    assert not result.errors and len(result.rows) == N
    assert sum(r["followup_years"] is not None for r in result.rows) == N // 10
    ours = float(benchmark.stats.stats.median)
    row = {
        "case": f"portfolio of {N} tenders ({result.workers} workers, {os.cpu_count()} cores)",
        "batch_s": ours,
        "loop_s": serial_s,
        "loop_speedup": serial_s / ours,
        "targets": "seconds, not minutes",
    }
    benchmark.extra_info.update(row)
    ROWS.append(row)
