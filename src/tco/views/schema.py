"""JSON Schemas of product model and tender files, generated from the pydantic models.

Editors use them to complete keys and flag mistakes while a file is typed
(``docs/schema.md`` shows how to point the VS Code YAML extension at them).
The schema checks the shape of a file only; units and formulas are checked
when tco loads it. The schemas of the JSON documents tco writes (results,
reports, errors) are in :mod:`tco.views.contract`; :func:`schema_text` gives
either.

Schema ids are URNs (``urn:tco-lcc:schema:tender``): they name a schema
without claiming a web address; editors find the files by path
(``docs/schema/``) or from ``tco schema KIND -o FILE``.

The generic tender schema (:func:`json_schema`) checks the shape of any tender; the tender
schema of one product model (:func:`tender_schema`) also knows the model's parameters: every
bid parameter is a property with its description, unit and bounds, and a pattern for the value
(a number, optionally followed by a unit of the right kind), and no other key is allowed. An
editor using it flags a misspelt ``anual_energy`` or a price in ``kr`` while the bid is typed.

The unit pattern accepts the model's own unit and the common spellings of
the same dimension (``kWh``, ``MWh``, ``GJ`` for an energy; any currency code
for money, since the tender may convert with exchange rates). It is a help
for editors, not the check: tco itself checks every unit when it loads a
tender, and may accept a rarer spelling the pattern does not know.

Examples
--------
>>> s = json_schema("tender")
>>> s["title"], "bids" in s["required"]
('tco tender', True)
>>> import re
>>> import tco
>>> s = tender_schema(tco.load_model("indoor-lighting"))
>>> power = s["$defs"]["Bid"]["properties"]["power"]
>>> [bool(re.match(power["anyOf"][1]["pattern"], v)) for v in ("32 W", "0.032 kW", "32 kg")]
[True, True, False]
>>> s["$defs"]["Bid"]["additionalProperties"]
False
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tco.spec.product import Parameter, ProductModel

__all__ = [
    "KINDS",
    "SCHEMA_ID",
    "UNIT_SPELLINGS",
    "bid_schema",
    "buyer_parameters_schema",
    "json_schema",
    "schema_text",
    "tender_schema",
    "unit_pattern",
]

#: The files that have a schema.
KINDS: tuple[str, ...] = ("model", "tender")
#: The ``$id`` of each schema: a name, not a web address (no site serves them).
SCHEMA_ID = "urn:tco-lcc:schema:{kind}"

_TITLES = {
    "model": ("tco product model", "A tco product model: parameters, cost items and emissions."),
    "tender": ("tco tender", "A tco tender: the product model, the buyer's assumptions and bids."),
}


def _allow_plain_text(node: Any) -> Any:
    """Texts may be written as a plain string (English) or as ``{en, da}``."""
    if isinstance(node, dict):
        if node.get("$ref") == "#/$defs/Text":
            return {"anyOf": [{"type": "string"}, dict(node)]}
        return {k: _allow_plain_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_allow_plain_text(v) for v in node]
    return node


def json_schema(kind: str, *, per_model: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a product model or a tender file.

    Parameters
    ----------
    kind : {"model", "tender"}
    per_model : bool
        For a tender: also check the bids of a tender that names a bundled
        model against that model's parameters (``allOf`` of ``if model is
        ID then bids are $defs/bid-ID``; :func:`bid_schema`).

    Returns
    -------
    dict
        The schema, from :class:`tco.spec.schema.ModelSpec` or
        :class:`tco.spec.schema.TenderSpec`.
    """
    from tco.spec.schema import ModelSpec, TenderSpec

    if kind not in KINDS:
        raise ValueError(f"kind must be 'model' or 'tender', got {kind!r}")
    spec = ModelSpec if kind == "model" else TenderSpec
    body = _allow_plain_text(spec.model_json_schema())
    title, description = _TITLES[kind]
    body["title"] = title
    body["description"] = description
    if kind == "tender" and per_model:
        _add_model_bids(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(kind=kind),
        **body,
    }


def _add_model_bids(body: dict[str, Any]) -> None:
    """Bids of a tender for a bundled model follow that model's bid schema."""
    from tco.spec.product import bundled_models, load_model

    rules = []
    for model_id, path in sorted(bundled_models().items()):
        body["$defs"][f"bid-{model_id}"] = bid_schema(load_model(path))
        rules.append(
            {
                "if": {"properties": {"model": {"const": model_id}}, "required": ["model"]},
                "then": {"properties": {"bids": {"items": {"$ref": f"#/$defs/bid-{model_id}"}}}},
            }
        )
    body["allOf"] = rules


def schema_text(kind: str, model: str | None = None) -> str:
    """The schema as JSON text, indented, ending in a newline (``tco schema KIND``).

    ``kind`` is ``model``, ``tender`` or a document of :data:`tco.views.contract.KINDS`;
    ``model`` (a bundled model's id or a model file) gives the tender schema of that
    model (:func:`tender_schema`).
    """
    if model is not None:
        if kind != "tender":
            raise ValueError("a model's schema is a tender schema: use kind 'tender'")
        from tco.spec.product import load_model

        return json.dumps(tender_schema(load_model(model)), indent=2, ensure_ascii=False) + "\n"
    if kind not in KINDS:
        from tco.views.contract import output_schema_text

        return output_schema_text(kind)
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


# -- the tender schema of one product model ------------------------------------------------------

#: Unit spellings an editor suggests as alternatives of the same dimension.
UNIT_SPELLINGS: tuple[str, ...] = (
    *("mW", "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "J", "kJ", "MJ", "GJ"),
    *("s", "min", "h", "hour", "day", "week", "month", "year", "yr"),
    *("mg", "g", "kg", "t", "tonne", "ton", "kgCO2e", "tCO2e"),
    *("mm", "cm", "m", "km", "pkm", "ml", "l", "L", "liter", "litre"),
)
_NUMBER = r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?"
_TOKEN = re.compile(r"[A-Za-zµ°_][A-Za-z0-9µ°_]*|%")


@cache
def _dimension(token: str) -> str | None:
    from tco.errors import TCOError
    from tco.units import CURRENCIES, parse_unit

    if token in CURRENCIES:
        return "[currency]"
    try:
        return str(parse_unit(token).dimensionality)
    except TCOError:
        return None


def _alternatives(token: str) -> list[str]:
    from tco.units import CURRENCIES

    if token in ("%", "percent"):
        return ["%", "percent"]
    dim = _dimension(token)
    if dim == "[currency]":
        return list(CURRENCIES)
    if dim is None or dim == "dimensionless":
        return [token]
    same = [u for u in UNIT_SPELLINGS if _dimension(u) == dim]
    return sorted({token, *same}, key=lambda u: (-len(u), u))


@cache  # one pattern per unit: the schemas of every bundled model share their units
def unit_pattern(unit: str) -> str:
    """A regular expression for a value in ``unit``: a number and an optional unit.

    Examples
    --------
    >>> p = unit_pattern("DKK/kWh")
    >>> [bool(re.match(p, v)) for v in ("2.13 DKK/kWh", "0.3 EUR / kWh", "2", "2 kr/kWh")]
    [True, True, True, False]
    """
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(unit):
        out.append(_literal(unit[pos : m.start()], between=pos > 0))
        out.append("(?:" + "|".join(re.escape(a) for a in _alternatives(m.group())) + ")")
        pos = m.end()
    out.append(_literal(unit[pos:], between=False))
    body = "".join(out)
    ratios = _ratios(unit)
    if ratios:
        body = f"(?:{body}|{ratios})"
    tail = rf"(?:\s*{body})?" if body else ""
    return rf"^\s*{_NUMBER}{tail}\s*$"


@cache
def _dimensionality(unit: str) -> Any:
    from tco.errors import TCOError
    from tco.units import parse_unit

    try:
        return parse_unit(unit).dimensionality
    except TCOError:
        return None


def _ratios(unit: str) -> str:
    """Other spellings ``A/B`` or ``A/100 B`` of the same dimension (``Wh/km``, ``kWh/100 km``)."""
    from tco.units import CURRENCIES

    target = _dimensionality(unit)
    if target is None or "/" not in unit:
        return ""
    money = "(?:" + "|".join(CURRENCIES) + ")"
    tops = [(money, _dimensionality("DKK"))] + [
        (re.escape(a), _dimensionality(a)) for a in UNIT_SPELLINGS
    ]
    out = []
    for top, dim in tops:
        below = [b for b in UNIT_SPELLINGS if dim / _dimensionality(b) == target]
        if below:
            names = "|".join(re.escape(b) for b in sorted(below, key=lambda u: (-len(u), u)))
            out.append(rf"{top}\s*/\s*(?:\d+\s*)?(?:{names})")
    return "|".join(out)


def _literal(text: str, *, between: bool) -> str:
    """Operators, numbers and spaces around unit names, with free spacing.

    Only spaces between two unit names (``kg CO2e``) mean a product: there a
    space or ``*`` is needed; elsewhere spaces are optional.
    """
    if between and text and not text.strip():
        return r"(?:\s+|\s*\*\s*)"
    out = ""
    i = 0
    while i < len(text):
        if text.startswith("**", i) or text[i] == "^":
            out += r"\s*(?:\*\*|\^)\s*"
            i += 2 if text[i] == "*" else 1
        elif text[i] in "*/()":
            out += r"\s*" + re.escape(text[i]) + r"\s*"
            i += 1
        elif text[i].isspace():
            out += r"\s*"
            i += 1
        else:
            out += re.escape(text[i])
            i += 1
    return out


def _describe(p: Parameter, lang: str) -> str:
    spec = p.spec
    parts = []
    if spec.description is not None:
        parts.append(spec.description.get(lang))
    elif spec.label is not None:
        parts.append(spec.label.get(lang))
    parts.append(f"Unit: {spec.unit}." if spec.unit else "A plain number.")
    bounds = []
    if spec.min is not None:
        bounds.append(f"at least {spec.min}")
    if spec.max is not None:
        bounds.append(f"at most {spec.max}")
    if bounds:
        parts.append("Bounds: " + " and ".join(bounds) + ".")
    if spec.default is not None:
        parts.append(f"Default: {spec.default}.")
    return " ".join(parts)


def _value_schema(p: Parameter, lang: str) -> dict[str, Any]:
    value = [{"type": "number"}, {"type": "string", "pattern": unit_pattern(p.spec.unit)}]
    node: dict[str, Any] = {"description": _describe(p, lang), "anyOf": list(value)}
    if p.spec.label is not None:
        node["title"] = p.spec.label.get(lang)
    if p.spec.by_year:
        node["anyOf"].append({"type": "array", "items": {"anyOf": value}})
    return node


def bid_schema(model: ProductModel, lang: str = "en") -> dict[str, Any]:
    """The schema of one bid of ``model``: its name, notes, quality points and bid parameters."""
    props: dict[str, Any] = {
        "name": {"type": "string", "minLength": 1, "description": "The bid's name."},
        "notes": {"type": "string"},
        "quality": {
            "type": "object",
            "additionalProperties": {"type": "number"},
            "description": "Quality points per award criterion, for tender scoring.",
        },
    }
    required = ["name"]
    for name in model.bid_parameters:
        p = model.parameters[name]
        props[name] = _value_schema(p, lang)
        if p.spec.default is None:
            required.append(name)
    return {
        "type": "object",
        "title": f"A bid for {model.id}",
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def buyer_parameters_schema(model: ProductModel, lang: str = "en") -> dict[str, Any]:
    """The schema of a tender's ``parameters``: the model's buyer parameters only."""
    props: dict[str, Any] = {}
    for name, p in model.parameters.items():
        if not p.spec.bid:
            node = _value_schema(p, lang)
            node["anyOf"].append({"type": "object"})  # a reference to a basis
            props[name] = node
    return {"type": "object", "properties": props, "additionalProperties": False}


def tender_schema(model: ProductModel, lang: str = "en") -> dict[str, Any]:
    """The JSON Schema of a tender for ``model`` (``tco schema tender --model ID``).

    Parameters
    ----------
    model : ProductModel
    lang : {"en", "da"}
        Language of the descriptions.

    Returns
    -------
    dict
        The generic tender schema with ``model`` fixed to the model's id,
        ``bids`` items as :func:`bid_schema` and ``parameters`` restricted to
        the model's buyer parameters.
    """
    schema = json_schema("tender", per_model=False)
    schema["$id"] = f"urn:tco-lcc:schema:tender:{model.id}"
    schema["title"] = f"tco tender for {model.id}"
    schema["description"] = f"A tco tender for the product model '{model.id}': {model.title}."
    schema["$defs"]["Bid"] = bid_schema(model, lang)
    props = schema["properties"]
    props["model"] = {"const": model.id, "description": "The product model's id."}
    props["bids"] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Bid"}}
    props["parameters"] = buyer_parameters_schema(model, lang)
    return schema
