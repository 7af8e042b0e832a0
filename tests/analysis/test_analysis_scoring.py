"""Tender scoring: price models and weighted scores on worked examples."""

from __future__ import annotations

import numpy as np
import pytest

import tco
from tco.analysis.scoring import (
    METHODS,
    ScoreTable,
    conversion_price,
    price_points,
    score,
    weighted_score,
)
from tco.errors import SpecError
from tco.views.error_text import error_text

# Worked example: three bids with life-cycle costs 800 000, 1 000 000 and 1 200 000 DKK,
# 10 points for price. Lowest L = 800 000.
TOTALS = [800_000.0, 1_000_000.0, 1_200_000.0]


def test_proportional() -> None:
    # 10 * L / P: 10, 10 * 0.8 = 8, 10 * 0.8 / 1.2 = 6.6667
    np.testing.assert_allclose(price_points(TOTALS, "proportional"), [10, 8, 20 / 3])


def test_linear_slope() -> None:
    # DFØ basic linear model, 10 - 10 * (Pe - Pb) / Pb: 10, 10 - 2.5 = 7.5, 10 - 5 = 5
    np.testing.assert_allclose(price_points(TOTALS, "linear_slope"), [10, 7.5, 5])
    # Slope k = 2 ("one point less per 5 % above the lowest"): 10, 5, 0
    np.testing.assert_allclose(price_points(TOTALS, "linear_slope", slope=2), [10, 5, 0])
    # k = 3 would give 10 - 15 = -5 for the dearest: clipped to 0
    np.testing.assert_allclose(price_points(TOTALS, "linear_slope", slope=3), [10, 2.5, 0])


def test_linear_ceiling() -> None:
    # Ceiling 1 600 000: 10 * (1.6 - P) / (1.6 - 0.8): 10, 7.5, 5
    np.testing.assert_allclose(
        price_points(TOTALS, "linear_ceiling", ceiling=1_600_000), [10, 7.5, 5]
    )
    with pytest.raises(SpecError, match="needs a ceiling above the lowest total"):
        price_points(TOTALS, "linear_ceiling", ceiling=700_000)


def test_linear_range() -> None:
    # From 10 at the lowest to 0 at the highest: 10, 5, 0; all equal: all 10
    np.testing.assert_allclose(price_points(TOTALS, "linear_range"), [10, 5, 0])
    np.testing.assert_allclose(price_points([5.0, 5.0], "linear_range"), [10, 10])


def test_max_points_and_unknown_method() -> None:
    np.testing.assert_allclose(price_points(TOTALS, max_points=100), [100, 80, 200 / 3])
    with pytest.raises(SpecError, match="unknown price model 'lowest'"):
        price_points(TOTALS, "lowest")
    with pytest.raises(SpecError, match="positive totals"):
        price_points([-1.0, 2.0])


def test_weighted_score_worked_example() -> None:
    # Price 60 %, quality 40 %; quality points 6, 9, 10.
    # proportional price points 10, 8, 6.6667:
    #   A: 0.6 * 10     + 0.4 * 6  = 8.4
    #   B: 0.6 * 8      + 0.4 * 9  = 8.4
    #   C: 0.6 * 6.6667 + 0.4 * 10 = 8.0
    t = score(
        TOTALS,
        bids=["A", "B", "C"],
        weights={"price": 60, "quality": 40},
        quality={"A": {"quality": 6}, "B": {"quality": 9}, "C": {"quality": 10}},
    )
    np.testing.assert_allclose(t.score, [8.4, 8.4, 8.0])
    np.testing.assert_array_equal(t.rank, [1, 1, 3])  # A and B share the first place
    assert t.weights == {"price": 0.6, "quality": 0.4}
    # With the linear model, k = 1: price points 10, 7.5, 5:
    #   A: 6 + 2.4 = 8.4, B: 4.5 + 3.6 = 8.1, C: 3 + 4 = 7.0 -> A, B, C
    t = score(
        TOTALS,
        "linear_slope",
        bids=["A", "B", "C"],
        weights={"price": 60, "quality": 40},
        quality={"A": {"quality": 6}, "B": {"quality": 9}, "C": {"quality": 10}},
    )
    np.testing.assert_allclose(t.score, [8.4, 8.1, 7.0])
    assert [r["bid"] for r in t.rows()] == ["A", "B", "C"]


def test_weighted_score_function() -> None:
    # Weights 3 : 1 normalise to 0.75 / 0.25: 0.75 * 8 + 0.25 * 4 = 7
    np.testing.assert_allclose(weighted_score({"p": [8.0], "q": [4.0]}, {"p": 3, "q": 1}), [7.0])
    with pytest.raises(SpecError, match="no points for criterion 'r'"):
        weighted_score({"p": [8.0]}, {"r": 1})


def test_conversion_model() -> None:
    # Each point short of 10 adds 20 000 DKK: 800 000 + 4 * 20 000 = 880 000,
    # 1 000 000 + 1 * 20 000 = 1 020 000, 1 200 000 + 0 = 1 200 000.
    np.testing.assert_allclose(
        conversion_price(TOTALS, [6, 9, 10], per_point=20_000), [880_000, 1_020_000, 1_200_000]
    )


def test_quality_points_from_the_tender() -> None:
    tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
    t = score(tender, weights={"price": 60, "design": 20, "service": 20})
    totals = tender.evaluate().total
    low = totals.min()
    # Lumen Nord: price 10 * low / total, design 7, service 8
    lumen = 0.6 * 10 * low / totals[0] + 0.2 * 7 + 0.2 * 8
    assert t.score[0] == pytest.approx(lumen)
    assert t.currency == "DKK"
    assert t.rows()[0]["rank"] == 1
    with pytest.raises(SpecError, match="bid 'Lumen Nord' has no quality points for 'price_x'"):
        score(tender, weights={"price": 60, "price_x": 40})
    with pytest.raises(SpecError, match=r"outside 0 \.\. 5"):
        score(tender, weights={"price": 60, "design": 40}, max_points=5)
    with pytest.raises(SpecError, match="not a bid"):
        score(tender, weights={"price": 1}, quality={"Nobody": {"design": 1}})


def test_a_zero_weight_leaves_the_criterion_out() -> None:
    # Weights 1 and 0: the score is the first criterion's points, normalised by 1 + 0 = 1.
    # A zero weight is allowed (only negative ones and all zero are refused).
    got = weighted_score({"price": [10.0, 5.0], "quality": [0.0, 10.0]}, {"price": 1, "quality": 0})
    assert got.tolist() == [10.0, 5.0]


def test_the_linear_model_refuses_a_total_of_zero_in_danish_too() -> None:
    # The slope is relative to the lowest total, 0 here: no price points can be computed.
    with pytest.raises(SpecError) as caught:
        price_points([0.0, 100.0], "linear_slope")
    assert caught.value.expected == "positive totals"
    # Danish from the catalogue (tco.po, msgctxt "scoring_linear_positive").
    assert error_text(caught.value, "da").endswith(
        "den lineære model i forhold til den laveste kræver positive totaler; den laveste er 0"
    )


def test_an_unknown_price_model_lists_the_models() -> None:
    with pytest.raises(SpecError) as caught:
        price_points([100.0, 200.0], "cubic")
    models = ", ".join(METHODS)
    assert caught.value.expected == f"one of {models}"
    quoted = ", ".join(f"'{m}'" for m in METHODS)
    assert error_text(caught.value, "da") == f"ukendt prismodel 'cubic'; prismodellerne er {quoted}"


def test_bids_with_equal_scores_keep_the_tenders_order() -> None:
    # 40 bids, two scores alternating (10 and 5 points): the rows list the 20 best first and
    # each score's bids in the tender's order (a stable sort; numpy's default is not stable
    # beyond 16 elements).
    bids = tuple(f"bid {i:02d}" for i in range(40))
    score = np.array([10.0, 5.0] * 20)
    table = ScoreTable(bids, score, "proportional", 10.0, {"price": score}, {"price": 1.0}, score)
    assert [r["bid"] for r in table.rows()] == list(bids[0::2] + bids[1::2])
