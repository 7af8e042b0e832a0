"""Management information across tenders: what awarding on total cost saved, and its CO2e.

:func:`portfolio` reads every tender in a folder (and the follow-ups of their
contracts, in its ``follow-up`` subfolder or beside them) and reports per
tender (``docs/after-award.md``):

* the *chosen* bid: the lowest by the tender's award figure (its rank 1);
* the *lowest-price* bid: the one with the lowest purchase price, the
  undiscounted cash flow of its ``acquisition`` items in year 0;
* ``saved = TCO(lowest-price) - TCO(chosen)``: what awarding on total cost
  saved over awarding on price, on the award figure (present value, or
  annualised cost when the bids' periods differ) [currency];
* ``co2e_avoided = CO2e(lowest-price) - CO2e(chosen)`` [kg], and the chosen
  bid's abatement cost against the lowest-price bid
  (:func:`~tco.analysis.abatement.abatement_cost`) [currency/t];
* from a follow-up: the deviation of the recorded years, its supplier's and
  buyer's parts, the CO2e deviation and the clauses' net amount.

Tenders are evaluated in worker processes (:class:`concurrent.futures.ProcessPoolExecutor`)
when there are many and the machine has more than one core. A tender that
cannot be read is reported in its row (``error``), not raised: one broken file
does not hide the others.

Every file of a folder is read through :func:`tco.io.files.read_input_within`:
whole, as YAML with its caps, and only where it lies in the folder (a symbolic
link out of it, a FIFO, a device or a folder named ``*.yaml`` is refused before
anything is read). A file that cannot be read, or a follow-up that names no
tender of the folder, is a row of its own with its error.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tco.errors import SpecError, TCOError

__all__ = ["COLUMNS", "Portfolio", "Problem", "portfolio", "portfolio_of", "tender_row"]

#: Columns of a portfolio row, in order.
COLUMNS: tuple[str, ...] = (
    "tender",
    "title",
    "model",
    "currency",
    "bids",
    "ranked_by",
    "chosen",
    "chosen_tco",
    "lowest_price",
    "lowest_price_tco",
    "saved",
    "chosen_co2e_kg",
    "lowest_price_co2e_kg",
    "co2e_avoided_kg",
    "abatement_cost",
    "abatement_reason",
    "followup_years",
    "followup_deviation",
    "followup_supplier_part",
    "followup_buyer_part",
    "followup_co2e_deviation_kg",
    "followup_clauses",
    "error",
)

#: Below this many tenders the work is done in this process (a pool costs more to start).
MIN_PARALLEL = 16


class Problem:
    """The error of a tender's row, kept to be said in any language.

    Two are equal when their errors say the same (the rows of a parallel run equal
    those of a serial one).

    Examples
    --------
    >>> from tco.errors import SpecError
    >>> Problem(SpecError("x")) == Problem(SpecError("x")), Problem(SpecError("x")).error.reason
    (True, 'x')
    """

    def __init__(self, error: TCOError) -> None:
        self.error = error

    def _key(self) -> tuple[Any, ...]:
        e = self.error
        return (type(e), str(e), e.message_id, repr(e.params))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass(frozen=True)
class _Job:
    """One row to make: a tender (and its follow-up) of a folder, or a file that failed."""

    tender: str
    follow_up: str | None = None
    #: The folder every file must lie in (``None``: files named by the caller).
    root: str | None = None
    #: The follow-up as read in the folder (with ``follow_up``, its file).
    follow_data: dict[str, Any] | None = None
    #: Why the file is not a tender that can be read.
    error: TCOError | None = None
    #: The tender loaded already (:func:`portfolio_of`), with ``tender`` its name.
    loaded: Any = None
    #: Where the follow-up's errors are said, within ``follow_up`` (its file).
    follow_path: tuple[str | int, ...] = ()


def tender_row(tender_file: str, follow_up_file: str | None = None) -> dict[str, Any]:
    """One row of the portfolio (see :data:`COLUMNS`) for one tender and its follow-up.

    A :class:`~tco.errors.TCOError` is caught and written into ``error`` (in
    English; the error itself is kept under ``problem``, besides the columns).

    Examples
    --------
    >>> import tco
    >>> row = tender_row(str(tco.example_path("passenger-car")))
    >>> row["chosen"], row["lowest_price"], round(row["saved"])
    ('Benzin Auto', 'Benzin Auto', 0)
    """
    return _row(_Job(tender_file, follow_up_file))


def _row(job: _Job) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row["tender"] = job.tender
    try:
        if job.error is not None:
            raise job.error
        row.update(_evaluate(job))
    except TCOError as err:
        row["error"] = str(err)
        row["problem"] = Problem(err)  # besides the columns: to be said in any language
    return row


def _evaluate(job: _Job) -> dict[str, Any]:
    from tco.analysis.abatement import abatement_cost
    from tco.tender import TenderSource, load_tender

    if job.loaded is not None:
        tender = job.loaded
    elif job.root is None:
        tender = load_tender(job.tender)
    else:  # read again, as found in the folder: whole, and never out of it
        from tco.io.files import read_input_within, sha256_hex
        from tco.io.yamlio import load_yaml

        raw = read_input_within(job.tender, job.root)
        base = Path(job.tender).resolve().parent
        data = load_yaml(raw, file=job.tender)
        tender = load_tender(TenderSource(data, job.tender, base, sha256_hex(raw)))
    result = tender.evaluate()
    figure = result.total if result.ranked_by == "total" else result.annualised
    chosen = int(np.argmin(result.rank))
    acq = [k for k, c in enumerate(result.categories) if c == "acquisition"]
    price = result.real[:, acq, 0].sum(axis=1)
    cheapest = int(np.lexsort((figure, price))[0])  # lowest price; of equals, lowest TCO
    co2 = np.asarray(result.emissions.get("co2e", np.zeros(len(result.bids))), dtype=float)
    out: dict[str, Any] = {
        "title": result.plan.title,
        "model": result.plan.product.id,
        "currency": result.currency,
        "bids": len(result.bids),
        "ranked_by": result.ranked_by,
        "chosen": result.bids[chosen],
        "chosen_tco": float(figure[chosen]),
        "lowest_price": result.bids[cheapest],
        "lowest_price_tco": float(figure[cheapest]),
        "saved": float(figure[cheapest] - figure[chosen]),
        "chosen_co2e_kg": float(co2[chosen]),
        "lowest_price_co2e_kg": float(co2[cheapest]),
        "co2e_avoided_kg": float(co2[cheapest] - co2[chosen]),
    }
    if "co2e" in result.emissions and chosen != cheapest:
        a = abatement_cost(result, cheapest)
        value = float(a.cost_per_tonne[chosen])
        out["abatement_cost"] = value if math.isfinite(value) else None
        out["abatement_reason"] = a.reasons[chosen]
    if job.follow_up is not None:
        from tco.analysis.followup import follow_up

        source = job.follow_data if job.follow_data is not None else job.follow_up
        try:
            f = follow_up(tender, source, file=job.follow_up)
        except SpecError as err:
            raise err.located(None, job.follow_path) from None
        out.update(
            followup_years=len(f.years),
            followup_deviation=float(f.deviation.sum()),
            followup_supplier_part=float(f.supplier_part.sum()),
            followup_buyer_part=float(f.buyer_part.sum()),
            followup_co2e_deviation_kg=float(f.co2e_deviation.sum()),
            followup_clauses=float(f.clause_total.sum()),
        )
    return out


@dataclass(frozen=True)
class Portfolio:
    """Every tender of a folder, one row each, and the totals per currency.

    Attributes
    ----------
    rows : tuple of dict
        One per tender, keys :data:`COLUMNS`, sorted by file name.
    workers : int
        Processes used (1: evaluated in this process).
    seconds : float
        Wall time of the evaluation. [s]
    """

    rows: tuple[dict[str, Any], ...]
    workers: int
    seconds: float

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The rows of tenders that could not be evaluated."""
        return [r for r in self.rows if r["error"]]

    def totals(self) -> list[dict[str, Any]]:
        """Per currency: tenders, TCO saved [currency], CO2e avoided [kg], follow-up deviations.

        Examples
        --------
        >>> import tco
        >>> p = Portfolio((tender_row(str(tco.example_path("passenger-car"))),), 1, 0.0)
        >>> p.totals()[0]["currency"], p.totals()[0]["tenders"]
        ('DKK', 1)
        """
        out: dict[str, dict[str, Any]] = {}
        keys = (
            "saved",
            "co2e_avoided_kg",
            "followup_deviation",
            "followup_supplier_part",
            "followup_buyer_part",
            "followup_co2e_deviation_kg",
            "followup_clauses",
        )
        for r in self.rows:
            if r["error"]:
                continue
            t = out.setdefault(
                r["currency"], {"currency": r["currency"], "tenders": 0, **dict.fromkeys(keys, 0.0)}
            )
            t["tenders"] += 1
            for k in keys:
                t[k] += r[k] or 0.0
        return [out[c] for c in sorted(out)]

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(list(self.rows), columns=list(COLUMNS))


def find_tenders(folder: str | Path) -> list[tuple[str, str | None]]:
    """The rows of a folder: each tender and its follow-up (or ``None``), sorted by name.

    A YAML file of the folder is a tender unless it has ``years`` (and no
    ``bids``): then, like every file of the ``follow-up`` subfolder, it is the
    follow-up of the tender its ``tender:`` names, relative to itself. A file
    that cannot be read, and a follow-up that names no tender of the folder, is
    listed too, without a follow-up: its row holds its error (see
    :func:`portfolio`).
    """
    return [(job.tender, job.follow_up) for job in _scan(folder)]


_SUFFIXES = (".yaml", ".yml")


def _scan(folder: str | Path) -> list[_Job]:
    """One job per row: every file of the folder read whole, within it, to know what it is.

    Follow-ups are kept as read; tenders are read again (within the folder) in their row.
    """
    from tco.io.files import check_within, read_input_within
    from tco.io.yamlio import load_yaml

    root = Path(folder)
    if not root.is_dir():
        raise SpecError(
            f"{root}: no such folder",
            value=str(root),
            expected="a folder of tender YAML files",
        ).speaks("no_folder", folder=str(root))
    top = sorted(p for p in root.iterdir() if p.name.endswith(_SUFFIXES))
    sub = root / "follow-up"
    broken: list[_Job] = []
    below: list[Path] = []
    if sub.is_dir():
        try:  # a follow-up folder linked out of the folder is not listed
            check_within(sub, root)
            below = sorted(p for p in sub.iterdir() if p.name.endswith(_SUFFIXES))
        except TCOError as err:
            broken.append(_Job(str(sub), error=err))
    tenders: list[Path] = []
    follow: list[tuple[Path, dict[str, Any]]] = []
    for p in [*top, *below]:
        try:
            data = load_yaml(read_input_within(p, root), file=str(p))
        except TCOError as err:
            broken.append(_Job(str(p), error=err))
            continue
        if p.parent != root or ("years" in data and "bids" not in data):
            follow.append((p, data))
        else:
            tenders.append(p)
    # A follow-up's tender: the file its 'tender:' names, else the one that file resolves to.
    named = {os.path.normpath(t): t for t in tenders}
    resolved: dict[str, Path] = {}
    for t in tenders:
        resolved.setdefault(os.path.realpath(t), t)
    found: dict[Path, tuple[str, dict[str, Any]]] = {}
    for p, data in follow:
        ref = data.get("tender")
        tender = None
        if isinstance(ref, str) and ref:
            target = p.parent / ref
            tender = named.get(os.path.normpath(target)) or resolved.get(os.path.realpath(target))
        if tender is None:
            broken.append(_Job(str(p), error=_no_tender(p, ref, root)))
        elif tender in found:
            broken.append(_Job(str(p), error=_second_follow_up(p, ref, found[tender][0])))
        else:
            found[tender] = (str(p), data)
    jobs = [
        _Job(str(t), found[t][0], str(root), found[t][1])
        if t in found
        else _Job(str(t), root=str(root))
        for t in tenders
    ]
    return sorted([*jobs, *broken], key=lambda job: job.tender)


def _no_tender(p: Path, ref: Any, root: Path) -> SpecError:
    return SpecError(
        f"the follow-up names the tender {ref!r}, which is not a tender of the folder {root}; "
        "write 'tender:' as the tender's path relative to the follow-up file "
        "(tender: ../NAME.yaml)",
        file=str(p),
        path=("tender",),
        value=ref,
        expected=f"a tender of {root}, such as 'tender: ../NAME.yaml'",
    ).speaks("portfolio_no_tender", shown=repr(ref)[:80], folder=str(root))


def _second_follow_up(p: Path, ref: Any, first: str) -> SpecError:
    return SpecError(
        f"the tender {ref!r} has a follow-up already, {first}; keep one follow-up per tender",
        file=str(p),
        path=("tender",),
        value=ref,
        expected="one follow-up per tender",
    ).speaks("portfolio_second_follow_up", shown=repr(ref)[:80], first=first)


def portfolio(folder: str | Path | Sequence[str], *, workers: int | None = None) -> Portfolio:
    """Evaluate every tender of a folder (and its follow-up) into one table.

    Parameters
    ----------
    folder : path or sequence of str
        A folder (see :func:`find_tenders`), or a list of tender files.
    workers : int, optional
        Worker processes; default: the usable cores, one when there are fewer
        than :data:`MIN_PARALLEL` tenders.

    Returns
    -------
    Portfolio
    """
    import time

    jobs = [_Job(str(f)) for f in folder] if not isinstance(folder, (str, Path)) else _scan(folder)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    n = workers or (1 if len(jobs) < MIN_PARALLEL else max(1, min(cores or 1, len(jobs))))
    start = time.perf_counter()
    if n == 1:
        rows = [_row(job) for job in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=n) as pool:
            chunk = max(1, len(jobs) // (4 * n))
            rows = list(pool.map(_row, jobs, chunksize=chunk))
    return Portfolio(tuple(rows), n, time.perf_counter() - start)


def portfolio_of(
    tenders: Mapping[str, Any],
    followups: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    file: str | None = None,
) -> Portfolio:
    """The portfolio of tenders loaded already, by name, evaluated in this process.

    What :func:`portfolio` does for the files of a folder, for tenders (and
    follow-ups) that came another way, such as in one request to the HTTP
    service: nothing is read from a file.

    Parameters
    ----------
    tenders : mapping of str to Tender or TCOError
        Each tender by name (the ``tender`` column), or the error that kept it
        from loading (its row holds the error).
    followups : mapping of str to mapping, optional
        The follow-up of some tenders, under the tender's name, as a mapping
        (:func:`~tco.analysis.followup_file.read_follow_up`).
    file : str, optional
        The name errors in a follow-up give for where it came from; their path
        starts at ``followups.NAME``.

    Returns
    -------
    Portfolio
        One row per tender, sorted by name.

    Examples
    --------
    >>> import tco
    >>> car = tco.load_tender(tco.example_path("passenger-car"))
    >>> p = portfolio_of({"cars": car})
    >>> p.rows[0]["tender"], p.rows[0]["chosen"], p.workers
    ('cars', 'Benzin Auto', 1)
    """
    import time

    from tco.tender import Tender

    follow = followups or {}
    jobs = []
    for name in sorted(tenders):
        t = tenders[name]
        if isinstance(t, TCOError):
            jobs.append(_Job(name, error=t))
        elif not isinstance(t, Tender):
            raise TypeError(f"{name!r}: expected a Tender or a TCOError, got {type(t).__name__}")
        elif name in follow:
            source = dict(follow[name])
            where = file if file is not None else name
            jobs.append(_Job(name, where, None, source, None, t, ("followups", name)))
        else:
            jobs.append(_Job(name, loaded=t))
    start = time.perf_counter()
    rows = [_row(job) for job in jobs]
    return Portfolio(tuple(rows), 1, time.perf_counter() - start)
