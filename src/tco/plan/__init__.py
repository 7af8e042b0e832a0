"""The plan: a tender's checked values as plain float64 arrays.

:func:`compile_plan` checks a tender's values against its product model and
builds a :class:`Plan`; :func:`rebuild_plan` evaluates the model's formulas
into arrays again for changed values. No unit object is inside a plan.
"""

from tco.plan.arrays import MAX_BIDS, MAX_PERIOD, Plan, PlanStream
from tco.plan.compiler import compile_plan
from tco.plan.streams import rebuild_plan

__all__ = ["MAX_BIDS", "MAX_PERIOD", "Plan", "PlanStream", "compile_plan", "rebuild_plan"]
