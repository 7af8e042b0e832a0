"""Usage profiles: the same bids ranked for customers whose use differs.

A framework agreement serves customers whose use differs: a school runs its
lights 2,000 hours a year, a care home 6,000. A tender states named usage
profiles, each a set of values of the buyer's inputs (``operating_hours``,
``annual_distance``, ``quantity``, ...) with a weight::

    profiles:
      school:    {weight: 3, parameters: {operating_hours: 2000 h/year}}
      care_home: {weight: 1, parameters: {operating_hours: 6000 h/year}}

Weights (:data:`WEIGHT_RULES`) are given for every profile or for none. Plain
numbers are *relative* weights: a profile's share is its weight over the sum
of the weights (3 and 1: 75 % and 25 %). Percentages are *shares* and must add
up to 100 % (within :data:`SHARE_TOLERANCE`). Without weights the profiles
have equal shares. A weight is read with the one value grammar, must be
positive, finite and at most :data:`~tco.limits.MAX_PROFILE_WEIGHT`; anything
else is refused.

:func:`profiles` evaluates every bid under every profile in one vectorised
pass (the ``K`` profiles are the leading axis of
:func:`tco.analysis.variants.evaluate_variants`: the model's formulas run
once on ``K * B`` rows, with no Python loop over profiles). It gives

- the cost of each bid under each profile and the ranking per profile;
- the weighted cost ``sum_k w_k * cost_k / sum_k w_k`` (the expected cost
  per customer, weights normalised) and the ranking on it;
- where the winner changes: for two profiles in a row whose winners differ,
  the point on the straight line between their input values where the
  winner changes (found on a grid of :data:`GRID` points, all evaluated in
  one more vectorised pass).

The cost compared is the present value, or the annualised cost where each
bid is costed over its own lifetime (as :attr:`tco.result.Result.ranked_by`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tco.analysis.inputs import Change, Input, resolve_input
from tco.analysis.variants import evaluate_variants
from tco.engine.metrics import rank
from tco.errors import SpecError
from tco.spec.product import ProductModel
from tco.tender import Tender

__all__ = ["GRID", "SHARE_TOLERANCE", "WEIGHT_RULES", "ProfileTable", "profile_weights", "profiles"]

Array = NDArray[np.float64]

#: Points on the line between two profiles searched for a change of winner.
GRID = 1001

#: How the weights were given: ``relative`` (plain numbers, shares = weight / sum),
#: ``shares`` (percentages adding up to 100 %) or ``equal`` (none given).
WEIGHT_RULES: tuple[str, ...] = ("relative", "shares", "equal")

#: How far shares written in percent may add up from 100 %, for rounded shares (3 x 33.3 %).
SHARE_TOLERANCE = 0.005


@dataclass(frozen=True, eq=False)
class ProfileTable:
    """Costs and rankings of every bid under every usage profile.

    Attributes
    ----------
    bids : tuple of str
    names : tuple of str
        The profiles, in the tender's order.
    weights : ndarray, shape (K,)
        Normalised weights (summing to 1).
    cost : ndarray, shape (K, B)
        Present value (or annualised cost, see ``ranked_by``) per profile and bid. [currency]
    currency : str
    ranked_by : {"total", "annualised"}
    settings : dict of str to dict of str to str
        Each profile's input values, as written.
    switches : list of dict
        Where the winner changes between two profiles in a row (see :func:`profiles`).
    labels : dict of str to dict of str to str
        Each labelled profile's label per language (``{"en": ..., "da": ...}``).
    model : ProductModel, optional
        The tender's product model (for the labels and units of the inputs).
    raw_weights : ndarray, shape (K,), optional
        The weights as given (before they are normalised; a share in percent as a fraction).
    weight_rule : {"relative", "shares", "equal"}
        How the weights were given (:data:`WEIGHT_RULES`).
    """

    bids: tuple[str, ...]
    names: tuple[str, ...]
    weights: Array
    cost: Array
    currency: str
    ranked_by: str
    settings: dict[str, dict[str, str]] = field(default_factory=dict)
    switches: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    model: ProductModel | None = None
    raw_weights: Array | None = None
    weight_rule: str = "relative"

    def label(self, name: str, lang: str = "en") -> str:
        """A profile's label in ``lang``.

        English where the label has no text in ``lang``; the profile's id where it has no label.

        Examples
        --------
        >>> import tco
        >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting-profiles")))
        >>> t.label("care_home"), t.label("care_home", "da")
        ('Care home', 'Plejehjem')
        """
        texts = self.labels.get(name)
        if not texts:
            return name
        return texts.get(lang) or texts["en"]

    @property
    def ranks(self) -> NDArray[np.int64]:
        """Rank per profile and bid, 1 the cheapest, shape (K, B)."""
        return np.stack([rank(c) for c in self.cost])

    @property
    def winners(self) -> tuple[str, ...]:
        """The cheapest bid under each profile."""
        return tuple(self.bids[int(np.argmin(r))] for r in self.ranks)

    @property
    def weighted(self) -> Array:
        """Weighted cost per bid, ``sum_k w_k * cost_k``. [currency], shape (B,)"""
        out: Array = self.weights @ self.cost
        return out

    @property
    def weighted_rank(self) -> NDArray[np.int64]:
        """Rank per bid on the weighted cost."""
        return rank(self.weighted)

    @property
    def winner(self) -> str:
        """The cheapest bid on the weighted cost."""
        return self.bids[int(np.argmin(self.weighted_rank))]

    @property
    def winner_changes(self) -> bool:
        """Whether the cheapest bid differs between profiles."""
        return len(set(self.winners)) > 1

    def rows(self, lang: str = "en") -> list[dict[str, Any]]:
        """One row per profile: label in ``lang``, weight, each bid's cost and rank, the winner."""
        out = []
        for k, name in enumerate(self.names):
            out.append(
                {
                    "profile": name,
                    "label": self.label(name, lang),
                    "weight": float(
                        (self.raw_weights if self.raw_weights is not None else self.weights)[k]
                    ),
                    "share": float(self.weights[k]),
                    "parameters": dict(self.settings.get(name, {})),
                    "bids": [
                        {
                            "bid": b,
                            "cost": float(self.cost[k, i]),
                            "rank": int(self.ranks[k, i]),
                        }
                        for i, b in enumerate(self.bids)
                    ],
                    "winner": self.winners[k],
                }
            )
        return out

    def __repr__(self) -> str:
        from tco.views.profiles import profiles_text

        return profiles_text(self)

    def _repr_html_(self) -> str:
        from tco.views.html import STYLE
        from tco.views.profiles_html import profiles_html

        return STYLE + "".join(profiles_html(self, charts=False))

    def plot(self, *, lang: str | None = None, rank: Any = None) -> Any:
        """The chart of each bid's cost per profile (:mod:`tco.views.plot_profiles`); its axes."""
        from tco.views.plot_profiles import profiles_chart

        return profiles_chart(self, lang=lang, rank=rank)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Every number as plain Python values (for JSON); labels in ``lang``."""
        return {
            "currency": self.currency,
            "ranked_by": self.ranked_by,
            "weights": self.weight_rule,
            "profiles": self.rows(lang),
            "weighted": [
                {"bid": b, "cost": float(self.weighted[i]), "rank": int(self.weighted_rank[i])}
                for i, b in enumerate(self.bids)
            ],
            "winner": self.winner,
            "winner_changes": self.winner_changes,
            "switches": self.switches,
        }


def profiles(
    tender: Tender,
    named: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    weights: Mapping[str, Any] | None = None,
    switches: bool = True,
) -> ProfileTable:
    """Rank every bid under each usage profile and on their weighted cost.

    Parameters
    ----------
    tender : Tender
    named : mapping, optional
        Profile name -> {input: value as in the tender}. By default the
        tender's ``profiles:`` section (with its weights).
    weights : mapping of str to str or float, optional
        Profile name -> weight (as in a tender, see :func:`profile_weights`);
        by default the tender's, else equal shares.
    switches : bool
        Search where the winner changes between profiles in a row (one more
        pass of ``(K - 1) x GRID`` rows per bid); without, ``switches`` is empty.

    Returns
    -------
    ProfileTable

    Raises
    ------
    SpecError
        With no profiles, for an unknown input, a bid parameter, a value of the
        wrong unit, or weights that are neither relative weights nor shares
        (see :func:`profile_weights`).

    Examples
    --------
    >>> import tco
    >>> t = profiles(tco.load_tender(tco.example_path("indoor-lighting")),
    ...              {"school": {"operating_hours": "2000 h/year"},
    ...               "night": {"operating_hours": "500 h/year"}})
    >>> t.winners
    ('Premium LED', 'Budget Light')
    """
    file = tender.file
    labels: dict[str, dict[str, str]] = {}
    if named is None:
        named = {k: p.parameters for k, p in tender.spec.profiles.items()}
        weights = {k: p.weight for k, p in tender.spec.profiles.items()}
        labels = {
            k: p.label.model_dump(exclude_none=True)
            for k, p in tender.spec.profiles.items()
            if p.label is not None
        }
    if not named:
        raise SpecError(
            "the tender has no usage profiles",
            file=file,
            path=("profiles",),
            expected="profiles: {NAME: {weight: W, parameters: {INPUT: VALUE}}}",
        ).speaks("no_profiles")
    plan = tender.plan
    names = tuple(named)
    K = len(names)
    w, shares, rule = profile_weights(
        names,
        weights or {},
        convention=tender.spec.assumptions.number_format,
        file=file,
    )
    found: dict[str, Input] = {}
    values: dict[str, Array] = {}
    for k, (pname, setting) in enumerate(named.items()):
        for name, raw in setting.items():
            path = ("profiles", pname, "parameters", name)
            try:
                inp = found.get(name) or resolve_input(plan, name)
                if inp.per_bid:
                    raise SpecError(
                        f"'{name}' is a bid parameter; a profile sets the buyer's inputs "
                        "(operating hours, distances, prices, quantity)",
                        value=name,
                        expected="a buyer parameter or an assumption",
                    ).speaks("profile_bid_parameter", name=name)
                value = inp.parse(raw)
            except SpecError as err:
                raise err.located(file, path) from None
            found[name] = inp
            if name not in values:
                values[name] = np.tile(inp.current, (K, 1))
            values[name][k] = value
    changes = [Change(found[n], v) for n, v in values.items()]
    totals = evaluate_variants(plan, changes, K)
    ranked_by = "total" if np.all(plan.period == plan.period[0]) else "annualised"
    cost = totals if ranked_by == "total" else totals / _annuity(tender, changes, K)
    table = ProfileTable(
        bids=plan.bids,
        names=names,
        weights=shares,
        cost=cost,
        currency=plan.currency,
        ranked_by=ranked_by,
        settings={k: {n: str(v) for n, v in s.items()} for k, s in named.items()},
        labels=labels,
        model=tender.model,
        raw_weights=w,
        weight_rule=rule,
    )
    if not (switches and table.winner_changes):
        return table
    return replace(table, switches=_switches(tender, table, found, values))


def profile_weights(
    names: tuple[str, ...],
    weights: Mapping[str, Any],
    *,
    convention: str | None = None,
    file: str | None = None,
) -> tuple[Array, Array, str]:
    """Read the profiles' weights and their shares.

    Parameters
    ----------
    names : tuple of str
        The profiles, in order.
    weights : mapping of str to str or float
        Profile name -> weight as written (``3``, ``"1,5"``, ``"20 %"``); a
        profile missing or ``None`` has none.
    convention : {"en", "da"}, optional
        The tender's number format.
    file : str, optional
        The tender file, for messages.

    Returns
    -------
    weights : ndarray, shape (K,)
        The weights as given (a percentage as a fraction). [unitless]
    shares : ndarray, shape (K,)
        Each profile's share, summing to 1. [unitless]
    rule : {"relative", "shares", "equal"}
        How they were given (:data:`WEIGHT_RULES`).

    Raises
    ------
    SpecError
        A weight given for some profiles and not for others; one that is not a
        plain number or percentage, not positive, not finite or over
        :data:`~tco.limits.MAX_PROFILE_WEIGHT`; plain numbers mixed with
        percentages; or percentages that do not add up to 100 %.

    Examples
    --------
    >>> profile_weights(("a", "b"), {"a": 3, "b": "1"})
    (array([3., 1.]), array([0.75, 0.25]), 'relative')
    >>> profile_weights(("a", "b"), {"a": "20 %", "b": "80 %"})[1:]
    (array([0.2, 0.8]), 'shares')
    >>> profile_weights(("a", "b"), {"a": 3})
    Traceback (most recent call last):
    ...
    tco.errors.SpecError: profiles.b.weight: the profile has no weight, but others have; \
give every profile a weight, or none (equal shares)
    """
    from tco.limits import MAX_PROFILE_WEIGHT
    from tco.units import parse_value
    from tco.units.registry import names_of

    given = {k: weights.get(k) for k in names}
    missing = [k for k, v in given.items() if v is None]
    K = len(names)
    if len(missing) == K:
        return np.ones(K), np.full(K, 1.0 / K), "equal"
    if missing:
        k = missing[0]
        raise SpecError(
            "the profile has no weight, but others have; give every profile a weight, "
            "or none (equal shares)",
            file=file,
            path=("profiles", k, "weight"),
            expected="a weight for every profile, or for none",
        ).speaks("profile_weight_missing", name=k)
    w = np.empty(K)
    percent = []
    for i, (k, raw) in enumerate(given.items()):
        path = ("profiles", k, "weight")
        q = parse_value(raw, "", convention=convention, path=path, file=file)
        percent.append("percent" in names_of(q.units))
        w[i] = float(q.to("dimensionless").magnitude)
        if not (0.0 < w[i] <= MAX_PROFILE_WEIGHT):
            raise SpecError(
                f"got weight {raw!r}; a weight is a positive number of at most "
                f"{MAX_PROFILE_WEIGHT} (a relative weight such as 3, or a share such as 20 %)",
                file=file,
                path=path,
                value=raw,
                expected=f"a positive number of at most {MAX_PROFILE_WEIGHT}",
            ).speaks("profile_weight", value=str(raw), cap_q=MAX_PROFILE_WEIGHT)
    if any(percent) and not all(percent):
        k = names[percent.index(False) if percent[0] else percent.index(True)]
        raise SpecError(
            "some weights are percentages (shares) and some plain numbers (relative weights); "
            "write them all one way",
            file=file,
            path=("profiles", k, "weight"),
            value=given[k],
            expected="every weight a plain number, or every weight a percentage",
        ).speaks("profile_weights_mixed")
    total = float(w.sum())
    if all(percent):
        if abs(total - 1.0) > SHARE_TOLERANCE:
            shown = f"{total * 100:.4g} %"
            raise SpecError(
                f"the weights are shares (percentages) and add up to {shown}, not 100 %; "
                "correct them, or write relative weights as plain numbers (3, 1)",
                file=file,
                path=("profiles",),
                value=shown,
                expected="shares adding up to 100 %",
            ).speaks("profile_shares_sum", total=shown)
        return w, w / total, "shares"
    return w, w / total, "relative"


def _annuity(tender: Tender, changes: list[Change], n: int) -> Array:
    """Annuity factor per variant and bid, for ranking by annualised cost."""
    plan = tender.plan
    for c in changes:
        if c.input.kind == "discount_rate":
            raise SpecError(
                "a profile changes the discount rate of a tender whose bids are costed over "
                "their own lifetimes; give a common study period to compare them",
                file=tender.file,
                path=("profiles",),
                expected="profiles without 'discount_rate'",
            ).speaks("profile_discount_lifetime")
    f = plan.annuity_factors()
    out: Array = np.broadcast_to(np.asarray(f, dtype=np.float64), (n, plan.n_bids))
    return out


def _switches(
    tender: Tender, table: ProfileTable, found: Mapping[str, Input], values: Mapping[str, Array]
) -> list[dict[str, Any]]:
    """Where the winner changes on the line between each two profiles in a row.

    All pairs are evaluated in one pass: ``(K - 1) * GRID`` variants.
    """
    K = len(table.names)
    pairs = [k for k in range(K - 1) if table.winners[k] != table.winners[k + 1]]
    if not pairs:
        return []
    s = np.linspace(0.0, 1.0, GRID)
    n = len(pairs) * GRID
    changes = []
    for name, v in values.items():
        a = v[pairs]  # (P, B)
        b = v[[k + 1 for k in pairs]]
        line = a[:, None, :] + s[None, :, None] * (b - a)[:, None, :]  # (P, GRID, B)
        changes.append(Change(found[name], line.reshape(n, -1)))
    totals = evaluate_variants(tender.plan, changes, n)
    if table.ranked_by == "annualised":
        totals = totals / _annuity(tender, changes, n)
    best = np.argmin(totals, axis=1).reshape(len(pairs), GRID)
    out = []
    for p, k in enumerate(pairs):
        first = table.bids.index(table.winners[k])
        moved = np.nonzero(best[p] != first)[0]
        i = int(moved[0]) if moved.size else GRID - 1
        at, at_values, units = {}, {}, {}
        for name, v in values.items():
            if not np.allclose(v[k], v[k + 1]):
                inp = found[name]
                value = float(inp.show(v[k, 0] + s[i] * (v[k + 1, 0] - v[k, 0])))
                at[name] = f"{value:.4g} {inp.unit}".strip()
                at_values[name] = value
                units[name] = inp.unit
        out.append(
            {
                "from_profile": table.names[k],
                "to_profile": table.names[k + 1],
                "from_bid": table.winners[k],
                "to_bid": table.bids[int(best[p, i])],
                "fraction": float(s[i]),
                "at": at,
                "at_values": at_values,
                "units": units,
            }
        )
    return out
