"""The award report: one self-contained HTML file.

It states the method (the formulas and conventions actually used, with the
tender's numbers), the assumptions, the inputs, the results, the charts
(embedded as base64 PNG, so the file needs nothing else) and a fingerprint
of the inputs (:func:`tco.views.fingerprint.fingerprint`) so that the award
can be reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from tco.locale import keys
from tco.views import conventions_text as ct
from tco.views.curves import Crossing, crossings
from tco.views.figures import can_draw
from tco.views.fingerprint import fingerprint
from tco.views.html import (
    PAGE_STYLE,
    STYLE,
    assumption_rows,
    html_table,
    result_html,
    tender_html,
)
from tco.views.i18n import number, percent, quantity_text, resolve, text
from tco.views.labels import group_label, substance_label, word
from tco.views.safe import CSP_META
from tco.views.safe import html_text as escape

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = ["method_items", "method_statement", "report_html", "write_report"]


def _section(lang: str) -> dict[str, str]:
    """The report's prose in ``lang``: the catalogue's ``report.*`` texts by their short key."""
    return {k.removeprefix("report."): text(k, lang) for k in keys("report.")}


def _pct(x: float, lang: str) -> str:
    return percent(x, 2, lang)


def method_statement(result: Result, lang: str | None = None) -> str:
    """The method, as an HTML list of :func:`method_items`.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> method_statement(r).startswith("<ol><li>")
    True
    """
    return "<ol>" + "".join(f"<li>{item}</li>" for item in method_items(result, lang)) + "</ol>"


def method_items(result: Result, lang: str | None = None) -> list[str]:
    """The method, item by item as HTML: every formula and convention this result used.

    Parameters
    ----------
    result : Result
    lang : {"en", "da"}

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> "r = 4.00 % per year" in method_statement(r), "4,00 % pr. år" in method_statement(r, "da")
    (True, True)
    """
    lang = resolve(lang)
    m = _section(lang)
    plan = result.plan
    a = plan.stated
    bids = plan.bids
    periods = [int(p) for p in plan.period]
    items: list[str] = [ct.discount_rate(plan, lang, ct.HTML).html()]
    if len(set(periods)) == 1:
        period = m["period1"].format(p=periods[0])
    else:
        each = ", ".join(
            f"{escape(b)}: {m['years'].format(n=p)}" for b, p in zip(bids, periods, strict=True)
        )
        period = m["periods"].format(list=each)
    items.append(period + m["t"])
    items.append(ct.timing(plan, lang, ct.HTML).html())
    esc = dict(plan.product.escalation)
    esc.update(a.escalation)
    groups = ", ".join(
        f"{escape(group_label(g, lang))}: {escape(quantity_text(v, lang))}" for g, v in esc.items()
    )
    items.append(ct.escalation(plan, groups, lang, ct.HTML).html())
    residual = ct.residual(plan, lang, ct.HTML)
    if plan.lifetime is not None:
        lives = ", ".join(
            f"{escape(b)}: {m['years'].format(n=number(float(life), 2, lang))}"
            for b, life in zip(bids, np.asarray(plan.lifetime), strict=True)
        )
        items.append(f"{m['life'].format(list=lives)} {ct.sentence(residual.text)}.")
    elif plan.residual_value == "share":
        items.append(residual.html())
    unit = plan.product.functional_unit.get(lang)
    items.append(
        m["quantity"].format(q=quantity_text(float(plan.quantity), lang), unit=escape(unit))
    )
    priced = ""
    if plan.emission_prices:
        prices = ct.stated_emission_prices(plan)
        priced = ", ".join(
            m["at"].format(
                s=escape(substance_label(s, lang)),
                price=escape(quantity_text(prices[s], lang) if s in prices else m["by year"]),
            )
            for s in plan.emission_prices
        )
    items.append(ct.externalities(plan, priced, lang).html())
    if plan.bases:
        used = "; ".join(
            f"{escape(b.id)} ({escape(b.title_in(lang))}, {escape(b.edition)}: "
            + escape("; ".join(" ".join(x.split()) for x in b.sources))
            + ")"
            for b in plan.bases
        )
        items.append(m["basis"].format(list=used))
    items.append(ct.present_value(plan.currency, lang, ct.HTML).html())
    factors = np.broadcast_to(np.asarray(result.annuity_factor, dtype=float), (len(bids),))
    seen: dict[int, float] = {}
    for p, f in zip(periods, factors, strict=True):
        seen.setdefault(p, float(f))
    listed = ", ".join(
        m["factor"].format(f=number(f, 4, lang), p=p) for p, f in sorted(seen.items())
    )
    eac = ct.annualisation(plan, lang, ct.HTML).html().removesuffix(".")
    items.append(eac + m["eac factor"].format(list=listed) + ".")
    by = m["by total"] if result.ranked_by == "total" else m["by annualised"]
    items.append(m["rank"].format(by=by))
    return items


def _png(result: Result, kind: str, lang: str) -> str:
    from tco.views.figures import figure_img
    from tco.views.plot import plot

    return figure_img(plot(result, kind, lang=lang).figure, word(kind, lang))


def crossing_text(c: Crossing, lang: str) -> str:
    """One crossing of cumulative costs in words.

    Examples
    --------
    >>> from tco.views.curves import Crossing
    >>> crossing_text(Crossing("A", "B", 6.04, 1.0), "da")
    'A billigere end B fra år 6,0'
    """
    if c.residual:
        return text(
            "crossing residual", lang, cheaper=c.cheaper, dearer=c.dearer, year=f"{c.year:g}"
        )
    return text(
        "crossing from", lang, cheaper=c.cheaper, dearer=c.dearer, year=number(c.year, 1, lang)
    )


def report_html(
    result: Result,
    tender: Tender,
    *,
    lang: str | None = None,
    forms: Sequence[str | Path] = (),
    charts: bool | None = None,
) -> str:
    """The award report as one HTML page.

    Parameters
    ----------
    result : Result
        The evaluated tender.
    tender : Tender
        The tender evaluated (for its inputs and files).
    lang : {"en", "da"}, optional
        Language of the whole report (the chosen language by default).
    forms : sequence of path
        Bid forms the bids were read from, for the fingerprint.
    charts : bool, optional
        Embed the charts. By default they are embedded when matplotlib is
        installed; without it the report says that they are left out.
    """
    lang = resolve(lang)
    drawn = can_draw() if charts is None else charts
    plan = result.plan
    m = _section(lang)
    fp = fingerprint(tender, forms)
    intro = m["intro"].format(
        n=len(plan.bids),
        model=escape(plan.product.id),
        name=escape(plan.product.title.get(lang)),
        version=escape(plan.product.version or m["unversioned"]),
        winner=escape(result.ranking[0]),
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        CSP_META,
        f"<title>{escape(m['title'].format(title=plan.title))}</title>",
        PAGE_STYLE,
        STYLE,
        "</head><body>",
        f"<h1>{escape(plan.title)}</h1>",
        f"<p>{intro}</p>",
        f"<h2>{m['Method']}</h2>",
        method_statement(result, lang),
        f"<h2>{m['Assumptions']}</h2>",
        '<div class="tco">',
        html_table([word("assumption", lang), word("value", lang)], assumption_rows(result, lang)),
        "</div>",
        f"<h2>{m['Inputs']}</h2>",
        tender_html(tender, lang, assumptions=False),
        f"<h2>{m['Results']}</h2>",
        result_html(result, lang),
    ]
    found = crossings(result)
    if found:
        parts.append(f"<p>{m['cross']}</p><ul>")
        parts += [f"<li>{escape(crossing_text(c, lang))}</li>" for c in found]
        parts.append("</ul>")
        if any(c.residual for c in found):
            parts.append(f"<p>{escape(m['residual note'])}</p>")
    if drawn or charts is None:
        parts.append(f"<h2>{m['Charts']}</h2>")
    if drawn:
        for kind in ("breakdown", "cumulative", "emissions"):
            if kind == "emissions" and not result.emissions:
                continue
            parts.append(f"<p>{_png(result, kind, lang)}</p>")
    elif charts is None:
        parts.append(f"<p><em>{escape(m['no charts'])}</em></p>")
    from tco.views.abatement import abatement_html

    parts += abatement_html(result, lang, charts=drawn)
    from tco.views.report_analysis import uncertainty_html

    parts += uncertainty_html(tender, lang, charts=drawn)
    if tender.spec.profiles:  # the same bids under the tender's usage profiles
        from tco.analysis.profiles import profiles
        from tco.views.profiles_html import profiles_html

        parts += profiles_html(profiles(tender), lang, charts=drawn, rank=result.rank)
    parts.append(f"<h2>{m['Fingerprint']}</h2>")
    parts.append(f"<p>{m['fp']}</p>")
    parts.append(
        html_table(
            [m["input"], word("value", lang)], [[k, v] for k, v in fp.items()], caption=None
        ).replace("<table>", '<table class="fingerprint">', 1)
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(
    result: Result,
    tender: Tender,
    path: str | Path,
    *,
    lang: str | None = None,
    forms: Sequence[str | Path] = (),
) -> Path:
    """Write the award report (see :func:`report_html`) to an HTML file."""
    from tco.views.safe import write_output

    return write_output(report_html(result, tender, lang=lang, forms=forms), path, "report")
