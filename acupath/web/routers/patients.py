"""Patient pages and API (signed-in users only): list and search, intake, edit, screen, plan.

Courses, sessions, charts and FHIR export are in :mod:`acupath.web.routers.courses`; printable
documents in :mod:`acupath.web.routers.documents`. Both are included in this router, so the
app registers one router for the whole clinical journey.

Every route that names a patient takes :data:`acupath.web.deps.PatientDep`, the one place
where clinic isolation is enforced; reads and writes are audited by the store's services.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from acupath.care.intake import parse_intake
from acupath.errors import InputError
from acupath.store import ConditionIn, PatientIn, patients
from acupath.store.models import Patient, User
from acupath.store.schemas import ConsentIn, Sex
from acupath.web import intake_form
from acupath.web.clinical import FormDep, plan_document, screen_document
from acupath.web.course_service import start_plan as start_plan  # the load benchmark uses it
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
from acupath.web.routers import courses, documents

router = APIRouter(tags=["patients"])
PAGE_SIZE = 25


class NewPatient(BaseModel):
    """A new patient: the clinic's identifiers and the intake acupath screens and plans from."""

    reference: str = Field(min_length=1, max_length=64, description="The clinic's record number.")
    given_name: str | None = Field(default=None, max_length=100)
    family_name: str | None = Field(default=None, max_length=100)
    birth_date: dt.date | None = None
    sex: Sex = "unknown"
    intake: dict[str, Any]
    consent: ConsentIn | None = None


class PatientChange(BaseModel):
    """Changes to a patient: any identifier, the whole intake (medicines, conditions, labs ...),
    consent. Fields left out stay as they are; every change is audited."""

    given_name: str | None = Field(default=None, max_length=100)
    family_name: str | None = Field(default=None, max_length=100)
    birth_date: dt.date | None = None
    sex: Sex | None = None
    intake: dict[str, Any] | None = None
    consent: ConsentIn | None = None


# --- services shared by the pages and the API ---------------------------------------------


def create_patient(db: Session, user: User, data: NewPatient) -> Patient:
    intake = parse_intake(data.intake)
    row = patients.create(
        db=db,
        clinic_id=user.clinic_id,
        data=PatientIn(
            reference=data.reference,
            given_name=data.given_name,
            family_name=data.family_name,
            birth_date=data.birth_date,
            sex=data.sex,
            intake=intake.model_dump(mode="json"),
            consent=data.consent,
        ),
        actor=user.username,
    )
    for entry in intake.conditions:
        patients.add_condition(
            db=db,
            patient=row,
            data=ConditionIn(
                condition=entry.condition,
                duration_weeks=None
                if entry.duration_weeks is None
                else round(entry.duration_weeks),
                noted_on=dt.date.today(),
            ),
            actor=user.username,
        )
    return row


def patient_json(row: Patient) -> dict[str, Any]:
    return {
        "id": row.id,
        "reference": row.reference,
        "given_name": row.given_name,
        "family_name": row.family_name,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None,
        "sex": row.sex,
        "synthetic": row.synthetic,
        "intake": row.intake,
        "consent": row.consent,
        "conditions": [c.condition for c in row.conditions],
        "plans": [
            {
                "id": p.id,
                "condition": p.condition.condition,
                "technique": p.technique,
                "planned_sessions": p.planned_sessions,
                "status": p.status,
                "started_on": p.started_on.isoformat(),
                "ended_on": p.ended_on.isoformat() if p.ended_on else None,
                "end_reason": p.end_reason,
                "reviews": p.reviews or [],
            }
            for p in row.plans
        ],
    }


def _page_url(base: str, q: str, sort: str, order: str, limit: int, offset: int) -> str:
    params = {"q": q, "sort": sort, "order": order, "limit": limit, "offset": offset}
    return f"{base}?{urlencode({k: v for k, v in params.items() if v not in ('', None)})}"


def _form_context(app: Any, **extra: Any) -> dict[str, Any]:
    return {
        "conditions": sorted(app.base.conditions.values(), key=lambda c: c.name),
        "choices": intake_form.choices(),
        "problems": {},
        "problem_list": [],
        "form": {},
        "editing": False,
    } | extra


# --- pages ---------------------------------------------------------------------------------

SortParam = Annotated[str, Query(description="id, reference, name, birth_date or created")]
OrderParam = Annotated[str, Query(pattern="^(asc|desc)$")]


@router.get("/patients", include_in_schema=False)
def patients_page(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    sort: SortParam = "reference",
    order: OrderParam = "asc",
    limit: Annotated[int, Query(ge=1, le=200)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    page = patients.search_patients(
        db=db,
        clinic_id=user.clinic_id,
        actor=user.username,
        q=q,
        sort=sort,
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )
    nxt = page.next_offset
    context = {
        "title": "Patients",
        "page": page,
        "q": q,
        "sort": sort,
        "order": order,
        "user": user,
        "can_write": user.role in CAN_WRITE,
        "next_url": None if nxt is None else _page_url("/patients", q, sort, order, limit, nxt),
        "prev_url": None
        if offset == 0
        else _page_url("/patients", q, sort, order, limit, max(0, offset - limit)),
        "sort_url": lambda key: _page_url(
            "/patients", q, key, "desc" if sort == key and order == "asc" else "asc", limit, 0
        ),
    }
    return render(request, "patients/index.html", context)


@router.get("/patients/new", include_in_schema=False)
def new_patient_page(request: Request, app: StateDep, user: Writer) -> Response:
    context = _form_context(
        app,
        title="New patient",
        heading="New patient",
        action="/patients",
        submit="Add and screen",
        form={"consent.on": dt.date.today().isoformat()},
    )
    return render(request, "patients/new.html", context)


def _refused(request: Request, app: Any, res: intake_form.FormResult, **extra: Any) -> Response:
    context = _form_context(
        app, form=res.values, problems=res.by_field, problem_list=res.problems, **extra
    )
    return render(request, "patients/new.html", context, status=400)


@router.post("/patients", include_in_schema=False, dependencies=[CsrfChecked])
def new_patient(
    request: Request, app: StateDep, db: SessionDep, user: Writer, form: FormDep
) -> Response:
    res = intake_form.read_form(form)
    page = {
        "title": "New patient",
        "heading": "New patient",
        "action": "/patients",
        "submit": "Add and screen",
    }
    if res.problems:
        return _refused(request, app, res, **page)
    try:
        with db.begin_nested():  # a refused form leaves nothing behind
            data = NewPatient(
                **res.identity,
                intake=res.intake,
                consent=ConsentIn(**res.consent) if res.consent else None,
            )
            row = create_patient(db, user, data)
    except InputError as exc:
        problem = intake_form.clinic_problem(exc)
        if exc.field == "reference":
            problem = intake_form.FieldProblem(
                "reference",
                f"Record number {res.identity['reference']!r} is already used in this clinic; "
                "choose another or open that patient from the list.",
            )
        res.problems.append(problem)
        return _refused(request, app, res, **page)
    return RedirectResponse(f"/patients/{row.id}", status_code=303)


@router.get("/patients/{patient_id}/edit", include_in_schema=False)
def edit_patient_page(
    request: Request, app: StateDep, user: Writer, patient: PatientDep
) -> Response:
    context = _form_context(
        app,
        title=f"Edit {patient.reference}",
        heading=f"Edit intake · {patient.reference}",
        action=f"/patients/{patient.id}/edit",
        submit="Save changes",
        editing=True,
        form=intake_form.form_from_patient(patient),
    )
    return render(request, "patients/new.html", context)


@router.post("/patients/{patient_id}/edit", include_in_schema=False, dependencies=[CsrfChecked])
def edit_patient(
    request: Request,
    app: StateDep,
    db: SessionDep,
    user: Writer,
    patient: PatientDep,
    form: FormDep,
) -> Response:
    res = intake_form.read_form(form, require_reference=False)
    res.values["reference"] = patient.reference
    page = {
        "title": f"Edit {patient.reference}",
        "heading": f"Edit intake · {patient.reference}",
        "action": f"/patients/{patient.id}/edit",
        "submit": "Save changes",
        "editing": True,
    }
    if res.problems:
        return _refused(request, app, res, **page)
    try:
        with db.begin_nested():
            patients.update(
                db=db,
                patient=patient,
                actor=user.username,
                intake=res.intake,
                given_name=res.identity["given_name"] or "",
                family_name=res.identity["family_name"] or "",
                birth_date=res.identity["birth_date"],
                sex=res.identity["sex"],
                consent=ConsentIn(**res.consent) if res.consent else None,
            )
    except InputError as exc:
        res.problems.append(intake_form.clinic_problem(exc))
        return _refused(request, app, res, **page)
    return RedirectResponse(f"/patients/{patient.id}?saved=1", status_code=303)


# --- API -----------------------------------------------------------------------------------


@router.get("/api/patients")
def api_patients(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words matched against record number, names "
            "and date of birth (YYYY-MM-DD or a year)",
        ),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=500, description="Patients per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="Patients to skip")] = 0,
    sort: SortParam = "id",
    order: OrderParam = "asc",
) -> dict[str, Any]:
    """The patients of the caller's clinic, one page at a time (bearer token required).

    Answers ``items``, ``total`` (patients matching ``q``) and ``next`` (the URL of the next
    page, or null): no list is silently cut.
    """
    page = patients.search_patients(
        db=db,
        clinic_id=user.clinic_id,
        actor=user.username,
        q=q,
        sort=sort,
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )
    nxt = page.next_offset
    return {
        "items": [patient_json(r) for r in page.items],
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "next": None
        if nxt is None
        else str(
            request.url.replace_query_params(
                **{k: v for k, v in {"q": q, "sort": sort, "order": order}.items() if v},
                limit=limit,
                offset=nxt,
            )
        ),
    }


@router.post("/api/patients", status_code=201)
def api_new_patient(db: SessionDep, user: Writer, body: NewPatient) -> dict[str, Any]:
    """Add a patient with an intake (validated; see DESIGN.md for the fields)."""
    return patient_json(create_patient(db, user, body))


@router.get("/api/patients/{patient_id}")
def api_patient(patient: PatientDep) -> dict[str, Any]:
    """One patient of the caller's clinic."""
    return patient_json(patient)


@router.patch("/api/patients/{patient_id}")
def api_change_patient(
    db: SessionDep, user: Writer, patient: PatientDep, body: PatientChange
) -> dict[str, Any]:
    """Change identifiers, intake (medicines, conditions ...) or consent; the change is audited
    field by field and listed in ``changes``."""
    changes = patients.update(
        db=db,
        patient=patient,
        actor=user.username,
        intake=body.intake,
        given_name=body.given_name,
        family_name=body.family_name,
        birth_date=body.birth_date,
        sex=body.sex,
        consent=body.consent,
    )
    return patient_json(patient) | {"changes": changes}


@router.get("/api/patients/{patient_id}/screen")
def api_screen(patient: PatientDep) -> dict[str, Any]:
    """The safety screen of the patient's intake."""
    return screen_document(patient)


@router.get("/api/patients/{patient_id}/plan")
def api_plan(patient: PatientDep) -> dict[str, Any]:
    """The proposed plan with its STRICTA report."""
    return plan_document(patient)


router.include_router(courses.router)
router.include_router(documents.router)
