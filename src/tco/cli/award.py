"""Command-line subcommands for after the award: ``tco abatement``, ``tco follow-up``.

``tco abatement TENDER [--reference BID] [--plot FILE]`` prints each bid's
cost per tonne of CO2e avoided against the reference bid (the cheapest by TCO
without priced externalities unless one is named); ``--format json`` prints
the ``abatement`` document of the JSON contract.

``tco follow-up TENDER FOLLOWUP [--plot FILE]`` compares what the contract
cost and emitted, year by year, with the awarded bid, split into the
supplier's part and the buyer's part, and evaluates the contract clauses.

``tco portfolio FOLDER [--format json] [--csv FILE] [--parquet FILE] [--plot FILE]`` reports
every tender of a folder: what awarding on total cost saved against the lowest
purchase price, the CO2e avoided and the follow-up deviations.
"""

from __future__ import annotations

import argparse
import sys

from tco.cli.command import Command

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _source(parser: argparse.ArgumentParser) -> None:
    src = parser.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="use a bundled example tender")
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )


# -- tco abatement -------------------------------------------------------------------------------
def _configure_abatement(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Cost per tonne of CO2e avoided of every bid against a reference bid: "
        "(TCO - TCO_ref) / (CO2e_ref - CO2e), TCO without priced externalities; "
        "the efficient bids (Pareto front of cost and CO2e) are marked."
    )
    _source(p)
    p.add_argument(
        "--reference",
        metavar="BID",
        help="the reference bid (default: the cheapest by TCO without priced externalities)",
    )
    p.add_argument(
        "--plot", metavar="FILE", help="write the chart of cost against CO2e (.png/.svg)"
    )


def _run_abatement(args: argparse.Namespace) -> int:
    from tco.analysis.abatement import abatement_cost
    from tco.cli.source import load_tender_arg

    a = abatement_cost(load_tender_arg(args), args.reference)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.documents import analysis_document

        print_document(analysis_document("abatement", a))
    else:
        from tco.views.abatement import abatement_table

        print(abatement_table(a, args.lang))
    if args.plot:
        from tco.views.abatement import abatement_chart
        from tco.views.figures import save_figure
        from tco.views.i18n import text

        out = save_figure(abatement_chart(a, lang=args.lang).figure, args.plot)
        print(text("cli.wrote", args.lang, path=out), file=sys.stderr)
    return 0


# -- tco follow-up -------------------------------------------------------------------------------
def _configure_follow_up(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Compare what an awarded contract cost and emitted, year by year, with the winning "
        "bid: the deviation split into the supplier's part (the bid's own parameters) and the "
        "buyer's part (use and prices), and the penalties or bonuses of the contract clauses."
    )
    p.add_argument("tender", help="the tender YAML file as awarded")
    p.add_argument("followup", help="the follow-up YAML file (values recorded per year)")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )
    p.add_argument("--plot", metavar="FILE", help="write the chart of the deviations (.png/.svg)")
    p.add_argument("--xlsx", metavar="FILE", help="write the follow-up workbook (.xlsx)")


def _run_follow_up(args: argparse.Namespace) -> int:
    from tco.analysis.followup import follow_up

    f = follow_up(args.tender, args.followup)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.documents import analysis_document

        print_document(analysis_document("followup", f))
    else:
        from tco.views.followup import followup_table

        print(followup_table(f, args.lang))
    if args.plot:
        from tco.views.figures import save_figure
        from tco.views.followup import followup_chart
        from tco.views.i18n import text

        out = save_figure(followup_chart(f, lang=args.lang), args.plot)
        print(text("cli.wrote", args.lang, path=out), file=sys.stderr)
    if args.xlsx:
        from tco.views.followup import write_followup_workbook
        from tco.views.i18n import text

        out = write_followup_workbook(f, args.xlsx, lang=args.lang)
        print(text("cli.wrote", args.lang, path=out), file=sys.stderr)
    return 0


# -- tco portfolio -------------------------------------------------------------------------------
def _configure_portfolio(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Management information across the tenders of a folder (and the follow-ups in its "
        "follow-up/ subfolder): per tender and in total, the TCO of the chosen bid against "
        "the bid with the lowest purchase price, CO2e avoided, abatement cost and follow-up "
        "deviations."
    )
    p.add_argument("folder", help="a folder of tender YAML files")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--csv", metavar="FILE", help="write one row per tender as CSV")
    p.add_argument("--parquet", metavar="FILE", help="write one row per tender as Parquet")
    p.add_argument("--plot", metavar="FILE", help="write the chart (.png/.svg)")
    p.add_argument("--workers", type=int, help="worker processes (default: the usable cores)")


def _run_portfolio(args: argparse.Namespace) -> int:

    from tco.analysis.portfolio import portfolio
    from tco.views.i18n import text
    from tco.views.portfolio import portfolio_csv, portfolio_table

    if args.workers is not None and args.workers < 1:
        from tco.errors import SpecError

        raise SpecError(
            f"got --workers {args.workers}", value=args.workers, expected="1 or more"
        ).speaks("workers", n=args.workers)
    p = portfolio(args.folder, workers=args.workers)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.portfolio import portfolio_document

        print_document(portfolio_document(p))
    else:
        print(portfolio_table(p, args.lang))
    if args.csv:
        from tco.views.safe import write_output

        write_output(portfolio_csv(p, args.lang), args.csv, "CSV file")
        print(text("cli.wrote", args.lang, path=args.csv), file=sys.stderr)
    if args.parquet:
        from tco.views.portfolio import write_parquet

        print(text("cli.wrote", args.lang, path=write_parquet(p, args.parquet)), file=sys.stderr)
    if args.plot:
        from tco.views.figures import save_figure
        from tco.views.portfolio import portfolio_chart

        out = save_figure(portfolio_chart(p, lang=args.lang), args.plot)
        print(text("cli.wrote", args.lang, path=out), file=sys.stderr)
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "abatement": (
        _configure_abatement,
        _run_abatement,
        "cost per tonne of CO2e avoided against a reference bid, and the efficient bids",
    ),
    "follow-up": (
        _configure_follow_up,
        _run_follow_up,
        "a contract's actual cost and CO2e year by year against the awarded bid",
    ),
    "portfolio": (
        _configure_portfolio,
        _run_portfolio,
        "management information across the tenders of a folder",
    ),
}
