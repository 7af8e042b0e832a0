"""Every input surface tried as a careless Danish buyer and as a hostile supplier would.

Each case goes through the surface a user would use (the command line in a subprocess, so that
a traceback or a hang shows, or ``tco.cli.main``) and asserts one of two outcomes: the value is
read as meant (with the number), or it is refused with exit code 2, a message naming the file,
the field path and the value, in Danish under ``--lang da``, and no traceback. Supplier text
(bid names, line names) must come out as text: no formula cell in a workbook, no leading
formula character in CSV, escaped in HTML, no control character on the terminal.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tco
import tco.analysis
from tco.cli import main

EXAMPLES = Path(tco.example_path("indoor-lighting")).parent
TIMEOUT = 60  # [s] every probe is bounded: a hang is a failure, not a stuck suite


def _tco(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``tco ARGS`` in a fresh interpreter, bounded by :data:`TIMEOUT`."""
    return subprocess.run(
        [sys.executable, "-c", "import sys, tco.cli; sys.exit(tco.cli.main(sys.argv[1:]))", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    """Refused with exit code 2, the message holding ``parts``, and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout[:500], result.stderr[:2000])
    assert "Traceback" not in result.stderr, result.stderr
    for part in parts:
        assert part in result.stderr, (part, result.stderr)


# --- follow-up ----------------------------------------------------------------------------


@pytest.fixture
def follow(tmp_path: Path) -> Path:
    """The passenger-car tender and its follow-up, in ``tmp_path`` and ``tmp_path/fu``."""
    shutil.copy(tco.example_path("passenger-car"), tmp_path / "pc.yaml")
    (tmp_path / "fu").mkdir()
    text = (EXAMPLES / "follow-up" / "passenger-car.yaml").read_text("utf-8")
    (tmp_path / "fu" / "f.yaml").write_text(
        text.replace("tender: ../passenger-car.yaml", "tender: ../pc.yaml"), "utf-8"
    )
    return tmp_path


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "da"])
def test_follow_up_bare_tolerance_is_refused_not_read_as_500_percent(
    follow: Path, lang: str
) -> None:
    # Before: 'tolerance: 5' (the buyer's 5 %) was read as the fraction 5, a tolerance of
    # 500 % of the 16.5 kWh/100 km bid, and every year's penalty (1,900 + 3,100 DKK) vanished.
    f = _edit(follow / "fu" / "f.yaml", "tolerance: 5 %", "tolerance: 5")
    result = _tco("--lang", lang, "follow-up", "pc.yaml", "fu/f.yaml", cwd=follow)
    _refused(result, str(Path("fu/f.yaml")), "clauses[0].tolerance", "'5'", "'5 %'")
    if lang == "da":
        assert "tvetydigt" in result.stderr
    # A bare fraction is unambiguous: 0.05 is 5 %, the same clauses as the example's
    # (docs/after-award.md: year 1 penalty (17.8 - 16.5 - 0.825) x 4000 = 1,900 DKK).
    _edit(f, "tolerance: 5 ", "tolerance: 0.05 ")
    ok = tco.analysis.follow_up(follow / "pc.yaml", f)
    assert ok.clauses["electricity_consumption"].tolist()[0] == pytest.approx(1900.0)


# --- Excel: a number cell that overflows a float --------------------------------------------

_SENTINEL = 987654321


def _overflow_cell(book: Path, written: str) -> Path:
    """Rewrite the one number cell holding :data:`_SENTINEL` as ``written`` (``1e309``).

    Excel cannot store such a number, but a hostile supplier writes the file's XML by hand.
    """
    import zipfile

    out = book.with_name("raw-" + book.name)
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        hits = 0
        for info in src.infolist():
            data = src.read(info.filename)
            marker = f"<v>{_SENTINEL}</v>".encode()
            hits += data.count(marker)
            dst.writestr(info, data.replace(marker, f"<v>{written}</v>".encode()))
    assert hits == 1
    return out


def _filled(book: Path, sheet: str, cell: str, name_cell: str | None = None) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb[sheet][cell] = _SENTINEL
    if name_cell:
        wb[sheet][name_cell] = "Hostile A/S"
    wb.save(book)
    return book


@pytest.mark.parametrize("written", ["1e309", "-1E+400"])
@pytest.mark.parametrize("surface", ["workbook", "bid form", "basket form"])
def test_an_excel_number_beyond_float_is_refused_at_its_cell(
    tmp_path: Path, surface: str, written: str
) -> None:
    # Before: the tender workbook's cell F6 holding 1e309 (read as inf) was a traceback
    # (OverflowError in units.numbers.plain); the cell must be refused as not finite. The forms
    # report every problem at once (the other blank cells too): this one must be among them.
    shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "t.yaml")
    shutil.copy(EXAMPLES / "baskets" / "copy-print.yaml", tmp_path / "b.yaml")
    if surface == "workbook":
        assert main(["workbook", str(tmp_path / "t.yaml"), "-o", str(tmp_path / "w.xlsx")]) == 0
        raw = _overflow_cell(_filled(tmp_path / "w.xlsx", "Bids", "F6"), written)
        args = ["compare", raw.name]
        cell = "F6"
    elif surface == "bid form":
        assert main(["form", str(tmp_path / "t.yaml"), "-o", str(tmp_path / "f.xlsx")]) == 0
        raw = _overflow_cell(_filled(tmp_path / "f.xlsx", "Bid", "D9", "D5"), written)
        args = ["compare", "t.yaml", "--bids", raw.name]
        cell = "D9"
    else:
        assert main(["form", str(tmp_path / "b.yaml"), "-o", str(tmp_path / "f.xlsx")]) == 0
        raw = _overflow_cell(_filled(tmp_path / "f.xlsx", "A4 devices", "D9", None), written)
        args = ["basket", "b.yaml", "--bids", raw.name]
        cell = "D9"
    for lang, says in (("en", "not a finite number"), ("da", "endeligt tal")):
        result = _tco("--lang", lang, *args, cwd=tmp_path)
        _refused(result, raw.name, cell, "inf", says)


# --- batch API ------------------------------------------------------------------------------


@pytest.mark.parametrize("second", ["price", "price [DKK]"])
def test_batch_pandas_column_given_twice_is_refused(second: str) -> None:
    # Before: a DataFrame with two 'price' columns was an AttributeError ('DataFrame' object
    # has no attribute 'dtype'); a pyarrow table with the same columns was refused. Refuse both
    # the same way, naming the column, in English and Danish.
    import pandas as pd

    df = pd.DataFrame(
        [[1450.0, 1100.0, 32.0, 50000.0]], columns=["price", second, "power", "rated_life"]
    )
    with pytest.raises(tco.SpecError) as caught:
        tco.evaluate_batch("indoor-lighting", df, assumptions={"period": "15 year"})
    assert caught.value.path == ("columns", second)
    assert "two columns give 'price'" in str(caught.value)
    from tco.views.error_text import error_text

    assert "to kolonner" in error_text(caught.value, "da"), error_text(caught.value, "da")


# --- Monte Carlo: the tender's uncertainty ---------------------------------------------------


@pytest.fixture
def uncertain(tmp_path: Path) -> Path:
    shutil.copy(tco.example_path("indoor-lighting-uncertain"), tmp_path / "u.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "path", "value", "fix"),
    [
        # Before: read as -500 % .. +1,000 % of each bid's power: negative power, negative
        # totals (p5 of -1.6 million DKK) and P(cheapest) of 34/29/37 % instead of 1/0/99 %.
        (
            "low: -5 %, high: 10 %",
            "low: -5, high: 10",
            "uncertainty.parameters.power.low",
            "'-5'",
            "'-5 %'",
        ),
        # Before: a discount rate of 300, 400 or 500 %: Budget Light cheapest in 100 % of draws.
        (
            "values: [3 %, 4 %, 5 %]",
            "values: [3, 4, 5]",
            "uncertainty.parameters.discount_rate.values[0]",
            "'3'",
            "'3 %'",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_montecarlo_bare_rate_in_a_distribution_is_refused(
    uncertain: Path, old: str, new: str, path: str, value: str, fix: str, lang: str
) -> None:
    _edit(uncertain / "u.yaml", old, new)
    result = _tco("--lang", lang, "montecarlo", "u.yaml", "--samples", "200", cwd=uncertain)
    _refused(result, "u.yaml", path, value, fix)
    assert ("tvetydigt" if lang == "da" else "ambiguous") in result.stderr


def test_montecarlo_bare_fraction_in_a_distribution_is_read_as_meant(uncertain: Path) -> None:
    # 0.03 / 0.04 / 0.05 written bare are unambiguous fractions: the same draws as the
    # example's 3 % / 4 % / 5 %, so the same percentiles to the last digit.
    from tco.analysis import monte_carlo

    ref = monte_carlo(tco.load_tender(uncertain / "u.yaml"), samples=500, seed=1)
    _edit(uncertain / "u.yaml", "values: [3 %, 4 %, 5 %]", "values: [0.03, 0.04, 0.05]")
    got = monte_carlo(tco.load_tender(uncertain / "u.yaml"), samples=500, seed=1)
    assert {**got.to_dict(), "seconds": 0} == {**ref.to_dict(), "seconds": 0}


@pytest.mark.parametrize(
    ("weights", "path", "says_en", "says_da"),
    [
        ("[1, 1e308, 1e308]", "discount_rate", "must be finite", "endelige tal"),
        ("[1, .inf, 1]", "discount_rate.weights[1]", "not a finite number", "endeligt tal"),
    ],
)
def test_montecarlo_weights_whose_sum_overflows_are_refused(
    uncertain: Path, weights: str, path: str, says_en: str, says_da: str
) -> None:
    # Before: [1, 1e308, 1e308] sums to inf, and numpy's choice() raised a ValueError
    # (traceback) 'Probabilities do not sum to 1'; '.inf' is refused at the weight itself.
    _edit(uncertain / "u.yaml", "weights: [1, 2, 1]", f"weights: {weights}")
    for lang, says in (("en", says_en), ("da", says_da)):
        result = _tco("--lang", lang, "montecarlo", "u.yaml", "--samples", "200", cwd=uncertain)
        _refused(result, "u.yaml", f"uncertainty.parameters.{path}: ", says)


# --- score (MEAT) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "said", "en", "da"),
    [
        (".inf", "'inf'", "not a finite number", "endeligt tal"),
        ("-7", "-7 ", "outside 0 .. 10", "uden for 0 .. 10"),
        ("11", "11 ", "outside 0 .. 10", "uden for 0 .. 10"),
    ],
    ids=["inf", "neg", "over"],
)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_score_quality_points_out_of_range_name_the_file(
    uncertain: Path, written: str, said: str, en: str, da: str, lang: str
) -> None:
    # Before: refused, but as 'error: bids[0].quality.design: ...' without the file's name.
    _edit(uncertain / "u.yaml", "design: 7", f"design: {written}")
    args = ["score", "u.yaml", "--weight", "price=60", "--weight", "design=20"]
    result = _tco("--lang", lang, *args, "--weight", "service=20", cwd=uncertain)
    _refused(result, "u.yaml: bids[0].quality.design", said, da if lang == "da" else en)


# --- a bare number beyond a float, on every YAML surface ------------------------------------


def _surface(tmp_path: Path, surface: str) -> tuple[list[str], Path, str, str]:
    """Copy the example of ``surface``; its command, its file, a bare value in it and its path."""
    if surface == "compare":
        shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "t.yaml")
        return ["compare", "t.yaml"], tmp_path / "t.yaml", "quantity: 200", "assumptions.quantity"
    if surface == "basket":
        shutil.copy(EXAMPLES / "baskets" / "copy-print.yaml", tmp_path / "t.yaml")
        return ["basket", "t.yaml"], tmp_path / "t.yaml", "quantity: 40", "lines[0].quantity"
    if surface == "profiles":
        shutil.copy(tco.example_path("indoor-lighting-profiles"), tmp_path / "t.yaml")
        return ["profiles", "t.yaml"], tmp_path / "t.yaml", "weight: 3", "profiles.school.weight"
    if surface == "montecarlo":
        shutil.copy(tco.example_path("indoor-lighting-uncertain"), tmp_path / "t.yaml")
        return (
            ["montecarlo", "t.yaml"],
            tmp_path / "t.yaml",
            "samples: 20000",
            "uncertainty.samples",
        )
    shutil.copy(tco.example_path("passenger-car"), tmp_path / "pc.yaml")
    (tmp_path / "fu").mkdir()
    text = (EXAMPLES / "follow-up" / "passenger-car.yaml").read_text("utf-8")
    f = tmp_path / "fu" / "f.yaml"
    f.write_text(text.replace("../passenger-car.yaml", "../pc.yaml"), "utf-8")
    return ["follow-up", "pc.yaml", "fu/f.yaml"], f, "bonus: 2000 DKK", "clauses[0].bonus"


@pytest.mark.parametrize("surface", ["compare", "basket", "profiles", "montecarlo", "follow-up"])
def test_a_bare_number_beyond_a_float_is_named_as_written(tmp_path: Path, surface: str) -> None:
    # Before: the YAML reader turned a bare 1e309 into the float inf, so the message said
    # "got 'inf'", a value the buyer never wrote (and 'uncertainty.samples' answered in Danish
    # with the English 'expected a finite number').
    args, path, old, field = _surface(tmp_path, surface)
    key = old.split(":")[0]
    _edit(path, old, f"{key}: 1e309")
    result = _tco(*args, cwd=tmp_path)
    _refused(result, f"{field}: got '1e309'", "not a finite number")
    result = _tco("--lang", "da", *args, cwd=tmp_path)
    _refused(result, f"{field}: fik '1e309'", "ikke er et endeligt tal")
    assert "expected" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "says"), [("en", "expected a whole number"), ("da", "et helt tal")]
)
def test_montecarlo_seed_too_large_for_an_integer_is_refused_in_the_users_words(
    uncertain: Path, lang: str, says: str
) -> None:
    # Before: 'seed: 1e30' was refused with pydantic's English text as the expectation, also
    # under --lang da: "forventede Unable to parse input string as an integer, exceeded ...".
    _edit(uncertain / "u.yaml", "seed: 2026", "seed: 1e30")
    result = _tco("--lang", lang, "montecarlo", "u.yaml", cwd=uncertain)
    _refused(result, "u.yaml: uncertainty.seed", says)
    assert "Unable to parse" not in result.stderr


def test_portfolio_row_of_a_follow_up_with_a_bare_tolerance_holds_its_error(tmp_path: Path) -> None:
    # The portfolio reads follow-ups the same way: the row of the broken one holds the refusal
    # (before: a 500 % tolerance and no penalties), and the other tender is still reported.
    shutil.copy(tco.example_path("passenger-car"), tmp_path / "lot1.yaml")
    shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "lot2.yaml")
    (tmp_path / "follow-up").mkdir()
    text = (EXAMPLES / "follow-up" / "passenger-car.yaml").read_text("utf-8")
    (tmp_path / "follow-up" / "lot1.yaml").write_text(
        text.replace("../passenger-car.yaml", "../lot1.yaml").replace(
            "tolerance: 5 %", "tolerance: 5"
        ),
        "utf-8",
    )
    result = _tco("--lang", "da", "portfolio", ".", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    said = result.stdout + result.stderr
    assert "follow-up/lot1.yaml: clauses[0].tolerance: fik '5'" in said
    assert "tvetydigt" in said
    assert "Premium LED" in result.stdout  # lot2's chosen bid, still reported


@pytest.mark.parametrize(
    ("units", "column", "path"),
    [
        ({"price": "1.450 DKK"}, "price", ("units", "price")),
        ({"power": "2 W"}, "power", ("units", "power")),
        ({}, "price [1.450 DKK]", ("columns", "price [1.450 DKK]")),
    ],
)
def test_batch_unit_that_holds_a_number_is_refused(
    units: dict[str, str], column: str, path: tuple[str, str]
) -> None:
    # Before: units={"price": "1.450 DKK"} was refused at columns.price[0] as
    # "got '1450 1.450 DKK': write the number without spaces, as '14501.450 DKK'", a fix that
    # is wrong twice; the mistake is a value given where a unit belongs.
    import pandas as pd

    from tco.views.error_text import error_text

    data = {"price": [1450.0], "power": [32.0], "rated_life": [50000.0]}
    name = column.split(" ")[0]
    df = pd.DataFrame({(column if k == name else k): v for k, v in data.items()})
    with pytest.raises(tco.errors.UnitError) as caught:
        tco.evaluate_batch("indoor-lighting", df, units=units, assumptions={"period": "15 year"})
    assert caught.value.path == path
    fix = "W" if name == "power" else "DKK"
    assert f"give the unit alone, as '{fix}'" in str(caught.value)
    assert f"angiv enheden alene, som '{fix}'" in error_text(caught.value, "da")
    # The unit alone is read as meant: 1450 DKK, 32 W, 50000 h is the docstring's 4176.58 DKK
    # (tco.batch.evaluate_batch, 15 years at the default rate).
    ok = tco.evaluate_batch(
        "indoor-lighting",
        pd.DataFrame(data),
        units={k: v.split(" ")[1] for k, v in units.items()},
        assumptions={"period": "15 year"},
    )
    assert ok["total"].round(2).tolist() == [4176.58]


# --- Excel: what a buyer or supplier types must not be blocked by Excel ---------------------


@pytest.mark.parametrize("surface", ["workbook", "bid form", "basket form"])
def test_excel_range_check_warns_and_lets_a_value_with_its_unit_be_typed(
    tmp_path: Path, surface: str
) -> None:
    # Before: each value cell carried a decimal range check with Excel's default 'stop' style,
    # so Excel refused what the sheets ask for: '0,032 kW' or '1.450 kr' typed as text (not a
    # decimal), and 0.032 after changing the unit to kW (outside 1 - 2,000). A warning keeps the
    # hint and lets the value be entered; tco checks the value when it reads the file.
    import openpyxl

    shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "t.yaml")
    shutil.copy(EXAMPLES / "baskets" / "copy-print.yaml", tmp_path / "b.yaml")
    out = tmp_path / "out.xlsx"
    command = {
        "workbook": ["workbook", str(tmp_path / "t.yaml")],
        "bid form": ["form", str(tmp_path / "t.yaml")],
        "basket form": ["form", str(tmp_path / "b.yaml")],
    }[surface]
    assert main([*command, "-o", str(out)]) == 0
    checks = [
        dv
        for ws in openpyxl.load_workbook(out).worksheets
        for dv in ws.data_validations.dataValidation
        if dv.type == "decimal"
    ]
    assert checks
    assert {dv.errorStyle for dv in checks} == {"warning"}


@pytest.mark.parametrize("written", [".inf", ".nan", "-.inf"])
@pytest.mark.parametrize("lang", ["en", "da"])
def test_basket_line_quantity_not_finite_is_refused_at_the_line(
    tmp_path: Path, written: str, lang: str
) -> None:
    # Before: 'quantity: .inf' on a basket line passed the line's check (inf > 0) and was
    # refused at 'assumptions.quantity', a field the basket does not have; '.nan' was
    # "got nan, expected a number above 0".
    args, path, old, field = _surface(tmp_path, "basket")
    _edit(path, old, f"quantity: {written}")
    result = _tco("--lang", lang, *args, cwd=tmp_path)
    said = written.lstrip(".").replace("-.", "-")
    _refused(result, f"t.yaml: {field}: ", f"'{said}'")
    assert ("endeligt tal" if lang == "da" else "not a finite number") in result.stderr
    assert "assumptions.quantity" not in result.stderr


# --- regression guards: every YAML surface, every careless or hostile value -----------------
#
# These passed when written; they hold the boundary on each surface at once.

_DEEP = "\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"
_BOMB = "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
_BOMB = 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + _BOMB

#: case -> (edit of the surface's bare value or of its file, what the refusal must say)
_CASES: dict[str, tuple[str, str]] = {
    "1.000 as a count": ("VALUE: 1.000", "'1.000'"),
    "a bare rate 4": ("discount_rate: 4", "'4'"),
    "3.103 %": ("discount_rate: 3.103 %", "'3.103 %'"),
    "1.450 kr": ("PRICE: 1.450 kr", "'1.450 kr'"),
    "1.450 DKK": ("PRICE: 1.450 DKK", "'1.450 DKK'"),
    "negative price": ("PRICE: -1450 DKK", "'-1450 DKK'"),
    ".inf price": ("PRICE: .inf", "'inf'"),
    "1e309 price": ("PRICE: 1e309 DKK", "'1e309 DKK'"),
    "duplicate key": ("DUP", "'period'"),
    "deep nesting": ("DEEP", "40"),
    "alias bomb": ("BOMB", "1000000"),
    "model ../../etc/passwd": ("model: ../../etc/passwd", "../../etc/passwd"),
    "absolute model path": ("model: /etc/passwd", "/etc/passwd"),
    "10 MB scalar": ("BIG", "4194304"),
}

_PRICE = {"compare": "price: 1450 DKK", "basket": "price: 9800 DKK", "profiles": "price: 1450 DKK"}


@pytest.mark.parametrize("case", list(_CASES))
@pytest.mark.parametrize("surface", ["compare", "basket", "profiles"])
def test_yaml_surface_refuses_careless_and_hostile_values(
    tmp_path: Path, surface: str, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args, path, value, _ = _surface(tmp_path, surface)
    edit, says = _CASES[case]
    text = path.read_text("utf-8")
    if edit == "DUP":
        text = text.replace("  period:", "  period: 3 year\n  period:", 1)
    elif edit in ("DEEP", "BOMB"):
        text += _DEEP if edit == "DEEP" else _BOMB
    elif edit == "BIG":
        text += "description: " + "A" * 10_000_000 + "\n"
    elif edit.startswith("VALUE:"):
        text = text.replace(value, value.split(":")[0] + edit[len("VALUE") :], 1)
    elif edit.startswith("PRICE:"):
        text = text.replace(_PRICE[surface], "price" + edit[len("PRICE") :], 1)
    else:
        key = edit.split(":")[0]
        start = text.index(f"{key}:")
        text = text[:start] + edit + text[text.index("\n", start) :]
    path.write_text(text, "utf-8")
    for lang in ("en", "da"):
        code = main(["--lang", lang, *args[:1], str(path)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "Traceback" not in err and str(path.name) in err, err
        assert says in err or says in err.replace(".", "").replace(",", ""), err  # 1.000.000
        assert err.startswith("fejl:" if lang == "da" else "error:"), err


_NAMES = ('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "\x1b[2J\u202eEvil<b>x</b>")


def _hostile_names(path: Path, surface: str) -> None:
    """Give the first three bids the names in :data:`_NAMES`."""
    import yaml

    text = path.read_text("utf-8")
    old = {
        "compare": ("Lumen Nord", "Budget Light", "Premium LED"),
        "profiles": ("Lumen Nord", "Budget Light", "Premium LED"),
        "basket": ("Nordic Print", "Office Partner", "Click Contract"),
    }[surface]
    for before, after in zip(old, _NAMES, strict=True):
        quoted = yaml.safe_dump(after, allow_unicode=False, default_style='"').strip()
        text = text.replace(f"name: {before}", f"name: {quoted}", 1)
    path.write_text(text, "utf-8")


@pytest.mark.parametrize("surface", ["compare", "basket", "profiles"])
def test_supplier_names_are_text_in_every_output(
    tmp_path: Path, surface: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    import openpyxl

    args, path, _, _ = _surface(tmp_path, surface)
    _hostile_names(path, surface)
    xlsx, html = tmp_path / "out.xlsx", tmp_path / "out.html"
    assert main([args[0], str(path), "--xlsx", str(xlsx), "--report", str(html)]) == 0
    table = capsys.readouterr().out
    # Terminal: no control character or bidi override reaches it; each is shown escaped.
    assert "\x1b" not in table and "\u202e" not in table
    assert "\\x1b[2J\\u202eEvil" in table
    # Workbook: every cell is a value, none a formula, but tco's own formulas on the calculation
    # sheet, which refer to cells and hold no name; the names are there as text.
    book = openpyxl.load_workbook(xlsx)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    formulas = [c for c in cells if c.data_type == "f"]
    assert not [c.coordinate for c in formulas if c.parent.title != "Calculation"]
    assert not [c.value for c in formulas if any(n in c.value for n in _NAMES)]
    assert any(c.value == _NAMES[0] for c in cells)
    # HTML: the markup and the quotes are escaped.
    page = html.read_text("utf-8")
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    # CSV: a cell that a spreadsheet would run as a formula starts with an apostrophe.
    assert main([args[0], str(path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    starts = {cell[:1] for row in rows for cell in row if cell}
    assert not starts & set("=+@"), starts
    assert any(cell == "'" + _NAMES[0] for row in rows for cell in row)


# --- sensitivity (Python API) ---------------------------------------------------------------


@pytest.mark.parametrize("written", ["10", 10, "10 %", "10,0", 10.0])
def test_sensitivity_percentage_as_text_is_the_same_percentage(written: object) -> None:
    # The docstring: 'Input name -> a percentage (10, "10 %")'. Before, the text '10' was read
    # as the fraction 10 (1,000 %): Lumen Nord's 32 W went from -288 W to 352 W. Now '10' is
    # 10 %, as the number 10 is: 32 W x (1 -/+ 0.10) = 28.8 W and 35.2 W.
    from tco.analysis import sensitivity

    tender = tco.load_tender(tco.example_path("indoor-lighting"))
    row = sensitivity(tender, variations={"power": written}).to_dict()["bids"]["Lumen Nord"][0]
    assert (row["low"], row["high"]) == pytest.approx((28.8, 35.2))


@pytest.mark.parametrize(
    ("low", "high", "names", "says"),
    [
        ("1.000", "5", "--low: ", "'1.000'"),
        ("1", "1e309", "--high: ", "'1e309'"),
    ],
)
def test_switch_bound_refusal_names_its_option(
    tmp_path: Path, low: str, high: str, names: str, says: str
) -> None:
    # Before: "fejl: fik '1.000': ..." without saying which of --low and --high it was.
    shutil.copy(tco.example_path("indoor-lighting"), tmp_path / "t.yaml")
    args = ["switch", "t.yaml", "--input", "discount_rate", "--bids", "Lumen Nord", "Budget Light"]
    result = _tco("--lang", "da", *args, "--low", low, "--high", high, cwd=tmp_path)
    _refused(result, f"fejl: {names}fik {says}")
