"""The usage profiles as a workbook sheet (the ``excel`` extra).

One sheet: the profiles with their weights and values, each bid's cost per
profile and the weighted cost, the rank of each bid per profile and
weighted, the weighted ranking, and where the winner changes and why.
Numbers are stored as numbers with a number format (``#,##0`` for money,
``0 %`` for shares), which Excel shows with the reader's own separators
(``1.234.568`` in a Danish Excel); every text from the tender (bid names,
labels) is stored as text, never a formula. :func:`profiles_sheet` adds the
sheet to a workbook being written (the result workbook of ``tco compare``
has it when the tender has profiles); :func:`write_profiles_workbook`
writes a workbook of its own (``tco profiles --xlsx``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.views.i18n import resolve, text
from tco.views.profiles import (
    cost_unit,
    profile_settings_text,
    switch_sentences,
    weight_rule_text,
)
from tco.views.safe import excel_cell, save_workbook

if TYPE_CHECKING:
    from tco.analysis.profiles import ProfileTable

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_MONEY = "#,##0"
_SHARE = "0%"


def profiles_sheet(wb: Any, table: ProfileTable, lang: str | None = None) -> None:
    """Add the profiles sheet to a write-only openpyxl workbook.

    Parameters
    ----------
    wb : openpyxl.Workbook
        Opened with ``write_only=True``.
    table : ProfileTable
    lang : {"en", "da"}, optional
    """
    from openpyxl.styles import Font

    lang = resolve(lang)
    ws = wb.create_sheet(text("profiles.sheet", lang))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["C"].width = 28
    cur = cost_unit(table, lang)
    bold = Font(bold=True)

    def cell(value: Any, fmt: str | None = None, *, strong: bool = False) -> Any:
        c = excel_cell(ws, value, fmt)
        if strong:
            c.font = bold
        return c

    def head(values: list[str]) -> None:
        ws.append([cell(v, strong=True) for v in values])

    bids = list(table.bids)
    ws.append(
        [cell(text(f"profiles.title {table.ranked_by}", lang, cur=table.currency), strong=True)]
    )
    ws.append([cell(weight_rule_text(table, lang))])
    head(
        [
            text("profiles.profile", lang),
            text("profiles.share", lang),
            text("profiles.inputs", lang),
            *(f"{b} [{cur}]" for b in bids),
            text("profiles.cheapest", lang),
        ]
    )
    for k, name in enumerate(table.names):
        ws.append(
            [
                cell(table.label(name, lang)),
                cell(float(table.weights[k]), _SHARE),
                cell(profile_settings_text(table, name, lang)),
                *(cell(float(v), _MONEY) for v in table.cost[k]),
                cell(table.winners[k]),
            ]
        )
    ws.append(
        [
            cell(text("profiles.weighted", lang), strong=True),
            cell(1.0, _SHARE),
            cell(""),
            *(cell(float(v), _MONEY) for v in table.weighted),
            cell(table.winner),
        ]
    )
    ws.append([])
    head([text("profiles.rank", lang), "", "", *bids])
    ranks = table.ranks
    for k, name in enumerate(table.names):
        ws.append([cell(table.label(name, lang)), None, None, *(int(r) for r in ranks[k])])
    ws.append(
        [cell(text("profiles.weighted", lang)), None, None, *(int(r) for r in table.weighted_rank)]
    )
    ws.append([])
    ws.append([cell(text("profiles.weighted ranking", lang), strong=True)])
    head(
        [
            text("profiles.rank", lang),
            text("profiles.bid", lang),
            f"{text(f'profiles.weighted cost {table.ranked_by}', lang)} [{cur}]",
        ]
    )
    order = sorted(range(len(bids)), key=lambda i: int(table.weighted_rank[i]))
    for i in order:
        ws.append(
            [int(table.weighted_rank[i]), cell(bids[i]), cell(float(table.weighted[i]), _MONEY)]
        )
    ws.append([])
    sentences = switch_sentences(table, lang) if table.winner_changes else []
    if not sentences:
        sentences = [text("profiles.same", lang, bid=table.winner)]
    ws.append([cell(text("profiles.where", lang), strong=True)])
    for sentence in sentences:
        ws.append([cell(sentence)])


def write_profiles_workbook(
    table: ProfileTable, path: str | Path, *, lang: str | None = None
) -> Path:
    """Write the profiles to an ``.xlsx`` workbook of one sheet (see :func:`profiles_sheet`).

    Examples
    --------
    >>> import tco, tempfile, pathlib, openpyxl
    >>> from tco.analysis.profiles import profiles
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
    >>> out = write_profiles_workbook(t, pathlib.Path(tempfile.mkdtemp()) / "p.xlsx", lang="da")
    >>> ws = openpyxl.load_workbook(out)["Brugsprofiler"]
    >>> ws["A4"].value, ws["B4"].value, ws["D4"].number_format
    ('Idrætshal', 0.2, '#,##0')
    """
    from tco.views.form import require_openpyxl

    openpyxl = require_openpyxl()
    wb = openpyxl.Workbook(write_only=True)
    profiles_sheet(wb, table, lang)
    return save_workbook(wb, path)
