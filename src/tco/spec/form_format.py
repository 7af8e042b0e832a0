"""The number convention a bid form states, checked against the tender's and the front sheet's.

A form states its number convention (``da``: ``1.450,50``; ``en``: ``1,450.50``) in
cell ``B4`` of each sheet. A tender stating ``number_format`` reads every form in it,
and a basket's form has one convention, its front sheet's: a sheet stating another
is refused, never read in it (a line sheet saying ``en`` in a Danish form would read
``9.800 DKK`` as 9.8 DKK). :mod:`tco.spec.forms` reads the rest of the form.
"""

from __future__ import annotations

from tco.errors import FormError
from tco.io.forms import CONVENTIONS, FormData

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def sheet_format(
    data: FormData, tender_format: str | None, front: tuple[str, str] | None = None
) -> str | None:
    """The number convention a sheet is read in.

    Parameters
    ----------
    data : FormData
        The sheet.
    tender_format : {"en", "da"} or None
        The tender's (or basket's) stated ``number_format``.
    front : (str, str), optional
        For a line sheet of a basket's form: the front sheet's name and the
        convention it states.

    Returns
    -------
    {"en", "da"} or None
        The tender's convention, else the sheet's, else the front sheet's.

    Raises
    ------
    FormError
        At ``B4``, if the sheet states another convention than the tender or the
        front sheet, or something that is not a convention.

    Examples
    --------
    >>> from tco.io.forms import FormCell
    >>> cells = dict(file="f.xlsx", sheet="cars", model=FormCell("B2"),
    ...     convention=FormCell("B4", "en"), name=FormCell("D5"), notes=FormCell("D6"))
    >>> sheet_format(FormData(rows={}, **cells), None)
    'en'
    >>> sheet_format(FormData(rows={}, **cells), None, ("Kurv", "da"))
    Traceback (most recent call last):
    ...
    tco.errors.FormError: f.xlsx: sheet 'cars', cell B4 (format): the sheet states the ...
    """
    cell = data.convention
    conv = cell.shown

    def refuse(message: str, expected: str, says: str, **params: object) -> FormError:
        return FormError(
            message,
            file=data.file,
            sheet=data.sheet,
            cell=cell.cell,
            field="format",
            value=conv,
            expected=expected,
        ).speaks(says, **params)

    if conv in CONVENTIONS and tender_format and conv != tender_format:
        # A form saying 'en' for a Danish tender would read '1.450' as 1.45.
        raise refuse(
            f"the form states the number convention '{conv}', but the tender states "
            f"'number_format: {tender_format}'; write '{tender_format}' in cell "
            f"{cell.cell} and check the numbers typed as text, or fill in the "
            "form written by 'tco form' for this tender",
            tender_format,
            "form_other_format",
            conv=conv,
            tender_format=tender_format,
            cell=cell.cell,
        )
    if conv in CONVENTIONS and front is not None and conv != front[1]:
        sheet, stated = front
        raise refuse(
            f"the sheet states the number convention '{conv}', but the form's front sheet "
            f"'{sheet}' states '{stated}'; a form has one number convention: write "
            f"'{stated}' in cell {cell.cell} and check the numbers typed as text",
            stated,
            "form_sheet_format",
            conv=conv,
            front=stated,
            sheet=sheet,
            cell=cell.cell,
        )
    if conv in CONVENTIONS:
        return str(conv)
    if not cell.blank:
        raise refuse(
            f"got '{conv}', expected the number convention 'da' (1.450,50) or "
            "'en' (1,450.50); write one of them, as 'tco form' did",
            "da or en",
            "form_bad_format",
            conv=conv,
        )
    return tender_format or (front[1] if front else None)


def front_format(front: FormData, tender_format: str | None = None) -> str | None:
    """The number convention a basket's form states on its front sheet (``B4``).

    Every line sheet of the form is read in it (:func:`sheet_format` with ``front``).

    Raises
    ------
    FormError
        If the front sheet states another convention than the basket, or no convention.

    Examples
    --------
    >>> from tco.io.forms import FormCell
    >>> cells = dict(file="f.xlsx", sheet="Kurv", model=FormCell("B2"),
    ...     convention=FormCell("B4", "da"), name=FormCell("D5", "Nord"), notes=FormCell("D6"))
    >>> front_format(FormData(rows={}, **cells))
    'da'
    """
    return sheet_format(front, tender_format)
