"""The analysis subcommands of the command line."""

from __future__ import annotations

import json

import pytest

import tco
from tco.cli import main

EX = ["--example", "indoor-lighting-uncertain"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_montecarlo_json_matches_python(capsys) -> None:
    code, out, _ = run(
        capsys,
        "montecarlo",
        *EX,
        "--samples",
        "500",
        "--seed",
        "4",
        "--format",
        "json",
        "--difference",
        "Premium LED",
        "Lumen Nord",
    )
    assert code == 0
    data = json.loads(out)
    mc = tco.analysis.monte_carlo(
        tco.load_tender(tco.example_path("indoor-lighting-uncertain")), samples=500, seed=4
    )
    assert [r["mean"] for r in data["bids"]] == pytest.approx(list(mc.mean))
    assert data["difference"]["a"] == "Premium LED"


def test_montecarlo_table(capsys) -> None:
    code, out, _ = run(capsys, "montecarlo", *EX, "--samples", "300", "--percentiles", "10,90")
    assert code == 0
    assert "P(cheapest)" in out and "p10" in out and "Probability of each rank" in out


def test_sensitivity(capsys) -> None:
    code, out, _ = run(
        capsys,
        "sensitivity",
        *EX,
        "--vary",
        "electricity_price=1.5:3",
        "--vary",
        "power=20",
        "--vary",
        "quantity",
        "--format",
        "json",
    )
    assert code == 0
    by_bid = {b["bid"]: b for b in json.loads(out)["bids"]}
    rows = by_bid["Premium LED"]["bars"]
    assert {r["input"] for r in rows} == {"electricity_price", "power", "quantity"}
    elec = next(r for r in rows if r["input"] == "electricity_price")
    assert (elec["low"], elec["high"]) == pytest.approx((1.5, 3.0))
    code, out, _ = run(capsys, "sensitivity", *EX, "--difference", "Premium LED", "Lumen Nord")
    assert code == 0 and "switches" in out
    code, out, _ = run(capsys, "sensitivity", *EX, "--scenarios")
    assert code == 0 and "evenings only" in out


def test_switch(capsys) -> None:
    code, out, _ = run(
        capsys,
        "switch",
        *EX,
        "--input",
        "electricity_price",
        "--bids",
        "Premium LED",
        "Lumen Nord",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "linear" and data["value"] == pytest.approx(0.404257, abs=1e-6)
    code, out, _ = run(
        capsys,
        "switch",
        *EX,
        "--input",
        "price",
        "--bids",
        "Premium LED",
        "Lumen Nord",
        "--low",
        "0",
        "--high",
        "2000",
    )
    assert code == 0 and "never cost the same" in out


def test_score(capsys) -> None:
    code, out, _ = run(
        capsys,
        "score",
        *EX,
        "--weight",
        "price=60",
        "--weight",
        "design=40",
        "--method",
        "linear_slope",
        "--slope",
        "2",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["weights"] == [
        {"criterion": "price", "weight": 0.6},
        {"criterion": "design", "weight": 0.4},
    ]
    assert data["bids"][0]["rank"] == 1
    code, out, _ = run(capsys, "score", *EX)
    assert code == 0 and "score" in out


def test_baseline(capsys) -> None:
    code, out, _ = run(capsys, "baseline", *EX, "--baseline", "Budget Light", "--format", "json")
    assert code == 0
    rows = {r["bid"]: r for r in json.loads(out)["bids"]}
    assert rows["Budget Light"]["baseline"] and rows["Budget Light"]["net_savings"] == 0
    assert rows["Premium LED"]["sir"] > 1
    code, out, _ = run(capsys, "baseline", *EX, "--baseline", "Budget Light")
    assert code == 0 and "(baseline)" in out and "SIR" in out


def test_sensitivity_one_bid_table(capsys) -> None:
    code, out, _ = run(capsys, "sensitivity", *EX, "--bid", "Premium LED", "--percent", "20")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Tornado of 'Premium LED' in DKK (total 813,449)"
    # 2.13 DKK/kWh +-20 %: 1.704 .. 2.556
    assert any("1.704 .. 2.556 DKK/kWh" in x for x in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["montecarlo", *EX, "--percentiles", "5,x"], "expected numbers such as 5,50,95"),
        (["score", *EX, "--weight", "price=lots"], "expected a number"),
        (["baseline", *EX, "--baseline", "Budget"], "no bid named 'Budget'"),
        (["switch", *EX, "--input", "nope", "--bids", "0", "1"], "unknown input 'nope'"),
        (["score", *EX, "--weight", "price"], "expected NAME=VALUE"),
        (["montecarlo", "--example", "indoor-lighting"], "no 'uncertainty' section"),
        (
            [
                "switch",
                *EX,
                "--input",
                "price",
                "--bids",
                "Premium LED",
                "Lumen Nord",
                "--low",
                "1",
            ],
            "give both --low and --high",
        ),
    ],
)
def test_errors_exit_2_without_traceback(capsys, args, message) -> None:
    code, _out, err = run(capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_table_helper() -> None:
    from tco.cli.analysis import table

    assert table([], ["a", "bb"]).splitlines() == ["a  bb", "-  --"]
    assert table([["xyz", "1"]], ["a", "b"]) == "a    b\n---  -\nxyz  1"
