"""Files: what a tender may read, what tco refuses to read or overwrite, and what it hashes.

A tender's ``model:`` path stays inside the tender's folder (or the bundled models,
or folders the caller allows); a file there that is not a product model is refused
whole, without quoting it; devices, FIFOs and folders are refused before they are
opened; an output path that is an input, a folder or in a missing folder is an error
message, not a traceback; the report's fingerprint is of the bytes evaluated.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path

import pytest

import tco
from tco.cli import main
from tco.errors import FileError, ModelNotFoundError, SpecError
from tco.io.files import check_output_path, read_input_bytes
from tco.io.yamlio import read_yaml_file
from tco.views.fingerprint import fingerprint

MODEL = tco.bundled_models()["indoor-lighting"]
SECRET = "hunter2-do-not-echo"
BIDS = """bids:
  - name: A
    price: 1450 DKK
    power: 32 W
    rated_life: 50000 h
"""


def tender_text(model: str) -> str:
    return f"model: {model}\nassumptions:\n  period: 15 year\n" + BIDS


@pytest.fixture
def layout(tmp_path: Path) -> dict[str, Path]:
    """tmp/tenders/t.yaml, tmp/tenders/models/m.yaml, tmp/private/{m.yaml,secret.yaml}."""
    tenders = tmp_path / "tenders"
    private = tmp_path / "private"
    (tenders / "models").mkdir(parents=True)
    private.mkdir()
    shutil.copy(MODEL, tenders / "models" / "m.yaml")
    shutil.copy(MODEL, private / "m.yaml")
    (private / "secret.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    return {"tenders": tenders, "private": private, "tender": tenders / "t.yaml"}


# -- the model path ------------------------------------------------------------------------------


def test_a_model_in_the_tenders_folder_or_below_is_read(layout: dict[str, Path]) -> None:
    layout["tender"].write_text(tender_text("models/m.yaml"), encoding="utf-8")
    assert tco.load_tender(layout["tender"]).model.id == "indoor-lighting"


@pytest.mark.parametrize(
    "ref",
    ["../private/secret.yaml", "../private/m.yaml", "models/../../private/m.yaml", "ABSOLUTE"],
)
def test_a_model_path_may_not_leave_the_tenders_folder(
    layout: dict[str, Path], ref: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = str(layout["private"] / "secret.yaml") if ref == "ABSOLUTE" else ref
    layout["tender"].write_text(tender_text(ref), encoding="utf-8")
    with pytest.raises(SpecError, match="leads outside the tender's folder") as info:
        tco.load_tender(layout["tender"])
    assert info.value.path == ("model",) and SECRET not in str(info.value)
    assert "allow_paths" in str(info.value) and "--allow-path" in str(info.value)
    assert main(["compare", str(layout["tender"])]) == 2
    err = capsys.readouterr().err
    assert "leads outside" in err and SECRET not in err and "Traceback" not in err


def test_a_symlink_out_of_the_folder_is_refused(layout: dict[str, Path]) -> None:
    (layout["tenders"] / "link.yaml").symlink_to(layout["private"] / "m.yaml")
    layout["tender"].write_text(tender_text("link.yaml"), encoding="utf-8")
    with pytest.raises(SpecError, match="leads outside"):
        tco.load_tender(layout["tender"])


def test_the_caller_may_allow_another_folder(
    layout: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    layout["tender"].write_text(tender_text("../private/m.yaml"), encoding="utf-8")
    t = tco.load_tender(layout["tender"], allow_paths=[layout["private"]])
    assert t.model.id == "indoor-lighting"
    args = ["compare", str(layout["tender"]), "--allow-path", str(layout["private"])]
    assert main(args) == 0
    assert "indoor-lighting" in capsys.readouterr().out


def test_a_mapping_tender_is_held_to_the_current_folder(
    layout: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout["tenders"])
    data = tco.io.yamlio.load_yaml(tender_text("../private/m.yaml"))
    with pytest.raises(SpecError, match="leads outside"):
        tco.load_tender(data)
    data["model"] = "models/m.yaml"
    assert tco.load_tender(data).model.id == "indoor-lighting"


@pytest.mark.parametrize(
    "content",
    [
        f"password: {SECRET}\nuser: root\n".encode(),
        f"- {SECRET}\n".encode(),
        f"root:x:0:0:{SECRET}:/root:/bin/bash\n[oops\n".encode(),
        b"\x89PNG\r\n\x1a\n" + SECRET.encode(),
        f"id: x\nparameters: {{}}\n{SECRET}".encode(),
    ],
    ids=["mapping", "list", "not-yaml", "binary", "broken-model"],
)
def test_a_file_that_is_not_a_model_is_refused_whole_without_quoting_it(
    layout: dict[str, Path], content: bytes
) -> None:
    (layout["tenders"] / "notes.yaml").write_bytes(content)
    layout["tender"].write_text(tender_text("notes.yaml"), encoding="utf-8")
    with pytest.raises(SpecError, match="is not a product model file") as info:
        tco.load_tender(layout["tender"])
    assert SECRET not in str(info.value) and "/bin/bash" not in str(info.value)
    assert info.value.path == ("model",)


def test_a_missing_model_file_names_the_path(layout: dict[str, Path]) -> None:
    layout["tender"].write_text(tender_text("models/none.yaml"), encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match=r"no model file 'models/none\.yaml'"):
        tco.load_tender(layout["tender"])


def test_tco_form_keeps_to_the_tenders_folder_too(
    layout: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    layout["tender"].write_text(tender_text("../private/m.yaml"), encoding="utf-8")
    out = layout["tenders"] / "form.xlsx"
    assert main(["form", str(layout["tender"]), "-o", str(out)]) == 2
    assert "leads outside" in capsys.readouterr().err and not out.exists()


# -- inputs that are not regular files ------------------------------------------------------------


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "t.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            read_yaml_file(fifo)
            outcome.append(None)
        except BaseException as exc:  # handed to the main thread
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # pragma: no cover - the failure being guarded against
        with open(fifo, "wb"):  # unblock the reader so that the test run can end
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(outcome[0], FileError) and "FIFO" in str(outcome[0])


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/zero", "a device"), ("/dev/null", "a device"), ("DIR", "a folder")]
)
def test_devices_and_folders_are_refused(
    tmp_path: Path, path: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path) if path == "DIR" else path
    with pytest.raises(FileError, match=f"is {kind}, not a file"):
        read_input_bytes(path)
    for command in (["compare", path], ["validate", path], ["sensitivity", path]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {path}: is {kind}") and "Traceback" not in err


def test_a_model_path_that_is_a_device_or_folder_is_refused(layout: dict[str, Path]) -> None:
    (layout["tenders"] / "dir.yaml").mkdir()
    layout["tender"].write_text(tender_text("dir.yaml"), encoding="utf-8")
    with pytest.raises(FileError, match="is a folder"):
        tco.load_tender(layout["tender"])


def test_a_file_is_read_once_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"a: 1\n")
    assert read_input_bytes(path) == b"a: 1\n"
    with pytest.raises(tco.errors.LimitError, match="at most 4 bytes"):
        read_input_bytes(path, limit=4)


# -- output paths ----------------------------------------------------------------------------------


@pytest.fixture
def tender_file(tmp_path: Path) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(tender_text("indoor-lighting"), encoding="utf-8")
    return path


@pytest.mark.parametrize("option", ["--xlsx", "--report", "--plot"])
@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/out.{ext}", "the folder .*missing does not exist"),
        ("folder", "this is a folder"),
        ("INPUT", "over an input file"),
    ],
    ids=["missing-folder", "folder", "input"],
)
def test_bad_output_paths_are_clear_errors(
    tender_file: Path,
    option: str,
    where: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("openpyxl")
    pytest.importorskip("matplotlib")
    ext = {"--xlsx": "xlsx", "--report": "html", "--plot": "png"}[option]
    (tender_file.parent / "folder").mkdir(exist_ok=True)
    target = str(tender_file) if where == "INPUT" else str(tender_file.parent / where)
    target = target.format(ext=ext)
    before = tender_file.read_bytes()
    assert main(["compare", str(tender_file), option, target]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {target}: cannot write the ") and "Traceback" not in err
    assert __import__("re").search(message, err)
    assert tender_file.read_bytes() == before


def test_the_model_file_is_an_input_too(layout: dict[str, Path]) -> None:
    pytest.importorskip("openpyxl")
    layout["tender"].write_text(tender_text("models/m.yaml"), encoding="utf-8")
    model = layout["tenders"] / "models" / "m.yaml"
    assert main(["compare", str(layout["tender"]), "--xlsx", str(model)]) == 2
    assert model.read_bytes() == MODEL.read_bytes()


@pytest.mark.parametrize(
    "command",
    [["schema", "model", "-o"], ["catalogue", "-o"], ["form", "--model", "indoor-lighting", "-o"]],
    ids=["schema", "catalogue", "form"],
)
def test_other_commands_check_their_output_path(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    assert main([*command, str(tmp_path / "missing" / "out")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert main([*command, str(tmp_path)]) == 2
    assert "this is a folder" in capsys.readouterr().err


def test_check_output_path_accepts_a_new_file(tmp_path: Path) -> None:
    assert check_output_path(tmp_path / "new.xlsx") == tmp_path / "new.xlsx"
    with pytest.raises(FileError, match="over an input file"):
        check_output_path(tmp_path / "." / "t.yaml", inputs=[tmp_path / "t.yaml"])


# -- the fingerprint is of the bytes evaluated ------------------------------------------------------


def test_fingerprint_is_of_the_bytes_read_not_of_the_file_later(layout: dict[str, Path]) -> None:
    layout["tender"].write_text(tender_text("models/m.yaml"), encoding="utf-8")
    model = layout["tenders"] / "models" / "m.yaml"
    tender_bytes, model_bytes = layout["tender"].read_bytes(), model.read_bytes()
    tender = tco.load_tender(layout["tender"])
    # The files change (or vanish) after they were read and evaluated.
    layout["tender"].write_text(tender_text("models/m.yaml").replace("1450", "9999"))
    model.write_bytes(model_bytes + b"\n# changed\n")
    fp = fingerprint(tender)
    assert fp["tender_sha256"] == hashlib.sha256(tender_bytes).hexdigest()
    assert fp["model_sha256"] == hashlib.sha256(model_bytes).hexdigest()
    layout["tender"].unlink()
    assert fingerprint(tender) == fp


def test_bundled_model_fingerprint_and_tender_sha(tender_file: Path) -> None:
    tender = tco.load_tender(tender_file)
    assert tender.sha256 == hashlib.sha256(tender_file.read_bytes()).hexdigest()
    assert tender.model.sha256 == hashlib.sha256(MODEL.read_bytes()).hexdigest()
    assert fingerprint(tender)["model"] == "indoor-lighting.yaml"


def test_fingerprint_of_forms_is_of_the_bytes_read(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from tco.views.form import load_tender_with_forms, write_form

    blank = write_form(tco.load_model("indoor-lighting"), tmp_path / "blank.xlsx")
    book = openpyxl.load_workbook(blank)
    sheet = book.worksheets[0]
    sheet["D5"] = "A"
    for row in range(9, sheet.max_row + 1):
        value = {"price": 1450, "power": 32, "rated_life": 50000}.get(sheet[f"A{row}"].value)
        if value is not None:
            sheet[f"D{row}"] = value
    form = tmp_path / "a.xlsx"
    book.save(form)
    read = form.read_bytes()
    tender_path = tmp_path / "t.yaml"
    tender_path.write_text("model: indoor-lighting\nassumptions:\n  period: 15 year\n")
    tender = load_tender_with_forms(tender_path, [form])
    # The form is replaced after it was read; the fingerprint keeps what was evaluated.
    form.write_bytes(blank.read_bytes())
    fp = fingerprint(tender, [form])
    assert fp["form[0]_sha256"] == hashlib.sha256(read).hexdigest()
    assert fp["tender_sha256"] == hashlib.sha256(tender_path.read_bytes()).hexdigest()


def test_read_input_within_refuses_links_out_of_the_folder(tmp_path: Path) -> None:
    from tco.io.files import read_input_within

    folder, outside = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text("password: x\n", "utf-8")
    (folder / "own.yaml").write_text("a: 1\n", "utf-8")
    os.symlink(outside / "secret.yaml", folder / "file.yaml")  # a file linked out
    os.symlink(outside, folder / "sub")  # a folder linked out
    os.symlink("own.yaml", folder / "same.yaml")  # a link within the folder
    for name in ("file.yaml", "sub/secret.yaml", "../out/secret.yaml"):
        with pytest.raises(FileError, match="leading out of the folder") as caught:
            read_input_within(folder / name, folder)
        assert caught.value.file == str(folder / name)
    assert read_input_within(folder / "same.yaml", folder) == b"a: 1\n"
    with pytest.raises(FileError, match="is a folder"):
        read_input_within(folder, tmp_path)
    with pytest.raises(FileError, match="cannot read the file") as missing:
        read_input_within(folder / "gone.yaml", folder)
    assert missing.value.file == str(folder / "gone.yaml")
