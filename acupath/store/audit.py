"""The audit trail: one append-only row for every read and write of a patient record.

Rows are added in the caller's transaction, so an audited change and its audit row commit or
roll back together. The database refuses UPDATE and DELETE on ``audit_log`` (see the first
migration).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.store.models import AuditEntry


def log(
    *,
    db: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    patient_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add one audit row (``action`` is create, read, update, delete, export, import, restore)."""
    db.add(
        AuditEntry(
            actor=actor,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            patient_id=patient_id,
            detail=detail,
        )
    )


def entries(*, db: Session, patient_id: int | None = None, limit: int = 100) -> list[AuditEntry]:
    """The latest audit rows, newest first, optionally for one patient."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    return list(db.scalars(query))
