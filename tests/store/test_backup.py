"""Backup and restore on both backends: the restored database is the backed-up one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from acupath.errors import InputError
from acupath.store import sessions, write_session
from acupath.store.backup import backup, integrity_ok, restore
from tests.store.helpers import add_patient, counts, session_data


def test_restore_brings_back_the_backed_up_state(engine: Engine, tmp_path: Path) -> None:
    clinic_id, patient_id, _ = add_patient(engine)
    with write_session(engine) as db:
        sessions.record(db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, 0))
    saved = counts(engine)
    result = backup(engine, tmp_path / "backup.bin")
    assert Path(result.path).stat().st_size > 0
    with write_session(engine) as db:
        for k in range(1, 4):
            sessions.record(db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, k))
    add_patient(engine, "P-2")
    assert counts(engine) != saved
    newer_audit_rows = counts(engine)["audit_log"] - saved["audit_log"]
    result = restore(engine, tmp_path / "backup.bin")
    restored = counts(engine)
    # The records are the backed-up ones; the audit rows written since the backup are kept
    # (issue 12: a restore never silently drops newer audit rows).
    assert result.audit_rows_carried == newer_audit_rows > 0
    assert restored["audit_log"] == saved["audit_log"] + newer_audit_rows
    assert {k: v for k, v in restored.items() if k != "audit_log"} == {
        k: v for k, v in saved.items() if k != "audit_log"
    }
    assert integrity_ok(engine)
    # And the restored database takes writes again.
    with write_session(engine) as db:
        sessions.record(db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, 5))
    assert counts(engine)["treatment_sessions"] == saved["treatment_sessions"] + 1


def test_restore_refuses_a_file_that_is_not_a_backup(engine: Engine, tmp_path: Path) -> None:
    add_patient(engine)
    before = counts(engine)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database backup" * 100)
    with pytest.raises(InputError, match="FILE"):
        restore(engine, junk)
    with pytest.raises(InputError, match="existing"):
        restore(engine, tmp_path / "missing.db")
    assert counts(engine) == before
    assert integrity_ok(engine)


def test_backup_never_leaves_a_partial_file(engine: Engine, tmp_path: Path) -> None:
    add_patient(engine)
    target = tmp_path / "out" / "b.bak"
    backup(engine, target)
    assert target.exists()
    assert not list(target.parent.glob(".*partial"))
