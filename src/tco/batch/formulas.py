"""Formulas evaluated over many rows, kept factored (used by :mod:`tco.batch`).

A cost formula is mostly a product: ``annual_distance * consumption *
fuel_price``. Split into its factors, the scalars (buyer values, constants,
a column's unit conversion) multiply together first and the per-row columns
once, so a formula costs one pass over the rows; a factor with a yearly
series becomes a per-year factor.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.spec.expr import Compiled, Node, build, names_in
from tco.spec.product import BUILTINS, ProductModel
from tco.units import parse_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Value = Any  # a float, or an ndarray of shape (B,)


class Env(Mapping[str, Any]):
    """Values of a formula's names.

    Columns are kept as given, with a factor to the plan's units; scalars are in
    the plan's units. Reading a column gives it in the plan's units (computed once).
    """

    def __init__(
        self, raw: dict[str, Array], scale: dict[str, float], scalars: dict[str, float], n: int
    ) -> None:
        self.raw, self.scale, self.scalars, self.n = raw, scale, scalars, n
        self._base: dict[str, Array] = {}

    @property
    def per_row(self) -> set[str]:
        """Names whose values differ per row."""
        return set(self.raw)

    def __getitem__(self, name: str) -> Any:
        if name in self.scalars:
            return self.scalars[name]
        if name not in self._base:
            f = self.scale[name]
            self._base[name] = self.raw[name] * f if f != 1.0 else self.raw[name]
        return self._base[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**self.scalars, **self.raw})

    def __len__(self) -> int:
        return len(self.scalars) + len(self.raw)


class YearView(Mapping[str, Any]):
    """Scalars and yearly series (shape (T + 1,)), for per-year factors."""

    def __init__(self, env: Env, series: Mapping[str, Array]) -> None:
        self.env, self.series = env, series

    def __getitem__(self, name: str) -> Any:
        return self.series[name] if name in self.series else self.env.scalars[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**self.env.scalars, **self.series})

    def __len__(self) -> int:
        return len(self.env.scalars) + len(self.series)


@dataclass(frozen=True)
class Factor:
    """One factor of a formula's top-level product, with its exponent (+1 or -1)."""

    names: frozenset[str]
    power: int
    fn: Any
    name: str | None  # a bare parameter name


@dataclass(frozen=True)
class Amount:
    """``const * prod(row ** power)``: an amount per row, kept factored."""

    const: float
    rows: list[tuple[Array, int]]
    n: int

    def scaled(self, factor: float) -> Amount:
        """The amount times ``factor``, with the per-row factors multiplied out."""
        rows = self.rows
        if len(rows) > 1:  # multiply the per-row factors once
            out = rows[0][0].copy() if rows[0][1] > 0 else 1.0 / rows[0][0]
            for arr, power in rows[1:]:
                if power > 0:
                    out *= arr
                else:
                    out /= arr
            rows = [(out, 1)]
        return Amount(self.const * factor, rows, self.n)

    def times(self, w: Value) -> Array:
        """A new array ``amount * w`` (``w`` a float or an array of shape (B,))."""
        scalar = np.ndim(w) == 0
        c = self.const * float(w) if scalar else self.const
        if not self.rows:
            out = np.full(self.n, c) if scalar else np.asarray(w, dtype=np.float64) * c
            return out
        arr, power = self.rows[0]
        with np.errstate(all="ignore"):
            out = arr * c if power > 0 else c / arr
            for arr, power in self.rows[1:]:
                if power > 0:
                    out *= arr
                else:
                    out /= arr
            if not scalar:
                out *= w
        return out

    def add_to(self, out: Array, w: float, scratch: Array) -> None:
        """``out += amount * w`` for a float ``w``, using ``scratch`` instead of a new array.

        Examples
        --------
        >>> a = Amount(2.0, [(np.array([1.0, 3.0]), 1)], 2)
        >>> out = np.ones(2)
        >>> a.add_to(out, 10.0, np.empty(2))
        >>> out
        array([21., 61.])
        """
        c = self.const * w
        if not self.rows:
            out += c
            return
        arr, power = self.rows[0]
        with np.errstate(all="ignore"):
            if power > 0:
                np.multiply(arr, c, out=scratch)
            else:
                np.divide(c, arr, out=scratch)
            for arr, power in self.rows[1:]:
                if power > 0:
                    scratch *= arr
                else:
                    scratch /= arr
            out += scratch


class Mixed(Exception):
    """A factor of a formula holds both a yearly series and per-row values."""


class AtYear:
    """A formula's amount in one year ``t``, with yearly series taken at ``t``."""

    def __init__(self, c: Compiled, env: Env, series: Mapping[str, Array], factor: float) -> None:
        self.c, self.env, self.series, self.factor = c, env, series, factor

    def __call__(self, t: int) -> Value:
        """The amount in year ``t``: a float, or an array of shape (B,)."""
        env = self.env
        view = {**{k: env[k] for k in env}, **{k: v[t] for k, v in self.series.items()}}
        with np.errstate(all="ignore"):
            out = np.asarray(self.c.fn(view), dtype=np.float64) * self.factor
        return float(out) if out.ndim == 0 else out

    def at(self, years: Any, n: int) -> Array:
        """The amount in each row's own year ``years[row]``."""
        years = np.broadcast_to(np.asarray(years), (n,))
        out = np.zeros(n)
        for t in np.unique(years):
            hit = years == t
            out[hit] = np.broadcast_to(self(int(t)), (n,))[hit]
        return out


ZERO = Amount(0.0, [], 0)


def factors(node: Node, power: int) -> list[tuple[Node, int]]:
    """Flatten a product/quotient into factors with exponents +1 or -1."""
    if node.kind == "bin" and node.op in ("*", "/"):
        left, right = node.args
        return factors(left, power) + factors(right, power if node.op == "*" else -power)
    if node.kind == "neg":
        return [(Node("num", value=-1.0), 1), *factors(node.args[0], power)]
    return [(node, power)]


class RowFormulas:
    """A model's formulas evaluated over rows, split into per-row and per-year factors.

    Each formula's parsed tree (:attr:`tco.spec.expr.Compiled.tree`) is split
    into the factors of its top-level product once; each factor gets its own
    function, built from the tree (the text is never parsed again).
    """

    def __init__(self, model: ProductModel) -> None:
        params = model.parameters
        self.units = {n: p.unit / p.unit.magnitude for n, p in params.items()}
        self.units.update({n: parse_unit(u) for n, u in BUILTINS.items()})
        self.by_year = {n for n, p in params.items() if p.spec.by_year}
        self._factors: dict[str, list[Factor]] = {}

    def factors(self, c: Compiled) -> list[Factor]:
        """The factors of a formula's top-level product, each with its own function."""
        found = self._factors.get(c.text)
        if found is None:
            assert c.tree is not None, "a formula compiled by compile_expression has its tree"
            found = [
                Factor(
                    frozenset(names_in(node)),
                    power,
                    build(node, self.units, c.text)[1],
                    node.name if node.kind == "name" else None,
                )
                for node, power in factors(c.tree, 1)
            ]
            self._factors[c.text] = found
        return found

    def amount(
        self, c: Compiled, env: Env, series: Mapping[str, Array], T: int
    ) -> tuple[Amount, Array | None]:
        """Split a formula into a per-row part and a per-year part (their product).

        Scalars are multiplied first and a column's unit factor is folded into
        them, so a formula such as ``distance * consumption * price`` costs one
        pass over the rows.

        Raises
        ------
        Mixed
            If a factor holds both a yearly series and per-row values.
        """
        const = 1.0
        rows: list[tuple[Array, int]] = []
        year: Array | None = None
        with np.errstate(all="ignore"):
            for f in self.factors(c):
                if f.names & self.by_year:
                    if f.names & env.per_row:
                        raise Mixed
                    v = np.asarray(f.fn(YearView(env, series)), dtype=np.float64)
                    v = v if f.power > 0 else 1.0 / v
                    year = v if year is None else year * v
                elif f.names & env.per_row:
                    if f.name is not None and f.name in env.raw:
                        rows.append((env.raw[f.name], f.power))
                        const *= env.scale[f.name] ** f.power
                    else:
                        rows.append((np.asarray(f.fn(env), dtype=np.float64), f.power))
                else:
                    s = float(f.fn(env))
                    const = const * s if f.power > 0 else const / s
        if year is not None:
            year = np.broadcast_to(year.reshape(-1), (T + 1,))
        return Amount(const, rows, env.n), year

    def value(self, c: Compiled, env: Env, factor: float = 1.0) -> Value:
        """A formula's value times ``factor``: a float, or an array of shape (B,)."""
        amount, _ = self.amount(c, env, {}, 0)
        amount = amount.scaled(factor)
        return amount.const if not amount.rows else amount.times(1.0)
