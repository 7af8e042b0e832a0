"""The ``tco`` command line.

``tco compare TENDER.yaml`` prints a ranked table; ``--format json|csv``
prints the same numbers for other programs; ``tco compare --example NAME``
runs a bundled example; ``tco models`` lists the bundled product models;
``tco validate FILE`` checks a model or tender and reports every problem.

Errors in user input are printed as one message, without a traceback, and
the exit code is 2 (1 for other failures). The language of everything said
(tables, help, messages) is ``--lang``, given before or after the command,
else the environment variable ``TCO_LANG``, else English. Under ``--format json`` the error is
also an ``error`` document of the JSON contract on standard output. ``-`` as
the tender reads it from standard input.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tco.cli.command import EXIT_USER_ERROR, Command
from tco.cli.parser import ENV_LANG, Parser, choose_language
from tco.cli.validate import run_validate

if TYPE_CHECKING:
    pass

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The languages ``--lang`` accepts (:data:`tco.views.i18n.LANGUAGES`, not imported to start fast).
LANG_CHOICES = ("en", "da", "sv")
#: Subcommands that read no tender or model from disk, so take no ``--allow-path``.
_READS_NO_FILES = frozenset({"serve"})


def _extra_commands() -> dict[str, Command]:
    """The subcommands defined in the other modules of this package."""
    from tco.cli import analysis, annex, award, bases, basket, compare, profiles, serve, workbook

    return {
        **compare.COMMANDS,
        **analysis.COMMANDS,
        **bases.COMMANDS,
        **annex.COMMANDS,
        **profiles.COMMANDS,
        **basket.COMMANDS,
        **serve.COMMANDS,
        **award.COMMANDS,
        **workbook.COMMANDS,
    }


def _asks_json(argv: Sequence[str]) -> bool:
    """Whether the command line asks for ``--format json``."""
    pairs = itertools.pairwise(argv)  # empty for an empty or one-word command line
    return "--format=json" in argv or any(a == "--format" and b == "json" for a, b in pairs)


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser of every command; ``lang`` is the default of ``--lang``."""
    parser = Parser(
        prog="tco",
        description="Total cost of ownership (life-cycle costing) of bids in a tender.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    add_lang(parser, lang)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = Parser(add_help=False)
    add_lang(common, lang)
    add_allow_path(common)
    # commands that read no tender file from disk: --lang only, no --allow-path
    lang_only = Parser(add_help=False)
    add_lang(lang_only, lang)

    cmp = sub.add_parser("compare", help="evaluate a tender and rank its bids", parents=[common])
    src = cmp.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file ('-' reads standard input)")
    src.add_argument("--example", metavar="NAME", help="run a bundled example tender")
    cmp.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default table)",
    )
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

    models = sub.add_parser("models", help="list the bundled product models", parents=[common])
    models.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )
    sub.add_parser("examples", help="list the bundled example tenders", parents=[common])

    val = sub.add_parser(
        "validate", help="check a model or tender file and report every problem", parents=[common]
    )
    val.add_argument("file", help="model or tender YAML file ('-' reads standard input)")
    val.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )

    for name, (configure, _, text) in _extra_commands().items():
        parents = [lang_only] if name in _READS_NO_FILES else [common]
        configure(sub.add_parser(name, help=text or None, parents=parents))
    return parser


def _compare(args: argparse.Namespace) -> int:
    from tco.cli.compare import check_outputs, load_for_compare, write_outputs
    from tco.cli.source import source_of

    source = source_of(args)
    inputs = [*([source] if isinstance(source, Path) else []), *(args.bids or ())]
    check_outputs(args, inputs)
    tender = load_for_compare(source, args)
    check_outputs(args, [*inputs, *([tender.model.file] if tender.model.file else [])])
    result = tender.evaluate()
    if args.xlsx:
        from tco.views.workbook import check_workbook_size

        check_workbook_size(result, tender)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.documents import result_document

        print_document(result_document(result))
    elif args.format == "csv":
        from tco.views.table import result_csv

        print(result_csv(result, lang=args.lang), end="")
    else:
        from tco.views.table import result_table

        print(result_table(result, lang=args.lang))
        if tender.spec.profiles:  # the same bids under the tender's usage profiles
            from tco.analysis.profiles import profiles
            from tco.views.profiles import profiles_text

            print()
            print(profiles_text(profiles(tender), lang=args.lang))
    write_outputs(tender, result, args)
    return 0


def _models(args: argparse.Namespace) -> int:
    import tco

    lang = getattr(args, "lang", "en")
    models = [tco.load_model(path) for _, path in sorted(tco.bundled_models().items())]
    if getattr(args, "format", "table") == "json":
        from tco.cli.source import print_document
        from tco.views.documents import models_document

        print_document(models_document(models, lang))
        return 0
    for model in models:
        print(f"{model.id:<32} {model.spec.title.get(lang)}")
    return 0


def _examples(args: argparse.Namespace) -> int:
    import tco
    from tco.basket import basket_examples
    from tco.io.yamlio import read_yaml_file
    from tco.views.i18n import text
    from tco.views.safe import terminal

    examples = sorted(tco.bundled_examples().items())
    baskets = sorted(basket_examples().items())
    width = max((len(name) for name, _ in (*examples, *baskets)), default=0)
    for key, listed in (("cli.examples tenders", examples), ("cli.examples baskets", baskets)):
        if key.endswith("baskets"):
            print()
        print(text(key, getattr(args, "lang", None)))
        for name, path in listed:
            title = read_yaml_file(path).get("title")
            print(f"{name:<{width}}  {terminal(title)}" if isinstance(title, str) else name)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "compare": _compare,
    "models": _models,
    "examples": _examples,
    "validate": run_validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Everything printed goes through :class:`~tco.cli.outputs.TerminalText`. An output that
    cannot be written is one line on standard error and exit code 1 (a full
    disk), or a silent end (a closed pipe, as in ``tco ... | head -1``).

    Examples
    --------
    >>> main(["--version"])
    tco 0.1.0
    0
    """
    from tco.cli.outputs import OutputStreamError, TerminalText, output_failed

    stdout = sys.stdout
    sys.stdout = TerminalText(stdout)
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except OutputStreamError as failed:
        chosen = choose_language(list(sys.argv[1:] if argv is None else argv), os.environ)
        return output_failed(failed.error, stdout, chosen if chosen in LANG_CHOICES else "en")
    finally:
        sys.stdout = stdout


def _main(argv: Sequence[str] | None) -> int:
    from tco.views.i18n import LANGUAGES, get_language, set_language, text

    argv = list(sys.argv[1:] if argv is None else argv)
    Parser.json_errors = _asks_json(argv)
    chosen = choose_language(argv, os.environ)
    before = get_language()
    set_language(chosen if chosen in LANGUAGES else "en")  # an unknown one: the parser says so
    try:
        parser = _parser(get_language())
        if chosen not in LANGUAGES and os.environ.get(ENV_LANG, "").strip() == chosen:
            parser.error(
                text("cli.env lang", name=ENV_LANG, value=chosen, langs=", ".join(LANGUAGES))
            )
        args = parser.parse_args(argv)
        if args.version:
            from tco import __version__

            print(f"tco {__version__}")
            return 0
        if args.command is None:
            parser.print_help()
            return EXIT_USER_ERROR
        run = _COMMANDS.get(args.command) or _extra_commands()[args.command][1]
        return _run(run, args, args.lang)
    finally:
        set_language(before)


def add_lang(parser: argparse.ArgumentParser, lang: str) -> None:
    """Add ``--lang``: the language of the output, ``lang`` unless given."""
    parser.add_argument(
        "--lang",
        choices=LANG_CHOICES,
        default=lang,
        help="language of the output: words and number formats (default: TCO_LANG, else en)",
    )


def add_allow_path(parser: argparse.ArgumentParser) -> None:
    """Add ``--allow-path FOLDER``: a folder a tender's ``model:`` path may reach."""
    parser.add_argument(
        "--allow-path",
        action="append",
        metavar="FOLDER",
        help="a folder besides the tender's own that its 'model:' path may reach (repeatable)",
    )


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace, lang: str) -> int:
    """Run one command; a user error is printed as one line and exits with code 2."""
    from tco.errors import TCOError

    try:
        from tco.cli.outputs import check_output_args

        check_output_args(args)  # every output path, before any work
        if getattr(args, "samples", None) is not None:  # any subcommand's --samples
            from tco.limits import check_samples

            check_samples(args.samples, path=("--samples",))
        return run(args)
    except TCOError as err:
        if getattr(args, "format", None) == "json":
            from tco.cli.source import print_document
            from tco.views.documents import error_document

            print_document(error_document(err, lang))
        from tco.views.error_text import error_text
        from tco.views.i18n import text
        from tco.views.safe import terminal

        print(f"{text('cli.error', lang)}: {terminal(error_text(err, lang))}", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
