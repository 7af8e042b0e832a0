"""Read filled Excel bid forms as bids: one form, or a tender's bids from several.

Reading a filled form is input, not a view: :mod:`tco.io.forms` reads the
cells as Excel shows them, safely, and :mod:`tco.spec.forms` turns them into a
bid with the value grammar. :func:`load_tender_with_forms` puts the two
together with a tender. Every problem is a :class:`~tco.errors.FormError`
naming the file, the sheet and the cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tco.errors import ErrorList, FormError, SpecError, SpecErrors
from tco.io.forms import read_form_data

if TYPE_CHECKING:
    from tco.spec.forms import FormBid
    from tco.spec.product import ProductModel
    from tco.tender import Tender

__all__ = ["load_tender_with_forms", "read_form", "relocate_form_error"]


def read_form(
    path: str | Path, model: ProductModel, *, tender_format: str | None = None
) -> FormBid:
    """Read a filled bid form as a bid of ``model``.

    Reads the cells safely as Excel shows them (:func:`tco.io.forms.read_form_data`)
    and turns them into a bid (:func:`tco.spec.forms.form_bid`).

    Parameters
    ----------
    path : str or path
        The ``.xlsx`` file.
    model : ProductModel
        The tender's product model; the form must be for it.
    tender_format : {"en", "da"}, optional
        The tender's stated ``number_format``; a form stating another is refused.

    Returns
    -------
    FormBid

    Raises
    ------
    FormError
        Naming the file, sheet and cell of each problem (a
        :class:`~tco.errors.SpecErrors` of them when there are several).
    """
    from tco.spec.forms import form_bid

    return form_bid(read_form_data(path), model, tender_format)


def relocate_form_error(err: SpecError, forms: Sequence[FormBid], *, skip: int = 0) -> SpecError:
    """Point an error about ``bids[i].key`` at the form cell it came from.

    ``skip`` path parts after the bid's index lead to the key (``lines``, the
    line's name for a basket's bid: ``bids[i].lines.<line>.key``); ``forms``
    then holds the bid's form of that line.
    """
    path = err.path
    if len(path) >= 2 and path[0] == "bids" and isinstance(path[1], int) and path[1] < len(forms):
        form = forms[path[1]]
        path = (*path[:2], *path[2 + skip :])
        key = str(path[2]) if len(path) > 2 else "name"
        reason, read, shown = err.reason, form.values.get(key), form.shown.get(key)
        if isinstance(read, str) and shown and shown != read:
            # the tender saw the value in plain numbers; say what the cell shows too
            reason = reason.replace(f"'{read}'", f"'{shown}' (read as '{read}')")
        return FormError(
            reason,
            file=form.file,
            sheet=form.sheet,
            cell=form.cells.get(key),
            field=key,
            value=err.value,
            expected=err.expected,
        )
    return err


def load_tender_with_forms(
    tender: str | Path | Mapping[str, Any],
    forms: Sequence[str | Path],
    *,
    allow_paths: Sequence[str | Path] = (),
) -> Tender:
    """Load a tender whose bids are read from filled bid forms.

    The forms' bids replace any bids in the tender file (which may have none).

    Parameters
    ----------
    tender : str, path or mapping
        The tender file (or mapping).
    forms : sequence of str or path
        Filled forms, one bid each, in the order given.
    allow_paths : sequence of str or path
        Folders besides the tender's own that its ``model:`` path may reach
        (see :func:`tco.tender.load_tender`).

    Raises
    ------
    FormError
        For a problem in a form, naming its file, sheet and cell.
    SpecError
        For a problem in the tender itself.
    """
    from tco.plan.compiler import compile_plan
    from tco.spec.forms import form_bid, in_number_format, stated_number_format
    from tco.spec.schema import TenderSpec, validate
    from tco.tender import Tender, read_tender, tender_model

    src = read_tender(tender)
    data, file, base, digest = src.data, src.file, src.base, src.sha256
    if not forms:
        raise FormError("no bid forms given", file=file, expected="one or more .xlsx files").speaks(
            "no_forms"
        )
    if "model" not in data:
        raise SpecError(
            "this key is required", file=file, path=("model",), expected="a model"
        ).speaks("required")
    model = tender_model(data["model"], base, file, allow_paths=allow_paths)
    errors = ErrorList()
    read: list[FormBid] = []
    hashes: list[tuple[str, str]] = []
    for form in forms:
        try:
            # Read once: the bid and the fingerprint come from the same bytes.
            form_data = read_form_data(form)
            hashes.append((str(form), form_data.sha256))
            read.append(form_bid(form_data, model, stated_number_format(data)))
        except SpecError as err:
            errors.add(err)
    errors.raise_if_any()
    # The forms' values are in plain numbers; the tender reads its bids in its own format.
    stated = stated_number_format(data)
    data["bids"] = [
        {
            k: in_number_format(v, stated) if k not in ("name", "notes") else v
            for k, v in f.values.items()
        }
        for f in read
    ]
    try:
        spec: TenderSpec = validate(TenderSpec, data, file=file)
        plan = compile_plan(spec, model, file=file)
    except SpecErrors as many:
        errs = [relocate_form_error(e, read) for e in many.errors]
        raise SpecErrors([src.book.relocate(e) if src.book else e for e in errs]) from None
    except SpecError as err:
        out = relocate_form_error(err, read)
        raise (src.book.relocate(out) if src.book else out) from None
    return Tender(spec=spec, model=model, plan=plan, file=file, sha256=digest, forms=tuple(hashes))
