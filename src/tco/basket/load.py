"""Load basket tenders: lines, their models and tenders, and the bids."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from tco.errors import ErrorList, LimitError, SpecError, SpecErrors, suggest, suggest_name
from tco.evaluate import evaluate_plans
from tco.io.resources import bundled_file, bundled_files
from tco.limits import MAX_LINES
from tco.spec.product import ProductModel
from tco.spec.schema import BasketSpec
from tco.spec.validation import validate
from tco.tender import (
    Tender,
    TenderSource,
    load_tender,
    read_tender,
    read_tender_source,
    tender_model,
)

if TYPE_CHECKING:
    from tco.basket.result import BasketResult

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api

Array = NDArray[np.float64]
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Basket:
    """A checked basket tender: one :class:`~tco.tender.Tender` per line.

    Attributes
    ----------
    spec : BasketSpec
    tenders : tuple of Tender
        One per line, in order.
    file, sha256 : str or None
        The basket file and the SHA-256 of its bytes as read.
    forms : tuple of (str, str)
        ``(file name, SHA-256)`` of each bid form the bids were read from.

    Examples
    --------
    >>> import tco
    >>> b = load_basket(basket_example_path("copy-print"))
    >>> b.lines, b.bids[:2]
    (('A4 devices', 'A3 devices'), ('Nordic Print', 'Office Partner'))
    """

    spec: BasketSpec
    tenders: tuple[Tender, ...]
    file: str | None = None
    sha256: str | None = None
    forms: tuple[tuple[str, str], ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The line names, in the order given."""
        return tuple(line.name for line in self.spec.lines)

    @property
    def bids(self) -> tuple[str, ...]:
        """The bid names, in the order given."""
        return tuple(b.name for b in self.spec.bids)

    @property
    def title(self) -> str:
        """The basket's title."""
        return self.spec.title or "basket"

    def __repr__(self) -> str:
        """A short summary: title, lines with model and quantity, bids.

        Examples
        --------
        >>> load_basket(basket_example_path("car-van-fleet"))
        <Basket 'Bilpark til hjemmepleje og park (10 personbiler + 6 varebiler)': lines cars (passenger-car, 10), vans (van, 6); 2 bids>
        """  # noqa: E501
        lines = ", ".join(
            f"{name} ({t.model.id}, {t.plan.quantity:g})"
            for name, t in zip(self.lines, self.tenders, strict=True)
        )
        return f"<Basket {self.title!r}: lines {lines}; {len(self.bids)} bids>"

    def annex(self, path: str | Path | None = None, *, lang: str = "en") -> str | Path:
        """The tender annex of the basket (:mod:`tco.views.annex_basket`).

        Its first bid is the worked example. Without ``path`` the annex is
        returned as HTML; with one, written as ``.docx`` or ``.html``.

        Examples
        --------
        >>> b = load_basket(basket_example_path("car-van-fleet"))
        >>> "Kurvens livscyklusomkostning" in b.annex(lang="da")
        True
        """
        from tco.views.annex_basket import basket_annex_html, write_basket_annex

        if path is None:
            return basket_annex_html(self, lang=lang)
        return write_basket_annex(self, path, lang=lang)

    def evaluate(self) -> BasketResult:
        """Evaluate every line and bid in one pass of the engine, and sum the basket.

        The lines' plans are stacked as the rows of one plan (lines with other
        streams, of a product model with other items, in a pass of their own):
        see :func:`tco.evaluate.evaluate_plans`.
        """
        from tco.basket.result import BasketResult

        return BasketResult(self, evaluate_plans([t.plan for t in self.tenders]))


def _add_once(errors: ErrorList, err: SpecError) -> None:
    """Add ``err`` unless the same problem is there already (the basket's model, once per line)."""
    said = {str(e) for e in errors.errors}
    for e in err.errors if isinstance(err, SpecErrors) else [err]:
        if str(e) not in said:
            errors.add(e)
            said.add(str(e))


def _moved(err: SpecError, file: str | None, where: Callable[[Path_], Path_]) -> SpecError:
    """``err`` with its path mapped from a line's tender to the basket file."""
    if isinstance(err, SpecErrors):
        return SpecErrors([_moved(e, file, where) for e in err.errors])
    out = copy.copy(err)
    out.path = where(tuple(err.path))
    return out.located(file)


@dataclass(frozen=True)
class BasketLine:
    """A line of a basket, known before any bid: name, quantity and product model."""

    name: str
    quantity: float
    model: ProductModel


def load_basket(
    source: str | Path | Mapping[str, Any], *, allow_paths: Iterable[str | Path] = ()
) -> Basket:
    """Load a basket tender from a YAML file or a mapping and check every line.

    Parameters
    ----------
    source : str, path or mapping
    allow_paths : iterable of str or path
        Folders besides the basket's own that a line's ``model:`` path may reach.

    Raises
    ------
    SpecError
        With every problem found, each at its place in the basket file
        (``bids[1].lines.A3 devices.price``).

    Examples
    --------
    >>> import tco
    >>> r = tco.load_basket(basket_example_path("copy-print")).evaluate()
    >>> r.ranking[0], r.by_line.shape
    ('Office Partner', (2, 3))
    """
    src = read_tender(source)
    return basket_from_data(
        src.data, src.file, src.base, allow_paths=allow_paths, sha256=src.sha256
    )


def _spec(data: Mapping[str, Any], file: str | None) -> BasketSpec:
    spec: BasketSpec = validate(BasketSpec, data, file=file)
    if len(spec.lines) > MAX_LINES:
        raise LimitError(
            f"a basket holds at most {MAX_LINES} lines; this one has {len(spec.lines)}",
            file=file,
            path=("lines",),
            value=len(spec.lines),
            expected=f"at most {MAX_LINES} lines",
        ).speaks("basket_lines_max", n_q=len(spec.lines), cap_q=MAX_LINES)
    errors = ErrorList()
    names = [line.name for line in spec.lines]
    for j, name in enumerate(names):
        if name in names[:j]:
            errors.add(
                SpecError(
                    f"two lines are named '{name}'", file=file, path=("lines", j, "name")
                ).speaks("basket_same_line", name=name)
            )
    errors.raise_if_any()
    return spec


def basket_lines(
    source: str | Path | Mapping[str, Any], *, allow_paths: Iterable[str | Path] = ()
) -> tuple[BasketSpec, tuple[BasketLine, ...]]:
    """The lines of a basket tender and their models, without its bids (for bid forms).

    Examples
    --------
    >>> spec, lines = basket_lines(basket_example_path("car-van-fleet"))
    >>> [(line.name, line.quantity, line.model.id) for line in lines]
    [('cars', 10.0, 'passenger-car'), ('vans', 6.0, 'van')]
    """
    data, file, base = read_tender_source(source)
    return basket_lines_of(data, file, base, allow_paths=allow_paths)


def basket_lines_of(
    data: Mapping[str, Any],
    file: str | None,
    base: Path,
    *,
    allow_paths: Iterable[str | Path] = (),
) -> tuple[BasketSpec, tuple[BasketLine, ...]]:
    """:func:`basket_lines` of a basket read as a mapping from ``file`` in the folder ``base``."""
    spec = _spec({**data, "bids": []}, file)
    errors = ErrorList()
    out = []
    for j, line in enumerate(spec.lines):
        ref = line_model(spec, j)
        if ref is None:
            errors.add(_no_model(file, j))
            continue
        try:
            # Confined as a tender's model: the basket's folder, the bundled models, allow_paths.
            model = tender_model(ref, base, file, allow_paths=allow_paths)
        except SpecError as err:
            moved: Path_ = ("lines", j, "model") if line.model is not None else ("model",)

            def where(path: Path_, m: Path_ = moved) -> Path_:
                return (*m, *path[1:]) if path[:1] == ("model",) else path

            _add_once(errors, _moved(err, file, where))
            continue
        out.append(BasketLine(line.name, float(line.quantity), model))
    errors.raise_if_any()
    return spec, tuple(out)


def line_model(spec: BasketSpec, j: int) -> str | dict[str, Any] | None:
    """The product model of line ``j``: its own, else the basket's, else ``None``."""
    line = spec.lines[j]
    return line.model if line.model is not None else spec.model


def _no_model(file: str | None, j: int) -> SpecError:
    return SpecError(
        "this line has no model, and the basket names none",
        file=file,
        path=("lines", j, "model"),
        expected="a model for the line or for the basket",
    ).speaks("basket_no_model")


def basket_from_data(
    data: dict[str, Any],
    file: str | None,
    base: Path,
    *,
    allow_paths: Iterable[str | Path] = (),
    sha256: str | None = None,
    forms: tuple[tuple[str, str], ...] = (),
) -> Basket:
    """Check a basket tender read as a mapping (see :func:`load_basket`).

    ``file`` and ``base`` locate messages and relative model paths; ``forms``
    records the bid forms the bids came from.
    """
    spec = _spec(data, file)
    if not spec.bids:
        raise SpecError(
            "a basket tender needs at least one bid",
            file=file,
            path=("bids",),
            expected="a list of bids, or bid forms read with 'tco basket FILE --bids FORM...'",
        ).speaks("basket_no_bids")
    errors = ErrorList()
    names = [line.name for line in spec.lines]
    for i, bid in enumerate(spec.bids):
        for offered in bid.lines:
            if offered not in names:
                errors.add(
                    SpecError(
                        f"no line named '{offered}'{suggest(offered, names)}; lines are "
                        + ", ".join(names),
                        file=file,
                        path=("bids", i, "lines", offered),
                        expected="the name of a line",
                    ).speaks(
                        "basket_no_line",
                        name=offered,
                        hint=suggest_name(offered, names),
                        names_list=list(names),
                    )
                )
        for name in names:
            if name not in bid.lines:
                errors.add(
                    SpecError(
                        f"bid '{bid.name}' offers nothing for line '{name}'",
                        file=file,
                        path=("bids", i, "lines"),
                        expected="a product for every line",
                    ).speaks("basket_line_missing", bid=bid.name, name=name)
                )
    errors.raise_if_any()
    raw_lines = data["lines"]
    tenders = []
    for j, line in enumerate(spec.lines):
        raw = raw_lines[j]
        model = line_model(spec, j)
        if model is None:
            errors.add(_no_model(file, j))
            continue
        sub: dict[str, Any] = {
            "model": model,
            "title": f"{spec.title or 'basket'}: {line.name}",
            "assumptions": {**data.get("assumptions", {}), "quantity": line.quantity},
            "parameters": {**data.get("parameters", {}), **raw.get("parameters", {})},
            "bids": [{"name": b["name"], **b["lines"][line.name]} for b in data["bids"]],
        }
        if data.get("basis") is not None:
            sub["basis"] = data["basis"]

        def where(path: Path_, j: int = j, name: str = line.name, raw: Any = raw) -> Path_:
            if path[:1] == ("bids",) and path[2:] == ("name",):
                return path  # the bid's name is the basket's, not the line's
            if path[:1] == ("bids",) and len(path) >= 2:
                return ("bids", path[1], "lines", name, *path[2:])
            if (
                path[:1] == ("parameters",)
                and len(path) >= 2
                and path[1] in raw.get("parameters", {})
            ):
                return ("lines", j, *path)
            if path[:1] == ("model",):
                return ("lines", j, "model", *path[1:]) if "model" in raw else path
            return path

        try:
            # The line is read as a tender in the basket's folder: its model path is confined
            # as a tender's (that folder, the bundled models and allow_paths), never the
            # current folder.
            tenders.append(
                load_tender(TenderSource(sub, None, base, None), allow_paths=allow_paths)
            )
        except SpecError as err:
            _add_once(errors, _moved(err, file, where))
    errors.raise_if_any()
    return Basket(spec=spec, tenders=tuple(tenders), file=file, sha256=sha256, forms=forms)


def basket_examples() -> dict[str, Path]:
    """Map the name of every bundled example basket to its file.

    Examples
    --------
    >>> sorted(basket_examples())
    ['car-van-fleet', 'copy-print']
    """
    return bundled_files("examples/baskets")


def basket_example_path(name: str) -> Path:
    """The file of a bundled example basket.

    Raises
    ------
    ModelNotFoundError
        If there is no such example.
    """
    return bundled_file("examples/baskets", name, "example basket")
