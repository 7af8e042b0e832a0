"""Tokeniser and parser of the formula language.

Turns formula text (``price + 250 DKK``, ``ceil(period / life)``) into a tree
of :class:`Node` objects, refusing unknown names, unknown functions, unknown
units after a number, and formulas too long or too deeply nested. The tree is
compiled and unit-checked by :mod:`tco.spec.expr`; nothing here is ever
handed to Python's ``eval``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tco.errors import ExpressionError, suggest, suggest_name
from tco.limits import MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH
from tco.units import parse_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

MAX_LENGTH = MAX_FORMULA_LENGTH
MAX_DEPTH = MAX_FORMULA_DEPTH

#: Functions a formula may call, with the number of arguments they take.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "min": (2, None),
    "max": (2, None),
    "ceil": (1, 1),
    "floor": (1, 1),
    "round": (1, 1),
    "abs": (1, 1),
    "sqrt": (1, 1),
    "exp": (1, 1),
    "log": (1, 1),
}

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<name>[^\W\d]\w*[²³]?)
  | (?P<op>\*\*|[-+*/^(),%])
    """,
    re.VERBOSE | re.UNICODE,
)


@dataclass(frozen=True)
class Token:
    """One token of a formula: its kind, text and position."""

    kind: str
    text: str
    pos: int


@dataclass(frozen=True)
class Node:
    """A node of a parsed formula.

    ``kind`` is one of ``num`` (``value`` and ``unit``), ``name`` (``name``),
    ``neg`` (``args[0]``), ``bin`` (``op``, ``args``) and ``call`` (``name``,
    ``args``). ``height`` is the number of levels of the tree below and at
    this node (1 for a number or a name); it is capped at
    :data:`~tco.limits.MAX_FORMULA_DEPTH`, so that every operator counts,
    not only parentheses.
    """

    kind: str
    value: float = 0.0
    unit: str = ""
    name: str = ""
    op: str = ""
    args: tuple[Node, ...] = ()
    height: int = field(default=1, compare=False)


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            raise ExpressionError(
                f"unexpected character {text[pos]!r} at position {pos + 1} in '{text}'",
                value=text,
                expected="arithmetic with + - * / **, numbers with units, names and functions",
            ).speaks("formula_character", char=repr(text[pos]), pos=pos + 1, formula=text)
        kind = m.lastgroup or ""
        if kind != "ws":
            tokens.append(Token(kind, m.group(), pos))
        pos = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser:
    """Precedence-climbing parser; identifiers in ``names`` are variables."""

    def __init__(self, text: str, names: frozenset[str]) -> None:
        self.text = text
        self.names = names
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    # -- helpers -----------------------------------------------------------------
    def peek(self, k: int = 0) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, message: str, message_id: str, **params: Any) -> ExpressionError:
        """The error ``message`` about this formula, its message ``message_id`` in the catalogue."""
        return ExpressionError(
            f"{message} in '{self.text}'",
            value=self.text,
            expected="a formula such as 'power * operating_hours * electricity_price'",
        ).speaks(message_id, formula=self.text, **params)

    def too_deep(self) -> ExpressionError:
        """The error for a formula nested too deep (in parentheses or signs)."""
        return self.error(
            f"formula is nested more than {MAX_DEPTH} levels deep",
            "formula_too_deep",
            cap=MAX_DEPTH,
        )

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.text != text:
            pos = tok.pos + 1
            if not tok.text:
                raise self.error(
                    f"expected '{text}' at position {pos} but found the end",
                    "formula_expected_end",
                    needed=text,
                    pos=pos,
                )
            raise self.error(
                f"expected '{text}' at position {pos} but found {tok.text!r}",
                "formula_expected",
                needed=text,
                pos=pos,
                found=repr(tok.text),
            )

    # -- grammar -------------------------------------------------------------------
    def node(self, kind: str, *, op: str = "", name: str = "", args: tuple[Node, ...]) -> Node:
        """A node over ``args``, refused when the tree would grow too tall."""
        height = 1 + max(arg.height for arg in args)
        if height > MAX_DEPTH:
            raise self.error(
                f"formula is nested more than {MAX_DEPTH} levels deep (each operator is a "
                "level); split it into intermediate parameters",
                "formula_too_tall",
                cap=MAX_DEPTH,
            )
        return Node(kind, op=op, name=name, args=args, height=height)

    def parse(self) -> Node:
        node = self.expr()
        tok = self.peek()
        if tok.kind != "end":
            raise self.error(
                f"unexpected '{tok.text}' at position {tok.pos + 1}",
                "formula_unexpected",
                token=repr(tok.text),
                pos=tok.pos + 1,
            )
        return node

    def expr(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.too_deep()
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = self.node("bin", op=op, args=(node, self.term()))
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek().text in ("*", "/"):
            op = self.take().text
            node = self.node("bin", op=op, args=(node, self.unary()))
        return node

    def unary(self) -> Node:
        if self.peek().text in ("-", "+"):
            op = self.take().text
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.too_deep()
            operand = self.unary()
            self.depth -= 1
            return self.node("neg", args=(operand,)) if op == "-" else operand
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        if self.peek().text in ("**", "^"):
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.too_deep()
            exponent = self.unary()
            self.depth -= 1
            return self.node("bin", op="**", args=(base, exponent))
        return base

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            return self.number(float(tok.text))
        if tok.kind == "name":
            if self.peek().text == "(":
                return self.call(tok)
            if tok.text in self.names:
                return Node("name", name=tok.text)
            hint = suggest_name(tok.text, self.names)
            raise ExpressionError(
                f"unknown name '{tok.text}'{suggest(tok.text, self.names)} in '{self.text}'",
                value=tok.text,
                expected="a parameter of the model: " + ", ".join(sorted(self.names)),
            ).speaks("formula_unknown_name", name=tok.text, hint=hint, formula=self.text)
        if tok.text == "(":
            node = self.expr()
            self.expect(")")
            return node
        if not tok.text:
            raise self.error(
                f"unexpected the end of the formula at position {tok.pos + 1}",
                "formula_unexpected_end",
                pos=tok.pos + 1,
            )
        raise self.error(
            f"unexpected {tok.text!r} at position {tok.pos + 1}",
            "formula_unexpected",
            token=repr(tok.text),
            pos=tok.pos + 1,
        )

    def call(self, tok: Token) -> Node:
        if tok.text not in FUNCTIONS:
            hint = suggest_name(tok.text, FUNCTIONS)
            raise ExpressionError(
                f"unknown function '{tok.text}'{suggest(tok.text, FUNCTIONS)} in '{self.text}'",
                value=tok.text,
                expected="one of " + ", ".join(FUNCTIONS),
            ).speaks("formula_unknown_function", name=tok.text, hint=hint, formula=self.text)
        self.expect("(")
        args = [self.expr()]
        while self.peek().text == ",":
            self.take()
            args.append(self.expr())
        self.expect(")")
        lo, hi = FUNCTIONS[tok.text]
        if len(args) < lo or (hi is not None and len(args) > hi):
            if lo == hi:
                raise self.error(
                    f"{tok.text}() takes {lo} argument(s), got {len(args)}",
                    "formula_arguments",
                    name=tok.text,
                    count=lo,
                    n=len(args),
                )
            raise self.error(
                f"{tok.text}() takes at least {lo} argument(s), got {len(args)}",
                "formula_arguments_min",
                name=tok.text,
                count=lo,
                n=len(args),
            )
        return self.node("call", name=tok.text, args=tuple(args))

    def number(self, value: float) -> Node:
        """A number, with the unit that follows it (``250 DKK``, ``8 h/day``)."""
        parts: list[str] = []
        if self.peek().text == "%":
            self.take()
            return Node("num", value=value, unit="percent")
        if self._unit_name(self.peek()):
            parts.append(self.take().text)
            while True:
                if self.peek().text in ("**", "^") and self.peek(1).kind == "num":
                    self.take()
                    parts.append("**" + self.take().text)
                elif self.peek().text in ("*", "/") and self._unit_name(self.peek(1)):
                    parts.append(self.take().text)
                    parts.append(self.take().text)
                elif self._unit_name(self.peek()):
                    parts.append(" " + self.take().text)
                else:
                    break
        unit = "".join(parts).strip()
        if unit:
            parse_unit(unit)  # raise UnitError now for unknown units
        return Node("num", value=value, unit=unit)

    def _unit_name(self, tok: Token) -> bool:
        if tok.kind != "name" or tok.text in self.names or tok.text in FUNCTIONS:
            return False
        nxt = self.tokens[min(self.tokens.index(tok) + 1, len(self.tokens) - 1)]
        return nxt.text != "("


def parse(text: str, names: frozenset[str] | set[str]) -> Node:
    """Parse a formula into a tree.

    Parameters
    ----------
    text : str
        The formula.
    names : set of str
        The names a formula may use (the model's parameters and built-ins).

    Returns
    -------
    Node

    Raises
    ------
    ExpressionError
        On a syntax error, an unknown name or function, or a formula too
        long or too deeply nested.
    UnitError
        On an unknown unit after a number.

    Examples
    --------
    >>> parse("2 * x", {"x"}).op
    '*'
    >>> parse("250 DKK", set()).unit
    'DKK'
    """
    if not isinstance(text, str):
        raise ExpressionError(
            f"a formula must be text, got {type(text).__name__}",
            value=text,
            expected="a formula such as 'price + 250 DKK'",
        ).speaks("formula_not_text", kind=type(text).__name__)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"formula is {len(text)} characters long; at most {MAX_LENGTH} are allowed",
            value=text[:40] + "...",
            expected=f"a formula of at most {MAX_LENGTH} characters",
        ).speaks("formula_too_long", n_q=len(text), cap_q=MAX_LENGTH)
    return _Parser(text, frozenset(names)).parse()


def names_in(node: Node) -> set[str]:
    """Return the names a formula uses.

    Examples
    --------
    >>> sorted(names_in(parse("a * b + a", {"a", "b"})))
    ['a', 'b']
    """
    if node.kind == "name":
        return {node.name}
    out: set[str] = set()
    for arg in node.args:
        out |= names_in(arg)
    return out
