"""Edge cases of the command line found by hand: empty and odd argument lists, outputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tco.cli import main


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.parametrize(
    "argv",
    [[], ["--lang", "da"], ["--format", "json"], ["--format"], ["--lang"], ["-"], [""], ["--"]],
)
def test_odd_argument_lists_print_usage_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exit_code(argv) == 2
    captured = capsys.readouterr()
    usage = "brug: tco" if argv == ["--lang", "da"] else "usage: tco"
    assert usage in captured.out + captured.err
    assert "Traceback" not in captured.err


def _model_copy(tmp_path: Path) -> Path:
    import tco

    path = tmp_path / "mymodel.yaml"
    path.write_text(tco.bundled_models()["indoor-lighting"].read_text(encoding="utf-8"))
    return path


def _tender_copy(tmp_path: Path) -> Path:
    import tco

    path = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_refuses_to_overwrite_its_input_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = _model_copy(tmp_path)
    before = model.read_bytes()
    argv = ["schema", "tender", "--model", str(model), "-o", str(model)]
    assert _exit_code(argv) == 2
    assert model.read_bytes() == before
    assert "input" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "{t}", "--xlsx", "{t}"],
        ["compare", "{t}", "--report", "{t}"],
        ["compare", "{t}", "--plot", "{t}"],
        ["annex", "{t}", "-o", "{t}"],
        ["form", "{t}", "-o", "{t}"],
        ["sensitivity", "{t}", "--plot", "{t}"],
        ["montecarlo", "{t}", "--plot", "{t}", "--samples", "10"],
        ["bases", "{t}", "-o", "{t}"],
    ],
)
def test_no_command_writes_over_an_input(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = _tender_copy(tmp_path)
    before = tender.read_bytes()
    argv = [a.replace("{t}", str(tender)) for a in command]
    assert _exit_code(argv) == 2
    assert tender.read_bytes() == before
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("option", "name"),
    [
        ("--plot", "x.gif"),
        ("--plot", "missing/x.png"),
        ("--xlsx", "missing/x.xlsx"),
        ("--report", "."),
        ("--xlsx", "same.out"),
    ],
)
def test_compare_checks_outputs_before_any_work(
    option: str,
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    tender = _tender_copy(tmp_path)
    extra = ["--report", "same.out"] if name == "same.out" else []
    assert _exit_code(["compare", str(tender), option, name, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # no table printed before the refusal
    assert name.split("/")[0] in captured.err or "." in captured.err


def test_annex_checks_its_suffix_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = _tender_copy(tmp_path)
    assert _exit_code(["annex", str(tender), "-o", str(tmp_path / "a.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err


def _tco(argv: list[str], stdout: object) -> subprocess.CompletedProcess[str]:
    code = "import sys; from tco.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_output_is_one_line_error_and_nonzero_exit() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _tco(["compare", "--example", "indoor-lighting"], full)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "No space left" in done.stderr
    assert done.stderr.startswith("error: cannot write the output (")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_output_is_said_in_danish() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _tco(["compare", "--example", "indoor-lighting", "--lang", "da"], full)
    assert done.returncode != 0
    assert done.stderr.startswith("fejl: kan ikke skrive uddata ("), done.stderr
    assert "der er ikke mere plads på enheden" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--example", "indoor-lighting"],
        ["compare", "x.yaml", "--format", "json", "--lang", "xx"],
        ["schema", "tender"],
    ],
)
def test_a_closed_pipe_exits_silently(argv: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written: like `| head -0`
    try:
        done = _tco(argv, write)
    finally:
        os.close(write)
    assert done.stderr == ""


def test_form_never_writes_over_the_tenders_model_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tco

    model = _model_copy(tmp_path)
    tender = tmp_path / "t.yaml"
    text = tco.example_path("indoor-lighting").read_text(encoding="utf-8")
    assert "model: indoor-lighting" in text
    tender.write_text(text.replace("model: indoor-lighting", "model: mymodel.yaml"), "utf-8")
    before = model.read_bytes()
    assert _exit_code(["form", str(tender), "-o", str(model)]) == 2
    assert model.read_bytes() == before
    err = capsys.readouterr().err
    assert "over an input file" in err and "Traceback" not in err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("output", ["--xlsx", "--report"])
def test_an_unwritable_output_is_one_line_and_no_traceback(output: str) -> None:
    # openpyxl's write-only streams, left open by a failed save, printed "Exception ignored"
    # tracebacks after the message when they were collected.
    path = "/proc/tco-out.xlsx" if output == "--xlsx" else "/proc/tco-out.html"
    done = _tco(
        ["compare", "--example", "indoor-lighting", output, path, "--lang", "da"],
        subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fejl: {path}: kan ikke skrive"), lines


@pytest.mark.parametrize("name", ["indoor-lighting", "copy-print"])
def test_annex_of_a_bundled_example(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "annex.html"
    assert _exit_code(["annex", "--example", name, "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<math>" in page and ("Lumen Nord" in page or "A4 devices" in page)
    capsys.readouterr()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
def test_an_unwritable_annex_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["annex", "--example", "indoor-lighting", "-o", "/proc/tco-annex.html", "--lang", "da"]
    assert _exit_code(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "fejl: /proc/tco-annex.html: kan ikke skrive bilaget (filen eller mappen findes ikke)"
    ]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["portfolio", "examples", "--workers", "1", "--csv", "/proc/p.csv"], "CSV-filen"),
        (["bases", "-o", "/proc/b.md"], "filen"),
        (["serve", "--openapi", "/proc/o.json"], "OpenAPI-dokumentet"),
        (["catalogue", "-o", "/proc/c.md"], "filen"),
        (["schema", "result", "-o", "/proc/s.json"], "skemaet"),
        (
            ["profiles", "--example", "indoor-lighting-profiles", "--report", "/proc/r.html"],
            "rapporten",
        ),
        (["basket", "--example", "copy-print", "--report", "/proc/r.html"], "rapporten"),
        (["basket", "--example", "copy-print", "--xlsx", "/proc/r.xlsx"], "regnearket"),
    ],
)
def test_every_output_that_cannot_be_written_is_one_danish_line(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    assert _exit_code([*argv, "--lang", "da"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"kan ikke skrive {said} (filen eller mappen findes ikke)" in err[0]


@pytest.mark.parametrize(("name", "sheets"), [("indoor-lighting", 1), ("copy-print", 3)])
def test_form_of_a_bundled_example(
    name: str, sheets: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "form.xlsx"
    assert _exit_code(["form", "--example", name, "-o", str(out)]) == 0
    assert len(openpyxl.load_workbook(out).sheetnames) == sheets
    capsys.readouterr()


def test_annex_takes_allow_path_as_compare_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The annex read a tender's model path without --allow-path, so a model in a shared
    # folder was refused for the annex while 'tco compare' read it.
    import shutil

    import yaml

    import tco
    from tco.io.yamlio import read_yaml_file

    shared, tenders = tmp_path / "models", tmp_path / "tenders"
    shared.mkdir()
    tenders.mkdir()
    shutil.copy(tco.bundled_models()["indoor-lighting"], shared / "lighting.yaml")
    data = read_yaml_file(tco.example_path("indoor-lighting"))
    data["model"] = "../models/lighting.yaml"
    (tenders / "t.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "annex.html"
    argv = ["annex", str(tenders / "t.yaml"), "-o", str(out)]
    assert _exit_code(argv) == 2
    assert "leads outside the tender's folder" in capsys.readouterr().err
    assert _exit_code([*argv, "--allow-path", str(shared)]) == 0
    assert "Lumen Nord" in out.read_text(encoding="utf-8")


def test_a_basket_given_to_compare_is_said_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    from tco.basket import basket_example_path

    assert _exit_code(["compare", str(basket_example_path("copy-print")), "--lang", "da"]) == 2
    assert "dette er et kurveudbud" in capsys.readouterr().err
