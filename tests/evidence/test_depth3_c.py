"""Third evidence-depth pass, engineer C (issue 13): cancer symptoms, neuropathies and pelvic pain.

Each assertion names a record read in a stored copy of its source. The tests check what a
clinician would be told: which comparators now have graded evidence, that negative and null
results stay negative, that single-arm results are never presented as comparisons, and that the
ratings follow from the numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from acupath.evidence import query
from acupath.evidence.certainty import stale_domains
from acupath.evidence.loader import bundled_base, is_pooled

BASE = bundled_base()
DATA = Path(__file__).resolve().parents[2] / "acupath" / "data"
FINDINGS_FILE = DATA / "findings" / "depth3_c.yaml"
SOURCES_FILE = DATA / "sources" / "depth3_c.yaml"


def _ids(path: Path) -> list[str]:
    return [rec["id"] for rec in yaml.safe_load(path.read_text(encoding="utf-8"))]


FINDING_IDS = _ids(FINDINGS_FILE)
SOURCE_IDS = _ids(SOURCES_FILE)


def test_files_load_without_duplicates() -> None:
    assert len(FINDING_IDS) >= 40
    assert len(FINDING_IDS) == len(set(FINDING_IDS))
    for fid in FINDING_IDS:
        assert fid in BASE.findings, fid
    for sid in SOURCE_IDS:
        assert sid in BASE.sources, sid


@pytest.mark.parametrize("sid", SOURCE_IDS)
def test_every_new_source_says_where_it_was_read(sid: str) -> None:
    src = BASE.sources[sid]
    assert src.checked.isoformat() == "2026-12-03"
    assert src.note and "read" in src.note
    assert src.doi or src.pmid or src.url


@pytest.mark.parametrize("fid", FINDING_IDS)
def test_every_new_efficacy_finding_is_rated_and_current(fid: str) -> None:
    f = BASE.findings[fid]
    if not f.is_efficacy:
        # single arms and counts are context, never a comparison
        assert f.comparator == "none"
        assert f.direction == "not_applicable"
        return
    assert f.certainty_basis == "acupath"
    assert f.certainty != "not_graded"
    assert len(f.certainty_domains) == 5
    assert stale_domains(f) == []


@pytest.mark.parametrize(
    ("condition", "comparators"),
    [
        ("chemotherapy_induced_peripheral_neuropathy", {"sham", "usual_care", "any", "other"}),
        ("xerostomia", {"sham", "usual_care", "other"}),
        ("hot_flashes", {"sham", "waitlist", "any"}),
        ("chemotherapy_induced_nausea_vomiting", {"sham", "usual_care"}),
        ("primary_dysmenorrhoea", {"sham", "medication"}),
        ("lymphoedema", {"any"}),
        ("aromatase_inhibitor_arthralgia", {"sham", "any"}),
        ("cancer_related_fatigue", {"sham", "usual_care"}),
        ("dyspnoea", {"sham"}),
        ("hiccups", {"medication"}),
    ],
)
def test_graded_evidence_per_comparator(condition: str, comparators: set[str]) -> None:
    profile = query.condition_profile(BASE, condition)
    for comp in comparators:
        assert comp in profile.comparators, (condition, comp)
        assert profile.comparators[comp]["best_certainty"] != "not_graded", (condition, comp)


@pytest.mark.parametrize(
    "condition",
    [
        "chemotherapy_induced_peripheral_neuropathy",
        "lymphoedema",
        "aromatase_inhibitor_arthralgia",
        "anxiety",
        "hiccups",
        "leucopenia",
        "chronic_prostatitis_pelvic_pain",
    ],
)
def test_conditions_that_gained_a_pooled_estimate(condition: str) -> None:
    profile = query.condition_profile(BASE, condition)
    assert profile.pooled
    assert profile.no_pooled_estimate is None
    assert BASE.conditions[condition].searched is not None
    assert BASE.conditions[condition].searched.isoformat() == "2026-12-03"


@pytest.mark.parametrize(
    "condition",
    [
        "hot_flashes",
        "cancer_related_fatigue",
        "xerostomia",
        "dyspnoea",
    ],
)
def test_conditions_still_without_a_pooled_number_say_so(condition: str) -> None:
    profile = query.condition_profile(BASE, condition)
    assert not profile.pooled
    assert profile.no_pooled_estimate


def test_cipn_against_sham_separates_pain_from_neurotoxicity() -> None:
    pain = BASE.findings["xu2022_cipn_pain_vs_sham"]
    ntx = BASE.findings["xu2022_cipn_neurotoxicity_vs_sham"]
    assert is_pooled(pain, BASE.sources) and pain.comparator == "sham"
    assert pain.ci_upper is not None and pain.ci_upper < 0
    assert pain.direction == "favours_acupuncture"
    # neurotoxicity against sham: CI crosses zero and I2 is high, so it is not called a benefit
    assert ntx.ci_lower is not None and ntx.ci_upper is not None
    assert ntx.ci_lower < 0 < ntx.ci_upper
    assert ntx.direction == "no_difference"
    inc = {d.domain: d.downgrade for d in ntx.certainty_domains}["inconsistency"]
    assert inc == 1


def test_null_trials_stay_null() -> None:
    for fid in (
        "ee2016_hot_flash_score_vs_sham",
        "deng2013_fatigue_vs_sham",
        "rostock2013_ea_vs_placebo_capsules",
        "smith2011_pain_3_months_vs_placebo_needle",
        "chien2017_hot_flush_frequency",
        "chien2019_bcrl_extent",
        "vickers2005_dyspnoea_week",
        "mao2014_aia_vs_sham",
        "bao2013_aimss_vs_sham",
    ):
        assert BASE.findings[fid].direction == "no_difference", fid


def test_menopause_trials_are_rated_down_for_indirectness() -> None:
    for fid in ("ee2016_hot_flash_score_vs_sham", "avis2016_vasomotor_vs_waitlist"):
        f = BASE.findings[fid]
        ind = {d.domain: d.downgrade for d in f.certainty_domains}["indirectness"]
        assert ind >= 1, fid
        assert "not cancer" in f.population


def test_single_arm_results_are_not_efficacy() -> None:
    for fid in (
        "qin2019_cpcpps_response_rate",
        "qin2019_cpcpps_cpsi_change",
        "cassileth2013_circumference_reduction",
        "bao2020_cipn_pain_change_real",
        "shen2000_median_emesis_electroacupuncture",
    ):
        f = BASE.findings[fid]
        assert not f.is_efficacy, fid
        assert not is_pooled(f, BASE.sources), fid


def test_unblinded_comparisons_are_rated_down_for_risk_of_bias() -> None:
    for fid in (
        "bao2020_cipn_vs_usual_care",
        "meng2012_xerostomia_week11",
        "simcock2013_severe_dry_mouth",
        "avis2016_vasomotor_vs_waitlist",
    ):
        f = BASE.findings[fid]
        rob = {d.domain: d.downgrade for d in f.certainty_domains}["risk_of_bias"]
        assert rob >= 1, fid
        assert f.certainty in ("low", "very_low"), fid


def test_cli_lists_the_new_comparators(capsys: pytest.CaptureFixture[str]) -> None:
    from acupath.cli import main

    code = main(
        [
            "evidence",
            "findings",
            "--condition",
            "chemotherapy_induced_peripheral_neuropathy",
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    doc = json.loads(out)
    ids = {f["id"] for f in doc["findings"]}
    assert {"xu2022_cipn_pain_vs_sham", "bao2020_cipn_vs_usual_care"} <= ids
    profile = doc["condition_profile"]
    assert profile["has_pooled_estimate"] is True
    assert "sham" in profile["comparators"]


def test_ai_arthralgia_shows_both_sides_against_sham() -> None:
    """SWOG S1200 beat sham by under a point; two smaller sham-controlled trials found nothing."""
    sham = [
        f
        for f in BASE.findings.values()
        if f.covers("aromatase_inhibitor_arthralgia") and f.comparator == "sham" and f.is_efficacy
    ]
    directions = {f.direction for f in sham}
    assert {"favours_acupuncture", "no_difference"} <= directions


def test_large_open_label_effects_are_rated_very_low() -> None:
    """Pooled SMDs above 1 from small open Chinese trials are not presented as solid."""
    for fid in ("liu2024_pdn_pain_vs_control",):
        f = BASE.findings[fid]
        assert f.estimate is not None and abs(f.estimate) > 1
        assert f.certainty == "very_low", fid
