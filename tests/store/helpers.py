"""Small builders for tests: a clinic, a patient with a course, a session."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, func, select

from acupath.store import clinics, patients, sessions, write_session
from acupath.store.models import Base
from acupath.store.schemas import PatientIn, PlanIn, ResponseIn, SessionIn

START = dt.date(2026, 3, 2)


def add_patient(
    engine: Engine, reference: str = "P-1", *, baseline: int = 7
) -> tuple[int, int, int]:
    """A patient of the default clinic with a 10-session CLBP course and a baseline NRS.

    Returns ``(clinic_id, patient_id, plan_id)``.
    """
    with write_session(engine) as db:
        clinic = clinics.get_or_create(db=db, name=clinics.DEFAULT_CLINIC)
        patient = patients.create(
            db=db,
            clinic_id=clinic.id,
            data=PatientIn(
                reference=reference,
                sex="female",
                intake={"age": 61, "conditions": [{"condition": "chronic_low_back_pain"}]},
            ),
            actor="test",
        )
        plan = patients.start_plan(
            db=db,
            patient=patient,
            data=PlanIn(
                condition="chronic_low_back_pain",
                technique="manual",
                planned_sessions=10,
                review_after=6,
                started_on=START,
            ),
            actor="test",
        )
        sessions.record_response(
            db=db,
            clinic_id=clinic.id,
            patient_id=patient.id,
            plan_id=plan.id,
            actor="test",
            data=ResponseIn(instrument="nrs", answered_on=START, answers={"pain": baseline}),
        )
        return clinic.id, patient.id, plan.id


def session_data(patient_id: int, k: int, *, pain: int = 5, **extra: Any) -> SessionIn:
    """The k-th weekly session of the patient, with points, an NRS and optional overrides."""
    fields: dict[str, Any] = {
        "patient_id": patient_id,
        "performed_on": START + dt.timedelta(days=7 * k),
        "points": [{"code": "UB-23", "side": "bilateral"}, {"code": "LI4", "side": "left"}],
        "retention_minutes": 20,
        "responses": [
            {
                "instrument": "nrs",
                "answered_on": START + dt.timedelta(days=7 * k),
                "answers": {"pain": pain},
            }
        ],
    }
    fields.update(extra)
    return SessionIn.model_validate(fields)


def counts(engine: Engine) -> dict[str, int]:
    """Row count of every table (to show that a refused input changed nothing)."""
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in Base.metadata.sorted_tables
        }
