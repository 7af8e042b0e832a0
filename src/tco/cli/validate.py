"""``tco validate FILE [--format json]``: check a model, tender, basket or follow-up file.

The file is read as :func:`tco.load_model`, :func:`tco.load_tender` or
:func:`tco.load_basket` would read it, and a tender's ``uncertainty`` and
``scenarios`` sections are checked too, so every problem is reported at once.
A follow-up file (``bid:`` and ``years:``, no ``bids:``) is checked against the
tender its ``tender:`` names, read within the follow-up's folder (or, for a
follow-up in a ``follow-up`` folder, within the folder above it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tco.cli.command import EXIT_USER_ERROR

if TYPE_CHECKING:
    import tco
    from tco.analysis.followup_file import FollowUpFile

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
    kind: Literal["tender", "model", "basket", "followup"] | None = None
    try:
        source: Any
        if args.file != STDIN and str(args.file).lower().endswith(".xlsx"):
            from tco.tender import read_tender

            source = read_tender(args.file)  # a tender workbook, read once
            data = source.data
        else:
            data = read_stdin() if args.file == STDIN else read_yaml_file(args.file)
            source = data if args.file == STDIN else Path(args.file)
        if _is_follow_up(data):
            kind = "followup"
            allow = getattr(args, "allow_path", None) or ()
            checked = _follow_up(data, None if args.file == STDIN else Path(args.file), name, allow)
            model_id, follow, tender_file = checked
            doc = validation_document(name, document=kind, model=model_id)
            said = text(
                "cli.valid followup",
                file=name,
                bid=follow.bid,
                tender=tender_file,
                n=len(follow.years),
            )
        elif "lines" in data:  # a basket tender
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


def _is_follow_up(data: dict[str, Any]) -> bool:
    """Whether a mapping is a follow-up file: ``bid:`` or ``years:``, and no tender's keys."""
    return ("bid" in data or "years" in data) and not any(
        key in data for key in ("bids", "lines", "id", "model", "parameters", "items")
    )


def _follow_up(
    data: dict[str, Any], path: Path | None, name: str, allow: Any
) -> tuple[str, FollowUpFile, str]:
    """Check a follow-up against the tender its ``tender:`` names: model id, follow-up, tender.

    The tender is read through :func:`tco.io.files.read_input_within`, within the
    follow-up's folder (the current folder for standard input), or within the
    folder above it when the follow-up lies in a ``follow-up`` folder (the layout
    ``tco portfolio`` reads), and never out of it.
    """
    from tco.analysis.followup_file import read_follow_up
    from tco.errors import SpecError
    from tco.io.files import read_input_within, sha256_hex
    from tco.io.yamlio import load_yaml
    from tco.tender import TenderSource, load_tender

    ref = data.get("tender")
    if ref is None:
        raise SpecError(
            "the follow-up names no tender; run 'tco follow-up TENDER FOLLOWUP', or write "
            "'tender:' as the tender's path relative to the follow-up file",
            file=name,
            path=("tender",),
            value=None,
            expected="the tender file's path, relative to the follow-up file",
        ).speaks("followup_validate_no_tender")
    if not isinstance(ref, str) or not ref.strip():
        raise SpecError(
            f"got {ref!r}",
            file=name,
            path=("tender",),
            value=ref,
            expected="the tender file's path, relative to the follow-up file",
        ).speaks("followup_tender_type", shown=repr(ref)[:60])
    folder = path.parent if path is not None else Path()
    root = folder.resolve().parent if folder.resolve().name == "follow-up" else folder
    tender_file = str(folder / ref)
    raw = read_input_within(tender_file, root)  # every link and '..' resolved, within root
    tender_data = load_yaml(raw, file=tender_file)
    tender = load_tender(
        TenderSource(tender_data, tender_file, Path(tender_file).resolve().parent, sha256_hex(raw)),
        allow_paths=allow,
    )
    follow = read_follow_up(data, tender, file=name)
    return tender.model.id, follow, os.path.normpath(tender_file)


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
