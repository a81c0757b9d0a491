"""Backup and restore: SQLite's online backup API, PostgreSQL's pg_dump and pg_restore.

Both refuse a file that is not a backup of an acupath database, before anything is changed:

- SQLite: the file must open as SQLite, pass ``PRAGMA integrity_check`` and carry an Alembic
  revision this version knows. The copy into the live database is one backup-API step, so
  readers see the old or the new database, never a mixture; after it the database is checked
  again and migrated to the newest schema if the backup was older.
- PostgreSQL: ``pg_restore --list`` must read the archive; the restore runs with
  ``--single-transaction``, so a failure rolls everything back.

A backup is written to a temporary file beside the target and renamed into place once
complete and verified, so an interrupted backup never leaves a half-written file under the
name asked for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from acupath.errors import AcupathError, InputError
from acupath.store import migrate
from acupath.store.engine import is_sqlite


@dataclass(frozen=True)
class BackupResult:
    """What a backup or restore did."""

    path: str
    backend: str
    revision: str | None
    bytes: int


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
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)
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
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(str(dest), backend, revision, dest.stat().st_size)


def restore(engine: Engine, src: Path | str) -> BackupResult:
    """Replace the live database with the backup ``src`` (checked first; see module docstring)."""
    src = Path(src)
    if is_sqlite(engine):
        _check_sqlite_file(src)
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
    return BackupResult(str(src), backend, revision, src.stat().st_size)


def integrity_ok(engine: Engine) -> bool:
    """SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``; PostgreSQL: connects."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            ok = conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            fk = conn.execute(text("PRAGMA foreign_key_check")).first() is None
            return ok and fk
        return conn.execute(text("SELECT 1")).scalar() == 1
