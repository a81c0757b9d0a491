"""Patient pages and API (signed-in users only): intake -> safety screen -> plan (STRICTA,
printable) -> session recording -> outcome chart -> FHIR export.

Every route that names a patient takes :data:`acupath.web.deps.PatientDep`, the one place
where clinic isolation is enforced; reads and writes are audited by the store's services.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.care.intake import parse_intake
from acupath.care.planning import plan as make_plan
from acupath.care.screening import screen
from acupath.errors import InputError
from acupath.store import ConditionIn, PatientIn, PlanIn, SessionIn, patients, sessions
from acupath.store.models import Patient, TreatmentSession, User
from acupath.web.deps import (
    CAN_WRITE,
    CsrfChecked,
    CurrentUser,
    PatientDep,
    SessionDep,
    StateDep,
    Writer,
)
from acupath.web.pages import render

router = APIRouter(tags=["patients"])
RED_FLAGS = (
    "saddle_anesthesia", "bladder_dysfunction", "bowel_incontinence",
    "progressive_neurological_deficit", "fever", "unexplained_weight_loss", "history_of_cancer",
    "major_trauma", "iv_drug_use", "immunosuppression", "severe_night_pain",
)  # fmt: skip
"""The intake's red flags (DESIGN.md), offered as checkboxes."""


class NewPatient(BaseModel):
    """A new patient with the intake acupath screens and plans from (see DESIGN.md)."""

    reference: str = Field(min_length=1, max_length=64)
    sex: str = "unknown"
    intake: dict[str, Any]


class NewSession(BaseModel):
    """A visit: date, points (any spelling), pain NRS, adverse event (optional)."""

    performed_on: dt.date
    points: list[str] = Field(default_factory=list, max_length=60)
    pain_nrs: int | None = Field(default=None, ge=0, le=10)
    retention_minutes: int | None = Field(default=None, ge=0, le=240)
    adverse_event: str | None = Field(default=None, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")
    adverse_severity: str = "mild"
    notes: str | None = Field(default=None, max_length=10_000)


# --- services shared by the pages and the API ---------------------------------------------


def create_patient(db: Session, user: User, data: NewPatient) -> Patient:
    intake = parse_intake(data.intake)
    row = patients.create(
        db=db,
        clinic_id=user.clinic_id,
        data=PatientIn(
            reference=data.reference, sex=data.sex, intake=intake.model_dump(mode="json")
        ),
        actor=user.username,
    )
    for entry in intake.conditions:
        patients.add_condition(
            db=db,
            patient=row,
            data=ConditionIn(
                condition=entry.condition,
                duration_weeks=entry.duration_weeks,
                noted_on=dt.date.today(),
            ),
            actor=user.username,
        )
    return row


def patient_json(row: Patient) -> dict[str, Any]:
    return {
        "id": row.id,
        "reference": row.reference,
        "sex": row.sex,
        "synthetic": row.synthetic,
        "intake": row.intake,
        "conditions": [c.condition for c in row.conditions],
        "plans": [
            {
                "id": p.id,
                "condition": p.condition.condition,
                "technique": p.technique,
                "planned_sessions": p.planned_sessions,
                "status": p.status,
                "started_on": p.started_on.isoformat(),
            }
            for p in row.plans
        ],
    }


def screen_document(row: Patient) -> dict[str, Any]:
    result: dict[str, Any] = screen(parse_intake(row.intake or {})).as_dict()
    return result


def plan_document(row: Patient) -> dict[str, Any]:
    result: dict[str, Any] = make_plan(parse_intake(row.intake or {})).as_dict()
    return result


def start_plan(db: Session, user: User, row: Patient) -> dict[str, Any]:
    proposal = plan_document(row)
    if not proposal.get("technique") or not proposal.get("sessions"):
        raise InputError.invalid(
            "plan", proposal.get("decision"), "a plannable patient (the screen did not defer)"
        )
    stored = patients.start_plan(
        db=db,
        patient=row,
        data=PlanIn(
            condition=proposal["condition"],
            technique=proposal["technique"],
            planned_sessions=proposal["sessions"],
            frequency_per_week=proposal.get("frequency_per_week"),
            started_on=dt.date.today() - dt.timedelta(days=60),
            detail=None,
        ),
        actor=user.username,
    )
    return {"plan_id": stored.id, "proposal": proposal}


def record_session(db: Session, user: User, row: Patient, data: NewSession) -> dict[str, Any]:
    responses = []
    if data.pain_nrs is not None:
        responses.append(
            {
                "instrument": "nrs",
                "answered_on": data.performed_on,
                "answers": {"pain": data.pain_nrs},
            }
        )
    events = (
        [{"kind": data.adverse_event, "severity": data.adverse_severity}]
        if data.adverse_event
        else []
    )
    visit = sessions.record(
        db=db,
        clinic_id=user.clinic_id,
        data=SessionIn.model_validate(
            {
                "patient_id": row.id,
                "performed_on": data.performed_on,
                "practitioner": user.display_name,
                "retention_minutes": data.retention_minutes,
                "notes": data.notes,
                "points": [{"code": c} for c in data.points],
                "adverse_events": events,
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
    return {"report": report, "document": _plain(report.as_dict())}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def chart_svg(db: Session, row: Patient) -> str | None:
    from acupath.outcomes import plots

    report = outcomes_document(db, row)["report"]
    if not report.courses:
        return None
    fig = plots.trajectory_figure(report.courses[-1], synthetic=report.synthetic)
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    return buf.getvalue().decode()


def sessions_of(db: Session, row: Patient) -> list[TreatmentSession]:
    query = select(TreatmentSession).where(TreatmentSession.patient_id == row.id)
    return list(db.scalars(query.order_by(TreatmentSession.performed_on)))


def fhir_document(db: Session, user: User, row: Patient) -> str:
    from acupath.fhir import export_json
    from acupath.store import records

    record = records.load(
        db=db, clinic_id=user.clinic_id, patient_id=row.id, actor=user.username, action="export"
    )
    return export_json(record)


# --- pages ---------------------------------------------------------------------------------


@router.get("/patients", include_in_schema=False)
def patients_page(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    rows = patients.list_patients(db=db, clinic_id=user.clinic_id, actor=user.username)
    context = {
        "title": "Patients",
        "patients": rows,
        "user": user,
        "can_write": user.role in CAN_WRITE,
    }
    return render(request, "patients/index.html", context)


@router.get("/patients/new", include_in_schema=False)
def new_patient_page(request: Request, app: StateDep, user: Writer) -> Response:
    context = {
        "title": "New patient",
        "conditions": app.base.conditions.values(),
        "red_flags": RED_FLAGS,
        "form": {},
    }
    return render(request, "patients/new.html", context)


@router.post("/patients", include_in_schema=False, dependencies=[CsrfChecked])
def new_patient(
    request: Request,
    app: StateDep,
    db: SessionDep,
    user: Writer,
    reference: Annotated[str, Form(max_length=64)],
    age: Annotated[str, Form(max_length=5)],
    condition: Annotated[str, Form(max_length=80)],
    sex: Annotated[str, Form(max_length=10)] = "unknown",
    pain_nrs: Annotated[str, Form(max_length=5)] = "",
    duration_weeks: Annotated[str, Form(max_length=6)] = "",
    medications: Annotated[str, Form(max_length=1000)] = "",
    red_flags: Annotated[list[str] | None, Form()] = None,
) -> Response:
    form = {
        "reference": reference, "age": age, "condition": condition, "sex": sex,
        "pain_nrs": pain_nrs, "duration_weeks": duration_weeks, "medications": medications,
        "red_flags": red_flags or [],
    }  # fmt: skip
    try:
        intake: dict[str, Any] = {
            "age": _int("age", age),
            "sex": sex if sex in ("female", "male") else None,
            "conditions": [
                {"condition": condition, "duration_weeks": _int_or_none(duration_weeks)}
            ],
            "pain_nrs": _int_or_none(pain_nrs),
            "medications": [m.strip() for m in medications.split(",") if m.strip()],
            "red_flags": red_flags or [],
        }
        intake = {k: v for k, v in intake.items() if v not in (None, [])}
        intake["conditions"] = [{k: v for k, v in intake["conditions"][0].items() if v is not None}]
        with db.begin_nested():  # a refused form leaves nothing behind
            row = create_patient(db, user, NewPatient(reference=reference, sex=sex, intake=intake))
    except InputError as exc:
        context = {
            "title": "New patient",
            "conditions": app.base.conditions.values(),
            "red_flags": RED_FLAGS,
            "form": form,
            "error": exc.as_dict(),
        }
        return render(request, "patients/new.html", context, status=400)
    return RedirectResponse(f"/patients/{row.id}", status_code=303)


def _int(field: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError.invalid(field, text, "a whole number") from None


def _int_or_none(text: str) -> int | None:
    return int(text) if text.strip().lstrip("-").isdigit() else None


@router.get("/patients/{patient_id}", include_in_schema=False)
def patient_page(
    request: Request, db: SessionDep, patient: PatientDep, user: CurrentUser
) -> Response:
    svg = chart_svg(db, patient)
    context = {
        "can_write": user.role in CAN_WRITE,
        "title": f"Patient {patient.reference}",
        "patient": patient,
        "screen": screen_document(patient),
        "plan": plan_document(patient),
        "sessions": sessions_of(db, patient),
        "outcomes": outcomes_document(db, patient)["document"],
        "chart": base64.b64encode(svg.encode()).decode() if svg else None,
        "today": dt.date.today().isoformat(),
    }
    return render(request, "patients/show.html", context)


@router.get("/patients/{patient_id}/plan", include_in_schema=False)
def plan_print_page(request: Request, patient: PatientDep) -> Response:
    context = {
        "title": f"Plan for {patient.reference}",
        "patient": patient,
        "plan": plan_document(patient),
    }
    return render(request, "patients/plan.html", context)


@router.post("/patients/{patient_id}/plan", include_in_schema=False, dependencies=[CsrfChecked])
def start_plan_page(db: SessionDep, user: Writer, patient: PatientDep) -> Response:
    start_plan(db, user, patient)
    return RedirectResponse(f"/patients/{patient.id}#sessions", status_code=303)


@router.post("/patients/{patient_id}/sessions", include_in_schema=False, dependencies=[CsrfChecked])
def record_session_page(
    db: SessionDep,
    user: Writer,
    patient: PatientDep,
    performed_on: Annotated[dt.date, Form()],
    points: Annotated[str, Form(max_length=2000)] = "",
    pain_nrs: Annotated[int | None, Form(ge=0, le=10)] = None,
    adverse_event: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    data = NewSession(
        performed_on=performed_on,
        points=[p.strip() for p in points.replace(";", ",").split(",") if p.strip()],
        pain_nrs=pain_nrs,
        adverse_event=adverse_event.strip() or None,
    )
    record_session(db, user, patient, data)
    return RedirectResponse(f"/patients/{patient.id}#outcomes", status_code=303)


@router.get("/patients/{patient_id}/fhir", include_in_schema=False)
def fhir_page(db: SessionDep, user: CurrentUser, patient: PatientDep) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="patient-{patient.id}-fhir.json"'}
    return Response(
        fhir_document(db, user, patient), media_type="application/fhir+json", headers=headers
    )


# --- API -----------------------------------------------------------------------------------


@router.get("/api/patients")
def api_patients(db: SessionDep, user: CurrentUser) -> dict[str, Any]:
    """The patients of the caller's clinic (bearer token required)."""
    rows = patients.list_patients(db=db, clinic_id=user.clinic_id, actor=user.username)
    return {"count": len(rows), "patients": [patient_json(r) for r in rows]}


@router.post("/api/patients", status_code=201)
def api_new_patient(db: SessionDep, user: Writer, body: NewPatient) -> dict[str, Any]:
    """Add a patient with an intake (validated; see DESIGN.md for the fields)."""
    return patient_json(create_patient(db, user, body))


@router.get("/api/patients/{patient_id}")
def api_patient(patient: PatientDep) -> dict[str, Any]:
    """One patient of the caller's clinic."""
    return patient_json(patient)


@router.get("/api/patients/{patient_id}/screen")
def api_screen(patient: PatientDep) -> dict[str, Any]:
    """The safety screen of the patient's intake."""
    return screen_document(patient)


@router.get("/api/patients/{patient_id}/plan")
def api_plan(patient: PatientDep) -> dict[str, Any]:
    """The proposed plan with its STRICTA report."""
    return plan_document(patient)


@router.post("/api/patients/{patient_id}/plan", status_code=201)
def api_start_plan(db: SessionDep, user: Writer, patient: PatientDep) -> dict[str, Any]:
    """Start the proposed course of treatment."""
    return start_plan(db, user, patient)


@router.post("/api/patients/{patient_id}/sessions", status_code=201)
def api_record_session(
    db: SessionDep, user: Writer, patient: PatientDep, body: NewSession
) -> dict[str, Any]:
    """Record a visit: points, pain NRS, adverse event."""
    return record_session(db, user, patient, body)


@router.get("/api/patients/{patient_id}/outcomes")
def api_outcomes(db: SessionDep, patient: PatientDep) -> dict[str, Any]:
    """Trajectories and response classification of each course."""
    doc: dict[str, Any] = outcomes_document(db, patient)["document"]
    return doc


@router.get("/api/patients/{patient_id}/fhir")
def api_fhir(db: SessionDep, user: CurrentUser, patient: PatientDep) -> Response:
    """The patient's record as a FHIR R4 Bundle (the export is audited)."""
    return Response(fhir_document(db, user, patient), media_type="application/fhir+json")
