"""Batch evaluation of a table sent to the HTTP service: JSON records, CSV or Arrow.

JSON (``application/json``) is one object: ``model`` (a bundled model's id
or an inline model), optional ``basis``, ``assumptions``, ``parameters`` and
``units`` as in :func:`tco.batch.evaluate_batch`, and ``rows``, a list of
records of numbers, one per item (``name`` optional); another key is refused.
CSV (``text/csv``, a header row, a ``name`` column optional) and Arrow IPC
streams (``application/vnd.apache.arrow.stream``, needs pyarrow) carry the
rows only; the model comes from ``?model=ID``, the bases from ``?basis=ID``
(repeatable) and the other query parameters are the assumptions
(``?model=indoor-lighting&period=15 year``). The answer is a ``batch``
document.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from typing_extensions import NotRequired, TypedDict

from tco.errors import LimitError, MissingExtraError, ModelNotFoundError, SpecError

__all__ = ["ARROW", "CSV", "BatchRequest", "batch_document", "run_batch"]

CSV = "text/csv"
ARROW = "application/vnd.apache.arrow.stream"
BODY = "<request>"


def _model(ref: Any) -> Any:
    import tco

    if isinstance(ref, str) and ref in tco.bundled_models():
        return ref
    if isinstance(ref, Mapping):
        return dict(ref)
    raise ModelNotFoundError(
        f"no bundled model '{ref}'; give a bundled model's id (GET /models) or the model inline",
        file=BODY,
        path=("model",),
        value=ref,
        expected="a bundled model's id",
    ).speaks("service_batch_no_model", name=str(ref))


def _number(value: Any, row: int, column: str, convention: str | None = None) -> float:
    """A cell as a number: JSON numbers as they are, text read by the value grammar.

    Text is read in ``convention`` (``"da"``: ``1.450,5``); without one, a number
    the two formats read differently (``1.450``) is refused with both readings,
    never read as Python's ``float`` would.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        from tco.units.numbers import scan_number
        from tco.units.values import parse_value

        text = value.strip() if isinstance(value, str) else ""
        scanned = scan_number(text)
        if scanned is None or scanned[3].strip():  # not one number, or a number and a unit
            raise SpecError(
                f"got {value!r}, expected a number in the column's unit",
                file=BODY,
                path=("rows", row, column),
                value=value,
                expected="a number",
            ).speaks("service_not_number", shown=repr(value))
        q = parse_value(text, None, convention=convention, path=("rows", row, column), file=BODY)
        value = float(q.magnitude)
    if not math.isfinite(value):
        raise SpecError(
            "the value is not finite", file=BODY, path=("rows", row, column), value=str(value)
        ).speaks("service_not_finite")
    return float(value)


def _columns(
    records: list[Any], max_rows: int, convention: str | None = None
) -> tuple[dict[str, Any], list[str] | None]:
    if len(records) > max_rows:
        raise LimitError(
            f"{len(records)} rows; the service evaluates at most {max_rows} per request",
            file=BODY,
            path=("rows",),
            expected=f"at most {max_rows} rows",
        ).speaks("service_too_many_rows", n_q=len(records), cap_q=max_rows)
    if not records:
        raise SpecError("no rows", file=BODY, path=("rows",), expected="at least one row").speaks(
            "service_no_rows"
        )
    names: list[str] | None = None
    columns: dict[str, list[float]] = {}
    first = records[0]
    if not isinstance(first, Mapping):
        raise SpecError(
            "each row is an object", file=BODY, path=("rows", 0), expected="an object"
        ).speaks("service_row_object")
    keys = [k for k in first if k != "name"]
    if "name" in first:
        names = []
    for i, rec in enumerate(records):
        if not isinstance(rec, Mapping) or set(rec) != set(first):
            raise SpecError(
                "every row has the keys of the first row",
                file=BODY,
                path=("rows", i),
                expected=", ".join(map(str, first)),
            ).speaks("service_row_keys", keys_list=[str(k) for k in first])
        if names is not None:
            names.append(str(rec["name"]))
        for k in keys:
            columns.setdefault(str(k), []).append(_number(rec[k], i, str(k), convention))
    return {k: np.array(v, dtype=np.float64) for k, v in columns.items()}, names


class BatchRequest(TypedDict):
    """A JSON batch request: the model, the buyer's values and one record per item."""

    #: a bundled model's id, or the model itself
    model: str | dict[str, Any]
    #: bases of official data (later ones win)
    basis: NotRequired[str | list[str] | None]
    #: the tender's assumptions (period, discount_rate, ...), values as in a tender
    assumptions: NotRequired[dict[str, Any] | None]
    #: values of the model's buyer parameters shared by every row, as in a tender
    parameters: NotRequired[dict[str, Any] | None]
    #: the unit of a column whose numbers are not in the parameter's own unit
    units: NotRequired[dict[str, str] | None]
    #: one record per item: numbers (or a number as text) by parameter; ``name`` optional
    rows: list[dict[str, float | str]]


#: The keys of a JSON batch request.
KEYS = ("model", "basis", "assumptions", "parameters", "units", "rows")


def _query(params: Mapping[str, Any]) -> dict[str, Any]:
    assumptions = {k: v for k, v in params.items() if k not in ("model", "basis")}
    basis = params.get("basis")
    return {"model": params.get("model"), "basis": basis, "assumptions": assumptions or None}


def _read(body: bytes, media_type: str, params: Mapping[str, Any], max_rows: int) -> Any:
    from tco.service.bodies import parse_body

    if media_type == CSV:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SpecError("the CSV body is not UTF-8", file=BODY).speaks(
                "service_csv_utf8"
            ) from None
        head = text.split("\n", 1)[0]
        # A Danish spreadsheet writes ';' between fields and a decimal comma within them.
        danish = ";" in head and "," not in head
        records = _csv_records(text, ";" if danish else ",", max_rows)
        convention = params.get("number_format") or ("da" if danish else None)
        return _query(params), *_columns(records, max_rows, convention)
    if media_type == ARROW:
        try:
            import pyarrow as pa
        except ImportError:  # pragma: no cover - depends on the environment
            raise MissingExtraError("Arrow bodies need pyarrow on the server").speaks(
                "service_needs_pyarrow"
            ) from None
        table = _arrow_table(pa, body, max_rows)
        return _query(params), *_columns(table.to_pylist(), max_rows)
    data = parse_body(body, media_type)
    for key in data:
        if key not in KEYS:
            from tco.errors import suggest, suggest_name

            raise SpecError(
                f"unknown key '{key}'{suggest(str(key), KEYS)}; a batch request has the keys "
                + ", ".join(KEYS),
                file=BODY,
                path=(str(key),),
                value=key,
                expected="one of " + ", ".join(KEYS),
            ).speaks(
                "service_batch_key",
                name=str(key),
                hint=suggest_name(str(key), KEYS),
                keys_list=KEYS,
            )
    rows = data.get("rows")
    if not isinstance(rows, list):
        raise SpecError(
            "give the rows as a list", file=BODY, path=("rows",), expected="a list"
        ).speaks("service_rows_list")
    stated = data.get("assumptions")
    convention = stated.get("number_format") if isinstance(stated, Mapping) else None
    return data, *_columns(rows, max_rows, convention if isinstance(convention, str) else None)


def _csv_records(text: str, delimiter: str, max_rows: int) -> list[dict[Any, Any]]:
    """The rows of a CSV body, each a mapping of its header's columns, within the caps.

    A column named twice is refused (never read as the last one), and so is a cell
    longer than :data:`~tco.limits.SERVICE_MAX_CELL` characters or text the CSV
    reader cannot read: each as a :class:`~tco.errors.SpecError`, never a failure of
    the service.
    """
    from tco.limits import SERVICE_MAX_CELL

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    records: list[dict[Any, Any]] = []
    header: list[str] | None = None
    try:
        for fields in itertools.islice(reader, max_rows + 2):  # the cap holds while reading
            for cell in fields:
                if len(cell) > SERVICE_MAX_CELL:
                    raise LimitError(
                        f"a cell on line {reader.line_num} is over {SERVICE_MAX_CELL} characters",
                        file=BODY,
                        path=("rows",),
                        value=f"{cell[:20]}...",
                        expected=f"cells of at most {SERVICE_MAX_CELL} characters",
                    ).speaks("service_csv_cell", line_q=reader.line_num, cap_q=SERVICE_MAX_CELL)
            if header is None:
                header = fields
                seen: set[str] = set()
                for name in header:
                    if name in seen:
                        raise SpecError(
                            f"the column '{name}' appears twice in the header; give each "
                            "column once",
                            file=BODY,
                            path=("rows",),
                            value=name,
                            expected="each column once",
                        ).speaks("service_csv_duplicate", name=name)
                    seen.add(name)
                continue
            if not fields:
                continue  # a blank line, as csv.DictReader skips it
            # csv.DictReader's convention: a missing cell is None, extra cells are under None
            record: dict[Any, Any] = {
                name: fields[i] if i < len(fields) else None for i, name in enumerate(header)
            }
            if len(fields) > len(header):
                record[None] = fields[len(header) :]
            records.append(record)
    except csv.Error as exc:  # a cell past csv's own field limit, or a stray quote
        line = reader.line_num
        if "field limit" in str(exc):
            raise LimitError(
                f"a cell on line {line} is over {SERVICE_MAX_CELL} characters",
                file=BODY,
                path=("rows",),
                expected=f"cells of at most {SERVICE_MAX_CELL} characters",
            ).speaks("service_csv_cell", line_q=line, cap_q=SERVICE_MAX_CELL) from None
        raise SpecError(
            f"the CSV body cannot be read on line {line}: {exc}", file=BODY, path=("rows",)
        ).speaks("service_csv_unreadable", line_q=line, detail=str(exc)) from None
    return records


def _arrow_table(pa: Any, body: bytes, max_rows: int) -> Any:
    """The table of an Arrow IPC stream, checked before and after it is read.

    Before anything is decompressed, each message's metadata is read for the rows it
    declares and the size its buffers unpack to (at most ``max_rows`` rows in all, at
    most :data:`~tco.limits.SERVICE_MAX_ARROW_BYTES`); the columns must be numbers (and
    text for ``name``); once read, the table is validated in full (every offset within
    its buffer), so a stream whose offsets point elsewhere is refused, never read from
    the server's memory.
    """
    from tco.service.arrow import check_stream

    try:
        check_stream(body, max_rows)
        reader = pa.ipc.open_stream(body)
        for f in reader.schema:
            t = f.type
            if pa.types.is_dictionary(t):
                t = t.value_type
            ok = pa.types.is_integer(t) or pa.types.is_floating(t)
            if f.name == "name":
                ok = ok or pa.types.is_string(t) or pa.types.is_large_string(t)
            if not ok:
                raise SpecError(
                    f"the Arrow column '{f.name}' is of type {f.type}; send numbers, and text "
                    "for 'name'",
                    file=BODY,
                    path=("rows", f.name),
                    value=str(f.type),
                    expected="numbers",
                ).speaks("service_arrow_column", name=f.name, type=str(f.type))
        table = reader.read_all()
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError, ValueError) as exc:
        if isinstance(exc, SpecError):
            raise
        raise SpecError(f"not an Arrow IPC stream: {exc}", file=BODY).speaks(
            "service_not_arrow", detail=str(exc)
        ) from None
    try:
        table.validate(full=True)
    except pa.ArrowInvalid as exc:
        raise SpecError(f"the Arrow stream is not consistent: {exc}", file=BODY).speaks(
            "service_arrow_invalid", detail=str(exc)
        ) from None
    return table


def batch_document(model: str, out: Mapping[str, Any], names: list[str] | None) -> dict[str, Any]:
    """The ``batch`` document: one record per row, with stable keys."""
    from tco.spec.schema import CATEGORIES
    from tco.views.contract import SCHEMA_VERSION

    n = len(out["total"])
    cats = [c for c in CATEGORIES if c in out]
    subs = [k[: -len("_kg")] for k in out if k.endswith("_kg")]
    cols = {k: np.asarray(v).tolist() for k, v in out.items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "batch",
        "model": model,
        "rows": [
            {
                "row": i,
                "name": names[i] if names is not None else None,
                "total": cols["total"][i],
                "annualised": cols["annualised"][i],
                "total_excl_externalities": cols["total_excl_externalities"][i],
                "period": int(cols["period"][i]),
                "by_category": [{"category": c, "present_value": cols[c][i]} for c in cats],
                "emissions": [{"substance": s, "mass_kg": cols[f"{s}_kg"][i]} for s in subs],
            }
            for i in range(n)
        ],
    }


def run_batch(
    body: bytes, media_type: str, params: Mapping[str, Any], *, max_rows: int
) -> tuple[int, str, bytes, dict[str, str]]:
    """Evaluate the rows of a batch request (see the module's text)."""
    from tco.batch import BatchEvaluator
    from tco.views.documents import dumps

    data, columns, names = _read(body, media_type, params, max_rows)
    model = _model(data.get("model"))
    try:
        ev = BatchEvaluator(
            model,
            data.get("assumptions"),
            data.get("parameters"),
            units=data.get("units"),
            basis=data.get("basis"),
        )
        out = ev.evaluate(columns)
    except SpecError as err:
        raise err.located(BODY) from None
    doc = batch_document(ev.model.id, out, names)
    return 200, "application/json", dumps(doc, indent=None).encode("utf-8"), {}
