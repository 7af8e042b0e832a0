"""Catalogue words of the command line.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``.

Examples
--------
>>> CLI_MESSAGES["cli.error"]
('error', 'fejl')
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


#: command line: key -> (English, Danish)
CLI_MESSAGES: dict[str, tuple[str, str]] = {
    # -- command line -------------------------------------------------------------------
    "cli.error": ("error", "fejl"),
    "cli.basis edition": ("edition {edition}", "udgave {edition}"),
    "cli.basis missing": (
        "Not given in the published material:",
        "Ikke angivet i det offentliggjorte materiale:",
    ),
    "cli.basis sources": ("Sources:", "Kilder:"),
    "cli.output failed": (
        "cannot write the output ({reason})",
        "kan ikke skrive uddata ({reason})",
    ),
    "cli.env lang": (
        "the environment variable {name} is '{value}'; expected one of {langs}",
        "miljøvariablen {name} er '{value}'; forventede en af {langs}",
    ),
    "cli.wrote": ("wrote {path}", "skrev {path}"),
    "cli.examples tenders": (
        "Example tenders (run one with: tco compare --example NAME):",
        "Eksempler på udbud (kør et med: tco compare --example NAVN):",
    ),
    "cli.examples baskets": (
        "Example basket tenders, several product lines per bid (run one with: tco basket "
        "--example NAME):",
        "Eksempler på kurve, flere produktlinjer pr. tilbud (kør en med: tco basket --example "
        "NAVN):",
    ),
    "cli.wrote basket form": (
        "wrote {path}: a basket bid form, one sheet per line ({n} lines)",
        "skrev {path}: et tilbudsskema for kurven, ét ark pr. linje ({n} linjer)",
    ),
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
    "cli.valid basket": (
        "{file}: valid basket tender of {lines} lines (models {models}) with {n} bids",
        "{file}: gyldig kurv med {lines} linjer (modellerne {models}) og {n} tilbud",
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
}

#: argparse's own messages: key -> (English, Danish)
ARGPARSE_MESSAGES: dict[str, tuple[str, str]] = {
    "argparse.usage": ("usage: ", "brug: "),
    "argparse.required": (
        "the following arguments are required: {names}",
        "følgende argumenter skal angives: {names}",
    ),
    "argparse.one of": (
        "one of the arguments {names} is required",
        "et af argumenterne {names} skal angives",
    ),
    "argparse.invalid choice": (
        "argument {arg}: invalid choice: {value} (choose from {choices})",
        "argument {arg}: ugyldigt valg: {value} (vælg mellem {choices})",
    ),
    "argparse.unrecognized": ("unrecognized arguments: {args}", "ukendte argumenter: {args}"),
    "argparse.expected one": (
        "argument {arg}: expected one argument",
        "argument {arg}: forventede én værdi",
    ),
    "argparse.expected at least one": (
        "argument {arg}: expected at least one argument",
        "argument {arg}: forventede mindst én værdi",
    ),
    "argparse.expected at most one": (
        "argument {arg}: expected at most one argument",
        "argument {arg}: forventede højst én værdi",
    ),
    "argparse.expected n": (
        "argument {arg}: expected {n} arguments",
        "argument {arg}: forventede {n} værdier",
    ),
    "argparse.not allowed with": (
        "argument {arg}: not allowed with argument {other}",
        "argument {arg}: kan ikke bruges sammen med argument {other}",
    ),
    "argparse.invalid value": (
        "argument {arg}: invalid value: {value}",
        "argument {arg}: ugyldig værdi: {value}",
    ),
    "argparse.ambiguous": (
        "ambiguous option: {option} could match {matches}",
        "tvetydigt tilvalg: {option} kan betyde {matches}",
    ),
    "argparse.ignored": (
        "argument {arg}: ignored explicit argument {value}",
        "argument {arg}: ignorerede den angivne værdi {value}",
    ),
    "cli.wrote workbook": (
        "wrote {path}: tender workbook for '{model}' with {n} bids",
        "skrev {path}: udbudsark for '{model}' med {n} tilbud",
    ),
    "cli.workbook not carried": (
        "note: the workbook does not carry the tender's {keys} (they do not change the "
        "evaluation); keep the YAML file for them",
        "bemærk: udbudsarket indeholder ikke udbuddets {keys} (de ændrer ikke beregningen); "
        "behold YAML-filen til dem",
    ),
    "cli.serve listening": (
        "tco serve listening on {url} ({loop}, workers: {workers}; bodies at most {body} bytes, "
        "queue at most {queue}, time limit {timeout} s a request; CORS: {cors})",
        "tco serve lytter på {url} ({loop}, arbejdsprocesser: {workers}; forespørgsler højst "
        "{body} byte, kø højst {queue}, tidsgrænse {timeout} s pr. forespørgsel; CORS: {cors})",
    ),
    "cli.serve no cors": ("none", "ingen"),
}
