"""``tco validate FILE [--format json]``: check a model, tender or basket file.

The file is read as :func:`tco.load_model`, :func:`tco.load_tender` or
:func:`tco.load_basket` would read it, and a tender's ``uncertainty`` and
``scenarios`` sections are checked too, so every problem is reported at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tco.cli.command import EXIT_USER_ERROR

if TYPE_CHECKING:
    import tco

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def run_validate(args: argparse.Namespace) -> int:
    """``tco validate FILE``: check a model, tender or basket file; report every problem.

    Prints what the file holds when it is valid, the error otherwise (under
    ``--format json`` a ``validation`` document either way, and exit code 2
    for an invalid file).
    """
    import tco
    from tco.cli.source import STDIN, STDIN_NAME, print_document, read_stdin
    from tco.errors import TCOError
    from tco.io.yamlio import read_yaml_file
    from tco.views.documents import validation_document
    from tco.views.i18n import get_language, text

    as_json = getattr(args, "format", "text") == "json"
    name = STDIN_NAME if args.file == STDIN else args.file
    kind: Literal["tender", "model", "basket"] | None = None
    try:
        source: Any
        if args.file != STDIN and str(args.file).lower().endswith(".xlsx"):
            from tco.tender import read_tender

            source = read_tender(args.file)  # a tender workbook, read once
            data = source.data
        else:
            data = read_stdin() if args.file == STDIN else read_yaml_file(args.file)
            source = data if args.file == STDIN else Path(args.file)
        if "lines" in data:  # a basket tender
            from tco.basket import load_basket

            kind = "basket"
            allow = getattr(args, "allow_path", None) or ()
            basket = _located(lambda s: load_basket(s, allow_paths=allow), source, name)
            models = ", ".join(dict.fromkeys(t.model.id for t in basket.tenders))
            doc = validation_document(name, document=kind, model=models, bids=len(basket.bids))
            said = text(
                "cli.valid basket",
                file=name,
                models=models,
                lines=len(basket.lines),
                n=len(basket.bids),
            )
        elif "bids" in data or (
            "model" in data and isinstance(data.get("model"), (str, dict)) and "id" not in data
        ):
            kind = "tender"
            allow = getattr(args, "allow_path", None) or ()
            tender = _located(lambda s: tco.load_tender(s, allow_paths=allow), source, name)
            _validate_analysis_sections(tender)
            doc = validation_document(
                name, document=kind, model=tender.model.id, bids=len(tender.bids)
            )
            said = text("cli.valid tender", file=name, model=tender.model.id, n=len(tender.bids))
        else:
            kind = "model"
            model = _located(tco.load_model, source, name)
            doc = validation_document(
                name,
                document=kind,
                model=model.id,
                parameters=len(model.parameters),
                items=len(model.items),
            )
            said = text(
                "cli.valid model",
                file=name,
                model=model.id,
                p=len(model.parameters),
                i=len(model.items),
            )
    except TCOError as err:
        if not as_json:
            raise
        print_document(validation_document(name, document=kind, error=err, lang=get_language()))
        from tco.views.error_text import error_text
        from tco.views.safe import terminal

        print(f"{text('cli.error')}: {terminal(error_text(err))}", file=sys.stderr)
        return EXIT_USER_ERROR
    if as_json:
        print_document(doc)
    else:
        print(said)
    return 0


def _located(load: Callable[[Any], Any], source: Path | dict[str, object], name: str) -> Any:
    """``load(source)``, with errors of a document from standard input named ``name``."""
    from tco.errors import SpecError

    try:
        return load(source)
    except SpecError as err:
        if isinstance(source, dict):
            raise err.located(name) from None
        raise


def _validate_analysis_sections(tender: tco.Tender) -> None:
    """Check a tender's ``uncertainty``, ``scenarios`` and ``profiles``, reporting every problem."""
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
    if tender.spec.profiles:  # their weights and values, as `tco profiles` reads them
        from tco.analysis.profiles import profiles

        try:
            profiles(tender, switches=False)
        except SpecError as err:
            problems.add(err)
    problems.raise_if_any()
