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

from tco._version import __version__
from tco.engine.metrics import equivalent_annual_cost, present_value
from tco.engine.timeline import annuity_factor, discount_factors, escalation_index
from tco.errors import (
    AnalysisError,
    CurrencyError,
    ExpressionError,
    JSONError,
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

if TYPE_CHECKING:
    from tco.basket import Basket, BasketResult, load_basket
    from tco.batch import BatchEvaluator, evaluate_batch
    from tco.units import ureg
    from tco.views.curves import crossings
    from tco.views.i18n import get_language, set_language
    from tco.views.report import write_report
    from tco.views.workbook import write_workbook

__all__ = [
    "AnalysisError",
    "Basket",
    "BasketResult",
    "BatchEvaluator",
    "CurrencyError",
    "ExpressionError",
    "JSONError",
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
    "crossings",
    "discount_factors",
    "equivalent_annual_cost",
    "escalation_index",
    "evaluate_batch",
    "example_path",
    "get_language",
    "load_basket",
    "load_model",
    "load_tender",
    "present_value",
    "set_language",
    "ureg",
    "write_report",
    "write_workbook",
]

#: Names of the public API imported on first use: name -> module.
_LAZY = {
    "ureg": "tco.units",
    "Basket": "tco.basket",
    "BasketResult": "tco.basket",
    "load_basket": "tco.basket",
    "BatchEvaluator": "tco.batch",
    "evaluate_batch": "tco.batch",
    "crossings": "tco.views.curves",
    "get_language": "tco.views.i18n",
    "set_language": "tco.views.i18n",
    "write_report": "tco.views.report",
    "write_workbook": "tco.views.workbook",
}


def __getattr__(name: str) -> Any:
    """Import the batch API and the outputs on first use (keeps ``import tco`` quick)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'tco' has no attribute '{name}'")
