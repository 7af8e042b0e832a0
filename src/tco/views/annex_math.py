"""Formulas of a product model in mathematical notation, in plain text and in words.

A model's formula (``power * operating_hours * electricity_price``) is
parsed into its tree (:func:`tco.spec.expr.parse`) and written out three
ways for the tender annex:

- :func:`formula_mathml`: MathML for HTML (fractions, powers, ``⌈x⌉``);
- :func:`formula_text`: one line of plain Unicode text for DOCX
  (``power × operating_hours × electricity_price``);
- :func:`formula_words`: the same with each name replaced by its label in the
  reader's language (``Power × Operating hours × Electricity price``).

Parentheses are put back where precedence needs them, so each form reads
the same as the formula the engine evaluates. Names and units are escaped.

Examples
--------
>>> formula_text("a / (b * c) + 2", {"a", "b", "c"})
'a / (b × c) + 2'
>>> formula_words("max(a, 0 DKK)", {"a"}, {"a": "Price"})
'the larger of Price and 0 DKK'
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from html import escape

from tco.locale import section
from tco.spec.expr import Node, parse

__all__ = ["formula_mathml", "formula_text", "formula_words"]

#: Binding strength of each node, higher binds tighter.
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "**": 4}

# The words of the functions: the msgctxts "formula.NAME" of the catalogue (tco.locale).

_SUPERSCRIPT = str.maketrans("0123456789-.", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻·")


def _prec(node: Node) -> int:
    if node.kind == "bin":
        return _PREC[node.op]
    if node.kind == "neg":
        return _PREC["neg"]
    return 9


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _unit(unit: str) -> str:
    return "%" if unit == "percent" else unit.replace("**", "^").replace("*", "·")


def _needs_parens(child: Node, parent: Node, right: bool) -> bool:
    """Whether ``child`` needs parentheses as an operand of ``parent`` in linear text."""
    p, c = _prec(parent), _prec(child)
    if child.kind == "num" and child.unit and parent.kind == "bin" and parent.op != "+":
        return parent.op != "-" or right  # '250 DKK' inside '*' or '/' reads as one term
    if c < p:
        return True
    if c == p and right and parent.op in ("-", "/", "**"):
        return True
    return c == p and not right and parent.op == "**"


def _linear(
    node: Node, name: Callable[[str], str], call: Callable[[str, list[str]], str], times: str
) -> str:
    """Linear notation of a tree, with ``name`` and ``call`` writing names and functions."""

    def go(n: Node) -> str:
        if n.kind == "num":
            return f"{_number(n.value)} {_unit(n.unit)}".strip() if n.unit else _number(n.value)
        if n.kind == "name":
            return name(n.name)
        if n.kind == "neg":
            inner = go(n.args[0])
            return f"−({inner})" if _prec(n.args[0]) < _PREC["neg"] else f"−{inner}"
        if n.kind == "call":
            return call(n.name, [go(a) for a in n.args])
        left, right = n.args
        ls, rs = go(left), go(right)
        if _needs_parens(left, n, right=False):
            ls = f"({ls})"
        if _needs_parens(right, n, right=True):
            rs = f"({rs})"
        if n.op == "**":
            return f"{ls}^{rs}"
        op = {"*": f" {times} ", "/": " / ", "+": " + ", "-": " − "}[n.op]
        return ls + op + rs

    return go(node)


def _symbolic_call(name: str, args: list[str]) -> str:
    if name == "ceil":
        return f"⌈{args[0]}⌉"
    if name == "floor":
        return f"⌊{args[0]}⌋"
    if name == "abs":
        return f"|{args[0]}|"
    if name == "sqrt":
        return f"√({args[0]})"
    return f"{name}({', '.join(args)})"


def _names(names: Collection[str]) -> frozenset[str]:
    return frozenset(names) | {"period"}


def formula_text(text: str, names: Collection[str]) -> str:
    """A formula in plain Unicode notation, one line.

    Parameters
    ----------
    text : str
        The formula as written in the model.
    names : collection of str
        The names it may use (the model's parameters; ``period`` is added).

    Examples
    --------
    >>> formula_text(
    ...     "ceil(period / (life / hours)) * (price + 250 DKK)", {"life", "hours", "price"}
    ... )
    '⌈period / (life / hours)⌉ × (price + 250 DKK)'
    >>> formula_text("-(a - b) ** 2", {"a", "b"})
    '−(a − b)^2'
    """
    tree = parse(text, _names(names))
    return _linear(tree, lambda n: n, _symbolic_call, "×")


def formula_words(
    text: str, names: Collection[str], labels: Mapping[str, str], lang: str = "en"
) -> str:
    """A formula with every name replaced by its label, functions said in words.

    Parameters
    ----------
    text : str
        The formula.
    names : collection of str
        The names it may use.
    labels : mapping of str to str
        The label of each name in ``lang``; a name without one is shown as is.
    lang : {"en", "da"}

    Examples
    --------
    >>> formula_words("ceil(x)", {"x"}, {"x": "Antal"}, "da")
    'Antal rundet op til et helt tal'
    """
    words = section("formula.", lang)
    tree = parse(text, _names(names))

    def call(name: str, args: list[str]) -> str:
        if name in ("min", "max"):
            return words[name].format(args=", ".join(args[:-1]) + words["and"] + args[-1])
        return words[name].format(*args)

    return _linear(tree, lambda n: labels.get(n, n), call, "×")


def formula_mathml(
    text: str, names: Collection[str], *, display: bool = False, lhs: str = ""
) -> str:
    """A formula as a MathML ``<math>`` element (escaped).

    Division is a fraction, a power a superscript, ``ceil`` and ``floor``
    their brackets; names are upright identifiers, numbers with their units.
    With ``lhs``, the formula is written as ``lhs = ...``; with ``display``, as
    a block.

    Examples
    --------
    >>> formula_mathml("a / b", {"a", "b"})
    '<math><mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac></math>'
    >>> formula_mathml("2 * (a + 250 DKK)", {"a"})[:60]
    '<math><mn>2</mn><mo>×</mo><mrow><mo>(</mo><mi>a</mi><mo>+</m'
    """
    tree = parse(text, _names(names))

    def paren(inner: str) -> str:
        return f"<mrow><mo>(</mo>{inner}<mo>)</mo></mrow>"

    def go(n: Node, parent: Node | None = None, right: bool = False) -> str:
        if n.kind == "num":
            out = f"<mn>{escape(_number(n.value))}</mn>"
            if n.unit:
                unit = f"<mtext>{escape(_unit(n.unit))}</mtext>"
                out = f'<mrow>{out}<mspace width="0.2em"/>{unit}</mrow>'
            return out
        if n.kind == "name":
            return f"<mi>{escape(n.name)}</mi>"
        if n.kind == "neg":
            inner = go(n.args[0])
            if _prec(n.args[0]) < _PREC["neg"]:
                inner = paren(inner)
            return f"<mrow><mo>−</mo>{inner}</mrow>"
        if n.kind == "call":
            args = [go(a) for a in n.args]
            brackets = {"ceil": ("⌈", "⌉"), "floor": ("⌊", "⌋"), "abs": ("|", "|")}
            if n.name in brackets:
                lo, hi = brackets[n.name]
                return f"<mrow><mo>{lo}</mo>{args[0]}<mo>{hi}</mo></mrow>"
            if n.name == "sqrt":
                return f"<msqrt>{args[0]}</msqrt>"
            joined = "<mo>,</mo>".join(args)
            return f"<mrow><mi>{escape(n.name)}</mi>{paren(joined)}</mrow>"
        left, right_node = n.args
        if n.op == "/":
            return f"<mfrac><mrow>{go(left)}</mrow><mrow>{go(right_node)}</mrow></mfrac>"
        ls = go(left, n, False)
        if n.op == "**":
            if left.kind not in ("name", "num") or left.unit:
                ls = paren(ls)
            return f"<msup><mrow>{ls}</mrow><mrow>{go(right_node)}</mrow></msup>"
        rs = go(right_node, n, True)
        # A fraction groups itself; otherwise parenthesise by precedence.
        if left.kind == "bin" and left.op != "/" and _needs_parens(left, n, right=False):
            ls = paren(ls)
        if _needs_parens(right_node, n, right=True) and not (
            right_node.kind == "bin" and right_node.op == "/"
        ):
            rs = paren(rs)
        op = {"*": "×", "+": "+", "-": "−"}[n.op]
        return f"{ls}<mo>{op}</mo>{rs}"

    body = go(tree)
    if lhs:
        body = f"<mi>{escape(lhs)}</mi><mo>=</mo>{body}"
    attr = ' display="block"' if display else ""
    return f"<math{attr}>{body}</math>"
