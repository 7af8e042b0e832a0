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

__all__ = ["HEADER_MESSAGES", "REPORT_MESSAGES", "REPORT_PROSE_MESSAGES"]


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
    "report.end": (
        "at the end of the year: d(t) = (1 + r)<sup>−t</sup>",
        "ved årets slutning: d(t) = (1 + r)<sup>−t</sup>",
    ),
    "report.mid": (
        "in the middle of the year: d(t) = (1 + r)<sup>−(t − 0.5)</sup>",
        "midt i året: d(t) = (1 + r)<sup>−(t − 0.5)</sup>",
    ),
    "report.begin": (
        "at the beginning of the year: d(t) = (1 + r)<sup>−(t − 1)</sup>",
        "ved årets begyndelse: d(t) = (1 + r)<sup>−(t − 1)</sup>",
    ),
    "report.rate": (
        "<strong>Discount rate.</strong> r = {r} per year, real (constant prices of year 0)",
        "<strong>Kalkulationsrente.</strong> r = {r} pr. år, real (faste priser i år 0)",
    ),
    "report.nominal": (
        ", from the nominal rate {n} and inflation i = {i} by the Fisher relation r = (1 + n) / (1 + i) − 1",
        ", beregnet af den nominelle rente {n} og inflationen i = {i} med Fisher-relationen r = (1 + n) / (1 + i) − 1",
    ),
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
    "report.timing": (
        "<strong>Timing.</strong> Purchases fall in year 0; annual amounts in years 1 … P, discounted {when}. One-off events (replacements, disposal, residual value) are booked in the year they fall in, rounded up, and discounted at its end: d(t) = (1 + r)<sup>−t</sup>.",
        "<strong>Tidspunkter.</strong> Indkøb sker i år 0; årlige beløb i år 1 … P, tilbagediskonteret {when}. Enkeltstående hændelser (udskiftning, bortskaffelse, restværdi) bogføres i det år de falder i, rundet op, og tilbagediskonteres ved dets slutning: d(t) = (1 + r)<sup>−t</sup>.",
    ),
    "report.esc": (
        "<strong>Escalation.</strong> Prices of escalated items follow an index: amount(t) = quoted amount × Π<sub>k≤t</sub> (1 + e<sub>k</sub>), with rates {groups}. Quoted prices are year-{y} prices (the index is 1 in year {y}).",
        "<strong>Prisudvikling.</strong> Priser på poster med prisudvikling følger et indeks: beløb(t) = tilbudt beløb × Π<sub>k≤t</sub> (1 + e<sub>k</sub>), med satserne {groups}. Tilbudte priser er år-{y}-priser (indekset er 1 i år {y}).",
    ),
    "report.no esc": (
        "<strong>Escalation.</strong> No item escalates: every amount stays at its quoted price in real terms.",
        "<strong>Prisudvikling.</strong> Ingen poster har prisudvikling: alle beløb står i faste priser.",
    ),
    "report.life": (
        "<strong>Lifetime and residual value.</strong> One unit lasts L years ({list}); its purchase recurs at each end of life within the period.",
        "<strong>Levetid og restværdi.</strong> Én enhed holder L år ({list}); den købes igen ved hver levetids udløb inden for perioden.",
    ),
    "report.linear": (
        " The last unit's remaining value is credited at the period's end as a negative cost: its price × (s + L − P) / L, s being the year it was bought (linear residual value).",
        " Den sidste enheds restværdi krediteres ved periodens slutning som en negativ omkostning: prisen × (s + L − P) / L, hvor s er året den blev købt (lineær restværdi).",
    ),
    "report.no residual": (" No residual value is credited.", " Der krediteres ingen restværdi."),
    "report.share residual": (
        " The last unit's residual value is credited at the period's end as a negative cost: {share} of its price (a stated share of the initial cost, NIST BLCC).",
        " Den sidste enheds restværdi krediteres ved periodens slutning som en negativ omkostning: {share} af prisen (en angivet andel af anskaffelsesprisen, NIST BLCC).",
    ),
    "report.quantity": (
        "<strong>Quantity.</strong> Q = {q} × {unit}; every item per unit is multiplied by Q.",
        "<strong>Antal.</strong> Q = {q} × {unit}; alle poster pr. enhed ganges med Q.",
    ),
    "report.priced": (
        "<strong>Externalities.</strong> Emissions are priced (mass × price) in the category externalities: {list}. {rule}",
        "<strong>Eksterne omkostninger.</strong> Udledninger prissættes (masse × pris) i kategorien eksterne omkostninger: {list}. {rule}",
    ),
    "report.rule award": (
        "They count in the award: total, annualised cost and rank include them; the totals without them are shown beside.",
        "De indgår i tildelingen: TCO, TCO pr. år og rangering medregner dem; totalerne uden dem vises ved siden af.",
    ),
    "report.rule report": (
        "They are reported beside the award, as in the Danish EPA tools: total, annualised cost and rank exclude them; the totals with them are shown beside.",
        "De vises ved siden af tildelingen som i Miljøstyrelsens værktøjer: TCO, TCO pr. år og rangering medregner dem ikke; totalerne med dem vises ved siden af.",
    ),
    "report.at": ("{s} at {price}", "{s} til {price}"),
    "report.by year": ("(year by year)", "(år for år)"),
    "report.unpriced": (
        "<strong>Externalities.</strong> No emission is priced; emissions are reported in kg only.",
        "<strong>Eksterne omkostninger.</strong> Ingen udledninger prissættes; de opgøres kun i kg.",
    ),
    "report.pv": (
        '<strong>Present value.</strong> <span class="f">PV<sub>b</sub> = Σ<sub>items i</sub> Σ<sub>t=0…P</sub> C<sub>b,i,t</sub> · d(t)</span> in {cur}; costs positive, resale and residual value negative.',
        '<strong>Nutidsværdi.</strong> <span class="f">NV<sub>b</sub> = Σ<sub>poster i</sub> Σ<sub>t=0…P</sub> C<sub>b,i,t</sub> · d(t)</span> i {cur}; omkostninger positive, salg og restværdi negative.',
    ),
    "report.eac": (
        '<strong>Annualised cost.</strong> <span class="f">EAC<sub>b</sub> = PV<sub>b</sub> / Σ<sub>t=1…P</sub> d(t)</span>; the factor Σ d(t) is {list}.',
        '<strong>TCO pr. år.</strong> <span class="f">TCO/år<sub>b</sub> = NV<sub>b</sub> / Σ<sub>t=1…P</sub> d(t)</span>; faktoren Σ d(t) er {list}.',
    ),
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
        "The charts are left out: drawing them needs matplotlib (pip install 'tco-lcc[plot]').",
        "Diagrammerne er udeladt: de kræver matplotlib (pip install 'tco-lcc[plot]').",
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
