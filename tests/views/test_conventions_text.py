"""The annex and the award report state what the engine computes, from one definition.

Each convention (timing, one rate or a schedule, real or nominal, price year, residual value,
externality rule, annualisation) is defined once in :mod:`tco.engine.conventions`; the annex
(:mod:`tco.views.annex`) and the report (:mod:`tco.views.report`) write their formulas from it
(:mod:`tco.views.conventions_text`). These tests read the formulas back out of the text, in
English and Danish, and compute the discount factors from what the text says: the numbers must
be the engine's.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

import tco
from tco.cli import main
from tco.engine import conventions
from tco.views import conventions_text
from tco.views.annex import annex_html, build_annex
from tco.views.report import method_statement

LIGHTING = Path(tco.example_path("indoor-lighting"))
CAR = Path(tco.example_path("passenger-car"))
LANGS = ("en", "da")


def _lighting(**assumptions: Any) -> dict[str, Any]:
    data = yaml.safe_load(LIGHTING.read_text(encoding="utf-8"))
    data["assumptions"].update(assumptions)
    return dict(data)


def _annex_text(tender: tco.Tender, lang: str) -> str:
    """The annex's conventions (section 3's last list), as plain text."""
    doc = build_annex(tender, lang=lang)
    bullets = doc.sections[2].blocks[-1]
    return "\n".join(bullets.items)  # type: ignore[union-attr]


def _report_text(tender: tco.Tender, lang: str) -> str:
    """The report's method, as plain text (tags dropped, sub- and superscripts spelled out)."""
    html = method_statement(tender.evaluate(), lang).replace("</li>", "\n")
    html = re.sub(r"<sup>(.*?)</sup>", r"^\1", html)
    html = re.sub(r"<sub>(.*?)</sub>", r"_\1", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


def _decimal(text: str, lang: str) -> float:
    return float(text.replace(".", "").replace(",", ".") if lang == "da" else text)


def _rate(text: str, lang: str) -> float:
    """The one rate the text states: ``r = 4.00 % per year``, or by Fisher from n and i."""
    n = re.search(r"(?:nominal rate|nominelle rente) ([\d.,]+) %", text)
    i = re.search(r"i = ([\d.,]+) %", text)
    if n and i and "r = (1 + n) / (1 + i) − 1" in text:
        return (1 + _decimal(n[1], lang) / 100) / (1 + _decimal(i[1], lang) / 100) - 1
    found = re.search(r"r = ([\d.,]+) %", text)
    assert found, text
    return _decimal(found.group(1), lang) / 100


def _bands(text: str, lang: str) -> list[float]:
    """The schedule's rate of each year, from ``r_k = 3.50 % in years 1–35, 2.50 % in ...``."""
    word = "i år" if lang == "da" else "in years?"
    path: list[float] = []
    for r, a, b in re.findall(rf"([\d,.]+) % {word} (\d+)(?:–(\d+))?", text):
        assert int(a) == len(path) + 1, text  # bands follow each other
        path += [_decimal(r, lang) / 100] * (int(b or a) - int(a) + 1)
    assert path, text
    return path


def _factors_as_stated(text: str, lang: str, T: int) -> np.ndarray:
    """The annual amounts' discount factors of years 0 .. T, computed from the formula stated.

    The formulas a text may state, read literally:
    ``d(t) = (1 + r)^−t``, ``(1 + r)^−(t − s)``, and for a schedule
    ``1 / ((1 + r_1) × … × (1 + r_t))``, ``1 / ((1 + r_1) × … × (1 + r_(t − 1)))`` or
    ``Π_k=1…t (1 + r_k)^−1`` (``Π_k=1…t−1 ...``), optionally ``× (1 + r_t)^−x``.
    """
    annual = re.split(r"\.(?:\s|$)", text.split("d(t) = ", 1)[1], maxsplit=1)[0]
    t = np.arange(T + 1, dtype=float)
    if annual.startswith("(1 + r)^"):
        r = _rate(text, lang)
        exp = annual.removeprefix("(1 + r)^")
        shifted = re.fullmatch(r"−\(t − ([\d.,]+)\)", exp)
        assert exp == "−t" or shifted, exp
        s = _decimal(shifted[1], lang) if shifted else 0.0
        return np.where(t > 0, (1 + r) ** -np.maximum(t - s, 0), 1.0)
    path = np.array(_bands(text, lang)[:T])
    end = np.concatenate([[1.0], np.cumprod(1 / (1 + path))])
    to_t = annual.startswith("1 / ((1 + r_1) × … × (1 + r_t))") or "k=1…t " in annual
    to_before = "r_(t − 1)" in annual or "k=1…t−1 " in annual
    assert to_t != to_before, annual
    base = end if to_t else np.concatenate([[1.0], end[:-1]])
    within = re.search(r"× \(1 \+ r_t\)\^−([\d.,]+)", annual)
    if within:
        x = _decimal(within.group(1), lang)
        base = base * np.concatenate([[1.0], (1 + path) ** -x])
    base[0] = 1.0
    return base


def _engine_annual(tender: tco.Tender) -> np.ndarray:
    return tender.plan.discount_factors()[1]


CASES = {
    "end": {},
    "mid": {"discounting": "mid"},
    "begin": {"discounting": "begin"},
    "schedule": {"discount_rate": [{"to": 10, "rate": "3.5 %"}, {"rate": "2.5 %"}]},
    "schedule mid": {
        "discount_rate": [{"to": 10, "rate": "3.5 %"}, {"rate": "2.5 %"}],
        "discounting": "mid",
    },
    "schedule begin": {
        "discount_rate": [{"to": 4, "rate": "6 %"}, {"rate": "2 %"}],
        "discounting": "begin",
    },
    "nominal": {"discount_rate": "6 %", "rate_type": "nominal", "inflation": "2 %"},
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_the_discount_factors_stated_are_the_engines(case: str, lang: str) -> None:
    tender = tco.load_tender(_lighting(**CASES[case]))
    engine = _engine_annual(tender)
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        stated = _factors_as_stated(text, lang, 15)
        np.testing.assert_allclose(stated, engine, rtol=1e-12, err_msg=f"{case} {lang}\n{text}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_schedule_is_stated_as_its_bands_over_the_period(lang: str) -> None:
    # The Ministry of Finance's 3.5 % (years 1-35) and 2.5 % (years 36-70), a 40-year period:
    # the text gives both bands up to year 40 and compounds them, 1.035^-35 * 1.025^-5 in year 40.
    data = _lighting(period="40 year")
    data["assumptions"].pop("discount_rate")
    data["basis"] = "dk-fm-2021"
    tender = tco.load_tender(data)
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        assert _bands(text, lang) == [0.035] * 35 + [0.025] * 5
        assert "(1 + r)^−t" not in text.split("\n")[0]  # not one constant rate
        stated = _factors_as_stated(text, lang, 40)
        assert stated[40] == pytest.approx(1.035**-35 * 1.025**-5, rel=1e-12)
        np.testing.assert_allclose(stated, _engine_annual(tender), rtol=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_a_nominal_rate_states_the_fisher_relation_and_the_real_rate_used(lang: str) -> None:
    tender = tco.load_tender(_lighting(**CASES["nominal"]))
    # (1 + 6 %) / (1 + 2 %) - 1 = 0.0392157 -> "3.92 %"
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        assert "r = (1 + n) / (1 + i) − 1" in text
        assert ("r = 3,92 %" if lang == "da" else "r = 3.92 %") in text
        assert _rate(text, lang) == pytest.approx(1.06 / 1.02 - 1, rel=1e-12)
        assert ("nominelle rente 6 %" if lang == "da" else "nominal rate 6 %") in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("timing", "shift"), [("mid", "0.5"), ("begin", "1")])
def test_annual_amounts_are_priced_when_they_fall(lang: str, timing: str, shift: str) -> None:
    tender = tco.load_tender(_lighting(discounting=timing))
    s = shift.replace(".", ",") if lang == "da" else shift
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        assert f"(t − {s})" in text  # escalation and discounting at the same instant


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("linear", {"en": "(s + L − P) / L", "da": "(s + L − P) / L"}),
        ("none", {"en": "no residual value is credited", "da": "der krediteres ingen restværdi"}),
    ],
)
def test_the_residual_rule_is_the_tenders(lang: str, rule: str, words: dict[str, str]) -> None:
    tender = tco.load_tender(_lighting(residual_value=rule))
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        assert words[lang] in text.lower() or words[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_residual_share_states_the_share(lang: str) -> None:
    tender = tco.load_tender(_lighting(residual_value={"share": "20 %"}))
    share = "20,00 %" if lang == "da" else "20.00 %"
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        assert share in text, text


def _car(rule: str | None) -> dict[str, Any]:
    data = yaml.safe_load(CAR.read_text(encoding="utf-8"))
    if rule is not None:
        data["assumptions"]["externalities"] = rule
    return dict(data)


def _compare_json(tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> Any:
    path = tmp_path / "car.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["compare", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out), path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", [None, "report", "award"])
def test_the_annex_states_the_externality_rule_tco_compare_ranks_by(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str | None, lang: str
) -> None:
    out, path = _compare_json(tmp_path, _car(rule), capsys)
    bids = {b["bid"]: b for b in out["bids"]}
    incl = min(bids, key=lambda b: bids[b]["total_incl_externalities"])
    excl = min(bids, key=lambda b: bids[b]["total_excl_externalities"])
    # The bundled car example: the petrol car is cheapest without CO2e, the electric car with it.
    assert (excl, incl) == ("Benzin Auto", "El Mobil")
    counted = out["ranking"][0] == incl
    assert out["externalities"] == (rule or "report")  # the EPA models' default is 'report'
    page = unescape(re.sub(r"<[^>]+>", "", annex_html(tco.load_tender(path), lang=lang)))
    award = page.split("6. ", 1)[1]
    if lang == "en":
        part = "Priced externalities are part of the cost that ranks the bids"
        apart = "Priced externalities are not part of the cost that ranks the bids"
    else:
        part = "Prissatte eksterne omkostninger indgår i den omkostning, tilbuddene rangeres efter"
        apart = "Prissatte eksterne omkostninger indgår ikke i den omkostning"
    assert (part in award) is counted and (apart in award) is not counted
    report = _report_text(tco.load_tender(path), lang)
    counts = "count in the award" if lang == "en" else "De indgår i tildelingen"
    assert (counts in report) is counted


def test_a_change_to_a_definition_changes_the_numbers_and_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tender = tco.load_tender(_lighting(discounting="mid"))
    before = _engine_annual(tender)
    assert "(t − 0.5)" in _annex_text(tender, "en")
    monkeypatch.setitem(conventions.TIMING, "mid", 0.25)
    tender = tco.load_tender(_lighting(discounting="mid"))
    # The engine moves the amounts to t - 0.25 and the text says so: 1.04^-(t - 0.25).
    t = np.arange(16.0)
    np.testing.assert_allclose(_engine_annual(tender)[1:], 1.04 ** -(t[1:] - 0.25), rtol=1e-12)
    assert not np.allclose(_engine_annual(tender), before)
    for lang, shift in (("en", "0.25"), ("da", "0,25")):
        for text in (_annex_text(tender, lang), _report_text(tender, lang)):
            assert f"(t − {shift})" in text and "(t − 0.5)" not in text
            np.testing.assert_allclose(
                _factors_as_stated(text, lang, 15), _engine_annual(tender), rtol=1e-12
            )


def test_a_change_to_the_externality_rule_changes_the_rank_and_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(conventions.EXTERNALITIES, "report", True)  # 'report' now counts
    tender = tco.load_tender(_car(None))
    assert tender.evaluate().ranking[0] == "El Mobil"
    award = annex_html(tender).split("<h2>6.", 1)[1].split("<h2>", 1)[0]
    assert "Priced externalities are part of the cost that ranks the bids" in award


def test_an_unknown_convention_is_an_error_not_a_default_text() -> None:
    import dataclasses

    from tco.errors import SpecError
    from tco.views.error_text import error_text

    tender = tco.load_tender(LIGHTING)
    odd = dataclasses.replace(tender.plan, discounting="noon")  # type: ignore[arg-type]
    with pytest.raises(SpecError, match="unknown convention 'noon'") as caught:
        method_statement(_result(odd))
    assert "ukendt konvention 'noon'" in error_text(caught.value, "da")
    with pytest.raises(SpecError, match="unknown convention 'noon'"):
        conventions_text.timing(odd, "da")
    from tco.views.html import assumption_rows

    with pytest.raises(SpecError, match="unknown convention 'noon'"):
        assumption_rows(_result(odd), "en")  # the assumptions table of the annex and report
    with pytest.raises(SpecError, match="unknown convention 'maybe'"):
        conventions_text.award_rule(dataclasses.replace(tender.plan, externalities="maybe"), "en")  # type: ignore[arg-type]


def _result(plan: Any) -> Any:
    class Shown:
        """Just what the method text reads of a result."""

        def __init__(self, plan: Any) -> None:
            self.plan = plan
            self.annuity_factor = np.ones(plan.n_bids)
            self.ranked_by = "total"

    return Shown(plan)


def test_every_option_has_words_in_both_languages() -> None:
    from tco.locale import keys, section, translated

    assert all(translated(k, "da") for k in keys("conventions."))
    TEXT = {lang: section("conventions.", lang) for lang in LANGS}
    for lang in LANGS:
        for timing in conventions.TIMING:
            assert TEXT[lang][timing]
        for rule in conventions.RESIDUAL_VALUE:
            assert TEXT[lang][f"residual {rule}"]
        for rule in conventions.EXTERNALITIES:
            assert TEXT[lang][f"award rule {rule}"]


def test_a_danish_format_tender_without_bids_gets_its_annex(tmp_path: Path) -> None:
    tender = tmp_path / "biler.yaml"
    tender.write_text(
        "model: passenger-car\n"
        "title: Biler til hjemmeplejen\n"
        "assumptions:\n"
        "  number_format: da\n"
        "  discount_rate: 4 %\n"
        "  period: 4 year\n"
        "  quantity: 12\n"
        "  co2_price: 1.500 DKK/t\n",
        encoding="utf-8",
    )
    for suffix in ("html", "docx"):
        out = tmp_path / f"bilag.{suffix}"
        assert main(["annex", str(tender), "-o", str(out), "--lang", "da"]) == 0
        assert out.stat().st_size > 1000
    page = (tmp_path / "bilag.html").read_text(encoding="utf-8")
    assert "Biler til hjemmeplejen" in page and "illustrativt tilbud" in page


def test_the_docs_table_lists_each_convention_as_defined() -> None:
    page = (Path(__file__).parents[2] / "docs" / "annex.md").read_text(encoding="utf-8")
    table = page.split("## Conventions", 1)[1].split("\n\n", 2)[2]
    timing = next(line for line in table.splitlines() if line.startswith("| timing"))
    options = ", ".join(f"`{k}`" for k in conventions.TIMING)
    shifts = ", ".join(f"{v:g}" for v in conventions.TIMING.values())
    assert f"| {options} (the shift `s` = {shifts})" in timing
    rule = next(line for line in table.splitlines() if line.startswith("| externalities"))
    assert ", ".join(f"`{k}`" for k in conventions.EXTERNALITIES) in rule
    residual = next(line for line in table.splitlines() if line.startswith("| residual value"))
    assert ", ".join(f"`{k}`" for k in conventions.RESIDUAL_VALUE) in residual


# -- the conventions of single streams and of the annualised cost ---------------------------
LEASE: dict[str, Any] = {
    "id": "lease",
    "title": "Lease",
    "functional_unit": {"en": "vehicle", "da": "køretøj"},
    "parameters": {
        "rent": {"unit": "DKK/year", "bid": True, "label": {"en": "Rent", "da": "Leje"}},
        "energy": {"unit": "DKK/year", "bid": True},
        "service": {"unit": "DKK/year", "bid": True},
        "indexation": {
            "unit": "%/year",
            "bid": True,
            "default": "0 %/year",
            "label": {"en": "Indexation", "da": "Indeksering"},
        },
    },
    "items": {
        "lease": {
            "category": "acquisition",
            "annual": "rent",
            "discounting": "begin",
            "label": {"en": "Lease", "da": "Leasing"},
        },
        "energy": {"category": "use", "annual": "energy"},
        "service": {
            "category": "maintenance",
            "annual": "service",
            "indexation": "indexation",
            "label": {"en": "Service contract", "da": "Serviceaftale"},
        },
    },
}


def _lease(**assumptions: Any) -> tco.Tender:
    a = {"discount_rate": "4 %", "period": "4 year", **assumptions}
    bids = [
        {"name": "A", "rent": "100 DKK/year", "energy": "50 DKK/year",
         "service": "40 DKK/year", "indexation": "2 %/year"},
        {"name": "B", "rent": "110 DKK/year", "energy": "40 DKK/year",
         "service": "45 DKK/year"},
    ]  # fmt: skip
    return tco.load_tender({"model": LEASE, "assumptions": a, "bids": bids})


@pytest.mark.parametrize("lang", LANGS)
def test_a_stream_paid_at_its_own_timing_is_stated_with_its_factor(lang: str) -> None:
    tender = _lease()
    r = tender.evaluate()
    # The lease is paid in advance: 100 DKK at t = 0, 1, 2, 3 at 4 %:
    # 100 × (1 + 1/1.04 + 1/1.04^2 + 1/1.04^3) = 377.509...; energy in arrears.
    assert r.by_item["lease"][0] == pytest.approx(100 * sum(1.04**-k for k in range(4)))
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        own = text.split("d(t) = (1 + r)^−t.", 1)[1]  # the tender's end-of-year timing first
        words = "Lease is paid at the beginning" if lang == "en" else "Leasing betales ved årets"
        assert words in own and "d(t) = (1 + r)^−(t − 1)" in own, own
        stated = text.split("\n")[0] + " " + own[own.index(words) :]  # the rate, then the lease
        np.testing.assert_allclose(
            _factors_as_stated(stated, lang, 4), tender.plan.discount_at("begin"), rtol=1e-12
        )
    page = unescape(annex_html(tender, lang=lang))
    assert (
        "paid at the beginning of the year" if lang == "en" else "betales ved årets begyndelse"
    ) in page


@pytest.mark.parametrize("lang", LANGS)
def test_a_bids_own_indexation_is_stated(lang: str) -> None:
    tender = _lease()
    r = tender.evaluate()
    # Bid A's service, 40 DKK a year indexed at 2 % from year-0 prices, end of year at 4 %:
    # sum over t = 1..4 of 40 × 1.02^t / 1.04^t.
    hand = sum(40 * 1.02**t / 1.04**t for t in range(1, 5))
    assert r.by_item["service"][0] == pytest.approx(hand, rel=1e-12)
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        if lang == "en":
            assert "Service contract is indexed at each bid's own rate e_b per year" in text
            assert "the bid's 'Indexation'" in text
        else:
            assert "Serviceaftale pristalsreguleres med hvert tilbuds egen sats e_b" in text
        assert "(1 + e_b)^t" in text
    page = unescape(annex_html(tender, lang=lang))
    assert ("indexed at each bid's own rate 'Indexation'" if lang == "en"
            else "pristalsreguleres med hvert tilbuds egen sats 'Indeksering'") in page  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("at", [None, "real", "nominal"])
def test_the_annualised_cost_states_its_rate(lang: str, at: str | None) -> None:
    extra = {"rate_type": "nominal", "discount_rate": "6 %", "inflation": "2 %"}
    if at is not None:
        extra["annualise_at"] = at
    tender = _lease(**extra)
    r = tender.evaluate()
    nominal = at != "real"  # a nominal tender annualises at the nominal rate by default
    assert r.annualised_at == ("nominal" if nominal else "real")
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        line = next(x for x in text.split("\n") if x.startswith(("Annualised", "TCO pr. år")))
        if nominal:
            # (1 + r)(1 + i) - 1 with r = 1.06 / 1.02 - 1 is the stated 6 % again.
            assert ("= 6,00 %" if lang == "da" else "= 6.00 %") in line, line
            assert "d_n(1)" in line or "d_n(t)" in line
            rate = 0.06
        else:
            assert ("reale rente r" if lang == "da" else "real rate r") in line, line
            rate = 1.06 / 1.02 - 1
        # The annuity factor of the rate the text states is the engine's.
        factor = sum((1 + rate) ** -t for t in range(1, 5))
        assert float(r.annuity_factor[0]) == pytest.approx(factor, rel=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_nominal_escalation_rates_are_stated_as_made_real(lang: str) -> None:
    tender = _lease(rate_type="nominal", discount_rate="6 %", inflation="2 %")
    r = tender.evaluate()
    # Bid A indexes its service at 2 % nominal under 2 % inflation: (1.02 / 1.02) - 1 = 0 real,
    # so 40 DKK a year discounted at the real rate 1.06 / 1.02 - 1 over 4 years.
    real = 1.06 / 1.02 - 1
    hand = sum(40 * (1 + real) ** -t for t in range(1, 5))
    assert r.by_item["service"][0] == pytest.approx(hand, rel=1e-12)
    for text in (_annex_text(tender, lang), _report_text(tender, lang)):
        line = next(x for x in text.split("\n") if x.startswith(("Escalation", "Prisudvikling")))
        assert "(1 + e) / (1 + i) − 1" in line, line
    assert "(1 + e) / (1 + i)" not in _annex_text(_lease(), "en")  # a real tender: no Fisher
