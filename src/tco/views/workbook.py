"""The result as an Excel workbook (the ``excel`` extra).

Sheets: ``Summary`` (one row per bid in rank order), ``Breakdown`` (present
value per bid and item), ``Cash flows`` (real and discounted flows per bid,
item and year) and ``Assumptions`` (the assumptions and parameter values
used). Every header names its unit; numbers are stored as numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.views.html import assumption_rows
from tco.views.labels import category_label, item_label, word

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = ["SHEETS", "write_workbook"]

#: The sheets of a result workbook, in order.
SHEETS: tuple[str, ...] = ("Summary", "Breakdown", "Cash flows", "Assumptions")
_MONEY = "#,##0"


def _header(ws: Any, values: list[str]) -> None:
    from openpyxl.styles import Font

    ws.append(values)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)


def write_workbook(
    result: Result, path: str | Path, *, tender: Tender | None = None, lang: str = "en"
) -> Path:
    """Write a result to an ``.xlsx`` workbook.

    Parameters
    ----------
    result : Result
    path : str or path
        The file to write.
    tender : Tender, optional
        The tender evaluated; its parameter values go on the assumptions sheet.
    lang : {"en", "da"}
        Language of the labels.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tco, tempfile, pathlib, openpyxl
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> out = write_workbook(r, pathlib.Path(tempfile.mkdtemp()) / "r.xlsx")
    >>> openpyxl.load_workbook(out).sheetnames
    ['Summary', 'Breakdown', 'Cash flows', 'Assumptions']
    """
    from tco.views.form import require_openpyxl

    openpyxl = require_openpyxl()
    from tco import __version__

    cur = result.currency
    plan = result.plan
    wb = openpyxl.Workbook()

    # -- summary --------------------------------------------------------------------
    ws = wb.active
    ws.title = SHEETS[0]
    cats = list(result.by_category)
    subs = list(result.emissions)
    _header(
        ws,
        [
            word("rank", lang),
            word("bid", lang),
            f"{word('total', lang)} [{cur}]",
            f"{word('per year', lang)} [{cur}/{word('year', lang)}]",
            f"{word('total excl', lang)} [{cur}]",
            f"{word('period', lang)} [{word('year', lang)}]",
            f"{word('total incl', lang)} [{cur}]",
            f"{word('per year excl', lang)} [{cur}/{word('year', lang)}]",
            f"{word('per year incl', lang)} [{cur}/{word('year', lang)}]",
            *(f"{category_label(c, lang)} [{cur}]" for c in cats),
            *(f"{s} [kg]" for s in subs),
        ],
    )
    for row in result.summary():
        ws.append(
            [
                row["rank"],
                row["bid"],
                row["total"],
                row["annualised"],
                row["total_excl_externalities"],
                row["period"],
                row["total_incl_externalities"],
                row["annualised_excl_externalities"],
                row["annualised_incl_externalities"],
                *(row[c] for c in cats),
                *(row[f"{s}_kg"] for s in subs),
            ]
        )
    for r in ws.iter_rows(min_row=2, min_col=3):
        for cell in r:
            cell.number_format = _MONEY
    ws.column_dimensions["B"].width = 24

    # -- breakdown ------------------------------------------------------------------
    ws = wb.create_sheet(SHEETS[1])
    _header(
        ws,
        [
            word("bid", lang),
            word("item", lang),
            word("description", lang),
            word("category", lang),
            f"{word('present value', lang)} [{cur}]",
        ],
    )
    for b, bid in enumerate(result.bids):
        for i, (name, cat) in enumerate(zip(result.items, result.categories, strict=True)):
            ws.append(
                [
                    bid,
                    name,
                    item_label(result, name, lang),
                    category_label(cat, lang),
                    float(result.present_value[b, i]),
                ]
            )
            ws.cell(ws.max_row, 5).number_format = _MONEY
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["C"].width = 30

    # -- cash flows -------------------------------------------------------------------
    ws = wb.create_sheet(SHEETS[2])
    years = [int(y) for y in result.years]
    _header(
        ws,
        [
            word("bid", lang),
            word("item", lang),
            word("category", lang),
            f"{word('flows', lang)} [{cur}]",
            *(f"{word('year', lang)} {y}" for y in years),
        ],
    )
    for kind in ("real", "discounted"):
        flows = getattr(result, kind)
        for b, bid in enumerate(result.bids):
            for i, (name, cat) in enumerate(zip(result.items, result.categories, strict=True)):
                ws.append([bid, name, cat, word(kind, lang), *(float(v) for v in flows[b, i])])
    for r in ws.iter_rows(min_row=2, min_col=5):
        for cell in r:
            cell.number_format = _MONEY
    ws.column_dimensions["A"].width = 24

    # -- assumptions ------------------------------------------------------------------
    ws = wb.create_sheet(SHEETS[3])
    _header(ws, [word("assumption", lang), word("value", lang), word("unit", lang)])
    ws.append(["title", plan.title])
    ws.append(["model", plan.model.id, plan.model.spec.version or ""])
    for name, value in assumption_rows(result, lang):
        ws.append([name, value])
    if tender is not None:
        from tco.views.inputs import bid_values, buyer_values

        for name, value in buyer_values(tender).items():
            ws.append([name, value, plan.model.parameters[name].unit_text])
        for bid, values in bid_values(tender).items():
            for name, value in values.items():
                ws.append([f"{bid}: {name}", value, plan.model.parameters[name].unit_text])
    ws.append(["tco", __version__])
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 24

    out = Path(path)
    wb.save(out)
    return out
