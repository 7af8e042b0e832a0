"""``tco profiles TENDER``: the bids ranked under each usage profile of a tender.

Prints the cost of every bid per profile with its rank, the weighted cost
and ranking, and where the cheapest bid changes between profiles and why
(:mod:`tco.analysis.profiles`); ``--format json`` prints the same as a JSON
document of kind ``profiles``, ``--format csv`` as CSV (``;`` and a decimal
comma under ``--lang da``). ``--xlsx``, ``--report`` and ``--plot`` write the
workbook, the HTML report and the chart.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tco.cli.command import Command

if TYPE_CHECKING:
    from tco.analysis.profiles import ProfileTable
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Rank the bids under each usage profile of a tender (profiles: in the tender), "
        "on their weighted cost, and show where the cheapest bid changes."
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="a bundled example tender")
    p.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default table)",
    )
    p.add_argument("--xlsx", metavar="FILE", help="write the profiles workbook (.xlsx)")
    p.add_argument("--report", metavar="FILE", help="write the profiles report (.html)")
    p.add_argument("--plot", metavar="FILE", help="write the chart to a .png or .svg file")


def _run(args: argparse.Namespace) -> int:
    from tco.analysis.profiles import profiles
    from tco.cli.source import load_tender_arg

    lang = getattr(args, "lang", None) or "en"
    tender = load_tender_arg(args)
    table = profiles(tender)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.contract import SCHEMA_VERSION

        doc = {"schema_version": SCHEMA_VERSION, "kind": "profiles", **table.to_dict(lang)}
        print_document(doc)
    elif args.format == "csv":
        from tco.views.profiles import profiles_csv

        print(profiles_csv(table, lang), end="")
    else:
        from tco.views.profiles import profiles_text

        print(profiles_text(table, lang))
    _write_files(tender, table, args, lang)
    return 0


def _write_files(tender: Tender, table: ProfileTable, args: argparse.Namespace, lang: str) -> None:
    """Write the files asked for with ``--xlsx``, ``--report`` and ``--plot``."""
    import functools

    from tco.views.i18n import text

    # The tender's own ranking gives the bids their colours: evaluated once, if asked for.
    rank = functools.cache(lambda: tender.evaluate().rank)

    if getattr(args, "xlsx", None):
        from tco.views.profiles_workbook import write_profiles_workbook

        out = write_profiles_workbook(table, args.xlsx, lang=lang)
        print(text("cli.wrote", lang, path=out), file=sys.stderr)
    if getattr(args, "report", None):
        from tco.views.profiles_html import write_profiles_report

        out = write_profiles_report(table, tender, args.report, lang=lang, rank=rank())
        print(text("cli.wrote", lang, path=out), file=sys.stderr)
    if getattr(args, "plot", None):
        from tco.views.figures import save_figure
        from tco.views.plot_profiles import profiles_chart

        # The bids' colours of the tender's other charts: by its own ranking.
        ax = profiles_chart(table, lang=lang, rank=rank())
        out = save_figure(ax.figure, args.plot)
        print(text("cli.wrote", lang, path=out), file=sys.stderr)


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "profiles": (
        _configure,
        _run,
        "rank the bids under each usage profile of a tender and on their weighted cost",
    ),
}
