"""The table, the page and the result document follow the engine's externalities rule.

Whether priced externalities count in the award is defined once
(:data:`tco.engine.conventions.EXTERNALITIES`); the views ask it
(:func:`~tco.engine.conventions.counts_in_award`) instead of comparing the rule's name, so
a new rule is one entry in the engine's table.
"""

from __future__ import annotations

import pytest

import tco
from tco.engine import conventions
from tco.result import Result
from tco.views.documents import result_document
from tco.views.html import result_html
from tco.views.table import result_table


@pytest.fixture
def beside(monkeypatch: pytest.MonkeyPatch) -> Result:
    """A result under a new rule 'beside' that, as 'report', keeps externalities out of the award."""
    monkeypatch.setitem(conventions.EXTERNALITIES, "beside", False)
    monkeypatch.setattr(Result, "externalities_rule", property(lambda self: "beside"))
    result = tco.load_tender(tco.example_path("clean-vehicles-2009")).evaluate()
    assert "externalities" in result.by_category
    # the engine ranks the total without them (award_total under a rule that does not count)
    assert result.total.tolist() == result.total_excl_externalities.tolist()
    return result


def test_the_table_shows_the_total_the_award_leaves_out(beside: Result) -> None:
    table = result_table(beside, "en")
    assert "total incl. ext." in table and "total excl. ext." not in table


def test_the_page_shows_the_total_the_award_leaves_out(beside: Result) -> None:
    page = result_html(beside, "en")
    assert "total incl. externalities" in page and "total excl. externalities" not in page


def test_the_result_document_says_externalities_are_reported(beside: Result) -> None:
    assert result_document(beside)["externalities"] == "report"
