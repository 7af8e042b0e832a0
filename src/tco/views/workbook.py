"""The result as an Excel workbook (the ``excel`` extra).

Sheets: ``Summary`` (one row per bid in rank order), ``Breakdown`` (present
value per bid and item), ``Cash flows`` (real and discounted flows per bid,
item and year), ``Assumptions`` (the assumptions and parameter values used)
and ``Profiles`` when the tender has usage profiles
(:mod:`tco.views.profiles_workbook`), named in the workbook's language.
Every header names its unit; numbers
are stored as numbers with a number format, which Excel shows with the
reader's own separators (``1.234.568`` in a Danish Excel).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import LimitError
from tco.limits import MAX_WORKBOOK_CELLS
from tco.views.html import assumption_rows
from tco.views.i18n import resolve, text, unit_text
from tco.views.labels import category_label, item_label, parameter_label, substance_label, word
from tco.views.safe import excel_cell, save_workbook

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = [
    "SHEETS",
    "check_workbook_size",
    "parameter_rows",
    "sheet_names",
    "workbook_cells",
    "write_workbook",
]

#: The sheets of a result workbook, in order (their English names).
SHEETS: tuple[str, ...] = ("Summary", "Breakdown", "Cash flows", "Assumptions")
_SHEET_KEYS = ("sheet.summary", "sheet.breakdown", "sheet.flows", "sheet.assumptions")
_MONEY = "#,##0"
_NUMBER = "#,##0.########"


def sheet_names(lang: str | None = None) -> tuple[str, ...]:
    """The names of the workbook's sheets in ``lang``.

    Examples
    --------
    >>> sheet_names("da")
    ('Oversigt', 'Fordeling', 'Betalinger', 'Forudsætninger')
    """
    return tuple(text(k, lang) for k in _SHEET_KEYS)


def workbook_cells(result: Result, tender: Tender | None = None) -> int:
    """The number of cells :func:`write_workbook` writes for ``result`` (an upper bound).

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> workbook_cells(t.evaluate(), t) < 1000
    True
    """
    bids, items, years = len(result.bids), len(result.items), len(result.years)
    summary = (bids + 1) * (9 + len(result.by_category) + len(result.emissions))
    breakdown = (bids * items + 1) * 5
    flows = (2 * bids * items + 1) * (4 + years)
    params = len(result.plan.model.parameters) * (bids + 1) if tender is not None else 0
    profiles = len(tender.spec.profiles) if tender is not None else 0
    profile_cells = (2 * profiles + bids + 12) * (bids + 4) if profiles else 0
    return summary + breakdown + flows + 3 * (params + 20) + profile_cells


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
        ).speaks("workbook_too_big", n_q=cells, cap_q=MAX_WORKBOOK_CELLS)


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
        """Append a row; numbers from column ``money_from`` (0-based) on get the money format."""
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
    result: Result, path: str | Path, *, tender: Tender | None = None, lang: str | None = None
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

    Raises
    ------
    LimitError
        If the workbook would exceed :data:`~tco.limits.MAX_WORKBOOK_CELLS`.

    Notes
    -----
    Every text cell (bid names, titles, values as written) is stored as text,
    never as a formula, whatever it starts with; the size is checked against
    :data:`~tco.limits.MAX_WORKBOOK_CELLS` before anything is written, and
    rows are streamed to the file (openpyxl's write-only mode).

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
    from tco._version import __version__

    check_workbook_size(result, tender)
    lang = resolve(lang)
    sheets = sheet_names(lang)
    cur = result.currency
    plan = result.plan
    wb = openpyxl.Workbook(write_only=True)

    # -- summary --------------------------------------------------------------------
    ws = _Sheet(wb, sheets[0])
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
            f"{word('total incl', lang)} [{cur}]",
            f"{word('per year excl', lang)} [{cur}/{word('year', lang)}]",
            f"{word('per year incl', lang)} [{cur}/{word('year', lang)}]",
            *(f"{category_label(c, lang)} [{cur}]" for c in cats),
            *(f"{substance_label(s, lang)} [kg]" for s in subs),
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
                row["total_incl_externalities"],
                row["annualised_excl_externalities"],
                row["annualised_incl_externalities"],
                *(row[c] for c in cats),
                *(row[f"{s}_kg"] for s in subs),
            ],
            money_from=2,
        )

    # -- breakdown ------------------------------------------------------------------
    # An item is named by its id and described by its label in English (the id a key for
    # programs reading the sheet); in another language by the model's label alone.
    english = resolve(lang) == "en"
    ws = _Sheet(wb, sheets[1])
    ws.width("A", 24)
    ws.width("C" if english else "B", 30)
    ws.header(
        [
            word("bid", lang),
            word("item", lang),
            *([word("description", lang)] if english else []),
            word("category", lang),
            f"{word('present value', lang)} [{cur}]",
        ],
    )
    labels = [item_label(result, name, lang) for name in result.items]
    cat_labels = [category_label(cat, lang) for cat in result.categories]
    for b, bid in enumerate(result.bids):
        for i, name in enumerate(result.items):
            named = [name, labels[i]] if english else [labels[i]]
            ws.row(
                [bid, *named, cat_labels[i], float(result.pv_by_item[b, i])],
                money_from=len(named) + 2,
            )

    # -- cash flows -------------------------------------------------------------------
    ws = _Sheet(wb, sheets[2])
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
    shown = list(result.items) if english else labels
    for kind in ("real", "discounted"):
        flows = getattr(result, kind)
        label = word(kind, lang)
        for b, bid in enumerate(result.bids):
            for i, item in enumerate(shown):
                ws.row([bid, item, cat_labels[i], label, *flows[b, i].tolist()], money_from=4)

    # -- assumptions ------------------------------------------------------------------
    ws = _Sheet(wb, sheets[3])
    ws.width("A", 32)
    ws.width("B", 24)
    ws.header([word("assumption", lang), word("value", lang), word("unit", lang)])
    ws.row([word("tender title", lang), plan.title])
    ws.row([word("model", lang), plan.model.id, plan.model.spec.version or ""])
    for name, value in assumption_rows(result, lang):
        ws.row([name, value])
    if tender is not None:
        parameter_rows(ws.ws, tender, lang)
    ws.row(["tco", __version__])
    if tender is not None and tender.spec.profiles:  # the bids under the usage profiles
        from tco.analysis.profiles import profiles
        from tco.views.profiles_workbook import profiles_sheet

        profiles_sheet(wb, profiles(tender), lang)

    return save_workbook(wb, path)


def parameter_rows(ws: Any, tender: Tender, lang: str, prefix: str = "") -> None:
    """Append the buyer's and the bids' parameter values to a write-only worksheet.

    One row per value: its label (``prefix`` first, then the bid's name for a
    bid's value), the value (a number where it is one) and its unit. Text is
    stored as text (:func:`tco.views.safe.excel_cell`).
    """
    from tco.views.inputs import value_in

    model = tender.model
    rows: list[tuple[str, Any, str]] = []
    for name, p in model.parameters.items():
        if not p.spec.bid:
            raw = tender.spec.parameters.get(name, p.spec.default)
            if raw is not None:
                rows.append((prefix + parameter_label(model, name, lang), raw, name))
    for bid in tender.spec.bids:
        for name in model.bid_parameters:
            raw = bid.values.get(name, model.parameters[name].spec.default)
            if raw is not None:
                label = f"{prefix}{bid.name}: {parameter_label(model, name, lang)}"
                rows.append((label, raw, name))
    for label, raw, name in rows:
        unit = model.parameters[name].unit_text
        value = value_in(raw, unit)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        ws.append(
            [
                excel_cell(ws, label),
                excel_cell(ws, value, _NUMBER if isinstance(value, float) else None),
                excel_cell(ws, unit_text(unit, lang)),
            ]
        )
