"""The ``tco`` command line.

``tco compare TENDER.yaml`` prints a ranked table; ``--format json|csv``
prints the same numbers for other programs; ``tco compare --example NAME``
runs a bundled example; ``tco models`` lists the bundled product models;
``tco validate FILE`` checks a model or tender and reports every problem.

Errors in user input are printed as one message, without a traceback, and
the exit code is 2 (1 for other failures).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.cli.command import Command

if TYPE_CHECKING:
    import tco

__all__ = ["main"]

EXIT_USER_ERROR = 2


def _extra_commands() -> dict[str, Command]:
    """The subcommands defined in the other modules of this package."""
    from tco.cli import analysis, compare

    return {**compare.COMMANDS, **analysis.COMMANDS}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tco",
        description="Total cost of ownership (life-cycle costing) of bids in a tender.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    cmp = sub.add_parser("compare", help="evaluate a tender and rank its bids")
    src = cmp.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file")
    src.add_argument("--example", metavar="NAME", help="run a bundled example tender")
    cmp.add_argument("--format", choices=("table", "json", "csv"), default="table")
    cmp.add_argument("--lang", choices=("en", "da"), default="en", help="language of labels")
    cmp.add_argument("--bids", nargs="+", metavar="FORM", help="read the bids from filled forms")
    cmp.add_argument("--plot", metavar="FILE", help="write charts to a .png or .svg file")
    cmp.add_argument(
        "--plot-kind",
        choices=("all", "breakdown", "cumulative", "emissions"),
        default="all",
        help="which chart --plot writes",
    )
    cmp.add_argument("--xlsx", metavar="FILE", help="write the result workbook (.xlsx)")
    cmp.add_argument("--report", metavar="FILE", help="write the award report (.html)")
    add_allow_path(cmp)

    sub.add_parser("models", help="list the bundled product models")
    sub.add_parser("examples", help="list the bundled example tenders")

    val = sub.add_parser("validate", help="check a model or tender file and report every problem")
    val.add_argument("file", help="model or tender YAML file")
    add_allow_path(val)

    for name, (configure, _, text) in _extra_commands().items():
        configure(sub.add_parser(name, help=text or None))
    return parser


def _compare(args: argparse.Namespace) -> int:
    import tco
    from tco.cli.compare import check_outputs, load_for_compare, write_outputs
    from tco.views.safe import csv_cell, json_text

    path = tco.example_path(args.example) if args.example else Path(args.tender)
    check_outputs(args, [path, *(args.bids or ())])
    tender = load_for_compare(path, args)
    check_outputs(
        args, [path, *(args.bids or ()), *([tender.model.file] if tender.model.file else [])]
    )
    result = tender.evaluate()
    if args.xlsx:
        from tco.views.workbook import check_workbook_size

        check_workbook_size(result, tender)
    if args.format == "json":
        print(json_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False)))
    elif args.format == "csv":
        rows = result.summary()
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        print(buf.getvalue(), end="")
    else:
        from tco.views.table import result_table

        print(result_table(result, lang=args.lang))
    write_outputs(tender, result, args)
    return 0


def _models(args: argparse.Namespace) -> int:
    import tco

    for model_id, path in sorted(tco.bundled_models().items()):
        model = tco.load_model(path)
        print(f"{model_id:<32} {model.spec.title.get(getattr(args, 'lang', 'en'))}")
    return 0


def _examples(args: argparse.Namespace) -> int:
    import tco

    for name in sorted(tco.bundled_examples()):
        print(name)
    return 0


def _validate(args: argparse.Namespace) -> int:
    import tco
    from tco.io.yamlio import read_yaml_file

    data = read_yaml_file(args.file)
    if "bids" in data or (
        "model" in data and isinstance(data.get("model"), (str, dict)) and "id" not in data
    ):
        tender = tco.load_tender(args.file, allow_paths=args.allow_path or ())
        _validate_analysis_sections(tender)
        print(
            f"{args.file}: valid tender for model '{tender.model.id}' with {len(tender.bids)} bids"
        )
    else:
        model = tco.load_model(args.file)
        print(
            f"{args.file}: valid product model '{model.id}' with {len(model.parameters)} "
            f"parameters and {len(model.items)} items"
        )
    return 0


def _validate_analysis_sections(tender: tco.Tender) -> None:
    """Check a tender's ``uncertainty`` and ``scenarios`` sections, reporting every problem."""
    from tco.errors import ErrorList, SpecError

    problems = ErrorList()
    if tender.spec.uncertainty:
        from tco.analysis.uncertainty import parse_uncertainty

        try:
            parse_uncertainty(tender.plan, tender.spec.uncertainty, file=tender.file)
        except SpecError as err:
            problems.add(err)
    if tender.spec.scenarios:
        from tco.analysis.oneway import scenarios

        try:
            scenarios(tender)
        except SpecError as err:
            problems.add(err)
    problems.raise_if_any()


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "compare": _compare,
    "models": _models,
    "examples": _examples,
    "validate": _validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Examples
    --------
    >>> main(["--version"])
    tco 0.1.0
    0
    """
    from tco.errors import TCOError

    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from tco import __version__

        print(f"tco {__version__}")
        return 0
    if args.command is None:
        parser.print_help()
        return EXIT_USER_ERROR
    run = _COMMANDS.get(args.command) or _extra_commands()[args.command][1]
    from tco.views.safe import terminal

    stdout = sys.stdout
    sys.stdout = TerminalText(stdout)
    try:
        if getattr(args, "samples", None) is not None:  # any subcommand's --samples
            from tco.limits import check_samples

            check_samples(args.samples, path=("--samples",))
        return run(args)
    except TCOError as err:
        print(f"error: {terminal(err)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # pragma: no cover - e.g. `tco compare ... | head`
        return 0
    finally:
        sys.stdout = stdout


class TerminalText(io.TextIOBase):
    r"""A text stream that writes control and bidirectional characters as escapes.

    Everything the command line prints goes through it, so that no text from
    input (a bid named ``"\x1b[2J"`` or ``"A\nB  0"``) can move the cursor,
    colour the terminal or draw a fake row; line breaks are kept.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> _ = TerminalText(buf).write("bid \x1b[31mred\u202e\n")
    >>> buf.getvalue()
    'bid \\x1b[31mred\\u202e\n'
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        from tco.views.safe import terminal

        self.stream.write(terminal(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())


def add_allow_path(parser: argparse.ArgumentParser) -> None:
    """Add ``--allow-path FOLDER``: a folder a tender's ``model:`` path may reach."""
    parser.add_argument(
        "--allow-path",
        action="append",
        metavar="FOLDER",
        help="a folder besides the tender's own that its 'model:' path may reach (repeatable)",
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
