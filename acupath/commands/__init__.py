"""Thin command-line adapters, one module per domain.

Each module defines ``register(app: typer.Typer) -> None`` and is found by
:func:`acupath.cli.build_app`; modules whose names start with ``_`` are helpers. Commands
parse arguments, call the pure core, and print (a Rich table by default, one JSON document
with ``--json``). They raise :class:`acupath.errors.InputError` for bad input and never
catch it themselves: the exit code is decided once, in :func:`acupath.cli.main`.
"""
