"""Charts of a result with matplotlib (the ``plot`` extra).

Each chart draws on a given :class:`matplotlib.axes.Axes` or on a new
:class:`matplotlib.figure.Figure` of its own with an Agg canvas (not through
pyplot, so no global state and no display is needed). matplotlib is
imported only when a chart is drawn.

Examples
--------
>>> import tco
>>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
>>> ax = plot(r, kind="breakdown")
>>> [t.get_text() for t in ax.get_xticklabels()]
['Premium LED', 'Lumen Nord', 'Budget Light']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np

from tco.limits import MAX_CHART_BIDS
from tco.views.curves import crossings, cumulative_steps
from tco.views.errors import OutputError
from tco.views.figures import (
    bid_colours,
    figure,
    money_formatter,
    new_axes,
    notebook_classes,
    save_figure,
    stacked_bars,
)
from tco.views.i18n import number, resolve
from tco.views.labels import category_label, mass_unit, substance_label, word
from tco.views.safe import chart_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from tco.result import Result

__all__ = [
    "KINDS",
    "breakdown",
    "cumulative",
    "emissions",
    "overview",
    "plot",
    "save_figure",
]

#: Chart kinds of :func:`plot`.
KINDS: tuple[str, ...] = ("breakdown", "cumulative", "emissions")

#: One colour per cost category: earthy tones apart from the bids' colours.
COLOURS: dict[str, str] = {
    "acquisition": "#8C6D31",
    "use": "#E7BA52",
    "maintenance": "#637939",
    "end_of_life": "#7B4173",
    "externalities": "#999999",
}


def _money_axis(ax: Axes, currency: str, label: str, lang: str | None = None) -> None:
    ax.yaxis.set_major_formatter(money_formatter(lang))
    ax.set_ylabel(f"{label} [{currency}]")
    ax.grid(axis="y", alpha=0.3)


def _order(result: Result) -> list[int]:
    """The bids a chart shows, cheapest first: at most :data:`~tco.limits.MAX_CHART_BIDS`."""
    return [int(i) for i in np.argsort(result.rank, kind="stable")[:MAX_CHART_BIDS]]


def _title(ax: Axes, result: Result, text: str) -> None:
    """Set a chart's title, saying when only the cheapest bids are shown."""
    shown = min(len(result.bids), MAX_CHART_BIDS)
    if shown < len(result.bids):
        text += f" ({shown} / {len(result.bids)})"
    ax.set_title(text)


def breakdown(result: Result, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Stacked bars of each bid's present value by cost category, cheapest first.

    Negative amounts (resale, residual value) are stacked below zero; a black
    marker and a label give each bid's total.

    Parameters
    ----------
    result : Result
    ax : matplotlib Axes, optional
        Where to draw; a new figure when not given.
    lang : {"en", "da"}

    Returns
    -------
    matplotlib Axes
        With one bar container per category (labelled with the category).
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    order = _order(result)
    layers = [
        (values[order], category_label(cat, lang), COLOURS.get(cat, "C0"))
        for cat, values in result.by_category.items()
    ]
    names = [chart_text(result.bids[i]) for i in order]
    neg = stacked_bars(ax, names, layers, result.total[order], lang)
    if neg.min() < 0:
        ax.axhline(0.0, color="black", linewidth=0.8)
    _money_axis(ax, result.currency, word("present value", lang), lang)
    _title(ax, result, word("breakdown", lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=5, fontsize=8, frameon=False)
    return ax


def cumulative(result: Result, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Lines of each bid's cumulative discounted cost over the years.

    Annual amounts accrue over their year; one-off events (purchase,
    replacements, residual value) are vertical steps at the year they are
    booked in (see :func:`tco.views.curves.cumulative_steps`). A circle marks
    each point where two lines truly cross; a crossing that comes only from
    the residual value credited at the period's end is marked with a cross
    and said so in the legend.
    At most :data:`~tco.limits.MAX_CHART_BIDS` bids are drawn, the cheapest.

    Returns
    -------
    matplotlib Axes
        With one line per bid (labelled with the bid's name), then one
        marker line per kind of crossing, when there are any.
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    x, curves = cumulative_steps(result)
    colours = bid_colours(result.bids, result.rank)
    for b in _order(result):
        ax.plot(
            x,
            curves[b],
            color=colours[result.bids[b]],
            label=chart_text(result.bids[b]),
            linewidth=1.8,
        )
    found = crossings(result)
    used = [c for c in found if not c.residual]
    credit = [c for c in found if c.residual]
    if used:
        ax.plot(
            [c.year for c in used],
            [c.value for c in used],
            "o",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor="black",
            markeredgewidth=1.5,
            label=word("crossings", lang),
            zorder=3,
        )
        for c in used:
            ax.annotate(
                number(c.year, 1, lang),
                (c.year, c.value),
                xytext=(-6, 10),
                textcoords="offset points",
                ha="right",
                fontsize=8,
            )
    if credit:
        ax.plot(
            [c.year for c in credit],
            [c.value for c in credit],
            "x",
            markersize=9,
            color="black",
            label=word("residual credit", lang),
            zorder=3,
        )
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel(word("year", lang))
    ax.set_xlim(0, float(x[-1]) + 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _money_axis(ax, result.currency, word("cumulative pv", lang), lang)
    _title(ax, result, word("cumulative", lang))
    ax.legend(fontsize=8, loc="upper left")
    return ax


def emissions(result: Result, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Bars of each bid's emissions over the period, one group per substance.

    Mass is shown in tonnes from 1000 kg up, else in kg; the axis label says
    which.

    Returns
    -------
    matplotlib Axes
        With one bar container per substance (labelled with the substance).
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    order = _order(result)
    names = [chart_text(result.bids[i]) for i in order]
    subs = list(result.emissions)
    x = np.arange(len(order))
    biggest = max((float(np.abs(v).max()) for v in result.emissions.values()), default=0.0)
    unit, size = mass_unit(biggest)
    width = 0.7 / max(len(subs), 1)
    for k, sub in enumerate(subs):
        v = result.emissions[sub][order] / size
        bars = ax.bar(
            x + (k - (len(subs) - 1) / 2) * width,
            v,
            width,
            label=chart_text(substance_label(sub, lang)),
            color=_SUBSTANCE_COLOURS[k % len(_SUBSTANCE_COLOURS)],
        )
        ax.bar_label(bars, labels=[number(val, 1, lang) for val in v], fontsize=8, padding=2)
    ax.set_xticks(x, names)
    ax.yaxis.set_major_formatter(money_formatter(lang))
    ax.set_ylabel(f"{word('mass', lang)} [{unit}]")
    _title(ax, result, word("emissions", lang))
    ax.grid(axis="y", alpha=0.3)
    if subs:
        ax.legend(fontsize=8)
        ax.set_ylim(top=ax.get_ylim()[1] * 1.1)
    else:
        ax.set_xlim(-0.5, len(order) - 0.5)
        ax.text(0.5, 0.5, word("no emissions", lang), transform=ax.transAxes, ha="center")
    return ax


#: Colours of emitted substances (greys and greens, apart from the bids' colours).
_SUBSTANCE_COLOURS = ("#999999", "#4D4D4D", "#B8D8BA", "#6B8F71")

_CHARTS: dict[str, Any] = {"breakdown": breakdown, "cumulative": cumulative, "emissions": emissions}


def plot(
    result: Result, kind: str = "breakdown", ax: Axes | None = None, lang: str | None = None
) -> Axes:
    """Draw one chart of a result (what :meth:`tco.result.Result.plot` calls).

    Parameters
    ----------
    result : Result
    kind : {"breakdown", "cumulative", "emissions"}
        Stacked present value by category, cumulative discounted cost with
        crossing points, or emissions per bid.
    ax : matplotlib Axes, optional
        Where to draw; a new figure (``ax.figure``) when not given.
    lang : {"en", "da"}, optional
        The chosen language (:func:`tco.set_language`) when not given.

    Returns
    -------
    matplotlib Axes
    """
    if kind in _CHARTS:
        return cast("Axes", _CHARTS[kind](result, ax=ax, lang=lang))
    msg = f"unknown chart kind {kind!r}; expected one of {', '.join(KINDS)}"
    raise OutputError(msg).speaks("chart_kind", shown=repr(kind), kinds_list=KINDS)


def overview(result: Result, lang: str | None = None) -> Figure:
    """All three charts in one figure, side by side (what ``tco compare --plot`` writes)."""
    fig = figure((18.0, 5.0))
    axes = fig.subplots(1, 3, subplot_kw={"axes_class": notebook_classes()[1]})
    for ax, kind in zip(axes, KINDS, strict=True):
        plot(result, kind, ax=ax, lang=lang)
    fig.suptitle(chart_text(result.plan.title))
    return fig
