"""The ``acupath`` command: commands from ``acupath.commands``, each loaded only when it runs.

Each module in :mod:`acupath.commands` that defines ``register(app)`` adds its commands, so a
domain's command line lives beside the others. Importing every module at start-up would pull
in SciPy, matplotlib, SQLAlchemy and the web stack for every command, ``acupath --help``
included (about two seconds); so the command line is a :class:`LazyGroup` that knows the
commands' names, modules and one-line help from :data:`COMMANDS` and imports a module only when
one of its commands is run (or its own ``--help`` is asked for). A name missing from
:data:`COMMANDS` is still found: the group then imports every module and looks again.
``tests/meta/test_cli_startup.py`` checks that :data:`COMMANDS` matches what the modules register.

``main`` maps the exception tree of :mod:`acupath.errors` to exit codes in one place: 0
success, 2 bad input (one line on stderr, no traceback), 1 internal error.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperGroup

import acupath.commands
from acupath.errors import AcupathError

HELP = "Evidence-grounded acupuncture for pain care: ask, evidence, plan, track."

COMMANDS: dict[str, tuple[str, str]] = {
    "ask": ("ask", "Answer a question from the evidence base, every figure cited and verified."),
    "check": (
        "ask",
        "Judge each claim of a text on the evidence: supported, partly supported, contradicted, "
        "unsupported or unverified, with the deciding record.",
    ),
    "db": ("db", "Database: migrate, back up, restore, verify and read the audit log."),
    "demo": (
        "demo",
        "Create a deterministic SYNTHETIC demo clinic (invented patients, marked as such).",
    ),
    "evidence": ("evidence", "Browse the evidence base."),
    "export": ("fhir", "Export records."),
    "import": ("fhir", "Import records."),
    "meta": ("meta", "Pool the studies in FILE (random effects by default) as R's metafor would."),
    "patient": ("patient", "Patients: add, list, show."),
    "plan": ("care", "Screen a patient, then propose a course from a published trial protocol."),
    "points": (
        "points",
        "List points (filtered by meridian, region, caution or text) or show one point's card.",
    ),
    "report": ("report", "Outcome reports."),
    "screen": (
        "care",
        "Screen a patient for red flags, contraindications and cautions before acupuncture.",
    ),
    "serve": (
        "serve",
        "Start the clinic web app on SQLite (or ACUPATH_DATABASE_URL) and print its address.",
    ),
    "session": ("session", "Treatment sessions."),
    "user": ("user", "Web app accounts: add users, set passwords, make API tokens."),
}
"""Command name -> (module in :mod:`acupath.commands`, one-line help shown by ``--help``)."""


def command_modules() -> list[str]:
    """Names of the modules in :mod:`acupath.commands` that may register commands."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(acupath.commands.__path__)
        if not info.name.startswith("_")
    )


def register_module(app: typer.Typer, name: str) -> None:
    """Import ``acupath.commands.NAME`` and let it add its commands to ``app``."""
    module = importlib.import_module(f"acupath.commands.{name}")
    register = getattr(module, "register", None)
    if callable(register):
        register(app)


def module_commands(name: str) -> dict[str, click.Command]:
    """The click commands that module ``name`` registers, by command name."""
    from typer.main import get_group

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    register_module(app, name)
    if not (app.registered_commands or app.registered_groups):
        return {}
    return dict(get_group(app).commands)


class LazyGroup(TyperGroup):
    """A click group that imports a command's module only when the command is needed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._loaded: set[str] = set()

    def _load(self, module: str) -> None:
        if module in self._loaded:
            return
        self._loaded.add(module)
        for name, command in module_commands(module).items():
            self.commands.setdefault(name, command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            entry = COMMANDS.get(cmd_name)
            if entry is not None:
                self._load(entry[0])
            if cmd_name not in self.commands:
                for module in command_modules():  # a command not (yet) listed in COMMANDS
                    self._load(module)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List every command with its one-line help, without importing any module."""
        rows = []
        for name in self.list_commands(ctx):
            if name in COMMANDS:
                rows.append((name, COMMANDS[name][1]))
            else:
                command = self.commands[name]
                if not command.hidden:
                    rows.append((name, command.get_short_help_str(limit=300)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def build_cli() -> LazyGroup:
    """The ``acupath`` command line with lazily loaded commands."""
    return LazyGroup(name="acupath", help=HELP, no_args_is_help=True, rich_markup_mode=None)


def build_app() -> typer.Typer:
    """A Typer application with every command registered at once (for tests and tools that
    inspect all commands; the command line itself loads them lazily, see :func:`build_cli`)."""
    app = typer.Typer(
        name="acupath",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for name in command_modules():
        register_module(app, name)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 2 bad input, 1 internal error).

    click handles its own usage errors (unknown option, missing argument: exit 2). Errors from
    acupath's exception tree print one line on stderr and exit with the code their class sets.
    """
    cli = build_cli()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="acupath", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except AcupathError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("ACUPATH_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (set ACUPATH_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return 1
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
