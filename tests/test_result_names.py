"""One name for one thing on a result; the names of tco 0.1 warn and still read the same arrays."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import tco
from tco.result import Result

OLD_TO_NEW = {
    "present_value": "pv_by_item",
    "emission_names": "emission_streams",
    "emitted": "emissions_by_stream",
    "mass": "yearly_emissions",
}


@pytest.fixture(scope="module")
def result() -> Result:
    return tco.load_tender(tco.example_path("indoor-lighting")).evaluate()


@pytest.mark.parametrize(("old", "new"), sorted(OLD_TO_NEW.items()))
def test_old_name_warns_naming_the_new_one_and_reads_the_same(
    result: Result, old: str, new: str
) -> None:
    with pytest.warns(FutureWarning, match=rf"^Result\.{old} is deprecated .* use Result\.{new} "):
        got = getattr(result, old)
    expected = getattr(result, new)
    if isinstance(expected, tuple):
        assert got == expected
    else:
        np.testing.assert_array_equal(got, expected)


def test_new_names_do_not_warn(result: Result) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for new in OLD_TO_NEW.values():
            getattr(result, new)


def test_emissions_one_name_three_shapes(result: Result) -> None:
    # indoor-lighting has one emission stream, co2e from electricity: the per-substance total,
    # the per-stream total and the yearly masses summed over the years are one number per bid.
    B, E = result.emissions_by_stream.shape
    assert (B, E) == (len(result.bids), len(result.emission_streams)) == (3, 1)
    assert result.yearly_emissions.shape == (B, E, len(result.years))
    np.testing.assert_allclose(result.yearly_emissions.sum(axis=-1), result.emissions_by_stream)
    np.testing.assert_allclose(result.emissions["co2e"], result.emissions_by_stream[:, 0])


def test_pv_by_item_is_by_item_as_one_array(result: Result) -> None:
    for i, item in enumerate(result.items):
        np.testing.assert_array_equal(result.pv_by_item[:, i], result.by_item[item])
    np.testing.assert_allclose(result.pv_by_item.sum(axis=1), result.total_incl_externalities)


def test_aliases_listed_on_the_class_without_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for old, new in OLD_TO_NEW.items():
            alias = getattr(Result, old)
            assert f":attr:`{new}`" in (alias.__doc__ or "")
