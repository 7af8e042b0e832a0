"""tco: total cost of ownership (life-cycle costing) for public procurement.

Product areas are YAML product models; a tender names a model, states the
buyer's assumptions and lists the bids; every value and formula is checked
for units; a vectorised numpy engine evaluates all bids over the study
period.

Examples
--------
>>> import tco
>>> result = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
>>> result.ranking[0]
'Premium LED'
"""

from typing import TYPE_CHECKING, Any

import tco.units  # noqa: F401  (first: it loads pint, see tco.units)
from tco.engine.metrics import equivalent_annual_cost, present_value
from tco.engine.timeline import annuity_factor, discount_factors, escalation_index
from tco.errors import (
    AnalysisError,
    CurrencyError,
    ExpressionError,
    LimitError,
    ModelNotFoundError,
    SpecError,
    SpecErrors,
    TCOError,
    UnitError,
    YAMLError,
)
from tco.result import Result
from tco.spec.product import ProductModel, bundled_models, load_model
from tco.tender import Tender, bundled_examples, example_path, load_tender
from tco.units import ureg

if TYPE_CHECKING:
    from tco.batch import BatchEvaluator, evaluate_batch

__version__ = "0.1.0"

__all__ = [
    "AnalysisError",
    "BatchEvaluator",
    "CurrencyError",
    "ExpressionError",
    "LimitError",
    "ModelNotFoundError",
    "ProductModel",
    "Result",
    "SpecError",
    "SpecErrors",
    "TCOError",
    "Tender",
    "UnitError",
    "YAMLError",
    "__version__",
    "annuity_factor",
    "bundled_examples",
    "bundled_models",
    "discount_factors",
    "equivalent_annual_cost",
    "escalation_index",
    "evaluate_batch",
    "example_path",
    "load_model",
    "load_tender",
    "present_value",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """Import the batch API on first use (keeps ``import tco`` quick for the CLI)."""
    if name in ("BatchEvaluator", "evaluate_batch"):
        from tco import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'tco' has no attribute '{name}'")
