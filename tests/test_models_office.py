"""Office IT product models: computers, monitors, projectors, printers.

Every expected number is a hand calculation written out below: year-0 prices,
electricity escalating 1.67 %/year from year 0 (index 1.0167 ** t), end-of-year
discounting at 4 %, purchases at each end of service life within the period.
"""

from __future__ import annotations

import pytest

import tco
from helpers import d


def e(t: int) -> float:
    """Electricity price index of year t from year-0 prices."""
    return float(1.0167**t)


def test_desktop_mode_powers_by_hand() -> None:
    r = tco.load_tender(tco.example_path("desktop-computer")).evaluate()
    b = r.bids.index("Tower Standard")
    n, P = 120, 6
    # Off 0.4 W * 4818 h + sleep 1.6 W * 438 h + idle 14 W * 3504 h = 51684 Wh = 51.684 kWh/year.
    kwh = (0.4 * 4818 + 1.6 * 438 + 14 * 3504) / 1000
    electricity = sum(kwh * 2.13 * e(t) * d(t) for t in range(1, P + 1))
    # Service life 3 years: bought in years 0 and 3, disposed of (75 DKK) in years 3 and 6;
    # the second unit is used up at year 6, so no remaining value.
    acquisition = 4650.0 * (d(0) + d(3))
    disposal = 75.0 * (d(3) + d(6))
    support = sum(150.0 * d(t) for t in range(1, P + 1))
    co2 = sum(kwh * 0.135 * 1.5 * d(t) for t in range(1, P + 1))  # 0.135 kg/kWh, 1.5 DKK/kg
    assert r.by_item["purchase"][b] == pytest.approx(n * acquisition)
    assert r.by_item["electricity"][b] == pytest.approx(n * electricity)
    assert r.total[b] == pytest.approx(n * (acquisition + electricity + support + disposal + co2))
    assert r.emissions["co2e"][b] == pytest.approx(n * kwh * 0.135 * P)


def test_desktop_tec_equals_mode_powers_at_the_ecodesign_weights() -> None:
    # E_TEC = 8760/1000 * (0.55 P_off + 0.05 P_sleep + 0.40 P_idle) (Reg. 617/2013, desktops)
    tec = 8760 / 1000 * (0.55 * 0.4 + 0.05 * 1.6 + 0.40 * 14)  # 51.684 kWh/year
    bids = [
        {
            "name": "modes",
            "price": "1 DKK",
            "power_off": "0.4 W",
            "power_sleep": "1.6 W",
            "power_idle": "14 W",
        },
        {"name": "tec", "price": "1 DKK", "tec": f"{tec} kWh/year"},
    ]
    r = tco.load_tender({"model": "desktop-computer", "bids": bids}).evaluate()
    assert r.by_item["electricity"][0] == pytest.approx(r.by_item["electricity"][1])


def test_laptop_tec_by_hand() -> None:
    r = tco.load_tender(tco.example_path("laptop-computer")).evaluate()
    b = r.bids.index("Ultrabook 14")
    n, P = 300, 4  # period: lifetime = service life 4 years
    electricity = sum(17.5 * 2.13 * e(t) * d(t) for t in range(1, P + 1))
    support = sum(110.0 * d(t) for t in range(1, P + 1))
    buy_back = -250.0 * d(P)  # the supplier pays 250 DKK for each used laptop at year 4
    co2 = sum(17.5 * 0.135 * 1.5 * d(t) for t in range(1, P + 1))
    assert int(r.plan.period[b]) == P
    assert r.total[b] == pytest.approx(n * (7400.0 + electricity + support + buy_back + co2))


def test_monitor_by_hand() -> None:
    r = tco.load_tender(tco.example_path("monitor")).evaluate()
    b = r.bids.index("Eco 24")
    n, P = 250, 6
    # On 11 W * 3066 h + sleep 0.3 W * 5694 h = 35434.2 Wh = 35.4342 kWh/year.
    kwh = (11 * 3066 + 0.3 * 5694) / 1000
    electricity = sum(kwh * 2.13 * e(t) * d(t) for t in range(1, P + 1))
    co2 = sum(kwh * 0.135 * 1.5 * d(t) for t in range(1, P + 1))
    expected = 1390.0 + electricity + 40.0 * d(P) + co2
    assert r.total[b] == pytest.approx(n * expected)


def test_projector_lamp_replacement_by_hand() -> None:
    r = tco.load_tender(tco.example_path("projector")).evaluate()
    b = r.bids.index("Lamp XGA")
    n, P = 40, 6
    # Lamp life 4000 h / 800 h a year = every 5 years: one change in year 5 (the next would be
    # at year 10), costing lamp 780 + labour 200 DKK.
    lamps = (780.0 + 200.0) * d(5)
    # 290 W * 800 h + 0.5 W * 7960 h = 235980 Wh = 235.98 kWh/year.
    kwh = (290 * 800 + 0.5 * 7960) / 1000
    electricity = sum(kwh * 2.13 * e(t) * d(t) for t in range(1, P + 1))
    co2 = sum(kwh * 0.135 * 1.5 * d(t) for t in range(1, P + 1))
    assert r.by_item["lamp_replacement"][b] == pytest.approx(n * lamps)
    assert r.total[b] == pytest.approx(n * (4200.0 + electricity + lamps + 60.0 * d(P) + co2))
    # A lamp life longer than the period means no change at all.
    assert r.by_item["lamp_replacement"][r.bids.index("Lamp Eco")] == 0.0


def test_printer_by_hand() -> None:
    r = tco.load_tender(tco.example_path("printer")).evaluate()
    b = r.bids.index("Inkjet MFP 35")
    n, P = 25, 5
    pages = 36000
    paper = pages * (1 - 0.60 / 2) * 0.05  # 25200 sheets * 0.05 = 1260 DKK/year
    ink = pages * 0.07  # 2520 DKK/year
    service = 1200.0
    # Ready 24 W * 500 h + sleep 0.9 W * 8260 h (+ off 0.2 W * 0 h) = 19434 Wh = 19.434 kWh.
    kwh = (24 * 500 + 0.9 * 8260 + 0.2 * 0) / 1000
    electricity = sum(kwh * 2.13 * e(t) * d(t) for t in range(1, P + 1))
    flat = sum((paper + ink + service) * d(t) for t in range(1, P + 1))
    co2 = sum(kwh * 0.135 * 1.5 * d(t) for t in range(1, P + 1))
    assert r.by_item["paper"][b] == pytest.approx(n * sum(paper * d(t) for t in range(1, P + 1)))
    assert r.total[b] == pytest.approx(n * (8600.0 + flat + electricity + 250.0 * d(P) + co2))


def test_printer_tec_per_week_is_converted_to_a_year() -> None:
    r = tco.load_tender(tco.example_path("printer")).evaluate()
    b = r.bids.index("Laser MFP 40")
    # 0.62 kWh/week * 52.1775 weeks in pint's 365.25-day year = 32.35 kWh/year, year-1 price.
    assert r.real[b, r.items.index("electricity"), 1] == pytest.approx(
        25 * 0.62 * 365.25 / 7 * 2.13 * 1.0167
    )
