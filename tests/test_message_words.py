"""The words an error's message is built from are the catalogue's, not Danish at the raise site.

An error names its message and the facts it carries (``.speaks(id, **params)``); a word of
the message (a kind of value, a row of a form, why the service is busy) is a
:class:`tco.locale.Word`, translated from the gettext catalogue where the message is shown,
so a third language translates it as Danish does. The Danish shown is unchanged.
"""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from babel.messages.pofile import read_po

import tco
from tco.errors import FormError, ModelNotFoundError, TCOError, YAMLError
from tco.locale import GROUPS, LOCALE_DIR, TRANSLATED, Word
from tco.service.answers import busy_error
from tco.service.pool import PoolBusy
from tco.views.error_text import error_text
from tco.views.form import read_form, write_form

LIGHTING = tco.load_model("indoor-lighting")


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_uses_a_field_in_danish(lang: str) -> None:
    # A field only the Danish uses, filled in Danish at the raise site ('{kind_da}': "en
    # liste"), cannot be said by another language: the raise site gives the English word
    # and the catalogue translates it.
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "tco.po").open("rb") as f:
        catalogue = read_po(f, locale=lang)
    own = {
        m.context: sorted(f for f in _fields(m.string) - _fields(m.id) if f.endswith("_da"))
        for m in catalogue
        if m.id and m.string and isinstance(m.id, str) and isinstance(m.string, str)
    }
    assert {k: v for k, v in own.items() if v} == {}


def _no_danish_params(err: TCOError) -> None:
    assert not [k for k in err.params if k.endswith("_da")], err.params
    assert any(isinstance(v, Word) for v in err.params.values()), err.params
    for v in err.params.values():
        if isinstance(v, Word):
            assert v.context in GROUPS  # a kind of word, with many messages
            assert pickle.loads(pickle.dumps(v)).text("da") == v.text("da")  # crosses processes


def test_the_top_level_kind(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("- a\n- b\n", "utf-8")
    with pytest.raises(YAMLError) as info:
        tco.load_tender(path)
    _no_danish_params(info.value)
    assert str(info.value).endswith(
        "the top level is a list, but it must be a mapping of keys to values"
    )
    assert error_text(info.value, "da").endswith(
        "øverste niveau er en liste, men skal være nøgler med værdier"
    )


def test_the_bundled_file_kind() -> None:
    with pytest.raises(ModelNotFoundError) as info:
        tco.example_path("indoor-lightning")
    _no_danish_params(info.value)
    assert str(info.value).startswith(
        "no example 'indoor-lightning' (did you mean 'indoor-lighting'"
    )
    assert error_text(info.value, "da").startswith(
        "intet eksempel 'indoor-lightning' (mente du 'indoor-lighting'"
    )


@pytest.mark.parametrize(
    ("reason", "en", "da"),
    [
        ("full", "its queue is full", "køen er fuld"),
        ("waited", "the request waited too long", "forespørgslen ventede for længe"),
    ],
)
def test_why_the_service_is_busy(reason: str, en: str, da: str) -> None:
    err = busy_error(PoolBusy(reason, 3))
    _no_danish_params(err)
    assert str(err) == f"the service is busy ({en}); try again in 3 s"
    assert error_text(err, "da") == f"tjenesten har travlt ({da}); prøv igen om 3 s"


def _form(tmp_path: Path, edit: Any) -> Path:
    blank = write_form(LIGHTING, tmp_path / "blank.xlsx", lang="en")
    wb = openpyxl.load_workbook(blank)
    edit(wb)
    out = tmp_path / "bid.xlsx"
    wb.save(out)
    return out


@pytest.mark.parametrize(
    ("hide", "en", "da"),
    [
        (lambda ws: setattr(ws.row_dimensions[5], "hidden", True), "row 5", "række 5"),
        (lambda ws: setattr(ws.column_dimensions["D"], "hidden", True), "column D", "kolonne D"),
    ],
)
def test_the_hidden_row_or_column_of_a_form(tmp_path: Path, hide: Any, en: str, da: str) -> None:
    form = _form(tmp_path, lambda wb: hide(wb["Bid"]))
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    _no_danish_params(info.value)
    assert f": {en} is hidden, so the value read" in str(info.value)
    assert re.search(f": {da} er skjult, så den værdi, der læses", error_text(info.value, "da"))


def test_the_sheets_a_form_may_have(tmp_path: Path) -> None:
    form = _form(tmp_path, lambda wb: setattr(wb["Bid"], "title", "Mine"))
    with pytest.raises(FormError) as info:
        read_form(form, LIGHTING)
    _no_danish_params(info.value)
    assert "no sheet 'Bid' or 'Bud'; the workbook has 'Mine'" in str(info.value)
    assert "intet ark 'Bid' eller 'Bud'; projektmappen har 'Mine'" in error_text(info.value, "da")
