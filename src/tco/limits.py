"""tco's resource limits, in one place.

Every input that could make tco use unbounded memory or time is capped, and
going over a cap raises :class:`~tco.errors.LimitError` (a
:class:`~tco.errors.SpecError`) that names the file, the field and the cap,
instead of exhausting memory. ``docs/limits.md`` lists the caps and why.

Every cap is defined here, and the code that enforces it imports it from
here, so this module is the one list of them (``docs/limits.md``).

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

__all__ = [
    "MAX_ALIASES",
    "MAX_BIDS",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_CHART_BIDS",
    "MAX_DEPTH",
    "MAX_FORMULA_DEPTH",
    "MAX_FORMULA_LENGTH",
    "MAX_FORM_BYTES",
    "MAX_FORM_ELEMENTS",
    "MAX_FORM_MEMBERS",
    "MAX_FORM_MEMBER_BYTES",
    "MAX_FORM_RATIO",
    "MAX_FORM_ROWS",
    "MAX_FORM_UNPACKED",
    "MAX_LINES",
    "MAX_MC_CELLS",
    "MAX_MC_DRAWS",
    "MAX_NODES",
    "MAX_PERIOD",
    "MAX_PROFILE_WEIGHT",
    "MAX_SAMPLES",
    "MAX_UNIT_DEPTH",
    "MAX_UNIT_EXPONENT",
    "MAX_UNIT_FACTORS",
    "MAX_VALUE_LENGTH",
    "MAX_WORKBOOK_BIDS",
    "MAX_WORKBOOK_CELLS",
    "SERVICE_MAX_BODY",
    "SERVICE_MAX_ROWS",
    "SERVICE_MAX_SAMPLES",
    "SERVICE_MAX_SAMPLE_CELLS",
    "SERVICE_TIMEOUT",
    "check_monte_carlo",
    "check_result_size",
    "check_samples",
]

#: Largest file tco reads. [bytes]
MAX_BYTES = 4 * 1024 * 1024
#: Most aliases (``*name``) one YAML document may use.
MAX_ALIASES = 200
#: Deepest nesting of mappings and lists in a YAML document.
MAX_DEPTH = 40
#: Most values a YAML document may hold once its aliases are expanded.
MAX_NODES = 1_000_000
#: Longest formula text. [characters]
MAX_FORMULA_LENGTH = 2000
#: Deepest nesting of a formula's parse tree.
MAX_FORMULA_DEPTH = 60
#: Longest value text such as ``"2.13 DKK/kWh"``. [characters]
MAX_VALUE_LENGTH = 200
#: Deepest nesting of parentheses in a value's unit (``DKK/(kWh year)`` is 1).
MAX_UNIT_DEPTH = 3
#: Largest exponent of a unit (``m^3``); larger ones are refused. [-]
MAX_UNIT_EXPONENT = 4
#: Most unit names and numbers in one value's unit (``kg CO2e/kWh`` has 3).
MAX_UNIT_FACTORS = 12
#: Longest study period tco evaluates. [year]
MAX_PERIOD = 200
#: Most bids in one tender.
MAX_BIDS = 100_000
#: Most product lines in one basket tender.
MAX_LINES = 100
#: Most Monte Carlo samples one run may draw (``--samples`` in the CLI).
MAX_SAMPLES = 1_000_000
#: Most cells (bids x streams x years) in one result's cash-flow array;
#: 20 million float64 cells are 160 MB per array.
MAX_CELLS = 20_000_000
#: Most cells in a result workbook (``--xlsx``); the cash flows of every bid,
#: item and year are one row each. Measured: 250,000 cells are written in
#: 3 to 6 s and 70 MB (openpyxl write-only mode, on a busy 2-core machine).
MAX_WORKBOOK_CELLS = 250_000
#: Most bids a chart draws (the cheapest); a chart of more is unreadable, and
#: the cumulative chart's crossings are found for every pair of bids drawn.
MAX_CHART_BIDS = 40
#: Most Monte Carlo draws (samples x bids) in one run; each draw is one
#: evaluation of one bid. Measured at the cap: about 2 s and 320 MB.
MAX_MC_DRAWS = 5_000_000
#: Most Monte Carlo cells (samples x bids x years) in one run. Measured at the
#: cap (50,000 samples x 50 bids x 201 years): about 1.5 s and 260 MB.
MAX_MC_CELLS = 500_000_000
#: Largest request body the HTTP service reads; larger ones are refused before
#: they are read (413). [bytes]
SERVICE_MAX_BODY = 1024 * 1024
#: Longest time one request of the HTTP service may compute before its worker
#: process is stopped and the request answered 422 (``tco serve --timeout``). [s]
SERVICE_TIMEOUT = 10.0
#: Most Monte Carlo samples one request of the HTTP service may ask for.
SERVICE_MAX_SAMPLES = 20_000
#: Most sampled totals (samples x bids) one Monte Carlo request of the service may hold.
SERVICE_MAX_SAMPLE_CELLS = 10_000_000
#: Most rows one batch request of the HTTP service may hold.
SERVICE_MAX_ROWS = 100_000

#: Largest bid form file (``.xlsx``) tco opens; a blank form is about 10 kB. [bytes]
MAX_FORM_BYTES = 2 * 1024 * 1024
#: Most files inside a bid form's zip archive; a tender's form has about 10, a basket's
#: about 10 and one per line (a sheet each), so a basket of :data:`MAX_LINES` lines fits.
MAX_FORM_MEMBERS = MAX_LINES + 20
#: Largest unpacked size of one file inside a bid form's archive. [bytes]
MAX_FORM_MEMBER_BYTES = 4 * 1024 * 1024
#: Largest unpacked size of all files inside a bid form's archive together. [bytes]
MAX_FORM_UNPACKED = 16 * 1024 * 1024
#: Highest compression ratio (unpacked / packed) of a file over 1 MB inside a
#: bid form's archive; XML written by Excel packs about 5 to 20 times.
MAX_FORM_RATIO = 100
#: Most XML elements (counted as ``<``) in one file inside a bid form's archive.
MAX_FORM_ELEMENTS = 200_000
#: Most rows of a bid form's sheet; a form has one row per bid parameter.
MAX_FORM_ROWS = 1000
#: Bid columns a tender workbook (``tco workbook``) may hold; the columns after them are refused.
MAX_WORKBOOK_BIDS = 500


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
        ).speaks("samples_whole", shown=repr(samples))
    if samples > MAX_SAMPLES:
        raise LimitError(
            f"{samples} samples; at most {MAX_SAMPLES} are allowed",
            file=file,
            path=path,
            value=samples,
            expected=f"at most {MAX_SAMPLES} samples",
        ).speaks("samples_max", n_q=samples, cap_q=MAX_SAMPLES)


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


def check_monte_carlo(
    samples: int,
    bids: int,
    years: int,
    *,
    file: str | None = None,
    path: Sequence[str | int] = ("samples",),
) -> None:
    """Raise :class:`~tco.errors.LimitError` before a Monte Carlo run that is too large.

    The product is capped, not each factor alone: samples x bids at most
    :data:`MAX_MC_DRAWS`, samples x bids x years at most :data:`MAX_MC_CELLS`.

    Parameters
    ----------
    samples, bids, years : int
        The run's samples, the tender's bids and its years ``0 .. T`` (``T + 1``).
    file : str, optional
        The tender file, for the message.
    path : sequence of str or int
        The field that set the samples.

    Examples
    --------
    >>> check_monte_carlo(10_000, 3, 16)
    >>> check_monte_carlo(1_000_000, 100, 16, path=("--samples",))
    Traceback (most recent call last):
    ...
    tco.errors.LimitError: --samples: 1000000 samples x 100 bids are 100000000 draws; ...
    """
    draws = samples * bids
    if draws > MAX_MC_DRAWS:
        raise LimitError(
            f"{samples} samples x {bids} bids are {draws} draws; one Monte Carlo run makes "
            f"at most {MAX_MC_DRAWS}: use at most {max(MAX_MC_DRAWS // max(bids, 1), 1)} "
            "samples, or fewer bids",
            file=file,
            path=path,
            value=samples,
            expected=f"samples x bids at most {MAX_MC_DRAWS}",
        )
    cells = draws * years
    if cells > MAX_MC_CELLS:
        raise LimitError(
            f"{samples} samples x {bids} bids x {years} years are {cells} cells; one Monte "
            f"Carlo run holds at most {MAX_MC_CELLS}: use at most "
            f"{max(MAX_MC_CELLS // max(bids * years, 1), 1)} samples, or a shorter period",
            file=file,
            path=path,
            value=samples,
            expected=f"samples x bids x years at most {MAX_MC_CELLS}",
        )


#: The largest weight of a usage profile (a relative weight; its share is weight / sum).
MAX_PROFILE_WEIGHT = 1_000_000_000

# -- the HTTP service under load and hostile clients (docs/limits.md, "The HTTP service") --------
__all__ += [
    "SERVICE_BODY_TIMEOUT",
    "SERVICE_HEADER_TIMEOUT",
    "SERVICE_KEEP_ALIVE",
    "SERVICE_MAX_ARROW_BYTES",
    "SERVICE_MAX_CELL",
    "SERVICE_MAX_CONNECTIONS",
    "SERVICE_MAX_HEADER",
    "SERVICE_QUEUE",
    "SERVICE_QUEUE_WAIT",
]

#: Most requests of the HTTP service waiting for a free worker; one more is answered
#: 503 with ``Retry-After`` (``tco serve --queue``).
SERVICE_QUEUE = 64
#: Longest time a request of the HTTP service waits for a free worker before it is
#: answered 503 with ``Retry-After``. [s]
SERVICE_QUEUE_WAIT = 20.0
#: Most open connections to the HTTP service (``tco serve --max-connections``); past it,
#: the connection that has waited longest for a request's head is closed to make room.
SERVICE_MAX_CONNECTIONS = 500
#: Largest request line and headers of one request to the HTTP service (431 past it). [bytes]
SERVICE_MAX_HEADER = 16 * 1024
#: Longest time a client of the HTTP service may take to send a request's line and
#: headers, from the connection's start or the end of the previous answer (408). [s]
SERVICE_HEADER_TIMEOUT = 10.0
#: Longest time a client of the HTTP service may take to send a request's body (408). [s]
SERVICE_BODY_TIMEOUT = 30.0
#: Longest time the HTTP service keeps an idle keep-alive connection open. [s]
SERVICE_KEEP_ALIVE = 5
#: Largest size of the buffers of an Arrow stream sent to the HTTP service once
#: decompressed, read from the stream's metadata before anything is decompressed. [bytes]
SERVICE_MAX_ARROW_BYTES = 64 * 1024 * 1024
#: Longest cell of a CSV body sent to the HTTP service. [characters]
SERVICE_MAX_CELL = 10_000

# -- the portfolio route of the HTTP service ---------------------------------------------------
__all__ += ["SERVICE_MAX_TENDERS"]

#: Most tenders one portfolio request of the HTTP service may hold (``POST /portfolio``).
SERVICE_MAX_TENDERS = 100
