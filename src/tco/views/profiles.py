"""Usage profiles as text for the terminal: the ranking per profile, weighted, and where it changes.

Examples
--------
>>> import tco
>>> from tco.analysis.profiles import profiles
>>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
>>> print(profiles_text(t).splitlines()[0])
Usage profiles: present value in DKK per bid (rank), weighted by each profile's share
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tco.views.i18n import number, resolve

if TYPE_CHECKING:
    from tco.analysis.profiles import ProfileTable

__all__ = ["PROFILE_WORDS", "profiles_text"]

#: The words of the profile table, per language.
PROFILE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title total": "Usage profiles: present value in {cur} per bid (rank), weighted by each "
        "profile's share",
        "title annualised": "Usage profiles: annualised cost in {cur}/year per bid (rank), "
        "weighted by each profile's share",
        "profile": "profile",
        "weight": "weight",
        "cheapest": "cheapest",
        "weighted": "weighted",
        "same": "The same bid is cheapest under every profile: {bid}.",
        "changes": "The cheapest bid changes between profiles: {list}.",
        "switch": "From {a} to {b}: {from_bid} is cheapest until {at}, then {to_bid}.",
        "fraction": "{f} of the way",
    },
    "da": {
        "title total": "Brugsprofiler: nutidsværdi i {cur} pr. tilbud (placering), vægtet med "
        "hver profils andel",
        "title annualised": "Brugsprofiler: TCO pr. år i {cur}/år pr. tilbud (placering), "
        "vægtet med hver profils andel",
        "profile": "profil",
        "weight": "vægt",
        "cheapest": "billigst",
        "weighted": "vægtet",
        "same": "Det samme tilbud er billigst under alle profiler: {bid}.",
        "changes": "Det billigste tilbud skifter mellem profilerne: {list}.",
        "switch": "Fra {a} til {b}: {from_bid} er billigst indtil {at}, derefter {to_bid}.",
        "fraction": "{f} af vejen",
    },
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """Text without control characters (a bid name cannot move the cursor)."""
    return _CONTROL.sub("\ufffd", text)


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


def profiles_text(table: ProfileTable, lang: str | None = None) -> str:
    """The profile table: one row per profile and a weighted row, then where the winner changes.

    Parameters
    ----------
    table : ProfileTable
    lang : {"en", "da"}, optional
    """
    lang = resolve(lang)
    w = PROFILE_WORDS.get(lang, PROFILE_WORDS["en"])
    title = w[f"title {table.ranked_by}"].format(cur=table.currency)
    bids = [_plain(b) for b in table.bids]
    rows = [[w["profile"], w["weight"], *bids, w["cheapest"]]]
    ranks = table.ranks
    for k, name in enumerate(table.names):
        cells = [
            f"{number(float(table.cost[k, i]), 0, lang)} ({ranks[k, i]})" for i in range(len(bids))
        ]
        weight = f"{number(100 * float(table.weights[k]), 0, lang)} %"
        rows.append([_plain(name), weight, *cells, _plain(table.winners[k])])
    wr = table.weighted_rank
    cells = [f"{number(float(table.weighted[i]), 0, lang)} ({wr[i]})" for i in range(len(bids))]
    rows.append([w["weighted"], "100 %", *cells, _plain(table.winner)])
    out = [title, _align(rows)]
    if not table.winner_changes:
        out.append(w["same"].format(bid=_plain(table.winner)))
        return "\n".join(out)
    listed = "; ".join(
        f"{_plain(n)} → {_plain(b)}" for n, b in zip(table.names, table.winners, strict=True)
    )
    out.append(w["changes"].format(list=listed))
    for s in table.switches:
        at = ", ".join(f"{k} ≈ {v}" for k, v in s["at"].items()) or w["fraction"].format(
            f=f"{100 * s['fraction']:.1f} %"
        )
        out.append(
            w["switch"].format(
                a=_plain(s["from_profile"]),
                b=_plain(s["to_profile"]),
                from_bid=_plain(s["from_bid"]),
                at=at,
                to_bid=_plain(s["to_bid"]),
            )
        )
    return "\n".join(out)
