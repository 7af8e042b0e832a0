"""The ``tco sensitivity`` and ``tco switch`` subcommands.

One input at a time (tornado data) or named scenarios, and the value of an
input at which two bids cost the same; each prints a table, or JSON with
``--format json``. Collected into :data:`tco.cli.analysis.COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys

from tco.cli.analysis_args import add_source, load_tender, print_json, split_pair, tender_labels
from tco.cli.command import Command
from tco.errors import SpecError
from tco.views.analysis_text import describe_switch as _describe_switch
from tco.views.analysis_text import money as _money
from tco.views.analysis_text import num as _num
from tco.views.analysis_text import span as _span
from tco.views.analysis_text import t as _t
from tco.views.analysis_text import table
from tco.views.analysis_text import unit_words as _unit

__all__: list[str] = []  # internal: the public API is tco.__all__ and docs/api


# -- tco sensitivity ----------------------------------------------------------------------------
def _configure_sensitivity(p: argparse.ArgumentParser) -> None:
    p.description = (
        "One-at-a-time sensitivity: each input moved to a low and a high value (tornado "
        "data per bid, or for the difference between two bids), or the tender's named "
        "scenarios side by side."
    )
    add_source(p)
    p.add_argument(
        "--vary",
        action="append",
        default=[],
        metavar="NAME[=PCT|=LOW:HIGH]",
        help="an input to vary by PCT percent or between LOW and HIGH "
        "(repeatable; default every input by --percent)",
    )
    p.add_argument("--percent", type=float, default=10.0, help="default variation [%%]")
    p.add_argument("--bid", help="show the tornado of this bid (default: every bid)")
    p.add_argument("--difference", nargs=2, metavar=("A", "B"), help="tornado of total A - B")
    p.add_argument(
        "--scenarios", action="store_true", help="evaluate the tender's named scenarios instead"
    )
    p.add_argument(
        "--plot", metavar="FILE", help="write the tornado chart of --bid (or the cheapest bid)"
    )


def _run_sensitivity(args: argparse.Namespace) -> int:
    from tco.analysis.oneway import Variation, scenarios, sensitivity

    tender = load_tender(args)
    if args.scenarios:
        s = scenarios(tender)
        if args.format == "json":
            print_json("scenarios", s)
            return 0
        head = [_t("cli.scenario"), *s.bids, _t("cli.cheapest")]
        cells = [[r["scenario"], *(_money(r[b]) for b in s.bids), r["cheapest"]] for r in s.rows()]
        print(_t("cli.pv per scenario", cur=s.currency))
        print(table(cells, head))
        return 0
    variations: dict[str, Variation] | None = None
    if args.vary:
        variations = {}
        for text in args.vary:
            if "=" not in text:
                variations[text.strip()] = args.percent
                continue
            name, value = split_pair(text, "--vary")
            if ":" in value:
                lo, hi = value.split(":", 1)
                variations[name] = (lo.strip(), hi.strip())
            else:
                variations[name] = value if "%" in value else float(value)
    t = sensitivity(tender, variations, percent=args.percent)
    if args.plot:
        from tco.views.figures import save_figure
        from tco.views.plot_analysis import tornado

        bid = args.bid if args.bid else int(t.base.argmin())
        path = save_figure(tornado(t, bid, labels=tender_labels(tender)).get_figure(), args.plot)
        print(_t("cli.wrote", path=path), file=sys.stderr)
    if args.format == "json":
        print_json("sensitivity", t, difference=tuple(args.difference) if args.difference else None)
        return 0
    if args.difference:
        a, b = args.difference
        rows = t.difference(a, b)
        now = _money(rows[0]["base"] if rows else 0.0)
        print(_t("cli.tornado diff", a=a, b=b, cur=t.currency, now=now))
        labels = tender_labels(tender)
        print(
            table(
                [
                    [
                        labels.get(r["input"], r["input"]),
                        _span(r["low"], r["high"], r["unit"]),
                        _money(r["difference_low"]),
                        _money(r["difference_high"]),
                        _money(r["swing"]),
                        _t("cli.yes") if r["switches"] else "",
                    ]
                    for r in rows
                ],
                [
                    _t("cli.input"),
                    _t("cli.low high"),
                    _t("cli.at low"),
                    _t("cli.at high"),
                    _t("cli.swing"),
                    _t("cli.switches"),
                ],
            )
        )
        return 0
    bids = [args.bid] if args.bid else list(t.bids)
    labels = tender_labels(tender)
    for k, bid in enumerate(bids):
        rows = t.for_bid(bid)
        if k:
            print()
        b = t.bids.index(bid) if bid in t.bids else 0
        print(_t("cli.tornado", bid=bid, cur=t.currency, total=_money(float(t.base[b]))))
        print(
            table(
                [
                    [
                        labels.get(r["input"], r["input"]),
                        _span(r["low"], r["high"], r["unit"]),
                        _money(r["total_low"]),
                        _money(r["total_high"]),
                        _money(r["swing"]),
                    ]
                    for r in rows
                ],
                [
                    _t("cli.input"),
                    _t("cli.low high"),
                    _t("cli.at low"),
                    _t("cli.at high"),
                    _t("cli.swing"),
                ],
            )
        )
    return 0


# -- tco switch --------------------------------------------------------------------------------
def _configure_switch(p: argparse.ArgumentParser) -> None:
    p.description = (
        "The value of an input at which two bids cost the same (closed form when the "
        "difference is linear in it, else a bracketed bisection)."
    )
    add_source(p)
    p.add_argument("--input", required=True, help="the input to vary, e.g. electricity_price")
    p.add_argument("--bids", nargs=2, required=True, metavar=("A", "B"), help="the two bids")
    p.add_argument("--bid", help="for a bid parameter, whose value is varied (default A)")
    p.add_argument("--low", help="low end of the search, e.g. '0.5 DKK/kWh'")
    p.add_argument("--high", help="high end of the search")


def _run_switch(args: argparse.Namespace) -> int:
    from tco.analysis.switching import switching_value

    tender = load_tender(args)
    bounds = None
    if args.low is not None or args.high is not None:
        if args.low is None or args.high is None:
            raise SpecError("give both --low and --high", expected="--low X --high Y").speaks(
                "low_and_high"
            )
        bounds = (args.low, args.high)
        from tco.analysis.inputs import resolve_input

        inp = resolve_input(tender.plan, args.input)
        for option, raw in (("--low", args.low), ("--high", args.high)):
            try:  # read here too, so that a refusal names its option
                inp.value(raw)
            except SpecError as err:
                raise err.located(None, (option,)) from None
    a, b = args.bids
    s = switching_value(tender, args.input, a, b, bid=args.bid, bounds=bounds)
    if args.format == "json":
        print_json("switch", s)
        return 0
    print(_describe_switch(s, tender_labels(tender).get(s.input, s.input)) + ".")
    unit = f" {_unit(s.unit)}" if s.unit else ""
    lines = [
        [_t("cli.now"), f"{_num(s.current, '.6g')}{unit}"],
        [_t("cli.switching value"), f"{_num(s.value, '.6g')}{unit}"],
        [_t("cli.bounds"), f"{_num(s.bounds[0], '.6g')} .. {_num(s.bounds[1], '.6g')}{unit}"],
        [_t("cli.method"), _t(f"cli.{s.method}") + (_t("cli.jump") if s.jump else "")],
        [_t("cli.total diff now", a=s.a, b=s.b), _money(s.difference)],
    ]
    if len(s.crossings) > 1:
        lines.append([_t("cli.all crossings"), ", ".join(_num(x, ".6g") for x in s.crossings)])
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        print(f"  {key + ':':<{width + 1}}  {value}")
    return 0


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "sensitivity": (
        _configure_sensitivity,
        _run_sensitivity,
        "tornado data of each input, one at a time, or named scenarios",
    ),
    "switch": (
        _configure_switch,
        _run_switch,
        "the value of an input at which two bids cost the same",
    ),
}
