"""The figures tco draws on: notebook-friendly, outside pyplot, with the bids' colours.

A figure has an Agg canvas of its own (no pyplot, no global state, no display
needed) and shows itself as a PNG image in a notebook with no magic command;
matplotlib is imported only when one is made. The charts of a result
(:mod:`tco.views.plot`), of the analyses, baskets and profiles draw on these.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.io.optional import require
from tco.views.errors import OutputError
from tco.views.i18n import number, resolve
from tco.views.labels import word

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "LINE_COLOURS",
    "RANK_COLOURS",
    "bid_colours",
    "can_draw",
    "figure",
    "figure_img",
    "figure_png",
    "money_formatter",
    "new_axes",
    "notebook_classes",
    "save_figure",
    "stacked_bars",
]

#: One colour per bid, in rank order of the deterministic result (Okabe-Ito).
LINE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
#: Colours of ranks 1, 2, 3, ... (a sequential blue scale, so a rank is never read as a bid).
RANK_COLOURS = ("#08306B", "#2171B5", "#6BAED6", "#C6DBEF", "#DEEBF7", "#F7FBFF", "#FFFFFF")


def can_draw() -> bool:
    """Whether matplotlib is installed, so that a report or a page can embed charts."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def bid_colours(bids: tuple[str, ...] | list[str], rank: Any) -> dict[str, str]:
    """The colour of each bid, the same in every chart of a result: by its rank.

    Examples
    --------
    >>> bid_colours(["A", "B"], [2, 1])
    {'B': '#0072B2', 'A': '#D55E00'}
    """
    order = [int(i) for i in np.argsort(np.asarray(rank), kind="stable")]
    return {bids[b]: LINE_COLOURS[n % len(LINE_COLOURS)] for n, b in enumerate(order)}


def new_axes(ax: Axes | None, size: tuple[float, float] = (7.0, 4.5)) -> Axes:
    """``ax``, or the axes of a new figure of ``size`` inches that shows itself in a notebook."""
    if ax is not None:
        return ax
    fig = figure(size)
    new: Axes = fig.add_subplot(axes_class=notebook_classes()[1])
    return new


def figure_png(fig: Any, dpi: int = 100) -> bytes:
    r"""A figure as PNG bytes.

    Examples
    --------
    >>> figure_png(figure((2.0, 1.0)))[:4]
    b'\x89PNG'
    """
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def figure_img(fig: Any, alt: str) -> str:
    """A figure as an HTML ``<img>`` holding its PNG (base64), so a page needs no other file.

    Examples
    --------
    >>> figure_img(figure((2.0, 1.0)), "a <chart>")[:45]
    '<img alt="a &lt;chart&gt;" src="data:image/pn'
    """
    import base64
    from html import escape

    data = base64.b64encode(figure_png(fig)).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


_CLASSES: list[Any] = []


def notebook_classes() -> tuple[Any, Any]:
    """A Figure and an Axes class that a notebook displays as a PNG image (``_repr_png_``).

    Made on first use, so that matplotlib is imported only when a chart is drawn.
    """
    if not _CLASSES:
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        class ChartFigure(Figure):
            """A figure that shows itself as an image in a notebook."""

            def _repr_png_(self) -> bytes:
                return figure_png(self)

        class ChartAxes(Axes):
            """Axes that show their figure as an image in a notebook."""

            def _repr_png_(self) -> bytes:
                return figure_png(self.figure)

        _CLASSES.extend([ChartFigure, ChartAxes])
    return _CLASSES[0], _CLASSES[1]


def figure(size: tuple[float, float]) -> Figure:
    """A figure drawn by the Agg renderer, outside pyplot's global state.

    In a notebook the figure (and each of its charts' axes) shows itself as
    an image, with no magic command.
    """
    FigureCanvasAgg = require("matplotlib.backends.backend_agg", "plot").FigureCanvasAgg
    fig: Figure = notebook_classes()[0](figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def money_formatter(lang: str | None = None) -> Any:
    """A tick formatter writing amounts in the language's number format."""
    from matplotlib.ticker import FuncFormatter

    lang = resolve(lang)
    return FuncFormatter(lambda v, _: number(v, 0, lang))


def stacked_bars(
    ax: Any,
    names: Sequence[str],
    layers: Sequence[tuple[Any, str, str | None]],
    totals: Any,
    lang: str,
) -> Any:
    """Stack ``layers`` (values per bar, label, colour) as bars named ``names``; mark ``totals``.

    Positive parts stack upwards and negative ones (a residual credit) downwards from
    zero; each bar's total is a black diamond with its value above the bar. Returns
    the bottoms of the negative stacks (their minimum is below zero if any part is).
    """
    x = np.arange(len(names))
    pos = np.zeros(len(names))
    neg = np.zeros(len(names))
    for v, label, colour in layers:
        bottom = np.where(v >= 0, pos, neg)
        ax.bar(x, v, 0.6, bottom=bottom, label=label, **({"color": colour} if colour else {}))
        pos = pos + np.where(v >= 0, v, 0.0)
        neg = neg + np.where(v < 0, v, 0.0)
    ax.plot(x, totals, "D", color="black", label=word("total", lang), zorder=3)
    for xi, tot, top in zip(x, totals, pos, strict=True):
        ax.annotate(
            number(tot, 0, lang),
            (xi, max(tot, top)),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=9,
        )
    ax.set_xticks(x, names)
    ax.set_ylim(top=float(pos.max()) * 1.12 if len(pos) else None)
    return neg


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
        raise OutputError(
            f"{out}: got a '.{fmt}' file, expected a chart file ending .png or .svg"
        ).speaks(
            "write_suffix", what="chart", suffix=f".{fmt}", want="a chart file ending .png or .svg"
        )
    try:
        fig.savefig(out, format=fmt, dpi=120)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the chart ({exc.strerror or exc})").speaks(
            "cannot_write", what="chart", reason=exc.strerror or str(exc)
        ) from None
    return out
