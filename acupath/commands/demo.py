"""``acupath demo``: fill the database with a synthetic demo clinic."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from acupath.commands._output import print_json
from acupath.commands._records import context
from acupath.store.demo import build_demo


def register(app: typer.Typer) -> None:
    """Add the ``demo`` command."""
    app.command("demo")(demo)


def demo(
    patients: Annotated[int, typer.Option(min=1, max=5000, help="Number of patients.")] = 300,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same clinic).")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Create a deterministic SYNTHETIC demo clinic (invented patients, marked as such)."""
    ctx = context()
    result = build_demo(ctx.engine, patients=patients, seed=seed, actor=ctx.actor)
    if as_json:
        print_json(dataclasses.asdict(result))
        return
    state = "created" if result.created else "already present"
    print(
        f"SYNTHETIC DEMO DATA: {result.clinic} {state}: {result.patients} patients, "
        f"{result.courses} courses, {result.sessions} sessions, {result.responses} "
        f"questionnaires, {result.adverse_events} adverse events"
    )
    print("See it with: acupath report clinic")
