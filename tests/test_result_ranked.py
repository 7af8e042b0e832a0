"""Names travel with their numbers: ``result.ranked()`` and the README's "Use" section."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import tco

README = Path(__file__).resolve().parents[1] / "README.md"


def test_ranked_rows_carry_each_bids_own_numbers() -> None:
    r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    # The bid file's order is not the rank order, so zip(ranking, total) pairs wrongly.
    assert list(r.bids) != r.ranking
    rows = r.ranked()
    assert [row.bid for row in rows] == r.ranking
    assert [row.rank for row in rows] == sorted(int(x) for x in r.rank)
    for row in rows:
        b = r.bids.index(row.bid)  # each number from the arrays at the bid's own index
        assert row.total == r.total[b]
        assert row.annualised == r.annualised[b]
        assert row.rank == int(r.rank[b])
    # The README's totals (present value in DKK, as `tco compare` prints them).
    assert [round(row.total) for row in rows] == [813449, 878543, 1045752]


def test_ranked_follows_the_annualised_rank_for_unequal_periods() -> None:
    # laptop-computer ranks over each bid's own lifetime (period: lifetime), by annualised cost
    r = tco.load_tender(tco.example_path("laptop-computer")).evaluate()
    rows = r.ranked()
    assert [row.bid for row in rows] == r.ranking
    key = [row.annualised if r.ranked_by == "annualised" else row.total for row in rows]
    assert key == sorted(key)


def test_readme_use_section_runs_and_pairs_names_safely(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = README.read_text("utf-8")
    use = text.split("## Use", 1)[1]
    code = re.search(r"```python\n(.*?)```", use, re.S)
    assert code is not None
    snippet = code.group(1)
    assert "ranked()" in snippet and "result.bids" in snippet
    snippet = snippet.replace("result.to_frame()", "")  # pandas is an optional extra
    monkeypatch.chdir(README.parent)
    scope: dict[str, object] = {}
    exec(compile(snippet, "README.md", "exec"), scope)  # the project's own README, not input
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in printed][:1] == ["Premium"]
    result = scope["result"]
    assert hasattr(result, "ranked")
    names = dict(zip(result.bids, np.asarray(result.total), strict=True))  # type: ignore[attr-defined]
    assert round(names["Premium LED"]) == 813449
