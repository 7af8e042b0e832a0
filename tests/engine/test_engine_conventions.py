"""The tender's conventions (tco.engine.conventions): an unknown option named in both languages."""

from __future__ import annotations

import pytest

from tco.engine.conventions import option
from tco.errors import SpecError
from tco.views.error_text import error_text


def test_an_unknown_option_names_the_convention_the_value_and_the_options() -> None:
    # "price_year" takes 0 or 1 (the year the quoted price holds); 2 is neither.
    with pytest.raises(SpecError) as caught:
        option("price_year", 2)
    err = caught.value
    assert err.path == ("price_year",)
    assert err.value == 2
    assert err.expected == "one of 0, 1"
    assert error_text(err, "en").endswith("unknown convention 2; expected one of 0, 1")
    # Danish from the catalogue (tco.po, msgctxt "unknown_convention").
    assert error_text(err, "da").endswith("ukendt konvention '2'; forventede en af 0, 1")


def test_an_unknown_convention_lists_the_conventions() -> None:
    with pytest.raises(SpecError) as caught:
        option("no_such_rule", "x")
    assert "'price_year'" in str(caught.value.expected)
    assert "ukendt konvention 'x'" in error_text(caught.value, "da")
