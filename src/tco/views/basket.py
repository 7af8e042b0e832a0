"""Basket tenders as text: the terminal table and CSV, each bid's basket total and each line's.

Examples
--------
>>> from tco.basket import basket_examples, load_basket
>>> r = load_basket(basket_examples()["copy-print"]).evaluate()
>>> print(basket_text(r).splitlines()[2].split()[:3])
['rank', 'bid', 'basket']
>>> basket_csv(r, "da").splitlines()[0].split(";")[:3]
['nr.', 'tilbud', 'kurv [DKK]']
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from tco.views.i18n import csv_delimiter, number, resolve, text, unit_text
from tco.views.safe import csv_cell, visible
from tco.views.table import annualised_note, csv_number

if TYPE_CHECKING:
    from tco.basket import BasketResult

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def basket_text(result: BasketResult, lang: str | None = None) -> str:
    """A ranked table: each bid's basket total, annualised cost and each line's total.

    Parameters
    ----------
    result : BasketResult
    lang : {"en", "da"}, optional
    """
    lang = resolve(lang)
    key = "basket.title" if result.ranked_by == "total" else "basket.title annualised"
    title = text(
        key, lang, title=visible(result.basket.title), n=len(result.lines), cur=result.currency
    )
    listed = ", ".join(
        f"{visible(name)} ({r.plan.product.id}, {number(r.plan.quantity, 0, lang)})"
        for name, r in zip(result.lines, result.results, strict=True)
    )
    head = [
        text("rank", lang),
        text("bid", lang),
        text("basket", lang),
        text("per year", lang),
        *map(visible, result.lines),
    ]
    rows = [head]
    for row in result.summary():
        rows.append(
            [
                str(row["rank"]),
                visible(row["bid"]),
                number(row["total"], 0, lang),
                number(row["annualised"], 0, lang),
                *(number(line["total"], 0, lang) for line in row["lines"]),
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [title, text("basket.lines", lang, list=listed)]
    for k, r in enumerate(rows):
        cells = [
            c.ljust(wd) if i == 1 else c.rjust(wd)
            for i, (c, wd) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * wd for wd in widths))
    cheapest = ", ".join(
        f"{visible(name)} → {visible(r.ranking[0])}"
        for name, r in zip(result.lines, result.results, strict=True)
    )
    lines.append(text("basket.cheapest", lang, list=cheapest))
    if result.results:  # the lines share the tender's assumptions, so their annualisation
        lines.append(annualised_note(result.results[0], lang))
    return "\n".join(lines)


def basket_csv(result: BasketResult, lang: str | None = None) -> str:
    """The ranking on the basket as CSV: one row per bid, a column per line.

    In English: commas and a decimal point, for programs. In Danish: the
    columns named in Danish, semicolons and a decimal comma, as Danish Excel
    reads them. Bid and line names are text that no spreadsheet reads as a
    formula (:func:`tco.views.safe.csv_cell`).

    Parameters
    ----------
    result : BasketResult
    lang : {"en", "da"}, optional
    """
    lang = resolve(lang)
    cur = result.currency
    per_year = f"{cur}/{unit_text('year', lang)}"
    head = [
        text("rank", lang),
        text("bid", lang),
        f"{text('basket', lang)} [{cur}]",
        f"{text('basket', lang)}, {text('per year', lang)} [{per_year}]",
    ]
    for name in result.lines:
        head += [f"{name} [{cur}]", f"{name}, {text('per year', lang)} [{per_year}]"]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=csv_delimiter(lang), lineterminator="\n")
    writer.writerow([csv_cell(h) for h in head])
    for row in result.summary():
        values: list[object] = [row["rank"], row["bid"], row["total"], row["annualised"]]
        for line in row["lines"]:
            values += [line["total"], line["annualised"]]
        writer.writerow([csv_number(csv_cell(v), lang) for v in values])
    return buf.getvalue()
