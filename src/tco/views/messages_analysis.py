"""Catalogue words of the analysis outputs: abatement cost, contract follow-up, portfolio.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``.

Examples
--------
>>> ANALYSIS_MESSAGES["followup.actual"]
('actual', 'faktisk')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


#: tco abatement, tco follow-up, tco portfolio: key -> (English, Danish)
ANALYSIS_MESSAGES: dict[str, tuple[str, str]] = {
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
}
