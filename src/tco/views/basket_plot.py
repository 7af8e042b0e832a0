"""A basket's chart (matplotlib, the ``plot`` extra): each bid's basket, stacked by line.

matplotlib is imported only when the chart is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from tco.limits import MAX_CHART_BIDS
from tco.views.figures import money_formatter, new_axes, stacked_bars
from tco.views.i18n import resolve, text
from tco.views.safe import chart_text

if TYPE_CHECKING:
    from tco.basket import BasketResult

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def basket_chart(result: BasketResult, ax: Any = None, lang: str | None = None) -> Any:
    """Stacked bars of each bid's basket by line, cheapest basket first, with its total.

    Parameters
    ----------
    result : BasketResult
    ax : matplotlib Axes, optional
    lang : {"en", "da"}

    Returns
    -------
    matplotlib Axes
        With one bar container per line (labelled with the line's name).

    Examples
    --------
    >>> from tco.basket import basket_example_path, load_basket
    >>> r = load_basket(basket_example_path("copy-print")).evaluate()
    >>> [c.get_label() for c in basket_chart(r).containers]
    ['A4 devices', 'A3 devices']
    """
    lang = resolve(lang)
    ax = new_axes(ax)
    order = [int(i) for i in np.argsort(result.rank, kind="stable")[:MAX_CHART_BIDS]]
    layers = [
        (values[order], chart_text(name), None)
        for name, values in zip(result.lines, result.by_line, strict=True)
    ]
    names = [chart_text(result.bids[i]) for i in order]
    stacked_bars(ax, names, layers, result.total[order], lang)
    ax.yaxis.set_major_formatter(money_formatter(lang))
    ax.set_ylabel(f"{text('present value', lang)} [{result.currency}]")
    ax.grid(axis="y", alpha=0.3)
    title = text("basket.by line", lang)
    if len(order) < len(result.bids):
        title += f" ({len(order)} / {len(result.bids)})"
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=5, fontsize=8, frameon=False)
    return ax
