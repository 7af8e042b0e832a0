"""Profile weights: every profile weighted or none, finite and positive, said to be relative or shares.

Each case is tried through the command line (``tco profiles FILE``) and the Python API
(:func:`tco.analysis.profiles.profiles`), on the bundled example with its weights rewritten.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import tco
from tco.analysis.profiles import profile_weights, profiles
from tco.cli import main

EXAMPLE = "indoor-lighting-profiles"


def _write(
    tmp_path: Path, weights: tuple[str | None, str | None, str | None], extra: str = ""
) -> Path:
    """The example tender with the three profiles' weights replaced (``None``: no weight)."""
    lines = tco.example_path(EXAMPLE).read_text("utf-8").splitlines()
    out, k = [], 0
    for line in lines:
        if line.strip().startswith("weight:"):
            w = weights[k]
            k += 1
            if w is None:
                continue
            line = f"    weight: {w}"
        out.append(line)
    assert k == 3
    path = tmp_path / "t.yaml"
    path.write_text("\n".join(out) + "\n" + extra, "utf-8")
    return path


def _refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["profiles", str(path)]) == 2
    return capsys.readouterr().err


def test_a_weight_left_out_is_refused_not_taken_as_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the care home's missing weight weighed 1 beside 1 and 3 (a share of 20 %).
    path = _write(tmp_path, ("1", "3", None))
    err = _refused(path, capsys)
    assert "profiles.care_home.weight" in err and "every profile a weight, or none" in err
    with pytest.raises(tco.SpecError) as caught:
        profiles(tco.load_tender(path))
    assert caught.value.path == ("profiles", "care_home", "weight")
    assert caught.value.file == str(path)
    assert main(["--lang", "da", "profiles", str(path)]) == 2
    assert "giv alle profiler en vægt, eller ingen" in capsys.readouterr().err


@pytest.mark.parametrize("huge", ["1e308", ".inf", "inf", "1e10"])
def test_an_infinite_or_huge_weight_is_refused(
    huge: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 1e308 + 1e308 overflowed to inf and every share was 0 or NaN, yet a winner was named.
    path = _write(tmp_path, (huge, huge, "1"))
    err = _refused(path, capsys)
    assert "profiles.sports_hall.weight" in err, err
    with pytest.raises(tco.SpecError) as caught:
        profiles(tco.load_tender(path))
    assert caught.value.path == ("profiles", "sports_hall", "weight")


@pytest.mark.parametrize("bad", ["0", "-1", "3 DKK", "nan"])
def test_a_weight_that_is_not_a_positive_number_is_refused(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(_write(tmp_path, ("1", bad, "1")), capsys)
    assert "profiles.school.weight" in err, err


def test_shares_in_percent_must_add_up_to_100(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(_write(tmp_path, ("30 %", "30 %", "30 %")), capsys)
    assert "add up to 90 %, not 100 %" in err
    err = _refused(_write(tmp_path, ("20 %", "3", "1")), capsys)
    assert "percentages (shares) and some plain numbers" in err


def test_shares_in_percent_rank_as_the_relative_weights_they_equal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 20 %, 60 %, 20 % are the shares of the relative weights 1, 3, 1 (1/5, 3/5, 1/5).
    shares = profiles(tco.load_tender(_write(tmp_path, ("20 %", "60 %", "20 %"))))
    relative = profiles(tco.load_tender(tco.example_path(EXAMPLE)))
    np.testing.assert_allclose(shares.weights, [0.2, 0.6, 0.2])
    np.testing.assert_allclose(shares.weighted, relative.weighted, rtol=1e-12)
    assert shares.weight_rule == "shares" and relative.weight_rule == "relative"
    # Rounded shares: 33.3 % three times is 99.9 %, within half a percentage point of 100 %.
    rounded = profiles(tco.load_tender(_write(tmp_path, ("33.3 %", "33.3 %", "33.3 %"))))
    np.testing.assert_allclose(rounded.weights, [1 / 3] * 3)
    assert main(["profiles", str(_write(tmp_path, ("20 %", "60 %", "20 %")))]) == 0
    out = capsys.readouterr().out
    assert "Weights are shares: percentages of the expected use, adding up to 100 %." in out


def test_no_weights_are_equal_shares_and_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, (None, None, None))
    t = profiles(tco.load_tender(path))
    np.testing.assert_allclose(t.weights, [1 / 3] * 3)
    assert main(["profiles", str(path)]) == 0
    assert "No weights are given: every profile has an equal share." in capsys.readouterr().out


def test_a_danish_weight_is_read_with_the_value_grammar(tmp_path: Path) -> None:
    # number_format: da; "1,5" is one and a half: shares 1.5 / 5.5, 3 / 5.5, 1 / 5.5.
    path = _write(tmp_path, ('"1,5"', "3", "1"))
    danish = (
        path.read_text("utf-8")
        .replace("  currency: DKK\n", "  currency: DKK\n  number_format: da\n")
        .replace("1.67 %/year", "'1,67 %/year'")
        .replace("2.13 DKK/kWh", "2,13 DKK/kWh")
    )
    assert "number_format: da" in danish
    path.write_text(danish, "utf-8")
    t = profiles(tco.load_tender(path))
    np.testing.assert_allclose(t.weights, [1.5 / 5.5, 3 / 5.5, 1 / 5.5])


def test_every_output_says_whether_weights_are_relative(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profiles", "--example", EXAMPLE]) == 0
    out = capsys.readouterr().out
    # 1 + 3 + 1 = 5: the sum each weight is divided by.
    assert (
        "Weights are relative: a profile's share is its weight divided by the sum of the "
        "weights (5)." in out
    )
    assert main(["profiles", "--example", EXAMPLE, "--lang", "da"]) == 0
    assert "Vægtene er relative" in capsys.readouterr().out
    assert main(["profiles", "--example", EXAMPLE, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["weights"] == "relative"
    assert [(p["weight"], p["share"]) for p in doc["profiles"]] == [
        (1.0, 0.2),
        (3.0, 0.6),
        (1.0, 0.2),
    ]
    report = tmp_path / "p.html"
    assert main(["profiles", "--example", EXAMPLE, "--report", str(report)]) == 0
    assert "Weights are relative" in report.read_text("utf-8")
    annex = tco.load_tender(tco.example_path(EXAMPLE)).annex(lang="da")
    assert isinstance(annex, str) and "Vægtene er relative" in annex


def test_shares_are_shown_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, ("33.3 %", "33.3 %", "33.4 %"))
    assert main(["--lang", "da", "profiles", str(path)]) == 0
    out = capsys.readouterr().out
    # The weight as written (33,3 %) beside its share 33.3 / 100 = 33 % (rounded to whole %).
    assert "Idrætshal  33,3 %   33 %" in out, out


def test_validate_reports_the_weights_as_profiles_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 'tco validate' called a tender valid whose 'tco profiles' was refused.
    assert main(["validate", str(_write(tmp_path, ("1", "3", None)))]) == 2
    assert "profiles.care_home.weight: the profile has no weight" in capsys.readouterr().err
    assert main(["validate", str(_write(tmp_path, ("1", "3 W", "1")))]) == 2
    assert "profiles.school.weight: got '3 W'" in capsys.readouterr().err
    assert main(["validate", str(_write(tmp_path, ("1", "3", "1")))]) == 0


def test_weights_written_both_ways_name_the_odd_one_out() -> None:
    # 'a' is a share (20 %), 'b' a relative weight (3): the first of the other kind is named.
    with pytest.raises(tco.SpecError) as caught:
        profile_weights(("a", "b"), {"a": "20 %", "b": 3})
    assert caught.value.path == ("profiles", "b", "weight")
    assert str(caught.value) == (
        "profiles.b.weight: some weights are percentages (shares) and some plain numbers "
        "(relative weights); write them all one way"
    )
