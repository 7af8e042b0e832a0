"""Plain-text tables of results, aligned for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tco.views.safe import visible

if TYPE_CHECKING:
    from tco.result import Result

__all__ = ["LABELS", "format_money", "result_table"]

#: Column and category labels per language.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "rank": "rank",
        "bid": "bid",
        "total": "total",
        "per year": "per year",
        "acquisition": "acquisition",
        "use": "use",
        "maintenance": "maintenance",
        "end_of_life": "end of life",
        "externalities": "externalities",
        "title": "{title} ({model}): present value in {currency}, {rate} real, {period}, "
        "quantity {quantity}",
        "years": "{n} years",
        "own": "own lifetimes",
        "by_annual": "Ranked by annualised cost, because the bids' periods differ.",
    },
    "da": {
        "rank": "nr.",
        "bid": "tilbud",
        "total": "TCO i alt",
        "per year": "TCO pr. år",
        "acquisition": "anskaffelse",
        "use": "forbrug",
        "maintenance": "vedligehold",
        "end_of_life": "bortskaffelse",
        "externalities": "eksterne omk.",
        "title": "{title} ({model}): nutidsværdi i {currency}, {rate} real rente, {period}, "
        "antal {quantity}",
        "years": "{n} år",
        "own": "egne levetider",
        "by_annual": "Rangeret efter TCO pr. år, fordi tilbuddenes perioder er forskellige.",
    },
}


def format_money(value: float) -> str:
    """Format an amount with thousands separators and no decimals.

    Examples
    --------
    >>> format_money(1234567.891)
    '1,234,568'
    """
    return f"{value:,.0f}"


def result_table(result: Result, lang: str = "en") -> str:
    """A ranked table: total, annualised and each category per bid.

    The title names the currency, the discount rate and the period; the line
    under the column names gives each column's unit.

    Parameters
    ----------
    result : Result
    lang : {"en", "da"}
        Language of the labels.
    """
    plan = result.plan
    lab = LABELS.get(lang, LABELS["en"])
    cats = list(result.by_category)
    head = [lab["rank"], lab["bid"], lab["total"], lab["per year"], *(lab[c] for c in cats)]
    subs = list(result.emissions)
    head += list(subs)
    year = "år" if lang == "da" else "year"
    units = ["", "", plan.currency, f"{plan.currency}/{year}", *(plan.currency for _ in cats)]
    units += ["t" for _ in subs]
    rows = []
    for row in result.summary():
        cells = [
            str(row["rank"]),
            visible(row["bid"]),
            format_money(row["total"]),
            format_money(row["annualised"]),
        ]
        cells += [format_money(row[c]) for c in cats]
        cells += [f"{row[f'{s}_kg'] / 1000:,.1f}" for s in subs]
        rows.append(cells)
    widths = [
        max(len(h), len(u), *(len(r[i]) for r in rows))
        for i, (h, u) in enumerate(zip(head, units, strict=True))
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 1 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        )

    periods = sorted({int(p) for p in plan.period})
    period = lab["years"].format(n=periods[0]) if len(periods) == 1 else lab["own"]
    title = lab["title"].format(
        title=visible(plan.title),
        model=plan.model.id,
        currency=plan.currency,
        rate=f"{plan.discount_rate:.2%}",
        period=period,
        quantity=f"{plan.quantity:g}",
    )
    out = [title, line(head), line(units), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    if result.ranked_by == "annualised":
        out.append(lab["by_annual"])
    return "\n".join(out)
