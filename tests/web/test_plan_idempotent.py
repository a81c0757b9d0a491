"""Issue 12: starting a course is idempotent without a key: a repeated POST (a double click, a
retry) returns the active course for that condition instead of adding another."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from acupath.store.models import AuditEntry, Plan
from tests.web.conftest import token_for

TTH = {"age": 50, "conditions": [{"condition": "tension_type_headache"}]}


def test_three_posts_make_one_active_course(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        r = c.post("/api/patients", headers=headers, json={"reference": "I-1", "intake": TTH})
        assert r.status_code == 201, r.text
        pid = int(r.json()["id"])
        body = {"sessions": 6, "started_on": "2026-01-05"}
        answers = [c.post(f"/api/patients/{pid}/plan", headers=headers, json=body) for _ in "abc"]
        assert [a.status_code for a in answers] == [201, 200, 200], [a.text for a in answers]
        ids = {a.json()["plan_id"] for a in answers}
        assert len(ids) == 1
        assert [a.json()["created"] for a in answers] == [True, False, False]
        with app.state.acupath.engine.connect() as conn:
            active = conn.scalar(
                select(func.count())
                .select_from(Plan)
                .where(Plan.patient_id == pid, Plan.status == "active")
            )
        assert active == 1


def test_patient_list_audit_names_the_patients_shown(app: FastAPI, people: dict[str, int]) -> None:
    """Issue 12: the patient-list audit row records which patients were shown, not a count."""
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        made = []
        for ref in ("L-1", "L-2", "L-3"):
            r = c.post("/api/patients", headers=headers, json={"reference": ref, "intake": TTH})
            made.append(int(r.json()["id"]))
        page = c.get("/api/patients?limit=2&sort=reference&q=L-", headers=headers).json()
        shown = [item["id"] for item in page["items"]]
        assert len(shown) == 2
        with app.state.acupath.engine.connect() as conn:
            detail = conn.scalar(
                select(AuditEntry.detail)
                .where(AuditEntry.entity == "patient_list")
                .order_by(AuditEntry.id.desc())
                .limit(1)
            )
        assert detail["patient_ids"] == shown
        assert set(shown) <= set(made)
