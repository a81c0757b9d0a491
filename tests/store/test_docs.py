"""docs/records.md is tested: its commands run in order, and every setting is documented (in
docs/records.md or, for the security settings, docs/security.md)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from acupath.cli import main
from acupath.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOC = (DOCS / "records.md").read_text(encoding="utf-8")
SECURITY_DOC = (DOCS / "security.md").read_text(encoding="utf-8")


def doc_commands() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC, flags=re.S)
    lines = [line.split(" #")[0].strip() for b in blocks for line in b.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("acupath ")]


def test_doc_commands_run_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACUPATH_DATABASE_URL", f"sqlite:///{tmp_path / 'docs.db'}")
    commands = doc_commands()
    assert len(commands) >= 15
    for args in commands:
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 0, f"acupath {' '.join(args)}: {err}"
        assert out.strip()
    assert (tmp_path / "clinic.png").exists() and (tmp_path / "patient301.json").exists()


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"ACUPATH_{name.upper()}" in DOC + SECURITY_DOC
