"""The catalogue of user mistakes: each one gives a clear TCOError.

Every row of :data:`MISTAKES` is one mistake a buyer or a model author can
make, written to a file in ``tmp_path`` so that the file name must appear in
the message. The test checks the error class, the file name, the field path
and the words that say what was expected. ``docs/errors.md`` lists every
mistake with its message and fix; it is generated from this table::

    python tests/test_errors_catalogue.py > docs/errors.md

and :func:`test_docs_list_the_mistake` fails when it is out of date.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

import tco
from tco.errors import (
    CurrencyError,
    ExpressionError,
    LimitError,
    ModelNotFoundError,
    SpecError,
    TCOError,
    UnitError,
    YAMLError,
)
from tco.io.yamlio import MAX_BYTES

DOCS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"
LIGHTING = Path(__file__).resolve().parents[1] / "product_models" / "indoor-lighting.yaml"

# -- building the files ---------------------------------------------------------------------

BASE_TENDER: dict[str, Any] = {
    "model": "indoor-lighting",
    "assumptions": {"currency": "DKK", "period": "15 year", "quantity": 200},
    "bids": [
        {"name": "A", "price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"},
        {"name": "B", "price": "1100 DKK", "power": "41 W", "rated_life": "35000 h"},
    ],
}

#: A small model for formula mistakes: a price per bid, a buyer's number of hours.
SMALL_MODEL: dict[str, Any] = {
    "id": "small",
    "title": "Small",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True, "min": "0 DKK"},
        "life": {"unit": "year", "bid": True, "default": "10 year"},
        "hours": {"unit": "h/year", "default": "0 h/year"},
    },
    "items": {"purchase": {"category": "acquisition", "once": "price"}},
}


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``data`` at a dotted path (``bids.0.power``); ``DELETE`` removes the key."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    key: Any = int(last) if last.isdigit() else last
    if value is DELETE:
        del node[key]
    else:
        node[key] = value


DELETE = object()


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def tender(**changes: Any) -> str:
    """The base tender with changes at dotted paths (``bids__0__power="3 kg"``)."""
    data = copy.deepcopy(BASE_TENDER)
    for key, value in changes.items():
        _set(data, key.replace("__", "."), value)
    return _dump(data)


def small(
    items: dict[str, Any] | None = None, bid: dict[str, Any] | None = None, **model: Any
) -> str:
    """A tender of the small inline model with changed items, model keys or bid."""
    m = copy.deepcopy(SMALL_MODEL)
    if items is not None:
        m["items"] = items
    m.update(model)
    return _dump(
        {
            "model": m,
            "assumptions": {"period": "10 year"},
            "bids": [{"name": "A", "price": "100 DKK", **(bid or {})}],
        }
    )


def lighting_model(**changes: Any) -> str:
    """The bundled lighting model with changes at dotted paths."""
    data = yaml.safe_load(LIGHTING.read_text(encoding="utf-8"))
    for key, value in changes.items():
        _set(data, key.replace("__", "."), value)
    return _dump(data)


def alias_bomb() -> str:
    """Billion laughs: 11 levels of 9 aliases each expand to 9**11 strings."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


# -- the table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mistake:
    """One user mistake and the error it must give."""

    id: str  # also the file name: <id>.yaml
    what: str  # the mistake, in words
    content: str | bytes | Callable[[], str | bytes]  # the file
    error: type[TCOError]  # the exact class raised
    path: str  # the field path the message names ('' for a whole-file problem)
    expected: str  # words of the message that say what was expected
    fix: str  # how to fix it, for docs/errors.md
    kind: str = "tender"  # "tender" or "model": which loader reads the file
    topic: str = field(default="", compare=False)

    def text(self) -> str | bytes:
        return self.content() if callable(self.content) else self.content


def M(*args: Any, **kwargs: Any) -> Mistake:
    """A row of the table (a short name keeps the table readable)."""
    return Mistake(*args, **kwargs)


# fmt: off
MISTAKES: list[Mistake] = [
    # -- values and units ------------------------------------------------------------------
    M("unknown-unit", "a unit tco does not know", tender(bids__0__power="32 Wattz"),
      UnitError, "bids[0].power", "did you mean 'W'?",
      "Write a known unit: `32 W`.", topic="Values and units"),
    M("wrong-dimension", "a value of the wrong dimension", tender(bids__0__power="32 kg"),
      UnitError, "bids[0].power", "expected a power such as '38 W'",
      "Give a value of the parameter's dimension."),
    M("below-minimum", "a value below the parameter's minimum", tender(bids__0__power="-3 W"),
      SpecError, "bids[0].power", "expected at least 1 W",
      "Give a value within the bounds the model states."),
    M("above-maximum", "a value above the parameter's maximum", tender(bids__0__power="3000 W"),
      SpecError, "bids[0].power", "expected at most 2000 W",
      "Give a value within the bounds the model states (or check the unit: `3000 mW`?)."),
    M("not-a-number", "a word where a number belongs", tender(bids__0__price="cheap"),
      UnitError, "bids[0].price", "a value is a number with its unit",
      "Write a number followed by its unit."),
    M("nan", "NaN as a value", tender(bids__0__price=float("nan")),
      UnitError, "bids[0].price", "not a finite number; expected",
      "Give a finite number."),
    M("infinity", "infinity as a value", tender(bids__0__price=float("inf")),
      UnitError, "bids[0].price", "not a finite number; expected",
      "Give a finite number."),
    M("number-overflows", "a number beyond floating point range",
      tender(bids__0__price="1e400 DKK"),
      UnitError, "bids[0].price", "not a finite number; expected",
      "Give a number below 1.8e308 (and check the exponent)."),
    M("result-overflows", "values whose product overflows (quantity 1e308)",
      tender(assumptions__quantity=1e308),
      SpecError, "bids[0]", "beyond 1.8e+308",
      "Check the magnitudes of the quantity and the bid's values."),
    M("thousands-separator", "a number written with a thousands separator",
      tender(bids__0__price="1 450 DKK"),
      UnitError, "bids[0].price", "write the number without spaces, as '1450 DKK'",
      "Write `1450 DKK` (a decimal comma `1450,5 DKK` is fine)."),
    M("value-too-long", "a value text of hundreds of characters",
      tender(bids__0__price="1" * 300 + " DKK"),
      UnitError, "bids[0].price", "at most 200 are allowed",
      "Write the value as a number and a unit."),
    M("ambiguous-number", "a number that reads differently in English and Danish notation",
      tender(bids__0__price="1.450 DKK"),
      UnitError, "bids[0].price", "or state the tender's 'number_format: en'",
      "Write `1450 DKK` or `1.45 DKK`, or state `number_format: da` (or `en`) under "
      "assumptions."),
    M("ambiguous-grouping", "a number grouped in thousands without a stated number format",
      tender(bids__0__price="24,500 DKK"),
      UnitError, "bids[0].price", "'24,500' is 24500 in English notation but 24.5 in Danish",
      "Write `24500 DKK`, or state the tender's `number_format`."),
    M("against-number-format", "a number written against the stated number format",
      tender(assumptions__number_format="da", bids__0__price="1,450.50 DKK"),
      UnitError, "bids[0].price", "is not written in the tender's number format 'da'",
      "Write `1.450,50 DKK` (or `1450,5 DKK`) in a Danish-format tender."),
    M("value-is-a-sum", "arithmetic in a value",
      tender(bids__0__price="1450 DKK + 250 DKK"),
      UnitError, "bids[0].price", "not a calculation ('+')",
      "Work the sum out and write one value: `1700 DKK`."),
    M("value-is-a-range", "a range or tolerance in a value",
      tender(bids__0__power="32 – 35 W"),
      UnitError, "bids[0].power", "makes a range or a tolerance, not one value",
      "Write the one value the bid stands by: `35 W`."),
    M("apostrophe-thousands", "an apostrophe as thousands mark",
      tender(bids__0__price="1'450 DKK"),
      UnitError, "bids[0].price", "without the thousands mark ('), as '1450 DKK'",
      "Write `1450 DKK`."),
    M("leading-zero", "a number with a leading zero (YAML 1.1 octal)",
      tender(assumptions__quantity="0200"),
      UnitError, "assumptions.quantity", "a number does not start with 0",
      "Write `200`."),
    M("time-of-day", "a time of day where a number belongs (YAML 1.1 sexagesimal)",
      tender(bids__0__rated_life="50:00"),
      UnitError, "bids[0].rated_life", "':' makes a time of day or a ratio",
      "Write one number with its unit: `50000 h`."),
    M("krone-word", "'kr' without a Danish number format",
      tender(bids__0__price="1450 kr"),
      UnitError, "bids[0].price", "write 'DKK' for Danish kroner",
      "Write `1450 DKK`, or state `number_format: da` to read `kr` as DKK."),
    M("unit-exponent", "a unit with a huge exponent",
      tender(bids__0__power="1 W**99"),
      UnitError, "bids[0].power", "exponent is a whole number from -4 to 4",
      "Write units with small exponents, as `m^3`."),
    M("rate-bare-number", "a discount rate written as a bare whole number",
      tender(assumptions__discount_rate=4),
      UnitError, "assumptions.discount_rate", "write '4 %'",
      "Write `4 %` (or the fraction `0.04`)."),
    M("rate-unusual", "a discount rate outside the plausible range",
      tender(assumptions__discount_rate="25 %"),
      SpecError, "assumptions.discount_rate", "set 'allow_unusual_rates: true'",
      "Check the rate; if it is meant, add `allow_unusual_rates: true` under assumptions."),
    M("co2-price-bare-number", "a CO2 price without its unit",
      tender(assumptions__co2_price=1500),
      UnitError, "assumptions.co2_price", "write '1500 DKK/t'",
      "Write money per mass: `1500 DKK/t` (t is the metric tonne)."),
    M("list-for-bid-value", "a list of values in a bid", tender(bids__0__power=["32 W", "30 W"]),
      SpecError, "bids[0].power", "one value per parameter",
      "Give one value."),
    M("boolean-value", "yes/no where a number belongs", tender(bids__0__power=True),
      UnitError, "bids[0].power", "expected a power such as '38 W'",
      "Give a number with its unit (`yes`, `no`, `on`, `off` are booleans in YAML)."),
    M("mapping-value", "a mapping where a number belongs", tender(bids__0__power={"value": 32}),
      UnitError, "bids[0].power", "expected a power such as '38 W'",
      "Give a number with its unit, as `32 W`."),
    # -- keys ---------------------------------------------------------------------------------
    M("missing-bid-value", "a bid leaves out a parameter without default",
      tender(bids__0__power=DELETE),
      SpecError, "bids[0].power", "give a power such as '38 W'",
      "Give every bid parameter in every bid.", topic="Missing and misspelt keys"),
    M("misspelt-bid-parameter", "a misspelt parameter in a bid", tender(bids__0__powr="32 W"),
      SpecError, "bids[0].powr", "did you mean 'power'?",
      "Use the model's parameter name (the message suggests the nearest)."),
    M("misspelt-buyer-parameter", "a misspelt parameter of the buyer",
      tender(parameters={"operatng_hours": "3000 h/year"}),
      SpecError, "parameters.operatng_hours", "did you mean 'operating_hours'?",
      "Use the model's parameter name."),
    M("misspelt-assumption", "a misspelt assumption", tender(assumptions__discount_rat="3 %"),
      SpecError, "assumptions.discount_rat", "did you mean 'discount_rate'?",
      "Use one of the keys listed in the message."),
    M("misspelt-top-level-key", "a misspelt top-level key", tender(bid=[]),
      SpecError, "bid", "did you mean 'bids'?",
      "Use one of the keys listed in the message."),
    M("missing-bids", "no bids key", tender(bids=DELETE),
      SpecError, "bids", "this key is required",
      "Add `bids:` with at least one bid."),
    M("missing-model", "no model key", tender(model=DELETE),
      SpecError, "model", "this key is required",
      "Add `model:` with a bundled model's id or a model file."),
    M("bid-without-name", "a bid without a name", tender(bids__0__name=DELETE),
      SpecError, "bids[0].name", "this key is required",
      "Give every bid a `name`."),
    # -- the model ---------------------------------------------------------------------------
    M("unknown-model", "a misspelt model id", tender(model="indor-lighting"),
      ModelNotFoundError, "model", "did you mean 'indoor-lighting'?",
      "Use a bundled model's id (`tco models` lists them) or a path.", topic="The model"),
    M("missing-model-file", "a model path that does not exist", tender(model="models/nothere.yaml"),
      ModelNotFoundError, "model", "a relative path is read from the tender's folder",
      "Check the path; it is relative to the tender file."),
    M("model-not-text", "a number as the model", tender(model=5),
      SpecError, "model", "got 5, expected a text or a mapping of keys to values",
      "Give the model's id, a path, or the model inline as a mapping."),
    # -- currency ----------------------------------------------------------------------------
    M("currency-without-rate", "a price in another currency without an exchange rate",
      tender(bids__0__price="200 EUR"),
      CurrencyError, "bids[0].price", "add 'exchange_rates: {EUR: <rate> DKK}'",
      "State the exchange rate under `assumptions.exchange_rates`.", topic="Currency"),
    M("unknown-currency", "a misspelt currency", tender(assumptions__currency="DKR"),
      SpecError, "assumptions.currency", "did you mean 'DKK'?",
      "Use an ISO 4217 code tco knows."),
    M("negative-exchange-rate", "an exchange rate of zero or below",
      tender(assumptions__exchange_rates={"EUR": "-7.46 DKK"}),
      SpecError, "assumptions.exchange_rates.EUR", "expected a positive rate",
      "Give the value of one unit of the currency, as `7.46 DKK`."),
    M("co2-price-wrong-unit", "a CO2 price per kWh instead of per mass",
      tender(assumptions__co2_price="1500 DKK/kWh"),
      UnitError, "assumptions.co2_price", "is money per mass of emission; write '1500 DKK/t'",
      "Give money per mass, as `1500 DKK/t`."),
    # -- YAML ---------------------------------------------------------------------------------
    M("yaml-syntax", "a YAML syntax error (unclosed bracket)",
      "model: indoor-lighting\nbids: [\n  {name: A\n",
      YAMLError, "", "line 4, column 1",
      "Fix the YAML at the line and column given.", topic="The file"),
    M("yaml-python-object", "a YAML tag that constructs a Python object",
      "model: !!python/object:builtins.dict {}\nbids: []\n",
      YAMLError, "", "tco files hold plain data only, remove the tag",
      "Remove the tag; tco reads plain data only."),
    M("yaml-python-apply", "a YAML tag that runs Python code",
      "model: !!python/object/apply:os.system ['true']\nbids: []\n",
      YAMLError, "", "remove the tag",
      "Remove the tag; nothing in a tco file is ever run."),
    M("alias-bomb", "a 'billion laughs' alias bomb", alias_bomb,
      LimitError, "", "more than 1000000 values",
      "Do not nest aliases; write the data out."),
    M("too-many-aliases", "more aliases than tco allows",
      lambda: "a: &a x\nb: [" + ", ".join(["*a"] * 201) + "]\n",
      LimitError, "", "more than 200 aliases",
      "Write the values out instead of aliasing them hundreds of times."),
    M("nested-too-deep", "nesting deeper than tco allows", "a: " + "[" * 50 + "]" * 50 + "\n",
      LimitError, "", "nesting deeper than 40 levels",
      "Flatten the document."),
    M("oversized-file", "a file larger than tco reads",
      lambda: "a: '" + "x" * MAX_BYTES + "'\n",
      LimitError, "", f"at most {MAX_BYTES} bytes",
      "Split the data; a tender or model is a few kilobytes."),
    M("not-utf8", "a file saved as Latin-1, not UTF-8",
      "model: indoor-lighting\ntitle: Søborg skole\nbids: []\n".encode("latin-1"),
      YAMLError, "", "save it as UTF-8",
      "Save the file as UTF-8."),
    M("control-character", "a NUL character in the file",
      "model: indoor-lighting\ntitle: a\x00b\nbids: []\n",
      YAMLError, "", "line 2, column 9: the control character",
      "Remove the character (often left over from copying out of another program)."),
    M("empty-file", "an empty file", "",
      YAMLError, "", "expected a mapping of keys to values",
      "Write the tender or model in the file."),
    M("comments-only", "a file with only comments", "# tender for the school\n",
      YAMLError, "", "expected a mapping of keys to values",
      "Write the tender or model in the file."),
    M("top-level-list", "a list at the top level", "- model: indoor-lighting\n",
      YAMLError, "", "must be a mapping of keys to values",
      "Remove the leading `- `; the top level is a mapping."),
    M("top-level-text", "a text at the top level", "indoor-lighting\n",
      YAMLError, "", "must be a mapping of keys to values",
      "Write `key: value` pairs."),
    M("duplicate-key", "a key given twice", "model: indoor-lighting\nmodel: office-it\nbids: []\n",
      YAMLError, "", "is given again on line 2; remove one of them",
      "Remove one of the two."),
    # -- bids ---------------------------------------------------------------------------------
    M("empty-bid-list", "an empty bid list", tender(bids=[]),
      SpecError, "bids", "a tender needs at least one bid",
      "List at least one bid.", topic="Bids and parameters"),
    M("duplicate-bid-names", "two bids with the same name", tender(bids__1__name="A"),
      SpecError, "bids[1].name", "give each bid its own name",
      "Name each bid differently."),
    M("bids-not-a-list", "bids as a mapping", tender(bids={"A": {"price": "1 DKK"}}),
      SpecError, "bids", "expected a list (one '- value' line per entry)",
      "Write each bid as a list item starting with `- name: ...`."),
    M("bid-not-a-mapping", "a bid that is only a name", tender(bids=["A"]),
      SpecError, "bids[0]", "got 'A', expected a mapping of keys to values",
      "Write the bid as `- {name: A, price: ...}`."),
    M("bid-gives-buyer-parameter", "a bid giving the buyer's parameter",
      tender(bids__0__operating_hours="4000 h/year"),
      SpecError, "bids[0].operating_hours", "set it under 'parameters' instead",
      "Move it under the tender's `parameters`: it is the same for every bid."),
    M("buyer-gives-bid-parameter", "the buyer giving a bid parameter",
      tender(parameters={"price": "1000 DKK"}),
      SpecError, "parameters.price", "move it to the bids",
      "Give it in each bid."),
    M("by-year-list-for-scalar", "a by_year list for a parameter that is not by_year",
      tender(parameters={"operating_hours": ["3000 h/year"] * 15}),
      SpecError, "parameters.operating_hours",
      "allowed only for a parameter with 'by_year: true'",
      "Give one value."),
    M("by-year-list-too-short", "fewer yearly values than the period has years",
      tender(parameters={"grid_factor": ["0.1 kg/kWh"] * 3}),
      SpecError, "parameters.grid_factor", "give one per year",
      "Give one value per year of the period."),
    M("unknown-emission-price", "a price for a substance the model does not emit",
      tender(assumptions__emission_prices={"nox": "50 DKK/kg"}),
      SpecError, "assumptions.emission_prices.nox", "it emits co2e",
      "Price only the substances the model emits."),
    # -- period and rates -----------------------------------------------------------------
    M("period-zero", "a period of zero years", tender(assumptions__period="0 year"),
      SpecError, "assumptions.period", "expected a whole number of years from 1 to 200",
      "Give a period of 1 to 200 whole years.", topic="Period and rates"),
    M("period-absurd", "a period of 5000 years", tender(assumptions__period="5000 year"),
      SpecError, "assumptions.period", "expected a whole number of years from 1 to 200",
      "Give a period of 1 to 200 whole years."),
    M("period-fractional", "a period of 2.5 years", tender(assumptions__period="2.5 year"),
      SpecError, "assumptions.period", "expected a whole number of years from 1 to 200",
      "Round the period to whole years."),
    M("period-wrong-unit", "a period in kilograms", tender(assumptions__period="15 kg"),
      UnitError, "assumptions.period", "expected a time such as '15 year'",
      "Give the period in years."),
    M("period-lifetime-fractional", "'period: lifetime' with a lifetime of 16.67 years",
      tender(assumptions__period="lifetime"),
      SpecError, "assumptions.period", "give a common study period such as '15 year' instead",
      "Give a common study period."),
    M("discount-rate-minus-100", "a discount rate of -100 %",
      tender(assumptions__discount_rate="-100 %"),
      SpecError, "assumptions.discount_rate", "a rate must be above -100 %",
      "Give a rate above -100 % (4 % is the Danish default)."),
    M("discount-rate-below-minus-100", "a discount rate of -150 %",
      tender(assumptions__discount_rate="-150 %"),
      SpecError, "assumptions.discount_rate", "a rate must be above -100 %",
      "Give a rate above -100 %."),
    M("discount-rate-in-money", "a discount rate in DKK", tender(assumptions__discount_rate="4 DKK"),
      SpecError, "assumptions.discount_rate", "expected a rate such as '4 %'",
      "Give the rate in percent."),
    M("discount-factors-overflow", "a discount rate of -99.9 % over 200 years",
      tender(assumptions__discount_rate="-99.9 %", assumptions__period="200 year",
             assumptions__allow_unusual_rates=True),
      SpecError, "assumptions.discount_rate", "use a rate further from -100 %",
      "Use a realistic rate."),
    M("inflation-minus-100", "inflation of -100 % with a nominal rate",
      tender(assumptions__rate_type="nominal", assumptions__inflation="-100 %"),
      SpecError, "assumptions.inflation", "a rate must be above -100 %",
      "Give inflation above -100 %."),
    M("escalation-path-too-short", "an escalation path shorter than the period",
      tender(assumptions__escalation={"electricity": ["2 %", "3 %"]}),
      SpecError, "assumptions.escalation.electricity", "give one per year",
      "Give one rate per year of the period (or one constant rate)."),
    M("unknown-escalation", "a misspelt escalation group",
      tender(assumptions__escalation={"electricty": "2 %"}),
      SpecError, "assumptions.escalation.electricty", "did you mean 'electricity'?",
      "Use one of the model's escalation groups."),
    M("escalation-overflows", "an escalation of 5000 % a year over 200 years",
      tender(assumptions__escalation={"electricity": "5000 %"}, assumptions__period="200 year",
             assumptions__allow_unusual_rates=True),
      SpecError, "assumptions.escalation.electricity", "use a smaller rate or a shorter period",
      "Use a realistic rate (is `50 %` meant as `0.5 %`?)."),
    M("quantity-zero", "a quantity of zero", tender(assumptions__quantity=0),
      SpecError, "assumptions.quantity", "expected a number of units above 0",
      "Give the number of units bought."),
    M("quantity-text", "a quantity in words", tender(assumptions__quantity="two hundred"),
      UnitError, "assumptions.quantity", "expected a plain number such as '200'",
      "Write the quantity as a number."),
    M("unknown-discounting", "an unknown discounting convention",
      tender(assumptions__discounting="middle"),
      SpecError, "assumptions.discounting", "got 'middle', expected 'end', 'mid' or 'begin'",
      "Use `end`, `mid` or `begin`."),
    M("unknown-rate-type", "a misspelt rate type", tender(assumptions__rate_type="nomnal"),
      SpecError, "assumptions.rate_type", "expected 'real' or 'nominal'",
      "Use `real` or `nominal`."),
    M("price-year-2", "a price year other than 0 or 1", tender(assumptions__price_year=2),
      SpecError, "assumptions.price_year", "got 2, expected 0 or 1",
      "Use 0 (prices of the decision date) or 1 (prices of the first year)."),
    # -- formulas --------------------------------------------------------------------------
    M("formula-unknown-name", "a misspelt name in a formula",
      lighting_model(items__electricity__annual="power * operating_hour * electricity_price"),
      ExpressionError, "items.electricity.annual", "did you mean 'operating_hours'?",
      "Use a parameter of the model.", kind="model", topic="Formulas"),
    M("formula-wrong-dimension", "an annual item that is not money per year",
      lighting_model(items__electricity__annual="price"),
      UnitError, "items.electricity.annual", "expected money per year such as 'DKK/year'",
      "Make the formula money per year (multiply by a rate, divide by a time).", kind="model"),
    M("formula-adds-dimensions", "adding watts to money",
      lighting_model(items__purchase__once="price + power"),
      UnitError, "items.purchase.once", "their dimensions differ",
      "Add only terms of the same dimension.", kind="model"),
    M("formula-syntax", "two operators in a row",
      lighting_model(items__purchase__once="price + * installation"),
      ExpressionError, "items.purchase.once", "unexpected '*' at position 9",
      "Fix the formula at the position given.", kind="model"),
    M("formula-parenthesis", "an unclosed parenthesis",
      lighting_model(items__purchase__once="(price + installation"),
      ExpressionError, "items.purchase.once", "expected ')'",
      "Close the parenthesis.", kind="model"),
    M("formula-unknown-function", "a misspelt function",
      lighting_model(items__purchase__once="maxx(price, installation)"),
      ExpressionError, "items.purchase.once", "did you mean 'max'?",
      "Use min, max, ceil, floor, round, abs, sqrt, exp or log.", kind="model"),
    M("formula-python-code", "Python code in a formula",
      lighting_model(items__purchase__once="__import__('os').system('true')"),
      ExpressionError, "items.purchase.once", "unexpected character",
      "Write arithmetic only; formulas are never run as code.", kind="model"),
    M("formula-unknown-unit", "an unknown unit in a formula",
      lighting_model(items__purchase__once="price + 250 DKKK"),
      UnitError, "items.purchase.once", "did you mean 'DKK'?",
      "Write a known unit.", kind="model"),
    M("formula-log-of-quantity", "log() of a quantity with a unit",
      lighting_model(items__purchase__once="price * log(power)"),
      UnitError, "items.purchase.once", "needs a plain number",
      "Divide by a unit first: `log(power / (1 W))`.", kind="model"),
    M("formula-too-long", "a formula of thousands of characters",
      lighting_model(items__purchase__once=" + ".join(["price"] * 500)),
      ExpressionError, "items.purchase.once", "at most 2000 are allowed",
      "Split the cost into several items.", kind="model"),
    M("formula-too-deep", "a formula nested 100 levels deep",
      lighting_model(items__purchase__once="(" * 100 + "price" + ")" * 100),
      ExpressionError, "items.purchase.once", "nested more than 60 levels",
      "Remove the extra parentheses.", kind="model"),
    M("formula-division-by-zero", "a formula that divides by zero for a bid",
      small({"use": {"category": "use", "annual": "price / (hours / (1 h/year)) / (1 year)"}}),
      ExpressionError, "model.items.use", "gives a non-finite result",
      "Guard the divisor (`max(hours, 1 h/year)`) or give a non-zero value."),
    M("formula-forgotten-hours", "an annual formula that forgets the operating hours",
      lighting_model(items__electricity__annual="power * electricity_price"),
      UnitError, "items.electricity.annual", "a rate per hour or per second, not per year",
      "Multiply by the operating hours per year (or by 8760 h/year for continuous use).",
      kind="model"),
    M("formula-non-finite", "a formula whose result overflows",
      small({"x": {"category": "use", "once": "price * exp(price / (1 DKK))"}},
            bid={"price": "1000 DKK"}),
      ExpressionError, "model.items.x", "gives a non-finite result",
      "Check the formula; exp() of a large number overflows."),
    # -- model files ------------------------------------------------------------------------
    M("model-misspelt-key", "a misspelt key of a parameter",
      lighting_model(parameters__power__unti="W"),
      SpecError, "parameters.power.unti", "did you mean 'unit'?",
      "Use one of the keys listed in the message.", kind="model", topic="Model files"),
    M("model-unknown-unit", "a parameter with an unknown unit",
      lighting_model(parameters__power__unit="Wats"),
      UnitError, "parameters.power.unit", "did you mean 'W'?",
      "Write a known unit.", kind="model"),
    M("model-default-wrong-dimension", "a default of the wrong dimension",
      lighting_model(parameters__installation__default="250 W"),
      UnitError, "parameters.installation.default", "expected a value in 'DKK'",
      "Give the default in the parameter's unit.", kind="model"),
    M("model-default-out-of-bounds", "a default outside the parameter's bounds",
      lighting_model(parameters__installation__default="-5 DKK"),
      SpecError, "parameters.installation.default", "expected at least 0 DKK",
      "Give a default within the bounds.", kind="model"),
    M("model-min-above-max", "a minimum above the maximum",
      lighting_model(parameters__power__min="3000 W"),
      SpecError, "parameters.power.min", "above max 2000 W",
      "Swap or correct the bounds.", kind="model"),
    M("model-two-timings", "an item with two timings",
      lighting_model(items__purchase__annual="price"),
      SpecError, "items.purchase", "give exactly one timing",
      "Give one of once, annual, every, at, end_of_life.", kind="model"),
    M("model-no-timing", "an item without a timing", lighting_model(items__purchase__once=DELETE),
      SpecError, "items.purchase", "give exactly one timing",
      "Give one of once, annual, every, at, end_of_life.", kind="model"),
    M("model-every-without-amount", "'every' without 'amount'",
      lighting_model(items__lamps={"category": "maintenance", "every": "5 year"}),
      SpecError, "items.lamps", "add 'amount' for how much",
      "Add `amount:`.", kind="model"),
    M("model-unknown-category", "a misspelt cost category",
      lighting_model(items__purchase__category="acquistion"),
      SpecError, "items.purchase.category", "expected 'acquisition', 'use'",
      "Use acquisition, use, maintenance, end_of_life or externalities.", kind="model"),
    M("model-bad-id", "an id with spaces and capitals", lighting_model(id="Indoor Lighting"),
      SpecError, "id", "lower-case letters, digits",
      "Write the id as `indoor-lighting`.", kind="model"),
    M("model-no-items", "a model without cost items", lighting_model(items={}),
      SpecError, "items", "a model needs at least one cost item",
      "Add at least one item.", kind="model"),
    M("model-builtin-name", "a parameter named like a built-in",
      lighting_model(parameters__period={"unit": "year", "default": "10 year"}),
      SpecError, "parameters.period", "call the parameter something else",
      "Rename the parameter; `period` is the study period.", kind="model"),
    M("model-by-year-timing", "a timing that uses a by_year parameter",
      lighting_model(lifetime="rated_life / operating_hours * grid_factor / (1 kg/kWh)"),
      SpecError, "lifetime", "cannot use a parameter that varies by year",
      "Use only parameters without `by_year` in lifetimes and intervals.", kind="model"),
    M("model-list-default", "a list default for a parameter without by_year",
      lighting_model(parameters__installation__default=["1 DKK", "2 DKK"]),
      SpecError, "parameters.installation.default", "allowed only for a parameter with",
      "Give one value, or set `by_year: true`.", kind="model"),
    # -- timings that depend on the bids ------------------------------------------------
    M("zero-lifetime", "a bid whose lifetime is zero",
      small(lifetime="life", bid={"life": "0 year"}),
      SpecError, "bids[0]", "a lifetime must be positive",
      "Give a positive lifetime.", topic="Timings"),
    M("zero-interval", "an 'every' interval of zero years",
      small({"svc": {"category": "maintenance", "every": "hours * 1 year / (1 h/year)",
                     "amount": "price"}}),
      SpecError, "model.items.svc.every", "an interval must be positive",
      "Give a positive interval."),
    M("at-before-year-0", "an event before the decision date",
      small({"x": {"category": "maintenance", "at": "-2 year", "amount": "price"}}),
      SpecError, "model.items.x.at", "before the decision date (year 0)",
      "Give a time of 0 years or more."),
    M("stop-before-start", "an annual stream that stops before it starts",
      small({"x": {"category": "use", "annual": "price / (1 year)", "start": "5 year",
                   "stop": "2 year"}}),
      SpecError, "model.items.x.stop", "before it starts",
      "Give a stop at or after the start."),
]
# fmt: on


# -- running a mistake ------------------------------------------------------------------------


def trigger(m: Mistake, folder: Path) -> TCOError:
    """Write the mistake's file into ``folder``, load it and return the error it raises."""
    path = folder / f"{m.id}.yaml"
    content = m.text()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    try:
        if m.kind == "model":
            tco.load_model(path)
        else:
            tco.load_tender(path).evaluate()
    except TCOError as err:
        return err
    raise AssertionError(f"{m.id}: no error was raised")


def shown(err: TCOError, folder: Path) -> str:
    """The message with the temporary folder removed (as docs/errors.md shows it)."""
    return str(err).replace(f"{folder}/", "").replace(f"{folder}\\", "")


def render(messages: dict[str, tuple[str, str]]) -> str:
    """docs/errors.md from the table and each mistake's (error class, message)."""
    out = [
        "# Errors: the catalogue of user mistakes",
        "",
        "Every problem with a model or tender file raises a `tco.TCOError` whose message names",
        "the file, the field path and what was expected. This page lists the mistakes tco is",
        "tested against, each with the exact message it gives (for a file named after the",
        "mistake) and the fix. It is generated from `tests/test_errors_catalogue.py`:",
        "",
        "```",
        "python tests/test_errors_catalogue.py > docs/errors.md",
        "```",
        "",
        f"{len(MISTAKES)} mistakes. Classes: `SpecError` (invalid content; also a `ValueError`),",
        "`UnitError` (wrong unit or dimension; also a `TypeError`), `CurrencyError`,",
        "`ExpressionError` (formulas), `YAMLError` (the file itself), `LimitError` (a resource",
        "cap of [limits](limits.md)), `ModelNotFoundError` (also a `LookupError`).",
    ]
    for i, m in enumerate(MISTAKES, 1):
        if m.topic:
            out += ["", f"## {m.topic}"]
        cls, msg = messages[m.id]
        out += [
            "",
            f"### {i}. `{m.id}`: {m.what}",
            "",
            f"- error: `{cls}`",
            f"- message: ``{msg}``",
            f"- fix: {m.fix}",
        ]
    return "\n".join(out) + "\n"


# -- tests ----------------------------------------------------------------------------------


def test_catalogue_is_large_and_ids_unique() -> None:
    ids = [m.id for m in MISTAKES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 40


@pytest.fixture(scope="module")
def raised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[TCOError, Path]]:
    """Each mistake's error, from its file in a temporary folder (run once per module)."""
    folder = tmp_path_factory.mktemp("mistakes")
    return {m.id: (trigger(m, folder), folder) for m in MISTAKES}


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_mistake_gives_a_clear_error(
    mistake: Mistake, raised: dict[str, tuple[TCOError, Path]]
) -> None:
    err, _ = raised[mistake.id]
    message = str(err)
    assert type(err) is mistake.error, f"{type(err).__name__}: {message}"
    assert isinstance(err, SpecError)
    assert err.file is not None and Path(err.file).name == f"{mistake.id}.yaml"
    assert message.startswith(f"{err.file}: "), message
    if mistake.path:
        assert f": {mistake.path}: " in message, message
    assert mistake.expected in message, message
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_docs_list_the_mistake(mistake: Mistake, raised: dict[str, tuple[TCOError, Path]]) -> None:
    err, folder = raised[mistake.id]
    docs = DOCS.read_text(encoding="utf-8")
    entry = f"`{mistake.id}`: {mistake.what}"
    assert entry in docs, f"docs/errors.md lacks {entry!r}; regenerate it (see module docstring)"
    assert f"``{shown(err, folder)}``" in docs, "docs/errors.md is out of date; regenerate it"


def test_docs_list_nothing_else() -> None:
    listed = re.findall(r"^### \d+\. `([^`]+)`", DOCS.read_text(encoding="utf-8"), re.M)
    assert listed == [m.id for m in MISTAKES]


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    # The unclosed '[' of line 2 is found at the end of the text: line 4, column 1.
    err = trigger(next(m for m in MISTAKES if m.id == "yaml-syntax"), tmp_path)
    assert "line 4, column 1" in str(err)


def _main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        messages = {}
        for m in MISTAKES:
            err = trigger(m, folder)
            messages[m.id] = (type(err).__name__, shown(err, folder))
    sys.stdout.write(render(messages))


if __name__ == "__main__":
    _main()
