from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import tco
from tco.analysis import monte_carlo, sensitivity
from tco.cli import main
from tco.views.plot_analysis import distribution, montecarlo_figure, rank_chart, tornado

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def tender() -> tco.Tender:
    return tco.load_tender(tco.example_path("indoor-lighting-uncertain"))


def test_tornado_bars_run_from_the_base_to_each_total(tender: tco.Tender) -> None:
    t = sensitivity(tender, {"electricity_price": 10, "power": ("20 W", "40 W")})
    ax = tornado(t, "Lumen Nord")
    rows = t.for_bid("Lumen Nord")  # widest swing first; drawn at the top
    base = float(t.base[t.bids.index("Lumen Nord")])
    bars = ax.patches
    assert len(bars) == 2 * len(rows)
    # First the low bars (bottom to top), then the high bars; each starts at the base total.
    lows = [rows[-1 - i]["total_low"] for i in range(len(rows))]
    highs = [rows[-1 - i]["total_high"] for i in range(len(rows))]
    for bar, end in zip(bars, lows + highs, strict=True):
        assert bar.get_x() == pytest.approx(base)
        assert bar.get_x() + bar.get_width() == pytest.approx(end)
    labels = [x.get_text() for x in ax.get_yticklabels()]
    assert labels[-1].startswith(rows[0]["label"])
    assert "Power (20 .. 40 W)" in labels
    assert "DKK" in ax.get_xlabel()


def test_monte_carlo_distribution_and_ranks(tender: tco.Tender) -> None:
    mc = monte_carlo(tender, samples=3000, seed=7)
    ax = distribution(mc, bins=30)
    # One dashed line per bid at its deterministic total.
    lines = [float(line.get_xdata()[0]) for line in ax.get_lines()]
    np.testing.assert_allclose(sorted(lines), sorted(mc.deterministic))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for b, name in enumerate(mc.bids):
        assert f"{name} (cheapest in {100 * mc.probability_cheapest[b]:.1f} %)" in legend
    ax = rank_chart(mc)
    heights = np.array([p.get_height() for p in ax.patches]).reshape(len(mc.bids), len(mc.bids))
    # patches are drawn rank by rank: heights[k, b] is P(bid b has rank k + 1)
    np.testing.assert_allclose(heights.T, mc.rank_probabilities)
    assert len(montecarlo_figure(mc).axes) == 2


def test_cli_writes_the_charts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t_png, mc_svg = tmp_path / "tornado.png", tmp_path / "mc.svg"
    assert main(["sensitivity", "--example", "indoor-lighting", "--plot", str(t_png)]) == 0
    assert (
        main(
            [
                "montecarlo",
                "--example",
                "indoor-lighting-uncertain",
                "--samples",
                "500",
                "--plot",
                str(mc_svg),
            ]
        )
        == 0
    )
    assert t_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert mc_svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "wrote" in capsys.readouterr().err
