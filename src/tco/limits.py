"""tco's resource limits, in one place.

Every input that could make tco use unbounded memory or time is capped, and
going over a cap raises :class:`~tco.errors.LimitError` (a
:class:`~tco.errors.SpecError`) that names the file, the field and the cap,
instead of exhausting memory. ``docs/limits.md`` lists the caps and why.

The caps are defined next to the code that enforces them and re-exported
here; :data:`MAX_SAMPLES` and :data:`MAX_CELLS` are defined here.

Examples
--------
>>> from tco import limits
>>> limits.MAX_PERIOD, limits.MAX_FORMULA_LENGTH
(200, 2000)
>>> limits.check_samples(10_000)
>>> limits.check_samples(10**9)
Traceback (most recent call last):
...
tco.errors.LimitError: samples: 1000000000 samples; at most 1000000 are allowed
"""

from __future__ import annotations

from collections.abc import Sequence

from tco.errors import LimitError, SpecError
from tco.plan import MAX_BIDS, MAX_PERIOD
from tco.spec.expr import MAX_DEPTH as MAX_FORMULA_DEPTH
from tco.spec.expr import MAX_LENGTH as MAX_FORMULA_LENGTH
from tco.spec.yamlio import MAX_ALIASES, MAX_BYTES, MAX_DEPTH, MAX_NODES
from tco.units import _MAX_TEXT as MAX_VALUE_LENGTH

__all__ = [
    "MAX_ALIASES",
    "MAX_BIDS",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_DEPTH",
    "MAX_FORMULA_DEPTH",
    "MAX_FORMULA_LENGTH",
    "MAX_NODES",
    "MAX_PERIOD",
    "MAX_SAMPLES",
    "MAX_VALUE_LENGTH",
    "check_result_size",
    "check_samples",
]

#: Most Monte Carlo samples one run may draw (``--samples`` in the CLI).
MAX_SAMPLES = 1_000_000
#: Most cells (bids x streams x years) in one result's cash-flow array;
#: 20 million float64 cells are 160 MB per array.
MAX_CELLS = 20_000_000


def check_samples(
    samples: int, *, file: str | None = None, path: Sequence[str | int] = ("samples",)
) -> None:
    """Raise :class:`~tco.errors.LimitError` unless ``1 <= samples <= MAX_SAMPLES``.

    Parameters
    ----------
    samples : int
        The number of samples asked for.
    file : str, optional
        The file that asked, for the message.
    path : sequence of str or int
        The field that asked (``("uncertainty", "samples")``, or ``("samples",)``
        for the command line's ``--samples``).
    """
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise SpecError(
            f"got {samples!r}, expected a whole number of samples of at least 1",
            file=file,
            path=path,
            value=samples,
            expected="a whole number of at least 1",
        )
    if samples > MAX_SAMPLES:
        raise LimitError(
            f"{samples} samples; at most {MAX_SAMPLES} are allowed",
            file=file,
            path=path,
            value=samples,
            expected=f"at most {MAX_SAMPLES} samples",
        )


def check_result_size(bids: int, streams: int, years: int, *, file: str | None = None) -> None:
    """Raise :class:`~tco.errors.LimitError` if a result would exceed :data:`MAX_CELLS`.

    Parameters
    ----------
    bids, streams, years : int
        The sizes of the result's axes: bids, streams (cost items and emissions), years
        ``0 .. T`` (so ``T + 1``).
    file : str, optional
        The tender file, for the message.

    Examples
    --------
    >>> check_result_size(3, 4, 16)
    >>> check_result_size(100_000, 10, 201, file="big.yaml")
    Traceback (most recent call last):
    ...
    tco.errors.LimitError: big.yaml: bids: 100000 bids x 10 streams x 201 years ...
    """
    cells = bids * max(streams, 1) * years
    if cells > MAX_CELLS:
        raise LimitError(
            f"{bids} bids x {streams} streams x {years} years are {cells} cells; "
            f"one result holds at most {MAX_CELLS}: evaluate the bids in batches "
            "or shorten the period",
            file=file,
            path=("bids",),
            value=cells,
            expected=f"at most {MAX_CELLS} cells",
        )
