"""A basket's result as an Excel workbook (the ``excel`` extra).

Sheets, named in the workbook's language: ``Basket`` (one row per bid in
rank order: the basket's present value and annualised cost, each line's
present value, and the basket by cost category), one sheet per line (each
bid's rank on the basket and on the line, the line's present value,
annualised cost and categories, and emissions), ``Lines`` (each line's sheet,
model and quantity) and ``Assumptions`` (the basket's assumptions and every
parameter value, by line). Every header names its unit; numbers are stored as
numbers with a number format (``#,##0``), which Excel shows with the
reader's own separators (``1.234.568`` in a Danish Excel); text from the
tender and the bids is stored as text, never a formula
(:func:`tco.views.safe.excel_cell`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import LimitError
from tco.io.basket_forms import line_sheet_names
from tco.limits import MAX_WORKBOOK_CELLS
from tco.views.basket_report import basket_assumption_rows
from tco.views.i18n import resolve, text, unit_text
from tco.views.labels import category_label, substance_label, word
from tco.views.safe import excel_cell, save_workbook
from tco.views.workbook import parameter_rows

if TYPE_CHECKING:
    from tco.basket import BasketResult

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

_MONEY = "#,##0"


def basket_sheet_names(result: BasketResult, lang: str | None = None) -> list[str]:
    """The workbook's sheets: the basket, one per line, the lines and the assumptions.

    Examples
    --------
    >>> from tco.basket import basket_example_path, load_basket
    >>> r = load_basket(basket_example_path("car-van-fleet")).evaluate()
    >>> basket_sheet_names(r, "da")
    ['Kurv', 'cars', 'vans', 'Linjer', 'Forudsætninger']
    """
    fixed = [text("sheet.basket", lang), text("sheet.lines", lang)]
    fixed.append(text("sheet.assumptions", lang))
    lines = line_sheet_names([*fixed, *result.lines])[len(fixed) :]
    return [fixed[0], *lines, fixed[1], fixed[2]]


def _cells(result: BasketResult) -> int:
    bids, lines = len(result.bids), len(result.lines)
    per_line = sum(3 + len(r.by_category) + len(r.emissions) + 3 for r in result.results)
    params = sum(len(r.plan.product.parameters) * (bids + 1) for r in result.results)
    return (bids + 1) * (4 + lines + 5) + (bids + 1) * per_line + 4 * (lines + 1) + 3 * params


def write_basket_workbook(
    result: BasketResult, path: str | Path, *, lang: str | None = None
) -> Path:
    """Write a basket's result to an ``.xlsx`` workbook.

    Parameters
    ----------
    result : BasketResult
    path : str or path
    lang : {"en", "da"}, optional

    Returns
    -------
    Path

    Raises
    ------
    LimitError
        If the workbook would exceed :data:`~tco.limits.MAX_WORKBOOK_CELLS`.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> from tco.basket import basket_example_path, load_basket
    >>> r = load_basket(basket_example_path("copy-print")).evaluate()
    >>> out = write_basket_workbook(r, pathlib.Path(tempfile.mkdtemp()) / "b.xlsx")
    >>> openpyxl.load_workbook(out).sheetnames
    ['Basket', 'A4 devices', 'A3 devices', 'Lines', 'Assumptions']
    """
    from tco.views.form import require_openpyxl

    openpyxl = require_openpyxl()
    from openpyxl.styles import Font

    from tco._version import __version__

    cells = _cells(result)
    if cells > MAX_WORKBOOK_CELLS:
        raise LimitError(
            f"the workbook would hold {cells} cells; a result workbook holds at most "
            f"{MAX_WORKBOOK_CELLS}: use --format csv for the ranking",
            file=result.basket.file,
            value=cells,
            expected=f"at most {MAX_WORKBOOK_CELLS} cells",
        ).speaks("workbook_cells", n_q=cells, cap_q=MAX_WORKBOOK_CELLS)
    lang = resolve(lang)
    cur = result.currency
    per_year = f"{cur}/{unit_text('year', lang)}"
    names = basket_sheet_names(result, lang)
    wb = openpyxl.Workbook(write_only=True)

    def sheet(title: str, widths: dict[str, float]) -> Any:
        ws = wb.create_sheet(title)
        for col, width in widths.items():
            ws.column_dimensions[col].width = width
        return ws

    def header(ws: Any, values: list[str]) -> None:
        row = [excel_cell(ws, v) for v in values]
        for cell in row:
            cell.font = Font(bold=True)
        ws.append(row)

    def row(ws: Any, values: list[Any], money_from: int) -> None:
        ws.append(
            [excel_cell(ws, v, _MONEY if i >= money_from else None) for i, v in enumerate(values)]
        )

    # -- the basket -------------------------------------------------------------------
    ws = sheet(names[0], {"B": 24})
    cats = list(result.by_category)
    header(
        ws,
        [
            word("rank", lang),
            word("bid", lang),
            f"{word('basket', lang)} [{cur}]",
            f"{word('per year', lang)} [{per_year}]",
            *(f"{name} [{cur}]" for name in result.lines),
            *(f"{category_label(c, lang)} [{cur}]" for c in cats),
        ],
    )
    by_cat = result.by_category
    for summary in result.summary():
        b = result.bids.index(summary["bid"])
        row(
            ws,
            [
                summary["rank"],
                summary["bid"],
                summary["total"],
                summary["annualised"],
                *(line["total"] for line in summary["lines"]),
                *(float(by_cat[c][b]) for c in cats),
            ],
            money_from=2,
        )

    # -- one sheet per line -----------------------------------------------------------
    for sheet_name, r in zip(names[1:-2], result.results, strict=True):
        ws = sheet(sheet_name, {"A": 24})
        lcats = list(r.by_category)
        subs = list(r.emissions)
        header(
            ws,
            [
                word("bid", lang),
                word("basket rank", lang),
                word("line rank", lang),
                f"{word('total', lang)} [{cur}]",
                f"{word('per year', lang)} [{per_year}]",
                *(f"{category_label(c, lang)} [{cur}]" for c in lcats),
                *(f"{substance_label(s, lang)} [kg]" for s in subs),
            ],
        )
        for b in sorted(range(len(result.bids)), key=lambda i: int(result.rank[i])):
            row(
                ws,
                [
                    result.bids[b],
                    int(result.rank[b]),
                    int(r.rank[b]),
                    float(r.total[b]),
                    float(r.annualised[b]),
                    *(float(r.by_category[c][b]) for c in lcats),
                    *(float(r.emissions[s][b]) for s in subs),
                ],
                money_from=3,
            )

    # -- the lines ----------------------------------------------------------------------
    ws = sheet(names[-2], {"A": 24, "B": 24, "C": 20})
    header(
        ws, [word("line", lang), word("sheet", lang), word("model", lang), word("quantity", lang)]
    )
    for name, sheet_name, r in zip(result.lines, names[1:-2], result.results, strict=True):
        row(ws, [name, sheet_name, r.plan.product.id, float(r.plan.quantity)], money_from=9)

    # -- assumptions --------------------------------------------------------------------
    ws = sheet(names[-1], {"A": 40, "B": 24})
    header(ws, [word("assumption", lang), word("value", lang), word("unit", lang)])
    row(ws, [word("tender title", lang), result.basket.title], money_from=9)
    for label, value in basket_assumption_rows(result, lang):
        row(ws, [label, value], money_from=9)
    for name, tender in zip(result.lines, result.basket.tenders, strict=True):
        parameter_rows(ws, tender, lang, prefix=f"{name}: ")
    row(ws, ["tco", __version__], money_from=9)

    return save_workbook(wb, path)
