"""The result as an Excel workbook (the ``excel`` extra).

Sheets: ``Summary`` (one row per bid in rank order), ``Breakdown`` (present
value per bid and item), ``Cash flows`` (real and discounted flows per bid,
item and year) and ``Assumptions`` (the assumptions and parameter values
used). Every header names its unit; numbers are stored as numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import FileError, LimitError
from tco.limits import MAX_WORKBOOK_CELLS
from tco.views.html import assumption_rows
from tco.views.labels import category_label, item_label, word
from tco.views.safe import excel_cell

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = ["SHEETS", "check_workbook_size", "workbook_cells", "write_workbook"]

#: The sheets of a result workbook, in order.
SHEETS: tuple[str, ...] = ("Summary", "Breakdown", "Cash flows", "Assumptions")
_MONEY = "#,##0"


def workbook_cells(result: Result, tender: Tender | None = None) -> int:
    """The number of cells :func:`write_workbook` writes for ``result``.

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> workbook_cells(t.evaluate(), t) < 1000
    True
    """
    bids, items, years = len(result.bids), len(result.items), len(result.years)
    summary = (bids + 1) * (6 + len(result.by_category) + len(result.emissions))
    breakdown = (bids * items + 1) * 5
    flows = (2 * bids * items + 1) * (4 + years)
    params = len(result.plan.model.parameters) * (bids + 1) if tender is not None else 0
    return summary + breakdown + flows + 3 * (params + 20)


def check_workbook_size(result: Result, tender: Tender | None = None) -> None:
    """Raise :class:`~tco.errors.LimitError` before writing more than :data:`MAX_WORKBOOK_CELLS`."""
    cells = workbook_cells(result, tender)
    if cells > MAX_WORKBOOK_CELLS:
        raise LimitError(
            f"the workbook would hold {cells} cells ({len(result.bids)} bids x "
            f"{len(result.items)} items x {len(result.years)} years of cash flows); "
            f"a result workbook holds at most {MAX_WORKBOOK_CELLS}: write fewer bids "
            "or a shorter period, or use --format csv for the summary",
            file=tender.file if tender is not None else None,
            value=cells,
            expected=f"at most {MAX_WORKBOOK_CELLS} cells",
        )


class _Sheet:
    """A write-only worksheet whose text cells are text, never formulas."""

    def __init__(self, wb: Any, title: str) -> None:
        self.ws = wb.create_sheet(title)

    def width(self, column: str, width: float) -> None:
        self.ws.column_dimensions[column].width = width

    def header(self, values: list[str]) -> None:
        from openpyxl.styles import Font

        cells = [excel_cell(self.ws, v) for v in values]
        for cell in cells:
            cell.font = Font(bold=True)
        self.ws.append(cells)

    def row(self, values: list[Any], money_from: int | None = None) -> None:
        self.ws.append(
            [
                excel_cell(
                    self.ws,
                    v,
                    _MONEY if money_from is not None and i >= money_from else None,
                )
                for i, v in enumerate(values)
            ]
        )


def write_workbook(
    result: Result, path: str | Path, *, tender: Tender | None = None, lang: str = "en"
) -> Path:
    """Write a result to an ``.xlsx`` workbook.

    Every text cell (bid names, titles, values as written) is stored as text,
    never as a formula, whatever it starts with; the size is checked against
    :data:`~tco.limits.MAX_WORKBOOK_CELLS` before anything is written, and
    rows are streamed to the file (openpyxl's write-only mode).

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

    Raises
    ------
    LimitError
        If the workbook would exceed :data:`~tco.limits.MAX_WORKBOOK_CELLS`.

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

    check_workbook_size(result, tender)
    cur = result.currency
    plan = result.plan
    wb = openpyxl.Workbook(write_only=True)

    # -- summary --------------------------------------------------------------------
    ws = _Sheet(wb, SHEETS[0])
    ws.width("B", 24)
    cats = list(result.by_category)
    subs = list(result.emissions)
    ws.header(
        [
            word("rank", lang),
            word("bid", lang),
            f"{word('total', lang)} [{cur}]",
            f"{word('per year', lang)} [{cur}/{word('year', lang)}]",
            f"{word('total excl', lang)} [{cur}]",
            f"{word('period', lang)} [{word('year', lang)}]",
            *(f"{category_label(c, lang)} [{cur}]" for c in cats),
            *(f"{s} [kg]" for s in subs),
        ],
    )
    for row in result.summary():
        ws.row(
            [
                row["rank"],
                row["bid"],
                row["total"],
                row["annualised"],
                row["total_excl_externalities"],
                row["period"],
                *(row[c] for c in cats),
                *(row[f"{s}_kg"] for s in subs),
            ],
            money_from=2,
        )

    # -- breakdown ------------------------------------------------------------------
    ws = _Sheet(wb, SHEETS[1])
    ws.width("A", 24)
    ws.width("C", 30)
    ws.header(
        [
            word("bid", lang),
            word("item", lang),
            word("description", lang),
            word("category", lang),
            f"{word('present value', lang)} [{cur}]",
        ],
    )
    labels = [item_label(result, name, lang) for name in result.items]
    cat_labels = [category_label(cat, lang) for cat in result.categories]
    for b, bid in enumerate(result.bids):
        for i, name in enumerate(result.items):
            ws.row(
                [bid, name, labels[i], cat_labels[i], float(result.present_value[b, i])],
                money_from=4,
            )

    # -- cash flows -------------------------------------------------------------------
    ws = _Sheet(wb, SHEETS[2])
    ws.width("A", 24)
    years = [int(y) for y in result.years]
    ws.header(
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
        label = word(kind, lang)
        for b, bid in enumerate(result.bids):
            for i, (name, cat) in enumerate(zip(result.items, result.categories, strict=True)):
                ws.row([bid, name, cat, label, *flows[b, i].tolist()], money_from=4)

    # -- assumptions ------------------------------------------------------------------
    ws = _Sheet(wb, SHEETS[3])
    ws.width("A", 32)
    ws.width("B", 24)
    ws.header([word("assumption", lang), word("value", lang), word("unit", lang)])
    ws.row(["title", plan.title])
    ws.row(["model", plan.model.id, plan.model.spec.version or ""])
    for name, value in assumption_rows(result, lang):
        ws.row([name, value])
    if tender is not None:
        from tco.views.inputs import bid_values, buyer_values

        for name, value in buyer_values(tender).items():
            ws.row([name, value, plan.model.parameters[name].unit_text])
        for bid, values in bid_values(tender).items():
            for name, value in values.items():
                ws.row([f"{bid}: {name}", value, plan.model.parameters[name].unit_text])
    ws.row(["tco", __version__])

    out = Path(path)
    try:
        wb.save(out)
    except OSError as exc:
        raise FileError(
            f"cannot write the workbook ({exc.strerror or exc})",
            file=str(path),
            expected="a writable file path",
        ) from None
    return out
