"""Every bundled product model: loads, speaks Danish and English, sources its defaults, has an example."""

from __future__ import annotations

import numpy as np
import pytest

import tco

MODELS = sorted(tco.bundled_models())


def test_at_least_sixteen_product_areas() -> None:
    assert len(MODELS) >= 16


@pytest.mark.parametrize("model_id", MODELS)
def test_model_loads_with_texts_in_both_languages(model_id: str) -> None:
    model = tco.load_model(model_id)
    assert model.id == model_id  # the file name is the id
    assert model.spec.title.da
    assert model.spec.description is not None and model.spec.description.da
    assert model.spec.functional_unit.da
    for name, p in model.parameters.items():
        assert p.spec.label is not None and p.spec.label.da, name
        assert p.spec.description is not None and p.spec.description.da, name


@pytest.mark.parametrize("model_id", MODELS)
def test_buyer_defaults_carry_their_source(model_id: str) -> None:
    model = tco.load_model(model_id)
    for name, p in model.parameters.items():
        if not p.spec.bid:
            assert p.spec.default is not None, f"{model_id}: {name} has no default"
            assert p.spec.source or model.spec.sources, f"{model_id}: {name} has no source"


@pytest.mark.parametrize("model_id", MODELS)
def test_example_with_three_or_more_bids_evaluates(model_id: str) -> None:
    tender = tco.load_tender(tco.example_path(model_id))
    assert tender.model.id == model_id
    assert len(tender.bids) >= 3
    result = tender.evaluate()
    assert result.total.shape == (len(tender.bids),)
    assert np.all(np.isfinite(result.total)) and np.all(result.total > 0)
    assert sorted(result.rank.tolist())[0] == 1
