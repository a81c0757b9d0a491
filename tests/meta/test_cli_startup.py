"""The command line starts without the heavy libraries, and its lazy command table is right."""

from __future__ import annotations

import json
import subprocess
import sys
from unittest import mock

import pytest

import acupath.cli as cli

HEAVY = ("scipy", "matplotlib", "sqlalchemy", "fastapi", "bm25s", "numpy", "pydantic", "yaml")


def imported_after(code: str) -> list[str]:
    """Top-level packages from HEAVY imported by a fresh interpreter running ``code``."""
    probe = (
        f"{code}\nimport sys, json\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=120
    )
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_imports_no_heavy_library() -> None:
    assert imported_after("import acupath.cli") == []


def test_the_start_up_helpers_import_no_heavy_library() -> None:
    """The knowledge-base cache is imported by every loader; it must stay light."""
    assert imported_after("import acupath.cli, acupath.kbcache") == []
    assert imported_after("import acupath.commands._meta_options") == []
    assert imported_after("import acupath.bm25") == []


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "acupuncture for chronic low back pain", "--json"],
        ["ask", "is acupuncture safe for my knee? I take apixaban", "--audience", "patient"],
    ],
)
def test_ask_imports_neither_numpy_nor_scipy(args: list[str]) -> None:
    """BM25 runs in plain Python and the reading grade needs no textstat (which imports SciPy)."""
    code = (
        "import contextlib, io\nfrom acupath.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({args!r}) == 0\n"
    )
    heavy = imported_after(code)
    assert not {"bm25s", "scipy", "numpy"} & set(heavy), heavy


def test_help_lists_every_command_without_importing_any() -> None:
    code = (
        "import contextlib, io\nfrom acupath.cli import main\nbuf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n    main(['--help'])\n"
        "text = buf.getvalue()\n"
        "assert all(name in text for name in " + repr(sorted(cli.COMMANDS)) + "), text"
    )
    assert imported_after(code) == []


def test_the_command_table_matches_what_the_modules_register() -> None:
    """COMMANDS must name every command with its module and one-line help; after adding or
    renaming a command (or changing its docstring's first line), update COMMANDS in cli.py."""
    found: dict[str, tuple[str, str]] = {}
    for module in cli.command_modules():
        for name, command in cli.module_commands(module).items():
            found[name] = (module, command.get_short_help_str(limit=300))
    assert found == cli.COMMANDS


def test_a_command_missing_from_the_table_is_still_found(
    capsys: pytest.CaptureFixture[str],
) -> None:
    table = {k: v for k, v in cli.COMMANDS.items() if k != "points"}
    with mock.patch.object(cli, "COMMANDS", table):
        code = cli.main(["points", "BL23", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "BL23" in json.dumps(json.loads(out))


def test_unknown_command_and_no_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["no-such-command"]) == 2
    assert "No such command" in capsys.readouterr().err
    assert cli.main([]) == 2


def test_build_app_still_registers_every_command() -> None:
    from typer.main import get_command

    names = set(get_command(cli.build_app()).commands)  # type: ignore[attr-defined]
    assert names == set(cli.COMMANDS)


def test_answering_imports_neither_the_claim_audit_nor_planning() -> None:
    """A question needs the screen, not the claim audit's judges or the course planner."""
    code = (
        "import sys\nfrom acupath.answer import ask\n"
        "ask('Acupuncture cures fibromyalgia, right?')\n"
        "ask('My patient on apixaban, 10 weeks pregnant, knee OA: safe?', audience='patient')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('acupath.answer.audit',"
        " 'acupath.answer.claim', 'acupath.care.planning', 'acupath.care.protocols'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
