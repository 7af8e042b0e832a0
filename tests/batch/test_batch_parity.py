"""Random rows: the batch API's columns are those of ``evaluate()`` on the same bids.

The batch path prices a table's rows with the loop and the driver a tender's totals use
(:func:`tco.evaluate.priced_streams`, :func:`tco.engine.pv.stream_present_value`), its
amounts kept as products of per-row and per-year factors. The expected numbers here are
independent of that: the same rows are written as the bids of one tender (values as text
with their units) and evaluated by :meth:`tco.Tender.evaluate`. Hypothesis draws the rows
and the tender's conventions: ``externalities`` ``award`` or ``report``, every residual
rule (linear, none, a stated share), a common period or ``period: lifetime``, end, mid or
beginning-of-year discounting, real or nominal rates, year-0 or year-1 prices, a quantity
and emission prices; the model has every timing (``once`` with replacements, ``annual``
with start and stop and its own timing, ``every``, ``at``, ``end_of_life``), a yearly
series, formulas that split into per-row and per-year factors and formulas that do not.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import tco
from tco.result import Result

MODEL: dict[str, Any] = {
    "id": "batch-parity",
    "title": "Every timing, for the batch's parity with evaluate()",
    "functional_unit": "unit",
    "lifetime": "life",
    "escalation": {"energy": "2 %/year", "labour": "3 %/year"},
    "parameters": {
        "price": {"unit": "DKK", "bid": True, "min": "0 DKK"},
        "life": {"unit": "year", "bid": True, "min": "0.5 year"},
        "power": {"unit": "W", "bid": True},
        "service_every": {"unit": "year", "bid": True},
        "overhaul_at": {"unit": "year", "bid": True},
        "fee": {"unit": "DKK/year", "bid": True},
        "hours": {"unit": "h/year", "default": "2000 h/year"},
        "energy_price": {"unit": "DKK/kWh", "default": "2 DKK/kWh"},
        "factor": {"unit": "kg/kWh", "by_year": True, "default": "0.2 kg/kWh"},
        "labour": {"unit": "DKK", "default": "300 DKK"},
    },
    "items": {
        "purchase": {"category": "acquisition", "once": "price + 100 DKK"},
        "energy": {
            "category": "use",
            "annual": "power * hours * energy_price",
            "escalation": "energy",
        },
        "fee": {"category": "use", "annual": "fee", "start": "2 year", "stop": "5 year"},
        "lease": {"category": "use", "annual": "fee * 0.5", "discounting": "begin"},
        "service": {
            "category": "maintenance",
            "every": "service_every",
            "amount": "labour + 0.05 * price",
            "escalation": "labour",
        },
        "overhaul": {"category": "maintenance", "at": "overhaul_at", "amount": "0.1 * price"},
        "disposal": {"category": "end_of_life", "end_of_life": "50 DKK", "per_unit": False},
        "scrap": {"category": "end_of_life", "end_of_life": "-0.02 * price"},
        # A yearly series and per-row values in one sum: no per-row x per-year split.
        "offset": {
            "category": "externalities",
            "annual": "power * hours * factor * 100 DKK/kg + fee",
            "escalation": "energy",
        },
        "refit": {
            "category": "acquisition",
            "once": "price * 0.1 + factor * 1000 DKK kWh/kg",
            "residual": True,
        },
    },
    "emissions": {
        # A per-row factor times a yearly series: kept apart.
        "co2": {"annual": "power * hours * factor"},
        "nox": {"substance": "nox", "annual": "power * hours * 0.001 kg/kWh / (life / 1 year)"},
        "making": {"once": "5 kg + price * 0.01 kg/DKK"},
    },
}

UNITS = {
    "price": "DKK",
    "life": "year",
    "power": "W",
    "service_every": "year",
    "overhaul_at": "year",
    "fee": "DKK/year",
}

#: Relative tolerance of the comparison (absolute 1e-6 DKK or kg for values that are zero).
RTOL = 1e-9


def _two(x: float) -> float:
    """A value with two decimals, as a user writes it."""
    return round(x, 2)


@st.composite
def cases(draw: Any) -> tuple[dict[str, list[float]], dict[str, Any], dict[str, Any]]:
    """Rows, assumptions and buyer parameters of one case."""
    n = draw(st.integers(1, 5))
    own_life = draw(st.booleans())
    if own_life:
        life = [float(draw(st.integers(1, 8))) for _ in range(n)]
        T = int(max(life))
    else:
        life = [_two(draw(st.floats(0.5, 9.0))) for _ in range(n)]
        T = draw(st.integers(1, 10))

    def column(lo: float, hi: float) -> list[float]:
        return [_two(draw(st.floats(lo, hi))) for _ in range(n)]

    rows = {
        "price": column(0.0, 5000.0),
        "life": life,
        "power": column(0.0, 80.0),
        "service_every": column(0.3, 6.0),
        "overhaul_at": column(0.0, 12.0),
        "fee": column(0.0, 200.0),
    }
    residual = draw(st.sampled_from(["linear", "none", {"share": f"{draw(st.integers(0, 60))} %"}]))
    assumptions: dict[str, Any] = {
        "period": "lifetime" if own_life else f"{T} year",
        "discount_rate": f"{_two(draw(st.floats(0.0, 8.0)))} %",
        "discounting": draw(st.sampled_from(["end", "mid", "begin"])),
        "price_year": draw(st.sampled_from([0, 1])),
        "quantity": draw(st.integers(1, 50)),
        "residual_value": residual,
        "externalities": draw(st.sampled_from(["award", "report"])),
        "co2_price": f"{draw(st.integers(0, 3000))} DKK/t",
    }
    if draw(st.booleans()):
        assumptions["emission_prices"] = {"nox": f"{draw(st.integers(0, 100))} DKK/kg"}
    if draw(st.booleans()):
        assumptions["rate_type"] = "nominal"
        assumptions["inflation"] = f"{_two(draw(st.floats(0.0, 4.0)))} %"
    factor = [f"{_two(draw(st.floats(0.0, 0.5)))} kg/kWh" for _ in range(T)]
    return rows, assumptions, {"factor": factor}


def _expected(r: Result) -> dict[str, np.ndarray]:
    """The batch's columns, as tender.evaluate() computes them."""
    out: dict[str, np.ndarray] = {
        "total": r.total,
        "annualised": r.annualised,
        "total_excl_externalities": r.total_excl_externalities,
        "total_incl_externalities": r.total_incl_externalities,
        "period": r.plan.period,
        **r.by_category,
    }
    out.update({f"{sub}_kg": kg for sub, kg in r.emissions.items()})
    out.update({f"pv_{name}": pv for name, pv in r.by_item.items()})
    return out


@settings(max_examples=80, deadline=None)
@given(cases())
def test_random_rows_give_the_totals_of_evaluate(
    case: tuple[dict[str, list[float]], dict[str, Any], dict[str, Any]],
) -> None:
    rows, assumptions, parameters = case
    n = len(rows["price"])
    bids = [
        {"name": f"row {i}", **{k: f"{v[i]!r} {UNITS[k]}" for k, v in rows.items()}}
        for i in range(n)
    ]
    tender = {"model": MODEL, "assumptions": assumptions, "parameters": parameters}
    want = _expected(tco.load_tender({**tender, "bids": bids}).evaluate())
    got = tco.evaluate_batch(
        MODEL, rows, units=UNITS, assumptions=assumptions, parameters=parameters, by_item=True
    )
    assert set(got) == set(want)
    for key, values in want.items():
        np.testing.assert_allclose(got[key], values, rtol=RTOL, atol=1e-6, err_msg=key)
