"""Commands before the award: ``tco annex`` (and the usage profiles of a tender).

``tco annex TENDER|--example NAME -o annex.docx|annex.html [--lang da|en]`` writes the tender
annex: the life-cycle cost method stated in advance, for the procurement
documents (:mod:`tco.views.annex`). A tender without bids gets an
illustrative bid for its worked example. A basket tender's annex
(:mod:`tco.views.annex_basket`) states every line's method and the basket's
sum rule.
"""

from __future__ import annotations

import argparse
import sys

from tco.cli.command import Command

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


# -- tco annex ---------------------------------------------------------------------------
def _configure_annex(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Write the tender annex: the data each bidder supplies and the life-cycle cost "
        "method (Directive 2014/24/EU Art. 68), as .docx or .html."
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file (bids are optional)")
    src.add_argument("--example", metavar="NAME", help="a bundled example tender or basket")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the .docx or .html file to write"
    )


def _run_annex(args: argparse.Namespace) -> int:
    from tco.tender import read_tender
    from tco.views.i18n import text

    lang = getattr(args, "lang", "en") or "en"  # every command's --lang (tco.cli.main)
    if args.example:
        from tco.cli.source import example_file

        args.tender = example_file(args.example)
    allow = getattr(args, "allow_path", None) or ()
    src = read_tender(args.tender)  # read once: the file is the one the annex states
    if "lines" in src.data:  # a basket tender
        from tco.views.annex_basket import basket_annex_source, write_basket_annex

        basket, illustrative = basket_annex_source(src, allow_paths=allow)
        out = write_basket_annex(basket, args.output, lang=lang, illustrative=illustrative)
        print(text("cli.wrote", lang, path=out), file=sys.stderr)
        return 0
    from tco.views.annex import annex_tender, write_annex

    tender, illustrative = annex_tender(src, allow_paths=allow)
    out = write_annex(tender, args.output, lang=lang, illustrative=illustrative)
    print(text("cli.wrote", lang, path=out), file=sys.stderr)
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "annex": (
        _configure_annex,
        _run_annex,
        "write the tender annex stating the life-cycle cost method (.docx or .html)",
    ),
}
