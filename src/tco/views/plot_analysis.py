"""Charts of decision analyses: tornado diagrams and Monte Carlo distributions.

Like :mod:`tco.views.plot`, each chart draws on a given axes or on a new
figure with an Agg canvas; matplotlib is imported only when a chart is drawn.

Examples
--------
>>> import tco
>>> from tco.analysis import monte_carlo, sensitivity
>>> tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
>>> ax = tornado(sensitivity(tender), "Premium LED")
>>> ax.get_yticklabels()[-1].get_text().split(" (")[0]
'Operating hours'
>>> ax = distribution(monte_carlo(tender, samples=2000, seed=1))
>>> len(ax.get_lines())  # one dashed line at each bid's deterministic total
3
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from tco.limits import MAX_CHART_BIDS
from tco.views.figures import RANK_COLOURS, bid_colours, money_formatter, new_axes
from tco.views.i18n import number, percent, resolve, significant, text, unit_text
from tco.views.safe import chart_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tco.analysis.montecarlo import MonteCarloResult
    from tco.analysis.oneway import Tornado

__all__ = ["distribution", "montecarlo_figure", "rank_chart", "tornado"]

_LOW, _HIGH = "#56B4E9", "#D55E00"


def _money_x(ax: Axes, currency: str, label: str, lang: str) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_formatter(money_formatter(lang))
    ax.set_xlabel(f"{label} [{currency}]")
    ax.grid(axis="x", alpha=0.3)


def tornado(
    t: Tornado,
    bid: str | int = 0,
    *,
    ax: Axes | None = None,
    top: int = 12,
    labels: dict[str, str] | None = None,
    lang: str | None = None,
) -> Axes:
    """Tornado diagram of one bid: its total at each input's low and high value.

    Bars start at the bid's total with every input at the tender's value; the
    widest swing is at the top.

    Parameters
    ----------
    t : Tornado
        From :func:`tco.analysis.sensitivity`.
    bid : str or int
        The bid, by name or position.
    ax : matplotlib Axes, optional
    top : int
        Most inputs shown.
    labels : dict of str to str, optional
        A label per input, in the chart's language (default: each bar's own
        label, from the product model in English).
    lang : {"en", "da"}, optional

    Returns
    -------
    matplotlib Axes
    """
    lang = resolve(lang)
    rows = t.for_bid(bid)[:top][::-1]
    names = {
        **{r["input"]: r["label"] or r["input"] for r in rows},
        **(labels or {}),
    }  # widest swing drawn last, at the top
    name = t.bids[bid] if isinstance(bid, int) else bid
    base = float(t.base[t.bids.index(name)])
    ax = new_axes(ax, (7.5, 0.45 * len(rows) + 1.6))
    y = np.arange(len(rows))
    low = np.array([r["total_low"] for r in rows]) - base
    high = np.array([r["total_high"] for r in rows]) - base
    ax.barh(y, low, left=base, color=_LOW, label=text("low value", lang))
    ax.barh(y, high, left=base, color=_HIGH, label=text("high value", lang))
    ax.axvline(base, color="black", linewidth=1)
    ticks = [
        f"{names.get(r['input'], r['input'])} ({significant(r['low'], 6, lang)} .. "
        f"{significant(r['high'], 6, lang)} {unit_text(r['unit'], lang)})".replace(" )", ")")
        for r in rows
    ]
    ax.set_yticks(y, [chart_text(tick) for tick in ticks])
    _money_x(ax, t.currency, text("present value", lang), lang)
    ax.set_title(
        chart_text(
            text("tornado title", lang, name=name, total=number(base, 0, lang), cur=t.currency)
        )
    )
    ax.legend(loc="lower right", fontsize="small")
    return ax


def _shown(mc: MonteCarloResult) -> list[int]:
    """The bids a chart draws: at most :data:`~tco.limits.MAX_CHART_BIDS`, cheapest first."""
    order = np.argsort(mc.deterministic, kind="stable")
    if len(order) <= MAX_CHART_BIDS:
        return list(range(len(mc.bids)))
    return [int(b) for b in order[:MAX_CHART_BIDS]]


def distribution(
    mc: MonteCarloResult, *, ax: Axes | None = None, bins: int = 60, lang: str | None = None
) -> Axes:
    """Distribution of each bid's total over the Monte Carlo samples.

    A step histogram per bid, its deterministic total as a dashed line, and
    the probability of being cheapest in the legend.

    Returns
    -------
    matplotlib Axes
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    lo, hi = float(mc.totals.min()), float(mc.totals.max())
    edges = np.linspace(lo, hi if hi > lo else lo + 1.0, bins + 1)
    colours = bid_colours(mc.bids, np.argsort(np.argsort(mc.deterministic, kind="stable")))
    for b in _shown(mc):
        name = mc.bids[b]
        colour = colours[name]
        p = float(mc.probability_cheapest[b])
        ax.hist(
            mc.totals[:, b],
            bins=edges.tolist(),
            histtype="step",
            linewidth=1.5,
            color=colour,
            label=chart_text(text("cheapest in", lang, name=name, p=percent(p, 1, lang))),
        )
        ax.axvline(float(mc.deterministic[b]), color=colour, linestyle="--", linewidth=1)
    _money_x(ax, mc.currency, text("present value", lang), lang)
    ax.set_ylabel(text("samples", lang))
    ax.set_title(text("mc title", lang, n=number(mc.samples, 0, lang)))
    ax.legend(fontsize="small")
    return ax


def rank_chart(mc: MonteCarloResult, *, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Share of samples in which each bid takes each rank, as stacked bars.

    Ranks are coloured on a blue scale from dark (first) to light, never in
    the bids' own colours.

    Returns
    -------
    matplotlib Axes
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    shown = _shown(mc)
    probs = mc.rank_probabilities[shown]
    x = np.arange(len(shown))
    bottom = np.zeros(len(shown))
    for k in range(min(probs.shape[1], MAX_CHART_BIDS)):
        ax.bar(
            x,
            probs[:, k],
            bottom=bottom,
            color=RANK_COLOURS[k % len(RANK_COLOURS)],
            edgecolor="white",
            label=text("rank k", lang, k=k + 1),
        )
        bottom += probs[:, k]
    ax.set_xticks(x, [chart_text(mc.bids[b]) for b in shown])
    ax.set_ylim(0, 1)
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: percent(v, 0, lang)))
    ax.set_ylabel(text("share of samples", lang))
    ax.set_title(text("rank probabilities", lang))
    ax.legend(
        fontsize="small",
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=min(probs.shape[1], 10),
    )
    return ax


def montecarlo_figure(mc: MonteCarloResult, lang: str | None = None) -> Any:
    """The distribution and the rank chart side by side, as one figure."""
    from tco.views.figures import figure

    fig = figure((13.0, 4.8))
    left, right = fig.subplots(1, 2, width_ratios=(3, 2))
    distribution(mc, ax=left, lang=lang)
    rank_chart(mc, ax=right, lang=lang)
    return fig
