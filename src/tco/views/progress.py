"""A one-line progress bar for long runs, on a terminal only."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    r"""Show ``label [#####.....] 50 %`` on standard error while work goes on.

    Call it with ``(done, total)`` after each piece of work. It draws only on a
    terminal and only once the run has taken ``min_seconds``, so quick runs and
    output piped to a file stay clean. :meth:`close` clears the line.

    Parameters
    ----------
    label : str
        What is being done.
    stream : file, optional
        Where to draw; standard error by default.
    min_seconds : float
        Draw nothing before this much time has passed. [s]
    width : int
        Width of the bar. [characters]

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self) -> bool:
    ...         return True
    >>> out = Terminal()
    >>> bar = ProgressBar("Monte Carlo", stream=out, min_seconds=0, width=10)
    >>> bar(1, 2)
    >>> out.getvalue()
    '\rMonte Carlo [#####.....]  50 %'
    """

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        min_seconds: float = 0.5,
        width: int = 30,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.min_seconds = min_seconds
        self.width = width
        self.start = time.perf_counter()
        self.drawn = False
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        """Draw the bar for ``done`` out of ``total``."""
        if not self.enabled or total <= 0:
            return
        if time.perf_counter() - self.start < self.min_seconds:
            return
        share = min(max(done / total, 0.0), 1.0)
        filled = round(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%}".replace("%", " %"))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the line if anything was drawn."""
        if self.drawn:
            self.stream.write("\r" + " " * (len(self.label) + self.width + 10) + "\r")
            self.stream.flush()
            self.drawn = False
