"""The ``uncertainty:`` section of a tender: which inputs are uncertain, and how.

.. code-block:: yaml

    uncertainty:
      samples: 10000          # default number of samples
      seed: 2026              # for reproducible results
      parameters:
        electricity_price: {dist: triangular, low: 1.6 DKK/kWh, mode: 2.13 DKK/kWh,
                            high: 3.2 DKK/kWh}
        operating_hours: {dist: normal, mean: 3000 h/year, sd: 300 h/year}
        power: {dist: uniform, low: -5 %, high: 10 %, relative: true, per_bid: true}
        escalation.electricity: {dist: pert, low: 0 %, mode: 1.67 %, high: 4 %}
        discount_rate: {dist: discrete, values: [3 %, 4 %, 5 %], weights: [1, 2, 1]}
      correlation:
        - [electricity_price, escalation.electricity, 0.5]

Inputs are named as in :mod:`tco.analysis.inputs`. Values are written in the
input's unit; with ``relative: true`` they are changes of the tender's value
(the input becomes ``value * (1 + x)``). An input is the same for every bid
in a sample, unless ``per_bid: true`` (a bid parameter drawn independently for
each bid, such as the real power of each supplier's luminaire).
``correlation`` gives the correlation of the normals of a Gaussian copula
between inputs that are not ``per_bid`` (see
:func:`tco.analysis.distributions.gaussian_copula`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tco.analysis.distributions import KINDS, Distribution, gaussian_copula
from tco.analysis.inputs import Change, Input, resolve_input
from tco.errors import SpecError
from tco.plan import Plan
from tco.spec.number_fields import Number, Whole
from tco.spec.schema import spec_errors

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Scalar = str | float | int


class DistributionSpec(BaseModel):
    """One uncertain input as written in a tender."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dist: Literal["uniform", "triangular", "normal", "lognormal", "pert", "discrete"]
    low: Scalar | None = None
    high: Scalar | None = None
    mode: Scalar | None = None
    mean: Scalar | None = None
    sd: Scalar | None = None
    values: list[Scalar] | None = None
    weights: list[Number] | None = None
    shape: Number = Field(default=4.0, gt=0)
    relative: bool = False
    per_bid: bool = False


class UncertaintySpec(BaseModel):
    """The ``uncertainty:`` section of a tender."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    samples: Whole = Field(default=10_000, ge=2, le=10_000_000)
    seed: Whole | None = Field(default=None, ge=0)
    parameters: dict[str, DistributionSpec] = Field(min_length=1)
    correlation: list[tuple[str, str, Number]] = Field(default_factory=list)


@dataclass(frozen=True)
class Uncertain:
    """One uncertain input, ready to sample.

    Attributes
    ----------
    input : Input
    distribution : Distribution
        In the plan's units, or of the relative change when ``relative``.
    relative : bool
    per_bid : bool
    """

    input: Input
    distribution: Distribution
    relative: bool = False
    per_bid: bool = False


@dataclass(frozen=True)
class Uncertainty:
    """Every uncertain input of an analysis, with correlations and defaults."""

    inputs: tuple[Uncertain, ...]
    correlation: dict[tuple[str, str], float] = field(default_factory=dict)
    samples: int = 10_000
    seed: int | None = None

    def draw(self, rng: np.random.Generator, n: int) -> list[Change]:
        """Draw ``n`` samples of every input, as changes of shape (n,) or (n, B).

        Examples
        --------
        >>> import tco
        >>> plan = tco.load_tender(tco.example_path("indoor-lighting")).plan
        >>> u = parse_uncertainty(plan, {"parameters": {
        ...     "electricity_price": {"dist": "uniform", "low": "2 DKK/kWh", "high": "3 DKK/kWh"},
        ...     "power": {"dist": "normal", "mean": 0, "sd": "5 %", "relative": True,
        ...               "per_bid": True}}})
        >>> [c.values.shape for c in u.draw(np.random.default_rng(1), 4)]
        [(4,), (4, 3)]
        """
        B = self.inputs[0].input.plan.n_bids if self.inputs else 0
        draws = [u.distribution.sample(rng, (n, B) if u.per_bid else n) for u in self.inputs]
        names = [u.input.name for u in self.inputs]
        linked = sorted({x for pair in self.correlation for x in pair}, key=names.index)
        if linked:
            K = len(linked)
            C = np.eye(K)
            for (a, b), rho in self.correlation.items():
                i, j = linked.index(a), linked.index(b)
                C[i, j] = C[j, i] = rho
            cols = [names.index(x) for x in linked]
            joint = gaussian_copula(np.stack([draws[c] for c in cols], axis=1), C, rng)
            for k, c in enumerate(cols):
                draws[c] = joint[:, k]
        return [Change(u.input, x, u.relative) for u, x in zip(self.inputs, draws, strict=True)]


def parse_uncertainty(
    plan: Plan, data: Mapping[str, Any], *, file: str | None = None
) -> Uncertainty:
    """Check an ``uncertainty:`` mapping against a tender and read its values.

    ``data["parameters"]`` may also hold :class:`Distribution` objects (in
    the plan's units) instead of mappings.

    Raises
    ------
    SpecError
        Naming ``uncertainty.<field>`` for every problem.
    """
    prefix: tuple[str | int, ...] = ("uncertainty",)
    raw = data.get("parameters") or {}
    raw_params = dict(raw) if isinstance(raw, Mapping) else {}
    ready = {k: v for k, v in raw_params.items() if isinstance(v, Distribution)}
    rest = {**data, "parameters": {k: v for k, v in raw_params.items() if k not in ready}}
    if not isinstance(raw, Mapping):
        rest["parameters"] = raw  # not a mapping: the shape check below reports it
    if ready and not rest["parameters"]:
        rest["parameters"] = {"_": {"dist": "uniform", "low": 0, "high": 1}}
    try:
        spec = UncertaintySpec.model_validate(rest)
    except ValidationError as exc:
        raise spec_errors(exc, UncertaintySpec, file=file, prefix=prefix) from None
    inputs: list[Uncertain] = []
    for name, dist in ready.items():
        inputs.append(Uncertain(_locate(plan, name, file, prefix), dist))
    for name, d in spec.parameters.items():
        if name in ready or (name == "_" and ready):
            continue
        path = (*prefix, "parameters", name)
        inp = _locate(plan, name, file, prefix)
        if d.per_bid and not inp.per_bid:
            raise SpecError(
                f"'{name}' is the same for every bid; 'per_bid: true' needs a bid parameter",
                file=file,
                path=(*path, "per_bid"),
                value=True,
                expected="false",
            ).speaks("per_bid_buyer", name=name)
        needed = KINDS[d.dist]
        kwargs: dict[str, Any] = {}
        try:
            for key in needed:
                raw = getattr(d, key)
                if raw is None:
                    raise SpecError(
                        f"a {d.dist} distribution needs " + ", ".join(f"'{k}'" for k in needed),
                        path=(key,),
                        expected=f"a value for '{key}'",
                    ).speaks("dist_needs", kind=d.dist, keys_list=list(needed))
                try:
                    if key == "values":
                        kwargs[key] = []
                        for j, v in enumerate(raw):
                            at: tuple[str | int, ...] = (key, j)
                            kwargs[key].append(inp.parse(v, relative=d.relative))
                    else:
                        at = (key,)
                        kwargs[key] = inp.parse(raw, relative=d.relative)
                except SpecError as err:
                    raise (err if err.path else err.located(None, at)) from None
            if d.dist == "discrete" and d.weights is not None:
                kwargs["weights"] = d.weights
            if d.dist == "pert":
                kwargs["shape"] = d.shape
            dist = Distribution(d.dist, **kwargs)
        except SpecError as err:
            raise err.located(file, path) from None
        inputs.append(Uncertain(inp, dist, d.relative, d.per_bid))
    names = [u.input.name for u in inputs]
    correlation: dict[tuple[str, str], float] = {}
    for k, (a, b, rho) in enumerate(spec.correlation):
        path = (*prefix, "correlation", k)
        for x in (a, b):
            if x not in names:
                raise SpecError(
                    f"'{x}' is not among the uncertain inputs (" + ", ".join(names) + ")",
                    file=file,
                    path=path,
                    value=x,
                    expected="the name of an uncertain input",
                ).speaks("not_uncertain", name=x, names=", ".join(names))
            if inputs[names.index(x)].per_bid:
                raise SpecError(
                    f"'{x}' is drawn per bid and cannot be correlated",
                    file=file,
                    path=path,
                    value=x,
                    expected="an input that is the same for every bid",
                ).speaks("per_bid_correlated", name=x)
        if a == b or not -1.0 < rho < 1.0:
            raise SpecError(
                "a correlation links two different inputs with a value above -1 and below 1",
                file=file,
                path=path,
                value=rho,
                expected="a value above -1 and below 1",
            ).speaks("corr_value")
        correlation[(a, b)] = rho
    return Uncertainty(tuple(inputs), correlation, spec.samples, spec.seed)


def _locate(plan: Plan, name: str, file: str | None, prefix: tuple[str | int, ...]) -> Input:
    try:
        return resolve_input(plan, name)
    except SpecError as err:
        raise err.located(file, (*prefix, "parameters", name)) from None
