"""Every mistake in asking for an analysis, and every argument check of the commands, in Danish.

Each row asks an analysis for something it cannot do; the error must name its
message in the catalogue and read in Danish with no English word of tco's own
(the words of ``tests/test_errors_danish.py``). A scan of the source finds any
error of the analyses or the command line raised without its message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
from tco.analysis import (
    abatement_cost,
    compare_to_baseline,
    monte_carlo,
    score,
    sensitivity,
    switching_value,
)
from tco.analysis.distributions import Distribution, gaussian_copula
from tco.analysis.followup_file import read_follow_up
from tco.analysis.portfolio import portfolio
from tco.analysis.profiles import profiles
from tco.analysis.scoring import price_points
from tco.analysis.uncertainty import parse_uncertainty
from tco.cli.main import main
from tco.errors import TCOError
from tco.views.error_text import error_text, translated
from test_errors_danish import english_words

SRC = Path(tco.__file__).parent


def _lighting() -> tco.Tender:
    return tco.load_tender(tco.example_path("indoor-lighting"))


def _uncertain() -> tco.Tender:
    return tco.load_tender(tco.example_path("indoor-lighting-uncertain"))


def _profiles(change: Callable[[dict[str, Any]], None]) -> tco.Tender:
    from tco.io.yamlio import read_yaml_file

    data = dict(read_yaml_file(tco.example_path("indoor-lighting-profiles")))
    data["model"] = "indoor-lighting"
    change(data)
    return tco.load_tender(data)


def _zero_weights(data: dict[str, Any]) -> None:
    data["profiles"] = {k: {**v, "weight": 0} for k, v in data["profiles"].items()}


def _one_weight_left_out(data: dict[str, Any]) -> None:
    first = next(iter(data["profiles"]))
    del data["profiles"][first]["weight"]


def _mixed_weights(data: dict[str, Any]) -> None:
    first = next(iter(data["profiles"]))
    data["profiles"][first]["weight"] = "20 %"


def _shares_short(data: dict[str, Any]) -> None:
    data["profiles"] = {k: {**v, "weight": "30 %"} for k, v in data["profiles"].items()}


def _bid_parameter_profile(data: dict[str, Any]) -> None:
    first = next(iter(data["profiles"]))
    data["profiles"][first]["parameters"] = {"power": "20 W"}


def _follow_up(entry: dict[str, Any]) -> Callable[[], Any]:
    return lambda: read_follow_up({"bid": "Lumen Nord", **entry}, _lighting())


MISTAKES: dict[str, tuple[str, Callable[[], Any]]] = {
    "unknown input": ("unknown_input", lambda: sensitivity(_lighting(), ["nope"])),
    "odd variation": ("sensitivity_range", lambda: sensitivity(_lighting(), {"power": [1]})),
    "rate with a unit": (
        "input_plain_or_percent",
        lambda: sensitivity(_lighting(), {"discount_rate": ("1 W", "2 W")}),
    ),
    "value of the wrong unit": (
        "units.wrong_dimension",
        lambda: sensitivity(_lighting(), {"power": ("1 kg", "2 kg")}),
    ),
    "value of no kind": (
        "input_number",
        lambda: sensitivity(_lighting(), {"power": ([1], [2])}),
    ),
    "emission price of the wrong unit": (
        "units.wrong_dimension",
        lambda: sensitivity(_lighting(), {"co2_price": ("1 W", "2 W")}),
    ),
    "no such bid": ("no_bid", lambda: switching_value(_lighting(), "power", "A", "B")),
    "no such bid number": ("bid_number", lambda: switching_value(_lighting(), "power", 0, 7)),
    "bounds reversed": (
        "switch_bounds",
        lambda: switching_value(_lighting(), "electricity_price", 0, 1, bounds=(3, 1)),
    ),
    "too few samples": ("samples_min", lambda: monte_carlo(_uncertain(), samples=1)),
    "negative seed": ("seed", lambda: monte_carlo(_uncertain(), samples=10, seed=-1)),
    "unknown distribution": ("unknown_distribution", lambda: Distribution("bell")),
    "low above high": ("dist_low_high", lambda: Distribution("uniform", low=2, high=1)),
    "mode outside": (
        "dist_mode",
        lambda: Distribution("triangular", low=1, high=2, mode=3),
    ),
    "negative sd": ("dist_sd", lambda: Distribution("normal", mean=1, sd=-1)),
    "lognormal mean": ("dist_mean_positive", lambda: Distribution("lognormal", mean=-1, sd=1)),
    "normal without mean": ("dist_give_mean", lambda: Distribution("normal", sd=1)),
    "discrete without values": ("dist_values", lambda: Distribution("discrete")),
    "weights per value": (
        "dist_weights",
        lambda: Distribution("discrete", values=(1, 2), weights=(1,)),
    ),
    "zero weights": (
        "dist_weights_zero",
        lambda: Distribution("discrete", values=(1, 2), weights=(0, 0)),
    ),
    "asymmetric correlation": (
        "corr_symmetric",
        lambda: gaussian_copula(np.zeros((3, 2)), [[1, 0.5], [0.2, 1]], np.random.default_rng()),
    ),
    "inconsistent correlations": (
        "corr_inconsistent",
        lambda: gaussian_copula(
            np.zeros((3, 3)),
            [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]],
            np.random.default_rng(),
        ),
    ),
    "per bid for a buyer value": (
        "per_bid_buyer",
        lambda: parse_uncertainty(
            _lighting().plan,
            {
                "parameters": {
                    "operating_hours": {
                        "dist": "uniform",
                        "low": "2000 h/year",
                        "high": "4000 h/year",
                        "per_bid": True,
                    }
                }
            },
        ),
    ),
    "distribution without its values": (
        "dist_needs",
        lambda: parse_uncertainty(
            _lighting().plan, {"parameters": {"operating_hours": {"dist": "uniform"}}}
        ),
    ),
    "price model": ("unknown_price_model", lambda: price_points([1.0, 2.0], "cheapest")),
    "proportional of zero": ("scoring_positive", lambda: price_points([0.0, 2.0])),
    "ceiling below": (
        "scoring_ceiling",
        lambda: price_points([5.0, 6.0], "linear_ceiling", ceiling=1.0),
    ),
    "negative weights": (
        "weights_nonnegative",
        lambda: score(_lighting(), weights={"price": -1.0}),
    ),
    "weight of a criterion the bids do not score": (
        "no_quality_points",
        lambda: score(_lighting(), weights={"price": 60.0, "quality": 40.0}),
    ),
    "unknown category": (
        "unknown_category",
        lambda: compare_to_baseline(_lighting(), "Budget Light", investment=["purchase"]),
    ),
    "baseline mapping of a result": (
        "baseline_needs_tender",
        lambda: compare_to_baseline(_lighting().evaluate(), {"name": "old", "price": "1 DKK"}),
    ),
    "abatement without the substance": (
        "abatement_no_emission_emits",
        lambda: abatement_cost(_lighting(), substance="ch4"),
    ),
    "profiles weighing nothing": (
        "profile_weight",
        lambda: profiles(_profiles(_zero_weights)),
    ),
    "a profile without a weight among weighted ones": (
        "profile_weight_missing",
        lambda: profiles(_profiles(_one_weight_left_out)),
    ),
    "shares and relative weights mixed": (
        "profile_weights_mixed",
        lambda: profiles(_profiles(_mixed_weights)),
    ),
    "shares not adding up to 100 %": (
        "profile_shares_sum",
        lambda: profiles(_profiles(_shares_short)),
    ),
    "profile of a bid parameter": (
        "profile_bid_parameter",
        lambda: profiles(_profiles(_bid_parameter_profile)),
    ),
    "follow-up of no bid": ("no_bid", _follow_up({"bid": "Nobody"})),
    "follow-up year out of the period": ("followup_year", _follow_up({"years": {99: {}}})),
    "follow-up without values": ("followup_no_values", _follow_up({"years": {1: 3}})),
    "follow-up of an unknown parameter": (
        "model_no_parameter",
        _follow_up({"years": {1: {"powr": "30 W"}}}),
    ),
    "follow-up years as a list": ("followup_years_list", _follow_up({"years": [1, 2]})),
    "follow-up number format": ("number_format", _follow_up({"number_format": "fr"})),
    "follow-up without its bid": (
        "followup_no_bid",
        lambda: read_follow_up({"years": {}}, _lighting()),
    ),
    "follow-up of another tender": ("followup_other_tender", _follow_up({"tender": "other.yaml"})),
    "follow-up naming its tender by a number": ("followup_tender_type", _follow_up({"tender": 3})),
    "follow-up with a negative penalty": (
        "clause_negative_penalty",
        _follow_up({"clauses": [{"parameter": "power", "penalty": "-4000 DKK"}]}),
    ),
    "follow-up with a negative bonus": (
        "clause_negative_bonus",
        _follow_up({"clauses": [{"parameter": "power", "bonus": "-10 DKK"}]}),
    ),
    "follow-up clauses not a list": ("clauses_not_list", _follow_up({"clauses": "x"})),
    "follow-up clause not a mapping": ("clause_not_mapping", _follow_up({"clauses": ["x"]})),
    "follow-up clause of a buyer parameter": (
        "clause_parameter",
        _follow_up({"clauses": [{"parameter": "operating_hours"}]}),
    ),
    "follow-up clause's direction": (
        "clause_worse",
        _follow_up({"clauses": [{"parameter": "power", "worse": "sideways"}]}),
    ),
    "portfolio of no folder": ("no_folder", lambda: portfolio("/no/such/folder")),
}


def _tender_with(**parameters: Any) -> Callable[[], Any]:
    from tco.io.yamlio import read_yaml_file

    def load() -> Any:
        data = dict(read_yaml_file(tco.example_path("indoor-lighting")))
        data["parameters"] = {**data["parameters"], **parameters}
        if "basis" in parameters:
            data["basis"] = data["parameters"].pop("basis")
        return tco.load_tender(data).evaluate()

    return load


def _basket_with(change: Callable[[dict[str, Any]], None]) -> Callable[[], Any]:
    from tco.basket.load import basket_example_path
    from tco.io.yamlio import read_yaml_file

    def load() -> Any:
        path = basket_example_path("car-van-fleet")
        data = dict(read_yaml_file(path))
        change(data)
        return tco.load_basket(data)  # its lines name bundled models

    return load


def _no_basket_bids(data: dict[str, Any]) -> None:
    data["bids"] = []


def _same_lines(data: dict[str, Any]) -> None:
    data["lines"] = [data["lines"][0], data["lines"][0]]


def _unknown_line(data: dict[str, Any]) -> None:
    bid = dict(data["bids"][0])
    bid["lines"] = {**bid["lines"], "buses": next(iter(bid["lines"].values()))}
    data["bids"] = [bid, *data["bids"][1:]]


def _line_missing(data: dict[str, Any]) -> None:
    bid = dict(data["bids"][0])
    first = next(iter(bid["lines"]))
    bid["lines"] = {k: v for k, v in bid["lines"].items() if k != first}
    data["bids"] = [bid, *data["bids"][1:]]


OUTPUT_AND_FILE_MISTAKES: dict[str, tuple[str, Callable[[], Any]]] = {
    "a basis value without a basis": (
        "basis_none",
        _tender_with(electricity_price={"basis": "electricity_price"}),
    ),
    "a basis without the value": (
        "basis_no_value",
        _tender_with(basis="dk-fm-2021", electricity_price={"basis": "electricity_price"}),
    ),
    "a yearly basis value without its year": (
        "basis_by_year",
        _tender_with(basis="dk-br18-2023", grid_factor={"basis": "electricity_emission_factor"}),
    ),
    "a year outside the basis": (
        "basis_outside",
        _tender_with(
            basis="dk-br18-2023",
            grid_factor={"basis": "electricity_emission_factor", "year": 1990},
        ),
    ),
    "a basis year that is no year": (
        "basis_year",
        _tender_with(
            basis="dk-br18-2023",
            grid_factor={"basis": "electricity_emission_factor", "year": "soon"},
        ),
    ),
    "a basket without bids": ("basket_no_bids", _basket_with(_no_basket_bids)),
    "two lines of one name": ("basket_same_line", _basket_with(_same_lines)),
    "a bid for an unknown line": ("basket_no_line", _basket_with(_unknown_line)),
    "a bid missing a line": ("basket_line_missing", _basket_with(_line_missing)),
}
MISTAKES.update(OUTPUT_AND_FILE_MISTAKES)


@pytest.mark.parametrize("name", list(MISTAKES))
def test_every_analysis_mistake_reads_in_danish(name: str) -> None:
    message_id, ask = MISTAKES[name]
    with pytest.raises(TCOError) as info:
        ask()
    err = info.value
    problems = getattr(err, "errors", [err])
    assert [e.message_id for e in problems][:1] == [message_id], str(err)
    assert translated(err, "da"), str(err)
    danish = error_text(err, "da")
    assert not english_words(danish, err), danish
    assert error_text(err, "en") == str(err)


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (
            ["sensitivity", "--example", "indoor-lighting", "--vary", "nope"],
            "fejl: ukendt inddata 'nope'; inddata er 'price', 'power'",
        ),
        (
            ["switch", "--example", "indoor-lighting", "--input", "power", "--bids", "A", "B"],
            "fejl: intet tilbud hedder 'A'; tilbuddene er 'Lumen Nord'",
        ),
        (
            [
                *("switch", "--example", "indoor-lighting", "--input", "power"),
                *("--bids", "Lumen Nord", "Budget Light", "--low", "1 W"),
            ],
            "fejl: angiv både --low og --high",
        ),
        (
            ["score", "--example", "indoor-lighting", "--weight", "price=x"],
            "fejl: fik 'x' som vægten af 'price', forventede et tal",
        ),
        (
            ["score", "--example", "indoor-lighting", "--weight", "price"],
            "fejl: fik 'price' for --weight, forventede NAVN=VÆRDI",
        ),
        (
            ["montecarlo", "--example", "indoor-lighting-uncertain", "--percentiles", "a"],
            "fejl: fik 'a' for --percentiles, forventede tal som 5,50,95",
        ),
        (
            ["compare", "--example", "indoor-lighting", "--plot", "x.gif"],
            "kan ikke skrive diagrammet: fik en '.gif'-fil, forventede en diagramfil",
        ),
        (
            ["compare", "--example", "indoor-lighting", "--plot", "x.png", "--report", "x.png"],
            "kan ikke skrive diagrammet og rapporten til samme fil",
        ),
        (["schema", "model", "--model", "x"], "fejl: --model hører til 'tco schema tender'"),
        (["portfolio", "/no/such/folder", "--workers", "0"], "fejl: fik --workers 0"),
        (
            ["annex", "t.yaml", "-o", "t.yaml"],
            "kan ikke skrive filen oven i en inddatafil; angiv et andet filnavn",
        ),
        (
            ["montecarlo", "--example", "indoor-lighting-uncertain", "--samples", "10000000000"],
            "fejl: --samples: 10.000.000.000 stikprøver; højst 1.000.000 er tilladt",
        ),
        (
            ["montecarlo", "--example", "indoor-lighting-uncertain", "--samples", "0"],
            "fejl: --samples: fik 0, forventede et helt antal stikprøver på mindst 1",
        ),
    ],
)
def test_the_command_line_says_analysis_mistakes_in_danish(
    args: list[str],
    danish: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(
        tco.example_path("indoor-lighting").read_text("utf-8"), encoding="utf-8"
    )
    assert main([*args, "--lang", "da"]) == 2
    said = capsys.readouterr().err
    assert danish in said, said
    assert main(args) == 2
    assert "error: " in capsys.readouterr().err


def _unspoken(folder: Path) -> list[str]:
    """Errors made in ``folder`` without naming their message (``.speaks``)."""
    from test_errors_danish import unspoken

    return [w for path in sorted(folder.rglob("*.py")) for w in unspoken(path)]


@pytest.mark.parametrize("folder", ["analysis", "cli", "basket"])
def test_every_error_of_the_analyses_and_the_command_line_names_its_message(folder: str) -> None:
    assert _unspoken(SRC / folder) == []


def test_a_portfolio_says_the_error_of_a_tender_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text("model: indoor-lighting\nbids: []\n", encoding="utf-8")
    assert main(["portfolio", str(tmp_path), "--lang", "da"]) == 0
    said = capsys.readouterr()
    assert "bids: et udbud skal have mindst ét tilbud" in said.out + said.err
    assert main(["portfolio", str(tmp_path)]) == 0
    assert "bids: a tender needs at least one bid" in "".join(capsys.readouterr())
