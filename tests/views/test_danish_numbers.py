"""Danish numbers are written as Babel writes them, and fast enough for a report of many bids."""

from __future__ import annotations

import babel.numbers
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tco.views.i18n import number


def babel_da(value: float, decimals: int) -> str:
    """The reference: Babel's own formatting, as tco wrote Danish numbers before."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    out: str = babel.numbers.format_decimal(value, format=pattern, locale="da_DK")
    return out.replace("\xa0", " ")


@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e21, max_value=1e21),
        st.integers(-(10**18), 10**18),
    ),
    st.integers(0, 6),
)
@example(2.675, 2)  # binary 2.67499999...; Babel rounds the text "2.675" half to even: 2,68
@example(-0.4, 0)  # rounds to zero and keeps its sign: "-0"
@example(-0.0, 1)
@example(0.5, 0)  # half to even: 0
@example(1.5, 0)  # 2
@example(1234567.891, 2)
@example(5e-324, 6)
@example(9.99999999999e20, 6)
@example(1e21, 0)  # past the fast path: Babel itself
@example(float("inf"), 0)
@example(float("-inf"), 2)
@example(float("nan"), 2)
def test_danish_numbers_are_written_as_babel_writes_them(value: float, decimals: int) -> None:
    assert number(value, decimals, "da") == babel_da(value, decimals)


def test_numpy_scalars_as_python_numbers() -> None:
    assert number(np.float64(-1234.5), 1, "da") == babel_da(-1234.5, 1) == "-1.234,5"
    assert number(np.int64(1234567), 0, "da") == "1.234.567"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_negative_zero_is_not_cached_as_zero(lang: str) -> None:
    assert number(0.0, 1, lang) == ("0.0" if lang == "en" else "0,0")
    assert number(-0.0, 1, lang) == ("-0.0" if lang == "en" else "-0,0")
    assert number(0.0, 1, lang) == ("0.0" if lang == "en" else "0,0")
