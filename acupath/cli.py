"""The ``acupath`` command: one Typer application assembled from ``acupath.commands``.

Each module in :mod:`acupath.commands` that defines ``register(app)`` adds its commands, so a
domain's command line lives beside the others without editing this file. ``main`` maps the
exception tree of :mod:`acupath.errors` to exit codes in one place: 0 success, 2 bad input
(one line on stderr, no traceback), 1 internal error.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

import typer

import acupath.commands
from acupath.errors import AcupathError


def build_app() -> typer.Typer:
    """Create the application and let every command module register its commands."""
    app = typer.Typer(
        name="acupath",
        help="Evidence-grounded acupuncture for pain care: ask, evidence, plan, track.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for info in sorted(pkgutil.iter_modules(acupath.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"acupath.commands.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 2 bad input, 1 internal error).

    Typer handles its own usage errors (unknown option, missing argument: exit 2). Errors from
    acupath's exception tree print one line on stderr and exit with the code their class sets.
    """
    app = build_app()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=args, prog_name="acupath")
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
