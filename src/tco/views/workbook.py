"""The result as an Excel workbook (the ``excel`` extra).

Sheets: ``Summary`` (one row per bid in rank order), ``Breakdown`` (present
value per bid and item), ``Cash flows`` (real and discounted flows per bid,
item and year) and ``Assumptions`` (the assumptions and parameter values
used), named in the workbook's language. Every header names its unit; numbers
are stored as numbers with a number format, which Excel shows with the
reader's own separators (``1.234.568`` in a Danish Excel).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.views.html import assumption_rows
from tco.views.i18n import resolve, text, unit_text
from tco.views.labels import category_label, item_label, parameter_label, substance_label, word

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = ["SHEETS", "sheet_names", "write_workbook"]

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


def _header(ws: Any, values: list[str]) -> None:
    from openpyxl.styles import Font

    ws.append(values)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)


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

    lang = resolve(lang)
    sheets = sheet_names(lang)
    cur = result.currency
    plan = result.plan
    wb = openpyxl.Workbook()

    # -- summary --------------------------------------------------------------------
    ws = wb.active
    ws.title = sheets[0]
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
            *(f"{substance_label(s, lang)} [kg]" for s in subs),
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
    ws = wb.create_sheet(sheets[1])
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
    ws = wb.create_sheet(sheets[2])
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
                ws.append(
                    [
                        bid,
                        name,
                        category_label(cat, lang),
                        word(kind, lang),
                        *(float(v) for v in flows[b, i]),
                    ]
                )
    for r in ws.iter_rows(min_row=2, min_col=5):
        for cell in r:
            cell.number_format = _MONEY
    ws.column_dimensions["A"].width = 24

    # -- assumptions ------------------------------------------------------------------
    ws = wb.create_sheet(sheets[3])
    _header(ws, [word("assumption", lang), word("value", lang), word("unit", lang)])
    ws.append([word("tender title", lang), plan.title])
    ws.append([word("model", lang), plan.model.id, plan.model.spec.version or ""])
    for name, value in assumption_rows(result, lang):
        ws.append([name, value])
    if tender is not None:
        _parameter_rows(ws, tender, lang)
    ws.append(["tco", __version__])
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 24

    out = Path(path)
    wb.save(out)
    return out


def _parameter_rows(ws: Any, tender: Tender, lang: str) -> None:
    """The buyer's and the bids' parameter values, as numbers where they are numbers."""
    from tco.views.inputs import value_in

    model = tender.model
    rows: list[tuple[str, Any, str]] = []
    for name, p in model.parameters.items():
        if not p.spec.bid:
            raw = tender.spec.parameters.get(name, p.spec.default)
            if raw is not None:
                rows.append((parameter_label(model, name, lang), raw, name))
    for bid in tender.spec.bids:
        for name in model.bid_parameters:
            raw = bid.values.get(name, model.parameters[name].spec.default)
            if raw is not None:
                rows.append((f"{bid.name}: {parameter_label(model, name, lang)}", raw, name))
    for label, raw, name in rows:
        unit = model.parameters[name].unit_text
        value = value_in(raw, unit)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        ws.append([label, value, unit_text(unit, lang)])
        if isinstance(value, float):
            ws.cell(ws.max_row, 2).number_format = _NUMBER
