"""Second evidence-depth pass (issue 13): the comparators the new records fill, their ratings,
and the honesty of thin or negative results. Each assertion names a record read in a stored copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from acupath.evidence import query
from acupath.evidence.loader import bundled_base, is_pooled

BASE = bundled_base()
DATA = Path(__file__).resolve().parents[2] / "acupath" / "data"
DEPTH2_FINDINGS = sorted((DATA / "findings").glob("depth2_*.yaml"))


def _depth2_ids() -> list[str]:
    ids: list[str] = []
    for path in DEPTH2_FINDINGS:
        ids += [rec["id"] for rec in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return ids


def test_depth2_files_exist_and_load() -> None:
    ids = _depth2_ids()
    assert len(DEPTH2_FINDINGS) >= 3
    assert len(ids) == len(set(ids))
    for fid in ids:
        assert fid in BASE.findings, fid


@pytest.mark.parametrize("fid", _depth2_ids())
def test_every_depth2_finding_is_rated_with_its_provenance(fid: str) -> None:
    f = BASE.findings[fid]
    assert f.certainty_basis in ("source", "acupath")
    assert f.certainty != "not_graded"
    if f.certainty_basis == "source":
        assert f.certainty_source
    else:
        assert len(f.certainty_domains) == 5
    src = BASE.sources[f.source]
    assert src.note and src.checked.isoformat() == "2026-12-03"


@pytest.mark.parametrize(
    ("condition", "comparators"),
    [
        ("migraine", {"sham", "no_acupuncture", "medication", "waitlist"}),
        ("tension_type_headache", {"sham"}),
        ("knee_osteoarthritis", {"usual_care", "any"}),
        ("chronic_neck_pain", {"sham", "no_acupuncture", "other"}),
        ("sciatica", {"sham", "medication"}),
        ("emergency_acute_pain", {"sham", "medication", "usual_care"}),
        ("hand_osteoarthritis", {"sham"}),
        ("fibromyalgia", {"sham"}),
        ("plantar_heel_pain", {"sham"}),
        ("lateral_elbow_pain", {"sham", "other"}),
    ],
)
def test_graded_evidence_per_comparator(condition: str, comparators: set[str]) -> None:
    profile = query.condition_profile(BASE, condition)
    for comp in comparators:
        assert comp in profile.comparators, (condition, comp)
        assert profile.comparators[comp]["best_certainty"] != "not_graded", (condition, comp)


def test_migraine_and_tension_type_headache_now_have_pooled_estimates() -> None:
    for cid in ("migraine", "tension_type_headache", "emergency_acute_pain"):
        profile = query.condition_profile(BASE, cid)
        assert profile.pooled and profile.no_pooled_estimate is None, cid
    assert is_pooled(BASE.findings["ni2020_migraine_vs_no_treatment"], BASE.sources)


def test_migraine_against_sham_is_not_overstated() -> None:
    f = BASE.findings["ni2020_migraine_vs_sham"]
    assert f.ci_lower is not None and f.ci_upper is not None
    assert f.ci_lower < 0 < f.ci_upper
    assert f.direction == "no_difference"


def test_source_ratings_are_kept_as_published() -> None:
    tth = BASE.findings["kang2023_tth_responders_vs_sham"]
    assert (tth.certainty, tth.certainty_basis) == ("moderate", "source")
    assert tth.estimate == pytest.approx(1.30) and tth.i2 == 2
    for fid in ("chia2018_ed_vs_sham", "chia2018_ed_vs_morphine"):
        assert BASE.findings[fid].certainty == "low"
        assert BASE.findings[fid].certainty_basis == "source"


def test_negative_and_thin_results_are_said_plainly() -> None:
    hand = BASE.findings["barnard2020_thumb_base_vs_sham"]
    assert hand.direction == "no_difference" and hand.verdict == "not_supported"
    profile = query.condition_profile(BASE, "hand_osteoarthritis")
    assert not profile.pooled and profile.no_pooled_estimate
    assert "Barnard 2020" in profile.no_pooled_estimate
    assert BASE.findings["kim2013_ed_insufficient"].verdict == "insufficient"
    assert BASE.findings["posadzki2012_cpcpps_review"].verdict == "insufficient"
    long_term = BASE.findings["lin2016_knee_pain_long_term"]
    assert long_term.direction == "no_difference" and long_term.certainty == "very_low"


def test_acupath_ratings_follow_their_domains() -> None:
    levels = ["very_low", "low", "moderate", "high"]
    for fid in _depth2_ids():
        f = BASE.findings[fid]
        if f.certainty_basis != "acupath":
            continue
        start = levels.index(f.certainty_start or "high")
        expected = levels[max(0, start - sum(d.downgrade for d in f.certainty_domains))]
        assert f.certainty == expected, fid


def test_issue_targets_progress() -> None:
    assert len(BASE.conditions) >= 45
    assert len(BASE.sources) >= 130
    efficacy = [f for f in BASE.findings.values() if f.is_efficacy]
    rated = [f for f in efficacy if f.certainty_basis in ("source", "acupath")]
    assert len(rated) / len(efficacy) >= 0.95
