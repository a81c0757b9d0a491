"""A patient's whole record as one document: the unit of export, import and ``patient show``.

:class:`PatientRecord` holds everything the store keeps about a patient (demographics, intake,
conditions, courses, sessions with points and adverse events, questionnaires) without database
ids: items refer to each other by ``key`` (``condition``, ``plan``, ``session`` fields). The FHIR
exchange maps this document to and from a Bundle, and :func:`canonical` makes two records
comparable whatever their keys, which is how a round trip is checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.outcomes.instruments import score_answers
from acupath.points import normalise_code
from acupath.store import audit, patients
from acupath.store.models import (
    AdverseEvent,
    Patient,
    PatientCondition,
    Plan,
    QuestionnaireResponse,
    SessionPoint,
    TreatmentSession,
)
from acupath.store.schemas import (
    AdverseEventIn,
    ConditionIn,
    PatientIn,
    PlanIn,
    PointIn,
    ResponseIn,
    Severity,
    Side,
    Technique,
    parse,
)


class _Rec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PointRecord(_Rec):
    code: str
    side: Side
    depth: str | None = None
    needles: int | None = None
    stimulation: str | None = None


class AdverseEventRecord(_Rec):
    kind: str
    severity: Severity
    description: str | None = None


class ConditionRecord(_Rec):
    key: str
    condition: str
    icd10: str | None = None
    duration_weeks: int | None = None
    cause: str | None = None
    status: str = "active"
    noted_on: dt.date


class PlanRecord(_Rec):
    key: str
    condition: str
    technique: Technique
    planned_sessions: int
    frequency_per_week: float | None = None
    review_after: int | None = None
    coverage: str | None = None
    started_on: dt.date
    ended_on: dt.date | None = None
    status: str = "active"
    detail: dict[str, Any] | None = None
    end_reason: str | None = None
    reviews: list[dict[str, Any]] | None = None


class SessionRecord(_Rec):
    key: str
    plan: str | None = None
    performed_on: dt.date
    practitioner: str | None = None
    technique: Technique
    stimulation: str | None = None
    retention_minutes: int | None = None
    notes: str | None = None
    soap: dict[str, str] | None = None
    points: list[PointRecord] = Field(default_factory=list)
    adverse_events: list[AdverseEventRecord] = Field(default_factory=list)


class ResponseRecord(_Rec):
    key: str
    plan: str | None = None
    session: str | None = None
    instrument: str
    answered_on: dt.date
    answers: dict[str, int]
    score: float
    subscores: dict[str, float] | None = None


class PatientRecord(_Rec):
    """Everything the store holds about one patient (see the module docstring)."""

    reference: str
    given_name: str | None = None
    family_name: str | None = None
    birth_date: dt.date | None = None
    sex: str = "unknown"
    synthetic: bool = False
    intake: dict[str, Any] | None = None
    consent: dict[str, Any] | None = None
    conditions: list[ConditionRecord] = Field(default_factory=list)
    plans: list[PlanRecord] = Field(default_factory=list)
    sessions: list[SessionRecord] = Field(default_factory=list)
    responses: list[ResponseRecord] = Field(default_factory=list)


def load(
    *, db: Session, clinic_id: int, patient_id: int, actor: str, action: str = "read"
) -> PatientRecord:
    """Read a patient's whole record (audited as ``action``: read or export)."""
    patient = patients.get(
        db=db, clinic_id=clinic_id, patient_id=patient_id, actor=actor, audited=False
    )
    audit.log(
        db=db,
        actor=actor,
        action=action,
        entity="patient_record",
        entity_id=patient.id,
        patient_id=patient.id,
    )
    visits = db.scalars(
        select(TreatmentSession)
        .where(TreatmentSession.patient_id == patient.id)
        .order_by(TreatmentSession.performed_on, TreatmentSession.id)
    ).all()
    answers = db.scalars(
        select(QuestionnaireResponse)
        .where(QuestionnaireResponse.patient_id == patient.id)
        .order_by(QuestionnaireResponse.answered_on, QuestionnaireResponse.id)
    ).all()
    return PatientRecord(
        reference=patient.reference,
        given_name=patient.given_name,
        family_name=patient.family_name,
        birth_date=patient.birth_date,
        sex=patient.sex,
        synthetic=patient.synthetic,
        intake=patient.intake,
        consent=patient.consent,
        conditions=[
            ConditionRecord(
                key=f"condition-{c.id}",
                condition=c.condition,
                icd10=c.icd10,
                duration_weeks=c.duration_weeks,
                cause=c.cause,
                status=c.status,
                noted_on=c.noted_on,
            )
            for c in patient.conditions
        ],
        plans=[
            PlanRecord(
                key=f"plan-{p.id}",
                condition=f"condition-{p.patient_condition_id}",
                technique=p.technique,
                planned_sessions=p.planned_sessions,
                frequency_per_week=p.frequency_per_week,
                review_after=p.review_after,
                coverage=p.coverage,
                started_on=p.started_on,
                ended_on=p.ended_on,
                status=p.status,
                detail=p.detail,
                end_reason=p.end_reason,
                reviews=p.reviews,
            )
            for p in patient.plans
        ],
        sessions=[
            SessionRecord(
                key=f"session-{s.id}",
                plan=None if s.plan_id is None else f"plan-{s.plan_id}",
                performed_on=s.performed_on,
                practitioner=s.practitioner,
                technique=s.technique,
                stimulation=s.stimulation,
                retention_minutes=s.retention_minutes,
                notes=s.notes,
                soap=s.soap,
                points=[
                    PointRecord(
                        code=pt.code,
                        side=pt.side,
                        depth=pt.depth,
                        needles=pt.needles,
                        stimulation=pt.stimulation,
                    )
                    for pt in s.points
                ],
                adverse_events=[
                    AdverseEventRecord(
                        kind=e.kind,
                        severity=e.severity,
                        description=e.description,
                    )
                    for e in s.adverse_events
                ],
            )
            for s in visits
        ],
        responses=[
            ResponseRecord(
                key=f"response-{q.id}",
                plan=None if q.plan_id is None else f"plan-{q.plan_id}",
                session=None if q.session_id is None else f"session-{q.session_id}",
                instrument=q.instrument,
                answered_on=q.answered_on,
                answers=q.answers,
                score=q.score,
                subscores=q.subscores,
            )
            for q in answers
        ],
    )


def _ref(kind: str, key: str | None, known: dict[str, Any], owner: str) -> Any:
    if key is None:
        return None
    if key not in known:
        raise InputError.invalid(
            f"{owner}.{kind}",
            key,
            f"a {kind} key present in the record ({', '.join(known) or 'none'})",
        )
    return known[key]


def save(*, db: Session, clinic_id: int, record: PatientRecord, actor: str) -> Patient:
    """Store a whole record as a new patient of the clinic (flushed, not committed).

    Every reference between items must resolve, every value passes the same checks as when it
    is entered by hand, and each stored score must match the score recomputed from its answers;
    otherwise :class:`InputError` is raised and the caller's transaction rolls back.
    """
    patient = patients.create(
        db=db,
        clinic_id=clinic_id,
        data=parse(
            PatientIn,
            {
                "reference": record.reference,
                "given_name": record.given_name,
                "family_name": record.family_name,
                "birth_date": record.birth_date,
                "sex": record.sex,
                "synthetic": record.synthetic,
                "intake": record.intake,
                "consent": record.consent,
            },
        ),
        actor=actor,
    )
    conditions: dict[str, PatientCondition] = {}
    for c in record.conditions:
        data = parse(ConditionIn, c.model_dump(exclude={"key"}), location=f"condition {c.key}")
        conditions[c.key] = patients.add_condition(db=db, patient=patient, data=data, actor=actor)
    plans: dict[str, Plan] = {}
    for p in record.plans:
        cond = _ref("condition", p.condition, conditions, f"plan {p.key}")
        fields = p.model_dump(exclude={"key", "condition", "end_reason", "reviews"}) | {
            "condition": cond.condition
        }
        data_p = parse(PlanIn, fields, location=f"plan {p.key}")
        row = Plan(
            patient_id=patient.id,
            patient_condition_id=cond.id,
            technique=data_p.technique,
            planned_sessions=data_p.planned_sessions,
            frequency_per_week=data_p.frequency_per_week,
            review_after=data_p.review_after,
            coverage=data_p.coverage,
            started_on=data_p.started_on,
            ended_on=data_p.ended_on,
            status=data_p.status,
            detail=patients.validate_plan_detail(data_p.detail),
            end_reason=p.end_reason,
            reviews=p.reviews,
        )
        db.add(row)
        plans[p.key] = row
    db.flush()
    sessions: dict[str, TreatmentSession] = {}
    for s in record.sessions:
        plan = _ref("plan", s.plan, plans, f"session {s.key}")
        pts = [parse(PointIn, pt.model_dump(), location=f"session {s.key}") for pt in s.points]
        aes = [
            parse(AdverseEventIn, e.model_dump(), location=f"session {s.key}")
            for e in s.adverse_events
        ]
        row_s = TreatmentSession(
            patient_id=patient.id,
            plan_id=plan.id if plan else None,
            performed_on=s.performed_on,
            practitioner=s.practitioner,
            technique=s.technique,
            stimulation=s.stimulation,
            retention_minutes=s.retention_minutes,
            notes=s.notes,
            soap=s.soap,
            points=[
                SessionPoint(
                    code=normalise_code(pt.code),
                    side=pt.side or "bilateral",
                    depth=pt.depth,
                    needles=pt.needles,
                    stimulation=pt.stimulation,
                )
                for pt in pts
            ],
            adverse_events=[
                AdverseEvent(kind=e.kind, severity=e.severity, description=e.description)
                for e in aes
            ],
        )
        db.add(row_s)
        sessions[s.key] = row_s
    db.flush()
    for q in record.responses:
        owner = f"response {q.key}"
        plan = _ref("plan", q.plan, plans, owner)
        visit = _ref("session", q.session, sessions, owner)
        data_q = parse(
            ResponseIn,
            {"instrument": q.instrument, "answered_on": q.answered_on, "answers": q.answers},
            location=owner,
        )
        scored = score_answers(data_q.instrument, data_q.answers)
        if abs(scored.primary - q.score) > 1e-9:
            raise InputError.invalid(
                f"{owner}.score", q.score, f"the score of its answers ({scored.primary:g})"
            )
        db.add(
            QuestionnaireResponse(
                patient_id=patient.id,
                plan_id=plan.id if plan else None,
                session_id=visit.id if visit else None,
                instrument=data_q.instrument,
                answered_on=data_q.answered_on,
                answers=scored.answers,
                score=scored.primary,
                subscores=scored.scores if len(scored.scores) > 1 else None,
            )
        )
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="import",
        entity="patient_record",
        entity_id=patient.id,
        patient_id=patient.id,
    )
    return patient


def positions(record: PatientRecord) -> dict[str, str]:
    """Each item's key mapped to its kind and position (``plan#0``): keys that do not depend on
    database ids, so two stores holding the same record agree on them."""
    names: dict[str, str] = {}
    for prefix, items in (
        ("condition", record.conditions),
        ("plan", record.plans),
        ("session", record.sessions),
        ("response", record.responses),
    ):
        for i, item in enumerate(items):
            names[str(getattr(item, "key"))] = f"{prefix}#{i}"  # noqa: B009 - every item has a key
    return names


def canonical(record: PatientRecord) -> dict[str, Any]:
    """The record with keys replaced by positions, so records from two stores compare equal."""
    names = positions(record)
    data = record.model_dump(mode="json")

    def rename(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {
                k: (
                    names.get(v, v)
                    if k in ("key", "condition", "plan", "session") and isinstance(v, str)
                    else rename(v)
                )
                for k, v in obj.items()
            }
        if isinstance(obj, list):
            return [rename(v) for v in obj]
        return obj

    out: dict[str, Any] = rename(data)
    # The top-level condition slugs of ConditionRecord are not keys: restore them.
    for i, c in enumerate(record.conditions):
        out["conditions"][i]["condition"] = c.condition
    return out
