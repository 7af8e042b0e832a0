"""Decision analysis on evaluated tenders.

Baseline metrics (net savings, SIR, AIRR, payback), sensitivity (tornado
data, scenarios), switching values, Monte Carlo, and tender scoring. The
formulas are in ``docs/analysis.md``.
"""

from tco.analysis.distributions import Distribution
from tco.analysis.montecarlo import MonteCarloResult, monte_carlo

__all__ = ["Distribution", "MonteCarloResult", "monte_carlo"]
