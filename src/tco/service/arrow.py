"""What an Arrow IPC stream declares, read from its metadata before anything is decompressed.

An Arrow stream is a sequence of messages, each a small FlatBuffers header
(the metadata: how many rows a record batch holds, where its buffers lie in the
body, whether they are compressed) followed by a body. A hostile stream of a few
kilobytes can declare millions of rows, or compressed buffers that unpack to
gigabytes. :func:`check_stream` reads every message's metadata with bounds
checks on every read, and refuses the stream before pyarrow decompresses or
allocates anything for it.

The layout read here is Arrow's ``Message.fbs`` and ``Schema.fbs`` (format
version 5): a ``Message`` table (``version``, ``header_type``, ``header``,
``bodyLength``), whose header is a ``RecordBatch`` (``length``, ``nodes``,
``buffers``, ``compression``) or a ``DictionaryBatch`` (``id``, ``data``: a
``RecordBatch``). A compressed buffer starts with its unpacked length as a
little-endian int64 (-1: stored as it is).
"""

from __future__ import annotations

import struct

from tco.errors import LimitError, SpecError
from tco.limits import SERVICE_MAX_ARROW_BYTES

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

BODY = "<request>"
_SCHEMA, _DICTIONARY_BATCH, _RECORD_BATCH = 1, 2, 3
_CONTINUATION = 0xFFFFFFFF


class _Bad(Exception):
    """The metadata is not what Arrow writes."""


class _Table:
    """One FlatBuffers table in ``buf`` at ``pos``, every read checked against the buffer."""

    def __init__(self, buf: bytes, pos: int) -> None:
        self.buf, self.pos = buf, pos
        (soffset,) = self._unpack("<i", pos)
        self.vtable = pos - soffset
        (self.vsize,) = self._unpack("<H", self.vtable)

    def _unpack(self, fmt: str, at: int) -> tuple[int, ...]:
        if at < 0 or at + struct.calcsize(fmt) > len(self.buf):
            raise _Bad(f"a read at {at} outside the metadata")
        return struct.unpack_from(fmt, self.buf, at)

    def _field(self, index: int) -> int | None:
        entry = 4 + 2 * index
        if entry + 2 > self.vsize:
            return None
        (offset,) = self._unpack("<H", self.vtable + entry)
        return self.pos + offset if offset else None

    def scalar(self, index: int, fmt: str, default: int = 0) -> int:
        at = self._field(index)
        return default if at is None else self._unpack(fmt, at)[0]

    def table(self, index: int) -> _Table | None:
        at = self._field(index)
        if at is None:
            return None
        (offset,) = self._unpack("<I", at)
        return _Table(self.buf, at + offset)

    def structs(self, index: int, size: int) -> list[tuple[int, int]]:
        """A vector of structs of two int64 each (``FieldNode``, ``Buffer``)."""
        at = self._field(index)
        if at is None:
            return []
        (offset,) = self._unpack("<I", at)
        start = at + offset
        (n,) = self._unpack("<I", start)
        if start + 4 + n * size > len(self.buf):
            raise _Bad("a vector longer than the metadata")
        return [self._unpack("<qq", start + 4 + i * size) for i in range(n)]  # type: ignore[misc]


def _refuse_rows(n: int, cap: int) -> LimitError:
    return LimitError(
        f"the Arrow stream declares {n} rows; the service evaluates at most {cap}",
        file=BODY,
        path=("rows",),
        value=n,
        expected=f"at most {cap} rows",
    ).speaks("service_arrow_rows", n_q=n, cap_q=cap)


def _batch(
    record: _Table, body: bytes, body_at: int, body_length: int, cap: int
) -> tuple[int, int]:
    """The rows and the unpacked bytes of one record batch."""
    length = record.scalar(0, "<q")
    if length < 0:
        raise _Bad("a negative length")
    if length > cap:
        raise _refuse_rows(length, cap)
    for node_length, nulls in record.structs(1, 16):
        if node_length < 0 or nulls < 0 or node_length > cap:
            raise _refuse_rows(node_length, cap)
    compressed = record.table(3) is not None
    unpacked = 0
    for offset, size in record.structs(2, 16):
        if offset < 0 or size < 0 or offset + size > body_length:
            raise _Bad("a buffer outside the message's body")
        if compressed and size >= 8:
            (declared,) = struct.unpack_from("<q", body, body_at + offset)
            unpacked += size - 8 if declared == -1 else declared
            if declared < -1:
                raise _Bad("a negative unpacked length")
        else:
            unpacked += size
    return length, unpacked


def check_stream(body: bytes, max_rows: int) -> None:
    """Refuse an Arrow stream that declares more than the service reads, before it is read.

    Parameters
    ----------
    body : bytes
        The stream as sent.
    max_rows : int
        Most rows the stream may declare in all its record batches (dictionaries too).

    Raises
    ------
    LimitError
        More than ``max_rows`` rows declared, or buffers that unpack to more than
        :data:`~tco.limits.SERVICE_MAX_ARROW_BYTES`.
    SpecError
        Metadata that is not what Arrow writes (the stream is not read).
    """
    rows = unpacked = 0
    at = 0
    try:
        while at + 4 <= len(body):
            (size,) = struct.unpack_from("<I", body, at)
            at += 4
            if size == _CONTINUATION:
                if at + 4 > len(body):
                    raise _Bad("a message cut short")
                (size,) = struct.unpack_from("<I", body, at)
                at += 4
            if size == 0:
                return  # the end of the stream
            if size > len(body) - at:
                raise _Bad("metadata longer than the stream")
            meta = body[at : at + size]
            at += size
            (root,) = struct.unpack_from("<I", meta, 0)
            message = _Table(meta, root)
            kind = message.scalar(1, "<B")
            body_length = message.scalar(3, "<q")
            if body_length < 0 or body_length > len(body) - at:
                raise _Bad("a body longer than the stream")
            header = message.table(2)
            if kind in (_RECORD_BATCH, _DICTIONARY_BATCH) and header is not None:
                record = header if kind == _RECORD_BATCH else header.table(1)
                if record is not None:
                    n, b = _batch(record, body, at, body_length, max_rows)
                    rows += n if kind == _RECORD_BATCH else 0
                    unpacked += b
                    if rows > max_rows:
                        raise _refuse_rows(rows, max_rows)
                    if unpacked > SERVICE_MAX_ARROW_BYTES:
                        raise LimitError(
                            f"the Arrow stream unpacks to over {SERVICE_MAX_ARROW_BYTES} bytes",
                            file=BODY,
                            value=unpacked,
                            expected=f"at most {SERVICE_MAX_ARROW_BYTES} bytes",
                        ).speaks("service_arrow_bytes", cap_q=SERVICE_MAX_ARROW_BYTES)
            at += body_length
    except (_Bad, struct.error) as exc:
        raise SpecError(f"not an Arrow IPC stream: {exc}", file=BODY).speaks(
            "service_not_arrow", detail=str(exc)
        ) from None
