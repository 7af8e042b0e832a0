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
    from tco.plan import Plan
    from tco.spec.forms import FormBid
    from tco.spec.product import ProductModel
    from tco.spec.schema import TenderSpec
    from tco.spec.tender_workbook import WorkbookTender
    from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


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
        moved = FormError(
            reason,
            file=form.file,
            sheet=form.sheet,
            cell=form.cells.get(key),
            field=key,
            value=err.value,
            expected=err.expected,
        )
        if err.message_id is not None and reason == err.reason:  # its message in every language
            moved.speaks(err.message_id, **err.params)
        return moved
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
    from tco.spec.forms import form_bid, stated_number_format
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
    stated = stated_number_format(data)
    errors = ErrorList()
    if src.book is not None:  # a workbook's rows are read by their hidden ids: check the labels
        from tco.spec.tender_workbook import label_errors

        for err in label_errors(src.book, model):
            errors.add(err)
    read: list[FormBid] = []
    hashes: list[tuple[str, str]] = []
    said: set[tuple[int, str]] = set()  # (bid, field) a form's own problem was reported at
    for form in forms:
        try:
            # Read once: the bid and the fingerprint come from the same bytes.
            form_data = read_form_data(form)
        except SpecError as err:
            errors.add(err)
            continue
        hashes.append((str(form), form_data.sha256))
        found = ErrorList()
        # The values that read are kept, so the tender's checks report their problems too.
        bid = form_bid(form_data, model, stated, problems=found)
        for problem in found.errors:
            errors.add(problem)
            said.add((len(read), str(getattr(problem, "field", None) or "")))
        if not bid.values.get("name"):
            bid.values["name"] = Path(form).name  # reported; a name for the other checks
        read.append(bid)
    checked = _check_bids(data, read, stated, model, file, errors, said, src.book) if read else None
    errors.raise_if_any()
    assert checked is not None  # no problem: the tender was checked
    spec, plan = checked
    return Tender(spec=spec, model=model, plan=plan, file=file, sha256=digest, forms=tuple(hashes))


def _check_bids(
    data: dict[str, Any],
    read: list[FormBid],
    stated: str | None,
    model: ProductModel,
    file: str | None,
    errors: ErrorList,
    said: set[tuple[int, str]],
    book: WorkbookTender | None = None,
) -> tuple[TenderSpec, Plan] | None:
    """Check the tender with the forms' bids; add each problem not said by a form already.

    A problem of a tender read from a workbook is said at the workbook's cell.

    Returns the checked spec and plan, or ``None`` after a problem.
    """
    from tco.plan.compiler import compile_plan
    from tco.spec.forms import in_number_format
    from tco.spec.schema import TenderSpec as TenderSpecClass
    from tco.spec.validation import validate

    # The forms' values are in plain numbers; the tender reads its bids in its own format.
    tender = dict(data)
    tender["bids"] = [
        {
            k: in_number_format(v, stated) if k not in ("name", "notes") else v
            for k, v in f.values.items()
        }
        for f in read
    ]
    try:
        spec: TenderSpec = validate(TenderSpecClass, tender, file=file)
        plan = compile_plan(spec, model, file=file)
    except SpecError as err:
        for e in err.errors if isinstance(err, SpecErrors) else [err]:
            path = e.path
            at = (
                (path[1], str(path[2]) if len(path) > 2 else "name")
                if path[:1] == ("bids",) and len(path) > 1
                else None
            )
            if at not in said:
                out = relocate_form_error(e, read)
                errors.add(book.relocate(out) if book else out)
        return None
    return spec, plan
