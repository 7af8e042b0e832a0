"""One helper imports every optional dependency and names the extra that installs it."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

import tco
from tco.cli.main import main
from tco.errors import MissingExtraError, OutputError
from tco.io.optional import require
from tco.views.error_text import error_text


def test_missing_module_names_the_distribution_and_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    with pytest.raises(MissingExtraError) as info:
        require("docx", "annex")
    err = info.value
    # The distribution on the package index is tco-lcc; 'tco' there is another project.
    assert str(err) == "this needs docx: pip install 'tco-lcc[annex]'"
    assert error_text(err, "da") == "dette kræver docx: pip install 'tco-lcc[annex]'"
    # Callers that know only the built-in (or only tco's output errors) still catch it.
    assert isinstance(err, ImportError) and isinstance(err, OutputError)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is MissingExtraError and str(again) == str(err)


def test_annex_without_python_docx_says_the_right_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    out = tmp_path / "annex.docx"
    code = main(["annex", str(tco.example_path("indoor-lighting")), "-o", str(out)])
    assert code != 0 and not out.exists()
    assert "pip install 'tco-lcc[annex]'" in capsys.readouterr().err


def test_to_frame_without_pandas_is_an_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    result = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"tco-lcc\[pandas\]"):
        result.to_frame()


def test_bid_form_without_openpyxl_says_the_excel_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tco.views.form import read_form, write_form

    model = tco.load_model("indoor-lighting")
    form = tmp_path / "bid.xlsx"
    write_form(model, form)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'tco-lcc\[excel\]'"):
        read_form(form, model)


def test_serve_without_fastapi_says_the_service_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    assert main(["serve", "--port", "0"]) != 0
    assert "pip install 'tco-lcc[service]'" in capsys.readouterr().err
