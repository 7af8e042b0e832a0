"""The safe expression language of product models.

Cost amounts and timings are formulas over parameters::

    power * operating_hours * electricity_price
    price + 250 DKK
    ceil(period / (rated_life / operating_hours))
    max(0 DKK, price - 2000 DKK)

The grammar is arithmetic only: ``+ - * / **`` (``^`` too), parentheses,
numbers optionally followed by a unit (``250 DKK``, ``8 h/day``, ``4 %``),
parameter names and the functions in :data:`FUNCTIONS`. Text is tokenised and
parsed into a tree by :mod:`tco.spec.parsing` (re-exported here); nothing is
ever handed to Python's ``eval``.

A parsed formula is compiled against the units of the names it uses: the
compiler checks every ``+``, ``-``, ``min`` and ``max`` for matching
dimensions and returns the unit of the result, and a plain function over
numpy arrays in the plan's units (:func:`tco.units.plan_factor`: the coherent
system whose unit of time is the year). The arrays hold no units; no unit is
looked at when the function runs. This module holds that compiler: evaluation, unit
checking and dimension checks.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tco.errors import ExpressionError, UnitError
from tco.spec.parsing import FUNCTIONS, Node, names_in, parse
from tco.units import parse_unit, quantity, show_unit, to_plan

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["FUNCTIONS", "Node", "names_in", "parse"]


Values = Mapping[str, Any]
Fn = Callable[[Values], Any]


@dataclass(frozen=True)
class Compiled:
    """A unit-checked formula, ready to run on plain arrays.

    Attributes
    ----------
    text : str
        The formula as written.
    quantity : Quantity
        Magnitude 1 in the unit of the result, in the units the inputs were
        declared in (for messages).
    names : frozenset of str
        The names the formula uses.
    fn : callable
        ``fn(values)`` evaluates the formula on a mapping of name to array (or
        float) in the plan's units and returns the result in the plan's units.
    tree : Node, optional
        The parsed formula (see :attr:`factors`); never parsed a second time.
    units : mapping of str to Quantity, optional
        The unit of each name the formula may use, as it was compiled with.
    """

    text: str
    quantity: Any
    names: frozenset[str]
    fn: Fn
    tree: Node | None = field(default=None, compare=False, repr=False)
    units: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def factors(self) -> tuple[Factor, ...]:
        """The factors of the formula's top-level product, each compiled on its own.

        Their product is the formula: ``prod(f.fn(values) ** f.power)``. A caller
        that evaluates many rows multiplies the plain numbers first and keeps a
        factor with a yearly series apart (the batch API,
        :class:`tco.engine.pv.FactoredAmount`).

        Examples
        --------
        >>> c = compile_expression("-a * b / c", {"a": "DKK", "b": "1", "c": "year"})
        >>> [(sorted(f.names), f.power) for f in c.factors]
        [([], 1), (['a'], 1), (['b'], 1), (['c'], -1)]
        """
        assert self.tree is not None and self.units is not None, "compiled by compile_expression"
        return tuple(
            Factor(
                frozenset(names_in(node)),
                power,
                build(node, self.units, self.text)[1],
                node.name if node.kind == "name" else None,
            )
            for node, power in _factors(self.tree, 1)
        )

    @property
    def dimensionality(self) -> Any:
        """The dimension of the result."""
        return self.quantity.dimensionality

    def evaluate(self, values: Values) -> Any:
        """Evaluate in the plan's units; raise on a non-finite result.

        Raises
        ------
        ExpressionError
            If the result holds NaN or infinity (division by zero, overflow).

        Examples
        --------
        >>> c = compile_expression("a / b", {"a": "DKK", "b": "year"})
        >>> float(c.evaluate({"a": 10.0, "b": 2.0}))
        5.0
        """
        return run_formula(self.fn, self.text, values)


def run_formula(fn: Fn, text: str, values: Values) -> Any:
    """Run a compiled formula's function on values in the plan's units; refuse a non-finite result.

    The one evaluation of a formula: :meth:`Compiled.evaluate` and the plan's
    own formulas (:class:`tco.plan.product.Formula`) call it.

    Parameters
    ----------
    fn : callable
        The formula's function (:attr:`Compiled.fn`).
    text : str
        The formula as written, for messages.
    values : mapping of str to float or ndarray
        Each name's value in the plan's units. [plan units]

    Returns
    -------
    float or ndarray
        The result in the plan's units. [plan units]

    Raises
    ------
    ExpressionError
        If the result holds NaN or infinity (division by zero, overflow).
    """
    with np.errstate(all="ignore"):
        try:
            out = fn(values)
        except (ZeroDivisionError, OverflowError, ValueError) as exc:
            raise ExpressionError(
                f"formula '{text}' gives a non-finite result ({exc})",
                value=text,
                expected="a formula with a finite result",
            ).speaks("formula_not_finite", formula=text) from None
    arr = np.asarray(out, dtype=np.float64)
    if not np.all(np.isfinite(arr)):
        raise ExpressionError(
            f"formula '{text}' gives a non-finite result (division by zero or overflow)",
            value=text,
            expected="a formula with a finite result for every bid",
        ).speaks("formula_not_finite", formula=text)
    return out


@dataclass(frozen=True)
class Factor:
    """One factor of a formula's top-level product (:attr:`Compiled.factors`).

    Attributes
    ----------
    names : frozenset of str
        The names the factor uses.
    power : {1, -1}
        Its exponent: -1 for a divisor.
    fn : callable
        ``fn(values)`` evaluates the factor, as :attr:`Compiled.fn` the formula.
    name : str, optional
        The parameter, when the factor is a bare name.
    """

    names: frozenset[str]
    power: int
    fn: Fn
    name: str | None


def _factors(node: Node, power: int) -> list[tuple[Node, int]]:
    """Flatten a product or quotient into factors with exponents +1 or -1."""
    if node.kind == "bin" and node.op in ("*", "/"):
        left, right = node.args
        return _factors(left, power) + _factors(right, power if node.op == "*" else -power)
    if node.kind == "neg":
        return [(Node("num", value=-1.0), 1), *_factors(node.args[0], power)]
    return [(node, power)]


def compile_expression(text: str, units: Mapping[str, str | Any]) -> Compiled:
    """Parse and unit-check a formula.

    Parameters
    ----------
    text : str
        The formula.
    units : mapping of str to str or Quantity
        The unit of each name the formula may use.

    Returns
    -------
    Compiled

    Raises
    ------
    ExpressionError, UnitError

    Examples
    --------
    >>> c = compile_expression(
    ...     "power * hours * price", {"power": "W", "hours": "h/year", "price": "DKK/kWh"}
    ... )
    >>> c.quantity.to("DKK/year").magnitude
    0.001
    >>> compile_expression("power + price", {"power": "W", "price": "DKK"})
    Traceback (most recent call last):
    ...
    tco.errors.UnitError: cannot add 'W' and 'DKK' in 'power + price': their dimensions differ
    """
    qs = {k: _unit(parse_unit(v)) if isinstance(v, str) else v for k, v in units.items()}
    tree = parse(text, frozenset(qs))
    q, fn = build(tree, qs, text)
    return Compiled(
        text=text, quantity=q, names=frozenset(names_in(tree)), fn=fn, tree=tree, units=qs
    )


def unit_words(q: Any) -> str:
    """A quantity's unit as people write it (``'DKK/year'``, ``'dimensionless'``).

    Examples
    --------
    >>> unit_words(compile_expression("a / b", {"a": "DKK", "b": "year"}).quantity)
    'DKK/year'
    """
    return show_unit(q.units) or "dimensionless"


def _is_dimensionless(q: Any) -> bool:
    return bool(q.dimensionless)


def build(node: Node, qs: Mapping[str, Any], text: str) -> tuple[Any, Fn]:
    """Return (unit quantity of magnitude 1, numeric function) for a node."""
    if node.kind == "num":
        q = (
            quantity(node.value, node.unit or "dimensionless")
            if node.unit
            else quantity(node.value)
        )
        base = to_plan(q)
        unit_q = q / node.value if node.value != 0 else quantity(1.0, node.unit or "dimensionless")
        const = np.float64(base)
        return unit_q, lambda v: const

    if node.kind == "name":
        name = node.name
        return qs[name], lambda v: v[name]

    if node.kind == "neg":
        q, f = build(node.args[0], qs, text)
        return q, lambda v: -f(v)

    if node.kind == "call":
        return _build_call(node, qs, text)

    left, right = node.args
    ql, fl = build(left, qs, text)
    qr, fr = build(right, qs, text)
    op = node.op
    if op in ("+", "-"):
        if ql.dimensionality != qr.dimensionality:
            verb = "add" if op == "+" else "subtract"
            raise UnitError(
                f"cannot {verb} '{unit_words(ql)}' and '{unit_words(qr)}' in '{text}': "
                "their dimensions differ",
                value=text,
                expected="terms of the same dimension",
            ).speaks(f"formula_{verb}", left_q=unit_words(ql), right_q=unit_words(qr), formula=text)
        if op == "+":
            return ql, lambda v: fl(v) + fr(v)
        return ql, lambda v: fl(v) - fr(v)
    if op == "*":
        return _unit(ql * qr), lambda v: fl(v) * fr(v)
    if op == "/":
        return _unit(ql / qr), lambda v: fl(v) / fr(v)
    # op == "**"
    if not _is_dimensionless(qr):
        raise UnitError(
            f"the exponent in '{text}' has unit '{unit_words(qr)}'; "
            "an exponent must be a plain number",
            value=text,
            expected="a dimensionless exponent",
        ).speaks("formula_exponent_unit", unit_q=unit_words(qr), formula=text)
    if _is_dimensionless(ql):
        return _unit(ql), lambda v: fl(v) ** fr(v)
    exponent = _constant(right)
    if exponent is None:
        raise UnitError(
            f"'{unit_words(ql)}' is raised to a power that is not a constant in '{text}'",
            value=text,
            expected="a constant exponent for a quantity with a unit",
        ).speaks("formula_power_not_constant", unit_q=unit_words(ql), formula=text)
    return _unit(ql**exponent), lambda v: fl(v) ** exponent


def _unit(q: Any) -> Any:
    """Normalise a unit quantity to magnitude 1 (keeps numeric factors out)."""
    mag = float(q.magnitude)
    return q / mag if mag not in (0.0, 1.0) and math.isfinite(mag) else q


def _constant(node: Node) -> float | None:
    if node.kind == "num" and not node.unit:
        return node.value
    if node.kind == "neg":
        inner = _constant(node.args[0])
        return None if inner is None else -inner
    return None


_NP: dict[str, Callable[[Any], Any]] = {
    "ceil": np.ceil,
    "floor": np.floor,
    "round": np.round,
    "sqrt": np.sqrt,
    "exp": np.exp,
    "log": np.log,
}


def _build_call(node: Node, qs: Mapping[str, Any], text: str) -> tuple[Any, Fn]:
    built = [build(a, qs, text) for a in node.args]
    name = node.name
    if name in ("min", "max"):
        q0 = built[0][0]
        for q, _ in built[1:]:
            if q.dimensionality != q0.dimensionality:
                raise UnitError(
                    f"{name}() in '{text}' compares '{unit_words(q0)}' with '{unit_words(q)}'; "
                    "all arguments must have the same dimension",
                    value=text,
                    expected="arguments of the same dimension",
                ).speaks(
                    "formula_compare",
                    name=name,
                    left_q=unit_words(q0),
                    right_q=unit_words(q),
                    formula=text,
                )
        fns = [f for _, f in built]
        reduce = np.minimum if name == "min" else np.maximum

        def minmax(v: Values) -> Any:
            out = fns[0](v)
            for f in fns[1:]:
                out = reduce(out, f(v))
            return out

        return q0, minmax
    (q, f) = built[0]
    if name == "abs":
        return q, lambda v: np.abs(f(v))
    if name == "sqrt" and not _is_dimensionless(q):
        return _unit(q**0.5), lambda v: np.sqrt(f(v))
    if not _is_dimensionless(q):
        raise UnitError(
            f"{name}() in '{text}' needs a plain number but its argument has unit "
            f"'{unit_words(q)}'; "
            f"divide by a unit first, as in {name}(x / (1 year))",
            value=text,
            expected="a dimensionless argument",
        ).speaks("formula_plain_number", name=name, unit_q=unit_words(q), formula=text)
    func = _NP[name]
    # A dimensionless argument such as 'h/year' is a plain number in the plan's units already.
    return quantity(1.0), lambda v: func(f(v))


def check_dimension(compiled: Compiled, expected: Any, what: str) -> None:
    """Raise :class:`UnitError` unless a formula has the dimension of ``expected``.

    Parameters
    ----------
    compiled : Compiled
        The formula.
    expected : Quantity or Unit
        A unit of the required dimension.
    what : str
        Words for the requirement, as in ``"money per year such as 'DKK/year'"``.
    """
    if compiled.dimensionality != expected.dimensionality:
        raise gives_error(compiled, what)


def gives_error(compiled: Compiled, what: str) -> UnitError:
    """The error of a formula whose unit is not the one required (``what``, in words).

    Examples
    --------
    >>> from tco.units.values import parse_unit
    >>> c = compile_expression("p * 2", {"p": parse_unit("W")})
    >>> str(gives_error(c, "money such as 'DKK'"))
    "'p * 2' gives 'W', expected money such as 'DKK'"
    """
    words = unit_words(compiled.quantity)
    return UnitError(
        f"'{compiled.text}' gives '{words}', expected {what}", value=compiled.text, expected=what
    ).speaks("formula_gives", formula=compiled.text, got_q=words, want=what)
