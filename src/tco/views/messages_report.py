"""Catalogue words of the comparison table and the award report.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``. Keys starting ``report.`` are the award report's
prose (HTML).

Examples
--------
>>> REPORT_MESSAGES["year"]
('year', 'år')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


#: the comparison table's header: key -> (English, Danish)
HEADER_MESSAGES: dict[str, tuple[str, str]] = {
    "rank": ("rank", "nr."),
    "bid": ("bid", "tilbud"),
    "total": ("total", "TCO i alt"),
    "per year": ("per year", "TCO pr. år"),
}


#: cost categories, titles and the award report's sections: key -> (English, Danish)
REPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "acquisition": ("acquisition", "anskaffelse"),
    "use": ("use", "forbrug"),
    "maintenance": ("maintenance", "vedligehold"),
    "end_of_life": ("end of life", "bortskaffelse"),
    "externalities": ("externalities", "eksterne omk."),
    "title": (
        "{title} ({model}): present value in {currency}, {rate} real, {period}, quantity {quantity}",
        "{title} ({model}): nutidsværdi i {currency}, {rate} real rente, {period}, antal {quantity}",
    ),
    "years": ("{n} years", "{n} år"),
    "own": ("own lifetimes", "egne levetider"),
    "by_annual": (
        "Ranked by annualised cost, because the bids' periods differ.",
        "Rangeret efter TCO pr. år, fordi tilbuddenes perioder er forskellige.",
    ),
    "present value": ("present value", "nutidsværdi"),
    "cumulative": ("Cumulative discounted cost", "Akkumuleret tilbagediskonteret omkostning"),
    "breakdown": ("Present value by cost category", "Nutidsværdi fordelt på omkostningskategorier"),
    "emissions": ("Emissions over the period", "Udledninger i perioden"),
    "year": ("year", "år"),
    "crossing": (
        "{cheaper} cheaper than {dearer} from year {year:.1f}",
        "{cheaper} billigere end {dearer} fra år {year:.1f}",
    ),
    "item": ("item", "post"),
    "category": ("category", "kategori"),
    "total excl": ("total excl. externalities", "i alt ekskl. eksterne omk."),
    "assumption": ("assumption", "forudsætning"),
    "value": ("value", "værdi"),
    "unit": ("unit", "enhed"),
    "parameter": ("parameter", "parameter"),
    "description": ("description", "beskrivelse"),
    "range": ("allowed range", "tilladt interval"),
    "bids": ("Bids", "Tilbud"),
    "results": ("Results", "Resultater"),
    "assumptions": ("Assumptions", "Forudsætninger"),
    "ranked": ("Ranked by {by}", "Rangeret efter {by}"),
    "by total": ("present value", "nutidsværdi"),
    "by annualised": (
        "annualised cost (the bids' periods differ)",
        "TCO pr. år (tilbuddenes perioder er forskellige)",
    ),
    "real": ("real", "faste priser"),
    "discounted": ("discounted", "tilbagediskonteret"),
    "nominal": ("nominal", "løbende priser"),
    "substance": ("substance", "stof"),
    "mass": ("mass", "masse"),
    "currency": ("currency", "valuta"),
    "discount rate": ("discount rate", "kalkulationsrente"),
    "inflation": ("inflation", "inflation"),
    "period": ("period", "periode"),
    "quantity": ("quantity", "antal"),
    "discounting": ("discounting", "diskontering"),
    "price year": ("price year", "prisår"),
    "residual value": ("residual value", "restværdi"),
    "escalation": ("escalation", "prisudvikling"),
    "co2_price": ("CO2 price", "CO2-pris"),
    "flows": ("cash flow", "betalinger"),
    "cumulative pv": ("cumulative present value", "akkumuleret nutidsværdi"),
    "crossings": ("crossings", "skæringspunkter"),
    "no emissions": (
        "The product model has no emissions.",
        "Produktmodellen har ingen udledninger.",
    ),
    "buyer parameters": ("The buyer's parameters", "Ordregiverens parametre"),
    "emission price": ("emission price", "udledningspris"),
    "exchange rate": ("exchange rate", "valutakurs"),
    "nominal discount rate": ("nominal discount rate", "nominel kalkulationsrente"),
    "model default": ("model default", "modellens standard"),
    "report.period1": (
        "<strong>Study period.</strong> P = {p} years, the same for every bid.",
        "<strong>Analyseperiode.</strong> P = {p} år, den samme for alle tilbud.",
    ),
    "report.periods": (
        "<strong>Study period.</strong> P = each bid's own lifetime ({list}).",
        "<strong>Analyseperiode.</strong> P = hvert tilbuds egen levetid ({list}).",
    ),
    "report.years": ("{n} years", "{n} år"),
    "report.t": (
        " Year 0 is the decision date; year t is the t-th year of use.",
        " År 0 er beslutningstidspunktet; år t er det t'te brugsår.",
    ),
    "report.life": (
        "<strong>Lifetime and residual value.</strong> One unit lasts L years ({list}); its purchase recurs at each end of life within the period.",
        "<strong>Levetid og restværdi.</strong> Én enhed holder L år ({list}); den købes igen ved hver levetids udløb inden for perioden.",
    ),
    "report.quantity": (
        "<strong>Quantity.</strong> Q = {q} × {unit}; every item per unit is multiplied by Q.",
        "<strong>Antal.</strong> Q = {q} × {unit}; alle poster pr. enhed ganges med Q.",
    ),
    "report.at": ("{s} at {price}", "{s} til {price}"),
    "report.by year": ("(year by year)", "(år for år)"),
    "report.eac factor": ("; the annuity factor is {list}", "; annuitetsfaktoren er {list}"),
    "report.factor": ("{f} years for {p} years", "{f} år for {p} år"),
    "report.rank": (
        "<strong>Ranking.</strong> By {by}, lowest first; bids equal to the cent share a rank.",
        "<strong>Rangering.</strong> Efter {by}, laveste først; tilbud der er ens på øret deler plads.",
    ),
    "report.by total": ("present value", "nutidsværdi"),
    "report.by annualised": (
        "annualised cost (the bids' periods differ)",
        "TCO pr. år (tilbuddenes perioder er forskellige)",
    ),
    "report.title": ("{title}: life-cycle cost award report", "{title}: TCO-rapport til tildeling"),
    "report.intro": (
        "Life-cycle cost (total cost of ownership) evaluation of {n} bids with the product model <code>{model}</code> ({name}, version {version}). Lowest cost: <strong>{winner}</strong>.",
        "Totalomkostningsvurdering (TCO) af {n} tilbud med produktmodellen <code>{model}</code> ({name}, version {version}). Laveste omkostning: <strong>{winner}</strong>.",
    ),
    "report.unversioned": ("unversioned", "uden version"),
    "report.Method": ("Method", "Metode"),
    "report.Assumptions": ("Assumptions", "Forudsætninger"),
    "report.Inputs": ("Inputs", "Inddata"),
    "report.Results": ("Results", "Resultater"),
    "report.Charts": ("Charts", "Diagrammer"),
    "report.Fingerprint": ("Fingerprint", "Fingeraftryk"),
    "report.cross": (
        "Where the cumulative discounted costs cross:",
        "Hvor de akkumulerede tilbagediskonterede omkostninger krydser hinanden:",
    ),
    "report.fp": (
        "Evaluating the same files with the same version of tco reproduces these numbers. SHA-256 hashes:",
        "Samme filer evalueret med samme version af tco giver de samme tal. SHA-256-værdier:",
    ),
    "report.input": ("input", "inddata"),
}


#: the award report's closing prose: key -> (English, Danish)
REPORT_PROSE_MESSAGES: dict[str, tuple[str, str]] = {
    # -- report --------------------------------------------------------------------------
    "report.no charts": (
        "The charts are left out: this installation of tco cannot draw charts.",
        "Diagrammerne er udeladt: denne installation af tco kan ikke tegne diagrammer.",
    ),
    "report.Uncertainty": ("Uncertainty", "Usikkerhed"),
    "report.sensitivity": (
        "One input at a time between its low and high value; the bids' totals at each end, "
        "widest swing first (lowest bid: {bid}).",
        "Én parameter ad gangen mellem dens lave og høje værdi; tilbuddenes total ved hver ende, "
        "største udsving først (laveste tilbud: {bid}).",
    ),
    "report.montecarlo": (
        "Monte Carlo over the tender's uncertainty section: {n} samples (seed {seed}).",
        "Monte Carlo over udbuddets usikkerhedsafsnit: {n} stikprøver (frø {seed}).",
    ),
    "report.Scenarios": ("Scenarios", "Scenarier"),
    "report.scenarios": (
        "Present value of each bid under the tender's named scenarios.",
        "Hvert tilbuds nutidsværdi under udbuddets navngivne scenarier.",
    ),
    "report.residual note": (
        "A crossing marked as due to the residual value exists only because the remaining "
        "value of the last unit is credited at the period's end.",
        "Et skæringspunkt, der skyldes restværdien, findes kun fordi den sidste enheds "
        "resterende værdi krediteres ved periodens slutning.",
    ),
    "basis": ("basis", "grundlag"),
    "edition": ("edition", "udgave"),
    "report.basis": (
        "<strong>Basis.</strong> Official data from {list}.",
        "<strong>Grundlag.</strong> Officielle data fra {list}.",
    ),
    "input.discount_rate": ("Discount rate", "Kalkulationsrente"),
    "input.quantity": ("Quantity", "Antal"),
    "input.escalation": ("Escalation of {group}", "Prisudvikling for {group}"),
    "input.emission_price": ("Price of {sub}", "Pris på {sub}"),
}
