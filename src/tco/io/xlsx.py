"""Open an ``.xlsx`` file from someone else safely: caps before parsing.

An ``.xlsx`` file is a zip archive of XML files. Before any XML parser sees one,
:func:`check_form_archive` reads the file (at most
:data:`~tco.limits.MAX_FORM_BYTES`), opens it with :mod:`zipfile` and checks,
from the archive's directory, the number of files, each file's unpacked size,
their total and the compression ratio (zip bombs); it then reads every XML file
in chunks, without parsing, and refuses a document type or entity declaration
(entity bombs such as "billion laughs"), XML that is not UTF-8, and more than
:data:`~tco.limits.MAX_FORM_ELEMENTS` elements. :mod:`zipfile` never unpacks
more than the size the directory states, so these checks bound what any later
parser reads.

:func:`hidden_rows_and_columns` reads one worksheet's row and column
properties with a streaming parser, so that a reader can refuse values Excel
does not show.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from tco.errors import FormError, LimitError
from tco.limits import (
    MAX_FORM_BYTES,
    MAX_FORM_ELEMENTS,
    MAX_FORM_MEMBER_BYTES,
    MAX_FORM_MEMBERS,
    MAX_FORM_RATIO,
    MAX_FORM_UNPACKED,
)

__all__ = ["FormLimitError", "check_form_archive", "hidden_rows_and_columns"]

_CHUNK = 64 * 1024
_RATIO_FROM = 1024 * 1024  # the ratio is checked for files unpacking to more than this
_REQUIRED = ("[Content_Types].xml", "xl/workbook.xml")
_FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")
_TRUE = ("1", "true")


class FormLimitError(FormError, LimitError):
    """A bid form exceeds one of the ``MAX_FORM_*`` caps of :mod:`tco.limits`."""


def _refuse(message: str, file: str, *, limit: bool = False, **facts: Any) -> FormError:
    cls = FormLimitError if limit else FormError
    return cls(message, file=file, **facts)


def check_form_archive(path: str | Path) -> bytes:
    """Read a bid form's bytes and check them before any XML in them is parsed.

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.

    Returns
    -------
    bytes
        The file's content, read once: the bytes checked are the bytes parsed.

    Raises
    ------
    FormError
        If the file is missing, too large, not a zip archive, not an Excel
        workbook, over a cap (a :class:`FormLimitError`, also a
        :class:`~tco.errors.LimitError`), or holds XML with a document type,
        entities, or another encoding than UTF-8.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bid.xlsx"
    >>> _ = bad.write_text("name;price")
    >>> check_form_archive(bad)
    Traceback (most recent call last):
    ...
    tco.errors.FormError: .../bid.xlsx: not an Excel workbook (.xlsx): ...
    """
    file = str(path)
    expected = "a bid form (.xlsx) written by 'tco form' and filled in"
    if not os.path.exists(file):
        raise FormError("no such file", file=file, expected=expected).speaks("form_no_file")
    if not os.path.isfile(file):
        raise FormError("not a regular file", file=file, expected=expected).speaks(
            "form_not_a_file"
        )
    try:
        with open(file, "rb") as stream:
            content = stream.read(MAX_FORM_BYTES + 1)  # never more than the cap
    except OSError as exc:
        raise FormError(f"cannot be read ({exc.strerror})", file=file).speaks(
            "form_unreadable", reason=exc.strerror
        ) from None
    if len(content) > MAX_FORM_BYTES:
        size = max(os.path.getsize(file), len(content))
        raise _refuse(
            f"the file is {size} bytes; a bid form may be at most {MAX_FORM_BYTES} bytes "
            "(a filled form is about 10 kB): send the form written by 'tco form'",
            file,
            limit=True,
            value=size,
            expected=f"at most {MAX_FORM_BYTES} bytes",
        ).speaks("form_too_big", size_q=str(size), cap_q=str(MAX_FORM_BYTES))
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FormError(
            "not an Excel workbook (.xlsx): the file is not a zip archive; save the form "
            "in Excel as 'Excel Workbook (.xlsx)'",
            file=file,
            expected=expected,
        ).speaks("form_not_zip") from None
    with archive:
        infos = archive.infolist()
        _check_members(infos, file, expected)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _scan_xml(archive, info, file)
    return content


def _check_members(infos: list[zipfile.ZipInfo], file: str, expected: str) -> None:
    if len(infos) > MAX_FORM_MEMBERS:
        raise _refuse(
            f"the archive holds {len(infos)} files; a bid form holds at most "
            f"{MAX_FORM_MEMBERS}: send the form written by 'tco form'",
            file,
            limit=True,
            value=len(infos),
            expected=f"at most {MAX_FORM_MEMBERS} files",
        ).speaks("form_too_many_members", count_q=str(len(infos)), cap_q=str(MAX_FORM_MEMBERS))
    names = {info.filename for info in infos}
    missing = [name for name in _REQUIRED if name not in names]
    if missing:
        raise FormError(
            f"not an Excel workbook (.xlsx): the archive has no {missing[0]}; save the "
            "form in Excel as 'Excel Workbook (.xlsx)'",
            file=file,
            expected=expected,
        ).speaks("form_missing_member", member=missing[0])
    total = 0
    for info in infos:
        if info.file_size > MAX_FORM_MEMBER_BYTES:
            raise _refuse(
                f"'{info.filename}' in the archive unpacks to {info.file_size} bytes; at most "
                f"{MAX_FORM_MEMBER_BYTES} are allowed (a zip bomb?): send the form written "
                "by 'tco form'",
                file,
                limit=True,
                value=info.file_size,
                expected=f"at most {MAX_FORM_MEMBER_BYTES} bytes per file",
            ).speaks(
                "form_member_too_big",
                member=info.filename,
                size_q=str(info.file_size),
                cap_q=str(MAX_FORM_MEMBER_BYTES),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM and ratio > MAX_FORM_RATIO:
            raise _refuse(
                f"'{info.filename}' in the archive is packed {ratio:.0f} times; at most "
                f"{MAX_FORM_RATIO} is allowed (a zip bomb?): send the form written by 'tco form'",
                file,
                limit=True,
                value=round(ratio),
                expected=f"a compression ratio of at most {MAX_FORM_RATIO}",
            ).speaks(
                "form_packed",
                member=info.filename,
                ratio_q=f"{ratio:.0f}",
                cap_q=str(MAX_FORM_RATIO),
            )
        total += info.file_size
    if total > MAX_FORM_UNPACKED:
        raise _refuse(
            f"the archive unpacks to {total} bytes; at most {MAX_FORM_UNPACKED} are allowed "
            "(a zip bomb?): send the form written by 'tco form'",
            file,
            limit=True,
            value=total,
            expected=f"at most {MAX_FORM_UNPACKED} bytes unpacked",
        ).speaks("form_unpacked_too_big", size_q=str(total), cap_q=str(MAX_FORM_UNPACKED))


def _scan_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    """Read one XML file in chunks: no DTD or entities, UTF-8, a bounded element count."""
    elements = 0
    tail = b""
    try:
        with archive.open(info) as stream:  # zipfile stops at the declared size
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if b"\x00" in chunk:
                    raise FormError(
                        f"'{info.filename}' in the archive is not UTF-8 XML; save the form "
                        "in Excel as 'Excel Workbook (.xlsx)'",
                        file=file,
                    ).speaks("form_not_utf8", member=info.filename)
                if any(bad in window for bad in _FORBIDDEN_XML):
                    raise FormError(
                        f"'{info.filename}' in the archive declares a document type or "
                        "entities, which Excel never writes (an XML entity bomb?); send the "
                        "form written by 'tco form'",
                        file=file,
                        expected="XML without <!DOCTYPE> or <!ENTITY>",
                    ).speaks("form_entities", member=info.filename)
                elements += chunk.count(b"<")
                if elements > MAX_FORM_ELEMENTS:
                    raise _refuse(
                        f"'{info.filename}' in the archive holds more than "
                        f"{MAX_FORM_ELEMENTS} XML elements; a bid form holds a few "
                        "thousand: send the form written by 'tco form'",
                        file,
                        limit=True,
                        expected=f"at most {MAX_FORM_ELEMENTS} elements",
                    ).speaks(
                        "form_too_many_elements", member=info.filename, cap_q=str(MAX_FORM_ELEMENTS)
                    )
                tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise FormError(
            f"'{info.filename}' in the archive cannot be unpacked ({exc}); save the form "
            "in Excel as 'Excel Workbook (.xlsx)'",
            file=file,
        ).speaks("form_unpack", member=info.filename, reason=str(exc)) from None


def hidden_rows_and_columns(content: bytes, member: str) -> tuple[set[int], set[int], bool]:
    """The rows and columns a worksheet hides (hidden, or of zero height or width).

    Parameters
    ----------
    content : bytes
        The ``.xlsx`` file, already checked by :func:`check_form_archive` (so
        its XML has no document type or entities, and its size is bounded).
    member : str
        The worksheet's file in the archive (``"xl/worksheets/sheet1.xml"``).

    Returns
    -------
    rows : set of int
        Hidden row numbers (1-based).
    columns : set of int
        Hidden column numbers (1-based; ``A`` is 1).
    all_rows : bool
        The sheet hides every row not given a height of its own (``zeroHeight``).
    """
    rows: set[int] = set()
    columns: set[int] = set()
    all_rows = False
    with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(member) as stream:
        for _, element in iterparse(stream, events=("start",)):
            tag = element.tag.rsplit("}", 1)[-1]
            attrib = element.attrib
            if tag == "sheetFormatPr":
                all_rows = attrib.get("zeroHeight") in _TRUE
            elif tag == "col" and (attrib.get("hidden") in _TRUE or _zero(attrib.get("width"))):
                first, last = int(attrib.get("min", 1)), int(attrib.get("max", 1))
                columns.update(range(first, min(last, 16) + 1))  # only the first columns matter
            elif (
                tag == "row"
                and "r" in attrib
                and (
                    attrib.get("hidden") in _TRUE
                    or (attrib.get("customHeight") in _TRUE and _zero(attrib.get("ht")))
                )
            ):
                rows.add(int(attrib["r"]))
            elif tag == "sheetData":
                continue
            element.clear()
    return rows, columns, all_rows


def _zero(size: str | None) -> bool:
    try:
        return size is not None and float(size) == 0.0
    except ValueError:
        return False
