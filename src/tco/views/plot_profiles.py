"""The chart of the usage profiles: each bid's cost per profile, in small multiples.

One panel per profile (titled with its label and share) and one for the
weighted cost, each with a bar per bid on its own scale, so that the
differences between bids show under a profile of small use as well as of
large. Bids have their colours of the other charts
(:func:`tco.views.plot.bid_colours`, by the tender's own ranking when it is
given, else by the weighted ranking); the cheapest bar of each panel has a
black edge and its amount in bold. Like :mod:`tco.views.plot`, matplotlib is
imported only when the chart is drawn.

Examples
--------
>>> import tco
>>> from tco.analysis.profiles import profiles
>>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
>>> ax = profiles_chart(t, lang="da")
>>> [a.get_title() for a in ax.figure.axes]
['Idrætshal (20 %)', 'Skole (60 %)', 'Plejehjem (20 %)', 'Vægtet (100 %)']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from tco.limits import MAX_CHART_BIDS
from tco.views.figures import bid_colours, figure, money_formatter
from tco.views.i18n import number, percent, resolve, text
from tco.views.safe import chart_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tco.analysis.profiles import ProfileTable

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def profiles_chart(table: ProfileTable, *, lang: str | None = None, rank: Any = None) -> Axes:
    """Draw each bid's cost under each profile and weighted, one panel each.

    Parameters
    ----------
    table : ProfileTable
    lang : {"en", "da"}, optional
    rank : array_like of int, optional
        The tender's own ranking of the bids (:attr:`tco.result.Result.rank`),
        which gives each bid its colour as in the result's charts; the
        weighted ranking by default. At most
        :data:`~tco.limits.MAX_CHART_BIDS` bids are drawn, the cheapest on
        the weighted cost.

    Returns
    -------
    matplotlib Axes
        The first panel; ``ax.figure.axes`` holds them all.
    """
    from matplotlib.patches import Patch

    lang = resolve(lang)
    shown = [int(i) for i in np.argsort(table.weighted_rank, kind="stable")[:MAX_CHART_BIDS]]
    colours = bid_colours(table.bids, table.weighted_rank if rank is None else rank)
    panels = [
        (chart_text(table.label(n, lang)), float(table.weights[k]), table.cost[k])
        for k, n in enumerate(table.names)
    ]
    weighted = text("profiles.weighted", lang)
    panels.append((weighted[:1].upper() + weighted[1:], 1.0, table.weighted))
    fig = figure((2.6 * len(panels) + 1.0, 4.2))
    axes = fig.subplots(1, len(panels), squeeze=False)[0]
    from tco.views.profiles import cost_unit

    cur = cost_unit(table, lang)
    x = np.arange(len(shown))
    for p, (ax, (title, weight, cost)) in enumerate(zip(axes, panels, strict=True)):
        values = np.asarray(cost)[shown]
        best = int(np.argmin(values))
        bars = ax.bar(
            x,
            values,
            0.7,
            color=[colours[table.bids[i]] for i in shown],
            edgecolor=["black" if j == best else "none" for j in range(len(shown))],
            linewidth=1.6,
        )
        labels = ax.bar_label(
            bars, labels=[number(v, 0, lang) for v in values], fontsize=7, padding=2
        )
        labels[best].set_fontweight("bold")
        ax.set_title(f"{title} ({percent(weight, 0, lang)})", fontsize=10)
        ax.set_xticks([])
        ax.set_ylim(0, float(values.max()) * 1.15 if values.size else 1.0)
        ax.yaxis.set_major_formatter(money_formatter(lang))
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", alpha=0.3)
        if p == 0:
            ax.set_ylabel(f"{text(f'profiles.cost {table.ranked_by}', lang)} [{cur}]")
        if p == len(panels) - 1:
            ax.set_facecolor("#f4f4f4")
    handles = [Patch(color=colours[table.bids[i]], label=chart_text(table.bids[i])) for i in shown]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(shown), 6), fontsize=9)
    fig.suptitle(text("profiles.chart title", lang))
    first: Axes = axes[0]
    return first
