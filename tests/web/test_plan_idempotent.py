"""Issue 12: starting a course is idempotent without a key: a repeated POST (a double click, a
retry) returns the active course for that condition instead of adding another."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from acupath.store.models import Plan
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
