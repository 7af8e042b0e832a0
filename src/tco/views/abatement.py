"""The abatement cost as a table and as a chart of cost against emissions.

The chart puts each bid at its TCO (without priced externalities) and its CO2e,
joins the efficient bids (the Pareto front) with a line and names every bid
as text (:func:`tco.views.safe.chart_text`: a supplier's ``$`` stays a ``$``).

Examples
--------
>>> import tco
>>> from tco.analysis.abatement import abatement_cost
>>> a = abatement_cost(tco.load_tender(tco.example_path("passenger-car")))
>>> print(abatement_table(a).splitlines()[0])
Abatement cost against 'Benzin Auto' (cheapest by TCO without priced externalities), in DKK
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from tco.limits import MAX_CHART_BIDS
from tco.views.i18n import number, resolve, text
from tco.views.safe import chart_text, visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tco.analysis.abatement import AbatementCost
    from tco.result import Result

__all__ = ["abatement_chart", "abatement_html", "abatement_table", "align"]


def align(rows: list[list[str]], head: list[str], units: list[str]) -> list[str]:
    """Lines of a text table: header, units, a rule, then the rows; the first column left.

    Examples
    --------
    >>> align([["A", "1"]], ["bid", "x"], ["", "t"])
    ['bid  x', '     t', '---  -', 'A    1']
    """
    widths = [
        max(len(h), len(u), *(len(r[i]) for r in rows))
        for i, (h, u) in enumerate(zip(head, units, strict=True))
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(head), line(units), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _cells(a: AbatementCost, lang: str) -> list[list[str]]:
    """The table's rows as text: one per bid, the cost per tonne or the reason for none."""
    rows = []
    for r in a.rows():
        why = r["reason"]
        rows.append(
            [
                visible(r["bid"]),
                number(r["cost"], 0, lang),
                number(r["co2e_t"], 1, lang),
                number(r["extra_cost"], 0, lang),
                number(r["avoided_t"], 1, lang),
                number(r["cost_per_t"], 0, lang) if why is None else text(f"abatement.{why}", lang),
                "*" if r["efficient"] else "",
            ]
        )
    return rows


def abatement_table(a: AbatementCost, lang: str | None = None) -> str:
    """Each bid's extra cost, CO2e avoided and cost per tonne against the reference.

    Efficient bids (on the Pareto front) are marked ``*``; a bid without an
    abatement cost says why (it is the reference, or it emits as much or more).
    """
    lang = resolve(lang)
    cur = a.currency
    year = text("year", lang)
    per = f"/{year}" if a.per == "year" else ""
    head = [
        text("bid", lang),
        text("abatement.tco", lang),
        "CO2e",
        text("abatement.extra", lang),
        text("abatement.avoided", lang),
        text("abatement.per t", lang),
        text("abatement.efficient", lang),
    ]
    units = ["", f"{cur}{per}", f"t{per}", f"{cur}{per}", f"t{per}", f"{cur}/t", ""]
    rows = _cells(a, lang)
    title = text(
        f"abatement.title {a.chosen}", lang, reference=visible(a.reference), currency=a.currency
    )
    return "\n".join([title, *align(rows, head, units), text("abatement.note", lang)])


def _named(a: AbatementCost, efficient: NDArray[np.bool_]) -> list[int]:
    """The bids the chart names: the reference, the efficient ones, then the others by cost.

    At most :data:`~tco.limits.MAX_CHART_BIDS`, in the tender's order; among
    equals, the cheaper first.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.abatement import abatement_cost
    >>> a = abatement_cost(tco.load_tender(tco.example_path("passenger-car")))
    >>> [a.bids[b] for b in _named(a, a.efficient)] == list(a.bids)
    True
    """
    ref = np.zeros(len(a.bids), dtype=bool)
    ref[a.bids.index(a.reference)] = True
    # lexsort: the last key first: the reference, then the efficient bids, then by cost.
    order = np.lexsort((a.cost, ~efficient, ~ref))[:MAX_CHART_BIDS]
    return sorted(int(b) for b in order)


def abatement_chart(a: AbatementCost, ax: Axes | None = None, lang: str | None = None) -> Axes:
    """Each bid's TCO against its CO2e, the efficient bids joined by a line.

    Parameters
    ----------
    a : AbatementCost
    ax : matplotlib Axes, optional
        Where to draw; a new figure when not given.
    lang : {"en", "da"}

    Returns
    -------
    matplotlib Axes
        With the efficient bids as one line (labelled) and every bid as a point;
        at most :data:`~tco.limits.MAX_CHART_BIDS` points are named in plain
        text (:func:`_named`), so that the chart takes the same time and stays
        readable however many bids there are.
    """
    from tco.views.figures import money_formatter, new_axes

    lang = resolve(lang)
    ax = new_axes(ax)
    eff = a.efficient
    order = np.argsort(a.co2e[eff], kind="stable")
    ax.plot(
        a.co2e[eff][order],
        a.cost[eff][order],
        "-o",
        color="#009E73",
        label=text("abatement.front", lang),
        zorder=2,
    )
    ax.plot(
        a.co2e[~eff],
        a.cost[~eff],
        "o",
        color="#999999",
        label=text("abatement.dominated", lang),
        zorder=2,
    )
    r = a.bids.index(a.reference)
    ax.plot(
        [a.co2e[r]],
        [a.cost[r]],
        "s",
        markersize=11,
        markerfacecolor="none",
        markeredgecolor="black",
        label=text("abatement.reference", lang),
        zorder=3,
    )
    per_t = a.cost_per_tonne
    below = np.argsort(np.argsort(-a.cost, kind="stable"), kind="stable") % 2 == 1
    for b in _named(a, eff):
        label = chart_text(a.bids[b])
        if np.isfinite(per_t[b]):
            label += f"\n{number(per_t[b], 0, lang)} {a.currency}/t"
        ax.annotate(
            label,
            (a.co2e[b], a.cost[b]),
            xytext=(6, -22 if below[b] else 6),
            textcoords="offset points",
            fontsize=8,
        )
    per = f"/{text('year', lang)}" if a.per == "year" else ""
    ax.yaxis.set_major_formatter(money_formatter(lang))
    ax.set_xlabel(f"CO2e [t{per}]")
    ax.set_ylabel(f"{text('abatement.tco', lang)} [{a.currency}{per}]")
    ax.set_title(text("abatement.chart", lang))
    ax.grid(alpha=0.3)
    ax.margins(0.2)
    ax.legend(fontsize=8, loc="best")
    return ax


def abatement_html(result: Result, lang: str | None = None, *, charts: bool = False) -> list[str]:
    """HTML parts of the award report's abatement section; empty without CO2e or a second bid.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("passenger-car")).evaluate()
    >>> abatement_html(r, "da")[0]
    '<h2>Reduktionsomkostning for CO2e</h2>'
    """
    from html import escape

    from tco.analysis.abatement import abatement_cost
    from tco.views.html import html_table

    lang = resolve(lang)
    if "co2e" not in result.emissions or len(result.bids) < 2:
        return []
    a = abatement_cost(result)
    cur, per = a.currency, f"/{text('year', lang)}" if a.per == "year" else ""
    head = [
        text("bid", lang),
        f"{text('abatement.tco', lang)} [{cur}{per}]",
        f"CO2e [t{per}]",
        f"{text('abatement.extra', lang)} [{cur}{per}]",
        f"{text('abatement.avoided', lang)} [t{per}]",
        f"{text('abatement.per t', lang)} [{cur}/t]",
        text("abatement.efficient", lang),
    ]
    title = text(f"abatement.title {a.chosen}", lang, reference=visible(a.reference), currency=cur)
    parts = [
        f"<h2>{escape(text('abatement.section', lang))}</h2>",
        f"<p>{escape(title)}. {escape(text('abatement.note', lang))}</p>",
        '<div class="tco">',
        html_table(head, _cells(a, lang), numeric=[False] + [True] * 6),
        "</div>",
    ]
    if charts:
        from tco.views.figures import figure_img

        chart = abatement_chart(a, lang=lang).figure
        parts.append(f"<p>{figure_img(chart, text('abatement.chart', lang))}</p>")
    return parts
