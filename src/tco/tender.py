"""Load tenders: a product model, the buyer's assumptions and the bids."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from tco.errors import ErrorList, ModelNotFoundError, SpecError
from tco.evaluate import evaluate_plan
from tco.io.resources import bundled_file, bundled_files
from tco.io.yamlio import read_yaml_source
from tco.plan import Plan
from tco.plan.compiler import compile_plan
from tco.result import Result
from tco.spec.product import ProductModel, load_model
from tco.spec.schema import TenderSpec
from tco.spec.tender_workbook import WorkbookTender, label_errors
from tco.spec.validation import validate

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


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
    sha256 : str or None
        SHA-256 of the tender file's bytes as read and evaluated (``None`` for
        a mapping). The report's fingerprint uses it; the file is not read again.
    forms : tuple of (str, str)
        ``(file name, SHA-256)`` of each bid form the bids were read from, the
        hash of the bytes as read.

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
    sha256: str | None = None
    forms: tuple[tuple[str, str], ...] = ()

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


def load_tender(
    source: str | Path | Mapping[str, Any] | TenderSource,
    *,
    allow_paths: Iterable[str | Path] = (),
) -> Tender:
    """Load a tender from a YAML file or a mapping and check it against its model.

    Parameters
    ----------
    source : str, path, mapping or TenderSource
        The path of a tender file, the tender as a mapping, or a file read
        already (:func:`read_tender`). ``model`` in it
        is a bundled model's id, a path (relative to the tender file) or the
        model itself as a mapping.
    allow_paths : iterable of str or path
        Folders besides the tender's own folder (and the bundled models) that a
        ``model:`` path may reach. A tender's model path may not leave its
        folder otherwise (for a mapping, the current folder), so that a tender
        cannot make tco read other files.

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
    src = read_tender(source)
    if src.book is not None:  # a tender workbook: each error points at its cell
        try:
            return _load(src, allow_paths)
        except SpecError as err:
            raise src.book.relocate(err) from None
    return _load(src, allow_paths)


def _load(src: TenderSource, allow_paths: Iterable[str | Path]) -> Tender:
    """Check and compile a tender read already (see :func:`load_tender`)."""
    if "lines" in src.data:
        raise SpecError(
            "this is a basket tender (it has 'lines'); rank it with 'tco basket FILE' or "
            "tco.basket.load_basket",
            file=src.file,
            path=("lines",),
            expected="a tender without 'lines', or a basket loaded as one",
        ).speaks("tender_is_basket")
    spec: TenderSpec = validate(TenderSpec, src.data, file=src.file)
    model = tender_model(spec.model, src.base, src.file, allow_paths=allow_paths)
    if src.book is not None:  # a workbook's rows are read by their hidden ids: check the labels
        found = ErrorList()
        for err in label_errors(src.book, model):
            found.add(err)
        found.raise_if_any()
    plan = compile_plan(spec, model, file=src.file)
    return Tender(spec=spec, model=model, plan=plan, file=src.file, sha256=src.sha256)


class TenderSource(NamedTuple):
    """A tender as read: the mapping, its file, its folder and the SHA-256 of its bytes.

    ``book`` is the workbook a tender was read from (``.xlsx``), which points an
    error at its cell (:meth:`~tco.spec.tender_workbook.WorkbookTender.relocate`).
    """

    data: dict[str, Any]
    file: str | None
    base: Path
    sha256: str | None
    book: WorkbookTender | None = None


def read_tender(source: str | Path | Mapping[str, Any] | TenderSource) -> TenderSource:
    """Read a tender file once (or take a mapping, or a source read already).

    A file ending in ``.xlsx`` is a tender workbook (``tco workbook``), read
    safely as the cells Excel shows (:mod:`tco.spec.tender_workbook`).
    """
    if isinstance(source, TenderSource):
        return source
    if isinstance(source, Mapping):
        return TenderSource(dict(source), None, Path.cwd(), None)
    if isinstance(source, (str, Path)) and str(source).lower().endswith(".xlsx"):
        from tco.spec.tender_workbook import read_tender_workbook

        book = read_tender_workbook(str(source))
        base = Path(source).resolve().parent
        return TenderSource(book.data, str(source), base, book.sha256, book)
    data, digest = read_yaml_source(source)
    return TenderSource(data, str(source), Path(source).resolve().parent, digest)


def read_tender_source(
    source: str | Path | Mapping[str, Any],
) -> tuple[dict[str, Any], str | None, Path]:
    """The tender as a mapping, its file name and the folder relative paths start from."""
    src = read_tender(source)
    return src.data, src.file, src.base


def tender_model(
    ref: str | Mapping[str, Any],
    base: Path,
    file: str | None,
    *,
    allow_paths: Iterable[str | Path] = (),
) -> ProductModel:
    """Load the model a tender names, locating an error at the tender's ``model`` key.

    A model given by path must lie in ``base`` (the tender's folder) or below,
    among the bundled models, or in one of ``allow_paths``; a file there that
    is not a product model is refused whole, without quoting it.
    """
    try:
        if isinstance(ref, str) and _is_path(ref):
            return _model_file(ref, base, allow_paths)
        return load_model(ref, base=base)
    except SpecError as err:
        if err.file is None:
            raise err.located(file, ("model",)) from None
        raise


def _is_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref


def _model_file(ref: str, base: Path, allow_paths: Iterable[str | Path]) -> ProductModel:
    """Load a model file a tender names by path, within the folders it may reach."""
    from tco.io.resources import bundled_files
    from tco.io.yamlio import load_yaml
    from tco.spec.product import compile_model

    path = (base / Path(ref).expanduser()).resolve()
    roots = [base.resolve(), *(Path(p).resolve() for p in allow_paths)]
    roots += list({p.resolve().parent for p in bundled_files("product_models").values()})
    if not any(path.is_relative_to(root) for root in roots):
        raise SpecError(
            f"the model path '{ref}' leads outside the tender's folder ({base}); a tender may "
            "name a bundled model or a model file in its own folder or below. To allow "
            "another folder, pass allow_paths=[...] to load_tender (command line: "
            "--allow-path FOLDER)",
            value=ref,
            expected="a bundled model's id or a model file in the tender's folder",
        ).speaks("outside_folder", name=ref, base=str(base))
    if not path.exists():
        raise ModelNotFoundError(
            f"no model file '{ref}' (looked for {path}); a relative path is read "
            "from the tender's folder",
            value=ref,
            expected="the path of an existing model file",
        ).speaks("no_model_file", name=ref, looked=str(path))
    from tco.io.files import read_input_bytes, sha256_hex

    raw = read_input_bytes(path)
    not_a_model = SpecError(
        f"'{ref}' is not a product model file (a model is a YAML mapping with 'id', "
        "'parameters' and 'items'); the file is refused whole and not quoted",
        value=ref,
        expected="a product model file",
    )
    try:
        data = load_yaml(raw, file=str(path))
    except SpecError:
        raise not_a_model from None
    if not {"id", "parameters", "items"} <= set(data):
        raise not_a_model
    import dataclasses

    return dataclasses.replace(compile_model(data, file=str(path)), sha256=sha256_hex(raw))


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
    return bundled_file("examples", name, "example")
