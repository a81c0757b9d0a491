"""A synthetic demo clinic: invented patients, courses, sessions and scores, marked as such.

Deterministic for a given seed and size. Every patient, the clinic and each report built on it
carry ``synthetic = True`` and the notice "SYNTHETIC DEMO DATA".

How the numbers are drawn (all invented; only the targets come from the evidence base):

- conditions from a fixed mix of the main chronic-pain and oncology conditions;
- the chance that a course responds is the mean responder share of the acupuncture arms in the
  evidence base for that condition (``DEFAULT_RESPONSE`` when there is none);
- a responder's pain falls by 30-70% over the course, a non-responder's moves between +10% and
  -25%; scores are whole NRS points with noise, one per session, plus a baseline before it;
- adverse events reproduce a safety study's shares of patients and of treatments with an event
  (the first study in the evidence base reporting both), mostly mild;
- courses of 6-12 sessions, weekly or twice weekly, a few still running.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from acupath.care.protocols import protocols_for
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.outcomes import benchmarks as bm
from acupath.points import normalise_code
from acupath.store import audit
from acupath.store.engine import write_session
from acupath.store.models import (
    AdverseEvent,
    Clinic,
    Patient,
    PatientCondition,
    Plan,
    QuestionnaireResponse,
    SessionPoint,
    TreatmentSession,
)
from acupath.store.patients import validate_intake, validate_plan_detail

DEMO_CLINIC = "Synthetic demo clinic"
START = dt.date(2026, 1, 5)  # fixed, so that the demo is the same on every run
DEFAULT_RESPONSE = 0.45  # synthetic setting for conditions without a responder benchmark
DEFAULT_AE_SHARE = 0.08  # synthetic settings if the evidence base has no safety study with
DEFAULT_AE_PATIENTS = 0.09  # both a per-treatment and a per-patient share

# (condition, weight, techniques, fallback points). A course uses the points of the condition's
# preferred protocol with a published point list (acupath/data/protocols); the fallback list,
# invented for the demo, serves only conditions whose trials did not publish their points.
MIX: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    ("chronic_low_back_pain", 30, ("manual", "electro"), ("BL23", "BL25", "BL40", "GB30", "LR3")),
    ("chronic_neck_pain", 15, ("manual",), ("GB20", "GB21", "SI3", "LI4", "BL10")),
    ("knee_osteoarthritis", 15, ("manual", "electro"), ("ST35", "ST36", "SP9", "GB34", "SP10")),
    ("tension_type_headache", 10, ("manual",), ("GB20", "LI4", "LR3", "GV20", "EX-HN5")),
    ("migraine", 8, ("manual",), ("GB20", "GB8", "LI4", "LR3", "TE5")),
    ("fibromyalgia", 6, ("manual",), ("LI4", "LR3", "ST36", "SP6", "GV20")),
    ("shoulder_pain", 6, ("manual", "electro"), ("LI15", "TE14", "SI9", "LI11", "ST38")),
    (
        "chronic_musculoskeletal_pain_cancer_survivors",
        5,
        ("electro", "auricular"),
        ("LI4", "ST36", "SP6", "LR3", "PC6"),
    ),
    ("aromatase_inhibitor_arthralgia", 5, ("manual",), ("LI4", "ST36", "SP6", "GB34", "LI11")),
)
AE_KINDS = (
    ("bruising", 5),
    ("needling_pain", 4),
    ("bleeding", 3),
    ("tiredness", 2),
    ("dizziness", 1),
)


@dataclass(frozen=True)
class DemoResult:
    """What :func:`build_demo` made."""

    clinic: str
    created: bool
    patients: int
    courses: int
    sessions: int
    responses: int
    adverse_events: int
    synthetic: bool = True


def response_targets(base: EvidenceBase) -> dict[str, float]:
    """Per condition: mean responder share of acupuncture arms in the evidence base."""
    out: dict[str, float] = {}
    for cond, *_ in MIX:
        shares = [
            b.estimate
            for b in bm.efficacy_benchmarks(base, cond)
            if b.compare_with == "responder_rate" and b.arm == "acupuncture" and b.estimate
        ]
        out[cond] = sum(shares) / len(shares) if shares else DEFAULT_RESPONSE
    return out


def ae_shares(base: EvidenceBase) -> tuple[float, float]:
    """Shares of patients and of treatments with an adverse event, from one safety study.

    The first study in the evidence base that reports both is used; the defaults otherwise.
    """
    shares: dict[str, dict[str, float]] = {}
    for b in bm.safety_benchmarks(base):
        if b.outcome == "adverse_events" and b.measure == "proportion" and b.estimate:
            kind = "session" if bm.counts_sessions(b) else "patient"
            shares.setdefault(b.source, {}).setdefault(kind, b.estimate)
    for found in shares.values():
        if "session" in found and "patient" in found and found["session"] <= found["patient"]:
            return found["patient"], found["session"]
    return DEFAULT_AE_PATIENTS, DEFAULT_AE_SHARE


def _pick(rng: random.Random, weighted: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _existing(db: Session, clinic: Clinic) -> DemoResult:
    def count(model: Any) -> int:
        query = (
            select(func.count())
            .select_from(model)
            .join(Patient, Patient.id == model.patient_id)
            .where(Patient.clinic_id == clinic.id)
        )
        return int(db.scalar(query) or 0)

    n_patients = db.scalar(
        select(func.count()).select_from(Patient).where(Patient.clinic_id == clinic.id)
    )
    events = db.scalar(
        select(func.count())
        .select_from(AdverseEvent)
        .join(TreatmentSession, TreatmentSession.id == AdverseEvent.session_id)
        .join(Patient, Patient.id == TreatmentSession.patient_id)
        .where(Patient.clinic_id == clinic.id)
    )
    return DemoResult(
        clinic.name,
        False,
        int(n_patients or 0),
        count(Plan),
        count(TreatmentSession),
        count(QuestionnaireResponse),
        int(events or 0),
    )


def course_points(condition: str, technique: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
    """Points for a demo course: the default point selection of the preferred protocol for
    ``condition`` with a published point list and this ``technique`` (at least three needled
    points; the tender "Ashi" point has no fixed code), else ``fallback``."""
    for protocol in protocols_for(condition):
        if protocol.point_list != "published" or protocol.technique != technique:
            continue
        published = tuple(p.code for p in protocol.points if p.selected and p.code != "ASHI")
        if len(published) >= 3:
            return tuple(normalise_code(c) for c in published)
    return tuple(normalise_code(c) for c in fallback)


def build_demo(
    engine: Engine, *, patients: int = 300, seed: int = 7, actor: str = "demo"
) -> DemoResult:
    """Fill ``engine`` with the demo clinic (nothing is done if it already exists)."""
    rng = random.Random(seed)
    base = bundled_base()
    targets = response_targets(base)
    # Events cluster in some patients: a patient is prone with the per-patient share, and a
    # prone patient's sessions have events at per-treatment / per-patient, so both shares of
    # the study are reproduced on average.
    p_prone, p_session = ae_shares(base)
    p_ae_if_prone = min(1.0, p_session / p_prone)
    codes = {(m[0], t): course_points(m[0], t, m[3]) for m in MIX for t in m[2]}
    with write_session(engine) as db:
        existing = db.scalar(select(Clinic).where(Clinic.name == DEMO_CLINIC))
        if existing is not None:
            return _existing(db, existing)
        clinic = Clinic(name=DEMO_CLINIC, synthetic=True)
        db.add(clinic)
        db.flush()
        n_sessions = n_responses = n_events = 0
        for i in range(1, patients + 1):
            cond, _, techniques, _ = _pick(rng, [(m, m[1]) for m in MIX])
            age = rng.randint(28, 84)
            patient = Patient(
                clinic_id=clinic.id,
                reference=f"DEMO-{i:04d}",
                given_name="Synthetic",
                family_name=f"Patient {i:03d}",
                birth_date=dt.date(2026 - age, rng.randint(1, 12), rng.randint(1, 28)),
                sex=rng.choice(("female", "female", "male")),
                synthetic=True,
                intake=validate_intake({"age": age, "conditions": [{"condition": cond}]}),
            )
            db.add(patient)
            db.flush()
            start = START + dt.timedelta(days=rng.randint(0, 240))
            pc = PatientCondition(
                patient_id=patient.id,
                condition=cond,
                icd10=base.conditions[cond].icd10[0],
                duration_weeks=rng.randint(13, 260),
                noted_on=start,
            )
            db.add(pc)
            db.flush()
            planned = rng.randint(6, 12)
            technique = rng.choice(techniques)
            points = codes[(cond, technique)]
            done = planned if rng.random() > 0.12 else rng.randint(2, planned - 1)
            coverage = "cms_ncd_30_3_3" if cond == "chronic_low_back_pain" and age >= 65 else None
            plan = Plan(
                patient_id=patient.id,
                patient_condition_id=pc.id,
                technique=technique,
                planned_sessions=planned,
                frequency_per_week=rng.choice((1.0, 2.0)),
                review_after=min(6, planned),
                coverage=coverage,
                started_on=start,
                status="completed" if done == planned else "active",
                detail=validate_plan_detail(
                    {
                        "synthetic": True,
                        "condition": cond,
                        "technique": technique,
                        "points": [{"code": c} for c in points],
                        "sessions": planned,
                    }
                ),
            )
            db.add(plan)
            db.flush()
            responder = rng.random() < targets[cond]
            prone = rng.random() < p_prone
            final = rng.uniform(0.30, 0.70) if responder else rng.uniform(-0.10, 0.25)
            baseline = min(10, max(3, round(rng.gauss(6.3, 1.3))))
            step = 7 if plan.frequency_per_week == 1.0 else 3
            scores = [
                {
                    "patient_id": patient.id,
                    "plan_id": plan.id,
                    "session_id": None,
                    "instrument": "nrs",
                    "answered_on": start,
                    "answers": {"pain": baseline},
                    "score": float(baseline),
                    "subscores": None,
                }
            ]
            session_rows: list[dict[str, Any]] = []
            for k in range(done):
                on = start + dt.timedelta(days=step * k)
                session_rows.append(
                    {
                        "patient_id": patient.id,
                        "plan_id": plan.id,
                        "performed_on": on,
                        "practitioner": "Synthetic practitioner",
                        "technique": technique,
                        "stimulation": "EA 2/100 Hz"
                        if technique == "electro"
                        else "manual, de qi sought",
                        "retention_minutes": 20 if technique != "auricular" else 0,
                        "notes": "synthetic demo session",
                    }
                )
            visits = list(
                db.scalars(insert(TreatmentSession).returning(TreatmentSession.id), session_rows)
            )
            point_rows: list[dict[str, Any]] = []
            event_rows: list[dict[str, Any]] = []
            for k, visit_id in enumerate(visits):
                chosen = rng.sample(points, k=rng.randint(3, len(points)))
                point_rows += [
                    {
                        "session_id": visit_id,
                        "code": c,
                        "side": "midline" if c.startswith(("GV", "CV")) else "bilateral",
                    }
                    for c in chosen
                ]
                if prone and rng.random() < p_ae_if_prone:
                    severity = "mild" if rng.random() < 0.93 else "moderate"
                    event_rows.append(
                        {
                            "session_id": visit_id,
                            "kind": _pick(rng, AE_KINDS),
                            "severity": severity,
                            "description": "synthetic demo event",
                        }
                    )
                progress = (k + 1) / planned
                level = baseline * (1 - final * progress) + rng.gauss(0, 0.6)
                pain = int(min(10, max(0, round(level))))
                scores.append(
                    {
                        "patient_id": patient.id,
                        "plan_id": plan.id,
                        "session_id": visit_id,
                        "instrument": "nrs",
                        "answered_on": session_rows[k]["performed_on"],
                        "answers": {"pain": pain},
                        "score": float(pain),
                        "subscores": None,
                    }
                )
            if done == planned:
                pgic = rng.choice((1, 2, 2, 3)) if responder else rng.choice((3, 4, 4, 5))
                scores.append(
                    {
                        "patient_id": patient.id,
                        "plan_id": plan.id,
                        "session_id": visits[-1],
                        "instrument": "pgic",
                        "answered_on": session_rows[-1]["performed_on"],
                        "answers": {"change": pgic},
                        "score": float(pgic),
                        "subscores": None,
                    }
                )
            db.execute(insert(SessionPoint), point_rows)
            if event_rows:
                db.execute(insert(AdverseEvent), event_rows)
            db.execute(insert(QuestionnaireResponse), scores)
            n_sessions += len(visits)
            n_responses += len(scores)
            n_events += len(event_rows)
        audit.log(
            db=db,
            actor=actor,
            action="create",
            entity="demo_clinic",
            entity_id=clinic.id,
            detail={"patients": patients, "seed": seed, "synthetic": True},
        )
    return DemoResult(DEMO_CLINIC, True, patients, patients, n_sessions, n_responses, n_events)
