"""The tender annex's section on usage profiles: stated to the bidders before the bids arrive.

A framework agreement whose tender states usage profiles ranks the bids on a
weighted cost over the profiles (:mod:`tco.analysis.profiles`). The annex
states the profiles, each with its values (and units) and its weight, the
rule that combines them, and a worked example: the example bid's cost
under each profile and its weighted cost, every number taken from the
engine. Helper of :func:`tco.views.annex.build_annex`.

Examples
--------
>>> import tco
>>> section = profiles_section(tco.load_tender(tco.example_path("indoor-lighting-profiles")), "da")
>>> section.title, section.blocks[1].rows[0][:4]
('Brugsprofiler', ['Idrætshal', 'sports_hall', '1', '20 %'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tco.locale import section
from tco.views.annex_document import Formula, Para, Section, Table, number
from tco.views.i18n import percent, significant, text, unit_text

if TYPE_CHECKING:
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The weighted cost over the profiles, ``C = Σ_k w_k C_k / Σ_k w_k``, as MathML.
WEIGHTED_MATHML = (
    "<math><msub><mi>C</mi><mtext>w</mtext></msub><mo>=</mo><mfrac>"
    "<mrow><munder><mo>∑</mo><mi>k</mi></munder><msub><mi>w</mi><mi>k</mi></msub>"
    "<mo>⁢</mo><msub><mi>C</mi><mi>k</mi></msub></mrow>"
    "<mrow><munder><mo>∑</mo><mi>k</mi></munder><msub><mi>w</mi><mi>k</mi></msub></mrow>"
    "</mfrac></math>"
)


def profiles_section(tender: Tender, lang: str) -> Section:
    """The usage profiles of a tender, the weighted rule and its worked example.

    Parameters
    ----------
    tender : Tender
        A tender with ``profiles``; its first bid is the worked example.
    lang : {"en", "da"}
    """
    from tco.analysis.profiles import profiles
    from tco.views.profiles import input_text, weight_rule_text, weight_text

    table = profiles(tender)
    inputs = list(dict.fromkeys(n for s in table.settings.values() for n in s))
    units = {n: _unit(tender, n) for n in inputs}
    head = [
        text("profiles.profile", lang),
        section("annex.", lang)["symbol"],
        text("profiles.weight", lang),
        text("profiles.share", lang),
        *(
            f"{input_text(table, n, lang)}"
            + (f" [{unit_text(units[n], lang)}]" if units[n] else "")
            for n in inputs
        ),
    ]
    rows = []
    for k, name in enumerate(table.names):
        values = table.settings.get(name, {})
        rows.append(
            [
                table.label(name, lang),
                name,
                weight_text(table, k, lang),
                percent(float(table.weights[k]), 0, lang),
                *(_value(values.get(n), units[n], tender, n, lang) for n in inputs),
            ]
        )
    what = text(f"profiles.annex what {table.ranked_by}", lang)
    blocks: list[Any] = [
        Para(text("profiles.annex intro", lang)),
        Table(head, rows, numeric=[False, False, True, True, *([True] * len(inputs))]),
        Para(weight_rule_text(table, lang)),
        Para(text("profiles.annex rule", lang, what=what)),
        Formula(
            label=text(f"profiles.weighted cost {table.ranked_by}", lang).capitalize(),
            symbol="C_w",
            words=text("profiles.annex words", lang, what=what),
            text="Σ_k w_k × C_k / Σ_k w_k",
            mathml=WEIGHTED_MATHML,
        ),
    ]
    from tco.views.profiles import cost_unit

    cur = cost_unit(table, lang)
    bid = table.bids[0]
    ex_rows = []
    for k, name in enumerate(table.names):
        cost = float(table.cost[k, 0])
        share = float(table.weights[k])
        ex_rows.append(
            [
                table.label(name, lang),
                percent(share, 0, lang),
                number(cost, lang),
                number(share * cost, lang),
            ]
        )
    ex_rows.append(
        [
            text("profiles.weighted", lang),
            percent(1.0, 0, lang),
            "",
            number(float(table.weighted[0]), lang),
        ]
    )
    terms = " + ".join(
        f"{number(float(table.weights[k]), lang)} × {number(float(table.cost[k, 0]), lang)}"
        for k in range(len(table.names))
    )
    blocks.append(
        Para(
            text(
                "profiles.annex example",
                lang,
                bid=bid,
                terms=terms,
                total=number(float(table.weighted[0]), lang),
                cur=cur,
            )
        )
    )
    blocks.append(
        Table(
            [
                text("profiles.profile", lang),
                text("profiles.share", lang),
                f"{text(f'profiles.cost {table.ranked_by}', lang)} [{cur}]",
                f"{text('profiles.share', lang)} × {what} [{cur}]",
            ],
            ex_rows,
            numeric=[False, True, True, True],
            caption=bid,
        )
    )
    return Section(text("profiles.heading", lang), blocks)


def _unit(tender: Tender, name: str) -> str:
    """The unit a profile's input is shown in (``h/year``, ``%`` for a rate, none for a count)."""
    from tco.analysis.inputs import resolve_input

    return resolve_input(tender.plan, name).unit


def _value(raw: object, unit: str, tender: Tender, name: str, lang: str) -> str:
    """A profile's value of an input in the column's unit; the tender's own where it sets none."""
    from tco.analysis.inputs import resolve_input

    inp = resolve_input(tender.plan, name)
    base = inp.current[0] if raw is None else inp.parse(raw)
    return significant(float(inp.show(base)), 6, lang)
