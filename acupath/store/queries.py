"""Read-side queries for reports: one row per course, adverse-event counts, a patient's courses.

The clinic report reads every course of a clinic, so these are set-based SQL (SQLAlchemy Core,
no ORM objects): the first and last pain score of each course come from index lookups on
``(plan_id, instrument, answered_on, id)``, the session counts from one grouped scan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from acupath.outcomes.patient import CourseData
from acupath.outcomes.report import CourseOutcome
from acupath.outcomes.response import ScorePoint
from acupath.outcomes.safety import AdverseEventRates, rates
from acupath.store.models import (
    AdverseEvent,
    Patient,
    PatientCondition,
    Plan,
    QuestionnaireResponse,
    TreatmentSession,
)


def _edge_score(plan_id: Any, instrument: str, *, last: bool) -> ScalarSelect[float]:
    q = QuestionnaireResponse
    order = (q.answered_on.desc(), q.id.desc()) if last else (q.answered_on, q.id)
    return (
        select(q.score)
        .where(q.plan_id == plan_id, q.instrument == instrument)
        .order_by(*order)
        .limit(1)
        .scalar_subquery()
    )


@dataclass(frozen=True)
class ReportFilter:
    """Which courses and sessions a clinic report covers: one practitioner's, a date range."""

    practitioner: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def sessions(self) -> list[Any]:
        """Conditions on ``TreatmentSession`` rows."""
        out: list[Any] = []
        if self.practitioner:
            out.append(TreatmentSession.practitioner == self.practitioner)
        if self.since:
            out.append(TreatmentSession.performed_on >= self.since)
        if self.until:
            out.append(TreatmentSession.performed_on <= self.until)
        return out

    def courses(self) -> list[Any]:
        """Conditions on ``Plan`` rows: started in the range, with a session by the practitioner."""
        out: list[Any] = []
        if self.since:
            out.append(Plan.started_on >= self.since)
        if self.until:
            out.append(Plan.started_on <= self.until)
        if self.practitioner:
            out.append(
                select(TreatmentSession.id)
                .where(
                    TreatmentSession.plan_id == Plan.id,
                    TreatmentSession.practitioner == self.practitioner,
                )
                .exists()
            )
        return out


def practitioners(*, db: Session, clinic_id: int) -> list[str]:
    """Names of the practitioners who recorded sessions in a clinic (for the report filter)."""
    rows = db.scalars(
        select(TreatmentSession.practitioner)
        .distinct()
        .join(Patient, Patient.id == TreatmentSession.patient_id)
        .where(Patient.clinic_id == clinic_id, TreatmentSession.practitioner.is_not(None))
        .order_by(TreatmentSession.practitioner)
    )
    return [str(r) for r in rows]


def course_outcomes(
    *,
    db: Session,
    clinic_id: int,
    instrument: str = "nrs",
    where: ReportFilter | None = None,
) -> list[CourseOutcome]:
    """Every course of a clinic with its first and last score on ``instrument``.

    A course with a single score has a baseline but no latest score (it is not evaluable).
    Each per-course value is a correlated lookup on an index (scores by
    ``(plan_id, instrument, answered_on, id)``, sessions by ``(plan_id, performed_on)``), which
    both SQLite and PostgreSQL answer without sorting or grouping the big tables.
    """
    q = QuestionnaireResponse
    n_scores = (
        select(func.count())
        .where(q.plan_id == Plan.id, q.instrument == instrument)
        .scalar_subquery()
    )
    n_sessions = (
        select(func.count())
        .select_from(TreatmentSession)
        .where(TreatmentSession.plan_id == Plan.id)
        .scalar_subquery()
    )
    query = (
        select(
            Plan.id,
            Plan.patient_id,
            PatientCondition.condition,
            Plan.technique,
            _edge_score(Plan.id, instrument, last=False),
            _edge_score(Plan.id, instrument, last=True),
            n_scores,
            n_sessions,
        )
        .join(Patient, Patient.id == Plan.patient_id)
        .join(PatientCondition, PatientCondition.id == Plan.patient_condition_id)
        .where(Patient.clinic_id == clinic_id, *(where.courses() if where else []))
        .order_by(Plan.id)
    )
    return [
        CourseOutcome(
            plan_id=plan_id,
            patient_id=patient_id,
            condition=cond,
            technique=technique,
            baseline=base,
            latest=latest if n > 1 else None,
            sessions=int(visits),
        )
        for plan_id, patient_id, cond, technique, base, latest, n, visits in db.execute(query)
    ]


def adverse_event_rates(
    *, db: Session, clinic_id: int, where: ReportFilter | None = None
) -> AdverseEventRates:
    """Adverse-event counts of a clinic, with per-session and per-patient shares."""
    in_clinic = and_(Patient.clinic_id == clinic_id, *(where.sessions() if where else []))
    n_sessions = db.scalar(
        select(func.count())
        .select_from(TreatmentSession)
        .join(Patient, Patient.id == TreatmentSession.patient_id)
        .where(in_clinic)
    )
    # Patients treated: an EXISTS probe per patient is cheaper than COUNT(DISTINCT) over sessions.
    n_patients = db.scalar(
        select(func.count())
        .select_from(Patient)
        .where(
            Patient.clinic_id == clinic_id,
            select(TreatmentSession.id)
            .where(TreatmentSession.patient_id == Patient.id, *(where.sessions() if where else []))
            .exists(),
        )
    )
    e_row = db.execute(
        select(
            func.count(),
            func.count(distinct(AdverseEvent.session_id)),
            func.count(distinct(TreatmentSession.patient_id)),
        )
        .select_from(AdverseEvent)
        .join(TreatmentSession, TreatmentSession.id == AdverseEvent.session_id)
        .join(Patient, Patient.id == TreatmentSession.patient_id)
        .where(in_clinic)
    ).one()
    by_severity: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    for severity, kind, n in db.execute(
        select(AdverseEvent.severity, AdverseEvent.kind, func.count())
        .join(TreatmentSession, TreatmentSession.id == AdverseEvent.session_id)
        .join(Patient, Patient.id == TreatmentSession.patient_id)
        .where(in_clinic)
        .group_by(AdverseEvent.severity, AdverseEvent.kind)
    ):
        by_severity[severity] += int(n)
        by_kind[kind] += int(n)
    return rates(
        sessions=int(n_sessions or 0),
        patients=int(n_patients or 0),
        events=int(e_row[0]),
        sessions_with_event=int(e_row[1]),
        patients_with_event=int(e_row[2]),
        by_severity=by_severity,
        by_kind=by_kind,
    )


def patient_courses(*, db: Session, patient: Patient) -> tuple[list[CourseData], int]:
    """A patient's courses as plain data, and the sessions in the 365 days up to the last one."""
    session_rows = db.execute(
        select(
            TreatmentSession.id,
            TreatmentSession.plan_id,
            TreatmentSession.performed_on,
            func.count(AdverseEvent.id),
        )
        .outerjoin(AdverseEvent, AdverseEvent.session_id == TreatmentSession.id)
        .where(TreatmentSession.patient_id == patient.id)
        .group_by(TreatmentSession.id, TreatmentSession.plan_id, TreatmentSession.performed_on)
    ).all()
    per_plan: dict[int | None, list[tuple[int, dt.date, int]]] = defaultdict(list)
    for visit_id, visit_plan, visit_on, n_ae in session_rows:
        per_plan[visit_plan].append((visit_id, visit_on, int(n_ae)))
    scores: dict[int | None, dict[str, list[ScorePoint]]] = defaultdict(lambda: defaultdict(list))
    for q_plan, instrument, q_on, score, q_session in db.execute(
        select(
            QuestionnaireResponse.plan_id,
            QuestionnaireResponse.instrument,
            QuestionnaireResponse.answered_on,
            QuestionnaireResponse.score,
            QuestionnaireResponse.session_id,
        )
        .where(QuestionnaireResponse.patient_id == patient.id)
        .order_by(QuestionnaireResponse.answered_on, QuestionnaireResponse.id)
    ):
        scores[q_plan][instrument].append(ScorePoint(q_on, float(score), q_session))
    last_day = max((on for _, _, on, _ in session_rows), default=None)
    last_year = (
        sum(1 for _, _, on, _ in session_rows if last_day - on < dt.timedelta(days=365))
        if last_day
        else 0
    )
    courses: list[CourseData] = []
    for plan in patient.plans:
        visits = per_plan.get(plan.id, [])
        courses.append(
            CourseData(
                plan_id=plan.id,
                condition=plan.condition.condition,
                technique=plan.technique,
                planned_sessions=plan.planned_sessions,
                review_after=plan.review_after,
                coverage=plan.coverage,
                status=plan.status,
                started_on=plan.started_on,
                sessions=len(visits),
                sessions_with_event=sum(1 for _, _, n in visits if n > 0),
                scores={k: tuple(v) for k, v in scores.get(plan.id, {}).items()},
            )
        )
    return courses, last_year


__all__ = [
    "ReportFilter",
    "adverse_event_rates",
    "course_outcomes",
    "patient_courses",
    "practitioners",
]
