"""Load product models and check their units and formulas.

A :class:`ProductModel` is a validated :class:`~tco.spec.schema.ModelSpec`
whose parameters, defaults, bounds and formulas have all been unit-checked:
a one-off amount comes out in money, an annual amount in money per year, an
emission in mass (per year), a timing in years.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from tco.errors import (
    ErrorList,
    ExpressionError,
    ModelNotFoundError,
    SpecError,
    suggest,
    suggest_name,
)
from tco.io.resources import bundled_files
from tco.io.yamlio import read_yaml_source
from tco.spec.basis import resolve_refs
from tco.spec.bounds import check_parameter_values
from tco.spec.dimensions import forgets_hours, forgotten_hours, is_money
from tco.spec.expr import Compiled, check_dimension, compile_expression, gives_error
from tco.spec.indexation import check_indexation
from tco.spec.schema import ModelSpec, ParameterSpec
from tco.spec.validation import validate
from tco.units import currencies_of, parse_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Names every formula may use besides the model's parameters, with their units.
BUILTINS: dict[str, str] = {"period": "year"}


@dataclass(frozen=True)
class Parameter:
    """A checked parameter: its spec plus its parsed unit."""

    name: str
    spec: ParameterSpec
    unit: Any  # Quantity of magnitude 1 (or a numeric factor) in the declared unit

    @property
    def unit_text(self) -> str:
        """The unit as written in the model (``""`` for a plain number)."""
        return self.spec.unit


@dataclass(frozen=True)
class Stream:
    """A checked cost item or emission: its spec and compiled formulas."""

    name: str
    kind: str  # "item" or "emission"
    spec: Any  # ItemSpec or EmissionSpec
    amount: Compiled
    when: Compiled | None = None  # 'every' interval or 'at' time
    start: Compiled | None = None
    stop: Compiled | None = None


@dataclass(frozen=True)
class ProductModel:
    """A product model whose units and formulas have been checked.

    Build one with :func:`load_model`. ``spec`` holds the file as written,
    ``parameters`` the parameters with parsed units, ``items`` and
    ``emissions`` the compiled formulas.

    Examples
    --------
    >>> m = load_model("indoor-lighting")
    >>> m.id
    'indoor-lighting'
    >>> sorted(m.bid_parameters)[:2]
    ['power', 'price']
    """

    spec: ModelSpec
    file: str | None
    parameters: dict[str, Parameter]
    items: dict[str, Stream]
    emissions: dict[str, Stream]
    lifetime: Compiled | None
    escalation_groups: tuple[str, ...]
    source: str = field(default="", repr=False)
    #: SHA-256 of the file's bytes as read and evaluated (``None`` for a mapping).
    sha256: str | None = field(default=None, repr=False)
    #: The model's basis references, as dotted path (``parameters.x.default``) to reference.
    basis_refs: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        """The model's id."""
        return self.spec.id

    @property
    def title(self) -> str:
        """The model's English title."""
        return self.spec.title.en

    @cached_property
    def bid_parameters(self) -> tuple[str, ...]:
        """Names of the parameters each bid supplies."""
        return tuple(n for n, p in self.parameters.items() if p.spec.bid)

    @cached_property
    def currencies(self) -> tuple[str, ...]:
        """Currencies the model's money parameters are declared in."""
        found: list[str] = []
        for p in self.parameters.values():
            for c in currencies_of(p.unit):
                if c not in found:
                    found.append(c)
        return tuple(found)

    def __repr__(self) -> str:
        return (
            f"<ProductModel {self.id!r}: {len(self.parameters)} parameters "
            f"({len(self.bid_parameters)} per bid), {len(self.items)} items, "
            f"{len(self.emissions)} emissions>"
        )


def bundled_models() -> dict[str, Path]:
    """Map the id of every bundled product model to its file.

    Examples
    --------
    >>> "indoor-lighting" in bundled_models()
    True
    """
    return bundled_files("product_models")


def model_path(ref: str, base: Path | None = None) -> Path:
    """Find the file of a model given by id or path.

    Raises
    ------
    ModelNotFoundError
        If no bundled model has that id and no such file exists.
    """
    candidates = []
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        p = Path(ref)
        candidates.append(p if p.is_absolute() or base is None else base / p)
        candidates.append(p)
    for c in candidates:
        if c.is_file():
            return c
    models = bundled_models()
    if ref in models:
        return models[ref]
    if candidates:
        raise ModelNotFoundError(
            f"no model file '{ref}' (looked for {candidates[0]}); a relative path is read "
            "from the tender's folder",
            value=ref,
            expected="the path of an existing model file",
        ).speaks("no_model_file", name=ref, looked=str(candidates[0]))
    raise ModelNotFoundError(
        f"no product model '{ref}'{suggest(ref, models)}; expected the id of a bundled "
        "model ('tco models' lists them) or the path of a model file",
        value=ref,
        expected="the id of a bundled model or the path of a model file",
    ).speaks("no_model", name=ref, hint=suggest_name(ref, models))


def load_model(ref: str | Path | Mapping[str, Any], *, base: Path | None = None) -> ProductModel:
    """Load and check a product model.

    Parameters
    ----------
    ref : str, path or mapping
        A bundled model's id (``"indoor-lighting"``), the path of a model
        file, or the model itself as a mapping.
    base : path, optional
        Folder that relative paths are relative to.

    Returns
    -------
    ProductModel

    Raises
    ------
    SpecError
        With every problem found in the model (a :class:`~tco.errors.SpecErrors`
        when there are several).

    Examples
    --------
    >>> load_model("indoor-lighting").items["electricity"].spec.category
    'use'
    """
    if isinstance(ref, Mapping):
        text = _canonical(ref)
        if text is None:
            return compile_model(dict(ref), file=None)
        return _model_from_text(text)
    path = model_path(str(ref), base)
    if path in bundled_models().values():
        stat = path.stat()
        return _bundled_model(str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)
    data, digest = read_yaml_source(path)
    return dataclasses.replace(compile_model(data, file=str(path)), sha256=digest)


def _canonical(data: Mapping[str, Any]) -> str | None:
    """The mapping as JSON text (keys in their order), if it survives the round trip unchanged.

    The order is kept: a model's parameters and items are listed in it.
    """
    try:
        text = json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return text if json.loads(text) == data else None


@functools.lru_cache(maxsize=64)
def _model_from_text(text: str) -> ProductModel:
    """A model given as a mapping, compiled once per content (its JSON text).

    The key is the whole content, so two mappings share a model only when they
    are equal; a model is immutable and safe to share.
    """
    return compile_model(json.loads(text), file=None)


@functools.lru_cache(maxsize=64)
def _bundled_model(path: str, mtime_ns: int, size: int, inode: int) -> ProductModel:
    """A bundled model, compiled once per version of its file.

    The key holds the file's modification time, size and inode, so an edited
    model file (an editable install) is read again; a model is immutable and
    safe to share between tenders.
    """
    data, digest = read_yaml_source(Path(path))
    return dataclasses.replace(compile_model(data, file=path), sha256=digest)


_MONEY = "money such as 'DKK'"
_MONEY_PER_YEAR = "money per year such as 'DKK/year'"
_MASS = "a mass such as 'kg'"
_MASS_PER_YEAR = "a mass per year such as 'kg/year'"
_TIME = "a time such as '5 year'"


def compile_model(data: dict[str, Any], *, file: str | None) -> ProductModel:
    """Check a model mapping and compile its formulas (see :func:`load_model`)."""
    data, refs = resolve_refs(data, file=file)
    spec: ModelSpec = validate(ModelSpec, data, file=file)
    errors = ErrorList()

    parameters: dict[str, Parameter] = {}
    broken: set[str] = set()  # parameters whose unit is invalid (already reported)
    for name, p in spec.parameters.items():
        path: tuple[str | int, ...] = ("parameters", name)
        if name in BUILTINS:
            errors.add(
                SpecError(
                    f"'{name}' is a built-in name; call the parameter something else",
                    file=file,
                    path=path,
                ).speaks("builtin_name", name=name)
            )
            continue
        try:
            unit = parse_unit(p.unit)
        except SpecError as err:
            errors.add(err.located(file, (*path, "unit")))
            broken.add(name)
            continue
        parameters[name] = Parameter(name, p, unit)
        check_parameter_values(parameters[name].spec, file, path, errors)

    units: dict[str, Any] = {n: p.unit / p.unit.magnitude for n, p in parameters.items()}
    units.update({n: parse_unit(u) for n, u in BUILTINS.items()})
    by_year = {n for n, p in parameters.items() if p.spec.by_year}

    def build(text: Any, path: tuple[str | int, ...], want: Any, what: str) -> Compiled | None:
        try:
            c = compile_expression(str(text), units)
            if want in ("money", "money/year"):
                if not is_money(c, per_year=want == "money/year"):
                    raise gives_error(c, _MONEY if want == "money" else _MONEY_PER_YEAR)
            else:
                check_dimension(c, want, what)
            if what in (_MONEY_PER_YEAR, _MASS_PER_YEAR) and forgets_hours(c):
                raise forgotten_hours(c, what)
            return c
        except ExpressionError as err:
            if err.value not in broken:  # no second error for a parameter with a bad unit
                errors.add(err.located(file, path))
            return None
        except SpecError as err:
            errors.add(err.located(file, path))
            return None

    year = parse_unit("year")
    lifetime = None
    if spec.lifetime is not None:
        lifetime = build(spec.lifetime, ("lifetime",), year, _TIME)
        if lifetime is not None and lifetime.names & by_year:
            errors.add(_by_year_timing(file, ("lifetime",)))

    groups = list(spec.escalation)
    items: dict[str, Stream] = {}
    emissions: dict[str, Stream] = {}
    for kind, streams, out in (
        ("item", spec.items, items),
        ("emission", spec.emissions, emissions),
    ):
        section = "items" if kind == "item" else "emissions"
        for name, s in streams.items():
            path = (section, name)
            timing = s.timing
            if kind == "item":
                want_once: Any = "money"
                want_year: Any = "money/year"
                group = getattr(s, "escalation", None)
                if group and group not in groups:
                    groups.append(group)
            else:
                want_once, want_year = parse_unit("kg"), parse_unit("kg/year")
            amount_key = "amount" if timing in ("every", "at") else timing
            per_year = timing == "annual"
            what = (
                (_MONEY_PER_YEAR if per_year else _MONEY)
                if kind == "item"
                else (_MASS_PER_YEAR if per_year else _MASS)
            )
            amount = build(
                s.formula, (*path, amount_key), want_year if per_year else want_once, what
            )
            when = start = stop = None
            if timing in ("every", "at"):
                when = build(getattr(s, timing), (*path, timing), year, _TIME)
            own = getattr(s, "discounting", None)  # an item's own payment timing
            if own is not None and timing != "annual":
                errors.add(
                    SpecError(
                        "'discounting' goes with 'annual' only; a one-off amount falls at its "
                        "year's end",
                        file=file,
                        path=(*path, "discounting"),
                        value=own,
                        expected="an annual item",
                    ).speaks("discounting_annual")
                )
            if timing == "annual":
                if s.start is not None:
                    start = build(s.start, (*path, "start"), year, _TIME)
                if s.stop is not None:
                    stop = build(s.stop, (*path, "stop"), year, _TIME)
            for key, c in ((timing, when), ("start", start), ("stop", stop)):
                if c is not None and c.names & by_year:
                    errors.add(_by_year_timing(file, (*path, key)))
            if amount is not None:
                out[name] = Stream(name, kind, s, amount, when, start, stop)
    check_indexation(spec.items, parameters, file, errors)
    errors.raise_if_any()
    return ProductModel(
        spec=spec,
        file=file,
        parameters=parameters,
        items=items,
        emissions=emissions,
        lifetime=lifetime,
        escalation_groups=tuple(groups),
        basis_refs=refs,
    )


def _by_year_timing(file: str | None, path: tuple[str | int, ...]) -> SpecError:
    return SpecError(
        "a timing cannot use a parameter that varies by year (by_year: true)",
        file=file,
        path=path,
        expected="a timing from parameters that are the same every year",
    ).speaks("by_year_timing")
