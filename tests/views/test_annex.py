"""The tender annex: the life-cycle cost method stated before the award (Directive 2014/24/EU Art. 68)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.cli import main
from tco.locale import keys, section, translated
from tco.spec.expr import compile_expression
from tco.views.annex import annex_html, annex_tender, build_annex, illustrative_bid, write_annex
from tco.views.annex_math import formula_mathml, formula_text, formula_words

EXAMPLE = tco.example_path("indoor-lighting")


def _number(text: str, lang: str) -> float:
    """Read a number the annex wrote, in the language's convention."""
    text = text.strip().split(" ")[0]
    if lang == "da":
        text = text.replace(".", "").replace(",", ".")
    return float(text.replace(",", ""))


def _example_table(page: str) -> list[list[str]]:
    """Rows of the worked example's table (the one whose last head is the present value)."""
    for table in re.findall(r"<table>(.*?)</table>", page, flags=re.S):
        head = re.findall(r"<th>(.*?)</th>", table)
        if head and ("present value" in head[-1] or "nutidsværdi" in head[-1]):
            rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
            return [
                [unescape(re.sub(r"<.*?>", "", c)) for c in re.findall(r"<td.*?>(.*?)</td>", r)]
                for r in rows
            ]
    raise AssertionError("no worked-example table")


# -- the worked example's numbers are the engine's -------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("name", ["indoor-lighting", "printer", "passenger-car"])
def test_worked_example_numbers_are_the_engines(name: str, lang: str) -> None:
    tender = tco.load_tender(tco.example_path(name))
    result = tender.evaluate()
    rows = {r[1]: r for r in _example_table(annex_html(tender, lang=lang))}
    for i, item in enumerate(result.items):
        shown = _number(rows[item][3], lang)
        assert shown == pytest.approx(float(result.pv_by_item[0, i]), abs=0.006)
    assert _number(rows["PV"][3], lang) == pytest.approx(float(result.total[0]), abs=0.006)
    assert _number(rows["EAC"][3], lang) == pytest.approx(float(result.annualised[0]), abs=0.006)


def test_worked_example_by_hand() -> None:
    # Lumen Nord, the first bid of examples/indoor-lighting.yaml: electricity per luminaire
    # 32 W x 3000 h/year x 2.13 DKK/kWh = 0.032 kW x 3000 h x 2.13 = 204.48 DKK/year.
    rows = {r[1]: r for r in _example_table(annex_html(tco.load_tender(EXAMPLE)))}
    assert rows["electricity"][2] == "204.48 DKK/year"
    # Purchase per luminaire: price 1450 + installation 250 = 1700 DKK.
    assert rows["purchase"][2] == "1,700.00 DKK"
    # Its present value over 15 years for 200 luminaires with electricity rising
    # 1.67 %/year, discounted at 4 %: 200 x 204.48 x sum_{t=1..15} 1.0167^t / 1.04^t.
    factor = sum(1.0167**t / 1.04**t for t in range(1, 16))
    assert _number(rows["electricity"][3], "en") == pytest.approx(200 * 204.48 * factor, abs=0.01)


def test_worked_example_in_docx_matches_the_engine(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    tender = tco.load_tender(EXAMPLE)
    result = tender.evaluate()
    out = write_annex(tender, tmp_path / "annex.docx", lang="da")
    document = docx.Document(str(out))
    found = None
    for table in document.tables:
        head = [c.text for c in table.rows[0].cells]
        if "nutidsværdi" in head[-1]:
            found = {r.cells[1].text: r.cells[3].text for r in table.rows[1:]}
    assert found is not None
    for i, item in enumerate(result.items):
        assert _number(found[item], "da") == pytest.approx(result.pv_by_item[0, i], abs=0.006)
    assert _number(found["PV"], "da") == pytest.approx(result.total[0], abs=0.006)


# -- completeness --------------------------------------------------------------------------------
def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_every_parameter_and_item_appears(name: str) -> None:
    tender = tco.load_tender(tco.example_path(name))
    model = tender.model
    for lang in ("en", "da"):
        page = unescape(annex_html(tender, lang=lang))
        for key in (*model.parameters, *model.items, *model.emissions):
            assert f"<code>{key}</code>" in page or f"<mi>{key}</mi>" in page, (lang, key)
        for p in model.parameters.values():
            if p.spec.label is not None:
                assert p.spec.label.get(lang) in page
        for bid_param in model.bid_parameters:  # each in the table of data to supply
            data = page.split(section("annex.", lang)["s data"])[1].split("<h2>")[0]
            assert f"<code>{bid_param}</code>" in data


def test_every_parameter_and_item_appears_in_docx(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    tender = tco.load_tender(tco.example_path("printer"))
    text = _docx_text(write_annex(tender, tmp_path / "a.docx"))
    for key in (*tender.model.parameters, *tender.model.items, *tender.model.emissions):
        assert key in text, key
    # each formula in plain notation, as in the model
    assert "paper = pages_per_year × (1 − duplex_share / 2) × paper_price" in text


# -- both languages ------------------------------------------------------------------------------
def test_both_languages_have_every_text() -> None:
    assert all(translated(k, "da") for k in keys("annex.") + keys("annex verify."))
    for lang in ("en", "da"):
        for key, text in section("annex.", lang).items():
            assert text.strip(), key


def test_danish_annex_speaks_danish() -> None:
    tender = tco.load_tender(EXAMPLE)
    doc = build_annex(tender, lang="da")
    titles = [s.title for s in doc.sections]
    assert titles == [
        section("annex.", "da")[k]
        for k in (
            "s purpose",
            "s items",
            "s formulas",
            "s assumptions",
            "s data",
            "s award",
            "s example",
            "s form",
        )
    ]
    page = annex_html(tender, lang="da")
    assert 'lang="da"' in page and "udbudslovens § 166" in page
    assert "Effekt × Driftstimer × Elpris" in page
    # numbers in the Danish convention: 3.000 hours, 2,13 DKK/kWh
    assert '<td class="n">3.000</td>' in page and '<td class="n">2,13</td>' in page
    assert "Operating hours" not in page


# -- formulas --------------------------------------------------------------------------------------
def _back_to_formula(text: str) -> str:
    """The plain notation read back into the formula language."""
    for a, b in (
        ("×", "*"),
        ("−", "-"),
        ("^", "**"),
        ("⌈", "ceil("),
        ("⌉", ")"),
        ("⌊", "floor("),
        ("⌋", ")"),
        ("√", "sqrt"),
    ):
        text = text.replace(a, b)
    return text


def _all_formulas() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for model_id in sorted(tco.bundled_models()):
        model = tco.load_model(model_id)
        units = {n: p.unit / p.unit.magnitude for n, p in model.parameters.items()}
        units["period"] = "year"
        for s in (*model.items.values(), *model.emissions.values()):
            out.append((model_id, s.amount.text, units))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "a - (b - c)",
        "a / (b / c)",
        "(a + b) * c",
        "a - b + c",
        "-(a + b)",
        "a ** 2 * b",
        "(a * b) ** 2",
        "a / b / c",
        "ceil(a / (b * c)) * (a + 2)",
        "max(a, b - c) / 2",
        "2 ** -a",
        "-a ** 2",
        "a * (8 h/day / b)",
    ],
)
def test_plain_notation_reads_back_as_the_same_formula(text: str) -> None:
    names = {"a", "b", "c"}
    units = {n: "1" for n in names}
    rng = np.random.default_rng(0)
    values = {n: rng.uniform(0.5, 3.0, 20) for n in names}
    back = _back_to_formula(formula_text(text, names))
    original = compile_expression(text, units).fn(values)
    shown = compile_expression(back, units).fn(values)
    np.testing.assert_allclose(shown, original, rtol=1e-12)


def test_every_bundled_formula_reads_back() -> None:
    rng = np.random.default_rng(1)
    for model_id, text, units in _all_formulas():
        names = [n for n in units if n != "period"]
        back = _back_to_formula(formula_text(text, names))
        a = compile_expression(text, units)
        b = compile_expression(back, units)
        values = {n: rng.uniform(0.5, 3.0, 5) for n in units}
        np.testing.assert_allclose(b.fn(values), a.fn(values), rtol=1e-12, err_msg=model_id)


def test_mathml_is_well_formed_and_escaped() -> None:
    for _, text, units in _all_formulas():
        ET.fromstring(formula_mathml(text, [n for n in units if n != "period"]))
    math = formula_mathml("a / (b * c) + 2", {"a", "b", "c"})
    root = ET.fromstring(math)
    frac = root.find("mfrac")
    assert frac is not None and len(frac) == 2  # numerator and denominator, each one row
    assert "&lt;" not in formula_mathml("a", {"a"})


def test_words_use_labels_and_say_functions() -> None:
    assert formula_words("min(a, b)", {"a", "b"}, {"a": "x", "b": "y"}) == "the smaller of x and y"
    assert formula_words("floor(a)", {"a"}, {"a": "Antal"}, "da") == (
        "Antal rundet ned til et helt tal"
    )


# -- tenders without bids, scoring, safety -------------------------------------------------------
def test_tender_without_bids_gets_an_illustrative_bid(tmp_path: Path) -> None:
    src = tco.example_path("printer").read_text(encoding="utf-8").split("bids:")[0]
    path = tmp_path / "t.yaml"
    path.write_text(src, encoding="utf-8")
    tender, illustrative = annex_tender(path)
    assert illustrative and tender.bids == ("Illustrative bid",)
    page = annex_html(tender, illustrative=True)
    assert "an illustrative bid (not a real offer" in page
    bid = illustrative_bid(tender.model)
    # price has min 0 and max 1000000 DKK and no default: the middle of the range
    assert bid["price"] == "500000 DKK"


def test_tender_without_bids_and_without_defaults_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    # every bundled model's bid parameters have both bounds, so an inline model without them
    model = (
        "model:\n  id: small\n  title: Small\n  functional_unit: unit\n"
        "  parameters: {price: {unit: DKK, bid: true, min: 0 DKK}}\n"
        "  items: {purchase: {category: acquisition, once: price}}\n"
    )
    path.write_text(model + "assumptions: {period: 15 year}\n", encoding="utf-8")
    with pytest.raises(tco.SpecError, match="add one bid to the tender"):
        annex_tender(path)


def test_scoring_settings_enter_the_award_section() -> None:
    data = tco.load_tender(EXAMPLE).spec.model_dump(exclude_none=True)
    data["scoring"] = {
        "method": "linear_slope",
        "slope": 0.5,
        "weights": {"price": 60, "service": 40},
    }
    page = annex_html(tco.load_tender(data))
    assert "points = M × (1 − k × (P − L) / L), with k = 0.5" in page
    assert "price (life-cycle cost) 60 %, service 40 %" in page
    assert "points" not in annex_html(tco.load_tender(EXAMPLE)).split("<h2>6.")[1].split("<h2>")[0]


def test_supplier_and_buyer_text_is_escaped() -> None:
    data = tco.load_tender(EXAMPLE).spec.model_dump(exclude_none=True)
    data["title"] = "<script>alert(1)</script>"
    data["bids"][0]["name"] = "<img src=x onerror=alert(1)>"
    page = annex_html(tco.load_tender(data))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in unescape(page)


def test_cli_writes_both_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annex", str(EXAMPLE), "-o", str(tmp_path / "a.html"), "--lang", "da"]) == 0
    assert "Regneeksempel" in (tmp_path / "a.html").read_text(encoding="utf-8")
    pytest.importorskip("docx")
    assert main(["annex", str(EXAMPLE), "-o", str(tmp_path / "a.docx")]) == 0
    assert (tmp_path / "a.docx").read_bytes()[:2] == b"PK"
    assert main(["annex", str(EXAMPLE), "-o", str(tmp_path / "a.pdf")]) == 2
    assert "expected a file ending in .docx or .html" in capsys.readouterr().err


def test_tender_annex_method(tmp_path: Path) -> None:
    tender = tco.load_tender(EXAMPLE)
    assert isinstance(tender.annex(), str)
    assert tender.annex(tmp_path / "a.html") == tmp_path / "a.html"


def test_html_annex_imports_no_optional_package() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tco\n"
        "t = tco.load_tender(tco.example_path('indoor-lighting'))\n"
        "t.annex()\n"
        "print(sorted(m for m in ('docx', 'pandas', 'matplotlib', 'openpyxl') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "[]"


def test_basis_and_edition_are_stated() -> None:
    tender = tco.load_tender(tco.example_path("passenger-car"))
    assert tender.plan.bases  # the vehicle models take their defaults from a basis
    page = unescape(annex_html(tender))
    for b in tender.plan.bases:
        assert f"({b.id}), {b.publisher}, edition {b.edition}." in page
    assert "udgave" in annex_html(tender, lang="da")


def test_docs_page_quotes_the_engines_numbers() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "annex.md").read_text(encoding="utf-8")
    r = tco.load_tender(EXAMPLE).evaluate()
    i = r.items.index("electricity")
    assert f"{r.pv_by_item[0, i]:,.2f} DKK" in page
    assert f"{r.total[0]:,.2f} DKK" in page and f"{r.annualised[0]:,.2f} DKK per" in page


def test_model_verification_text_is_used() -> None:
    data = tco.load_tender(EXAMPLE).spec.model_dump(exclude_none=True)
    model = tco.load_model("indoor-lighting").spec.model_dump(exclude_none=True)
    model["parameters"]["power"]["verification"] = {"en": "EPREL entry", "da": "EPREL-registrering"}
    data["model"] = model
    tender = tco.load_tender(data)
    assert "<td>EPREL entry</td>" in annex_html(tender)
    assert "<td>EPREL-registrering</td>" in annex_html(tender, lang="da")


def test_the_annexs_award_rule_is_the_one_tco_score_applies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    from tco.analysis.scoring import score

    data = tco.load_tender(EXAMPLE).spec.model_dump(exclude_none=True)
    data["scoring"] = {"method": "linear_slope", "slope": 0.5, "max_points": 100}
    tender = tco.load_tender(data)
    totals = tender.evaluate().total
    low = float(totals.min())
    # linear_slope: M x (1 - k x (P - L) / L) with M = 100, k = 0.5, as the annex states
    by_hand = 100.0 * (1.0 - 0.5 * (totals - low) / low)
    np.testing.assert_allclose(score(tender).points["price"], by_hand)
    assert "with k = 0.5" in annex_html(tender) and "at most 100 points" in annex_html(tender)
    # explicit settings still win
    assert score(tender, "proportional").method == "proportional"
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["score", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["method"] == "linear_slope" and doc["max_points"] == 100


def _formulas() -> Any:
    from hypothesis import strategies as st

    leaves = st.sampled_from(["a", "b", "c", "2", "0.5", "3"])

    def grow(inner: Any) -> Any:
        return st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            inner.map(lambda x: f"-{x}"),
            inner.map(lambda x: f"({x}) ** 2"),
            st.tuples(st.sampled_from(["min", "max"]), inner, inner).map(
                lambda t: f"{t[0]}({t[1]}, {t[2]})"
            ),
            st.tuples(st.sampled_from(["ceil", "floor", "sqrt"]), inner).map(
                lambda t: f"{t[0]}(({t[1]}) ** 2)"
            ),
        )

    return st.recursive(leaves, grow, max_leaves=8)


def test_plain_notation_reads_back_for_any_formula() -> None:
    from hypothesis import given, settings

    names = {"a", "b", "c"}
    units = {n: "1" for n in names}
    values = {"a": np.array([0.7, 1.3]), "b": np.array([2.1, 0.9]), "c": np.array([1.7, 2.9])}

    @settings(max_examples=200, deadline=None)
    @given(_formulas())
    def check(text: str) -> None:
        back = _back_to_formula(formula_text(text, names))
        with np.errstate(all="ignore"):
            original = np.asarray(compile_expression(text, units).fn(values), dtype=float)
            shown = np.asarray(compile_expression(back, units).fn(values), dtype=float)
        np.testing.assert_allclose(shown, original, rtol=1e-9, atol=1e-12)
        ET.fromstring(formula_mathml(text, names))

    check()


@pytest.mark.parametrize("name", sorted(tco.bundled_examples()))
def test_the_danish_annex_writes_units_and_rates_in_danish(name: str) -> None:
    # The unit columns showed 'h/year' and the escalation 'electricity: 1.67 %/year'.
    tender, illustrative = annex_tender(tco.example_path(name))
    page = annex_html(tender, lang="da", illustrative=illustrative)
    words = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<math.*?</math>", " ", page, flags=re.S)))
    assert not re.search(r"\byears?\b|%/year", words), name
    assert "electricity:" not in words and "'electricity'" not in words
    assert not re.search(r"\bco2e \d", words)  # the substance as people write it: CO2e


def test_a_docx_annex_takes_control_characters_in_supplier_and_buyer_text(tmp_path: Path) -> None:
    # python-docx refuses text that is not XML ("All strings must be XML compatible"): a bid
    # named with an escape character made the annex a traceback. Shown escaped, as elsewhere.
    pytest.importorskip("docx")
    import docx

    from tco.io.yamlio import read_yaml_file

    data = read_yaml_file(tco.example_path("indoor-lighting-profiles"))
    data["bids"][0]["name"] = "Lumen\x1bNord\n| fake |"
    first = next(iter(data["profiles"]))
    data["profiles"][first]["label"] = "Sports\x07hall"
    out = write_annex(tco.load_tender(data), tmp_path / "annex.docx", lang="da")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    text += "\n".join(
        c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells
    )
    assert "Lumen\\x1bNord\\n| fake |" in text and "Sports\\x07hall" in text
    assert "\x1b" not in text and "\x07" not in text
