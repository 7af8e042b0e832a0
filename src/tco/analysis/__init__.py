"""Decision analysis on evaluated tenders.

Measures against a baseline (net savings, SIR, AIRR, payback), one-at-a-time
sensitivity (tornado data) and scenarios, switching values, Monte Carlo
under uncertain inputs, and tender scoring (price points, MEAT). The
formulas are in ``docs/analysis.md``.

Examples
--------
>>> import tco
>>> from tco.analysis import monte_carlo, switching_value
>>> tender = tco.load_tender(tco.example_path("indoor-lighting-uncertain"))
>>> mc = monte_carlo(tender, samples=2000)
>>> mc.bids[int(mc.probability_cheapest.argmax())]
'Premium LED'
>>> s = switching_value(tender, "electricity_price", "Premium LED", "Lumen Nord")
>>> round(s.value, 2), s.unit
(0.4, 'DKK/kWh')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tco.analysis.abatement import AbatementCost, abatement_cost, pareto_front
    from tco.analysis.baseline import BaselineComparison, compare_to_baseline
    from tco.analysis.distributions import Distribution
    from tco.analysis.followup import FollowUp, follow_up
    from tco.analysis.inputs import input_names
    from tco.analysis.montecarlo import DifferenceSummary, MonteCarloResult, monte_carlo
    from tco.analysis.oneway import ScenarioTable, Tornado, TornadoBar, scenarios, sensitivity
    from tco.analysis.portfolio import Portfolio, portfolio
    from tco.analysis.scoring import METHODS, ScoreTable, conversion_price, price_points, score
    from tco.analysis.switching import SwitchingValue, difference_at, switching_value
    from tco.analysis.uncertainty import Uncertainty, parse_uncertainty

# Submodule of each public name; they are imported on first use so that the
# command line starts quickly.
_LAZY: dict[str, str] = {
    "AbatementCost": "abatement",
    "abatement_cost": "abatement",
    "pareto_front": "abatement",
    "BaselineComparison": "baseline",
    "compare_to_baseline": "baseline",
    "Distribution": "distributions",
    "Portfolio": "portfolio",
    "portfolio": "portfolio",
    "FollowUp": "followup",
    "follow_up": "followup",
    "input_names": "inputs",
    "DifferenceSummary": "montecarlo",
    "MonteCarloResult": "montecarlo",
    "monte_carlo": "montecarlo",
    "METHODS": "scoring",
    "ScoreTable": "scoring",
    "conversion_price": "scoring",
    "price_points": "scoring",
    "score": "scoring",
    "ScenarioTable": "oneway",
    "Tornado": "oneway",
    "TornadoBar": "oneway",
    "scenarios": "oneway",
    "sensitivity": "oneway",
    "SwitchingValue": "switching",
    "difference_at": "switching",
    "switching_value": "switching",
    "Uncertainty": "uncertainty",
    "parse_uncertainty": "uncertainty",
}

__all__ = [
    "METHODS",
    "AbatementCost",
    "BaselineComparison",
    "DifferenceSummary",
    "Distribution",
    "FollowUp",
    "MonteCarloResult",
    "Portfolio",
    "ScenarioTable",
    "ScoreTable",
    "SwitchingValue",
    "Tornado",
    "TornadoBar",
    "Uncertainty",
    "abatement_cost",
    "compare_to_baseline",
    "conversion_price",
    "difference_at",
    "follow_up",
    "input_names",
    "monte_carlo",
    "pareto_front",
    "parse_uncertainty",
    "portfolio",
    "price_points",
    "scenarios",
    "score",
    "sensitivity",
    "switching_value",
]


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` on first use."""
    if name in _LAZY:
        return getattr(importlib.import_module(f"tco.analysis.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'tco.analysis' has no attribute '{name}'")


def __dir__() -> list[str]:
    return sorted(__all__)
