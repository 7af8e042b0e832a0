"""The tender annex as a Word document (python-docx), to paste into tender documents.

Formulas are written in words and in plain Unicode notation
(:func:`tco.views.annex_math.formula_text`), so they survive copying into
any template. Install with ``pip install "tco-lcc[annex]"``.
"""

from __future__ import annotations

from typing import Any

from tco.io.optional import require
from tco.views.annex_document import AnnexDocument, Bullets, Para, Table
from tco.views.safe import visible

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _docx() -> Any:
    return require("docx", "annex")


def _table(document: Any, t: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if t.caption:
        p = document.add_paragraph()
        p.add_run(visible(t.caption)).bold = True
    table = document.add_table(rows=1, cols=len(t.head))
    table.style = "Table Grid"
    table.autofit = False
    numeric = t.numeric or [False] * len(t.head)
    _repeat_header(table)
    for cell, text in zip(table.rows[0].cells, t.head, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(visible(text))
        run.bold = True
        run.font.size = Pt(9)
    for row in t.rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            para = cell.paragraphs[0]
            run = para.add_run(visible(text))
            run.font.size = Pt(9)
            if i < len(numeric) and numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for column, width in zip(table.columns, column_widths(t), strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    document.add_paragraph()


def _repeat_header(table: Any) -> None:
    """Repeat the table's first row at the top of every page it runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


def column_widths(t: Table, page: float = 16.5, char: float = 0.19) -> list[float]:
    """Column widths that fit each column's longest word, the rest shared by text length. [cm]

    Examples
    --------
    >>> column_widths(Table(["a", "b"], [["x", "a long description " * 4]]), page=10.0)
    [0.63, 9.37]
    """
    least: list[float] = []
    want: list[float] = []
    for i, h in enumerate(t.head):
        texts = [h, *(r[i] for r in t.rows)]
        longest = max(len(w) for c in texts for w in (c.split() or [""]))
        word = max(float(longest), 1.2 * max(len(w) for w in (h.split() or [""])))  # bold head
        least.append(min(word, 14) * char + 0.4)
        want.append(max(min(max(len(c) for c in texts), 60) * char + 0.4 - least[-1], 0.0))
    if sum(least) > 0.85 * page:  # many columns: every column gives a little
        least = [w * 0.85 * page / sum(least) for w in least]
    spare = page - sum(least)
    total = sum(want) or 1.0
    return [round(lo + spare * w / total, 2) for lo, w in zip(least, want, strict=True)]


def docx_bytes(doc: AnnexDocument) -> bytes:
    """The annex as the bytes of a ``.docx`` file (Word's format, written by python-docx).

    Parameters
    ----------
    doc : AnnexDocument
        The annex (:func:`tco.views.annex.build_annex`).

    Returns
    -------
    bytes
    """
    import io

    docx = _docx()
    from docx.shared import Cm, Mm, Pt

    document = docx.Document()
    props = document.core_properties
    props.title = visible(doc.title)
    props.language = doc.lang
    props.author = visible(doc.author)  # the buyer, never the tool that wrote the file
    props.last_modified_by = visible(doc.author)
    props.comments = ""
    props.keywords = ""
    for section in document.sections:  # A4, with the 16.5 cm text width of column_widths
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.25)
        section.top_margin = section.bottom_margin = Cm(2.5)
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    document.add_heading(visible(doc.title), level=1)
    document.add_paragraph(visible(doc.lead))
    for k, section in enumerate(doc.sections, start=1):
        document.add_heading(visible(f"{k}. {section.title}"), level=2)
        for block in section.blocks:
            if isinstance(block, Para):
                if block.lead and block.lead == block.text:
                    document.add_heading(visible(block.text), level=3)
                    continue
                p = document.add_paragraph()
                if block.lead:
                    p.add_run(visible(block.lead + " ")).bold = True
                p.add_run(visible(block.text))
            elif isinstance(block, Table):
                _table(document, block)
            elif isinstance(block, Bullets):
                for text in block.items:
                    document.add_paragraph(visible(text), style="List Bullet")
            else:
                p = document.add_paragraph()
                p.add_run(visible(block.label)).bold = True
                p.add_run(visible(f" ({block.symbol})"))
                document.add_paragraph(visible(f"= {block.words}"))
                p = document.add_paragraph()
                run = p.add_run(visible(f"{block.symbol} = {block.text}"))
                run.font.name = "Cambria Math"
                run.italic = True
    p = document.add_paragraph()
    run = p.add_run(visible(doc.footer))
    run.italic = True
    run.font.size = Pt(8)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
