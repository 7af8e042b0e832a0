"""The live calculation sheet of the result workbook: the engine written as Excel formulas.

:func:`live_sheet` adds a sheet in which Excel formulas, written by tco from the
product model's formula trees (:mod:`tco.spec.parsing`) and the tender's
conventions (:mod:`tco.engine.conventions`), compute every bid's yearly
amounts, occurrences, escalation, discount factors, present value, annualised
cost and rank from input cells: the buyer's assumptions and each bid's
parameters, as numbers in the units the model declares. Change a price or
the discount rate in Excel and the result updates, as in the Danish EPA's
tools. Recalculated by a spreadsheet, the sheet gives the engine's numbers
(tested against LibreOffice to 1e-9 relative for every bundled example).

The sheet, top to bottom:

``Assumptions``
    Input cells: the real discount rate, inflation, quantity, period, the
    price year and timing (shown; the layout is written for them), whether
    priced externalities count in the award, every buyer parameter that is
    one number, each escalation group's constant rate and each emission
    price per tonne.
``Result``
    One row per bid: total, cost per year, totals with and without priced
    externalities, rank (equal to the cent share a rank).
``Years``
    Columns ``t = 0 .. T``: discount factors (``(1 + r) ** -(t - s)``),
    each escalation group's index (grown year by year from its rates, 1 in
    the price year, moved to the instant annual amounts fall), yearly
    parameter values and emission prices per kg.
``Bids``
    One column per bid: its parameter values (input cells), its lifetime
    (the model's formula), its period and the last unit's purchase year and
    share of life left at the period's end (the residual value).
one block per bid
    Per item: its amount (the model's formula over the cells above), its
    occurrences per year (the timing rules of :mod:`tco.engine.timeline`),
    its cash flow ``amount x occurrences x index x quantity``, its residual
    credit, and its present value (``SUMPRODUCT`` with the discount
    factors); per emission: mass per year and its priced cost; then the
    totals, the annuity factor and the cost per year.

Only tco's own formulas are formulas: names in formulas are cell
references, and every text from a tender or a bid (names, titles, labels) is
written as a text value (:func:`tco.views.safe.excel_cell`). What has no
formula here (a discount schedule, a bid's own price indexation, a period
per bid) is written as the engine's values, and the row says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from tco.engine.conventions import EVENT_TIMING, TIMING, counts_in_award, timing_shift
from tco.engine.rows import Residual
from tco.engine.timeline import EPS
from tco.limits import MAX_WORKBOOK_CELLS
from tco.spec.parsing import Node, names_in
from tco.units import Quantity, parse_unit, to_plan
from tco.views.i18n import significant, text, unit_text
from tco.views.labels import group_label, item_label, parameter_label, substance_label, word
from tco.views.safe import excel_cell

if TYPE_CHECKING:
    from tco.engine.timeline import Timing
    from tco.plan import Plan, PlanStream
    from tco.plan.product import PlanParameter
    from tco.result import Result

__all__ = ["excel_formula", "live_cells", "live_sheet"]

_MONEY = "#,##0.00"
_NUMBER = "#,##0.########"
_FACTOR = "0.000000"
_RATE = "0.00%"
_INPUT_FILL = "FFF2CC"
_EPS = repr(EPS).upper()
#: The longest formula written; Excel takes 8192 characters. A longer one is a value.
_FORMULA_LENGTH = 8000

#: Characters a formula tco writes may hold: cell references, numbers, operators and
#: function names. A bid's or a tender's text never reaches a formula.
_FORMULA_CHARS = re.compile(r'^=[A-Z0-9$.,:()+\-*/^<>=&" ]*$')

Ref = Callable[[str, int | None], str]


def _number(x: float) -> str:
    """A float as a formula constant that reads back exactly (``1E-09``, ``(-2.5)``)."""
    if not math.isfinite(x):
        raise ValueError(f"a formula constant must be finite, not {x!r}")
    s = repr(float(x)).upper()
    return f"({s})" if x < 0 else s


def excel_formula(node: Node, ref: Callable[[str], str]) -> str:
    """An Excel expression of a parsed formula, in the plan's units.

    The same arithmetic as :func:`tco.spec.expr.build`: numbers with units
    become their value in the plan's units, names become what ``ref`` gives
    (a cell reference times its unit's factor), every operation is put in
    parentheses (Excel's unary minus binds before ``^``). ``ceil`` is
    ``-INT(-x)``, ``round`` rounds half to even as numpy does, ``log`` is
    ``LN``.

    Parameters
    ----------
    node : Node
        A parsed formula (:attr:`tco.spec.expr.Compiled.tree`).
    ref : callable
        The Excel expression of a name.

    Returns
    -------
    str
        Without the leading ``=``.

    Examples
    --------
    >>> from tco.spec.parsing import parse
    >>> tree = parse("ceil(a / b) * 2 + max(a, -b) ** 2", frozenset({"a", "b"}))
    >>> excel_formula(tree, lambda name: {"a": "$D$5", "b": "$D$6"}[name])
    '(((-INT(-($D$5/$D$6)))*2.0)+(MAX($D$5,(-$D$6))^2.0))'
    """
    kind = node.kind
    if kind == "num":
        q = Quantity(node.value, node.unit) if node.unit else Quantity(node.value)
        return _number(float(np.float64(to_plan(q))))
    if kind == "name":
        return ref(node.name)
    if kind == "neg":
        return f"(-{excel_formula(node.args[0], ref)})"
    args = [excel_formula(a, ref) for a in node.args]
    if kind == "call":
        name = node.name
        if name in ("min", "max"):
            return f"{name.upper()}({','.join(args)})"
        (x,) = args
        if name == "ceil":
            return f"(-INT(-{x}))"
        if name == "floor":
            return f"INT({x})"
        if name == "round":  # numpy rounds half to even
            return f"IF(MOD({x},1)=0.5,2*ROUND({x}/2,0),ROUND({x},0))"
        functions = {"abs": "ABS", "sqrt": "SQRT", "exp": "EXP", "log": "LN"}
        return f"{functions[name]}({x})"
    op = "^" if node.op in ("**", "^") else node.op
    return f"({args[0]}{op}{args[1]})"


def _column(c: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(c))


@dataclass
class _Grid:
    """Cells by row and column, appended to a write-only sheet in order at the end."""

    cells: dict[int, dict[int, tuple[Any, str | None, str]]] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    row: int = 0

    def next(self) -> int:
        self.row += 1
        return self.row

    def text(self, r: int, c: int, value: str, style: str = "") -> None:
        self.cells.setdefault(r, {})[c] = (value, None, style or "text")

    def number(
        self, r: int, c: int, value: float, fmt: str = _NUMBER, *, inp: bool = False
    ) -> None:
        self.cells.setdefault(r, {})[c] = (float(value), fmt, "input" if inp else "value")

    def formula(self, r: int, c: int, expr: str, fmt: str = _NUMBER) -> None:
        formula = "=" + expr
        if not _FORMULA_CHARS.match(formula):  # only tco's own formulas are formulas
            raise ValueError(f"not a formula tco writes: {formula!r}")
        self.cells.setdefault(r, {})[c] = (formula, fmt, "formula")

    def write(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        bold = Font(bold=True)
        fill = PatternFill("solid", fgColor=_INPUT_FILL)
        wrap = Alignment(wrap_text=True, vertical="top")
        last = max(self.cells) if self.cells else 0
        for r, height in self.heights.items():
            ws.row_dimensions[r].height = height
        for r in range(1, last + 1):
            row = self.cells.get(r, {})
            out: list[Any] = []
            for c in range(1, (max(row) if row else 0) + 1):
                if c not in row:
                    out.append(None)
                    continue
                value, fmt, kind = row[c]
                if kind in ("text", "bold", "head"):
                    cell = excel_cell(ws, value)
                    if kind != "text":
                        cell.font = bold
                    if kind == "head":
                        cell.alignment = wrap
                elif kind == "formula":
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = fmt or _NUMBER
                else:
                    cell = excel_cell(ws, value, fmt)
                    if kind == "input":
                        cell.fill = fill
                out.append(cell)
            ws.append(out)


def _abs(c: int, r: int) -> str:
    return f"${_column(c)}${r}"


def _rel(c: int, r: int) -> str:
    return f"{_column(c)}{r}"


def _shown(x: float) -> float:
    """A value as a buyer reads it: 15 significant digits (``32``, not ``32.000000000000004``).

    The value in a unit the model declares is the engine's value divided by a unit
    factor, which may leave a last-digit error of the division; 15 digits drop it
    (a relative change of at most 5e-16).

    Examples
    --------
    >>> _shown(0.01669999999999994), _shown(32.000000000000004)
    (0.0167, 32.0)
    """
    return float(f"{x:.15g}")


def _factor(p: PlanParameter) -> float:
    """Factor from a value in a parameter's declared unit to the plan's units.

    1 for a plain number and for a unit with an offset (whose value is then
    written in the plan's units).
    """
    if not p.unit:
        return 1.0
    q = parse_unit(p.unit)
    if to_plan(q * 0.0) != 0.0:
        return 1.0
    return float(to_plan(q))


def live_cells(result: Result) -> int:
    """An upper bound of the cells :func:`live_sheet` writes.

    Examples
    --------
    >>> import tco
    >>> live_cells(tco.load_tender(tco.example_path("indoor-lighting")).evaluate()) < 5000
    True
    """
    plan = result.plan
    B, T = plan.n_bids, plan.T
    streams = len(plan.items) + len(plan.emissions)
    params = len(plan.product.parameters) + 12
    per_bid = 6 * streams + 10
    return (
        (T + 8) * (params + 2 * len(plan.escalation_indices) + 4 * len(plan.emission_prices))
        + (B + 6) * (B + params)
        + B * per_bid * (T + 8)
    )


class _Writer:
    """Lays out the sheet: assumption cells, year rows, bid columns, one block per bid."""

    def __init__(self, result: Result, lang: str) -> None:
        self.result, self.lang = result, lang
        self.plan: Plan = result.plan
        self.g = _Grid()
        self.T = self.plan.T
        self.y0 = 4  # column of year 0
        self.pv_col = self.y0 + self.T + 1
        self.note_col = self.pv_col + 1
        self.cur = self.plan.currency
        self.cell: dict[str, str] = {}  # assumption name -> absolute reference
        self.year_row: dict[str, int] = {}  # yearly series -> row
        self.bid_row: dict[str, int] = {}  # bid value name -> row in the bids table

    # -- small helpers ----------------------------------------------------------------
    def w(self, key: str, **fields: Any) -> str:
        return text(f"live.{key}", self.lang, **fields)

    def label_row(self, label: str, unit: str = "", note: str = "") -> int:
        r = self.g.next()
        self.g.text(r, 1, label)
        if unit:
            self.g.text(r, 2, unit)
        if note:
            self.g.text(r, self.note_col, note)
        return r

    def section(self, title: str) -> None:
        self.g.next()
        r = self.g.next()
        self.g.text(r, 1, title, "bold")

    def year_cell(self, t: int) -> str:
        return f"{_column(self.y0 + t)}${self.years}"

    def u(self, unit: str) -> str:
        return unit_text(unit, self.lang)

    def value_note(self, why: str) -> str:
        return self.w("value only", why=self.w(f"why {why}"))

    # -- the sheet --------------------------------------------------------------------
    def write(self) -> _Grid:
        g, plan = self.g, self.plan
        r = g.next()
        g.text(r, 1, self.w("title"), "bold")
        g.text(r, 2, plan.title)
        g.text(g.next(), 1, self.w("note"))
        g.text(g.next(), 1, self.w("note units"))
        self.assumptions()
        self.result_rows = self.reserve_result()
        self.year_rows()
        self.bid_table()
        totals = [self.bid_block(b) for b in range(plan.n_bids)]
        self.fill_result(totals)
        return g

    def assumptions(self) -> None:
        g, plan, lang = self.g, self.plan, self.lang
        self.section(self.w("assumptions"))
        r = g.next()
        for c, key in ((1, "parameter"), (2, "unit"), (3, "value")):
            g.text(r, c, self.w(key), "bold")
        schedule = plan.discount_path is not None

        def put(name: str, label: str, unit: str, value: float, fmt: str, note: str = "") -> None:
            r = self.label_row(label, unit, note)
            g.number(r, 3, value, fmt, inp=True)
            self.cell[name] = _abs(3, r)

        put(
            "rate",
            self.w("discount rate"),
            "%",
            plan.discount_rate,
            _RATE,
            self.value_note("schedule") if schedule else "",
        )
        nominal_eac = plan.annualise_at == "nominal"
        if plan.inflation or nominal_eac:
            put("inflation", self.w("inflation"), "%", plan.inflation, _RATE)
        r = self.label_row(self.w("annualising rate"), "%")
        rate = self.cell["rate"]
        if nominal_eac:
            g.formula(r, 3, f"(1+{rate})*(1+{self.cell['inflation']})-1", _RATE)
        else:
            g.formula(r, 3, rate, _RATE)
        self.cell["eac_rate"] = _abs(3, r)
        put("quantity", self.w("quantity"), "", plan.quantity, _NUMBER)
        put("period", self.w("period"), self.u("year"), float(plan.period.max()), "0")
        r = self.label_row(self.w("price year"), self.u("year"))
        g.number(r, 3, float(plan.price_year), "0")
        choices = "; ".join(  # the shift of each timing, from the convention's table
            f"{significant(shift, lang=self.lang)} {self.w(f'at {name}')}"
            for name, shift in TIMING.items()
        )
        r = self.label_row(self.w("timing", choices=choices))
        g.number(r, 3, timing_shift(plan.discounting), "0.0")
        put(
            "award",
            self.w("award"),
            "",
            1.0 if counts_in_award(plan.externalities) else 0.0,
            "0",
        )
        model = plan.product
        for name, p in model.parameters.items():
            if p.bid or p.by_year:
                continue
            unit = p.unit
            value = _shown(float(np.ravel(plan.values[name])[0]) / _factor(p))
            put(f"p:{name}", parameter_label(model, name, lang), self.u(unit), value, _NUMBER)
        self.rates: dict[str, np.ndarray] = {}
        for group, index in plan.escalation_indices.items():
            rates = index[1:] / index[:-1] - 1.0
            self.rates[group] = rates
            if rates.size and np.allclose(rates, rates[0], rtol=0.0, atol=1e-15):
                put(
                    f"e:{group}",
                    self.w("escalation", name=group_label(group, lang)),
                    "%/" + self.u("year"),
                    _shown(float(rates[0])),
                    _RATE,
                )
        for sub, price in plan.emission_prices.items():
            if np.all(price == price[0]):
                put(
                    f"c:{sub}",
                    self.w("emission price", name=substance_label(sub, lang)),
                    f"{self.cur}/t",
                    float(price[0]) * 1000.0,
                    _NUMBER,
                )

    def reserve_result(self) -> list[int]:
        g = self.g
        self.section(self.w("result"))
        r = g.next()
        self.result_head = r
        rows = [g.next() for _ in range(self.plan.n_bids)]
        return rows

    def year_rows(self) -> None:
        g, plan, T, y0 = self.g, self.plan, self.T, self.y0
        self.section(self.w("years"))
        r = self.label_row(self.w("year"), self.u("year"))
        self.years = r
        for t in range(T + 1):
            g.number(r, y0 + t, float(t), "0")
        # discount factors: events at their year's end, annual amounts at the stream's timing
        timings = {plan.stream_timing(s) for s in (*plan.items, *plan.emissions)}
        self.discount_row: dict[str, int] = {}
        for timing in sorted(timings | {EVENT_TIMING}, key=lambda x: timing_shift(x)):
            timing = cast("Timing", timing)
            label = (
                self.w("discount events")
                if timing == EVENT_TIMING
                else self.w("discount annual", timing=self.w(f"at {timing}"))
            )
            if timing == EVENT_TIMING and plan.discounting == EVENT_TIMING:
                label = self.w("discount annual", timing=self.w(f"at {timing}"))
            if plan.discount_path is not None:
                r = self.label_row(label, "", self.value_note("schedule"))
                for t, d in enumerate(plan.discount_at(timing)):
                    g.number(r, y0 + t, float(d), _FACTOR)
            else:
                r = self.label_row(label)
                s = _number(timing_shift(timing))
                for t in range(T + 1):
                    g.formula(
                        r,
                        y0 + t,
                        f"(1+{self.cell['rate']})^(-MAX({self.year_cell(t)}-{s},0))",
                        _FACTOR,
                    )
            self.discount_row[timing] = r
        # escalation: rate of each year, growth since year 0, index 1 in the price year
        self.index_row: dict[tuple[str, str], int] = {}
        annual_timings = {plan.stream_timing(s) for s in plan.items if s.timing == "annual"} - {
            "end"
        }
        for group, rates in self.rates.items():
            name = group_label(group, self.lang)
            constant = f"e:{group}" in self.cell
            r_rate = self.label_row(
                self.w("rate of year", name=name),
                "%",
                "" if constant else self.value_note("path"),
            )
            for t in range(1, T + 1):
                if constant:
                    g.formula(r_rate, y0 + t, self.cell[f"e:{group}"], _RATE)
                else:
                    g.number(r_rate, y0 + t, float(rates[t - 1]), _RATE, inp=True)
            r_growth = self.label_row(self.w("growth", name=name))
            g.number(r_growth, y0, 1.0, _FACTOR)
            for t in range(1, T + 1):
                g.formula(
                    r_growth,
                    y0 + t,
                    f"{_rel(y0 + t - 1, r_growth)}*(1+{_rel(y0 + t, r_rate)})",
                    _FACTOR,
                )
            r_index = self.label_row(self.w("index", name=name))
            base = _abs(y0 + plan.price_year, r_growth)
            for t in range(T + 1):
                g.formula(r_index, y0 + t, f"{_rel(y0 + t, r_growth)}/{base}", _FACTOR)
            self.index_row[(group, "end")] = r_index
            for timing in sorted(annual_timings, key=timing_shift):
                keep = _number(1.0 - timing_shift(timing))
                r_at = self.label_row(
                    self.w("index annual", name=name, timing=self.w(f"at {timing}"))
                )
                g.formula(r_at, y0, _rel(y0, r_index), _FACTOR)
                for t in range(1, T + 1):
                    before, after = _rel(y0 + t - 1, r_index), _rel(y0 + t, r_index)
                    moved = f"{before}*({after}/{before})^{keep}"
                    if plan.price_year == 1:  # 1 in year 1 under every timing
                        b1, a1 = _abs(y0, r_index), _abs(y0 + 1, r_index)
                        moved = f"({moved})/({b1}*({a1}/{b1})^{keep})"
                    g.formula(r_at, y0 + t, moved, _FACTOR)
                self.index_row[(group, timing)] = r_at
        # yearly parameter values (year 0 takes year 1's)
        model = plan.product
        for name, p in model.parameters.items():
            if not p.by_year:
                continue
            unit = p.unit
            f = _factor(p)
            held = np.asarray(plan.values[name])
            values = held[0] if held.ndim == 2 else np.full(T + 1, np.ravel(held)[0])
            r = self.label_row(parameter_label(model, name, self.lang), self.u(unit))
            for t in range(1, T + 1):
                g.number(r, y0 + t, _shown(float(values[t]) / f), _NUMBER, inp=True)
            g.formula(r, y0, _rel(y0 + 1, r), _NUMBER)
            self.year_row[f"p:{name}"] = r
        # emission prices per kg: from the price per tonne, or a path of one per year
        for sub, price in plan.emission_prices.items():
            name = substance_label(sub, self.lang)
            key = f"c:{sub}"
            r_path = None
            if key not in self.cell:
                r_path = self.label_row(
                    self.w("emission price", name=name), f"{self.cur}/t", self.value_note("path")
                )
                for t in range(1, T + 1):
                    g.number(r_path, y0 + t, float(price[t]) * 1000.0, _NUMBER, inp=True)
            r = self.label_row(self.w("price per kg", name=name), f"{self.cur}/kg")
            for t in range(T + 1):
                if r_path is None:
                    g.formula(r, y0 + t, f"{self.cell[key]}/1000", _NUMBER)
                elif t == 0:
                    g.formula(r, y0, _rel(y0 + 1, r), _NUMBER)
                else:
                    g.formula(r, y0 + t, f"{_rel(y0 + t, r_path)}/1000", _NUMBER)
            self.year_row[key] = r

    def bid_table(self) -> None:
        g, plan, model, y0 = self.g, self.plan, self.plan.product, self.y0
        self.section(self.w("bids"))
        r = g.next()
        self.bid_head = r
        g.text(r, 1, self.w("parameter"), "bold")
        g.text(r, 2, self.w("unit"), "bold")
        for b, name in enumerate(plan.bids):
            g.text(r, y0 + b, name, "bold")
        for name in model.bid_parameters:
            p = model.parameters[name]
            unit = p.unit
            f = _factor(p)
            r = self.label_row(parameter_label(model, name, self.lang), self.u(unit))
            for b in range(plan.n_bids):
                value = _shown(float(np.ravel(plan.values[name])[b]) / f)
                g.number(r, y0 + b, value, _NUMBER, inp=True)
            self.bid_row[f"p:{name}"] = r
        periods = plan.period
        same = bool(np.all(periods == periods[0]))
        r = self.label_row(
            self.w("bid period"), self.u("year"), "" if same else self.value_note("period")
        )
        for b in range(plan.n_bids):
            if same:
                g.formula(r, y0 + b, self.cell["period"], "0")
            else:
                g.number(r, y0 + b, float(periods[b]), "0")
        self.bid_row["period"] = r
        if model.lifetime is not None and plan.lifetime is not None:
            tree = model.lifetime.tree
            r = self.label_row(self.w("lifetime"), self.u("year"))
            for b in range(plan.n_bids):
                try:
                    if tree is None:
                        raise _NoFormula
                    g.formula(r, y0 + b, excel_formula(tree, self.scalar_ref(b)), _NUMBER)
                except _NoFormula:  # a lifetime from a yearly value: the engine's, as a value
                    g.number(r, y0 + b, float(plan.lifetime[b]), _NUMBER)
                    g.text(r, self.note_col, self.value_note("formula"))
            self.bid_row["lifetime"] = r
            L, P = "{L}", "{P}"
            rows = (
                ("last start", f"((-INT(-({P}/{L}-{_EPS})))-1)*{L}"),
                (
                    "life left",
                    f"MIN(MAX(IF(ABS(({{S}}+{L}-{P})/{L})<{_EPS},0,({{S}}+{L}-{P})/{L}),0),1)",
                ),
                ("last year", f"MAX(-INT(-({{S}}-{_EPS})),0)"),
            )
            for key, template in rows:
                r = self.label_row(self.w(key), "" if key == "life left" else self.u("year"))
                for b in range(plan.n_bids):
                    col = y0 + b
                    expr = template.format(
                        L=_rel(col, self.bid_row["lifetime"]),
                        P=_rel(col, self.bid_row["period"]),
                        S=_rel(col, self.bid_row.get("last start", 0)),
                    )
                    g.formula(r, col, expr, _FACTOR if key == "life left" else _NUMBER)
                self.bid_row[key] = r

    # -- references of names in a bid's formulas ---------------------------------------
    def scalar_ref(self, b: int, t: int | None = None) -> Callable[[str], str]:
        """The Excel expression of each name a formula of bid ``b`` uses (in year ``t``)."""
        model, y0 = self.plan.product, self.y0

        def ref(name: str) -> str:
            if name == "period":
                return _rel(y0 + b, self.bid_row["period"])
            p = model.parameters[name]
            f = _factor(p)
            if p.by_year:
                if t is None:
                    raise _NoFormula
                cell = _abs(y0 + t, self.year_row[f"p:{name}"])
            elif p.bid:
                cell = _abs(y0 + b, self.bid_row[f"p:{name}"])
            else:
                cell = self.cell[f"p:{name}"]
            return cell if f == 1.0 else f"({cell}*{_number(f)})"

        return ref

    # -- one bid's block --------------------------------------------------------------
    def bid_block(self, b: int) -> dict[str, str]:
        g, plan = self.g, self.plan
        self.g.next()
        r = g.next()
        g.text(r, 1, plan.bids[b], "bold")
        g.text(r, 2, self.w("unit"), "bold")
        for t in range(self.T + 1):
            g.formula(r, self.y0 + t, self.year_cell(t), "0")
        g.text(r, self.pv_col, self.w("pv"), "bold")
        item_pvs: list[str] = []
        for s in plan.items:
            item_pvs += self.stream_rows(b, s, "item")
        ext_pvs: list[str] = []
        for e in plan.emissions:
            ext_pvs += self.stream_rows(b, e, "emission")
        return self.bid_totals(b, item_pvs, ext_pvs)

    def stream_rows(self, b: int, s: PlanStream, kind: str) -> list[str]:
        """The rows of one stream of bid ``b``; the references of its present values."""
        g, plan, T, y0, pvc = self.g, self.plan, self.T, self.y0, self.pv_col
        model = plan.product
        spec = model.item(s.name)
        assert spec is not None
        label = item_label(self.result, s.name, self.lang)
        annual = s.timing == "annual"
        if kind == "item":
            unit = f"{self.cur}/{self.u('year')}" if annual else self.cur
        else:
            unit = f"kg/{self.u('year')}" if annual else "kg"
        factor = spec.factor
        tree = spec.amount.tree
        by_year = {n for n in names_in(tree) if n in model.parameters} if tree else set()
        yearly = any(model.parameters[n].by_year for n in by_year) or s.amount.ndim == 2
        # amount per occurrence (per year for an annual stream)
        r_amount = self.label_row(self.w("amount", item=label), unit)
        scale = "" if factor == 1.0 else f"*{_number(factor)}"
        formulas: dict[int | None, str] | None = None
        try:
            if tree is None:
                raise _NoFormula
            years: list[int | None] = list(range(T + 1)) if yearly else [None]
            formulas = {t: excel_formula(tree, self.scalar_ref(b, t)) + scale for t in years}
            if any(len(f) > _FORMULA_LENGTH for f in formulas.values()):
                raise _NoFormula
        except _NoFormula:  # the engine's amounts, as values
            formulas = None
        if formulas is None:
            yearly = s.amount.ndim == 2
            for t in range(T + 1) if yearly else [None]:
                v = s.amount[b, t] if t is not None else s.amount[b]
                g.number(r_amount, 3 if t is None else y0 + t, float(v), _NUMBER)
            g.text(r_amount, self.note_col, self.value_note("formula"))
        else:
            for t, f in formulas.items():
                g.formula(r_amount, 3 if t is None else y0 + t, f)

        def amount_at(t: int) -> str:
            return _rel(y0 + t, r_amount) if yearly else _abs(3, r_amount)

        # times of the stream
        when = start = stop = None
        for key, compiled in (("when", spec.when), ("start", spec.start), ("stop", spec.stop)):
            if compiled is None:
                continue
            r = self.label_row(self.w(key, item=label), self.u("year"))
            try:
                if compiled.tree is None:
                    raise _NoFormula
                g.formula(r, 3, excel_formula(compiled.tree, self.scalar_ref(b)))
            except _NoFormula:  # a time from a yearly value: the engine's, as a value
                times = getattr(s, key)
                g.number(r, 3, float(np.ravel(times)[b]), _NUMBER)
                g.text(r, self.note_col, self.value_note("formula"))
            if key == "when":
                when = _abs(3, r)
            elif key == "start":
                start = _abs(3, r)
            else:
                stop = _abs(3, r)
        # occurrences per year
        r_occ = self.label_row(self.w("occurrences", item=label))
        P = _abs(y0 + b, self.bid_row["period"])
        L = _abs(y0 + b, self.bid_row["lifetime"]) if "lifetime" in self.bid_row else None
        for t in range(T + 1):
            tc = self.year_cell(t)
            g.formula(r_occ, y0 + t, _occurrences(s.timing, tc, P, L, when, start, stop), "0")
        # escalation index of the stream
        timing = plan.stream_timing(s)
        esc_row: int | None = None
        if kind == "item" and spec.indexation:
            esc_row = self.label_row(self.w("index", name=label), "", self.value_note("indexation"))
            index = np.broadcast_to(s.escalation, (plan.n_bids, T + 1))
            for t in range(T + 1):
                g.number(esc_row, y0 + t, float(index[b, t]), _FACTOR)
        elif kind == "item" and spec.escalation:
            group = spec.escalation
            esc_row = self.index_row[(group, timing if annual and timing != "end" else "end")]

        qty = f"*{self.cell['quantity']}" if s.per_unit else ""
        r_flow = self.label_row(
            self.w("flow" if kind == "item" else "mass", item=label),
            self.cur if kind == "item" else "kg",
        )
        for t in range(T + 1):
            parts = [amount_at(t), _rel(y0 + t, r_occ)]
            if esc_row is not None:
                parts.append(_abs(y0 + t, esc_row))
            g.formula(r_flow, y0 + t, "*".join(parts) + qty, _MONEY if kind == "item" else _NUMBER)
        first, last = _rel(y0, r_flow), _rel(y0 + T, r_flow)
        d_row = self.discount_row[timing]
        d_range = f"{_abs(y0, d_row)}:{_abs(y0 + T, d_row)}"
        pvs: list[str] = []
        if kind == "item":
            g.formula(r_flow, pvc, f"SUMPRODUCT({first}:{last},{d_range})", _MONEY)
            pvs.append(_abs(pvc, r_flow))
            rule = s.residual_rule
            if rule is not None:
                pvs.append(
                    self.residual_row(b, label, rule, r_amount, yearly, esc_row, qty, d_range)
                )
            return pvs
        g.formula(r_flow, pvc, f"SUM({first}:{last})", _NUMBER)
        r_price = self.year_row.get(f"c:{s.substance}")
        if r_price is None:
            return []
        r_cost = self.label_row(self.w("priced", item=label), self.cur)
        for t in range(T + 1):
            g.formula(r_cost, y0 + t, f"{_rel(y0 + t, r_flow)}*{_abs(y0 + t, r_price)}", _MONEY)
        first, last = _rel(y0, r_cost), _rel(y0 + T, r_cost)
        g.formula(r_cost, pvc, f"SUMPRODUCT({first}:{last},{d_range})", _MONEY)
        return [_abs(pvc, r_cost)]

    def residual_row(
        self,
        b: int,
        label: str,
        rule: Residual,
        r_amount: int,
        yearly: bool,
        esc_row: int | None,
        qty: str,
        d_range: str,
    ) -> str:
        """A residual credit at the period's end (:func:`tco.engine.rows.residual_terms`)."""
        g, T, y0 = self.g, self.T, self.y0
        col = y0 + b
        P = _abs(col, self.bid_row["period"])
        share = rule.share
        if "lifetime" not in self.bid_row:
            year, weight = "0", _number(float(share or 0.0))
        elif rule.salvage:
            f = _abs(col, self.bid_row["life left"])
            year, weight = P, f"IF({f}>0,{f}-1,0)"
        else:
            year = _abs(col, self.bid_row["last year"])
            weight = (
                _number(float(share)) if share is not None else _abs(col, self.bid_row["life left"])
            )
        r = self.label_row(self.w("residual", item=label), self.cur)
        amount = (
            f"INDEX({_abs(y0, r_amount)}:{_abs(y0 + T, r_amount)},1,{year}+1)"
            if yearly
            else _abs(3, r_amount)
        )
        index = ""
        if esc_row is not None:
            index = f"*INDEX({_abs(y0, esc_row)}:{_abs(y0 + T, esc_row)},1,{year}+1)"
        for t in range(T + 1):
            g.formula(
                r,
                y0 + t,
                f"IF({self.year_cell(t)}={P},-{amount}{index}*{weight}{qty},0)",
                _MONEY,
            )
        first, last = _rel(y0, r), _rel(y0 + T, r)
        g.formula(r, self.pv_col, f"SUMPRODUCT({first}:{last},{d_range})", _MONEY)
        return _abs(self.pv_col, r)

    def bid_totals(self, b: int, item_pvs: list[str], ext_pvs: list[str]) -> dict[str, str]:
        g, pvc = self.g, self.pv_col
        out: dict[str, str] = {}

        def total(key: str, expr: str, unit: str, fmt: str = _MONEY) -> None:
            r = self.label_row(self.w(key), unit)
            g.formula(r, pvc, expr, fmt)
            out[key] = _abs(pvc, r)

        cur = self.cur
        total("total excl", "+".join(item_pvs) or "0", cur)
        total("externalities", "+".join(ext_pvs) or "0", cur)
        total("total incl", f"{out['total excl']}+{out['externalities']}", cur)
        total(
            "total",
            f"{out['total excl']}+IF({self.cell['award']}=1,{out['externalities']},0)",
            cur,
        )
        plan = self.plan
        P = _abs(self.y0 + b, self.bid_row["period"])
        if plan.discount_path is not None:
            r = self.label_row(self.w("annuity"), self.u("year"), self.value_note("schedule"))
            g.number(r, pvc, float(plan.annuity_factors()[b]), _FACTOR)
            out["annuity"] = _abs(pvc, r)
        else:
            ra = self.cell["eac_rate"]
            shift = _number(timing_shift(plan.discounting))
            total(
                "annuity",
                f"IF({ra}=0,{P},(1-(1+{ra})^(-{P}))/{ra})*(1+{ra})^{shift}",
                self.u("year"),
                _FACTOR,
            )
        total("annualised", f"{out['total']}/{out['annuity']}", f"{cur}/{self.u('year')}")
        return out

    def fill_result(self, totals: list[dict[str, str]]) -> None:
        g, plan, cur = self.g, self.plan, self.cur
        heads = [
            word("bid", self.lang),
            self.w("rank"),
            f"{self.w('total')} [{cur}]",
            f"{self.w('annualised')} [{cur}/{self.u('year')}]",
            f"{self.w('total excl')} [{cur}]",
            f"{self.w('total incl')} [{cur}]",
            f"{self.w('rounded')} [{cur}]",
        ]
        for c, h in enumerate(heads, start=1):
            g.text(self.result_head, c, h, "head")
        g.heights[self.result_head] = 45.0  # three lines of a wrapped header
        rows = self.result_rows
        by = "total" if plan.period.size and np.all(plan.period == plan.period[0]) else "annualised"
        rng = f"{_abs(7, rows[0])}:{_abs(7, rows[-1])}"
        for b, r in enumerate(rows):
            t = totals[b]
            g.text(r, 1, plan.bids[b])
            g.formula(r, 3, t["total"], _MONEY)
            g.formula(r, 4, t["annualised"], _MONEY)
            g.formula(r, 5, t["total excl"], _MONEY)
            g.formula(r, 6, t["total incl"], _MONEY)
            g.formula(r, 7, f"ROUND({t[by]},2)", _MONEY)
            g.formula(r, 2, f'COUNTIF({rng},"<"&{_rel(7, r)})+1', "0")


class _NoFormula(Exception):
    """A formula that has no spreadsheet form in this layout."""


def _occurrences(
    timing: str,
    t: str,
    P: str,
    L: str | None,
    when: str | None,
    start: str | None,
    stop: str | None,
) -> str:
    """Occurrences of a stream in the year in cell ``t`` (:func:`tco.engine.flows.occurrences`)."""
    e = _EPS
    if timing == "annual":
        lo = f"MAX({start},1)" if start else "1"
        hi = f"MIN({P},{stop})" if stop else P
        return f"IF(AND({t}>={lo}-{e},{t}<={hi}+{e}),1,0)"

    def periodic(interval: str, first: int, until_end: bool) -> str:
        last = f"INT({P}/{interval}+{e})" if until_end else f"((-INT(-({P}/{interval}-{e})))-1)"
        upto = f"MIN(INT({t}/{interval}+{e}),{last})"
        before = f"MIN(INT(({t}-1)/{interval}+{e}),{last})"
        counts = f"IF({t}>=1,{upto}-{before},0)"
        if first == 0:
            counts += f"+IF({t}=0,1,0)"
        return f"MAX({counts},0)"

    def at(w: str) -> str:
        return f"IF(AND({t}=MAX(-INT(-({w}-{e})),0),{w}<={P}+{e},{w}>=-{e}),1,0)"

    if timing == "every":
        assert when is not None
        return periodic(when, 1, False)
    if timing == "at":
        assert when is not None
        return at(when)
    if timing == "once":
        return at("0") if L is None else periodic(L, 0, False)
    if timing == "end_of_life":
        return at(P) if L is None else periodic(L, 1, True)
    raise ValueError(f"unknown timing {timing!r}")


def live_sheet(wb: Any, result: Result, lang: str, *, budget: int | None = None) -> None:
    """Add the live calculation sheet to a write-only workbook.

    Parameters
    ----------
    wb : openpyxl.Workbook
        A write-only workbook; the sheet is appended, and the workbook is
        marked to be recalculated in full when it is opened.
    result : Result
        The evaluated tender; its plan holds the values and conventions.
    lang : {"en", "da"}
        Language of the labels.
    budget : int, optional
        The cells the workbook may still hold (by default
        :data:`~tco.limits.MAX_WORKBOOK_CELLS`): a larger calculation is left
        out, and the sheet says so.

    Examples
    --------
    >>> import tco, tempfile, pathlib, openpyxl
    >>> from tco.views.workbook import write_workbook
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> out = write_workbook(r, pathlib.Path(tempfile.mkdtemp()) / "r.xlsx", lang="da")
    >>> book = openpyxl.load_workbook(out)
    >>> book.sheetnames[-1], book.calculation.fullCalcOnLoad
    ('Beregning', True)
    """
    cells = live_cells(result)
    room = MAX_WORKBOOK_CELLS if budget is None else budget
    if cells > room:  # the other sheets are written; this one says why it is empty
        ws = wb.create_sheet(text("live.sheet", lang))
        ws.append([excel_cell(ws, text("live.title", lang))])
        ws.append([excel_cell(ws, text("live.too big", lang, n=cells, cap=room))])
        return
    grid = _Writer(result, lang).write()
    ws = wb.create_sheet(text("live.sheet", lang))
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 12
    for c in range(3, result.plan.T + 7):
        ws.column_dimensions[_column(c)].width = 14
    ws.freeze_panes = "D1"
    grid.write(ws)
    wb.calculation.fullCalcOnLoad = True
