"""Catalogue words of the result workbook's live calculation sheet.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``. Written by :mod:`tco.views.live_workbook`.

Examples
--------
>>> LIVE_MESSAGES["live.sheet"]
('Calculation', 'Beregning')
"""

from __future__ import annotations

__all__ = ["LIVE_MESSAGES"]

#: the live calculation sheet: key -> (English, Danish)
LIVE_MESSAGES: dict[str, tuple[str, str]] = {
    "live.sheet": ("Calculation", "Beregning"),
    "live.title": ("Live calculation", "Levende beregning"),
    "live.note": (
        "Every number in a white cell is an Excel formula over the yellow input cells: change "
        "a price, a bid's value or the discount rate and the result updates.",
        "Alle tal i hvide celler er Excel-formler over de gule indtastningsceller: ret en pris, "
        "et tilbuds værdi eller kalkulationsrenten, og resultatet opdateres.",
    ),
    "live.note units": (
        "Values are in the units of column B; rates are fractions shown as percent. Text from "
        "the tender and the bids is text, never a formula.",
        "Værdierne er i enhederne i kolonne B; satser er brøker vist i procent. Tekst fra "
        "udbuddet og tilbuddene er tekst, aldrig en formel.",
    ),
    "live.too big": (
        "The live calculation is left out: it would hold {n} cells, and this workbook has "
        "room for {cap}. The other sheets hold the result; evaluate fewer bids or a shorter "
        "period for a live calculation.",
        "Den levende beregning er udeladt: den ville fylde {n} celler, og der er plads til "
        "{cap} i denne projektmappe. De andre ark indeholder resultatet; vurdér færre tilbud "
        "eller en kortere periode for at få en levende beregning.",
    ),
    "live.assumptions": ("Assumptions", "Forudsætninger"),
    "live.result": ("Result", "Resultat"),
    "live.years": ("Years", "År"),
    "live.bids": ("Bids", "Tilbud"),
    "live.unit": ("unit", "enhed"),
    "live.value": ("value", "værdi"),
    "live.note column": ("note", "note"),
    "live.discount rate": ("discount rate (real)", "kalkulationsrente (real)"),
    "live.inflation": ("inflation", "inflation"),
    "live.annualising rate": (
        "rate of the cost per year",
        "rente for TCO pr. år",
    ),
    "live.quantity": ("quantity", "antal"),
    "live.period": ("period", "periode"),
    "live.price year": ("year of the quoted prices", "prisår for de oplyste priser"),
    "live.timing": (
        "annual amounts fall in the year's (0 end, 0.5 middle, 1 beginning)",
        "årlige beløb falder i årets (0 slutning, 0,5 midte, 1 begyndelse)",
    ),
    "live.at end": ("at the year's end", "ved årets slutning"),
    "live.at mid": ("in the middle of the year", "midt i året"),
    "live.at begin": ("at the year's beginning", "ved årets begyndelse"),
    "live.award": (
        "priced externalities count in the award (1 yes, 0 no)",
        "prissatte eksterne omkostninger tæller i tildelingen (1 ja, 0 nej)",
    ),
    "live.escalation": ("price escalation: {name}", "prisudvikling: {name}"),
    "live.emission price": ("price of {name}", "pris for {name}"),
    "live.year": ("year", "år"),
    "live.discount events": (
        "discount factor, one-off amounts",
        "diskonteringsfaktor, engangsbeløb",
    ),
    "live.discount annual": (
        "discount factor, annual amounts ({timing})",
        "diskonteringsfaktor, årlige beløb ({timing})",
    ),
    "live.rate of year": ("{name}: escalation of the year", "{name}: årets prisudvikling"),
    "live.growth": ("{name}: growth since year 0", "{name}: vækst siden år 0"),
    "live.index": (
        "{name}: price index (1 in the price year)",
        "{name}: prisindeks (1 i prisåret)",
    ),
    "live.index annual": (
        "{name}: price index of annual amounts ({timing})",
        "{name}: prisindeks for årlige beløb ({timing})",
    ),
    "live.price per kg": ("{name}: price per kg", "{name}: pris pr. kg"),
    "live.parameter": ("parameter", "parameter"),
    "live.lifetime": ("lifetime of one unit", "levetid for én enhed"),
    "live.bid period": ("period of the bid", "tilbuddets periode"),
    "live.last start": ("purchase time of the last unit", "købstidspunkt for sidste enhed"),
    "live.last year": ("year of the last purchase", "år for sidste køb"),
    "live.life left": (
        "share of its life left at the period's end",
        "andel af levetiden tilbage ved periodens slutning",
    ),
    "live.amount": ("{item}: amount", "{item}: beløb"),
    "live.when": ("{item}: time or interval", "{item}: tidspunkt eller interval"),
    "live.start": ("{item}: first year", "{item}: første år"),
    "live.stop": ("{item}: last year", "{item}: sidste år"),
    "live.occurrences": ("{item}: occurrences", "{item}: antal gange"),
    "live.flow": ("{item}: cash flow", "{item}: betaling"),
    "live.residual": ("{item}: residual value", "{item}: restværdi"),
    "live.mass": ("{item}: emitted", "{item}: udledt"),
    "live.priced": ("{item}: priced", "{item}: prissat"),
    "live.pv": ("present value", "nutidsværdi"),
    "live.sum": ("sum", "sum"),
    "live.total excl": ("total excl. externalities", "i alt ekskl. eksterne omk."),
    "live.externalities": ("priced externalities", "prissatte eksterne omkostninger"),
    "live.total incl": ("total incl. externalities", "i alt inkl. eksterne omk."),
    "live.total": ("total (award)", "TCO i alt (tildeling)"),
    "live.annuity": ("annuity factor", "annuitetsfaktor"),
    "live.annualised": ("per year (award)", "TCO pr. år (tildeling)"),
    "live.rounded": ("ranked on (to the cent)", "rangeret efter (til øre)"),
    "live.rank": ("rank", "nr."),
    "live.value only": (
        "a value, not a formula: {why}",
        "en værdi, ikke en formel: {why}",
    ),
    "live.why schedule": (
        "the discount rate is a schedule by year band",
        "kalkulationsrenten er en trappe efter år",
    ),
    "live.why indexation": (
        "each bid indexes this price at its own rate",
        "hvert tilbud regulerer denne pris med sin egen sats",
    ),
    "live.why path": ("a path of one value per year", "en værdi pr. år"),
    "live.why formula": (
        "the model's formula has no spreadsheet form here",
        "modellens formel kan ikke skrives som regnearksformel her",
    ),
    "live.why period": (
        "each bid's period is its own lifetime",
        "hvert tilbuds periode er dets egen levetid",
    ),
}
