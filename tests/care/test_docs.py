"""docs/care.md is tested (STYLE.md practice 14): its commands run, its YAML is valid, and it
lists every rule, protocol and policy threshold acupath ships."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from acupath.care.intake import parse_intake
from acupath.care.policy import default_policy
from acupath.care.protocols import bundled_protocols
from acupath.care.screening import bundled_rules
from acupath.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "care.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC, flags=re.S)
    return [
        ln.strip()
        for b in blocks
        for ln in b.splitlines()
        if ln.strip().startswith(".venv/bin/acupath ")
    ]


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)


@pytest.mark.parametrize("command", commands())
def test_doc_commands_run(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out.strip()


def test_doc_intake_example_is_valid() -> None:
    intake = parse_intake(yaml.safe_load(yaml_blocks()[0]))
    assert intake.age == 58 and intake.lymphedema == ("left_arm",)


def test_doc_policy_example_is_valid(tmp_path: Path) -> None:
    from acupath.care.policy import load_policy

    path = tmp_path / "policy.yaml"
    path.write_text(yaml_blocks()[1])
    assert load_policy(path).value("inr_defer_above") == 3.5


def test_doc_lists_every_rule_protocol_and_threshold() -> None:
    for rule in bundled_rules():
        assert f"`{rule.id}`" in DOC, rule.id
    for pid in bundled_protocols():
        assert f"`{pid}`" in DOC, pid
    for tid in default_policy().thresholds:
        assert f"`{tid}`" in DOC, tid
