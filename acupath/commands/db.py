"""``acupath db``: create or migrate the database, back it up, restore a backup, verify the
audit log, read it, and grant the PostgreSQL application role its rights."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from sqlalchemy import Engine

from acupath.commands._options import bounded
from acupath.commands._output import print_json
from acupath.commands._records import Context, context, transaction
from acupath.errors import AcupathError, InputError
from acupath.store import audit, audit_roles, migrate, open_database
from acupath.store.backup import backup as run_backup
from acupath.store.backup import integrity_ok
from acupath.store.backup import restore as run_restore
from acupath.store.engine import normalise_url
from acupath.store.models import AUDIT_ACTIONS, AUDIT_OUTCOMES

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
FileArg = Annotated[str, typer.Argument(help="Backup file.", metavar="FILE")]


class AuditLogTampered(AcupathError):
    """``db verify`` found the audit log changed or unguarded (exit 1)."""

    exit_code = 1


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group."""
    group = typer.Typer(
        help="Database: migrate, back up, restore, verify and read the audit log.",
        no_args_is_help=True,
    )
    group.command("upgrade")(upgrade)
    group.command("backup")(backup)
    group.command("restore")(restore)
    group.command("verify")(verify)
    group.command("audit")(audit_log)
    group.command("grant")(grant)
    app.add_typer(group, name="db")


def _owner(ctx: Context) -> Engine:
    """The engine of the schema owner: ACUPATH_MIGRATION_DATABASE_URL when set."""
    url = ctx.settings.migration_database_url
    return open_database(url) if url else ctx.engine


def upgrade(as_json: JsonOpt = False) -> None:
    """Create the database or migrate it to the newest schema."""
    ctx = context()  # opening migrates
    owner = _owner(ctx)
    url = normalise_url(ctx.settings.effective_database_url).render_as_string(hide_password=True)
    doc = {"database": url, "revision": migrate.current(owner), "head": migrate.head()}
    if as_json:
        print_json(doc)
    else:
        print(f"{doc['database']}: schema at revision {doc['revision']} (newest {doc['head']})")


def backup(file: FileArg, as_json: JsonOpt = False) -> None:
    """Write a consistent copy of the database to FILE (SQLite online backup or pg_dump)."""
    ctx = context()
    result = run_backup(ctx.engine, file)
    with transaction(ctx) as db:
        audit.log(db=db, actor=ctx.actor, action="backup", entity="database", detail=vars(result))
    if as_json:
        print_json(vars(result))
    else:
        print(f"backup written to {result.path} ({result.bytes} bytes, {result.backend})")


def restore(file: FileArg, as_json: JsonOpt = False) -> None:
    """Replace the database with the backup in FILE, after checking that FILE is one (schema,
    audit-log triggers, hash chain). Audit rows newer than the backup are kept."""
    ctx = context()
    result = run_restore(_owner(ctx), file)
    with transaction(ctx) as db:
        audit.log(db=db, actor=ctx.actor, action="restore", entity="database", detail=vars(result))
    if as_json:
        print_json(vars(result))
    else:
        print(
            f"restored from {result.path}; schema at revision {result.revision}; "
            f"{result.audit_rows_carried} newer audit rows kept"
        )


def verify(as_json: JsonOpt = False) -> None:
    """Check the database and its audit log: integrity, the log's guards (triggers; on
    PostgreSQL the app role's rights) and, on SQLite, the hash chain. Exit 1 on a problem."""
    ctx = context()
    problems = [] if integrity_ok(ctx.engine) else ["the database fails its integrity check"]
    problems += audit_roles.check(ctx.engine)
    rows = None
    if ctx.engine.dialect.name == "sqlite":
        with transaction(ctx) as db:
            report = audit.verify_chain(db)
        rows = report.rows
        problems += report.problems
    with transaction(ctx) as db:
        audit.log(
            db=db,
            actor=ctx.actor,
            action="verify",
            entity="database",
            outcome="ok" if not problems else "failed",
            detail={"problems": problems[:20]},
        )
    doc = {"ok": not problems, "audit_rows": rows, "problems": problems}
    if as_json:
        print_json(doc)
    elif not problems:
        print(f"database and audit log verified ({rows if rows is not None else 'all'} rows)")
    if problems:
        raise AuditLogTampered("; ".join(problems[:5]))


def _since(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError.invalid("--since", value, "a date written YYYY-MM-DD") from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def audit_log(
    patient: Annotated[
        int | None,
        typer.Option(help="Only rows about this patient id.", callback=bounded()),
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Only rows by this user.")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action (sign_in, read...).")] = None,
    outcome: Annotated[str | None, typer.Option(help="ok, denied, failed or error.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    limit: Annotated[
        int,
        typer.Option(
            help="At most this many rows (newest first).", callback=bounded(what="a count")
        ),
    ] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Read the audit log, newest first."""
    if patient is not None and not 0 < patient < 2**31:
        raise InputError.invalid("--patient", patient, "a patient id from 1 to 2^31-1")
    if action is not None and action not in AUDIT_ACTIONS:
        raise InputError.invalid("--action", action, "one of: " + ", ".join(AUDIT_ACTIONS))
    if outcome is not None and outcome not in AUDIT_OUTCOMES:
        raise InputError.invalid("--outcome", outcome, "one of: " + ", ".join(AUDIT_OUTCOMES))
    if not 0 < limit <= 10_000:
        raise InputError.invalid("--limit", limit, "1 to 10000")
    ctx = context()
    with transaction(ctx) as db:
        rows = [
            audit.entry_json(r)
            for r in audit.entries(
                db=db,
                patient_id=patient,
                actor=actor,
                action=action,
                outcome=outcome,
                since=_since(since),
                limit=limit,
            )
        ]
    if as_json:
        print_json({"entries": rows})
        return
    for r in rows:
        what = f"{r['entity']} {r['entity_id'] or ''}".strip()
        where = f"clinic {r['clinic_id']}" if r["clinic_id"] is not None else ""
        print(
            f"{r['id']:>7} {r['at']} {r['actor']:<16} {r['action']:<12} {r['outcome']:<7} "
            f"{what:<24} {where} {r['address'] or ''}".rstrip()
        )


def grant(
    role: Annotated[str, typer.Argument(help="The PostgreSQL role the app connects as.")],
) -> None:
    """PostgreSQL: give the application role its rights, with INSERT and SELECT only on the
    audit log (run as the schema owner: ACUPATH_MIGRATION_DATABASE_URL or the database URL)."""
    ctx = context()
    statements = audit_roles.grant_app_role(_owner(ctx), role)
    print(f"granted {role}: {len(statements)} statements; audit_log: SELECT, INSERT only")
