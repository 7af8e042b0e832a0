"""Notebook HTML of results and tenders."""

from __future__ import annotations

import re

from lighting_hand import LUMEN_NORD_ACQUISITION, electricity_pv

import tco
from tco.views.html import assumption_rows, html_table, result_html, tender_html


def _rows(html: str, table: int = 0) -> list[list[str]]:
    body = re.findall(r"<tbody>(.*?)</tbody>", html)[table]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _head(html: str, table: int = 0) -> list[str]:
    head = re.findall(r"<thead>(.*?)</thead>", html)[table]
    return re.findall(r"<th>(.*?)</th>", head)


def test_result_html_is_a_ranked_table_with_units(result: tco.Result) -> None:
    html = result._repr_html_()
    assert _head(html) == [
        "rank",
        "bid",
        "total [DKK]",
        "per year [DKK/year]",
        "total excl. externalities [DKK]",
        "per year excl. externalities [DKK/year]",
        "acquisition [DKK]",
        "use [DKK]",
        "externalities [DKK]",
        "CO2e [t]",
    ]
    rows = _rows(html)
    assert [r[1] for r in rows] == result.ranking
    assert [r[0] for r in rows] == ["1", "2", "3"]
    lumen = rows[result.ranking.index("Lumen Nord")]
    assert lumen[6] == f"{LUMEN_NORD_ACQUISITION:,.0f}"  # 321,121: hand calculation
    assert lumen[7] == f"{electricity_pv('Lumen Nord'):,.0f}"
    # 32 W x 3000 h x 0.135 kg/kWh x 200 x 15 years = 38,880 kg = 38.9 t
    assert lumen[9] == "38.9"
    assert "present value in DKK, 4.00 % real, 15 years, quantity 200" in html


def test_result_html_breaks_down_by_item(result: tco.Result) -> None:
    html = result_html(result)
    assert _head(html, 1) == ["item", "category", *(f"{b} [DKK]" for b in result.ranking)]
    items = _rows(html, 1)
    assert [r[0] for r in items] == [
        "Luminaires and installation",
        "Electricity",
        "CO2e from electricity",
    ]
    assert [r[1] for r in items] == ["acquisition", "use", "externalities"]


def test_result_html_in_danish(result: tco.Result) -> None:
    html = result_html(result, "da", items=False)
    assert _head(html)[:4] == ["nr.", "tilbud", "TCO i alt [DKK]", "TCO pr. år [DKK/år]"]
    assert "<caption>" not in html


def test_html_escapes_bid_names() -> None:
    t = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "15 year"},
            "bids": [
                {"name": "<b>A&B</b>", "price": "1 DKK", "power": "1 W", "rated_life": "50000 h"}
            ],
        }
    )
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in result_html(t.evaluate())
    assert "<b>A" not in tender_html(t)


def test_tender_html_shows_inputs_in_their_units(tender: tco.Tender) -> None:
    html = tender._repr_html_()
    bids = _head(html, 2)
    assert bids == ["bid", "Price per luminaire [DKK]", "Power [W]", "Rated life [h]"]
    assert _rows(html, 2)[0] == ["Lumen Nord", "1,450", "32", "50,000"]
    buyer = {r[0]: (r[1], r[2]) for r in _rows(html, 1)}
    assert buyer["Electricity price"] == ("2.13", "DKK/kWh")
    assert buyer["Installation per luminaire"] == ("250", "DKK")  # model default


def test_assumption_rows_are_those_used(tender: tco.Tender) -> None:
    rows = dict(assumption_rows(tender))
    assert rows["discount rate"] == "4.00 % real"
    assert rows["period"] == "15 years"
    assert rows["quantity"] == "200 (luminaire)"
    assert rows["escalation: electricity"] == "1.67 %/year"
    assert rows["CO2 price"] == "1500 DKK/t"
    da = dict(assumption_rows(tender, "da"))
    assert da["kalkulationsrente"] == "4,00 % faste priser"
    assert da["prisudvikling: el"] == "1,67 %/år"
    assert da["CO2-pris"] == "1.500 DKK/t"
    assert da["diskontering"] == "ultimo året"
    assert da["restværdi"] == "lineær"


def test_html_table_numeric_columns() -> None:
    t = html_table(["a", "b"], [["x", 1]], numeric=[False, True], caption="c<")
    assert '<td class="n">1</td>' in t
    assert "<caption>c&lt;</caption>" in t


def test_repr_html_matches_result_html(result: tco.Result) -> None:
    assert result._repr_html_() == result_html(result)
