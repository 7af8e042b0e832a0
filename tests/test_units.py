from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tco.errors import CurrencyError, UnitError
from tco.units import base_magnitude, convert_currency, currencies_of, parse_quantity, parse_unit


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("4 %", "dimensionless", 0.04),
        ("1.67 %/year", "1/year", 0.0167),
        ("2.13 DKK/kWh", "DKK/kWh", 2.13),
        ("3000 h/year", "h/year", 3000.0),
        ("30000 km/year", "km/year", 30000.0),
        ("6.5 l/100 km", "l/km", 0.065),
        ("6.5 l/100km", "l/km", 0.065),
        ("0.12 kg CO2e/kWh", "kg/kWh", 0.12),
        ("1500 DKK/t", "DKK/kg", 1.5),
        ("1.2 tCO2e", "kg", 1200.0),
        ("15 year", "year", 15.0),
        ("2.5 m³", "m**3", 2.5),
        ("35.2 MJ/l", "MJ/l", 35.2),
        ("2,5 kWh", "kWh", 2.5),
    ],
)
def test_values_parse_as_people_write_them(text: str, unit: str, value: float) -> None:
    assert parse_quantity(text).to(unit).magnitude == pytest.approx(value)


def test_currencies_are_their_own_dimensions() -> None:
    assert currencies_of(parse_unit("EUR/MWh")) == ["EUR"]
    with pytest.raises(CurrencyError, match="expected"):
        parse_quantity("100 EUR", "DKK")


def test_plain_number_takes_the_expected_unit() -> None:
    assert parse_quantity(38, "W").to("W").magnitude == 38


@pytest.mark.parametrize("text", ["38 kg", "38 foo", "abc", "1e999 W", "nan W"])
def test_bad_values_raise_unit_error(text: str) -> None:
    with pytest.raises(UnitError):
        parse_quantity(text, "W")


def test_conversion_needs_a_rate() -> None:
    q = parse_quantity("100 EUR/MWh")
    # 100 EUR/MWh * 7.46 DKK/EUR = 746 DKK/MWh
    assert convert_currency(q, "DKK", {"EUR": 7.46}).to("DKK/MWh").magnitude == pytest.approx(746.0)
    with pytest.raises(CurrencyError, match="exchange_rates"):
        convert_currency(q, "DKK", {})


def _import_tco(env_cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": env_cache}
    code = (
        "import tco; from tco.units import parse_quantity; parse_quantity('3 furlong');"
        "print(tco.load_tender(tco.example_path('indoor-lighting')).evaluate().ranking[0])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_unit_definitions_are_read_from_tcos_file_never_from_a_cache(tmp_path: Path) -> None:
    # No pickled definitions are written or read: a cache folder could be written by another.
    done = _import_tco(str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Premium LED"
    assert list(tmp_path.iterdir()) == []


def test_an_unusable_cache_folder_does_not_stop_tco(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    done = _import_tco(str(blocker))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Premium LED"


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("1450 DKK", "DKK"),
        ("0.05 kW", "W"),
        (38, "W"),
        ("38", "W"),
        ("6.5 l/100km", "l/(100 km)"),
        ("75 %", "%"),
        ("3000 h/year", "h/year"),
        ("2,5 kWh", "MWh"),
        ("0.135 kg CO2e/kWh", "kg CO2e/kWh"),
        ("20", "1/day"),
    ],
)
def test_fast_base_magnitude_equals_full_parse(value: object, unit: str) -> None:
    fast = base_magnitude(value, unit)
    full = parse_quantity(value, unit).to_base_units().magnitude
    assert fast == pytest.approx(full, rel=1e-15)


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("100 EUR", "DKK"),
        ("38 kg", "W"),
        ("1 450 DKK", "DKK"),
        ("nan W", "W"),
        (True, "W"),
        ("20 degC", "K"),
        (0.75, "%"),
        ("1.450 DKK", "DKK"),
        ("0200", ""),
    ],
)
def test_fast_path_declines_what_needs_the_full_parse(value: object, unit: str) -> None:
    assert base_magnitude(value, unit) is None
