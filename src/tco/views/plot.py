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

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.limits import MAX_CHART_BIDS
from tco.views.curves import cumulative_discounted, find_crossings
from tco.views.errors import OutputError
from tco.views.labels import category_label, mass_unit, word
from tco.views.safe import chart_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from tco.result import Result

__all__ = ["KINDS", "breakdown", "cumulative", "emissions", "overview", "plot", "save_figure"]

#: Chart kinds of :func:`plot`.
KINDS: tuple[str, ...] = ("breakdown", "cumulative", "emissions")

#: One colour per cost category (colour-blind safe, Okabe-Ito).
COLOURS: dict[str, str] = {
    "acquisition": "#0072B2",
    "use": "#E69F00",
    "maintenance": "#009E73",
    "end_of_life": "#CC79A7",
    "externalities": "#999999",
}
LINE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def new_axes(ax: Axes | None, size: tuple[float, float] = (7.0, 4.5)) -> Axes:
    if ax is not None:
        return ax
    fig = figure(size)
    return fig.add_subplot()


def figure(size: tuple[float, float]) -> Figure:
    """A figure drawn by the Agg renderer, outside pyplot's global state."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OutputError("charts need matplotlib: pip install 'tco[plot]'") from exc
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _money_axis(ax: Axes, currency: str, label: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
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


def breakdown(result: Result, ax: Axes | None = None, lang: str = "en") -> Axes:
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
    ax = new_axes(ax)
    order = _order(result)
    names = [chart_text(result.bids[i]) for i in order]
    x = np.arange(len(order))
    pos = np.zeros(len(order))
    neg = np.zeros(len(order))
    for cat, values in result.by_category.items():
        v = values[order]
        bottom = np.where(v >= 0, pos, neg)
        ax.bar(
            x, v, 0.6, bottom=bottom, label=category_label(cat, lang), color=COLOURS.get(cat, "C0")
        )
        pos = pos + np.where(v >= 0, v, 0.0)
        neg = neg + np.where(v < 0, v, 0.0)
    totals = result.total[order]
    ax.plot(x, totals, "D", color="black", label=word("total", lang), zorder=3)
    for xi, tot, top in zip(x, totals, pos, strict=True):
        ax.annotate(
            f"{tot:,.0f}",
            (xi, max(tot, top)),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=9,
        )
    ax.set_xticks(x, names)
    ax.set_ylim(top=float(pos.max()) * 1.12 if len(pos) else None)
    if neg.min() < 0:
        ax.axhline(0.0, color="black", linewidth=0.8)
    _money_axis(ax, result.currency, word("present value", lang))
    _title(ax, result, word("breakdown", lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=5, fontsize=8, frameon=False)
    return ax


def cumulative(result: Result, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Lines of each bid's cumulative discounted cost over the years.

    Where two lines cross, a circle marks the year from which the bid with
    the higher start becomes the cheaper one (see :func:`tco.views.curves.crossings`).
    At most :data:`~tco.limits.MAX_CHART_BIDS` bids are drawn, the cheapest.

    Returns
    -------
    matplotlib Axes
        With one line per bid (labelled with the bid's name), then one
        marker line (labelled ``"crossings"`` in English) holding the
        crossing points, when there are any.
    """
    ax = new_axes(ax)
    curves = cumulative_discounted(result)
    years = result.years
    order = _order(result)
    for n, b in enumerate(order):
        ax.plot(
            years,
            curves[b],
            marker=".",
            color=LINE_COLOURS[n % len(LINE_COLOURS)],
            label=chart_text(result.bids[b]),
        )
    found = find_crossings(curves[order], years, tuple(result.bids[b] for b in order))
    if found:
        ax.plot(
            [c.year for c in found],
            [c.value for c in found],
            "o",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor="black",
            markeredgewidth=1.5,
            label=word("crossings", lang),
            zorder=3,
        )
        for c in found:
            ax.annotate(
                f"{c.year:.1f}",
                (c.year, c.value),
                xytext=(-6, 10),
                textcoords="offset points",
                ha="right",
                fontsize=8,
            )
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel(word("year", lang))
    ax.set_xlim(0, float(years[-1]))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _money_axis(ax, result.currency, word("cumulative pv", lang))
    _title(ax, result, word("cumulative", lang))
    ax.legend(fontsize=8, loc="upper left")
    return ax


def emissions(result: Result, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Bars of each bid's emissions over the period, one group per substance.

    Mass is shown in tonnes from 1000 kg up, else in kg; the axis label says
    which.

    Returns
    -------
    matplotlib Axes
        With one bar container per substance (labelled with the substance).
    """
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
            label=chart_text(sub),
            color=LINE_COLOURS[k % len(LINE_COLOURS)],
        )
        ax.bar_label(bars, labels=[f"{val:,.1f}" for val in v], fontsize=8, padding=2)
    ax.set_xticks(x, names)
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


_CHARTS: dict[str, Any] = {"breakdown": breakdown, "cumulative": cumulative, "emissions": emissions}


def plot(result: Result, kind: str = "breakdown", ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw one chart of a result (what :meth:`tco.result.Result.plot` calls).

    Parameters
    ----------
    result : Result
    kind : {"breakdown", "cumulative", "emissions"}
        Stacked present value by category, cumulative discounted cost with
        crossing points, or emissions per bid.
    ax : matplotlib Axes, optional
        Where to draw; a new figure (``ax.figure``) when not given.
    lang : {"en", "da"}

    Returns
    -------
    matplotlib Axes
    """
    if kind not in _CHARTS:
        raise OutputError(f"unknown chart kind {kind!r}; expected one of {', '.join(KINDS)}")
    chart: Axes = _CHARTS[kind](result, ax=ax, lang=lang)
    return chart


def overview(result: Result, lang: str = "en") -> Figure:
    """All three charts in one figure, side by side (what ``tco compare --plot`` writes)."""
    fig = figure((18.0, 5.0))
    axes = fig.subplots(1, 3)
    for ax, kind in zip(axes, KINDS, strict=True):
        plot(result, kind, ax=ax, lang=lang)
    fig.suptitle(chart_text(result.plan.title))
    return fig


def save_figure(fig: Figure | Any, path: str | Path) -> Path:
    """Write a figure to a PNG or SVG file, as its suffix says.

    Raises
    ------
    OutputError
        For any other suffix.
    """
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise OutputError(f"{out}: got a '.{fmt}' file, expected a chart file ending .png or .svg")
    try:
        fig.savefig(out, format=fmt, dpi=120)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the chart ({exc.strerror or exc})") from None
    return out
