"""The ``tco montecarlo`` subcommand.

Percentiles, ranks and the chance that each bid is the cheapest under the
tender's uncertainty; prints a table, or JSON with ``--format json``.
Collected into :data:`tco.cli.analysis.COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys

from tco.cli.analysis_args import add_source, load_tender, print_json, tender_labels
from tco.cli.command import Command
from tco.errors import SpecError
from tco.views.analysis_text import money as _money
from tco.views.analysis_text import num as _num
from tco.views.analysis_text import pct as _pct
from tco.views.analysis_text import t as _t
from tco.views.analysis_text import table

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


# -- tco montecarlo ----------------------------------------------------------------------------
def _configure_montecarlo(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Monte Carlo over the tender's 'uncertainty' section: percentiles of each bid's "
        "total, probability of being cheapest, ranks, and the difference between two "
        "bids."
    )
    add_source(p)
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

    tender = load_tender(args)
    try:
        q = [float(x) for x in args.percentiles.split(",") if x.strip()]
    except ValueError:
        raise SpecError(
            f"got '{args.percentiles}' for --percentiles, expected numbers such as 5,50,95",
            value=args.percentiles,
            expected="comma-separated numbers from 0 to 100",
        ).speaks("percentiles", value=args.percentiles) from None
    from tco.views.progress import ProgressBar

    bar = ProgressBar("Monte Carlo")
    try:
        mc = monte_carlo(tender, samples=args.samples, seed=args.seed, progress=bar)
    finally:
        bar.close()
    if args.plot:
        from tco.views.figures import save_figure
        from tco.views.plot_analysis import montecarlo_figure

        print(_t("cli.wrote", path=save_figure(montecarlo_figure(mc), args.plot)), file=sys.stderr)
    diff = (
        mc.difference_summary(args.difference[0], args.difference[1], q)
        if args.difference
        else None
    )
    if args.format == "json":
        print_json("montecarlo", mc, percentiles=q, difference=diff)
        return 0
    labels = tender_labels(tender)
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


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "montecarlo": (
        _configure_montecarlo,
        _run_montecarlo,
        "percentiles, ranks and P(cheapest) under the tender's uncertainty",
    ),
}
