"""Catalogue words of the usage profiles: table, CSV, workbook, report, chart and annex.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``, every key starting ``profiles.``.

Examples
--------
>>> PROFILE_MESSAGES["profiles.weighted"]
('weighted', 'vægtet')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: usage profiles: key -> (English, Danish)
PROFILE_MESSAGES: dict[str, tuple[str, str]] = {
    "profiles.title total": (
        "Usage profiles: present value in {cur} per bid (rank), weighted by each profile's share",
        "Brugsprofiler: nutidsværdi i {cur} pr. tilbud (placering), vægtet med hver profils andel",
    ),
    "profiles.title annualised": (
        "Usage profiles: annualised cost in {cur}/year per bid (rank), weighted by each "
        "profile's share",
        "Brugsprofiler: TCO pr. år i {cur}/år pr. tilbud (placering), vægtet med hver profils "
        "andel",
    ),
    "profiles.heading": ("Usage profiles", "Brugsprofiler"),
    "profiles.profile": ("profile", "profil"),
    "profiles.id": ("id", "id"),
    "profiles.weight": ("weight", "vægt"),
    "profiles.share": ("share", "andel"),
    "profiles.inputs": ("values of the profile", "profilens værdier"),
    "profiles.cheapest": ("cheapest", "billigst"),
    "profiles.weighted": ("weighted", "vægtet"),
    "profiles.rank": ("rank", "placering"),
    "profiles.bid": ("bid", "tilbud"),
    "profiles.cost total": ("present value", "nutidsværdi"),
    "profiles.cost annualised": ("annualised cost", "TCO pr. år"),
    "profiles.weighted cost total": ("weighted present value", "vægtet nutidsværdi"),
    "profiles.weighted cost annualised": ("weighted annualised cost", "vægtet TCO pr. år"),
    "profiles.same": (
        "The same bid is cheapest under every profile: {bid}.",
        "Det samme tilbud er billigst under alle profiler: {bid}.",
    ),
    "profiles.changes": (
        "The cheapest bid changes between profiles: {list}.",
        "Det billigste tilbud skifter mellem profilerne: {list}.",
    ),
    "profiles.switch": (
        "From {a} to {b}: {from_bid} is cheapest until {at}, then {to_bid}.",
        "Fra {a} til {b}: {from_bid} er billigst indtil {at}, derefter {to_bid}.",
    ),
    "profiles.fraction": ("{f} of the way", "{f} af vejen"),
    "profiles.why": (
        "Why: under {a}, {x} costs {dx} {cur} less than {y}. From {a} to {b} the cost of {x} "
        "rises by {rx} {cur} and that of {y} by {ry} {cur}, so under {b} {y} costs {dy} {cur} "
        "less.",
        "Hvorfor: under {a} koster {x} {dx} {cur} mindre end {y}. Fra {a} til {b} stiger "
        "omkostningen for {x} med {rx} {cur} og for {y} med {ry} {cur}, så under {b} koster "
        "{y} {dy} {cur} mindre.",
    ),
    "profiles.rule": (
        "Each bid is costed under each profile with the profile's values in place of the "
        "tender's; the weighted cost is Σ w_k × cost_k with the weights normalised to sum to "
        "100 %, the expected cost for a customer drawn from the framework's mix. The bids are "
        "ranked on the weighted cost.",
        "Hvert tilbud beregnes under hver profil med profilens værdier i stedet for udbuddets; "
        "den vægtede omkostning er Σ w_k × omkostning_k med vægtene normeret til 100 %, den "
        "forventede omkostning for en kunde i rammeaftalens sammensætning. Tilbuddene rangeres "
        "efter den vægtede omkostning.",
    ),
    "profiles.weights relative": (
        "Weights are relative: a profile's share is its weight divided by the sum of the "
        "weights ({total}).",
        "Vægtene er relative: en profils andel er dens vægt divideret med summen af vægtene "
        "({total}).",
    ),
    "profiles.weights shares": (
        "Weights are shares: percentages of the expected use, adding up to 100 %.",
        "Vægtene er andele: procenter af den forventede brug, i alt 100 %.",
    ),
    "profiles.weights equal": (
        "No weights are given: every profile has an equal share.",
        "Der er ikke angivet vægte: alle profiler har samme andel.",
    ),
    "profiles.per profile": ("Ranking under each profile", "Rangering under hver profil"),
    "profiles.weighted ranking": ("Weighted ranking", "Vægtet rangering"),
    "profiles.where": ("Where the winner changes", "Hvor vinderen skifter"),
    "profiles.the profiles": ("The profiles", "Profilerne"),
    "profiles.report title": ("Usage profiles: {title}", "Brugsprofiler: {title}"),
    "profiles.report intro": (
        "{n} bids ranked under {k} usage profiles of the framework agreement; cheapest on the "
        "weighted cost: {winner}.",
        "{n} tilbud rangeret under rammeaftalens {k} brugsprofiler; billigst på den vægtede "
        "omkostning: {winner}.",
    ),
    "profiles.no charts": (
        "The chart is left out: this installation of tco cannot draw charts.",
        "Diagrammet er udeladt: denne installation af tco kan ikke tegne diagrammer.",
    ),
    "profiles.sheet": ("Profiles", "Brugsprofiler"),
    "profiles.chart title": ("Cost per usage profile", "Omkostning pr. brugsprofil"),
    "profiles.tender values": ("the tender's values", "udbuddets værdier"),
    # -- the annex ------------------------------------------------------------------------
    "profiles.annex intro": (
        "The framework agreement serves customers whose use differs. Every bid is costed by "
        "the method above under each of the following usage profiles: each profile replaces "
        "the buyer's values named in it and keeps the others.",
        "Rammeaftalen dækker kunder med forskelligt forbrug. Hvert tilbud beregnes med "
        "metoden ovenfor under hver af følgende brugsprofiler: en profil erstatter de af "
        "ordregiverens værdier, den nævner, og beholder de øvrige.",
    ),
    "profiles.annex rule": (
        "The bids are ranked on the weighted cost: C_w = Σ_k w_k × C_k / Σ_k w_k, where "
        "C_k is the bid's {what} under profile k and w_k the profile's weight. The bid with the "
        "lowest weighted cost has the lowest life-cycle cost.",
        "Tilbuddene rangeres efter den vægtede omkostning: C_w = Σ_k w_k × C_k / Σ_k w_k, "
        "hvor C_k er tilbuddets {what} under profil k og w_k profilens vægt. Tilbuddet med den "
        "laveste vægtede omkostning har de laveste livscyklusomkostninger.",
    ),
    "profiles.annex words": (
        "the sum over the profiles of each profile's weight times the bid's {what} under it, "
        "divided by the sum of the weights",
        "summen over profilerne af hver profils vægt gange tilbuddets {what} under profilen, "
        "divideret med summen af vægtene",
    ),
    "profiles.annex example": (
        "Worked example for {bid}: {terms} = {total} {cur}.",
        "Regneeksempel for {bid}: {terms} = {total} {cur}.",
    ),
    "profiles.annex what total": ("present value", "nutidsværdi"),
    "profiles.annex what annualised": ("annualised cost", "årlige omkostning (TCO pr. år)"),
}
