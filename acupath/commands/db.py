"""``acupath db``: create or migrate the database, back it up, restore a backup."""

from __future__ import annotations

from typing import Annotated

import typer

from acupath.commands._output import print_json
from acupath.commands._records import context, transaction
from acupath.store import audit, migrate
from acupath.store.backup import backup as run_backup
from acupath.store.backup import restore as run_restore
from acupath.store.engine import normalise_url

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
FileArg = Annotated[str, typer.Argument(help="Backup file.", metavar="FILE")]


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group."""
    group = typer.Typer(help="Database: migrate, back up, restore.", no_args_is_help=True)
    group.command("upgrade")(upgrade)
    group.command("backup")(backup)
    group.command("restore")(restore)
    app.add_typer(group, name="db")


def upgrade(as_json: JsonOpt = False) -> None:
    """Create the database or migrate it to the newest schema."""
    ctx = context()  # opening migrates
    url = normalise_url(ctx.settings.effective_database_url).render_as_string(hide_password=True)
    doc = {"database": url, "revision": migrate.current(ctx.engine), "head": migrate.head()}
    if as_json:
        print_json(doc)
    else:
        print(f"{doc['database']}: schema at revision {doc['revision']} (newest {doc['head']})")


def backup(file: FileArg, as_json: JsonOpt = False) -> None:
    """Write a consistent copy of the database to FILE (SQLite online backup or pg_dump)."""
    ctx = context()
    result = run_backup(ctx.engine, file)
    if as_json:
        print_json(vars(result))
    else:
        print(f"backup written to {result.path} ({result.bytes} bytes, {result.backend})")


def restore(file: FileArg, as_json: JsonOpt = False) -> None:
    """Replace the database with the backup in FILE, after checking that FILE is one."""
    ctx = context()
    result = run_restore(ctx.engine, file)
    with transaction(ctx) as db:
        audit.log(db=db, actor=ctx.actor, action="restore", entity="database", detail=vars(result))
    if as_json:
        print_json(vars(result))
    else:
        print(f"restored from {result.path}; schema at revision {result.revision}")
