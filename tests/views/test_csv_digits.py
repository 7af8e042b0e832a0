"""CSV numbers have 12 significant digits: float noise (32804.99999999999) disappears."""

from __future__ import annotations

import csv
import io
import re

import pytest

import tco
from tco.views.table import result_csv


@pytest.mark.parametrize(("lang", "sep", "dec"), [("en", ",", "."), ("da", ";", ",")])
def test_csv_numbers_have_12_significant_digits(lang: str, sep: str, dec: str) -> None:
    result = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    rows = list(csv.reader(io.StringIO(result_csv(result, lang)), delimiter=sep))[1:]
    summary = result.summary()
    keys = list(summary[0])
    for row, want in zip(rows, summary, strict=True):
        for key, cell in zip(keys, row, strict=True):
            value = want[key]
            if isinstance(value, float):
                assert "e" not in cell.lower()
                digits = re.sub(r"\D", "", cell).lstrip("0")
                assert len(digits) <= 12, (key, cell)
                assert float(cell.replace(dec, ".")) == pytest.approx(value, rel=1e-11)
    assert rows[0][keys.index("co2e_kg")] == "32805"


@pytest.mark.parametrize(("lang", "shown"), [("en", "32805"), ("da", "32805")])
def test_float_noise_disappears_from_a_csv_cell(lang: str, shown: str) -> None:
    from tco.views.table import csv_number

    # A float sum such as 32804.99999999999 kg is 32805 kg at 12 significant digits.
    assert csv_number(32804.99999999999, lang) == shown
    assert csv_number(813448.9412322416, lang) == (
        "813448.941232" if lang == "en" else "813448,941232"
    )


@pytest.mark.parametrize(("lang", "sep"), [("en", ","), ("da", ";")])
def test_portfolio_csv_numbers_have_12_significant_digits(lang: str, sep: str) -> None:
    from tco.analysis.portfolio import Portfolio, tender_row
    from tco.views.portfolio import portfolio_csv

    row = tender_row(str(tco.example_path("van")))
    floats = {k for k, v in row.items() if isinstance(v, float)}
    assert any(len(re.sub(r"\D", "", repr(row[k])).lstrip("0")) > 12 for k in floats)
    text = portfolio_csv(Portfolio((row,), 1, 0.0), lang)
    head, cells = list(csv.reader(io.StringIO(text), delimiter=sep))
    for key, cell in zip(head, cells, strict=True):
        if key in floats:
            assert len(re.sub(r"\D", "", cell).lstrip("0")) <= 12, (key, cell)
            read = float(cell.replace(",", ".")) if lang == "da" else float(cell)
            assert read == pytest.approx(row[key], rel=1e-11)
