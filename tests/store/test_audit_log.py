"""The audit log cannot be rewritten by the application, and restores never lose newer rows.

PostgreSQL: the app connects as a role that may only INSERT and SELECT the log; every rewrite
the issue found (UPDATE, DELETE, TRUNCATE, DISABLE TRIGGER, replacing the trigger function,
dropping the trigger) is refused. SQLite: the triggers refuse rewrites (``INSERT OR
REPLACE`` too), and what a trigger cannot stop (dropping it first) ``acupath db verify``
detects through the hash chain.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from acupath.cli import main
from acupath.errors import InputError
from acupath.store import audit, audit_roles, open_database, write_session
from acupath.store.backup import backup, restore
from acupath.store.engine import normalise_url
from acupath.store.models import AuditEntry
from tests.store.backends import postgres_url, reset_postgres
from tests.store.helpers import add_patient


def _log(engine: Engine, n: int, actor: str = "ana") -> None:
    with write_session(engine) as db:
        for i in range(n):
            audit.log(db=db, actor=actor, action="read", entity="patient", patient_id=i + 1)


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


@pytest.fixture
def pg_roles() -> Iterator[tuple[str, str]]:
    """(owner URL, app-role URL) on a fresh database; the app role is made here (CI's cluster
    has only the superuser)."""
    owner_url = postgres_url()
    reset_postgres(owner_url)
    parsed = make_url(owner_url)
    role = re.sub(r"[^a-z0-9_]", "_", f"acupath_app_{parsed.database}".lower())[:60]
    admin = create_engine(normalise_url(owner_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        if exists.first() is None:
            conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    admin.dispose()
    owner = open_database(owner_url)
    audit_roles.grant_app_role(owner, role)
    owner.dispose()
    yield owner_url, parsed.set(username=role).render_as_string(hide_password=False)


def test_postgres_app_role_cannot_rewrite_the_log(pg_roles: tuple[str, str]) -> None:
    owner_url, app_url = pg_roles
    app = open_database(app_url, upgrade=False)
    try:
        add_patient(app)  # the app role does its ordinary work, audit rows included
        _log(app, 3)
        before = _count(app)
        assert before >= 3
        attacks = [
            "UPDATE audit_log SET actor = 'nobody'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
            "DROP TRIGGER audit_log_append_only ON audit_log",
            "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
            "INSERT INTO audit_log (id, at, actor, action, entity, outcome) "
            "SELECT id, at, 'x', 'read', 'x', 'ok' FROM audit_log LIMIT 1 "
            "ON CONFLICT (id) DO UPDATE SET actor = 'x'",
        ]
        for attack in attacks:
            with pytest.raises(DBAPIError), app.begin() as conn:
                conn.execute(text(attack))
        assert _count(app) == before
        assert audit_roles.check(app) == []
    finally:
        app.dispose()
    owner = open_database(owner_url, upgrade=False)
    try:  # connected as the owner, verify says the app could rewrite the log
        assert any("owner" in p for p in audit_roles.check(owner))
    finally:
        owner.dispose()


def test_app_runs_as_the_restricted_role(
    pg_roles: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    owner_url, app_url = pg_roles
    monkeypatch.setenv("ACUPATH_DATABASE_URL", app_url)
    monkeypatch.setenv("ACUPATH_MIGRATION_DATABASE_URL", owner_url)
    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ACUPATH_PASSWORD", "correct horse battery")
    assert main(["user", "add", "root", "--role", "admin"]) == 0
    assert main(["db", "verify", "--json"]) == 0
    assert '"ok": true' in capsys.readouterr().out


def test_sqlite_triggers_refuse_rewrites_and_verify_detects_a_dropped_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "acupath.db"
    engine = open_database(f"sqlite:///{path}")
    _log(engine, 5)
    engine.dispose()
    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ACUPATH_DATABASE_URL", raising=False)
    assert main(["db", "verify"]) == 0
    raw = sqlite3.connect(path)
    for attack in (
        "UPDATE audit_log SET actor = 'nobody'",
        "DELETE FROM audit_log",
        "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, outcome, prev_hash, "
        "hash) SELECT id, at, 'x', 'read', 'x', 'ok', prev_hash, hash FROM audit_log LIMIT 1",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            raw.execute(attack)
        raw.rollback()
    # What a trigger cannot stop: drop it, then rewrite. Verify notices both.
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DELETE FROM audit_log WHERE id = 2")
    raw.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 4")
    raw.commit()
    raw.close()
    capsys.readouterr()
    assert main(["db", "verify"]) == 1
    err = capsys.readouterr().err
    assert "audit_log_no_delete is missing" in err
    assert "rows 2..2 are missing" in err or "row 3" in err
    assert "row 4" in err


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_restore_keeps_newer_audit_rows_and_refuses_unguarded_backups(
    backend: str, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}" if backend == "sqlite" else postgres_url()
    if backend == "postgresql":
        reset_postgres(url)
    engine = open_database(url)
    try:
        _log(engine, 4, actor="before")
        old = tmp_path / "old.bak"
        backup(engine, old)
        _log(engine, 3, actor="after")  # written after the backup
        result = restore(engine, old)
        assert result.audit_rows_carried == 3
        with engine.connect() as conn:
            actors = list(conn.execute(select(AuditEntry.actor).order_by(AuditEntry.id)).scalars())
        assert actors.count("after") == 3 and actors.count("before") == 4
        if backend == "sqlite":
            with write_session(engine) as db:
                assert audit.verify_chain(db).ok
            doctored = tmp_path / "doctored.db"
            shutil.copy(old, doctored)
            raw = sqlite3.connect(doctored)
            raw.execute("DROP TRIGGER audit_log_no_update")
            raw.commit()
            raw.close()
        else:
            with engine.begin() as conn:
                conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
            doctored = tmp_path / "doctored.bak"
            backup(engine, doctored)
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "
                        "audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
                    )
                )
        before = _count(engine)
        with pytest.raises(InputError, match="audit log"):
            restore(engine, doctored)
        assert _count(engine) == before
    finally:
        engine.dispose()


def test_files_with_patient_data_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    engine = open_database(f"sqlite:///{folder / 'acupath.db'}")
    add_patient(engine)
    target = tmp_path / "backups" / "b.db"
    backup(engine, target)
    engine.dispose()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in os.listdir(folder):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert sorted(os.listdir(target.parent)) == ["b.db"]  # no .partial leftovers
