"""The exceptions tco raises on purpose.

Every problem with user input is a :class:`TCOError`. Subclasses also inherit
the built-in exception a caller would expect (``ValueError``, ``TypeError``,
``LookupError``), so ``except ValueError`` keeps working in code that does not
know tco.

A :class:`SpecError` carries the facts of the problem as attributes: the
``file`` it was found in, the ``path`` of the field (``bids[1].power``), the
``value`` that was given and what was ``expected``. Its message is built from
them, so a message always reads::

    examples/lighting.yaml: bids[1].power: got '38 kg', expected a power such as '38 W'
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from typing import Any, TypeVar

__all__ = [
    "AnalysisError",
    "CurrencyError",
    "ExpressionError",
    "FileError",
    "FormError",
    "LimitError",
    "MissingExtraError",
    "ModelNotFoundError",
    "OutputError",
    "SpecError",
    "SpecErrors",
    "TCOError",
    "UnitError",
    "YAMLError",
    "format_path",
    "suggest",
    "suggest_name",
]

PathPart = str | int
_E = TypeVar("_E", bound="TCOError")


def format_path(path: Sequence[PathPart]) -> str:
    """Write a field path the way a user reads it.

    Parameters
    ----------
    path : sequence of str or int
        Keys and list indices from the top of the document.

    Returns
    -------
    str
        The path in dotted form with list indices in brackets.

    Examples
    --------
    >>> format_path(["bids", 1, "power"])
    'bids[1].power'
    >>> format_path([])
    ''
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def suggest(name: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or ``""``.

    Examples
    --------
    >>> suggest("powr", ["power", "price"])
    " (did you mean 'power'?)"
    >>> suggest("zzz", ["power"])
    ''
    """
    match = suggest_name(name, choices)
    return f" (did you mean '{match}'?)" if match else ""


def suggest_name(name: str, choices: Iterable[str]) -> str:
    """The choice closest to ``name`` (a misspelling of it), or ``""``.

    Examples
    --------
    >>> suggest_name("powr", ["power", "price"]), suggest_name("zzz", ["power"])
    ('power', '')
    """
    match = get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return match[0] if match else ""


def _restore(cls: type[TCOError], args: tuple[Any, ...], state: dict[str, Any]) -> TCOError:
    """Rebuild a pickled error without calling its ``__init__`` (:meth:`TCOError.__reduce__`)."""
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class TCOError(Exception):
    """Base class of every error tco raises on purpose.

    Every error pickles with its attributes (a process pool or a Dask worker
    hands it back to the caller intact):

    >>> import pickle
    >>> err = SpecError("bad", file="t.yaml", path=("bids", 0), value=3)
    >>> back = pickle.loads(pickle.dumps(err))
    >>> str(back), back.path, back.value
    ('t.yaml: bids[0]: bad', ('bids', 0), 3)
    """

    #: The id of the message in the catalogue of error texts (``None``: English only).
    message_id: str | None = None
    #: The facts the message's text is built from (picklable values).
    params: dict[str, Any] = {}  # noqa: RUF012 - replaced, never changed, per instance

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))

    def speaks(self: _E, message_id: str, /, **params: Any) -> _E:
        """Name this error's message in the catalogue, so it can be shown in other languages.

        The English message (``str(err)``) is unchanged; :func:`tco.views.error_text.error_text`
        renders the message ``message_id`` with ``params`` in the buyer's language.

        Examples
        --------
        >>> err = SpecError("this key is required", path=("bids",)).speaks("required")
        >>> err.message_id, str(err)
        ('required', 'bids: this key is required')
        """
        self.message_id = message_id
        self.params = dict(params)
        return self


class AnalysisError(TCOError, ValueError):
    """An analysis was asked for something it cannot do with this tender.

    Changing an input twice, a per-bid value for an assumption that is the
    same for every bid, a baseline without its tender, ...
    """


class OutputError(TCOError, ValueError):
    """An output cannot be written as asked (an unknown file type, a missing extra)."""


class MissingExtraError(OutputError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


class SpecError(TCOError, ValueError):
    """A model or tender says something invalid.

    Parameters
    ----------
    message : str
        What is wrong, and how to fix it.
    file : str, optional
        The file the problem was found in.
    path : sequence of str or int
        The field path from the top of the document.
    value : object, optional
        The value that was given.
    expected : str, optional
        What was expected instead.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        path: Sequence[PathPart] = (),
        value: object = None,
        expected: str | None = None,
    ) -> None:
        self.reason = message
        self.file = file
        self.path = tuple(path)
        self.value = value
        self.expected = expected
        super().__init__(self._render())

    def _render(self) -> str:
        where = [part for part in (self.file, format_path(self.path)) if part]
        prefix = ": ".join(where)
        return f"{prefix}: {self.reason}" if prefix else self.reason

    def __str__(self) -> str:
        return self._render()

    def located(self, file: str | None = None, prefix: Sequence[PathPart] = ()) -> SpecError:
        """A copy of this error with a file name and a path prefix filled in.

        The copy has the original class, so ``raise err.located(...)`` raises
        the same kind of error; ``err`` itself is not changed.

        Examples
        --------
        >>> err = SpecError("got 'x'", path=("power",))
        >>> str(err.located("t.yaml", ("bids", 1)))
        "t.yaml: bids[1].power: got 'x'"
        >>> str(err)
        "power: got 'x'"
        """
        out = copy.copy(self)
        if file is not None and out.file is None:
            out.file = file
        out.path = (*prefix, *out.path)
        out.args = (out._render(),)
        return out


class UnitError(SpecError, TypeError):
    """A value or formula has the wrong unit or dimension."""


class CurrencyError(UnitError):
    """Money in two currencies meets without a stated exchange rate."""


class ExpressionError(SpecError):
    """A formula in a product model cannot be parsed or evaluated."""


class YAMLError(SpecError):
    """A file is not valid YAML, not UTF-8, or not a mapping."""


class JSONError(SpecError):
    """A JSON document (a request body) is not valid JSON, or not an object."""


class LimitError(SpecError):
    """An input exceeds one of tco's documented resource limits."""


class FileError(SpecError):
    """A file cannot be read or written where asked (not a regular file, a folder, missing)."""


class FormError(SpecError):
    """A filled bid form holds something invalid, or is not a bid form at all.

    The message names the file, the sheet, the cell and the parameter, as in::

        forms/nord.xlsx: sheet 'Bid', cell D10 (power): got '38 kg', expected a power such as '38 W'

    Parameters
    ----------
    message : str
        What is wrong, and how to fix it.
    file : str
        The workbook.
    sheet : str, optional
        The worksheet.
    cell : str, optional
        The cell, as ``"D10"``.
    field : str, optional
        The parameter the cell holds.
    value : object, optional
        What the cell holds.
    expected : str, optional
        What was expected instead.

    Examples
    --------
    >>> str(FormError("no value; fill it in", file="f.xlsx", sheet="Bid", cell="D9", field="price"))
    "f.xlsx: sheet 'Bid', cell D9 (price): no value; fill it in"
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        field: str | None = None,
        value: object = None,
        expected: str | None = None,
    ) -> None:
        self.sheet = sheet
        self.cell = cell
        self.field = field
        super().__init__(message, file=file, value=value, expected=expected)

    def _render(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        place = []
        if getattr(self, "sheet", None):
            place.append(f"sheet '{self.sheet}'")
        if getattr(self, "cell", None):
            cell = f"cell {self.cell}"
            if getattr(self, "field", None):
                cell += f" ({self.field})"
            place.append(cell)
        elif getattr(self, "field", None):
            place.append(str(self.field))
        if place:
            where.append(", ".join(place))
        prefix = ": ".join(where)
        return f"{prefix}: {self.reason}" if prefix else self.reason


class ModelNotFoundError(SpecError, LookupError):
    """A tender names a product model that cannot be found."""


class SpecErrors(SpecError):
    """Several problems found at once; ``errors`` lists each of them."""

    def __init__(self, errors: Sequence[SpecError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        lines = [f"{len(self.errors)} problems found:"] + [f"  - {e}" for e in self.errors]
        super().__init__("\n".join(lines))
        self.file = first.file
        self.speaks("problems", n=len(self.errors))

    def _render(self) -> str:
        return self.reason

    def located(self, file: str | None = None, prefix: Sequence[PathPart] = ()) -> SpecError:
        """A copy with every contained error located (see :meth:`SpecError.located`)."""
        return SpecErrors([err.located(file, prefix) for err in self.errors])


class ErrorList:
    """Collect errors so that a check can report every problem, not just the first."""

    def __init__(self) -> None:
        self.errors: list[SpecError] = []

    def add(self, error: SpecError) -> None:
        """Record one error (the members of a :class:`SpecErrors` one by one)."""
        if isinstance(error, SpecErrors):
            self.errors.extend(error.errors)
        else:
            self.errors.append(error)

    def raise_if_any(self) -> None:
        """Raise the one error, or a :class:`SpecErrors` holding several."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise SpecErrors(self.errors)


__all__ += ["ServiceError"]


class ServiceError(TCOError, RuntimeError):
    """The HTTP service could not answer a request that may well be right.

    Its queue was full, a worker stopped while it computed, or a failure
    nobody foresaw: the service answers an ``error`` document with a 5xx
    status, never a traceback.
    """


__all__ += ["RequestError"]


class RequestError(TCOError, ValueError):
    """The HTTP service does not offer what a request asks for, whatever its body says.

    An address it does not have (404), a method the address does not take
    (405, with the methods it takes), a body of a type it does not read (415).
    The tender itself is not at fault: it was never read.

    Parameters
    ----------
    message : str
        What is wrong, and how to fix it.
    value : object, optional
        What the request gave: the address, the method, the media type.
    expected : str, optional
        What the service takes instead.
    path : tuple, optional
        The query parameter at fault (``("samples",)``), if one is.

    Examples
    --------
    >>> import pickle
    >>> err = RequestError("no such address", value="/nowhere", expected="GET /openapi.json")
    >>> back = pickle.loads(pickle.dumps(err))
    >>> str(back), back.value, back.expected, back.path
    ('no such address', '/nowhere', 'GET /openapi.json', ())
    """

    def __init__(
        self,
        message: str,
        *,
        value: object = None,
        expected: str | None = None,
        path: tuple[PathPart, ...] = (),
    ) -> None:
        self.value = value
        self.expected = expected
        self.path = tuple(path)
        super().__init__(message)
