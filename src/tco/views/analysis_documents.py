"""Build the JSON documents of the analyses from their results.

:func:`analysis_document` turns a baseline comparison, tornado, scenario
table, switching value, Monte Carlo result, score table, abatement cost or
follow-up into its document of the contract (shapes in
:mod:`tco.views.contract_analysis`); re-exported by
:mod:`tco.views.documents`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from tco.views.contract_records import SCHEMA_VERSION
from tco.views.jsontext import finite

if TYPE_CHECKING:
    from tco.analysis.abatement import AbatementCost
    from tco.analysis.baseline import BaselineComparison
    from tco.analysis.followup import FollowUp
    from tco.analysis.montecarlo import DifferenceSummary, MonteCarloResult
    from tco.analysis.oneway import ScenarioTable, Tornado
    from tco.analysis.scoring import ScoreTable
    from tco.analysis.switching import SwitchingValue

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def _percentiles(values: dict[float, float] | Sequence[tuple[float, float]]) -> list[Any]:
    pairs = values.items() if isinstance(values, dict) else values
    return [{"q": float(q), "value": float(v)} for q, v in pairs]


def analysis_document(kind: str, obj: Any, **extra: Any) -> dict[str, Any]:
    """An analysis result as its document (``baseline``, ``sensitivity``, ``scenarios``, ...).

    Parameters
    ----------
    kind : str
        ``abatement``, ``followup``, ``baseline``, ``sensitivity``, ``scenarios``,
        ``switch``, ``montecarlo`` or ``score``.
    obj
        The analysis result: a :class:`~tco.analysis.baseline.BaselineComparison`,
        :class:`~tco.analysis.oneway.Tornado`, :class:`~tco.analysis.oneway.ScenarioTable`,
        :class:`~tco.analysis.switching.SwitchingValue`,
        :class:`~tco.analysis.montecarlo.MonteCarloResult`,
        :class:`~tco.analysis.scoring.ScoreTable`,
        :class:`~tco.analysis.abatement.AbatementCost` or
        :class:`~tco.analysis.followup.FollowUp`.
    **extra
        ``difference=(a, b)`` for a sensitivity tornado of ``total[a] - total[b]``;
        ``percentiles=[5, 50, 95]`` and ``difference=DifferenceSummary`` for Monte Carlo.
    """
    build = _BUILDERS.get(kind)
    if build is None:
        raise ValueError(f"kind must be one of {', '.join(_BUILDERS)}, got {kind!r}")
    body = build(obj, **extra)
    return {"schema_version": SCHEMA_VERSION, "kind": kind, **finite(body)}


def _baseline(c: BaselineComparison) -> dict[str, Any]:
    return {
        "baseline": c.baseline,
        "currency": c.currency,
        "discount_rate": float(c.rate),
        "bids": c.rows(),
    }


def _sensitivity(t: Tornado, difference: tuple[str, str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "currency": t.currency,
        "bids": [
            {"bid": name, "base": float(t.base[b]), "bars": t.for_bid(b)}
            for b, name in enumerate(t.bids)
        ],
    }
    if difference is not None:
        a, b = difference
        out["difference"] = {"a": a, "b": b, "rows": t.difference(a, b)}
    return out


def _scenarios(s: ScenarioTable) -> dict[str, Any]:
    return {
        "currency": s.currency,
        "bids": list(s.bids),
        "scenarios": [
            {
                "scenario": name,
                "totals": [
                    {"bid": bid, "total": v}
                    for bid, v in zip(s.bids, s.totals[k].tolist(), strict=True)
                ],
                "cheapest": s.bids[int(np.argmin(s.totals[k]))],
            }
            for k, name in enumerate(s.names)
        ],
    }


def _switch(s: SwitchingValue) -> dict[str, Any]:
    return s.to_dict()


def _montecarlo(
    mc: MonteCarloResult,
    percentiles: Sequence[float] = (5.0, 50.0, 95.0),
    difference: DifferenceSummary | None = None,
) -> dict[str, Any]:
    q = [float(x) for x in percentiles]
    pct = mc.percentiles(q)
    out: dict[str, Any] = {
        "currency": mc.currency,
        "samples": mc.samples,
        "seed": mc.seed,
        "inputs": list(mc.inputs),
        "seconds": float(mc.seconds),
        "bids": [
            {
                "bid": name,
                "deterministic": float(mc.deterministic[b]),
                "mean": float(mc.mean[b]),
                "sd": float(mc.std[b]),
                "percentiles": _percentiles([(x, pct[k, b]) for k, x in enumerate(q)]),
                "p_cheapest": float(mc.probability_cheapest[b]),
                "rank_probabilities": mc.rank_probabilities[b].tolist(),
            }
            for b, name in enumerate(mc.bids)
        ],
    }
    if difference is not None:
        out["difference"] = {
            "a": difference.a,
            "b": difference.b,
            "mean": difference.mean,
            "sd": difference.sd,
            "percentiles": _percentiles(difference.percentiles),
            "probability_a_cheaper": difference.probability_a_cheaper,
        }
    return out


def _score(t: ScoreTable) -> dict[str, Any]:
    rank = t.rank
    return {
        "method": t.method,
        "max_points": float(t.max_points),
        "parameters": {k: float(v) for k, v in t.parameters.items()},
        "currency": t.currency,
        "weights": [{"criterion": c, "weight": float(w)} for c, w in t.weights.items()],
        "bids": [
            {
                "bid": t.bids[b],
                "total": float(t.totals[b]),
                "points": [{"criterion": c, "points": float(p[b])} for c, p in t.points.items()],
                "score": float(t.score[b]),
                "rank": int(rank[b]),
            }
            for b in np.argsort(rank, kind="stable").tolist()
        ],
    }


def _abatement(a: AbatementCost) -> dict[str, Any]:
    return a.to_dict()


def _followup(f: FollowUp) -> dict[str, Any]:
    return f.to_dict()


_BUILDERS: dict[str, Any] = {
    "abatement": _abatement,
    "followup": _followup,
    "baseline": _baseline,
    "sensitivity": _sensitivity,
    "scenarios": _scenarios,
    "switch": _switch,
    "montecarlo": _montecarlo,
    "score": _score,
}
