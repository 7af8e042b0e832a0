"""Money in the tender's currency or another (tco.plan.values.convert_money), by hand."""

from __future__ import annotations

import pytest

from tco.errors import CurrencyError
from tco.plan.values import convert_money
from tco.units import quantity
from tco.views.error_text import error_text

RATES = {"EUR": 7.46}  # 1 EUR = 7.46 DKK (the tender's exchange_rates)


def test_money_in_the_tenders_currency_and_in_a_stated_one() -> None:
    # 10 EUR = 10 * 7.46 = 74.6 DKK; 74.6 DKK in EUR = 74.6 / 7.46 = 10 EUR.
    assert convert_money(quantity(10.0, "EUR"), "DKK", RATES).to("DKK").magnitude == (
        pytest.approx(74.6, rel=1e-15)
    )
    back = convert_money(quantity(74.6, "DKK"), "DKK", RATES, target="EUR")
    assert back.to("EUR").magnitude == pytest.approx(10.0, rel=1e-15)


def test_a_target_currency_without_a_rate_says_how_to_state_one() -> None:
    with pytest.raises(CurrencyError) as caught:
        convert_money(quantity(1.0, "DKK"), "DKK", RATES, target="SEK")
    assert "no exchange rate for SEK is stated; add 'exchange_rates: {SEK: <rate> DKK}'" in str(
        caught.value
    )
    assert "der er ingen vekselkurs for SEK" in error_text(caught.value, "da")
