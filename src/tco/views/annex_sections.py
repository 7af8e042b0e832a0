"""Sections of the tender annex that read the tender's numbers: assumptions, award, example.

Helpers of :func:`tco.views.annex.build_annex`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from tco.locale import section
from tco.views import html, labels
from tco.views.annex_document import Bullets, Para, Section, Table, number
from tco.views.i18n import unit_text
from tco.views.inputs import bid_values, buyer_values, in_unit

if TYPE_CHECKING:
    from tco.result import Result
    from tco.spec.product import Parameter
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def assumption_table(tender: Tender, lang: str) -> Table:
    """The tender's assumptions (discount rate, period, ...) as a table."""
    head = [labels.word("assumption", lang), labels.word("value", lang)]
    return Table(head, html.assumption_rows(tender, lang))


def assumptions_section(tender: Tender, lang: str) -> Section:
    """The buyer's fixed assumptions and parameter values, with units and sources."""
    m = section("annex.", lang)
    model = tender.model
    blocks: list[Any] = [Para(m["assumptions intro"])]
    for b in tender.plan.bases:
        text = m["basis"].format(
            title=b.title_in(lang), id=b.id, publisher=b.publisher, edition=b.edition
        )
        blocks.append(Para(text))
        if b.sources:
            blocks.append(Bullets(list(b.sources)))
    blocks.append(assumption_table(tender, lang))
    rows = []
    for name, value in buyer_values(tender, lang, years=tender.plan.T).items():
        p = model.parameters[name]
        label = p.spec.label.get(lang) if p.spec.label else name
        if name in tender.spec.parameters:
            source = m["tender value"]
        else:
            source = p.spec.source.get(lang) if p.spec.source else m["model default"]
        rows.append([label, name, value, unit_text(p.unit_text, lang), source])
    if rows:
        head = [m["parameter"], m["symbol"], m["value"], m["unit"], m["source"]]
        blocks.append(Table(head, rows, numeric=[False, False, True, False, False]))
    return Section(m["s assumptions"], blocks)


def award_section(tender: Tender, result: Result, lang: str, *, common: bool) -> Section:
    """How the life-cycle cost ranks the bids, and the price-point model where one is given."""
    m = section("annex.", lang)
    plan = tender.plan
    blocks: list[Any] = [Para(m["award pv"] if common else m["award eac"])]
    if plan.emission_prices:
        from tco.views.conventions_text import award_rule

        blocks.append(Para(award_rule(plan, lang)))
    elif tender.model.emissions:
        blocks.append(Para(m["award ext none"]))
    blocks.append(Para(m["award ties"]))
    scoring = tender.spec.scoring
    if scoring is not None:
        ceiling = (
            f"{number(scoring.ceiling, lang, 0)} {plan.currency}"
            if scoring.ceiling is not None
            else "?"
        )
        formula = m[scoring.method].format(slope=f"{scoring.slope:g}", ceiling=ceiling)
        points = f"{scoring.max_points:g}"
        blocks.append(
            Para(m["award score"].format(method=scoring.method, m=points, formula=formula))
        )
        blocks.append(Para(m["score symbols"]))
        total = sum(scoring.weights.values()) or 1.0
        weights = ", ".join(
            f"{m['price criterion'] if c == 'price' else c} {100 * w / total:.4g} %"
            for c, w in scoring.weights.items()
        )
        blocks.append(Para(m["award weights"].format(weights=weights)))
    return Section(m["s award"], blocks)


def _per_unit(amount: Any) -> float:
    a = np.asarray(amount, dtype=np.float64)
    return float(a[0]) if a.ndim == 1 else float(a[0, min(1, a.shape[1] - 1)])


def example_section(tender: Tender, result: Result, lang: str, *, illustrative: bool) -> Section:
    """The worked example: the first bid's values and each item's present value.

    Every number is taken from the engine's result, so the annex shows what
    the evaluation of the bids will compute.
    """
    m = section("annex.", lang)
    plan = tender.plan
    model = tender.model
    bid = plan.bids[0]
    intro = m["example intro illustrative"] if illustrative else m["example intro bid"]
    blocks: list[Any] = [Para(intro.format(bid=bid))]
    values = bid_values(tender, lang)[bid]
    vrows = []
    for name, value in values.items():
        p = model.parameters[name]
        label = p.spec.label.get(lang) if p.spec.label else name
        vrows.append([label, name, value, unit_text(p.unit_text, lang)])
    blocks.append(
        Table(
            [m["parameter"], m["symbol"], m["value"], m["unit"]],
            vrows,
            numeric=[False, False, True, False],
            caption=m["example values"],
        )
    )
    cur = plan.currency
    streams = {s.name: s for s in (*plan.items, *plan.emissions)}
    rows = []
    for i, name in enumerate(result.items):
        s = streams[name]
        if s in plan.emissions:
            unit = "kg" + (f"/{m['year']}" if s.timing == "annual" else "")
        else:
            unit = cur + (f"/{m['year']}" if s.timing == "annual" else "")
        label = str(s.label.get(lang)) if s.label is not None else name.replace("_", " ")
        rows.append(
            [
                label,
                name,
                f"{number(_per_unit(s.amount), lang)} {unit}",
                number(float(result.pv_by_item[0, i]), lang),
            ]
        )
    rows.append([m["total"], "PV", "", number(float(result.total[0]), lang)])
    rows.append(
        [m["annualised"], "EAC", "", f"{number(float(result.annualised[0]), lang)} / {m['year']}"]
    )
    head = [m["item"], m["symbol"], m["per unit"], f"{m['present value']} [{cur}]"]
    blocks.append(Table(head, rows, numeric=[False, False, True, True]))
    for sub, kg in result.emissions.items():
        shown = labels.substance_label(sub, lang)
        blocks.append(Para(m["emitted"].format(s=shown, kg=number(float(kg[0]), lang, 0))))
    return Section(m["s example"], blocks)


def _kind(p: Parameter) -> str:
    """The kind of a parameter, for a generic verification sentence."""
    from tco.units import currencies_of

    unit = p.unit
    if not hasattr(unit, "dimensionality"):
        return "share"
    dims = dict(unit.dimensionality)
    if currencies_of(unit):
        return "price" if len(dims) == 1 else "running price"
    if not dims:
        return "share"
    if dims == {"[mass]": 1, "[length]": 2, "[time]": -3}:
        return "power"
    if dims.get("[mass]") == 1 and dims.get("[length]") == 2:
        return "energy"
    if dims == {"[time]": 1}:
        return "time"
    if dims in ({"[length]": 2}, {"[length]": 3}) or dims.get("[length]", 0) in (2, -1):
        return "consumption"
    return "other"


def _condition(tender: Tender, name: str, lang: str) -> str:
    """The buyer's admissibility limits of a bid parameter (``limits:``), in words."""
    m = section("annex.", lang)
    limit: Any = tender.spec.limits.get(name, {})
    unit = tender.model.parameters[name].unit_text

    def said(raw: Any) -> str:  # in the parameter's unit, thousands grouped: 150,000 DKK
        return f"{in_unit(raw, unit, lang)} {unit_text(unit, lang)}".strip()

    lo = None if limit.get("min") is None else said(limit["min"])
    hi = None if limit.get("max") is None else said(limit["max"])
    if lo is not None and hi is not None:
        return f"{lo} … {hi}"
    if lo is not None:
        return m["at least"].format(lo=lo)
    if hi is not None:
        return m["at most"].format(hi=hi)
    return m["no condition"]


def data_section(tender: Tender, lang: str) -> Section:
    """The data each bidder supplies: unit, the buyer's conditions, description, verification.

    The conditions are the tender's ``limits:``, the buyer's choice; the model's
    plausibility bounds refuse impossible values but are not conditions of the award.
    """
    m = section("annex.", lang)
    model = tender.model
    rows = []
    for name in model.bid_parameters:
        p = model.parameters[name]
        desc = p.spec.description.get(lang) if p.spec.description else ""
        verify = (
            p.spec.verification.get(lang)
            if p.spec.verification is not None
            else section("annex verify.", lang)[_kind(p)]
        )
        label = p.spec.label.get(lang) if p.spec.label else name
        condition = _condition(tender, name, lang)
        rows.append([label, name, unit_text(p.unit_text, lang), condition, desc, verify])
    head = [m["parameter"], m["symbol"], m["unit"], m["range"], m["description"], m["verification"]]
    blocks: list[Any] = [Para(m["data intro"]), Table(head, rows), Para(m["bounds note"])]
    return Section(m["s data"], blocks)
