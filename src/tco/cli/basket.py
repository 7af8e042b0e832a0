"""``tco basket TENDER``: a basket tender ranked on the sum over its product lines.

Prints each bid's basket total, annualised cost and each line's total, ranked
on the basket (:mod:`tco.basket`); ``--format json`` prints the same as a
JSON document of kind ``basket``, ``--format csv`` as CSV. ``--bids FORM...``
reads the bids from filled basket bid forms (``tco form BASKET``); ``--xlsx``
writes the result workbook and ``--report`` the award report.
"""

from __future__ import annotations

import argparse

from tco.cli.command import Command

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Rank the bids of a basket tender (several product lines per bid, 'lines:' in the "
        "tender) on the basket's total; show each line's total."
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="basket tender YAML file")
    src.add_argument("--example", metavar="NAME", help="a bundled example basket")
    p.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default table)",
    )
    p.add_argument(
        "--bids", nargs="+", metavar="FORM", help="read the bids from filled basket bid forms"
    )
    p.add_argument("--xlsx", metavar="FILE", help="write the result workbook (.xlsx)")
    p.add_argument("--report", metavar="FILE", help="write the award report (.html)")


def _run(args: argparse.Namespace) -> int:
    from tco.basket import basket_example_path, load_basket

    source = basket_example_path(args.example) if args.example else args.tender
    allow = getattr(args, "allow_path", None) or ()
    if args.bids:
        from tco.cli.compare import say_bids_replaced
        from tco.views.basket_form import load_basket_with_forms

        basket = load_basket_with_forms(source, args.bids, allow_paths=allow)
        say_bids_replaced(source, len(args.bids))
    else:
        basket = load_basket(source, allow_paths=allow)
    result = basket.evaluate()
    lang = getattr(args, "lang", None)
    if args.xlsx:
        from tco.views.basket_workbook import write_basket_workbook

        write_basket_workbook(result, args.xlsx, lang=lang)
    if args.report:
        from tco.views.basket_report import write_basket_report

        write_basket_report(result, args.report, lang=lang)
    if args.format == "csv":
        from tco.views.basket import basket_csv

        print(basket_csv(result, lang), end="")
        return 0
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.contract import SCHEMA_VERSION

        print_document({"schema_version": SCHEMA_VERSION, "kind": "basket", **result.to_dict()})
        return 0
    from tco.views.basket import basket_text

    print(basket_text(result, lang))
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "basket": (_configure, _run, "rank the bids of a basket tender on the sum over its lines"),
}
