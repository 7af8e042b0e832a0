"""The message catalogue: every word of every output, in English and Danish.

One entry per key: ``key: (English, Danish)``. Texts may hold ``{fields}`` that
the caller fills in (:func:`tco.views.i18n.text`). Keys starting ``report.``
are the award report's prose (HTML), ``cli.`` the command line's, ``sheet.``
the workbook's sheet names, ``group.`` and ``substance.`` escalation groups and
emitted substances of the bundled product models, ``pydantic.`` what a
file's value is refused for.

Examples
--------
>>> MESSAGES["year"]
('year', 'år')
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

#: key -> (English, Danish)
MESSAGES: dict[str, tuple[str, str]] = {
    "rank": ("rank", "nr."),
    "bid": ("bid", "tilbud"),
    "total": ("total", "TCO i alt"),
    "per year": ("per year", "TCO pr. år"),
    # -- abatement cost (tco abatement) --
    "abatement.title cheapest": (
        "Abatement cost against '{reference}' (cheapest by TCO without priced externalities), "
        "in {currency}",
        "Reduktionsomkostning i forhold til '{reference}' (billigste efter TCO uden prissatte "
        "eksterne omk.), i {currency}",
    ),
    "abatement.title named": (
        "Abatement cost against '{reference}' (the named reference), in {currency}",
        "Reduktionsomkostning i forhold til '{reference}' (den valgte reference), i {currency}",
    ),
    "abatement.tco": ("TCO excl. externalities", "TCO ekskl. eksterne omk."),
    "abatement.extra": ("extra cost", "meromkostning"),
    "abatement.avoided": ("CO2e avoided", "CO2e undgået"),
    "abatement.per t": ("cost per t avoided", "omk. pr. t undgået"),
    "abatement.efficient": ("efficient", "effektiv"),
    "abatement.reference": ("reference", "reference"),
    "abatement.emits as much": ("emits as much", "udleder lige så meget"),
    "abatement.emits more": ("emits more", "udleder mere"),
    "abatement.note": (
        "cost per t = (TCO - TCO of the reference) / (CO2e of the reference - CO2e); "
        "* = efficient: no other bid is cheaper and cleaner (Pareto front).",
        "omk. pr. t = (TCO - referencens TCO) / (referencens CO2e - CO2e); "
        "* = effektiv: intet andet tilbud er både billigere og renere (Pareto-front).",
    ),
    "abatement.front": ("efficient bids (Pareto front)", "effektive tilbud (Pareto-front)"),
    "abatement.dominated": ("dominated bids", "dominerede tilbud"),
    "abatement.chart": ("Cost against CO2e", "Omkostning over for CO2e"),
    "abatement.section": ("Abatement cost of CO2e", "Reduktionsomkostning for CO2e"),
    # -- contract follow-up (tco follow-up) --
    "followup.title": (
        "Follow-up of the contract with '{bid}' in {currency} (constant prices, undiscounted)",
        "Opfølgning på kontrakten med '{bid}' i {currency} (faste priser, ikke tilbagediskonteret)",
    ),
    "followup.total": ("total", "i alt"),
    "followup.planned": ("planned", "planlagt"),
    "followup.actual": ("actual", "faktisk"),
    "followup.deviation": ("deviation", "afvigelse"),
    "followup.supplier": ("supplier's part", "leverandørens del"),
    "followup.buyer": ("buyer's part", "ordregivers del"),
    "followup.cumulative": ("cumulative deviation", "akkumuleret afvigelse"),
    "followup.co2e deviation": ("CO2e deviation", "CO2e-afvigelse"),
    "followup.clauses": ("penalty (+) / bonus (-)", "bod (+) / bonus (-)"),
    "followup.note": (
        "supplier's part: the recorded values of the bid's own parameters at the planned use "
        "and prices; buyer's part: use and prices (and their interaction with the former).",
        "leverandørens del: de registrerede værdier af tilbuddets egne parametre ved det "
        "planlagte forbrug og de planlagte priser; ordregivers del: forbrug og priser (og deres "
        "samspil med det første).",
    ),
    "followup.chart money": ("Cost: deviation from the bid", "Omkostning: afvigelse fra tilbuddet"),
    "followup.chart co2e": ("CO2e: deviation from the bid", "CO2e: afvigelse fra tilbuddet"),
    "followup.cumulative supplier": (
        "cumulative, supplier's part",
        "akkumuleret, leverandørens del",
    ),
    "followup.cumulative buyer": ("cumulative, buyer's part", "akkumuleret, ordregivers del"),
    "followup.sheet years": ("Follow-up", "Opfølgning"),
    "followup.sheet recorded": ("Recorded", "Registreret"),
    # -- management information (tco portfolio) --
    "portfolio.title": (
        "{n} tenders: the chosen bid (lowest TCO) against the lowest purchase price",
        "{n} udbud: det valgte tilbud (laveste TCO) over for den laveste indkøbspris",
    ),
    "portfolio.tender": ("tender", "udbud"),
    "portfolio.chosen": ("chosen (lowest TCO)", "valgt (laveste TCO)"),
    "portfolio.lowest price": ("lowest price", "laveste pris"),
    "portfolio.saved": ("TCO saved", "sparet TCO"),
    "portfolio.total": (
        "total of {n} tenders in {currency}: TCO saved {saved}, CO2e avoided {avoided} t, "
        "follow-up deviation {deviation}",
        "i alt {n} udbud i {currency}: sparet TCO {saved}, undgået CO2e {avoided} t, "
        "afvigelse i opfølgningen {deviation}",
    ),
    "portfolio.others": ("{n} other tenders", "{n} andre udbud"),
    "portfolio.chart": (
        "Awarding on TCO instead of price, {n} tenders: {saved} {currency} saved, "
        "{avoided} t CO2e avoided",
        "Tildeling efter TCO i stedet for pris, {n} udbud: {saved} {currency} sparet, "
        "{avoided} t CO2e undgået",
    ),
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
    # -- assumptions, tables, workbook ---------------------------------------------------
    "discounting.end": ("end of year", "ultimo året"),
    "discounting.mid": ("mid-year", "midt i året"),
    "discounting.begin": ("beginning of year", "primo året"),
    "residual.linear": ("linear", "lineær"),
    "residual.none": ("none", "ingen"),
    "residual.share": ("share of the initial cost", "andel af anskaffelsesprisen"),
    "group.electricity": ("electricity", "el"),
    "group.diesel": ("diesel", "diesel"),
    "group.petrol": ("petrol", "benzin"),
    "group.hvo": ("HVO", "HVO"),
    "group.water": ("water", "vand"),
    "group.price": ("prices", "priser"),
    "group.fuel": ("fuel", "brændstof"),
    "group.heat": ("heat", "varme"),
    "group.gas": ("gas", "gas"),
    "substance.co2e": ("CO2e", "CO2e"),
    "substance.co2": ("CO2", "CO2"),
    "substance.nox": ("NOx", "NOx"),
    "substance.nmhc": ("NMHC", "NMHC"),
    "substance.pm": ("particulates", "partikler"),
    "sheet.summary": ("Summary", "Oversigt"),
    "sheet.breakdown": ("Breakdown", "Fordeling"),
    "sheet.flows": ("Cash flows", "Betalinger"),
    "sheet.assumptions": ("Assumptions", "Forudsætninger"),
    "tender title": ("title", "titel"),
    "model": ("model", "model"),
    "version": ("version", "version"),
    "annualised": ("annualised", "TCO pr. år"),
    "total_excl_externalities": ("total excl. externalities", "i alt ekskl. eksterne omk."),
    "total_incl_externalities": ("total incl. externalities", "i alt inkl. eksterne omk."),
    "annualised_excl_externalities": (
        "per year excl. externalities",
        "pr. år ekskl. eksterne omk.",
    ),
    "annualised_incl_externalities": ("per year incl. externalities", "pr. år inkl. eksterne omk."),
    "externalities_pv": ("priced externalities", "prissatte eksterne omk."),
    "total incl": ("total incl. externalities", "i alt inkl. eksterne omk."),
    "per year excl": ("per year excl. externalities", "pr. år ekskl. eksterne omk."),
    "per year incl": ("per year incl. externalities", "pr. år inkl. eksterne omk."),
    "externalities rule": ("externalities in the award", "eksterne omk. i tildelingen"),
    "rule.award": ("award", "tildeling"),
    "rule.report": ("report", "vises ved siden af"),
    "col incl": ("total incl. ext.", "i alt inkl. ekst."),
    "col excl": ("total excl. ext.", "i alt ekskl. ekst."),
    "col incl/yr": ("per year incl. ext.", "pr. år inkl. ekst."),
    "col excl/yr": ("per year excl. ext.", "pr. år ekskl. ekst."),
    "table rule award": (
        "Priced externalities count in the total, per year and rank.",
        "Prissatte eksterne omkostninger indgår i TCO, TCO pr. år og rangering.",
    ),
    "table rule report": (
        "Priced externalities are reported beside the total, per year and rank (not counted in "
        "the award).",
        "Prissatte eksterne omkostninger vises ved siden af TCO, TCO pr. år og rangering (indgår "
        "ikke i tildelingen).",
    ),
    "period col": ("period", "periode"),
    "periods note": (
        "Each bid over its own period (years): {list}.",
        "Hvert tilbud over sin egen periode (år): {list}.",
    ),
    # -- charts -------------------------------------------------------------------------
    "crossing from": (
        "{cheaper} cheaper than {dearer} from year {year}",
        "{cheaper} billigere end {dearer} fra år {year}",
    ),
    "crossing residual": (
        "{cheaper} ends cheaper than {dearer} only through the residual value credited at the "
        "end of year {year}",
        "{cheaper} ender billigere end {dearer} kun på grund af restværdien, der krediteres "
        "ved udgangen af år {year}",
    ),
    "residual credit": ("residual value credited", "restværdi krediteret"),
    "low value": ("input at low value", "inddata ved lav værdi"),
    "high value": ("input at high value", "inddata ved høj værdi"),
    "tornado title": (
        "Sensitivity of '{name}'\n(total {total} {cur})",
        "Følsomhed for '{name}'\n(i alt {total} {cur})",
    ),
    "cheapest in": ("{name} (cheapest in {p})", "{name} (billigst i {p})"),
    "samples": ("samples", "stikprøver"),
    "mc title": (
        "Monte Carlo: {n} samples; dashed: deterministic totals",
        "Monte Carlo: {n} stikprøver; stiplet: deterministiske totaler",
    ),
    "rank k": ("rank {k}", "nr. {k}"),
    "share of samples": ("share of samples", "andel af stikprøver"),
    "rank probabilities": ("Probability of each rank", "Sandsynlighed for hver placering"),
    "bid ranks": ("bids' ranks", "tilbuddenes placering"),
    # -- command line -------------------------------------------------------------------
    "cli.error": ("error", "fejl"),
    "cli.wrote": ("wrote {path}", "skrev {path}"),
    "cli.wrote form": (
        "wrote {path}: {n} bid parameters of '{model}'",
        "skrev {path}: {n} tilbudsparametre for '{model}'",
    ),
    "cli.bids replaced": (
        "note: the bids are read from {n} form(s); the {m} bid(s) written in the tender are "
        "not used",
        "bemærk: tilbuddene læses fra {n} tilbudsskema(er); de {m} tilbud, der står i udbuddet, "
        "bruges ikke",
    ),
    "cli.valid tender": (
        "{file}: valid tender for model '{model}' with {n} bids",
        "{file}: gyldigt udbud for modellen '{model}' med {n} tilbud",
    ),
    "cli.valid model": (
        "{file}: valid product model '{model}' with {p} parameters and {i} items",
        "{file}: gyldig produktmodel '{model}' med {p} parametre og {i} poster",
    ),
    "cli.scenario": ("scenario", "scenarie"),
    "cli.cheapest": ("cheapest", "billigst"),
    "cli.pv per scenario": (
        "Present value in {cur} per scenario",
        "Nutidsværdi i {cur} pr. scenarie",
    ),
    "cli.input": ("input", "inddata"),
    "cli.low high": ("low .. high", "lav .. høj"),
    "cli.at low": ("at low", "ved lav"),
    "cli.at high": ("at high", "ved høj"),
    "cli.swing": ("swing", "udsving"),
    "cli.switches": ("switches", "skifter"),
    "cli.yes": ("yes", "ja"),
    "cli.tornado diff": (
        "Tornado of total '{a}' - '{b}' in {cur} (now {now})",
        "Tornado for total '{a}' - '{b}' i {cur} (nu {now})",
    ),
    "cli.tornado": (
        "Tornado of '{bid}' in {cur} (total {total})",
        "Tornado for '{bid}' i {cur} (i alt {total})",
    ),
    "cli.equal at": (
        "'{a}' and '{b}' are equal at {input} = {value} (now {now})",
        "'{a}' og '{b}' koster det samme ved {input} = {value} (nu {now})",
    ),
    "cli.jump at": (
        "'{a}' and '{b}' jump past each other at {input} = {value} (now {now})",
        "'{a}' og '{b}' springer forbi hinanden ved {input} = {value} (nu {now})",
    ),
    "cli.never": (
        "'{a}' and '{b}' never cost the same for {input} between {low} and {high}",
        "'{a}' og '{b}' koster aldrig det samme for {input} mellem {low} og {high}",
    ),
    "cli.equal outside": (
        " (the totals would be equal at {value})",
        " (totalerne ville være ens ved {value})",
    ),
    "cli.now": ("now", "nu"),
    "cli.switching value": ("switching value", "skifteværdi"),
    "cli.bounds": ("bounds", "søgeinterval"),
    "cli.method": ("method", "metode"),
    "cli.linear": ("linear", "lineær"),
    "cli.bisection": ("bisection", "halvering"),
    "cli.jump": (" (jump)", " (spring)"),
    "cli.total diff now": ("total '{a}' - '{b}' now", "total '{a}' - '{b}' nu"),
    "cli.all crossings": ("all crossings", "alle skæringer"),
    "cli.mc head": (
        "Monte Carlo: {n} samples (seed {seed}), inputs {inputs}; present value in {cur}; {s} s",
        "Monte Carlo: {n} stikprøver (frø {seed}), inddata {inputs}; nutidsværdi i {cur}; {s} s",
    ),
    "cli.deterministic": ("deterministic", "deterministisk"),
    "cli.mean": ("mean", "middel"),
    "cli.sd": ("sd", "spredning"),
    "cli.p cheapest": ("P(cheapest)", "P(billigst)"),
    "cli.diff line": (
        "Total '{a}' - '{b}': mean {mean}, sd {sd}, {pcts}; P('{a}' cheaper) {p}",
        "Total '{a}' - '{b}': middel {mean}, spredning {sd}, {pcts}; P('{a}' billigst) {p}",
    ),
    "cli.scores": (
        "Scores: price model {method}, {points} points; weights {weights}",
        "Point: prismodel {method}, {points} point; vægte {weights}",
    ),
    "cli.score": ("score", "point i alt"),
    "cli.total cur": ("total {cur}", "i alt {cur}"),
    "cli.against": (
        "Against '{base}': present values in {cur}, {rate} real; SIR and AIRR need extra "
        "investment",
        "Mod '{base}': nutidsværdier i {cur}, {rate} real rente; SIR og AIRR kræver en "
        "merinvestering",
    ),
    "cli.baseline": (" (baseline)", " (basis)"),
    "cli.lcc": ("LCC", "LCC"),
    "cli.net savings": ("net savings", "nettobesparelse"),
    "cli.extra inv": ("extra inv.", "merinvest."),
    "cli.savings": ("savings", "besparelse"),
    "cli.payback": ("payback", "tilbagebet."),
    "cli.disc payback": ("disc. payback", "disk. tilbagebet."),
    "cli.sir note": (
        "Why SIR and payback seem to disagree: SIR divides the savings by the extra investment in present value, and replacements and the residual value count as investment (NIST Handbook 135), so a bid that needs fewer replacements than the baseline has a small extra investment and a high SIR; the payback instead waits until the savings have covered the extra price paid in year 0: {bids}.",
        "Hvorfor SIR og tilbagebetalingstid ser ud til at modsige hinanden: SIR er besparelsen divideret med merinvesteringen i nutidsværdi, og udskiftninger og restværdi tæller som investering (NIST Handbook 135), så et tilbud med færre udskiftninger end basis har en lille merinvestering og en høj SIR; tilbagebetalingstiden venter derimod, til besparelserne har dækket den højere pris i år 0: {bids}.",
    ),
    "cli.price": ("price", "pris"),
    "cli.years n": ("{n} years", "{n} år"),
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
