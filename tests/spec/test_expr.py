from __future__ import annotations

import numpy as np
import pytest

from tco.errors import ExpressionError, UnitError
from tco.spec.expr import compile_expression, parse

UNITS = {"power": "W", "hours": "h/year", "price": "DKK/kWh", "life": "h", "n": ""}


def value(text: str, **values: float) -> float:
    c = compile_expression(text, UNITS)
    return float(c.evaluate(values))


def test_annual_energy_cost_in_base_units() -> None:
    c = compile_expression("power * hours * price", UNITS)
    # 32 W * 3000 h/year * 2.13 DKK/kWh = 204.48 DKK/year
    env = {"power": 32.0, "hours": 3000 * 3600 / (365.25 * 86400), "price": 2.13 / 3.6e6}
    per_second = float(c.evaluate(env))
    assert per_second * 365.25 * 86400 == pytest.approx(204.48)
    # The unit of the result is W * h/year * DKK/kWh = 0.001 DKK/year.
    assert c.quantity.to("DKK/year").magnitude == pytest.approx(0.001)


def test_numbers_with_units_and_precedence() -> None:
    # 2 + 3 * 4 ** 2 = 50; -2 ** 2 = -4 (power binds tighter than unary minus)
    assert value("2 + 3 * 4 ** 2") == 50
    assert value("-2 ** 2") == -4
    assert value("2 ^ 3") == 8
    c = compile_expression("price * 8 h/day * 1 kW", UNITS)
    assert (
        c.quantity.dimensionality
        == compile_expression("price * 1 kWh / 1 day", UNITS).dimensionality
    )


def test_functions() -> None:
    assert value("max(1, 2, 3)") == 3
    assert value("min(4, n)", n=2.0) == 2
    assert value("ceil(2.1) + floor(2.9) + round(2.5) + abs(-1)") == 3 + 2 + 2 + 1
    assert value("sqrt(16)") == 4


def test_vectorised_over_bids() -> None:
    c = compile_expression("n * 2", UNITS)
    np.testing.assert_allclose(c.evaluate({"n": np.array([1.0, 2.0, 3.0])}), [2.0, 4.0, 6.0])


@pytest.mark.parametrize(
    ("text", "error", "match"),
    [
        ("power + price", UnitError, "cannot add 'W' and 'DKK/kWh'"),
        ("powr * hours", ExpressionError, "did you mean 'power'"),
        ("ceil(life)", UnitError, "needs a plain number"),
        ("max(power, price)", UnitError, "same dimension"),
        ("power ** n", UnitError, "not a constant"),
        ("2 ** power", UnitError, "exponent"),
        ("(power", ExpressionError, "expected '\\)'"),
        ("power *", ExpressionError, "unexpected the end"),
        ("__import__(os)", ExpressionError, "unknown function"),
        ("__import__('os')", ExpressionError, "unexpected character"),
        ("power; 1", ExpressionError, "unexpected character"),
        ("foo(1)", ExpressionError, "unknown function 'foo'"),
        ("3 furlongz", UnitError, "unknown unit"),
    ],
)
def test_errors(text: str, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        compile_expression(text, UNITS)


def test_division_by_zero_is_an_error_not_inf() -> None:
    c = compile_expression("power / n", UNITS)
    with pytest.raises(ExpressionError, match="non-finite"):
        c.evaluate({"power": 1.0, "n": 0.0})


def test_depth_and_length_limits() -> None:
    with pytest.raises(ExpressionError, match="nested"):
        parse("(" * 100 + "1" + ")" * 100, set())
    with pytest.raises(ExpressionError, match="characters long"):
        parse("1+" * 2000 + "1", set())
