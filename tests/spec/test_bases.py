"""Bases: versioned official data, each value with its source and edition.

The expected numbers are the published figures, with the source beside each.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import tco
from tco.cli import main
from tco.errors import SpecError
from tco.spec.basis import bundled_bases, load_basis
from tco.units import parse_quantity

BASES = sorted(bundled_bases())


def test_the_bases_asked_for_are_bundled() -> None:
    assert {"dk-mst-2021", "dk-fm-2021", "dk-fm-2013", "dk-br18-2023", "eu-cvd-2009"} <= set(BASES)
    assert "dk-ens-soeb25" in BASES


@pytest.mark.parametrize("name", BASES)
def test_every_value_has_a_source_and_an_edition(name: str) -> None:
    b = load_basis(name)
    assert b.spec.edition.strip()
    assert b.spec.sources
    for key, v in b.spec.values.items():
        assert v.source in b.spec.sources, key
        assert b.spec.sources[v.source].strip(), key
        assert v.edition.strip(), key
    for m in b.spec.missing:
        assert m.note.strip(), m.name


@pytest.mark.parametrize("name", BASES)
def test_every_value_reads_as_a_quantity(name: str) -> None:
    b = load_basis(name)
    for key, v in b.spec.values.items():
        if v.by_year is not None:
            for x in v.by_year.values():
                parse_quantity(x)
        elif isinstance(v.value, str):
            parse_quantity(v.value)
        elif isinstance(v.value, list):
            for x in v.value:
                if isinstance(x, dict):
                    parse_quantity(x["rate"])
                else:
                    parse_quantity(x)
        else:  # pragma: no cover - a number without unit would be a data error
            raise AssertionError(f"{name}.{key}: {v.value!r}")


def test_published_figures() -> None:
    fm = load_basis("dk-fm-2021").raw("discount_rate")
    # Finansministeriet, 7 Jan 2021: 3.5 % in years 0-35, 2.5 % in years 36-70.
    assert fm == [{"to": 35, "rate": "3.5 %"}, {"to": 70, "rate": "2.5 %"}]
    assert "after year 70" in load_basis("dk-fm-2021").spec.missing[0].name
    # Finansministeriet, 31 May 2013: 4 % / 3 % / 2 %.
    assert [band["rate"] for band in load_basis("dk-fm-2013").raw("discount_rate")] == [
        "4 %",
        "3 %",
        "2 %",
    ]
    cvd = load_basis("eu-cvd-2009")
    # Directive 2009/33/EC Annex Table 2 (2007 prices) and Table 3.
    assert cvd.raw("nox_price") == "0.0044 EUR/g"
    assert cvd.raw("lifetime_mileage_m1") == "200000 km"
    mst = load_basis("dk-mst-2021")
    assert mst.raw("electricity_price") == "2.13 DKK/kWh"  # OS2fleetoptimiser pris_el


def test_by_year_values_interpolate_linearly() -> None:
    br18 = load_basis("dk-br18-2023")
    # BR18 Bilag 2 Tabel 8: 2023 0.187, 2025 0.135; 2024 by linear interpolation
    # (0.187 + 0.135) / 2 = 0.161 kg CO2e/kWh.
    assert br18.raw("electricity_emission_factor", year=2024) == "0.161 kg CO2e/kWh"
    path = br18.raw("electricity_emission_factor", start=2025)
    # 2025 0.135, then 1/5 of the way to 2030's 0.047: 0.135 - 0.088 / 5 = 0.1174.
    assert path[:2] == ["0.135 kg CO2e/kWh", "0.1174 kg CO2e/kWh"]
    assert path[-1] == "0.0403 kg CO2e/kWh" and len(path) == 2040 - 2025 + 1
    with pytest.raises(SpecError, match="covers 2023-2040"):
        br18.raw("electricity_emission_factor", year=2050)
    with pytest.raises(SpecError, match="say which"):
        br18.raw("electricity_emission_factor")


def _lighting(**extra: Any) -> dict[str, Any]:
    return {
        "model": "indoor-lighting",
        "assumptions": {"period": "15 year", "quantity": 10},
        "bids": [{"name": "A", "price": "1450 DKK", "power": "32 W", "rated_life": "50000 h"}],
        **extra,
    }


def test_a_tender_basis_sets_the_discount_rate_and_co2_price() -> None:
    plan = tco.load_tender(_lighting(basis="dk-mst-2021")).plan
    # dk-mst-2021: 4 % and 1500 DKK/t = 1.5 DKK/kg.
    assert plan.discount_rate == pytest.approx(0.04)
    assert plan.emission_prices["co2e"][1] == pytest.approx(1.5)
    own = _lighting(basis="dk-mst-2021")
    own["assumptions"] = {**own["assumptions"], "discount_rate": "3 %", "co2_price": "750 DKK/t"}
    plan = tco.load_tender(own).plan
    assert plan.discount_rate == pytest.approx(0.03)
    assert plan.emission_prices["co2e"][1] == pytest.approx(0.75)


def test_the_basis_is_stamped_in_the_result_and_json() -> None:
    r = tco.load_tender(tco.example_path("passenger-car")).evaluate()
    assert [b.id for b in r.bases] == ["dk-mst-2021"]
    data = r.to_dict()
    assert data["bases"][0]["edition"] == "2021"
    assert any("OS2fleetoptimiser" in s for s in data["bases"][0]["sources"])
    json.dumps(data)


def test_vehicle_models_take_their_defaults_from_the_basis() -> None:
    m = tco.load_model("passenger-car")
    assert m.spec.basis == "dk-mst-2021"
    assert m.spec.parameters["electricity_price"].default == "2.13 DKK/kWh"
    assert m.basis_refs["parameters.electricity_price.default"] == {"basis": "electricity_price"}
    assert m.spec.assumptions.discount_rate == "4 %"


def test_a_tender_reference_resolves_in_its_own_basis() -> None:
    t = _lighting(basis="dk-mst-2021")
    t["parameters"] = {"electricity_price": {"basis": "electricity_price"}}
    plan = tco.load_tender(t).plan
    # 2.13 DKK/kWh in the plan's units (the year for time): a year of 365.25 days is
    # 31557600 s, so 1 kWh = 3.6e6 kg m^2/s^2 = 3.6e6 * 31557600^2 kg m^2/year^2.
    assert plan.values["electricity_price"][0] == pytest.approx(2.13 / (3.6e6 * 31557600.0**2))


def test_a_model_reference_by_calendar_year() -> None:
    data: dict[str, Any] = {
        "id": "heater",
        "title": "Heater",
        "functional_unit": "heater",
        "basis": "dk-br18-2023",
        "parameters": {
            "price": {"unit": "DKK", "bid": True},
            "energy": {"unit": "kWh/year", "default": "1000 kWh/year"},
            "factor": {
                "unit": "kg CO2e/kWh",
                "by_year": True,
                "default": {"basis": "electricity_emission_factor", "from": 2025},
            },
        },
        "items": {"purchase": {"category": "acquisition", "once": "price"}},
        "emissions": {"co2e": {"annual": "energy * factor"}},
    }
    tender = {
        "model": data,
        "assumptions": {"period": "2 year"},
        "bids": [{"name": "A", "price": "1 DKK"}],
    }
    r = tco.load_tender(tender).evaluate()
    # 1000 kWh * (0.135 + 0.1174) kg/kWh (BR18 Tabel 8, 2025 and 2026 interpolated).
    assert r.emissions["co2e"][0] == pytest.approx(1000 * (0.135 + 0.1174))


def test_basis_errors_name_the_path_and_the_fix() -> None:
    with pytest.raises(SpecError, match=r"no basis .dk-mst-2020.*did you mean .dk-mst-2021.") as e:
        tco.load_tender(_lighting(basis="dk-mst-2020"))
    assert e.value.path == ("basis",)
    t = _lighting(basis="dk-fm-2021")
    t["parameters"] = {"electricity_price": {"basis": "electricity_price"}}
    with pytest.raises(SpecError, match="basis 'dk-fm-2021' has no value 'electricity_price'") as e:
        tco.load_tender(t)
    assert e.value.path == ("parameters", "electricity_price")
    t = _lighting()
    t["parameters"] = {"electricity_price": {"basis": "electricity_price"}}
    with pytest.raises(SpecError, match="selects no basis"):
        tco.load_tender(t)
    t = _lighting(basis="dk-ens-soeb25")
    t["assumptions"] = {**t["assumptions"], "co2_price": {"basis": "co2_price"}}
    with pytest.raises(SpecError, match="Tabel 15"):
        tco.load_tender(t)


def test_cli_lists_and_shows_bases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bases"]) == 0
    out = capsys.readouterr().out
    for name in BASES:
        assert name in out
    assert main(["bases", "dk-fm-2021"]) == 0
    out = capsys.readouterr().out
    assert "3.5 %" in out and "after year 70" in out
    assert main(["bases", "eu-cvd-2009", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"]["pm_price"]["value"] == "0.087 EUR/g"
    assert main(["bases", "nope"]) == 2


def test_bases_page_is_fresh() -> None:
    # Regenerate with `tco bases -o docs/bases.md`.
    from pathlib import Path

    from tco.views.bases_page import bases_markdown

    page = Path(__file__).resolve().parents[2] / "docs" / "bases.md"
    assert page.read_text(encoding="utf-8") == bases_markdown()


def test_appliance_models_take_electricity_data_from_named_bases() -> None:
    m = tco.load_model("indoor-lighting")
    # dk-mst-2021: 2.13 DKK/kWh; BR18 Bilag 2 Tabel 8, electricity 2025: 0.135 kg CO2e/kWh.
    assert m.spec.parameters["electricity_price"].default == "2.13 DKK/kWh"
    assert m.spec.parameters["grid_factor"].default == "0.135 kg CO2e/kWh"
    assert m.basis_refs["parameters.grid_factor.default"] == {
        "basis": "electricity_emission_factor",
        "year": 2025,
    }
    r = tco.load_tender(tco.example_path("indoor-lighting")).evaluate()
    assert [b.id for b in r.bases] == ["dk-mst-2021", "dk-br18-2023"]
    # The model states its own externalities rule (award); its bases do not change it ...
    assert r.externalities_rule == "award"
    # ... but a tender that selects the Danish EPA basis takes the tool's rule with it.
    assert tco.load_tender(_lighting(basis="dk-mst-2021")).plan.externalities == "report"


def test_the_clean_vehicles_tender_takes_the_annex_from_its_basis() -> None:
    # Directive 2009/33/EC, Annex Tables 1-3 (bases/eu-cvd-2009.yaml): the model's energy
    # contents and mileage and the tender's emission costs are the basis's values, stamped.
    from tco.io.yamlio import read_yaml_file

    result = tco.load_tender(tco.example_path("clean-vehicles-2009")).evaluate()
    assert [b.id for b in result.bases] == ["eu-cvd-2009"]
    prices = result.plan.emission_prices  # [EUR/kg]
    assert prices["co2e"][0] == pytest.approx(0.04)  # Table 2, high end of 0.03-0.04 EUR/kg
    assert prices["nox"][0] == pytest.approx(4.4)  # Table 2: 0.0044 EUR/g
    assert prices["pm"][0] == pytest.approx(87.0)  # Table 2: 0.087 EUR/g
    # The same tender with the Annex's figures written out costs the same.
    data = read_yaml_file(tco.example_path("clean-vehicles-2009"))
    del data["basis"]
    data["assumptions"]["co2_price"] = "0.04 EUR/kg"
    data["assumptions"]["emission_prices"] = {
        "nox": "0.0044 EUR/g",
        "nmhc": "0.001 EUR/g",
        "pm": "0.087 EUR/g",
    }
    data["parameters"]["lifetime_mileage"] = "200000 km"  # Table 3, M1
    written = {"diesel": "36 MJ/l", "petrol": "32 MJ/l", "biodiesel": "33 MJ/l"}  # Table 1
    for fuel, value in written.items():
        data["parameters"][f"{fuel}_energy_content"] = value
    assert tco.load_tender(data).evaluate().total.tolist() == result.total.tolist()
