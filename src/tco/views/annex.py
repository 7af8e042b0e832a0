"""The tender annex: the life-cycle cost method, stated before the bids arrive.

EU Directive 2014/24/EU, Art. 68(2) (Danish Public Procurement Act § 166)
lets a buyer award on life-cycle cost only if the procurement documents
state the data the bidders must provide and the method that turns them into
a cost. :func:`build_annex` writes that statement from the product model and
the tender: the cost items, every formula in words and in mathematical
notation, the buyer's fixed assumptions, the data each bidder supplies (unit,
allowed range, verification), how the result enters the award, a worked
example evaluated by the engine, and the bid form. :func:`annex_html` and
:func:`write_annex` render it as HTML or DOCX (:mod:`tco.views.annex_docx`),
in English or Danish. The document's building blocks and its number writing
live in :mod:`tco.views.annex_document` and are re-exported here.

Examples
--------
>>> import tco
>>> doc = build_annex(tco.load_tender(tco.example_path("indoor-lighting")), lang="da")
>>> [s.title for s in doc.sections][:3]
['Formål og retsgrundlag', 'Omkostningsposter', 'Formler']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.locale import section, translated
from tco.views.annex_bids import annex_tender, illustrative_bid
from tco.views.annex_document import (
    AnnexDocument,
    Block,
    Bullets,
    Formula,
    Para,
    Section,
    Table,
    localise,
    number,
    short_number,
)
from tco.views.annex_math import formula_mathml, formula_text, formula_words
from tco.views.i18n import quantity_text, text
from tco.views.labels import category_label, group_label, substance_label

if TYPE_CHECKING:
    from tco.result import Result
    from tco.spec.product import ProductModel
    from tco.tender import Tender

__all__ = [
    "AnnexDocument",
    "Bullets",
    "Formula",
    "Para",
    "Section",
    "Table",
    "annex_html",
    "annex_language",
    "annex_tender",
    "build_annex",
    "illustrative_bid",
    "localise",
    "number",
    "units_text",
    "write_annex",
    "write_annex_document",
]


# -- building -------------------------------------------------------------------------------
def _labels(model: ProductModel, lang: str) -> dict[str, str]:
    out = {n: (p.spec.label.get(lang) if p.spec.label else n) for n, p in model.parameters.items()}
    out["period"] = text("annex.the period", lang)
    return out


def units_text(model: ProductModel, quantity: float, lang: str) -> str:
    """How many units the buyer buys, in words: ``12 cars``, ``12 biler``, ``1 car``.

    Examples
    --------
    >>> import tco
    >>> units_text(tco.load_model("passenger-car"), 12, "da")
    '12 biler'
    >>> units_text(tco.load_model("passenger-car"), 1, "en")
    '1 car'
    """
    spec = model.spec
    q = short_number(quantity, lang)
    if quantity == 1:
        return f"{q} {spec.functional_unit.get(lang)}"
    if spec.functional_units is not None:
        return f"{q} {spec.functional_units.get(lang)}"
    return section("annex.", lang)["units"].format(q=q, unit=spec.functional_unit.get(lang))


def _year_text(formula: str, names: Any, end: str) -> str:
    """A year given by a formula, for prose: ``period`` is the period's last year."""
    text = formula_text(formula, names)
    return end if text == "period" else text.replace("period", "P")


def _stream_when(
    model: ProductModel, name: str, plan_stream: Any, lang: str, end: str, plan: Any = None
) -> str:
    m = section("annex.", lang)
    spec = model.items[name].spec if name in model.items else model.emissions[name].spec
    names = model.parameters
    timing = spec.timing
    if timing == "once":
        text = m["once life"] if model.lifetime is not None else m["once"]
        if plan_stream is not None and plan_stream.residual and model.lifetime is not None:
            text += m["residual"]
    elif timing == "annual":
        if spec.start is None and spec.stop is None:
            text = m["annual"].format(end=end)
        else:
            start = _year_text(str(spec.start), names, end) if spec.start is not None else "1"
            stop = _year_text(str(spec.stop), names, end) if spec.stop is not None else end
            text = m["annual from"].format(start=start, stop=stop)
    elif timing in ("every", "at"):
        text = m[timing].format(when=_year_text(str(getattr(spec, timing)), names, end))
    else:
        text = m["end_of_life"]
    group = getattr(spec, "escalation", None)
    if group:
        text += m["escalated"].format(group=group_label(group, lang))
    param = getattr(spec, "indexation", None)
    if param:
        p = model.parameters[param]
        text += m["indexed"].format(param=p.spec.label.get(lang) if p.spec.label else param)
    if plan is not None and plan_stream is not None and timing == "annual":
        at = plan.stream_timing(plan_stream)
        if at != plan.discounting:
            text += m["paid at"].format(when=section("conventions.", lang)[at])
    return text


def annex_language(lang: str) -> str:
    """``lang`` if the catalogue holds the annex in it, else English (a legal text is not mixed).

    Examples
    --------
    >>> annex_language("da"), annex_language("xx")
    ('da', 'en')
    """
    return lang if translated("annex.doc title", lang) else "en"


def build_annex(
    tender: Tender,
    *,
    lang: str = "en",
    illustrative: bool = False,
    result: Result | None = None,
) -> AnnexDocument:
    """The annex of a tender, as an :class:`AnnexDocument`.

    Parameters
    ----------
    tender : Tender
        The tender; its first bid is the worked example.
    lang : {"en", "da"}
    illustrative : bool
        Whether the first bid is an illustrative one made up for the example
        (:func:`annex_tender`), not a real offer.
    result : Result, optional
        The tender's result, where the caller has it (a basket's line); else evaluated here.
    """
    from tco._version import __version__
    from tco.views.annex_profiles import profiles_section
    from tco.views.annex_sections import (
        assumptions_section,
        award_section,
        data_section,
        example_section,
    )

    lang = annex_language(lang)
    m = section("annex.", lang)
    model = tender.model
    plan = tender.plan
    result = tender.evaluate() if result is None else result
    labels = _labels(model, lang)
    spec = model.spec
    version = spec.version or m["unversioned"]
    periods = sorted({int(p) for p in plan.period})
    common = len(periods) == 1 and not _own_life(tender)
    period = m["years"].format(n=periods[0]) if common else m["own life"]
    end = str(periods[0]) if common else "L"
    unit = spec.functional_unit.get(lang)

    purpose: list[Block] = [Para(m["purpose"])]
    if spec.description is not None:
        purpose.append(Para(m["model about"].format(description=spec.description.get(lang))))
    purpose.append(
        Para(m["scope"].format(units=units_text(model, plan.quantity, lang), period=period))
    )

    rows = []
    for s in plan.items:
        item = model.items[s.name]
        if item.spec.description is not None:
            about = item.spec.description.get(lang)
        else:  # the parameters it is computed from, in words
            about = formula_words(item.amount.text, model.parameters, labels, lang)
        rows.append(
            [
                _stream_label(item.spec, s.name, lang),
                s.name,
                category_label(s.category, lang),
                _stream_when(model, s.name, s, lang, end, plan),
                about,
            ]
        )
    items: list[Block] = [
        Para(m["items intro"]),
        Table([m["item"], m["symbol"], m["category"], m["when"], m["covers"]], rows),
    ]
    if model.emissions:
        erows = [
            [
                _stream_label(e.spec, name, lang),
                name,
                e.spec.substance,
                _stream_when(model, name, None, lang, end),
            ]
            for name, e in model.emissions.items()
        ]
        items.append(Para(m["emissions intro"]))
        items.append(Table([m["item"], m["symbol"], m["substance"], m["when"]], erows))

    formulas: list[Block] = [Para(m["formulas intro"].format(unit=unit, cur=plan.currency))]
    names = model.parameters
    for name, stream in (*model.items.items(), *model.emissions.items()):
        text = stream.amount.text
        per = f" [{_amount_unit(stream, plan.currency, lang)}]"
        formulas.append(
            Formula(
                label=_stream_label(stream.spec, name, lang) + per,
                symbol=name,
                words=formula_words(text, names, labels, lang),
                text=formula_text(text, names),
                mathml=formula_mathml(text, names, lhs=name),
            )
        )
    if model.lifetime is not None:
        text = model.lifetime.text
        formulas.append(
            Formula(
                label=m["lifetime"],
                symbol="L",
                words=formula_words(text, names, labels, lang),
                text=formula_text(text, names),
                mathml=formula_mathml(text, names, lhs="L"),
            )
        )
    formulas.append(Para(m["conventions"], lead=m["conventions"]))
    formulas.append(Bullets(_conventions(tender, result, lang)))

    sections = [
        Section(m["s purpose"], purpose),
        Section(m["s items"], items),
        Section(m["s formulas"], formulas),
        assumptions_section(tender, lang),
        data_section(tender, lang),
        award_section(tender, result, lang, common=common),
        *([profiles_section(tender, lang)] if tender.spec.profiles else []),
        example_section(tender, result, lang, illustrative=illustrative),
        Section(m["s form"], [Para(m["form"])]),
    ]
    return AnnexDocument(
        lang=lang,
        title=f"{m['doc title']}: {plan.title}",
        lead=m["lead"].format(
            title=plan.title, model=model.id, name=spec.title.get(lang), version=version
        ),
        sections=sections,
        footer=m["generated"].format(version=__version__, model=model.id, mversion=version),
        author=tender.spec.buyer or "",
    )


def _own_life(tender: Tender) -> bool:
    return tender.model.lifetime is not None and tender.plan.stated.own_life


def _stream_label(spec: Any, name: str, lang: str) -> str:
    return str(spec.label.get(lang)) if spec.label is not None else name.replace("_", " ")


def _amount_unit(stream: Any, currency: str, lang: str) -> str:
    per_year = stream.spec.timing == "annual"
    base = currency if stream.kind == "item" else "kg"
    return f"{base}/{section('annex.', lang)['year']}" if per_year else base


def _conventions(tender: Tender, result: Result, lang: str) -> list[str]:
    """The conventions from amounts to the life-cycle cost (:mod:`tco.views.conventions_text`)."""
    from tco.views import conventions_text as ct

    m = section("annex.", lang)
    plan = tender.plan
    a = plan.stated
    out = [ct.discount_rate(plan, lang).plain(), ct.timing(plan, lang).plain()]
    esc = dict(plan.product.escalation)
    esc.update(a.escalation)
    groups = ", ".join(f"{group_label(g, lang)}: {quantity_text(v, lang)}" for g, v in esc.items())
    out.append(ct.escalation(plan, groups, lang).plain())
    out.append(m["c quantity"].format(q=short_number(plan.quantity, lang)))
    if plan.product.lifetime is not None:
        out.append(f"{m['c life']} {ct.sentence(ct.residual(plan, lang).text)}.")
    elif plan.residual_value == "share":
        out.append(ct.residual(plan, lang).plain())
    listed = ""
    if plan.emission_prices:
        prices = ct.stated_emission_prices(plan)
        listed = ", ".join(
            f"{substance_label(s, lang)} {quantity_text(prices.get(s, m['by year']), lang)}"
            for s in plan.emission_prices
        )
    out.append(ct.externalities(plan, listed, lang).plain())
    out.append(ct.present_value(plan.currency, lang).plain())
    out.append(ct.annualisation(plan, lang).plain())
    return out


# -- output ------------------------------------------------------------------------------------
def annex_html(tender: Tender, *, lang: str = "en", illustrative: bool = False) -> str:
    """The annex as one self-contained HTML page (see :mod:`tco.views.annex_html`).

    Examples
    --------
    >>> import tco
    >>> page = annex_html(tco.load_tender(tco.example_path("indoor-lighting")))
    >>> "<math>" in page, "Lumen Nord" in page
    (True, True)
    """
    from tco.views.annex_html import render_html

    return render_html(build_annex(tender, lang=lang, illustrative=illustrative))


def write_annex(
    tender: Tender, path: str | Path, *, lang: str = "en", illustrative: bool = False
) -> Path:
    """Write the annex as ``.docx`` (needs python-docx) or ``.html``, by the file's suffix.

    Raises
    ------
    SpecError
        For another suffix.
    """
    return write_annex_document(build_annex(tender, lang=lang, illustrative=illustrative), path)


def write_annex_document(doc: AnnexDocument, path: str | Path) -> Path:
    """Write a built annex (a tender's or a basket's) as ``.docx`` or ``.html``, by the suffix.

    Raises
    ------
    SpecError
        For another suffix.
    FileError
        If the file cannot be written.
    """
    from tco.errors import SpecError
    from tco.views.safe import write_output

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".docx"):
        raise SpecError(
            f"cannot write an annex as '{out.name}'; expected a file ending in .docx or .html",
            value=str(out),
            expected="a file ending in .docx or .html",
        ).speaks("annex_suffix", name=out.name)
    if suffix == ".docx":
        from tco.views.annex_docx import docx_bytes

        return write_output(docx_bytes(doc), out, "annex")
    from tco.views.annex_html import render_html

    return write_output(render_html(doc), out, "annex")
