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

from tco.analysis.baseline import BaselineComparison, compare_to_baseline
from tco.analysis.distributions import Distribution
from tco.analysis.inputs import input_names
from tco.analysis.montecarlo import DifferenceSummary, MonteCarloResult, monte_carlo
from tco.analysis.scoring import METHODS, ScoreTable, conversion_price, price_points, score
from tco.analysis.sensitivity import ScenarioTable, Tornado, TornadoBar, scenarios, sensitivity
from tco.analysis.switching import SwitchingValue, difference_at, switching_value
from tco.analysis.uncertainty import Uncertainty, parse_uncertainty

__all__ = [
    "METHODS",
    "BaselineComparison",
    "DifferenceSummary",
    "Distribution",
    "MonteCarloResult",
    "ScenarioTable",
    "ScoreTable",
    "SwitchingValue",
    "Tornado",
    "TornadoBar",
    "Uncertainty",
    "compare_to_baseline",
    "conversion_price",
    "difference_at",
    "input_names",
    "monte_carlo",
    "parse_uncertainty",
    "price_points",
    "scenarios",
    "score",
    "sensitivity",
    "switching_value",
]
