"""Clinic records on SQLite or PostgreSQL: models, services, migrations, backup.

The façade::

    engine = open_database(url)           # make the engine and migrate to the newest schema
    with write_session(engine) as db:     # one transaction: commit on success, else roll back
        patient = patients.create(db=db, clinic_id=..., data=PatientIn(...), actor="ana")
        sessions.record(db=db, clinic_id=..., data=SessionIn(...), actor="ana")

Service functions (``patients``, ``sessions``, ``records``, ``queries``, ``clinics``,
``audit``) are keyword-only, flush but never commit: the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import Engine

from acupath.store import audit, clinics, migrate, patients, queries, records, sessions
from acupath.store.engine import is_sqlite, make_engine, read_session, write_session
from acupath.store.schemas import (
    AdverseEventIn,
    ConditionIn,
    PatientIn,
    PlanIn,
    PointIn,
    ResponseIn,
    SessionIn,
)


def open_database(url: str, *, upgrade: bool = True) -> Engine:
    """An engine for ``url``, migrated to the newest schema unless ``upgrade`` is false."""
    engine = make_engine(url)
    if upgrade:
        migrate.upgrade(engine)
    return engine


__all__ = [
    "AdverseEventIn",
    "ConditionIn",
    "PatientIn",
    "PlanIn",
    "PointIn",
    "ResponseIn",
    "SessionIn",
    "audit",
    "clinics",
    "is_sqlite",
    "make_engine",
    "migrate",
    "open_database",
    "patients",
    "queries",
    "read_session",
    "records",
    "sessions",
    "write_session",
]
