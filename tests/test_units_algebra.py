"""tco's unit algebra against pint, the authority on what units mean.

The table of unit names is pint's answers, generated again here and compared;
units and quantities built with the algebra are compared with pint's for many
expressions (factor, dimension, conversions, and how they are written); and a
cold run is checked not to import pint at all.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tco.units import Quantity, Unit, parse_quantity, parse_unit, show_unit, table, ureg
from tco.units.algebra import CATALOG, DimensionalityError, lookup, unit
from tco.units.build_table import WRITTEN, render

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = sorted(table.NAMES)


def test_the_table_is_pint_answers_generated_again() -> None:
    # python -m tco.units.build_table writes it; run that after changing WRITTEN or pint.
    assert render() == Path(table.__file__).read_text(encoding="utf-8")


def test_every_written_name_is_in_the_table() -> None:
    assert set(WRITTEN) - {"degC"} <= set(table.NAMES)
    for name in ("kWh", "MWh", "GJ", "t", "m", "l", "h", "year", "DKK", "CO2e", "page", "pkm"):
        assert name in table.NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_name_means_what_pint_says(name: str) -> None:
    ours, theirs = lookup(name), ureg.Unit(name)
    assert ours is not None
    assert ours.names == dict(theirs._units)
    assert ours.factor == pytest.approx(ureg.get_base_units(theirs)[0], rel=1e-15)
    assert dict(ours.dimensionality) == dict(theirs.dimensionality)


def _pint_dims(u: object) -> dict[str, float]:
    return {str(k): v for k, v in ureg.get_dimensionality(u).items()}


terms = st.lists(
    st.tuples(st.sampled_from(NAMES), st.sampled_from([-2, -1, 1, 2, 3])), min_size=1, max_size=4
)


def _build(pairs: list[tuple[str, int]]) -> tuple[Unit, object]:
    ours, theirs = Unit(), ureg.dimensionless
    for name, power in pairs:
        found = lookup(name)
        assert found is not None
        ours = ours * found**power
        theirs = theirs * ureg.Unit(name) ** power
    return ours, theirs


@PROPERTY
@given(terms)
def test_units_are_pint_units(pairs: list[tuple[str, int]]) -> None:
    ours, theirs = _build(pairs)
    assert dict(ours.dimensionality) == _pint_dims(theirs)
    assert repr(ours) == repr(theirs)
    assert str(ours) == str(theirs)
    assert f"{ours:~}" == f"{theirs:~}"
    assert ours.factor == pytest.approx(ureg.get_base_units(theirs)[0], rel=1e-12)


@PROPERTY
@given(terms, terms, st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_conversions_are_pint_conversions(
    a: list[tuple[str, int]], b: list[tuple[str, int]], x: float
) -> None:
    (ua, pa), (ub, pb) = _build(a), _build(b)
    q = Quantity(x, ua)
    assert q.to_base_units().magnitude == pytest.approx(
        ureg.Quantity(x, pa).to_base_units().magnitude, rel=1e-12
    )
    product = q * Quantity(2.0, ub)
    theirs = ureg.Quantity(x, pa) * ureg.Quantity(2.0, pb)
    assert repr(product) == repr(theirs)
    if ua.dimensionality == ub.dimensionality:
        assert q.to(ub).magnitude == pytest.approx(
            ureg.Quantity(x, pa).to(pb).magnitude, rel=1e-12, abs=1e-300
        )
    else:
        with pytest.raises(DimensionalityError):
            q.to(ub)


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
    ],
)
def test_units_are_shown_as_written(text: str, shown: str) -> None:
    assert show_unit(parse_unit(text).units) == shown


def test_a_name_outside_the_table_is_read_by_pint() -> None:
    assert "furlong" not in table.NAMES
    assert parse_quantity("2 furlong").to("m").magnitude == pytest.approx(
        ureg.Quantity(2, "furlong").to("m").magnitude
    )
    assert "furlong" in CATALOG
    assert lookup("no_such_unit_at_all") is None


def test_an_offset_unit_converts_as_in_pint() -> None:
    # 20 degree Celsius is 293.15 K (NIST SP 811, 4.2.1.1).
    assert parse_quantity("20 degC").to("K").magnitude == pytest.approx(293.15)
    assert parse_quantity("20 degC").to_base_units().magnitude == pytest.approx(293.15)
    assert Quantity(293.15, "K").to(parse_unit("degC").units).magnitude == pytest.approx(20.0)


def test_units_and_quantities_survive_pickling() -> None:
    for q in (parse_quantity("2.13 DKK/kWh"), parse_quantity("3 furlong/year")):
        back = pickle.loads(pickle.dumps(q))
        assert back == q and repr(back) == repr(q)
        assert pickle.loads(pickle.dumps(q.units)) == q.units


def test_quantity_arithmetic() -> None:
    power, hours, price = Quantity(38.0, "W"), Quantity(3000.0, "h/year"), unit("DKK/kWh")
    cost = power * hours * (2.0 * price)
    # 38 W x 3000 h/year = 114 kWh/year; at 2 DKK/kWh that is 228 DKK/year.
    assert cost.to("DKK/year").magnitude == pytest.approx(228.0)
    assert (Quantity(1.0, "kWh") + Quantity(500.0, "Wh")).magnitude == pytest.approx(1.5)
    assert Quantity(1.0, "km") > Quantity(999.0, "m")
    assert Quantity(4.0, "percent") == Quantity(0.04)
    assert float(Quantity(3000.0, "h/year")) == pytest.approx(3000 / 8766)
    with pytest.raises(DimensionalityError):
        float(Quantity(1.0, "W"))


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_cold_compare_never_imports_pint() -> None:
    out = _run(
        """
        import contextlib, io, sys
        from tco.cli.main import main
        assert "pint" not in sys.modules, "import tco.cli.main loaded pint"
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["compare", "--example", "indoor-lighting"])
        print(code, "pint" in sys.modules)
        """
    )
    assert out == "0 False"


def test_the_bundled_examples_and_models_never_import_pint() -> None:
    out = _run(
        """
        import sys
        import tco
        for name, path in sorted(tco.bundled_examples().items()):
            tco.load_tender(path).evaluate()
        for name in sorted(tco.bundled_models()):
            tco.load_model(name)
        print("pint" in sys.modules)
        """
    )
    assert out == "False"


def test_tco_ureg_is_tcos_pint_registry() -> None:
    import tco
    import tco.units

    assert tco.ureg is tco.units.ureg is ureg
    # tco's own definitions: each currency its own dimension, CO2e a dimensionless marker.
    assert str(ureg.Unit("DKK").dimensionality) == "[currency_DKK]"
    assert ureg.Quantity(1.0, "kg * CO2e").to("kg").magnitude == 1.0
    assert ureg.Quantity(2.0, "tCO2e").to("kg").magnitude == 2000.0
