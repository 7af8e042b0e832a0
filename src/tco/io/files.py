"""Read input files and check output paths, with the checks done before any byte is read.

An input must be a regular file of at most :data:`~tco.limits.MAX_BYTES` bytes:
a device (``/dev/zero``), a FIFO or a folder is refused with a message before it
is opened for reading, so that nothing waits forever or reads without end. An
output path must not be one of the inputs, a folder, or in a folder that does
not exist. :func:`read_input_within` reads a file found in a folder (a
portfolio's) only where it lies in that folder: a symbolic link (or a linked
subfolder) leading out of it is refused before anything is read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from tco.errors import FileError, LimitError
from tco.limits import MAX_BYTES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input_bytes(path: str | Path, *, limit: int = MAX_BYTES) -> bytes:
    """Read a whole input file, refusing anything but a regular file of at most ``limit`` bytes.

    Parameters
    ----------
    path : str or path
        The file.
    limit : int
        The most bytes to read. [bytes]

    Returns
    -------
    bytes

    Raises
    ------
    FileError
        If the path is missing, unreadable, a folder, a device or a FIFO.
    LimitError
        If the file is larger than ``limit``.

    Examples
    --------
    >>> read_input_bytes("/dev/null")
    Traceback (most recent call last):
    ...
    tco.errors.FileError: /dev/null: is a device, not a file; give the path of a file
    """
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _unreadable(exc, name) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileError(
            f"is {_kind(info.st_mode)}, not a file; give the path of a file",
            file=name,
            expected="a regular file",
        ).speaks("not_a_file")
    if info.st_size > limit:
        raise _too_big(info.st_size, limit, name)
    try:
        # O_NONBLOCK: a FIFO swapped in after the check must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise FileError(
                    "is not a regular file; give the path of a file",
                    file=name,
                    expected="a regular file",
                ).speaks("not_a_file")
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise _unreadable(exc, name) from None
    if len(raw) > limit:
        raise _too_big(len(raw), limit, name)
    return raw


def _unreadable(exc: OSError, name: str) -> FileError:
    err = FileError(
        f"cannot read the file ({exc.strerror or exc})", file=name, expected="a readable file"
    )
    if isinstance(exc, FileNotFoundError):
        return err.speaks("file_missing")
    return err.speaks("file_unreadable", reason=exc.strerror or str(exc))


def _too_big(size: int, limit: int, name: str) -> LimitError:
    return LimitError(
        f"file is {size} bytes; tco reads files of at most {limit} bytes",
        file=name,
        expected=f"at most {limit} bytes",
    ).speaks("file_too_big", size_q=str(size), cap_q=str(limit))


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, as 64 hexadecimal digits.

    Examples
    --------
    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def check_output_path(
    path: str | Path, *, inputs: Iterable[str | Path] = (), what: str = "output"
) -> Path:
    """Check that ``path`` can be written: not an input, not a folder, in a folder that exists.

    Parameters
    ----------
    path : str or path
        The file to write.
    inputs : iterable of str or path
        The files read (a tender, its model, bid forms), never to be overwritten.
    what : str
        What is written, for the message (``"workbook"``, ``"report"``).

    Returns
    -------
    Path

    Raises
    ------
    FileError
        If the path cannot or must not be written.

    Examples
    --------
    >>> check_output_path("/nonexistent-folder/out.xlsx", what="workbook")
    Traceback (most recent call last):
    ...
    tco.errors.FileError: /nonexistent-folder/out.xlsx: cannot write the workbook: \
the folder /nonexistent-folder does not exist; create it first or write elsewhere
    """
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise FileError(
            f"cannot write the {what}: this is a folder; give a file name inside it",
            file=name,
            expected="a file path",
        ).speaks("write_folder")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise FileError(
            f"cannot write the {what}: the folder {parent} does not exist; "
            "create it first or write elsewhere",
            file=name,
            expected="a path in an existing folder",
        ).speaks("write_no_folder", folder=str(parent))
    if p.exists() and not p.is_file():
        raise FileError(
            f"cannot write the {what}: this is not a regular file",
            file=name,
            expected="a regular file path",
        ).speaks("write_not_file", what=what)
    target = p.resolve()
    for source in inputs:
        if Path(source).resolve() == target:
            raise FileError(
                f"cannot write the {what} over an input file; give another file name",
                file=name,
                expected="a path that is not an input",
            ).speaks("write_over_input", what=what)
    return p


def read_input_within(path: str | Path, root: str | Path, *, limit: int = MAX_BYTES) -> bytes:
    """:func:`read_input_bytes` of a file found in the folder ``root``, which it must not leave.

    The path is resolved (every symbolic link, of the file or of a folder on the way,
    and every ``..``) and refused unless it lies in ``root``; the resolved path is
    then read as :func:`read_input_bytes` reads it: a regular file of at most
    ``limit`` bytes, never a folder, FIFO or device, and never waiting.

    Parameters
    ----------
    path : str or path
        The file, as found in the folder.
    root : str or path
        The folder it must lie in.
    limit : int
        The most bytes to read. [bytes]

    Returns
    -------
    bytes

    Raises
    ------
    FileError
        If the path leads out of ``root``, or as :func:`read_input_bytes`.
    LimitError
        If the file is larger than ``limit``.

    Examples
    --------
    >>> import os, tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> os.symlink("/etc/hostname", d / "t.yaml")
    >>> read_input_within(d / "t.yaml", d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tco.errors.FileError: .../t.yaml: is a symbolic link (or in a linked folder) leading out of \
the folder ...; tco reads only the files in the folder itself
    """
    name = str(path)
    real = check_within(path, root)
    try:  # the resolved path: a link swapped after the check is not followed
        return read_input_bytes(real, limit=limit)
    except (FileError, LimitError) as err:
        err.file = name  # said at the path as found in the folder
        err.args = (err._render(),)
        raise


def check_within(path: str | Path, root: str | Path) -> str:
    """The resolved ``path``, which must lie in the folder ``root`` (links and ``..`` resolved).

    Raises
    ------
    FileError
        If ``path`` leads out of ``root`` (a symbolic link, a linked folder, ``..``).

    Examples
    --------
    >>> check_within("/tmp/../etc/hostname", "/tmp")
    Traceback (most recent call last):
    ...
    tco.errors.FileError: /tmp/../etc/hostname: is a symbolic link (or in a linked folder) \
leading out of the folder /tmp; tco reads only the files in the folder itself
    """
    folder = os.path.realpath(root)
    real = os.path.realpath(path)
    if os.path.commonpath([folder, real]) != folder:
        raise FileError(
            f"is a symbolic link (or in a linked folder) leading out of the folder {root}; "
            "tco reads only the files in the folder itself",
            file=str(path),
            expected=f"a file in {root}",
        ).speaks("link_outside_folder", folder=str(root))
    return real
