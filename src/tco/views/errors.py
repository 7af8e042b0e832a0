"""Errors of the output and input files the views write and read."""

from __future__ import annotations

from tco.errors import FormError, TCOError

__all__ = ["FormError", "OutputError"]


class OutputError(TCOError, ValueError):
    """An output cannot be written as asked (an unknown file type, a missing extra)."""
