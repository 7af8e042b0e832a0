"""The tender workbook: written for any model, filled in Excel, read back as a tender.

The expected numbers are the engine's own on the equivalent YAML tender (the
bundled example of each model, whose totals the model tests check against their
published sources): a workbook filled with the same values must give the same
totals and annualised costs to 1e-9 relative.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.cli import main
from tco.errors import FormError, LimitError, OutputError, SpecError, SpecErrors, TCOError
from tco.tender import read_tender
from tco.units import parse_value
from tco.units.registry import names_of
from tco.views.error_text import error_text
from tco.views.tender_workbook import tender_yaml, write_tender_workbook

openpyxl = pytest.importorskip("openpyxl")

MODELS = sorted(tco.tender.bundled_examples().keys() & set(tco.spec.product.bundled_models()))
SHEET = {"da": ("Forudsætninger", "Tilbud"), "en": ("Assumptions", "Bids")}


def _rows(ws: Any) -> dict[str, int]:
    """The row of each key in column A."""
    return {
        str(ws.cell(row=r, column=1).value): r
        for r in range(4, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }


def _text_number(x: float, lang: str) -> str:
    """A number as a buyer types it as text, with thousands marks (``1.450,5`` in Danish)."""
    text = f"{x:,.15g}" if abs(x) >= 1000 or x == int(x) else f"{x:.15g}"
    if "e" in text:  # a tiny number: no grouping, the decimal sign of the language
        text = f"{x:.15g}"
    if lang == "da":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _buyer_value(raw: Any, unit: str, lang: str, turn: int, stated: str | None) -> Any:
    """What a buyer types for a tender value: a number or Danish/English text, in turns."""
    if isinstance(raw, dict):
        return f"basis: {raw['basis']}"
    if isinstance(raw, list):
        return "; ".join(str(_buyer_value(v, "", lang, 1, stated)) for v in raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return raw if turn % 2 == 0 else _text_number(float(raw), lang)
    text = str(raw)
    if not any(ch.isdigit() for ch in text):
        return text  # a word (lifetime, real)
    q = parse_value(text, None, convention=stated)
    if not unit:
        if names_of(q.units):  # a value with its own unit and no unit cell: text with the unit
            return (
                text
                if lang == "en"
                else _text_number(float(q.magnitude), lang) + text[len(text.split(" ", 1)[0]) :]
            )
        return float(q.magnitude) if turn % 2 == 0 else _text_number(float(q.magnitude), lang)
    x = float((q / parse_value(f"1 {unit}", None, convention=lang)).to("dimensionless").magnitude)
    return x if turn % 2 == 0 else _text_number(x, lang)


def _fill_like_buyer(blank: Path, example: Path, lang: str, out: Path) -> Path:
    """Fill a blank workbook with an example tender's values, as a buyer would in Excel."""
    data = read_tender(example).data
    stated = (data.get("assumptions") or {}).get("number_format")
    wb = openpyxl.load_workbook(blank)
    a_ws, b_ws = wb[SHEET[lang][0]], wb[SHEET[lang][1]]
    rows = _rows(a_ws)
    turn = 0
    values: dict[str, Any] = {}
    for key in ("title", "basis"):
        if key in data:
            values[key] = data[key] if isinstance(data[key], str) else ", ".join(data[key])
    for field, raw in (data.get("assumptions") or {}).items():
        if isinstance(raw, dict) and "basis" not in raw:
            for sub, v in raw.items():
                values[f"assumptions.{field}.{sub}"] = v
        else:
            values[f"assumptions.{field}"] = raw
    for name, raw in (data.get("parameters") or {}).items():
        values[f"parameters.{name}"] = raw
    values.pop("assumptions.number_format", None)
    for key, raw in values.items():
        r = rows[key]
        unit = a_ws.cell(row=r, column=4).value or ""
        turn += 1
        cell = a_ws.cell(row=r, column=3)
        if key == "assumptions.discount_rate" and lang == "da" and isinstance(raw, str):
            # a buyer who formats the cell as a percentage: 0.04 shown as 4,00 %
            cell.value = float(parse_value(raw, None).to("dimensionless").magnitude)
            cell.number_format = "0.00%"
            continue
        cell.value = (
            raw if key in ("title", "basis") else _buyer_value(raw, unit, lang, turn, stated)
        )
    b_rows = _rows(b_ws)
    for j, bid in enumerate(data["bids"]):
        col = 6 + j
        b_ws.cell(row=4, column=col).value = bid["name"]
        for name, raw in bid.items():
            if name in ("name", "notes", "quality"):
                continue
            r = b_rows[name]
            unit = b_ws.cell(row=r, column=3).value or ""
            turn += 1
            b_ws.cell(row=r, column=col).value = _buyer_value(raw, unit, lang, turn, stated)
    wb.save(out)
    return out


def _same(a: tco.Result, b: tco.Result) -> None:
    assert a.bids == b.bids
    np.testing.assert_allclose(b.total, a.total, rtol=1e-9, atol=0)
    np.testing.assert_allclose(b.annualised, a.annualised, rtol=1e-9, atol=0)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("model", MODELS)
def test_a_buyer_fills_the_workbook_of_every_model(tmp_path: Path, model: str, lang: str) -> None:
    blank = write_tender_workbook(tco.load_model(model), tmp_path / "blank.xlsx", lang=lang)
    example = tco.example_path(model)
    filled = _fill_like_buyer(blank, example, lang, tmp_path / "udbud.xlsx")
    _same(tco.load_tender(example).evaluate(), tco.load_tender(filled).evaluate())


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("example", sorted(tco.tender.bundled_examples()))
def test_yaml_to_workbook_to_yaml_keeps_the_evaluation(
    tmp_path: Path, example: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tco.example_path(example)
    book, back = tmp_path / "udbud.xlsx", tmp_path / "udbud.yaml"
    assert main(["workbook", str(src), "-o", str(book), "--lang", lang]) == 0
    assert main(["workbook", str(book), "--to-yaml", "-o", str(back)]) == 0
    original = tco.load_tender(src).evaluate()
    _same(original, tco.load_tender(book).evaluate())
    _same(original, tco.load_tender(back).evaluate())
    capsys.readouterr()
    assert main(["compare", str(book), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    totals = {b["bid"]: b["total"] for b in shown["bids"]}
    assert totals == pytest.approx(dict(zip(original.bids, original.total.tolist(), strict=True)))


def test_the_danish_workbook_speaks_danish(tmp_path: Path) -> None:
    out = write_tender_workbook(tco.load_model("indoor-lighting"), tmp_path / "u.xlsx", lang="da")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Vejledning", "Forudsætninger", "Tilbud"]
    a = wb["Forudsætninger"]
    rows = _rows(a)
    hours = rows["parameters.operating_hours"]
    assert a.cell(row=hours, column=2).value == "Driftstimer"
    assert a.cell(row=hours, column=4).value == "h/år"  # the unit in Danish
    assert a.cell(row=hours, column=5).value  # the model's default
    assert a.cell(row=rows["assumptions.discount_rate"], column=2).value == "Kalkulationsrente"
    assert a.cell(row=rows["assumptions.escalation.electricity"], column=4).value == "%/år"
    b = wb["Tilbud"]
    b_rows = _rows(b)
    assert b.cell(row=b_rows["price"], column=3).value == "DKK"
    validations = b.data_validations.dataValidation
    titles = {dv.promptTitle for dv in validations}
    label = b.cell(row=b_rows["power"], column=2).value
    assert label in titles and "power" not in titles  # Danish labels, not parameter ids
    assert all("værdien skal være" in dv.error for dv in validations)
    guide = " ".join(str(c.value) for c in wb["Vejledning"]["A"] if c.value)
    assert "kolonne C" in guide and "1.450,50" in guide and "tco compare" in guide


def test_every_assumption_field_of_the_schema_has_a_row(tmp_path: Path) -> None:
    from tco.spec.schema import AssumptionsSpec

    out = write_tender_workbook(tco.load_model("van"), tmp_path / "u.xlsx")
    keys = set(_rows(openpyxl.load_workbook(out)["Assumptions"]))
    scalar = {k for k, v in AssumptionsSpec().model_dump().items() if not isinstance(v, dict)}
    assert {f"assumptions.{k}" for k in scalar} <= keys


def _book(tmp_path: Path, lang: str = "da") -> Path:
    return write_tender_workbook(
        tco.load_tender(tco.example_path("indoor-lighting")), tmp_path / "udbud.xlsx", lang=lang
    )


def _edit(path: Path, sheet: str, ref: str, value: Any, number_format: str | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    wb[sheet][ref] = value
    if number_format:
        wb[sheet][ref].number_format = number_format
    wb.save(path)
    return path


def _cell(path: Path, sheet: str, key: str, column: int = 6) -> str:
    ws = openpyxl.load_workbook(path)[sheet]
    from tco.io.tender_workbook import get_column_letter

    return f"{get_column_letter(column)}{_rows(ws)[key]}"


def test_a_formula_in_a_cell_is_refused_with_its_cell(tmp_path: Path) -> None:
    book = _book(tmp_path)
    _edit(book, "Tilbud", "F4", '=HYPERLINK("http://example.invalid","Nord")')
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert (info.value.sheet, info.value.cell) == ("Tilbud", "F4")
    assert "formel" in error_text(info.value, "da")


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://example.invalid","x")', "+cmd|' /C calc'!A0", "Nord\x9b31m\u202eRød\tA/S"],
)
def test_hostile_text_in_a_name_stays_text(tmp_path: Path, name: str) -> None:
    book = _book(tmp_path)
    wb = openpyxl.load_workbook(book)
    cell = wb["Tilbud"]["F4"]
    cell.value = name
    cell.data_type = "s"  # typed as text: Excel keeps it as text
    wb.save(book)
    tender = tco.load_tender(book)
    assert tender.bids[0] == name.strip()
    out = tmp_path / "res.xlsx"
    assert main(["compare", str(book), "--xlsx", str(out)]) == 0
    for ws in openpyxl.load_workbook(out).worksheets:
        for row in ws.iter_rows():
            # never a formula in the result, but tco's own on the calculation sheet, without the name
            live = ws.title == "Calculation"
            assert all(c.data_type != "f" or (live and name not in c.value) for c in row)


def test_hostile_text_in_a_value_cell_is_refused_at_its_cell(tmp_path: Path) -> None:
    book = _book(tmp_path)
    ref = _cell(book, "Tilbud", "price")
    wb = openpyxl.load_workbook(book)
    wb["Tilbud"][ref].value = "+cmd|' /C calc'!A0"
    wb["Tilbud"][ref].data_type = "s"
    wb.save(book)
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert (info.value.sheet, info.value.cell) == ("Tilbud", ref)


def _replace_in_xml(book: Path, out: Path, old: bytes, new: bytes) -> Path:
    """Rewrite the workbook's XML as a hostile file would (openpyxl caps what it writes)."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item.filename).replace(old, new))
    return out


@pytest.mark.parametrize("kind", ["repeated", "random"])
def test_a_10_mb_cell_is_refused_before_parsing(tmp_path: Path, kind: str) -> None:
    book = _edit(_book(tmp_path), "Tilbud", "F5", "BIGNOTE")
    rng = np.random.default_rng(1)
    big = (
        b"A" * (10 * 1024 * 1024)
        if kind == "repeated"
        else bytes(rng.integers(65, 91, 10 * 1024 * 1024, dtype=np.uint8))
    )
    hostile = _replace_in_xml(book, tmp_path / "big.xlsx", b"BIGNOTE", big)
    with pytest.raises(LimitError) as info:
        tco.load_tender(hostile)
    assert str(hostile) in str(info.value)
    assert not error_text(info.value, "da").isascii() or "byte" in error_text(info.value, "da")


def test_too_many_rows_or_columns_are_refused(tmp_path: Path) -> None:
    book = _book(tmp_path)
    _edit(book, "Tilbud", "B5000", "x")
    with pytest.raises(LimitError, match="more than 1000 rows"):
        tco.load_tender(book)
    book = _book(tmp_path)
    _edit(book, "Tilbud", "ZZ4", "Bid far away")  # column 702: beyond F + 500 bids
    with pytest.raises(LimitError) as info:
        tco.load_tender(book)
    assert info.value.cell == "ZZ4"  # the value beyond the cap, named
    assert "500" in error_text(info.value, "da") and "udbudsark" in error_text(info.value, "da")


def test_a_control_character_in_the_xml_is_refused(tmp_path: Path) -> None:
    # XML 1.0 does not allow ESC even as a character reference: the file is not a workbook.
    book = _edit(_book(tmp_path), "Tilbud", "F4", "NORDMARK")
    raw = _replace_in_xml(book, tmp_path / "raw.xlsx", b"NORDMARK", b"NORD&#x1b;[31mMARK")
    with pytest.raises(FormError) as info:
        tco.load_tender(raw)
    assert str(raw) in str(info.value)
    assert "Excel-projektmappe" in error_text(info.value, "da")


def test_a_c1_control_character_in_a_name_is_text_and_escaped_in_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # C1 controls (CSI U+009B) are legal XML: the name is kept as text and shown escaped.
    book = _edit(_book(tmp_path), "Tilbud", "F4", "Nord\x9b31mRød")
    assert tco.load_tender(book).bids[0] == "Nord\x9b31mRød"
    capsys.readouterr()
    assert main(["compare", str(book)]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out and "Nord\\x9b31mRød" in out


def test_a_danish_thousands_mark_under_en_is_refused_with_both_readings(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="en")
    ref = _cell(book, "Bids", "price")
    _edit(book, "Bids", ref, "1.450")
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    err = info.value
    assert (err.sheet, err.cell) == ("Bids", ref)
    assert "1.45" in str(err) and "1450" in str(err)
    assert "1.45" in error_text(err, "da") and "1450" in error_text(err, "da")


def test_danish_text_numbers_read_in_the_danish_workbook(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    ref = _cell(book, "Tilbud", "price")
    _edit(book, "Tilbud", ref, "1.450,50 kr.")
    tender = tco.load_tender(book)
    assert tender.spec.bids[0].values["price"] == "1450.5 DKK"


def test_a_wrong_unit_is_reported_at_sheet_and_cell_in_danish(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    ref = _cell(book, "Tilbud", "power")
    _edit(book, "Tilbud", ref, "38 kg")
    with pytest.raises(SpecError) as info:
        tco.load_tender(book)
    err = info.value.errors[0] if isinstance(info.value, SpecErrors) else info.value
    assert isinstance(err, FormError)
    assert (err.sheet, err.cell) == ("Tilbud", ref)
    danish = error_text(err, "da")
    assert f"ark 'Tilbud', celle {ref}" in danish
    assert "38 kg" in danish and "fik" in danish
    # the command line says the same, in Danish, without a traceback
    assert main(["compare", str(book), "--lang", "da"]) == 2


def test_an_assumption_error_points_at_its_cell(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    ref = _cell(book, "Forudsætninger", "assumptions.discount_rate", column=3)
    _edit(book, "Forudsætninger", ref, "fire procent 4")
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert (info.value.sheet, info.value.cell) == ("Forudsætninger", ref)


def test_bid_forms_are_read_into_the_workbook_tender(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    form = tmp_path / "nord.xlsx"
    assert main(["form", str(book), "-o", str(form), "--lang", "da"]) == 0
    wb = openpyxl.load_workbook(form)
    ws = wb["Bud"]
    ws["D5"] = "Nord A/S"
    for row in range(9, ws.max_row + 1):
        key = ws[f"A{row}"].value
        value = {"price": "1.450,50", "power": 32, "rated_life": 50000}.get(key)
        if value is not None:
            ws[f"D{row}"] = value
    wb.save(form)
    from tco.views.form import load_tender_with_forms

    tender = load_tender_with_forms(book, [form])
    assert tender.bids == ("Nord A/S",)
    # the same tender written in YAML, with the bid the form holds
    data = read_tender(tco.example_path("indoor-lighting")).data
    data["bids"] = [
        {"name": "Nord A/S", "price": "1450.5 DKK", "power": "32 W", "rated_life": "50000 h"}
    ]
    _same(tco.load_tender(data).evaluate(), tender.evaluate())
    assert main(["compare", str(book), "--bids", str(form)]) == 0
    # the forms' bids written into a workbook, which then ranks them on its own
    filled = tmp_path / "med-tilbud.xlsx"
    assert main(["workbook", str(book), "--bids", str(form), "-o", str(filled)]) == 0
    assert tco.load_tender(filled).bids == ("Nord A/S",)
    _same(tender.evaluate(), tco.load_tender(filled).evaluate())


def test_a_blank_bid_column_is_no_bid_and_a_blank_value_takes_the_default(tmp_path: Path) -> None:
    out = write_tender_workbook(tco.load_model("indoor-lighting"), tmp_path / "u.xlsx", lang="da")
    wb = openpyxl.load_workbook(out)
    ws, a = wb["Tilbud"], wb["Forudsætninger"]
    rows, a_rows = _rows(ws), _rows(a)
    a.cell(row=a_rows["assumptions.period"], column=3).value = 15
    a.cell(row=a_rows["assumptions.quantity"], column=3).value = 200
    ws["G4"] = "Nord A/S"  # the second column; the first (F) is left blank
    for key, value in {"price": "1.450,50", "power": 32, "rated_life": 50000}.items():
        ws.cell(row=rows[key], column=7).value = value
    wb.save(out)
    tender = tco.load_tender(out)
    assert tender.bids == ("Nord A/S",)
    # the same tender in YAML: every assumption and buyer parameter left out takes the default
    same = tco.load_tender(
        {
            "model": "indoor-lighting",
            "assumptions": {"period": "15 year", "quantity": 200},
            "bids": [
                {
                    "name": "Nord A/S",
                    "price": "1450.5 DKK",
                    "power": "32 W",
                    "rated_life": "50000 h",
                }
            ],
        }
    )
    _same(same.evaluate(), tender.evaluate())


def test_a_value_in_a_hidden_bid_column_is_refused(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    wb = openpyxl.load_workbook(book)
    wb["Tilbud"].column_dimensions["H"].hidden = True  # the third bid, out of sight
    wb.save(book)
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert info.value.sheet == "Tilbud" and str(info.value.cell).startswith("H")
    assert "kolonne H" in error_text(info.value, "da")


def test_tco_validate_checks_a_workbook_and_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _book(tmp_path, lang="da")
    capsys.readouterr()
    assert main(["validate", str(book), "--lang", "da"]) == 0
    assert "indoor-lighting" in capsys.readouterr().out
    ref = _cell(book, "Tilbud", "power")
    _edit(book, "Tilbud", ref, "38 kg")
    assert main(["validate", str(book), "--lang", "da"]) == 2
    said = capsys.readouterr().err
    assert f"ark 'Tilbud', celle {ref}" in said and "fik '38 kg'" in said


def test_a_changed_unit_cell_is_honoured(tmp_path: Path) -> None:
    # power typed in kW in a row whose unit cell the buyer changed from W to kW
    book = _book(tmp_path, lang="da")
    wb = openpyxl.load_workbook(book)
    ws = wb["Tilbud"]
    r = _rows(ws)["power"]
    ws.cell(row=r, column=3).value = "kW"
    for col, watts in zip((6, 7, 8), (32, 41, 27), strict=True):  # the example's 32, 41, 27 W
        ws.cell(row=r, column=col).value = watts / 1000
    wb.save(book)
    _same(
        tco.load_tender(tco.example_path("indoor-lighting")).evaluate(),
        tco.load_tender(book).evaluate(),
    )


def _mistakes(tmp_path: Path) -> dict[str, Path]:
    """Workbooks with one mistake each, as a buyer makes them."""
    out: dict[str, Path] = {}
    (tmp_path / "s").mkdir()
    renamed = _book(tmp_path / "s")
    wb = openpyxl.load_workbook(renamed)
    wb["Tilbud"].title = "Bud"
    wb.save(renamed)
    out["renamed sheet"] = renamed
    for name, (sheet, key, column, value, fmt) in {
        "percent in a unit row": ("Tilbud", "price", 6, 0.5, "0%"),
        "no name": ("Tilbud", "name", 6, None, None),
        "bad number format": ("Forudsætninger", "assumptions.number_format", 3, "de", None),
        "hidden formula": ("Forudsætninger", "assumptions.quantity", 3, "=100*2", None),
    }.items():
        (tmp_path / name).mkdir()
        book = _book(tmp_path / name)
        ws_rows = _rows(openpyxl.load_workbook(book)[sheet])
        from tco.io.tender_workbook import get_column_letter

        _edit(book, sheet, f"{get_column_letter(column)}{ws_rows[key]}", value, fmt)
        out[name] = book
    return out


def test_every_workbook_mistake_reads_in_danish(tmp_path: Path) -> None:
    from test_errors_danish import english_words

    for what, book in _mistakes(tmp_path).items():
        with pytest.raises(TCOError) as info:
            tco.load_tender(book)
        errs = info.value.errors if isinstance(info.value, SpecErrors) else [info.value]
        for err in errs:
            danish = error_text(err, "da")
            field = getattr(err, "field", None)  # the model's parameter id, not translated
            words = english_words(danish.replace(f"({field})", ""), err)
            assert not words, (what, danish)
            assert str(book) in danish, (what, danish)
            assert err.expected, (what, str(err))  # what was expected, named


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_workbook_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    # A buyer opens the workbook in a spreadsheet program and saves it: the file is rewritten
    # by that program (its own XML, styles and shared strings), and must read the same.
    book = _book(tmp_path, lang="da")
    out = tmp_path / "saved"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    saved = out / "udbud.xlsx"
    assert saved.read_bytes() != book.read_bytes()
    _same(
        tco.load_tender(tco.example_path("indoor-lighting")).evaluate(),
        tco.load_tender(saved).evaluate(),
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_bare_fractions_for_rates_keep_their_meaning(tmp_path: Path, lang: str) -> None:
    # A tender may write a rate as a bare fraction (0.04 is 4 %, as the value grammar reads an
    # unambiguous bare rate); the workbook's row is in %, so the cell must hold 4, not 0.04.
    data = read_tender(tco.example_path("indoor-lighting")).data
    data["assumptions"] = {
        **data["assumptions"],
        "discount_rate": 0.04,
        "escalation": {"electricity": [0.0167, "2 %/year", 0.25, *[0.01] * 12]},  # 15 years
    }
    path = tmp_path / "brøk.yaml"
    path.write_text(tender_yaml(data), encoding="utf-8")
    book = tmp_path / "udbud.xlsx"
    assert main(["workbook", str(path), "-o", str(book), "--lang", lang]) == 0
    ws = openpyxl.load_workbook(book)[SHEET[lang][0]]
    rows = _rows(ws)
    assert ws.cell(row=rows["assumptions.discount_rate"], column=3).value == 4
    _same(tco.load_tender(path).evaluate(), tco.load_tender(book).evaluate())


def test_a_bid_key_the_workbook_cannot_hold_is_refused_not_dropped(tmp_path: Path) -> None:
    # A key a bid carries beside its parameters (here made up) would be lost in the workbook,
    # and the workbook would rank differently from its tender: refused, in Danish too.
    data = read_tender(tco.example_path("indoor-lighting")).data
    data["bids"][0]["price_clause"] = "2 %/year"
    with pytest.raises(OutputError) as info:
        write_tender_workbook(
            tco.load_model("indoor-lighting"), tmp_path / "u.xlsx", lang="da", raw=data
        )
    assert "bids.price_clause" in str(info.value)
    assert "udbudsark" in error_text(info.value, "da")
    assert not (tmp_path / "u.xlsx").exists()


# -- no English ids visible (issue 24): column A hidden, each row's label checked ---------


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_ids_are_hidden_and_each_row_is_labelled(tmp_path: Path, lang: str) -> None:
    out = write_tender_workbook(tco.load_model("indoor-lighting"), tmp_path / "u.xlsx", lang=lang)
    wb = openpyxl.load_workbook(out)
    for sheet in SHEET[lang]:
        ws = wb[sheet]
        assert ws.column_dimensions["A"].hidden, sheet  # the ids are out of sight
        for key, r in _rows(ws).items():  # every id's row shows a label in column B
            assert ws.cell(row=r, column=2).value, (sheet, key)
    a, b = wb[SHEET[lang][0]], wb[SHEET[lang][1]]
    shown = {str(c.value) for col in "BCDEFGH" for c in a[col] if c.value is not None}
    assert "assumptions.discount_rate" not in shown and "discount_rate" not in shown
    label = {"da": "Kalkulationsrente", "en": "Discount rate"}[lang]
    assert a.cell(row=_rows(a)["assumptions.discount_rate"], column=2).value == label
    assert b.cell(row=_rows(b)["power"], column=2).value == {"da": "Effekt", "en": "Power"}[lang]


def _swap(book: Path, sheet: str, first: str, second: str) -> tuple[str, str]:
    """Swap the hidden ids of two rows (as a hostile hand would); the labels' cells."""
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    rows = _rows(ws)
    ws.cell(row=rows[first], column=1).value = second
    ws.cell(row=rows[second], column=1).value = first
    wb.save(book)
    return f"B{rows[first]}", f"B{rows[second]}"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_swapped_assumption_ids_are_refused_at_the_label(tmp_path: Path, lang: str) -> None:
    # Kalkulationsrente 4 % and Inflation swapped: read by the ids, 4 % would be the inflation.
    book = _book(tmp_path, lang=lang)
    sheet = SHEET[lang][0]
    first, second = _swap(book, sheet, "assumptions.discount_rate", "assumptions.inflation")
    with pytest.raises(SpecErrors) as info:
        tco.load_tender(book)
    errors = info.value.errors
    assert {(e.sheet, e.cell) for e in errors} == {(sheet, first), (sheet, second)}
    assert all(isinstance(e, FormError) for e in errors)
    said = error_text(errors[0], "da")
    label = {"da": "Kalkulationsrente", "en": "Discount rate"}[lang]  # the row shown
    assert "rækkens betegnelse" in said and "'tco workbook'" in said and label in said
    assert f"the row's label '{label}' is not the label of" in error_text(errors[0], "en")


def test_swapped_bid_ids_are_refused_at_the_label_in_danish(tmp_path: Path) -> None:
    # Effekt (32 W) and levetid swapped would read a power of 50000 h: refused at the labels.
    book = _book(tmp_path, lang="da")
    first, _ = _swap(book, "Tilbud", "power", "rated_life")
    with pytest.raises(SpecErrors) as info:
        tco.load_tender(book)
    by_cell = {e.cell: e for e in info.value.errors}
    assert set(by_cell) >= {first}
    said = error_text(by_cell[first], "da")
    assert "rækkens betegnelse 'Effekt' er ikke betegnelsen for rated_life" in said
    assert by_cell[first].sheet == "Tilbud"


def test_a_changed_label_is_refused_and_a_hidden_label_column_too(tmp_path: Path) -> None:
    book = _book(tmp_path, lang="da")
    ref = _cell(book, "Tilbud", "price", column=2)
    _edit(book, "Tilbud", ref, "Pris pr. stk. inkl. moms")
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert (info.value.sheet, info.value.cell) == ("Tilbud", ref)
    book = _book(tmp_path, lang="da")
    wb = openpyxl.load_workbook(book)
    wb["Tilbud"].column_dimensions["B"].hidden = True  # only the ids may be hidden
    wb.save(book)
    with pytest.raises(FormError) as info:
        tco.load_tender(book)
    assert str(info.value.cell).startswith("B")


def test_swapped_ids_are_refused_also_with_bid_forms(tmp_path: Path) -> None:
    from tco.views.form import load_tender_with_forms

    book = _book(tmp_path, lang="da")
    form = tmp_path / "nord.xlsx"
    assert main(["form", str(book), "-o", str(form), "--lang", "da"]) == 0
    wb = openpyxl.load_workbook(form)
    ws = wb["Bud"]
    ws["D5"] = "Nord A/S"
    for row in range(9, ws.max_row + 1):
        value = {"price": "1.450,50", "power": 32, "rated_life": 50000}.get(ws[f"A{row}"].value)
        if value is not None:
            ws[f"D{row}"] = value
    wb.save(form)
    first, _ = _swap(book, "Forudsætninger", "assumptions.discount_rate", "assumptions.inflation")
    with pytest.raises(SpecError) as info:
        load_tender_with_forms(book, [form])
    errors = info.value.errors if isinstance(info.value, SpecErrors) else [info.value]
    assert ("Forudsætninger", first) in {(getattr(e, "sheet", None), e.cell) for e in errors}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_round_trip_with_hidden_ids_equals_the_yaml_tender(tmp_path: Path, lang: str) -> None:
    # The workbook, opened and saved with its ids hidden, reads as the YAML tender: same
    # mapping and the same totals (the engine's own on the YAML, to 1e-9 relative).
    src = tco.example_path("indoor-lighting")
    book = tmp_path / "udbud.xlsx"
    assert main(["workbook", str(src), "-o", str(book), "--lang", lang]) == 0
    wb = openpyxl.load_workbook(book)
    assert wb[SHEET[lang][0]].column_dimensions["A"].hidden
    wb.save(book)  # saved again by a spreadsheet library: the hidden column stays hidden
    _same(tco.load_tender(src).evaluate(), tco.load_tender(book).evaluate())
    back = tmp_path / "udbud.yaml"
    assert main(["workbook", str(book), "--to-yaml", "-o", str(back)]) == 0
    _same(tco.load_tender(src).evaluate(), tco.load_tender(back).evaluate())
