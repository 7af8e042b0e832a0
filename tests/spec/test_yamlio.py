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
