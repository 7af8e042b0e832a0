"""The assumption readers' errors: each names its field, the value as written and the fix, in Danish too.

Every case is a tender a buyer could write; the expected texts are the messages as the
catalogue words them (``src/tco/locale``).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

import tco
from tco.errors import SpecError
from tco.views.error_text import error_text

_EXAMPLE = tco.example_path("indoor-lighting")


def _problems(**assumptions: Any) -> list[SpecError]:
    data = yaml.safe_load(_EXAMPLE.read_text("utf-8"))
    data = copy.deepcopy(data)
    data["assumptions"].update(assumptions)
    with pytest.raises(tco.TCOError) as info:
        tco.load_tender(data)
    err = info.value
    found: list[SpecError] = list(getattr(err, "errors", [err]))
    return found


def test_an_exchange_rate_of_zero_names_its_currency_and_the_rate_written() -> None:
    (err,) = _problems(exchange_rates={"EUR": "0 DKK"})
    assert err.path == ("assumptions", "exchange_rates", "EUR")
    assert err.value == "0 DKK"
    assert err.expected == "a rate such as '7.46 DKK'"
    assert error_text(err, "da").endswith("fik '0 DKK', forventede en positiv kurs")


def test_a_fractional_period_is_named_as_written() -> None:
    (err,) = _problems(period="2.5 year")
    assert err.path == ("assumptions", "period")
    assert err.value == "2.5 year"
    assert error_text(err, "da").endswith(
        "fik '2.5 year', forventede et helt antal år fra 1 til 200"
    )


def test_a_price_for_a_substance_the_model_does_not_emit() -> None:
    (err,) = _problems(emission_prices={"sox": "1 DKK/kg"})
    assert err.path == ("assumptions", "emission_prices", "sox")
    assert str(err).endswith("the model emits no 'sox'; it emits co2e")
    assert error_text(err, "da").endswith("modellen udleder ikke 'sox'; den udleder 'co2e'")


def test_a_price_path_shorter_than_the_period_asks_for_one_price_a_year() -> None:
    # The example's period is 15 years; the path gives 2 prices.
    (err,) = _problems(co2_price=["1500 DKK/t", "1500 DKK/t"])
    assert err.path == ("assumptions", "co2_price")
    assert err.expected == "at least 15 prices"
    assert str(err).endswith("gives 2 yearly prices but the period has 15 years; give one per year")
    assert error_text(err, "da").endswith(
        "angiver 2 årlige priser, men perioden har 15 år; angiv én pr. år"
    )
    assert error_text(err, "sv").endswith(
        "anger 2 årliga priser men perioden har 15 år; ange ett per år"
    )
