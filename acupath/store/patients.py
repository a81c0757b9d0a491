"""Patients, the conditions they are treated for, and their courses of treatment (plans).

Keyword-only service functions over a SQLAlchemy ``Session``. They validate, add rows, flush
and write the audit row; they never commit: the command or request that calls them owns the
transaction, so a refused input leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from acupath.care.intake import parse_intake
from acupath.errors import InputError, NotFound
from acupath.evidence.loader import bundled_base
from acupath.outcomes.rules import course_rules
from acupath.points import normalise_code
from acupath.store import audit
from acupath.store.models import Patient, PatientCondition, Plan
from acupath.store.schemas import ConditionIn, ConsentIn, PatientIn, PlanIn, parse


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


def validate_consent(
    consent: ConsentIn | None, intake: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The consent as JSON; a minor (under 18) or a patient who cannot consent needs a guardian.

    The age of majority is clinic policy in most places; 18 is the common default.
    """
    if consent is None:
        return None
    needs_guardian = bool(intake) and (
        int((intake or {}).get("age", 99)) < ADULT_AGE or (intake or {}).get("can_consent") is False
    )
    if needs_guardian and consent.given:
        if consent.by != "guardian":
            raise InputError.invalid(
                "consent.by",
                consent.by,
                "guardian: the patient is a minor or cannot consent, so a guardian consents",
            )
        if not consent.guardian_name:
            raise InputError.invalid(
                "consent.guardian_name", consent.guardian_name, "the name of the guardian"
            )
    return consent.model_dump(mode="json", exclude_none=True)


ADULT_AGE = 18
"""Below this age consent comes from a guardian (clinic policy; change it for your jurisdiction)."""


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
    intake = validate_intake(data.intake)
    patient = Patient(
        clinic_id=clinic_id,
        reference=data.reference,
        given_name=data.given_name,
        family_name=data.family_name,
        birth_date=data.birth_date,
        sex=data.sex,
        synthetic=data.synthetic,
        intake=intake,
        consent=validate_consent(data.consent, intake),
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


SortKey = Literal["id", "reference", "name", "birth_date", "created"]
SORT_KEYS: tuple[str, ...] = ("id", "reference", "name", "birth_date", "created")


@dataclass(frozen=True)
class PatientPage:
    """One page of a clinic's patient list: the rows and the total that matched."""

    items: list[Patient]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """Offset of the next page, or ``None`` on the last page."""
        after = self.offset + len(self.items)
        return after if after < self.total else None


def _search_terms(q: str) -> list[Any]:
    """Conditions for a search text: each word must match a record number, a name or, when it
    is a date (``1961-04-02``) or a year, the date of birth."""
    terms: list[Any] = []
    for word in q.split():
        like = f"%{word.lower()}%"
        options: list[Any] = [
            func.lower(Patient.reference).like(like),
            func.lower(func.coalesce(Patient.given_name, "")).like(like),
            func.lower(func.coalesce(Patient.family_name, "")).like(like),
        ]
        try:
            options.append(Patient.birth_date == dt.date.fromisoformat(word))
        except ValueError:
            if word.isdigit() and len(word) == 4:
                options.append(cast(Patient.birth_date, String).like(f"{word}-%"))
        terms.append(or_(*options))
    return terms


def search_patients(
    *,
    db: Session,
    clinic_id: int,
    actor: str,
    q: str | None = None,
    sort: str = "id",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> PatientPage:
    """A page of a clinic's patients matching ``q`` (record number, name, date of birth).

    Sorted by ``sort`` (one of :data:`SORT_KEYS`), then by id so pages never overlap. The
    listing is audited as one read with the query, the page and the ids of the patients shown
    (``patient_ids``, at most 500), so the log says whose names a user saw, not only how many.
    """
    if sort not in SORT_KEYS:
        raise InputError.invalid("sort", sort, "one of " + ", ".join(SORT_KEYS))
    if not 1 <= limit <= 500:
        raise InputError.invalid("limit", limit, "a whole number from 1 to 500")
    if offset < 0:
        raise InputError.invalid("offset", offset, "a whole number >= 0")
    where = [Patient.clinic_id == clinic_id, *_search_terms(q or "")]
    total = int(db.scalar(select(func.count()).select_from(Patient).where(*where)) or 0)
    column: Any = {
        "id": Patient.id,
        "reference": Patient.reference,
        "name": func.lower(
            func.coalesce(Patient.family_name, "") + " " + func.coalesce(Patient.given_name, "")
        ),
        "birth_date": Patient.birth_date,
        "created": Patient.created_at,
    }[sort]
    order = [column.desc() if descending else column.asc(), Patient.id]
    rows = list(
        db.scalars(select(Patient).where(*where).order_by(*order).limit(limit).offset(offset))
    )
    audit.log(
        db=db,
        actor=actor,
        action="read",
        entity="patient_list",
        entity_id=clinic_id,
        detail={
            "count": len(rows),
            "offset": offset,
            "q": q or None,
            "total": total,
            "patient_ids": [r.id for r in rows],
        },
    )
    return PatientPage(items=rows, total=total, limit=limit, offset=offset)


def list_patients(
    *, db: Session, clinic_id: int, actor: str, limit: int = 100, offset: int = 0
) -> list[Patient]:
    """Patients of a clinic by id (one page); the listing is audited as one read."""
    return search_patients(
        db=db, clinic_id=clinic_id, actor=actor, limit=limit, offset=offset
    ).items


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field-level differences (``{"field": {"from": a, "to": b}}``) for the audit trail."""
    out: dict[str, Any] = {}
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            out[key] = {"from": before.get(key), "to": after.get(key)}
    return out


def update(
    *,
    db: Session,
    patient: Patient,
    actor: str,
    intake: dict[str, Any] | None = None,
    given_name: str | None = None,
    family_name: str | None = None,
    birth_date: dt.date | None = None,
    sex: str | None = None,
    consent: ConsentIn | None = None,
) -> dict[str, Any]:
    """Change a patient's identifiers, intake (medicines, conditions, labs ...) or consent.

    The new intake is validated whole; conditions added to the intake are added to the record
    (a condition with a course is never removed). The audit row lists every field changed,
    with its old and new value. Returns those changes.
    """
    before = {
        "given_name": patient.given_name,
        "family_name": patient.family_name,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "sex": patient.sex,
        "consent": patient.consent,
        **{f"intake.{k}": v for k, v in (patient.intake or {}).items()},
    }
    new_intake = validate_intake(intake) if intake is not None else patient.intake
    if given_name is not None:
        patient.given_name = given_name or None
    if family_name is not None:
        patient.family_name = family_name or None
    if birth_date is not None:
        patient.birth_date = birth_date
    if sex is not None:
        patient.sex = parse(PatientIn, {"reference": patient.reference, "sex": sex}).sex
    if consent is not None:
        patient.consent = validate_consent(consent, new_intake)
    patient.intake = new_intake
    known = {c.condition for c in patient.conditions}
    for entry in (new_intake or {}).get("conditions", []):
        if entry["condition"] not in known:
            weeks = entry.get("duration_weeks")
            add_condition(
                db=db,
                patient=patient,
                data=ConditionIn(
                    condition=entry["condition"],
                    duration_weeks=None if weeks is None else round(weeks),
                    noted_on=dt.date.today(),
                ),
                actor=actor,
            )
    db.flush()
    db.expire(patient, ["conditions"])  # conditions added above: read them again
    after = {
        "given_name": patient.given_name,
        "family_name": patient.family_name,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "sex": patient.sex,
        "consent": patient.consent,
        **{f"intake.{k}": v for k, v in (patient.intake or {}).items()},
    }
    changes = _changes(before, after)
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="update",
        entity="patient",
        entity_id=patient.id,
        patient_id=patient.id,
        detail={"changes": changes},
    )
    return changes


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


def active_plan_for(*, db: Session, patient: Patient, condition: str) -> Plan | None:
    """The patient's active course for ``condition`` (a condition id), if there is one."""
    return db.scalar(
        select(Plan)
        .join(PatientCondition, Plan.patient_condition_id == PatientCondition.id)
        .where(
            Plan.patient_id == patient.id,
            Plan.status == "active",
            PatientCondition.condition == condition,
        )
        .order_by(Plan.id)
        .limit(1)
    )


def start_plan(*, db: Session, patient: Patient, data: PlanIn, actor: str) -> Plan:
    """Start a course for one of the patient's conditions (added if not yet recorded).

    Idempotent without a key: when the patient already has an active course for the same
    condition, that course is returned and nothing is added (a repeated click or a retried
    request once made three active courses, issue 12). To change the course, end it first.
    """
    if data.coverage is not None:
        coverage = {r.id for r in course_rules().values() if r.kind == "coverage_limit"}
        if data.coverage not in coverage:
            raise NotFound.unknown("coverage rule", data.coverage, sorted(coverage))
    if data.review_after is not None and data.review_after > data.planned_sessions:
        raise InputError.invalid(
            "review_after", data.review_after, f"at most planned_sessions ({data.planned_sessions})"
        )
    if data.status == "active":
        # Two requests starting the same course at the same moment must not both find "no
        # active course" and both add one. SQLite already serialises them (writers take the
        # lock up front); PostgreSQL reads committed rows per statement, so the patient's row is
        # locked first and the second request, once the first commits, finds its course.
        db.execute(select(Patient.id).where(Patient.id == patient.id).with_for_update())
        existing = active_plan_for(db=db, patient=patient, condition=data.condition)
        if existing is not None:
            return existing
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


def review_course(
    *,
    db: Session,
    patient: Patient,
    plan: Plan,
    decision: str,
    actor: str,
    at_session: int,
    note: str | None = None,
    on: dt.date | None = None,
    extend_by: int | None = None,
) -> Plan:
    """Record the decision taken at a review point: ``continue``, ``stop``, ``refer`` or
    ``complete``. Stop and refer end the course (status stopped), complete closes it as
    completed; the decision is kept in ``plan.reviews`` and audited. Continuing at or past the
    end of the planned course needs ``extend_by`` more sessions."""
    decisions = ("continue", "stop", "refer", "complete")
    if decision not in decisions:
        raise InputError.invalid("decision", decision, "one of " + ", ".join(decisions))
    if plan.status != "active":
        raise InputError.invalid("course", plan.status, "an active course (this one has ended)")
    if extend_by is not None and not 1 <= extend_by <= 50:
        raise InputError.invalid("extend_by", extend_by, "a whole number of sessions from 1 to 50")
    if decision == "continue" and at_session >= plan.planned_sessions and not extend_by:
        raise InputError.invalid(
            "extend_by",
            extend_by,
            "the number of further sessions: the planned course is complete, so continuing "
            "adds sessions",
        )
    day = on or dt.date.today()
    entry = {
        "at_session": at_session,
        "decision": decision,
        "on": day.isoformat(),
        "by": actor,
        "note": note or None,
    }
    if decision == "continue" and extend_by:
        entry["extend_by"] = extend_by
        plan.planned_sessions += extend_by
    plan.reviews = [*(plan.reviews or []), entry]
    if decision in ("stop", "refer"):
        plan.status = "stopped"
        plan.ended_on = day
        plan.end_reason = "referred" if decision == "refer" else "stopped"
    elif decision == "complete":
        plan.status = "completed"
        plan.ended_on = day
        plan.end_reason = "completed"
    db.flush()
    audit.log(
        db=db,
        actor=actor,
        action="update",
        entity="plan",
        entity_id=plan.id,
        patient_id=patient.id,
        detail={"review": entry},
    )
    return plan
