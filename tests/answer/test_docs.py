"""The commands in docs/ask.md run (STYLE.md practice 14: tested docs)."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from acupath.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "ask.md").read_text(encoding="utf-8")


def doc_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(".venv/bin/acupath ")]


def test_doc_has_examples() -> None:
    assert len(doc_commands()) >= 5


@pytest.mark.parametrize("command", doc_commands())
def test_doc_command_runs(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    os.environ.setdefault("COLUMNS", "120")
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip()
