"""The method's conventions in words and formulas, written from their one definition.

The tender annex and the award report state how amounts become the life-cycle
cost that ranks the bids: the discount rate (one rate or a schedule by year band,
real or nominal), when in the year amounts fall (per stream), escalation (per
group or per bid) and the price year, the residual value, the externality rule
and the annualised cost (real or nominal). Every formula here is written from
the tables of :mod:`tco.engine.conventions` the engine computes from (a timing's
shift, the year whose prices are quoted, whether externalities count in the
award), so the text states what the engine computes. An option the tables do not hold is an
error (:func:`tco.engine.conventions.option`), never a default text.

Each function returns a :class:`Statement` (a lead and the text), in plain
Unicode (:data:`PLAIN`, for DOCX) or HTML (:data:`HTML`: escaped, sub- and superscripts).

Examples
--------
>>> annual_factor("mid", schedule=False, lang="en")
'd(t) = (1 + r)^−(t − 0.5)'
>>> annual_factor("end", schedule=True, lang="en")
'd(t) = 1 / ((1 + r_1) × … × (1 + r_t))'
>>> annual_factor("begin", schedule=False, lang="da", markup=HTML)
'd(t) = (1 + r)<sup>−(t − 1)</sup>'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from tco.engine.conventions import (
    EVENT_TIMING,
    PRICE_YEAR,
    option,
    timing_shift,
)
from tco.locale import section
from tco.views.i18n import percent, significant

if TYPE_CHECKING:
    from tco.plan.arrays import Plan

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


@dataclass(frozen=True)
class Markup:
    """How a statement writes text, subscripts, superscripts, sums and products."""

    name: str
    text: Callable[[str], str]
    sub: Callable[[str, str], str]
    sup: Callable[[str, str], str]
    #: A sum of ``body(index)`` for the index from ``lo`` to ``hi``.
    series: Callable[[Callable[[str], str], str, str, str], str]


def _plain_sub(base: str, index: str) -> str:
    return f"{base}_{index}" if " " not in index else f"{base}_({index})"


def _plain_sup(base: str, exponent: str) -> str:
    return f"{base}^{exponent}"


def _plain_series(body: Callable[[str], str], index: str, lo: str, hi: str) -> str:
    return f"({body(lo)} + … + {body(hi)})"


def _html_series(body: Callable[[str], str], index: str, lo: str, hi: str) -> str:
    return f"Σ<sub>{escape(index)}={escape(lo)}…{escape(hi)}</sub> {body(index)}"


#: Plain Unicode text (DOCX, plain text): ``(1 + r)^−t``, ``r_k``.
PLAIN = Markup("plain", lambda s: s, _plain_sub, _plain_sup, _plain_series)
#: Escaped HTML: ``(1 + r)<sup>−t</sup>``, ``r<sub>k</sub>``.
HTML = Markup(
    "html",
    escape,
    lambda b, i: f"{b}<sub>{escape(i)}</sub>",
    lambda b, e: f"{b}<sup>{escape(e)}</sup>",
    _html_series,
)


@dataclass(frozen=True)
class Statement:
    """One convention stated: a short lead (``Discount rate``) and the text after it."""

    lead: str
    text: str

    def plain(self) -> str:
        """The statement as one line: ``Lead: text.``"""
        return f"{self.lead}: {self.text}."

    def html(self) -> str:
        """The statement as HTML (its text written with :data:`HTML`), the lead in bold."""
        return f"<strong>{escape(self.lead)}.</strong> {sentence(self.text)}."


def sentence(text: str) -> str:
    """``text`` with a capital first letter, unless it starts with a symbol (``r = ...``).

    Examples
    --------
    >>> sentence("no item escalates"), sentence("r = 4 %")
    ('No item escalates', 'r = 4 %')
    """
    words = text.split(" ", 2)
    if len(words) > 1 and words[1] == "=":
        return text
    return text[:1].upper() + text[1:]


def _t(lang: str) -> Mapping[str, str]:
    return section("conventions.", lang)


def _num(x: float, lang: str) -> str:
    return significant(x, 6, lang)


def _exponent(shift: float, lang: str) -> str:
    """The exponent of ``(1 + r)`` for an amount at ``t - shift``: ``−t``, ``−(t − 0.5)``."""
    return "−t" if shift == 0.0 else f"−(t − {_num(shift, lang)})"


def _compound(markup: Markup, hi: str) -> str:
    """``1 / ((1 + r_1) × … × (1 + r_hi))``, or the product sign in HTML."""
    if markup.name == "html":
        return f"Π<sub>k=1…{escape(hi.replace(' ', ''))}</sub> (1 + r<sub>k</sub>)<sup>−1</sup>"
    return f"1 / ((1 + {markup.sub('r', '1')}) × … × (1 + {markup.sub('r', hi)}))"


def annual_factor(when: str, *, schedule: bool, lang: str, markup: Markup = PLAIN) -> str:
    """The discount factor of an annual amount of year ``t``, as the engine computes it.

    For one rate ``(1 + r) ** -(t - s)`` with the timing's shift ``s``
    (:data:`tco.engine.conventions.TIMING`). For a schedule the year's
    factors compound band by band, and within year ``t`` the factor moves
    from the end of year ``t - 1`` by ``(1 + r_t) ** -(1 - s)``
    (:func:`tco.engine.discounting.schedule_discount_factors`).

    Examples
    --------
    >>> annual_factor("mid", schedule=True, lang="da")
    'd(t) = 1 / ((1 + r_1) × … × (1 + r_(t − 1))) × (1 + r_t)^−0,5'
    >>> annual_factor("begin", schedule=True, lang="en")
    'd(t) = 1 / ((1 + r_1) × … × (1 + r_(t − 1)))'
    """
    shift = timing_shift(when)
    if not option("discounting", "schedule" if schedule else "constant"):
        return f"d(t) = {markup.sup('(1 + r)', _exponent(shift, lang))}"
    if shift == 0.0:
        return f"d(t) = {_compound(markup, 't')}"
    before = _compound(markup, "t − 1")
    if shift == 1.0:
        return f"d(t) = {before}"
    within = markup.sup(f"(1 + {markup.sub('r', 't')})", f"−{_num(1.0 - shift, lang)}")
    return f"d(t) = {before} × {within}"


def event_factor(*, schedule: bool, lang: str, markup: Markup = PLAIN) -> str:
    """The discount factor of a one-off event of year ``t`` (at the year's end).

    Examples
    --------
    >>> event_factor(schedule=False, lang="en")
    'd(t) = (1 + r)^−t'
    """
    return annual_factor(EVENT_TIMING, schedule=schedule, lang=lang, markup=markup)


def discount_bands(path: list[float], lang: str) -> str:
    """A schedule's rates as its bands: ``3.50 % in years 1–35, 2.50 % in years 36–40``.

    Examples
    --------
    >>> discount_bands([0.035, 0.035, 0.025], "da")
    '3,50 % i år 1–2, 2,50 % i år 3'
    """
    m = _t(lang)
    parts: list[str] = []
    start = 0
    for t in range(1, len(path) + 1):
        if t == len(path) or path[t] != path[start]:
            r = percent(float(path[start]), 2, lang)
            if t > start + 1:
                parts.append(m["bands"].format(r=r, a=start + 1, b=t))
            else:
                parts.append(m["band"].format(r=r, a=start + 1))
            start = t
    return ", ".join(parts)


def discount_rate(plan: Plan, lang: str, markup: Markup = PLAIN) -> Statement:
    """The discount rate the engine uses: one rate or the schedule's bands, real or nominal."""
    from tco.views.i18n import quantity_text

    m = _t(lang)
    a = plan.stated
    rate_type = a.rate_type or "real"
    nominal = option("rate_type", rate_type)
    fisher = markup.text("r = (1 + n) / (1 + i) − 1")
    inflation = percent(plan.inflation, 2, lang)
    schedule = plan.discount_path is not None
    if option("discounting", "schedule" if schedule else "constant"):
        assert plan.discount_path is not None
        bands = discount_bands([float(x) for x in plan.discount_path[: plan.T]], lang)
        rk = markup.sub("r", "k")
        text = m["schedule"].format(kind=m["real"], rk=rk, bands=markup.text(bands))
        if nominal:
            text += m["fisher bands"].format(i=inflation, formula=fisher)
        return Statement(m["lead rate"], text)
    text = m["rate"].format(r=percent(plan.discount_rate, 2, lang), kind=m["real"])
    if nominal:
        n = markup.text(quantity_text(a.discount_rate, lang))
        text += m["fisher"].format(n=n, i=inflation, formula=fisher)
    return Statement(m["lead rate"], text)


def timing(plan: Plan, lang: str, markup: Markup = PLAIN) -> Statement:
    """When amounts fall and the discount factors of annual amounts and one-off events."""
    m = _t(lang)
    schedule = plan.discount_path is not None
    when = plan.discounting
    timing_shift(when)  # an unknown timing is an error, not a default text
    text = m["timing"].format(
        when=m[when],
        annual=annual_factor(when, schedule=schedule, lang=lang, markup=markup),
        event_when=m[EVENT_TIMING],
        event=event_factor(schedule=schedule, lang=lang, markup=markup),
    )
    own: dict[str, list[str]] = {}  # annual streams paid at their own timing
    for stream in (*plan.items, *plan.emissions):
        if stream.timing == "annual":
            paid: str = plan.stream_timing(stream)
            if paid != when:
                own.setdefault(paid, []).append(_label(stream, lang))
    for at, names in own.items():
        text += m["own timing"].format(
            items=markup.text(", ".join(names)),
            verb=m["paid many" if len(names) > 1 else "paid"],
            when=m[at],
            annual=annual_factor(at, schedule=schedule, lang=lang, markup=markup),
        )
    return Statement(m["lead timing"], text)


def _label(stream: object, lang: str) -> str:
    """A stream's label in ``lang``, else its name in words."""
    label = getattr(stream, "label", None)
    name = str(getattr(stream, "name", ""))
    return str(label.get(lang)) if label is not None else name.replace("_", " ")


def escalation(plan: Plan, groups: str, lang: str, markup: Markup = PLAIN) -> Statement:
    """How escalated prices are indexed, from which year's prices, and when annual ones are priced.

    ``groups`` is the escalation groups and their rates, written already
    (escaped for HTML); empty when no item escalates.
    """
    m = _t(lang)
    indexed = _indexed(plan, lang)
    if not groups and not indexed:
        return Statement(m["lead escalation"], m["no escalation"])
    y = int(option("price_year", plan.price_year))
    first = str(PRICE_YEAR[y] + 1)
    if markup.name == "html":
        index = f"Π<sub>k={first}…t</sub> (1 + e<sub>k</sub>)"
    else:
        index = f"(1 + {markup.sub('e', first)}) × … × (1 + {markup.sub('e', 't')})"
    text = m["escalation"].format(index=index, groups=groups, y=PRICE_YEAR[y]) if groups else ""
    eb = markup.sub("e", "b")
    since = f"t − {PRICE_YEAR[y]}" if PRICE_YEAR[y] else "t"
    for param, names in indexed.items():
        text += m["indexed"].format(
            items=markup.text(", ".join(names)),
            verb=m["indexed many" if len(names) > 1 else "indexed one"],
            eb=eb,
            param=markup.text(param),
            index=markup.sup(f"(1 + {eb})", f"({since})" if " " in since else since),
        )
    text = text.strip()
    if option("rate_type", plan.stated.rate_type or "real"):
        text += m["escalation nominal"]
    shift = timing_shift(plan.discounting)
    if shift:
        at = f"t − {_num(shift, lang)}"
        text += m["escalation at"].format(when=f"{m[plan.discounting]} ({at})")
    return Statement(m["lead escalation"], text)


def _indexed(plan: Plan, lang: str) -> dict[str, list[str]]:
    """Bid parameter -> the labels of the items each bid indexes at its own rate by it."""
    out: dict[str, list[str]] = {}
    for stream in plan.items:
        item = plan.product.item(stream.name)
        param = item.indexation if item is not None else None
        if param:
            p = plan.product.parameters[param]
            label = str(p.label.get(lang)) if p.label else param
            out.setdefault(label, []).append(_label(stream, lang))
    return out


def residual(plan: Plan, lang: str, markup: Markup = PLAIN) -> Statement:
    """What the last unit's remaining value credits at the period's end."""
    m = _t(lang)
    rule = plan.residual_value
    option("residual_value", rule)
    share = percent(plan.residual_share, 2, lang)
    return Statement(m["lead residual"], m[f"residual {rule}"].format(share=share))


def stated_emission_prices(plan: Plan) -> dict[str, object]:
    """The price the tender states for each priced substance, as written.

    The tender's ``emission_prices``, with ``co2_price`` as the price of ``co2e``
    where that is not given there. A substance priced by a path of prices by
    year has no entry: the statements say "by year" for it.
    """
    a = plan.stated
    prices: dict[str, object] = dict(a.emission_prices)
    if a.co2_price is not None:
        prices.setdefault("co2e", a.co2_price)
    return prices


def externalities(plan: Plan, priced: str, lang: str) -> Statement:
    """Which emissions are priced, and whether they count in the award (the tender's rule).

    ``priced`` is the priced substances and their prices, written already;
    empty when none is priced.
    """
    m = _t(lang)
    if not priced:
        return Statement(m["lead externalities"], m["unpriced"])
    counts = option("externalities", plan.externalities)
    rule = m["rule award"] if counts else m["rule report"]
    return Statement(m["lead externalities"], m["priced"].format(list=priced, rule=rule))


def award_rule(plan: Plan, lang: str) -> str:
    """One sentence: whether the priced externalities are part of the cost that ranks the bids.

    Examples
    --------
    >>> import tco
    >>> award_rule(tco.load_tender(tco.example_path("passenger-car")).plan, "en")[:47]
    'Priced externalities are not part of the cost t'
    """
    m = _t(lang)
    counts = option("externalities", plan.externalities)
    return m["award rule award"] if counts else m["award rule report"]


def present_value(currency: str, lang: str, markup: Markup = PLAIN) -> Statement:
    """The present value of a bid: every item's amounts times the year's discount factor."""
    m = _t(lang)
    pv = markup.sub(m["pv symbol"], "b")
    c = markup.sub("C", "b,i,t")
    text = m["pv"].format(pv=pv, c=c, cur=markup.text(currency))
    return Statement(m["lead pv"], text)


def annualisation(plan: Plan, lang: str, markup: Markup = PLAIN) -> Statement:
    """The annualised cost: the present value over the sum of the annual discount factors.

    At the rate of the tender's ``annualise_at``
    (:data:`tco.engine.conventions.ANNUALISATION`): the real rate, a level amount
    in constant money, or the nominal rate ``(1 + r)(1 + i) - 1``, a level amount
    in current money (NIST BLCC).
    """
    m = _t(lang)
    nominal = option("annualisation", plan.annualise_at)
    eac = markup.sub(m["eac symbol"], "b")
    pv = markup.sub(m["pv symbol"], "b")
    if not nominal:
        rate = m["eac real"]
        total = markup.series(lambda t: f"d({t})", "t", "1", "P")
    else:
        dn = markup.sub("d", "n")
        total = markup.series(lambda t: f"{dn}({t})", "t", "1", "P")
        if plan.discount_path is not None:
            i = percent(plan.inflation, 2, lang)
            rate = m["eac nominal schedule"].format(rk=markup.sub("r", "k"), i=i)
        else:
            from tco.engine.discounting import annualising_rate

            value = float(annualising_rate(plan.discount_rate, plan.inflation, "nominal"))
            rate = m["eac nominal"].format(rn=markup.sub("r", "n"), value=percent(value, 2, lang))
    return Statement(m["lead eac"], m["eac"].format(eac=eac, pv=pv, sum=total, rate=rate))
