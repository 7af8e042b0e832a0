"""A tender's values in plain numbers, read once in the tender's ``number_format``."""

from __future__ import annotations

from typing import Any

from tco.errors import ErrorList, SpecError
from tco.spec.schema import BidSpec, TenderSpec
from tco.units import canonical_value

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def in_plain_numbers(spec: TenderSpec, *, file: str | None = None) -> TenderSpec:
    """The tender with every value written in plain numbers, read in its ``number_format``.

    With ``number_format: da`` a value such as ``1.450,50 kr`` becomes ``1450.5 DKK``, so
    that every later reader (the plan, the analyses) reads it without knowing the format.
    Without a stated format the tender is returned as it is; its values are read, and
    ambiguous numbers refused, where they are used. Every bad value is reported with
    its path at once.
    """
    convention = spec.assumptions.number_format
    if convention is None:
        return spec
    errors = ErrorList()

    def plain(value: Any, path: tuple[str | int, ...]) -> Any:
        if isinstance(value, list):
            return [plain(v, (*path, i)) for i, v in enumerate(value)]
        try:
            return canonical_value(value, convention=convention, path=path, file=file)
        except SpecError as err:
            errors.add(err)
            return value

    a = spec.assumptions
    update: dict[str, Any] = {}
    for key in ("discount_rate", "inflation", "period", "co2_price", "quantity"):
        if getattr(a, key) is not None:
            update[key] = plain(getattr(a, key), ("assumptions", key))
    for key in ("escalation", "emission_prices", "exchange_rates"):
        update[key] = {k: plain(v, ("assumptions", key, k)) for k, v in getattr(a, key).items()}
    bids = []
    for i, bid in enumerate(spec.bids):
        values = {k: plain(v, ("bids", i, k)) for k, v in bid.values.items()}
        bids.append(BidSpec.model_validate({**bid.model_dump(exclude_none=True), **values}))
    profiles = {
        name: p.model_copy(
            update={
                "parameters": {
                    k: plain(v, ("profiles", name, "parameters", k))
                    for k, v in p.parameters.items()
                }
            }
        )
        for name, p in spec.profiles.items()
    }

    def texts(value: Any, path: tuple[str | int, ...]) -> Any:
        """Every text of the ``uncertainty:`` section in plain numbers (words stay)."""
        if isinstance(value, dict):
            return {k: texts(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [texts(v, (*path, i)) for i, v in enumerate(value)]
        return plain(value, path) if isinstance(value, str) else value

    out = spec.model_copy(
        update={
            "profiles": profiles,
            "uncertainty": texts(spec.uncertainty, ("uncertainty",))
            if spec.uncertainty is not None
            else None,
            "assumptions": a.model_copy(update=update),
            "parameters": {k: plain(v, ("parameters", k)) for k, v in spec.parameters.items()},
            "bids": bids,
            "limits": {
                name: {key: plain(v, ("limits", name, key)) for key, v in limit.items()}
                for name, limit in spec.limits.items()
            },
            "scenarios": {
                name: {k: plain(v, ("scenarios", name, k)) for k, v in values.items()}
                for name, values in spec.scenarios.items()
            },
        }
    )
    errors.raise_if_any()
    return out
