"""Backup and restore: SQLite's online backup API, PostgreSQL's pg_dump and pg_restore.

Both refuse a file that is not a backup of an acupath database, before anything is changed:

- SQLite: the file must open as SQLite, pass ``PRAGMA integrity_check``, carry an Alembic
  revision this version knows, have the audit log's triggers and (from revision 0002) an
  unbroken audit hash chain. The copy into the live database is one backup-API step, so
  readers see the old or the new database, never a mixture; after it the database is checked
  again and migrated to the newest schema if the backup was older.
- PostgreSQL: ``pg_restore --list`` must read the archive and list the audit log's trigger and
  trigger function; the restore runs with ``--single-transaction``, so a failure rolls
  everything back.

Restoring an older backup never loses the audit rows written since: the live rows newer than
the backup's last row are appended to the restored log again (their ``detail`` names the
original row), and the result says how many.

A backup is written to a private (``0600``) temporary file beside the target and renamed into
place once complete and verified, so an interrupted backup never leaves a half-written file
under the name asked for; temporary files of earlier interrupted runs are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text

from acupath.errors import AcupathError, InputError
from acupath.store import audit, audit_roles, migrate
from acupath.store.engine import is_sqlite, private_folder, write_session
from acupath.store.models import AuditEntry


@dataclass(frozen=True)
class BackupResult:
    """What a backup or restore did."""

    path: str
    backend: str
    revision: str | None
    bytes: int
    audit_rows_carried: int = 0


def _known_revisions() -> set[str]:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    return {rev.revision for rev in scripts.walk_revisions()}


def _check_sqlite_file(path: Path) -> str:
    """Open ``path`` read-only and return its revision, or raise :class:`InputError`."""
    if not path.is_file():
        raise InputError.invalid("FILE", str(path), "an existing backup file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError.invalid("FILE", str(path), f"an SQLite backup ({exc})") from None
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()
        if not result or result[0] != "ok":
            raise InputError.invalid("FILE", str(path), f"a sound SQLite file ({result})")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        chained = row is not None and row[0] != "0001"
        missing = [
            t for t in audit_roles.SQLITE_TRIGGERS[: 4 if chained else 2] if t not in triggers
        ]
        if row is not None and missing:
            raise InputError.invalid(
                "FILE", str(path), f"a backup whose audit log is guarded (missing: {missing})"
            )
        if chained:
            _check_chain(conn, path)
    except sqlite3.DatabaseError as exc:
        raise InputError.invalid(
            "FILE", str(path), f"a backup of an acupath database ({exc})"
        ) from None
    finally:
        conn.close()
    if row is None or row[0] not in _known_revisions():
        raise InputError.invalid(
            "FILE", str(path), "a backup of an acupath database at a known schema revision"
        )
    return str(row[0])


def _check_chain(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a backup whose audit hash chain is broken (rows changed, removed or inserted)."""
    prev = audit.GENESIS
    expected: int | None = None
    conn.row_factory = sqlite3.Row
    try:
        for raw in conn.execute("SELECT * FROM audit_log ORDER BY id"):
            names = [k for k in raw.keys() if k not in ("hash", "prev_hash")]  # noqa: SIM118
            entry = AuditEntry(**{k: raw[k] for k in names})
            if isinstance(entry.detail, str):
                entry.detail = json.loads(entry.detail)
            if isinstance(entry.at, str):
                entry.at = dt.datetime.fromisoformat(entry.at)
            broken = (expected is not None and raw["id"] != expected) or raw["prev_hash"] != prev
            if broken or raw["hash"] != audit.row_hash(prev, entry):
                raise InputError.invalid(
                    "FILE", str(path), f"a backup with an intact audit log (row {raw['id']})"
                )
            prev = raw["hash"]
            expected = raw["id"] + 1
    finally:
        conn.row_factory = None


def _private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (SQLite and pg_dump keep the mode they find)."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _clear_leftovers(dest: Path) -> None:
    for stale in dest.parent.glob(f".{dest.name}.partial*"):
        stale.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _raw_sqlite(engine: Engine) -> Iterator[sqlite3.Connection]:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        yield raw


def _pg_env(engine: Engine) -> tuple[list[str], dict[str, str]]:
    """libpq connection arguments for pg_dump/pg_restore; the password goes by environment."""
    url = engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = ["--dbname", str(url.database)]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    return args, env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    if shutil.which(cmd[0]) is None:
        raise AcupathError(f"{cmd[0]} not found: install the PostgreSQL client to {what}")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise AcupathError(
            f"{cmd[0]} failed to {what}: {detail[-1] if detail else proc.returncode}"
        )


def backup(engine: Engine, dest: Path | str) -> BackupResult:
    """Write a consistent copy of the live database to ``dest`` (online: writers may go on)."""
    dest = Path(dest)
    if dest.is_dir():
        raise InputError.invalid("FILE", str(dest), "a file path, not a folder")
    if not dest.parent.exists():
        private_folder(dest.parent)
    tmp = dest.with_name(f".{dest.name}.partial")
    _clear_leftovers(dest)
    _private_file(tmp)
    try:
        if is_sqlite(engine):
            with _raw_sqlite(engine) as raw:
                target = sqlite3.connect(tmp)
                try:
                    raw.backup(target)
                finally:
                    target.close()
            revision: str | None = _check_sqlite_file(tmp)
            backend = "sqlite"
        else:
            args, env = _pg_env(engine)
            _run(["pg_dump", "--format=custom", "--file", str(tmp), *args], env, "back up")
            revision = migrate.current(engine)
            backend = "postgresql"
        _fsync(tmp)
        os.replace(tmp, dest)
        _fsync(dest.parent)
    finally:
        _clear_leftovers(dest)
    return BackupResult(str(dest), backend, revision, dest.stat().st_size)


def _live_audit_rows(engine: Engine, after_id: int) -> list[dict[str, Any]]:
    with write_session(engine) as db:
        rows = db.scalars(
            select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
        )
        return [
            {
                "id": r.id,
                "at": r.at,
                "actor": r.actor,
                "action": r.action,
                "entity": r.entity,
                "entity_id": r.entity_id,
                "patient_id": r.patient_id,
                "clinic_id": r.clinic_id,
                "address": r.address,
                "outcome": r.outcome,
                "request_id": r.request_id,
                "detail": r.detail,
            }
            for r in rows
        ]


def _carry_over(engine: Engine, rows: list[dict[str, Any]]) -> int:
    """Append the live audit rows newer than the backup to the restored log."""
    if not rows:
        return 0
    with write_session(engine) as db:
        last = db.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
        carried = [r for r in rows if r["id"] > last]
        for r in carried:
            detail = {
                "carried_over_from": r["id"],
                "original_at": str(r["at"]),
                **(r["detail"] or {}),
            }
            audit.log(
                db=db,
                actor=r["actor"],
                action=r["action"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                patient_id=r["patient_id"],
                clinic_id=r["clinic_id"],
                address=r["address"],
                outcome=r["outcome"] or "ok",
                request_id=r["request_id"],
                detail=detail,
            )
    return len(carried)


def _sqlite_last_audit_id(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


def restore(engine: Engine, src: Path | str) -> BackupResult:
    """Replace the live database with the backup ``src`` (checked first; see module docstring)."""
    src = Path(src)
    if is_sqlite(engine):
        _check_sqlite_file(src)
        newer = _live_audit_rows(engine, _sqlite_last_audit_id(src))
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            engine.dispose()  # no pooled connection may keep pages of the old database
            with _raw_sqlite(engine) as raw:
                source.backup(raw)
                ok = raw.execute("PRAGMA integrity_check").fetchone()
                if not ok or ok[0] != "ok":
                    raise AcupathError(f"restored database failed its integrity check: {ok}")
        finally:
            source.close()
        engine.dispose()
        backend = "sqlite"
    else:
        if not src.is_file():
            raise InputError.invalid("FILE", str(src), "an existing backup file")
        args, env = _pg_env(engine)
        check = subprocess.run(
            ["pg_restore", "--list", str(src)], capture_output=True, text=True, check=False
        )
        if check.returncode != 0 or "alembic_version" not in check.stdout:
            raise InputError.invalid(
                "FILE", str(src), "a pg_dump archive (custom format) of an acupath database"
            )
        listing = check.stdout
        if "TRIGGER public audit_log audit_log_append_only" not in listing or (
            "FUNCTION public audit_log_append_only()" not in listing
        ):
            raise InputError.invalid(
                "FILE", str(src), "a backup whose audit log keeps its append-only trigger"
            )
        newer = _live_audit_rows(engine, 0)
        engine.dispose()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--no-owner",
                "--exit-on-error",
                *args,
                str(src),
            ],
            env,
            "restore",
        )
        engine.dispose()
        backend = "postgresql"
    revision = migrate.upgrade(engine)
    carried = _carry_over(engine, newer)
    return BackupResult(str(src), backend, revision, src.stat().st_size, carried)


def integrity_ok(engine: Engine) -> bool:
    """SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``; PostgreSQL: connects."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            ok = conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            fk = conn.execute(text("PRAGMA foreign_key_check")).first() is None
            return ok and fk
        return conn.execute(text("SELECT 1")).scalar() == 1
