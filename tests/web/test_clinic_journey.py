"""The clinical journey through the pages and the API (issue 16): patient search and paging,
the whole intake form and its messages, editing audited, a course for a plan without a session
count, detailed sessions, review prompts, FHIR laterality and medicines, documents, dashboard,
and one clinic for the command line and the web."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from acupath.cli import main
from acupath.store import write_session
from acupath.store.models import AuditEntry, Clinic, Patient
from acupath.store.patients import search_patients
from tests.web.conftest import csrf, sign_in, token_for

KNEE = {"age": 66, "sex": "female", "conditions": [{"condition": "knee_osteoarthritis"}]}


def _add(c: TestClient, headers: dict[str, str], ref: str, **extra: Any) -> int:
    body = {"reference": ref, "intake": extra.pop("intake", KNEE), **extra}
    r = c.post("/api/patients", headers=headers, json=body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_api_pages_through_every_patient(app: FastAPI, people: dict[str, int]) -> None:
    """130 patients: paging with next links reaches all of them; none is silently cut."""
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        for i in range(130):
            _add(c, headers, f"P-{i:03d}", given_name="Kim", family_name=f"Lee{i}")
        seen: list[str] = []
        url: str | None = "/api/patients?limit=50&q=P-"
        pages = 0
        while url:
            doc = c.get(url, headers=headers).json()
            assert doc["total"] == 130
            seen += [p["reference"] for p in doc["items"]]
            url = doc["next"]
            pages += 1
        assert pages == 3 and len(seen) == 130 and len(set(seen)) == 130
        one = c.get("/api/patients?q=lee117", headers=headers).json()
        assert [p["reference"] for p in one["items"]] == ["P-117"] and one["next"] is None
        desc = c.get("/api/patients?q=P-&sort=reference&order=desc&limit=2", headers=headers)
        assert [p["reference"] for p in desc.json()["items"]] == ["P-129", "P-128"]
        bad = c.get("/api/patients?sort=colour", headers=headers)
        assert bad.status_code == 400 and "sort" in bad.json()["errors"][0]["message"]
        spec = c.get("/openapi.json").json()["paths"]["/api/patients"]["get"]
        assert {"q", "limit", "offset"} <= {p["name"] for p in spec["parameters"]}
        sign_in(c, "ana")
        total = c.get("/api/patients?q=P-1", headers=headers).json()["total"]
        assert total == 30  # P-100 ... P-129
        page = c.get("/patients?q=P-1&limit=20").text
        assert "of 30 patients" in page and 'rel="next"' in page


def test_search_by_birth_date_and_year(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        _add(c, headers, "DOB-1", birth_date="1958-03-14", family_name="Okafor")
        _add(c, headers, "DOB-2", birth_date="1971-09-30", family_name="Novak")
    with write_session(app.state.acupath.engine) as db:
        clinic = db.scalar(select(Patient.clinic_id).where(Patient.reference == "DOB-1"))
        assert clinic is not None
        by_day = search_patients(db=db, clinic_id=clinic, actor="t", q="1958-03-14")
        by_year = search_patients(db=db, clinic_id=clinic, actor="t", q="1971")
        both = search_patients(db=db, clinic_id=clinic, actor="t", q="okafor 1958")
        assert [p.reference for p in by_day.items] == ["DOB-1"]
        assert [p.reference for p in by_year.items] == ["DOB-2"]
        assert [p.reference for p in both.items] == ["DOB-1"]


def test_empty_form_keeps_everything_and_speaks_clinic_words(
    app: FastAPI, people: dict[str, int]
) -> None:
    with TestClient(app) as c:
        sign_in(c, "ana")
        typed = {
            "csrf_token": csrf(c),
            "reference": "F-1",
            "medications": "warfarin, Eliquis 5 mg",
            "labs.inr": "2.4",
            "labs.platelets": "150000",
            "devices": "pacemaker",
            "red_flags": "fever",
            "cancer.radiation_sites": "right chest, elbow-ish",
        }
        r = c.post("/patients", data=typed)
        assert r.status_code == 400
        text = r.text
        assert "Cannot analyse" not in text and "(422)" not in text
        assert "Age is required" in text
        assert "Choose the condition" in text
        assert "Platelets must be a count in 10^9/L" in text and "150000" in text
        assert "elbow-ish" in text and "is not a body site" in text
        for kept in ("warfarin, Eliquis 5 mg", 'value="2.4"', 'value="F-1"'):
            assert kept in text
        assert re.search(r'value="pacemaker" checked', text)
        assert re.search(r'value="fever" checked', text)
        for internal in ("labs.platelets must", "conditions[0]", "pain_nrs must"):
            assert internal not in text


def test_every_intake_field_is_stored(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        sign_in(c, "ana")
        form = {
            "csrf_token": csrf(c),
            "reference": "F-2",
            "given_name": "Ada",
            "family_name": "Mensah",
            "birth_date": "1985-05-01",
            "sex": "female",
            "conditions.0.condition": "chronic_low_back_pain",
            "conditions.0.duration_weeks": "30",
            "conditions.0.cause": "nonspecific",
            "conditions.1.condition": "chronic_headache",
            "pain_nrs": "6",
            "pregnant": "1",
            "pregnancy_weeks": "20",
            "medications": "apixaban\nsertraline",
            "labs.inr": "1.1",
            "labs.platelets": "210",
            "labs.anc": "3.2",
            "lymphedema": "left_arm",
            "cancer.history": "1",
            "cancer.treatments": ["surgery", "radiotherapy"],
            "cancer.radiation_sites": "left chest",
            "comorbidities": "diabetes",
            "comorbidities_other": "asthma",
            "skin_lesions": "lower back",
            "needle_phobia": "1",
            "consent.given": "1",
            "consent.on": "2026-12-01",
        }
        r = c.post("/patients", data=form, follow_redirects=False)
        assert r.status_code == 303, r.text
        pid = int(r.headers["location"].rsplit("/", 1)[1])
        doc = c.get(f"/api/patients/{pid}", headers=token_for(c, "ana")).json()
    intake = doc["intake"]
    assert doc["birth_date"] == "1985-05-01" and doc["family_name"] == "Mensah"
    assert intake["age"] >= 40 and intake["pregnant"] and intake["pregnancy_weeks"] == 20
    assert [x["condition"] for x in intake["conditions"]] == [
        "chronic_low_back_pain",
        "chronic_headache",
    ]
    assert intake["labs"] == {"inr": 1.1, "platelets": 210, "anc": 3.2}
    assert intake["lymphedema"] == ["left_arm"] and intake["needle_phobia"] is True
    assert intake["cancer"]["radiation_sites"] == ["left_chest"]
    assert set(intake["cancer"]["treatments"]) == {"surgery", "radiotherapy"}
    assert "asthma" in intake["comorbidities"] and intake["skin_lesions"] == ["lower_back"]
    assert set(doc["conditions"]) == {"chronic_low_back_pain", "chronic_headache"}
    assert doc["consent"]["given"] and doc["consent"]["by"] == "patient"


def test_minor_needs_a_guardian_to_consent(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        sign_in(c, "ana")
        form = {
            "csrf_token": csrf(c),
            "reference": "F-3",
            "age": "15",
            "conditions.0.condition": "migraine",
            "consent.given": "1",
        }
        r = c.post("/patients", data=form)
        assert r.status_code == 400 and "must be a guardian" in r.text
        form |= {"consent.by": "guardian"}
        r = c.post("/patients", data=form)
        assert r.status_code == 400 and "Guardian&#39;s name is required" in r.text
        form |= {"consent.guardian_name": "R. Doe", "consent.guardian_relationship": "mother"}
        assert c.post("/patients", data=form, follow_redirects=False).status_code == 303


def test_editing_the_intake_is_audited(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "E-1")
        intake = KNEE | {"medications": ["warfarin"], "labs": {"inr": 2.6}}
        intake["conditions"] = [*KNEE["conditions"], {"condition": "chronic_neck_pain"}]
        r = c.patch(f"/api/patients/{pid}", headers=headers, json={"intake": intake})
        assert r.status_code == 200, r.text
        assert set(r.json()["changes"]) >= {"intake.medications", "intake.labs"}
        assert "chronic_neck_pain" in r.json()["conditions"]
        screen = c.get(f"/api/patients/{pid}/screen", headers=headers).json()
        assert "No INR is on file" not in json.dumps(screen)
        sign_in(c, "ana")
        page = c.get(f"/patients/{pid}/edit").text
        assert 'value="2.6"' in page and "warfarin" in page
        bad = c.post(
            f"/patients/{pid}/edit",
            data={
                "csrf_token": csrf(c),
                "age": "66",
                "conditions.0.condition": "knee_osteoarthritis",
                "labs.inr": "abc",
                "medications": "warfarin, aspirin",
            },
        )
        assert (
            bad.status_code == 400 and "INR must be" in bad.text and "warfarin, aspirin" in bad.text
        )
    with write_session(app.state.acupath.engine) as db:
        rows = list(
            db.scalars(
                select(AuditEntry).where(
                    AuditEntry.patient_id == pid, AuditEntry.action == "update"
                )
            )
        )
    assert (
        rows
        and rows[0].detail
        and rows[0].detail["changes"]["intake.medications"]["to"] == ["warfarin"]
    )


def test_knee_course_needs_a_count_then_runs_to_a_review(
    app: FastAPI, people: dict[str, int]
) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "K-1", intake=KNEE | {"medications": ["warfarin"]})
        plan = c.get(f"/api/patients/{pid}/plan", headers=headers).json()
        start = (dt.date.today() - dt.timedelta(days=70)).isoformat()
        if plan["sessions"] is None:  # the protocol gives no count: the clinician's is needed
            r = c.post(f"/api/patients/{pid}/plan", headers=headers, json={"started_on": start})
            assert r.status_code == 400 and "number of sessions" in r.json()["errors"][0]["message"]
        r = c.post(
            f"/api/patients/{pid}/plan", headers=headers, json={"started_on": start, "sessions": 10}
        )
        assert r.status_code == 201, r.text
        sign_in(c, "ana")
        first = c.get(f"/patients/{pid}").text
        assert 'id="session-form"' in first and "Reassessment due at session" in first
        # Five sessions, then the half-way review is due: no session form until decided.
        for i, pain in enumerate([7, 7, 7, 7, 7]):
            day = (dt.date.today() - dt.timedelta(days=70 - 7 * i)).isoformat()
            body = {
                "performed_on": day,
                "pain_nrs": pain,
                "points": ["ST36", "GV3"],
                "questionnaires": {"peg3": {"pain": 7, "enjoyment": 6, "activity": 6}},
            }
            assert (
                c.post(f"/api/patients/{pid}/sessions", headers=headers, json=body).status_code
                == 201
            )
        page = c.get(f"/patients/{pid}").text
        assert 'id="review-form"' in page and 'id="session-form"' not in page
        status = c.get(f"/api/patients/{pid}/outcomes", headers=headers).json()["courses"][0]
        assert status["status_now"]["review_due"] is True
        r = c.post(f"/api/patients/{pid}/review", headers=headers, json={"decision": "continue"})
        assert r.status_code == 200, r.text
        form = {
            "csrf_token": csrf(c),
            "performed_on": dt.date.today().isoformat(),
            "pain_nrs": "7",
            "pt.0.used": "1",
            "pt.0.side": "left",
            "ae_kind": "bruising",
            "ae_severity": "mild",
            "ae_note": "Minor bruising at BL40",
            "q.pgic.change": "4",
            "q.bpi_sf.worst": "8",
            "q.bpi_sf.least": "3",
            "q.bpi_sf.average": "6",
            "q.bpi_sf.now": "5",
            "soap.subjective": "Knee stiff in the morning",
            "soap.plan": "Continue",
        }
        r = c.post(f"/patients/{pid}/sessions", data=form, follow_redirects=False)
        assert r.status_code == 303 and "problem" not in r.headers["location"], r.headers
        # Sessions 7-10 with no improvement: the end of the course asks to stop, refer or go on.
        for _ in range(4):
            assert (
                c.post(
                    f"/api/patients/{pid}/sessions",
                    headers=headers,
                    json={"performed_on": dt.date.today().isoformat(), "pain_nrs": 7},
                ).status_code
                == 201
            )
        page = c.get(f"/patients/{pid}").text
        assert 'Sessions done: <span id="sessions-done">10</span> of 10' in page
        assert 'id="session-form"' not in page and "Record session" not in page
        assert 'id="review-form"' in page and "suggest stopping" in page
        assert "Minor bruising at BL40" in page and '<th scope="col">Pain</th>' in page
        extra = c.post(
            f"/api/patients/{pid}/sessions",
            headers=headers,
            json={"performed_on": dt.date.today().isoformat()},
        )
        assert (
            extra.status_code == 201
        )  # the API records what happened; the page does not invite it
        r = c.post(
            f"/api/patients/{pid}/review",
            headers=headers,
            json={"decision": "refer", "note": "to orthopaedics"},
        )
        assert r.status_code == 200 and r.json()["status"] == "stopped"
        fhir = c.get(f"/api/patients/{pid}/fhir", headers=headers).json()
    kinds = [e["resource"]["resourceType"] for e in fhir["entry"]]
    assert "MedicationStatement" in kinds
    med = next(
        e["resource"]
        for e in fhir["entry"]
        if e["resource"]["resourceType"] == "MedicationStatement"
    )
    assert med["medicationCodeableConcept"]["text"] == "warfarin"
    assert any(cd["code"] == "anticoagulant" for cd in med["medicationCodeableConcept"]["coding"])
    sides = {}
    for e in fhir["entry"]:
        for site in e["resource"].get("bodySite", []):
            code = site["coding"][0]["code"]
            sides.setdefault(code, set()).add(site["extension"][0]["valueCode"])
    assert sides["GV3"] == {"midline"} and "left" in sides["ST34"] | sides.get("ST36", set())
    assert "QuestionnaireResponse" in kinds


def test_midline_point_cannot_take_a_side(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "K-2")
        c.post(f"/api/patients/{pid}/plan", headers=headers, json={"sessions": 6})
        body = {
            "performed_on": dt.date.today().isoformat(),
            "points": [{"code": "CV4", "side": "left"}],
        }
        r = c.post(f"/api/patients/{pid}/sessions", headers=headers, json=body)
        assert r.status_code == 400 and "midline" in r.json()["errors"][0]["message"]


def test_refused_session_form_keeps_what_was_typed(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "K-3")
        c.post(f"/api/patients/{pid}/plan", headers=headers, json={"sessions": 8})
        sign_in(c, "ana")
        form = {"csrf_token": csrf(c), "performed_on": dt.date.today().isoformat(),
                "pain_nrs": "6", "extra_points": "GV4, XX99", "ae_note": "Felt faint",
                "soap.subjective": "Slept better"}  # fmt: skip
        r = c.post(f"/patients/{pid}/sessions", data=form)
        assert r.status_code == 400 and "XX99" in r.text
        assert "Felt faint" in r.text and "Slept better" in r.text and 'value="6"' in r.text
        r = c.post(f"/patients/{pid}/review", data={"csrf_token": csrf(c), "decision": "maybe"})
        assert r.status_code == 400 and "Choose continue, stop, refer" in r.text
        body = c.get(f"/api/patients/{pid}/outcomes", headers=headers).json()
        assert body["courses"][0]["sessions"] == 0  # nothing of the refused visit was stored


def test_printable_documents_hold_no_json(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "D-1")
        sign_in(c, "ana")
        for path in ("plan", "handout"):
            page = c.get(f"/patients/{pid}/{path}")
            assert page.status_code == 200
            body = page.text.split('<main id="main"', 1)[1]
            assert '{"' not in body and "': " not in body and "None" not in body
            pdf = c.get(f"/patients/{pid}/{path}.pdf")
            assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
            assert pdf.headers["content-type"] == "application/pdf"
        plan = c.get(f"/patients/{pid}/plan").text
        assert "Xiyan" in plan and "STRICTA" in plan and "@media print" not in plan
        # whole weeks and minutes read as people write them ("over 6 weeks", not "6.0 weeks")
        assert not re.search(r"\d\.0 (?:weeks|minutes|a week|per week)", plan)
        handout = c.get(f"/patients/{pid}/handout").text
        assert "Get help straight away" in handout and "ST36" not in handout


def test_dashboard_names_percentages_sources_and_csv(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(
            c,
            headers,
            "S-1",
            intake={"age": 50, "conditions": [{"condition": "tension_type_headache"}]},
        )
        c.post(
            f"/api/patients/{pid}/plan",
            headers=headers,
            json={"sessions": 6, "started_on": "2026-01-05"},
        )
        for day, pain in (("2026-01-05", 8), ("2026-01-12", 4)):
            c.post(
                f"/api/patients/{pid}/sessions",
                headers=headers,
                json={"performed_on": day, "pain_nrs": pain, "adverse_event": "bruising"},
            )
        sign_in(c, "ana")
        page = c.get("/clinic").text
        assert "Tension-type headache" in page and "tension_type_headache" not in page
        assert re.search(r">\d+%<", page)
        assert "linde2016" in page and "witt2009" in page
        safety = page.split("<h2>Adverse events</h2>", 1)[1]
        assert "park2014" not in safety.split("Not compared", 1)[0]
        assert "( to )" not in page and "clinic ( to )" not in page
        doc = c.get("/api/clinic", headers=headers).json()
        assert any(e["source"] == "park2014" for e in doc["excluded_safety_benchmarks"])
        rows = list(csv.reader(io.StringIO(c.get("/clinic.csv").text)))
        assert rows[0][0] == "section" and any(r[1] == "Tension-type headache" for r in rows)
        later = c.get("/api/clinic?since=2027-01-01", headers=headers).json()
        assert later["overall"]["courses"] == 0
        who = c.get("/api/clinic?practitioner=nobody", headers=headers).json()
        assert who["adverse_events"]["sessions"] == 0
        assert c.get("/api/clinic?since=soon", headers=headers).status_code == 400


def test_chart_png_and_svg(app: FastAPI, people: dict[str, int]) -> None:
    with TestClient(app) as c:
        headers = token_for(c, "ana")
        pid = _add(c, headers, "C-1")
        c.post(
            f"/api/patients/{pid}/plan",
            headers=headers,
            json={"sessions": 10, "started_on": "2026-01-05"},
        )
        for day, pain in (("2026-01-05", 8), ("2026-01-12", 6), ("2026-01-19", 4)):
            c.post(
                f"/api/patients/{pid}/sessions",
                headers=headers,
                json={"performed_on": day, "pain_nrs": pain},
            )
        sign_in(c, "ana")
        png = c.get(f"/patients/{pid}/chart.png")
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        svg = c.get(f"/patients/{pid}/chart.svg").text
        assert "hinman2014" in svg and "30% less pain" in svg


# --- one clinic for the command line and the web --------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("ACUPATH_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("ACUPATH_USER", "tester")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_uses_the_web_clinic_and_never_silently_creates_one(cli: Any, tmp_path: Path) -> None:
    from acupath.store import open_database
    from acupath.web.users import add_user

    engine = open_database(f"sqlite:///{tmp_path / 'cli.db'}")
    with write_session(engine) as db:  # what `acupath serve` + `user add` leave behind
        add_user(db=db, username="ana", password="a long password 1", clinic="Riverside")
    code, _, err = cli("patient", "add", "--reference", "CLI-1")
    assert code == 0, err
    with write_session(engine) as db:
        assert [c.name for c in db.scalars(select(Clinic))] == ["Riverside"]
        row = db.scalar(select(Patient).where(Patient.reference == "CLI-1"))
        assert row is not None and row.clinic_id == db.scalar(select(Clinic.id))
    assert cli("patient", "list")[0] == 0
    code, _, err = cli("patient", "add", "--reference", "CLI-2", "--clinic", "Hillside")
    assert code == 0 and "created clinic 'Hillside'" in err
    code, _, err = cli("patient", "add", "--reference", "CLI-3")
    assert code == 2 and "Riverside" in err and "Hillside" in err
    engine.dispose()
