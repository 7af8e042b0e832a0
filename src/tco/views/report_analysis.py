"""The award report's uncertainty section: sensitivity, scenarios and Monte Carlo.

Included when the tender has an ``uncertainty`` or a ``scenarios`` section, so
that the report shows how firm the ranking is under the tender's own stated
uncertainty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tco.views.html import html_table
from tco.views.i18n import number, percent, significant, text, unit_text
from tco.views.labels import input_labels
from tco.views.safe import html_text as escape

if TYPE_CHECKING:
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Inputs shown in the report's sensitivity table.
TOP_INPUTS = 8


def uncertainty_html(tender: Tender, lang: str, *, charts: bool) -> list[str]:
    """HTML parts of the uncertainty section, empty when the tender states no uncertainty.

    Parameters
    ----------
    tender : Tender
    lang : {"en", "da"}
    charts : bool
        Embed the tornado and Monte Carlo charts (needs matplotlib).

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    >>> parts = uncertainty_html(t, "da", charts=False)
    >>> parts[0]
    '<h2>Usikkerhed</h2>'
    """
    spec = tender.spec
    if not spec.uncertainty and not spec.scenarios:
        return []
    parts = [f"<h2>{escape(text('report.Uncertainty', lang))}</h2>"]
    if spec.uncertainty:
        parts += _sensitivity(tender, lang, charts=charts)
        parts += _montecarlo(tender, lang, charts=charts)
    if spec.scenarios:
        parts += _scenarios(tender, lang)
    return parts


def _img(fig: object, alt: str) -> str:
    from tco.views.figures import figure_img

    return f"<p>{figure_img(fig, alt)}</p>"


def _sensitivity(tender: Tender, lang: str, *, charts: bool) -> list[str]:
    from tco.analysis.oneway import sensitivity

    t = sensitivity(tender)
    cheapest = t.bids[int(t.base.argmin())]
    labels = input_labels(tender.model, lang)
    rows = []
    for r in t.for_bid(cheapest)[:TOP_INPUTS]:
        span = f"{significant(r['low'], 6, lang)} .. {significant(r['high'], 6, lang)}"
        rows.append(
            [
                labels.get(r["input"], r["label"]),
                f"{span} {unit_text(r['unit'], lang)}".strip(),
                number(r["total_low"], 0, lang),
                number(r["total_high"], 0, lang),
                number(r["swing"], 0, lang),
            ]
        )
    cur = t.currency
    head = [
        text("cli.input", lang),
        text("cli.low high", lang),
        f"{text('cli.at low', lang)} [{cur}]",
        f"{text('cli.at high', lang)} [{cur}]",
        f"{text('cli.swing', lang)} [{cur}]",
    ]
    parts = [
        f"<p>{escape(text('report.sensitivity', lang, bid=cheapest))}</p>",
        '<div class="tco">',
        html_table(head, rows, numeric=[False, True, True, True, True]),
        "</div>",
    ]
    if charts:
        from tco.views.plot_analysis import tornado

        parts.append(_img(tornado(t, cheapest, labels=labels, lang=lang).figure, "tornado"))
    return parts


def _montecarlo(tender: Tender, lang: str, *, charts: bool) -> list[str]:
    from tco.analysis.montecarlo import monte_carlo

    mc = monte_carlo(tender)
    q = (5.0, 50.0, 95.0)
    cur = mc.currency
    head = [
        text("bid", lang),
        f"{text('cli.deterministic', lang)} [{cur}]",
        f"{text('cli.mean', lang)} [{cur}]",
        *(f"p{x:g} [{cur}]" for x in q),
        text("cli.p cheapest", lang),
    ]
    rows = [
        [
            r["bid"],
            number(r["deterministic"], 0, lang),
            number(r["mean"], 0, lang),
            *(number(r[f"p{x:g}"], 0, lang) for x in q),
            percent(r["p_cheapest"], 1, lang),
        ]
        for r in mc.summary(q)
    ]
    intro = text("report.montecarlo", lang, n=number(mc.samples, 0, lang), seed=mc.seed)
    parts = [
        f"<p>{escape(intro)}</p>",
        '<div class="tco">',
        html_table(head, rows, numeric=[False] + [True] * (len(head) - 1)),
        "</div>",
    ]
    if charts:
        from tco.views.plot_analysis import montecarlo_figure

        parts.append(_img(montecarlo_figure(mc, lang), "Monte Carlo"))
    return parts


def _scenarios(tender: Tender, lang: str) -> list[str]:
    from tco.analysis.oneway import scenarios

    s = scenarios(tender)
    head = [
        text("cli.scenario", lang),
        *(f"{b} [{s.currency}]" for b in s.bids),
        text("cli.cheapest", lang),
    ]
    rows = [
        [r["scenario"], *(number(r[b], 0, lang) for b in s.bids), r["cheapest"]] for r in s.rows()
    ]
    return [
        f"<h3>{escape(text('report.Scenarios', lang))}</h3>",
        f"<p>{escape(text('report.scenarios', lang))}</p>",
        '<div class="tco">',
        html_table(head, rows, numeric=[False] + [True] * len(s.bids) + [False]),
        "</div>",
    ]
