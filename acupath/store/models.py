"""Tables of the clinic record: clinics, users, patients, conditions, plans, sessions, outcomes.

One row per thing a clinic would name: a ``Patient`` has ``PatientCondition`` rows (what is being
treated, with its ICD-10 code), a ``Plan`` per course of treatment for one of them, a
``TreatmentSession`` per visit (with its ``SessionPoint`` rows and any ``AdverseEvent``), and a
``QuestionnaireResponse`` per completed questionnaire (NRS, PEG-3, BPI short form, PGIC) with
its answers and computed scores. ``AuditEntry`` rows form an append-only log of every read
and write of patient records; the migration adds triggers that refuse UPDATE and DELETE on it.

Vocabularies (sexes, techniques, sides, severities) are enforced with CHECK constraints, so a
row that bypasses the service functions is refused by the database as well.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names fixed by convention, so migrations name the same things on every backend."""

SEXES = ("female", "male", "other", "unknown")
TECHNIQUES = ("manual", "electro", "auricular", "acupressure", "moxibustion", "dry_needling")
SIDES = ("left", "right", "bilateral", "midline")
SEVERITIES = ("mild", "moderate", "severe")
ROLES = ("admin", "clinician", "viewer", "system")
PLAN_STATUSES = ("active", "completed", "stopped")
CONDITION_STATUSES = ("active", "resolved")
INSTRUMENTS = ("nrs", "peg3", "bpi_sf", "pgic")
AUDIT_ACTIONS = (
    "create",
    "read",
    "update",
    "delete",
    "export",
    "import",
    "restore",
    # security events (revision 0002)
    "list",
    "backup",
    "verify",
    "sign_in",
    "sign_out",
    "token_create",
    "token_revoke",
    "user_create",
    "user_update",
    "denied",
)
AUDIT_OUTCOMES = ("ok", "denied", "failed", "error")
AUTH_KINDS = ("session", "token")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Clinic(Base):
    """A clinic (a practice, a department); patients and users belong to one."""

    __tablename__ = "clinics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class User(Base):
    """Someone who works with the records (practitioner, administrator, reviewer)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"), index=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="clinician")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Patient(Base):
    """A patient of one clinic; ``reference`` is the clinic's own record number."""

    __tablename__ = "patients"
    __table_args__ = (
        UniqueConstraint("clinic_id", "reference", name="uq_patients_clinic_reference"),
        CheckConstraint(_in("sex", SEXES), name="sex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"), index=True)
    reference: Mapped[str] = mapped_column(String(64))
    given_name: Mapped[str | None] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    intake: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    consent: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Consent to treatment: ``given``, ``on``, ``by`` (patient or guardian), guardian's name and
    relationship (a minor or a patient who cannot consent is consented by a guardian)."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    conditions: Mapped[list[PatientCondition]] = relationship(
        back_populates="patient", order_by="PatientCondition.id", cascade="all, delete-orphan"
    )
    plans: Mapped[list[Plan]] = relationship(
        back_populates="patient", order_by="Plan.id", cascade="all, delete-orphan"
    )


class PatientCondition(Base):
    """A condition under treatment: a knowledge-base condition id and its ICD-10 code."""

    __tablename__ = "patient_conditions"
    __table_args__ = (CheckConstraint(_in("status", CONDITION_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    condition: Mapped[str] = mapped_column(String(80))
    icd10: Mapped[str | None] = mapped_column(String(16))
    duration_weeks: Mapped[int | None] = mapped_column(Integer)
    cause: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")
    noted_on: Mapped[dt.date] = mapped_column(Date)

    patient: Mapped[Patient] = relationship(back_populates="conditions")


class Plan(Base):
    """One course of treatment for one condition: technique, sessions planned, review point.

    ``detail`` holds the validated JSON of the plan acupath proposed (``acupath plan``), when
    the course follows one.
    """

    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint(_in("technique", TECHNIQUES), name="technique"),
        CheckConstraint(_in("status", PLAN_STATUSES), name="status"),
        CheckConstraint("planned_sessions >= 1", name="planned_sessions"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    patient_condition_id: Mapped[int] = mapped_column(
        ForeignKey("patient_conditions.id", ondelete="CASCADE"), index=True
    )
    technique: Mapped[str] = mapped_column(String(20))
    planned_sessions: Mapped[int] = mapped_column(Integer)
    frequency_per_week: Mapped[float | None] = mapped_column(Float)
    review_after: Mapped[int | None] = mapped_column(Integer)
    coverage: Mapped[str | None] = mapped_column(String(40))
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active")
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    end_reason: Mapped[str | None] = mapped_column(String(40))
    """Why the course ended: completed, stopped (no response), referred, ... (free slug)."""
    reviews: Mapped[list[Any] | None] = mapped_column(JSON)
    """Decisions taken at review points: each ``at_session, decision, on, by, note``."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    patient: Mapped[Patient] = relationship(back_populates="plans")
    condition: Mapped[PatientCondition] = relationship()


class TreatmentSession(Base):
    """One visit: date, practitioner, technique, stimulation, needle retention, points, events."""

    __tablename__ = "treatment_sessions"
    __table_args__ = (
        CheckConstraint(_in("technique", TECHNIQUES), name="technique"),
        CheckConstraint(
            "retention_minutes IS NULL OR (retention_minutes >= 0 AND retention_minutes <= 240)",
            name="retention",
        ),
        Index("ix_treatment_sessions_plan_performed", "plan_id", "performed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    performed_on: Mapped[dt.date] = mapped_column(Date)
    practitioner: Mapped[str | None] = mapped_column(String(200))
    technique: Mapped[str] = mapped_column(String(20))
    stimulation: Mapped[str | None] = mapped_column(String(200))
    retention_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    soap: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """SOAP note: ``subjective``, ``objective``, ``assessment``, ``plan`` (free text each)."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    points: Mapped[list[SessionPoint]] = relationship(
        order_by="SessionPoint.id", cascade="all, delete-orphan"
    )
    adverse_events: Mapped[list[AdverseEvent]] = relationship(
        order_by="AdverseEvent.id", cascade="all, delete-orphan"
    )


class SessionPoint(Base):
    """A point needled in a session, by WHO code, with laterality, depth, needles, stimulation."""

    __tablename__ = "session_points"
    __table_args__ = (
        CheckConstraint(_in("side", SIDES), name="side"),
        CheckConstraint("needles IS NULL OR (needles >= 1 AND needles <= 20)", name="needles"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    side: Mapped[str] = mapped_column(String(10))
    depth: Mapped[str | None] = mapped_column(String(40))
    needles: Mapped[int | None] = mapped_column(Integer)
    stimulation: Mapped[str | None] = mapped_column(String(80))


class AdverseEvent(Base):
    """An adverse event during or after a session, with its severity."""

    __tablename__ = "adverse_events"
    __table_args__ = (CheckConstraint(_in("severity", SEVERITIES), name="severity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    description: Mapped[str | None] = mapped_column(Text)


class QuestionnaireResponse(Base):
    """A completed questionnaire: raw answers, the primary score and any subscores."""

    __tablename__ = "questionnaire_responses"
    __table_args__ = (
        CheckConstraint(_in("instrument", INSTRUMENTS), name="instrument"),
        Index(
            # Score last: the first/last-score lookups of the clinic report read the index only.
            "ix_questionnaire_responses_plan_series",
            "plan_id",
            "instrument",
            "answered_on",
            "id",
            "score",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="SET NULL")
    )
    instrument: Mapped[str] = mapped_column(String(16))
    answered_on: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    subscores: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AuditEntry(Base):
    """One line of the append-only audit log: who did what to which record, when.

    ``patient_id`` is a plain column (no foreign key) so that the trail of a deleted
    record stays.
    """

    __tablename__ = "audit_log"
    __table_args__ = (CheckConstraint(_in("action", AUDIT_ACTIONS), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # revision 0002: where and how, and the SQLite hash chain (see acupath.store.audit)
    clinic_id: Mapped[int | None] = mapped_column(Integer, index=True)
    address: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(10), default="ok")
    request_id: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuthSession(Base):
    """A server-side sign-in: a browser session (cookie) or an API token (bearer).

    Only the SHA-256 of the secret is stored; the secret itself is shown once. A row ends when
    it is revoked (sign-out, an admin), expires, or (sessions) sits idle too long.
    """

    __tablename__ = "auth_sessions"
    __table_args__ = (CheckConstraint(_in("kind", AUTH_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(80))
    address: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    last_used_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class SignInThrottle(Base):
    """Failed sign-ins counted per key (``user:<name>`` or ``addr:<ip>``) inside a window.

    Counted with one atomic upsert per attempt, so every worker process and every restart
    sees the same count.
    """

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IdempotencyKey(Base):
    """The stored answer to a POST sent with an ``Idempotency-Key``: a retry gets it again."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(200))
    request: Mapped[str] = mapped_column(String(400))
    status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


__all__ = [
    "AdverseEvent",
    "AuditEntry",
    "AuthSession",
    "Base",
    "Clinic",
    "IdempotencyKey",
    "Patient",
    "PatientCondition",
    "Plan",
    "QuestionnaireResponse",
    "SessionPoint",
    "SignInThrottle",
    "TreatmentSession",
    "User",
]
