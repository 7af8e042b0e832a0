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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.errors import FileError
from tco.views.curves import crossings
from tco.views.fingerprint import fingerprint
from tco.views.html import STYLE, assumption_rows, html_table, result_html, tender_html
from tco.views.labels import word
from tco.views.safe import CSP_META
from tco.views.safe import html_text as escape

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

#: The report's prose per language; ``{...}`` are filled in with the tender's numbers.
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "end": "at the end of the year: d(t) = (1 + r)<sup>−t</sup>",
        "mid": "in the middle of the year: d(t) = (1 + r)<sup>−(t − 0.5)</sup>",
        "begin": "at the beginning of the year: d(t) = (1 + r)<sup>−(t − 1)</sup>",
        "rate": "<strong>Discount rate.</strong> r = {r} per year, real (constant prices of "
        "year 0)",
        "nominal": ", from the nominal rate {n} and inflation i = {i} by the Fisher relation "
        "r = (1 + n) / (1 + i) − 1",
        "period1": "<strong>Study period.</strong> P = {p} years, the same for every bid.",
        "periods": "<strong>Study period.</strong> P = each bid's own lifetime ({list}).",
        "years": "{n} years",
        "t": " Year 0 is the decision date; year t is the t-th year of use.",
        "timing": "<strong>Timing.</strong> Purchases fall in year 0; annual amounts in "
        "years 1 … P, discounted {when}. One-off events (replacements, disposal, residual "
        "value) are booked in the year they fall in, rounded up, and discounted at its end: "
        "d(t) = (1 + r)<sup>−t</sup>.",
        "esc": "<strong>Escalation.</strong> Prices of escalated items follow an index: "
        "amount(t) = quoted amount × Π<sub>k≤t</sub> (1 + e<sub>k</sub>), with rates {groups}. "
        "Quoted prices are year-{y} prices (the index is 1 in year {y}).",
        "no esc": "<strong>Escalation.</strong> No item escalates: every amount stays at its "
        "quoted price in real terms.",
        "life": "<strong>Lifetime and residual value.</strong> One unit lasts L years "
        "({list}); its purchase recurs at each end of life within the period.",
        "linear": " The last unit's remaining value is credited at the period's end as a "
        "negative cost: its price × (s + L − P) / L, s being the year it was bought (linear "
        "residual value).",
        "no residual": " No residual value is credited.",
        "quantity": "<strong>Quantity.</strong> Q = {q} × {unit}; every item per unit is "
        "multiplied by Q.",
        "priced": "<strong>Externalities.</strong> Emissions are priced (mass × price) in the "
        "category externalities: {list}; totals are also shown without them.",
        "at": "{s} at {price}",
        "by year": "(year by year)",
        "unpriced": "<strong>Externalities.</strong> No emission is priced; emissions are "
        "reported in kg only.",
        "pv": "<strong>Present value.</strong> "
        '<span class="f">PV<sub>b</sub> = Σ<sub>items i</sub> Σ<sub>t=0…P</sub> '
        "C<sub>b,i,t</sub> · d(t)</span> in {cur}; costs positive, resale and residual value "
        "negative.",
        "eac": "<strong>Annualised cost.</strong> "
        '<span class="f">EAC<sub>b</sub> = PV<sub>b</sub> / Σ<sub>t=1…P</sub> d(t)</span>; '
        "the factor Σ d(t) is {list}.",
        "factor": "{f:.4f} years for {p} years",
        "rank": "<strong>Ranking.</strong> By {by}, lowest first; bids equal to the cent "
        "share a rank.",
        "by total": "present value",
        "by annualised": "annualised cost (the bids' periods differ)",
        "title": "{title}: life-cycle cost award report",
        "intro": "Life-cycle cost (total cost of ownership) evaluation of {n} bids with the "
        "product model <code>{model}</code> ({name}, version {version}). Lowest cost: "
        "<strong>{winner}</strong>.",
        "unversioned": "unversioned",
        "Method": "Method",
        "Assumptions": "Assumptions",
        "Inputs": "Inputs",
        "Results": "Results",
        "Charts": "Charts",
        "Fingerprint": "Fingerprint",
        "cross": "Where the cumulative discounted costs cross:",
        "fp": "Evaluating the same files with the same version of tco reproduces these "
        "numbers. SHA-256 hashes:",
        "input": "input",
    },
    "da": {
        "end": "ved årets slutning: d(t) = (1 + r)<sup>−t</sup>",
        "mid": "midt i året: d(t) = (1 + r)<sup>−(t − 0.5)</sup>",
        "begin": "ved årets begyndelse: d(t) = (1 + r)<sup>−(t − 1)</sup>",
        "rate": "<strong>Kalkulationsrente.</strong> r = {r} pr. år, real (faste priser i år 0)",
        "nominal": ", beregnet af den nominelle rente {n} og inflationen i = {i} med "
        "Fisher-relationen r = (1 + n) / (1 + i) − 1",
        "period1": "<strong>Analyseperiode.</strong> P = {p} år, den samme for alle tilbud.",
        "periods": "<strong>Analyseperiode.</strong> P = hvert tilbuds egen levetid ({list}).",
        "years": "{n} år",
        "t": " År 0 er beslutningstidspunktet; år t er det t'te brugsår.",
        "timing": "<strong>Tidspunkter.</strong> Indkøb sker i år 0; årlige beløb i år 1 … P, "
        "tilbagediskonteret {when}. Enkeltstående hændelser (udskiftning, bortskaffelse, "
        "restværdi) bogføres i det år de falder i, rundet op, og tilbagediskonteres ved dets "
        "slutning: d(t) = (1 + r)<sup>−t</sup>.",
        "esc": "<strong>Prisudvikling.</strong> Priser på poster med prisudvikling følger et "
        "indeks: beløb(t) = tilbudt beløb × Π<sub>k≤t</sub> (1 + e<sub>k</sub>), med "
        "satserne {groups}. Tilbudte priser er år-{y}-priser (indekset er 1 i år {y}).",
        "no esc": "<strong>Prisudvikling.</strong> Ingen poster har prisudvikling: alle beløb "
        "står i faste priser.",
        "life": "<strong>Levetid og restværdi.</strong> Én enhed holder L år ({list}); den "
        "købes igen ved hver levetids udløb inden for perioden.",
        "linear": " Den sidste enheds restværdi krediteres ved periodens slutning som en "
        "negativ omkostning: prisen × (s + L − P) / L, hvor s er året den blev købt "
        "(lineær restværdi).",
        "no residual": " Der krediteres ingen restværdi.",
        "quantity": "<strong>Antal.</strong> Q = {q} × {unit}; alle poster pr. enhed ganges med Q.",
        "priced": "<strong>Eksterne omkostninger.</strong> Udledninger prissættes (masse × "
        "pris) i kategorien eksterne omkostninger: {list}; totalerne vises også uden dem.",
        "at": "{s} til {price}",
        "by year": "(år for år)",
        "unpriced": "<strong>Eksterne omkostninger.</strong> Ingen udledninger prissættes; "
        "de opgøres kun i kg.",
        "pv": "<strong>Nutidsværdi.</strong> "
        '<span class="f">NV<sub>b</sub> = Σ<sub>poster i</sub> Σ<sub>t=0…P</sub> '
        "C<sub>b,i,t</sub> · d(t)</span> i {cur}; omkostninger positive, salg og restværdi "
        "negative.",
        "eac": "<strong>TCO pr. år.</strong> "
        '<span class="f">TCO/år<sub>b</sub> = NV<sub>b</sub> / Σ<sub>t=1…P</sub> d(t)</span>; '
        "faktoren Σ d(t) er {list}.",
        "factor": "{f:.4f} år for {p} år",
        "rank": "<strong>Rangering.</strong> Efter {by}, laveste først; tilbud der er ens "
        "på øret deler plads.",
        "by total": "nutidsværdi",
        "by annualised": "TCO pr. år (tilbuddenes perioder er forskellige)",
        "title": "{title}: TCO-rapport til tildeling",
        "intro": "Totalomkostningsvurdering (TCO) af {n} tilbud med produktmodellen "
        "<code>{model}</code> ({name}, version {version}). Laveste omkostning: "
        "<strong>{winner}</strong>.",
        "unversioned": "uden version",
        "Method": "Metode",
        "Assumptions": "Forudsætninger",
        "Inputs": "Inddata",
        "Results": "Resultater",
        "Charts": "Diagrammer",
        "Fingerprint": "Fingeraftryk",
        "cross": "Hvor de akkumulerede tilbagediskonterede omkostninger krydser hinanden:",
        "fp": "Samme filer evalueret med samme version af tco giver de samme tal. SHA-256-værdier:",
        "input": "inddata",
    },
}


def _pct(x: float) -> str:
    # One decimal point in every language, as in the tables beside it.
    return f"{x * 100:.2f} %"


def method_statement(result: Result, lang: str = "en") -> str:
    """The method, as HTML: every formula and convention this result used.

    Parameters
    ----------
    result : Result
    lang : {"en", "da"}

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> "r = 4.00 % per year" in method_statement(r), "4.00 % pr. år" in method_statement(r, "da")
    (True, True)
    """
    m = TEXT.get(lang, TEXT["en"])
    plan = result.plan
    a = plan.assumptions
    bids = plan.bids
    periods = [int(p) for p in plan.period]
    items: list[str] = []
    rate = m["rate"].format(r=_pct(plan.discount_rate))
    if a.rate_type == "nominal":
        rate += m["nominal"].format(n=escape(str(a.discount_rate)), i=_pct(plan.inflation))
    items.append(rate + ".")
    if len(set(periods)) == 1:
        period = m["period1"].format(p=periods[0])
    else:
        each = ", ".join(
            f"{escape(b)}: {m['years'].format(n=p)}" for b, p in zip(bids, periods, strict=True)
        )
        period = m["periods"].format(list=each)
    items.append(period + m["t"])
    items.append(m["timing"].format(when=m.get(plan.discounting, m["end"])))
    esc = dict(plan.model.spec.escalation)
    esc.update(a.escalation)
    if esc:
        groups = ", ".join(f"{escape(g)}: {escape(str(v))}" for g, v in esc.items())
        items.append(m["esc"].format(groups=groups, y=plan.price_year))
    else:
        items.append(m["no esc"])
    if plan.lifetime is not None:
        lives = ", ".join(
            f"{escape(b)}: {m['years'].format(n=f'{float(life):.2f}')}"
            for b, life in zip(bids, np.asarray(plan.lifetime), strict=True)
        )
        life = m["life"].format(list=lives)
        life += m["linear"] if plan.residual_value == "linear" else m["no residual"]
        items.append(life)
    unit = plan.model.spec.functional_unit.get(lang)
    items.append(m["quantity"].format(q=f"{plan.quantity:g}", unit=escape(unit)))
    if plan.emission_prices:
        prices: dict[str, object] = dict(a.emission_prices)
        if a.co2_price is not None:
            prices.setdefault("co2e", a.co2_price)
        priced = ", ".join(
            m["at"].format(s=escape(s), price=escape(str(prices.get(s, m["by year"]))))
            for s in plan.emission_prices
        )
        items.append(m["priced"].format(list=priced))
    else:
        items.append(m["unpriced"])
    items.append(m["pv"].format(cur=escape(plan.currency)))
    factors = np.broadcast_to(np.asarray(result.annuity_factor, dtype=float), (len(bids),))
    seen: dict[int, float] = {}
    for p, f in zip(periods, factors, strict=True):
        seen.setdefault(p, float(f))
    listed = ", ".join(m["factor"].format(f=f, p=p) for p, f in sorted(seen.items()))
    items.append(m["eac"].format(list=listed))
    by = m["by total"] if result.ranked_by == "total" else m["by annualised"]
    items.append(m["rank"].format(by=by))
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


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
    m = TEXT.get(lang, TEXT["en"])
    fp = fingerprint(tender, forms)
    intro = m["intro"].format(
        n=len(plan.bids),
        model=escape(plan.model.id),
        name=escape(plan.model.spec.title.get(lang)),
        version=escape(plan.model.spec.version or m["unversioned"]),
        winner=escape(result.ranking[0]),
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        CSP_META,
        f"<title>{escape(m['title'].format(title=plan.title))}</title>",
        _PAGE_STYLE,
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
        parts.append(f"<h2>{m['Charts']}</h2>")
        for kind in ("breakdown", "cumulative", "emissions"):
            if kind == "emissions" and not result.emissions:
                continue
            parts.append(f"<p>{_png(result, kind, lang)}</p>")
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
    lang: str = "en",
    forms: Sequence[str | Path] = (),
) -> Path:
    """Write the award report (see :func:`report_html`) to an HTML file."""
    out = Path(path)
    text = report_html(result, tender, lang=lang, forms=forms)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FileError(
            f"cannot write the report ({exc.strerror or exc})",
            file=str(path),
            expected="a writable file path",
        ) from None
    return out
