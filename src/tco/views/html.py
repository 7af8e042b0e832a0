"""HTML views of tenders and results, for notebooks and reports.

:meth:`tco.result.Result._repr_html_` and :meth:`tco.tender.Tender._repr_html_`
call :func:`result_html` and :func:`tender_html`, so a notebook shows a
ranked table with the breakdown by category, the units and the currency.

Examples
--------
>>> import tco
>>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
>>> "<th>total [DKK]</th>" in result_html(r)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.engine.conventions import counts_in_award, option
from tco.views.i18n import number, percent, quantity_text, resolve, unit_text
from tco.views.labels import (
    category_label,
    group_label,
    item_label,
    mass_unit,
    parameter_label,
    substance_label,
    word,
)
from tco.views.safe import html_text as escape
from tco.views.table import annualised_note, table_title

if TYPE_CHECKING:
    from tco.plan import Plan
    from tco.result import Result
    from tco.tender import Tender

__all__ = [
    "PAGE_STYLE",
    "STYLE",
    "assumption_rows",
    "html_table",
    "rate_text",
    "result_html",
    "tender_html",
]

#: The style of a page of its own (an award report): its body, headings, code and charts.
PAGE_STYLE = (
    "<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;"
    "padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;"
    "margin-top:1.6em}code,.f,.fingerprint td{font-family:ui-monospace,monospace}"
    ".f{background:#f6f6f6;padding:0.1em 0.5em;display:inline-block}img{max-width:100%}</style>"
)

STYLE = (
    "<style>.tco table{border-collapse:collapse;margin:0.4em 0}"
    ".tco th,.tco td{padding:2px 8px;border-bottom:1px solid #ddd}"
    ".tco td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".tco caption{text-align:left;font-weight:bold}</style>"
)


def html_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    numeric: Sequence[bool] | None = None,
    caption: str | None = None,
) -> str:
    """An HTML table; cells are escaped, numeric columns aligned right.

    Examples
    --------
    >>> t = html_table(["a", "b"], [["x<y", "1"]], numeric=[False, True])
    >>> t[t.index("<tbody>") :]
    '<tbody><tr><td>x&lt;y</td><td class="n">1</td></tr></tbody></table>'
    """
    num = list(numeric) if numeric is not None else [False] * len(head)
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>")
    out.append("<tbody>")
    # Rows repeat their cells (a number, a default value): each text is escaped once.
    seen: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for row in rows:
        cells = ["<tr>"]
        for right, c in zip(num, row, strict=False):
            text = c if isinstance(c, str) else str(c)
            done = seen[right].get(text)
            if done is None:
                td = '<td class="n">' if right else "<td>"
                done = seen[right][text] = f"{td}{escape(text)}</td>"
            cells.append(done)
        cells.append("</tr>")
        out.append("".join(cells))
    out.append("</tbody></table>")
    return "".join(out)


def result_html(result: Result, lang: str | None = None, *, items: bool = True) -> str:
    """A ranked summary of a result as HTML.

    One row per bid, cheapest first: rank, name, present value, annualised
    cost, one column per cost category and one per emitted substance; every
    header names its unit. With ``items``, a second table breaks the present
    value down by item.

    Parameters
    ----------
    result : Result
    lang : {"en", "da"}, optional
        The chosen language (:func:`tco.set_language`) when not given.
    items : bool
        Add the breakdown by item.
    """
    lang = resolve(lang)

    def _money(v: float) -> str:
        return number(v, 0, lang)

    plan = result.plan
    cur = result.currency
    cats = list(result.by_category)
    subs = list(result.emissions)
    biggest = max((float(abs(v).max()) for v in result.emissions.values()), default=0.0)
    munit, msize = mass_unit(biggest)
    head = [
        word("rank", lang),
        word("bid", lang),
        f"{word('total', lang)} [{cur}]",
        f"{word('per year', lang)} [{cur}/{word('year', lang)}]",
    ]
    own = len({int(p) for p in plan.period}) > 1
    if own:
        head.append(f"{word('period col', lang)} [{word('year', lang)}]")
    priced = "externalities" in cats
    # the total the award does not rank, shown beside it (the engine's rule)
    other = "excl" if counts_in_award(result.externalities_rule) else "incl"
    if priced:
        head.append(f"{word(f'total {other}', lang)} [{cur}]")
        head.append(f"{word(f'per year {other}', lang)} [{cur}/{word('year', lang)}]")
    head += [
        *(f"{category_label(c, lang)} [{cur}]" for c in cats),
        *(f"{substance_label(s, lang)} [{munit}]" for s in subs),
    ]
    rows = []
    for row in result.summary():
        rows.append(
            [
                row["rank"],
                row["bid"],
                _money(row["total"]),
                _money(row["annualised"]),
                *([number(row["period"], 0, lang)] if own else []),
                *(
                    [
                        _money(row[f"total_{other}_externalities"]),
                        _money(row[f"annualised_{other}_externalities"]),
                    ]
                    if priced
                    else []
                ),
                *(_money(row[c]) for c in cats),
                *(number(row[f"{s}_kg"] / msize, 1, lang) for s in subs),
            ]
        )
    numeric = [True, False] + [True] * (len(head) - 2)
    title = table_title(result, lang)
    by = word("by total" if result.ranked_by == "total" else "by annualised", lang)
    parts = [
        STYLE,
        '<div class="tco">',
        f"<p><strong>{escape(title)}</strong></p>",
        html_table(head, rows, numeric=numeric),
        f"<p>{escape(word('ranked', lang).format(by=by))}.</p>",
        f"<p>{escape(annualised_note(result, lang))}</p>",
    ]
    if items:
        order = [int(b) for b in np.argsort(result.rank, kind="stable")]  # as the summary
        ihead = [
            word("item", lang),
            word("category", lang),
            *(f"{result.bids[b]} [{cur}]" for b in order),
        ]
        irows = [
            [
                item_label(result, name, lang),
                category_label(cat, lang),
                *(_money(float(result.pv_by_item[b, i])) for b in order),
            ]
            for i, (name, cat) in enumerate(zip(result.items, result.categories, strict=True))
        ]
        parts.append(
            html_table(
                ihead,
                irows,
                numeric=[False, False] + [True] * len(order),
                caption=f"{word('present value', lang)} / {word('item', lang)}",
            )
        )
    parts.append("</div>")
    return "".join(parts)


def rate_text(plan: Plan, lang: str | None = None) -> str:
    """The discount rate as people read it: one rate, or the schedule's bands by year.

    Examples
    --------
    >>> import tco
    >>> rate_text(tco.load_tender(tco.example_path("indoor-lighting")).plan)
    '4.00 %'
    """
    if plan.discount_path is None:
        return percent(plan.discount_rate, 2, lang)
    path = plan.discount_path[: plan.T]
    parts: list[str] = []
    start = 0
    for t in range(1, len(path) + 1):
        if t == len(path) or path[t] != path[start]:
            years = f"{start + 1}-{t}" if t > start + 1 else f"{start + 1}"
            parts.append(f"{percent(float(path[start]), 2, lang)} ({word('year', lang)} {years})")
            start = t
    return ", ".join(parts)


def assumption_rows(tender_or_result: Tender | Result, lang: str | None = None) -> list[list[str]]:
    """The assumptions the numbers rest on, as rows of (assumption, value).

    Values are those used, after the model's defaults and the tender's
    overrides are merged, written in ``lang``.

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> dict(assumption_rows(t))["discount rate"]
    '4.00 % real'
    >>> dict(assumption_rows(t, "da"))["prisudvikling: el"]
    '1,67 %/år'
    """
    lang = resolve(lang)
    plan = tender_or_result.plan
    a = plan.stated
    periods = sorted({int(p) for p in plan.period})
    period = (
        word("years", lang).format(n=periods[0])
        if len(periods) == 1
        else f"{word('own', lang)}: " + ", ".join(str(p) for p in periods)
    )

    def w(key: str) -> str:
        return word(key, lang)

    def q(raw: object) -> str:
        return quantity_text(raw, lang)

    conventions = {
        "timing": plan.discounting,
        "residual_value": plan.residual_value,
        "externalities": plan.externalities,
        "annualisation": plan.annualise_at,
    }
    for name, value in conventions.items():
        option(name, value)  # an unknown convention is an error, not a row of its raw name
    quantity = number(plan.quantity, 0 if float(plan.quantity).is_integer() else 2, lang)
    rows = [
        [w("currency"), plan.currency],
        [w("discount rate"), f"{rate_text(plan, lang)} {w('real')}"],
        [w("inflation"), percent(plan.inflation, 2, lang)],
        [w("period"), period],
        [w("quantity"), f"{quantity} ({plan.product.functional_unit.get(lang)})"],
        [w("discounting"), w(f"discounting.{plan.discounting}")],
        [w("price year"), str(plan.price_year)],
        [w("residual value"), w(f"residual.{plan.residual_value}")],
        [w("externalities rule"), w(f"rule.{plan.externalities}")],
        [w("annualised at"), w(f"annualised at.{plan.annualise_at}")],
    ]
    if a.rate_type == "nominal":
        rows.append([w("nominal discount rate"), q(a.discount_rate)])
    for group, rate in a.escalation.items():
        rows.append([f"{w('escalation')}: {group_label(group, lang)}", q(rate)])
    for group, rate in plan.product.escalation.items():
        if group not in a.escalation:
            rows.append(
                [
                    f"{w('escalation')}: {group_label(group, lang)}",
                    f"{q(rate)} ({w('model default')})",
                ]
            )
    if a.co2_price is not None:
        rows.append([w("co2_price"), q(a.co2_price)])
    for b in plan.bases:
        rows.append(
            [
                f"{w('basis')}: {b.id}",
                f"{b.title_in(lang)}, {w('edition')} {b.edition}; " + "; ".join(b.sources),
            ]
        )
    for sub, price in a.emission_prices.items():
        rows.append([f"{w('emission price')}: {substance_label(sub, lang)}", q(price)])
    for code, rate in a.exchange_rates.items():
        rows.append([f"{w('exchange rate')}: {code}", q(rate)])
    return rows


def _bid_table(tender: Tender, lang: str) -> str:
    from tco.views.inputs import bid_values

    model = tender.model
    names = model.bid_parameters
    head = [word("bid", lang)] + [
        f"{parameter_label(model, n, lang)} [{unit_text(model.parameters[n].unit_text, lang)}]"
        for n in names
    ]
    rows = [
        [bid, *(vals.get(n, "") for n in names)] for bid, vals in bid_values(tender, lang).items()
    ]
    return html_table(head, rows, numeric=[False] + [True] * len(names))


def tender_html(tender: Tender, lang: str | None = None, *, assumptions: bool = True) -> str:
    """A tender as HTML: its model, assumptions, buyer's parameters and bids.

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> "Premium LED" in tender_html(t)
    True
    """
    from tco.views.inputs import buyer_values

    lang = resolve(lang)
    plan = tender.plan
    model = tender.model
    parts = [
        STYLE,
        '<div class="tco">',
        f"<p><strong>{escape(plan.title)}</strong>: {escape(model.spec.title.get(lang))} "
        f"(<code>{escape(model.id)}</code>), {len(plan.bids)} "
        f"{escape(word('bids', lang).lower())}</p>",
    ]
    if assumptions:
        parts.append(
            html_table(
                [word("assumption", lang), word("value", lang)],
                assumption_rows(tender, lang),
                caption=word("assumptions", lang),
            )
        )
    buyer = buyer_values(tender, lang, years=tender.plan.T)  # a path: the years of the period
    if buyer:
        parts.append(
            html_table(
                [word("parameter", lang), word("value", lang), word("unit", lang)],
                [
                    [
                        parameter_label(model, n, lang),
                        v,
                        unit_text(model.parameters[n].unit_text, lang),
                    ]
                    for n, v in buyer.items()
                ],
                numeric=[False, True, False],
                caption=word("buyer parameters", lang),
            )
        )
    parts.append(_bid_table(tender, lang))
    parts.append("</div>")
    return "".join(parts)
