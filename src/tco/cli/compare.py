"""Command-line pieces of the views: ``tco form``, ``tco schema``, files of ``tco compare``.

``tco form TENDER -o form.xlsx`` writes a blank bid form for the tender's
product model; ``tco compare TENDER --bids forms/*.xlsx`` evaluates the bids
read from filled forms. ``tco compare ... --plot out.png --xlsx results.xlsx
--report report.html`` writes the charts, the result workbook and the award
report. ``tco schema model|tender`` prints a JSON Schema.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.cli.command import Command
from tco.cli.source import STDIN_NAME, check_output, example_file

if TYPE_CHECKING:
    from tco.result import Result
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The options that name files ``tco compare`` writes, and what each is.
_OUTPUTS = {"plot": "chart", "xlsx": "workbook", "report": "report"}


def check_outputs(args: argparse.Namespace, inputs: list[str | Path]) -> None:
    """Check every output path of ``tco compare`` before anything is computed."""
    for option, what in _OUTPUTS.items():
        path = getattr(args, option, None)
        if path:
            check_output(path, inputs, what)


def load_for_compare(source: Path | Mapping[str, Any], args: argparse.Namespace) -> Tender:
    """The tender ``tco compare`` evaluates: from the file (or stdin), or with bids from forms."""
    import tco
    from tco.errors import SpecError

    forms = getattr(args, "bids", None)
    try:
        if forms:
            from tco.views.form import load_tender_with_forms

            allow = getattr(args, "allow_path", None) or ()
            tender = load_tender_with_forms(source, forms, allow_paths=allow)
            say_bids_replaced(source, len(forms))
            return tender
        return tco.load_tender(source, allow_paths=getattr(args, "allow_path", None) or ())
    except SpecError as err:
        if isinstance(source, Mapping):
            raise err.located(STDIN_NAME) from None
        raise


def say_bids_replaced(source: Path | Mapping[str, Any], forms: int) -> None:
    """Say on stderr that bids from forms replace those written in the tender, if it has any."""
    from tco.tender import read_tender
    from tco.views.i18n import text

    data = source if isinstance(source, Mapping) else read_tender(source).data
    own = data.get("bids")
    if isinstance(own, list) and own:
        print(text("cli.bids replaced", n=forms, m=len(own)), file=sys.stderr)


def write_outputs(tender: Tender, result: Result, args: argparse.Namespace) -> None:
    """Write the files asked for with ``--plot``, ``--xlsx`` and ``--report``."""
    from tco.views.i18n import text

    lang = getattr(args, "lang", "en")
    if getattr(args, "plot", None):
        from tco.views.figures import save_figure
        from tco.views.plot import overview, plot

        kind = getattr(args, "plot_kind", "all") or "all"
        fig = overview(result, lang) if kind == "all" else plot(result, kind, lang=lang).figure
        out = save_figure(fig, args.plot)
        print(text("cli.wrote", lang, path=out), file=sys.stderr)
    if getattr(args, "xlsx", None):
        from tco.views.workbook import write_workbook

        out = write_workbook(result, args.xlsx, tender=tender, lang=lang)
        print(text("cli.wrote", lang, path=out), file=sys.stderr)
    if getattr(args, "report", None):
        from tco.views.report import write_report

        out = write_report(result, tender, args.report, lang=lang, forms=args.bids or ())
        print(text("cli.wrote", lang, path=out), file=sys.stderr)


# -- tco form ----------------------------------------------------------------------------
def _configure_form(p: argparse.ArgumentParser) -> None:
    """Write a blank Excel bid form for a tender's product model."""
    p.description = "Write a blank Excel bid form for a tender's product model."
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("tender", nargs="?", help="tender YAML file")
    src.add_argument("--example", metavar="NAME", help="a bundled example tender or basket")
    src.add_argument("--model", metavar="ID|FILE", help="a product model instead of a tender")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the .xlsx file")


def _run_form(args: argparse.Namespace) -> int:
    import tco
    from tco.io.yamlio import read_yaml_file
    from tco.spec.forms import stated_number_format
    from tco.views.form import write_form

    title = number_format = None
    if args.example:
        args.tender = example_file(args.example)
    check_output(args.output, [p for p in (args.tender, args.model) if p], "form")
    if args.model:
        model = tco.load_model(args.model)
    else:
        from tco.errors import SpecError
        from tco.tender import read_tender, tender_model

        # a tender workbook (.xlsx) too: the form follows its stated number format
        data = read_tender(args.tender).data if args.tender.endswith(".xlsx") else None
        data = data if data is not None else read_yaml_file(args.tender)
        if "lines" in data:
            return _basket_form(args, data)
        if "model" not in data:
            raise SpecError(
                "this key is required", file=args.tender, path=("model",), expected="a model"
            ).speaks("required")
        model = tender_model(
            data["model"],
            Path(args.tender).resolve().parent,
            args.tender,
            allow_paths=args.allow_path or (),
        )
        title = data.get("title") if isinstance(data.get("title"), str) else None
        number_format = stated_number_format(data)
        if model.file:  # the model file the tender names is an input too
            check_output(args.output, [model.file], "form")
    from tco.views.i18n import text

    out = write_form(model, args.output, title=title, lang=args.lang, number_format=number_format)
    print(text("cli.wrote form", path=out, n=len(model.bid_parameters), model=model.id))
    return 0


def _basket_form(args: argparse.Namespace, data: dict[str, Any]) -> int:
    """``tco form BASKET``: one workbook, a front sheet and a sheet per line."""
    from tco.basket import basket_lines_of
    from tco.spec.forms import stated_number_format
    from tco.views.basket_form import write_basket_form
    from tco.views.i18n import text

    tender = Path(args.tender)
    _, lines = basket_lines_of(
        data, args.tender, tender.resolve().parent, allow_paths=args.allow_path or ()
    )
    models = [line.model.file for line in lines if line.model.file]
    check_output(args.output, [args.tender, *models], "form")
    title = data.get("title") if isinstance(data.get("title"), str) else None
    out = write_basket_form(
        lines, args.output, title=title, lang=args.lang, number_format=stated_number_format(data)
    )
    print(text("cli.wrote basket form", path=out, n=len(lines)))
    return 0


# -- tco schema ----------------------------------------------------------------------------
def _configure_schema(p: argparse.ArgumentParser) -> None:
    """Print the JSON Schema of product model or tender files, or of a JSON output."""
    from tco.views.kinds import KINDS  # the names alone: the shapes are not imported

    p.description = (
        "Print the JSON Schema of product model or tender files, or of a JSON document "
        "tco writes (result, validation, error, and the analyses)."
    )
    p.add_argument("kind", choices=("model", "tender", *KINDS), help="which schema to print")
    p.add_argument(
        "--model",
        metavar="ID|FILE",
        help="with 'tender': the schema of tenders for this model (each bid parameter checked)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to a file instead")


def _run_schema(args: argparse.Namespace) -> int:
    from tco.views.schema import schema_text

    if args.model and args.kind != "tender":
        from tco.errors import SpecError

        raise SpecError(
            "--model goes with 'tco schema tender'",
            value=args.kind,
            expected="tco schema tender --model ID",
        ).speaks("schema_model")
    schema = schema_text(args.kind, model=args.model)
    if args.output:
        check_output(args.output, [], "schema")
        from tco.views.safe import write_output

        write_output(schema, args.output, "schema")
        from tco.views.i18n import text

        print(text("cli.wrote", path=args.output), file=sys.stderr)
    else:
        print(schema, end="")
    return 0


def _configure_catalogue(parser: argparse.ArgumentParser) -> None:
    parser.description = "Print the catalogue of bundled product models as Markdown."
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (docs/catalogue.md) instead"
    )


def _run_catalogue(args: argparse.Namespace) -> int:
    if args.output:
        from tco.views.catalogue import write_catalogue

        check_output(args.output, [], "catalogue")
        write_catalogue(args.output, lang=args.lang)
    else:
        from tco.views.catalogue import render_catalogue

        print(render_catalogue(lang=args.lang), end="")
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "form": (
        _configure_form,
        _run_form,
        "write a blank Excel bid form for a tender's product model",
    ),
    "schema": (
        _configure_schema,
        _run_schema,
        "print the JSON Schema of model or tender files",
    ),
    "catalogue": (
        _configure_catalogue,
        _run_catalogue,
        "write the product-model catalogue page",
    ),
}
