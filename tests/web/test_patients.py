"""Patient routes: 401 without a token, clinic isolation checked on EVERY route by enumeration,
the intake -> screen -> plan -> sessions -> outcomes -> FHIR flow, the audit log."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select

from acupath.store import write_session
from acupath.store.models import AuditEntry
from tests.web.conftest import csrf, sign_in, token_for

PUBLIC_PREFIXES = (
    "/api/evidence", "/api/points", "/api/ask", "/api/check", "/api/health", "/api/meta",
)  # fmt: skip


def _flat(routes: list[Any]) -> list[APIRoute]:
    out: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route)
        elif hasattr(route, "original_router"):  # FastAPI >= 0.120 includes routers lazily
            out += _flat(route.original_router.routes)
    return out


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    out = []
    for route in _flat(list(app.routes)):
        out += [(m, route.path) for m in sorted(route.methods) if m != "HEAD"]
    return out


def _fill(path: str, patient_id: int) -> str:
    return re.sub(r"\{patient_id\}", str(patient_id), path)


def test_enumeration_finds_patient_routes(app: FastAPI) -> None:
    paths = {p for _, p in _routes(app) if "{patient_id}" in p}
    assert len(paths) >= 8  # pages and API twins


def test_every_private_api_route_needs_a_token(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        for method, path in _routes(app):
            if not path.startswith("/api/") or path.startswith(PUBLIC_PREFIXES):
                continue
            if path == "/api/tokens":
                continue
            r = c.request(method, _fill(path, people["patient_a"]), json={})
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.json()["ok"] is False


def test_every_patient_route_isolates_clinics(app: FastAPI, people: dict[str, int]) -> None:
    """ana (clinic A) gets 404 for every route naming clinic B's patient, API and pages."""
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        sign_in(c, "ana")
        token = csrf(c)
        for method, path in _routes(app):
            if "{patient_id}" not in path:
                continue
            url = _fill(path, people["patient_b"])
            if path.startswith("/api/"):
                r = c.request(method, url, headers=headers, json={"performed_on": "2026-01-01"})
            else:
                data = {"csrf_token": token, "performed_on": "2026-01-01"}
                r = c.request(method, url, data=data if method == "POST" else None)
            assert r.status_code == 404, (method, path, r.status_code)
        own = c.get(f"/api/patients/{people['patient_a']}", headers=headers)
        assert own.status_code == 200 and own.json()["reference"] == "A-1"
        listing = c.get("/api/patients?limit=500", headers=headers).json()
        refs = {p["reference"] for p in listing["items"]}
        assert "A-1" in refs and "B-1" not in refs and len(refs) == listing["total"]


def test_viewer_cannot_write(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "vic")
        assert c.get(f"/api/patients/{people['patient_a']}", headers=headers).status_code == 200
        r = c.post(
            "/api/patients",
            headers=headers,
            json={"reference": "V", "intake": {"age": 40, "conditions": []}},
        )
        assert r.status_code == 403 and r.json()["status"] == 403


def test_viewer_pages_offer_no_write_controls(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        sign_in(c, "vic")
        listing = c.get("/patients").text
        assert "viewer" in listing and "Add a patient" not in listing
        page = c.get(f"/patients/{people['patient_a']}").text
        assert 'id="session-form"' not in page and 'id="start-plan"' not in page
    with TestClient(app) as c:
        sign_in(c, "ana")
        assert "Add a patient" in c.get("/patients").text


def test_flow_through_api(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        intake = {
            "age": 61,
            "conditions": [{"condition": "chronic_low_back_pain", "duration_weeks": 30}],
            "pain_nrs": 7,
        }
        r = c.post("/api/patients", headers=headers, json={"reference": "A-2", "intake": intake})
        assert r.status_code == 201, r.text
        pid = r.json()["id"]
        screen = c.get(f"/api/patients/{pid}/screen", headers=headers).json()
        assert screen["decision"] in {"proceed", "proceed_with_modifications"}
        plan = c.get(f"/api/patients/{pid}/plan", headers=headers).json()
        assert plan["points"] and plan["stricta"]
        start = dt.date.today() - dt.timedelta(days=30)
        # The course starts when the clinician says (it used to be backdated 60 days silently).
        started = c.post(
            f"/api/patients/{pid}/plan", headers=headers, json={"started_on": start.isoformat()}
        )
        assert started.status_code == 201, started.text
        for i, pain in enumerate((7, 5, 3)):
            body = {
                "performed_on": (start + dt.timedelta(days=7 * i)).isoformat(),
                "points": [p["code"] for p in plan["points"]][:4],
                "pain_nrs": pain,
            }
            r = c.post(f"/api/patients/{pid}/sessions", headers=headers, json=body)
            assert r.status_code == 201, r.text
        outcomes = c.get(f"/api/patients/{pid}/outcomes", headers=headers).json()
        assert outcomes["courses"][0]["sessions"] == 3
        fhir = c.get(f"/api/patients/{pid}/fhir", headers=headers).json()
        assert fhir["resourceType"] == "Bundle"
        bad = c.post(f"/api/patients/{pid}/sessions", headers=headers, json={"performed_on": "x"})
        assert bad.status_code == 422 and bad.json()["ok"] is False
    with write_session(app.state.acupath.engine) as db:
        actions = {
            (e.action, e.entity)
            for e in db.scalars(select(AuditEntry).where(AuditEntry.patient_id == pid))
        }
    assert ("create", "patient") in actions and ("read", "patient") in actions
    assert ("export", "patient_record") in actions


def test_intake_form_inline_error(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        sign_in(c, "ana")
        data = {
            "csrf_token": csrf(c),
            "reference": "A-3",
            "age": "41",
            "conditions.0.condition": "chronic_neck_pain",
            "pain_nrs": "14",
        }
        r = c.post("/patients", data=data)
        assert r.status_code == 400 and "Pain now (0-10) must be a whole number" in r.text
        assert "pain_nrs must" not in r.text  # clinic words, not internal field names
        data["pain_nrs"] = "6"
        r = c.post("/patients", data=data, follow_redirects=False)
        assert r.status_code == 303
        page = c.get(r.headers["location"])
        assert page.status_code == 200 and 'id="screen-decision"' in page.text
