"""Work that grows with its input, not faster: the award report and the abatement cost.

The promise of docs/limits.md: any input under 1 MB is refused or finished within 10 s. The
largest tender the caps admit under 1 MB is one of bids that give only a name (every bid
parameter of the transport-service model has a default): 77,000 bids. Each check runs under a
CPU budget (a SIGVTALRM timer), so that work that grows faster than its input fails the test
instead of hanging it (the abatement table was cubic in the bids: 1,000 bids took 10 s, a
1 MB tender did not finish in 300 s; the report's tables were quadratic).
"""

from __future__ import annotations

import re
import signal
import string
import sys
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tco
from tco.analysis.abatement import AbatementCost, pareto_front
from tco.cli import main
from tco.io.yamlio import load_yaml
from tco.limits import MAX_BIDS, MAX_CHART_BIDS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MEGABYTE = 1_000_000  # [bytes] "under 1 MB", docs/limits.md


class OverBudget(Exception):
    """The work took more CPU time than its budget."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Fail with :class:`OverBudget` once the process has used ``seconds`` of CPU time here."""
    if sys.platform == "win32":  # pragma: no cover - no interval timers
        yield
        return

    def over(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(f"more than {seconds} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, over)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def _name(i: int) -> str:
    """A short bid name that YAML reads as text: ``x`` and base 62."""
    digits = string.ascii_letters + string.digits
    out = ""
    while True:
        out, i = digits[i % 62] + out, i // 62
        if i == 0:
            return "x" + out


def largest_tender(limit: int = MEGABYTE) -> tuple[str, int]:
    """The transport-service example with as many bids as fit under ``limit`` bytes.

    Each bid gives only its name (every bid parameter has a default), which is the most bids
    per byte any bundled model admits: a supplier's cheapest way to make the report large.
    """
    head = (EXAMPLES / "transport-service.yaml").read_text(encoding="utf-8").split("bids:")[0]
    lines = [head + "bids:\n"]
    size, n = len(lines[0].encode()), 0
    while n < MAX_BIDS:
        line = f"- name: {_name(n)}\n"
        if size + len(line) >= limit:
            break
        lines.append(line)
        size, n = size + len(line), n + 1
    return "".join(lines), n


@pytest.fixture(scope="module")
def largest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    text, n = largest_tender()
    path = tmp_path_factory.mktemp("largest") / "largest.yaml"
    path.write_text(text, encoding="utf-8")
    return path, n


def test_the_largest_tender_is_under_1_mb_and_within_the_caps(largest: tuple[Path, int]) -> None:
    path, n = largest
    assert path.stat().st_size < MEGABYTE
    assert 75_000 < n <= MAX_BIDS  # 77,198 bids


def test_abatement_of_the_largest_tender_within_its_budget(
    largest: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, n = largest
    start = time.process_time()
    with cpu_budget(10.0):  # the promise; measured 2.6 s (was more than 300 s)
        assert main(["--lang", "da", "abatement", str(path)]) == 0
    took = time.process_time() - start
    out = capsys.readouterr().out
    # One line per bid: every bid emits as much as the reference (they are all equal).
    assert out.count("udleder lige så meget") == n - 1
    assert took < 10.0


@pytest.mark.filterwarnings("ignore:constrained_layout not applied:UserWarning")
def test_award_report_of_the_largest_tender_within_its_budget(
    largest: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    path, n = largest
    report = tmp_path / "r.html"
    start = time.process_time()
    # The promise is 10 s; measured 6 to 8 s of CPU on the shared 2-core machine, in Danish
    # with the charts (the report is 51 MB: every bid in the inputs, results, items and
    # abatement tables). Was more than 300 s.
    with cpu_budget(10.0):
        assert main(["--lang", "da", "compare", str(path), "--report", str(report)]) == 0
    took = time.process_time() - start
    capsys.readouterr()
    html = report.read_text(encoding="utf-8")
    # Every bid is in the bids table, the results table and the abatement table.
    assert len(re.findall(r"<td>x[A-Za-z0-9]+</td>", html)) == 3 * n
    assert html.count("<img ") == 4  # breakdown, cumulative, emissions, abatement
    assert took < 10.0


def test_abatement_rows_are_linear_in_the_bids() -> None:
    # The reasons were recomputed for every row, each with a tuple.index per bid: B**3.
    # 20,000 bids took hours; now 0.1 s.
    rng = np.random.default_rng(1)
    n = 20_000
    bids = tuple(f"b{i}" for i in range(n))
    a = AbatementCost(
        bids=bids,
        reference="b0",
        chosen="named",
        currency="DKK",
        per="period",
        cost=rng.uniform(1000.0, 2000.0, n),
        co2e=rng.uniform(1.0, 2.0, n),
    )
    with cpu_budget(5.0):
        rows = a.rows()
    assert len(rows) == n and rows[0]["reason"] == "reference"
    # Hand check of one row: extra cost and avoided CO2e against b0, their ratio.
    r = rows[7]
    assert r["extra_cost"] == a.cost[7] - a.cost[0]
    assert r["avoided_t"] == a.co2e[0] - a.co2e[7]
    if r["avoided_t"] > 0:
        assert r["cost_per_t"] == pytest.approx(r["extra_cost"] / r["avoided_t"])
    else:
        assert r["reason"] == "emits more" and r["cost_per_t"] is None


def test_pareto_front_needs_memory_linear_in_the_bids() -> None:
    # Was every pair of bids at once: four B x B arrays, 400 MB for 10,000 bids and 40 GB at
    # the bid cap (100,000). Now one sort: under 1 MB for 10,000 bids.
    n = 10_000
    rng = np.random.default_rng(2)
    cost, co2e = rng.uniform(0, 1, n), rng.uniform(0, 1, n)
    tracemalloc.start()
    try:
        front = pareto_front(cost, co2e)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20
    # Check by a sweep written out here: by cost, a point is efficient iff it emits less than
    # every cheaper point (no ties in uniform draws).
    order = np.argsort(cost)
    least = np.minimum.accumulate(co2e[order])
    want = np.empty(n, dtype=bool)
    want[order] = co2e[order] <= least
    assert (front == want).all()


SPECIAL = st.sampled_from([0.0, -0.0, 1.0, 2.0, np.inf, -np.inf, np.nan, 1e308, -1e308])


@given(st.lists(st.tuples(SPECIAL, SPECIAL), min_size=1, max_size=10))
def test_pareto_front_with_ties_infinities_and_nan(points: list[tuple[float, float]]) -> None:
    c = np.array([p[0] for p in points])
    e = np.array([p[1] for p in points])
    front = pareto_front(c, e)
    for i in range(len(c)):  # brute force, as the definition reads (NaN compares false)
        dom = any(
            c[j] <= c[i] and e[j] <= e[i] and (c[j] < c[i] or e[j] < e[i]) for j in range(len(c))
        )
        assert front[i] == (not dom)


def test_abatement_chart_names_at_most_the_chart_cap() -> None:
    pytest.importorskip("matplotlib")
    from tco.analysis.abatement import abatement_cost
    from tco.views.abatement import abatement_chart

    text = (EXAMPLES / "household-refrigerator.yaml").read_text(encoding="utf-8")
    head = text.split("bids:")[0]
    n = 3 * MAX_CHART_BIDS
    # Bid i: price 3000 + 200 i DKK, 300 - 2 i kWh/year: each dearer and cleaner than the one
    # before. 2 kWh/year less saves at most 2 x 2.13 DKK/kWh x 1.0167**15 = 5.5 DKK a year, 82
    # DKK over 15 years even undiscounted: less than the 200 DKK. So all are efficient.
    bids = "".join(
        f"  - {{name: b{i}, price: {3000 + 200 * i} DKK, annual_energy: {300 - 2 * i} kWh/year}}\n"
        for i in range(n)
    )
    a = abatement_cost(tco.load_tender(load_yaml(head + "bids:\n" + bids)))
    assert a.reference == "b0" and a.efficient.all()
    ax = abatement_chart(a)
    named = [t.get_text().split("\n")[0] for t in ax.texts]
    # The reference, then the efficient bids by cost: the cheapest MAX_CHART_BIDS.
    assert named == [f"b{i}" for i in range(MAX_CHART_BIDS)]
    assert sum(len(line.get_xdata()) for line in ax.get_lines()) == n + 1  # every bid drawn
    import matplotlib.pyplot as plt

    plt.close(ax.figure)
