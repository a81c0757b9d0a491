"""The patient page and its course: start a course, record sessions, review, chart, FHIR.

The pages and API routes only; what they do is in :mod:`acupath.web.course_service`.
Included by :mod:`acupath.web.routers.patients` (one router for the clinical journey).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.outcomes.instruments import instruments
from acupath.store import patients
from acupath.store.models import Patient, User
from acupath.web.clinical import FormDep, plan_document, screen_document
from acupath.web.course_service import (
    AE_KINDS,
    SESSION_INSTRUMENTS,
    EventGiven,
    NewSession,
    PointGiven,
    Review,
    StartCourse,
    chart_image,
    fhir_document,
    outcomes_document,
    planned_points,
    record_session,
    review_course,
    session_pain,
    sessions_of,
    start_plan,
)
from acupath.web.deps import CAN_WRITE, CsrfChecked, CurrentUser, PatientDep, SessionDep, Writer
from acupath.web.pages import render

router = APIRouter(tags=["patients"])

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
