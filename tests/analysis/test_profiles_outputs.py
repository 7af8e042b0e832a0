"""Usage profiles in every output: labels, CSV, workbook, report, chart, annex, and properties."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tco
from helpers import HAND_MODEL
from strategies import tenders
from tco.analysis.profiles import profiles
from tco.cli import main
from tco.views.profiles import profiles_csv, profiles_text

EXAMPLE = "indoor-lighting-profiles"


def _hand(**extra: Any) -> dict[str, Any]:
    """Two bids, two profiles, 5 % over 2 years: small enough to compute by hand."""
    return {
        "model": HAND_MODEL,
        "assumptions": {"currency": "DKK", "discount_rate": "5 %", "period": "2 year"},
        "bids": [
            {"name": "A", "price": "1000 DKK", "power": "100 W"},
            {"name": "B", "price": "1500 DKK", "power": "50 W"},
        ],
        "profiles": {
            "low": {
                "label": {"en": "Low use", "da": "Lavt forbrug"},
                "weight": 1,
                "parameters": {"hours": "400 h/year"},
            },
            "high": {"label": "High use", "weight": 3, "parameters": {"hours": "5000 h/year"}},
        },
        **extra,
    }


def test_hand_computed_weighted_ranking_with_discounting() -> None:
    t = profiles(tco.load_tender(_hand()))
    # End-of-year discounting (docs/concepts: an annual amount in years 1..N, (1 + r) ** -t):
    # the annuity factor of 2 years at 5 % is 1/1.05 + 1/1.05**2 = 0.952381 + 0.907029 = 1.859410.
    f = 1 / 1.05 + 1 / 1.05**2
    assert f == pytest.approx(1.859410, abs=1e-6)
    # electricity per year = power [kW] x hours x 2 DKK/kWh (HAND_MODEL, el default 2 DKK/kWh):
    # low (400 h):   A = 1000 + 0.1 x 400 x 2 x f = 1000 + 80 f = 1148.7528
    #                B = 1500 + 0.05 x 400 x 2 x f = 1500 + 40 f = 1574.3764
    # high (5000 h): A = 1000 + 0.1 x 5000 x 2 x f = 1000 + 1000 f = 2859.4104
    #                B = 1500 + 0.05 x 5000 x 2 x f = 1500 + 500 f = 2429.7052
    np.testing.assert_allclose(t.cost, [[1148.7528, 1574.3764], [2859.4104, 2429.7052]], atol=1e-3)
    # weights 1 and 3 -> shares 0.25 and 0.75:
    # A = 0.25 x 1148.7528 + 0.75 x 2859.4104 = 287.1882 + 2144.5578 = 2431.7460
    # B = 0.25 x 1574.3764 + 0.75 x 2429.7052 = 393.5941 + 1822.2789 = 2215.8730
    np.testing.assert_allclose(t.weighted, [2431.7460, 2215.8730], atol=1e-3)
    assert t.winners == ("A", "B") and t.winner == "B"
    assert t.weighted_rank.tolist() == [2, 1]
    # A = 1000 + 0.2 h f and B = 1500 + 0.1 h f are equal at h = 500 / (0.1 f) = 2689.0 h/year.
    (switch,) = t.switches
    assert switch["at_values"]["hours"] == pytest.approx(500 / (0.1 * f), abs=4.6 + 1e-9)
    assert switch["units"] == {"hours": "h/year"}


def test_labels_are_shown_instead_of_ids() -> None:
    t = profiles(tco.load_tender(_hand()))
    assert (t.label("low"), t.label("low", "da")) == ("Low use", "Lavt forbrug")
    assert t.label("high", "da") == "High use"  # no Danish text: the English one
    text = profiles_text(t, "da")
    assert "Lavt forbrug" in text and "High use" in text
    assert not re.search(r"\b(low|high)\b", text)
    # Without a label a profile is named by its id.
    plain = profiles(tco.load_tender(_hand()), {"a": {"hours": "1 h/year"}})
    assert plain.label("a", "da") == "a"


@pytest.mark.parametrize(
    ("label", "where"),
    [
        ({"en": "x", "de": "y"}, "profiles.low.label.de: unknown key 'de'; valid keys are en, da"),
        ({"da": "y"}, "profiles.low.label.en"),
        (["x"], "profiles.low.label"),
    ],
)
def test_a_wrong_label_names_its_field(label: Any, where: str) -> None:
    data = _hand()
    data["profiles"]["low"]["label"] = label
    with pytest.raises(tco.TCOError, match=re.escape(where)) as err:
        tco.load_tender(data)
    assert "profiles" in str(err.value)


def test_csv_english_and_danish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--example", EXAMPLE, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    table = profiles(tco.load_tender(tco.example_path(EXAMPLE)))
    assert len(rows) == (len(table.names) + 1) * len(table.bids)
    first = rows[0]
    assert (first["profile"], first["label"], first["bid"]) == (
        "sports_hall",
        "Sports hall",
        "Lumen Nord",
    )
    assert float(first["cost"]) == pytest.approx(float(table.cost[0, 0]), rel=1e-11)
    assert float(rows[-1]["cost"]) == pytest.approx(float(table.weighted[-1]), rel=1e-11)
    assert main(["profiles", "--example", EXAMPLE, "--format", "csv", "--lang", "da"]) == 0
    da = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert da[0][:4] == ["id", "profil", "vægt", "andel"]
    # the weight as given (1 of 1 + 3 + 1) and its share 1 / 5 = 0,2
    assert (da[1][2], da[1][3]) == ("1", "0,2")
    assert da[1][1] == "Idrætshal" and "," in da[1][5] and "." not in da[1][5]
    assert float(da[1][5].replace(",", ".")) == pytest.approx(float(table.cost[0, 0]), rel=1e-11)


def test_supplier_text_cannot_become_a_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data = _hand()
    data["bids"][0]["name"] = '=HYPERLINK("http://x","y")'
    data["profiles"]["low"]["label"] = "+cmd|' /C calc'!A0"
    t = profiles(tco.load_tender(data))
    for row in csv.reader(io.StringIO(profiles_csv(t))):
        assert not any(cell.startswith(("=", "+", "@")) for cell in row), row
    from tco.views.profiles_workbook import write_profiles_workbook

    out = write_profiles_workbook(t, tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(out).active
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(("=", "+"))]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)


def _book(path: Path) -> dict[str, list[list[Any]]]:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows()] for ws in wb}


def test_workbook_numbers_are_numbers_with_formats(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    book = tmp_path / "p.xlsx"
    assert main(["profiles", "--example", EXAMPLE, "--xlsx", str(book), "--lang", "da"]) == 0
    sheets = _book(book)
    assert list(sheets) == ["Brugsprofiler"]
    rows = sheets["Brugsprofiler"]
    table = profiles(tco.load_tender(tco.example_path(EXAMPLE)))
    body = rows[3 : 3 + len(table.names) + 1]
    assert [r[0].value for r in body] == ["Idrætshal", "Skole", "Plejehjem", "vægtet"]
    for k, r in enumerate(body[:-1]):
        assert r[1].value == pytest.approx(float(table.weights[k])) and r[1].number_format == "0%"
        costs = [c.value for c in r[3 : 3 + len(table.bids)]]
        np.testing.assert_allclose(costs, table.cost[k])
        assert all(c.number_format == "#,##0" for c in r[3 : 3 + len(table.bids)])
    np.testing.assert_allclose([c.value for c in body[-1][3:6]], table.weighted)
    # The result workbook of `tco compare` has the profiles sheet too.
    result = tmp_path / "r.xlsx"
    assert main(["compare", "--example", EXAMPLE, "--xlsx", str(result)]) == 0
    assert list(_book(result))[-2:] == ["Profiles", "Calculation"]


def test_report_in_danish_with_and_without_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tco.views.profiles_html import profiles_report_html

    tender = tco.load_tender(tco.example_path(EXAMPLE))
    t = profiles(tender)
    page = profiles_report_html(t, tender, lang="da", charts=False)
    for words in (
        "Rangering under hver profil",
        "Vægtet rangering",
        "Hvor vinderen skifter",
        "Hvorfor:",
        "Plejehjem",
        "781.886",
        "Driftstimer ≈ 1.128 h/år",
    ):
        assert words in page, words
    assert "<img" not in page and "sports_hall" not in page
    data = _hand()
    data["profiles"]["low"]["weight"] = 1.5  # a weight as written, in Danish
    half = tco.load_tender(data)
    assert '<td class="n">1,5</td>' in profiles_report_html(
        profiles(half), half, lang="da", charts=False
    )
    import tco.views.figures as figures

    monkeypatch.setattr(figures, "can_draw", lambda: False)
    out = tmp_path / "p.html"
    assert main(["profiles", "--example", EXAMPLE, "--report", str(out), "--lang", "da"]) == 0
    assert "Diagrammet er udeladt" in out.read_text("utf-8")
    # The award report of `tco compare` has the profiles section when the tender has profiles.
    full = tmp_path / "r.html"
    assert main(["compare", "--example", EXAMPLE, "--report", str(full), "--lang", "da"]) == 0
    assert "<h2>Brugsprofiler</h2>" in full.read_text("utf-8")


def test_report_embeds_the_chart() -> None:
    pytest.importorskip("matplotlib")
    from tco.views.profiles_html import profiles_report_html

    tender = tco.load_tender(tco.example_path(EXAMPLE))
    page = profiles_report_html(profiles(tender), tender)
    assert page.count('src="data:image/png;base64,') == 1


def test_chart_labels_colours_and_danish_axes(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from tco.views.figures import bid_colours
    from tco.views.plot_profiles import profiles_chart

    tender = tco.load_tender(tco.example_path(EXAMPLE))
    t = profiles(tender)
    rank = tender.evaluate().rank
    ax = profiles_chart(t, lang="da", rank=rank)
    axes = ax.figure.axes
    assert [a.get_title() for a in axes] == [
        "Idrætshal (20 %)",
        "Skole (60 %)",
        "Plejehjem (20 %)",
        "Vægtet (100 %)",
    ]
    assert ax.get_ylabel() == "nutidsværdi [DKK]"
    ax.figure.canvas.draw()
    assert ax.get_yticklabels()[-2].get_text().count(".") >= 1  # 350.000: Danish grouping
    colours = bid_colours(tender.plan.bids, rank)  # as in the result's charts
    legend = ax.figure.legends[0]
    from matplotlib.colors import to_hex

    for text, patch in zip(legend.get_texts(), legend.get_patches(), strict=True):
        assert to_hex(patch.get_facecolor()) == colours[text.get_text()].lower()
    # The cheapest bar of each panel has a black edge.
    for k, a in enumerate(axes[:-1]):
        edged = [p for p in a.patches if p.get_linewidth() > 0 and p.get_edgecolor()[3] > 0]
        assert len(edged) == 1
        assert edged[0].get_height() == pytest.approx(float(t.cost[k].min()))
    png = tmp_path / "p.png"
    assert main(["profiles", "--example", EXAMPLE, "--plot", str(png)]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_danish_outputs_have_no_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    from tco.views.profiles_html import profiles_report_html

    english = {
        "profile",
        "profiles",
        "weight",
        "weighted",
        "cheapest",
        "from",
        "to",
        "until",
        "then",
        "why",
        "costs",
        "less",
        "than",
        "rises",
        "and",
        "the",
        "of",
        "year",
        "present",
        "value",
        "rank",
        "bid",
        "share",
        "operating",
        "hours",
    }
    tender = tco.load_tender(tco.example_path(EXAMPLE))
    t = profiles(tender)
    book = tmp_path / "p.xlsx"
    assert main(["profiles", "--example", EXAMPLE, "--lang", "da", "--xlsx", str(book)]) == 0
    outputs = {
        "table": capsys.readouterr().out,
        "csv": profiles_csv(t, "da"),
        "report": re.sub(
            r"<style>.*?</style>|<[^>]+>",
            " ",
            profiles_report_html(t, tender, lang="da", charts=False),
            flags=re.S,
        ),
        "workbook": "\n".join(
            str(c.value) for r in _book(book)["Brugsprofiler"] for c in r if c.value
        ),
    }
    from tco.views.annex import annex_html

    annex = annex_html(tender, lang="da")
    section = annex[annex.index("<h2>") :]
    section = section[section.index("Brugsprofiler") :]
    outputs["annex"] = re.sub(r"<[^>]+>", " ", section[: section.index("<h2>")])
    for name, text in outputs.items():
        for own in (
            *tender.plan.bids,
            tender.plan.title,
            *tender.spec.profiles,
            "C_w",
            "w_k",
            "C_k",
        ):
            text = text.replace(own, " ")
        found = set(re.findall(r"[a-zæøå]+", text.lower())) & english
        assert not found, (name, sorted(found))


def test_json_label_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from tco.views.contract import SCHEMA_VERSION, output_schema

    assert main(["profiles", "--example", EXAMPLE, "--format", "json", "--lang", "da"]) == 0
    doc = json.loads(capsys.readouterr().out)
    jsonschema.validate(doc, output_schema("profiles"))
    assert doc["schema_version"] == SCHEMA_VERSION and doc["kind"] == "profiles"
    assert [(p["profile"], p["label"]) for p in doc["profiles"]] == [
        ("sports_hall", "Idrætshal"),
        ("school", "Skole"),
        ("care_home", "Plejehjem"),
    ]
    (switch,) = doc["switches"]
    assert switch["units"] == {"operating_hours": "h/year"}
    assert 800 < switch["at_values"]["operating_hours"] < 2000


def _numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\.\d+", text)]


def test_annex_states_the_profiles_and_the_engines_worked_example(tmp_path: Path) -> None:
    from tco.views.annex import build_annex
    from tco.views.annex_document import Formula, Para, Table

    tender = tco.load_tender(tco.example_path(EXAMPLE))
    t = profiles(tender)
    doc = build_annex(tender, lang="en")
    (section,) = [s for s in doc.sections if s.title == "Usage profiles"]
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.head[-1] == "Operating hours [h/year]"
    assert [r[:4] + r[-1:] for r in table.rows] == [
        ["Sports hall", "sports_hall", "1", "20 %", "800"],
        ["School", "school", "3", "60 %", "2,000"],
        ["Care home", "care_home", "1", "20 %", "6,000"],
    ]
    assert any(isinstance(b, Formula) and "Σ_k w_k" in b.text for b in section.blocks)
    example = next(b for b in section.blocks if isinstance(b, Para) and b.text.startswith("Worked"))
    # The worked example: each share x the first bid's cost under the profile, and their sum,
    # as the engine computes them (to the cent).
    values = _numbers(example.text)
    shares, costs, total = values[0:-1:2], values[1:-1:2], values[-1]
    np.testing.assert_allclose(shares, t.weights)
    np.testing.assert_allclose(costs, t.cost[:, 0], atol=0.005)
    assert total == pytest.approx(float(t.weighted[0]), abs=0.005)
    assert total == pytest.approx(float(np.dot(shares, costs)), abs=0.02)
    # Danish, DOCX: the same section, the same number.
    docx = pytest.importorskip("docx")
    out = tmp_path / "a.docx"
    assert main(["annex", str(tco.example_path(EXAMPLE)), "-o", str(out), "--lang", "da"]) == 0
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Brugsprofiler" in body and "Regneeksempel for Lumen Nord" in body
    # The rule in words and the formula's line each state it once; the symbol is not doubled.
    assert body.count("C_w = Σ_k w_k × C_k / Σ_k w_k") == 2 and "C_w = C_w" not in body
    da_total = f"{float(t.weighted[0]):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert f"= {da_total} DKK" in body
    # A tender without profiles has no such section.
    plain = build_annex(tco.load_tender(tco.example_path("indoor-lighting")), lang="en")
    assert "Usage profiles" not in [s.title for s in plain.sections]


_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    data=tenders(max_bids=4),
    prices=st.lists(st.integers(0, 800).map(lambda n: n / 100), min_size=1, max_size=4),
    weights=st.lists(st.integers(1, 20), min_size=4, max_size=4),
)
def test_weighted_total_is_the_weight_average_of_the_profiles(
    data: dict[str, Any], prices: list[float], weights: list[int]
) -> None:
    w = weights[: len(prices)]  # positive: a weight of 0 is refused
    data["profiles"] = {
        f"p{k}": {"weight": w[k], "parameters": {"energy_price": f"{p} DKK/kWh"}}
        for k, p in enumerate(prices)
    }
    tender = tco.load_tender(data)
    t = profiles(tender)
    share = np.asarray(w, dtype=float) / sum(w)
    expected = sum(share[k] * t.cost[k] for k in range(len(prices)))
    np.testing.assert_allclose(t.weighted, expected, rtol=1e-12, atol=1e-6)
    # Each profile's cost is the tender's with the profile's value written in.
    for k, p in enumerate(prices):
        alone = tco.load_tender(
            {**data, "profiles": {}, "parameters": {"energy_price": f"{p} DKK/kWh"}}
        ).evaluate()
        costs = alone.total if t.ranked_by == "total" else alone.annualised
        np.testing.assert_allclose(t.cost[k], costs, rtol=1e-9, atol=1e-6)


@_SETTINGS
@given(data=tenders(max_bids=4), weight=st.integers(1, 50).map(lambda n: n / 10))
def test_one_profile_is_tco_compare(data: dict[str, Any], weight: float) -> None:
    price = data["parameters"]["energy_price"]
    data["profiles"] = {"only": {"weight": weight, "parameters": {"energy_price": price}}}
    tender = tco.load_tender(data)
    result = tender.evaluate()
    t = profiles(tender)
    costs = result.total if result.ranked_by == "total" else result.annualised
    np.testing.assert_allclose(t.weighted, costs, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(t.cost[0], costs, rtol=1e-9, atol=1e-6)
    assert t.weights.tolist() == [1.0]
    # The weighted ranking orders the compare totals from the cheapest up.
    ordered = costs[np.argsort(t.weighted_rank, kind="stable")]
    assert np.all(np.diff(ordered) >= -1e-6 * np.abs(ordered[1:]) - 1e-6)


def test_a_notebook_shows_the_table_in_the_chosen_language() -> None:
    from tco.views.i18n import set_language

    t = profiles(tco.load_tender(tco.example_path(EXAMPLE)))
    assert repr(t) == profiles_text(t)
    set_language("da")
    try:
        page = t._repr_html_()
        assert "<h2>Brugsprofiler</h2>" in page and "Plejehjem" in page and "<img" not in page
        assert "Idrætshal" in repr(t)
    finally:
        set_language("en")
    pytest.importorskip("matplotlib")
    assert t.plot(lang="da").get_ylabel() == "nutidsværdi [DKK]"


def test_annex_gives_every_profile_a_value_of_every_input_it_names() -> None:
    from tco.views.annex_profiles import profiles_section

    data = tco.load_tender(tco.example_path(EXAMPLE)).spec.model_dump(exclude_none=True)
    data["profiles"]["school"]["parameters"]["quantity"] = 50
    data["profiles"]["care_home"]["parameters"]["discount_rate"] = "3 %"
    table = profiles_section(tco.load_tender(data), "da").blocks[1]
    assert table.head[4:] == ["Driftstimer [h/år]", "Antal", "Kalkulationsrente [%]"]
    # A profile that does not name an input keeps the tender's value (200 units, 4 %).
    assert [r[4:] for r in table.rows] == [
        ["800", "200", "4"],
        ["2.000", "50", "4"],
        ["6.000", "200", "3"],
    ]


def test_the_search_for_switches_can_be_left_out() -> None:
    tender = tco.load_tender(_hand())
    full, quick = profiles(tender), profiles(tender, switches=False)
    assert len(full.switches) == 1 and quick.switches == []
    np.testing.assert_array_equal(full.cost, quick.cost)
    assert quick.winner_changes  # the change is still seen, only not located


def test_a_bid_name_with_invisible_characters_keeps_the_columns_aligned() -> None:
    # Only C0/C1 controls were replaced; a right-to-left mark was escaped later by the terminal
    # writer, after the column widths were taken, so the header no longer fit its column.
    from tco.analysis.profiles import profiles
    from tco.io.yamlio import read_yaml_file
    from tco.views.profiles import profiles_text

    data = read_yaml_file(tco.example_path("indoor-lighting-profiles"))
    data["bids"][2]["name"] = "Prem\u202eLED\n| x |"
    lines = profiles_text(profiles(tco.load_tender(data)), "da").splitlines()
    assert "\u202e" not in "".join(lines) and "Prem\\u202eLED\\n| x |" in lines[1]
    assert len(lines[1].rstrip()) <= len(lines[2])  # the header fits its dashes
    assert lines[2].split("  ")[5] == "-" * len("Prem\\u202eLED\\n| x |")
