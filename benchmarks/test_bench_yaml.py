"""Reading tenders: libyaml's event stream with every cap checked while it reads.

Yardstick: PyYAML's own ``yaml.CSafeLoader`` building the same data with no
caps (where libyaml is installed), so the ratio is the price of the caps.
"""

from __future__ import annotations

from typing import Any

import yaml
from bench_helpers import ROWS, best_time

from tco.io.yamlio import load_yaml

BID = "  - name: bid {i}\n    price: 1450 DKK\n    power: 32 W\n    rated_life: 50000 h\n"


def tender_text(bids: int) -> str:
    """A tender of the bundled lighting model with ``bids`` bids, as YAML text."""
    head = "model: indoor-lighting\nassumptions:\n  period: 15 year\nbids:\n"
    return head + "".join(BID.format(i=i) for i in range(bids))


def test_2000_bid_tender(benchmark: Any) -> None:
    text = tender_text(2000)
    benchmark.pedantic(load_yaml, args=(text,), rounds=5, warmup_rounds=1)
    ours = float(benchmark.stats.stats.median)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    plain = best_time(lambda: yaml.load(text, Loader=loader))
    ROWS.append(
        {
            "case": "read a 2,000-bid tender (YAML, capped)",
            "batch_s": ours,
            "numpy_s": plain,
            "vs_numpy": ours / plain,
            "targets": "<= 0.1 s",
        }
    )
    assert len(load_yaml(text)["bids"]) == 2000
