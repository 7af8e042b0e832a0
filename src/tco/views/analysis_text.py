"""Texts of the analysis commands: aligned tables and sentences, in the chosen language.

The command line (:mod:`tco.cli.analysis`) prints them; numbers and words follow
:func:`tco.set_language` (``--lang``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def table(rows: Sequence[Sequence[str]], head: Sequence[str]) -> str:
    """Align rows of text under a header; the first column left, the rest right.

    Examples
    --------
    >>> print(table([["A", "1.0"], ["Bee", "22.5"]], ["bid", "x"]))
    bid     x
    ---  ----
    A     1.0
    Bee  22.5
    """
    from tco.views.safe import visible

    rows = [[visible(c) for c in r] for r in rows]
    head = [visible(h) for h in head]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    return "\n".join([line(head), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def money(x: float | None) -> str:
    """An amount without decimals in the chosen language; ``-`` for none."""
    from tco.views.i18n import number

    return "-" if x is None or not math.isfinite(x) else number(x, 0)


def num(x: float | None, fmt: str = ".4g") -> str:
    """``x`` in the chosen language: ``.Ng`` significant digits or ``.Nf`` decimals."""
    from tco.views.i18n import number, significant

    if x is None or not math.isfinite(x):
        return "-"
    digits = int(fmt[1:-1])
    return significant(x, digits) if fmt.endswith("g") else number(x, digits)


def pct(x: float, decimals: int = 1) -> str:
    """A fraction as a percentage in the chosen language."""
    from tco.views.i18n import percent

    return percent(x, decimals)


def t(key: str, **fields: Any) -> str:
    """A text of the message catalogue in the chosen language (``--lang``)."""
    from tco.views.i18n import text

    return text(key, **fields)


def unit_words(text: str) -> str:
    """A unit in the chosen language (``h/year`` is ``h/år`` in Danish)."""
    from tco.views.i18n import unit_text

    return unit_text(text)


def span(low: float, high: float, unit: str) -> str:
    """``low .. high unit`` in the chosen language."""
    return f"{num(low, '.6g')} .. {num(high, '.6g')} {unit_words(unit)}".strip()


def describe_switch(s: Any, label: str) -> str:
    """The switching value in one sentence, in the chosen language."""
    unit = f" {unit_words(s.unit)}" if s.unit else ""
    if s.value is None:
        said = t(
            "cli.never",
            a=s.a,
            b=s.b,
            input=label,
            low=num(s.bounds[0], ".6g"),
            high=f"{num(s.bounds[1], '.6g')}{unit}",
        )
        if s.outside is not None:
            said += t("cli.equal outside", value=f"{num(s.outside, '.6g')}{unit}")
        return str(said)
    return t(
        "cli.jump at" if s.jump else "cli.equal at",
        a=s.a,
        b=s.b,
        input=label,
        value=f"{num(s.value, '.6g')}{unit}",
        now=f"{num(s.current, '.6g')}{unit}",
    )


def sir_payback_at_odds(rows: Sequence[dict[str, Any]], period: float) -> list[str]:
    """Bids whose SIR and payback look contradictory, each as ``"name (SIR x, payback t)"``.

    A SIR of ``s`` over ``P`` years would suggest a payback near ``P / s``; a
    payback more than twice as long means the extra investment in present
    value is small because replacements and the residual value count as
    investment (NIST Handbook 135), while the payback sees the extra price
    paid in year 0.

    Examples
    --------
    >>> rows = [{"bid": "A", "sir": 21.08, "simple_payback": 8.0}, {"bid": "B", "sir": None}]
    >>> sir_payback_at_odds(rows, 15.0)
    ['A (SIR 21.08, payback 8 years)']
    """
    out = []
    for r in rows:
        sir, pay = r.get("sir"), r.get("simple_payback")
        if sir is None or pay is None or not (math.isfinite(sir) and math.isfinite(pay)):
            continue
        if sir > 0 and pay > 2.0 * period / sir:
            years = t("cli.years n", n=num(pay, ".0f"))
            out.append(f"{r['bid']} (SIR {num(sir, '.2f')}, {t('cli.payback')} {years})")
    return out
