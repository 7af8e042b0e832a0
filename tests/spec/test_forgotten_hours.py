"""An annual formula whose 'per time' is per hour or per second (a forgotten hours factor) is refused."""

from __future__ import annotations

from typing import Any

import pytest

import tco
from tco.spec.product import compile_model


def _model(annual: str, emission: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "lamp",
        "title": {"en": "Lamp", "da": "Lampe"},
        "functional_unit": {"en": "lamp", "da": "lampe"},
        "parameters": {
            "power": {"unit": "W", "bid": True},
            "operating_hours": {"unit": "h/year", "default": "3000 h/year"},
            "electricity_price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
            "fee": {"unit": "DKK/month", "default": "10 DKK/month"},
            "grid_factor": {"unit": "kg/kWh", "default": "0.1 kg/kWh"},
        },
        "items": {"electricity": {"category": "use", "annual": annual}},
    }
    if emission is not None:
        data["emissions"] = {"co2e": {"annual": emission}}
    return data


def test_watts_times_a_price_per_kwh_is_refused_with_the_item_named() -> None:
    with pytest.raises(tco.UnitError) as err:
        compile_model(_model("power * electricity_price"), file="lamp.yaml")
    assert err.value.file == "lamp.yaml"
    assert err.value.path == ("items", "electricity", "annual")
    assert "a rate per hour or per second, not per year" in str(err.value)
    assert "8760 h/year" in str(err.value)


def test_an_emission_that_forgets_the_hours_is_refused_too() -> None:
    with pytest.raises(tco.UnitError) as err:
        compile_model(
            _model("power * operating_hours * electricity_price", "power * grid_factor"),
            file="lamp.yaml",
        )
    assert err.value.path == ("emissions", "co2e", "annual")


@pytest.mark.parametrize(
    "formula",
    [
        "power * operating_hours * electricity_price",  # W x h/year x DKK/kWh
        "power * 8760 h/year * electricity_price",  # continuous operation, said so
        "power * 24 h/day * electricity_price",  # per day is calendar time too
        "fee",  # DKK/month is money per calendar time
        "fee * 12 month/year",
    ],
)
def test_formulas_per_calendar_time_pass(formula: str) -> None:
    model = compile_model(_model(formula), file=None)
    assert "electricity" in model.items


def test_continuous_operation_costs_8760_hours_a_year() -> None:
    # 10 W for 8760 h at 2 DKK/kWh: 87.6 kWh x 2 DKK/kWh = 175.2 DKK a year (by hand).
    model = compile_model(_model("power * 8760 h/year * electricity_price"), file=None)
    tender = tco.load_tender(
        {
            "model": model.spec.model_dump(exclude_none=True),
            "assumptions": {"discount_rate": "0 %", "period": "1 year"},
            "bids": [{"name": "A", "power": "10 W"}],
        }
    )
    assert tender.evaluate().total[0] == pytest.approx(175.2)
