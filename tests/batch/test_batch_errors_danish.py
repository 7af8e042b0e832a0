"""The batch API's and the HTTP service's errors read in Danish under ``da``.

The static test finds every place in :mod:`tco.batch` and :mod:`tco.service`
that makes a :class:`~tco.errors.TCOError` and asserts it names its message
(:meth:`~tco.errors.TCOError.speaks`); the others raise a sample of the batch
API's mistakes, and the language arguments', and read the Danish text for
English words (the words of ``tests/test_errors_danish.py``).
"""

from __future__ import annotations

import importlib.util
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.batch import evaluate_batch
from tco.errors import OutputError, SpecError, SpecErrors, TCOError
from tco.locale import keys
from tco.locale import translated as catalogued
from tco.views.error_text import error_text, translated

_HERE = Path(__file__).resolve().parent
_SRC = _HERE.parents[1] / "src" / "tco"

_spec = importlib.util.spec_from_file_location(
    "_errors_danish_api", _HERE.parent / "test_errors_danish.py"
)
assert _spec is not None and _spec.loader is not None
_danish = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_danish)
english_words: Callable[[str, TCOError], set[str]] = _danish.english_words


def unnamed(path: Path, builders: tuple[str, ...] = ()) -> list[str]:
    """The places of ``path`` that make an error without its message (a batch row's too)."""
    found: list[str] = _danish.unspoken(path, also=frozenset({"row_error"}), builders=builders)
    return found


def test_the_scan_finds_an_error_without_its_message(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "def f():\n"
        "    raise SpecError('no')\n"
        "def g():\n"
        "    raise LimitError('no').speaks('x')\n"
        "def h():\n"
        "    return row_error(1, 2, 3, 'x')\n"
    )
    assert [w.rsplit(":", 1)[1] for w in unnamed(source)] == ["2", "6"]


def test_every_batch_and_service_error_names_its_message() -> None:
    files = sorted((_SRC / "batch").glob("*.py")) + sorted((_SRC / "service").glob("*.py"))
    assert len(files) > 10
    found = [where for f in files for where in unnamed(f, builders=("row_error",))]
    assert found == []


def test_every_api_message_has_both_languages_and_is_in_the_catalogue() -> None:
    api = [k for k in keys() if k.startswith(("batch_", "service_"))]
    assert len(api) > 40
    for key in api:
        assert catalogued(key, "en") and catalogued(key, "da"), key


# -- a sample of the batch API's mistakes ------------------------------------------------------
LIGHT = {"period": "15 year", "quantity": 200, "co2_price": "1500 DKK/t"}
TABLE = {
    "price": [1450.0, 1100.0, 1890.0],
    "power": [32.0, 41.0, 27.0],
    "rated_life": [50.0, 35.0, 70.0],
}
UNITS = {"price": "DKK", "power": "W", "rated_life": "kh"}


def _batch(table: Any, **kw: Any) -> Any:
    return evaluate_batch("indoor-lighting", table, **{"units": UNITS, "assumptions": LIGHT, **kw})


def _frame(**columns: Any) -> Any:
    import pandas as pd

    return pd.DataFrame({**TABLE, **columns}, index=["a", "b", "c"])


MISTAKES: dict[str, Callable[[], Any]] = {
    "unknown column": lambda: _batch({**TABLE, "pwer": [1.0, 2.0, 3.0]}),
    "two columns": lambda: _batch({**TABLE, "power [W]": [1.0, 2.0, 3.0]}),
    "column and parameter": lambda: _batch(TABLE, parameters={"power": "30 W"}),
    "not numbers": lambda: _batch({**TABLE, "price": ["x", "y", "z"]}),
    "shape": lambda: _batch({**TABLE, "price": [1.0, 2.0]}),
    "missing column": lambda: _batch({"price": [1.0], "power": [1.0]}),
    "wrong unit": lambda: _batch(TABLE, units={**UNITS, "power": "kg"}),
    "not finite": lambda: _batch(_frame(price=[1.0, float("nan"), 2.0])),
    "above maximum": lambda: _batch(_frame(power=[32.0, 2500.0, 27.0])),
    "below minimum": lambda: _batch(_frame(power=[32.0, -1.0, 27.0])),
    "no rows": lambda: _batch({k: [] for k in TABLE}),
    "group column": lambda: _batch(_frame(kind=["x", "y", "x"]), group="kinds"),
    "lifetime not whole": lambda: evaluate_batch("indoor-lighting", TABLE, units=UNITS),
}


@pytest.fixture(scope="module")
def raised() -> dict[str, TCOError]:
    out = {}
    for name, mistake in MISTAKES.items():
        with pytest.raises(TCOError) as caught:
            mistake()
        out[name] = caught.value
    return out


def _members(err: TCOError) -> list[TCOError]:
    return list(err.errors) if isinstance(err, SpecErrors) else [err]


@pytest.mark.parametrize("name", MISTAKES)
def test_batch_mistakes_read_in_danish(name: str, raised: dict[str, TCOError]) -> None:
    err = raised[name]
    danish = error_text(err, "da")
    assert error_text(err, "en") == str(err)
    assert translated(err, "da"), f"{name}: {danish}"
    for member in _members(err):
        words = english_words(error_text(member, "da"), member)
        assert not words, f"{name}: {error_text(member, 'da')}"
    back = pickle.loads(pickle.dumps(err))  # the Danish text travels with the error
    assert error_text(back, "da") == danish


def test_a_batch_message_names_the_row_as_its_english_one_does(
    raised: dict[str, TCOError],
) -> None:
    above = raised["above maximum"]
    assert str(above) == "columns.power.b: got '2500 W', expected at most 2000 W"
    assert error_text(above, "da") == "columns.power.b: fik '2500 W', forventede højst 2.000 W"
    lifetime = error_text(raised["lifetime not whole"], "da")
    assert "__row__" not in lifetime and "række 0" in lifetime, lifetime


def test_a_group_per_row_is_asked_for_in_danish() -> None:
    from tco.batch.groups import rank_within_groups

    with pytest.raises(ValueError, match="one group per row") as caught:  # still a ValueError
        rank_within_groups([1.0, 2.0], ["a"])
    assert str(caught.value) == "got 1 groups for 2 values; give one group per row"
    assert error_text(caught.value, "da") == (
        "fik 1 grupper til 2 værdier; angiv én gruppe pr. række"
    )


def test_a_non_finite_cost_names_its_row_in_danish() -> None:
    err = SpecError("x").speaks("batch_not_finite", row="b")
    assert error_text(err, "da").startswith("række b giver en uendelig")


def test_unknown_column_suggests_in_danish(raised: dict[str, TCOError]) -> None:
    danish = error_text(raised["unknown column"], "da")
    assert "(mente du 'power'?)" in danish
    assert "'price'" in danish  # the parameters a column may give, quoted


# -- the language arguments --------------------------------------------------------------------
def _form(**kw: Any) -> Any:
    from tco.views.form import write_form

    return write_form(tco.load_model("indoor-lighting"), "/nonexistent/form.xlsx", **kw)


def _plot() -> Any:
    pytest.importorskip("matplotlib")
    return tco.load_tender(tco.example_path("indoor-lighting")).evaluate().plot("pie")


LANGUAGE_MISTAKES: dict[str, Callable[[], Any]] = {
    "set_language": lambda: tco.set_language("de"),
    "form lang": lambda: _form(lang="fr"),
    "form number_format": lambda: _form(number_format="de"),
    "chart kind": _plot,
}


@pytest.mark.parametrize("name", LANGUAGE_MISTAKES)
def test_language_arguments_read_in_danish(name: str) -> None:
    with pytest.raises(OutputError) as caught:
        LANGUAGE_MISTAKES[name]()
    err = caught.value
    danish = error_text(err, "da")
    assert translated(err, "da") and danish != str(err), danish
    assert not english_words(danish, err), danish
    assert danish.startswith(("fik ", "ukendt "))
    assert tco.get_language() == "en"


def test_basket_form_arguments_read_in_danish() -> None:
    from tco.views.basket_form import write_basket_form

    for kw in ({"lang": "fr"}, {"number_format": "fr"}):
        with pytest.raises(OutputError) as caught:
            write_basket_form([], "/nonexistent/basket.xlsx", **kw)
        assert translated(caught.value, "da")
        assert not english_words(error_text(caught.value, "da"), caught.value)


def test_a_group_of_a_dask_frame_is_refused_in_danish() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    frame = dd.from_pandas(pd.DataFrame({**TABLE, "kind": ["x", "y", "x"]}), npartitions=1)
    with pytest.raises(SpecError) as caught:
        evaluate_batch("indoor-lighting", frame, units=UNITS, assumptions=LIGHT, group="kind")
    danish = error_text(caught.value, "da")
    assert danish == "group: en Dask DataFrame kan ikke deles i grupper efter en kolonne"
    assert np.isfinite(_batch(TABLE)["total"]).all()  # the same table without a group is fine
