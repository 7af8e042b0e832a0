"""Bases: named, dated sets of official assumptions, each value with its source.

A basis is a YAML file in ``bases/`` (shipped inside the wheel): a discount
schedule, energy prices, emission factors, a CO2 price, each value with the
key of its source and its edition, and a list of the values the published
material does not give. A model or tender refers to a basis value with a
mapping ``{basis: NAME}`` wherever a value goes; ``{basis: NAME, from: 2026}``
takes a by-calendar-year value from a first year of use on, ``{basis: NAME,
year: 2025}`` one year of it. ``docs/bases.md`` lists every basis. The file
shapes and :class:`BasisStamp` live in :mod:`tco.spec.basis_spec` and are
re-exported here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tco.errors import ModelNotFoundError, SpecError, suggest, suggest_name
from tco.io.resources import bundled_files
from tco.io.yamlio import read_yaml_file
from tco.spec.basis_spec import BasisSpec, BasisStamp, BasisValue
from tco.spec.basis_spec import Missing as Missing
from tco.spec.form_text import in_number_format, stated_number_format
from tco.spec.problems import checked
from tco.units import parse_quantity, parse_unit

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["BasisStamp"]

#: Basis values that become a tender's assumption when the tender selects the basis
#: (unless the tender states the assumption itself).
ASSUMPTION_VALUES: tuple[str, ...] = ("discount_rate", "co2_price")

_REF_KEYS = frozenset({"basis", "from", "year"})


@dataclass(frozen=True)
class Basis:
    """A loaded basis.

    Examples
    --------
    >>> b = load_basis("dk-mst-2021")
    >>> b.edition, b.raw("electricity_price")
    ('2021', '2.13 DKK/kWh')
    """

    spec: BasisSpec
    file: str | None

    @property
    def id(self) -> str:
        """The basis id (its file name)."""
        return self.spec.id

    @property
    def edition(self) -> str:
        """The edition of the basis as a whole."""
        return self.spec.edition

    def __contains__(self, name: object) -> bool:
        return name in self.spec.values

    def stamp(self) -> BasisStamp:
        """Name, edition and sources, for a result."""
        return BasisStamp(
            id=self.id,
            title=self.spec.title.get("en", self.id),
            publisher=self.spec.publisher,
            edition=self.edition,
            sources=tuple(self.spec.sources.values()),
            title_da=self.spec.title.get("da", ""),
        )

    def missing_note(self, name: str) -> str | None:
        """Why a value is not in this basis, if the basis says so."""
        for m in self.spec.missing:
            if m.name == name:
                return m.note
        return None

    def raw(self, name: str, *, start: int | None = None, year: int | None = None) -> Any:
        """The value as a tender could write it (text with unit, a list or bands).

        Parameters
        ----------
        name : str
            The value's name.
        start : int, optional
            For a by-calendar-year value: the calendar year of the first year of
            use; the result is a list from that year to the last listed year.
        year : int, optional
            For a by-calendar-year value: one calendar year.

        Raises
        ------
        SpecError
            If the basis has no such value, or a by-year value is used without
            ``from`` or ``year`` (or outside its years).
        """
        v = self.spec.values.get(name)
        if v is None:
            note = self.missing_note(name)
            why = f" ({note})" if note else ""
            raise SpecError(
                f"basis '{self.id}' has no value '{name}'{why}"
                f"{suggest(name, self.spec.values)}; give the value itself instead",
                value=name,
                expected="a value of the basis: " + ", ".join(self.spec.values),
            ).speaks(
                "basis_no_value",
                basis=self.id,
                name=name,
                hint=suggest_name(name, self.spec.values),
            )
        if v.by_year is None:
            if start is not None or year is not None:
                raise SpecError(
                    f"basis value '{name}' of '{self.id}' is not given by calendar year; "
                    "remove 'from' and 'year'",
                    value=name,
                ).speaks("basis_not_by_year", basis=self.id, name=name)
            return v.value
        if (start is None) == (year is None):
            years = sorted(v.by_year)
            raise SpecError(
                f"basis value '{name}' of '{self.id}' is given by calendar year "
                f"({years[0]}-{years[-1]}); say which, as {{basis: {name}, from: {years[0]}}} "
                f"for a path from the first year of use or {{basis: {name}, year: {years[0]}}}",
                value=name,
                expected="'from: YEAR' or 'year: YEAR'",
            ).speaks("basis_by_year", basis=self.id, name=name, first=years[0], last=years[-1])
        return _by_year(name, self.id, v, start, year)


def _by_year(
    name: str, basis: str, v: BasisValue, start: int | None, year: int | None
) -> str | list[str]:
    """Interpolate a by-calendar-year value (linear, or step: the last listed year's)."""
    assert v.by_year is not None
    years = sorted(v.by_year)
    texts = [str(v.by_year[y]).strip() for y in years]
    parts = texts[0].split(maxsplit=1)
    unit = parts[1] if len(parts) == 2 else ""
    per = parse_unit(unit) if unit else 1.0
    mags = [
        float((parse_quantity(t, unit or None) / per).to("dimensionless").magnitude) for t in texts
    ]
    first = year if year is not None else start
    assert first is not None
    if first < years[0] or first > years[-1]:
        raise SpecError(
            f"basis value '{name}' of '{basis}' covers {years[0]}-{years[-1]}; "
            f"{first} is outside it",
            value=first,
            expected=f"a year from {years[0]} to {years[-1]}",
        ).speaks(
            "basis_outside", basis=basis, name=name, first=years[0], last=years[-1], year=first
        )
    wanted = [first] if year is not None else list(range(first, years[-1] + 1))
    out = []
    for y in wanted:
        if v.interpolation == "step":
            k = max(i for i, yy in enumerate(years) if yy <= y)
            m = mags[k]
        else:
            m = _interp(y, years, mags)
        out.append(f"{m:.6g} {unit}".strip())
    return out[0] if year is not None else out


def _interp(y: int, years: Sequence[int], mags: Sequence[float]) -> float:
    for k in range(len(years) - 1):
        a, b = years[k], years[k + 1]
        if a <= y <= b:
            w = (y - a) / (b - a)
            return mags[k] + w * (mags[k + 1] - mags[k])
    return mags[-1]


def bundled_bases() -> dict[str, Path]:
    """Map the id of every bundled basis to its file.

    Examples
    --------
    >>> "dk-fm-2021" in bundled_bases()
    True
    """
    return bundled_files("bases")


@functools.lru_cache(maxsize=64)
def _load(path: str) -> Basis:
    data = read_yaml_file(path)
    spec: BasisSpec = checked(BasisSpec, data, file=path)
    if spec.id != Path(path).stem:
        raise SpecError(
            f"basis id '{spec.id}' differs from its file name '{Path(path).stem}'",
            file=path,
            path=("id",),
            value=spec.id,
        ).speaks("basis_id_file", name=spec.id, stem=Path(path).stem)
    return Basis(spec=spec, file=path)


def load_basis(name: str) -> Basis:
    """Load a bundled basis by its id.

    Raises
    ------
    ModelNotFoundError
        If there is no such basis (the message lists them).

    Examples
    --------
    >>> load_basis("dk-fm-2021").spec.publisher
    'Finansministeriet (Danish Ministry of Finance)'
    """
    found = bundled_bases()
    if name not in found:
        raise ModelNotFoundError(
            f"no basis '{name}'{suggest(name, found)}; bases are " + ", ".join(sorted(found)),
            value=name,
            expected="a bundled basis (tco bases lists them)",
        )
    return _load(str(found[name]))


def load_bases(names: str | Sequence[str] | None) -> tuple[Basis, ...]:
    """Load one basis or several (later ones take precedence)."""
    if names is None:
        return ()
    if isinstance(names, str):
        names = [names]
    return tuple(load_basis(n) for n in names)


def is_ref(value: Any) -> bool:
    """Whether ``value`` is a basis reference such as ``{basis: electricity_price}``.

    Examples
    --------
    >>> is_ref({"basis": "electricity_price"}), is_ref("2 DKK")
    (True, False)
    """
    return (
        isinstance(value, Mapping)
        and "basis" in value
        and set(value) <= _REF_KEYS
        and isinstance(value["basis"], str)
    )


def lookup(bases: Sequence[Basis], ref: Mapping[str, Any]) -> Any:
    """Resolve a reference in the last of ``bases`` that has the value."""
    name = ref["basis"]
    start, year = ref.get("from"), ref.get("year")
    for key, y in (("from", start), ("year", year)):
        if y is not None and not (isinstance(y, int) and not isinstance(y, bool)):
            raise SpecError(
                f"'{key}' of a basis reference is a calendar year such as 2026, got {y!r}",
                value=y,
                expected="a calendar year",
            ).speaks("basis_year", key=key, shown=repr(y))
    if not bases:
        raise SpecError(
            f"refers to basis value '{name}' but selects no basis; add 'basis: NAME' "
            "(tco bases lists them)",
            value=name,
            expected="a 'basis' key",
        ).speaks("basis_none", name=name)
    for b in reversed(bases):
        if name in b:
            return b.raw(name, start=start, year=year)
    return bases[-1].raw(name, start=start, year=year)  # raises, naming the basis


def _in_format(value: Any, convention: str | None) -> Any:
    """A basis value (plain numbers) written in a file's stated number format."""
    if isinstance(value, str):
        return in_number_format(value, convention)
    if isinstance(value, Mapping):
        return {k: _in_format(v, convention) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_format(v, convention) for v in value]
    return value


def resolve_refs(
    data: Mapping[str, Any], *, file: str | None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Replace every basis reference in a model or tender mapping by its value.

    References are looked up in the file's own ``basis`` (one id or a list;
    later ones take precedence). Returns the new mapping and the references
    found, as dotted path to the reference mapping.

    A basis writes its values in plain numbers (``0.04 EUR/kg``); in a file that
    states ``number_format: da`` each resolved value is written in that format
    (``0,04 EUR/kg``), so it reads as the basis meant it, not as four hundredths
    grouped by thousands.

    Raises
    ------
    SpecError
        Naming the path of a reference that cannot be resolved.
    """
    out = dict(data)
    stated = stated_number_format(data)
    refs: dict[str, dict[str, Any]] = {}
    try:
        bases = load_bases(data.get("basis"))
    except SpecError as err:
        raise err.located(file, ("basis",)) from None
    except TypeError:
        raise SpecError(
            "'basis' is a basis id or a list of them", file=file, path=("basis",)
        ).speaks("basis_kind") from None

    def walk(value: Any, path: tuple[str | int, ...]) -> Any:
        if is_ref(value):
            try:
                resolved = lookup(bases, value)
            except SpecError as err:
                raise err.located(file, path) from None
            refs[".".join(str(p) for p in path)] = dict(value)
            return _in_format(resolved, stated)
        if isinstance(value, Mapping):
            return {k: walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, (*path, i)) for i, v in enumerate(value)]
        return value

    for key in ("assumptions", "escalation", "parameters"):
        if key in out and isinstance(out[key], (Mapping, list)):
            out[key] = walk(out[key], (key,))
    return out, refs
