"""Transport services (after the Danish EPA's TCO tool for transport services, 2022).

The example's numbers by hand: prices per kilometre, per driver hour and per year, discounted
at the end of each year at 4 % over 4 years (basis dk-mst-2021); CO2e from the vehicles' energy
use priced at 1500 DKK/t and reported apart from the TCO, as the Danish EPA tools do.
"""

from __future__ import annotations

import pytest

import tco

UPV4 = sum(1.04**-t for t in range(1, 5))  # 3.629895: 4 years at 4 %, end of year
KM, HOURS = 120000, 3000  # the example's kilometres and driver hours a year
EF_EL = [0.089, 0.070, 0.058, 0.054]  # kg CO2e/kWh, dk-mst-2021, years 1-4


def test_transport_service_by_hand() -> None:
    r = tco.load_tender(tco.example_path("transport-service")).evaluate()
    assert r.externalities_rule == "report"
    diesel, el, hvo = (r.bids.index(b) for b in ("Diesel Minibus", "El Minibus", "HVO Minibus"))
    # Diesel: 120000 km x 4.10 + 3000 h x 385 + 60000 = 492000 + 1155000 + 60000 = 1707000/year.
    assert r.total[diesel] == pytest.approx(1707000 * UPV4)
    # El: 120000 x 3.50 + 3000 x 395 + 90000 = 420000 + 1185000 + 90000 = 1695000/year.
    assert r.total[el] == pytest.approx(1695000 * UPV4)
    # HVO: 120000 x 4.60 + 1155000 + 60000 = 1767000/year.
    assert r.total[hvo] == pytest.approx(1767000 * UPV4)
    assert r.ranking == ["El Minibus", "Diesel Minibus", "HVO Minibus"]
    # CO2e, reported apart: diesel 120000 km x 8.5 l/100 km = 10200 l x 2.98 kg/l = 30396 kg
    # a year, at 1.5 DKK/kg; electricity 28800 kWh a year x the tool's path.
    assert r.emissions["co2e"][diesel] == pytest.approx(4 * 30396)
    assert r.externalities[diesel] == pytest.approx(30396 * 1.5 * UPV4)
    kwh = KM * 24 / 100
    assert r.externalities[el] == pytest.approx(
        sum(kwh * EF_EL[t - 1] * 1.5 * 1.04**-t for t in range(1, 5))
    )
    # HVO: 10440 l x 0.894 kg/l (public substitute value).
    assert r.emissions["co2e"][hvo] == pytest.approx(4 * KM * 8.7 / 100 * 0.894)


def test_transport_service_says_what_follows_the_tool() -> None:
    m = tco.load_model("transport-service")
    assert m.spec.description is not None
    text = m.spec.description.en
    assert "Following the tool" in text and "Assumptions of this model" in text
    assert m.spec.basis == "dk-mst-2021"
    assert m.basis_refs["parameters.grid_factor.default"] == {"basis": "grid_factor"}
