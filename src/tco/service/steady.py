"""Equal requests, equal bytes: an Office download without the moment it was written.

openpyxl and python-docx write the time of writing into a document: in each zip
member's header and in ``docProps/core.xml`` (``dcterms:created``,
``dcterms:modified``). The service's answers are computations of the request alone,
so that two identical requests get byte-identical answers (a cache, a comparison, a
signature): :func:`steady_office` fixes the members' times and leaves the two dates
out (both are optional in an Office document's core properties).
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["OFFICE_TYPES", "steady_office"]

#: The media types of the Office documents (zip packages) the service answers.
OFFICE_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
#: The time of every member: the earliest a zip can say.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def steady_office(document: bytes) -> bytes:
    """``document`` (an xlsx or docx) with no time of writing in it.

    Parameters
    ----------
    document : bytes
        An Office document, as its writer wrote it.

    Returns
    -------
    bytes
        The same members, in the same order, with the same content, except that each
        member's time is 1980-01-01 and ``docProps/core.xml`` has no ``created`` or
        ``modified`` date.

    Examples
    --------
    >>> import io, zipfile
    >>> def written(second):
    ...     out = io.BytesIO()
    ...     with zipfile.ZipFile(out, "w") as z:
    ...         z.writestr(zipfile.ZipInfo("a.xml", (2026, 1, 1, 0, 0, second)), b"<a/>")
    ...     return out.getvalue()
    >>> written(0) == written(2), steady_office(written(0)) == steady_office(written(2))
    (False, True)
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _DATES.sub(b"", content)
            member = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            member.compress_type = info.compress_type
            member.external_attr = info.external_attr
            dst.writestr(member, content)
    return out.getvalue()
