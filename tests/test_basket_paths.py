"""A basket's model paths are confined as a tender's: its folder, the bundled models, --allow-path.

Before, a basket's lines were loaded as mappings, whose model paths were allowed to reach the
current folder: run from a parent folder, ``model: ../outside/model.yaml`` was read without
``--allow-path`` (a tender's is refused), and was refused only when run from the basket's own
folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tco
from tco.basket import basket_example_path, load_basket
from tco.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``basket/`` beside ``outside/model.yaml`` (the printer model), run from their parent."""
    (tmp_path / "basket").mkdir()
    (tmp_path / "outside").mkdir()
    shutil.copy(ROOT / "product_models" / "printer.yaml", tmp_path / "outside" / "model.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _basket(folder: Path, name: str, *, line_model: bool) -> Path:
    text = basket_example_path("copy-print").read_text("utf-8")
    if line_model:  # the A3 line names its own model
        text = text.replace(
            "  - name: A3 devices\n", "  - name: A3 devices\n    model: ../outside/model.yaml\n"
        )
    else:
        text = text.replace("model: printer\n", "model: ../outside/model.yaml\n")
    path = folder / "basket" / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("line_model", "where"), [(False, "model"), (True, "lines[1].model")], ids=["basket", "line"]
)
@pytest.mark.parametrize(
    "command",
    [["basket"], ["validate"], ["annex", "-o", "annex.html"], ["form", "-o", "form.xlsx"]],
    ids=lambda c: c[0],
)
def test_a_basket_model_outside_its_folder_needs_allow_path(
    outside: Path,
    line_model: bool,
    where: str,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    basket = _basket(outside, "b.yaml", line_model=line_model)
    rel = "basket/b.yaml"
    assert main([command[0], rel, *command[1:]]) == 2
    err = capsys.readouterr().err
    said = f"{rel}: {where}: the model path '../outside/model.yaml' leads outside"
    assert said in err, err
    assert err.count("leads outside") == 1  # said once, not once per line of the basket
    assert main([command[0], rel, *command[1:], "--allow-path", "outside"]) == 0
    assert basket.exists()


def test_load_basket_confines_as_load_tender(outside: Path) -> None:
    path = _basket(outside, "b.yaml", line_model=False)
    with pytest.raises(tco.SpecError, match="leads outside") as caught:
        load_basket(path)
    assert caught.value.path == ("model",) and caught.value.file == str(path)
    with pytest.raises(tco.SpecError, match="leads outside"):
        load_basket(_basket(outside, "c.yaml", line_model=True))
    b = load_basket(path, allow_paths=[outside / "outside"])
    assert [t.model.id for t in b.tenders] == ["printer", "printer"]
    # A model file in the basket's own folder needs nothing.
    shutil.copy(outside / "outside" / "model.yaml", outside / "basket" / "model.yaml")
    inside = outside / "basket" / "d.yaml"
    inside.write_text(path.read_text("utf-8").replace("../outside/model.yaml", "model.yaml"))
    assert load_basket(inside).evaluate().ranking[0] == "Office Partner"
