"""The unit grammar: unit text to a pint unit of tco's registry, never handed to pint's parser.

A unit is written from unit names, ``*`` (or a space, ``·``), ``/``, ``^`` or
``**`` with a small whole exponent (or ``²``, ``³``), and parentheses::

    unit    := term (("*" | "/" | " ") term)*       left to right
    term    := atom ("^" int | "**" int | "²" | "³")?
    atom    := name | "(" unit ")" | "1" (before "/") | number (after "/": "l/100 km")

A name is looked up on its own in tco's registry (:func:`lookup`: the names and
prefixes of ``definitions.txt``, the currencies, ``CO2e``, ...); ``ton`` is the
metric tonne (1000 kg) and a US short ton is written ``short_ton``. Danish words
(``år``, ``måned``, ``timer``, ``procent``, ...) are aliases in the definitions;
``kr``, ``kr.`` and ``øre`` are read as Danish money only under
``number_format: da``. The text is capped in length, nesting and number of
factors, so parsing takes bounded time whatever it is given, and each text is
read once (an LRU cache on the text).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from difflib import get_close_matches
from typing import Any

from tco.limits import MAX_UNIT_DEPTH, MAX_UNIT_EXPONENT, MAX_UNIT_FACTORS
from tco.units.numbers import NumberProblem
from tco.units.registry import registry
from tco.units.registry import unit as named

__all__ = [
    "DANISH_MONEY",
    "UnitProblem",
    "hint_for",
    "lookup",
    "parse_unit_text",
    "resolve_name",
]

#: Danish money words, read as DKK under ``number_format: da`` only.
DANISH_MONEY: dict[str, tuple[float, str]] = {
    "kr": (1.0, "DKK"),
    "kr.": (1.0, "DKK"),
    "kroner": (1.0, "DKK"),
    "øre": (0.01, "DKK"),
}
#: Names a buyer might type that are not units, with the unit to write.
_HINTS: dict[str, str] = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "m2": "m^2",
    "m3": "m^3",
    "stk": "a plain number (no unit)",
    "pcs": "a plain number (no unit)",
    "kwh": "kWh",
    "mwh": "MWh",
    "kw": "kW",
}
#: Common units, for "did you mean" hints.
_COMMON = [
    "W",
    "kW",
    "MW",
    "kWh",
    "MWh",
    "GWh",
    "Wh",
    "J",
    "MJ",
    "GJ",
    "h",
    "min",
    "s",
    "day",
    "week",
    "month",
    "year",
    "km",
    "m",
    "cm",
    "mm",
    "l",
    "m^3",
    "kg",
    "g",
    "t",
    "short_ton",
    "%",
    "DKK",
    "EUR",
    "SEK",
    "NOK",
    "USD",
    "GBP",
    "CO2e",
    "page",
    "sheet",
]

#: Words for units, lower-case, with the unit to write.
_WORDS: dict[str, str] = {
    "watt": "W",
    "kilowatt": "kW",
    "hour": "h",
    "hours": "h",
    "liter": "l",
    "litre": "l",
    "kilogram": "kg",
    "tonne": "t",
    "euro": "EUR",
    "krone": "DKK",
    "kroner": "DKK",
    "percent": "%",
    "years": "year",
    "aar": "year",
}

_TOKEN_RE = re.compile(
    r"(?P<name>[^\W\d_]\w*\.?|%|‰)|(?P<number>\d+(?:\.\d+)?)|(?P<op>\*\*|[*/^()·⋅×])"
    r"|(?P<sup>[²³⁴])"
)
_SPACE_RE = re.compile(r"\s*")
_INT_RE = re.compile(r"\(?\s*([-+\u2212]?\s*\d{1,3})\s*\)?(?![\d.,])")
_ENDS_ATOM = ("name", "number", "sup", "exp")


class UnitProblem(NumberProblem):
    """A unit text that cannot be read: the message id and its fields."""


Token = tuple[str, str]


def _tokens(text: str) -> list[Token]:
    """Split unit text into tokens; a space between two atoms is a '*'."""
    out: list[Token] = []
    pos = 0
    while True:
        pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return out
        if out and out[-1] in (("op", "^"), ("op", "**")):
            exp = _INT_RE.match(text, pos)
            if exp is None:
                shown = text[pos : pos + 6].strip()
                raise UnitProblem("exponent", {"exponent": shown, "cap": str(MAX_UNIT_EXPONENT)})
            out.append(("exp", re.sub(r"\s", "", exp.group(1)).replace("\u2212", "-")))
            pos = exp.end()
            continue
        match = _TOKEN_RE.match(text, pos)
        if match is None and text[pos] in _HINTS:
            raise UnitProblem("unknown_unit", {"name": text[pos], "hint": _HINTS[text[pos]]})
        if match is None:
            raise UnitProblem("unit_syntax", {"detail": f"'{text[pos]}' is not part of a unit"})
        kind = match.lastgroup or ""
        value, end = match.group(kind), match.end()
        if kind == "name" and value.endswith(".") and value not in DANISH_MONEY:
            value, end = value[:-1], end - 1
        if kind == "op" and value in "·⋅×":
            value = "*"
        starts = kind in ("name", "number") or (kind, value) == ("op", "(")
        if starts and out and (out[-1][0] in _ENDS_ATOM or out[-1] == ("op", ")")):
            out.append(("op", "*"))
        out.append((kind, value))
        pos = end
        if len(out) > 4 * MAX_UNIT_FACTORS:
            raise UnitProblem("unit_too_long", {"cap": str(MAX_UNIT_FACTORS)})


class _Parser:
    """Recursive descent over the tokens; builds (factor, unit) pairs."""

    def __init__(self, tokens: list[Token], resolve: Callable[[str], tuple[float, Any]]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.factors = 0
        self.resolve = resolve
        self.names: set[str] = set()

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def unit(self) -> tuple[float, Any]:
        factor, unit = self.term(first=True)
        while (token := self.peek()) is not None and token[0] == "op" and token[1] in "*/":
            self.take()
            if token[1] == "*":
                f, u = self.term()
                factor, unit = factor * f, unit * u
            else:
                f, u = self.divisor()
                factor, unit = factor / f, unit / u
        return factor, unit

    def divisor(self) -> tuple[float, Any]:
        """What follows '/': a term, or a number and the term it counts ('/100 km')."""
        token = self.peek()
        if token is not None and token[0] == "number":
            self.take()
            count = float(token[1])
            if count <= 0:
                raise UnitProblem("unit_syntax", {"detail": "a unit is not divided by 0"})
            nxt = self.peek()
            if nxt == ("op", "*"):
                self.take()
                f, u = self.term()
                return count * f, u
            return count, named("")
        return self.term()

    def term(self, first: bool = False) -> tuple[float, Any]:
        self.factors += 1
        if self.factors > MAX_UNIT_FACTORS:
            raise UnitProblem("unit_too_long", {"cap": str(MAX_UNIT_FACTORS)})
        token = self.peek()
        if token is None:
            raise UnitProblem("unit_syntax", {"detail": "a unit name is missing at the end"})
        self.take()
        kind, value = token
        if kind == "name":
            if value in self.names:  # 'DKK**2/DKK', 'DKK*h/h': write the unit it comes to
                raise UnitProblem("repeated_unit", {"name": value})
            self.names.add(value)
            factor, unit = self.resolve(value)
        elif kind == "number" and value == "1" and first and self.peek() in (None, ("op", "/")):
            factor, unit = 1.0, named("")
        elif kind == "number" and first and self.depth > 0 and self.peek() == ("op", "*"):
            factor, unit = float(value), named("")  # '(100 km)': a count of units
            if factor <= 0:
                raise UnitProblem("unit_syntax", {"detail": "a unit is not counted by 0"})
        elif kind == "op" and value == "(":
            self.depth += 1
            if self.depth > MAX_UNIT_DEPTH:
                raise UnitProblem("unit_too_deep", {"cap": str(MAX_UNIT_DEPTH)})
            factor, unit = self.unit()
            if self.peek() != ("op", ")"):
                raise UnitProblem("unit_syntax", {"detail": "a '(' is not closed"})
            self.take()
            self.depth -= 1
        elif kind == "number":
            before = self.tokens[self.i - 2][1] if self.i >= 2 else ""
            raise UnitProblem("arithmetic", {"op": before or value})
        else:
            raise UnitProblem("unit_syntax", {"detail": f"'{value}' where a unit name belongs"})
        power = self.exponent()
        if power is not None:
            factor, unit = factor**power, unit**power
        return factor, unit

    def exponent(self) -> int | None:
        token = self.peek()
        if token is None:
            return None
        if token[0] == "sup":
            self.take()
            return "²³⁴".index(token[1]) + 2
        if token not in (("op", "^"), ("op", "**")):
            return None
        self.take()
        nxt = self.peek()
        if nxt is None or nxt[0] != "exp":
            raise UnitProblem("exponent", {"exponent": "", "cap": str(MAX_UNIT_EXPONENT)})
        self.take()
        power = int(nxt[1])
        if not -MAX_UNIT_EXPONENT <= power <= MAX_UNIT_EXPONENT or power == 0:
            raise UnitProblem("exponent", {"exponent": nxt[1], "cap": str(MAX_UNIT_EXPONENT)})
        return power


def parse_unit_text(text: str, danish: bool = False) -> tuple[float, Any]:
    """Read unit text as a factor and a unit.

    Parameters
    ----------
    text : str
        The unit as written (``"DKK/kWh"``, ``"l/100 km"``), at most
        :data:`~tco.limits.MAX_VALUE_LENGTH` characters.
    danish : bool
        Read ``kr``, ``kr.`` and ``øre`` as Danish money.

    Returns
    -------
    (float, Unit)
        A factor (0.01 for ``l/100 km``) and the unit.

    Raises
    ------
    UnitProblem
        If the text is not a unit of this grammar.

    Examples
    --------
    >>> parse_unit_text("l/100 km")
    (0.01, <Unit('liter / kilometer')>)
    >>> parse_unit_text("1500 DKK/ton".split()[1])
    (1.0, <Unit('DKK / metric_ton')>)
    """
    return _parse_cached(text.strip(), danish)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, danish: bool) -> tuple[float, Any]:
    if not text:
        return 1.0, named("")
    parser = _Parser(_tokens(text), functools.partial(resolve_name, danish=danish))
    factor, unit = parser.unit()
    if parser.peek() is not None:
        token = parser.peek()
        detail = "a ')' without its '('" if token == ("op", ")") else f"'{token}' is left over"
        raise UnitProblem("unit_syntax", {"detail": detail})
    for dimension, power in unit.dimensionality.items():
        if dimension.startswith("[currency_") and power not in (1, -1):
            code = dimension[len("[currency_") : -1]
            raise UnitProblem("currency_power", {"name": code, "power": f"{power:g}"})
    return factor, unit


@functools.lru_cache(maxsize=1024)
def resolve_name(name: str, danish: bool = False) -> tuple[float, Any]:
    """Look up one unit name in the registry; raise :class:`UnitProblem` with a hint.

    Examples
    --------
    >>> resolve_name("ton")
    (1.0, <Unit('metric_ton')>)
    >>> resolve_name("kr", danish=True)
    (1.0, <Unit('DKK')>)
    """
    if name in DANISH_MONEY:
        if danish:
            factor, code = DANISH_MONEY[name]
            return factor, named(code)
        raise UnitProblem("unknown_unit", {"name": name, "krone": name})
    if name == "%":
        return 1.0, named("percent")
    if name == "‰":
        return 1.0, named("permille")
    if name not in _HINTS and re.fullmatch(r"[^\W\d_]\w*", name):
        found = lookup(name)
        if found is not None:
            _refuse_prefixed_currency(name, found)
            return 1.0, found
    raise UnitProblem("unknown_unit", {"name": name, "hint": hint_for(name)})


def _refuse_prefixed_currency(name: str, unit: Any) -> None:
    """Refuse ``mDKK`` or ``kEUR``: a currency is written by its code alone."""
    for dimension in unit.dimensionality:
        code = dimension[len("[currency_") : -1] if dimension.startswith("[currency_") else ""
        if code and name != code and name.endswith(code):
            raise UnitProblem(
                "currency_prefix", {"name": name, "prefix": name[: -len(code)], "code": code}
            )


def hint_for(name: str) -> str:
    """The unit a buyer probably meant by ``name``, or ``""``.

    Examples
    --------
    >>> hint_for("dkk"), hint_for("kwh"), hint_for("Wattz")
    ('DKK', 'kWh', 'W')
    """
    if name in _HINTS:
        return _HINTS[name]
    lower = {c.lower(): c for c in _COMMON}
    lower.update(_WORDS)
    key = name.lower().rstrip(".")
    if key in lower:
        return lower[key]
    match = get_close_matches(key, list(lower), n=1, cutoff=0.75)
    return lower[match[0]] if match else ""


def lookup(name: str) -> Any:
    """The unit one name stands for in tco's registry, or ``None`` if it knows none.

    Examples
    --------
    >>> lookup("kWh"), lookup("a"), lookup("år")
    (<Unit('kilowatt_hour')>, <Unit('year')>, <Unit('year')>)
    >>> lookup("Wattz") is None
    True
    """
    try:
        return registry().Unit(name)
    except Exception:  # pint raises several kinds for a name it does not know
        return None
