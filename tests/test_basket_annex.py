"""The tender annex of a basket tender: every line's method, the sum rule and a worked example."""

from __future__ import annotations

import re
import string
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml

import tco
from helpers import HAND_MODEL
from tco.basket import basket_example_path, load_basket
from tco.cli import main
from tco.locale import keys, translated
from tco.locale import section as words
from tco.views.annex_basket import (
    basket_annex_html,
    basket_annex_source,
    build_basket_annex,
    write_basket_annex,
)
from tco.views.annex_document import Table


def _number(text: str, lang: str) -> float:
    text = text.strip().split(" ")[0]
    if lang == "da":
        text = text.replace(".", "").replace(",", ".")
    return float(text.replace(",", ""))


def _sum_table(basket: Any, lang: str) -> list[list[str]]:
    doc = build_basket_annex(basket, lang=lang)
    section = next(s for s in doc.sections if s.title == words("annex basket.", lang)["s example"])
    table = next(b for b in section.blocks if isinstance(b, Table))
    return table.rows


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("name", ["copy-print", "car-van-fleet"])
def test_worked_example_numbers_are_the_engines(name: str, lang: str) -> None:
    basket = load_basket(basket_example_path(name))
    r = basket.evaluate()
    rows = _sum_table(basket, lang)
    for j, row in enumerate(rows[:-1]):
        assert row[0] == r.lines[j]
        assert _number(row[2], lang) == pytest.approx(r.by_line[j, 0], abs=0.006)
        assert _number(row[3], lang) == pytest.approx(r.annualised_by_line[j, 0], abs=0.006)
    assert _number(rows[-1][2], lang) == pytest.approx(r.total[0], abs=0.006)
    assert _number(rows[-1][3], lang) == pytest.approx(r.annualised[0], abs=0.006)


def test_worked_example_by_hand(tmp_path: Path) -> None:
    # The hand basket of tests/test_basket.py, no discounting over 10 years; bid X:
    # small: 4 x (100 + 10 x 0.010 kW x 1000 h x 2 DKK/kWh) = 4 x 300 = 1200 DKK
    # big:   2 x (500 + 10 x 0.100 kW x 3000 h x 2 DKK/kWh) = 2 x 6500 = 13000 DKK
    # basket: 1200 + 13000 = 14200 DKK, a tenth of it per year.
    (tmp_path / "hand.yaml").write_text(yaml.safe_dump(HAND_MODEL), encoding="utf-8")
    data = {
        "model": "hand.yaml",
        "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "10 year"},
        "lines": [
            {"name": "small", "quantity": 4},
            {"name": "big", "quantity": 2, "parameters": {"hours": "3000 h/year"}},
        ],
        "bids": [
            {
                "name": "X",
                "lines": {
                    "small": {"price": "100 DKK", "power": "10 W"},
                    "big": {"price": "500 DKK", "power": "100 W"},
                },
            }
        ],
    }
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    rows = _sum_table(load_basket(tmp_path / "b.yaml"), "en")
    assert rows == [
        ["small", "4", "1,200.00", "120.00"],
        ["big", "2", "13,000.00", "1,300.00"],
        ["Basket", "", "14,200.00", "1,420.00"],
    ]


@pytest.mark.parametrize("name", ["copy-print", "car-van-fleet"])
def test_every_lines_parameters_items_and_quantity_appear(name: str) -> None:
    basket = load_basket(basket_example_path(name))
    for lang in ("en", "da"):
        page = unescape(basket_annex_html(basket, lang=lang))
        assert "<mo>∑</mo>" in page  # the sum rule in MathML
        for line, tender in zip(basket.lines, basket.tenders, strict=True):
            model = tender.model
            title = words("annex basket.", lang)["line section"].format(
                line=line, title=words("annex.", lang)["s data"]
            )
            data = page.split(title)[1].split("<h2>")[0]
            for key in model.bid_parameters:
                assert f"<code>{key}</code>" in data, (lang, line, key)
            for key in (*model.parameters, *model.items, *model.emissions):
                assert f"<code>{key}</code>" in page or f"<mi>{key}</mi>" in page, (lang, key)
            quantity = f"<td>{line}</td><td>"
            assert quantity in page


def test_formulas_point_at_the_lines_own_sections() -> None:
    doc = build_basket_annex(load_basket(basket_example_path("copy-print")))
    titles = [s.title for s in doc.sections]
    formulas = titles.index("Line 'A3 devices': Formulas")
    assert (
        titles[formulas + 1] == "Line 'A3 devices': The contracting authority's fixed assumptions"
    )
    intro = doc.sections[formulas].blocks[0].text  # type: ignore[union-attr]
    # sections are numbered from 1: this line's assumptions and data follow its formulas
    assert f"sections {formulas + 2} and {formulas + 3}" in intro


def test_both_languages_have_the_same_texts_and_fields() -> None:
    en, da = words("annex basket.", "en"), words("annex basket.", "da")
    assert all(translated(k, "da") for k in keys("annex basket."))

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key in en:
        assert fields(en[key]) == fields(da[key]), key


def test_a_basket_without_bids_gets_an_illustrative_bid(tmp_path: Path) -> None:
    data = yaml.safe_load(basket_example_path("car-van-fleet").read_text("utf-8"))
    del data["bids"]
    (tmp_path / "fleet.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    basket, illustrative = basket_annex_source(tmp_path / "fleet.yaml")
    assert illustrative and basket.bids == ("Illustrative bid",)
    page = basket_annex_html(basket, illustrative=True)
    assert "an illustrative bid (not a real offer" in page
    with pytest.raises(tco.SpecError, match="at least one bid"):
        load_basket(tmp_path / "fleet.yaml")


def test_cli_and_python(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(basket_example_path("copy-print"))
    assert main(["annex", src, "-o", str(tmp_path / "a.html"), "--lang", "da"]) == 0
    page = (tmp_path / "a.html").read_text("utf-8")
    assert 'lang="da"' in page and "Kurven: summen over linjerne" in page
    assert "tco basket" not in page and "--bids" not in page  # no command lines in the annex
    basket = load_basket(src)
    assert basket.annex() == basket_annex_html(basket)
    docx = pytest.importorskip("docx")
    out = basket.annex(tmp_path / "a.docx", lang="da")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Kurvens livscyklusomkostning" in text
    with pytest.raises(tco.SpecError, match=r"expected a file ending in \.docx or \.html"):
        write_basket_annex(basket, tmp_path / "a.pdf")


def test_the_annex_escapes_the_baskets_text() -> None:
    data = yaml.safe_load(basket_example_path("copy-print").read_text("utf-8"))
    data["lines"][0]["name"] = "<script>x</script>"
    for bid in data["bids"]:
        bid["lines"]["<script>x</script>"] = bid["lines"].pop("A4 devices")
    page = basket_annex_html(load_basket(data))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r"<script", page)
