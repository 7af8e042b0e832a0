"""The numbers of docs/worked-example.md, computed by hand there and checked here."""

from __future__ import annotations

import pytest

from tco.result import Result


def test_lumen_nord_by_hand(lighting_result: Result) -> None:
    r = lighting_result
    b = r.bids.index("Lumen Nord")
    # Acquisition: 200 * (1450 + 250) = 340000 at year 0; 10 % residual credited at year 15.
    acquisition = 340000 - 0.10 * 340000 / 1.04**15
    assert acquisition == pytest.approx(321121.01, abs=0.005)
    assert r.by_category["acquisition"][b] == pytest.approx(acquisition, rel=1e-12)
    # Use: 200 * 32 W * 3000 h/year * 2.13 DKK/kWh = 40896 DKK/year, rising 1.67 %/year from year 0.
    use = 40896 * sum((1.0167 / 1.04) ** t for t in range(1, 16))
    assert use == pytest.approx(514194.03, abs=0.005)
    assert r.by_category["use"][b] == pytest.approx(use, rel=1e-12)
    # Externalities: 200 * 96 kWh * 0.135 kg/kWh = 2592 kg/year at 1.5 DKK/kg = 3888 DKK/year.
    upv = (1 - 1.04**-15) / 0.04
    externalities = 3888 * upv
    assert externalities == pytest.approx(43228.29, abs=0.005)
    assert r.by_category["externalities"][b] == pytest.approx(externalities, rel=1e-12)
    assert r.emissions["co2e"][b] == pytest.approx(2592 * 15, rel=1e-12)
    total = acquisition + use + externalities
    assert r.total[b] == pytest.approx(total, rel=1e-12)
    assert r.total_excl_externalities[b] == pytest.approx(acquisition + use, rel=1e-12)
    assert r.annualised[b] == pytest.approx(total / upv, rel=1e-12)
    assert r.annualised[b] == pytest.approx(79017.15, abs=0.005)
