"""The intake form of the patient pages: every intake field, in the clinic's words.

:func:`read_form` turns the submitted form into an intake mapping (``acupath.care.intake``),
the patient's identifiers and their consent, collecting *every* problem at once (a list of
:class:`FieldProblem`, each naming the form field it belongs to, in words a clinician uses:
"Age must be a whole number from 0 to 120; you entered 'sixty'"). The form values are kept as
typed so that the page can show them again, whatever went wrong. :func:`form_from_patient`
fills the same form from a stored patient, for editing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from acupath.care import vocabulary as vocab
from acupath.care.intake import parse_intake
from acupath.errors import InputError

MAX_CONDITIONS = 3
"""Condition rows offered on the form (an intake may hold more; the API takes any number)."""

LABELS: dict[str, str] = {
    "reference": "Record number",
    "given_name": "Given name",
    "family_name": "Family name",
    "birth_date": "Date of birth",
    "age": "Age",
    "sex": "Sex",
    "pregnant": "Pregnant",
    "pregnancy_weeks": "Weeks of pregnancy",
    "conditions": "Condition",
    "pain_nrs": "Pain now (0-10)",
    "medications": "Medicines",
    "labs.platelets": "Platelets",
    "labs.anc": "Neutrophils (ANC)",
    "labs.inr": "INR",
    "devices": "Devices",
    "lymphedema": "Lymphoedema",
    "cancer": "Cancer history",
    "cancer.radiation_sites": "Radiotherapy sites",
    "cancer.treatments": "Cancer treatments",
    "red_flags": "Red flags",
    "comorbidities": "Other conditions",
    "skin_lesions": "Skin lesions",
    "consent": "Consent",
    "consent.by": "Consent given by",
    "consent.guardian_name": "Guardian's name",
    "consent.on": "Date of consent",
}
"""Intake field paths -> the words the form uses for them."""

RULES: dict[str, str] = {
    "age": "a whole number of years from 0 to 120",
    "pain_nrs": "a whole number from 0 (no pain) to 10 (worst imaginable)",
    "pregnancy_weeks": "a whole number of weeks from 0 to 42",
    "labs.platelets": "a count in 10^9/L from 0 to 2000 (write 150, not 150000)",
    "labs.anc": "a count in 10^9/L from 0 to 100 (write 1.5, not 1500)",
    "labs.inr": "a ratio above 0 and at most 20 (for example 2.5)",
    "duration_weeks": "a number of weeks from 0 to 5200",
}

DEVICE_LABELS = {
    "pacemaker": "Pacemaker", "icd": "Implanted defibrillator (ICD)",
    "neurostimulator": "Neurostimulator", "drug_pump": "Implanted drug pump",
    "insulin_pump": "Insulin pump", "cochlear_implant": "Cochlear implant",
    "breast_implant": "Breast implant", "port": "Port (central venous)",
    "picc_line": "PICC line",
}  # fmt: skip
LIMB_LABELS = {
    "left_arm": "Left arm", "right_arm": "Right arm", "left_leg": "Left leg",
    "right_leg": "Right leg",
}  # fmt: skip


def words(slug: str) -> str:
    """``bleeding_disorder`` -> ``Bleeding disorder`` (the slug in plain words)."""
    text = slug.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class FieldProblem:
    """One problem with the form: the form field's id, and the message in clinic words."""

    field: str
    message: str


@dataclass
class FormResult:
    """What a submitted intake form holds: the values as typed and what they mean."""

    values: dict[str, Any]
    intake: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, Any] = field(default_factory=dict)
    consent: dict[str, Any] | None = None
    problems: list[FieldProblem] = field(default_factory=list)

    def problem(self, field_id: str, message: str) -> None:
        self.problems.append(FieldProblem(field_id, message))

    @property
    def by_field(self) -> dict[str, str]:
        """First message per form field (for the message under each field)."""
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message)
        return out


def _text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _list(form: Any, name: str) -> list[str]:
    getter = getattr(form, "getlist", None)
    values = getter(name) if getter else form.get(name) or []
    if isinstance(values, str):
        values = [values]
    return [str(v) for v in values if str(v).strip()]


def _number(
    res: FormResult, name: str, text: str, rule: str, *, lo: float, hi: float, whole: bool
) -> float | int | None:
    if not text:
        return None
    label = LABELS.get(name, words(name.split(".")[-1]))
    try:
        value: float | int = int(text) if whole else float(text.replace(",", "."))
    except ValueError:
        res.problem(name, f"{label} must be {rule}; you entered '{text}'.")
        return None
    if not lo <= value <= hi or (name == "labs.inr" and value <= 0):
        res.problem(name, f"{label} must be {rule}; you entered '{text}'.")
        return None
    return value


def _sites(res: FormResult, name: str, text: str) -> list[str]:
    out = []
    for part in re.split(r"[,;\n]+", text):
        part = part.strip()
        if not part:
            continue
        try:
            out.append(vocab.parse_site(part).name)
        except ValueError:
            res.problem(
                name,
                f"{LABELS[name]}: '{part}' is not a body site acupath knows; write an area such "
                "as left arm, right chest, lower back, neck or head.",
            )
    return out


def _date(res: FormResult, name: str, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        res.problem(name, f"{LABELS[name]} must be a date (YYYY-MM-DD); you entered '{text}'.")
        return None


FORM_FIELDS = (
    "reference", "given_name", "family_name", "birth_date", "age", "sex", "pain_nrs",
    "pregnancy_weeks", "medications", "labs.platelets", "labs.anc", "labs.inr",
    "cancer.radiation_sites", "skin_lesions", "comorbidities_other", "consent.on",
    "consent.by", "consent.guardian_name", "consent.guardian_relationship",
)  # fmt: skip
FORM_FLAGS = (
    "pregnant", "needle_phobia", "cannot_consent", "cancer.history", "cancer.active",
    "cancer.on_treatment", "consent.given",
)  # fmt: skip
FORM_LISTS = ("devices", "lymphedema", "red_flags", "comorbidities", "cancer.treatments")


def read_form(form: Any, *, require_reference: bool = True) -> FormResult:
    """Read the submitted intake form (see the module docstring)."""
    values: dict[str, Any] = {name: _text(form, name) for name in FORM_FIELDS}
    values.update({name: bool(_text(form, name)) for name in FORM_FLAGS})
    values.update({name: _list(form, name) for name in FORM_LISTS})
    for i in range(MAX_CONDITIONS):
        for part in ("condition", "duration_weeks", "cause", "site"):
            values[f"conditions.{i}.{part}"] = _text(form, f"conditions.{i}.{part}")
    res = FormResult(values=values)

    if require_reference and not values["reference"]:
        res.problem("reference", "Record number is required (the clinic's own number).")
    birth = _date(res, "birth_date", values["birth_date"])
    age = _number(res, "age", values["age"], RULES["age"], lo=0, hi=120, whole=True)
    if age is None and birth is not None and "age" not in res.by_field:
        today = dt.date.today()
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if age is None and "age" not in res.by_field:
        res.problem("age", "Age is required: give the age in years or the date of birth.")
    res.identity = {
        "reference": values["reference"],
        "given_name": values["given_name"] or None,
        "family_name": values["family_name"] or None,
        "birth_date": birth,
        "sex": values["sex"] if values["sex"] in ("female", "male", "other") else "unknown",
    }

    conditions = []
    for i in range(MAX_CONDITIONS):
        cid = values[f"conditions.{i}.condition"]
        if not cid:
            continue
        entry: dict[str, Any] = {"condition": cid}
        weeks = _number(
            res, f"conditions.{i}.duration_weeks", values[f"conditions.{i}.duration_weeks"],
            RULES["duration_weeks"], lo=0, hi=5200, whole=False,
        )  # fmt: skip
        if weeks is not None:
            entry["duration_weeks"] = weeks
        if values[f"conditions.{i}.cause"]:
            entry["cause"] = values[f"conditions.{i}.cause"]
        conditions.append(entry)
    if not conditions:
        res.problem("conditions.0.condition", "Choose the condition the patient comes for.")

    intake: dict[str, Any] = {"conditions": conditions}
    if age is not None:
        intake["age"] = age
    if res.identity["sex"] != "unknown":
        intake["sex"] = res.identity["sex"]
    pain = _number(res, "pain_nrs", values["pain_nrs"], RULES["pain_nrs"], lo=0, hi=10, whole=True)
    if pain is not None:
        intake["pain_nrs"] = pain
    weeks_preg = _number(
        res, "pregnancy_weeks", values["pregnancy_weeks"], RULES["pregnancy_weeks"],
        lo=0, hi=42, whole=True,
    )  # fmt: skip
    if values["pregnant"] or weeks_preg is not None:
        if res.identity["sex"] == "male":
            res.problem("pregnant", "Pregnant cannot be ticked when sex is male.")
        intake["pregnant"] = True
        if weeks_preg is not None:
            intake["pregnancy_weeks"] = weeks_preg
    meds = [m.strip() for m in re.split(r"[,;\n]+", values["medications"]) if m.strip()]
    if meds:
        intake["medications"] = meds
    labs = {}
    for lab, hi in (("platelets", 2000), ("anc", 100), ("inr", 20)):
        key = f"labs.{lab}"
        value = _number(res, key, values[key], RULES[key], lo=0, hi=hi, whole=False)
        if value is not None:
            labs[lab] = value
    if labs:
        intake["labs"] = labs
    devices = [d for d in values["devices"] if d in vocab.DEVICES]
    if devices:
        intake["devices"] = devices
    limbs = [x for x in values["lymphedema"] if x in vocab.LIMBS]
    if limbs:
        intake["lymphedema"] = limbs
    radiation = _sites(res, "cancer.radiation_sites", values["cancer.radiation_sites"])
    treatments = [t for t in values["cancer.treatments"] if t in vocab.CANCER_TREATMENTS]
    if (
        values["cancer.history"]
        or values["cancer.active"]
        or values["cancer.on_treatment"]
        or treatments
        or radiation
    ):
        intake["cancer"] = {
            "active": values["cancer.active"],
            "on_treatment": values["cancer.on_treatment"],
            "treatments": treatments,
            "radiation_sites": radiation,
        }
    flags = [f for f in values["red_flags"] if f in vocab.RED_FLAGS]
    if flags:
        intake["red_flags"] = flags
    comorbid = list(values["comorbidities"]) + [
        c.strip() for c in values["comorbidities_other"].split(",") if c.strip()
    ]
    if comorbid:
        intake["comorbidities"] = comorbid
    skin = _sites(res, "skin_lesions", values["skin_lesions"])
    if skin:
        intake["skin_lesions"] = skin
    if values["needle_phobia"]:
        intake["needle_phobia"] = True
    if values["cannot_consent"]:
        intake["can_consent"] = False
    res.intake = intake

    consent_on = _date(res, "consent.on", values["consent.on"])
    if values["consent.given"]:
        by = "guardian" if values["consent.by"] == "guardian" else "patient"
        res.consent = {
            "given": True,
            "on": consent_on or dt.date.today(),
            "by": by,
            "guardian_name": values["consent.guardian_name"] or None,
            "guardian_relationship": values["consent.guardian_relationship"] or None,
        }
        minor = age is not None and age < 18
        if (minor or values["cannot_consent"]) and by != "guardian":
            res.problem(
                "consent.by",
                "Consent given by must be a guardian: the patient is under 18 or cannot "
                "consent themselves.",
            )
        if by == "guardian" and not values["consent.guardian_name"]:
            res.problem("consent.guardian_name", "Guardian's name is required for their consent.")

    if not res.problems:
        try:
            parse_intake(intake)
        except InputError as exc:
            res.problems.append(clinic_problem(exc))
    return res


def clinic_problem(exc: InputError) -> FieldProblem:
    """An :class:`InputError` from the intake checks, re-worded for the form."""
    raw = exc.field or "intake"
    path = re.sub(r"\[(\d+)\]", r".\1", raw)
    key = re.sub(r"\.\d+", "", path)
    label = LABELS.get(key) or LABELS.get(path) or words(key.split(".")[-1])
    field_id = path if path in FORM_FIELDS or path.startswith("conditions.") else key
    if key == "conditions.condition":
        field_id = path
    allowed = RULES.get(key) or exc.allowed or "valid"
    if allowed.startswith(("a condition id", "one of")) and "condition" in key:
        allowed = "one of the conditions in the list"
    shown = "" if exc.value is None else f"; you entered '{exc.value}'"
    return FieldProblem(field_id, f"{label} must be {allowed}{shown}.")


def form_from_patient(patient: Any) -> dict[str, Any]:
    """The form's values for a stored patient (the edit page starts from these)."""
    intake: dict[str, Any] = dict(patient.intake or {})
    labs = intake.get("labs") or {}
    cancer = intake.get("cancer") or {}
    consent = patient.consent or {}
    comorbid = list(intake.get("comorbidities") or [])
    known = [c for c in comorbid if c in vocab.KNOWN_COMORBIDITIES]
    other = [c for c in comorbid if c not in vocab.KNOWN_COMORBIDITIES]
    meds = [m if isinstance(m, str) else m.get("name", "") for m in intake.get("medications", [])]
    values: dict[str, Any] = {
        "reference": patient.reference,
        "given_name": patient.given_name or "",
        "family_name": patient.family_name or "",
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else "",
        "age": str(intake.get("age", "")),
        "sex": patient.sex,
        "pain_nrs": "" if intake.get("pain_nrs") is None else str(intake["pain_nrs"]),
        "pregnant": bool(intake.get("pregnant")),
        "pregnancy_weeks": str(intake.get("pregnancy_weeks") or ""),
        "medications": ", ".join(meds),
        "labs.platelets": _show(labs.get("platelets")),
        "labs.anc": _show(labs.get("anc")),
        "labs.inr": _show(labs.get("inr")),
        "devices": [d if isinstance(d, str) else d.get("type") for d in intake.get("devices", [])],
        "lymphedema": list(intake.get("lymphedema") or []),
        "cancer.history": bool(cancer),
        "cancer.active": bool(cancer.get("active")),
        "cancer.on_treatment": bool(cancer.get("on_treatment")),
        "cancer.treatments": list(cancer.get("treatments") or []),
        "cancer.radiation_sites": ", ".join(cancer.get("radiation_sites") or []),
        "red_flags": list(intake.get("red_flags") or []),
        "comorbidities": known,
        "comorbidities_other": ", ".join(other),
        "skin_lesions": ", ".join(intake.get("skin_lesions") or []),
        "needle_phobia": bool(intake.get("needle_phobia")),
        "cannot_consent": intake.get("can_consent") is False,
        "consent.given": bool(consent.get("given")),
        "consent.on": consent.get("on", ""),
        "consent.by": consent.get("by", "patient"),
        "consent.guardian_name": consent.get("guardian_name", ""),
        "consent.guardian_relationship": consent.get("guardian_relationship", ""),
    }
    for i in range(MAX_CONDITIONS):
        entry = (intake.get("conditions") or [])[i] if i < len(intake.get("conditions", [])) else {}
        values[f"conditions.{i}.condition"] = entry.get("condition", "")
        values[f"conditions.{i}.duration_weeks"] = _show(entry.get("duration_weeks"))
        values[f"conditions.{i}.cause"] = entry.get("cause", "")
        values[f"conditions.{i}.site"] = entry.get("site", "")
    return values


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def choices() -> dict[str, Any]:
    """The fixed choices of the form (checkbox and select options, with their labels)."""
    return {
        "devices": [(d, DEVICE_LABELS.get(d, words(d))) for d in vocab.DEVICES],
        "limbs": [(x, LIMB_LABELS.get(x, words(x))) for x in vocab.LIMBS],
        "red_flags": [(f, words(f)) for f in vocab.RED_FLAGS],
        "comorbidities": [(c, words(c)) for c in vocab.KNOWN_COMORBIDITIES],
        "treatments": [(t, words(t)) for t in vocab.CANCER_TREATMENTS],
        "causes": [(c, words(c)) for c in vocab.CAUSES],
        "max_conditions": MAX_CONDITIONS,
    }
