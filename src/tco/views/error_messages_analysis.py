"""The catalogue's messages of the analyses.

Part of :data:`tco.views.error_messages.ERRORS`: sensitivity, switching
values, Monte Carlo and its distributions, scoring, baselines, profiles,
abatement, follow-up files and portfolios. The messages of outputs, bases,
files, baskets and the commands' own checks are in
:mod:`tco.views.error_messages_outputs`.

Examples
--------
>>> ANALYSIS_ERRORS["unknown_input"]["da"]
"ukendt inddata '{name}'{hint}; inddata er {names_list}"
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _dist(en: str, da: str) -> dict[str, str]:
    return {"en": "{kind} distribution: " + en, "da": "fordelingen '{kind}': " + da}


#: message id -> language -> template
ANALYSIS_ERRORS: dict[str, dict[str, str]] = {
    # -- inputs of an analysis --
    "unknown_input": {
        "en": "unknown input '{name}'{hint}; inputs are {names_list}",
        "da": "ukendt inddata '{name}'{hint}; inddata er {names_list}",
    },
    "input_plain_or_percent": {
        "en": "got '{value}' for '{name}', expected a plain number or a percentage",
        "da": "fik '{value}' for '{name}', forventede et tal uden enhed eller en procentsats",
    },
    "input_price_per_mass": {
        "en": "got '{value}' for '{name}', expected a price per mass such as '{eg_q}'",
        "da": "fik '{value}' for '{name}', forventede en pris pr. masse som '{eg_q}'",
    },
    "input_unit": {
        "en": "got '{value}' for '{name}', expected a value in {unit_q}",
        "da": "fik '{value}' for '{name}', forventede en værdi i '{unit_q}'",
    },
    "input_no_unit": {
        "en": "got '{value}' for '{name}', expected a value in no unit",
        "da": "fik '{value}' for '{name}', forventede et tal uden enhed",
    },
    "input_number": {
        "en": "got {shown} for '{name}', expected a number or a value with its unit",
        "da": "fik {shown} for '{name}', forventede et tal eller en værdi med sin enhed",
    },
    "input_by_year": {
        "en": (
            "'{name}' is given year by year in this tender; an analysis varies a parameter "
            "with one value (give a single value in the tender to vary it)"
        ),
        "da": (
            "'{name}' er angivet år for år i dette udbud; en analyse varierer en parameter "
            "med én værdi (angiv én værdi i udbuddet for at variere den)"
        ),
    },
    "sensitivity_range": {
        "en": "got {shown} for '{name}', expected a percentage or a pair (low, high)",
        "da": "fik {shown} for '{name}', forventede en procentsats eller et par (lav, høj)",
    },
    "switch_bounds": {
        "en": "bounds {shown} for '{name}': the low end must be below the high end",
        "da": "grænserne {shown} for '{name}': den nedre grænse skal være under den øvre",
    },
    "vary_lifetime_period": {
        "en": (
            "'{name}' changes the lifetime, which is this tender's study period "
            "('period: lifetime'); give a common study period such as '15 year' to vary it"
        ),
        "da": (
            "'{name}' ændrer levetiden, som er dette udbuds analyseperiode "
            "('period: lifetime'); angiv en fælles analyseperiode som '15 år' for at variere den"
        ),
    },
    "changed_twice": {
        "en": "'{name}' is changed twice; change each input once",
        "da": "'{name}' ændres to gange; ændr hvert inddata én gang",
    },
    "same_for_every_bid": {
        "en": "'{name}' is the same for every bid; give one value per variant",
        "da": "'{name}' er den samme for alle tilbud; angiv én værdi pr. variant",
    },
    # -- bids named by the user --
    "bid_number": {
        "en": "bid number {n} does not exist; the tender has {count} bids",
        "da": "tilbud nummer {n} findes ikke; udbuddet har {count} tilbud",
    },
    "no_bid": {
        "en": "no bid named '{name}'{hint}; bids are {names_list}",
        "da": "intet tilbud hedder '{name}'{hint}; tilbuddene er {names_list}",
    },
    "no_bid_only": {
        "en": "no bid named '{name}'{hint}",
        "da": "intet tilbud hedder '{name}'{hint}",
    },
    # -- Monte Carlo --
    "samples_min": {
        "en": "got {n} samples, expected at least 2",
        "da": "fik {n} stikprøver, forventede mindst 2",
    },
    "seed": {
        "en": "got seed {n}, expected a whole number of 0 or more",
        "da": "fik frøet {n}, forventede et helt tal på 0 eller mere",
    },
    "unknown_distribution": {
        "en": "unknown distribution '{name}'; distributions are {names_list}",
        "da": "ukendt fordeling '{name}'; fordelingerne er {names_list}",
    },
    "dist_low_high": _dist("'low' must be below 'high'", "'low' skal være under 'high'"),
    "dist_mode": _dist(
        "'mode' must lie between 'low' and 'high'", "'mode' skal ligge mellem 'low' og 'high'"
    ),
    "dist_sd": _dist("'sd' must be zero or positive", "'sd' skal være nul eller positiv"),
    "dist_mean_positive": _dist("'mean' must be positive", "'mean' skal være positiv"),
    "dist_give_mean": _dist("give 'mean'", "angiv 'mean'"),
    "dist_values": _dist("give at least one of 'values'", "angiv mindst én værdi i 'values'"),
    "dist_weights": _dist(
        "give one non-negative weight per value", "angiv én vægt på nul eller mere pr. værdi"
    ),
    "dist_weights_zero": _dist("the weights must not all be zero", "vægtene må ikke alle være nul"),
    "dist_weights_finite": _dist(
        "the weights must be finite, and so must their sum",
        "vægtene skal være endelige tal, og det skal deres sum også",
    ),
    "dist_needs": {
        "en": "a {kind} distribution needs {keys_list}",
        "da": "fordelingen '{kind}' kræver {keys_list}",
    },
    "corr_symmetric": {
        "en": "a correlation matrix must be symmetric with ones on the diagonal",
        "da": "en korrelationsmatrix skal være symmetrisk med ettaller i diagonalen",
    },
    "corr_inconsistent": {
        "en": "the correlations are inconsistent (the matrix is not positive definite)",
        "da": "korrelationerne hænger ikke sammen (matricen er ikke positivt definit)",
    },
    "per_bid_buyer": {
        "en": "'{name}' is the same for every bid; 'per_bid: true' needs a bid parameter",
        "da": "'{name}' er den samme for alle tilbud; 'per_bid: true' kræver en tilbudsparameter",
    },
    "not_uncertain": {
        "en": "'{name}' is not among the uncertain inputs ({names})",
        "da": "'{name}' er ikke blandt de usikre inddata ({names})",
    },
    "per_bid_correlated": {
        "en": "'{name}' is drawn per bid and cannot be correlated",
        "da": "'{name}' trækkes pr. tilbud og kan ikke korreleres",
    },
    "corr_value": {
        "en": "a correlation links two different inputs with a value above -1 and below 1",
        "da": "en korrelation forbinder to forskellige inddata med en værdi over -1 og under 1",
    },
    # -- scoring --
    "scoring_positive": {
        "en": "the proportional model needs positive totals; the lowest is {lowest_q}",
        "da": "den proportionale model kræver positive totaler; den laveste er {lowest_q}",
    },
    "scoring_linear_positive": {
        "en": (
            "the linear model relative to the lowest needs positive totals; "
            "the lowest is {lowest_q}"
        ),
        "da": (
            "den lineære model i forhold til den laveste kræver positive totaler; "
            "den laveste er {lowest_q}"
        ),
    },
    "scoring_ceiling": {
        "en": (
            "the linear model to a ceiling needs a ceiling above the lowest total "
            "({lowest_q}); got {ceiling_q}"
        ),
        "da": (
            "den lineære model med et loft kræver et loft over den laveste total "
            "({lowest_q}); fik {ceiling_q}"
        ),
    },
    "unknown_price_model": {
        "en": "unknown price model '{name}'; models are {names_list}",
        "da": "ukendt prismodel '{name}'; prismodellerne er {names_list}",
    },
    "no_points": {
        "en": "no points for criterion '{name}'; criteria with points are {names_list}",
        "da": "ingen point for kriteriet '{name}'; kriterier med point er {names_list}",
    },
    "weights_nonnegative": {
        "en": "weights must be zero or positive and not all zero",
        "da": "vægtene skal være nul eller positive og ikke alle nul",
    },
    "names_count": {
        "en": "{n} bid names for {count} totals",
        "da": "{n} navne på tilbud til {count} totaler",
    },
    "quality_not_bid": {
        "en": "quality points for '{name}', which is not a bid; bids are {names_list}",
        "da": "kvalitetspoint for '{name}', som ikke er et tilbud; tilbuddene er {names_list}",
    },
    "no_quality_points": {
        "en": "bid '{bid}' has no quality points for '{name}'",
        "da": "tilbuddet '{bid}' har ingen kvalitetspoint for '{name}'",
    },
    "points_outside": {
        "en": "bid '{bid}' has {points_q} points for '{name}', outside 0 .. {max_q}",
        "da": "tilbuddet '{bid}' har {points_q} point for '{name}', uden for 0 .. {max_q}",
    },
    "weight_not_number": {
        "en": "got '{value}' as the weight of '{name}', expected a number",
        "da": "fik '{value}' som vægten af '{name}', forventede et tal",
    },
    # -- baseline, profiles, abatement --
    "unknown_category": {
        "en": "unknown cost category '{name}'; categories are {names_list}",
        "da": "ukendt omkostningskategori '{name}'; kategorierne er {names_list}",
    },
    "baseline_needs_tender": {
        "en": "a baseline given as a mapping needs the Tender, not its Result",
        "da": "et basistilbud angivet som nøgler med værdier kræver udbuddet, ikke dets resultat",
    },
    "profile_bid_parameter": {
        "en": (
            "'{name}' is a bid parameter; a profile sets the buyer's inputs "
            "(operating hours, distances, prices, quantity)"
        ),
        "da": (
            "'{name}' er en tilbudsparameter; en profil sætter ordregivers inddata "
            "(driftstimer, afstande, priser, antal)"
        ),
    },
    "profile_discount_lifetime": {
        "en": (
            "a profile changes the discount rate of a tender whose bids are costed over "
            "their own lifetimes; give a common study period to compare them"
        ),
        "da": (
            "en profil ændrer diskonteringsrenten i et udbud, hvis tilbud regnes over deres "
            "egne levetider; angiv en fælles analyseperiode for at sammenligne dem"
        ),
    },
    "abatement_no_emission": {
        "en": (
            "the product model '{model}' emits no '{name}'; an abatement cost needs emissions of it"
        ),
        "da": (
            "produktmodellen '{model}' udleder ikke '{name}'; en omkostning pr. undgået "
            "mængde kræver udledninger af det"
        ),
    },
    "abatement_no_emission_emits": {
        "en": (
            "the product model '{model}' emits no '{name}'; an abatement cost needs emissions "
            "of it (it emits {names_list})"
        ),
        "da": (
            "produktmodellen '{model}' udleder ikke '{name}'; en omkostning pr. undgået "
            "mængde kræver udledninger af det (den udleder {names_list})"
        ),
    },
    # -- follow-up files and portfolios --
    "number_format": {
        "en": "got '{value}', expected 'en' or 'da'",
        "da": "fik '{value}', forventede 'en' eller 'da'",
    },
    "followup_years_list": {
        "en": "got a list, expected a mapping of year -> {{parameter: value}}",
        "da": "fik en liste, forventede år med værdier ('år: {{parameter: værdi}}')",
    },
    "followup_year": {
        "en": "got year {year}, expected a year from 0 to {period}",
        "da": "fik år {year}, forventede et år fra 0 til {period}",
    },
    "followup_no_values": {
        "en": "got no values, expected a mapping of parameter -> value",
        "da": "fik ingen værdier, forventede parametre med værdier ('parameter: værdi')",
    },
    "model_no_parameter": {
        "en": "the model '{model}' has no parameter '{name}'{hint}",
        "da": "modellen '{model}' har ingen parameter '{name}'{hint}",
    },
    "clauses_not_list": {
        "en": "got no list, expected a list of clauses",
        "da": "fik ingen liste, forventede en liste af klausuler",
    },
    "clause_not_mapping": {
        "en": "got no mapping, expected a mapping",
        "da": "fik ikke nøgler med værdier, forventede nøgler med værdier",
    },
    "clause_parameter": {
        "en": "got parameter {shown}, expected a bid parameter: {names_list}",
        "da": "fik parameteren {shown}, forventede en tilbudsparameter: {names_list}",
    },
    "clause_worse": {
        "en": "got worse={worse}, per={per_q}; expected worse 'above' or 'below' and a positive "
        "'per'",
        "da": "fik 'worse' {worse} og 'per' {per_q}; forventede 'worse' 'above' eller 'below' "
        "og en positiv 'per'",
    },
    "no_folder": {
        "en": "{folder}: no such folder",
        "da": "mappen '{folder}' findes ikke",
    },
    # -- follow-up: the awarded bid, its tender, clause signs --
    "followup_no_bid": {
        "en": (
            "the follow-up names no bid; write the awarded bid as 'bid: NAME' (one of "
            "{names_list}): after an award on more than price it need not be the cheapest"
        ),
        "da": (
            "opfølgningen angiver intet tilbud; skriv det vindende tilbud som 'bid: NAVN' "
            "(et af {names_list}): efter en tildeling på mere end pris er det ikke "
            "nødvendigvis det billigste"
        ),
    },
    "followup_tender_type": {
        "en": "got {shown}, expected the tender file's path, relative to the follow-up file",
        "da": "fik {shown}, forventede stien til udbudsfilen, set fra opfølgningsfilen",
    },
    "followup_other_tender": {
        "en": (
            "the follow-up is of the tender '{name}' ({named}), not of the tender it is "
            "compared with ({compared}); compare it with its own tender, or correct 'tender:'"
        ),
        "da": (
            "opfølgningen hører til udbuddet '{name}' ({named}), ikke til det udbud, den "
            "sammenlignes med ({compared}); sammenlign den med sit eget udbud, eller ret "
            "'tender:'"
        ),
    },
    "clause_negative_penalty": {
        "en": (
            "got '{value}': a penalty is what the supplier pays the buyer (it reduces the "
            "buyer's cost), written as a positive amount in {cur}"
        ),
        "da": (
            "fik '{value}': en bod er det, leverandøren betaler køberen (den mindsker "
            "køberens omkostning), skrevet som et positivt beløb i {cur}"
        ),
    },
    "clause_negative_bonus": {
        "en": (
            "got '{value}': a bonus is what the buyer pays the supplier (it adds to the "
            "buyer's cost), written as a positive amount in {cur}"
        ),
        "da": (
            "fik '{value}': en bonus er det, køberen betaler leverandøren (den øger "
            "køberens omkostning), skrevet som et positivt beløb i {cur}"
        ),
    },
    # -- portfolio folders --
    "link_outside_folder": {
        "en": (
            "is a symbolic link (or in a linked folder) leading out of the folder {folder}; "
            "tco reads only the files in the folder itself"
        ),
        "da": (
            "er et symbolsk link (eller ligger i en linket mappe), der fører ud af mappen "
            "{folder}; tco læser kun filerne i selve mappen"
        ),
    },
    "portfolio_no_tender": {
        "en": (
            "the follow-up names the tender {shown}, which is not a tender of the folder "
            "{folder}; write 'tender:' as the tender's path relative to the follow-up file "
            "(tender: ../NAME.yaml)"
        ),
        "da": (
            "opfølgningen angiver udbuddet {shown}, som ikke er et udbud i mappen {folder}; "
            "skriv 'tender:' som stien til udbuddet set fra opfølgningsfilen "
            "(tender: ../NAVN.yaml)"
        ),
    },
    "portfolio_second_follow_up": {
        "en": "the tender {shown} has a follow-up already, {first}; keep one follow-up per tender",
        "da": (
            "udbuddet {shown} har allerede en opfølgning, {first}; behold én opfølgning pr. udbud"
        ),
    },
    # -- profile weights --
    "profile_weight_missing": {
        "en": (
            "the profile has no weight, but others have; give every profile a weight, "
            "or none (equal shares)"
        ),
        "da": (
            "profilen har ingen vægt, men andre har; giv alle profiler en vægt, "
            "eller ingen (lige store andele)"
        ),
    },
    "profile_weight": {
        "en": (
            "got weight '{value}'; a weight is a positive number of at most {cap_q} "
            "(a relative weight such as 3, or a share such as 20 %)"
        ),
        "da": (
            "fik vægten '{value}'; en vægt er et positivt tal på højst {cap_q} "
            "(en relativ vægt som 3 eller en andel som 20 %)"
        ),
    },
    "profile_weights_mixed": {
        "en": (
            "some weights are percentages (shares) and some plain numbers (relative weights); "
            "write them all one way"
        ),
        "da": (
            "nogle vægte er procenter (andele) og andre tal (relative vægte); "
            "skriv dem alle på samme måde"
        ),
    },
    "profile_shares_sum": {
        "en": (
            "the weights are shares (percentages) and add up to {total}, not 100 %; "
            "correct them, or write relative weights as plain numbers (3, 1)"
        ),
        "da": (
            "vægtene er andele (procenter) og giver {total} tilsammen, ikke 100 %; "
            "ret dem, eller skriv relative vægte som tal (3, 1)"
        ),
    },
}
