"""The words of the method's conventions, in English and Danish.

:mod:`tco.views.conventions_text` fills them in with formulas written from
:mod:`tco.engine.conventions`; no formula is written here. Both languages have
the same keys (tested).
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The words of the statements, per language. ``{...}`` are filled in; formulas are not here.
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "lead rate": "Discount rate",
        "lead timing": "Timing",
        "lead escalation": "Escalation",
        "lead residual": "Residual value",
        "lead externalities": "Externalities",
        "lead pv": "Present value",
        "lead eac": "Annualised cost",
        "rate": "r = {r} per year, {kind}",
        "real": "real (constant prices of year 0)",
        "nominal": "nominal (current prices)",
        "fisher": ", computed from the nominal rate {n} and inflation i = {i} by the Fisher "
        "relation {formula}",
        "fisher bands": ", each band's rate computed from its nominal rate and inflation i = {i} "
        "by the Fisher relation {formula}",
        "schedule": "a schedule by year band, {kind}: {rk} = {bands}. The factors compound band by "
        "band, so a year's factor is the product of the factors of every year up to it",
        "band": "{r} in year {a}",
        "bands": "{r} in years {a}–{b}",
        "end": "at the end of the year",
        "mid": "in the middle of the year",
        "begin": "at the beginning of the year",
        "timing": "purchases fall in year 0, the decision date; annual amounts in years "
        "1 … P, {when}, where they are discounted: {annual}. One-off events (replacements, "
        "disposal, residual value) are booked in the year they fall in, rounded up, "
        "{event_when}: {event}",
        "escalation": "prices of escalated items follow an index: amount(t) = quoted amount × "
        "{index}, with the rates {groups}. Quoted prices are year-{y} prices (the index is 1 "
        "in year {y})",
        "escalation at": "; an annual amount is priced at the instant it falls, {when}",
        "no escalation": "no item escalates: every amount stays at its quoted price",
        "residual linear": "the last unit's remaining value is credited at the period's end as "
        "a negative cost: its price × (s + L − P) / L, s being the year it was bought (linear "
        "residual value)",
        "residual share": "the last unit's residual value is credited at the period's end as a "
        "negative cost: {share} of its price (a stated share of the initial cost, NIST BLCC)",
        "residual none": "no residual value is credited",
        "priced": "emissions are priced (mass × price) in the category externalities: {list}. "
        "{rule}",
        "rule award": "They count in the award: the total, the annualised cost and the rank "
        "include them; the totals without them are shown beside",
        "rule report": "They are reported beside the award, not counted in it: the total, the "
        "annualised cost and the rank exclude them; the totals with them are shown beside",
        "unpriced": "no emission is priced; emissions are reported in kg beside the cost",
        "award rule award": "Priced externalities are part of the cost that ranks the bids; "
        "the cost without them is reported beside it.",
        "award rule report": "Priced externalities are not part of the cost that ranks the "
        "bids: the bids are ranked without them, and the cost with them is reported beside it.",
        "pv": "{pv} = Σ over the cost items i and the years t = 0 … P of {c} × d(t), in {cur}; "
        "costs positive, resale and residual value negative",
        "eac": "{eac} = {pv} / {sum}, the present value divided by the sum of the annual "
        "amounts' discount factors over the period (the annuity factor), {rate}",
        "eac real": "at the real rate r: a level amount a year in constant money (prices of "
        "year 0)",
        "eac nominal": "at the nominal rate {rn} = (1 + r) × (1 + i) − 1 = {value}: a level "
        "amount a year in current money (NIST BLCC)",
        "eac nominal schedule": "at each band's rate made nominal, (1 + {rk}) × (1 + i) − 1 "
        "with i = {i}: a level amount a year in current money (NIST BLCC)",
        "own timing": ". {items} {verb} {when}: {annual}",
        "paid": "is paid",
        "paid many": "are paid",
        "indexed": " {items} {verb} at each bid's own rate {eb} per year, the bid's '{param}': "
        "amount(t) = quoted amount × {index}",
        "indexed one": "is indexed",
        "escalation nominal": ". The rates are nominal: each is made real by the Fisher "
        "relation, (1 + e) / (1 + i) − 1, as the discount rate is",
        "indexed many": "are indexed",
        "pv symbol": "PV",
        "eac symbol": "EAC",
    },
    "da": {
        "lead rate": "Kalkulationsrente",
        "lead timing": "Tidspunkter",
        "lead escalation": "Prisudvikling",
        "lead residual": "Restværdi",
        "lead externalities": "Eksterne omkostninger",
        "lead pv": "Nutidsværdi",
        "lead eac": "TCO pr. år",
        "rate": "r = {r} pr. år, {kind}",
        "real": "real (faste priser i år 0)",
        "nominal": "nominel (løbende priser)",
        "fisher": ", beregnet af den nominelle rente {n} og inflationen i = {i} med "
        "Fisher-relationen {formula}",
        "fisher bands": ", hvert trins rente beregnet af dets nominelle rente og inflationen "
        "i = {i} med Fisher-relationen {formula}",
        "schedule": "en rente der falder trinvis med årene, {kind}: {rk} = {bands}. Faktorerne "
        "sammensættes trin for trin, så et års faktor er produktet af faktorerne for alle år "
        "til og med det",
        "band": "{r} i år {a}",
        "bands": "{r} i år {a}–{b}",
        "end": "ved årets slutning",
        "mid": "midt i året",
        "begin": "ved årets begyndelse",
        "timing": "indkøb sker i år 0, beslutningstidspunktet; årlige beløb i år 1 … P, "
        "{when}, hvor de tilbagediskonteres: {annual}. Enkeltstående hændelser (udskiftning, "
        "bortskaffelse, restværdi) bogføres i det år de falder i, rundet op, {event_when}: {event}",
        "escalation": "priser på poster med prisudvikling følger et indeks: beløb(t) = tilbudt "
        "beløb × {index}, med satserne {groups}. Tilbudte priser er år-{y}-priser (indekset "
        "er 1 i år {y})",
        "escalation at": "; et årligt beløb prissættes på det tidspunkt, det falder, {when}",
        "no escalation": "ingen poster har prisudvikling: alle beløb står i de tilbudte priser",
        "residual linear": "den sidste enheds restværdi krediteres ved periodens slutning som "
        "en negativ omkostning: prisen × (s + L − P) / L, hvor s er året den blev købt "
        "(lineær restværdi)",
        "residual share": "den sidste enheds restværdi krediteres ved periodens slutning som "
        "en negativ omkostning: {share} af prisen (en angivet andel af anskaffelsesprisen, "
        "NIST BLCC)",
        "residual none": "der krediteres ingen restværdi",
        "priced": "udledninger prissættes (masse × pris) i kategorien eksterne omkostninger: "
        "{list}. {rule}",
        "rule award": "De indgår i tildelingen: TCO, TCO pr. år og rangering medregner dem; "
        "totalerne uden dem vises ved siden af",
        "rule report": "De vises ved siden af tildelingen og indgår ikke i den: TCO, TCO pr. år "
        "og rangering medregner dem ikke; totalerne med dem vises ved siden af",
        "unpriced": "ingen udledninger prissættes; de vises i kg ved siden af omkostningen",
        "award rule award": "Prissatte eksterne omkostninger indgår i den omkostning, "
        "tilbuddene rangeres efter; omkostningen uden dem vises ved siden af.",
        "award rule report": "Prissatte eksterne omkostninger indgår ikke i den omkostning, "
        "tilbuddene rangeres efter: tilbuddene rangeres uden dem, og omkostningen med dem "
        "vises ved siden af.",
        "pv": "{pv} = summen over omkostningsposterne i og årene t = 0 … P af {c} × d(t), i "
        "{cur}; omkostninger positive, salg og restværdi negative",
        "eac": "{eac} = {pv} / {sum}, nutidsværdien divideret med summen af de årlige beløbs "
        "diskonteringsfaktorer over perioden (annuitetsfaktoren), {rate}",
        "eac real": "ved den reale rente r: et jævnt årligt beløb i faste priser (år 0)",
        "eac nominal": "ved den nominelle rente {rn} = (1 + r) × (1 + i) − 1 = {value}: et "
        "jævnt årligt beløb i løbende priser (NIST BLCC)",
        "eac nominal schedule": "ved hvert trins rente gjort nominel, (1 + {rk}) × (1 + i) − 1 "
        "med i = {i}: et jævnt årligt beløb i løbende priser (NIST BLCC)",
        "own timing": ". {items} {verb} {when}: {annual}",
        "paid": "betales",
        "paid many": "betales",
        "indexed": " {items} {verb} med hvert tilbuds egen sats {eb} pr. år, tilbuddets "
        "'{param}': beløb(t) = tilbudt beløb × {index}",
        "indexed one": "pristalsreguleres",
        "escalation nominal": ". Satserne er nominelle: hver gøres real med "
        "Fisher-relationen, (1 + e) / (1 + i) − 1, som kalkulationsrenten",
        "indexed many": "pristalsreguleres",
        "pv symbol": "NV",
        "eac symbol": "TCO/år",
    },
}
