"""Read a FHIR R4 Bundle (as exported by :mod:`acupath.fhir.export`) back into a record.

The bundle is validated with ``fhir.resources`` first; then every reference must resolve to an
entry of the bundle (a Procedure ``basedOn`` a CarePlan that is not there is refused, naming
the element and the reference). Observations are derived data: they are checked against the
scores recomputed from the QuestionnaireResponse answers when the record is stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from acupath.errors import InputError
from acupath.fhir import codes as c
from acupath.outcomes.instruments import instrument, instruments, score_answers
from acupath.store.records import (
    AdverseEventRecord,
    ConditionRecord,
    PatientRecord,
    PlanRecord,
    PointRecord,
    ResponseRecord,
    SessionRecord,
)
from acupath.userfiles import parse_user_data, read_user_text

_PLAN_STATUS = {v: k for k, v in c.CAREPLAN_STATUS.items()}


def _ext(res: dict[str, Any], url: str) -> Any:
    for e in res.get("extension") or []:
        if e.get("url") == url:
            return next((v for k, v in e.items() if k.startswith("value")), None)
    return None


def _code(concept: dict[str, Any] | None, system: str) -> str | None:
    for coding in (concept or {}).get("coding") or []:
        if coding.get("system") == system:
            return str(coding.get("code"))
    return None


def _json_ext(res: dict[str, Any], url: str) -> Any:
    text = _ext(res, url)
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise InputError.invalid(f"extension({url})", text, "a JSON document") from None


def _require(value: Any, element: str, allowed: str) -> Any:
    if value is None:
        raise InputError.invalid(element, None, allowed)
    return value


class _Refs:
    """Resolve ``urn:uuid`` references to record keys, refusing references to nothing."""

    def __init__(self, entries: dict[str, dict[str, Any]]) -> None:
        self.entries = entries

    def key(self, ref: dict[str, Any] | None, element: str, kind: str) -> str:
        target = (ref or {}).get("reference")
        res = self.entries.get(str(target))
        if res is None or res["resourceType"] != kind:
            raise InputError.invalid(
                element, target, f"a reference to a {kind} entry of the bundle"
            )
        return str(target)

    def first(self, refs: list[dict[str, Any]] | None, element: str, kind: str) -> str | None:
        if not refs:
            return None
        return self.key(refs[0], element, kind)


def record_from_bundle(data: dict[str, Any]) -> PatientRecord:
    """Validate ``data`` as a FHIR Bundle and convert it to a :class:`PatientRecord`."""
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise InputError.invalid(f"Bundle.{where}", err.get("input"), str(err["msg"])) from None
    doc = json.loads(bundle.model_dump_json(exclude_none=True))
    entries: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(doc.get("entry") or []):
        url = entry.get("fullUrl")
        _require(url, f"Bundle.entry[{i}].fullUrl", "a urn:uuid full URL")
        entries[url] = entry["resource"]
    refs = _Refs(entries)
    patients = [(u, r) for u, r in entries.items() if r["resourceType"] == "Patient"]
    if len(patients) != 1:
        raise InputError.invalid("Bundle.entry", f"{len(patients)} Patient entries", "exactly one")
    patient_url, patient = patients[0]

    def subject(res: dict[str, Any], kind: str) -> None:
        if (res.get("subject") or {}).get("reference") != patient_url:
            raise InputError.invalid(f"{kind}.subject", res.get("subject"), "the bundle's Patient")

    conditions, plans, sessions, responses = [], [], [], []
    for url, res in entries.items():
        kind = res["resourceType"]
        if kind == "Condition":
            subject(res, kind)
            conditions.append(
                ConditionRecord(
                    key=url,
                    condition=_require(
                        _code(res.get("code"), c.CONDITION),
                        "Condition.code",
                        f"a coding in {c.CONDITION}",
                    ),
                    icd10=_code(res.get("code"), c.ICD10CM),
                    duration_weeks=_ext(res, c.EXT_DURATION),
                    cause=_ext(res, c.EXT_CAUSE),
                    status=_code(res.get("clinicalStatus"), c.CONDITION_CLINICAL) or "active",
                    noted_on=_require(res.get("recordedDate"), "Condition.recordedDate", "a date"),
                )
            )
        elif kind == "CarePlan":
            subject(res, kind)
            detail = _ext(res, c.EXT_PLAN_DETAIL)
            plans.append(
                PlanRecord(
                    key=url,
                    condition=_require(
                        refs.first(res.get("addresses"), "CarePlan.addresses", "Condition"),
                        "CarePlan.addresses",
                        "a Condition",
                    ),
                    technique=_require(
                        _ext(res, c.EXT_TECHNIQUE), "CarePlan.extension(technique)", "a technique"
                    ),
                    planned_sessions=_require(
                        _ext(res, c.EXT_PLANNED), "CarePlan.extension(planned-sessions)", "a number"
                    ),
                    frequency_per_week=_ext(res, c.EXT_FREQUENCY),
                    review_after=_ext(res, c.EXT_REVIEW),
                    coverage=_ext(res, c.EXT_COVERAGE),
                    started_on=_require(
                        (res.get("period") or {}).get("start"), "CarePlan.period.start", "a date"
                    ),
                    ended_on=(res.get("period") or {}).get("end"),
                    status=_ext(res, c.EXT_PLAN_STATUS)
                    or _PLAN_STATUS.get(res["status"], "active"),
                    detail=json.loads(detail) if detail else None,
                    end_reason=_ext(res, c.EXT_END_REASON),
                    reviews=_json_ext(res, c.EXT_REVIEWS),
                )
            )
        elif kind == "Procedure":
            subject(res, kind)
            points = [
                PointRecord(
                    code=_require(
                        _code(site, c.POINT), "Procedure.bodySite", f"a coding in {c.POINT}"
                    ),
                    side=_ext(site, c.EXT_LATERALITY) or "bilateral",
                    depth=_ext(site, c.EXT_DEPTH),
                    needles=_ext(site, c.EXT_NEEDLES),
                    stimulation=_ext(site, c.EXT_POINT_STIMULATION),
                )
                for site in res.get("bodySite") or []
            ]
            events = [
                AdverseEventRecord(
                    kind=_require(
                        _code(comp, c.ADVERSE_EVENT),
                        "Procedure.complication",
                        f"a coding in {c.ADVERSE_EVENT}",
                    ),
                    severity=_require(
                        _ext(comp, c.EXT_SEVERITY), "Procedure.complication", "a severity extension"
                    ),
                    description=_ext(comp, f"{c.EXT}:description"),
                )
                for comp in res.get("complication") or []
            ]
            performer = (res.get("performer") or [{}])[0].get("actor") or {}
            sessions.append(
                SessionRecord(
                    key=url,
                    plan=refs.first(res.get("basedOn"), "Procedure.basedOn", "CarePlan"),
                    performed_on=_require(
                        res.get("performedDateTime"), "Procedure.performedDateTime", "a date"
                    ),
                    practitioner=performer.get("display"),
                    technique=_require(
                        _code(res.get("code"), c.TECHNIQUE),
                        "Procedure.code",
                        f"a coding in {c.TECHNIQUE}",
                    ),
                    stimulation=_ext(res, c.EXT_STIMULATION),
                    retention_minutes=_ext(res, c.EXT_RETENTION),
                    notes=(res.get("note") or [{}])[0].get("text"),
                    soap=_json_ext(res, c.EXT_SOAP),
                    points=points,
                    adverse_events=events,
                )
            )
        elif kind == "QuestionnaireResponse":
            subject(res, kind)
            canonical = str(res.get("questionnaire") or "")
            instrument = _instrument(canonical)
            answers = {
                str(item["linkId"]): _require(
                    (item.get("answer") or [{}])[0].get("valueInteger"),
                    f"QuestionnaireResponse.item({item['linkId']})",
                    "an integer answer",
                )
                for item in res.get("item") or []
            }
            responses.append((url, res, instrument, answers))
        elif kind == "Observation":
            subject(res, kind)
            refs.first(res.get("derivedFrom"), "Observation.derivedFrom", "QuestionnaireResponse")
            refs.first(res.get("partOf"), "Observation.partOf", "Procedure")
        elif kind == "MedicationStatement":
            subject(res, kind)  # the intake carries the medicines; checked, not stored twice
        elif kind != "Patient":
            raise InputError.invalid("Bundle.entry.resource", kind, "an entry acupath exports")
    scores = _observed_scores(entries)
    response_records = [
        ResponseRecord(
            key=url,
            instrument=instrument,
            answers=answers,
            plan=refs.first(res.get("basedOn"), "QuestionnaireResponse.basedOn", "CarePlan"),
            session=refs.first(res.get("partOf"), "QuestionnaireResponse.partOf", "Procedure"),
            answered_on=_require(res.get("authored"), "QuestionnaireResponse.authored", "a date"),
            score=_primary_score(instrument, scores.get(url, {}), answers),
            subscores=_subscores(instrument, scores.get(url, {})),
        )
        for url, res, instrument, answers in responses
    ]
    intake = _ext(patient, c.EXT_INTAKE)
    name = (patient.get("name") or [{}])[0]
    reference = next(
        (
            i.get("value")
            for i in patient.get("identifier") or []
            if i.get("system") == c.PATIENT_REFERENCE
        ),
        None,
    )
    return PatientRecord(
        reference=_require(
            reference, "Patient.identifier", f"an identifier in {c.PATIENT_REFERENCE}"
        ),
        given_name=(name.get("given") or [None])[0],
        family_name=name.get("family"),
        birth_date=patient.get("birthDate"),
        sex=patient.get("gender") or "unknown",
        synthetic=bool(_ext(patient, c.EXT_SYNTHETIC)),
        intake=json.loads(intake) if intake else None,
        consent=_json_ext(patient, c.EXT_CONSENT),
        conditions=conditions,
        plans=plans,
        sessions=sessions,
        responses=response_records,
    )


def _instrument(canonical: str) -> str:

    for inst in instruments().values():
        if canonical in (f"{c.QUESTIONNAIRE}:{inst.id}", f"{c.LOINC}/q/{inst.loinc}"):
            return inst.id
    raise InputError.invalid(
        "QuestionnaireResponse.questionnaire", canonical, "a questionnaire acupath scores"
    )


def _observed_scores(entries: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for res in entries.values():
        if res["resourceType"] != "Observation":
            continue
        source = str(((res.get("derivedFrom") or [{}])[0]).get("reference"))
        code = _code(res.get("code"), c.SCORE)
        value = (res.get("valueQuantity") or {}).get("value")
        if code and value is not None:
            out.setdefault(source, {})[code.split(".", 1)[1]] = float(value)
    return out


def _primary_score(
    instrument_id: str, observed: dict[str, float], answers: dict[str, int]
) -> float:

    primary = instrument(instrument_id).primary
    if primary in observed:
        return observed[primary]
    return score_answers(instrument_id, answers).primary


def _subscores(instrument_id: str, observed: dict[str, float]) -> dict[str, float] | None:

    return observed if len(instrument(instrument_id).scores) > 1 and observed else None


def read_bundle_file(path: Path | str) -> PatientRecord:
    """Read a bundle from a JSON file; an unreadable file is refused like any bad input."""
    path = Path(path)
    text = read_user_text(path, "FILE", "FHIR JSON file")
    data = parse_user_data(text, path.with_suffix(".json"), "FILE", "FHIR JSON file")
    if not isinstance(data, dict):
        raise InputError.invalid("FILE", type(data).__name__, "a JSON object (a FHIR Bundle)")
    if data.get("resourceType") != "Bundle":
        raise InputError.invalid("resourceType", data.get("resourceType"), "Bundle")
    return record_from_bundle(data)
