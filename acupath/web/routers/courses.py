"""The patient page and its course: start a course, record sessions, review, chart, FHIR.

Included by :mod:`acupath.web.routers.patients` (one router for the clinical journey).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.outcomes.instruments import instruments
from acupath.outcomes.progress import CourseStatus, status_of
from acupath.points import get_point, normalise_code
from acupath.store import PlanIn, SessionIn, patients, sessions
from acupath.store.models import Patient, Plan, TreatmentSession, User
from acupath.web.clinical import FormDep, plain, plan_document, screen_document
from acupath.web.deps import CAN_WRITE, CsrfChecked, CurrentUser, PatientDep, SessionDep, Writer
from acupath.web.pages import render

router = APIRouter(tags=["patients"])

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


# --- services ------------------------------------------------------------------------------


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


# --- pages ---------------------------------------------------------------------------------


@router.get("/patients/{patient_id}", include_in_schema=False)
def patient_page(
    request: Request,
    db: SessionDep,
    patient: PatientDep,
    user: CurrentUser,
    saved: Annotated[str, Query(max_length=2)] = "",
) -> Response:
    return patient_view(request, db, patient, user, saved=bool(saved))


def patient_view(
    request: Request,
    db: Session,
    patient: Patient,
    user: User,
    *,
    saved: bool = False,
    problem: str = "",
    form: dict[str, str] | None = None,
) -> Response:
    """The patient page; after a refused form, with the problem and what was typed (400)."""
    outcomes = outcomes_document(db, patient)
    svg = chart_image(db, patient, "svg", report=outcomes["report"])
    active = patients.get_plan(db=db, patient=patient, plan_id=None)
    proposal = plan_document(patient)
    status = outcomes["statuses"].get(active.id) if active else None
    latest = patient.plans[-1] if patient.plans else None
    context = {
        "can_write": user.role in CAN_WRITE,
        "title": f"Patient {patient.reference}",
        "patient": patient,
        "screen": screen_document(patient),
        "plan": proposal,
        "active": active,
        "latest": latest,
        "status": status,
        "sessions": sessions_of(db, patient),
        "pain": session_pain(db, patient),
        "outcomes": outcomes["document"],
        "chart": base64.b64encode(svg).decode() if svg else None,
        "today": dt.date.today().isoformat(),
        "points": planned_points(active, proposal),
        "ae_kinds": AE_KINDS,
        "instruments": [instruments()[i] for i in SESSION_INSTRUMENTS],
        "saved": saved,
        "problem": problem,
        "typed": form or {},
    }
    return render(request, "patients/show.html", context, status=400 if problem else 200)


LABELS = {
    "sessions": "Number of sessions",
    "extend_by": "Further sessions",
    "performed_on": "Date",
    "decision": "Decision",
    "course": "Course",
}
"""Field names of the course and session forms -> the words on the page."""


def clinic_message(exc: InputError) -> str:
    """An error in the page's words: the label instead of the field name, no ``got None``."""
    text = exc.message.replace("; got None", "")
    field = exc.field or ""
    if field in LABELS and text.startswith(field):
        text = LABELS[field] + text[len(field) :]
    elif field.startswith("points."):
        text = "Point " + text.removeprefix("points.").replace(".side", ": side", 1)
    return text[:1].upper() + text[1:]


def _refused(request: Request, db: Session, patient: Patient, user: User, exc: InputError,
             form: Any) -> Response:  # fmt: skip
    typed = {str(k): str(v) for k, v in form.multi_items() if k != "csrf_token"}
    return patient_view(request, db, patient, user, problem=clinic_message(exc), form=typed)


def _back(patient: Patient, anchor: str) -> RedirectResponse:
    return RedirectResponse(f"/patients/{patient.id}#{anchor}", status_code=303)


def _int_field(form: Any, name: str, lo: int, hi: int, label: str) -> int | None:
    text = str(form.get(name) or "").strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise InputError.invalid(label, text, f"a whole number from {lo} to {hi}") from None
    if not lo <= value <= hi:
        raise InputError.invalid(label, text, f"a whole number from {lo} to {hi}")
    return value


@router.post("/patients/{patient_id}/plan", include_in_schema=False, dependencies=[CsrfChecked])
def start_plan_page(
    request: Request, db: SessionDep, user: Writer, patient: PatientDep, form: FormDep
) -> Response:
    try:
        sessions_n = _int_field(form, "sessions", 1, 100, "Number of sessions")
        started = str(form.get("started_on") or "").strip()
        body = StartCourse(
            sessions=sessions_n, started_on=dt.date.fromisoformat(started) if started else None
        )
        with db.begin_nested():
            start_plan(db, user, patient, body)
    except ValueError:
        exc_d = InputError.invalid("Course starts on", form.get("started_on"), "a date")
        return _refused(request, db, patient, user, exc_d, form)
    except InputError as exc:
        return _refused(request, db, patient, user, exc, form)
    return _back(patient, "course")


@router.post("/patients/{patient_id}/review", include_in_schema=False, dependencies=[CsrfChecked])
def review_page(
    request: Request, db: SessionDep, user: Writer, patient: PatientDep, form: FormDep
) -> Response:
    try:
        extend = _int_field(form, "extend_by", 1, 50, "Further sessions")
        review = Review(
            decision=str(form.get("decision") or ""),
            note=str(form.get("note") or "") or None,
            extend_by=extend,
        )
        with db.begin_nested():
            review_course(db, user, patient, review)
    except InputError as exc:
        return _refused(request, db, patient, user, exc, form)
    except ValueError:
        choose = InputError("Choose continue, stop, refer or close as complete.", field="decision")
        return _refused(request, db, patient, user, choose, form)
    return _back(patient, "course")


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


def session_from_form(form: Any, points: list[dict[str, Any]]) -> NewSession:
    """Read the session form: one row per planned point, extra points, questionnaires, events."""
    chosen: list[str | PointGiven] = []
    for i, p in enumerate(points):
        if not form.get(f"pt.{i}.used"):
            continue
        chosen.append(
            PointGiven(
                code=p["code"],
                side=str(form.get(f"pt.{i}.side") or "") or None,
                depth=str(form.get(f"pt.{i}.depth") or "").strip() or None,
                needles=_int_field(form, f"pt.{i}.needles", 1, 20, f"Needles at {p['code']}"),
            )
        )
    extra = str(form.get("extra_points") or "")
    chosen += [c.strip() for c in re.split(r"[,;\s]+", extra) if c.strip()]
    questionnaires: dict[str, dict[str, int | None]] = {}
    for name in SESSION_INSTRUMENTS:
        inst = instruments()[name]
        answers = {}
        for item in inst.items:
            answers[item.id] = _int_field(
                form, f"q.{name}.{item.id}", item.min, item.max, f"{inst.abbreviation} {item.text}"
            )
        questionnaires[name] = answers
    kind = str(form.get("ae_kind") or "").strip()
    note = str(form.get("ae_note") or "").strip()
    events = []
    if kind or note:
        severity = str(form.get("ae_severity") or "mild")
        events.append(EventGiven(kind=kind or "other", severity=severity, note=note or None))
    performed = str(form.get("performed_on") or "").strip()
    try:
        day = dt.date.fromisoformat(performed)
    except ValueError:
        raise InputError.invalid("Date", performed, "a date (YYYY-MM-DD)") from None
    return NewSession(
        performed_on=day,
        points=chosen,
        pain_nrs=_int_field(form, "pain_nrs", 0, 10, "Pain (0-10)"),
        retention_minutes=_int_field(form, "retention_minutes", 0, 240, "Retention (minutes)"),
        stimulation=str(form.get("stimulation") or "").strip() or None,
        adverse_events=events,
        questionnaires=questionnaires,
        soap={
            k: str(form.get(f"soap.{k}") or "")
            for k in ("subjective", "objective", "assessment", "plan")
        },
    )


@router.post("/patients/{patient_id}/sessions", include_in_schema=False, dependencies=[CsrfChecked])
def record_session_page(
    request: Request, db: SessionDep, user: Writer, patient: PatientDep, form: FormDep
) -> Response:
    active = patients.get_plan(db=db, patient=patient, plan_id=None)
    try:
        data = session_from_form(form, planned_points(active, plan_document(patient)))
        with db.begin_nested():
            record_session(db, user, patient, data)
    except InputError as exc:
        return _refused(request, db, patient, user, exc, form)
    return _back(patient, "course")


@router.get("/patients/{patient_id}/chart.{fmt}", include_in_schema=False)
def chart_file(db: SessionDep, patient: PatientDep, fmt: Literal["png", "svg"]) -> Response:
    image = chart_image(db, patient, fmt)
    if image is None:
        raise InputError.invalid("chart", None, "a course with pain scores")
    media = "image/png" if fmt == "png" else "image/svg+xml"
    return Response(image, media_type=media)


@router.get("/patients/{patient_id}/fhir", include_in_schema=False)
def fhir_page(db: SessionDep, user: CurrentUser, patient: PatientDep) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="patient-{patient.id}-fhir.json"'}
    return Response(
        fhir_document(db, user, patient), media_type="application/fhir+json", headers=headers
    )


# --- API -----------------------------------------------------------------------------------


@router.post(
    "/api/patients/{patient_id}/plan",
    status_code=201,
    responses={
        200: {
            "description": "The patient already has an active course for this condition; "
            "it is returned unchanged."
        }
    },
)
def api_start_plan(
    response: Response,
    db: SessionDep,
    user: Writer,
    patient: PatientDep,
    body: StartCourse | None = None,
) -> dict[str, Any]:
    """Start the proposed course of treatment (give ``sessions`` when the plan has no count).

    201 with ``created: true`` for a new course; 200 with ``created: false`` and the existing
    course when the patient already has an active course for that condition."""
    out = start_plan(db, user, patient, body)
    if not out["created"]:
        response.status_code = 200
    return out


@router.post("/api/patients/{patient_id}/review")
def api_review(db: SessionDep, user: Writer, patient: PatientDep, body: Review) -> dict[str, Any]:
    """Record the decision at a review point: continue (with ``extend_by`` at the end of the
    course), stop, refer or complete."""
    return review_course(db, user, patient, body)


@router.post("/api/patients/{patient_id}/sessions", status_code=201)
def api_record_session(
    db: SessionDep, user: Writer, patient: PatientDep, body: NewSession
) -> dict[str, Any]:
    """Record a visit: points with side and depth, pain NRS, PEG/BPI/PGIC, events, SOAP note."""
    return record_session(db, user, patient, body)


@router.get("/api/patients/{patient_id}/outcomes")
def api_outcomes(db: SessionDep, patient: PatientDep) -> dict[str, Any]:
    """Trajectories, response and where each course stands (``status_now``)."""
    doc: dict[str, Any] = outcomes_document(db, patient)["document"]
    return doc


@router.get("/api/patients/{patient_id}/fhir")
def api_fhir(db: SessionDep, user: CurrentUser, patient: PatientDep) -> Response:
    """The patient's record as a FHIR R4 Bundle (the export is audited)."""
    return Response(fhir_document(db, user, patient), media_type="application/fhir+json")
