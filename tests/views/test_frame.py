"""Result.to_frame (long, summary, wide) and the wide frames of tco.views.frame."""

from __future__ import annotations

import numpy as np
import pytest
from lighting_hand import BIDS, LUMEN_NORD_ACQUISITION, P, electricity_pv

import tco
from tco.views.frame import cash_flow_frame, wide_frame

pd = pytest.importorskip("pandas")


def test_long_frame_has_one_row_per_bid_item_and_year(result: tco.Result) -> None:
    df = result.to_frame()
    # 3 bids x 3 items (purchase, electricity, priced CO2e) x 16 years (0..15)
    assert len(df) == 3 * 3 * (P + 1)
    assert list(df.columns) == [
        "bid",
        "item",
        "category",
        "year",
        "real",
        "nominal",
        "discounted",
    ]
    pv = df.groupby(["bid", "item"])["discounted"].sum()
    assert pv["Lumen Nord", "electricity"] == pytest.approx(electricity_pv("Lumen Nord"))
    assert pv["Lumen Nord", "purchase"] == pytest.approx(LUMEN_NORD_ACQUISITION)
    # zero inflation in the example: nominal equals real
    assert np.allclose(df["nominal"], df["real"])


def test_summary_frame_is_in_rank_order_with_category_columns(result: tco.Result) -> None:
    df = result.to_frame("summary")
    assert list(df.index) == result.ranking
    assert {"acquisition", "use", "externalities", "total", "annualised"} <= set(df.columns)
    assert df.loc["Lumen Nord", "use"] == pytest.approx(electricity_pv("Lumen Nord"))


def test_wide_frame_columns_add_up_to_the_total(result: tco.Result) -> None:
    df = result.to_frame("wide")
    assert list(df.columns) == ["acquisition", "use", "externalities", "total"]
    assert df.columns.name == "DKK"
    assert list(df.index) == result.ranking
    assert df.index.name == "bid"
    parts = df[["acquisition", "use", "externalities"]].sum(axis=1)
    assert np.allclose(parts, df["total"])
    assert df.loc["Lumen Nord", "acquisition"] == pytest.approx(LUMEN_NORD_ACQUISITION)


def test_wide_frame_by_item(result: tco.Result) -> None:
    df = wide_frame(result, by="item")
    assert list(df.columns) == ["purchase", "electricity", "electricity_co2e", "total"]
    for bid in BIDS:
        assert df.loc[bid, "electricity"] == pytest.approx(electricity_pv(bid))


def test_wide_frame_rejects_unknown_axis(result: tco.Result) -> None:
    with pytest.raises(ValueError, match="by must be 'category' or 'item', got 'year'"):
        wide_frame(result, by="year")


def test_to_frame_rejects_unknown_kind(result: tco.Result) -> None:
    with pytest.raises(ValueError, match="kind must be 'long', 'summary' or 'wide'"):
        result.to_frame("tall")


def test_cash_flow_frame_rows_are_bid_and_item(result: tco.Result) -> None:
    df = cash_flow_frame(result, "discounted")
    assert df.shape == (3 * 3, P + 1)
    assert list(df.columns) == list(range(P + 1))
    # Lumen Nord's purchase: 340,000 DKK in year 0 (1700 DKK x 200), hand calculation
    assert df.loc[("Lumen Nord", "purchase"), 0] == pytest.approx(340000.0)
    assert df.loc[("Lumen Nord", "electricity")].sum() == pytest.approx(
        electricity_pv("Lumen Nord")
    )
    real = cash_flow_frame(result, "real")
    # year-1 electricity of Lumen Nord in real terms: 40,896 DKK x 1.0167
    assert real.loc[("Lumen Nord", "electricity"), 1] == pytest.approx(40896.0 * 1.0167)
    with pytest.raises(ValueError, match="kind must be"):
        cash_flow_frame(result, "yearly")
