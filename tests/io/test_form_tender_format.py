"""A bid form follows the tender's stated number format, and a form that contradicts it is refused.

The danger (found by hand): a Danish tender (``number_format: da``) whose form said ``en`` in B4;
a bidder typed the price ``1.450`` (one thousand four hundred and fifty kroner, Danish grouping)
as text, it was read as 1.45 DKK, and that bid won.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.errors import FormError
from tco.views.form import load_tender_with_forms

openpyxl = pytest.importorskip("openpyxl")

DANISH_TENDER = """\
title: Belysning
model: indoor-lighting
assumptions: {period: 15 year, number_format: da}
"""


def _tender(tmp_path: Path, text: str = DANISH_TENDER) -> Path:
    path = tmp_path / "da.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _fill(blank: Path, out: Path, price: str, convention: str | None = None) -> Path:
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    ws["D5"] = "Lumen Nord"
    values = {"price": price, "power": 32, "rated_life": 50000}
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        if key in values:
            ws[f"D{row}"] = values[key]
    if convention is not None:
        ws["B4"] = convention
    wb.save(out)
    return out


def test_form_of_a_danish_tender_states_da_whatever_the_language(tmp_path: Path) -> None:
    tender = _tender(tmp_path)
    assert main(["form", str(tender), "-o", str(tmp_path / "f.xlsx")]) == 0  # --lang en
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").worksheets[0]
    assert ws["B4"].value == "da"


def test_form_without_a_stated_format_follows_lang(tmp_path: Path) -> None:
    tender = _tender(tmp_path, DANISH_TENDER.replace(", number_format: da", ""))
    for lang in ("en", "da"):
        out = tmp_path / f"f-{lang}.xlsx"
        assert main(["form", str(tender), "-o", str(out), "--lang", lang]) == 0
        assert openpyxl.load_workbook(out).worksheets[0]["B4"].value == lang


def test_danish_grouping_in_the_form_of_a_danish_tender_is_1450_kroner(tmp_path: Path) -> None:
    tender = _tender(tmp_path)
    assert main(["form", str(tender), "-o", str(tmp_path / "blank.xlsx")]) == 0
    filled = _fill(tmp_path / "blank.xlsx", tmp_path / "bid.xlsx", "1.450")
    t = load_tender_with_forms(tender, [filled])
    price = t.spec.bids[0].model_dump()["price"]
    assert tco.units.parse_quantity(str(price)).to("DKK").magnitude == pytest.approx(1450)


def test_form_stating_en_for_a_danish_tender_is_refused_at_b4(tmp_path: Path) -> None:
    tender = _tender(tmp_path)
    assert main(["form", str(tender), "-o", str(tmp_path / "blank.xlsx")]) == 0
    filled = _fill(tmp_path / "blank.xlsx", tmp_path / "bid.xlsx", "1.450", convention="en")
    with pytest.raises(FormError) as caught:
        load_tender_with_forms(tender, [filled])
    message = str(caught.value)
    assert "B4" in message
    assert "'da'" in message and "number_format" in message


def test_form_stating_nothing_takes_the_tenders_format(tmp_path: Path) -> None:
    tender = _tender(tmp_path)
    assert main(["form", str(tender), "-o", str(tmp_path / "blank.xlsx")]) == 0
    filled = _fill(tmp_path / "blank.xlsx", tmp_path / "bid.xlsx", "1.450", convention="")
    t = load_tender_with_forms(tender, [filled])
    price = t.spec.bids[0].model_dump()["price"]
    assert tco.units.parse_quantity(str(price)).to("DKK").magnitude == pytest.approx(1450)


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [
            m
            for name in z.namelist()
            if name.startswith("xl/worksheets/")
            for m in re.findall(r"<f[ >].*?</f>", z.read(name).decode())
        ]


def test_hostile_tender_title_is_text_in_the_form_not_a_formula(tmp_path: Path) -> None:
    tender = _tender(tmp_path, DANISH_TENDER.replace("Belysning", "'=1+1 <b>x</b>'"))
    out = tmp_path / "evil.xlsx"
    assert main(["form", str(tender), "-o", str(out)]) == 0
    assert _formulas(out) == []
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["B1"].data_type == "s"
    assert "=1+1" in str(ws["B1"].value)


def test_decimals_of_a_danish_tenders_form_survive_the_strict_danish_format(
    tmp_path: Path,
) -> None:
    tender = _tender(tmp_path)
    assert main(["form", str(tender), "-o", str(tmp_path / "blank.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    ws = wb.worksheets[0]
    ws["D5"] = "Lumen Nord"
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        if key == "price":
            ws[f"D{row}"] = "1.450,50"  # text, Danish: 1450.5 DKK
        elif key == "power":
            ws[f"D{row}"] = 32.5  # a number cell [W]
            ws[f"C{row}"] = "W"
        elif key == "rated_life":
            ws[f"D{row}"] = 50000
    wb.save(tmp_path / "bid.xlsx")
    t = load_tender_with_forms(tender, [tmp_path / "bid.xlsx"])
    assert t.plan.values["price"][0] == pytest.approx(1450.5)
    # 32.5 W in the plan's units (the year for time): 1 W = 1 kg m^2/s^3 = 31557600^3 kg m^2/year^3.
    assert t.plan.values["power"][0] == pytest.approx(32.5 * 31557600.0**3)
