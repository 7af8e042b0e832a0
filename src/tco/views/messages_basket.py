"""Catalogue words of a basket tender's outputs: table, CSV, workbook, report and chart.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``.

Examples
--------
>>> BASKET_MESSAGES["basket"]
('basket', 'kurv')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: basket outputs: key -> (English, Danish)
BASKET_MESSAGES: dict[str, tuple[str, str]] = {
    "basket": ("basket", "kurv"),
    "line": ("line", "linje"),
    "sheet": ("sheet", "ark"),
    "line rank": ("rank on the line", "nr. på linjen"),
    "basket rank": ("rank on the basket", "nr. på kurven"),
    "sheet.basket": ("Basket", "Kurv"),
    "sheet.lines": ("Lines", "Linjer"),
    "basket.title": (
        "{title}: basket of {n} lines, present value in {cur}, ranked on the basket",
        "{title}: kurv med {n} linjer, nutidsværdi i {cur}, rangeret på kurven",
    ),
    "basket.title annualised": (
        "{title}: basket of {n} lines, annualised cost in {cur}/year, ranked on the basket",
        "{title}: kurv med {n} linjer, TCO pr. år i {cur}/år, rangeret på kurven",
    ),
    "basket.lines": ("Lines: {list}.", "Linjer: {list}."),
    "basket.cheapest": ("Cheapest per line: {list}.", "Billigst pr. linje: {list}."),
    "basket.by line": ("The basket by line", "Kurven fordelt på linjer"),
    # -- the award report --
    "basket.report title": (
        "{title}: life-cycle cost award report for a basket",
        "{title}: TCO-rapport til tildeling for en kurv",
    ),
    "basket.intro": (
        "Life-cycle cost (total cost of ownership) evaluation of {n} bids for a basket of "
        "{lines} product lines; each bid offers one product per line, and the bids are ranked "
        "on the basket. Lowest cost basket: <strong>{winner}</strong>.",
        "Totalomkostningsvurdering (TCO) af {n} tilbud på en kurv med {lines} produktlinjer; "
        "hvert tilbud byder ét produkt pr. linje, og tilbuddene rangeres på kurven. Laveste "
        "omkostning for kurven: <strong>{winner}</strong>.",
    ),
    "basket.Lines": ("Lines", "Linjer"),
    "basket.Ranking": ("Ranking on the basket", "Rangering på kurven"),
    "basket.Per line": ("Each line", "Hver linje"),
    "basket.line head": (
        "Line {line}: {quantity} × {model}",
        "Linje {line}: {quantity} × {model}",
    ),
    "basket.sum rule": (
        "The basket's cost of a bid is the sum over the lines of the line's life-cycle cost: "
        "for each line, the product the bid offers for it, costed by the method below with "
        "the line's quantity. The same holds for the annualised cost.",
        "Kurvens omkostning for et tilbud er summen over linjerne af linjens "
        "totalomkostning: for hver linje det produkt, tilbuddet byder på den, beregnet med "
        "metoden nedenfor og linjens antal. Det samme gælder TCO pr. år.",
    ),
    "basket.rank rule": (
        "The bids are ranked on the basket's {by}: the lowest wins. The cheapest product on a "
        "single line does not decide the award.",
        "Tilbuddene rangeres på kurvens {by}: den laveste vinder. Det billigste produkt på en "
        "enkelt linje afgør ikke tildelingen.",
    ),
    "basket.by total": ("present value", "nutidsværdi"),
    "basket.by annualised": ("annualised cost", "TCO pr. år"),
    "basket.line method": (
        "Every line is costed by this method; what differs between the lines (the quantity, "
        "the lifetimes of the products offered) follows under each line.",
        "Hver linje beregnes med denne metode; det, der er forskelligt fra linje til linje "
        "(antallet, levetiden af de tilbudte produkter), står under hver linje.",
    ),
}
