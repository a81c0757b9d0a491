"""Third evidence-depth pass (issue 13), engineer B: low back pain, sciatica, osteoarthritis,
rheumatoid arthritis, lateral elbow pain, carpal tunnel syndrome.

The assertions check what a clinician needs from these records: every comparator with evidence is
graded, null and thin results are said plainly, published signs and intervals agree with the stated
direction, and the acute low back pain record no longer claims that no pooled estimate exists."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from acupath.evidence import query
from acupath.evidence.loader import bundled_base, is_pooled
from acupath.evidence.schemas import Finding

BASE = bundled_base()
DATA = Path(__file__).resolve().parents[2] / "acupath" / "data"


def _ids(kind: str) -> list[str]:
    records = yaml.safe_load((DATA / kind / "depth3_b.yaml").read_text(encoding="utf-8"))
    return [rec["id"] for rec in records]


FINDINGS = _ids("findings")
SOURCES = _ids("sources")


def test_depth3_b_records_load_and_are_unique() -> None:
    assert len(FINDINGS) >= 44
    assert len(FINDINGS) == len(set(FINDINGS))
    for fid in FINDINGS:
        assert fid in BASE.findings, fid
    for sid in SOURCES:
        src = BASE.sources[sid]
        assert src.note and src.checked.isoformat() == "2026-12-03", sid


@pytest.mark.parametrize("fid", FINDINGS)
def test_every_finding_is_rated_with_its_provenance(fid: str) -> None:
    f = BASE.findings[fid]
    assert f.is_efficacy
    assert f.certainty != "not_graded"
    assert f.certainty_basis in ("source", "acupath")
    if f.certainty_basis == "source":
        assert f.certainty_source
    else:
        levels = ["very_low", "low", "moderate", "high"]
        start = levels.index(f.certainty_start or "high")
        assert f.certainty == levels[max(0, start - sum(d.downgrade for d in f.certainty_domains))]


def _null(f: Finding) -> float:
    return 1.0 if f.measure in ("RR", "OR", "HR") else 0.0


@pytest.mark.parametrize("fid", FINDINGS)
def test_direction_agrees_with_the_published_interval(fid: str) -> None:
    """A CI wholly on acupuncture's side is a benefit; a CI that crosses no effect is not."""
    f = BASE.findings[fid]
    if f.ci_lower is None or f.ci_upper is None:
        return
    null = _null(f)
    if f.ci_lower <= null <= f.ci_upper:
        assert f.direction == "no_difference", fid
        return
    above = f.ci_lower > null
    favours = above == (f.better == "higher")
    assert f.direction == ("favours_acupuncture" if favours else "favours_comparator"), fid


@pytest.mark.parametrize(
    ("condition", "comparators"),
    [
        ("chronic_low_back_pain", {"sham", "no_acupuncture", "usual_care", "medication", "other"}),
        ("acute_low_back_pain", {"sham", "medication", "any"}),
        ("knee_osteoarthritis", {"sham", "waitlist", "usual_care", "no_acupuncture"}),
        ("hip_osteoarthritis", {"sham", "no_acupuncture", "medication", "other"}),
        ("sciatica", {"medication"}),
        ("rheumatoid_arthritis", {"sham", "any"}),
        ("lateral_elbow_pain", {"sham"}),
        ("plantar_heel_pain", {"any", "no_acupuncture", "other"}),
        ("carpal_tunnel_syndrome", {"medication", "no_acupuncture"}),
    ],
)
def test_graded_evidence_per_comparator(condition: str, comparators: set[str]) -> None:
    profile = query.condition_profile(BASE, condition)
    for comp in comparators:
        assert comp in profile.comparators, (condition, comp)
        assert profile.comparators[comp]["best_certainty"] != "not_graded", (condition, comp)


def test_acute_low_back_pain_now_has_pooled_estimates() -> None:
    profile = query.condition_profile(BASE, "acute_low_back_pain")
    assert profile.pooled and profile.no_pooled_estimate is None
    assert profile.comparators["medication"]["pooled"]
    assert profile.comparators["sham"]["pooled"]
    assert is_pooled(BASE.findings["lee2013_acute_lbp_pain_vs_sham"], BASE.sources)
    assert BASE.conditions["acute_low_back_pain"].searched is not None
    assert BASE.conditions["acute_low_back_pain"].searched.isoformat() == "2026-12-03"


def test_landmark_null_results_are_recorded_as_null() -> None:
    """GERAC knee, APEX and the hip Cochrane review: real needling no better than sham or add-on."""
    gerac = BASE.findings["scharf2006_knee_success_vs_sham"]
    assert gerac.direction == "no_difference" and gerac.estimate == pytest.approx(1.01)
    usual = BASE.findings["scharf2006_knee_success_vs_conservative"]
    assert usual.direction == "favours_acupuncture" and usual.estimate == pytest.approx(1.75)
    apex = BASE.findings["foster2007_knee_womac_pain_vs_exercise"]
    assert apex.direction == "no_difference"
    assert apex.ci_lower is not None and apex.ci_lower < 0 < (apex.ci_upper or 0)
    hip = BASE.findings["manheimer2018_hip_vs_sham"]
    assert (hip.verdict, hip.certainty, hip.certainty_basis) == (
        "not_supported",
        "moderate",
        "source",
    )
    assert BASE.findings["tam2007_ra_pain_vs_sham"].direction == "no_difference"
    assert BASE.findings["green2002_elbow_vs_placebo_insufficient"].verdict == "insufficient"


def test_mu2020_sham_comparison_says_not_clinically_important() -> None:
    f = BASE.findings["mu2020_clbp_vs_sham_not_clinically_important"]
    # statistically in acupuncture's favour, but the summary must say the size is unimportant
    assert f.comparator == "sham" and f.direction == "favours_acupuncture"
    assert (f.certainty, f.certainty_basis) == ("low", "source")
    assert "not clinically important" in f.summary
    none = BASE.findings["mu2020_clbp_vs_no_treatment_immediate"]
    assert (none.certainty, none.direction) == ("moderate", "favours_acupuncture")


def test_berman2004_signs_restored_consistently() -> None:
    """The stored copies drop minus signs; the restored values must still be internally coherent:
    the bounds bracket the estimate and significant results exclude zero on the benefit side."""
    for fid, p_sig in (
        ("berman2004_knee_function_8w_vs_sham", True),
        ("berman2004_knee_pain_8w_vs_sham", False),
        ("berman2004_knee_function_26w_vs_sham", True),
        ("berman2004_knee_pain_26w_vs_sham", True),
    ):
        f = BASE.findings[fid]
        assert f.better == "lower" and f.estimate is not None and f.estimate < 0
        assert f.ci_lower is not None and f.ci_upper is not None
        assert f.ci_lower <= f.estimate <= f.ci_upper
        assert (f.ci_upper < 0) is p_sig, fid
    assert "minus signs" in (BASE.sources["berman2004_knee"].note or "")


def test_sham_effects_smaller_than_unblinded_effects_for_knee_oa() -> None:
    """Manheimer 2007: the same review's sham comparison is a fraction of its waiting-list one."""
    sham = BASE.findings["manheimer2007_knee_pain_vs_sham_short"].estimate
    wait = BASE.findings["manheimer2007_knee_pain_vs_waitlist"].estimate
    assert sham is not None and wait is not None
    assert math.fabs(sham) < math.fabs(wait) / 2


def test_conditions_searched_again_with_notes() -> None:
    for cid in (
        "chronic_low_back_pain",
        "acute_low_back_pain",
        "knee_osteoarthritis",
        "hip_osteoarthritis",
        "hand_osteoarthritis",
        "rheumatoid_arthritis",
        "sciatica",
        "plantar_heel_pain",
        "lateral_elbow_pain",
        "carpal_tunnel_syndrome",
    ):
        c = BASE.conditions[cid]
        assert c.searched is not None and c.searched.isoformat() == "2026-12-03", cid
        assert c.search_note, cid


def test_plantar_heel_pain_pooled_dry_needling_keeps_the_source_grades() -> None:
    profile = query.condition_profile(BASE, "plantar_heel_pain")
    assert profile.pooled and profile.no_pooled_estimate is None
    short = BASE.findings["llurda2021_heel_pain_short_term"]
    long = BASE.findings["llurda2021_heel_pain_long_term"]
    assert (short.certainty, long.certainty) == ("low", "moderate")
    assert short.intervention == long.intervention == "dry_needling"
    null = BASE.findings["yang2024_heel_dn_vs_other_treatments"]
    assert null.direction == "no_difference" and null.comparator == "other"


def test_rheumatoid_arthritis_pooled_add_on_benefit_is_very_low_certainty() -> None:
    """Li 2022 pools mostly open add-on trials: a small benefit, rated very low, while the
    sham-controlled evidence (Tam 2007) and the Epistemonikos summary find little or none."""
    profile = query.condition_profile(BASE, "rheumatoid_arthritis")
    assert profile.pooled and profile.no_pooled_estimate is None
    pain = BASE.findings["li2022_ra_pain"]
    assert pain.certainty == "very_low" and pain.ci_upper is not None and pain.ci_upper < 0
    assert BASE.findings["ramos2018_ra_little_or_no_effect"].verdict == "not_supported"
