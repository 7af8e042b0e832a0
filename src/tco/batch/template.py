"""The one-row tender a table of items stands in for.

Everything the rows share (assumptions, the buyer's parameters, escalation,
emission prices, the study period) is compiled once by the tender's own
plan builder (:func:`tco.plan.compiler.compile_plan`), on a tender with one
bid whose values are each column's default or the first row's value. Its
errors name the column and the first row.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from tco.batch.columns import Column, label, value_text
from tco.errors import SpecError, SpecErrors
from tco.plan.arrays import Plan
from tco.plan.bases import basis_inputs
from tco.plan.compiler import compile_plan
from tco.spec.product import ProductModel
from tco.spec.schema import AssumptionsSpec, TenderSpec
from tco.spec.validation import validate

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

#: Name of the template's one bid (replaced by the row's label in messages).
TEMPLATE = "__row__"
#: One-row tenders kept per evaluator (one per distinct first row that matters).
_KEEP = 32


def basis_arg(basis: Any) -> Any:
    """A ``basis=`` argument as a tender states it: a tuple of ids as a list, else as given.

    Anything else is left for the tender schema to refuse, with its message.

    Examples
    --------
    >>> basis_arg(("dk-fm-2021",)), basis_arg("dk-fm-2021"), basis_arg(None)
    (['dk-fm-2021'], 'dk-fm-2021', None)
    """
    return list(basis) if isinstance(basis, (list, tuple)) else basis


class Template:
    """Compile (and cache) the one-row tenders of a model and its assumptions.

    Parameters
    ----------
    model : ProductModel
    assumptions, parameters : mapping
        The tender's ``assumptions`` and ``parameters``.
    basis : str or list of str, optional
        The tender's ``basis``: bases of official data (``docs/bases.md``).

    Raises
    ------
    SpecError
        If the assumptions or parameters are malformed (checked at once).
    """

    def __init__(
        self,
        model: ProductModel,
        assumptions: Mapping[str, Any],
        parameters: Mapping[str, Any],
        basis: str | Sequence[str] | None = None,
    ) -> None:
        self.model = model
        self.assumptions = dict(assumptions)
        self.parameters = dict(parameters)
        self.basis = basis_arg(basis)
        self._plans: dict[Any, Plan] = {}
        #: The tender with no bid or buyer values (checks the assumptions and parameters once).
        self.empty = self.spec({}, {})

    def spec(self, bid: Mapping[str, Any], buyer: Mapping[str, Any]) -> TenderSpec:
        """The validated one-bid tender with these bid and buyer values."""
        data: dict[str, Any] = {
            "model": self.model.id,
            **({} if self.basis is None else {"basis": self.basis}),
            "assumptions": self.assumptions,
            "parameters": {**self.parameters, **buyer},
            "bids": [{"name": TEMPLATE, **bid}],
        }
        spec: TenderSpec = validate(TenderSpec, data, file=None)
        return spec

    @functools.cached_property
    def stated(self) -> AssumptionsSpec:
        """The assumptions the rows share, as stated: the model's and the bases', then these.

        As a tender's plan builder merges them (:func:`tco.plan.bases.basis_inputs`).
        """
        spec = self.empty
        return basis_inputs(spec, self.model, None).assumptions.merged(spec.assumptions)

    @property
    def own_life(self) -> bool:
        """Whether each row's study period is its own lifetime (``period: lifetime``, or none)."""
        period = self.stated.period
        return period is None or str(period).strip() == "lifetime"

    def plan(
        self, columns: Mapping[str, Column], period: str | None = None, first: str = "row 0"
    ) -> Plan:
        """Compile a one-row tender for everything rows share (cached).

        Its row holds each column's default, or the first row's value where
        the parameter has no default (or the model has a lifetime, which may
        depend on it). ``first`` names that row in messages.
        """
        bid: dict[str, Any] = {}
        buyer: dict[str, Any] = {}
        for name, col in columns.items():
            p = self.model.parameters[name].spec
            raw = p.default
            if raw is None or isinstance(raw, list) or self.model.lifetime is not None:
                raw = value_text(float(col.raw[0]), col.unit)
            (bid if p.bid else buyer)[name] = raw
        key = (repr(sorted(bid.items())), repr(sorted(buyer.items())), period)
        if key not in self._plans:
            spec = self.spec(bid, buyer)
            if period is not None:
                a = spec.assumptions.model_dump(exclude_defaults=True)
                spec = spec.model_copy(
                    update={"assumptions": AssumptionsSpec.model_validate({**a, "period": period})}
                )
            try:
                plan = compile_plan(spec, self.model)
            except SpecError as err:
                raise _first_row(err, columns, first) from None
            if len(self._plans) >= _KEEP:  # a long-lived evaluator keeps the latest only
                self._plans.pop(next(iter(self._plans)))
            self._plans[key] = plan
        return self._plans[key]


def first_label(rows: Any) -> str:
    """How messages name the first row: as a tender names a bid, or by its number."""
    return "row 0" if rows is None else f"bid '{label(rows, 0)}'"


def _first_row(err: SpecError, columns: Mapping[str, Column], first: str) -> SpecError:
    """Point an error in the one-row tender at the column and row it came from."""
    members = err.errors if isinstance(err, SpecErrors) else [err]
    for e in members:
        p = e.path
        if p[:2] == ("bids", 0) and len(p) > 2 and p[2] in columns:
            e.path = ("columns", columns[str(p[2])].label, 0, *p[3:])
        elif p[:1] == ("parameters",) and len(p) > 1 and p[1] in columns:
            e.path = ("columns", columns[str(p[1])].label, 0, *p[2:])
        # A labelled row is named as a tender names a bid; a row of a mapping by its number.
        e.reason = e.reason.replace(f"bid '{TEMPLATE}'", first)
        e.params = {
            k: v.replace(f"bid '{TEMPLATE}'", first) if isinstance(v, str) else v
            for k, v in e.params.items()
        }
        e.args = (str(e),)
    return SpecErrors(members) if isinstance(err, SpecErrors) else err
