"""Words of the buyer-facing outputs in English and Danish.

Every chart, table, workbook and report takes its labels from here, so the
two languages stay complete together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tco.views.table import LABELS

if TYPE_CHECKING:
    from tco.result import Result

__all__ = ["LANGUAGES", "WORDS", "category_label", "item_label", "mass_unit", "word"]

#: Languages the outputs speak.
LANGUAGES: tuple[str, ...] = ("en", "da")

#: Words beyond the table's (:data:`tco.views.table.LABELS`), per language.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "present value": "present value",
        "cumulative": "Cumulative discounted cost",
        "breakdown": "Present value by cost category",
        "emissions": "Emissions over the period",
        "year": "year",
        "crossing": "{cheaper} cheaper than {dearer} from year {year:.1f}",
        "item": "item",
        "category": "category",
        "total excl": "total excl. externalities",
        "total incl": "total incl. externalities",
        "per year excl": "per year excl. externalities",
        "per year incl": "per year incl. externalities",
        "externalities rule": "externalities in the award",
        "assumption": "assumption",
        "value": "value",
        "unit": "unit",
        "parameter": "parameter",
        "description": "description",
        "range": "allowed range",
        "bids": "Bids",
        "results": "Results",
        "assumptions": "Assumptions",
        "ranked": "Ranked by {by}",
        "by total": "present value",
        "by annualised": "annualised cost (the bids' periods differ)",
        "real": "real",
        "discounted": "discounted",
        "nominal": "nominal",
        "substance": "substance",
        "mass": "mass",
        "co2_price": "CO2 price",
        "flows": "cash flow",
        "cumulative pv": "cumulative present value",
        "crossings": "crossings",
        "no emissions": "The product model has no emissions.",
        "buyer parameters": "The buyer's parameters",
    },
    "da": {
        "present value": "nutidsværdi",
        "cumulative": "Akkumuleret tilbagediskonteret omkostning",
        "breakdown": "Nutidsværdi fordelt på omkostningskategorier",
        "emissions": "Udledninger i perioden",
        "year": "år",
        "crossing": "{cheaper} billigere end {dearer} fra år {year:.1f}",
        "item": "post",
        "category": "kategori",
        "total excl": "i alt ekskl. eksterne omk.",
        "total incl": "i alt inkl. eksterne omk.",
        "per year excl": "pr. år ekskl. eksterne omk.",
        "per year incl": "pr. år inkl. eksterne omk.",
        "externalities rule": "eksterne omk. i tildelingen",
        "assumption": "forudsætning",
        "value": "værdi",
        "unit": "enhed",
        "parameter": "parameter",
        "description": "beskrivelse",
        "range": "tilladt interval",
        "bids": "Tilbud",
        "results": "Resultater",
        "assumptions": "Forudsætninger",
        "ranked": "Rangeret efter {by}",
        "by total": "nutidsværdi",
        "by annualised": "TCO pr. år (tilbuddenes perioder er forskellige)",
        "real": "faste priser",
        "discounted": "tilbagediskonteret",
        "nominal": "løbende priser",
        "substance": "stof",
        "mass": "masse",
        "currency": "valuta",
        "discount rate": "kalkulationsrente",
        "inflation": "inflation",
        "period": "periode",
        "quantity": "antal",
        "discounting": "diskontering",
        "price year": "prisår",
        "residual value": "restværdi",
        "escalation": "prisudvikling",
        "co2_price": "CO2-pris",
        "flows": "betalinger",
        "cumulative pv": "akkumuleret nutidsværdi",
        "crossings": "skæringspunkter",
        "no emissions": "Produktmodellen har ingen udledninger.",
        "buyer parameters": "Ordregiverens parametre",
        "emission price": "udledningspris",
        "exchange rate": "valutakurs",
        "nominal discount rate": "nominel kalkulationsrente",
        "model default": "modellens standard",
        "basis": "grundlag",
        "edition": "udgave",
    },
}


def word(key: str, lang: str = "en") -> str:
    """A label in ``lang`` (English where the language is unknown).

    Examples
    --------
    >>> word("use", "da"), word("year", "da"), word("year", "xx")
    ('forbrug', 'år', 'year')
    """
    table = LABELS.get(lang, LABELS["en"])
    words = WORDS.get(lang, WORDS["en"])
    return words.get(key) or table.get(key) or WORDS["en"].get(key) or key


def category_label(category: str, lang: str = "en") -> str:
    """The label of a cost category.

    Examples
    --------
    >>> category_label("end_of_life"), category_label("end_of_life", "da")
    ('end of life', 'bortskaffelse')
    """
    return word(category, lang)


def item_label(result: Result, name: str, lang: str = "en") -> str:
    """The label of an item or emission stream, from its product model.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> item_label(r, "electricity", "da")
    'Elforbrug'
    """
    for s in (*result.plan.items, *result.plan.emissions):
        if s.name == name and s.label is not None:
            return s.label.get(lang)
    return name.replace("_", " ")


def mass_unit(kg: float) -> tuple[str, float]:
    """A readable mass unit for amounts up to ``kg``, and its size in kg.

    Examples
    --------
    >>> mass_unit(38880.0), mass_unit(12.0)
    (('t', 1000.0), ('kg', 1.0))
    """
    return ("t", 1000.0) if abs(kg) >= 1000.0 else ("kg", 1.0)
