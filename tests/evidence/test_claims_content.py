"""Content of the claims registry, the guideline positions and the mechanism findings.

These tests pin what the evidence says about the seed documents' claims, so that an edit which
quietly upgrades a contradicted claim, drops a guideline position or turns an animal mechanism
into a clinical finding fails loudly.
"""

from __future__ import annotations

from collections import Counter

import pytest

from acupath.evidence.loader import EvidenceBase, load_base

SEED_ORIGINS = [f"seed:{n:03d}" for n in range(5)]


@pytest.fixture(scope="module")
def base() -> EvidenceBase:
    return load_base()


def _seed_claims(base: EvidenceBase) -> list[str]:
    return [cid for cid, c in base.claims.items() if c.origin in SEED_ORIGINS]


def test_at_least_thirty_seed_claims(base: EvidenceBase) -> None:
    assert len(_seed_claims(base)) >= 30


@pytest.mark.parametrize("origin", SEED_ORIGINS)
def test_every_seed_document_has_claims(base: EvidenceBase, origin: str) -> None:
    count = Counter(c.origin for c in base.claims.values())[origin]
    assert count >= 3, f"{origin} has only {count} claims"


def test_claim_statuses_are_mixed(base: EvidenceBase) -> None:
    """The seeds contain supported, overstated, contradicted and untraceable claims alike."""
    statuses = Counter(base.claims[cid].status for cid in _seed_claims(base))
    for status in ("supported", "partly_supported", "contradicted", "unverified"):
        assert statuses[status] >= 1, status


def test_seed_claims_have_keywords_and_a_real_note(base: EvidenceBase) -> None:
    for cid in _seed_claims(base):
        claim = base.claims[cid]
        assert claim.keywords, cid
        assert claim.note.strip().lower() != claim.statement.strip().lower(), cid


# --- pinned verdicts -----------------------------------------------------------------------


def test_thirty_six_trials_claim_is_not_accepted_as_stated(base: EvidenceBase) -> None:
    claim = base.claims["seed000_chiu_36_trials_2200_patients"]
    assert claim.status in {"partly_supported", "contradicted"}
    assert "29" in claim.note and "effect sizes" in claim.note


def test_hiv_amitriptyline_claim_is_contradicted(base: EvidenceBase) -> None:
    claim = base.claims["seed001_hiv_acupuncture_independent_of_amitriptyline"]
    assert claim.status == "contradicted"
    assert claim.findings, "a contradicted claim must name the finding that contradicts it"
    assert all(base.findings[f].source == "shlay1998" for f in claim.findings)


def test_strongest_evidence_claim_weighs_nice_against_acp(base: EvidenceBase) -> None:
    claim = base.claims["seed001_strongest_evidence_clbp_cancer_neuropathic"]
    assert claim.status in {"partly_supported", "contradicted"}
    assert "nice2016_ng59_chronic_lbp" in claim.recommendations
    assert "acp2017_chronic_lbp" in claim.recommendations


def test_recommend_for_clbp_claim_cites_the_guideline_disagreement(base: EvidenceBase) -> None:
    claim = base.claims["seed001_recommend_for_clbp_cancer_neuropathic"]
    assert claim.status == "partly_supported"
    directions = {base.recommendations[r].direction for r in claim.recommendations}
    assert {"for", "against"} <= directions


@pytest.mark.parametrize(
    "claim_id",
    [
        "seed001_lbp_pain_smd_0_72",
        "seed001_lbp_7_to_24_points",
        "seed001_lbp_sham_12_weeks_wmd_9_55",
        "seed003_gate_control",
    ],
)
def test_untraceable_claims_stay_unverified(base: EvidenceBase, claim_id: str) -> None:
    assert base.claims[claim_id].status == "unverified"


def test_lam_figures_are_supported_but_attributed_to_lam(base: EvidenceBase) -> None:
    for cid in ("seed001_lbp_sham_wmd_16_76", "seed001_lbp_function_smd_0_94"):
        claim = base.claims[cid]
        assert claim.status == "supported"
        assert "Lam 2013" in claim.note
        assert all(base.findings[f].source == "lam2013" for f in claim.findings)


def test_sham_figure_matches_its_finding(base: EvidenceBase) -> None:
    (fid,) = base.claims["seed001_lbp_sham_wmd_16_76"].findings
    assert base.findings[fid].estimate == pytest.approx(-16.76)


def test_nk_cell_claim_is_not_presented_as_established(base: EvidenceBase) -> None:
    claim = base.claims["seed000_nk_cells_anticancer_immunity"]
    assert claim.status in {"unverified", "partly_supported"}
    assert "hypothesis" in claim.note


def test_minor_complication_rate_is_not_accepted(base: EvidenceBase) -> None:
    assert base.claims["seed001_minor_complications_5_percent"].status != "supported"


def test_peace_auricular_claim_mentions_failed_non_inferiority(base: EvidenceBase) -> None:
    assert "non-inferior" in base.claims["seed001_peace_auricular_1_6"].note


def test_session_count_claim_is_only_partly_supported(base: EvidenceBase) -> None:
    claim = base.claims["seed001_sessions_10_12_over_5_6_weeks"]
    assert claim.status == "partly_supported"
    assert "cms2020_ncd3033_clbp" in claim.recommendations


def test_every_mechanism_claim_is_at_most_partly_supported(base: EvidenceBase) -> None:
    """Mechanism evidence, mostly from animals, cannot fully support a clinical mechanism claim."""
    mechanism = [c for c in base.claims.values() if c.topic == "mechanism"]
    assert len(mechanism) >= 10
    assert all(c.status != "supported" for c in mechanism)


# --- guideline and coverage positions ----------------------------------------------------


EXPECTED_POSITIONS = [
    ("qaseem2017", "American College of Physicians", "acute_low_back_pain", "for"),
    ("qaseem2017", "American College of Physicians", "chronic_low_back_pain", "for"),
    ("nice2016_ng59", "NICE", "chronic_low_back_pain", "against"),
    ("nice2021_ng193", "NICE", "chronic_primary_pain", "for"),
    ("nice2012_cg150", "NICE", "tension_type_headache", "for"),
    ("nice2012_cg150", "NICE", "migraine", "for"),
    ("mao2022", "SIO-ASCO", "aromatase_inhibitor_arthralgia", "for"),
    ("mao2022", "SIO-ASCO", "cancer_pain", "conditional"),
    ("kolasinski2020", "American College of Rheumatology", "knee_osteoarthritis", "conditional"),
    ("kolasinski2020", "American College of Rheumatology", "hip_osteoarthritis", "conditional"),
    ("cms2020_ncd3033", "Medicare", "chronic_low_back_pain", "for"),
]


@pytest.mark.parametrize(("source", "body", "condition", "direction"), EXPECTED_POSITIONS)
def test_guideline_position_present(
    base: EvidenceBase, source: str, body: str, condition: str, direction: str
) -> None:
    matches = [
        r
        for r in base.recommendations.values()
        if r.source == source and r.covers(condition) and body in r.body
    ]
    assert matches, f"no {body} position on {condition} from {source}"
    assert {r.direction for r in matches} == {direction}


def test_at_least_nine_guideline_positions(base: EvidenceBase) -> None:
    assert len(base.recommendations) >= 9


def test_guideline_sources_have_the_right_kind(base: EvidenceBase) -> None:
    for sid in ("qaseem2017", "nice2016_ng59", "nice2021_ng193", "nice2012_cg150", "mao2022"):
        assert base.sources[sid].kind == "guideline"
    assert base.sources["kolasinski2020"].kind == "guideline"
    assert base.sources["cms2020_ncd3033"].kind == "coverage_policy"


def test_acp_grades_as_published(base: EvidenceBase) -> None:
    acute = base.recommendations["acp2017_acute_lbp"]
    chronic = base.recommendations["acp2017_chronic_lbp"]
    assert (acute.strength, acute.evidence_quality) == ("strong", "low")
    assert (chronic.strength, chronic.evidence_quality) == ("strong", "moderate")


def test_sio_asco_wording_is_kept(base: EvidenceBase) -> None:
    ai = base.recommendations["mao2022_ai_arthralgia"]
    general = base.recommendations["mao2022_cancer_pain"]
    assert ai.direction == "for" and general.direction == "conditional"
    assert ai.evidence_quality == general.evidence_quality == "intermediate"


def test_medicare_conditions_of_use(base: EvidenceBase) -> None:
    rec = base.recommendations["cms2020_ncd3033_clbp"]
    text = " ".join(rec.conditions_of_use)
    assert "12 visits in 90 days" in text
    assert "8 additional sessions" in text
    assert "20 acupuncture treatments a year" in text
    assert "ACAOM" in text
    assert "12 weeks" in rec.population and "pregnancy" in rec.population


def test_nice_ng193_is_a_single_course_for_16_and_over(base: EvidenceBase) -> None:
    rec = base.recommendations["nice2021_ng193_chronic_primary_pain"]
    text = " ".join(rec.conditions_of_use)
    assert "single course" in text.lower()
    assert "16" in text


def test_nice_low_back_disagreement_is_explained(base: EvidenceBase) -> None:
    nice = base.recommendations["nice2016_ng59_chronic_lbp"]
    acp = base.recommendations["acp2017_chronic_lbp"]
    assert "American College of Physicians" in nice.summary
    assert "NICE" in acp.summary


# --- mechanism findings --------------------------------------------------------------------


def test_mechanism_findings_are_categorical_and_name_their_population(base: EvidenceBase) -> None:
    mechanism_sources = {sid for sid, s in base.sources.items() if s.kind == "mechanism_review"}
    findings = [f for f in base.findings.values() if f.source in mechanism_sources]
    assert len(findings) >= 8
    for finding in findings:
        assert finding.measure == "categorical", finding.id
        assert finding.outcome.startswith("mechanism_"), finding.id
        assert finding.direction == "not_applicable", finding.id


@pytest.mark.parametrize(
    ("finding_id", "species"),
    [
        ("goldman2010_adenosine", "mice"),
        ("liu2021_vagal_adrenal_inflammation", "mice"),
        ("zhang2014_preclinical_mechanisms", "rodent"),
        ("han2004_opioid_peptides", "rats"),
    ],
)
def test_animal_findings_say_so(base: EvidenceBase, finding_id: str, species: str) -> None:
    assert species in base.findings[finding_id].population.lower()
