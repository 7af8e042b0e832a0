"""Basket tenders as text for the terminal: the basket's total per bid and each line's.

Examples
--------
>>> from tco.basket import basket_examples, load_basket
>>> r = load_basket(basket_examples()["copy-print"]).evaluate()
>>> print(basket_text(r).splitlines()[2].split()[:3])
['rank', 'bid', 'basket']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tco.views.i18n import number, resolve

if TYPE_CHECKING:
    from tco.basket import BasketResult

__all__ = ["BASKET_WORDS", "basket_text"]

#: The words of the basket table, per language.
BASKET_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "{title}: basket of {n} lines, present value in {cur}, ranked on the basket",
        "title annualised": "{title}: basket of {n} lines, annualised cost in {cur}/year, "
        "ranked on the basket",
        "lines": "Lines: {list}.",
        "rank": "rank",
        "bid": "bid",
        "basket": "basket",
        "per year": "per year",
        "cheapest": "Cheapest per line: {list}.",
    },
    "da": {
        "title": "{title}: kurv med {n} linjer, nutidsværdi i {cur}, rangeret på kurven",
        "title annualised": "{title}: kurv med {n} linjer, TCO pr. år i {cur}/år, rangeret på "
        "kurven",
        "lines": "Linjer: {list}.",
        "rank": "nr.",
        "bid": "tilbud",
        "basket": "kurv",
        "per year": "pr. år",
        "cheapest": "Billigst pr. linje: {list}.",
    },
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def basket_text(result: BasketResult, lang: str | None = None) -> str:
    """A ranked table: each bid's basket total, annualised cost and each line's total.

    Parameters
    ----------
    result : BasketResult
    lang : {"en", "da"}, optional
    """
    lang = resolve(lang)
    w = BASKET_WORDS.get(lang, BASKET_WORDS["en"])
    key = "title" if result.ranked_by == "total" else "title annualised"
    title = w[key].format(
        title=_plain(result.basket.title), n=len(result.lines), cur=result.currency
    )
    listed = ", ".join(
        f"{_plain(name)} ({r.plan.model.id}, {number(r.plan.quantity, 0, lang)})"
        for name, r in zip(result.lines, result.results, strict=True)
    )
    head = [w["rank"], w["bid"], w["basket"], w["per year"], *map(_plain, result.lines)]
    rows = [head]
    for row in result.summary():
        rows.append(
            [
                str(row["rank"]),
                _plain(row["bid"]),
                number(row["total"], 0, lang),
                number(row["annualised"], 0, lang),
                *(number(line["total"], 0, lang) for line in row["lines"]),
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [title, w["lines"].format(list=listed)]
    for k, r in enumerate(rows):
        cells = [
            c.ljust(wd) if i == 1 else c.rjust(wd)
            for i, (c, wd) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * wd for wd in widths))
    cheapest = ", ".join(
        f"{_plain(name)} → {_plain(r.ranking[0])}"
        for name, r in zip(result.lines, result.results, strict=True)
    )
    lines.append(w["cheapest"].format(list=cheapest))
    return "\n".join(lines)
