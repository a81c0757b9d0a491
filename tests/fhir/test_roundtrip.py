"""FHIR R4 export and import on both backends: validates, round-trips, refuses broken bundles."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import Engine

from acupath.errors import InputError
from acupath.fhir import export_bundle, export_json, record_from_bundle
from acupath.store import clinics, records, sessions, write_session
from tests.store.helpers import add_patient, counts, session_data


def _full_patient(engine: Engine) -> tuple[int, int]:
    clinic_id, patient_id, _ = add_patient(engine)
    with write_session(engine) as db:
        sessions.record(
            db=db,
            clinic_id=clinic_id,
            actor="t",
            data=session_data(
                patient_id,
                0,
                pain=6,
                practitioner="Dr A",
                stimulation="manual, de qi",
                notes="first visit",
                points=[
                    {"code": "LI4", "side": "left"},
                    {"code": "AUR-SHENMEN", "side": "right"},
                    {"code": "GV20", "side": "midline"},
                ],
                adverse_events=[
                    {"kind": "bruising", "severity": "mild", "description": "LI4 left"},
                    {"kind": "dizziness", "severity": "moderate"},
                ],
                responses=[
                    {"instrument": "nrs", "answered_on": "2026-03-02", "answers": {"pain": 6}},
                    {
                        "instrument": "bpi_sf",
                        "answered_on": "2026-03-02",
                        "answers": {
                            "worst": 8,
                            "least": 2,
                            "average": 5,
                            "now": 5,
                            "mood": 3,
                            "sleep": 4,
                            "work": 5,
                            "walking": 6,
                        },
                    },
                    {
                        "instrument": "peg3",
                        "answered_on": "2026-03-02",
                        "answers": {"pain": 6, "enjoyment": 5, "activity": 5},
                    },
                ],
            ),
        )
        sessions.record(
            db=db,
            clinic_id=clinic_id,
            actor="t",
            data=session_data(
                patient_id,
                1,
                pain=4,
                technique="electro",
                retention_minutes=30,
                responses=[
                    {"instrument": "pgic", "answered_on": "2026-03-09", "answers": {"change": 2}}
                ],
            ),
        )
    return clinic_id, patient_id


def _export(engine: Engine, clinic_id: int, patient_id: int) -> records.PatientRecord:
    with write_session(engine) as db:
        return records.load(
            db=db, clinic_id=clinic_id, patient_id=patient_id, actor="t", action="export"
        )


def test_export_validates_with_fhir_resources(engine: Engine) -> None:
    clinic_id, patient_id = _full_patient(engine)
    text = export_json(_export(engine, clinic_id, patient_id))
    bundle = Bundle.model_validate_json(text)
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    for kind in (
        "Patient",
        "Condition",
        "CarePlan",
        "Procedure",
        "Observation",
        "QuestionnaireResponse",
    ):
        assert kind in kinds
    doc = json.loads(text)
    codes = {(c["system"], c["code"]) for e in doc["entry"] for c in _codings(e["resource"])}
    assert ("http://loinc.org", "72514-3") in codes
    assert ("http://loinc.org", "77565-0") in codes
    assert ("http://loinc.org", "91147-9") in codes
    assert ("http://snomed.info/sct", "44868003") in codes  # acupuncture
    assert ("http://snomed.info/sct", "231102004") in codes  # electro session
    assert ("http://snomed.info/sct", "272761009") in codes  # LI4 body structure
    assert ("http://snomed.info/sct", "273187009") in codes  # auricular point
    assert ("http://hl7.org/fhir/sid/icd-10-cm", "M54.5") in codes


def _codings(obj: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(obj, dict):
        if "system" in obj and "code" in obj:
            found.append(obj)
        for v in obj.values():
            found += _codings(v)
    elif isinstance(obj, list):
        for v in obj:
            found += _codings(v)
    return found


def test_round_trip_loses_nothing(engine: Engine) -> None:
    clinic_id, patient_id = _full_patient(engine)
    original = _export(engine, clinic_id, patient_id)
    data = json.loads(export_json(original))
    back = record_from_bundle(data)
    assert records.canonical(back) == records.canonical(original)
    with write_session(engine) as db:
        other = clinics.get_or_create(db=db, name="Other clinic")
        stored = records.save(db=db, clinic_id=other.id, record=back, actor="t")
        other_id, new_id = other.id, stored.id
    again = _export(engine, other_id, new_id)
    assert records.canonical(again) == records.canonical(original)
    # Export is deterministic.
    assert export_json(again) == export_json(original)


def _broken(doc: dict[str, Any], kind: str, field: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    entry = next(e for e in out["entry"] if e["resource"]["resourceType"] == kind)
    entry["resource"][field] = value
    return out


def test_broken_bundles_are_refused_and_change_nothing(engine: Engine) -> None:
    clinic_id, patient_id = _full_patient(engine)
    doc = json.loads(export_json(_export(engine, clinic_id, patient_id)))
    doc["entry"][0]["resource"]["identifier"][0]["value"] = "NEW-1"
    before = counts(engine)
    bad = [
        (
            _broken(doc, "Procedure", "basedOn", [{"reference": "urn:uuid:missing"}]),
            "Procedure.basedOn",
        ),
        (
            _broken(doc, "CarePlan", "addresses", [{"reference": "urn:uuid:nothing"}]),
            "CarePlan.addresses",
        ),
        (_broken(doc, "Procedure", "status", 17), "Bundle"),
        (
            _broken(doc, "QuestionnaireResponse", "questionnaire", "http://example.org/q/x"),
            "questionnaire",
        ),
    ]
    for data, message in bad:
        with pytest.raises(InputError, match=message), write_session(engine) as db:
            records.save(db=db, clinic_id=clinic_id, record=record_from_bundle(data), actor="t")
    # A score that does not match its answers is refused when stored.
    tampered = copy.deepcopy(doc)
    for e in tampered["entry"]:
        res = e["resource"]
        if res["resourceType"] == "Observation" and "72514-3" in json.dumps(res):
            res["valueQuantity"]["value"] = 9
    with pytest.raises(InputError, match="score"), write_session(engine) as db:
        records.save(db=db, clinic_id=clinic_id, record=record_from_bundle(tampered), actor="t")
    assert counts(engine) == before


def test_synthetic_marking_travels(engine: Engine) -> None:
    clinic_id, patient_id = _full_patient(engine)
    record = _export(engine, clinic_id, patient_id).model_copy(update={"synthetic": True})
    bundle = export_bundle(record)
    assert bundle.meta is not None and bundle.meta.tag[0].code == "synthetic"
    assert record_from_bundle(json.loads(bundle.model_dump_json(exclude_none=True))).synthetic
