"""``tco bases``: list the bundled bases, or show one with every value and its source."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tco.cli.command import Command

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="show one basis: its values, sources and gaps")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default table)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the bases page (Markdown)")


def basis_rows(name: str) -> dict[str, Any]:
    """One basis as plain data: id, edition, sources, values and missing values.

    Examples
    --------
    >>> basis_rows("dk-fm-2021")["edition"]
    '2021-01-07'
    """
    from tco.spec.basis import load_basis

    b = load_basis(name)
    s = b.spec
    return {
        "id": s.id,
        "title": s.title.get("en", s.id),
        "publisher": s.publisher,
        "edition": s.edition,
        "externalities": s.externalities,
        "sources": dict(s.sources),
        "values": {
            k: {
                "value": v.value
                if v.by_year is None
                else {str(y): x for y, x in v.by_year.items()},
                "source": v.source,
                "edition": v.edition,
                "note": v.note,
            }
            for k, v in s.values.items()
        },
        "missing": [{"name": m.name, "note": m.note} for m in s.missing],
    }


def _run(args: argparse.Namespace) -> int:
    from tco.spec.basis import bundled_bases, load_basis
    from tco.views.i18n import quantity_text, text

    lang = args.lang

    if args.output:
        from tco.views.bases_page import bases_markdown
        from tco.views.safe import write_output

        write_output(bases_markdown(), args.output, "output")
        print(text("cli.wrote", lang, path=args.output))
        return 0
    if args.name is None:
        names = sorted(bundled_bases())
        if args.format == "json":
            from tco.cli.source import print_document
            from tco.views.contract import SCHEMA_VERSION

            rows = [basis_rows(n) for n in names]
            print_document({"schema_version": SCHEMA_VERSION, "kind": "bases", "bases": rows})
            return 0
        for n in names:
            b = load_basis(n)
            print(f"{n:<17} {b.edition:<30} {b.spec.title.get(lang) or b.spec.title.get('en', n)}")
        return 0
    data = basis_rows(args.name)
    if args.format == "json":
        from tco.cli.source import print_document
        from tco.views.contract import SCHEMA_VERSION

        print_document({"schema_version": SCHEMA_VERSION, "kind": "basis", **data})
        return 0
    spec = load_basis(args.name).spec
    title = spec.title.get(lang) or data["title"]
    edition = text("cli.basis edition", lang, edition=data["edition"])
    print(f"{data['id']}: {title}\n{data['publisher']}, {edition}\n")
    for k, v in data["values"].items():
        value = v["value"]
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        shown = quantity_text(shown, lang)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        print(f"  {k:<34} {shown}  [{v['source']}, {v['edition']}]")
    if spec.missing:
        print("\n" + text("cli.basis missing", lang))
        for m in spec.missing:
            print(f"  {m.name_in(lang)}: {' '.join(m.note_in(lang).split())}")
    print("\n" + text("cli.basis sources", lang))
    for k, source in data["sources"].items():
        print(f"  [{k}] {' '.join(source.split())}")
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "bases": (_configure, _run, "list the bundled bases (official data with sources), or show one"),
}
