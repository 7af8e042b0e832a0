"""The result as an Excel workbook (the ``excel`` extra).

Sheets: ``Summary`` (one row per bid in rank order: rank, bid, TCO, TCO per
year, the categories, CO2e in tonnes), ``Breakdown`` (present value per bid and
item), ``Cash flows`` (real and discounted flows per bid, item and year),
``Assumptions`` (the assumptions and the buyer's parameter values, as numbers),
``Bids`` (one column per bid, with the tender), ``Method`` (the conventions in
words, from their definitions) and ``Profiles`` when the tender has usage profiles
(:mod:`tco.views.profiles_workbook`), named in the workbook's language.
Every header names its unit; numbers
are stored as numbers with a number format, which Excel shows with the
reader's own separators (``1.234.568`` in a Danish Excel).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.engine.conventions import counts_in_award
from tco.errors import LimitError
from tco.limits import MAX_WORKBOOK_CELLS
from tco.views.i18n import quantity_text, resolve, text, unit_text
from tco.views.labels import (
    category_label,
    group_label,
    item_label,
    parameter_label,
    substance_label,
    word,
)
from tco.views.live_workbook import live_sheet
from tco.views.safe import excel_cell, save_workbook

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__ = [
    "SHEETS",
    "assumption_values",
    "check_workbook_size",
    "method_rows",
    "number_format",
    "parameter_rows",
    "sheet_names",
    "summary_columns",
    "workbook_cells",
    "write_workbook",
]

#: The sheets of a result workbook, in order (their English names).
SHEETS: tuple[str, ...] = ("Summary", "Breakdown", "Cash flows", "Assumptions", "Bids", "Method")
_SHEET_KEYS = (
    "sheet.summary",
    "sheet.breakdown",
    "sheet.flows",
    "sheet.assumptions",
    "sheet.bids",
    "sheet.method",
)
_MONEY = "#,##0"
_NUMBER = "#,##0.########"
_TONNES = "#,##0.0"
_PERCENT = "0.00%"
_GENERAL = "General"
#: A number format's locale by language: Danish (LCID 0x406) and Swedish (0x41D), so that a
#: spreadsheet shows ``1.234,5`` and ``1 234,5``.
_LOCALE_TAGS = {"da": "[$-406]", "sv": "[$-41D]"}


def number_format(fmt: str, lang: str) -> str:
    """A number format for ``lang``: tagged with the language's locale (Danish, Swedish).

    Excel shows the reader's own separators whatever the tag; a spreadsheet
    that follows the format's locale (LibreOffice) shows ``1.234,5`` for a
    Danish workbook and ``1 234,5`` for a Swedish one as well.

    Examples
    --------
    >>> number_format("#,##0", "da"), number_format("#,##0", "en")
    ('[$-406]#,##0', '#,##0')
    >>> number_format("General", "da"), number_format("#,##0", "sv")
    ('[$-406]General', '[$-41D]#,##0')
    """
    return _LOCALE_TAGS.get(lang, "") + fmt


def sheet_names(lang: str | None = None) -> tuple[str, ...]:
    """The names of the workbook's sheets in ``lang``.

    Examples
    --------
    >>> sheet_names("da")
    ('Oversigt', 'Fordeling', 'Betalinger', 'Forudsætninger', 'Tilbud', 'Metode')
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
    params = len(result.plan.product.parameters) * (bids + 1) if tender is not None else 0
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

    def __init__(self, wb: Any, title: str, lang: str = "en", *, fit: bool = True) -> None:
        from openpyxl.worksheet.properties import PageSetupProperties

        self.ws = wb.create_sheet(title)
        self.lang = lang
        # Printed or saved as PDF: landscape, one page wide (unless rows are long paths).
        self.ws.page_setup.orientation = "landscape"
        if fit:
            self.ws.page_setup.fitToWidth = 1
            self.ws.page_setup.fitToHeight = 0
            self.ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    def width(self, column: str, width: float) -> None:
        self.ws.column_dimensions[column].width = width

    def freeze(self, cell: str) -> None:
        """Keep the rows above and the columns left of ``cell`` in view when scrolling."""
        self.ws.freeze_panes = cell

    def header(self, values: list[str], lines: int = 1) -> None:
        """Append the head row (bold on grey, wrapped to ``lines`` lines)."""
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws.row_dimensions[1].height = 15 * lines
        cells = [excel_cell(self.ws, v) for v in values]
        for cell in cells:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.ws.append(cells)

    def row(self, values: list[Any], money_from: int | None = None) -> None:
        """Append a row; numbers from column ``money_from`` (0-based) on get the money format."""
        money = number_format(_MONEY, self.lang)
        self.ws.append(
            [
                excel_cell(
                    self.ws,
                    v,
                    money if money_from is not None and i >= money_from else None,
                )
                for i, v in enumerate(values)
            ]
        )

    def formatted(self, values: list[tuple[Any, str | None]]) -> None:
        """Append a row of ``(value, number format)``; a format applies to a number only."""
        self.ws.append(
            [
                excel_cell(
                    self.ws,
                    v,
                    number_format(f, self.lang) if f and isinstance(v, (int, float)) else None,
                )
                for v, f in values
            ]
        )


def summary_columns(result: Result, lang: str) -> list[tuple[str, str, str]]:
    """The summary sheet's columns: ``(header, key of a summary row, number format)``.

    Rank, bid, TCO and TCO per year (the figures that rank the bids), then the
    cost categories, then CO2e in tonnes. Priced externalities follow the
    tender's award rule: under ``award`` they are a category of the TCO (and the
    TCO without them follows the emissions); under ``report`` the categories sum
    to the TCO without them, and the externalities and the TCO with them follow
    the emissions, beside the award.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("passenger-car")).evaluate()
    >>> [c[0] for c in summary_columns(r, "en")][:5]
    ['Rank', 'Bid', 'TCO [DKK]', 'TCO per year [DKK/year]', 'Acquisition [DKK]']
    >>> [c[0] for c in summary_columns(r, "da")][-2:]
    ['TCO inkl. eksterne omk. [DKK]', 'TCO pr. år inkl. eksterne omk. [DKK/år]']
    """
    cur = result.currency
    per_year = f"{cur}/{word('year', lang)}"
    cols = [
        (text("wb.rank", lang), "rank", _GENERAL),
        (text("wb.bid", lang), "bid", _GENERAL),
        (f"{text('wb.tco', lang)} [{cur}]", "total", _MONEY),
        (f"{text('wb.tco per year', lang)} [{per_year}]", "annualised", _MONEY),
    ]
    award = counts_in_award(result.externalities_rule)
    priced = "externalities" in result.by_category
    for c in result.by_category:
        if c != "externalities" or award:
            cols.append((f"{_cap(category_label(c, lang))} [{cur}]", c, _MONEY))
    tonne = text("wb.tonne", lang)
    for s in result.emissions:
        cols.append((f"{substance_label(s, lang)} [{tonne}]", f"{s}_t", _TONNES))
    if priced and award:
        cols.append((f"{text('wb.tco excl', lang)} [{cur}]", "total_excl_externalities", _MONEY))
        cols.append(
            (
                f"{text('wb.per year excl', lang)} [{per_year}]",
                "annualised_excl_externalities",
                _MONEY,
            )
        )
    elif priced:
        cols.append((f"{text('wb.externalities beside', lang)} [{cur}]", "externalities", _MONEY))
        cols.append((f"{text('wb.tco incl', lang)} [{cur}]", "total_incl_externalities", _MONEY))
        cols.append(
            (
                f"{text('wb.per year incl', lang)} [{per_year}]",
                "annualised_incl_externalities",
                _MONEY,
            )
        )
    if len({int(p) for p in result.plan.period}) > 1:
        cols.append((f"{text('wb.period', lang)} [{word('year', lang)}]", "period", _GENERAL))
    return cols


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
        The tender evaluated; its parameter values go on the assumptions sheet
        and its bids' values on the bids sheet (one column per bid).
    lang : {"en", "da"}
        Language of the labels (and the locale of the number formats).

    Returns
    -------
    Path

    Raises
    ------
    LimitError
        If the workbook would exceed :data:`~tco.limits.MAX_WORKBOOK_CELLS`.

    Notes
    -----
    Sheets: the summary (one row per bid in rank order: :func:`summary_columns`),
    the breakdown by item, the yearly cash flows, the assumptions (numbers
    stored as numbers: a rate is a number shown as a percentage), the bids'
    values (one column per bid, with the tender) and the method (rendered from
    the conventions' definitions, :mod:`tco.views.conventions_text`). Headers
    are frozen. Every text cell (bid names, titles, values as written) is
    stored as text, never as a formula, whatever it starts with; the size is
    checked against :data:`~tco.limits.MAX_WORKBOOK_CELLS` before anything is
    written, and rows are streamed to the file (openpyxl's write-only mode).

    Examples
    --------
    >>> import tco, tempfile, pathlib, openpyxl
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> out = write_workbook(r, pathlib.Path(tempfile.mkdtemp()) / "r.xlsx")
    >>> openpyxl.load_workbook(out).sheetnames
    ['Summary', 'Breakdown', 'Cash flows', 'Assumptions', 'Method', 'Calculation']
    """
    from tco.views.form import require_openpyxl

    openpyxl = require_openpyxl()

    check_workbook_size(result, tender)
    lang = resolve(lang)
    sheets = sheet_names(lang)
    cur = result.currency
    wb = openpyxl.Workbook(write_only=True)

    # -- summary --------------------------------------------------------------------
    ws = _Sheet(wb, sheets[0], lang)
    ws.freeze("C2")
    ws.width("B", 28)
    columns = summary_columns(result, lang)
    for n in range(2, len(columns)):
        ws.width(_letter(n + 1), 16)
    ws.width("A", 6)
    ws.header([c[0] for c in columns], lines=4)
    emissions = {s: np.asarray(v, dtype=np.float64) / 1000.0 for s, v in result.emissions.items()}
    order = np.argsort(result.rank, kind="stable").tolist()
    for row, b in zip(result.summary(), order, strict=True):
        row.update({f"{s}_t": float(t[b]) for s, t in emissions.items()})
        row["externalities"] = row["externalities_pv"]
        ws.formatted([(row[key], fmt) for _, key, fmt in columns])

    # -- breakdown ------------------------------------------------------------------
    # An item is named by its id and described by its label in English (the id a key for
    # programs reading the sheet); in another language by the model's label alone.
    english = lang == "en"
    ws = _Sheet(wb, sheets[1], lang)
    ws.freeze("A2")
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
    ws = _Sheet(wb, sheets[2], lang)
    ws.freeze("E2")
    ws.width("A", 24)
    ws.width("B", 24)
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
    ws = _Sheet(wb, sheets[3], lang, fit=False)
    ws.freeze("B2")
    ws.width("A", 40)
    ws.width("B", 16)
    ws.width("C", 18)
    ws.header([text("wb.assumption", lang), text("wb.value", lang), text("wb.unit", lang)])
    for label, values, unit, fmt in assumption_values(result, tender, lang):
        ws.formatted(
            [(_cap(label), None), (values[0], fmt), (unit, None), *((v, fmt) for v in values[1:])]
        )
    if tender is not None:
        _bids_sheet(wb, sheets[4], tender, lang)
    _method_sheet(wb, sheets[5], result, lang)
    if tender is not None and tender.spec.profiles:  # the bids under the usage profiles
        from tco.analysis.profiles import profiles
        from tco.views.profiles_workbook import profiles_sheet

        profiles_sheet(wb, profiles(tender), lang)
    live_sheet(wb, result, lang, budget=MAX_WORKBOOK_CELLS - workbook_cells(result, tender))

    return save_workbook(wb, path)


def _cap(label: str) -> str:
    """A label with a capital first letter, as a column or row head."""
    return label[:1].upper() + label[1:]


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(n))


def _numbers(raw: Any, unit: str) -> list[Any]:
    """A value (or a path by year) as numbers in ``unit``; text where it is not one."""
    from tco.views.inputs import value_in

    value = value_in(raw, unit)
    return list(value) if isinstance(value, list) else [value]


def assumption_values(
    result: Result, tender: Tender | None, lang: str
) -> list[tuple[str, list[Any], str, str]]:
    """The assumptions as rows of ``(label, values, unit, number format)``.

    Numbers are numbers (a rate is a fraction with a percentage format, so that
    4 % is the number 0.04 shown as ``4,00 %``); a path by year is one value per
    year. The buyer's parameter values of the tender follow, in the model's units.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> rows = {row[0]: row[1:] for row in assumption_values(r, None, "da")}
    >>> rows["Kalkulationsrente"]
    ([0.04], 'pr. år', '0.00%')
    >>> rows["CO2-pris"]
    ([1500.0], 'DKK/t', '#,##0.########')
    """
    from tco._version import __version__
    from tco.engine.conventions import option

    plan = result.plan
    a = plan.stated
    cur = plan.currency
    per_year = text("wb.per year unit", lang)

    def w(key: str) -> str:
        return _cap(word(key, lang))

    for name, value in {
        "timing": plan.discounting,
        "residual_value": plan.residual_value,
        "externalities": plan.externalities,
        "annualisation": plan.annualise_at,
    }.items():
        option(name, value)  # an unknown convention is an error, not a row of its raw name
    rows: list[tuple[str, list[Any], str, str]] = [
        (text("wb.title", lang), [plan.title], "", _GENERAL),
        (text("wb.model", lang), [plan.product.id], plan.product.version or "", _GENERAL),
        (w("currency"), [cur], "", _GENERAL),
    ]
    if plan.discount_path is None:
        rows.append((w("discount rate"), [float(plan.discount_rate)], per_year, _PERCENT))
    else:
        path = [float(r) for r in np.asarray(plan.discount_path).ravel()]
        rows.append((w("discount rate"), path, per_year, _PERCENT))
    rows.append((text("wb.rate type", lang), [_cap(w(str(a.rate_type or "real")))], "", _GENERAL))
    rows.append((w("inflation"), [float(plan.inflation)], per_year, _PERCENT))
    periods = sorted({int(p) for p in plan.period})
    rows.append((w("period"), [float(p) for p in periods], word("year", lang), _GENERAL))
    rows.append(
        (w("quantity"), [float(plan.quantity)], plan.product.functional_unit.get(lang), _NUMBER)
    )
    rows.append((w("discounting"), [w(f"discounting.{plan.discounting}")], "", _GENERAL))
    rows.append((w("price year"), [int(plan.price_year)], "", _GENERAL))
    rows.append((w("residual value"), [w(f"residual.{plan.residual_value}")], "", _GENERAL))
    rows.append((w("externalities rule"), [w(f"rule.{plan.externalities}")], "", _GENERAL))
    rows.append((w("annualised at"), [w(f"annualised at.{plan.annualise_at}")], "", _GENERAL))
    escalation = {**plan.product.escalation, **a.escalation}
    for group, rate in escalation.items():
        label = f"{w('escalation')}: {group_label(group, lang)}"
        rows.append((label, _numbers(rate, "1/year"), per_year, _PERCENT))
    money_per_t = f"{cur}/t"
    if a.co2_price is not None:
        rows.append((w("co2_price"), _numbers(a.co2_price, money_per_t), money_per_t, _NUMBER))
    for sub, price in a.emission_prices.items():
        label = f"{w('emission price')}: {substance_label(sub, lang)}"
        rows.append((label, _numbers(price, money_per_t), money_per_t, _NUMBER))
    for code, rate in a.exchange_rates.items():
        rows.append(
            (
                f"{w('exchange rate')}: {code}",
                _numbers(rate, f"{cur}/{code}"),
                f"{cur}/{code}",
                _NUMBER,
            )
        )
    for b in plan.bases:  # its sources are on the method sheet
        rows.append((f"{w('basis')}: {b.id}", [f"{b.title_in(lang)}, {b.edition}"], "", _GENERAL))
    if tender is not None:
        model = tender.model
        for name, p in model.parameters.items():
            if p.spec.bid:
                continue
            raw = tender.spec.parameters.get(name, p.spec.default)
            if raw is not None:
                unit = p.unit_text
                label = parameter_label(model, name, lang)
                rows.append((label, _numbers(raw, unit), unit_text(unit, lang), _GENERAL))
    rows.append((text("wb.version", lang), [__version__], "", _GENERAL))
    return rows


def _bids_sheet(wb: Any, title: str, tender: Tender, lang: str) -> None:
    """The bids' values: one row per bid parameter, one column per bid."""
    model = tender.model
    bids = tender.spec.bids
    ws = _Sheet(wb, title, lang)
    ws.freeze("C2")
    ws.width("A", 36)
    ws.width("B", 14)
    for n in range(len(bids)):
        ws.width(_letter(n + 3), 18)
    ws.header([text("wb.parameter", lang), text("wb.unit", lang), *(b.name for b in bids)])
    for name in model.bid_parameters:
        p = model.parameters[name]
        unit = p.unit_text
        values: list[tuple[Any, str | None]] = []
        for bid in bids:
            raw = bid.values.get(name, p.spec.default)
            got = [] if raw is None else _numbers(raw, unit)
            value = got[0] if len(got) == 1 else "; ".join(str(v) for v in got) or None
            values.append((value, _GENERAL))
        label = parameter_label(model, name, lang)
        ws.formatted([(label, None), (unit_text(unit, lang), None), *values])


def method_rows(result: Result, lang: str) -> list[tuple[str, str]]:
    """The method as rows of ``(topic, statement)``, rendered from the conventions' definitions.

    Each statement is the one :mod:`tco.views.conventions_text` writes for the
    annex and the report (plain text), so the workbook says what ranks the bids
    in the same words.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> dict(method_rows(r, "en"))["Discount rate"][:12]
    'r = 4.00 % p'
    """
    from tco.views import conventions_text as ct

    plan = result.plan
    a = plan.stated
    escalation = {**plan.product.escalation, **a.escalation}
    groups = ", ".join(
        f"{group_label(g, lang)}: {quantity_text(v, lang)}" for g, v in escalation.items()
    )
    priced = ""
    if plan.emission_prices:
        prices = ct.stated_emission_prices(plan)
        priced = ", ".join(
            f"{substance_label(s, lang)} ({quantity_text(prices[s], lang)})"
            if s in prices
            else substance_label(s, lang)
            for s in plan.emission_prices
        )
    statements = [
        ct.discount_rate(plan, lang),
        ct.timing(plan, lang),
        ct.escalation(plan, groups, lang),
        ct.residual(plan, lang),
        ct.externalities(plan, priced, lang),
        ct.present_value(plan.currency, lang),
        ct.annualisation(plan, lang),
    ]
    rows = [(s.lead, ct.sentence(s.text) + ".") for s in statements]
    for b in plan.bases:
        sources = "; ".join(" ".join(x.split()) for x in b.sources)
        about = f"{b.title_in(lang)}, {word('edition', lang)} {b.edition}: {sources}"
        rows.append((f"{_cap(word('basis', lang))}: {b.id}", about))
    ranked = "wb.ranked by total" if result.ranked_by == "total" else "wb.ranked by annualised"
    rows.append((text("wb.award", lang), f"{text(ranked, lang)} {ct.award_rule(plan, lang)}"))
    return rows


def _method_sheet(wb: Any, title: str, result: Result, lang: str) -> None:
    """The method, one statement a row, wrapped to be read on screen and on paper."""
    from openpyxl.styles import Alignment, Font

    ws = _Sheet(wb, title, lang)
    ws.freeze("A2")
    ws.width("A", 26)
    ws.width("B", 110)
    ws.header([text("wb.topic", lang), text("wb.statement", lang)])
    for n, (lead, statement) in enumerate(method_rows(result, lang), start=2):
        ws.ws.row_dimensions[n].height = 15 * (1 + len(statement) // 100)
        a, b = excel_cell(ws.ws, lead), excel_cell(ws.ws, statement)
        a.font = Font(bold=True)
        a.alignment = Alignment(vertical="top")
        b.alignment = Alignment(wrap_text=True, vertical="top")
        ws.ws.append([a, b])


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
