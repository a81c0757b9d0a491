"""Issue 12: hostile user files (alias bombs, deep nesting, binary bytes, huge files) are bad
input (an InputError naming the file, exit 2 with one line on stderr), never a crash or a
minutes-long stall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acupath.care.intake import read_intake
from acupath.cli import main
from acupath.errors import InputError
from acupath.fhir.imports import read_bundle_file
from acupath.userfiles import MAX_ALIASES, read_user_data

# 415 bytes that stand for 9**9 (387 million) strings once the aliases are expanded.
ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

# Few aliases, each doubling: 2**40 values from 80 aliases, under the alias-count limit.
DOUBLING = "a0: &a0 [x, x]\n" + "".join(
    f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 41)
)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data)
    return path


@pytest.mark.parametrize("text", [ALIAS_BOMB, DOUBLING], ids=["ninefold", "doubling"])
def test_alias_bomb_is_refused_naming_the_file(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "bomb.yaml", text)
    with pytest.raises(InputError) as info:
        read_intake(path)
    assert str(path) in str(info.value)
    assert "alias" in str(info.value)
    assert info.value.field == "PATIENT"


def test_more_aliases_than_the_limit_are_refused(tmp_path: Path) -> None:
    text = "x: &x 1\nitems: [" + ", ".join(["*x"] * (MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(InputError, match="aliases"):
        read_user_data(write(tmp_path, "many.yaml", text), "FILE", "YAML file")


def test_a_few_harmless_anchors_still_load(tmp_path: Path) -> None:
    text = "base: &base {side: left}\nfirst: *base\nsecond: *base\n"
    data = read_user_data(write(tmp_path, "ok.yaml", text), "FILE", "YAML file")
    assert data["second"] == {"side": "left"}


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n", "nest"),
        ("deep.json", '{"a": ' + "[" * 5000 + "]" * 5000 + "}", "nest"),
        ("deep-shallow-limit.json", '{"a": ' + "[" * 100 + "]" * 100 + "}", "nest"),
        ("binary.yaml", b"age: 40\n\xff\xfe\x00\x81garbage", "UTF-8"),
    ],
)
def test_deep_and_binary_files_are_input_errors(
    tmp_path: Path, name: str, data: str | bytes, fragment: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_intake(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACUPATH_MAX_FILE_BYTES", "100")
    path = write(tmp_path, "big.yaml", "age: 40\n" + "# padding\n" * 20)
    with pytest.raises(InputError, match="at most 100 bytes"):
        read_intake(path)


@pytest.mark.parametrize(
    ("command", "name", "data"),
    [
        ("screen", "bomb.yaml", ALIAS_BOMB),
        ("plan", "bomb.yaml", ALIAS_BOMB),
        ("screen", "deep.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("screen", "deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("screen", "binary.yaml", bytes(range(256))),
        ("plan", "binary.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ],
)
def test_command_line_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
    data: str | bytes,
) -> None:
    path = write(tmp_path, name, data)
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(path) in err


def test_fhir_bundle_deep_or_binary_is_input_error(tmp_path: Path) -> None:
    deep = write(tmp_path, "deep.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(InputError, match="nest"):
        read_bundle_file(deep)
    binary = write(tmp_path, "bundle.json", b"\xff\xfe{}")
    with pytest.raises(InputError, match="UTF-8"):
        read_bundle_file(binary)
    fine = write(tmp_path, "other.json", json.dumps({"resourceType": "Patient"}))
    with pytest.raises(InputError, match="Bundle"):
        read_bundle_file(fine)
