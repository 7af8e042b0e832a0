"""Command-line subcommands of the analysis package.

``tco sensitivity``, ``tco switch``, ``tco montecarlo``, ``tco score`` and
``tco baseline``; each reads a tender file (or ``--example NAME``) and prints
a table, or JSON with ``--format json``. They are registered with
:func:`tco.cli.register` when :mod:`tco.cli` imports this module.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tco.cli.command import Command
from tco.errors import SpecError
from tco.views.analysis_text import describe_switch as _describe_switch
from tco.views.analysis_text import money as _money
from tco.views.analysis_text import num as _num
from tco.views.analysis_text import pct as _pct
from tco.views.analysis_text import sir_payback_at_odds, table
from tco.views.analysis_text import span as _span
from tco.views.analysis_text import t as _t
from tco.views.analysis_text import unit_words as _unit

__all__ = ["table"]


def _labels(tender: Any) -> dict[str, str]:
    from tco.views.labels import input_labels

    return input_labels(tender.model)


def _source(parser: argparse.ArgumentParser) -> None:
    src = parser.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="use a bundled example tender")
    parser.add_argument("--format", choices=("table", "json"), default="table")


def _load(args: argparse.Namespace) -> Any:
    from tco.cli.source import load_tender_arg

    return load_tender_arg(args)


def _print_json(kind: str, obj: Any, **extra: Any) -> None:
    """Print an analysis result as its document of the JSON contract."""
    from tco.cli.source import print_document
    from tco.views.documents import analysis_document

    print_document(analysis_document(kind, obj, **extra))


def _split(text: str, what: str) -> tuple[str, str]:
    if "=" not in text:
        raise SpecError(
            f"got '{text}' for {what}, expected NAME=VALUE",
            value=text,
            expected="NAME=VALUE",
        )
    name, value = text.split("=", 1)
    return name.strip(), value.strip()


# -- tco sensitivity ----------------------------------------------------------------------------
def _configure_sensitivity(p: argparse.ArgumentParser) -> None:
    p.description = (
        "One-at-a-time sensitivity: each input moved to a low and a high value (tornado "
        "data per bid, or for the difference between two bids), or the tender's named "
        "scenarios side by side."
    )
    _source(p)
    p.add_argument(
        "--vary",
        action="append",
        default=[],
        metavar="NAME[=PCT|=LOW:HIGH]",
        help="an input to vary by PCT percent or between LOW and HIGH "
        "(repeatable; default every input by --percent)",
    )
    p.add_argument("--percent", type=float, default=10.0, help="default variation [%%]")
    p.add_argument("--bid", help="show the tornado of this bid (default: every bid)")
    p.add_argument("--difference", nargs=2, metavar=("A", "B"), help="tornado of total A - B")
    p.add_argument(
        "--scenarios", action="store_true", help="evaluate the tender's named scenarios instead"
    )
    p.add_argument(
        "--plot", metavar="FILE", help="write the tornado chart of --bid (or the cheapest bid)"
    )


def _run_sensitivity(args: argparse.Namespace) -> int:
    from tco.analysis.oneway import Variation, scenarios, sensitivity

    tender = _load(args)
    if args.scenarios:
        s = scenarios(tender)
        if args.format == "json":
            _print_json("scenarios", s)
            return 0
        head = [_t("cli.scenario"), *s.bids, _t("cli.cheapest")]
        cells = [[r["scenario"], *(_money(r[b]) for b in s.bids), r["cheapest"]] for r in s.rows()]
        print(_t("cli.pv per scenario", cur=s.currency))
        print(table(cells, head))
        return 0
    variations: dict[str, Variation] | None = None
    if args.vary:
        variations = {}
        for text in args.vary:
            if "=" not in text:
                variations[text.strip()] = args.percent
                continue
            name, value = _split(text, "--vary")
            if ":" in value:
                lo, hi = value.split(":", 1)
                variations[name] = (lo.strip(), hi.strip())
            else:
                variations[name] = value if "%" in value else float(value)
    t = sensitivity(tender, variations, percent=args.percent)
    if args.plot:
        from tco.views.plot import save_figure
        from tco.views.plot_analysis import tornado

        bid = args.bid if args.bid else int(t.base.argmin())
        path = save_figure(tornado(t, bid, labels=_labels(tender)).get_figure(), args.plot)
        print(_t("cli.wrote", path=path), file=sys.stderr)
    if args.format == "json":
        _print_json(
            "sensitivity", t, difference=tuple(args.difference) if args.difference else None
        )
        return 0
    if args.difference:
        a, b = args.difference
        rows = t.difference(a, b)
        now = _money(rows[0]["base"] if rows else 0.0)
        print(_t("cli.tornado diff", a=a, b=b, cur=t.currency, now=now))
        labels = _labels(tender)
        print(
            table(
                [
                    [
                        labels.get(r["input"], r["input"]),
                        _span(r["low"], r["high"], r["unit"]),
                        _money(r["difference_low"]),
                        _money(r["difference_high"]),
                        _money(r["swing"]),
                        _t("cli.yes") if r["switches"] else "",
                    ]
                    for r in rows
                ],
                [
                    _t("cli.input"),
                    _t("cli.low high"),
                    _t("cli.at low"),
                    _t("cli.at high"),
                    _t("cli.swing"),
                    _t("cli.switches"),
                ],
            )
        )
        return 0
    bids = [args.bid] if args.bid else list(t.bids)
    labels = _labels(tender)
    for k, bid in enumerate(bids):
        rows = t.for_bid(bid)
        if k:
            print()
        b = t.bids.index(bid) if bid in t.bids else 0
        print(_t("cli.tornado", bid=bid, cur=t.currency, total=_money(float(t.base[b]))))
        print(
            table(
                [
                    [
                        labels.get(r["input"], r["input"]),
                        _span(r["low"], r["high"], r["unit"]),
                        _money(r["total_low"]),
                        _money(r["total_high"]),
                        _money(r["swing"]),
                    ]
                    for r in rows
                ],
                [
                    _t("cli.input"),
                    _t("cli.low high"),
                    _t("cli.at low"),
                    _t("cli.at high"),
                    _t("cli.swing"),
                ],
            )
        )
    return 0


# -- tco switch --------------------------------------------------------------------------------
def _configure_switch(p: argparse.ArgumentParser) -> None:
    p.description = (
        "The value of an input at which two bids cost the same (closed form when the "
        "difference is linear in it, else a bracketed bisection)."
    )
    _source(p)
    p.add_argument("--input", required=True, help="the input to vary, e.g. electricity_price")
    p.add_argument("--bids", nargs=2, required=True, metavar=("A", "B"), help="the two bids")
    p.add_argument("--bid", help="for a bid parameter, whose value is varied (default A)")
    p.add_argument("--low", help="low end of the search, e.g. '0.5 DKK/kWh'")
    p.add_argument("--high", help="high end of the search")


def _run_switch(args: argparse.Namespace) -> int:
    from tco.analysis.switching import switching_value

    tender = _load(args)
    bounds = None
    if args.low is not None or args.high is not None:
        if args.low is None or args.high is None:
            raise SpecError("give both --low and --high", expected="--low X --high Y")
        bounds = (args.low, args.high)
    a, b = args.bids
    s = switching_value(tender, args.input, a, b, bid=args.bid, bounds=bounds)
    if args.format == "json":
        _print_json("switch", s)
        return 0
    print(_describe_switch(s, _labels(tender).get(s.input, s.input)) + ".")
    unit = f" {_unit(s.unit)}" if s.unit else ""
    lines = [
        [_t("cli.now"), f"{_num(s.current, '.6g')}{unit}"],
        [_t("cli.switching value"), f"{_num(s.value, '.6g')}{unit}"],
        [_t("cli.bounds"), f"{_num(s.bounds[0], '.6g')} .. {_num(s.bounds[1], '.6g')}{unit}"],
        [_t("cli.method"), _t(f"cli.{s.method}") + (_t("cli.jump") if s.jump else "")],
        [_t("cli.total diff now", a=s.a, b=s.b), _money(s.difference)],
    ]
    if len(s.crossings) > 1:
        lines.append([_t("cli.all crossings"), ", ".join(_num(x, ".6g") for x in s.crossings)])
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        print(f"  {key + ':':<{width + 1}}  {value}")
    return 0


# -- tco montecarlo ----------------------------------------------------------------------------
def _configure_montecarlo(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Monte Carlo over the tender's 'uncertainty' section: percentiles of each bid's "
        "total, probability of being cheapest, ranks, and the difference between two "
        "bids."
    )
    _source(p)
    p.add_argument("--samples", type=int, help="number of samples (default: the tender's)")
    p.add_argument("--seed", type=int, help="random seed (default: the tender's)")
    p.add_argument(
        "--percentiles",
        default="5,50,95",
        help="comma-separated percentiles of each total (default 5,50,95)",
    )
    p.add_argument("--difference", nargs=2, metavar=("A", "B"), help="distribution of A - B")
    p.add_argument(
        "--plot", metavar="FILE", help="write the distribution and rank chart (.png or .svg)"
    )


def _run_montecarlo(args: argparse.Namespace) -> int:
    from tco.analysis.montecarlo import monte_carlo

    tender = _load(args)
    try:
        q = [float(x) for x in args.percentiles.split(",") if x.strip()]
    except ValueError:
        raise SpecError(
            f"got '{args.percentiles}' for --percentiles, expected numbers such as 5,50,95",
            value=args.percentiles,
            expected="comma-separated numbers from 0 to 100",
        ) from None
    from tco.views.progress import ProgressBar

    bar = ProgressBar("Monte Carlo")
    try:
        mc = monte_carlo(tender, samples=args.samples, seed=args.seed, progress=bar)
    finally:
        bar.close()
    if args.plot:
        from tco.views.plot import save_figure
        from tco.views.plot_analysis import montecarlo_figure

        print(_t("cli.wrote", path=save_figure(montecarlo_figure(mc), args.plot)), file=sys.stderr)
    diff = (
        mc.difference_summary(args.difference[0], args.difference[1], q)
        if args.difference
        else None
    )
    if args.format == "json":
        _print_json("montecarlo", mc, percentiles=q, difference=diff)
        return 0
    labels = _labels(tender)
    print(
        _t(
            "cli.mc head",
            n=_money(mc.samples),
            seed=mc.seed,
            inputs=", ".join(labels.get(i, i) for i in mc.inputs),
            cur=mc.currency,
            s=_num(mc.seconds, ".2f"),
        )
    )
    head = [
        _t("bid"),
        _t("cli.deterministic"),
        _t("cli.mean"),
        _t("cli.sd"),
        *(f"p{x:g}" for x in q),
        _t("cli.p cheapest"),
    ]
    rows = [
        [
            r["bid"],
            _money(r["deterministic"]),
            _money(r["mean"]),
            _money(r["sd"]),
            *(_money(r[f"p{x:g}"]) for x in q),
            _pct(r["p_cheapest"]),
        ]
        for r in mc.summary(q)
    ]
    print(table(rows, head))
    B = len(mc.bids)
    print()
    print(_t("rank probabilities"))
    print(
        table(
            [
                [name, *(_pct(p) for p in mc.rank_probabilities[b])]
                for b, name in enumerate(mc.bids)
            ],
            [_t("bid"), *(str(k + 1) for k in range(B))],
        )
    )
    if diff is not None:
        print()
        print(
            _t(
                "cli.diff line",
                a=diff.a,
                b=diff.b,
                mean=_money(diff.mean),
                sd=_money(diff.sd),
                pcts=", ".join(f"p{k:g} {_money(v)}" for k, v in diff.percentiles.items()),
                p=_pct(diff.probability_a_cheaper),
            )
        )
    return 0


# -- tco score ---------------------------------------------------------------------------------
def _configure_score(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Tender scoring: price points from each bid's total, weighted with the bids' "
        "quality points (MEAT), with each bid's rank."
    )
    from tco.analysis.scoring import METHODS

    _source(p)
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

    tender = _load(args)
    weights: dict[str, float] = {}
    for text in args.weight:
        name, value = _split(text, "--weight")
        try:
            weights[name] = float(value.rstrip("%").strip())
        except ValueError:
            raise SpecError(
                f"got '{value}' as the weight of '{name}', expected a number",
                value=value,
                expected="a number such as 60",
            ) from None
    t = score(
        tender,
        args.method,
        weights=weights or None,
        max_points=args.max_points,
        slope=args.slope,
        ceiling=args.ceiling,
    )
    if args.format == "json":
        _print_json("score", t)
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
    _source(p)
    p.add_argument("--baseline", required=True, help="the baseline bid (e.g. the existing one)")


def _run_baseline(args: argparse.Namespace) -> int:
    from tco.analysis.baseline import compare_to_baseline

    c = compare_to_baseline(_load(args), args.baseline)
    if args.format == "json":
        _print_json("baseline", c)
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
    "sensitivity": (
        _configure_sensitivity,
        _run_sensitivity,
        "tornado data of each input, one at a time, or named scenarios",
    ),
    "switch": (
        _configure_switch,
        _run_switch,
        "the value of an input at which two bids cost the same",
    ),
    "montecarlo": (
        _configure_montecarlo,
        _run_montecarlo,
        "percentiles, ranks and P(cheapest) under the tender's uncertainty",
    ),
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
