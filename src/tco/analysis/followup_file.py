"""Read and check a contract follow-up file: what actually happened, year by year.

A follow-up file names the awarded bid and records, for each year of the
contract, the actual values of the product model's parameters; values are read
with the one value grammar (:func:`tco.units.parse_value`) in the parameter's
unit. Whether a value is the supplier's (a bid parameter: consumption, service
price) or the buyer's (use and prices: km, operating hours, electricity price)
is the product model's, not the file's, to say. Contract clauses set a
tolerance and a penalty or bonus per unit of deviation. See
``docs/after-award.md``.

Examples
--------
>>> import tco
>>> t = tco.load_tender(tco.example_path("passenger-car"))
>>> f = read_follow_up({"bid": "El Mobil", "years": {1: {"annual_distance": "27000 km/year"}}}, t)
>>> f.bid, f.years, f.values[0]
('El Mobil', (1,), {'annual_distance': 27000.0})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tco.errors import ErrorList, SpecError, suggest, suggest_name
from tco.spec.bounds import bound_error
from tco.tender import Tender
from tco.units import parse_unit, parse_value

__all__ = ["Clause", "FollowUpFile", "bid_value", "read_follow_up"]

_KEYS = ("tender", "bid", "title", "number_format", "years", "clauses")
_CLAUSE_KEYS = ("parameter", "tolerance", "per", "penalty", "bonus", "worse")


@dataclass(frozen=True)
class Clause:
    """A contract clause on one bid parameter, in the parameter's unit.

    Each year, the deviation beyond the tolerance on the worse side costs the
    supplier ``penalty`` per ``per``; beyond it on the better side, the buyer
    pays ``bonus`` per ``per``.

    Attributes
    ----------
    parameter : str
    tolerance : float
        Allowed deviation from the bid value either way. [parameter's unit]
    per : float
        The step the penalty and bonus are priced by. [parameter's unit]
    penalty, bonus : float
        Per ``per`` of deviation beyond the tolerance, per year. [currency]
    worse : {"above", "below"}
        Which side of the bid value is worse for the buyer (``above`` for a
        consumption, ``below`` for a lifetime).
    """

    parameter: str
    tolerance: float
    per: float
    penalty: float
    bonus: float
    worse: Literal["above", "below"]

    def amount(self, bid: float, actual: float) -> float:
        """Penalty (positive, paid by the supplier) or bonus (negative) for one year.

        Examples
        --------
        Bid 16.5, tolerance 0.825 (5 %), 1000 DKK per 1 unit above it: 17.8 costs
        (17.8 - 16.5 - 0.825) * 1000 = 475 DKK.

        >>> round(Clause("c", 0.825, 1.0, 1000.0, 0.0, "above").amount(16.5, 17.8), 6)
        475.0
        """
        over = actual - bid if self.worse == "above" else bid - actual
        if over > self.tolerance:
            return self.penalty * (over - self.tolerance) / self.per
        if -over > self.tolerance:
            return -self.bonus * (-over - self.tolerance) / self.per
        return 0.0


@dataclass(frozen=True)
class FollowUpFile:
    """A checked follow-up: the awarded bid and the recorded values of each year.

    Attributes
    ----------
    bid : str
    years : tuple of int
        The years recorded, ascending. [year]
    values : tuple of dict
        Per year, parameter -> actual value in the parameter's unit (a
        fraction for a percentage).
    clauses : tuple of Clause
    title : str or None
    file : str or None
    """

    bid: str
    years: tuple[int, ...]
    values: tuple[dict[str, float], ...]
    clauses: tuple[Clause, ...]
    title: str | None = None
    file: str | None = None


def _magnitude(q: Any, unit: str) -> float:
    """A quantity as a plain number in ``unit`` (a fraction for ``%``)."""
    if unit.strip() in ("%", ""):
        return float(q.to("dimensionless").magnitude)
    return float((q / parse_unit(unit)).to("dimensionless").magnitude)


def bid_value(tender: Tender, bid: str, name: str) -> float:
    """A bid's value of a parameter (the model's default where the bid gives none).

    [the parameter's unit; a fraction for a percentage]

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("passenger-car"))
    >>> bid_value(t, "El Mobil", "electricity_consumption")
    16.5
    """
    p = tender.model.parameters[name]
    spec = next(b for b in tender.spec.bids if b.name == bid)
    raw = spec.values.get(name, p.spec.default)
    if raw is None:
        raw = tender.spec.parameters.get(name)
    q = parse_value(raw, p.unit_text, convention=tender.spec.assumptions.number_format)
    return _magnitude(q, p.unit_text)


def read_follow_up(
    source: str | Path | Mapping[str, Any], tender: Tender, *, file: str | None = None
) -> FollowUpFile:
    """Read and check a follow-up file (or mapping) against its tender.

    ``file`` names the file a mapping was read from (for messages, and the
    folder its ``tender:`` is relative to). ``bid:`` is required; ``tender:``,
    where given and the tender was read from a file, must name that file.

    Raises
    ------
    SpecError
        For every problem found (a :class:`~tco.errors.SpecErrors` when several):
        an unknown key, bid, year or parameter, a value of the wrong unit.
    """
    from tco.io.yamlio import read_yaml_file

    file = file if isinstance(source, Mapping) else str(source)
    data = dict(source) if isinstance(source, Mapping) else read_yaml_file(source)
    problems = ErrorList()

    def refuse(
        message: str,
        path: tuple[str | int, ...],
        value: object,
        expected: str,
        says: tuple[str, dict[str, Any]],
    ) -> None:
        problems.add(
            SpecError(message, file=file, path=path, value=value, expected=expected).speaks(
                says[0], **says[1]
            )
        )

    for key in data:
        if key not in _KEYS:
            refuse(
                f"unknown key '{key}'{suggest(str(key), _KEYS)}",
                (key,),
                key,
                "one of " + ", ".join(_KEYS),
                ("unknown_key_only", {"name": key, "hint": suggest_name(str(key), _KEYS)}),
            )
    convention = data.get("number_format") or tender.spec.assumptions.number_format
    if convention not in (None, "en", "da"):
        refuse(
            f"got '{convention}'",
            ("number_format",),
            convention,
            "'en' or 'da'",
            ("number_format", {"value": convention}),
        )
        convention = None
    _check_tender(data.get("tender", _NONE), tender, file, refuse)
    bid = data.get("bid")
    if bid is None:
        refuse(
            "the follow-up names no bid; write the awarded bid as 'bid: NAME' (one of "
            + ", ".join(tender.bids)
            + "): after an award on more than price it need not be the cheapest",
            ("bid",),
            None,
            "the name of the awarded bid: " + ", ".join(tender.bids),
            ("followup_no_bid", {"names_list": list(tender.bids)}),
        )
    elif bid not in tender.bids:
        refuse(
            f"no bid named '{bid}'{suggest(str(bid), tender.bids)}",
            ("bid",),
            bid,
            "the name of the awarded bid: " + ", ".join(tender.bids),
            (
                "no_bid",
                {
                    "name": str(bid),
                    "hint": suggest_name(str(bid), tender.bids),
                    "names_list": list(tender.bids),
                },
            ),
        )
    params = tender.model.parameters
    period = int(tender.plan.period.max())
    raw_years = data.get("years") or {}
    if not isinstance(raw_years, Mapping):
        refuse(
            "got a list",
            ("years",),
            None,
            "a mapping of year -> {parameter: value}",
            ("followup_years_list", {}),
        )
        raw_years = {}
    years: list[int] = []
    values: list[dict[str, float]] = []
    # A year key read as text ('1': {...}) is the year 1.
    keyed = [
        (int(k) if isinstance(k, str) and k.strip().isdigit() and k.isascii() else k, v)
        for k, v in raw_years.items()
    ]
    for year, entry in sorted(keyed, key=lambda kv: str(kv[0]).zfill(6)):
        at: tuple[str | int, ...] = ("years", year)
        if not isinstance(year, int) or isinstance(year, bool) or not 0 <= year <= period:
            refuse(
                f"got year {year!r}",
                at,
                year,
                f"a year from 0 to {period}",
                ("followup_year", {"year": repr(year), "period": period}),
            )
            continue
        if not isinstance(entry, Mapping):
            refuse(
                "got no values",
                at,
                entry,
                "a mapping of parameter -> value",
                ("followup_no_values", {}),
            )
            continue
        row: dict[str, float] = {}
        for name, raw in entry.items():
            if name not in params:
                refuse(
                    f"the model '{tender.model.id}' has no parameter '{name}'"
                    + suggest(str(name), params),
                    (*at, name),
                    name,
                    "a parameter of the product model",
                    (
                        "model_no_parameter",
                        {
                            "model": tender.model.id,
                            "name": str(name),
                            "hint": suggest_name(str(name), params),
                        },
                    ),
                )
                continue
            unit = params[name].unit_text
            try:
                q = parse_value(raw, unit, convention=convention, path=(*at, name), file=file)
                outside = bound_error(q, raw, _bounds(params[name].spec, unit))
            except SpecError as err:
                problems.add(err)
                continue
            if outside is not None:  # the model's range, said at the follow-up's own field
                problems.add(outside.located(file, (*at, name)))
                continue
            row[name] = _magnitude(q, unit)
        years.append(year)
        values.append(row)
    awarded = str(bid) if bid in tender.bids else tender.bids[0]
    clauses = _clauses(data.get("clauses") or [], tender, awarded, convention, file, problems)
    problems.raise_if_any()
    title = data.get("title")
    return FollowUpFile(
        bid=str(bid),
        years=tuple(years),
        values=tuple(values),
        clauses=tuple(clauses),
        title=title if isinstance(title, str) else None,
        file=file,
    )


_NONE = object()


def _bounds(spec: Any, unit: str) -> dict[str, Any]:
    """A parameter's ``min`` and ``max`` as quantities in its unit (where the model gives them)."""
    from tco.units import parse_quantity

    return {
        key: parse_quantity(getattr(spec, key), unit)
        for key in ("min", "max")
        if getattr(spec, key) is not None
    }


def _check_tender(ref: Any, tender: Tender, file: str | None, refuse: Any) -> None:
    """Refuse a follow-up whose ``tender:`` names another tender file than the one compared.

    ``tender:`` is relative to the follow-up file (to the current folder for a
    mapping); it is compared with the tender's own file, and only named, never read.
    """
    if ref is _NONE or tender.file is None:
        return
    if not isinstance(ref, str) or not ref.strip():
        refuse(
            f"got {ref!r}",
            ("tender",),
            ref,
            "the tender file's path, relative to the follow-up file",
            ("followup_tender_type", {"shown": repr(ref)[:60]}),
        )
        return
    base = Path(file).resolve().parent if file is not None else Path.cwd()
    named = (base / Path(ref)).resolve()
    compared = Path(tender.file).resolve()
    if named != compared:
        refuse(
            f"the follow-up is of the tender '{ref}' ({named}), not of the tender it is compared "
            f"with ({compared}); compare it with its own tender, or correct 'tender:'",
            ("tender",),
            ref,
            f"the path of {compared}, relative to the follow-up file",
            (
                "followup_other_tender",
                {"name": ref, "named": str(named), "compared": str(compared)},
            ),
        )


def _clauses(
    raw: Any,
    tender: Tender,
    awarded: str,
    convention: str | None,
    file: str | None,
    problems: ErrorList,
) -> list[Clause]:
    out: list[Clause] = []
    if not isinstance(raw, list):
        problems.add(
            SpecError(
                "got no list", file=file, path=("clauses",), expected="a list of clauses"
            ).speaks("clauses_not_list")
        )
        return out
    currency = tender.plan.currency
    for k, c in enumerate(raw):
        at: tuple[str | int, ...] = ("clauses", k)
        if not isinstance(c, Mapping):
            problems.add(
                SpecError("got no mapping", file=file, path=at, expected="a mapping").speaks(
                    "clause_not_mapping"
                )
            )
            continue
        bad = [key for key in c if key not in _CLAUSE_KEYS]
        name = c.get("parameter")
        if bad or name not in tender.model.bid_parameters:
            key = bad[0] if bad else "parameter"
            says: tuple[str, dict[str, Any]] = (
                ("unknown_key_only", {"name": key, "hint": suggest_name(key, _CLAUSE_KEYS)})
                if bad
                else (
                    "clause_parameter",
                    {"shown": repr(name), "names_list": list(tender.model.bid_parameters)},
                )
            )
            problems.add(
                SpecError(
                    f"unknown key '{key}'" if bad else f"got parameter {name!r}",
                    file=file,
                    path=(*at, key),
                    value=key if bad else name,
                    expected="one of " + ", ".join(_CLAUSE_KEYS)
                    if bad
                    else "a bid parameter: " + ", ".join(tender.model.bid_parameters),
                ).speaks(says[0], **says[1])
            )
            continue
        unit = tender.model.parameters[name].unit_text

        def read(
            key: str,
            default: float,
            want: str | None,
            c: Mapping[str, Any] = c,
            at: Any = at,
            rate: bool | None = None,
        ) -> Any:
            return parse_value(
                c.get(key, default),
                want,
                convention=convention,
                rate=rate,
                path=(*at, key),
                file=file,
            )

        try:
            # A bare tolerance on a parameter with a unit is a share of the bid: read as a
            # rate, so that '5' (5 % or 500 %?) is refused and '0.05' is 5 %.
            tol_q = read("tolerance", 0.0, None, rate=unit.strip() not in ("%", "") or None)
            relative = bool(tol_q.dimensionless) and unit.strip() not in ("%", "")
            tol = (
                abs(float(tol_q.to("dimensionless").magnitude))
                if relative
                else _magnitude(read("tolerance", 0.0, unit), unit)
            )
            per = _magnitude(read("per", 1.0, unit), unit)
            money = {key: float(read(key, 0.0, currency).magnitude) for key in ("penalty", "bonus")}
        except SpecError as err:
            problems.add(err)
            continue
        negative = [key for key in ("penalty", "bonus") if money[key] < 0]
        for key in negative:
            who = (
                "a penalty is what the supplier pays the buyer (it reduces the buyer's cost)"
                if key == "penalty"
                else "a bonus is what the buyer pays the supplier (it adds to the buyer's cost)"
            )
            problems.add(
                SpecError(
                    f"got '{c.get(key)}': {who}, written as a positive amount in {currency}",
                    file=file,
                    path=(*at, key),
                    value=c.get(key),
                    expected=f"a positive amount in {currency}, such as '4000 {currency}'",
                ).speaks(f"clause_negative_{key}", value=str(c.get(key)), cur=currency)
            )
        if negative:
            continue
        worse = c.get("worse", "above")
        if worse not in ("above", "below") or per <= 0:
            problems.add(
                SpecError(
                    f"got worse={worse!r}, per={per}",
                    file=file,
                    path=at,
                    expected="worse 'above' or 'below' and a positive 'per'",
                ).speaks("clause_worse", worse=repr(worse), per_q=f"{per:g}")
            )
            continue
        bid = bid_value(tender, awarded, name) if relative else 0.0
        out.append(
            Clause(
                parameter=str(name),
                tolerance=tol * abs(bid) if relative else abs(tol),
                per=per,
                penalty=money["penalty"],
                bonus=money["bonus"],
                worse="above" if worse == "above" else "below",
            )
        )
    return out
