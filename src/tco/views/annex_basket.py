"""The tender annex of a basket tender: the method for every line and the basket's sum rule.

A basket's annex states, before the bids arrive (Directive 2014/24/EU Art.
68(2)), the lines and their quantities; the rule that a bid's basket costs the
sum of its lines (in words, plain notation and MathML); for each line the
cost items, formulas, the contracting authority's assumptions and the data a
bidder supplies, as in a tender's annex (:func:`tco.views.annex.build_annex`
of the line's tender); how the basket's cost ranks the bids; a worked example
of one bid on every line and its basket, every number computed by the engine
that will evaluate the bids; and the bid form (a sheet per line).

Examples
--------
>>> from tco.basket import basket_example_path
>>> basket, illustrative = basket_annex_source(basket_example_path("car-van-fleet"))
>>> doc = build_basket_annex(basket, lang="da")
>>> [s.title for s in doc.sections][:2]
['Formål og retsgrundlag', 'Kurven: summen over linjerne']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.locale import section
from tco.views.annex import annex_language, build_annex
from tco.views.annex_bids import illustrative_bid
from tco.views.annex_document import (
    AnnexDocument,
    Block,
    Formula,
    Para,
    Section,
    Table,
    number,
    short_number,
)

if TYPE_CHECKING:
    from tco.basket import Basket
    from tco.tender import TenderSource

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The basket's sum rule in MathML: PV_b = sum over lines j of PV_{j,b}.
SUM_MATHML = (
    "<math><msub><mi>PV</mi><mi>b</mi></msub><mo>=</mo><munder><mo>∑</mo><mi>j</mi></munder>"
    "<msub><mi>PV</mi><mrow><mi>j</mi><mo>,</mo><mi>b</mi></mrow></msub></math>"
)
# The sections of a line's own annex that the basket's annex repeats for the line.
_LINE_SECTIONS = ("s items", "s formulas", "s assumptions", "s data")


def basket_annex_source(
    source: str | Path | Mapping[str, Any] | TenderSource,
    *,
    allow_paths: Iterable[str | Path] = (),
) -> tuple[Basket, bool]:
    """Load a basket for its annex; a basket without bids gets an illustrative one.

    The illustrative bid offers, on every line, the line model's defaults or
    the middle of each allowed range (:func:`tco.views.annex_bids.illustrative_bid`).

    Returns
    -------
    (Basket, bool)
        The basket, and whether its (only) bid is illustrative.
    """
    from tco.basket import basket_from_data, basket_lines_of
    from tco.tender import read_tender

    src = read_tender(source)
    data = src.data
    if data.get("bids"):
        return basket_from_data(
            data, src.file, src.base, allow_paths=allow_paths, sha256=src.sha256
        ), False
    _, lines = basket_lines_of(data, src.file, src.base, allow_paths=allow_paths)
    offer = {
        line.name: {k: v for k, v in illustrative_bid(line.model).items() if k != "name"}
        for line in lines
    }
    data = {**data, "bids": [{"name": "Illustrative bid", "lines": offer}]}
    basket = basket_from_data(data, src.file, src.base, allow_paths=allow_paths)
    return basket, True


def _renumbered(block: Block, old: tuple[int, int], new: tuple[int, int]) -> Block:
    """A line's formulas intro pointing at the line's own assumption and data sections."""
    if not isinstance(block, Para):
        return block
    text = block.text
    for a, b in zip(old, new, strict=True):  # marked, so that 4 -> 5 is not then 5 -> 6
        text = re.sub(rf"(?<= ){a}\b", f"\x00{b}", text)
    return Para(text.replace("\x00", ""), block.lead)


def build_basket_annex(
    basket: Basket, *, lang: str = "en", illustrative: bool = False
) -> AnnexDocument:
    """The annex of a basket tender, as an :class:`~tco.views.annex_document.AnnexDocument`.

    Parameters
    ----------
    basket : Basket
        The basket; its first bid is the worked example.
    lang : {"en", "da"}
    illustrative : bool
        Whether the first bid is made up for the example (:func:`basket_annex_source`).
    """
    from tco._version import __version__

    lang = annex_language(lang)
    m, b = section("annex.", lang), section("annex basket.", lang)
    result = basket.evaluate()
    cur = result.currency
    docs = [
        build_annex(t, lang=lang, illustrative=illustrative, result=r)
        for t, r in zip(basket.tenders, result.results, strict=True)
    ]
    periods = sorted({int(p) for r in result.results for p in r.plan.period})
    common = result.ranked_by == "total" and len(periods) == 1
    period = m["years"].format(n=periods[0]) if common else m["own life"]
    line_rows = [
        [
            name,
            f"{r.plan.product.title.get(lang)} ({r.plan.product.id})",
            short_number(float(r.plan.quantity), lang),
        ]
        for name, r in zip(result.lines, result.results, strict=True)
    ]
    sections = [
        Section(
            m["s purpose"],
            [
                Para(m["purpose"]),
                Para(b["scope"].format(period=period)),
                Table(
                    [b["line"], b["product model"], b["quantity"]],
                    line_rows,
                    numeric=[False, False, True],
                ),
            ],
        ),
        Section(
            b["s basket"],
            [
                Para(b["sum"]),
                Formula(
                    label=f"{b['sum label']} [{cur}]",
                    symbol="PV_b",
                    words=b["sum words"],
                    text="PV_b = Σ_j PV_j,b",
                    mathml=SUM_MATHML,
                ),
                Para(b["eac"]),
            ],
        ),
    ]
    for name, doc in zip(result.lines, docs, strict=True):
        first = len(sections) + 1  # this line's sections are numbered from here
        own = {s.title: s for s in doc.sections}
        for key in _LINE_SECTIONS:
            blocks = own[m[key]].blocks
            if key == "s formulas":  # its intro names the assumptions and data sections
                blocks = [_renumbered(blocks[0], (4, 5), (first + 2, first + 3)), *blocks[1:]]
            title = b["line section"].format(line=name, title=m[key])
            sections.append(Section(title, blocks))
    sections.append(Section(m["s award"], [Para(b["award pv" if common else "award eac"])]))
    for name, doc in zip(result.lines, docs, strict=True):
        example = next(s for s in doc.sections if s.title == m["s example"])
        sections.append(Section(f"{m['s example']}: {name}", example.blocks))
    bid = result.bids[0]
    rows = [
        [
            name,
            short_number(float(r.plan.quantity), lang),
            number(float(r.total[0]), lang),
            number(float(r.annualised[0]), lang),
        ]
        for name, r in zip(result.lines, result.results, strict=True)
    ]
    rows.append(
        [
            b["basket total"],
            "",
            number(float(result.total[0]), lang),
            number(float(result.annualised[0]), lang),
        ]
    )
    head = [
        b["line"],
        b["quantity"],
        f"{m['present value']} [{cur}]",
        f"{b['per year']} [{cur}/{m['year']}]",
    ]
    sections.append(
        Section(
            b["s example"],
            [
                Para(b["example sum"].format(bid=bid)),
                Table(head, rows, numeric=[False, True, True, True]),
            ],
        )
    )
    name = Path(basket.file).name if basket.file else "BASKET.yaml"
    sections.append(Section(m["s form"], [Para(b["form"])]))
    models = ", ".join(
        dict.fromkeys(
            f"{r.plan.product.id} ({r.plan.product.version or m['unversioned']})"
            for r in result.results
        )
    )
    return AnnexDocument(
        lang=lang,
        title=f"{m['doc title']}: {basket.title}",
        lead=b["lead"].format(n=len(result.lines)),
        sections=sections,
        footer=b["generated"].format(version=__version__, models=models),
    )


def basket_annex_html(basket: Basket, *, lang: str = "en", illustrative: bool = False) -> str:
    """The basket's annex as one self-contained HTML page.

    Examples
    --------
    >>> from tco.basket import basket_example_path
    >>> basket, _ = basket_annex_source(basket_example_path("copy-print"))
    >>> page = basket_annex_html(basket)
    >>> "<math>" in page, "A3 devices" in page
    (True, True)
    """
    from tco.views.annex_html import render_html

    return render_html(build_basket_annex(basket, lang=lang, illustrative=illustrative))


def write_basket_annex(
    basket: Basket, path: str | Path, *, lang: str = "en", illustrative: bool = False
) -> Path:
    """Write the basket's annex as ``.docx`` (needs python-docx) or ``.html``, by the suffix.

    Raises
    ------
    SpecError
        For another suffix.
    """
    from tco.views.annex import write_annex_document

    doc = build_basket_annex(basket, lang=lang, illustrative=illustrative)
    return write_annex_document(doc, path)
