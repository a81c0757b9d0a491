"""Store services on both backends: records, queries, audit, refusals that change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from acupath.errors import InputError, NotFound
from acupath.store import audit, migrate, patients, queries, records, sessions, write_session
from acupath.store.models import AuditEntry, Base, SessionPoint, TreatmentSession
from acupath.store.schemas import PatientIn, ResponseIn
from tests.store.helpers import START, add_patient, counts, session_data


def test_schema_matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []
    assert migrate.current(engine) == migrate.head()


def test_upgrade_is_idempotent(engine: Engine) -> None:
    assert migrate.upgrade(engine) == migrate.head()
    assert migrate.upgrade(engine) == migrate.head()


def test_session_is_stored_whole_with_normalised_points(engine: Engine) -> None:
    clinic_id, patient_id, plan_id = add_patient(engine)
    with write_session(engine) as db:
        visit = sessions.record(
            db=db,
            clinic_id=clinic_id,
            actor="test",
            data=session_data(
                patient_id, 0, pain=6, adverse_events=[{"kind": "bruising", "severity": "mild"}]
            ),
        )
        visit_id = visit.id
    with write_session(engine) as db:
        row = db.get(TreatmentSession, visit_id)
        assert row is not None
        assert row.plan_id == plan_id and row.technique == "manual"
        assert [(p.code, p.side) for p in row.points] == [("BL23", "bilateral"), ("LI4", "left")]
        assert [(e.kind, e.severity) for e in row.adverse_events] == [("bruising", "mild")]


def test_course_outcomes_and_adverse_event_rates(engine: Engine) -> None:
    clinic_id, patient_id, _ = add_patient(engine, baseline=8)
    with write_session(engine) as db:
        for k, pain in enumerate([7, 6, 4]):
            events = [{"kind": "needling_pain", "severity": "mild"}] if k == 1 else []
            sessions.record(
                db=db,
                clinic_id=clinic_id,
                actor="t",
                data=session_data(patient_id, k, pain=pain, adverse_events=events),
            )
    with write_session(engine) as db:
        [course] = queries.course_outcomes(db=db, clinic_id=clinic_id)
        ae = queries.adverse_event_rates(db=db, clinic_id=clinic_id)
    assert (course.baseline, course.latest, course.sessions) == (8.0, 4.0, 3)
    assert (ae.sessions, ae.events, ae.sessions_with_event, ae.patients_with_event) == (3, 1, 1, 1)
    assert ae.by_kind == {"needling_pain": 1}


def test_single_score_course_is_not_evaluable(engine: Engine) -> None:
    clinic_id, _, _ = add_patient(engine)
    with write_session(engine) as db:
        [course] = queries.course_outcomes(db=db, clinic_id=clinic_id)
    assert course.baseline == 7.0 and course.latest is None


def test_patient_courses_count_sessions_per_course(engine: Engine) -> None:
    clinic_id, patient_id, plan_id = add_patient(engine)
    with write_session(engine) as db:
        for k in range(4):
            sessions.record(db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, k))
    with write_session(engine) as db:
        patient = patients.get(db=db, clinic_id=clinic_id, patient_id=patient_id, actor="t")
        courses, last_year = queries.patient_courses(db=db, patient=patient)
    assert last_year == 4
    assert [(c.plan_id, c.sessions) for c in courses] == [(plan_id, 4)]
    assert [p.score for p in courses[0].scores["nrs"]] == [7.0, 5.0, 5.0, 5.0, 5.0]


def test_reads_and_writes_are_audited(engine: Engine) -> None:
    clinic_id, patient_id, _ = add_patient(engine)
    with write_session(engine) as db:
        records.load(db=db, clinic_id=clinic_id, patient_id=patient_id, actor="reader")
    with write_session(engine) as db:
        rows = audit.entries(db=db, patient_id=patient_id)
    actions = {(r.actor, r.action, r.entity) for r in rows}
    assert ("test", "create", "patient") in actions
    assert ("reader", "read", "patient_record") in actions


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"])
def test_audit_log_is_append_only(engine: Engine, statement: str) -> None:
    add_patient(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(select(AuditEntry.actor)).scalars().all()
        assert "x" not in conn.execute(select(AuditEntry.actor)).scalars().all()


BAD_SESSIONS = [
    (
        {"responses": [{"instrument": "nrs", "answered_on": START, "answers": {"pain": 14}}]},
        InputError,
        "nrs.pain must be an integer from 0 to 10; got 14",
    ),
    ({"points": [{"code": "XX999", "side": "left"}]}, NotFound, "XX999"),
    ({"plan_id": 999}, NotFound, "course"),
    ({"performed_on": START - dt.timedelta(days=3)}, InputError, "course start"),
]


@pytest.mark.parametrize(("override", "error", "message"), BAD_SESSIONS)
def test_bad_session_is_refused_and_changes_nothing(
    engine: Engine, override: dict[str, object], error: type[Exception], message: str
) -> None:
    clinic_id, patient_id, _ = add_patient(engine)
    before = counts(engine)
    with pytest.raises(error, match=message), write_session(engine) as db:
        sessions.record(
            db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, 1, **override)
        )
    assert counts(engine) == before


def test_session_for_unknown_patient_is_refused(engine: Engine) -> None:
    clinic_id, _, _ = add_patient(engine)
    before = counts(engine)
    with pytest.raises(NotFound, match="unknown patient 4242"), write_session(engine) as db:
        sessions.record(db=db, clinic_id=clinic_id, actor="t", data=session_data(4242, 1))
    assert counts(engine) == before


def test_duplicate_reference_and_bad_intake_are_refused(engine: Engine) -> None:
    clinic_id, _, _ = add_patient(engine, "P-9")
    before = counts(engine)
    with pytest.raises(InputError, match="reference"), write_session(engine) as db:
        patients.create(db=db, clinic_id=clinic_id, data=PatientIn(reference="P-9"), actor="t")
    with pytest.raises(InputError, match="pain_nrs"), write_session(engine) as db:
        patients.create(
            db=db,
            clinic_id=clinic_id,
            actor="t",
            data=PatientIn(
                reference="P-10",
                intake={"age": 50, "conditions": [{"condition": "migraine"}], "pain_nrs": 14},
            ),
        )
    assert counts(engine) == before


def test_database_constraints_refuse_rows_that_bypass_services(engine: Engine) -> None:
    clinic_id, patient_id, _ = add_patient(engine)
    with write_session(engine) as db:
        visit = sessions.record(
            db=db, clinic_id=clinic_id, actor="t", data=session_data(patient_id, 0)
        )
        visit_id = visit.id
    with pytest.raises(DBAPIError), write_session(engine) as db:
        db.add(SessionPoint(session_id=visit_id, code="LI4", side="upside"))
        db.flush()
    with pytest.raises(DBAPIError), write_session(engine) as db:
        db.add(SessionPoint(session_id=987654, code="LI4", side="left"))
        db.flush()


def test_response_outside_a_visit_uses_the_active_course(engine: Engine) -> None:
    clinic_id, patient_id, plan_id = add_patient(engine)
    with write_session(engine) as db:
        row = sessions.record_response(
            db=db,
            clinic_id=clinic_id,
            patient_id=patient_id,
            actor="t",
            data=ResponseIn(
                instrument="peg3",
                answered_on=START,
                answers={"pain": 6, "enjoyment": 5, "activity": 4},
            ),
        )
        assert (row.plan_id, row.score) == (plan_id, 5.0)
