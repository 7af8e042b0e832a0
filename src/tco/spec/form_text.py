"""The text of a bid form's cells: number conventions and what a cell shows.

A tender may state its ``number_format`` (``en`` or ``da``); a form states its
own in cell ``B4``. These helpers read the stated convention, write a plain
number in it, word the value grammar's messages for a form cell and say what a
value cell shows. :mod:`tco.spec.forms` uses them to read a filled form and
re-exports the public ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tco.io.forms import CONVENTIONS, FormCell
from tco.units.numbers import scan_number

__all__ = ["FormBid", "for_form", "in_number_format", "shown_text", "stated_number_format"]


# The grammar's messages speak of a tender's number_format; a form states its own in B4.
_TENDER_FORMAT = re.compile(r"state the tender's 'number_format: \w+'( or 'number_format: \w+')?")
_FORM_FORMAT = "state the form's number convention in cell B4 ('da' or 'en')"


@dataclass(frozen=True)
class FormBid:
    """One bid read from a form, with where each value came from.

    Attributes
    ----------
    file : str
        The workbook.
    sheet : str
        The sheet read.
    values : dict
        The bid as a tender's ``bids`` entry: ``name``, ``notes`` and the
        parameter values with their units, as plain text (``"32000 W"``).
    cells : dict of str to str
        The cell each field was read from (``"name"`` included).
    shown : dict of str to str
        What each parameter's cell showed, for messages.
    sha256 : str
        The SHA-256 of the form's bytes that were read (for a fingerprint).
    cvr : str
        The bidder's CVR number, 8 digits (``""`` when the form has none).
    contact : str
        The bidder's contact person as written (``""`` when blank).
    date : str
        The bid's date as ``YYYY-MM-DD`` (``""`` when blank).
    """

    file: str
    values: dict[str, Any]
    cells: dict[str, str] = field(default_factory=dict)
    sheet: str = "Bid"
    shown: dict[str, str] = field(default_factory=dict)
    sha256: str = ""
    cvr: str = ""
    contact: str = ""
    date: str = ""


def stated_number_format(tender: object) -> str | None:
    """The ``number_format`` a raw tender mapping states (``"en"``, ``"da"``), or ``None``.

    Anything else (no ``assumptions``, a value that is not a convention) is
    ``None`` here; the tender's own validation reports a bad value.

    Examples
    --------
    >>> stated_number_format({"assumptions": {"number_format": "da"}})
    'da'
    >>> stated_number_format({"assumptions": "odd"}) is None
    True
    """
    assumptions = tender.get("assumptions") if isinstance(tender, Mapping) else None
    stated = assumptions.get("number_format") if isinstance(assumptions, Mapping) else None
    return stated if stated in CONVENTIONS else None


def in_number_format(text: str, convention: str | None) -> str:
    """A value in plain numbers (``"0.032 kW"``) written in a tender's stated number format.

    Plain numbers hold no thousands mark, so only the decimal point changes
    (``"0,032 kW"`` in ``da``); a number with an exponent is read in any format.

    Examples
    --------
    >>> in_number_format("0.032 kW", "da"), in_number_format("1450 DKK", "da")
    ('0,032 kW', '1450 DKK')
    >>> in_number_format("0.032 kW", "en"), in_number_format("1.5e-07 DKK", "da")
    ('0.032 kW', '1.5e-07 DKK')
    """
    scanned = scan_number(text) if convention == "da" else None
    if scanned is None or scanned[2]:
        return text
    sign, body, exponent, rest = scanned
    return f"{sign}{body.replace('.', ',')}{exponent}{rest}"


def for_form(reason: str) -> str:
    """A grammar message about a value, worded for a form cell.

    Examples
    --------
    >>> for_form("state the tender's 'number_format: da' or 'number_format: en'")
    "state the form's number convention in cell B4 ('da' or 'en')"
    """
    reason = _TENDER_FORMAT.sub(_FORM_FORMAT, reason)
    return reason.replace("the tender's number format", "the form's number convention")


def shown_text(value: FormCell, unit: FormCell) -> str:
    """What a value cell shows, with the unit cell's unit when the value has none.

    Examples
    --------
    >>> shown_text(FormCell("D10", 60.0, percent=True), FormCell("C10", "%"))
    '60%'
    >>> shown_text(FormCell("D10", 32.0), FormCell("C10", "kW"))
    '32 kW'
    >>> shown_text(FormCell("D10", "0,032 kW"), FormCell("C10", "W"))
    '0,032 kW'
    """
    if value.percent and isinstance(value.shown, float):
        return f"{value.shown:.15g}%"
    if isinstance(value.shown, float):
        unit_text = "" if unit.blank else str(unit.shown)
        return f"{value.shown:.15g} {unit_text}".strip()
    return "" if value.shown is None else str(value.shown)
