"""A bid form's problems read in Danish: every one has a message in the catalogue.

The static test finds every place that raises a form problem (in :mod:`tco.io.xlsx`,
:mod:`tco.io.forms` and :mod:`tco.spec.forms`) and asserts it names its message; the
others raise a sample of hostile forms and read the Danish text for English words.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from tco.errors import FormError
from tco.locale import keys
from tco.locale import translated as catalogued
from tco.views.error_text import error_text, translated

openpyxl = pytest.importorskip("openpyxl")

_HERE = Path(__file__).resolve().parent
_SRC = _HERE.parents[1] / "src" / "tco"


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


forms = _load("_hostile_forms", _HERE / "test_forms.py")
danish = _load("_errors_danish", _HERE.parent / "test_errors_danish.py")


def _unnamed(path: Path) -> list[str]:
    """The lines where a form problem is made without naming its message.

    Besides the error classes (:func:`test_errors_danish.unspoken`), a reader's
    ``fail(...)`` must say its message (``says=``) or reword one (``like=``).
    """
    builders = ("_refuse", "fail")  # they build an error for their callers
    out: list[str] = danish.unspoken(path, also=frozenset({"_refuse"}), builders=builders)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        name = isinstance(node, ast.Call) and getattr(node.func, "attr", None)
        if name == "fail" and not {k.arg for k in node.keywords} & {"says", "like"}:
            out.append(f"{path.parent.name}/{path.name}:{node.lineno}")
    return out


def test_every_form_problem_names_its_message() -> None:
    files = [
        _SRC / "io" / "xlsx.py",
        _SRC / "io" / "forms.py",
        _SRC / "io" / "form_book.py",
        _SRC / "io" / "basket_forms.py",
        _SRC / "spec" / "forms.py",
        _SRC / "views" / "basket_form.py",
    ]
    assert [where for f in files for where in _unnamed(f)] == []


def test_every_form_message_has_both_languages() -> None:
    form = keys("form_")
    assert len(form) > 20
    for key in form:
        assert catalogued(key, "en") and catalogued(key, "da"), key


def _formula(wb: Any) -> None:
    wb.worksheets[0]["D10"] = "=1450*2"


def _hide_row(wb: Any) -> None:
    wb.worksheets[0].row_dimensions[10].hidden = True


def _two_sheets(wb: Any) -> None:
    wb.create_sheet("Bud" if wb.worksheets[0].title == "Bid" else "Bid")


def _unit_kg(wb: Any) -> None:
    ws = wb.worksheets[0]
    ws[f"C{forms._row(ws, 'power')}"] = "kg"


def _unit_blank(wb: Any) -> None:
    ws = wb.worksheets[0]
    ws[f"C{forms._row(ws, 'power')}"] = None


def _convention(wb: Any) -> None:
    wb.worksheets[0]["B4"] = "fr"


def _date(wb: Any) -> None:
    import datetime

    wb.worksheets[0]["D10"] = datetime.datetime(2026, 1, 1)


def _twice(wb: Any) -> None:
    ws = wb.worksheets[0]
    ws["A12"], ws["D12"] = "power", 40


def _many_rows(wb: Any) -> None:
    wb.worksheets[0]["D1200"] = "x"


HOSTILE = {
    "formula": _formula,
    "hidden-row": _hide_row,
    "two-sheets": _two_sheets,
    "unit-of-another-kind": _unit_kg,
    "unit-cell-cleared": _unit_blank,
    "unknown-convention": _convention,
    "a-date": _date,
    "parameter-twice": _twice,
    "too-many-rows": _many_rows,
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_form_problems_read_in_danish(tmp_path: Path, case: str) -> None:
    path = forms._form(tmp_path, forms.NORD, lang="da", edit=HOSTILE[case])
    with pytest.raises(FormError) as info:
        forms._bid(path)
    err = info.value
    problems = getattr(err, "errors", [err])
    for problem in problems:
        text = error_text(problem, "da")
        assert translated(problem, "da"), f"{case}: {text}"
        words = re.sub(r"\b[A-Z]+\d+\b", " ", text)  # cell references such as A10
        assert not danish.english_words(words, problem), f"{case}: {text}"
        assert text.startswith(f"{path}: "), text


def test_a_file_that_is_no_workbook_reads_in_danish(tmp_path: Path) -> None:
    bad = tmp_path / "bid.xlsx"
    bad.write_text("name;price\n", encoding="utf-8")
    with pytest.raises(FormError) as info:
        forms._bid(bad)
    assert error_text(info.value, "da") == (
        f"{bad}: ikke en Excel-projektmappe (.xlsx): filen er ikke et zip-arkiv; gem skemaet i "
        "Excel som 'Excel-projektmappe (.xlsx)'"
    )
