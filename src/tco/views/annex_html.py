"""The tender annex as one self-contained HTML page.

Every text is escaped; formulas are MathML built by
:mod:`tco.views.annex_math` from escaped names. The page loads nothing and
runs no script: its Content-Security-Policy allows only its own inline style.
"""

from __future__ import annotations

from typing import Any

from tco.views.annex_document import AnnexDocument, Bullets, Para, Table
from tco.views.safe import CSP_META
from tco.views.safe import html_text as escape

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: The page's Content-Security-Policy: no scripts, no requests, inline style only.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_STYLE = (
    "<style>body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;"
    "padding:0 1em;color:#222;line-height:1.45}h1{font-size:1.5em}h2{font-size:1.2em;"
    "border-bottom:1px solid #bbb;margin-top:1.6em}table{border-collapse:collapse;"
    "margin:0.5em 0 1em}th,td{border:1px solid #ccc;padding:3px 8px;vertical-align:top;"
    "text-align:left}th{background:#f2f2f2}td.n{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:4px 0}"
    ".formula{margin:0.6em 0 1em;padding:0.4em 0.8em;border-left:3px solid #888;"
    "background:#fafafa}.formula .words{margin:0.2em 0}"
    ".formula math{font-size:1.15em;math-style:normal}"
    "code{font-family:ui-monospace,'DejaVu Sans Mono',monospace}.lead{font-size:1.05em}"
    "td code{overflow-wrap:anywhere}@page{size:A4;margin:2cm}"
    "footer{margin-top:2em;color:#666;font-size:0.9em}</style>"
)


def _table(t: Table) -> str:
    numeric = t.numeric or [False] * len(t.head)
    out = ["<table>"]
    if t.caption:
        out.append(f"<caption>{escape(t.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.head) + "</tr></thead>")
    out.append("<tbody>")
    for row in t.rows:
        cells = []
        for i, cell in enumerate(row):
            num = i < len(numeric) and numeric[i]
            cls = ' class="n"' if num else ""
            body = f"<code>{escape(cell)}</code>" if t.head[i] in _CODE_HEADS else escape(cell)
            if num:  # a year-by-year value ("year 1: 0.089; year 2: 0.07"): a line a year
                body = body.replace("; ", ";<br>")
            cells.append(f"<td{cls}>{body}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


_CODE_HEADS = frozenset({"symbol"})


def _formula(f: Any) -> str:
    return (
        '<div class="formula">'
        f"<p><strong>{escape(f.label)}</strong> (<code>{escape(f.symbol)}</code>)</p>"
        f'<p class="words">= {escape(f.words)}</p>'
        f"<p>{f.mathml}</p>"
        "</div>"
    )


def render_html(doc: AnnexDocument) -> str:
    """The annex page.

    Examples
    --------
    >>> import tco
    >>> from tco.views.annex import build_annex
    >>> page = render_html(build_annex(tco.load_tender(tco.example_path("indoor-lighting"))))
    >>> page.count("<h2>"), "Content-Security-Policy" in page
    (8, True)
    """
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.lang)}"><head><meta charset="utf-8">',
        CSP_META,
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
        f"<title>{escape(doc.title)}</title>",
        _STYLE,
        "</head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="lead">{escape(doc.lead)}</p>',
    ]
    for k, section in enumerate(doc.sections, start=1):
        parts.append(f"<h2>{k}. {escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Para):
                if block.lead and block.lead == block.text:
                    parts.append(f"<h3>{escape(block.text)}</h3>")
                elif block.lead:
                    parts.append(
                        f"<p><strong>{escape(block.lead)}</strong> {escape(block.text)}</p>"
                    )
                else:
                    parts.append(f"<p>{escape(block.text)}</p>")
            elif isinstance(block, Table):
                parts.append(_table(block))
            elif isinstance(block, Bullets):
                parts.append(
                    "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in block.items) + "</ul>"
                )
            else:
                parts.append(_formula(block))
    parts.append(f"<footer>{escape(doc.footer)}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts)
