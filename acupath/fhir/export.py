"""Export a patient's record as a FHIR R4 Bundle (built and validated with ``fhir.resources``).

``fhir.resources`` 8 ships FHIR R5 as its default package and R4B (4.3.0) as
``fhir.resources.R4B``; it has no 4.0.1 package. The resources used here (Patient, Condition,
CarePlan, Procedure, Observation, QuestionnaireResponse, Bundle) did not change between R4 and
R4B, so the documents are R4 documents validated with the R4B models.

Mapping (one entry per stored item, linked by ``urn:uuid`` full URLs):

==========================  ===================================================================
store                       FHIR
==========================  ===================================================================
patient                     Patient (identifier = clinic record number; tag ``synthetic``)
condition under treatment   Condition (ICD-10-CM + acupath condition id)
medicine (intake)           MedicationStatement (status ``active``; the name as written and
                            the drug class acupath maps it to, e.g. anticoagulant)
course (plan)               CarePlan (addresses the Condition; planned sessions, review point)
session                     Procedure (SNOMED CT acupuncture code, points as ``bodySite`` with
                            SNOMED CT body structures where they exist, adverse events as
                            ``complication``; ``basedOn`` the CarePlan)
questionnaire               QuestionnaireResponse (answers by item) and one Observation per
                            score (LOINC where a code exists; ``derivedFrom`` the response)
==========================  ===================================================================

Fields the core resources have no element for (laterality, depth, needle count, retention,
SOAP note, consent, review decisions, the plan JSON, the intake) travel in acupath extensions,
so that import restores everything the store holds.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from acupath.fhir import codes as c
from acupath.outcomes.instruments import instrument
from acupath.store.records import PatientRecord, positions

NAMESPACE = uuid.UUID("5b0c3f8e-7a59-4a43-9d0e-2f6f0d9a7c11")


def _stable_uuid(reference: str, key: str) -> str:
    """A stable ``urn:uuid`` for an item, so the same record always exports the same bundle."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{reference}/{key}')}"


def _ext(url: str, kind: str, value: Any) -> dict[str, Any]:
    return {"url": url, kind: value}


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def _patient(record: PatientRecord) -> dict[str, Any]:
    res: dict[str, Any] = {
        "resourceType": "Patient",
        "identifier": [{"system": c.PATIENT_REFERENCE, "value": record.reference}],
        "gender": record.sex,
        "extension": [_ext(c.EXT_SYNTHETIC, "valueBoolean", record.synthetic)],
    }
    if record.synthetic:
        res["meta"] = {"tag": [_coding(c.TAG, "synthetic", "Synthetic demo data")]}
    name: dict[str, Any] = {}
    if record.family_name:
        name["family"] = record.family_name
    if record.given_name:
        name["given"] = [record.given_name]
    if name:
        res["name"] = [name]
    if record.birth_date:
        res["birthDate"] = record.birth_date.isoformat()
    if record.intake is not None:
        res["extension"].append(
            _ext(c.EXT_INTAKE, "valueString", json.dumps(record.intake, sort_keys=True))
        )
    if record.consent is not None:
        res["extension"].append(
            _ext(c.EXT_CONSENT, "valueString", json.dumps(record.consent, sort_keys=True))
        )
    return res


def _medications(record: PatientRecord) -> list[tuple[str, dict[str, Any]]]:
    """One MedicationStatement per medicine of the intake (key, resource without subject)."""
    from acupath.care.medications import classify

    out: list[tuple[str, dict[str, Any]]] = []
    for i, med in enumerate((record.intake or {}).get("medications") or []):
        name = med if isinstance(med, str) else str(med.get("name"))
        dose = None if isinstance(med, str) else med.get("dose")
        codings = [_coding(c.MEDICATION, name.strip().lower(), name)]
        for cls in sorted(classify([name]).classes):
            codings.append(_coding(c.MEDICATION_CLASS, cls))
        res: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": {"coding": codings, "text": name},
        }
        if dose:
            res["dosage"] = [{"text": str(dose)}]
        out.append((f"medication-{i}", res))
    return out


def _point_extensions(p: Any) -> list[dict[str, Any]]:
    ext = [_ext(c.EXT_LATERALITY, "valueCode", p.side)]
    if p.depth is not None:
        ext.append(_ext(c.EXT_DEPTH, "valueString", p.depth))
    if p.needles is not None:
        ext.append(_ext(c.EXT_NEEDLES, "valueInteger", p.needles))
    if p.stimulation is not None:
        ext.append(_ext(c.EXT_POINT_STIMULATION, "valueString", p.stimulation))
    return ext


def _body_site(point: Any) -> dict[str, Any]:
    code, side = point.code, point.side
    codings = [_coding(c.POINT, code)]
    if code in c.POINT_BODY_STRUCTURES:
        sct, display = c.POINT_BODY_STRUCTURES[code]
        codings.append(_coding(c.SNOMED, sct, display))
    elif code.startswith("AUR-"):
        codings.append(_coding(c.SNOMED, *c.AURICULAR_POINTS))
    return {
        "coding": codings,
        "text": f"{code} ({side})",
        "extension": _point_extensions(point),
    }


def export_bundle(record: PatientRecord) -> Bundle:
    """The record as a validated FHIR ``Bundle`` of type ``collection``."""
    ref = record.reference
    names = positions(record)

    def _uuid(reference: str, key: str) -> str:
        stable = "/".join(names.get(part, part) for part in key.split("/"))
        return _stable_uuid(reference, stable)

    patient_url = _uuid(ref, "patient")
    subject = {"reference": patient_url}
    entries: list[dict[str, Any]] = [{"fullUrl": patient_url, "resource": _patient(record)}]
    for cond in record.conditions:
        codings = [_coding(c.CONDITION, cond.condition)]
        if cond.icd10:
            codings.insert(0, _coding(c.ICD10CM, cond.icd10))
        res: dict[str, Any] = {
            "resourceType": "Condition",
            "subject": subject,
            "code": {"coding": codings, "text": cond.condition.replace("_", " ")},
            "clinicalStatus": {"coding": [_coding(c.CONDITION_CLINICAL, cond.status)]},
            "recordedDate": cond.noted_on.isoformat(),
            "extension": [],
        }
        if cond.duration_weeks is not None:
            res["extension"].append(_ext(c.EXT_DURATION, "valueInteger", cond.duration_weeks))
        if cond.cause is not None:
            res["extension"].append(_ext(c.EXT_CAUSE, "valueString", cond.cause))
        entries.append({"fullUrl": _uuid(ref, cond.key), "resource": res})
    for key, med in _medications(record):
        entries.append({"fullUrl": _uuid(ref, key), "resource": {**med, "subject": subject}})
    for plan in record.plans:
        ext = [
            _ext(c.EXT_TECHNIQUE, "valueCode", plan.technique),
            _ext(c.EXT_PLANNED, "valueInteger", plan.planned_sessions),
            _ext(c.EXT_PLAN_STATUS, "valueCode", plan.status),
        ]
        if plan.frequency_per_week is not None:
            ext.append(_ext(c.EXT_FREQUENCY, "valueDecimal", plan.frequency_per_week))
        if plan.review_after is not None:
            ext.append(_ext(c.EXT_REVIEW, "valueInteger", plan.review_after))
        if plan.coverage is not None:
            ext.append(_ext(c.EXT_COVERAGE, "valueCode", plan.coverage))
        if plan.end_reason is not None:
            ext.append(_ext(c.EXT_END_REASON, "valueCode", plan.end_reason))
        if plan.reviews:
            ext.append(_ext(c.EXT_REVIEWS, "valueString", json.dumps(plan.reviews, sort_keys=True)))
        if plan.detail is not None:
            ext.append(
                _ext(c.EXT_PLAN_DETAIL, "valueString", json.dumps(plan.detail, sort_keys=True))
            )
        period = {"start": plan.started_on.isoformat()}
        if plan.ended_on:
            period["end"] = plan.ended_on.isoformat()
        entries.append(
            {
                "fullUrl": _uuid(ref, plan.key),
                "resource": {
                    "resourceType": "CarePlan",
                    "status": c.CAREPLAN_STATUS[plan.status],
                    "intent": "plan",
                    "subject": subject,
                    "period": period,
                    "addresses": [{"reference": _uuid(ref, plan.condition)}],
                    "title": (
                        f"Acupuncture course: {plan.technique}, {plan.planned_sessions} sessions"
                    ),
                    "extension": ext,
                },
            }
        )
    for s in record.sessions:
        sct = [_coding(c.SNOMED, code, display) for code, display in c.PROCEDURE_CODES[s.technique]]
        res = {
            "resourceType": "Procedure",
            "status": "completed",
            "subject": subject,
            "performedDateTime": s.performed_on.isoformat(),
            "code": {"coding": [*sct, _coding(c.TECHNIQUE, s.technique)], "text": s.technique},
            "bodySite": [_body_site(p) for p in s.points],
            "complication": [
                {
                    "coding": [_coding(c.ADVERSE_EVENT, e.kind)],
                    "text": e.description or e.kind.replace("_", " "),
                    "extension": [_ext(c.EXT_SEVERITY, "valueCode", e.severity)]
                    + (
                        [_ext(f"{c.EXT}:description", "valueString", e.description)]
                        if e.description is not None
                        else []
                    ),
                }
                for e in s.adverse_events
            ],
            "extension": [],
        }
        if s.plan:
            res["basedOn"] = [{"reference": _uuid(ref, s.plan)}]
        if s.practitioner:
            res["performer"] = [{"actor": {"display": s.practitioner}}]
        if s.notes:
            res["note"] = [{"text": s.notes}]
        if s.stimulation is not None:
            res["extension"].append(_ext(c.EXT_STIMULATION, "valueString", s.stimulation))
        if s.retention_minutes is not None:
            res["extension"].append(_ext(c.EXT_RETENTION, "valueInteger", s.retention_minutes))
        if s.soap:
            res["extension"].append(
                _ext(c.EXT_SOAP, "valueString", json.dumps(s.soap, sort_keys=True))
            )
        entries.append({"fullUrl": _uuid(ref, s.key), "resource": res})
    for q in record.responses:
        inst = instrument(q.instrument)
        qr_url = _uuid(ref, q.key)
        canonical = f"{c.LOINC}/q/{inst.loinc}" if inst.loinc else f"{c.QUESTIONNAIRE}:{inst.id}"
        qr: dict[str, Any] = {
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "questionnaire": canonical,
            "subject": subject,
            "authored": q.answered_on.isoformat(),
            "item": [
                {"linkId": item, "answer": [{"valueInteger": value}]}
                for item, value in q.answers.items()
            ],
        }
        if q.plan:
            qr["basedOn"] = [{"reference": _uuid(ref, q.plan)}]
        if q.session:
            qr["partOf"] = [{"reference": _uuid(ref, q.session)}]
        entries.append({"fullUrl": qr_url, "resource": qr})
        scores = q.subscores or {inst.primary: q.score}
        for rule in inst.scores:
            if rule.id not in scores:
                continue
            codings = [_coding(c.SCORE, f"{inst.id}.{rule.id}")]
            if rule.loinc:
                codings.insert(0, _coding(c.LOINC, rule.loinc))
            obs: dict[str, Any] = {
                "resourceType": "Observation",
                "status": "final",
                "category": [{"coding": [_coding(c.OBS_CATEGORY, "survey", "Survey")]}],
                "code": {"coding": codings, "text": f"{inst.abbreviation} {rule.id}"},
                "subject": subject,
                "effectiveDateTime": q.answered_on.isoformat(),
                "valueQuantity": {
                    "value": scores[rule.id],
                    "unit": "{score}",
                    "system": c.UCUM,
                    "code": "{score}",
                },
                "derivedFrom": [{"reference": qr_url}],
            }
            if q.session:
                obs["partOf"] = [{"reference": _uuid(ref, q.session)}]
            entries.append({"fullUrl": _uuid(ref, f"{q.key}/{rule.id}"), "resource": obs})
    for entry in entries:
        res = entry["resource"]
        if not res.get("extension"):
            res.pop("extension", None)
        for key in ("bodySite", "complication"):
            if key in res and not res[key]:
                res.pop(key)
    meta = (
        {"tag": [_coding(c.TAG, "synthetic", "Synthetic demo data")]} if record.synthetic else None
    )
    doc: dict[str, Any] = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    if meta:
        doc["meta"] = meta
    return Bundle.model_validate(doc)


def export_json(record: PatientRecord) -> str:
    """The bundle as FHIR JSON text."""
    return export_bundle(record).model_dump_json(exclude_none=True, indent=2)
