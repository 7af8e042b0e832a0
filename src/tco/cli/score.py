"""The ``tco score`` and ``tco baseline`` subcommands.

Price and quality points and rank (MEAT), and net savings, SIR, AIRR and
payback against a baseline bid; each prints a table, or JSON with
``--format json``. Collected into :data:`tco.cli.analysis.COMMANDS`.
"""

from __future__ import annotations

import argparse

from tco.cli.analysis_args import add_source, load_tender, print_json, split_pair
from tco.cli.command import Command
from tco.errors import SpecError
from tco.views.analysis_text import money as _money
from tco.views.analysis_text import num as _num
from tco.views.analysis_text import pct as _pct
from tco.views.analysis_text import sir_payback_at_odds, table
from tco.views.analysis_text import t as _t

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


# -- tco score ---------------------------------------------------------------------------------
def _configure_score(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Tender scoring: price points from each bid's total, weighted with the bids' "
        "quality points (MEAT), with each bid's rank."
    )
    from tco.analysis.scoring import METHODS

    add_source(p)
    p.add_argument(
        "--method",
        choices=METHODS,
        help="price model (default: the tender's scoring.method, else proportional)",
    )
    p.add_argument("--max-points", type=float, help="points of the lowest total (default 10)")
    p.add_argument("--slope", type=float, help="k of linear_slope (default 1)")
    p.add_argument("--ceiling", type=float, help="C of linear_ceiling [currency]")
    p.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="CRITERION=W",
        help="weight of a criterion ('price' or a quality criterion of the bids); repeatable",
    )


def _run_score(args: argparse.Namespace) -> int:
    from tco.analysis.scoring import score

    tender = load_tender(args)
    weights: dict[str, float] = {}
    for text in args.weight:
        name, value = split_pair(text, "--weight")
        try:
            weights[name] = float(value.rstrip("%").strip())
        except ValueError:
            raise SpecError(
                f"got '{value}' as the weight of '{name}', expected a number",
                value=value,
                expected="a number such as 60",
            ).speaks("weight_not_number", value=value, name=name) from None
    t = score(
        tender,
        args.method,
        weights=weights or None,
        max_points=args.max_points,
        slope=args.slope,
        ceiling=args.ceiling,
    )
    if args.format == "json":
        print_json("score", t)
        return 0
    crit = list(t.points)
    names = {c: _t("cli.price") if c == "price" else c for c in crit}
    print(
        _t(
            "cli.scores",
            method=t.method,
            points=_num(t.max_points, ".6g"),
            weights=", ".join(f"{names.get(c, c)} {_pct(w, 0)}" for c, w in t.weights.items()),
        )
    )
    rows = [
        [
            r["bid"],
            _money(r["total"]),
            *(_num(r[c], ".2f") for c in crit),
            _num(r["score"], ".2f"),
            str(r["rank"]),
        ]
        for r in t.rows()
    ]
    head = [
        _t("bid"),
        _t("cli.total cur", cur=t.currency).strip(),
        *(names[c] for c in crit),
        _t("cli.score"),
        _t("rank"),
    ]
    print(table(rows, head))
    return 0


# -- tco baseline ------------------------------------------------------------------------------
def _configure_baseline(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Net savings, savings-to-investment ratio, adjusted internal rate of return and "
        "payback of every bid against a baseline bid (NIST Handbook 135, 10 CFR 436)."
    )
    add_source(p)
    p.add_argument("--baseline", required=True, help="the baseline bid (e.g. the existing one)")


def _run_baseline(args: argparse.Namespace) -> int:
    from tco.analysis.baseline import compare_to_baseline

    c = compare_to_baseline(load_tender(args), args.baseline)
    if args.format == "json":
        print_json("baseline", c)
        return 0
    print(_t("cli.against", base=c.baseline, cur=c.currency, rate=_pct(c.rate, 2)))
    rows = [
        [
            r["bid"] + (_t("cli.baseline") if r["baseline"] else ""),
            _money(r["lcc"]),
            _money(r["net_savings"]),
            _money(r["extra_investment"]),
            _money(r["savings"]),
            _num(r["sir"], ".2f"),
            "-" if r["airr"] is None else _pct(r["airr"], 2),
            _num(r["simple_payback"], ".0f"),
            _num(r["discounted_payback"], ".0f"),
        ]
        for r in c.rows()
    ]
    head = [
        _t("bid"),
        _t("cli.lcc"),
        _t("cli.net savings"),
        _t("cli.extra inv"),
        _t("cli.savings"),
        "SIR",
        "AIRR",
        _t("cli.payback"),
        _t("cli.disc payback"),
    ]
    print(table(rows, head))
    import numpy as np

    odd = sir_payback_at_odds(c.rows(), float(np.max(c.period)))
    if odd:
        print()
        print(_t("cli.sir note", bids=", ".join(odd)))
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "score": (
        _configure_score,
        _run_score,
        "price and quality points and rank (MEAT)",
    ),
    "baseline": (
        _configure_baseline,
        _run_baseline,
        "net savings, SIR, AIRR and payback against a baseline bid",
    ),
}
