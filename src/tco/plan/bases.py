"""Apply the bases a model and a tender select, before a plan is compiled.

A model's ``{basis: NAME}`` references were resolved against the model's own
basis when it loaded (:func:`tco.spec.basis.resolve_refs`); a tender that
selects another basis re-points them: each reference whose name the tender's
bases hold takes the tender's value. A basis selected by the tender also sets
the tender's ``discount_rate``, ``co2_price`` and externalities rule where
the tender does not state them. Order, weakest first: the model (with its
basis), the tender's bases, the tender's own assumptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tco.errors import SpecError
from tco.spec.basis import ASSUMPTION_VALUES, Basis, BasisStamp, load_bases, lookup
from tco.spec.product import ProductModel
from tco.spec.schema import AssumptionsSpec, TenderSpec

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


@dataclass(frozen=True)
class BasisInputs:
    """The model's assumptions, escalation and defaults after the tender's bases.

    Attributes
    ----------
    stamps : tuple of BasisStamp
        Every basis used (the model's, then the tender's), for the result.
    assumptions : AssumptionsSpec
        The model's assumptions with the tender's bases on top (the tender's
        own assumptions still to be merged over them).
    escalation : dict
        Each escalation group's rate or path as written.
    defaults : dict
        Parameter defaults the tender's bases replace.
    """

    stamps: tuple[BasisStamp, ...]
    assumptions: AssumptionsSpec
    escalation: dict[str, Any] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)


def _rule(bases: tuple[Basis, ...]) -> str | None:
    rules = [b.spec.externalities for b in bases if b.spec.externalities is not None]
    return rules[-1] if rules else None


def basis_inputs(tender: TenderSpec, model: ProductModel, file: str | None) -> BasisInputs:
    """Re-point the model's basis references to the tender's bases (see the module doc).

    Raises
    ------
    SpecError
        If the tender names an unknown basis.
    """
    try:
        model_bases = load_bases(model.spec.basis)
    except SpecError as err:  # pragma: no cover - checked when the model loaded
        raise err.located(model.file, ("basis",)) from None
    try:
        tender_bases = load_bases(tender.basis)
    except SpecError as err:
        raise err.located(file, ("basis",)) from None

    assumptions = model.spec.assumptions.model_dump(exclude_defaults=True)
    escalation = dict(model.spec.escalation)
    defaults: dict[str, Any] = {}
    # A model states its own externalities rule; a basis's rule applies when the tender selects it.
    if tender_bases:
        for path, ref in model.basis_refs.items():
            if not any(ref["basis"] in b for b in tender_bases):
                continue
            value = lookup(tender_bases, ref)
            parts = path.split(".")
            if parts[0] == "parameters" and parts[-1] == "default":
                defaults[parts[1]] = value
            elif parts[0] == "escalation":
                escalation[parts[1]] = value
            elif parts[0] == "assumptions" and len(parts) == 2:
                assumptions[parts[1]] = value
            elif parts[0] == "assumptions" and len(parts) == 3:
                assumptions.setdefault(parts[1], {})[parts[2]] = value
        for name in ASSUMPTION_VALUES:
            holder = [b for b in tender_bases if name in b]
            # A value by calendar year needs the first year of use: the tender refers to it.
            if holder and holder[-1].spec.values[name].by_year is None:
                assumptions[name] = lookup(tender_bases, {"basis": name})
        rule = _rule(tender_bases)
        if rule is not None:
            assumptions["externalities"] = rule
    stamps: dict[str, BasisStamp] = {}
    for b in (*model_bases, *tender_bases):
        stamps.setdefault(b.id, b.stamp())
    return BasisInputs(
        stamps=tuple(stamps.values()),
        assumptions=AssumptionsSpec.model_validate(assumptions),
        escalation=escalation,
        defaults=defaults,
    )
