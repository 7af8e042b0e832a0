"""Load tenders: a product model, the buyer's assumptions and the bids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tco.errors import SpecError
from tco.evaluate import evaluate_plan
from tco.io.resources import bundled_files
from tco.io.yamlio import read_yaml_file
from tco.plan import Plan
from tco.plan.compiler import compile_plan
from tco.result import Result
from tco.spec.product import ProductModel, load_model
from tco.spec.schema import TenderSpec, validate

__all__ = ["Tender", "bundled_examples", "example_path", "load_tender"]


@dataclass(frozen=True)
class Tender:
    """A checked tender, ready to evaluate.

    Attributes
    ----------
    spec : TenderSpec
        The tender as written.
    model : ProductModel
        Its product model.
    plan : Plan
        The compiled arrays the engine runs on.
    file : str or None
        The file it was read from.

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
    >>> t.model.id, len(t.bids)
    ('indoor-lighting', 3)
    """

    spec: TenderSpec
    model: ProductModel
    plan: Plan
    file: str | None = None

    @property
    def bids(self) -> tuple[str, ...]:
        """Bid names, in the order given."""
        return self.plan.bids

    def evaluate(self) -> Result:
        """Evaluate every bid over the study period (see :class:`~tco.result.Result`)."""
        return evaluate_plan(self.plan)

    def annex(self, path: str | Path | None = None, *, lang: str = "en") -> str | Path:
        """The tender annex stating the life-cycle cost method (:mod:`tco.views.annex`).

        Parameters
        ----------
        path : path, optional
            A ``.docx`` (needs python-docx) or ``.html`` file to write. Without
            one, the annex is returned as HTML.
        lang : {"en", "da"}

        Returns
        -------
        str or Path
            The HTML page, or the file written.

        Examples
        --------
        >>> import tco
        >>> t = tco.load_tender(tco.example_path("indoor-lighting"))
        >>> "Operating hours" in t.annex(), "Driftstimer" in t.annex(lang="da")
        (True, True)
        """
        from tco.views.annex import annex_html, write_annex

        if path is None:
            return annex_html(self, lang=lang)
        return write_annex(self, path, lang=lang)

    def _repr_html_(self) -> str:
        from tco.views.html import tender_html

        return tender_html(self)

    def __repr__(self) -> str:
        p = self.plan
        return (
            f"<Tender {p.title!r}: model {self.model.id!r}, {len(p.bids)} bids, "
            f"{p.currency}, {p.discount_rate:.2%} real, {int(p.period.max())} years, "
            f"quantity {p.quantity:g}>"
        )


def load_tender(source: str | Path | Mapping[str, Any]) -> Tender:
    """Load a tender from a YAML file or a mapping and check it against its model.

    Parameters
    ----------
    source : str, path or mapping
        The path of a tender file, or the tender as a mapping. ``model`` in it
        is a bundled model's id, a path (relative to the tender file) or the
        model itself as a mapping.

    Returns
    -------
    Tender

    Raises
    ------
    SpecError
        With every problem found (a :class:`~tco.errors.SpecErrors` when
        there are several).

    Examples
    --------
    >>> import tco
    >>> t = tco.load_tender({
    ...     "model": "indoor-lighting",
    ...     "assumptions": {"period": "15 year", "quantity": 200},
    ...     "bids": [{"name": "A", "price": "1450 DKK", "power": "32 W",
    ...               "rated_life": "50000 h"}],
    ... })
    >>> t.evaluate().ranking
    ['A']
    """
    data, file, base = read_tender_source(source)
    if "lines" in data:
        raise SpecError(
            "this is a basket tender (it has 'lines'); rank it with 'tco basket FILE' or "
            "tco.basket.load_basket",
            file=file,
            path=("lines",),
            expected="a tender without 'lines', or a basket loaded as one",
        )
    spec: TenderSpec = validate(TenderSpec, data, file=file)
    model = tender_model(spec.model, base, file)
    plan = compile_plan(spec, model, file=file)
    return Tender(spec=spec, model=model, plan=plan, file=file)


def read_tender_source(
    source: str | Path | Mapping[str, Any],
) -> tuple[dict[str, Any], str | None, Path]:
    """The tender as a mapping, its file name and the folder relative paths start from."""
    if isinstance(source, Mapping):
        return dict(source), None, Path.cwd()
    return read_yaml_file(source), str(source), Path(source).resolve().parent


def tender_model(ref: str | Mapping[str, Any], base: Path, file: str | None) -> ProductModel:
    """Load the model a tender names, locating an error at the tender's ``model`` key."""
    try:
        return load_model(ref, base=base)
    except SpecError as err:
        if err.file is None:
            raise err.located(file, ("model",)) from None
        raise


def bundled_examples() -> dict[str, Path]:
    """Map the name of every bundled example tender to its file.

    Examples
    --------
    >>> "indoor-lighting" in bundled_examples()
    True
    """
    return bundled_files("examples")


def example_path(name: str) -> Path:
    """The file of a bundled example tender.

    Raises
    ------
    SpecError
        If there is no such example.
    """
    from tco.errors import ModelNotFoundError, suggest

    examples = bundled_examples()
    if name not in examples:
        raise ModelNotFoundError(
            f"no example '{name}'{suggest(name, examples)}; examples are "
            + ", ".join(sorted(examples)),
            value=name,
            expected="a bundled example",
        )
    return examples[name]
