"""Plain-text tables of results, aligned for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
        "incl": "total incl. ext.",
        "excl": "total excl. ext.",
        "incl/yr": "per year incl. ext.",
        "excl/yr": "per year excl. ext.",
        "rule award": "Priced externalities count in the total, per year and rank.",
        "rule report": "Priced externalities are reported beside the total, per year and rank "
        "(not counted in the award).",
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
        "incl": "i alt inkl. ekst.",
        "excl": "i alt ekskl. ekst.",
        "incl/yr": "pr. år inkl. ekst.",
        "excl/yr": "pr. år ekskl. ekst.",
        "rule award": "Prissatte eksterne omkostninger indgår i TCO, TCO pr. år og rangering.",
        "rule report": "Prissatte eksterne omkostninger vises ved siden af TCO, TCO pr. år og "
        "rangering (indgår ikke i tildelingen).",
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
    priced = "externalities" in cats
    other = "incl" if result.externalities_rule == "report" else "excl"
    head = [lab["rank"], lab["bid"], lab["total"], lab["per year"]]
    if priced:
        head += [lab[other], lab[f"{other}/yr"]]
    head += [lab[c] for c in cats]
    subs = list(result.emissions)
    head += list(subs)
    year = "år" if lang == "da" else "year"
    units = ["", "", plan.currency, f"{plan.currency}/{year}"]
    if priced:
        units += [plan.currency, f"{plan.currency}/{year}"]
    units += [plan.currency for _ in cats]
    units += ["t" for _ in subs]
    rows = []
    for row in result.summary():
        cells = [
            str(row["rank"]),
            row["bid"],
            format_money(row["total"]),
            format_money(row["annualised"]),
        ]
        if priced:
            cells += [
                format_money(row[f"total_{other}_externalities"]),
                format_money(row[f"annualised_{other}_externalities"]),
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
        title=plan.title,
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
    if priced:
        out.append(lab[f"rule {result.externalities_rule}"])
    return "\n".join(out)
