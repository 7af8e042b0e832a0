"""Reading a table's columns (tco.batch.tables): a column that is not numbers says what it holds."""

from __future__ import annotations

import pytest

import tco
from tco.batch import evaluate_batch


@pytest.mark.parametrize(
    ("column", "holds"),
    [([True], "true/false values such as True"), (["1.450"], "text such as '1.450'")],
)
def test_a_column_that_is_not_numbers_says_what_it_holds(column: list[object], holds: str) -> None:
    table = {"price": column, "power": [32.0], "rated_life": [50000.0]}
    with pytest.raises(tco.SpecError) as caught:
        evaluate_batch("indoor-lighting", table, assumptions={"period": "15 year"})
    assert str(caught.value) == (
        f"columns.price: cannot read as numbers (it holds {holds}, not numbers: "
        "convert the column to numbers first)"
    )
