"""Treatment sessions and questionnaire responses.

:func:`record` validates the whole visit (patient, course, technique, every point code,
every adverse event, every questionnaire) before it adds a row, and adds everything in the
caller's transaction: a visit is stored whole or not at all.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.outcomes.instruments import score_answers
from acupath.points import get_point, normalise_code
from acupath.store import audit, patients
from acupath.store.models import (
    AdverseEvent,
    Patient,
    Plan,
    QuestionnaireResponse,
    SessionPoint,
    TreatmentSession,
)
from acupath.store.schemas import PointIn, ResponseIn, SessionIn


def _response_row(
    *, patient: Patient, plan: Plan | None, data: ResponseIn, session_id: int | None = None
) -> QuestionnaireResponse:
    scored = score_answers(data.instrument, data.answers)
    subscores = scored.scores if len(scored.scores) > 1 else None
    return QuestionnaireResponse(
        patient_id=patient.id,
        plan_id=plan.id if plan else None,
        session_id=session_id,
        instrument=data.instrument,
        answered_on=data.answered_on,
        answers=scored.answers,
        score=scored.primary,
        subscores=subscores,
    )


def _point_row(p: PointIn) -> SessionPoint:
    """A point row with its side: a midline point (GV, CV in the atlas) is ``midline`` and
    cannot be given a side; other points default to ``bilateral``."""
    code = normalise_code(p.code)
    midline = bool(getattr(get_point(code), "midline", False))
    if midline and p.side not in (None, "midline"):
        raise InputError.invalid(
            f"points.{code}.side", p.side, "midline (the atlas places this point on the midline)"
        )
    if not midline and p.side == "midline":
        raise InputError.invalid(
            f"points.{code}.side", p.side, "left, right or bilateral (not a midline point)"
        )
    side = "midline" if midline else (p.side or "bilateral")
    return SessionPoint(
        code=code, side=side, depth=p.depth, needles=p.needles, stimulation=p.stimulation
    )


def record(*, db: Session, clinic_id: int, data: SessionIn, actor: str) -> TreatmentSession:
    """Store one visit: the session, its points, adverse events and questionnaires.

    The course is ``data.plan_id`` or, when not given, the patient's latest active course.
    The technique defaults to the course's. Point codes are normalised (``UB-23`` -> ``BL23``);
    an unknown code is refused with suggestions.
    """
    patient = patients.get(
        db=db, clinic_id=clinic_id, patient_id=data.patient_id, actor=actor, audited=False
    )
    plan = patients.get_plan(db=db, patient=patient, plan_id=data.plan_id)
    technique = data.technique or (plan.technique if plan else None)
    if technique is None:
        raise InputError.invalid("technique", None, "given when the patient has no active course")
    if plan is not None and data.performed_on < plan.started_on:
        raise InputError.invalid(
            "performed_on",
            data.performed_on.isoformat(),
            f"on or after the course start ({plan.started_on.isoformat()})",
        )
    points = [_point_row(p) for p in data.points]
    events = [
        AdverseEvent(kind=e.kind, severity=e.severity, description=e.description)
        for e in data.adverse_events
    ]
    responses = [_response_row(patient=patient, plan=plan, data=r) for r in data.responses]
    session = TreatmentSession(
        patient_id=patient.id,
        plan_id=plan.id if plan else None,
        performed_on=data.performed_on,
        practitioner=data.practitioner,
        technique=technique,
        stimulation=data.stimulation,
        retention_minutes=data.retention_minutes,
        notes=data.notes,
        soap=data.soap.model_dump(exclude_none=True) if data.soap else None,
        points=points,
        adverse_events=events,
    )
    db.add(session)
    db.flush()
    for row in responses:
        row.session_id = session.id
        db.add(row)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="create",
        entity="session",
        entity_id=session.id,
        patient_id=patient.id,
        detail={"points": len(points), "adverse_events": len(events), "responses": len(responses)},
    )
    return session


def record_response(
    *,
    db: Session,
    clinic_id: int,
    patient_id: int,
    data: ResponseIn,
    actor: str,
    plan_id: int | None = None,
) -> QuestionnaireResponse:
    """Store a questionnaire outside a visit (a baseline before the first session, say)."""
    patient = patients.get(
        db=db, clinic_id=clinic_id, patient_id=patient_id, actor=actor, audited=False
    )
    plan = patients.get_plan(db=db, patient=patient, plan_id=plan_id)
    row = _response_row(patient=patient, plan=plan, data=data)
    db.add(row)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="create",
        entity="questionnaire_response",
        entity_id=row.id,
        patient_id=patient.id,
    )
    return row
