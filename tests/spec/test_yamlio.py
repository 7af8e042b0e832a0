from __future__ import annotations

from pathlib import Path

import pytest

from tco.errors import LimitError, YAMLError
from tco.io.yamlio import MAX_BYTES, load_yaml, read_yaml_file


def test_plain_data() -> None:
    assert load_yaml("a: [1, 2]\nb: {c: x}") == {"a": [1, 2], "b": {"c": "x"}}


@pytest.mark.parametrize(
    ("text", "error", "match"),
    [
        ("", YAMLError, "empty"),
        ("- 1\n- 2", YAMLError, "top level is a list"),
        ("a: [1, 2", YAMLError, "line 1, column"),
        ("a: !!python/object/apply:os.system ['true']", YAMLError, "remove the tag"),
        ("a: 1\na: 2", YAMLError, "given again on line 2"),
    ],
)
def test_bad_yaml(text: str, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        load_yaml(text, file="t.yaml")


def test_alias_bomb_is_refused() -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    with pytest.raises(LimitError, match="aliases"):
        load_yaml("\n".join(lines), file="bomb.yaml")


def test_non_utf8_and_oversize(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("navn: Søren".encode("latin-1"))
    with pytest.raises(YAMLError, match=r"latin1\.yaml: file is not UTF-8"):
        read_yaml_file(bad)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (MAX_BYTES + 1))
    with pytest.raises(LimitError, match="at most"):
        read_yaml_file(big)


# -- YAML 1.1 traps: scalars resolve as in YAML 1.2 ------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("0200", "0200"),  # YAML 1.1: octal 128
        ("50:00", "50:00"),  # YAML 1.1: sexagesimal 3000
        ("0x10", "0x10"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("01.5", "01.5"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("2024-01-01", "2024-01-01"),  # YAML 1.1: a date
        ("true", True),
        ("False", False),
        ("200", 200),
        ("-2", -2),
        ("+4", 4),
        ("0", 0),
        ("2.5", "2.5"),  # a number with a mark stays the text written, for the value grammar
        ("-0.5", "-0.5"),
        ("1.000", "1.000"),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("~", None),
        ("null", None),
    ],
)
def test_scalars_resolve_yaml_1_2_style(written: str, read: object) -> None:
    value = load_yaml(f"v: {written}")["v"]
    assert value == read and type(value) is type(read)


def test_quoted_and_tagged_scalars() -> None:
    assert load_yaml("a: '12'\nb: !!str 5\nc: !!float 3\nd: !!int 7") == {
        "a": "12",
        "b": "5",
        "c": 3.0,
        "d": 7,
    }
    with pytest.raises(YAMLError, match="cannot be read as !!int"):
        load_yaml("a: !!int 0200")


def test_anchors_aliases_and_merge_keys() -> None:
    data = load_yaml("b: &x {k: 1, j: 1}\nc:\n  <<: *x\n  j: 2\nd: {<<: [*x, {m: 4}], k: 9}")
    assert data["c"] == {"k": 1, "j": 2}
    assert data["d"] == {"k": 9, "j": 1, "m": 4}


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("a: [1, 2\nb: 3\n", r"line 2, column 2: a list opened with '\[' on line 1 is not closed"),
        ("a: [1, 2", r"line 1, column 9: a list opened with '\[' on line 1 is not closed"),
        ("{a: 1", r"a mapping opened with '\{' on line 1 is not closed"),
        ("a: 1\n b: 2", r"line 2, column 3: a ': ' appears where it cannot start a value"),
        ("a:\n  - 1\n  b: 2", r"line 3, column 3: the indentation is off.*reads '  b: 2'"),
        ("a: 'x", "the quoted text begun on line 1 is never closed"),
        ("a: `x", "put the value in quotes"),
        ("a:\n\tb: 1", "indent with spaces, not tabs"),
        ("a: *x", "'\\*x' refers to an anchor '&x' that is not defined above it"),
        ("a: &r [*r]", "'\\*r' refers to an anchor '&r'"),
        ("a: 1\n---\nb: 2", "more than one YAML document"),
        ("[1]: 2", "a mapping key must be plain text"),
        ('a: "\\q"', "unknown escape"),
        ("a: 1\x00", "the control character"),
    ],
)
def test_syntax_errors_in_plain_words(text: str, match: str) -> None:
    with pytest.raises(YAMLError, match=match) as info:
        load_yaml(text, file="t.yaml")
    message = str(info.value)
    assert message.startswith("t.yaml: line ")
    assert "expected <block end>" not in message and "did not find expected" not in message


# -- a Danish decimal comma inside [...] or {...} ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "line"),
    [
        # YAML alone reads these as ['2', '13 DKK/kWh', ...] and {price: '0', '6': None, ...}.
        ("price_path: [2,13 DKK/kWh, 2,20 DKK/kWh]", "2,13 DKK/kWh", 1),
        ("weights: {price: 0,6, design: 0,4}", "0,6", 1),
        ("a: 1\nescalation: {electricity: 1,67 %/year}", "1,67 %/year", 2),
        ("weights: [1,2,1]", "1,2", 1),
    ],
)
def test_a_decimal_comma_in_a_flow_collection_is_refused(text: str, number: str, line: int) -> None:
    from tco.views.error_text import error_text

    with pytest.raises(YAMLError) as info:
        load_yaml(text, file="t.yaml")
    said = str(info.value)
    assert said.startswith(f"t.yaml: line {line}, column ")
    assert f"the number '{number}' is split in two" in said
    assert f"put the value in quotes ('{number}')" in said
    assert f"tallet '{number}' deles i to" in error_text(info.value, "da")


def test_commas_between_entries_and_quoted_decimal_commas_read() -> None:
    assert load_yaml(
        "a: [1, 2, 1]\nb: {x: 1, y: 2}\nc: ['1,5', '2,5']\nd: [a,b]\ne: {k: 0,x: 1}"
    ) == {
        "a": [1, 2, 1],
        "b": {"x": 1, "y": 2},
        "c": ["1,5", "2,5"],
        "d": ["a", "b"],
        "e": {"k": 0, "x": 1},
    }
