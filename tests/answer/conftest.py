"""A small knowledge base built for these tests, so they do not depend on the shipped content.

Numbers here are fixture values chosen to be distinctive (0.31, 17.7, 4,242), not clinical facts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from acupath.answer.context import extract
from acupath.answer.safety import assess
from acupath.evidence.loader import EvidenceBase, load_base


def screen_of(question: str) -> tuple[str, str | None, set[str]]:
    """The screen Ask runs for the patient ``question`` describes: its decision, urgency and
    the ids of the rules that fired (shared by the formulary tests of waves 6 and 14)."""
    safety = assess(extract(question), [], [])
    assert safety is not None, question
    return safety.decision, safety.urgency, {f.rule for f in safety.screen.findings}


CONDITIONS = [
    {
        "id": "chronic_low_back_pain",
        "name": "Chronic low back pain",
        "category": "chronic_pain",
        "synonyms": ["chronic lumbar pain", "cLBP"],
        "lay_terms": ["bad back", "sore back"],
        "icd10": ["M54.5"],
    },
    {
        "id": "knee_osteoarthritis",
        "name": "Knee osteoarthritis",
        "category": "chronic_pain",
        "synonyms": ["knee OA", "gonarthrosis"],
        "lay_terms": ["arthritis in my knee"],
        "icd10": ["M17"],
    },
    {
        "id": "cancer_pain",
        "name": "Cancer-related pain",
        "category": "cancer_pain",
        "synonyms": ["cancer pain"],
        "lay_terms": ["pain from my tumour"],
        "icd10": ["G89.3"],
    },
    {
        "id": "xerostomia",
        "name": "Xerostomia",
        "category": "cancer_symptom",
        "synonyms": ["radiation-induced xerostomia"],
        "lay_terms": ["dry mouth"],
        "icd10": ["R68.2"],
    },
    {
        "id": "chemotherapy_induced_nausea_vomiting",
        "name": "Chemotherapy-induced nausea and vomiting",
        "category": "cancer_symptom",
        "synonyms": ["CINV"],
        "lay_terms": ["chemo nausea"],
        "icd10": ["R11.2"],
    },
    {
        "id": "migraine",
        "name": "Migraine",
        "category": "chronic_pain",
        "synonyms": ["migraine prophylaxis"],
        "lay_terms": ["migraines"],
        "icd10": ["G43"],
    },
]


def _source(sid: str, kind: str, year: int, **extra: Any) -> dict[str, Any]:
    out = {
        "id": sid,
        "kind": kind,
        "authors": f"{sid.title()} A",
        "year": year,
        "title": f"Fixture source {sid}",
        "journal": "Fixture J",
        "checked": "2026-11-21",
    }
    out.update(extra)
    if not any(k in out for k in ("doi", "pmid", "url")):
        out["url"] = f"https://example.org/{sid}"
    return out


SOURCES = [
    _source("alpha2020", "meta_analysis", 2020, doi="10.1000/alpha.2020"),
    _source("beta2019", "rct", 2019, pmid="31000001"),
    _source("gamma2018", "cohort", 2018, doi="10.1000/gamma.2018"),
    _source("delta2017", "mechanism_review", 2017),
    _source("acp2017", "guideline", 2017, doi="10.1000/acp.2017"),
    _source("nice2016", "guideline", 2016),
    _source("cms2020", "coverage_policy", 2020),
    _source("omega2015", "overview", 2015, doi="10.1000/omega.2015"),
    _source("trial2009", "rct", 2009, pmid="19000009"),
]


def _finding(fid: str, **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": fid,
        "population": "Adults in fixture trials",
        "intervention": "any",
        "reviewed": "2026-11-21",
    }
    out.update(kw)
    return out


FINDINGS = [
    _finding(
        "alpha_sham_pain",
        source="alpha2020",
        condition="chronic_low_back_pain",
        comparator="sham",
        outcome="pain",
        measure="SMD",
        estimate=0.31,
        ci_lower=0.12,
        ci_upper=0.49,
        n_studies=14,
        n_participants=4242,
        certainty="moderate",
        direction="favours_acupuncture",
        better="higher",
        summary="Against sham, acupuncture lowered back pain by a small standardised amount.",
    ),
    _finding(
        "alpha_usual_care_pain",
        source="alpha2020",
        condition="chronic_low_back_pain",
        comparator="usual_care",
        outcome="pain",
        measure="MD",
        unit="points",
        scale="0-100 visual analogue scale",
        estimate=-17.7,
        ci_lower=-25.3,
        ci_upper=-9.1,
        n_studies=6,
        n_participants=1313,
        certainty="low",
        direction="favours_acupuncture",
        better="lower",
        summary="Compared with usual care, acupuncture lowered back pain on a 0-100 scale.",
    ),
    _finding(
        "beta_medication_function",
        source="beta2019",
        condition="chronic_low_back_pain",
        comparator="medication",
        comparator_detail="NSAIDs alone",
        outcome="function",
        measure="MD",
        estimate=0.8,
        ci_lower=-0.4,
        ci_upper=2.1,
        n_participants=212,
        certainty="low",
        direction="no_difference",
        better="higher",
        summary="Against NSAIDs alone, acupuncture did not improve function more.",
    ),
    _finding(
        "alpha_persistence",
        source="alpha2020",
        condition="chronic_low_back_pain",
        comparator="no_acupuncture",
        outcome="effect_persistence",
        measure="proportion",
        estimate=0.83,
        timepoint="12 months after treatment",
        direction="favours_acupuncture",
        summary="Most of the benefit over no acupuncture remained a year later.",
    ),
    _finding(
        "beta_opioid_use",
        source="beta2019",
        condition="cancer_pain",
        comparator="usual_care",
        comparator_detail="analgesics alone",
        outcome="opioid_use",
        measure="MD",
        estimate=-6.6,
        ci_lower=-11.2,
        ci_upper=-2.0,
        unit="mg morphine equivalent per day",
        n_participants=96,
        certainty="low",
        direction="favours_acupuncture",
        better="lower",
        summary="Added to analgesics, acupuncture lowered daily opioid use in cancer pain.",
    ),
    _finding(
        "alpha_cancer_pain_sham",
        source="alpha2020",
        condition="cancer_pain",
        comparator="sham",
        outcome="pain",
        measure="SMD",
        estimate=-0.45,
        ci_lower=-0.63,
        ci_upper=-0.26,
        n_studies=9,
        n_participants=777,
        certainty="moderate",
        direction="favours_acupuncture",
        better="lower",
        summary="Against sham, acupuncture lowered cancer-related pain by a small amount.",
    ),
    _finding(
        "omega_xerostomia",
        source="omega2015",
        condition="xerostomia",
        comparator="any",
        outcome="xerostomia",
        measure="categorical",
        verdict="insufficient",
        direction="mixed",
        summary="The overview judged the evidence on dry mouth insufficient.",
    ),
    _finding(
        "omega_cinv",
        source="omega2015",
        condition="chemotherapy_induced_nausea_vomiting",
        comparator="any",
        outcome="nausea_vomiting",
        measure="categorical",
        verdict="supported",
        direction="favours_acupuncture",
        summary="The overview judged the evidence to support acupuncture for chemotherapy nausea.",
    ),
    _finding(
        "gamma_adverse_events",
        source="gamma2018",
        comparator="none",
        outcome="adverse_events",
        measure="proportion",
        estimate=0.073,
        n_participants=50505,
        scale="share of patients with at least one adverse event",
        direction="not_applicable",
        summary="About one patient in fourteen had a minor adverse event during a course.",
    ),
    _finding(
        "gamma_pneumothorax",
        source="gamma2018",
        comparator="none",
        outcome="pneumothorax",
        measure="count",
        estimate=3,
        n_participants=50505,
        direction="not_applicable",
        summary="Three pneumothoraces were reported among all patients of the cohort.",
    ),
    _finding(
        "delta_endorphins",
        source="delta2017",
        comparator="none",
        outcome="mechanism_central_neurotransmitters",
        measure="categorical",
        verdict="supported",
        direction="not_applicable",
        population="Rodent models of pain",
        summary="Needling releases endogenous opioids such as endorphins in animal models.",
    ),
]

RECOMMENDATIONS = [
    {
        "id": "acp_clbp",
        "source": "acp2017",
        "body": "American College of Physicians (ACP)",
        "year": 2017,
        "condition": "chronic_low_back_pain",
        "population": "Adults with chronic low back pain",
        "direction": "for",
        "strength": "strong",
        "evidence_quality": "moderate",
        "conditions_of_use": ["One of the first-line non-drug options before drugs are considered"],
        "summary": "ACP lists acupuncture among first-line non-drug options for back pain.",
        "reviewed": "2026-11-21",
    },
    {
        "id": "nice_clbp",
        "source": "nice2016",
        "body": "National Institute for Health and Care Excellence (NICE)",
        "year": 2016,
        "condition": "chronic_low_back_pain",
        "population": "People aged 16 and over with low back pain",
        "direction": "against",
        "strength": "strong",
        "evidence_quality": "not_stated",
        "summary": "NICE advises clinicians not to offer acupuncture for low back pain.",
        "reviewed": "2026-11-21",
    },
    {
        "id": "cms_clbp",
        "source": "cms2020",
        "body": "Centers for Medicare & Medicaid Services (US Medicare)",
        "year": 2020,
        "condition": "chronic_low_back_pain",
        "population": "Medicare beneficiaries with chronic low back pain",
        "direction": "for",
        "strength": "not_graded",
        "evidence_quality": "not_stated",
        "conditions_of_use": ["Up to 12 visits in 90 days", "No more than 20 treatments a year"],
        "summary": "Medicare covers acupuncture for chronic low back pain within visit limits.",
        "reviewed": "2026-11-21",
    },
]

CLAIMS = [
    {
        "id": "claim_sham_small",
        "statement": "Against sham, acupuncture lowers chronic back pain by an SMD of 0.31.",
        "origin": "fixture",
        "topic": "effect_size",
        "condition": "chronic_low_back_pain",
        "status": "supported",
        "findings": ["alpha_sham_pain"],
        "note": "The value is the pooled sham comparison of the fixture meta-analysis.",
        "keywords": ["sham", "0.31", "back pain"],
        "reviewed": "2026-11-21",
    },
    {
        "id": "claim_untraced_smd",
        "statement": "Versus no acupuncture, acupuncture lowers back pain by an SMD of -0.88.",
        "origin": "fixture",
        "topic": "effect_size",
        "condition": "chronic_low_back_pain",
        "status": "unverified",
        "note": "No stored copy of any source reports this figure.",
        "keywords": ["no acupuncture", "-0.88", "back pain", "SMD"],
        "reviewed": "2026-11-21",
    },
    {
        "id": "claim_cures_cancer_pain",
        "statement": "Acupuncture beats painkillers alone for cancer pain, with no need for drugs.",
        "origin": "fixture",
        "topic": "integration",
        "condition": "cancer_pain",
        "status": "contradicted",
        "findings": ["beta_opioid_use"],
        "note": "The fixture trial studied acupuncture added to analgesics, not instead of them.",
        "keywords": ["painkillers", "no need for drugs", "cancer pain"],
        "reviewed": "2026-11-21",
    },
    {
        "id": "claim_endorphins",
        "statement": "Acupuncture releases endorphins in the brain.",
        "origin": "fixture",
        "topic": "mechanism",
        "status": "partly_supported",
        "findings": ["delta_endorphins"],
        "note": "Shown in animal models; not measured in patients with chronic pain.",
        "keywords": ["endorphins", "brain", "releases"],
        "reviewed": "2026-11-21",
    },
]

PROTOCOLS = [
    {
        "id": "trial2009_standard",
        "name": "Standardised acupuncture for chronic low back pain (fixture trial)",
        "conditions": ["chronic_low_back_pain"],
        "source": "trial2009",
        "rationale": "A fixed point prescription used for every patient in the fixture trial.",
        "technique": "manual",
        "points": [
            {"code": "BL23", "role": "local"},
            {"code": "BL40", "role": "distal"},
            {"code": "KI3", "role": "distal", "selected": False},
        ],
        "retention_minutes": 25,
        "schedule": [{"weeks": 3, "per_week": 2}, {"weeks": 4, "per_week": 1}],
        "reviewed": "2026-11-21",
    }
]


def write_base(root: Path, **overrides: list[dict[str, Any]]) -> Path:
    """Write the fixture knowledge base (optionally with replaced kinds) under ``root``."""
    kinds = {
        "conditions": CONDITIONS,
        "sources": SOURCES,
        "findings": FINDINGS,
        "recommendations": RECOMMENDATIONS,
        "claims": CLAIMS,
        "protocols": PROTOCOLS,
    }
    kinds.update(overrides)
    for kind, records in kinds.items():
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "fixture.yaml").write_text(yaml.safe_dump(records, sort_keys=False))
    return root


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> EvidenceBase:
    """The fixture evidence base, loaded with the real loader."""
    return load_base(write_base(tmp_path_factory.mktemp("kb")), complete=False)
