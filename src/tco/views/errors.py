"""Errors of the output and input files the views write and read."""

from __future__ import annotations

from tco.errors import SpecError, TCOError

__all__ = ["FormError", "OutputError"]


class OutputError(TCOError, ValueError):
    """An output cannot be written as asked (an unknown file type, a missing extra)."""


class FormError(SpecError):
    """A filled bid form holds something invalid.

    The message names the file, the sheet and the cell, as in::

        forms/nord.xlsx: sheet 'Bid', cell C8 (power): got '38 kg', expected a power such as '38 W'

    Parameters
    ----------
    message : str
        What is wrong, and how to fix it.
    file : str
        The workbook.
    sheet : str, optional
        The worksheet.
    cell : str, optional
        The cell, as ``"C8"``.
    field : str, optional
        The parameter the cell holds.
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
        if place:
            where.append(", ".join(place))
        prefix = ": ".join(where)
        return f"{prefix}: {self.reason}" if prefix else self.reason
