"""The errors of the files the views write and read, kept importable from here.

They are defined in :mod:`tco.errors` with every other error.
"""

from __future__ import annotations

from tco.errors import FormError, OutputError

__all__ = ["FormError", "OutputError"]
