"""Code systems and codes used in acupath's FHIR documents.

Standard codes (checked 2026-11-21; see docs/records.md for where):

- SNOMED CT procedures: 44868003 *Acupuncture*, 231082000 *Dry needle acupuncture*,
  231102004 *Electrical stimulation of acupuncture needle*, 224721000000103
  *Electroacupuncture* (UK extension);
- SNOMED CT body structures for the acupoints that have one (below) and 273187009 *Chinese
  auricular points*;
- LOINC for the questionnaires that have codes (``acupath/data/outcomes/instruments.yaml``);
- ICD-10-CM for conditions (the knowledge base's codes, which use ICD-10-CM subdivisions).

Everything else (condition ids, techniques, point codes, laterality, course settings) uses
acupath's own systems, named with ``urn:acupath:`` URIs so they cannot be mistaken for
published terminologies.
"""

from __future__ import annotations

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"

ACUPATH = "urn:acupath"
PATIENT_REFERENCE = f"{ACUPATH}:patient-reference"
CONDITION = f"{ACUPATH}:condition"
TECHNIQUE = f"{ACUPATH}:technique"
POINT = f"{ACUPATH}:acupoint"
ADVERSE_EVENT = f"{ACUPATH}:adverse-event"
INSTRUMENT = f"{ACUPATH}:instrument"
SCORE = f"{ACUPATH}:score"
TAG = f"{ACUPATH}:tag"
QUESTIONNAIRE = f"{ACUPATH}:questionnaire"

# Extensions (acupath's own, each holding one stored field the core resources have no place for)
EXT = f"{ACUPATH}:fhir:extension"
EXT_SYNTHETIC = f"{EXT}:synthetic"
EXT_INTAKE = f"{EXT}:intake-json"
EXT_LATERALITY = f"{EXT}:laterality"
EXT_SEVERITY = f"{EXT}:severity"
EXT_STIMULATION = f"{EXT}:stimulation"
EXT_RETENTION = f"{EXT}:retention-minutes"
EXT_DURATION = f"{EXT}:duration-weeks"
EXT_CAUSE = f"{EXT}:cause"
EXT_PLANNED = f"{EXT}:planned-sessions"
EXT_FREQUENCY = f"{EXT}:frequency-per-week"
EXT_REVIEW = f"{EXT}:review-after"
EXT_COVERAGE = f"{EXT}:coverage"
EXT_TECHNIQUE = f"{EXT}:technique"
EXT_PLAN_STATUS = f"{EXT}:plan-status"
EXT_PLAN_DETAIL = f"{EXT}:plan-json"
EXT_SUBSCORES = f"{EXT}:subscores-json"
EXT_DEPTH = f"{EXT}:depth"
EXT_NEEDLES = f"{EXT}:needles"
EXT_POINT_STIMULATION = f"{EXT}:point-stimulation"
EXT_SOAP = f"{EXT}:soap-json"
EXT_CONSENT = f"{EXT}:consent-json"
EXT_END_REASON = f"{EXT}:end-reason"
EXT_REVIEWS = f"{EXT}:reviews-json"
MEDICATION = f"{ACUPATH}:medication"
MEDICATION_CLASS = f"{ACUPATH}:medication-class"

PROCEDURE_CODES: dict[str, tuple[tuple[str, str], ...]] = {
    "manual": (("44868003", "Acupuncture"),),
    "electro": (
        ("231102004", "Electrical stimulation of acupuncture needle"),
        ("224721000000103", "Electroacupuncture"),
    ),
    "dry_needling": (("231082000", "Dry needle acupuncture"),),
    "auricular": (("44868003", "Acupuncture"),),
    "acupressure": (),
    "moxibustion": (),
}
"""SNOMED CT procedure codes per technique; none traced for acupressure and moxibustion."""

POINT_BODY_STRUCTURES: dict[str, tuple[str, str]] = {
    "LI4": ("272761009", "LI4"),
    "ST36": ("272815002", "ST36"),
    "SP6": ("272831005", "SP6"),
    "HT7": ("272854001", "HT7"),
    "SI3": ("272860001", "SI3"),
    "SI11": ("272868008", "SI11"),
    "BL57": ("272935002", "BL57"),
    "PC6": ("272979004", "PC6"),
    "GB30": ("273037000", "GB30"),
    "GB40": ("273047002", "GB40"),
    "LR3": ("273055009", "LR3"),
}
"""SNOMED CT body structures of single acupoints (the only points with their own concept)."""

AURICULAR_POINTS = ("273187009", "Chinese auricular points")
"""Body structure for any ear point (codes starting ``AUR-``)."""

CAREPLAN_STATUS = {"active": "active", "completed": "completed", "stopped": "revoked"}
"""Course status -> CarePlan.status (a stopped course is revoked)."""
