"""The usage profiles as HTML: a section of the award report and a report of their own.

:func:`profiles_html` gives the section (the rule, the profiles with their
weights and values, the ranking under each profile, the weighted ranking,
where the winner changes and why, and the chart when matplotlib is
installed); the award report of ``tco compare --report`` includes it when the
tender has profiles, and :func:`profiles_report_html` wraps it in a page of
its own (``tco profiles --report``). Every text is escaped; the page loads
nothing and runs no script.

Examples
--------
>>> import tco
>>> from tco.analysis.profiles import profiles
>>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
>>> parts = profiles_html(t, "da", charts=False)
>>> parts[0], "Plejehjem" in "".join(parts)
('<h2>Brugsprofiler</h2>', True)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.views import figures
from tco.views.html import PAGE_STYLE, STYLE, html_table
from tco.views.i18n import number, percent, resolve, text
from tco.views.profiles import (
    cost_unit,
    profile_settings_text,
    switch_sentences,
    weight_rule_text,
    weight_text,
)
from tco.views.safe import CSP_META
from tco.views.safe import html_text as escape

if TYPE_CHECKING:
    from tco.analysis.profiles import ProfileTable
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _chart(table: ProfileTable, lang: str, rank: Any) -> str:
    from tco.views.figures import figure_img
    from tco.views.plot_profiles import profiles_chart

    ax = profiles_chart(table, lang=lang, rank=rank)
    return f"<p>{figure_img(ax.figure, text('profiles.chart title', lang))}</p>"


def profiles_html(
    table: ProfileTable, lang: str | None = None, *, charts: bool | None = None, rank: Any = None
) -> list[str]:
    """HTML parts of the usage profiles section.

    Parameters
    ----------
    table : ProfileTable
    lang : {"en", "da"}, optional
    charts : bool, optional
        Embed the chart; by default when matplotlib is installed (and, when
        it is not, say that the chart is left out).
    rank : array_like of int, optional
        The tender's own ranking, for the bids' colours (see
        :func:`tco.views.plot_profiles.profiles_chart`).
    """
    lang = resolve(lang)
    drawn = figures.can_draw() if charts is None else charts
    cur = cost_unit(table, lang)
    bids = list(table.bids)
    parts = [
        f"<h2>{escape(text('profiles.heading', lang))}</h2>",
        f"<p>{escape(text('profiles.rule', lang))}</p>",
        '<div class="tco">',
        html_table(
            [
                text("profiles.profile", lang),
                text("profiles.weight", lang),
                text("profiles.share", lang),
                text("profiles.inputs", lang),
            ],
            [
                [
                    table.label(n, lang),
                    _weight(table, n, lang),
                    percent(float(table.weights[k]), 0, lang),
                    profile_settings_text(table, n, lang),
                ]
                for k, n in enumerate(table.names)
            ],
            numeric=[False, True, True, False],
            caption=text("profiles.the profiles", lang),
        ),
        f"<p>{escape(weight_rule_text(table, lang))}</p>",
    ]
    ranks = table.ranks
    rows = [
        [
            table.label(n, lang),
            *(
                f"{number(float(table.cost[k, i]), 0, lang)} ({ranks[k, i]})"
                for i in range(len(bids))
            ),
            table.winners[k],
        ]
        for k, n in enumerate(table.names)
    ]
    wr = table.weighted_rank
    rows.append(
        [
            text("profiles.weighted", lang),
            *(f"{number(float(table.weighted[i]), 0, lang)} ({wr[i]})" for i in range(len(bids))),
            table.winner,
        ]
    )
    parts.append(
        html_table(
            [
                text("profiles.profile", lang),
                *(f"{b} [{cur}]" for b in bids),
                text("profiles.cheapest", lang),
            ],
            rows,
            numeric=[False, *([True] * len(bids)), False],
            caption=f"{text('profiles.per profile', lang)}: "
            f"{text(f'profiles.cost {table.ranked_by}', lang)} ({text('profiles.rank', lang)})",
        )
    )
    order = sorted(range(len(bids)), key=lambda i: int(wr[i]))
    parts.append(
        html_table(
            [
                text("profiles.rank", lang),
                text("profiles.bid", lang),
                f"{text(f'profiles.weighted cost {table.ranked_by}', lang)} [{cur}]",
            ],
            [[int(wr[i]), bids[i], number(float(table.weighted[i]), 0, lang)] for i in order],
            numeric=[True, False, True],
            caption=text("profiles.weighted ranking", lang),
        )
    )
    parts.append("</div>")
    parts.append(f"<h3>{escape(text('profiles.where', lang))}</h3>")
    if table.winner_changes:
        listed = "; ".join(
            f"{table.label(n, lang)} → {b}" for n, b in zip(table.names, table.winners, strict=True)
        )
        parts.append(f"<p>{escape(text('profiles.changes', lang, list=listed))}</p>")
        parts += [f"<p>{escape(s)}</p>" for s in switch_sentences(table, lang)]
    else:
        parts.append(f"<p>{escape(text('profiles.same', lang, bid=table.winner))}</p>")
    if drawn:
        parts.append(_chart(table, lang, rank))
    elif charts is None:
        parts.append(f"<p><em>{escape(text('profiles.no charts', lang))}</em></p>")
    return parts


def _weight(table: ProfileTable, name: str, lang: str) -> str:
    """A profile's weight as written (its share is beside it)."""
    return weight_text(table, table.names.index(name), lang)


def profiles_report_html(
    table: ProfileTable,
    tender: Tender,
    *,
    lang: str | None = None,
    charts: bool | None = None,
    rank: Any = None,
) -> str:
    """A page of its own for the usage profiles of a tender (``tco profiles --report``).

    ``rank``, the tender's own ranking (which gives the bids their chart colours), is
    computed here when the caller does not have it.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> tender = tco.load_tender(tco.example_path("indoor-lighting-profiles"))
    >>> page = profiles_report_html(profiles(tender), tender, charts=False)
    >>> page.count("<table>"), "Content-Security-Policy" in page
    (3, True)
    """
    from tco._version import __version__

    lang = resolve(lang)
    title = tender.plan.title
    intro = text(
        "profiles.report intro", lang, n=len(table.bids), k=len(table.names), winner=table.winner
    )
    rank = tender.evaluate().rank if rank is None else rank
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        CSP_META,
        f"<title>{escape(text('profiles.report title', lang, title=title))}</title>",
        PAGE_STYLE,
        STYLE,
        "</head><body>",
        f"<h1>{escape(text('profiles.report title', lang, title=title))}</h1>",
        f"<p>{escape(intro)}</p>",
        *profiles_html(table, lang, charts=charts, rank=rank),
        f"<footer><p>tco {escape(__version__)}, {escape(tender.model.id)}</p></footer>",
        "</body></html>",
    ]
    return "\n".join(parts)


def write_profiles_report(
    table: ProfileTable,
    tender: Tender,
    path: str | Path,
    *,
    lang: str | None = None,
    rank: Any = None,
) -> Path:
    """Write :func:`profiles_report_html` to an HTML file."""
    from tco.views.safe import write_output

    return write_output(profiles_report_html(table, tender, lang=lang, rank=rank), path, "report")
