"""Switching values, verified by evaluating the tender again at the value found."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from tco.analysis.switching import SwitchingValue, difference_at, switching_value
from tco.errors import SpecError
from tco.views.error_text import error_text

EXAMPLE = tco.load_tender(tco.example_path("indoor-lighting"))


def example_with(parameters: dict | None = None, bids: dict | None = None) -> np.ndarray:
    """Totals of the example tender written out again with changed values, by the engine."""
    data = EXAMPLE.spec.model_dump(exclude_none=True)
    data["parameters"] = {**data["parameters"], **(parameters or {})}
    for b in data["bids"]:
        b.update((bids or {}).get(b["name"], {}))
    return tco.load_tender(data).evaluate().total


def test_linear_switching_value_by_hand() -> None:
    # Two luminaires lasting 60000 h / 3000 h = 20 years over a 10-year period, 0 %
    # escalation, 5 %, 100 units, CO2e not priced. Each has half its life left at year 10,
    # credited as residual value, so the extra investment of the frugal one is
    #   dI = 100 * (600 - 400) * (1 - 0.5 * 1.05**-10) = 13860.87 DKK
    # and its saving a year is 100 * (60 - 30) W * 3000 h * e, worth UPV(5 %, 10) =
    # (1 - 1.05**-10) / 0.05 = 7.721735 years of it. They cost the same when
    #   e* = dI / (100 * 0.030 kW * 3000 h * UPV) = 0.199450 DKK/kWh.
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {
                "period": "10 year",
                "quantity": 100,
                "discount_rate": "5 %",
                "escalation": {"electricity": "0 %"},
            },
            "bids": [
                {"name": "Cheap", "price": "400 DKK", "power": "60 W", "rated_life": "60000 h"},
                {"name": "Frugal", "price": "600 DKK", "power": "30 W", "rated_life": "60000 h"},
            ],
        }
    )
    upv = (1 - 1.05**-10) / 0.05
    extra = 100 * 200 * (1 - 0.5 * 1.05**-10)
    s = switching_value(t, "electricity_price", "Cheap", "Frugal")
    assert s.method == "linear"
    assert s.value == pytest.approx(extra / (100 * 0.030 * 3000 * upv), rel=1e-9)
    assert s.value == pytest.approx(0.199450, abs=1e-6)
    assert s.unit == "DKK/kWh" and s.current == pytest.approx(2.13)


@pytest.mark.parametrize(
    ("name", "a", "b", "method"),
    [
        ("electricity_price", "Premium LED", "Lumen Nord", "linear"),
        ("power", "Budget Light", "Premium LED", "linear"),
        ("operating_hours", "Premium LED", "Lumen Nord", "bisection"),
        ("discount_rate", "Premium LED", "Budget Light", "bisection"),
    ],
)
def test_switching_value_reevaluated(name, a, b, method) -> None:
    s = switching_value(EXAMPLE, name, a, b)
    assert s.method == method
    assert s.value is not None and s.bounds[0] <= s.value <= s.bounds[1]
    # Re-evaluated through the analysis path ...
    assert abs(difference_at(EXAMPLE, name, [s.value], a, b)[0]) < 1e-6
    # ... and by writing the value into the tender and running the engine.
    unit = {
        "electricity_price": "DKK/kWh",
        "power": "W",
        "operating_hours": "h/year",
        "discount_rate": "%",
    }[name]
    raw = f"{s.value!r} {unit}"
    if name == "discount_rate":
        data = EXAMPLE.spec.model_dump(exclude_none=True)
        data["assumptions"]["discount_rate"] = raw
        totals = tco.load_tender(data).evaluate().total
    elif name == "power":
        totals = example_with(bids={a: {"power": raw}})
    else:
        totals = example_with({name: raw})
    i, j = EXAMPLE.bids.index(a), EXAMPLE.bids.index(b)
    assert totals[i] == pytest.approx(totals[j], rel=1e-9)
    # And on either side the order differs.
    lo, hi = difference_at(EXAMPLE, name, [s.value * 0.9, s.value * 1.1], a, b)
    assert np.sign(lo) != np.sign(hi)


def test_bid_parameter_varies_one_bid() -> None:
    # The price of Premium LED at which it costs as much as Lumen Nord.
    s = switching_value(EXAMPLE, "price", "Premium LED", "Lumen Nord")
    assert s.varied == ("Premium LED",) and s.method == "linear"
    assert s.value is not None
    totals = example_with(bids={"Premium LED": {"price": f"{s.value!r} DKK"}})
    assert totals[2] == pytest.approx(totals[0], rel=1e-9)
    # The same question asked of Lumen Nord's price.
    t = switching_value(EXAMPLE, "price", "Premium LED", "Lumen Nord", bid="Lumen Nord")
    assert t.varied == ("Lumen Nord",) and t.value is not None
    assert t.value < 1450  # Lumen Nord must get cheaper to catch up
    totals = example_with(bids={"Lumen Nord": {"price": f"{t.value!r} DKK"}})
    assert totals[2] == pytest.approx(totals[0], rel=1e-9)


def test_never_within_bounds() -> None:
    s = switching_value(EXAMPLE, "price", "Premium LED", "Lumen Nord", bounds=("0 DKK", 2000))
    assert s.value is None and s.crossings == ()
    assert s.outside is not None and s.outside > 2000
    assert "never cost the same" in s.describe()
    # The crossing outside the bounds is a true one.
    assert abs(difference_at(EXAMPLE, "price", [s.outside], "Premium LED", "Lumen Nord")[0]) < 1e-6
    # Escalation of electricity never makes the Premium LED dearer than Lumen Nord.
    e = switching_value(EXAMPLE, "escalation.electricity", "Premium LED", "Lumen Nord")
    assert e.value is None and e.method == "bisection"


def test_rated_life_with_replacement_jumps() -> None:
    # Budget Light lasts 35000 h / 3000 h = 11.7 years and is replaced in year 12; as its
    # rated life varies the replacement moves by whole years, a non-linear difference.
    s = switching_value(
        EXAMPLE, "rated_life", "Budget Light", "Lumen Nord", bounds=("10000 h", "200000 h")
    )
    assert s.method == "bisection"
    for x in s.crossings:
        d = difference_at(
            EXAMPLE,
            "rated_life",
            [x * 0.999, x * 1.001],
            "Budget Light",
            "Lumen Nord",
            bid="Budget Light",
        )
        assert np.sign(d[0]) != np.sign(d[1])


def test_errors() -> None:
    with pytest.raises(SpecError, match="low end must be below"):
        switching_value(EXAMPLE, "electricity_price", 0, 1, bounds=(3, 1))
    with pytest.raises(SpecError, match="no bid named 'Lumen'"):
        switching_value(EXAMPLE, "electricity_price", "Lumen", 1)
    d = switching_value(EXAMPLE, "electricity_price", 0, 2).to_dict()
    assert d["a"] == "Lumen Nord" and d["b"] == "Premium LED" and "text" in d


def test_the_sentence_names_the_unit_of_the_switching_value() -> None:
    # A value and the tender's own value, each followed by the input's unit.
    found = SwitchingValue(
        "hours", "h/year", "A", "B", ("A",), 2000.0, 2500.0, (2500.0,), (0.0, 5000.0), "linear"
    )
    assert found.describe() == "'A' and 'B' are equal at hours = 2500 h/year (now 2000 h/year)"
    never = SwitchingValue(
        "hours",
        "h/year",
        "A",
        "B",
        ("A",),
        2000.0,
        None,
        (),
        (0.0, 5000.0),
        "linear",
        outside=9000.0,
    )
    assert never.describe() == (
        "'A' and 'B' never cost the same for hours between 0 and 5000 h/year "
        "(the totals would be equal at 9000 h/year)"
    )


def test_reversed_bounds_name_the_input_in_danish_too() -> None:
    with pytest.raises(SpecError) as caught:
        switching_value(EXAMPLE, "electricity_price", 0, 1, bounds=(3, 1))
    assert caught.value.expected == "(low, high) with low < high"
    # Danish from the catalogue (tco.po, msgctxt "switch_bounds").
    assert error_text(caught.value, "da") == (
        "grænserne (3, 1) for 'electricity_price': den nedre grænse skal være under den øvre"
    )


def test_the_difference_varies_the_bid_it_is_asked_to() -> None:
    # total(Lumen Nord) - total(Premium LED): at Premium LED's own price (1890 DKK) it is the
    # tender's difference; raising Premium LED's price lowers it, raising Lumen Nord's (the
    # default, bid a) raises it.
    r = EXAMPLE.evaluate()
    a, b = "Lumen Nord", "Premium LED"
    now = r.total[r.bids.index(a)] - r.total[r.bids.index(b)]
    d_b = difference_at(EXAMPLE, "price", ["1890 DKK", "2890 DKK"], a, b, bid=b)
    d_a = difference_at(EXAMPLE, "price", ["1450 DKK", "2450 DKK"], a, b)
    assert d_b[0] == pytest.approx(now, rel=1e-12)
    assert d_a[0] == pytest.approx(now, rel=1e-12)
    assert d_b[1] < d_b[0] and d_a[1] > d_a[0]
