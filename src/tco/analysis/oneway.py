"""One-at-a-time sensitivity (tornado data) and named scenarios.

Each input is moved to a low and a high value while every other input keeps
the tender's value; all variants are evaluated in one batch
(:func:`tco.analysis.variants.evaluate_variants`). A variation is either a
percentage (``10`` or ``"10 %"``: the tender's value times ``1 - 10 %`` and
``1 + 10 %``, for each bid its own value) or a pair of values
``(low, high)`` (the same for every bid): numbers in the unit the results
show (``%`` for rates), or strings with units as in the tender.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis._common import bid_index, plan_of
from tco.analysis.inputs import Change, Input, bare_number, input_names, resolve_input
from tco.analysis.variants import evaluate_variants
from tco.engine.metrics import rank
from tco.errors import SpecError
from tco.plan import Plan
from tco.tender import Tender

__all__ = ["ScenarioTable", "Tornado", "TornadoBar", "scenarios", "sensitivity"]

Array = NDArray[np.float64]
Variation = float | int | str | Sequence[Any]


@dataclass(frozen=True)
class TornadoBar:
    """One input moved to its low and high value.

    Attributes
    ----------
    input, label, unit : str
        The input, a readable label, and the unit of ``low``/``high``.
    low, high : ndarray, shape (B,)
        The input's low and high value per bid. [unit]
    total_low, total_high : ndarray, shape (B,)
        Each bid's total at the low and at the high value. [currency]
    """

    input: str
    label: str
    unit: str
    low: Array
    high: Array
    total_low: Array
    total_high: Array

    @property
    def swing(self) -> Array:
        """``|total_high - total_low|`` per bid. [currency]"""
        out: Array = np.abs(self.total_high - self.total_low)
        return out


@dataclass(frozen=True, eq=False)
class Tornado:
    """Tornado data for every bid and input.

    Examples
    --------
    >>> import tco
    >>> t = sensitivity(tco.load_tender(tco.example_path("indoor-lighting")),
    ...                 {"electricity_price": 10, "discount_rate": ("2 %", "6 %")})
    >>> [row["input"] for row in t.for_bid("Premium LED")]
    ['discount_rate', 'electricity_price']
    """

    bids: tuple[str, ...]
    currency: str
    base: Array
    bars: tuple[TornadoBar, ...] = field(default=())

    def for_bid(self, bid: str | int) -> list[dict[str, Any]]:
        """Rows for one bid, the widest swing first."""
        b = bid_index(self.bids, bid)
        rows = [
            {
                "input": x.input,
                "label": x.label,
                "unit": x.unit,
                "low": float(x.low[b]),
                "high": float(x.high[b]),
                "total_low": float(x.total_low[b]),
                "total_high": float(x.total_high[b]),
                "swing": float(x.swing[b]),
            }
            for x in self.bars
        ]
        return sorted(rows, key=lambda r: -r["swing"])

    def difference(self, a: str | int, b: str | int) -> list[dict[str, Any]]:
        """Rows for ``total[a] - total[b]``, the widest swing first.

        ``switches`` is true where the low or the high value changes which of
        the two bids is cheaper.
        """
        i, j = bid_index(self.bids, a), bid_index(self.bids, b)
        base = float(self.base[i] - self.base[j])
        rows = []
        for x in self.bars:
            lo = float(x.total_low[i] - x.total_low[j])
            hi = float(x.total_high[i] - x.total_high[j])
            rows.append(
                {
                    "input": x.input,
                    "label": x.label,
                    "unit": x.unit,
                    "low": float(x.low[i]),
                    "high": float(x.high[i]),
                    "difference_low": lo,
                    "difference_high": hi,
                    "base": base,
                    "swing": abs(hi - lo),
                    "switches": bool(np.sign(lo) != np.sign(base) or np.sign(hi) != np.sign(base)),
                }
            )
        return sorted(rows, key=lambda r: -r["swing"])

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (for JSON)."""
        return {
            "currency": self.currency,
            "base": dict(zip(self.bids, self.base.tolist(), strict=True)),
            "bids": {name: self.for_bid(b) for b, name in enumerate(self.bids)},
        }


def _variation(inp: Input, v: Variation) -> tuple[Array, Array]:
    """Low and high value per bid, in the plan's units."""
    if isinstance(v, str):  # text holding only a number is that percentage, as the number is
        v = bare_number(v)
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        pct = inp.parse(v, relative=True) if isinstance(v, str) else float(v) / 100.0
        low: Array = inp.current * (1.0 - pct)
        high: Array = inp.current * (1.0 + pct)
        return low, high
    if isinstance(v, Sequence) and len(v) == 2:
        lo, hi = (inp.value(x) for x in v)
        return np.full_like(inp.current, lo), np.full_like(inp.current, hi)
    raise SpecError(
        f"got {v!r} for '{inp.name}', expected a percentage or a pair (low, high)",
        value=v,
        expected="a percentage such as 10 or a pair such as ('1.5 DKK/kWh', '3 DKK/kWh')",
    ).speaks("sensitivity_range", shown=repr(v), name=inp.name)


def sensitivity(
    tender: Tender | Plan,
    variations: Mapping[str, Variation] | Sequence[str] | None = None,
    *,
    percent: float = 10.0,
    externalities: bool | None = None,
) -> Tornado:
    """Move each input to a low and a high value, one at a time.

    Parameters
    ----------
    tender : Tender or Plan
    variations : mapping or sequence of str, optional
        Input name -> a percentage (``10``, ``"10 %"``) or ``(low, high)``
        in the input's unit. A sequence of names varies each by
        ``percent``. By default every input of the tender that is not zero,
        except the quantity (which scales every bid alike).
    percent : float
        The default variation. [%]
    externalities : bool, optional
        Include priced emissions in the totals; by default as the tender's rule
        (``assumptions.externalities``) says.

    Returns
    -------
    Tornado
    """
    plan = plan_of(tender)
    if variations is None:
        names = [
            n
            for n in input_names(plan)
            if n != "quantity" and np.any(resolve_input(plan, n).current != 0)
        ]
        variations = dict.fromkeys(names, percent)
    elif not isinstance(variations, Mapping):
        variations = dict.fromkeys(variations, percent)
    inputs = [resolve_input(plan, name) for name in variations]
    K = len(inputs)
    n = 2 * K
    changes = []
    lows, highs = [], []
    for k, inp in enumerate(inputs):
        lo, hi = _variation(inp, variations[inp.name])
        values = np.tile(inp.current, (n, 1))
        values[2 * k] = lo
        values[2 * k + 1] = hi
        changes.append(Change(inp, values))
        lows.append(lo)
        highs.append(hi)
    totals = evaluate_variants(plan, changes, n, externalities=externalities) if K else None
    base = evaluate_variants(plan, externalities=externalities)[0]
    bars = []
    for k, inp in enumerate(inputs):
        assert totals is not None
        bars.append(
            TornadoBar(
                inp.name,
                inp.label,
                inp.unit,
                inp.show(lows[k]),
                inp.show(highs[k]),
                totals[2 * k],
                totals[2 * k + 1],
            )
        )
    return Tornado(plan.bids, plan.currency, base, tuple(bars))


@dataclass(frozen=True, eq=False)
class ScenarioTable:
    """Totals of every bid under named scenarios, side by side.

    Attributes
    ----------
    bids : tuple of str
    currency : str
    names : tuple of str
        The scenarios, ``"base"`` (the tender as written) first.
    totals : ndarray, shape (n, B)
        [currency]
    """

    bids: tuple[str, ...]
    currency: str
    names: tuple[str, ...]
    totals: Array

    @property
    def ranks(self) -> NDArray[np.int64]:
        """Rank of each bid in each scenario, 1 the lowest total, shape (n, B)."""
        return np.stack([rank(t) for t in self.totals])

    def rows(self) -> list[dict[str, Any]]:
        """One row per scenario: each bid's total and the cheapest bid."""
        out = []
        for k, name in enumerate(self.names):
            row: dict[str, Any] = {"scenario": name}
            row.update(zip(self.bids, self.totals[k].tolist(), strict=True))
            row["cheapest"] = self.bids[int(np.argmin(self.totals[k]))]
            out.append(row)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every number as plain Python values (for JSON)."""
        return {"currency": self.currency, "scenarios": self.rows()}


def scenarios(
    tender: Tender | Plan,
    named: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    externalities: bool | None = None,
) -> ScenarioTable:
    """Evaluate every bid under named sets of input values.

    Parameters
    ----------
    tender : Tender or Plan
    named : mapping, optional
        Scenario name -> {input name: value in the input's unit}. By default
        the tender's ``scenarios:`` section.

    Returns
    -------
    ScenarioTable

    Examples
    --------
    >>> import tco
    >>> s = scenarios(tco.load_tender(tco.example_path("indoor-lighting")),
    ...               {"little use": {"electricity_price": "0.5 DKK/kWh",
    ...                               "operating_hours": "1000 h/year"}})
    >>> [r["cheapest"] for r in s.rows()]
    ['Premium LED', 'Budget Light']
    """
    plan = plan_of(tender)
    if named is None:
        named = tender.spec.scenarios if isinstance(tender, Tender) else {}
    file = tender.file if isinstance(tender, Tender) else None
    labels = ["base", *named]
    n = len(labels)
    values: dict[str, Array] = {}
    found: dict[str, Input] = {}
    for k, (sname, setting) in enumerate(named.items(), start=1):
        for name, raw in setting.items():
            path = ("scenarios", sname, name)
            try:
                inp = found.get(name) or resolve_input(plan, name)
                value = inp.parse(raw)
            except SpecError as err:
                raise err.located(file, path) from None
            found[name] = inp
            if name not in values:
                values[name] = np.tile(inp.current, (n, 1))
            values[name][k] = value
    changes = [Change(found[name], v) for name, v in values.items()]
    totals = evaluate_variants(plan, changes, n, externalities=externalities)
    return ScenarioTable(plan.bids, plan.currency, tuple(labels), totals)
