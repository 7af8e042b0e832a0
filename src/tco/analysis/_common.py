"""Small helpers shared by the analysis modules."""

from __future__ import annotations

from collections.abc import Sequence

from tco.errors import SpecError, suggest, suggest_name
from tco.plan import Plan
from tco.tender import Tender

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


def plan_of(tender: Tender | Plan) -> Plan:
    """The plan of a tender (or the plan itself)."""
    return tender.plan if isinstance(tender, Tender) else tender


def bid_index(bids: Sequence[str], bid: str | int) -> int:
    """Position of a bid given by name or index.

    Raises
    ------
    SpecError
        If there is no such bid (with the nearest name).

    Examples
    --------
    >>> bid_index(("A", "B"), "B"), bid_index(("A", "B"), -1)
    (1, 1)
    """
    if isinstance(bid, int) and not isinstance(bid, bool):
        if -len(bids) <= bid < len(bids):
            return bid % len(bids)
        raise SpecError(
            f"bid number {bid} does not exist; the tender has {len(bids)} bids",
            value=bid,
            expected=f"a bid number from 0 to {len(bids) - 1}",
        ).speaks("bid_number", n=bid, count=len(bids))
    if isinstance(bid, str) and bid in bids:
        return list(bids).index(bid)
    raise SpecError(
        f"no bid named '{bid}'{suggest(str(bid), bids)}; bids are " + ", ".join(bids),
        value=bid,
        expected="the name of a bid",
    ).speaks("no_bid", name=str(bid), hint=suggest_name(str(bid), bids), names_list=list(bids))
