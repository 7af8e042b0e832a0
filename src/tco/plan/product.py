"""The product model and the tender's stated assumptions as a plan holds them: names and numbers.

A :class:`~tco.plan.Plan` carries no spec object (no pydantic model, no
:class:`~tco.spec.product.ProductModel`, no unit object). What the views and
the analyses read of the model is a :class:`PlanModel`: its id, version and
texts, each parameter's unit as written, label and bounds
(:class:`PlanParameter`), and the model's formulas compiled to plain functions
over arrays in the plan's units (:class:`Formula`, :class:`StreamFormulas`),
which :func:`tco.plan.rebuild_plan` runs again for changed values. What the
texts show of the tender's assumptions as the buyer wrote them is a
:class:`StatedAssumptions`. Every type here is frozen and pickles: a plan
crosses process pools whole.

:func:`plan_model` builds a model's part once per model (cached), so a
tender's compile adds only its currency's factors.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from tco.spec.expr import Compiled, compile_expression, run_formula
from tco.spec.parsing import Node
from tco.spec.product import BUILTINS, ProductModel
from tco.spec.schema import AssumptionsSpec, Text, Timing

# the types a plan holds are public (Plan.product, Plan.stated); their builders are tco's own
__all__ = ["Formula", "PlanModel", "PlanParameter", "StatedAssumptions", "StreamFormulas"]

#: A value as the buyer or the model wrote it: a number, a text with its unit,
#: or a list of them (a path by year, a schedule by year band).
Written = Any


def _formula_again(text: str, units: tuple[tuple[str, str], ...]) -> Formula:
    """A formula compiled again from its text and its names' units (after pickling)."""
    return Formula.of(compile_expression(text, dict(units)), dict(units))


@dataclass(frozen=True)
class Formula:
    """A model's formula as the plan runs it: a plain function over arrays in the plan's units.

    Attributes
    ----------
    text : str
        The formula as written in the model.
    names : frozenset of str
        The parameter names it uses (``period`` too, where it does).
    tree : Node, optional
        The parsed formula (:mod:`tco.spec.parsing`), for views that write it
        out (the result workbook's Excel formulas).
    units : tuple of (str, str)
        Each name the formula uses with its unit as written (``""`` for a
        plain number): what compiles it again after pickling.
    fn : callable
        ``fn(values)``: the result in the plan's units from a mapping of name
        to value in the plan's units (:attr:`tco.spec.expr.Compiled.fn`).
    """

    text: str
    names: frozenset[str]
    tree: Node | None = field(repr=False)
    units: tuple[tuple[str, str], ...] = field(repr=False)
    fn: Callable[[Mapping[str, Any]], Any] = field(compare=False, repr=False)

    @classmethod
    def of(cls, compiled: Compiled, units: Mapping[str, str]) -> Formula:
        """The plan's formula of a compiled one; ``units`` maps each name to its unit as written."""
        used = tuple((n, units[n]) for n in sorted(compiled.names))
        return cls(compiled.text, compiled.names, compiled.tree, used, compiled.fn)

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """The result on ``values`` in the plan's units; a non-finite result is refused.

        :func:`tco.spec.expr.run_formula`. [plan units]

        Raises
        ------
        ExpressionError
            If the result holds NaN or infinity (division by zero, overflow).
        """
        return run_formula(self.fn, self.text, values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_formula_again, (self.text, self.units))


@dataclass(frozen=True)
class PlanParameter:
    """One parameter of the model, as the views and analyses read it.

    Attributes
    ----------
    name : str
    unit : str
        The unit as the model writes it (``"DKK/kWh"``; ``""`` for a plain
        number). Values in the plan are in the plan's units
        (:func:`tco.units.plan_factor` of this unit).
    bid : bool
        Whether each bid gives its value (else the buyer does).
    by_year : bool
        Whether the buyer may give one value per year.
    label : Text, optional
        Its label in the model's languages.
    minimum, maximum : str or float, optional
        Its bounds as the model writes them, in ``unit``.
    """

    name: str
    unit: str
    bid: bool
    by_year: bool
    label: Text | None = None
    minimum: Written = None
    maximum: Written = None


@dataclass(frozen=True)
class StreamFormulas:
    """One cost item or emission of the model: its settings and its compiled formulas.

    Attributes
    ----------
    name : str
    kind : {"item", "emission"}
    category : str
        Its cost category (``"externalities"`` for an emission).
    timing : {"once", "annual", "every", "at", "end_of_life"}
    amount : Formula
        Amount per occurrence (per year for ``annual``), in the plan's units.
    when, start, stop : Formula, optional
        Interval of ``every`` or time of ``at``; first and last year of an
        ``annual`` item. [year]
    per_unit : bool
        Whether the stream is multiplied by the tender's quantity.
    escalation : str, optional
        Its escalation group.
    discounting : {"end", "mid", "begin"}, optional
        The item's own timing in its year.
    indexation : str, optional
        The bid parameter by which each bid indexes the item's price.
    residual : bool, optional
        Whether the model credits the last unit's remaining value (``None``:
        a one-off acquisition is credited).
    substance : str
        For an emission, the substance (``co2e``, ``nox``, ...).
    label : Text, optional
    factor : float
        From the formula's result in the plan's units to the stream's unit:
        the tender's currency (per year), or kg (per year); the stated
        exchange rate for a formula in another currency. [tender currency per
        formula currency, or 1]
    """

    name: str
    kind: str
    category: str
    timing: str
    amount: Formula
    when: Formula | None = None
    start: Formula | None = None
    stop: Formula | None = None
    per_unit: bool = True
    escalation: str | None = None
    discounting: Timing | None = None
    indexation: str | None = None
    residual: bool | None = None
    substance: str = ""
    label: Text | None = None
    factor: float = 1.0

    @property
    def annual(self) -> bool:
        """Whether the stream is an annual amount."""
        return self.timing == "annual"


@dataclass(frozen=True)
class PlanModel:
    """The product model of a plan: its names, texts, parameters and compiled formulas.

    Attributes
    ----------
    id : str
    version : str, optional
    title, functional_unit : Text
        The model's title and the unit a tender buys (``luminaire``).
    escalation : dict of str to value
        Each escalation group's rate (or path by year) as the model writes it.
    escalation_groups : tuple of str
        Every escalation group the model's items name.
    parameters : dict of str to PlanParameter
        In the model's order.
    lifetime : Formula, optional
        Life of one unit. [year]
    items, emissions : tuple of StreamFormulas
        In the model's order.
    """

    id: str
    version: str | None
    title: Text
    functional_unit: Text
    escalation: dict[str, Written]
    escalation_groups: tuple[str, ...]
    parameters: dict[str, PlanParameter]
    lifetime: Formula | None
    items: tuple[StreamFormulas, ...]
    emissions: tuple[StreamFormulas, ...] = ()

    @cached_property
    def bid_parameters(self) -> tuple[str, ...]:
        """Names of the parameters each bid gives."""
        return tuple(n for n, p in self.parameters.items() if p.bid)

    @property
    def lifetime_names(self) -> frozenset[str]:
        """The parameters the lifetime formula uses (none without one)."""
        return self.lifetime.names if self.lifetime is not None else frozenset()

    def item(self, name: str) -> StreamFormulas | None:
        """The item or emission named ``name``, if the model has one."""
        for s in (*self.items, *self.emissions):
            if s.name == name:
                return s
        return None


@dataclass(frozen=True)
class StatedAssumptions:
    """The tender's assumptions as written (over the basis and the model's), for the texts.

    The plan holds the numbers they give; these are the values as the buyer
    stated them, which the annex, the report and the workbooks show.

    Attributes
    ----------
    period : str or float, optional
        The study period as written (``"15 year"``, ``"lifetime"``); ``None``
        where none is stated (the model's lifetime is then the period).
    rate_type : {"real", "nominal"}
    discount_rate : str, float or list of dict
        The discount rate or schedule by year band as written.
    escalation : dict of str to value
        The escalation rates the tender (or its basis) states, by group.
    co2_price : value, optional
        The CO2e price as written.
    emission_prices : dict of str to value
        Other substances' prices as written.
    exchange_rates : dict of str to value
        Each other currency's rate as written.
    """

    period: Written = None
    rate_type: str = "real"
    discount_rate: Written = None
    escalation: dict[str, Written] = field(default_factory=dict)
    co2_price: Written = None
    emission_prices: dict[str, Written] = field(default_factory=dict)
    exchange_rates: dict[str, Written] = field(default_factory=dict)

    @property
    def own_life(self) -> bool:
        """Whether no common period is stated (``period: lifetime`` or none)."""
        return self.period is None or str(self.period).strip() == "lifetime"


def stated_assumptions(a: AssumptionsSpec) -> StatedAssumptions:
    """The assumptions a plan's texts show, from the merged assumptions of a tender."""
    return StatedAssumptions(
        period=_plain(a.period),
        rate_type=a.rate_type or "real",
        discount_rate=_plain(a.discount_rate),
        escalation={k: _plain(v) for k, v in a.escalation.items()},
        co2_price=_plain(a.co2_price),
        emission_prices={k: _plain(v) for k, v in a.emission_prices.items()},
        exchange_rates=dict(a.exchange_rates),
    )


def _plain(value: Any) -> Any:
    """A value as plain Python data (a pydantic model as its mapping)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    dump = getattr(value, "model_dump", None)
    return dump() if dump is not None else value


_CACHE: dict[int, tuple[weakref.ref[ProductModel], PlanModel]] = {}
_LOCK = threading.Lock()


def plan_model(model: ProductModel, factors: Mapping[str, float] | None = None) -> PlanModel:
    """The plan's view of a product model, built once per model.

    Parameters
    ----------
    model : ProductModel
    factors : mapping of str to float, optional
        Each item's or emission's :attr:`StreamFormulas.factor` where it is
        not 1 (a formula in another currency than the tender's).

    Examples
    --------
    >>> import tco
    >>> m = plan_model(tco.load_model("indoor-lighting"))
    >>> m.id, m.parameters["power"].unit, m.bid_parameters[:2]
    ('indoor-lighting', 'W', ('price', 'power'))
    """
    key = id(model)
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None and hit[0]() is model:
        built = hit[1]
    else:
        built = _build(model)
        with _LOCK:
            if len(_CACHE) >= 256:
                _CACHE.clear()
            _CACHE[key] = (weakref.ref(model), built)
    if not factors:
        return built
    return replace(
        built,
        items=tuple(_factored(s, factors) for s in built.items),
        emissions=tuple(_factored(s, factors) for s in built.emissions),
    )


def _factored(s: StreamFormulas, factors: Mapping[str, float]) -> StreamFormulas:
    f = factors.get(s.name, 1.0)
    return s if f == s.factor else replace(s, factor=f)


def _build(model: ProductModel) -> PlanModel:
    spec = model.spec
    units = {n: p.spec.unit for n, p in model.parameters.items()}
    units.update(BUILTINS)

    def formula(c: Compiled | None) -> Formula | None:
        return None if c is None else Formula.of(c, units)

    streams: dict[str, list[StreamFormulas]] = {"item": [], "emission": []}
    for s in (*model.items.values(), *model.emissions.values()):
        item = s.kind == "item"
        amount = formula(s.amount)
        assert amount is not None
        streams[s.kind].append(
            StreamFormulas(
                s.name,
                s.kind,
                s.spec.category if item else "externalities",
                s.spec.timing,
                amount,
                when=formula(s.when),
                start=formula(s.start),
                stop=formula(s.stop),
                per_unit=s.spec.per_unit,
                escalation=s.spec.escalation if item else None,
                discounting=s.spec.discounting if item else None,
                indexation=s.spec.indexation if item else None,
                residual=s.spec.residual if item else None,
                substance="" if item else s.spec.substance,
                label=s.spec.label,
            )
        )
    return PlanModel(
        id=spec.id,
        version=spec.version,
        title=spec.title,
        functional_unit=spec.functional_unit,
        escalation={k: _plain(v) for k, v in spec.escalation.items()},
        escalation_groups=model.escalation_groups,
        parameters={
            n: PlanParameter(
                n,
                p.spec.unit,
                p.spec.bid,
                p.spec.by_year,
                label=p.spec.label,
                minimum=p.spec.min,
                maximum=p.spec.max,
            )
            for n, p in model.parameters.items()
        },
        lifetime=formula(model.lifetime),
        items=tuple(streams["item"]),
        emissions=tuple(streams["emission"]),
    )
