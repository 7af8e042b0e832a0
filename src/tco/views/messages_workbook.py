"""Catalogue words of the result workbook's readable sheets.

Part of :data:`tco.views.messages.MESSAGES`; one entry per key,
``key: (English, Danish)``.

Examples
--------
>>> WORKBOOK_MESSAGES["wb.tco"]
('TCO', 'TCO')
"""

from __future__ import annotations

__all__ = ["WORKBOOK_MESSAGES"]

#: result workbook: key -> (English, Danish)
WORKBOOK_MESSAGES: dict[str, tuple[str, str]] = {
    "sheet.bids": ("Bids", "Tilbud"),
    "sheet.method": ("Method", "Metode"),
    "wb.rank": ("Rank", "Nr."),
    "wb.bid": ("Bid", "Tilbud"),
    "wb.tco": ("TCO", "TCO"),
    "wb.tco per year": ("TCO per year", "TCO pr. år"),
    "wb.tonne": ("t", "ton"),
    "wb.period": ("Period", "Periode"),
    "wb.externalities beside": (
        "Externalities, not in the award",
        "Eksterne omkostninger, ikke i tildelingen",
    ),
    "wb.tco incl": ("TCO incl. externalities", "TCO inkl. eksterne omk."),
    "wb.tco excl": ("TCO excl. externalities", "TCO ekskl. eksterne omk."),
    "wb.per year incl": (
        "TCO per year incl. externalities",
        "TCO pr. år inkl. eksterne omk.",
    ),
    "wb.per year excl": (
        "TCO per year excl. externalities",
        "TCO pr. år ekskl. eksterne omk.",
    ),
    "wb.parameter": ("Parameter", "Parameter"),
    "wb.unit": ("Unit", "Enhed"),
    "wb.assumption": ("Assumption", "Forudsætning"),
    "wb.value": ("Value", "Værdi"),
    "wb.rate type": ("Prices", "Priser"),
    "wb.topic": ("Topic", "Emne"),
    "wb.statement": ("Method", "Metode"),
    "wb.award": ("Award", "Tildeling"),
    "wb.ranked by total": (
        "The bids are ranked by their TCO (present value), cheapest first.",
        "Tilbuddene rangeres efter deres TCO (nutidsværdi), billigste først.",
    ),
    "wb.ranked by annualised": (
        "The bids' periods differ, so they are ranked by their TCO per year, cheapest first.",
        "Tilbuddenes perioder er forskellige, så de rangeres efter TCO pr. år, billigste først.",
    ),
    "wb.title": ("Tender", "Udbud"),
    "wb.model": ("Product model", "Produktmodel"),
    "wb.version": ("Version of tco", "Version af tco"),
    "wb.per year unit": ("per year", "pr. år"),
}
