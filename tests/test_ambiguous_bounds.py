"""An ambiguous number stays refused, but the message says which reading lies within bounds.

Published rates often have three decimals (``3.103 %``): 3.103 % in English notation, 3103 %
in Danish. Under no stated number format both readings are refused; where only one lies within
the value's bounds (a rate's plausible range, a parameter's ``min`` and ``max``), the message
says so and gives the value to write, in English and Danish.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tco.cli import main

TENDER = """\
model: indoor-lighting
assumptions:
  currency: DKK
{extra}  discount_rate: {rate}
  period: 15 year
  quantity: 200
bids:
  - {{name: A, price: 1450 DKK, power: {power}, rated_life: 50000 h}}
"""


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str, extra: str = "", **values: str
) -> tuple[int, str]:
    path = tmp_path / "t.yaml"
    path.write_text(
        TENDER.format(extra=extra, **{"rate": "4 %", "power": "32 W", **values}), encoding="utf-8"
    )
    code = main(["validate", str(path), *args])
    return code, capsys.readouterr().err


def test_a_published_rate_with_three_decimals_names_the_plausible_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Discount rates are plausible from -5 % to 20 % (tco.plan.rates.PLAUSIBLE_RATES):
    # 3.103 % lies within, 3103 % does not.
    code, err = _run(tmp_path, capsys, rate="3.103 %")
    assert code != 0
    assert err.strip().endswith(
        "assumptions.discount_rate: got '3.103 %': '3.103' is 3.1030 in English notation but "
        "3103 in Danish notation; as '3.1030 %' it lies within the bounds (-5 % – 20 %), as "
        "'3103 %' it does not: write '3.1030 %', or state the tender's 'number_format: en'"
    )
    code, err = _run(tmp_path, capsys, "--lang", "da", rate="3.103 %")
    assert code != 0
    assert err.strip().endswith(
        "assumptions.discount_rate: fik '3.103 %': '3.103' er 3.1030 på engelsk, men 3103 på "
        "dansk; som '3.1030 %' ligger den inden for grænserne (-5 % – 20 %), som '3103 %' gør "
        "den ikke: skriv '3.1030 %', eller angiv udbuddets 'number_format: en'"
    )


def test_a_bid_value_names_the_reading_within_the_models_bounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The indoor-lighting model bounds a luminaire's power to 1 W .. 2000 W: 2.5 W lies
    # within, 2500 W does not.
    code, err = _run(tmp_path, capsys, power="2.500 W")
    assert code != 0
    assert "bids[0].power: got '2.500 W'" in err
    assert "as '2.5 W' it lies within the bounds (1 W – 2000 W), as '2500 W' it does not" in err
    assert "write '2.5 W', or state the tender's 'number_format: en'" in err


@pytest.mark.parametrize(
    ("values", "extra"),
    [
        ({"power": "1.500 W"}, ""),  # 1.5 W and 1500 W both lie within 1 W .. 2000 W
        ({"rate": "3.103 %"}, "  allow_unusual_rates: true\n"),  # no plausible range
    ],
)
def test_where_both_readings_are_possible_both_are_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], values: dict[str, str], extra: str
) -> None:
    code, err = _run(tmp_path, capsys, extra=extra, **values)
    assert code != 0
    assert "in Danish notation; write '" in err
    assert "or state the tender's 'number_format: en' or 'number_format: da'" in err
    assert "within the bounds" not in err


def test_a_stated_number_format_reads_the_rate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(tmp_path, capsys, extra="  number_format: en\n", rate="3.103 %")
    assert code == 0, err
