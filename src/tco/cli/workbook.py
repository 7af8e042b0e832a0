"""``tco workbook``: the tender workbook a buyer fills in Excel, and its conversion to YAML.

``tco workbook --model ID -o udbud.xlsx --lang da`` writes a blank tender
workbook for a product model; ``tco workbook TENDER.yaml -o udbud.xlsx``
writes one pre-filled with the tender's assumptions and bids;
``tco workbook udbud.xlsx --to-yaml -o udbud.yaml`` reads a filled workbook
(checked as ``tco compare udbud.xlsx`` checks it) and writes it as tender YAML.
``--bids forms/*.xlsx`` puts the bids read from suppliers' filled bid forms in
the workbook (or the YAML) instead of the tender's own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tco.cli.command import Command

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Write a tender workbook (.xlsx) for a product model or a tender, in the buyer's "
        "language; or, with --to-yaml, write a filled workbook as tender YAML."
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender file (.yaml, or a workbook .xlsx)")
    src.add_argument("--example", metavar="NAME", help="a bundled example tender")
    src.add_argument("--model", metavar="ID|FILE", help="a product model (a blank workbook)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument(
        "--number-format",
        choices=("da", "en"),
        help="number format of numbers typed as text (default: the tender's, else --lang)",
    )
    p.add_argument(
        "--bids",
        nargs="+",
        metavar="FORM",
        help="filled bid forms (.xlsx from 'tco form') whose bids the workbook holds instead",
    )
    p.add_argument(
        "--to-yaml",
        action="store_true",
        help="write the tender (a filled workbook) as tender YAML instead of a workbook",
    )


def _run(args: argparse.Namespace) -> int:
    import tco
    from tco.cli.source import check_output
    from tco.views.i18n import text

    if args.example:
        from tco.cli.source import example_file

        args.tender = example_file(args.example)
    allow = args.allow_path or ()
    inputs = [p for p in (args.tender, args.model) if p]
    check_output(args.output, inputs, "workbook")
    if args.model:
        if args.to_yaml:
            from tco.errors import SpecError

            raise SpecError(
                "--to-yaml converts a tender (a filled workbook); a model has no tender yet",
                value="--model",
                expected="tco workbook TENDER.xlsx --to-yaml -o TENDER.yaml",
            ).speaks("book_to_yaml_model")
        model = tco.load_model(args.model)
        from tco.views.tender_workbook import write_tender_workbook

        out = write_tender_workbook(
            model, args.output, lang=args.lang, number_format=args.number_format
        )
        print(text("cli.wrote workbook", path=out, model=model.id, n=0))
        return 0
    from tco.tender import read_tender

    src = read_tender(Path(args.tender))
    if args.bids:  # the suppliers' forms: their bids replace the tender's
        from tco.cli.compare import say_bids_replaced
        from tco.views.form import load_tender_with_forms

        check_output(args.output, [*inputs, *args.bids], "workbook")
        tender = load_tender_with_forms(Path(args.tender), args.bids, allow_paths=allow)
        say_bids_replaced(src.data, len(args.bids))
        data = dict(src.data)
        data["bids"] = [bid.model_dump(exclude_none=True) for bid in tender.spec.bids]
        src = src._replace(data=data)
    else:
        tender = tco.load_tender(src, allow_paths=allow)  # every problem, located, first
    if tender.model.file:
        check_output(args.output, [*inputs, tender.model.file], "workbook")
    left = [key for key in ("uncertainty", "scenarios", "scoring", "profiles") if key in src.data]
    if args.to_yaml:
        from tco.views.safe import write_output
        from tco.views.tender_workbook import tender_yaml

        out = write_output(tender_yaml(src.data), args.output, "tender")
        print(text("cli.wrote", path=out))
        return 0
    from tco.views.tender_workbook import write_tender_workbook

    if left:
        print(text("cli.workbook not carried", keys=", ".join(left)), file=sys.stderr)
    out = write_tender_workbook(
        tender, args.output, lang=args.lang, number_format=args.number_format, raw=src.data
    )
    print(text("cli.wrote workbook", path=out, model=tender.model.id, n=len(tender.bids)))
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "workbook": (
        _configure,
        _run,
        "write a tender workbook (.xlsx) for a buyer to fill in Excel, or convert one to YAML",
    ),
}
