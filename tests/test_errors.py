"""tco.errors: every error survives a process pool; located() leaves the original alone."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import tco
from tco import errors
from tco.errors import (
    AnalysisError,
    FormError,
    MissingExtraError,
    OutputError,
    RequestError,
    ServiceError,
    SpecError,
    SpecErrors,
    TCOError,
)

# A fresh interpreter per worker: forking a test process that runs other threads (Dask,
# the service tests) can leave the child with a lock held, and the pool then breaks.
SPAWN = multiprocessing.get_context("spawn")


def _examples() -> list[TCOError]:
    """One instance of every error class, with every attribute set."""
    spec = SpecError(
        "got '38 kg'",
        file="t.yaml",
        path=("bids", 1, "power"),
        value="38 kg",
        expected="a power such as '38 W'",
    )
    out: list[TCOError] = [
        TCOError("plain"),
        AnalysisError("'power' is changed twice; change each input once"),
        OutputError("unknown file type '.xyz'"),
        MissingExtraError("this needs docx: pip install 'tco-lcc[annex]'"),
        FormError("got 'x'", file="f.xlsx", sheet="Bid", cell="C8", field="power", value="x"),
        SpecErrors([spec, SpecError("missing", path=("bids", 0, "price"))]),
        ServiceError("the service is busy (its queue is full); try again in 5 s"),
        RequestError("GET is not allowed at /evaluate; use POST", value="GET", expected="POST"),
    ]
    for name in errors.__all__:
        cls = getattr(errors, name)
        if (
            isinstance(cls, type)
            and issubclass(cls, SpecError)
            and cls not in (SpecErrors, FormError)
        ):
            out.append(cls("bad", file="t.yaml", path=("a", 0), value=1.5, expected="good"))
    return out


def _raise(err: TCOError) -> None:
    raise err


def _facts(err: BaseException) -> tuple[Any, ...]:
    inner = [_facts(e) for e in getattr(err, "errors", [])]
    keys = ("file", "path", "value", "expected", "reason", "sheet", "cell", "field")
    return (type(err), str(err), err.args, tuple(getattr(err, k, None) for k in keys), inner)


def test_every_error_class_is_covered() -> None:
    classes = {type(e) for e in _examples()}
    defined = {
        getattr(errors, n)
        for n in errors.__all__
        if isinstance(getattr(errors, n), type) and issubclass(getattr(errors, n), TCOError)
    }
    assert defined <= classes


@pytest.mark.parametrize("err", _examples(), ids=lambda e: type(e).__name__)
def test_errors_pickle_with_their_facts(err: TCOError) -> None:
    assert _facts(pickle.loads(pickle.dumps(err))) == _facts(err)


def test_errors_come_back_from_a_process_pool() -> None:
    # Regression: SpecErrors could not be unpickled, so a worker raising it
    # broke the pool (BrokenProcessPool) instead of reporting the problems.
    examples = _examples()
    with ProcessPoolExecutor(max_workers=1, mp_context=SPAWN) as pool:
        futures = [pool.submit(_raise, err) for err in examples]
        for err, future in zip(examples, futures, strict=True):
            with pytest.raises(type(err)) as caught:
                future.result()
            assert _facts(caught.value) == _facts(err)


def test_a_tender_error_comes_back_from_a_process_pool() -> None:
    bad = {"model": "indoor-lighting", "bids": [{"name": "A", "price": "x", "power": "1 kg"}]}
    with pytest.raises(SpecErrors) as here:
        tco.load_tender(bad)
    with (
        ProcessPoolExecutor(max_workers=1, mp_context=SPAWN) as pool,
        pytest.raises(SpecErrors) as there,
    ):
        pool.submit(tco.load_tender, bad).result()
    assert str(there.value) == str(here.value)
    assert [e.path for e in there.value.errors] == [e.path for e in here.value.errors]


def test_located_returns_a_copy() -> None:
    err = SpecError("got 'x'", path=("power",))
    moved = err.located("t.yaml", ("bids", 1))
    assert str(moved) == "t.yaml: bids[1].power: got 'x'"
    assert type(moved) is SpecError
    assert (err.file, err.path, str(err)) == (None, ("power",), "power: got 'x'")
    many = SpecErrors([err, SpecError("y", path=("price",))])
    both = many.located("t.yaml", ("bids", 0))
    assert [str(e) for e in both.errors] == [
        "t.yaml: bids[0].power: got 'x'",
        "t.yaml: bids[0].price: y",
    ]
    assert [e.path for e in many.errors] == [("power",), ("price",)]


def test_analysis_errors_are_value_errors() -> None:
    from tco.analysis.inputs import Change, resolve_input
    from tco.analysis.variants import evaluate_variants

    plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
    x = resolve_input(plan, "power")
    with pytest.raises(ValueError, match="changed twice") as caught:
        import numpy as np

        evaluate_variants(plan, [Change(x, np.zeros(1), True), Change(x, np.zeros(1), True)])
    assert isinstance(caught.value, AnalysisError)


def test_view_errors_are_the_same_classes() -> None:
    from tco.views import errors as view_errors

    assert view_errors.FormError is FormError
    assert view_errors.OutputError is OutputError
