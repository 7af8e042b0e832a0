"""Catalogue words of assumptions, tables, the workbook and the charts.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``.

Examples
--------
>>> TABLE_MESSAGES["discounting.mid"]
('mid-year', 'midt i året')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


#: assumptions, tables, workbook: key -> (English, Danish)
TABLE_MESSAGES: dict[str, tuple[str, str]] = {
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
    "annualised at": ("annualised at", "TCO pr. år beregnet ved"),
    "annualised at.real": (
        "the real rate: a level amount in constant money (year-0 prices)",
        "den reale rente: et jævnt årligt beløb i faste priser (år 0)",
    ),
    "annualised at.nominal": (
        "the nominal rate: a level amount in current money",
        "den nominelle rente: et jævnt årligt beløb i løbende priser",
    ),
    "table annualised real": (
        "Per year: the level amount with the same present value over the period, at the real "
        "rate {rate} (constant money, year-0 prices).",
        "TCO pr. år: det jævne årlige beløb med samme nutidsværdi over perioden, ved den reale "
        "rente {rate} (faste priser, år 0).",
    ),
    "table annualised nominal": (
        "Per year: the level amount with the same present value over the period, at the nominal "
        "rate {rate} (current money).",
        "TCO pr. år: det jævne årlige beløb med samme nutidsværdi over perioden, ved den "
        "nominelle rente {rate} (løbende priser).",
    ),
    "table annualised real schedule": (
        "Per year: the level amount with the same present value over the period, at the real "
        "rates of the discount schedule (constant money, year-0 prices).",
        "TCO pr. år: det jævne årlige beløb med samme nutidsværdi over perioden, ved "
        "diskonteringsskemaets reale renter (faste priser, år 0).",
    ),
    "table annualised nominal schedule": (
        "Per year: the level amount with the same present value over the period, at the nominal "
        "rates of the discount schedule (current money).",
        "TCO pr. år: det jævne årlige beløb med samme nutidsværdi over perioden, ved "
        "diskonteringsskemaets nominelle renter (løbende priser).",
    ),
}


#: charts: key -> (English, Danish)
CHART_MESSAGES: dict[str, tuple[str, str]] = {
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
}
