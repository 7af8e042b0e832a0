"""Each problem of a file is said once, in plain words (no pydantic wording, no Python types)."""

from __future__ import annotations

from typing import Any

import pytest

import tco

BID = {"name": "A", "price": "1450 DKK", "power": "38 W", "rated_life": "50000 h"}

#: Words of pydantic's own messages or of Python's types, which a buyer cannot act on.
RAW = ("Input should be", "valid dictionary", "BasisRef", "constrained-str", "Field required")


def _problems(assumptions: dict[str, Any]) -> list[tco.SpecError]:
    data = {"model": "indoor-lighting", "assumptions": assumptions, "bids": [BID]}
    with pytest.raises(tco.SpecError) as err:
        tco.load_tender(data)
    e = err.value
    return list(e.errors) if isinstance(e, tco.SpecErrors) else [e]


@pytest.mark.parametrize(
    ("assumptions", "path", "words"),
    [
        # A list where a rate belongs: one message, about the list's entry.
        ({"discount_rate": [1]}, ("assumptions", "discount_rate", 0), "expected a mapping"),
        # A mapping where a price belongs: read as a basis reference; its key is missing.
        ({"co2_price": {"x": 1}}, ("assumptions", "co2_price", "basis"), "this key is required"),
        # A yes/no value: tco's own message, once (pydantic also tried the basis form).
        ({"period": True}, ("assumptions", "period"), "a yes/no value"),
        ({"discounting": "middle"}, ("assumptions", "discounting"), "expected 'end', 'mid'"),
    ],
)
def test_one_message_per_problem_in_plain_words(
    assumptions: dict[str, Any], path: tuple[Any, ...], words: str
) -> None:
    problems = _problems(assumptions)
    fields = {p.path[:2] for p in problems}
    assert len(fields) == 1, [str(p) for p in problems]  # the one field, said once
    assert len(problems) <= 2  # a basis reference may lack a key and have a wrong one
    first = problems[0]
    assert first.path == path
    assert words in str(first)
    for p in problems:
        assert not any(raw in str(p) for raw in RAW), str(p)


def test_the_forms_a_field_takes_are_named_in_words() -> None:
    (problem,) = _problems({"co2_price": [[1]]})
    assert problem.path[:2] == ("assumptions", "co2_price")
    assert not any(raw in str(problem) for raw in RAW), str(problem)
