"""Where a parameter's default comes from, in Danish under ``da`` and as before in English."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

import tco
from tco.basket import basket_example_path, basket_examples, load_basket
from tco.errors import SpecError
from tco.spec.product import ProductModel
from tco.views.annex import annex_html
from tco.views.annex_basket import basket_annex_html
from tco.views.catalogue import render_catalogue

MODELS = {name: tco.load_model(path) for name, path in tco.bundled_models().items()}


def _sources(model: ProductModel) -> dict[str, tuple[str, str]]:
    """Parameter -> (English, Danish) source text, as a table cell shows it."""
    out = {}
    for name, param in model.parameters.items():
        s = param.spec.source
        if s is not None:
            out[name] = (" ".join(s.en.split()), " ".join((s.da or "").split()))
    return out


def _model(source: object) -> ProductModel:
    return tco.load_model(
        {
            "id": "src-model",
            "title": "Sources",
            "functional_unit": "unit",
            "parameters": {
                "price": {"unit": "DKK", "bid": True},
                "hours": {"unit": "h", "default": "3 h", "source": source},
            },
            "items": {"purchase": {"category": "acquisition", "once": "price * hours / 1 h"}},
        }
    )


def test_a_source_is_plain_text_or_english_and_danish() -> None:
    plain = _model("Assumption.").parameters["hours"].spec.source
    assert plain is not None and (plain.get("en"), plain.get("da")) == (
        "Assumption.",
        "Assumption.",
    )
    both = _model({"en": "Assumption.", "da": "Antagelse."}).parameters["hours"].spec.source
    assert both is not None and (both.get("en"), both.get("da")) == ("Assumption.", "Antagelse.")


def test_a_source_in_an_unknown_language_is_refused_with_its_path() -> None:
    with pytest.raises(SpecError) as info:
        _model({"en": "Assumption.", "de": "Annahme."})
    assert "parameters.hours.source.de" in str(info.value)


def test_every_bundled_parameter_source_has_a_danish_text() -> None:
    count = 0
    for model_id, model in MODELS.items():
        for name, (en, da) in _sources(model).items():
            assert da and da != en, f"{model_id}: {name} has no Danish source"
            count += 1
    assert count >= 200  # every model states where its defaults come from


def test_the_danish_catalogue_shows_the_danish_sources_and_no_english_one() -> None:
    en_page, da_page = render_catalogue(lang="en"), render_catalogue(lang="da")
    for model in MODELS.values():
        for en, da in _sources(model).values():
            assert en.replace("|", "\\|") in en_page and da not in en_page
            assert da.replace("|", "\\|") in da_page and en not in da_page


def _shown_defaults(tender: tco.Tender) -> dict[str, tuple[str, str]]:
    """The sources the annex's table of assumptions shows: defaults the tender does not set."""
    bid = set(tender.model.bid_parameters)
    return {
        k: v
        for k, v in _sources(tender.model).items()
        if k not in tender.spec.parameters and k not in bid
    }


def _assert_sources(page_en: str, page_da: str, models: list[ProductModel]) -> None:
    for model in models:
        for en, da in _sources(model).values():
            assert en not in page_da, en
            assert da not in page_en, da


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_the_danish_annex_of_every_example_shows_danish_sources(name: str) -> None:
    tender = tco.load_tender(tco.example_path(name))
    en_page = unescape(annex_html(tender, lang="en"))
    da_page = unescape(annex_html(tender, lang="da"))
    shown = _shown_defaults(tender)
    assert shown, "every example leaves some model default to the annex's table"
    for en, da in shown.values():
        assert en in en_page and da in da_page
    _assert_sources(en_page, da_page, [tender.model])


@pytest.mark.parametrize("name", sorted(basket_examples()))
def test_the_danish_basket_annex_shows_danish_sources(name: str) -> None:
    basket = load_basket(basket_example_path(name))
    en_page = unescape(basket_annex_html(basket, lang="en"))
    da_page = unescape(basket_annex_html(basket, lang="da"))
    for tender in basket.tenders:
        for en, da in _shown_defaults(tender).values():
            assert en in en_page and da in da_page
    _assert_sources(en_page, da_page, [t.model for t in basket.tenders])


def test_cli_annex_in_danish(tmp_path: Path) -> None:
    from tco.cli import main

    out = tmp_path / "annex.html"
    assert main(["annex", str(tco.example_path("printer")), "--lang", "da", "-o", str(out)]) == 0
    page = unescape(out.read_text(encoding="utf-8"))
    assert "Antagelse: fælles maskiner står tændt." in page
    assert "Assumption: shared devices are left on." not in page
