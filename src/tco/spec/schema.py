"""pydantic models of product models and tenders, in the user's own units.

These classes check the *shape* of a file: which keys exist, their types and
their choices. Values stay as the user wrote them (``"2.13 DKK/kWh"``); units
and formulas are checked when a model is compiled (:mod:`tco.spec.load` and
:mod:`tco.compile`). Every key is documented in ``docs/spec.md``.
:func:`spec_errors` lives in :mod:`tco.spec.problems` and is re-exported here;
a file's data is read as these classes by :func:`tco.spec.validation.validate`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tco.spec.number_fields import Number, Positive
from tco.spec.problems import spec_errors

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["spec_errors"]

Category = Literal["acquisition", "use", "maintenance", "end_of_life", "externalities"]
#: When in its year an annual amount falls, and is discounted and priced: the options of the
#: timing convention, whose meaning (the shift back from the year's end) is
#: :data:`tco.engine.conventions.TIMING`. The one list a tender, a model and the engine accept.
Timing = Literal["end", "mid", "begin"]
#: The cost categories of EU Directive 2014/24/EU, Art. 68, in reporting order.
CATEGORIES: tuple[str, ...] = ("acquisition", "use", "maintenance", "end_of_life", "externalities")


def _no_bool(value: Any) -> Any:
    """Refuse yes/no where a value belongs (YAML reads ``yes``, ``on`` as booleans)."""
    if isinstance(value, bool):
        raise ValueError(
            f"got {value}, a yes/no value, where a number with its unit belongs; write the "
            "value as '4 %' or '15 year'"
        )
    return value


Scalar = Annotated[str | float | int, BeforeValidator(_no_bool)]
Value = Scalar | list[Scalar]
#: One band of a discount-rate schedule: ``{to: 35, rate: 3.5 %}`` (the last may omit ``to``).
Band = dict[str, Scalar]
#: A discount rate: one rate, or a schedule of bands by year.
Rate = Scalar | list[Band]
#: Which bases a file selects: one id, or several (later ones take precedence).
BasisNames = str | list[str] | None
TIMINGS = ("once", "annual", "every", "at", "end_of_life")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_NAME_RE = re.compile(r"^[^\W\d]\w*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BasisRef(_Strict):
    """A reference to a basis value, ``{basis: NAME}`` (see ``docs/bases.md``).

    Replaced by the value before a file is checked; this class documents the
    shape in the JSON Schema. ``from`` (a calendar year) takes a by-year value
    from the first year of use on, ``year`` one year of it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    basis: str
    from_: int | None = Field(default=None, alias="from")
    year: int | None = None


class ResidualShare(_Strict):
    """A residual value stated as a share of the initial cost, ``{share: 20 %}`` (NIST BLCC)."""

    share: Scalar


#: How the last unit's remaining value is credited at the period's end.
Residual = Literal["linear", "none"] | ResidualShare


class Text(_Strict):
    """A text in English and, where given, Danish and Swedish."""

    en: str
    da: str | None = None
    sv: str | None = None

    def get(self, lang: str = "en") -> str:
        """Return the text in ``lang``, falling back to English."""
        said = {"da": self.da, "sv": self.sv}.get(lang)
        return said or self.en


def _text(value: Any) -> Any:
    return {"en": value} if isinstance(value, str) else value


class ParameterSpec(_Strict):
    """One parameter of a product model (see ``docs/spec.md``)."""

    unit: str = ""
    default: Value | BasisRef | None = None
    min: Scalar | None = None
    max: Scalar | None = None
    bid: bool = False
    by_year: bool = False
    label: Text | None = None
    description: Text | None = None
    #: Where the default comes from: a note in English and, where given, Danish.
    source: Text | None = None
    #: How a bid value is checked (data sheet, test standard), for the tender annex.
    verification: Text | None = None

    _t = field_validator("label", "description", "source", "verification", mode="before")(_text)


class _Timed(_Strict):
    once: Scalar | None = None
    annual: Scalar | None = None
    every: Scalar | None = None
    at: Scalar | None = None
    end_of_life: Scalar | None = None
    amount: Scalar | None = None
    start: Scalar | None = None
    stop: Scalar | None = None
    per_unit: bool = True
    label: Text | None = None
    description: Text | None = None
    source: str | None = None

    _t = field_validator("label", "description", mode="before")(_text)

    @property
    def timing(self) -> str:
        """The timing key this stream uses."""
        for key in TIMINGS:
            if getattr(self, key) is not None:
                return key
        raise AssertionError("validated streams have a timing")  # pragma: no cover

    @property
    def formula(self) -> str:
        """The amount formula, as text."""
        raw = self.amount if self.timing in ("every", "at") else getattr(self, self.timing)
        return str(raw)

    @model_validator(mode="after")
    def _one_timing(self) -> _Timed:
        given = [k for k in TIMINGS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one timing of {', '.join(TIMINGS)}; got "
                + (", ".join(given) if given else "none")
            )
        timing = given[0]
        if timing in ("every", "at") and self.amount is None:
            raise ValueError(f"'{timing}' gives when; add 'amount' for how much")
        if timing not in ("every", "at") and self.amount is not None:
            raise ValueError(f"'amount' goes with 'every' or 'at'; with '{timing}' remove it")
        if timing != "annual" and (self.start is not None or self.stop is not None):
            raise ValueError("'start' and 'stop' go with 'annual' only")
        return self


class ItemSpec(_Timed):
    """One cost item of a product model (see ``docs/spec.md``)."""

    category: Category
    escalation: str | None = None
    residual: bool | None = None
    discounting: Timing | None = None  # when it is paid in its year
    indexation: str | None = None  # a bid parameter: the stream's own escalation per year


class EmissionSpec(_Timed):
    """One emission stream of a product model, in mass (see ``docs/spec.md``)."""

    substance: str = "co2e"


class AssumptionsSpec(_Strict):
    """The buyer's assumptions of a tender (or a model's defaults for them)."""

    #: How numbers are written: ``en`` (1,450.50) or ``da`` (1.450,50); see docs/spec.md.
    number_format: Literal["en", "da"] | None = None
    #: Accept rates outside the plausible ranges (discount rate -5 %..20 %, ...).
    allow_unusual_rates: bool | None = None
    currency: str | None = None
    discount_rate: Rate | BasisRef | None = None
    rate_type: Literal["real", "nominal"] | None = None
    inflation: Scalar | None = None
    period: Scalar | BasisRef | None = None
    quantity: Scalar | None = None
    discounting: Timing | None = None
    price_year: Literal[0, 1] | None = None
    residual_value: Residual | None = None
    escalation: dict[str, Value | BasisRef] = Field(default_factory=dict)
    co2_price: Value | BasisRef | None = None
    emission_prices: dict[str, Value | BasisRef] = Field(default_factory=dict)
    externalities: Literal["award", "report"] | None = None
    exchange_rates: dict[str, Scalar] = Field(default_factory=dict)
    annualise_at: Literal["real", "nominal"] | None = None  # by default the rate_type's
    #: Annual item -> when it is paid in its year, over the item's and the tender's timing.
    item_discounting: dict[str, Timing] = Field(default_factory=dict)

    def merged(self, override: AssumptionsSpec) -> AssumptionsSpec:
        """Return these assumptions with ``override``'s given values on top."""
        data = self.model_dump(exclude_defaults=True)
        for key, value in override.model_dump(exclude_defaults=True).items():
            if isinstance(value, dict):
                data[key] = {**data.get(key, {}), **value}
            else:
                data[key] = value
        return AssumptionsSpec.model_validate(data)


class ModelSpec(_Strict):
    """A product model as written in its YAML file (see ``docs/spec.md``)."""

    id: str
    title: Text
    description: Text | None = None
    functional_unit: Text
    functional_units: Annotated[Text | None, BeforeValidator(_text)] = None  # plural: "12 biler"
    version: str | None = None
    sources: list[str] = Field(default_factory=list)
    #: The bases the model's ``{basis: NAME}`` references are looked up in.
    basis: BasisNames = None
    lifetime: Scalar | None = None
    residual_value: Residual = "linear"
    assumptions: AssumptionsSpec = Field(default_factory=AssumptionsSpec)
    escalation: dict[str, Value | BasisRef] = Field(default_factory=dict)
    parameters: dict[str, ParameterSpec]
    items: dict[str, ItemSpec]
    emissions: dict[str, EmissionSpec] = Field(default_factory=dict)

    _t = field_validator("title", "description", "functional_unit", mode="before")(_text)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError(
                "an id is lower-case letters, digits, '-' and '_', as 'indoor-lighting'"
            )
        return value

    @field_validator("parameters", "items", "emissions")
    @classmethod
    def _names(cls, value: dict[str, Any]) -> dict[str, Any]:
        for name in value:
            if not _NAME_RE.match(name):
                raise ValueError(
                    f"'{name}' is not a valid name; use letters, digits and '_', "
                    "starting with a letter, as 'electricity_price'"
                )
        return value

    @field_validator("items")
    @classmethod
    def _some_items(cls, value: dict[str, Any]) -> dict[str, Any]:
        if not value:
            raise ValueError("a model needs at least one cost item")
        return value


class BidSpec(BaseModel):
    """One supplier's bid: a name and values for the model's bid parameters."""

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1)
    notes: str | None = None
    #: Quality points per award criterion, for tender scoring (:mod:`tco.analysis.scoring`).
    quality: dict[str, Number] | None = None

    @property
    def values(self) -> dict[str, Any]:
        """The parameter values of this bid, as written."""
        return dict(self.model_extra or {})


class ScoringSpec(_Strict):
    """How the life-cycle cost enters a weighted award (see :mod:`tco.analysis.scoring`)."""

    method: Literal["proportional", "linear_slope", "linear_ceiling", "linear_range"] = (
        "proportional"
    )
    max_points: Number = Field(default=10.0, gt=0)
    slope: Number = Field(default=1.0, gt=0)
    ceiling: Positive | None = None
    #: Criterion -> weight; ``price`` is the life-cycle cost.
    weights: dict[str, Number] = Field(default_factory=lambda: {"price": 1.0})


class ProfileSpec(_Strict):
    """A named usage profile: values of the buyer's inputs under which the bids are also ranked.

    See :mod:`tco.analysis.profiles` and ``docs/profiles.md``.
    """

    #: What the profile is called in every output (``School`` or ``{en: School, da: Skole}``);
    #: its id where not given.
    label: Text | None = None
    #: The profile's weight, read with the value grammar by :func:`tco.analysis.profiles.profiles`:
    #: a relative weight (its share is the weight over the sum), or a share in percent; every
    #: profile has one, or none has (equal shares).
    weight: Scalar | None = None
    #: Input -> value, as in ``scenarios``: buyer parameters and assumptions.
    parameters: dict[str, Scalar] = Field(default_factory=dict)

    _t = field_validator("label", mode="before")(_text)


class LineSpec(_Strict):
    """One product line of a basket tender (see ``docs/basket.md``)."""

    name: str = Field(min_length=1)
    #: The line's product model; by default the basket's.
    model: str | dict[str, Any] | None = None
    quantity: Number = Field(gt=0)
    #: Buyer's values for this line, on top of the basket's ``parameters``.
    parameters: dict[str, Value | BasisRef] = Field(default_factory=dict)


class BasketBidSpec(_Strict):
    """One supplier's bid in a basket tender: a product (its values) per line."""

    name: str = Field(min_length=1)
    notes: str | None = None
    #: Line name -> the bid parameters of that line's model.
    lines: dict[str, dict[str, Any]]


class BasketSpec(_Strict):
    """A basket tender as written: several product lines, each bid offering one product per line."""

    model: str | dict[str, Any] | None = None
    basis: BasisNames = None
    title: str | None = None
    description: str | None = None
    assumptions: AssumptionsSpec = Field(default_factory=AssumptionsSpec)
    parameters: dict[str, Value | BasisRef] = Field(default_factory=dict)
    lines: list[LineSpec] = Field(min_length=1)
    #: The bids; a basket published for bid forms may have none yet.
    bids: list[BasketBidSpec] = Field(default_factory=list)


class TenderSpec(_Strict):
    """A tender as written in its YAML file (see ``docs/spec.md``)."""

    model: str | dict[str, Any]
    #: The bases the tender selects (see ``docs/bases.md``).
    basis: BasisNames = None
    title: str | None = None
    description: str | None = None
    assumptions: AssumptionsSpec = Field(default_factory=AssumptionsSpec)
    parameters: dict[str, Value | BasisRef] = Field(default_factory=dict)
    bids: list[BidSpec]
    #: Distributions of uncertain inputs, checked by :mod:`tco.analysis.uncertainty`.
    uncertainty: dict[str, Any] | None = None
    #: Named sets of input values, evaluated side by side by :mod:`tco.analysis.oneway`.
    scenarios: dict[str, dict[str, Scalar]] = Field(default_factory=dict)
    #: The award's price-point model and weights (``tco score``, the tender annex).
    scoring: ScoringSpec | None = None
    #: Named usage profiles, ranked side by side by :mod:`tco.analysis.profiles`.
    profiles: dict[str, ProfileSpec] = Field(default_factory=dict)
    buyer: str | None = None  # the buying organisation, the annex's author
    limits: dict[str, dict[Literal["min", "max"], Scalar]] = Field(default_factory=dict)

    @field_validator("bids")
    @classmethod
    def _bids(cls, value: list[BidSpec]) -> list[BidSpec]:
        # Two bids of one name are refused with the tender's values (tco.plan.compiler), so
        # that the one problem does not hide the others.
        if not value:
            raise ValueError("a tender needs at least one bid")
        return value
