"""What the clinic's course pages do, without the web: start a course, record a session, review,
the outcomes report, the chart, the FHIR export and the points the session form offers.

The request and response models live here too, shared by the HTML forms and the JSON API of
:mod:`acupath.web.routers.courses`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.outcomes.progress import CourseStatus, status_of
from acupath.points import get_point, normalise_code
from acupath.store import PlanIn, SessionIn, patients, sessions
from acupath.store.models import Patient, Plan, TreatmentSession, User
from acupath.web.clinical import plain, plan_document

AE_KINDS = (
    ("bruising", "Bruising"),
    ("bleeding", "Bleeding at a needle site"),
    ("needle_pain", "Pain at a needle site"),
    ("dizziness", "Dizziness or feeling faint"),
    ("fainting", "Fainting"),
    ("nausea", "Nausea"),
    ("drowsiness", "Drowsiness or tiredness"),
    ("worse_symptoms", "Symptoms worse after treatment"),
    ("skin_reaction", "Skin reaction"),
    ("stuck_needle", "Stuck or bent needle"),
    ("forgotten_needle", "Needle left in place"),
    ("other", "Other (describe in the note)"),
)
"""Adverse-event types offered on the session form (the note keeps the clinician's words)."""
SESSION_INSTRUMENTS = ("peg3", "bpi_sf", "pgic")


class PointGiven(BaseModel):
    """A point needled: code (any spelling), side (left, right, bilateral; midline points are
    decided from the atlas), depth, needles, stimulation."""

    code: str = Field(min_length=1, max_length=32)
    side: Literal["left", "right", "bilateral", "midline"] | None = None
    depth: str | None = Field(default=None, max_length=40)
    needles: int | None = Field(default=None, ge=1, le=20)
    stimulation: str | None = Field(default=None, max_length=80)


class EventGiven(BaseModel):
    """An adverse event: type (from the list, or any words), severity, the clinician's note."""

    kind: str = Field(min_length=1, max_length=200)
    severity: Literal["mild", "moderate", "severe"] = "mild"
    note: str | None = Field(default=None, max_length=2000)


class NewSession(BaseModel):
    """A visit: date, points (codes or details), pain NRS, questionnaires, events, SOAP note."""

    performed_on: dt.date
    points: list[str | PointGiven] = Field(default_factory=list, max_length=60)
    pain_nrs: int | None = Field(default=None, ge=0, le=10)
    retention_minutes: int | None = Field(default=None, ge=0, le=240)
    stimulation: str | None = Field(default=None, max_length=200)
    adverse_event: str | None = Field(default=None, max_length=200)
    adverse_severity: Literal["mild", "moderate", "severe"] = "mild"
    adverse_events: list[EventGiven] = Field(default_factory=list, max_length=10)
    questionnaires: dict[str, dict[str, int | None]] = Field(
        default_factory=dict, description="Answers by instrument (peg3, bpi_sf, pgic) and item"
    )
    soap: dict[str, str] | None = None
    notes: str | None = Field(default=None, max_length=10_000)


class StartCourse(BaseModel):
    """Start the proposed course; ``sessions`` is required when the plan has no count."""

    sessions: int | None = Field(default=None, ge=1, le=100)
    started_on: dt.date | None = None
    condition: str | None = None


class Review(BaseModel):
    """A decision at a review point."""

    decision: Literal["continue", "stop", "refer", "complete"]
    note: str | None = Field(default=None, max_length=2000)
    extend_by: int | None = Field(default=None, ge=1, le=50)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")
    return slug[:40] or "other"


def event_rows(data: NewSession) -> list[dict[str, Any]]:
    """Adverse events as the store takes them: a known type keeps its slug, any other words
    become type ``other`` with the words kept as the note (so nothing typed is refused)."""
    known = {k for k, _ in AE_KINDS}
    given = list(data.adverse_events)
    if data.adverse_event:
        given.append(EventGiven(kind=data.adverse_event, severity=data.adverse_severity))
    out = []
    for e in given:
        slug = _slug(e.kind)
        if slug in known:
            out.append({"kind": slug, "severity": e.severity, "description": e.note or None})
        else:
            note = e.kind if not e.note else f"{e.kind}: {e.note}"
            out.append({"kind": "other", "severity": e.severity, "description": note})
    return out


def start_plan(
    db: Session, user: User, row: Patient, body: StartCourse | None = None
) -> dict[str, Any]:
    """Start the proposed course. A plan without a session count takes the clinician's."""
    body = body or StartCourse()
    proposal = plan_document(row)
    if body.condition and body.condition != proposal.get("condition"):
        from acupath.care.intake import parse_intake
        from acupath.care.planning import plan as make_plan

        proposal = make_plan(parse_intake(row.intake or {}), condition=body.condition).as_dict()
    if not proposal.get("technique"):
        raise InputError.invalid(
            "plan", proposal.get("decision"), "a plannable patient (the screen did not defer)"
        )
    count = proposal.get("sessions") or body.sessions
    if not count:
        raise InputError.invalid(
            "sessions",
            None,
            "the number of sessions for this course: the protocol gives none "
            f"({proposal.get('sessions_note') or 'no count in the sources read'})",
        )
    half = count // 2 if count >= 4 else None
    before = patients.active_plan_for(db=db, patient=row, condition=proposal["condition"])
    stored = patients.start_plan(
        db=db,
        patient=row,
        data=PlanIn(
            condition=proposal["condition"],
            technique=proposal["technique"],
            planned_sessions=count,
            frequency_per_week=proposal.get("frequency_per_week"),
            review_after=half,
            started_on=body.started_on or dt.date.today(),
            detail=proposal,
        ),
        actor=user.username,
    )
    if before is not None and stored.id == before.id:  # already started: the same course
        return {
            "plan_id": stored.id,
            "planned_sessions": stored.planned_sessions,
            "proposal": proposal,
            "created": False,
        }
    return {"plan_id": stored.id, "planned_sessions": count, "proposal": proposal, "created": True}


def record_session(db: Session, user: User, row: Patient, data: NewSession) -> dict[str, Any]:
    responses: list[dict[str, Any]] = []
    if data.pain_nrs is not None:
        responses.append(
            {
                "instrument": "nrs",
                "answered_on": data.performed_on,
                "answers": {"pain": data.pain_nrs},
            }
        )
    for name, answers in data.questionnaires.items():
        given = {k: v for k, v in answers.items() if v is not None}
        if given:
            responses.append(
                {"instrument": name, "answered_on": data.performed_on, "answers": given}
            )
    points = [
        {"code": p} if isinstance(p, str) else p.model_dump(exclude_none=True) for p in data.points
    ]
    soap = {k: v for k, v in (data.soap or {}).items() if v and v.strip()} or None
    visit = sessions.record(
        db=db,
        clinic_id=user.clinic_id,
        data=SessionIn.model_validate(
            {
                "patient_id": row.id,
                "performed_on": data.performed_on,
                "practitioner": user.display_name,
                "retention_minutes": data.retention_minutes,
                "stimulation": data.stimulation or None,
                "notes": data.notes,
                "soap": soap,
                "points": points,
                "adverse_events": event_rows(data),
                "responses": responses,
            }
        ),
        actor=user.username,
    )
    return {"session_id": visit.id, "patient_id": row.id, "performed_on": str(visit.performed_on)}


def outcomes_document(db: Session, row: Patient) -> dict[str, Any]:
    from acupath.outcomes.patient import patient_report
    from acupath.store import queries

    courses, last_year = queries.patient_courses(db=db, patient=row)
    report = patient_report(
        patient_id=row.id,
        reference=row.reference,
        synthetic=row.synthetic,
        sessions_last_year=last_year,
        courses=courses,
    )
    plans = {p.id: p for p in row.plans}
    statuses: dict[int, CourseStatus] = {}
    for c in report.courses:
        plan = plans[c.plan_id]
        statuses[c.plan_id] = status_of(
            status=plan.status,
            sessions_done=c.sessions,
            planned_sessions=c.planned_sessions,
            advice=c.advice,
            reviews=plan.reviews,
            response=c.response,
        )
    doc = plain(report.as_dict())
    for course in doc["courses"]:
        course["status_now"] = statuses[course["plan_id"]].as_dict()
        course["reviews"] = plans[course["plan_id"]].reviews or []
    return {"report": report, "document": doc, "statuses": statuses}


def chart_image(db: Session, row: Patient, fmt: str = "svg", *, report: Any = None) -> bytes | None:
    from acupath.outcomes import plots

    report = report or outcomes_document(db, row)["report"]
    if not report.courses:
        return None
    from acupath.evidence.loader import bundled_base
    from acupath.outcomes.benchmarks import efficacy_benchmarks

    course = report.courses[-1]
    marks = efficacy_benchmarks(bundled_base(), course.condition)
    fig = plots.trajectory_figure(course, synthetic=report.synthetic, benchmarks=marks)
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=120, bbox_inches="tight")
    return buf.getvalue()


def sessions_of(db: Session, row: Patient) -> list[TreatmentSession]:
    query = select(TreatmentSession).where(TreatmentSession.patient_id == row.id)
    return list(db.scalars(query.order_by(TreatmentSession.performed_on, TreatmentSession.id)))


def session_pain(db: Session, row: Patient) -> dict[int, float]:
    """Pain NRS recorded at each session (session id -> score)."""
    from acupath.store.models import QuestionnaireResponse as Q

    rows = db.execute(
        select(Q.session_id, Q.score).where(
            Q.patient_id == row.id, Q.instrument == "nrs", Q.session_id.is_not(None)
        )
    )
    return {int(sid or 0): float(score) for sid, score in rows}


def fhir_document(db: Session, user: User, row: Patient) -> str:
    from acupath.fhir import export_json
    from acupath.store import records

    record = records.load(
        db=db, clinic_id=user.clinic_id, patient_id=row.id, actor=user.username, action="export"
    )
    return export_json(record)


def planned_points(plan: Plan | None, proposal: dict[str, Any]) -> list[dict[str, Any]]:
    """The points the session form offers: the course's stored plan, else the proposal; each
    with the side the atlas decides for midline points."""
    detail = (plan.detail if plan else None) or proposal
    out = []
    for p in detail.get("points") or []:
        code = str(p.get("code"))
        if code in ("ASHI",):
            midline = False
        else:
            try:
                midline = bool(getattr(get_point(normalise_code(code)), "midline", False))
            except InputError:
                continue
        out.append(
            {
                "code": code,
                "name": p.get("name") or "",
                "midline": midline,
                "sides": ["midline"] if midline else ["bilateral", "left", "right"],
                "depth": p.get("depth") or p.get("usual_depth") or "",
                "needles": p.get("needles") or (1 if midline else 2),
            }
        )
    return out


def review_course(db: Session, user: User, patient: Patient, review: Review) -> dict[str, Any]:
    plan = patients.get_plan(db=db, patient=patient, plan_id=None)
    if plan is None:
        raise InputError.invalid("course", None, "an active course to review")
    done = len(
        list(db.scalars(select(TreatmentSession.id).where(TreatmentSession.plan_id == plan.id)))
    )
    patients.review_course(
        db=db,
        patient=patient,
        plan=plan,
        decision=review.decision,
        actor=user.username,
        at_session=done,
        note=review.note,
        extend_by=review.extend_by,
    )
    return {"plan_id": plan.id, "status": plan.status, "planned_sessions": plan.planned_sessions}
