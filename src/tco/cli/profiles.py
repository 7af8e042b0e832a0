"""``tco profiles TENDER``: the bids ranked under each usage profile of a tender.

Prints the cost of every bid per profile with its rank, the weighted cost
and ranking, and where the cheapest bid changes between profiles
(:mod:`tco.analysis.profiles`); ``--format json`` prints the same as a JSON
document of kind ``profiles``.
"""

from __future__ import annotations

import argparse

from tco.cli.command import Command

__all__ = ["COMMANDS"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Rank the bids under each usage profile of a tender (profiles: in the tender), "
        "on their weighted cost, and show where the cheapest bid changes."
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="a bundled example tender")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )


def _run(args: argparse.Namespace) -> int:
    from tco.analysis.profiles import profiles
    from tco.cli.source import load_tender_arg

    tender = load_tender_arg(args)
    table = profiles(tender)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.contract import SCHEMA_VERSION

        print_document({"schema_version": SCHEMA_VERSION, "kind": "profiles", **table.to_dict()})
        return 0
    from tco.views.profiles import profiles_text

    print(profiles_text(table, getattr(args, "lang", None)))
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "profiles": (
        _configure,
        _run,
        "rank the bids under each usage profile of a tender and on their weighted cost",
    ),
}
