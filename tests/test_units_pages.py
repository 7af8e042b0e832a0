"""The page and sheet counting units used by the printer model."""

from __future__ import annotations

import pytest

from tco.units import parse_quantity


def test_pages_per_year_times_price_per_page_is_money_per_year() -> None:
    # 25 000 pages a year at 0.05 DKK a page: 25 000 * 0.05 = 1250 DKK/year
    cost = parse_quantity("25000 page/year") * parse_quantity("0.05 DKK/page")
    assert cost.to("DKK/year").magnitude == pytest.approx(1250.0)


def test_plural_pages_and_sheets_parse() -> None:
    assert parse_quantity("400 pages/week", "page/year").to("page/year").magnitude == (
        pytest.approx(400 * 52.1775, rel=1e-4)  # pint's year is 365.25 days = 52.1775 weeks
    )
    assert parse_quantity("2 sheets").to("").magnitude == 2.0
