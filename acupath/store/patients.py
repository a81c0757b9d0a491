"""Patients, the conditions they are treated for, and their courses of treatment (plans).

Keyword-only service functions over a SQLAlchemy ``Session``. They validate, add rows, flush
and write the audit row; they never commit: the command or request that calls them owns the
transaction, so a refused input leaves the database as it was.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.care.intake import parse_intake
from acupath.errors import InputError, NotFound
from acupath.evidence.loader import bundled_base
from acupath.outcomes.rules import course_rules
from acupath.points import normalise_code
from acupath.store import audit
from acupath.store.models import Patient, PatientCondition, Plan
from acupath.store.schemas import ConditionIn, PatientIn, PlanIn, parse


class _PlanPoint(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: str


class PlanDetail(BaseModel):
    """The keys of the plan JSON (``acupath plan --json``) the store relies on.

    Other keys are kept as they are; the points' codes are normalised to WHO codes.
    """

    model_config = ConfigDict(extra="allow")
    condition: str
    technique: str
    points: list[_PlanPoint] = Field(default_factory=list)
    sessions: int | None = None


@functools.cache
def _conditions() -> dict[str, list[str]]:
    return {cid: list(c.icd10) for cid, c in bundled_base().conditions.items()}


def validate_intake(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """The intake as validated JSON (:class:`acupath.care.intake.Intake`), or ``None``."""
    if data is None:
        return None
    return parse_intake(data).model_dump(mode="json", exclude_none=True)


def validate_plan_detail(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """The plan JSON with its contract keys checked and point codes normalised."""
    if data is None:
        return None
    detail = parse(PlanDetail, data, location="plan")
    out = detail.model_dump(mode="json")
    out["points"] = [
        p.model_dump(mode="json") | {"code": normalise_code(p.code)} for p in detail.points
    ]
    return out


def create(*, db: Session, clinic_id: int, data: PatientIn, actor: str) -> Patient:
    """Add a patient; the clinic's record number (``reference``) must be new."""
    exists = db.scalar(
        select(Patient.id).where(
            Patient.clinic_id == clinic_id, Patient.reference == data.reference
        )
    )
    if exists is not None:
        raise InputError.invalid(
            "reference", data.reference, "a record number not yet used in this clinic"
        )
    patient = Patient(
        clinic_id=clinic_id,
        reference=data.reference,
        given_name=data.given_name,
        family_name=data.family_name,
        birth_date=data.birth_date,
        sex=data.sex,
        synthetic=data.synthetic,
        intake=validate_intake(data.intake),
    )
    db.add(patient)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="create",
        entity="patient",
        entity_id=patient.id,
        patient_id=patient.id,
    )
    return patient


def get(
    *, db: Session, clinic_id: int, patient_id: int, actor: str, audited: bool = True
) -> Patient:
    """The patient with this id in this clinic, or :class:`NotFound`; the read is audited."""
    patient = db.get(Patient, patient_id)
    if patient is None or patient.clinic_id != clinic_id:
        raise NotFound(
            f"unknown patient {patient_id!r} in this clinic; list them with acupath patient list",
            field="patient",
            value=patient_id,
        )
    if audited:
        audit.log(
            db=db, actor=actor, action="read", entity="patient", entity_id=patient.id,
            patient_id=patient.id,
        )  # fmt: skip
    return patient


def list_patients(
    *, db: Session, clinic_id: int, actor: str, limit: int = 100, offset: int = 0
) -> list[Patient]:
    """Patients of a clinic by id; the listing is audited as one read."""
    rows = list(
        db.scalars(
            select(Patient)
            .where(Patient.clinic_id == clinic_id)
            .order_by(Patient.id)
            .limit(limit)
            .offset(offset)
        )
    )
    audit.log(
        db=db,
        actor=actor,
        action="read",
        entity="patient_list",
        entity_id=clinic_id,
        detail={"count": len(rows), "offset": offset},
    )
    return rows


def add_condition(
    *, db: Session, patient: Patient, data: ConditionIn, actor: str
) -> PatientCondition:
    """Add a condition under treatment; the id must be a knowledge-base condition."""
    known = _conditions()
    if data.condition not in known:
        raise NotFound.unknown("condition", data.condition, list(known))
    icd10 = data.icd10 or known[data.condition][0]
    row = PatientCondition(
        patient_id=patient.id,
        condition=data.condition,
        icd10=icd10,
        duration_weeks=data.duration_weeks,
        cause=data.cause,
        status=data.status,
        noted_on=data.noted_on,
    )
    db.add(row)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="create",
        entity="condition",
        entity_id=row.id,
        patient_id=patient.id,
    )
    return row


def start_plan(*, db: Session, patient: Patient, data: PlanIn, actor: str) -> Plan:
    """Start a course for one of the patient's conditions (added if not yet recorded)."""
    if data.coverage is not None:
        coverage = {r.id for r in course_rules().values() if r.kind == "coverage_limit"}
        if data.coverage not in coverage:
            raise NotFound.unknown("coverage rule", data.coverage, sorted(coverage))
    if data.review_after is not None and data.review_after > data.planned_sessions:
        raise InputError.invalid(
            "review_after", data.review_after, f"at most planned_sessions ({data.planned_sessions})"
        )
    condition = db.scalar(
        select(PatientCondition).where(
            PatientCondition.patient_id == patient.id,
            PatientCondition.condition == data.condition,
        )
    )
    if condition is None:
        condition = add_condition(
            db=db,
            patient=patient,
            data=ConditionIn(condition=data.condition, noted_on=data.started_on),
            actor=actor,
        )
    plan = Plan(
        patient_id=patient.id,
        patient_condition_id=condition.id,
        technique=data.technique,
        planned_sessions=data.planned_sessions,
        frequency_per_week=data.frequency_per_week,
        review_after=data.review_after,
        coverage=data.coverage,
        started_on=data.started_on,
        ended_on=data.ended_on,
        status=data.status,
        detail=validate_plan_detail(data.detail),
    )
    db.add(plan)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="create",
        entity="plan",
        entity_id=plan.id,
        patient_id=patient.id,
    )
    return plan


def get_plan(*, db: Session, patient: Patient, plan_id: int | None) -> Plan | None:
    """The patient's course with this id, or their latest active course when ``None``."""
    if plan_id is None:
        return db.scalar(
            select(Plan)
            .where(Plan.patient_id == patient.id, Plan.status == "active")
            .order_by(Plan.id.desc())
            .limit(1)
        )
    plan = db.get(Plan, plan_id)
    if plan is None or plan.patient_id != patient.id:
        choices = [str(p.id) for p in patient.plans]
        raise NotFound.unknown(f"course of patient {patient.id}", str(plan_id), choices)
    return plan
