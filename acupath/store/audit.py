"""The audit trail: one append-only row for every read and write of a patient record and for
every security event (sign-in, sign-out, tokens, refused requests, backups, restores).

Rows are added in the caller's transaction, so an audited change and its audit row commit or
roll back together. Each row says who (``actor``), what (``action`` on ``entity``), for which
clinic and patient, from which address, with which ``outcome`` (ok, denied, failed, error)
and in which request (``request_id``, also sent back as the ``X-Request-ID`` header).

Where, request id and clinic default to the current request's (:data:`REQUEST`), so service
functions that know nothing of HTTP still write complete rows.

The log cannot be rewritten:

- PostgreSQL: the application connects as a role that may only INSERT and SELECT the log
  (:mod:`acupath.store.audit_roles`); the migration owner keeps the table, its trigger and
  the trigger function.
- SQLite: triggers refuse UPDATE, DELETE and ``INSERT OR REPLACE``; and since anyone with the
  file can drop a trigger, every row also carries ``hash = sha256(prev_hash + row)``, a chain
  that :func:`verify_chain` (``acupath db verify``) walks: a changed, removed or inserted row
  breaks it.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.store.models import AuditEntry

GENESIS = "0" * 64
"""The ``prev_hash`` of the first row of the chain."""


@dataclass
class RequestInfo:
    """What the audit log needs to know about the request being served (mutable: the
    dependencies fill in the clinic once they know the user)."""

    request_id: str | None = None
    address: str | None = None
    clinic_id: int | None = None


REQUEST: contextvars.ContextVar[RequestInfo | None] = contextvars.ContextVar(
    "acupath_request", default=None
)


def _naive_utc(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at


def row_hash(prev_hash: str, row: AuditEntry) -> str:
    """``sha256(prev_hash | at | actor | action | entity | entity_id | patient | clinic |
    address | outcome | request id | detail as sorted JSON)``, hex."""
    parts = [
        prev_hash,
        _naive_utc(row.at).isoformat(timespec="microseconds"),
        row.actor,
        row.action,
        row.entity,
        row.entity_id or "",
        "" if row.patient_id is None else str(row.patient_id),
        "" if row.clinic_id is None else str(row.clinic_id),
        row.address or "",
        row.outcome or "ok",
        row.request_id or "",
        json.dumps(row.detail, sort_keys=True, separators=(",", ":"), default=str),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def log(
    *,
    db: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    patient_id: int | None = None,
    detail: dict[str, Any] | None = None,
    clinic_id: int | None = None,
    address: str | None = None,
    outcome: str = "ok",
    request_id: str | None = None,
) -> AuditEntry:
    """Add one audit row (``action``: see :data:`acupath.store.models.AUDIT_ACTIONS`)."""
    info = REQUEST.get()
    if info is not None:
        clinic_id = info.clinic_id if clinic_id is None else clinic_id
        address = address or info.address
        request_id = request_id or info.request_id
    entry = AuditEntry(
        at=_naive_utc(dt.datetime.now(dt.UTC)).replace(tzinfo=dt.UTC),
        actor=actor[:80],
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id)[:40],
        patient_id=patient_id,
        detail=detail,
        clinic_id=clinic_id,
        address=address[:64] if address else None,
        outcome=outcome,
        request_id=request_id[:64] if request_id else None,
    )
    bind = db.get_bind()
    if bind.dialect.name == "sqlite":
        # Writers are serialised on SQLite (BEGIN IMMEDIATE), so the last row read here is the
        # last row of the chain when this one commits. Flushing now keeps rows added in one
        # transaction in order.
        prev = db.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
        entry.prev_hash = prev or GENESIS
        entry.hash = row_hash(entry.prev_hash, entry)
        db.add(entry)
        db.flush()
    else:
        db.add(entry)
    return entry


def entries(
    *,
    db: Session,
    patient_id: int | None = None,
    limit: int = 100,
    clinic_id: int | None = None,
    actor: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
    since: dt.datetime | None = None,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """The latest audit rows, newest first, filtered by any of the arguments."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    if clinic_id is not None:
        query = query.where(AuditEntry.clinic_id == clinic_id)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action:
        query = query.where(AuditEntry.action == action)
    if outcome:
        query = query.where(AuditEntry.outcome == outcome)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(db.scalars(query))


def entry_json(row: AuditEntry) -> dict[str, Any]:
    """One row as plain JSON (the admin page, ``/api/admin/audit`` and ``acupath db audit``)."""
    return {
        "id": row.id,
        "at": _naive_utc(row.at).isoformat(timespec="seconds") + "Z",
        "actor": row.actor,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "patient_id": row.patient_id,
        "clinic_id": row.clinic_id,
        "address": row.address,
        "outcome": row.outcome,
        "request_id": row.request_id,
        "detail": row.detail,
    }


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify_chain` found."""

    rows: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(db: Session, *, max_problems: int = 20) -> ChainReport:
    """Walk the SQLite hash chain in id order: ids without gaps, each ``prev_hash`` equal to
    the previous row's ``hash``, each ``hash`` recomputed from the row."""
    problems: list[str] = []
    prev = GENESIS
    expected_id: int | None = None
    rows = 0
    for row in db.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        rows += 1
        if expected_id is not None and row.id != expected_id:
            problems.append(f"audit rows {expected_id}..{row.id - 1} are missing")
        expected_id = row.id + 1
        if row.prev_hash != prev:
            problems.append(f"audit row {row.id}: does not follow the row before it")
        if row.hash != row_hash(row.prev_hash or "", row):
            problems.append(f"audit row {row.id}: its content was changed after it was written")
        prev = row.hash or ""
        if len(problems) >= max_problems:
            break
    return ChainReport(rows, problems)
