"""Abatement cost per tonne of CO2e avoided, and the Pareto front of cost and CO2e.

Every expected number is computed by hand below, on a model with no discounting
(rate 0 %), so that a bid's TCO is its price plus 10 years of electricity at
1 DKK/kWh and its CO2e 10 years of 0.5 kg CO2e/kWh.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tco
from tco.analysis.abatement import abatement_cost, pareto_front
from tco.cli import main
from tco.errors import AnalysisError, SpecError

MODEL: dict[str, Any] = {
    "id": "abatement-test",
    "title": "Abatement test",
    "functional_unit": "unit",
    "parameters": {
        "price": {"unit": "DKK", "bid": True},
        "energy": {"unit": "kWh/year", "bid": True},
        "life": {"unit": "year", "bid": True, "default": "10 year"},
        "el_price": {"unit": "DKK/kWh", "default": "1 DKK/kWh"},
        "factor": {"unit": "kg/kWh", "default": "0.5 kg/kWh"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price"},
        "electricity": {"category": "use", "annual": "energy * el_price"},
    },
    "emissions": {"co2e": {"substance": "co2e", "annual": "energy * factor"}},
}

# name, price [DKK], energy [kWh/year]
BIDS = [("A", 1000, 1000), ("B", 4000, 800), ("C", 9000, 500), ("D", 2000, 1000),
        ("E", 5000, 900), ("F", 500, 1200)]  # fmt: skip


def tender(**assumptions: Any) -> tco.Tender:
    return tco.load_tender(
        {
            "model": MODEL,
            "assumptions": {
                "currency": "DKK",
                "discount_rate": "0 %",
                "period": "10 year",
                **assumptions,
            },
            "bids": [
                {"name": n, "price": f"{p} DKK", "energy": f"{e} kWh/year"} for n, p, e in BIDS
            ],
        }
    )


def test_cost_per_tonne_against_the_cheapest_bid_by_hand() -> None:
    a = abatement_cost(tender())
    # TCO = price + 10 * energy * 1 DKK/kWh; CO2e = 10 * energy * 0.5 kg = 5 * energy kg.
    # A: 1000 + 10000 = 11000 DKK, 5.0 t   B: 4000 + 8000 = 12000, 4.0 t
    # C: 9000 + 5000 = 14000, 2.5 t        D: 2000 + 10000 = 12000, 5.0 t
    # E: 5000 + 9000 = 14000, 4.5 t        F: 500 + 12000 = 12500, 6.0 t
    assert a.cost.tolist() == pytest.approx([11000, 12000, 14000, 12000, 14000, 12500])
    assert a.co2e.tolist() == pytest.approx([5.0, 4.0, 2.5, 5.0, 4.5, 6.0])
    assert (a.reference, a.chosen, a.per) == ("A", "cheapest", "period")
    per_t = a.cost_per_tonne
    assert per_t[1] == pytest.approx((12000 - 11000) / (5.0 - 4.0))  # 1000 DKK/t
    assert per_t[2] == pytest.approx((14000 - 11000) / (5.0 - 2.5))  # 1200 DKK/t
    assert per_t[4] == pytest.approx((14000 - 11000) / (5.0 - 4.5))  # 6000 DKK/t
    assert np.isnan(per_t[[0, 3, 5]]).all()
    assert a.reasons == ("reference", None, None, "emits as much", None, "emits more")
    # Efficient: A (cheapest), B, C (cleanest); D is dominated by A (same CO2e, dearer),
    # E by B (dearer and dirtier), F by A.
    assert a.efficient.tolist() == [True, True, True, False, False, False]


def test_a_named_reference_and_negative_abatement_cost() -> None:
    a = abatement_cost(tender(), "F")
    assert (a.reference, a.chosen) == ("F", "named")
    # A against F: (11000 - 12500) / (6.0 - 5.0) = -1500 DKK/t: cheaper and cleaner.
    assert a.cost_per_tonne[0] == pytest.approx(-1500.0)
    # C against F: (14000 - 12500) / (6.0 - 2.5) = 1500 / 3.5
    assert a.cost_per_tonne[2] == pytest.approx(1500 / 3.5)
    assert abatement_cost(tender(), 2).reasons[1] == "emits more"  # B emits 4.0 t > C's 2.5 t


def test_a_price_on_co2e_does_not_enter_the_abatement_cost() -> None:
    plain, priced = abatement_cost(tender()), abatement_cost(tender(co2_price="1500 DKK/t"))
    np.testing.assert_allclose(priced.cost_per_tonne, plain.cost_per_tonne)


def test_unequal_periods_compare_per_year() -> None:
    bids = [
        {"name": "Short", "price": "1000 DKK", "energy": "1000 kWh/year", "life": "5 year"},
        {"name": "Long", "price": "5000 DKK", "energy": "800 kWh/year", "life": "10 year"},
    ]
    model = {**MODEL, "lifetime": "life"}
    spec = {
        "model": model,
        "assumptions": {"currency": "DKK", "discount_rate": "0 %"},
        "bids": bids,
    }
    a = abatement_cost(tco.load_tender(spec))
    assert a.per == "year"
    # Undiscounted annualised cost = total / own period: Short (1000 + 5 * 1000) / 5 = 1200 DKK/yr,
    # Long (5000 + 10 * 800) / 10 = 1300 DKK/yr; CO2e per year 0.5 t and 0.4 t.
    assert a.cost.tolist() == pytest.approx([1200.0, 1300.0])
    assert a.co2e.tolist() == pytest.approx([0.5, 0.4])
    assert a.reference == "Short"
    # (1300 - 1200) DKK/yr / (0.5 - 0.4) t/yr = 1000 DKK/t
    assert a.cost_per_tonne[1] == pytest.approx(1000.0)


def test_the_passenger_car_example() -> None:
    r = tco.load_tender(tco.example_path("passenger-car")).evaluate()
    a = abatement_cost(r)
    b, e = r.bids.index("Benzin Auto"), r.bids.index("El Mobil")
    want = (r.total_excl_externalities[e] - r.total_excl_externalities[b]) / (
        (r.emissions["co2e"][b] - r.emissions["co2e"][e]) / 1000
    )
    assert a.cost_per_tonne[e] == pytest.approx(want)


def test_errors() -> None:
    with pytest.raises(SpecError, match="no bid named 'Z'"):
        abatement_cost(tender(), "Z")
    with pytest.raises(AnalysisError, match="emits no 'nox'"):
        abatement_cost(tender(), substance="nox")


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=12))
def test_pareto_front_properties(points: list[tuple[int, int]]) -> None:
    c = np.array([p[0] for p in points], dtype=float)
    e = np.array([p[1] for p in points], dtype=float)
    front = pareto_front(c, e)
    assert front.any()  # someone is always efficient
    assert front[np.lexsort((e, c))[0]]  # the cheapest, cleanest of the cheapest
    for i in range(len(c)):  # brute force: dominated iff some point is no worse and better once
        dom = any(
            c[j] <= c[i] and e[j] <= e[i] and (c[j] < c[i] or e[j] < e[i]) for j in range(len(c))
        )
        assert front[i] == (not dom)


def test_cli_table_json_and_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(json.dumps({**tender().spec.model_dump(mode="json"), "model": MODEL}))
    png = tmp_path / "a.png"
    assert main(["abatement", str(path), "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "emits more" in out and "1,200" in out and "6,000" in out
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["abatement", str(path), "--format", "json", "--reference", "B"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["kind"], doc["reference"], doc["chosen"]) == ("abatement", "B", "named")
    c = next(r for r in doc["bids"] if r["bid"] == "C")
    assert c["cost_per_t"] == pytest.approx((14000 - 12000) / (4.0 - 2.5))
    assert main(["abatement", str(path), "--lang", "da"]) == 0
    assert "udleder mere" in capsys.readouterr().out
    assert math.isfinite(c["avoided_t"])


def test_chart_names_are_plain_text() -> None:
    spec = {**tender().spec.model_dump(mode="json"), "model": MODEL}
    spec["bids"][0]["name"] = "$x^2$ A/S"
    from tco.views.abatement import abatement_chart

    ax = abatement_chart(abatement_cost(tco.load_tender(spec)))
    # The $ are escaped, so matplotlib draws them instead of reading mathtext.
    assert any(t.get_text().startswith(r"\$x^2\$ A/S") for t in ax.texts)
    ax.figure.canvas.draw()


def test_docs_page_shows_the_current_output(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/after-award.md includes docs/img/abatement.txt; regenerate it with
    # `tco abatement --example passenger-car > docs/img/abatement.txt`.
    assert main(["abatement", "--example", "passenger-car"]) == 0
    shown = Path(__file__).resolve().parents[2] / "docs" / "img" / "abatement.txt"
    assert capsys.readouterr().out == shown.read_text(encoding="utf-8")


def test_table_escapes_control_characters_in_names() -> None:
    spec = {**tender().spec.model_dump(mode="json"), "model": MODEL}
    spec["bids"][1]["name"] = "B\x1b[31m"
    from tco.views.abatement import abatement_table

    out = abatement_table(abatement_cost(tco.load_tender(spec)))
    assert "\x1b" not in out and "B\\x1b[31m" in out


def test_award_report_has_the_abatement_section() -> None:
    from tco.views.report import report_html

    t = tco.load_tender(tco.example_path("passenger-car"))
    page = report_html(t.evaluate(), t, charts=False)
    section = page[page.index("<h2>Abatement cost of CO2e</h2>") :]
    # El Mobil against Benzin Auto: 124,330 DKK / 129.9 t = 957 DKK/t (see the example above).
    assert '<td class="n">957</td>' in section
    assert "<td>Benzin Auto</td>" in section and '<td class="n">reference</td>' in section
