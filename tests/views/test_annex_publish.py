"""The tender annex is fit to paste into procurement documents (Directive 2014/24/EU Art. 68).

A Danish-format tender written before any bid exists gets its annex in DOCX and HTML, on A4
pages, with the buyer as its author; it carries no command lines or template marks, says
quantities and years in words ("12 biler", "i år 4"), shows year-by-year factors for the years
of the period only, and states the buyer's own admissibility limits (``limits:``) as the
conditions of a conforming bid, apart from the model's plausibility bounds.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.errors import SpecError
from tco.views.annex import annex_html, units_text
from tco.views.error_text import error_text

TENDER = """\
model: passenger-car
title: Biler til hjemmeplejen
buyer: Eksempel Kommune
assumptions:
  number_format: da
  discount_rate: 4 %
  period: 4 year
  price_year: 1
  quantity: 12
  co2_price: 1.500 DKK/t
limits:
  price: {min: 150.000 DKK, max: 300.000 DKK}
  electricity_consumption: {max: 25 kWh/100 km}
"""


@pytest.fixture
def tender_file(tmp_path: Path) -> Path:
    path = tmp_path / "biler.yaml"
    path.write_text(TENDER, encoding="utf-8")
    return path


def _page_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<math.*?</math>", " ", html, flags=re.S)
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _written(tender_file: Path, suffix: str, lang: str = "da") -> Path:
    out = tender_file.with_name(f"bilag-{lang}.{suffix}")
    assert main(["annex", str(tender_file), "-o", str(out), "--lang", lang]) == 0
    return out


def test_the_docx_is_a4_with_the_buyer_as_author(tender_file: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.shared import Mm

    document = docx.Document(str(_written(tender_file, "docx")))
    for section in document.sections:  # A4, to the twip Word stores
        assert abs(section.page_width - Mm(210)) < Mm(0.1)
        assert abs(section.page_height - Mm(297)) < Mm(0.1)
    props = document.core_properties
    assert props.author == "Eksempel Kommune" and props.last_modified_by == "Eksempel Kommune"
    assert "Biler til hjemmeplejen" in props.title
    assert props.language == "da"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "12 biler" in text
    # Every table repeats its header row on the pages it runs onto.
    assert all("w:tblHeader" in t.rows[0]._tr.xml for t in document.tables)


def test_no_author_is_invented_when_the_tender_names_no_buyer(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "a.docx"
    assert main(["annex", "--example", "indoor-lighting", "-o", str(out)]) == 0
    props = docx.Document(str(out)).core_properties
    assert props.author == "" and "python-docx" not in (props.last_modified_by or "")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_annex_speaks_as_a_document_not_a_tool(tender_file: Path, lang: str) -> None:
    text = _page_text(_written(tender_file, "html", lang))
    for mark in ("tco form", "tco compare", "tco basket", "--bids", "-o ", "{{", "}}", "Σ_{"):
        assert mark not in text, mark
    assert "år period" not in text and "year period" not in text  # no formula name in prose
    assert not re.search(r"-0[.,]00", text)  # no negative zero
    if lang == "da":
        assert "Ordregiveren køber 12 biler" in text
        assert "én gang, i år 4" in text  # the buy-back at the period's end, not 'i år period'
    else:
        assert "buys 12 cars" in text and "once, in year 4" in text


def test_a_yearly_factor_path_shows_the_years_of_the_period_only(tender_file: Path) -> None:
    text = _page_text(_written(tender_file, "html"))
    # The Danish EPA grid factor path (kg CO2e/kWh) of 2020-2023 for a 4-year tender.
    assert "år 1: 0,089; år 2: 0,07; år 3: 0,058; år 4: 0,054" in text
    assert "år 5" not in text and "0,013" not in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_buyers_limits_are_the_conditions_not_the_models_bounds(
    tender_file: Path, lang: str
) -> None:
    text = _page_text(_written(tender_file, "html", lang))
    data = text.split("5. ", 1)[1].split("6. ", 1)[0]
    if lang == "da":
        assert "betingelse for et konditionsmæssigt tilbud" in data
        assert "150.000 DKK … 300.000 DKK" in data and "højst 25 kWh/100 km" in data
        assert "ikke betingelser for tildelingen" in data
    else:
        assert "condition of a conforming bid" in data
        assert "150,000 DKK … 300,000 DKK" in data and "at most 25 kWh/100 km" in data
        assert "not conditions of the award" in data
    # The model's plausibility bound of a car's price (5,000,000 DKK) is no award condition.
    assert "5.000.000" not in data and "5,000,000" not in data


def test_the_illustrative_bid_lies_within_the_buyers_limits(tender_file: Path) -> None:
    text = _page_text(_written(tender_file, "html"))
    example = text.split("7. ", 1)[1]
    # The middle of 150,000 .. 300,000 DKK.
    assert re.search(r"Indkøbspris\s+price\s+225.000\s+DKK", example)


def test_a_bid_outside_the_limits_does_not_conform(tmp_path: Path) -> None:
    data = TENDER + (
        "bids:\n"
        "  - {name: A, price: 189.000 DKK, petrol_consumption: '5,6 l/100 km'}\n"
        "  - {name: B, price: 320.000 DKK, electricity_consumption: 28 kWh/100 km}\n"
    )
    with pytest.raises(SpecError) as caught:
        tco.load_tender(_yaml(data))
    message = str(caught.value)
    assert "bids[1].price: got '320000 DKK'; the tender admits at most 300000 DKK" in message
    assert "bids[1].electricity_consumption: got '28 kWh/100 km'" in message
    assert "bids[0]" not in message
    danish = error_text(caught.value, "da")
    assert "udbuddet tillader højst 300.000 DKK (limits.price.max)" in danish
    assert "ukonditionsmæssigt" in danish


def test_a_limit_names_a_bid_parameter(tmp_path: Path) -> None:
    data = TENDER.replace("limits:\n", "limits:\n  annual_distance: {max: 1 km/year}\n") + (
        "bids:\n  - {name: A, price: 189.000 DKK}\n"
    )
    with pytest.raises(SpecError, match="'annual_distance' is not a bid parameter") as caught:
        tco.load_tender(_yaml(data))
    assert "er ikke en tilbudsparameter" in error_text(caught.value, "da")


def _yaml(text: str) -> dict[str, object]:
    import yaml

    out = yaml.safe_load(text)
    assert isinstance(out, dict)
    return out


def test_units_are_said_in_words() -> None:
    car = tco.load_model("passenger-car")
    assert units_text(car, 12, "da") == "12 biler"
    assert units_text(car, 1, "da") == "1 bil"
    assert units_text(car, 40, "en") == "40 cars"
    for model in tco.bundled_models():
        spec = tco.load_model(model).spec
        assert spec.functional_units is not None, model  # every bundled model has a plural
    page = annex_html(tco.load_tender(tco.example_path("indoor-lighting")), lang="da")
    assert "Ordregiveren køber 200 armaturer" in page


def test_the_report_shows_a_factor_path_for_the_years_of_the_period(tmp_path: Path) -> None:
    from tco.views.report import report_html

    tender = tco.load_tender(tco.example_path("passenger-car"))  # 4 years, a 30-year path
    page = unescape(
        re.sub(r"<[^>]+>", " ", report_html(tender.evaluate(), tender, lang="da", charts=False))
    )
    assert "år 1: 0,089; år 2: 0,07; år 3: 0,058; år 4: 0,054" in page
    assert "0,089, 0,07" not in page  # no list in Danish decimals joined by commas
