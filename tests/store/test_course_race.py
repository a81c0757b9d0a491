"""Two requests that start the same course at the same moment make one course, not two.

Request A starts the course and holds its transaction open; request B starts the same course
while A is still open. B must wait for A and then return A's course. On PostgreSQL, B is
seen waiting on a row lock before A commits; on SQLite both writers queue on the database lock.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import Engine, func, select, text

from acupath.store import clinics, patients, write_session
from acupath.store.models import Plan
from acupath.store.schemas import PatientIn, PlanIn
from tests.store.helpers import START

COURSE = PlanIn(
    condition="chronic_low_back_pain", technique="manual", planned_sessions=10, started_on=START
)


def _new_patient(engine: Engine) -> int:
    with write_session(engine) as db:
        clinic = clinics.get_or_create(db=db, name=clinics.DEFAULT_CLINIC)
        patient = patients.create(
            db=db,
            clinic_id=clinic.id,
            data=PatientIn(
                reference="RACE-1",
                intake={"age": 50, "conditions": [{"condition": "chronic_low_back_pain"}]},
            ),
            actor="test",
        )
        return patient.id


def _start(
    engine: Engine,
    patient_id: int,
    out: dict[str, int],
    name: str,
    hold: threading.Event | None = None,
    started: threading.Event | None = None,
) -> None:
    with write_session(engine) as db:
        patient = patients.get(db=db, clinic_id=1, patient_id=patient_id, actor="t", audited=False)
        plan = patients.start_plan(db=db, patient=patient, data=COURSE, actor=name)
        out[name] = plan.id
        if started is not None:
            started.set()
        if hold is not None:
            hold.wait(timeout=30)


def _waiting_on_a_lock(engine: Engine) -> bool:
    """Whether some PostgreSQL backend is waiting for a lock (B blocked behind A)."""
    for _ in range(200):
        with engine.connect() as conn:
            if conn.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")):
                return True
        time.sleep(0.05)
    return False


def test_simultaneous_course_starts_make_one_course(engine: Engine) -> None:
    patient_id = _new_patient(engine)
    out: dict[str, int] = {}
    release, a_started = threading.Event(), threading.Event()
    a = threading.Thread(target=_start, args=(engine, patient_id, out, "a", release, a_started))
    a.start()
    assert a_started.wait(timeout=30), "request A did not start its course"
    b = threading.Thread(target=_start, args=(engine, patient_id, out, "b"))
    b.start()
    if engine.dialect.name == "postgresql":
        blocked = _waiting_on_a_lock(engine)
    else:
        time.sleep(0.5)  # B queues on SQLite's write lock (busy timeout) meanwhile
        blocked = b.is_alive()
    release.set()
    a.join(timeout=60)
    b.join(timeout=60)
    assert blocked, "request B did not wait for request A's open transaction"
    assert out["a"] == out["b"]
    with engine.connect() as conn:
        active = conn.scalar(
            select(func.count())
            .select_from(Plan)
            .where(Plan.patient_id == patient_id, Plan.status == "active")
        )
    assert active == 1
