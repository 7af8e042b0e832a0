"""The contract follow-up as a table and a chart, in English or Danish.

The workbook (the ``excel`` extra) has a sheet of the years (every column of
:meth:`tco.analysis.followup.FollowUp.rows`, numbers stored as numbers) and a
sheet of the values recorded beside the bid's. The chart has two panels: the
deviation of each year's cost from the bid, stacked into the supplier's part and
the buyer's part, with the cumulative deviation as a line; and the same for CO2e.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.io.optional import require
from tco.views.i18n import number, resolve, text
from tco.views.safe import chart_text, visible

if TYPE_CHECKING:
    from tco.analysis.followup import FollowUp

__all__ = ["followup_chart", "followup_table", "write_followup_workbook"]


def followup_table(f: FollowUp, lang: str | None = None) -> str:
    """Per recorded year: planned and actual cost, the deviation split by who answers for it.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.followup import follow_up
    >>> t = tco.load_tender(tco.example_path("passenger-car"))
    >>> f = follow_up(t, {"bid": "El Mobil", "years": {1: {"annual_distance": "30000 km/year"}}})
    >>> followup_table(f, "da").splitlines()[0]
    "Opfølgning på kontrakten med 'El Mobil' i DKK (faste priser, ikke tilbagediskonteret)"
    """
    from tco.views.abatement import align

    lang = resolve(lang)
    cur = f.currency
    head = [
        text("year", lang),
        text("followup.planned", lang),
        text("followup.actual", lang),
        text("followup.deviation", lang),
        text("followup.supplier", lang),
        text("followup.buyer", lang),
        text("followup.cumulative", lang),
        text("followup.co2e deviation", lang),
        text("followup.supplier", lang),
        text("followup.buyer", lang),
    ]
    units = ["", cur, cur, cur, cur, cur, cur, "kg", "kg", "kg"]
    if f.clauses:
        head.append(text("followup.clauses", lang))
        units.append(cur)
    rows = []
    for r in f.rows():
        cells = [str(r["year"])]
        cells += [
            number(r[k], 0, lang)
            for k in (
                "planned",
                "actual",
                "deviation",
                "supplier_part",
                "buyer_part",
                "cumulative_deviation",
                "co2e_deviation_kg",
                "co2e_supplier_part_kg",
                "co2e_buyer_part_kg",
            )
        ]
        if f.clauses:
            cells.append(number(r["clauses"], 0, lang))
        rows.append(cells)
    total = [
        text("followup.total", lang),
        number(float(f.planned.sum()), 0, lang),
        number(float(f.actual.sum()), 0, lang),
        number(float(f.deviation.sum()), 0, lang),
        number(float(f.supplier_part.sum()), 0, lang),
        number(float(f.buyer_part.sum()), 0, lang),
        "",
        number(float(f.co2e_deviation.sum()), 0, lang),
        number(float(f.co2e_supplier_part.sum()), 0, lang),
        number(float(f.co2e_buyer_part.sum()), 0, lang),
    ]
    if f.clauses:
        total.append(number(float(f.clause_total.sum()), 0, lang))
    lines = align([*rows, total], head, units)
    lines.insert(len(lines) - 1, "-" * len(lines[2]))
    return "\n".join(
        [
            text("followup.title", lang, bid=visible(f.bid), currency=cur),
            *lines,
            text("followup.note", lang),
        ]
    )


def followup_chart(f: FollowUp, lang: str | None = None) -> Any:
    """Bars of each year's deviation (supplier's part, buyer's part) and a cumulative line.

    Returns
    -------
    matplotlib Figure
        Two panels: money [currency] and CO2e [kg].
    """
    from tco.views.figures import figure, money_formatter

    lang = resolve(lang)
    fig = figure((11.0, 4.5))
    axes = fig.subplots(1, 2)
    x = f.years.astype(float)
    panels = (
        (f.supplier_part, f.buyer_part, f.deviation, f.currency, "followup.chart money"),
        (f.co2e_supplier_part, f.co2e_buyer_part, f.co2e_deviation, "kg", "followup.chart co2e"),
    )
    for ax, (sup, buy, dev, unit, title) in zip(axes, panels, strict=True):
        pos = np.zeros(len(x))
        neg = np.zeros(len(x))
        for part, colour, key in ((sup, "#D55E00", "supplier"), (buy, "#0072B2", "buyer")):
            bottom = np.where(part >= 0, pos, neg)
            ax.bar(x, part, 0.6, bottom=bottom, color=colour, label=text(f"followup.{key}", lang))
            pos = pos + np.where(part >= 0, part, 0.0)
            neg = neg + np.where(part < 0, part, 0.0)
        ax.plot(x, np.cumsum(dev), "-o", color="black", label=text("followup.cumulative", lang))
        ax.axhline(0.0, color="black", linewidth=0.8)
        ax.set_xticks(x, [str(int(y)) for y in f.years])
        ax.set_xlabel(text("year", lang))
        ax.yaxis.set_major_formatter(money_formatter(lang))
        ax.set_ylabel(f"{text('followup.deviation', lang)} [{unit}]")
        ax.set_title(text(title, lang))
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(chart_text(text("followup.title", lang, bid=f.bid, currency=f.currency)))
    return fig


#: Header of each workbook column: (message key, unit kind) where the kind is money or kg.
_COLUMNS: dict[str, tuple[str, str]] = {
    "planned": ("followup.planned", "money"),
    "actual": ("followup.actual", "money"),
    "deviation": ("followup.deviation", "money"),
    "supplier_part": ("followup.supplier", "money"),
    "buyer_part": ("followup.buyer", "money"),
    "cumulative_deviation": ("followup.cumulative", "money"),
    "cumulative_supplier_part": ("followup.cumulative supplier", "money"),
    "cumulative_buyer_part": ("followup.cumulative buyer", "money"),
    "planned_co2e_kg": ("followup.planned", "kg"),
    "actual_co2e_kg": ("followup.actual", "kg"),
    "co2e_deviation_kg": ("followup.co2e deviation", "kg"),
    "co2e_supplier_part_kg": ("followup.supplier", "kg"),
    "co2e_buyer_part_kg": ("followup.buyer", "kg"),
    "cumulative_co2e_deviation_kg": ("followup.cumulative", "kg"),
    "clauses": ("followup.clauses", "money"),
}


def write_followup_workbook(f: FollowUp, path: str | Path, lang: str | None = None) -> Path:
    """Write the follow-up to an ``.xlsx`` workbook: the years, and the values recorded.

    Every header names its unit ([DKK] or [kg CO2e]); text from the files (the
    bid's name, parameter names) is stored as text, never as a formula.
    """
    openpyxl = require("openpyxl", "excel")
    from tco.views.safe import excel_cell, save_workbook

    lang = resolve(lang)
    out = Path(path)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(text("followup.sheet years", lang))
    ws.append([excel_cell(ws, text("followup.title", lang, bid=f.bid, currency=f.currency))])
    head = [text("year", lang)]
    for label, kind in _COLUMNS.values():
        unit = f.currency if kind == "money" else "kg CO2e"
        head.append(f"{text(label, lang)} [{unit}]")
    ws.append([excel_cell(ws, h) for h in head])
    for r in f.rows():
        ws.append(
            [excel_cell(ws, r["year"])] + [excel_cell(ws, float(r[k]), "#,##0") for k in _COLUMNS]
        )
    rec = wb.create_sheet(text("followup.sheet recorded", lang))
    heads = ("year", "parameter", "value", "bid")
    rec.append([excel_cell(rec, text(h, lang)) for h in heads])
    for year, values in zip(f.years.tolist(), f.recorded, strict=True):
        for name, value in values.items():
            rec.append(
                [
                    excel_cell(rec, int(year)),
                    excel_cell(rec, name),
                    excel_cell(rec, float(value), "#,##0.########"),
                    excel_cell(rec, f.bid_values.get(name), "#,##0.########"),
                ]
            )
    return save_workbook(wb, out)
