"""Words of the buyer-facing outputs in English and Danish.

Every chart, table, workbook and report takes its labels from here, so the
two languages stay complete together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tco.locale import has_key
from tco.plan.product import PlanModel, PlanParameter
from tco.views.i18n import LANGUAGES, resolve, text

if TYPE_CHECKING:
    from tco.result import Result
    from tco.spec.product import ProductModel

# internal: the public API is tco.__all__ and docs/api; these names are re-exported for
# tco's own modules that import them from here
__all__ = ["LANGUAGES"]


def word(key: str, lang: str | None = None) -> str:
    """A label in ``lang`` (the chosen language when ``None``), from the message catalogue.

    Examples
    --------
    >>> word("use", "da"), word("year", "da"), word("year", "en")
    ('forbrug', 'år', 'year')
    """
    return text(key, lang)


def category_label(category: str, lang: str | None = None) -> str:
    """The label of a cost category.

    Examples
    --------
    >>> category_label("end_of_life"), category_label("end_of_life", "da")
    ('end of life', 'bortskaffelse')
    """
    return word(category, lang)


def item_label(result: Result, name: str, lang: str | None = None) -> str:
    """The label of an item or emission stream, from its product model.

    Examples
    --------
    >>> import tco
    >>> r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    >>> item_label(r, "electricity", "da")
    'Elforbrug'
    """
    for s in (*result.plan.items, *result.plan.emissions):
        if s.name == name and s.label is not None:
            return s.label.get(resolve(lang))
    return name.replace("_", " ")


def substance_label(name: str, lang: str | None = None) -> str:
    """The name of an emitted substance as people write it (``co2e`` is ``CO2e``).

    Examples
    --------
    >>> substance_label("co2e"), substance_label("pm", "da")
    ('CO2e', 'partikler')
    """
    return text(f"substance.{name}", lang) if has_key(f"substance.{name}") else name


def group_label(name: str, lang: str | None = None) -> str:
    """The name of an escalation group (``electricity`` is ``el`` in Danish).

    Examples
    --------
    >>> group_label("electricity", "da")
    'el'
    """
    key = f"group.{name}"
    return text(key, lang) if has_key(key) else name.replace("_", " ")


def parameter_label(model: ProductModel | PlanModel, name: str, lang: str | None = None) -> str:
    """A parameter's label from its product model (its name where the model gives none).

    ``model`` is the product model, or the plan's (:attr:`tco.plan.Plan.product`).

    Examples
    --------
    >>> import tco
    >>> parameter_label(tco.load_model("indoor-lighting"), "operating_hours", "da")
    'Driftstimer'
    """
    p = model.parameters.get(name)
    label = None if p is None else p.label if isinstance(p, PlanParameter) else p.spec.label
    if label is None:
        return name.replace("_", " ")
    return str(label.get(resolve(lang)))


def mass_unit(kg: float) -> tuple[str, float]:
    """A readable mass unit for amounts up to ``kg``, and its size in kg.

    Examples
    --------
    >>> mass_unit(38880.0), mass_unit(12.0)
    (('t', 1000.0), ('kg', 1.0))
    """
    return ("t", 1000.0) if abs(kg) >= 1000.0 else ("kg", 1.0)


def input_labels(model: ProductModel, lang: str | None = None) -> dict[str, str]:
    """Labels of the inputs an analysis varies, in ``lang``.

    The model's parameters and the tender's assumptions (``discount_rate``,
    ``escalation.GROUP``, ``co2_price``, ``emission_prices.S``).

    Examples
    --------
    >>> import tco
    >>> labels = input_labels(tco.load_model("indoor-lighting"), "da")
    >>> labels["operating_hours"], labels["escalation.electricity"], labels["co2_price"]
    ('Driftstimer', 'Prisudvikling for el', 'Pris på CO2e')
    """
    out = {name: parameter_label(model, name, lang) for name in model.parameters}
    out["discount_rate"] = text("input.discount_rate", lang)
    out["quantity"] = text("input.quantity", lang)
    for group in model.escalation_groups:
        out[f"escalation.{group}"] = text("input.escalation", lang, group=group_label(group, lang))
    out["co2_price"] = text("input.emission_price", lang, sub=substance_label("co2e", lang))
    for sub in sorted({e.substance for e in model.spec.emissions.values()}):
        out[f"emission_prices.{sub}"] = text(
            "input.emission_price", lang, sub=substance_label(sub, lang)
        )
    return out
