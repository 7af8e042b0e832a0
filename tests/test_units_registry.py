"""tco's pint registry: what its unit names mean, how units are shown, and that it is built once.

The registry is read from ``tco/units/definitions.txt``; each definition there is
copied from pint's own ``default_en.txt``, so a name means in tco what it means in
pint (checked against pint's default registry below). The ``@alias`` lines are tco's
own spellings (``ton`` is the metric tonne; Danish words such as ``år``, ``md``, ``dag``,
which pint reads otherwise or not at all).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import pint
import pytest

import tco
import tco.units
from tco.units import DimensionalityError, parse_quantity, parse_unit, quantity, show_unit, unit
from tco.units.grammar import lookup
from tco.units.registry import DEFINITIONS, base_factor, registry


def _names_in_definitions() -> list[str]:
    """Every unit name and alias defined in tco's definitions file, but its own @alias lines."""
    names: list[str] = []
    for line in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if (
            "=" in line
            and not line.startswith("@")
            and not line.split("=")[0].strip().endswith("-")
        ):
            first, _, rest = line.partition("=")
            aliases = [a.strip() for a in rest.split("=")[1:]]
            names += [first.strip(), *(a for a in aliases if a and a != "_")]
    return names


def test_each_name_means_what_pint_says() -> None:
    # pint's default registry is the authority on what a unit name means.
    default = pint.UnitRegistry(cache_folder=None)
    checked = 0
    for name in _names_in_definitions():
        if name not in default:
            continue
        ours, theirs = registry().Unit(name), default.Unit(name)
        assert str(ours.dimensionality) == str(theirs.dimensionality), name
        assert base_factor(ours) == pytest.approx(default.get_base_units(theirs)[0], rel=1e-12), (
            name
        )
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("1 kWh", "J", 3.6e6),  # 1000 W x 3600 s
        ("1 year", "day", 365.25),  # pint's (Julian) year
        ("1 month", "day", 365.25 / 12),
        ("1 ton", "kg", 1000.0),  # tco: ton is the metric tonne
        ("1 tonne", "kg", 1000.0),
        ("1 short_ton", "kg", 907.18474),  # 2000 lb x 0.45359237 kg
        ("1 l", "m^3", 0.001),
        ("2 furlong", "m", 80 * 16.5 * 1200 / 3937),  # 2 x 40 rod of 16.5 US survey feet
        ("1 tCO2e", "kg", 1000.0),
        ("3 år", "month", 36.0),
        ("2 timer", "min", 120.0),
        ("1 døgn", "h", 24.0),
        ("4 procent", "dimensionless", 0.04),
    ],
)
def test_names_read_as_their_definition_says(text: str, target: str, value: float) -> None:
    assert parse_quantity(text).to(target).magnitude == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("kWh/year", "kWh/year"),
        ("DKK/t", "DKK/t"),
        ("DKK/(t year)", "DKK/(t year)"),
        ("kg CO2e/kWh", "kg CO2e/kWh"),
        ("m^3", "m^3"),
        ("l/100 km", "l/km"),
        ("%/year", "%/year"),
        ("1/a", "1/year"),
        ("DKK/ton", "DKK/t"),
    ],
)
def test_units_are_shown_as_written(text: str, shown: str) -> None:
    assert show_unit(parse_unit(text).units) == shown


def test_a_name_no_definition_holds_is_unknown() -> None:
    assert lookup("no_such_unit_at_all") is None
    assert lookup("Wattz") is None


def test_an_offset_unit_converts_as_in_pint() -> None:
    # 20 degree Celsius is 293.15 K (NIST SP 811, 4.2.1.1).
    assert parse_quantity("20 degC").to("K").magnitude == pytest.approx(293.15)
    assert parse_quantity("20 degC").to_base_units().magnitude == pytest.approx(293.15)
    assert quantity(293.15, "K").to(parse_unit("degC").units).magnitude == pytest.approx(20.0)


def test_units_and_quantities_survive_pickling() -> None:
    for q in (parse_quantity("2.13 DKK/kWh"), parse_quantity("3 furlong/year")):
        back = pickle.loads(pickle.dumps(q))
        assert back == q and repr(back) == repr(q)
        assert pickle.loads(pickle.dumps(q.units)) == q.units


def test_a_pickled_quantity_reads_back_in_a_new_process() -> None:
    data = pickle.dumps(parse_quantity("1500 DKK/t"))
    code = "import pickle, sys; import tco; print(repr(pickle.loads(sys.stdin.buffer.read())))"
    done = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "<Quantity(1500.0, 'DKK / metric_ton')>"


def test_quantity_arithmetic() -> None:
    power, hours, price = quantity(38.0, "W"), quantity(3000.0, "h/year"), unit("DKK/kWh")
    cost = power * hours * (2.0 * price)
    # 38 W x 3000 h/year = 114 kWh/year; at 2 DKK/kWh that is 228 DKK/year.
    assert cost.to("DKK/year").magnitude == pytest.approx(228.0)
    assert (quantity(1.0, "kWh") + quantity(500.0, "Wh")).magnitude == pytest.approx(1.5)
    assert quantity(1.0, "km") > quantity(999.0, "m")
    assert quantity(4.0, "percent") == quantity(0.04)
    assert float(quantity(3000.0, "h/year")) == pytest.approx(3000 / 8766)
    with pytest.raises(DimensionalityError):
        float(quantity(1.0, "W"))
    with pytest.raises(DimensionalityError):
        quantity(1.0, "DKK") + quantity(1.0, "EUR")  # no silent exchange rate


def test_a_unit_text_is_read_once() -> None:
    assert parse_unit("DKK/kWh") is parse_unit("DKK/kWh")
    assert unit("DKK / year") is unit("DKK / year")


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_tco_does_not_import_pint() -> None:
    # The registry is built on first need: 'import tco' and 'tco --help' stay light.
    out = _run(
        """
        import sys
        import tco, tco.cli.main
        before = "pint" in sys.modules
        tco.units.parse_quantity("1 kWh")
        print(before, "pint" in sys.modules)
        """
    )
    assert out == "False True"


def test_tco_ureg_is_tcos_pint_registry() -> None:
    assert tco.ureg is tco.units.ureg is registry()
    ureg = registry()
    assert tco.units.Quantity is ureg.Quantity and tco.units.Unit is ureg.Unit
    # tco's own definitions: each currency its own dimension, CO2e a dimensionless marker.
    assert str(ureg.Unit("DKK").dimensionality) == "[currency_DKK]"
    assert ureg.Quantity(1.0, "kg * CO2e").to("kg").magnitude == 1.0
    assert ureg.Quantity(2.0, "tCO2e").to("kg").magnitude == 2000.0
    assert ureg.Quantity(1.0, "ton").to("kg").magnitude == 1000.0


def test_threads_asking_at_once_share_one_registry() -> None:
    # Units of two registries cannot be combined: the first use from many threads builds one.
    out = _run(
        """
        import threading
        from tco.units import parse_quantity
        from tco.units.registry import registry
        start, found = threading.Barrier(8), []

        def use():
            start.wait()
            found.append((registry(), parse_quantity("2 kWh")))

        threads = [threading.Thread(target=use) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        total = sum((q for _, q in found), parse_quantity("0 kWh"))
        print(len({id(r) for r, _ in found}), total.to("kWh").magnitude)
        """
    )
    assert out == "1 16.0"  # 8 threads x 2 kWh
