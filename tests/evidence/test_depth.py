"""Depth per condition: search dates, profiles, the records answers need, and the CLI."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from acupath.cli import main
from acupath.evidence import query
from acupath.evidence.loader import bundled_base, is_pooled

BASE = bundled_base()

NEW_CONDITIONS = {
    "rheumatoid_arthritis",
    "acute_injury_pain",
    "dental_pain",
    "sciatica",
    "chronic_prostatitis_pelvic_pain",
    "plantar_heel_pain",
    "lateral_elbow_pain",
    "temporomandibular_disorder",
    "primary_dysmenorrhoea",
    "carpal_tunnel_syndrome",
    "postherpetic_neuralgia",
    "diabetic_peripheral_neuropathy",
    "labour_pain",
    "emergency_acute_pain",
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_the_seed_conditions_and_trial_rich_pain_conditions_are_in_the_base() -> None:
    assert set(BASE.conditions) >= NEW_CONDITIONS
    assert len(BASE.conditions) >= 43


def test_every_new_condition_has_evidence_or_says_it_has_none() -> None:
    for cid in NEW_CONDITIONS:
        cond = BASE.conditions[cid]
        found = [f for f in BASE.findings.values() if f.covers(cid)]
        assert cond.search_note, cid
        assert found or cond.no_pooled_estimate, cid


def test_lam2013_medication_comparison_is_significant_but_not_clinically_important() -> None:
    f = BASE.findings["lam2013_medication_not_clinically_important"]
    assert f.comparator == "medication" and f.verdict == "not_supported"
    assert "clinically" in f.summary and f.certainty_basis == "acupath"
    claim = BASE.claims["seed001_lbp_vs_medication"]
    assert claim.status == "partly_supported" and f.id in claim.findings


def test_ng193_delivery_conditions_are_recorded_with_their_limits() -> None:
    rec = BASE.recommendations["nice2021_ng193_chronic_primary_pain"]
    text = " ".join(rec.conditions_of_use)
    assert "single course" in text.lower() and "5 hours" in text and "16" in text


def test_source_ratings_keep_the_cochrane_grade_they_were_read_with() -> None:
    sham = BASE.findings["smith2020_labour_sham_pain"]
    assert (sham.certainty, sham.certainty_basis) == ("low", "source")
    assert "Smith 2020" in (sham.certainty_source or "")
    usual = BASE.findings["smith2020_labour_usual_care_pain"]
    assert usual.certainty == "very_low"


@pytest.mark.parametrize(
    ("condition", "comparators"),
    [
        ("chronic_low_back_pain", {"sham", "no_acupuncture", "usual_care", "medication"}),
        ("knee_osteoarthritis", {"sham", "no_acupuncture"}),
        ("fibromyalgia", {"sham", "medication"}),
        ("migraine", {"sham"}),
        ("labour_pain", {"sham", "usual_care"}),
        ("sciatica", {"medication"}),
        ("primary_dysmenorrhoea", {"medication"}),
    ],
)
def test_graded_findings_per_comparator(condition: str, comparators: set[str]) -> None:
    profile = query.condition_profile(BASE, condition)
    for comp in comparators:
        assert comp in profile.comparators, (condition, comp)
        assert profile.comparators[comp]["best_certainty"] != "not_graded", (condition, comp)


def test_profile_reports_search_date_newest_evidence_and_pooling() -> None:
    p = query.condition_profile(BASE, "labour_pain")
    assert p.searched == "2026-12-03" and p.newest_evidence == 2020
    assert p.pooled and p.no_pooled_estimate is None
    # A condition without findings must say so rather than invent a level: chronic primary pain,
    # the old example, now has records (depth 3), so its findings are taken away here.
    bare = dataclasses.replace(
        BASE,
        findings={k: f for k, f in BASE.findings.items() if not f.covers("chronic_primary_pain")},
    )
    empty = query.condition_profile(bare, "chronic_primary_pain")
    assert empty.n_findings == 0 and not empty.pooled
    assert empty.best_certainty == "not_graded" and not empty.comparators
    hand = query.condition_profile(BASE, "hand_osteoarthritis")
    assert hand.n_findings >= 1 and not hand.pooled and hand.no_pooled_estimate


def test_pooled_means_a_number_from_a_meta_analysis() -> None:
    assert is_pooled(BASE.findings["manheimer2010_sham_pain_short_term"], BASE.sources)
    assert not is_pooled(BASE.findings["xu2020_migraine_days_sham_wk13_16"], BASE.sources)
    assert not is_pooled(BASE.findings["ernst1998_dental_pain"], BASE.sources)


def test_conditions_json_carries_profile(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "evidence", "conditions")
    by_id = {c["id"]: c for c in doc["conditions"]}
    assert set(by_id) == set(BASE.conditions)
    for c in doc["conditions"]:
        assert c["searched"] and "best_certainty" in c and "n_findings" in c
    assert by_id["chronic_low_back_pain"]["best_certainty"] in ("high", "moderate")


def test_conditions_table_shows_certainty_and_search_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["evidence", "conditions"])
    out = capsys.readouterr().out
    assert code == 0 and "searched" in out and "2026-12-03" in out


def test_findings_for_a_condition_list_graded_findings_and_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = run_json(capsys, "evidence", "findings", "--condition", "migraine")
    assert doc["condition_profile"]["searched"]
    graded = [f for f in doc["findings"] if f["certainty"] != "not_graded"]
    assert {f["comparator"] for f in graded} >= {"sham"}
    for f in doc["findings"]:
        assert f["certainty_basis"] in ("source", "acupath", "not_ratable")
