"""Usage profiles as text: the ranking per profile, weighted, where the winner changes and why.

The terminal table (:func:`profiles_text`), the CSV (:func:`profiles_csv`)
and the sentences every other output of the profiles shares (the workbook
:mod:`tco.views.profiles_workbook`, the report :mod:`tco.views.profiles_html`,
the chart :mod:`tco.views.plot_profiles`): profiles are named by their labels,
inputs by the model's labels, numbers and units in the output's language.

Examples
--------
>>> import tco
>>> from tco.analysis.profiles import profiles
>>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
>>> print(profiles_text(t).splitlines()[0])
Usage profiles: present value in DKK per bid (rank), weighted by each profile's share
>>> profiles_text(t, "da").splitlines()[5].split()[:4]
['Plejehjem', '1', '20', '%']
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from tco.views.i18n import (
    csv_delimiter,
    number,
    percent,
    quantity_text,
    resolve,
    significant,
    text,
    unit_text,
)
from tco.views.safe import csv_cell, visible

if TYPE_CHECKING:
    from tco.analysis.profiles import ProfileTable

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _align(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        cells = [
            c.ljust(w) if i in (0, len(row) - 1) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def input_text(table: ProfileTable, name: str, lang: str | None = None) -> str:
    """The label of an input a profile sets (``operating_hours`` is ``Driftstimer`` in Danish).

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> input_text(t, "operating_hours", "da"), input_text(t, "quantity")
    ('Driftstimer', 'Quantity')
    """
    if table.model is None:
        return name
    from tco.views.labels import input_labels

    return input_labels(table.model, lang).get(name, name)


def profile_settings_text(table: ProfileTable, name: str, lang: str | None = None) -> str:
    """A profile's values as a buyer reads them: ``Driftstimer 800 h/år``.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> profile_settings_text(t, "care_home", "da")
    'Driftstimer 6.000 h/år'
    """
    lang = resolve(lang)
    values = table.settings.get(name, {})
    if not values:
        return text("profiles.tender values", lang)
    return "; ".join(
        f"{input_text(table, k, lang)} {quantity_text(v, lang)}" for k, v in values.items()
    )


def cost_unit(table: ProfileTable, lang: str | None = None) -> str:
    """The unit of a profile table's costs: the currency, per year when ranked by annual cost.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> cost_unit(profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles"))))
    'DKK'
    """
    if table.ranked_by == "total":
        return table.currency
    return unit_text(f"{table.currency}/year", lang)


def switch_sentences(table: ProfileTable, lang: str | None = None) -> list[str]:
    """Where the winner changes between profiles in a row, and why, as sentences.

    For each change: the input value where another bid becomes cheapest, then
    why (the first winner's lead under the first profile, how much each of
    the two bids' cost rises to the next profile, the other's lead there).
    Empty when the same bid wins under every profile.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> print(switch_sentences(t)[0])
    From Sports hall to School: Lumen Nord is cheapest until Operating hours ≈ 1,128 h/year, \
then Premium LED.
    """
    lang = resolve(lang)
    cur = cost_unit(table, lang)
    out = []
    for s in table.switches:
        values = s.get("at_values", {})
        units = s.get("units", {})
        at = ", ".join(
            f"{input_text(table, k, lang)} ≈ {significant(v, 4, lang)} "
            f"{unit_text(units.get(k, ''), lang)}".strip()
            for k, v in values.items()
        ) or text("profiles.fraction", lang, f=percent(s["fraction"], 1, lang))
        a, b = table.names.index(s["from_profile"]), table.names.index(s["to_profile"])
        x, y = table.bids.index(s["from_bid"]), table.bids.index(table.winners[b])
        out.append(
            text(
                "profiles.switch",
                lang,
                a=visible(table.label(s["from_profile"], lang)),
                b=visible(table.label(s["to_profile"], lang)),
                from_bid=visible(s["from_bid"]),
                at=at,
                to_bid=visible(s["to_bid"]),
            )
        )
        c = table.cost
        out.append(
            text(
                "profiles.why",
                lang,
                a=visible(table.label(s["from_profile"], lang)),
                b=visible(table.label(s["to_profile"], lang)),
                x=visible(table.bids[x]),
                y=visible(table.bids[y]),
                dx=number(float(c[a, y] - c[a, x]), 0, lang),
                rx=number(float(c[b, x] - c[a, x]), 0, lang),
                ry=number(float(c[b, y] - c[a, y]), 0, lang),
                dy=number(float(c[b, x] - c[b, y]), 0, lang),
                cur=cur,
            )
        )
    return out


def weight_text(table: ProfileTable, k: int, lang: str | None = None) -> str:
    """Profile ``k``'s weight as given: a relative weight, a share in percent, or ``–`` (none).

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> weight_text(t, 1), weight_rule_text(t)
    ('3', "Weights are relative: a profile's share is its weight divided by the sum of the weights (5).")
    """  # noqa: E501
    lang = resolve(lang)
    raw = table.raw_weights if table.raw_weights is not None else table.weights
    if table.weight_rule == "equal":
        return "–"
    if table.weight_rule == "shares":
        return f"{significant(float(raw[k]) * 100, 4, lang)} %"  # as written: 20 %, 33,3 %
    return significant(float(raw[k]), 6, lang)


def weight_rule_text(table: ProfileTable, lang: str | None = None) -> str:
    """The sentence saying whether the weights are relative, shares, or not given."""
    lang = resolve(lang)
    raw = table.raw_weights if table.raw_weights is not None else table.weights
    total = significant(float(raw.sum()), 6, lang)
    return text(f"profiles.weights {table.weight_rule}", lang, total=total)


def profiles_text(table: ProfileTable, lang: str | None = None) -> str:
    """The profile table: one row per profile and a weighted row, then where the winner changes.

    Parameters
    ----------
    table : ProfileTable
    lang : {"en", "da"}, optional
    """
    lang = resolve(lang)
    title = text(f"profiles.title {table.ranked_by}", lang, cur=table.currency)
    bids = [visible(b) for b in table.bids]
    head = [text(f"profiles.{k}", lang) for k in ("profile", "weight", "share")]
    rows = [[*head, *bids, text("profiles.cheapest", lang)]]
    ranks = table.ranks
    for k, name in enumerate(table.names):
        cells = [
            f"{number(float(table.cost[k, i]), 0, lang)} ({ranks[k, i]})" for i in range(len(bids))
        ]
        share = percent(float(table.weights[k]), 0, lang)
        rows.append(
            [
                visible(table.label(name, lang)),
                weight_text(table, k, lang),
                share,
                *cells,
                visible(table.winners[k]),
            ]
        )
    wr = table.weighted_rank
    cells = [f"{number(float(table.weighted[i]), 0, lang)} ({wr[i]})" for i in range(len(bids))]
    rows.append(
        [text("profiles.weighted", lang), "", percent(1.0, 0, lang), *cells, visible(table.winner)]
    )
    out = [title, _align(rows), weight_rule_text(table, lang)]
    if not table.winner_changes:
        out.append(text("profiles.same", lang, bid=visible(table.winner)))
        return "\n".join(out)
    listed = "; ".join(
        f"{visible(table.label(n, lang))} → {visible(b)}"
        for n, b in zip(table.names, table.winners, strict=True)
    )
    out.append(text("profiles.changes", lang, list=listed))
    out += switch_sentences(table, lang)
    return "\n".join(out)


def profiles_csv(table: ProfileTable, lang: str | None = None) -> str:
    """The profiles as CSV: one row per profile and bid, then one per bid for the weighted cost.

    In English the columns are keys for programs, separated by commas with a
    decimal point; in Danish they are named in Danish, separated by
    semicolons with a decimal comma, as Danish Excel reads them. Text from
    the tender (bid names, labels) never starts a formula.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> profiles_csv(t).splitlines()[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['profile,label,weight,share,bid,cost,rank',
     'sports_hall,Sports hall,1,0.2,Lumen Nord,345165.60581,1']
    >>> profiles_csv(t, "da").splitlines()[1]
    'sports_hall;Idrætshal;1;0,2;Lumen Nord;345165,60581;1'
    """
    from tco.views.table import csv_number

    lang = resolve(lang)
    if lang == "en":
        head = ["profile", "label", "weight", "share", "bid", "cost", "rank"]
    else:
        cur = cost_unit(table, lang)
        head = [
            text("profiles.id", lang),
            text("profiles.profile", lang),
            text("profiles.weight", lang),
            text("profiles.share", lang),
            text("profiles.bid", lang),
            f"{text(f'profiles.cost {table.ranked_by}', lang)} [{cur}]",
            text("profiles.rank", lang),
        ]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=csv_delimiter(lang), lineterminator="\n")
    writer.writerow(head)
    ranks = table.ranks
    raw = table.raw_weights if table.raw_weights is not None else table.weights
    rows: list[list[object]] = []
    for k, name in enumerate(table.names):
        for i, bid in enumerate(table.bids):
            rows.append(
                [
                    name,
                    table.label(name, lang),
                    "" if table.weight_rule == "equal" else float(raw[k]),
                    float(table.weights[k]),
                    bid,
                    float(table.cost[k, i]),
                    int(ranks[k, i]),
                ]
            )
    wr = table.weighted_rank
    for i, bid in enumerate(table.bids):
        label = text("profiles.weighted", lang)
        rows.append(["", label, "", 1.0, bid, float(table.weighted[i]), int(wr[i])])
    for row in rows:
        writer.writerow([csv_number(csv_cell(v), lang) for v in row])
    return buf.getvalue()
