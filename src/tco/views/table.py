"""Plain-text tables and CSV of results, in the chosen language."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tco.engine.conventions import counts_in_award
from tco.views.i18n import csv_delimiter, number, percent, resolve, text, unit_text
from tco.views.labels import category_label, substance_label
from tco.views.safe import csv_cell, visible

if TYPE_CHECKING:
    from tco.result import Result

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def format_money(value: float, lang: str | None = None) -> str:
    """Format an amount with thousands separators and no decimals.

    Examples
    --------
    >>> format_money(1234567.891), format_money(1234567.891, "da")
    ('1,234,568', '1.234.568')
    """
    return number(value, 0, lang)


def table_title(result: Result, lang: str | None = None) -> str:
    """The line above a result table: model, currency, discount rate, period and quantity.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> table_title(r, "da").split(": ")[1]
    'nutidsværdi i DKK, 4,00 % real rente, 15 år, antal 200'
    """
    plan = result.plan
    periods = sorted({int(p) for p in plan.period})
    period = text("years", lang, n=periods[0]) if len(periods) == 1 else text("own", lang)
    return text(
        "title",
        lang,
        title=visible(plan.title),
        model=plan.product.id,
        currency=plan.currency,
        rate=percent(plan.discount_rate, 2, lang),
        period=period,
        quantity=number(plan.quantity, 0, lang)
        if float(plan.quantity).is_integer()
        else number(plan.quantity, 2, lang),
    )


def annualised_note(result: Result, lang: str | None = None) -> str:
    """The line that says at which rate the annualised cost is computed, and in what money.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> annualised_note(r, "da").split(", ved ")[1]
    'den reale rente 4,00 % (faste priser, år 0).'
    """
    at = result.annualised_at
    rate = result.annualising_rate
    if rate is None:
        return text(f"table annualised {at} schedule", lang)
    shown = percent(rate, 3 if round(rate * 100, 2) != round(rate * 100, 3) else 2, lang)
    return text(f"table annualised {at}", lang, rate=shown)


def result_table(result: Result, lang: str | None = None) -> str:
    """A ranked table: total, annualised and each category per bid.

    The title names the currency, the discount rate and the period; the line
    under the column names gives each column's unit. Where the bids are
    compared over their own periods, a column gives each bid's period.

    Parameters
    ----------
    result : Result
    lang : {"en", "da"}, optional
        Language of the labels and numbers (the chosen language by default,
        see :func:`tco.set_language`).
    """
    lang = resolve(lang)
    plan = result.plan
    cats = list(result.by_category)
    own = len({int(p) for p in plan.period}) > 1
    head = [text("rank", lang), text("bid", lang), text("total", lang), text("per year", lang)]
    year = text("year", lang)
    units = ["", "", plan.currency, f"{plan.currency}/{year}"]
    if own:
        head.append(text("period col", lang))
        units.append(year)
    priced = "externalities" in cats
    # the total the award does not rank, shown beside it (the engine's rule)
    other = "excl" if counts_in_award(result.externalities_rule) else "incl"
    if priced:
        head += [text(f"col {other}", lang), text(f"col {other}/yr", lang)]
        units += [plan.currency, f"{plan.currency}/{year}"]
    head += [category_label(c, lang) for c in cats]
    units += [plan.currency for _ in cats]
    subs = list(result.emissions)
    head += [substance_label(s, lang) for s in subs]
    units += ["t" for _ in subs]
    rows = []
    for row in result.summary():
        cells = [
            str(row["rank"]),
            visible(row["bid"]),
            format_money(row["total"], lang),
            format_money(row["annualised"], lang),
        ]
        if own:
            cells.append(number(row["period"], 0, lang))
        if priced:
            cells += [
                format_money(row[f"total_{other}_externalities"], lang),
                format_money(row[f"annualised_{other}_externalities"], lang),
            ]
        cells += [format_money(row[c], lang) for c in cats]
        cells += [number(row[f"{s}_kg"] / 1000, 1, lang) for s in subs]
        rows.append(cells)
    widths = [
        max(len(h), len(u), *(len(r[i]) for r in rows))
        for i, (h, u) in enumerate(zip(head, units, strict=True))
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 1 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        )

    out = [table_title(result, lang), line(head), line(units), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    if result.ranked_by == "annualised":
        out.append(text("by_annual", lang))
    out.append(annualised_note(result, lang))
    if priced:
        out.append(text(f"table rule {result.externalities_rule}", lang))
    return "\n".join(out)


def csv_number(value: Any, lang: str) -> Any:
    """A float as a CSV cell: 12 significant digits, no exponent, the language's decimal sign.

    Other values are returned as they are.

    Examples
    --------
    >>> csv_number(32804.99999999999, "da"), csv_number(1e-7, "en"), csv_number(15, "da")
    ('32805', '0.0000001', 15)
    """
    if not isinstance(value, float) or isinstance(value, bool):
        return value
    # 12 significant digits (float noise gone, money to the cent below 10^10), never
    # an exponent, no thousands separators, the language's decimal sign.
    shown = format(Decimal(f"{value:.12g}"), "f") if math.isfinite(value) else repr(value)
    return shown.replace(".", ",") if lang != "en" else shown


def result_csv(result: Result, lang: str | None = None) -> str:
    """The ranked summary as CSV, one row per bid.

    In English the columns are the keys of :meth:`tco.result.Result.summary`,
    separated by commas, with a decimal point (for programs). In Danish the
    columns are named in Danish, separated by semicolons, with a decimal comma,
    as Danish Excel reads them.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> result_csv(r, "da").splitlines()[0].split(";")[:4]
    ['nr.', 'tilbud', 'TCO i alt [DKK]', 'TCO pr. år [DKK/år]']
    """
    lang = resolve(lang)
    rows = result.summary()
    keys = list(rows[0])
    if lang == "en":
        head = keys
    else:
        cur = result.currency
        head = []
        for k in keys:
            if k.endswith("_kg"):
                head.append(f"{substance_label(k[:-3], lang)} [kg]")
            elif k in ("rank", "bid"):
                head.append(text(k, lang))
            elif k == "annualised":
                head.append(f"{text('per year', lang)} [{cur}/{unit_text('year', lang)}]")
            elif k == "period":
                head.append(f"{text('period col', lang)} [{unit_text('year', lang)}]")
            else:
                head.append(f"{text(k, lang)} [{cur}]")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=csv_delimiter(lang), lineterminator="\n")
    writer.writerow(head)
    for row in rows:
        writer.writerow([csv_number(csv_cell(row[k]), lang) for k in keys])
    return buf.getvalue()
