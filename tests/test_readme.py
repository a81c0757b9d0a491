"""The README's commands run (STYLE.md practice 14: tested docs).

Every ``.venv/bin/acupath ...`` line in a shell block of the README is run through
:func:`acupath.cli.main` and must exit 0. The two set-up targets must exist in the Makefile and
``.ci/run`` must call exactly the README's test command.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from acupath.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(".venv/bin/acupath ")]


def test_readme_has_acupath_examples() -> None:
    assert readme_commands()


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = shlex.split(command)[1:]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip()


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.M)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, flags=re.M)
    assert re.search(r"^test:", makefile, flags=re.M)


def test_every_command_is_documented() -> None:
    """Each top-level command appears as ``acupath NAME`` in the README or in docs/."""
    from typer.main import get_command

    from acupath.cli import build_app

    text = README + "".join(p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md"))
    names = sorted(get_command(build_app()).commands)  # type: ignore[attr-defined]
    assert len(names) >= 10
    missing = [name for name in names if f"acupath {name}" not in text]
    assert not missing, f"undocumented commands: {missing}"
