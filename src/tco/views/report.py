"""The award report: one self-contained HTML file.

It states the method (the formulas and conventions actually used, with the
tender's numbers), the assumptions, the inputs, the results, the charts
(embedded as base64 PNG, so the file needs nothing else) and a fingerprint
of the inputs (:func:`tco.views.fingerprint.fingerprint`) so that the award
can be reproduced.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.views.curves import crossings
from tco.views.fingerprint import fingerprint
from tco.views.html import _STYLE, assumption_rows, html_table, result_html, tender_html
from tco.views.labels import word

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = ["method_statement", "report_html", "write_report"]

_PAGE_STYLE = (
    "<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;"
    "padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;"
    "margin-top:1.6em}code,.f,.fingerprint td{font-family:ui-monospace,monospace}"
    ".f{background:#f6f6f6;padding:0.1em 0.5em;display:inline-block}img{max-width:100%}</style>"
)

_TIMING = {
    "end": ("end of year", "(1 + r)<sup>−t</sup>"),
    "mid": ("middle of year", "(1 + r)<sup>−(t − 0.5)</sup>"),
    "begin": ("beginning of year", "(1 + r)<sup>−(t − 1)</sup>"),
}


def method_statement(result: Result) -> str:
    """The method, as HTML: every formula and convention this result used.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> "r = 4.00 %" in method_statement(r)
    True
    """
    plan = result.plan
    a = plan.assumptions
    r = plan.discount_rate
    when, factor = _TIMING.get(plan.discounting, _TIMING["end"])
    periods = sorted({int(p) for p in plan.period})
    cur = plan.currency
    unit = plan.model.spec.functional_unit.en
    parts = ["<ol>"]
    rate_line = f"r = {r * 100:.2f} % per year, real (constant prices of year 0)"
    if a.rate_type == "nominal":
        rate_line += (
            f", from the nominal rate {escape(str(a.discount_rate))} and inflation "
            f"i = {plan.inflation * 100:.2f} % by the Fisher relation r = (1 + n) / (1 + i) − 1"
        )
    parts.append(f"<li><strong>Discount rate.</strong> {rate_line}.</li>")
    if len(periods) == 1:
        period = f"P = {periods[0]} years, the same for every bid"
    else:
        period = (
            "P = each bid's own lifetime ("
            + ", ".join(
                f"{escape(b)}: {int(p)} years" for b, p in zip(plan.bids, plan.period, strict=True)
            )
            + ")"
        )
    parts.append(
        f"<li><strong>Study period.</strong> {period}. Year 0 is the decision date; "
        "year t is the t-th year of use.</li>"
    )
    parts.append(
        f"<li><strong>Timing.</strong> Purchases fall in year 0; annual amounts in years "
        f"1 … P, discounted at the {when}: d(t) = {factor}. One-off events (replacements, "
        "disposal, residual value) are booked in the year they fall in, rounded up, and "
        "discounted at its end: d(t) = (1 + r)<sup>−t</sup>.</li>"
    )
    esc = dict(plan.model.spec.escalation)
    esc.update(a.escalation)
    if esc:
        groups = ", ".join(f"{escape(g)}: {escape(str(v))}" for g, v in esc.items())
        esc_text = (
            f"Prices of escalated items follow an index: amount(t) = quoted amount × "
            f"Π<sub>k≤t</sub> (1 + e<sub>k</sub>), with rates {groups}. Quoted prices are "
            f"year-{plan.price_year} prices (the index is 1 in year {plan.price_year})."
        )
    else:
        esc_text = "No item escalates: every amount stays at its quoted price in real terms."
    parts.append(f"<li><strong>Escalation.</strong> {esc_text}</li>")
    if plan.lifetime is not None:
        lives = ", ".join(
            f"{escape(b)}: {float(life):.2f} years"
            for b, life in zip(plan.bids, np.asarray(plan.lifetime), strict=True)
        )
        life_text = (
            f"One unit lasts L years ({lives}); its purchase recurs at each end of life "
            "within the period."
        )
        if plan.residual_value == "linear":
            life_text += (
                " The last unit's remaining value is credited at the period's end as a "
                "negative cost: its price × (s + L − P) / L, s being the year it was bought "
                "(linear residual value)."
            )
        else:
            life_text += " No residual value is credited."
        parts.append(f"<li><strong>Lifetime and residual value.</strong> {life_text}</li>")
    parts.append(
        f"<li><strong>Quantity.</strong> Q = {plan.quantity:g} × {escape(unit)}; every item "
        "per unit is multiplied by Q.</li>"
    )
    if plan.emission_prices:
        prices = dict(a.emission_prices)
        if a.co2_price is not None:
            prices.setdefault("co2e", a.co2_price)
        priced = ", ".join(
            f"{escape(s)} at {escape(str(prices.get(s, '(year-by-year)')))}"
            for s in plan.emission_prices
        )
        ext = (
            f"Emissions are priced (mass × price) in the category externalities: {priced}; "
            "totals are also shown without them."
        )
    else:
        ext = "No emission is priced; emissions are reported in kg only."
    parts.append(f"<li><strong>Externalities.</strong> {ext}</li>")
    parts.append(
        "<li><strong>Present value.</strong> "
        '<span class="f">PV<sub>b</sub> = Σ<sub>items i</sub> Σ<sub>t=0…P</sub> '
        "C<sub>b,i,t</sub> · d(t)</span> in " + escape(cur) + ", costs positive, resale and "
        "residual value negative.</li>"
    )
    parts.append(
        "<li><strong>Annualised cost.</strong> "
        '<span class="f">EAC<sub>b</sub> = PV<sub>b</sub> / Σ<sub>t=1…P</sub> d(t)</span>'
        f"; for {periods[0]} years the factor is "
        f"{float(np.asarray(result.annuity_factor).ravel()[0]):.4f} years.</li>"
    )
    by = "present value" if result.ranked_by == "total" else "annualised cost"
    parts.append(
        f"<li><strong>Ranking.</strong> By {by}, lowest first; bids equal to the cent share "
        "a rank.</li>"
    )
    parts.append("</ol>")
    return "".join(parts)


def _png(result: Result, kind: str, lang: str) -> str:
    from tco.views.plot import plot

    ax = plot(result, kind, lang=lang)
    buf = io.BytesIO()
    fig: Any = ax.figure
    fig.savefig(buf, format="png", dpi=100)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{escape(kind)}" src="data:image/png;base64,{data}">'


def report_html(
    result: Result,
    tender: Tender,
    *,
    lang: str = "en",
    forms: Sequence[str | Path] = (),
    charts: bool = True,
) -> str:
    """The award report as one HTML page.

    Parameters
    ----------
    result : Result
        The evaluated tender.
    tender : Tender
        The tender evaluated (for its inputs and files).
    lang : {"en", "da"}
        Language of the tables.
    forms : sequence of path
        Bid forms the bids were read from, for the fingerprint.
    charts : bool
        Embed the charts (needs matplotlib).
    """
    plan = result.plan
    fp = fingerprint(tender, forms)
    winner = result.ranking[0]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(plan.title)}: life-cycle cost award report</title>",
        _PAGE_STYLE,
        _STYLE,
        "</head><body>",
        f"<h1>{escape(plan.title)}</h1>",
        f"<p>Life-cycle cost (total cost of ownership) evaluation of {len(plan.bids)} bids "
        f"with the product model <code>{escape(plan.model.id)}</code> "
        f"({escape(plan.model.spec.title.get(lang))}, version "
        f"{escape(plan.model.spec.version or 'unversioned')}). Lowest cost: "
        f"<strong>{escape(winner)}</strong>.</p>",
        "<h2>Method</h2>",
        method_statement(result),
        "<h2>Assumptions</h2>",
        '<div class="tco">',
        html_table([word("assumption", lang), word("value", lang)], assumption_rows(result, lang)),
        "</div>",
        "<h2>Inputs</h2>",
        tender_html(tender, lang, assumptions=False),
        "<h2>Results</h2>",
        result_html(result, lang),
    ]
    found = crossings(result)
    if found:
        parts.append("<p>Where the cumulative discounted costs cross:</p><ul>")
        for c in found:
            parts.append(
                "<li>"
                + escape(
                    word("crossing", lang).format(cheaper=c.cheaper, dearer=c.dearer, year=c.year)
                )
                + "</li>"
            )
        parts.append("</ul>")
    if charts:
        parts.append("<h2>Charts</h2>")
        for kind in ("breakdown", "cumulative", "emissions"):
            if kind == "emissions" and not result.emissions:
                continue
            parts.append(f"<p>{_png(result, kind, lang)}</p>")
    parts.append("<h2>Fingerprint</h2>")
    parts.append(
        "<p>Evaluating the same files with the same version of tco reproduces these "
        "numbers. SHA-256 hashes:</p>"
    )
    parts.append(
        html_table(["input", "value"], [[k, v] for k, v in fp.items()], caption=None).replace(
            "<table>", '<table class="fingerprint">', 1
        )
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(
    result: Result,
    tender: Tender,
    path: str | Path,
    *,
    lang: str = "en",
    forms: Sequence[str | Path] = (),
) -> Path:
    """Write the award report (see :func:`report_html`) to an HTML file."""
    out = Path(path)
    out.write_text(report_html(result, tender, lang=lang, forms=forms), encoding="utf-8")
    return out
