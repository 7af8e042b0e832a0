"""A bid's own price indexation of a stream: which streams a model lets a bidder index.

A product model's item may name a bid parameter under ``indexation``: each bid then
gives that stream's own escalation rate per year (a service contract indexed at
``2 %/year`` beside another bidder's fixed price, ``0 %/year``), in place of an
escalation group's rate set by the tender. :func:`check_indexation` checks the
model's side when it loads: the parameter exists, is given by each bid, is a rate
(``%/year``, ``%`` or a plain number), and the item does not also name an
escalation group.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tco.errors import ErrorList, SpecError, suggest, suggest_name
from tco.units import parse_unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def is_rate_unit(unit: Any) -> bool:
    """Whether a parsed unit is a rate: a plain number (``%``) or one per year (``%/year``).

    Examples
    --------
    >>> is_rate_unit(parse_unit("%/year")), is_rate_unit(parse_unit("%")), is_rate_unit(
    ...     parse_unit("DKK"))
    (True, True, False)
    """
    return bool(unit.dimensionless or (unit * parse_unit("year")).dimensionless)


def check_indexation(
    items: Mapping[str, Any], parameters: Mapping[str, Any], file: str | None, errors: ErrorList
) -> None:
    """Record a problem for each item whose ``indexation`` names no bid rate parameter.

    Parameters
    ----------
    items : mapping of str to ItemSpec
        The model's items as written.
    parameters : mapping of str to Parameter
        The model's checked parameters (spec and parsed unit).
    file : str, optional
        The model file, for messages.
    errors : ErrorList
        Where problems are recorded.
    """
    for name, item in items.items():
        param = getattr(item, "indexation", None)
        if param is None:
            continue
        path = ("items", name, "indexation")
        p = parameters.get(param)
        if item.escalation is not None:
            errors.add(
                SpecError(
                    "give either 'escalation' (a group's rate, set by the tender) or "
                    "'indexation' (each bid's own rate), not both",
                    file=file,
                    path=path,
                    value=param,
                    expected="one of 'escalation' and 'indexation'",
                ).speaks("indexation_and_escalation")
            )
        elif p is None or not p.spec.bid:
            errors.add(
                SpecError(
                    f"'{param}' is not a bid parameter of the model{suggest(param, parameters)}; "
                    "'indexation' names the bid parameter that gives the stream's price "
                    "indexation per year, as 'indexation: {unit: %/year, bid: true}'",
                    file=file,
                    path=path,
                    value=param,
                    expected="the name of a bid parameter",
                ).speaks("indexation_parameter", name=param, hint=suggest_name(param, parameters))
            )
        elif not is_rate_unit(p.unit):
            errors.add(
                SpecError(
                    f"'{param}' has unit '{p.spec.unit}'; an indexation is a rate per year such "
                    "as '%/year'",
                    file=file,
                    path=path,
                    value=param,
                    expected="a parameter whose unit is '%/year' or '%'",
                ).speaks("indexation_unit", name=param, unit=p.spec.unit)
            )
