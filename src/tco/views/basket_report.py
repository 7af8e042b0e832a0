"""A basket's award report: one self-contained HTML file.

It states the lines and quantities, the method (the basket's sum rule and
ranking rule, then each line's formulas and conventions with the tender's
numbers, :func:`tco.views.report.method_items`), the assumptions, the
ranking on the basket with each line's total, each line's result by cost
category, the inputs, a chart of each bid's basket by line (embedded as a
base64 PNG when matplotlib is installed; left out, and said so, otherwise)
and a fingerprint of the inputs (:func:`tco.views.fingerprint.basket_fingerprint`).
Every text from the tender and the bids is escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tco.views.figures import can_draw
from tco.views.fingerprint import basket_fingerprint
from tco.views.html import (
    PAGE_STYLE,
    STYLE,
    assumption_rows,
    html_table,
    result_html,
    tender_html,
)
from tco.views.i18n import number, resolve, text
from tco.views.report import method_items
from tco.views.safe import CSP_META
from tco.views.safe import html_text as escape

if TYPE_CHECKING:
    from tco.basket import BasketResult

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def basket_assumption_rows(result: BasketResult, lang: str | None = None) -> list[list[str]]:
    """The basket's assumptions as ``[label, value]`` rows; each line's quantity is on its line.

    Examples
    --------
    >>> from tco.basket import basket_example_path, load_basket
    >>> r = load_basket(basket_example_path("copy-print")).evaluate()
    >>> [row[0] for row in basket_assumption_rows(r)][:3]
    ['currency', 'discount rate', 'inflation']
    """
    quantity = text("quantity", lang)
    return [row for row in assumption_rows(result.results[0], lang) if row[0] != quantity]


def _chart(result: BasketResult, lang: str) -> str:
    from tco.views.basket_plot import basket_chart
    from tco.views.figures import figure_img

    return figure_img(basket_chart(result, lang=lang).figure, text("basket.by line", lang))


def _line_head(result: BasketResult, j: int, lang: str) -> str:
    r = result.results[j]
    model = r.plan.product
    return text(
        "basket.line head",
        lang,
        line=result.lines[j],
        quantity=number(float(r.plan.quantity), 0, lang),
        model=f"{model.functional_unit.get(lang)} ({model.id})",
    )


def basket_report_html(
    result: BasketResult, *, lang: str | None = None, charts: bool | None = None
) -> str:
    """The award report of a basket as one HTML page.

    Parameters
    ----------
    result : BasketResult
    lang : {"en", "da"}, optional
    charts : bool, optional
        Embed the chart; by default when matplotlib is installed. Without it
        the report says that the chart is left out.

    Examples
    --------
    >>> from tco.basket import basket_example_path, load_basket
    >>> r = load_basket(basket_example_path("copy-print")).evaluate()
    >>> page = basket_report_html(r, lang="da", charts=False)
    >>> "Rangering på kurven" in page, "Office Partner" in page
    (True, True)
    """
    lang = resolve(lang)
    drawn = can_draw() if charts is None else charts
    basket = result.basket
    cur = result.currency
    title = basket.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        CSP_META,
        f"<title>{escape(text('basket.report title', lang, title=title))}</title>",
        PAGE_STYLE,
        STYLE,
        '</head><body><div class="tco">',
        f"<h1>{escape(title)}</h1>",
        "<p>"
        + text(
            "basket.intro",
            lang,
            n=len(result.bids),
            lines=len(result.lines),
            winner=escape(result.ranking[0]),
        )
        + "</p>",
        f"<h2>{escape(text('basket.Lines', lang))}</h2>",
        html_table(
            [text("line", lang), text("model", lang), text("quantity", lang)],
            [
                [
                    name,
                    f"{r.plan.product.title.get(lang)} ({r.plan.product.id})",
                    number(float(r.plan.quantity), 0, lang),
                ]
                for name, r in zip(result.lines, result.results, strict=True)
            ],
            numeric=[False, False, True],
        ),
        f"<h2>{escape(text('report.Method', lang))}</h2>",
        f"<p>{escape(text('basket.sum rule', lang))}</p>",
        "<p>"
        + escape(text("basket.rank rule", lang, by=text(f"basket.by {result.ranked_by}", lang)))
        + "</p>",
        f"<p>{escape(text('basket.line method', lang))}</p>",
    ]
    # The method's items as HTML (escaped by method_items): those all lines share once,
    # then under each line the ones that differ (quantity, lifetimes of its bids, ...).
    items = [method_items(r, lang) for r in result.results]
    common = [item for item in items[0] if all(item in other for other in items[1:])]
    parts.append("<ol>" + "".join(f"<li>{item}</li>" for item in common) + "</ol>")
    for j, own in enumerate(items):
        differ = [item for item in own if item not in common]
        if differ:
            parts.append(f"<h3>{escape(_line_head(result, j, lang))}</h3>")
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in differ) + "</ul>")
    parts += [
        f"<h2>{escape(text('report.Assumptions', lang))}</h2>",
        html_table(
            [text("assumption", lang), text("value", lang)],
            basket_assumption_rows(result, lang),
        ),
        f"<h2>{escape(text('basket.Ranking', lang))}</h2>",
    ]
    head = [
        text("rank", lang),
        text("bid", lang),
        f"{text('basket', lang)} [{cur}]",
        f"{text('per year', lang)} [{cur}/{text('year', lang)}]",
        *(f"{name} [{cur}]" for name in result.lines),
    ]
    rows = [
        [
            str(row["rank"]),
            row["bid"],
            number(row["total"], 0, lang),
            number(row["annualised"], 0, lang),
            *(number(line["total"], 0, lang) for line in row["lines"]),
        ]
        for row in result.summary()
    ]
    parts.append(html_table(head, rows, numeric=[True, False] + [True] * (len(head) - 2)))
    if drawn:
        parts.append(f"<p>{_chart(result, lang)}</p>")
    elif charts is None:
        parts.append(f"<p><em>{escape(text('report.no charts', lang))}</em></p>")
    parts.append(f"<h2>{escape(text('basket.Per line', lang))}</h2>")
    for j, r in enumerate(result.results):
        parts += [f"<h3>{escape(_line_head(result, j, lang))}</h3>", result_html(r, lang)]
    parts.append(f"<h2>{escape(text('report.Inputs', lang))}</h2>")
    for j, tender in enumerate(basket.tenders):
        parts += [
            f"<h3>{escape(_line_head(result, j, lang))}</h3>",
            tender_html(tender, lang, assumptions=False),
        ]
    fp = basket_fingerprint(basket)
    parts += [
        f"<h2>{escape(text('report.Fingerprint', lang))}</h2>",
        f"<p>{text('report.fp', lang)}</p>",
        html_table(
            [text("report.input", lang), text("value", lang)], [[k, v] for k, v in fp.items()]
        ).replace("<table>", '<table class="fingerprint">', 1),
        "</div></body></html>",
    ]
    return "\n".join(parts)


def write_basket_report(result: BasketResult, path: str | Path, *, lang: str | None = None) -> Path:
    """Write a basket's award report (see :func:`basket_report_html`) to an HTML file."""
    from tco.views.safe import write_output

    return write_output(basket_report_html(result, lang=lang), path, "report")
