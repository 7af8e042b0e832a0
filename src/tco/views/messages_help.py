"""The command line's help in Danish.

:data:`HELP` is a gettext-style catalogue: the English text of a help string,
a description, a section heading or a metavar is the key, its Danish text the
value (:func:`tco.cli.parser.help_text` looks it up while the help is
formatted, and only then imports this module). argparse's error messages are
the ``argparse.*`` entries of :mod:`tco.views.messages_cli`.

Examples
--------
>>> HELP["show this help message and exit"]
'vis denne hjælp og afslut'
"""

from __future__ import annotations

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: help text, heading or metavar in English -> its Danish text
HELP: dict[str, str] = {
    # -- argparse's own --
    "show this help message and exit": "vis denne hjælp og afslut",
    "positional arguments": "positionelle argumenter",
    "options": "tilvalg",
    # -- metavars and argument names --
    "COMMAND": "KOMMANDO",
    "FILE": "FIL",
    "FOLDER": "MAPPE",
    "FORM": "SKEMA",
    "NAME": "NAVN",
    "BID": "TILBUD",
    "A": "A",
    "B": "B",
    "BASELINE": "BASISTILBUD",
    "CEILING": "LOFT",
    "CRITERION=W": "KRITERIUM=V",
    "HIGH": "HØJ",
    "LOW": "LAV",
    "HOST": "VÆRT",
    "ID|FILE": "ID|FIL",
    "INPUT": "INDDATA",
    "LOG_LEVEL": "LOGNIVEAU",
    "MAX_POINTS": "MAKS_POINT",
    "NAME[=PCT|=LOW:HIGH]": "NAVN[=PCT|=LAV:HØJ]",
    "PERCENT": "PROCENT",
    "PERCENTILES": "PERCENTILER",
    "PORT": "PORT",
    "SAMPLES": "STIKPRØVER",
    "SEED": "FRØ",
    "SLOPE": "HÆLDNING",
    "TIMEOUT": "TIDSGRÆNSE",
    "WORKERS": "PROCESSER",
    "tender": "udbud",
    "file": "fil",
    "folder": "mappe",
    "name": "navn",
    "followup": "opfølgning",
    # -- tco and its commands --
    "output format (default table)": "format for uddata (standard table)",
    "output format (default text)": "format for uddata (standard text)",
    "which schema to print": "hvilket skema der vises",
    "Total cost of ownership (life-cycle costing) of bids in a tender.": (
        "Totalomkostninger (levetidsomkostninger) for tilbuddene i et udbud."
    ),
    "print the version and exit": "vis versionen og afslut",
    "language of the output: words and number formats (default: TCO_LANG, else en)": (
        "sproget i uddata: ord og talformater (standard: TCO_LANG, ellers en)"
    ),
    "a folder besides the tender's own that its 'model:' path may reach (repeatable)": (
        "en mappe ud over udbuddets egen, som dets 'model:'-sti må nå (kan gentages)"
    ),
    "evaluate a tender and rank its bids": "beregn et udbud og rangordn dets tilbud",
    "list the bundled product models": "vis de medfølgende produktmodeller",
    "list the bundled example tenders": "vis de medfølgende eksempeludbud",
    "check a model or tender file and report every problem": (
        "kontrollér en model- eller udbudsfil og meld hvert problem"
    ),
    "tender YAML file ('-' reads standard input)": "udbudsfil i YAML ('-' læser standardinput)",
    "model or tender YAML file ('-' reads standard input)": (
        "model- eller udbudsfil i YAML ('-' læser standardinput)"
    ),
    "run a bundled example tender": "kør et medfølgende eksempeludbud",
    "use a bundled example tender": "brug et medfølgende eksempeludbud",
    "a bundled example tender": "et medfølgende eksempeludbud",
    "a bundled example basket": "en medfølgende eksempelkurv",
    "a bundled example tender or basket": "et medfølgende eksempeludbud eller en eksempelkurv",
    "read the bids from filled forms": "læs tilbuddene fra udfyldte tilbudsskemaer",
    "read the bids from filled basket bid forms": (
        "læs tilbuddene fra udfyldte tilbudsskemaer for kurven"
    ),
    "write charts to a .png or .svg file": "skriv diagrammer til en .png- eller .svg-fil",
    "which chart --plot writes": "hvilket diagram --plot skriver",
    "write the result workbook (.xlsx)": "skriv resultatregnearket (.xlsx)",
    "write the profiles workbook (.xlsx)": "skriv regnearket over brugsprofilerne (.xlsx)",
    "write the profiles report (.html)": "skriv rapporten over brugsprofilerne (.html)",
    "write the chart to a .png or .svg file": "skriv diagrammet til en .png- eller .svg-fil",
    "write the award report (.html)": "skriv tildelingsrapporten (.html)",
    "tender YAML file": "udbudsfil i YAML",
    "tender YAML file (bids are optional)": "udbudsfil i YAML (tilbud er valgfrie)",
    "the tender YAML file as awarded": "udbudsfilen i YAML, som den blev tildelt",
    "basket tender YAML file": "kurvudbud i YAML",
    "a folder of tender YAML files": "en mappe med udbudsfiler i YAML",
    "a product model instead of a tender": "en produktmodel i stedet for et udbud",
    "write to a file instead": "skriv i stedet til en fil",
    "write to FILE (docs/catalogue.md) instead": "skriv i stedet til FIL (docs/catalogue.md)",
    "the .xlsx file": ".xlsx-filen",
    "the .docx or .html file to write": ".docx- eller .html-filen, der skal skrives",
    # -- forms, schemas, catalogue, bases, annex --
    "Write a blank Excel bid form for a tender's product model.": (
        "Skriv et tomt tilbudsskema i Excel for et udbuds produktmodel."
    ),
    "write a blank Excel bid form for a tender's product model": (
        "skriv et tomt tilbudsskema i Excel for et udbuds produktmodel"
    ),
    "Print the JSON Schema of product model or tender files, or of a JSON document tco "
    "writes (result, validation, error, and the analyses).": (
        "Vis JSON-skemaet for produktmodel- eller udbudsfiler, eller for et JSON-dokument, "
        "som tco skriver (resultat, validering, fejl og analyserne)."
    ),
    "print the JSON Schema of model or tender files": (
        "vis JSON-skemaet for model- eller udbudsfiler"
    ),
    "with 'tender': the schema of tenders for this model (each bid parameter checked)": (
        "med 'tender': skemaet for udbud til denne model (hver tilbudsparameter kontrolleres)"
    ),
    "Print the catalogue of bundled product models as Markdown.": (
        "Vis kataloget over de medfølgende produktmodeller som Markdown."
    ),
    "write the product-model catalogue page": "skriv katalogsiden over produktmodellerne",
    "list the bundled bases (official data with sources), or show one": (
        "vis de medfølgende grundlag (officielle data med kilder), eller vis ét"
    ),
    "show one basis: its values, sources and gaps": (
        "vis ét grundlag: dets værdier, kilder og huller"
    ),
    "write the bases page (Markdown)": "skriv siden over grundlagene (Markdown)",
    "Write the tender annex: the data each bidder supplies and the life-cycle cost method "
    "(Directive 2014/24/EU Art. 68), as .docx or .html.": (
        "Skriv udbudsbilaget: de data, hver tilbudsgiver leverer, og metoden for "
        "levetidsomkostninger (direktiv 2014/24/EU art. 68), som .docx eller .html."
    ),
    "write the tender annex stating the life-cycle cost method (.docx or .html)": (
        "skriv udbudsbilaget med metoden for levetidsomkostninger (.docx eller .html)"
    ),
    # -- analyses --
    "One-at-a-time sensitivity: each input moved to a low and a high value (tornado data per "
    "bid, or for the difference between two bids), or the tender's named scenarios side by "
    "side.": (
        "Følsomhed én ad gangen: hvert inddata flyttes til en lav og en høj værdi "
        "(tornadodata pr. tilbud eller for forskellen mellem to tilbud), eller udbuddets "
        "navngivne scenarier side om side."
    ),
    "tornado data of each input, one at a time, or named scenarios": (
        "tornadodata for hvert inddata, ét ad gangen, eller navngivne scenarier"
    ),
    "an input to vary by PCT percent or between LOW and HIGH (repeatable; default every input "
    "by --percent)": (
        "et inddata, der varieres med PCT procent eller mellem LAV og HØJ (kan gentages; "
        "standard: hvert inddata med --percent)"
    ),
    "default variation [%%]": "standardvariation [%%]",
    "show the tornado of this bid (default: every bid)": (
        "vis tornadoen for dette tilbud (standard: hvert tilbud)"
    ),
    "tornado of total A - B": "tornado for totalen A - B",
    "evaluate the tender's named scenarios instead": (
        "beregn i stedet udbuddets navngivne scenarier"
    ),
    "write the tornado chart of --bid (or the cheapest bid)": (
        "skriv tornadodiagrammet for --bid (eller det billigste tilbud)"
    ),
    "The value of an input at which two bids cost the same (closed form when the difference "
    "is linear in it, else a bracketed bisection).": (
        "Den værdi af et inddata, hvor to tilbud koster det samme (lukket form, når forskellen "
        "er lineær i det, ellers halvering i et interval)."
    ),
    "the value of an input at which two bids cost the same": (
        "den værdi af et inddata, hvor to tilbud koster det samme"
    ),
    "the input to vary, e.g. electricity_price": (
        "det inddata, der varieres, fx 'electricity_price'"
    ),
    "the two bids": "de to tilbud",
    "for a bid parameter, whose value is varied (default A)": (
        "for en tilbudsparameter: hvis værdi der varieres (standard A)"
    ),
    "low end of the search, e.g. '0.5 DKK/kWh'": "søgningens nedre grænse, fx '0,5 DKK/kWh'",
    "high end of the search": "søgningens øvre grænse",
    "Monte Carlo over the tender's 'uncertainty' section: percentiles of each bid's total, "
    "probability of being cheapest, ranks, and the difference between two bids.": (
        "Monte Carlo over udbuddets afsnit 'uncertainty': percentiler af hvert tilbuds total, "
        "sandsynligheden for at være billigst, placeringer og forskellen mellem to tilbud."
    ),
    "percentiles, ranks and P(cheapest) under the tender's uncertainty": (
        "percentiler, placeringer og P(billigst) under udbuddets usikkerhed"
    ),
    "number of samples (default: the tender's)": "antal stikprøver (standard: udbuddets)",
    "random seed (default: the tender's)": "frø til tilfældige tal (standard: udbuddets)",
    "comma-separated percentiles of each total (default 5,50,95)": (
        "kommaseparerede percentiler af hver total (standard 5,50,95)"
    ),
    "distribution of A - B": "fordelingen af A - B",
    "write the distribution and rank chart (.png or .svg)": (
        "skriv diagrammet over fordeling og placeringer (.png eller .svg)"
    ),
    "worker processes (default: number of CPUs)": "arbejdsprocesser (standard: antal CPU'er)",
    "worker processes (default: the usable cores)": (
        "arbejdsprocesser (standard: de kerner, der kan bruges)"
    ),
    "Tender scoring: price points from each bid's total, weighted with the bids' quality "
    "points (MEAT), with each bid's rank.": (
        "Tildelingspoint: prispoint ud fra hvert tilbuds total, vægtet med tilbuddenes "
        "kvalitetspoint (bedste forhold mellem pris og kvalitet), med hvert tilbuds placering."
    ),
    "price and quality points and rank (MEAT)": (
        "pris- og kvalitetspoint og placering (bedste forhold mellem pris og kvalitet)"
    ),
    "price model (default: the tender's scoring.method, else proportional)": (
        "prismodel (standard: udbuddets 'scoring.method', ellers 'proportional')"
    ),
    "points of the lowest total (default 10)": "point for den laveste total (standard 10)",
    "k of linear_slope (default 1)": "k i 'linear_slope' (standard 1)",
    "C of linear_ceiling [currency]": "C i 'linear_ceiling' [valuta]",
    "weight of a criterion ('price' or a quality criterion of the bids); repeatable": (
        "vægten af et kriterium ('price' eller et kvalitetskriterium i tilbuddene); kan gentages"
    ),
    "Net savings, savings-to-investment ratio, adjusted internal rate of return and payback "
    "of every bid against a baseline bid (NIST Handbook 135, 10 CFR 436).": (
        "Nettobesparelse, forholdet mellem besparelse og investering (SIR), justeret intern "
        "rente (AIRR) og tilbagebetalingstid for hvert tilbud over for et basistilbud "
        "(NIST Handbook 135, 10 CFR 436)."
    ),
    "net savings, SIR, AIRR and payback against a baseline bid": (
        "nettobesparelse, SIR, AIRR og tilbagebetalingstid over for et basistilbud"
    ),
    "the baseline bid (e.g. the existing one)": "basistilbuddet (fx det eksisterende)",
    "Cost per tonne of CO2e avoided of every bid against a reference bid: (TCO - TCO_ref) / "
    "(CO2e_ref - CO2e), TCO without priced externalities; the efficient bids (Pareto front "
    "of cost and CO2e) are marked.": (
        "Omkostning pr. ton undgået CO2e for hvert tilbud over for et referencetilbud: "
        "(TCO - TCO_ref) / (CO2e_ref - CO2e), TCO uden prissatte eksterne omkostninger; de "
        "effektive tilbud (Pareto-fronten for omkostning og CO2e) er markeret."
    ),
    "cost per tonne of CO2e avoided against a reference bid, and the efficient bids": (
        "omkostning pr. ton undgået CO2e over for et referencetilbud, og de effektive tilbud"
    ),
    "the reference bid (default: the cheapest by TCO without priced externalities)": (
        "referencetilbuddet (standard: det billigste efter TCO uden prissatte eksterne "
        "omkostninger)"
    ),
    "write the chart of cost against CO2e (.png/.svg)": (
        "skriv diagrammet over omkostning mod CO2e (.png/.svg)"
    ),
    "write the chart (.png/.svg)": "skriv diagrammet (.png/.svg)",
    "Rank the bids under each usage profile of a tender (profiles: in the tender), on their "
    "weighted cost, and show where the cheapest bid changes.": (
        "Rangordn tilbuddene under hver brugsprofil i et udbud ('profiles:' i udbuddet) og "
        "efter deres vægtede omkostning, og vis hvor det billigste tilbud skifter."
    ),
    "rank the bids under each usage profile of a tender and on their weighted cost": (
        "rangordn tilbuddene under hver brugsprofil i et udbud og efter deres vægtede omkostning"
    ),
    "Rank the bids of a basket tender (several product lines per bid, 'lines:' in the "
    "tender) on the basket's total; show each line's total.": (
        "Rangordn tilbuddene i et kurvudbud (flere produktlinjer pr. tilbud, 'lines:' i "
        "udbuddet) efter kurvens total; vis hver linjes total."
    ),
    "rank the bids of a basket tender on the sum over its lines": (
        "rangordn tilbuddene i et kurvudbud efter summen over dets linjer"
    ),
    "Compare what an awarded contract cost and emitted, year by year, with the winning bid: "
    "the deviation split into the supplier's part (the bid's own parameters) and the buyer's "
    "part (use and prices), and the penalties or bonuses of the contract clauses.": (
        "Sammenlign, hvad en tildelt kontrakt kostede og udledte, år for år, med det vindende "
        "tilbud: afvigelsen delt i leverandørens del (tilbuddets egne parametre) og "
        "ordregivers del (brug og priser), og kontraktklausulernes bod eller bonus."
    ),
    "a contract's actual cost and CO2e year by year against the awarded bid": (
        "en kontrakts faktiske omkostning og CO2e år for år over for det tildelte tilbud"
    ),
    "the follow-up YAML file (values recorded per year)": (
        "opfølgningsfilen i YAML (værdier registreret pr. år)"
    ),
    "write the follow-up workbook (.xlsx)": "skriv opfølgningsregnearket (.xlsx)",
    "write the chart of the deviations (.png/.svg)": "skriv diagrammet over afvigelserne (.png/.svg)",
    "Management information across the tenders of a folder (and the follow-ups in its "
    "follow-up/ subfolder): per tender and in total, the TCO of the chosen bid against the "
    "bid with the lowest purchase price, CO2e avoided, abatement cost and follow-up "
    "deviations.": (
        "Ledelsesinformation på tværs af udbuddene i en mappe (og opfølgningerne i dens "
        "undermappe follow-up/): pr. udbud og i alt TCO for det valgte tilbud over for tilbuddet "
        "med den laveste indkøbspris, undgået CO2e, omkostning pr. undgået ton og afvigelser "
        "i opfølgningen."
    ),
    "management information across the tenders of a folder": (
        "ledelsesinformation på tværs af udbuddene i en mappe"
    ),
    "write one row per tender as CSV": "skriv én række pr. udbud som CSV",
    "write one row per tender as Parquet": "skriv én række pr. udbud som Parquet",
    # -- the service --
    "Run the HTTP service: evaluate, validate and analyse tenders sent as JSON or YAML "
    "(OpenAPI document at /openapi.json; see docs/integration.md).": (
        "Kør HTTP-tjenesten: beregn, kontrollér og analysér udbud sendt som JSON eller YAML "
        "(OpenAPI-dokument på /openapi.json; se docs/integration.md)."
    ),
    "run the HTTP service (needs the service extra)": (
        "kør HTTP-tjenesten (kræver tillægget 'service')"
    ),
    "address to listen on (default 127.0.0.1)": "adressen, der lyttes på (standard 127.0.0.1)",
    "TCP port (default 8000)": "TCP-port (standard 8000)",
    "longest time one request may compute [s]": "længste beregningstid for én forespørgsel [s]",
    "uvicorn log level (default warning)": "uvicorns logniveau (standard warning)",
    "write the OpenAPI document to FILE and exit": "skriv OpenAPI-dokumentet til FIL og afslut",
    # -- tco workbook --
    "Write a tender workbook (.xlsx) for a product model or a tender, in the buyer's "
    "language; or, with --to-yaml, write a filled workbook as tender YAML.": (
        "Skriv et udbudsark (.xlsx) for en produktmodel eller et udbud på ordregivers sprog; "
        "eller, med --to-yaml, skriv et udfyldt udbudsark som udbudsfil i YAML."
    ),
    "write a tender workbook (.xlsx) for a buyer to fill in Excel, or convert one to YAML": (
        "skriv et udbudsark (.xlsx), som ordregiver udfylder i Excel, eller omskriv et til YAML"
    ),
    "tender file (.yaml, or a workbook .xlsx)": "udbudsfil (.yaml, eller et udbudsark .xlsx)",
    "a product model (a blank workbook)": "en produktmodel (et tomt udbudsark)",
    "the file to write": "filen, der skal skrives",
    "number format of numbers typed as text (default: the tender's, else --lang)": (
        "talformat for tal skrevet som tekst (standard: udbuddets, ellers --lang)"
    ),
    "filled bid forms (.xlsx from 'tco form') whose bids the workbook holds instead": (
        "udfyldte tilbudsskemaer (.xlsx fra 'tco form'), hvis tilbud udbudsarket får i stedet"
    ),
    "write the tender (a filled workbook) as tender YAML instead of a workbook": (
        "skriv udbuddet (et udfyldt udbudsark) som udbudsfil i YAML i stedet for et udbudsark"
    ),
}

# -- tco serve under load and hostile clients --
HELP.update(
    {
        "QUEUE": "KØ",
        "QUEUE_WAIT": "VENTETID",
        "MAX_CONNECTIONS": "FORBINDELSER",
        "HEADER_TIMEOUT": "HOVEDFRIST",
        "BODY_TIMEOUT": "INDHOLDSFRIST",
        "event loop: uvloop when installed (auto, the default), or the one named": (
            "hændelsesløkke: uvloop, når den er installeret (auto, standard), eller den nævnte"
        ),
        "most requests waiting for a free worker; more are answered 503 (default 64)": (
            "højst så mange forespørgsler venter på en ledig proces; flere får svaret 503 "
            "(standard 64)"
        ),
        "longest time a request waits for a free worker before a 503 [s] (default 20)": (
            "længste tid, en forespørgsel venter på en ledig proces før svaret 503 [s] "
            "(standard 20)"
        ),
        "most open connections (default 500)": "højst så mange åbne forbindelser (standard 500)",
        "longest time a client may take to send a request's headers [s] (default 10)": (
            "længste tid, en klient må bruge på at sende en forespørgsels første linje og "
            "felter [s] (standard 10)"
        ),
        "longest time a client may take to send a request's body [s] (default 30)": (
            "længste tid, en klient må bruge på at sende en forespørgsels indhold [s] (standard 30)"
        ),
    }
)

# -- tco serve on an intranet --
HELP.update(
    {
        "ORIGIN": "OPRINDELSE",
        "a browser origin whose pages may call the service, such as "
        "https://intranet.example (repeatable; default none)": (
            "en browser-oprindelse, hvis sider må kalde tjenesten, fx "
            "https://intranet.example (kan gentages; standard ingen)"
        ),
    }
)
