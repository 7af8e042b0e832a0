"""Management information across tenders as a table, a JSON document, CSV or Parquet, a chart.

The CSV has one row per tender with the columns of
:data:`tco.analysis.portfolio.COLUMNS` (English: commas and a decimal point,
for BI tools; Danish: semicolons and a decimal comma); every text cell goes
through :func:`tco.views.safe.csv_cell`, so a tender's title never becomes a
formula. Parquet needs pandas and pyarrow.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.io.optional import require
from tco.views.errors import OutputError
from tco.views.i18n import csv_delimiter, number, resolve, text
from tco.views.safe import chart_text, csv_cell, visible
from tco.views.table import csv_number

if TYPE_CHECKING:
    from tco.analysis.portfolio import Portfolio
    from tco.views.contract_lists import PortfolioDocument

__all__ = [
    "portfolio_chart",
    "portfolio_csv",
    "portfolio_document",
    "portfolio_table",
    "write_parquet",
]


def _n(v: Any, decimals: int, lang: str) -> str:
    return "-" if v is None else number(float(v), decimals, lang)


def portfolio_table(p: Portfolio, lang: str | None = None) -> str:
    """Per tender: chosen and lowest-price bid, TCO saved, CO2e avoided, follow-up; totals."""
    from tco.views.abatement import align

    lang = resolve(lang)
    head = [
        text("portfolio.tender", lang),
        text("portfolio.chosen", lang),
        text("portfolio.lowest price", lang),
        text("portfolio.saved", lang),
        text("abatement.avoided", lang),
        text("abatement.per t", lang),
        text("followup.deviation", lang),
        text("followup.supplier", lang),
    ]
    units = ["", "", "", "", "t", "/t", "", ""]
    rows = []
    for r in p.rows:
        name = visible(Path(r["tender"]).name)
        if r["error"]:
            rows.append([name, text("cli.error", lang)] + [""] * 6)
            continue
        cur = r["currency"]
        rows.append(
            [
                name,
                visible(r["chosen"]),
                visible(r["lowest_price"]),
                f"{_n(r['saved'], 0, lang)} {cur}",
                _n(r["co2e_avoided_kg"] / 1000.0, 1, lang),
                _n(r["abatement_cost"], 0, lang)
                if r["abatement_cost"] is not None or not r["abatement_reason"]
                else text(f"abatement.{r['abatement_reason']}", lang),
                "-" if r["followup_years"] is None else f"{_n(r['followup_deviation'], 0, lang)}",
                "-"
                if r["followup_years"] is None
                else f"{_n(r['followup_supplier_part'], 0, lang)}",
            ]
        )
    out = [text("portfolio.title", lang, n=len(p.rows)), *align(rows, head, units)]
    out += [f"{text('cli.error', lang)}: {visible(_problem(r, lang))}" for r in p.errors]
    for t in p.totals():
        out.append(
            text(
                "portfolio.total",
                lang,
                n=t["tenders"],
                saved=number(t["saved"], 0, lang),
                currency=t["currency"],
                avoided=number(t["co2e_avoided_kg"] / 1000.0, 1, lang),
                deviation=number(t["followup_deviation"], 0, lang),
            )
        )
    return "\n".join(out)


def portfolio_document(p: Portfolio) -> PortfolioDocument:
    """The portfolio as its document of the JSON contract (kind ``portfolio``).

    Rows keep the keys :data:`~tco.analysis.portfolio.COLUMNS` in their order;
    a number that is not finite becomes ``null``. The wall time and the
    number of workers are left out, so that a document depends on the tenders
    only.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.portfolio import Portfolio, tender_row
    >>> doc = portfolio_document(Portfolio((tender_row(str(tco.example_path("van"))),), 1, 0.0))
    >>> doc["kind"], doc["tenders"], doc["rows"][0]["currency"], doc["totals"][0]["tenders"]
    ('portfolio', 1, 'DKK', 1)
    """
    from tco.analysis.portfolio import COLUMNS
    from tco.views.contract_records import SCHEMA_VERSION
    from tco.views.jsontext import finite

    rows: list[Any] = [{k: finite(r[k]) for k in COLUMNS} for r in p.rows]
    totals: list[Any] = [finite(t) for t in p.totals()]
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "portfolio",
        "tenders": len(p.rows),
        "rows": rows,
        "totals": totals,
    }


def portfolio_csv(p: Portfolio, lang: str | None = None) -> str:
    """One row per tender (columns :data:`~tco.analysis.portfolio.COLUMNS`) as CSV text.

    Examples
    --------
    >>> import tco
    >>> from tco.analysis.portfolio import Portfolio, tender_row
    >>> p = Portfolio((tender_row(str(tco.example_path("van"))),), 1, 0.0)
    >>> portfolio_csv(p).splitlines()[0].split(",")[:3]
    ['tender', 'title', 'model']
    """
    from tco.analysis.portfolio import COLUMNS

    lang = resolve(lang)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=csv_delimiter(lang), lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in p.rows:
        cells = []
        for k in COLUMNS:
            v = r[k]
            if isinstance(v, float):
                cells.append(csv_number(v, lang))
            elif isinstance(v, str):
                cells.append(csv_cell(v))
            else:
                cells.append("" if v is None else v)
        writer.writerow(cells)
    return buf.getvalue()


def write_parquet(p: Portfolio, path: str | Path) -> Path:
    """Write the rows to a Parquet file (needs pandas and pyarrow)."""
    require("pyarrow", "parquet")
    out = Path(path)
    p.to_frame().to_parquet(out, index=False)
    return out


def portfolio_chart(p: Portfolio, lang: str | None = None, top: int = 20) -> Any:
    """Bars of TCO saved and CO2e avoided by awarding on total cost, per tender.

    The ``top`` tenders by TCO saved are shown (all of one currency: the
    portfolio's first), the rest summed into one bar.

    Returns
    -------
    matplotlib Figure
    """
    from tco.views.figures import figure, money_formatter

    lang = resolve(lang)
    ok = [r for r in p.rows if not r["error"]]
    if not ok:
        raise OutputError("no tender of the portfolio could be evaluated: nothing to chart").speaks(
            "portfolio_nothing"
        )
    cur = ok[0]["currency"]
    ok = [r for r in ok if r["currency"] == cur]
    ok.sort(key=lambda r: -r["saved"])
    shown, rest = ok[:top], ok[top:]
    names = [chart_text(r["title"] or Path(r["tender"]).stem)[:40] for r in shown]
    saved = [r["saved"] for r in shown]
    avoided = [r["co2e_avoided_kg"] / 1000.0 for r in shown]
    if rest:
        names.append(text("portfolio.others", lang, n=len(rest)))
        saved.append(sum(r["saved"] for r in rest))
        avoided.append(sum(r["co2e_avoided_kg"] for r in rest) / 1000.0)
    fig = figure((12.0, 1.2 + 0.35 * len(names)))
    ax1, ax2 = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(names))[::-1]
    ax1.barh(y, saved, color="#0072B2")
    ax2.barh(y, avoided, color="#009E73")
    ax1.set_yticks(y, names, fontsize=8)
    ax1.xaxis.set_major_formatter(money_formatter(lang))
    ax2.xaxis.set_major_formatter(money_formatter(lang))
    ax1.set_xlabel(f"{text('portfolio.saved', lang)} [{cur}]")
    ax2.set_xlabel(f"{text('abatement.avoided', lang)} [t]")
    from matplotlib.ticker import MaxNLocator

    for ax in (ax1, ax2):
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.axvline(0.0, color="black", linewidth=0.8)
        ax.grid(axis="x", alpha=0.3)
    total = sum(saved)
    fig.suptitle(
        text(
            "portfolio.chart",
            lang,
            n=len(ok),
            saved=number(total, 0, lang),
            currency=cur,
            avoided=number(sum(avoided), 1, lang),
        )
    )
    return fig


def _problem(row: dict[str, Any], lang: str) -> str:
    """The error of a portfolio row in ``lang`` (its English text where the error is not kept)."""
    from tco.views.error_text import error_text

    problem = row.get("problem")
    return error_text(problem.error, lang) if problem is not None else str(row["error"])
