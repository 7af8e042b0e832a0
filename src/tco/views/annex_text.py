"""The words of the tender annex, in English and Danish.

``{...}`` fields are filled in with the tender's numbers by
:mod:`tco.views.annex`. Both languages have the same keys (tested).
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The annex's prose per language.
ANNEX_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "doc title": "Annex: life-cycle cost method",
        "lead": "Award on life-cycle cost (total cost of ownership) with the product "
        "model {model} ({name}, version {version}).",
        "s purpose": "Purpose and legal basis",
        "purpose": "This annex is part of the procurement documents. As required by Article "
        "68(2) of Directive 2014/24/EU (Danish Public Procurement Act, § 166), it states the "
        "data each bidder must provide and the method the contracting authority will use to "
        "determine the life-cycle cost from those data. The method is the same for every "
        "bidder, uses only data that can be verified objectively, and is published in full "
        "here: anyone can recompute the result with the formulas and values below.",
        "model about": "What is costed: {description}",
        "scope": "The contracting authority buys {units} and compares the bids over {period}.",
        "units": "{q} units (one unit: {unit})",
        "years": "{n} years",
        "own life": "each bid's own lifetime",
        "s items": "Cost items",
        "items intro": "The life-cycle cost is the sum of the following cost items. Costs are "
        "positive; resale, buy-back and residual value are negative costs.",
        "item": "cost item",
        "symbol": "symbol",
        "category": "category",
        "when": "when it falls",
        "covers": "what it covers",
        "emissions intro": "Emissions are computed in kilograms for every bid and reported "
        "with the result:",
        "substance": "substance",
        "once": "once, in year 0",
        "once life": "in year 0 and again at each end of life within the study period",
        "residual": "; the remaining value of the last unit is credited at the end of the period",
        "annual": "every year, years 1 to {end}",
        "annual from": "every year from year {start} to year {stop}",
        "every": "every {when} years within the study period",
        "at": "once, in year {when}",
        "end_of_life": "at the end of each unit's life within the study period",
        "escalated": "; prices rise with the rate '{group}'",
        "indexed": "; indexed at each bid's own rate '{param}'",
        "paid at": "; paid {when}",
        "s formulas": "Formulas",
        "formulas intro": "Each cost item's amount per {unit} is computed from the "
        "parameters by the formula below, first in words, then in mathematical notation "
        "(the symbols are the parameters' names in sections 4 and 5). One-off amounts are in "
        "{cur}, annual amounts in {cur} per year.",
        "lifetime": "Lifetime of one unit L [years]",
        "conventions": "From amounts to the life-cycle cost",
        "c quantity": "Quantity: every cost per unit is multiplied by Q = {q}.",
        "by year": "(year by year)",
        "c life": "Lifetime: a unit lasts L years and is bought again at each end of life "
        "within the period.",
        "s assumptions": "The contracting authority's fixed assumptions",
        "assumptions intro": "These values are the same for every bid. Bidders cannot change them.",
        "basis": "Official values are taken from the basis {title} ({id}), {publisher}, "
        "edition {edition}.",
        "parameter": "parameter",
        "value": "value",
        "unit": "unit",
        "source": "source",
        "model default": "default of the product model",
        "tender value": "stated by the contracting authority for this tender",
        "price criterion": "price (life-cycle cost)",
        "s data": "Data each bidder must supply",
        "data intro": "Each bid gives one value for each parameter below, in the unit stated "
        "(another unit of the same kind is converted). A value outside a condition stated "
        "in the table makes the bid non-compliant.",
        "bounds note": "Values no product can have (a negative price, a share above 100 %) "
        "are refused as entry errors when the bids are read; those checks are not conditions "
        "of the award.",
        "range": "condition of a conforming bid",
        "no condition": "none",
        "description": "description",
        "verification": "how it is verified",
        "any": "any value",
        "at least": "at least {lo}",
        "at most": "at most {hi}",
        "s award": "How the result enters the award",
        "award pv": "The bids are ranked by their present value (life-cycle cost) over the "
        "study period; the lowest present value ranks first. The annualised cost is reported "
        "beside it.",
        "award eac": "The bids' lifetimes differ and each is costed over its own lifetime, so "
        "the bids are ranked by their annualised cost (equivalent annual cost); the lowest "
        "ranks first.",
        "award ext none": "No externality is priced; emissions are reported but do not enter "
        "the ranking.",
        "award ties": "Bids whose cost is equal to the cent share a rank.",
        "award score": "The life-cycle cost is the price criterion of the award. It is turned "
        "into points by the {method} model with at most {m} points: {formula}. Points are "
        "limited to 0 … {m}.",
        "award weights": "Weights of the award criteria: {weights}. The weighted sum of points "
        "ranks the bids; the highest ranks first.",
        "proportional": "points = M × L / P",
        "linear_slope": "points = M × (1 − k × (P − L) / L), with k = {slope}",
        "linear_ceiling": "points = M × (C − P) / (C − L), with C = {ceiling}",
        "linear_range": "points = M × (H − P) / (H − L), H the highest cost",
        "score symbols": "P is a bid's life-cycle cost, L the lowest of all bids, M the "
        "maximum points.",
        "s example": "Worked example",
        "example intro bid": "To show the method, the first bid received, '{bid}', is "
        "evaluated below. The numbers are computed by the same engine that will evaluate the "
        "bids.",
        "example intro illustrative": "To show the method, an illustrative bid (not a real "
        "offer: the model's default values within the conditions of section 5, or the middle "
        "of a stated range) is evaluated below with the same engine that will evaluate the "
        "bids.",
        "example values": "Values of the bid",
        "per unit": "amount per unit",
        "present value": "present value",
        "total": "Life-cycle cost (present value)",
        "annualised": "Annualised cost",
        "emitted": "{s}: {kg} kg over the period",
        "s form": "Bid form",
        "form": "Bidders give their values in the bid form (an Excel workbook) issued with "
        "the procurement documents; it has one field per parameter of section 5, with its "
        "unit. The filled forms are evaluated by the same method and engine as the worked "
        "example of section 7.",
        "generated": "Generated by tco {version} from the product model {model} "
        "(version {mversion}).",
        "unversioned": "unversioned",
        "per year": "per year",
        "year": "year",
    },
    "da": {
        "doc title": "Bilag: metode for livscyklusomkostninger",
        "lead": "Tildeling på livscyklusomkostninger (totalomkostninger, TCO) med "
        "produktmodellen {model} ({name}, version {version}).",
        "s purpose": "Formål og retsgrundlag",
        "purpose": "Dette bilag er en del af udbudsmaterialet. Som krævet i udbudslovens § 166 "
        "(direktiv 2014/24/EU, artikel 68, stk. 2) angiver det de oplysninger, som "
        "tilbudsgiverne skal indsende, og den metode, som ordregiveren vil anvende til at "
        "fastsætte livscyklusomkostningerne på grundlag af disse oplysninger. Metoden er den "
        "samme for alle tilbudsgivere, bygger kun på oplysninger der kan efterprøves "
        "objektivt, og offentliggøres fuldt ud her: alle kan regne resultatet efter med "
        "formlerne og værdierne nedenfor.",
        "model about": "Hvad der beregnes: {description}",
        "scope": "Ordregiveren køber {units} og sammenligner tilbuddene over {period}.",
        "units": "{q} stk. (én enhed: {unit})",
        "years": "{n} år",
        "own life": "hvert tilbuds egen levetid",
        "s items": "Omkostningsposter",
        "items intro": "Livscyklusomkostningen er summen af følgende omkostningsposter. "
        "Omkostninger er positive; salg, tilbagetagning og restværdi er negative "
        "omkostninger.",
        "item": "omkostningspost",
        "symbol": "symbol",
        "category": "kategori",
        "when": "hvornår den falder",
        "covers": "hvad den dækker",
        "emissions intro": "Udledninger beregnes i kilogram for hvert tilbud og vises med "
        "resultatet:",
        "substance": "stof",
        "once": "én gang, i år 0",
        "once life": "i år 0 og igen ved hver levetids udløb inden for analyseperioden",
        "residual": "; restværdien af den sidste enhed krediteres ved periodens slutning",
        "annual": "hvert år, år 1 til {end}",
        "annual from": "hvert år fra år {start} til år {stop}",
        "every": "hvert {when}. år inden for analyseperioden",
        "at": "én gang, i år {when}",
        "end_of_life": "ved hver enheds levetids udløb inden for analyseperioden",
        "escalated": "; priserne stiger med satsen '{group}'",
        "indexed": "; pristalsreguleres med hvert tilbuds egen sats '{param}'",
        "paid at": "; betales {when}",
        "s formulas": "Formler",
        "formulas intro": "Hver omkostningsposts beløb pr. {unit} beregnes af parametrene med "
        "formlen nedenfor, først i ord, derefter med matematisk notation (symbolerne er "
        "parametrenes navne i afsnit 4 og 5). Engangsbeløb er i {cur}, årlige beløb i {cur} "
        "pr. år.",
        "lifetime": "Levetid for én enhed L [år]",
        "conventions": "Fra beløb til livscyklusomkostning",
        "c quantity": "Antal: alle omkostninger pr. enhed ganges med Q = {q}.",
        "by year": "(år for år)",
        "c life": "Levetid: en enhed holder L år og købes igen ved hver levetids udløb inden "
        "for perioden.",
        "s assumptions": "Ordregiverens faste forudsætninger",
        "assumptions intro": "Disse værdier er de samme for alle tilbud. Tilbudsgiverne kan "
        "ikke ændre dem.",
        "basis": "Officielle værdier er hentet fra grundlaget {title} ({id}), {publisher}, "
        "udgave {edition}.",
        "parameter": "parameter",
        "value": "værdi",
        "unit": "enhed",
        "source": "kilde",
        "model default": "produktmodellens standardværdi",
        "tender value": "fastsat af ordregiveren for dette udbud",
        "price criterion": "pris (livscyklusomkostning)",
        "s data": "Oplysninger som hver tilbudsgiver skal indsende",
        "data intro": "Hvert tilbud angiver én værdi for hver parameter nedenfor, i den angivne "
        "enhed (en anden enhed af samme art omregnes). En værdi, der ikke opfylder en "
        "betingelse i tabellen, gør tilbuddet ukonditionsmæssigt.",
        "bounds note": "Værdier, som intet produkt kan have (en negativ pris, en andel over "
        "100 %), afvises som tastefejl, når tilbuddene indlæses; disse kontroller er ikke "
        "betingelser for tildelingen.",
        "range": "betingelse for et konditionsmæssigt tilbud",
        "no condition": "ingen",
        "description": "beskrivelse",
        "verification": "hvordan den efterprøves",
        "any": "enhver værdi",
        "at least": "mindst {lo}",
        "at most": "højst {hi}",
        "s award": "Sådan indgår resultatet i tildelingen",
        "award pv": "Tilbuddene rangeres efter deres nutidsværdi (livscyklusomkostning) over "
        "analyseperioden; laveste nutidsværdi rangerer først. TCO pr. år vises ved siden af.",
        "award eac": "Tilbuddenes levetider er forskellige, og hvert tilbud beregnes over sin "
        "egen levetid; derfor rangeres tilbuddene efter TCO pr. år (ækvivalent årlig "
        "omkostning); laveste rangerer først.",
        "award ext none": "Ingen eksterne omkostninger prissættes; udledninger vises, men "
        "indgår ikke i rangeringen.",
        "award ties": "Tilbud hvis omkostning er ens på øret, deler plads.",
        "award score": "Livscyklusomkostningen er tildelingens priskriterium. Den omregnes til "
        "point med modellen {method} med højst {m} point: {formula}. Point begrænses til "
        "0 … {m}.",
        "award weights": "Vægte af tildelingskriterierne: {weights}. Den vægtede sum af point "
        "rangerer tilbuddene; højeste rangerer først.",
        "proportional": "point = M × L / P",
        "linear_slope": "point = M × (1 − k × (P − L) / L), med k = {slope}",
        "linear_ceiling": "point = M × (C − P) / (C − L), med C = {ceiling}",
        "linear_range": "point = M × (H − P) / (H − L), H den højeste omkostning",
        "score symbols": "P er et tilbuds livscyklusomkostning, L den laveste af alle tilbud, "
        "M det højeste antal point.",
        "s example": "Regneeksempel",
        "example intro bid": "For at vise metoden beregnes det første modtagne tilbud, "
        "'{bid}', nedenfor. Tallene er beregnet af den samme beregningsmotor, som vil "
        "evaluere tilbuddene.",
        "example intro illustrative": "For at vise metoden beregnes et illustrativt tilbud "
        "(ikke et reelt tilbud: modellens standardværdier inden for betingelserne i afsnit 5 "
        "eller midten af et angivet interval) nedenfor med den samme beregningsmotor, som vil "
        "evaluere tilbuddene.",
        "example values": "Tilbuddets værdier",
        "per unit": "beløb pr. enhed",
        "present value": "nutidsværdi",
        "total": "Livscyklusomkostning (nutidsværdi)",
        "annualised": "TCO pr. år",
        "emitted": "{s}: {kg} kg i perioden",
        "s form": "Tilbudsliste",
        "form": "Tilbudsgiverne angiver deres værdier i tilbudslisten (et Excel-regneark), "
        "der udleveres med udbudsmaterialet; den har ét felt for hver parameter i afsnit 5 "
        "med dens enhed. De udfyldte lister evalueres med samme metode og beregningsmotor "
        "som regneeksemplet i afsnit 7.",
        "generated": "Dannet af tco {version} ud fra produktmodellen {model} (version {mversion}).",
        "unversioned": "uden version",
        "per year": "pr. år",
        "year": "år",
    },
}

#: A generic sentence on how a bid value of each kind is verified, for parameters
#: whose model states no ``verification``.
VERIFY: dict[str, dict[str, str]] = {
    "en": {
        "price": "Binding price of the bid (excl. VAT); it becomes the contract price.",
        "running price": "Binding unit price of the bid (excl. VAT); it becomes a price of the "
        "contract.",
        "power": "Data sheet and test report under the harmonised measurement standard or the "
        "product's entry in the EU product database (EPREL); may be checked by measurement "
        "on delivered units.",
        "energy": "Data sheet and test report under the applicable measurement standard or "
        "label (EU energy label, ENERGY STAR); may be checked by measurement on delivered "
        "units.",
        "time": "Manufacturer's data sheet naming the test method; backed by the contract's "
        "warranty terms.",
        "consumption": "Type-approval value (WLTP) or the test report of the applicable standard.",
        "share": "Stated in the bid and documented by the data sheet; binding in the contract.",
        "other": "Manufacturer's data sheet or test report; the contracting authority may "
        "ask for documentation and check the value during the contract.",
    },
    "da": {
        "price": "Tilbuddets bindende pris (ekskl. moms); den bliver kontraktens pris.",
        "running price": "Tilbuddets bindende enhedspris (ekskl. moms); den bliver en pris i "
        "kontrakten.",
        "power": "Datablad og prøvningsrapport efter den harmoniserede målestandard eller "
        "produktets registrering i EU's produktdatabase (EPREL); kan kontrolleres ved måling "
        "på leverede enheder.",
        "energy": "Datablad og prøvningsrapport efter den gældende målestandard eller mærkning "
        "(EU-energimærke, ENERGY STAR); kan kontrolleres ved måling på leverede enheder.",
        "time": "Producentens datablad med angivelse af prøvningsmetode; understøttes af "
        "kontraktens garantibestemmelser.",
        "consumption": "Typegodkendelsesværdi (WLTP) eller prøvningsrapport efter den gældende "
        "standard.",
        "share": "Angives i tilbuddet og dokumenteres med datablad; bindende i kontrakten.",
        "other": "Producentens datablad eller prøvningsrapport; ordregiveren kan kræve "
        "dokumentation og kontrollere værdien i kontraktperioden.",
    },
}
