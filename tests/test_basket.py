"""Basket tenders: several product lines per bid, ranked on the sum over the lines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tco
import tco.evaluate
from helpers import HAND_MODEL
from tco.basket import basket_example_path, basket_examples, load_basket
from tco.cli import main
from tco.limits import MAX_LINES
from tco.views.basket import basket_text

# No discounting over 10 years: a unit costs price + 10 x power [kW] x hours x 2 DKK/kWh.
MODEL = HAND_MODEL


def _basket(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "model": MODEL,
        "assumptions": {"currency": "DKK", "discount_rate": "0 %", "period": "10 year"},
        "lines": [
            {"name": "small", "quantity": 4},
            {"name": "big", "quantity": 2, "parameters": {"hours": "3000 h/year"}},
        ],
        "bids": [
            {
                "name": "X",
                "lines": {
                    "small": {"price": "100 DKK", "power": "10 W"},
                    "big": {"price": "500 DKK", "power": "100 W"},
                },
            },
            {
                "name": "Y",
                "lines": {
                    "small": {"price": "50 DKK", "power": "20 W"},
                    "big": {"price": "900 DKK", "power": "50 W"},
                },
            },
        ],
    }
    data.update(extra)
    return data


def test_hand_computed_basket() -> None:
    r = load_basket(_basket()).evaluate()
    # small (1000 h, 4 units): X = 4 x (100 + 10 x 0.010 x 1000 x 2) = 4 x 300 = 1200
    #                          Y = 4 x (50 + 10 x 0.020 x 1000 x 2) = 4 x 450 = 1800
    # big (3000 h, 2 units):   X = 2 x (500 + 10 x 0.100 x 3000 x 2) = 2 x 6500 = 13000
    #                          Y = 2 x (900 + 10 x 0.050 x 3000 x 2) = 2 x 3900 = 7800
    np.testing.assert_allclose(r.by_line, [[1200.0, 1800.0], [13000.0, 7800.0]])
    np.testing.assert_allclose(r.total, [14200.0, 9600.0])
    assert r.ranking == ["Y", "X"] and r.rank.tolist() == [2, 1]
    # X is cheapest on the small line, Y on the big one and on the basket
    assert [res.ranking[0] for res in r.results] == ["X", "Y"]
    # annualised over 10 years at 0 %: a tenth of the total
    np.testing.assert_allclose(r.annualised, r.total / 10.0)


def test_hand_computed_basket_with_discounting() -> None:
    data = _basket()
    data["assumptions"] = {"currency": "DKK", "discount_rate": "10 %", "period": "2 year"}
    r = load_basket(data).evaluate()
    # Hand calculation (end-of-year discounting, DESIGN.md "Time"): the purchase falls in
    # year 0, the electricity in years 1 and 2, so its factor is
    # a = 1/1.1 + 1/1.1^2 = 0.909091 + 0.826446 = 1.735537.
    # small (1000 h, 4 units): X = 4 x (100 + 0.010 kW x 1000 h x 2 x a) = 4 x 134.71074 = 538.84298
    #                          Y = 4 x (50 + 0.020 kW x 1000 h x 2 x a) = 4 x 119.42149 = 477.68595
    # big (3000 h, 2 units):   X = 2 x (500 + 0.100 kW x 3000 h x 2 x a) = 2 x 1541.3223 = 3082.6446
    #                          Y = 2 x (900 + 0.050 kW x 3000 h x 2 x a) = 2 x 1420.6612 = 2841.3223
    np.testing.assert_allclose(
        r.by_line, [[538.84298, 477.68595], [3082.6446, 2841.3223]], rtol=1e-7
    )
    # basket: X = 538.84298 + 3082.6446 = 3621.4876, Y = 477.68595 + 2841.3223 = 3319.0083
    np.testing.assert_allclose(r.total, [3621.4876, 3319.0083], rtol=1e-7)
    # annualised: the basket's present value over the same factor a, for each line and the sum
    np.testing.assert_allclose(r.annualised, r.total / 1.7355372, rtol=1e-7)
    assert r.ranking == ["Y", "X"]


def test_each_line_is_the_tender_of_that_line() -> None:
    basket = load_basket(basket_example_path("copy-print"))
    r = basket.evaluate()
    data = basket.tenders[1].spec.model_dump(exclude_none=True)
    alone = tco.load_tender(data).evaluate()
    np.testing.assert_allclose(r.by_line[1], alone.total, rtol=1e-12)
    assert alone.plan.quantity == 6


@pytest.mark.parametrize("name", ["copy-print", "car-van-fleet"])
def test_one_pass_of_the_engine_gives_each_lines_own_result(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    basket = load_basket(basket_example_path(name))
    alone = [t.evaluate() for t in basket.tenders]
    calls: list[int] = []
    real = tco.evaluate.plan_totals

    def counted(plan: Any, quantity: Any = None) -> Any:
        calls.append(plan.n_bids)
        return real(plan, quantity)

    monkeypatch.setattr(tco.evaluate, "plan_totals", counted)
    r = basket.evaluate()
    # every line and bid are rows of one call of the engine (car and van models share streams)
    assert calls == [len(basket.lines) * len(basket.bids)]
    for line, a in zip(r.results, alone, strict=True):
        np.testing.assert_allclose(line.pv_by_item, a.pv_by_item, rtol=1e-12)
        np.testing.assert_allclose(line.emissions_by_stream, a.emissions_by_stream, rtol=1e-12)
        assert line.items == a.items and line.categories == a.categories


def test_lines_with_other_items_get_a_pass_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _basket()
    data["lines"].append({"name": "lights", "model": "indoor-lighting", "quantity": 3})
    for bid, price in zip(data["bids"], (1450, 1100), strict=True):
        bid["lines"]["lights"] = {"price": f"{price} DKK", "power": "30 W", "rated_life": "50000 h"}
    basket = load_basket(data)
    calls: list[int] = []
    real = tco.evaluate.plan_totals
    monkeypatch.setattr(
        tco.evaluate, "plan_totals", lambda p, q=None: calls.append(p.n_bids) or real(p, q)
    )
    r = basket.evaluate()
    assert sorted(calls) == [2, 4]  # the two 'hand' lines together, the lighting line alone
    # small and big as computed by hand in test_hand_computed_basket
    np.testing.assert_allclose(r.by_line[:2], [[1200.0, 1800.0], [13000.0, 7800.0]])
    monkeypatch.undo()
    np.testing.assert_allclose(r.by_line[2], basket.tenders[2].evaluate().total, rtol=1e-12)


def test_lines_may_use_different_models() -> None:
    r = load_basket(basket_example_path("car-van-fleet")).evaluate()
    basket = load_basket(basket_example_path("car-van-fleet"))
    assert [res.plan.product.id for res in r.results] == ["passenger-car", "van"]
    # Each line as its own tender (the line's model, quantity and values), evaluated alone.
    alone = [t.evaluate().total for t in basket.tenders]
    np.testing.assert_allclose(r.by_line, alone, rtol=1e-12)
    np.testing.assert_allclose(r.total, alone[0] + alone[1], rtol=1e-12)


def test_mistakes_are_located_in_the_basket_file() -> None:
    data = _basket()
    data["bids"][1]["lines"]["big"]["power"] = "5 kg"
    data["bids"][0]["lines"] = {
        "small": data["bids"][0]["lines"]["small"],
        "bgi": data["bids"][0]["lines"]["big"],
    }
    with pytest.raises(tco.SpecError) as err:
        load_basket(data)
    text = str(err.value)
    assert "bids[0].lines.bgi: no line named 'bgi' (did you mean 'big'?)" in text
    assert "bid 'X' offers nothing for line 'big'" in text
    data = _basket()
    data["bids"][1]["lines"]["big"]["power"] = "5 kg"
    with pytest.raises(tco.SpecError) as err:
        load_basket(data)
    assert err.value.path[:4] == ("bids", 1, "lines", "big")
    data = _basket()
    data["lines"][1]["parameters"] = {"hours": "1 kg"}
    with pytest.raises(tco.SpecError) as err:
        load_basket(data)
    for e in getattr(err.value, "errors", [err.value]):
        assert e.path == ("lines", 1, "parameters", "hours")


def test_shape_errors() -> None:
    with pytest.raises(tco.SpecError):
        load_basket(_basket(lines=[]))
    with pytest.raises(tco.SpecError, match="two lines are named"):
        load_basket(_basket(lines=[{"name": "a", "quantity": 1}, {"name": "a", "quantity": 1}]))
    with pytest.raises(tco.SpecError, match="no model"):
        load_basket({**_basket(), "model": None})
    lines = [{"name": f"l{k}", "quantity": 1} for k in range(MAX_LINES + 1)]
    with pytest.raises(tco.LimitError, match=f"at most {MAX_LINES} lines"):
        load_basket(_basket(lines=lines))


def test_load_tender_points_to_baskets() -> None:
    with pytest.raises(tco.SpecError, match="this is a basket tender"):
        tco.load_tender(basket_example_path("copy-print"))


def test_model_path_relative_to_the_basket_file(tmp_path: Path) -> None:
    import yaml

    (tmp_path / "m.yaml").write_text(yaml.safe_dump(MODEL), encoding="utf-8")
    data = _basket(model="m.yaml")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    r = load_basket(tmp_path / "b.yaml").evaluate()
    np.testing.assert_allclose(r.total, [14200.0, 9600.0])


def test_a_lines_model_path_may_not_leave_the_basket_folder(tmp_path: Path) -> None:
    import yaml

    outside, basket = tmp_path / "outside", tmp_path / "basket"
    outside.mkdir()
    basket.mkdir()
    (outside / "m.yaml").write_text(yaml.safe_dump(MODEL), encoding="utf-8")
    (basket / "b.yaml").write_text(yaml.safe_dump(_basket(model="../outside/m.yaml")))
    with pytest.raises(tco.SpecError, match="leads outside the tender's folder"):
        load_basket(basket / "b.yaml")


def test_cli_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert sorted(basket_examples()) == ["car-van-fleet", "copy-print"]
    assert main(["basket", "--example", "copy-print"]) == 0
    out = capsys.readouterr().out
    assert "ranked on the basket" in out and "A3 devices" in out
    assert main(["basket", "--example", "copy-print", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "basket" and doc["bids"][0]["bid"] == "Office Partner"
    first = doc["bids"][0]
    # The JSON's numbers are the engine's: each line evaluated alone as its own tender.
    basket = load_basket(basket_example_path("copy-print"))
    b = basket.bids.index(first["bid"])
    alone = [float(t.evaluate().total[b]) for t in basket.tenders]
    assert [line["total"] for line in first["lines"]] == pytest.approx(alone, rel=1e-12)
    assert first["total"] == pytest.approx(sum(alone), rel=1e-12)
    assert main(["basket", "--example", "nope"]) == 2
    r = load_basket(
        _basket(
            bids=[
                {
                    "name": "A\x1b[2J",
                    "lines": {
                        "small": {"price": "1 DKK", "power": "1 W"},
                        "big": {"price": "1 DKK", "power": "1 W"},
                    },
                }
            ]
        )
    ).evaluate()
    assert "\x1b" not in basket_text(r)


def test_docs_page_shows_the_commands_output(capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "basket.md").read_text("utf-8")
    for name in ("copy-print", "car-van-fleet"):
        assert main(["basket", "--example", name]) == 0
        assert capsys.readouterr().out.strip() in page
    assert main(["basket", "--example", "copy-print", "--format", "csv", "--lang", "da"]) == 0
    assert capsys.readouterr().out.strip() in page
    assert main(["examples"]) == 0
    listed = capsys.readouterr().out.split("\n\n")[1].strip()
    assert listed in page
    for image in re.findall(r"\]\((img/[^)]+)\)", page):
        assert (Path(__file__).resolve().parents[1] / "docs" / image).is_file(), image


def test_examples_lists_the_baskets_with_their_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples"]) == 0
    out = capsys.readouterr().out
    head = "Example basket tenders, several product lines per bid (run one with: tco basket "
    assert head in out and "tco compare --example NAME" in out
    baskets = out.split(head)[1].splitlines()[1:]
    for name, path in basket_examples().items():
        import yaml

        title = yaml.safe_load(path.read_text("utf-8"))["title"]
        assert [name, title] in [line.split(None, 1) for line in baskets]
    # the tenders above, the baskets below: a basket is not run with 'tco compare'
    assert "copy-print" not in out.split(head)[0]


def test_an_unknown_basket_example_lists_the_baskets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["basket", "--example", "copy-prnt"]) == 2
    err = capsys.readouterr().err
    assert "no example basket 'copy-prnt' (did you mean 'copy-print'?)" in err
    assert "examples are car-van-fleet, copy-print" in err
    assert main(["basket", "--example", "copy-prnt", "--lang", "da"]) == 2
    assert (
        "intet eksempel på en kurv 'copy-prnt' (mente du 'copy-print'?); eksemplerne er "
        "car-van-fleet, copy-print"
    ) in capsys.readouterr().err


def test_validate_checks_a_basket(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    path = basket_example_path("car-van-fleet")
    assert main(["validate", str(path)]) == 0
    assert "valid basket tender of 2 lines (models passenger-car, van) with 2 bids" in (
        capsys.readouterr().out
    )
    data = yaml.safe_load(path.read_text("utf-8"))
    data["bids"][1]["lines"]["vans"]["price"] = "5 kg"
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["validate", str(tmp_path / "bad.yaml"), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["document"] == "basket" and not doc["valid"]
    assert doc["problems"][0]["path"] == "bids[1].lines.vans.price"


def test_json_gives_each_line_and_the_basket_by_category(
    capsys: pytest.CaptureFixture[str],
) -> None:
    r = load_basket(basket_example_path("car-van-fleet")).evaluate()
    assert main(["basket", "--example", "car-van-fleet", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    for bid in doc["bids"]:
        b = r.bids.index(bid["bid"])
        for j, line in enumerate(bid["lines"]):
            for cat, value in line["by_category"].items():
                assert value == pytest.approx(r.results[j].by_category[cat][b], rel=1e-12)
        for cat, value in bid["by_category"].items():
            assert value == pytest.approx(sum(line["by_category"][cat] for line in bid["lines"]))
        # the buy-back is a negative cost at the end of life of both lines
        assert bid["by_category"]["end_of_life"] < 0


def test_the_fingerprint_holds_every_model_file_even_of_one_id(tmp_path: Path) -> None:
    # Models were told apart by id: two files saying 'id: hand' recorded one hash, so the
    # fingerprint did not change when the second file did.
    import yaml

    from tco.views.fingerprint import basket_fingerprint

    for name, hours in (("a.yaml", "1000 h/year"), ("b.yaml", "2000 h/year")):
        model = json.loads(json.dumps(MODEL))
        model["parameters"]["hours"]["default"] = hours
        (tmp_path / name).write_text(yaml.safe_dump(model), encoding="utf-8")
    data = _basket()
    data["lines"][0]["model"], data["lines"][1]["model"] = "a.yaml", "b.yaml"
    del data["model"]
    (tmp_path / "basket.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    fp = basket_fingerprint(load_basket(tmp_path / "basket.yaml"))
    assert (fp["model[0]"], fp["model[1]"]) == ("a.yaml", "b.yaml")
    assert fp["model[0]_sha256"] != fp["model[1]_sha256"]
