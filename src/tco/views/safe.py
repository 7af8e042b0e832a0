r"""Supplier text is text: the one place where text from input is made safe for each output.

Bid names, titles and values come from files that suppliers and buyers write.
Before such text reaches an output a buyer opens, it goes through one of these
functions:

- :func:`visible` escapes control, format (bidirectional overrides such as
  U+202E, zero-width characters) and line-separator characters as ``\n``,
  ``\x1b``, ``\u202e``, so that a name can neither draw fake rows or colours in
  a terminal nor reorder what a reader sees.
- :func:`terminal` is :func:`visible` that keeps the line breaks of a message
  written by tco (each line's input text was escaped by :func:`visible`).
- :func:`csv_cell` applies the OWASP CSV-injection rule: a text cell starting
  with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading ``'``;
  numbers stay numbers.
- :func:`excel_cell` gives a workbook cell whose value is text that is never a
  formula (``data_type`` ``"s"``).
- :func:`chart_text` escapes ``$`` so that matplotlib never reads mathtext.
- :func:`json_text` escapes the characters JSON leaves raw (C1 controls,
  bidirectional and line separators) as ``\uXXXX``.
- :data:`CSP` is the Content-Security-Policy of every HTML file tco writes: no
  scripts, no requests, inline styles and ``data:`` images only. HTML text is
  escaped with :func:`html_text`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Any

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Content-Security-Policy of tco's HTML files: nothing runs, nothing is fetched.
CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; style-src 'unsafe-inline'; img-src data:"
)
#: The ``<meta>`` element that states :data:`CSP` inside a file.
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _unsafe(char: str) -> bool:
    if " " <= char <= "~":
        return False
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else (f"\\U{code:08x}")
    )


def visible(text: object) -> str:
    r"""Text with control, format and separator characters written as escapes.

    Parameters
    ----------
    text : object
        Any value; it is turned into text with :class:`str`.

    Examples
    --------
    >>> visible("Acme\n1  999 DKK")
    'Acme\\n1  999 DKK'
    >>> visible("\x1b[31mred\u202eevil")
    '\\x1b[31mred\\u202eevil'
    >>> visible("Søren år")
    'Søren år'
    """
    s = str(text)
    if s.isascii() and s.isprintable():
        return s
    return "".join(_escape(c) if _unsafe(c) else c for c in s)


def terminal(text: object) -> str:
    r"""Text for a terminal: :func:`visible`, keeping line breaks.

    Examples
    --------
    >>> terminal("two lines\nand an \x1b escape")
    'two lines\nand an \\x1b escape'
    """
    return "\n".join(visible(line) for line in str(text).split("\n"))


def csv_cell(value: Any) -> Any:
    r"""A value for a CSV cell: numbers as they are, text made visible and never a formula.

    Examples
    --------
    >>> [csv_cell(v) for v in ["=1+2", "+1", "-2", "@SUM(A1)", "Acme", -2.5, 3]]
    ["'=1+2", "'+1", "'-2", "'@SUM(A1)", 'Acme', -2.5, 3]
    >>> csv_cell("\tx")
    '\\tx'
    """
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_CSV_TRIGGERS) else text


def excel_cell(ws: Any, value: Any, number_format: str | None = None) -> Any:
    """A cell for a write-only worksheet: text is stored as text, never as a formula.

    Parameters
    ----------
    ws : openpyxl worksheet
        A write-only worksheet.
    value : object
        A number (stored as a number), ``None`` or text.
    number_format : str, optional
        The number format of a numeric cell.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook(write_only=True).create_sheet()
    >>> cell = excel_cell(ws, '=HYPERLINK("http://x","a")')
    >>> cell.data_type, cell.value
    ('s', '=HYPERLINK("http://x","a")')
    """
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        text = visible(value)
        cell = WriteOnlyCell(ws, value=None)
        cell.value = text
        # openpyxl reads a leading '=' as a formula; text from input is always text.
        cell.data_type = "s"
        if text.startswith(("=", "+", "-", "@")):
            cell.style = "Normal"
            cell.quotePrefix = True
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if number_format is not None:
        cell.number_format = number_format
    return cell


def excel_text(cell: Any, value: object) -> None:
    """Put text from input in a cell of an ordinary worksheet: visible, stored as text.

    The writable-worksheet twin of :func:`excel_cell`: a value starting with
    ``=`` is text shown with a quote prefix, never a formula.

    Parameters
    ----------
    cell : openpyxl cell
        A cell of an ordinary (not write-only) worksheet.
    value : object
        Text (or anything, turned into text with :class:`str`).

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> excel_text(ws["B1"], "=1+1 <b>x</b>")
    >>> ws["B1"].data_type, ws["B1"].value, ws["B1"].quotePrefix
    ('s', '=1+1 <b>x</b>', True)
    """
    text = visible(value)
    cell.value = text
    # openpyxl reads a leading '=' as a formula; text from input is always text.
    cell.data_type = "s"
    if text.startswith(("=", "+", "-", "@")):
        cell.quotePrefix = True


def chart_text(text: object) -> str:
    r"""Text for a matplotlib label: visible, and ``$`` never opens mathtext.

    Examples
    --------
    >>> chart_text("$x^2$ bid")
    '\\$x^2\\$ bid'
    """
    return visible(text).replace("$", r"\$")


def html_text(text: object) -> str:
    r"""Text for HTML: visible and escaped (``<``, ``>``, ``&``, quotes).

    Examples
    --------
    >>> html_text('<script>alert("x")</script>\u202e')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\\u202e'
    """
    return html.escape(visible(text))


_JSON_RAW = re.compile("[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def json_text(text: str) -> str:
    r"""JSON text with the characters JSON leaves raw escaped as ``\uXXXX`` (still valid JSON).

    Examples
    --------
    >>> import json
    >>> out = json_text(json.dumps({"bid": "a\u202eb\x9b"}, ensure_ascii=False))
    >>> out
    '{"bid": "a\\u202eb\\u009b"}'
    >>> json.loads(out)["bid"] == "a\u202eb\x9b"
    True
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def save_workbook(wb: Any, path: str | Path, what: str = "workbook") -> Path:
    """Write an openpyxl workbook to ``path`` whole, or raise :class:`~tco.errors.FileError`.

    The workbook is written to memory first and then to the file in one go: a
    path that cannot be written leaves no half-written file, and no open
    openpyxl stream whose clean-up would print tracebacks after the message.

    Examples
    --------
    >>> import openpyxl, tempfile, pathlib
    >>> out = save_workbook(openpyxl.Workbook(), pathlib.Path(tempfile.mkdtemp()) / "a.xlsx")
    >>> out.suffix, out.stat().st_size > 0
    ('.xlsx', True)
    >>> save_workbook(openpyxl.Workbook(), "/proc/no.xlsx")
    Traceback (most recent call last):
    ...
    tco.errors.FileError: /proc/no.xlsx: cannot write the workbook (...)
    """
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    return write_output(buffer.getvalue(), path, what)


def write_output(content: str | bytes, path: str | Path, what: str) -> Path:
    """Write an output file (text as UTF-8), or raise :class:`~tco.errors.FileError` naming it.

    ``what`` names the output in the message (``report``, ``annex``, ``workbook``).

    Examples
    --------
    >>> write_output("<p>x</p>", "/proc/no.html", "report")
    Traceback (most recent call last):
    ...
    tco.errors.FileError: /proc/no.html: cannot write the report (...)
    """
    from tco.errors import FileError

    out = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        out.write_bytes(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileError(
            f"cannot write the {what} ({reason})",
            file=str(path),
            expected="a writable file path",
        ).speaks("cannot_write", what=what, reason=reason) from None
    return out
