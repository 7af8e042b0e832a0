"""Charts, tested by their content: bars, labels, values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from lighting_hand import BIDS, LUMEN_NORD_ACQUISITION, co2e_kg, electricity_pv

import tco
from tco.cli import main
from tco.views.curves import crossings
from tco.views.errors import OutputError
from tco.views.figures import save_figure
from tco.views.labels import substance_label
from tco.views.plot import overview, plot

pytest.importorskip("matplotlib")


def _bar_heights(container: object) -> list[float]:
    return [float(p.get_height()) for p in container.patches]  # type: ignore[attr-defined]


def test_breakdown_has_one_stack_per_bid_and_one_layer_per_category(result: tco.Result) -> None:
    ax = result.plot("breakdown")
    assert [t.get_text() for t in ax.get_xticklabels()] == result.ranking
    assert [c.get_label() for c in ax.containers] == ["acquisition", "use", "externalities"]
    assert all(len(c.patches) == 3 for c in ax.containers)
    order = [result.ranking.index(b) for b in ("Lumen Nord",)]
    acq, use, _ = (_bar_heights(c) for c in ax.containers)
    assert acq[order[0]] == pytest.approx(LUMEN_NORD_ACQUISITION)
    assert use[order[0]] == pytest.approx(electricity_pv("Lumen Nord"))
    # Stacked: the use layer starts on top of the acquisition layer
    assert ax.containers[1].patches[order[0]].get_y() == pytest.approx(LUMEN_NORD_ACQUISITION)
    # The total labels above the bars
    texts = [t.get_text() for t in ax.texts]
    assert f"{result.total[result.bids.index('Lumen Nord')]:,.0f}" in texts
    assert ax.get_ylabel() == "present value [DKK]"


def test_breakdown_stacks_negative_amounts_below_zero() -> None:
    # A model with a resale (negative end-of-life amount): 1000 DKK bought, 300 DKK back.
    model = {
        "id": "resale",
        "title": "Resale",
        "functional_unit": "unit",
        "parameters": {"price": {"unit": "DKK", "bid": True}},
        "items": {
            "purchase": {"category": "acquisition", "once": "price"},
            "resale": {"category": "end_of_life", "end_of_life": "-0.3 * price"},
        },
    }
    r = tco.load_tender(
        {
            "model": model,
            "assumptions": {"period": "2 year", "discount_rate": "0 %"},
            "bids": [{"name": "A", "price": "1000 DKK"}],
        }
    ).evaluate()
    ax = plot(r, "breakdown")
    eol = ax.containers[1]
    assert eol.get_label() == "end of life"
    # hand calculation: -0.3 x 1000 DKK, undiscounted at 0 %
    assert eol.patches[0].get_height() == pytest.approx(-300.0)
    assert eol.patches[0].get_y() == pytest.approx(0.0)
    # the total (1000 - 300 = 700 DKK) is written above the positive stack
    (label,) = ax.texts
    assert (label.get_text(), label.xy[1]) == ("700", pytest.approx(1000.0))
    # and the model has no emissions: the chart says so
    em = plot(r, "emissions")
    assert em.containers == []
    assert [t.get_text() for t in em.texts] == ["The product model has no emissions."]


def test_cumulative_has_a_line_per_bid_and_marks_the_crossings(result: tco.Result) -> None:
    ax = result.plot(kind="cumulative")
    lines = ax.get_lines()
    labels = [line.get_label() for line in lines]
    assert labels == [*result.ranking, "crossings", "residual value credited"]
    for line in lines[:3]:
        assert list(line.get_xdata()) == [y for t in range(16) for y in (t, t)]
    lumen = lines[result.ranking.index("Lumen Nord")]
    # year 0: a step from 0 to the purchase, (1450 + 250) DKK x 200 luminaires
    assert list(lumen.get_ydata()[:2]) == pytest.approx([0.0, 340000.0])
    # Budget Light (35000 h at 3000 h/year) is replaced in year 12: a step of
    # (1100 + 250) DKK x 200, discounted 12 years at 4 %, not a slope over the year.
    budget = lines[result.ranking.index("Budget Light")].get_ydata()
    assert budget[25] - budget[24] == pytest.approx(1350 * 200 * 1.04**-12)
    found = crossings(result)
    used = [c for c in found if not c.residual]
    marks = lines[-2]
    assert list(marks.get_xdata()) == pytest.approx([c.year for c in used])
    assert list(marks.get_ydata()) == pytest.approx([c.value for c in used])
    assert [t.get_text() for t in ax.texts] == [f"{c.year:.1f}" for c in used]


def test_a_crossing_only_from_the_residual_credit_is_said_so(result: tco.Result) -> None:
    # Premium LED (70000 h) and Lumen Nord (50000 h) do not cross while in use: Premium LED
    # ends cheaper only because more of its luminaires' value is credited at year 15.
    found = {(c.cheaper, c.dearer): c for c in crossings(result)}
    late = found["Premium LED", "Lumen Nord"]
    assert late.residual and late.year == 15.0
    assert not found["Lumen Nord", "Budget Light"].residual
    from tco.views.report import report_html

    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    html = report_html(result, tender, charts=False)
    assert "Premium LED ends cheaper than Lumen Nord only through the residual value" in html
    assert "from year 14" not in html


def test_emissions_bars_are_in_tonnes(result: tco.Result) -> None:
    ax = result.plot("emissions")
    (bars,) = ax.containers
    assert bars.get_label() == "CO2e"
    heights = dict(
        zip([t.get_text() for t in ax.get_xticklabels()], _bar_heights(bars), strict=True)
    )
    for bid in BIDS:
        assert heights[bid] == pytest.approx(co2e_kg(bid) / 1000.0)  # kg -> t
    assert ax.get_ylabel() == "mass [t]"


def test_danish_labels(result: tco.Result) -> None:
    ax = plot(result, "breakdown", lang="da")
    assert [c.get_label() for c in ax.containers] == ["anskaffelse", "forbrug", "eksterne omk."]
    assert ax.get_ylabel() == "nutidsværdi [DKK]"


def test_plot_draws_on_given_axes(result: tco.Result) -> None:
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert result.plot("emissions", ax=ax) is ax


def test_unknown_kind_is_an_error(result: tco.Result) -> None:
    with pytest.raises(OutputError, match="unknown chart kind 'pie'; expected one of breakdown"):
        result.plot("pie")


def test_overview_has_three_panels(result: tco.Result) -> None:
    fig = overview(result)
    assert [ax.get_title() for ax in fig.axes] == [
        "Present value by cost category",
        "Cumulative discounted cost",
        "Emissions over the period",
    ]


def test_save_png_and_svg(result: tco.Result, tmp_path: Path) -> None:
    fig = result.plot("breakdown").figure
    png = save_figure(fig, tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = save_figure(fig, tmp_path / "c.svg")
    assert "<svg" in svg.read_text(encoding="utf-8")
    with pytest.raises(OutputError, match=r"c\.pdf: got a '\.pdf' file, expected a chart file"):
        save_figure(fig, tmp_path / "c.pdf")


def test_cli_writes_the_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.png"
    assert main(["compare", "--example", "indoor-lighting", "--plot", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert f"wrote {out}" in capsys.readouterr().err
    svg = tmp_path / "cum.svg"
    args = ["compare", "--example", "indoor-lighting", "--plot", str(svg)]
    assert main([*args, "--plot-kind", "cumulative"]) == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_cli_rejects_an_unknown_chart_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["compare", "--example", "indoor-lighting", "--plot", str(tmp_path / "x.gif")])
    assert code == 2
    assert "expected a chart file ending .png or .svg" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["passenger-car", "clean-vehicles-2009", "van"])
def test_charts_of_other_bundled_examples(name: str) -> None:
    # Examples with resale (negative end-of-life), several substances, l/100 km units.
    r = tco.load_tender(tco.example_path(name)).evaluate()
    fig = overview(r)
    breakdown, cumulative, emissions = fig.axes
    assert len(breakdown.get_xticklabels()) == len(r.bids)
    for layer in breakdown.containers:
        cat = next(c for c in r.by_category if layer.get_label() == c.replace("_", " "))
        heights = [p.get_height() for p in layer.patches]
        assert heights == pytest.approx(list(r.by_category[cat][np.argsort(r.rank, kind="stable")]))
    assert len(cumulative.get_lines()) >= len(r.bids)
    assert [c.get_label() for c in emissions.containers] == [
        substance_label(s) for s in r.emissions
    ]
    ticks = [t for t in cumulative.get_xticks() if 0 <= t <= r.plan.T]
    assert all(float(t).is_integer() for t in ticks)
