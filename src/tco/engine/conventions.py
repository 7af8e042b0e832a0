"""The conventions of the numbers, each defined once, as data.

Every convention a buyer argues about (``docs/concepts.md``, "Meaning of the
numbers") is one table here. The engine computes from these tables, and the
method text of the tender annex and of the award report
(:mod:`tco.views.conventions_text`) is written from the same tables: change
an entry and the numbers and the words change together. An option a table
does not hold is an error (:func:`option`), never a default.

The conventions:

``timing``
    When in year ``t`` an annual amount falls, as the shift ``s`` back from
    the year's end: it is discounted (and priced) at ``t - s``. One-off
    events stay at their year's end (:data:`EVENT_TIMING`).
``discounting``
    A ``constant`` rate, ``d(t) = (1 + r) ** -(t - s)``, or a ``schedule``
    by year band, compounded band by band: ``d(t) = prod_{k < t} (1 + r_k)
    ** -1 * (1 + r_t) ** -(1 - s)``.
``rate_type``
    Whether the stated rate is ``real`` or ``nominal``; a nominal rate is
    turned into the real one by the Fisher relation ``r = (1 + n) / (1 + i)
    - 1`` (:func:`tco.engine.discounting.fisher_real_rate`).
``price_year``
    The year whose prices the quoted prices are: the escalation index is 1
    in that year (0: NIST BLCC; 1: the Danish EPA vehicle tool).
``residual_value``
    How the last unit's remaining value is credited at the period's end.
``externalities``
    Whether priced externalities count in the award (total, annualised cost
    and rank) or are reported beside it.
``annualisation``
    How a present value becomes an equivalent annual cost: divided by the
    sum of the annual discount factors over the period.

Examples
--------
>>> timing_shift("mid")
0.5
>>> counts_in_award("report")
False
>>> option("timing", "noon")
Traceback (most recent call last):
...
tco.errors.SpecError: timing: unknown convention 'noon'; expected one of 'end', 'mid', 'begin'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tco.errors import SpecError

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: timing -> how far before its year's end an annual amount falls (and is priced). [year]
TIMING: dict[str, float] = {"end": 0.0, "mid": 0.5, "begin": 1.0}

#: When in its year a one-off event (a purchase, a replacement, a residual credit) falls.
EVENT_TIMING = "end"

#: discounting -> whether the rate changes by year band (a schedule compounded band by band).
DISCOUNTING: dict[str, bool] = {"constant": False, "schedule": True}

#: rate type -> whether the stated rate is nominal (turned real by the Fisher relation).
RATE_TYPE: dict[str, bool] = {"real": False, "nominal": True}

#: price year -> the year in which the escalation index is 1.
PRICE_YEAR: dict[int, int] = {0: 0, 1: 1}

#: residual value -> what is credited of the last unit at the period's end.
RESIDUAL_VALUE: dict[str, str] = {
    "linear": "the unexpired share of its price, (s + L - P) / L",
    "share": "a stated share of its price",
    "none": "nothing",
}

#: The externalities rules a tender states (the options of :data:`EXTERNALITIES`).
ExternalitiesRule = Literal["award", "report"]

#: externalities rule -> whether priced externalities count in the award.
EXTERNALITIES: dict[str, bool] = {"award": True, "report": False}

#: annualisation -> whether the equivalent annual cost is a level amount in current money,
#: annualised at the nominal rate ``(1 + r)(1 + i) - 1`` (NIST BLCC for a nominal analysis),
#: rather than in constant money at the real rate ``r``. The present value divided by the
#: sum of that rate's discount factors over years 1 .. P.
ANNUALISATION: dict[str, bool] = {"real": False, "nominal": True}

#: Every convention by name: its options and the data each stands for.
CONVENTIONS: dict[str, Mapping[Any, Any]] = {
    "timing": TIMING,
    "discounting": DISCOUNTING,
    "rate_type": RATE_TYPE,
    "price_year": PRICE_YEAR,
    "residual_value": RESIDUAL_VALUE,
    "externalities": EXTERNALITIES,
    "annualisation": ANNUALISATION,
}


def option(convention: str, value: Any) -> Any:
    """The data of one option of a convention; an unknown option is an error.

    Parameters
    ----------
    convention : str
        The convention's name, a key of :data:`CONVENTIONS`.
    value
        The option, as the tender states it (``"mid"``, ``1``, ``"report"``).

    Returns
    -------
    object
        What the option stands for in the engine (a shift, a flag, ...).

    Raises
    ------
    SpecError
        If the convention or the option is unknown.

    Examples
    --------
    >>> option("externalities", "award"), option("price_year", 1)
    (True, 1)
    """
    table = CONVENTIONS.get(convention)
    if table is None or value not in table:
        options = ", ".join(repr(k) for k in (table or CONVENTIONS))
        raise SpecError(
            f"unknown convention {value!r}; expected one of {options}",
            path=(convention,),
            value=value,
            expected=f"one of {options}",
        ).speaks("unknown_convention", name=convention, value=str(value), options=options)
    return table[value]


def timing_shift(timing: str) -> float:
    """How far before its year's end an annual amount of ``timing`` falls. [year]

    Examples
    --------
    >>> [timing_shift(t) for t in ("end", "mid", "begin")]
    [0.0, 0.5, 1.0]
    """
    return float(option("timing", timing))


def counts_in_award(rule: str) -> bool:
    """Whether priced externalities count in the award under ``rule`` (``award``/``report``).

    Examples
    --------
    >>> counts_in_award("award")
    True
    """
    return bool(option("externalities", rule))


def award_total(including: ArrayLike, excluding: ArrayLike, rule: str) -> NDArray[np.float64]:
    """The total the award ranks under ``rule``: with or without the priced externalities.

    The one place the rule chooses between the two totals: a tender's result,
    the rows of a table and the variants of an analysis. [currency]

    Examples
    --------
    >>> award_total([110.0], [100.0], "report").tolist()
    [100.0]
    >>> award_total([110.0], [100.0], "award").tolist()
    [110.0]
    """
    chosen = including if counts_in_award(rule) else excluding
    return np.asarray(chosen, dtype=np.float64)
