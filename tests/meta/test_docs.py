"""docs/meta.md stays true: its commands run, and its table quotes the stored findings."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from acupath.cli import main
from acupath.evidence.loader import bundled_base

DOC = (Path(__file__).resolve().parents[2] / "docs" / "meta.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC, flags=re.S)
    return [ln.strip() for b in blocks for ln in b.splitlines() if ln.startswith(".venv/bin/")]


def test_docs_have_commands() -> None:
    assert len(commands()) >= 3


@pytest.mark.parametrize("command", commands())
def test_doc_command_runs(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv = re.search(r"```csv\n(.*?)```", DOC, flags=re.S)
    assert csv is not None
    (tmp_path / "bcg.csv").write_text(csv.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip()


def test_doc_table_quotes_the_computed_findings() -> None:
    for f in bundled_base().findings.values():
        if f.provenance != "computed":
            continue
        assert f"`{f.id}`" in DOC
        if f.measure == "MD":
            assert (
                f"MD {f.estimate:.2f} ({f.ci_lower:.2f} to {f.ci_upper:.2f})".replace("-", "−")
                in DOC
            )
        if f.measure == "RD":
            assert f"RD {100 * f.estimate:.1f}%" in DOC


def test_doc_images_exist() -> None:
    for name in re.findall(r"\]\((img/[^)]+\.png)\)", DOC):
        assert (Path(__file__).resolve().parents[2] / "docs" / name).stat().st_size > 20_000
